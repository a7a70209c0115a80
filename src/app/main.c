/* main: the stretch-kiosk program. Everything happens in app_main (app.c). */
#include "app.h"

int main(int argc, char **argv) { return app_main(argc, argv); }

/* test_drm_power: the screen put to sleep and woken through the DRM connector (drm_power.c),
 * on a stand-in card (fake_drm.c) since these machines have no /dev/dri. What a clinic would
 * notice: the TV's connector goes to DPMS off at closing and on at opening; a connector with
 * no picture on it, or nothing plugged in, is left alone; when the kernel refuses (the kiosk
 * is not the DRM master) or the card has no KMS, nothing is claimed and the line for the
 * journal says why; nothing libdrm hands out is kept. */
#include <errno.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <xf86drmMode.h>

#include <cmocka.h>

#include "drm_power.h"
#include "fake_drm.h"

static char said[256];

/* A laptop's panel off, the TV on HDMI driven, a DisplayPort with nothing plugged in. */
static int tv_on_hdmi(void **state) {
    (void)state;
    fake_drm = (fake_drm_t){.kms = true, .count = 3};
    fake_drm.connectors[0] = (fake_connector_t){DRM_MODE_CONNECTOR_eDP, 1, true, false, true, 0};
    fake_drm.connectors[1] = (fake_connector_t){DRM_MODE_CONNECTOR_HDMIA, 1, true, true, true, 0};
    fake_drm.connectors[2] =
        (fake_connector_t){DRM_MODE_CONNECTOR_DisplayPort, 2, false, false, true, 0};
    return 0;
}

static int nothing_kept(void **state) {
    (void)state;
    assert_int_equal(fake_drm.live, 0);
    return 0;
}

static void test_closing_sleeps_the_tv_and_opening_wakes_it(void **state) {
    (void)state;
    assert_int_equal(drm_power_set(FAKE_DRM_FD, false, said, sizeof said), 1);
    assert_int_equal(fake_drm.connectors[1].dpms, DRM_MODE_DPMS_OFF);
    assert_string_equal(said, "HDMI-A-1");
    /* the panel with no picture and the empty DisplayPort are not touched */
    assert_int_equal(fake_drm.connectors[0].dpms, DRM_MODE_DPMS_ON);
    assert_int_equal(fake_drm.connectors[2].dpms, DRM_MODE_DPMS_ON);
    assert_int_equal(fake_drm.sets, 1);
    assert_int_equal(fake_drm.live, 0);

    assert_int_equal(drm_power_set(FAKE_DRM_FD, true, said, sizeof said), 1);
    assert_int_equal(fake_drm.connectors[1].dpms, DRM_MODE_DPMS_ON);
    assert_string_equal(said, "HDMI-A-1");
}

static void test_two_screens_both_sleep(void **state) {
    (void)state;
    fake_drm.connectors[2].connected = fake_drm.connectors[2].driven = true;
    assert_int_equal(drm_power_set(FAKE_DRM_FD, false, said, sizeof said), 2);
    assert_int_equal(fake_drm.connectors[1].dpms, DRM_MODE_DPMS_OFF);
    assert_int_equal(fake_drm.connectors[2].dpms, DRM_MODE_DPMS_OFF);
    assert_string_equal(said, "HDMI-A-1, DP-2");
}

static void test_not_the_master_claims_nothing(void **state) {
    (void)state;
    fake_drm.refuse = EACCES;
    assert_int_equal(drm_power_set(FAKE_DRM_FD, false, said, sizeof said), 0);
    assert_int_equal(fake_drm.connectors[1].dpms, DRM_MODE_DPMS_ON);
    assert_non_null(strstr(said, "refused on HDMI-A-1"));
    assert_non_null(strstr(said, strerror(EACCES)));
}

static void test_a_connector_without_dpms_is_named(void **state) {
    (void)state;
    fake_drm.connectors[1].has_dpms = false;
    assert_int_equal(drm_power_set(FAKE_DRM_FD, false, said, sizeof said), 0);
    assert_string_equal(said, "no DPMS property on HDMI-A-1");
    /* beside one that has it: that one sleeps, and the line names the one that did not */
    fake_drm.connectors[2] =
        (fake_connector_t){DRM_MODE_CONNECTOR_DisplayPort, 2, true, true, true, DRM_MODE_DPMS_ON};
    assert_int_equal(drm_power_set(FAKE_DRM_FD, false, said, sizeof said), 1);
    assert_string_equal(said, "DP-2 (not HDMI-A-1)");
}

static void test_nothing_plugged_in(void **state) {
    (void)state;
    fake_drm.connectors[1].connected = false;
    assert_int_equal(drm_power_set(FAKE_DRM_FD, false, said, sizeof said), 0);
    assert_int_equal(fake_drm.sets, 0);
    assert_string_equal(said, "no connector in use on the DRM device");
}

static void test_no_kms_and_no_descriptor(void **state) {
    (void)state;
    fake_drm.kms = false;
    assert_int_equal(drm_power_set(FAKE_DRM_FD, false, said, sizeof said), 0);
    assert_non_null(strstr(said, "no KMS resources"));
    assert_int_equal(drm_power_set(-1, false, said, sizeof said), 0);
    assert_string_equal(said, "no KMS resources on the DRM device (no descriptor)");
    assert_int_equal(fake_drm.sets, 0);
}

static void test_a_short_line_is_cut_not_overrun(void **state) {
    (void)state;
    char tiny[6];
    memset(tiny, 'x', sizeof tiny);
    assert_int_equal(drm_power_set(FAKE_DRM_FD, false, tiny, 4), 1);
    assert_int_equal(strlen(tiny), 3);
    assert_int_equal(tiny[4], 'x'); /* nothing written past the size given */
    assert_int_equal(fake_drm.connectors[1].dpms, DRM_MODE_DPMS_OFF);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_closing_sleeps_the_tv_and_opening_wakes_it, tv_on_hdmi,
                                        nothing_kept),
        cmocka_unit_test_setup_teardown(test_two_screens_both_sleep, tv_on_hdmi, nothing_kept),
        cmocka_unit_test_setup_teardown(test_not_the_master_claims_nothing, tv_on_hdmi,
                                        nothing_kept),
        cmocka_unit_test_setup_teardown(test_a_connector_without_dpms_is_named, tv_on_hdmi,
                                        nothing_kept),
        cmocka_unit_test_setup_teardown(test_nothing_plugged_in, tv_on_hdmi, nothing_kept),
        cmocka_unit_test_setup_teardown(test_no_kms_and_no_descriptor, tv_on_hdmi, nothing_kept),
        cmocka_unit_test_setup_teardown(test_a_short_line_is_cut_not_overrun, tv_on_hdmi,
                                        nothing_kept),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

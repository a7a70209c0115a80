// solid.frag: one flat colour (the mat; its edges are traced with capsules for anti-aliasing).
uniform vec4 u_color;
in vec2 v_uv;
in vec2 v_local;
out vec4 frag_color;

void main() {
    frag_color = u_color;
}

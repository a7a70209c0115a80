// image.frag: a picture (straight-alpha RGBA texture), faded by the scene's opacity.
uniform sampler2D u_tex;
uniform vec4 u_color;  // only .a is used: the opacity
in vec2 v_uv;
in vec2 v_local;
out vec4 frag_color;

void main() {
    vec4 c = texture(u_tex, v_uv);
    frag_color = vec4(c.rgb, c.a * u_color.a);
}

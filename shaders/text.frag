// text.frag: a cached text texture (single-channel coverage) tinted with one colour; with
// u_radius > 0, a grid of that many sharp texels a side (a QR code: sampled at texel centres,
// so the same compiled code serves both).
uniform sampler2D u_tex;
uniform vec4 u_color;  // straight alpha
uniform float u_radius;
in vec2 v_uv;
in vec2 v_local;
out vec4 frag_color;

void main() {
    vec2 uv = u_radius > 0.0 ? (floor(v_uv * u_radius) + 0.5) / u_radius : v_uv;
    float coverage = texture(u_tex, uv).r;
    frag_color = vec4(u_color.rgb, u_color.a * coverage);
}

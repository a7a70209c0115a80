// texture.frag: what is sampled from a texture, and the background. One program (see
// shape.frag for why); it is compiled once for each texture format bound (R8, RGBA8).
// u_mode (gfx.h, gfx_mode_t):
//   1 coverage  a single-channel texture (text) tinted with u_color; with u_radius > 0, a grid
//               of that many sharp texels a side (a QR code: sampled at texel centres)
//   6 image     a straight-alpha RGBA texture faded by u_color.a
//   4 poly      one flat colour, u_color (the mat; quad.vert places its corners): here, not
//               among the shapes, because it is large and this program is the cheaper one
//   2 gradient  the screen background: a vertical gradient from u_color to u_border_color
//               with a soft glow, dithered so a TV shows no banding (nothing sampled)
uniform int u_mode;
uniform sampler2D u_tex;
uniform vec4 u_color;
uniform vec4 u_border_color;
uniform float u_radius;
LOC(0) in vec2 v_uv;
LOC(1) in vec2 v_local;
out vec4 frag_color;

void main() {
    vec2 uv = u_radius > 0.0 ? (floor(v_uv * u_radius) + 0.5) / u_radius : v_uv;
    vec4 t = texture(u_tex, uv);
    if (u_mode == 1) {
        frag_color = vec4(u_color.rgb, u_color.a * t.r);
    } else if (u_mode == 4) {
        frag_color = u_color;
    } else {
        frag_color = vec4(t.rgb, t.a * u_color.a);
    }
}

// texture.frag: what is sampled from a texture, and the mat. One program (see shape.frag for
// why); it is compiled once for each texture format bound (R8, RGBA8).
// u_mode (gfx.h, gfx_mode_t):
//   1 coverage  a single-channel texture (text) tinted with u_color; with u_cells.x > 0, a grid
//               of that many sharp texels a side (a QR code: sampled at texel centres)
//   6 image     a straight-alpha RGBA texture faded by u_color.a
//   4 poly      one flat colour, u_color (the mat, a panel's flat inside; gfx.c places its
//               corners): here, not among the shapes, because this program is the cheaper one
// (The background has a program of its own, gradient.frag: merged here it made every textured
// pixel pay for the gradient and every background pixel for a texture fetch, 0.6 ms of CPU a
// 1080p frame, to save one 15 ms compile.)
uniform int u_mode;
uniform sampler2D u_tex;
uniform vec4 u_color;
uniform vec4 u_border_color;
uniform vec3 u_cells;  // texels a side (x, y; 0: sampled smoothly), and where in a texel (z)
uniform vec4 u_uv;     // the part of the texture on the quad: its corner (xy) and size (zw), 0..1
LOC(0) in vec2 v_uv;
LOC(1) in vec2 v_local;
LOC(2) flat in vec4 v_limb_ends; // unused: the capsule's (quad.vert); declared, as OpenGL ES
LOC(3) flat in vec4 v_limb_color; // checks that separate stages match, output for input
LOC(4) flat in float v_limb_radius;
out vec4 frag_color;

void main() {
    vec2 uv = u_cells.x > 0.0 ? (floor(v_uv * u_cells.xy) + u_cells.z) / u_cells.xy
                              : u_uv.xy + v_uv * u_uv.zw;
    vec4 t = texture(u_tex, uv);
    if (u_mode == 1) {
        frag_color = vec4(u_color.rgb, u_color.a * t.r);
    } else if (u_mode == 4) {
        frag_color = u_color;
    } else {
        frag_color = vec4(t.rgb, t.a * u_color.a);
    }
}

// texture.frag: what is sampled from a texture. One program (see shape.frag for why); it is
// compiled once for each texture format bound (R8, RGBA8).
// u_mode (gfx.h, gfx_mode_t):
//   1 coverage  a single-channel texture (text) tinted with u_color; with u_uv.z > 0, a grid
//               of that many sharp texels a side (a QR code: sampled at texel centres)
//   6 image     a straight-alpha RGBA texture faded by u_color.a
// (Flat colours were drawn here once: the software rasteriser runs both samples for every
// pixel whatever the mode, about 7 ns a pixel; the capsule's program draws them, unblended,
// at about a third of that.)
// (The background has a program of its own, gradient.frag: merged here it made every textured
// pixel pay for the gradient and every background pixel for a texture fetch, 0.6 ms of CPU a
// 1080p frame, to save one 15 ms compile.)
uniform int u_mode;
uniform sampler2D u_tex;
uniform vec4 u_color;
uniform vec4 u_border_color;
uniform vec4 u_uv;     // a text in a page: the texel at the quad's corner (xy), how many across
                       // (zw); a QR code: 0, 0, its cells; else 0: sampled smoothly
LOC(0) in vec2 v_uv;
LOC(1) in vec2 v_local;
LOC(2) flat in vec4 v_limb_ends; // unused: the capsule's (quad.vert); declared, as OpenGL ES
LOC(3) flat in vec4 v_limb_color; // checks that separate stages match, output for input
LOC(4) flat in float v_limb_radius;
out vec4 frag_color;

void main() {
    // a text in a page (always at its own size): the texel under the pixel, the same wherever
    // the text was put; a QR code: each texel's centre; else smoothly across the quad
    vec2 uv = u_uv.z > 0.0 ? (floor(v_uv * u_uv.zw) + 0.5) / u_uv.zw : v_uv;
    vec4 smooth_ = texture(u_tex, uv);
    // (a whole texture's: the first texel or a QR code's cell, read and not kept)
    vec4 t = u_uv.x > 0.0 ? texelFetch(u_tex, ivec2(floor(v_uv * u_uv.zw) + u_uv.xy), 0) : smooth_;
    if (u_mode == 1) {
        frag_color = vec4(u_color.rgb, u_color.a * t.r);
    } else {
        frag_color = vec4(t.rgb, t.a * u_color.a);
    }
}

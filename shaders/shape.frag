// shape.frag: the untextured shapes, anti-aliased by their signed distance. Built once for
// each kind (gfx.c defines SHAPE_RECT, SHAPE_CAPSULE or SHAPE_RING before it): the software
// rasteriser runs every branch of a shader for every pixel, so one program for all three made
// every limb's pixel pay for the rectangle's and the ring's code too (a program costs 15-20 ms
// to compile before the first frame with a cold shader cache; gfx_warm draws each once). The
// kinds (gfx.h, gfx_mode_t):
//   0 rect     rounded rectangle, optional outline; a circle when the radius is half the side
//   3 capsule  round-capped segment from ends.xy to ends.zw (a limb), a disc when they meet; its
//              ends, colour and radius come flat from quad.vert (its u_limb_*), not as uniforms;
//              also the flat colours (gfx_quad: a disc wider than the screen, cut by its quad)
//   5 ring     countdown ring filling the square: a track, and an arc from 12 o'clock clockwise
//              to u_progress (0..1), u_radius thick; u_ends.xy is the normal of the arc's end
//              (cos, sin of its angle), so no pixel needs an arc tangent
uniform vec4 u_rect;          // the quad, pixels
uniform vec4 u_color;         // fill / arc, straight alpha
uniform vec4 u_border_color;  // outline / track
uniform float u_radius;       // corner radius / ring thickness, pixels
uniform float u_border;       // outline width, pixels (0 = none)
uniform vec4 u_ends;          // ring: the normal of the arc's end
uniform float u_progress;
LOC(0) in vec2 v_uv;
LOC(1) in vec2 v_local;
LOC(2) flat in vec4 v_limb_ends; // (declared by every fragment shader: see quad.vert)
LOC(3) flat in vec4 v_limb_color;
LOC(4) flat in float v_limb_radius;
out vec4 frag_color;

float rounded_box(vec2 p, vec2 half_size, float r) {
    vec2 q = abs(p) - half_size + vec2(r);
    return length(max(q, 0.0)) + min(max(q.x, q.y), 0.0) - r;
}

void main() {
#if defined(SHAPE_CAPSULE)
    vec4 c = v_limb_color;
#else
    vec4 c = u_color;
#endif
    float cover = 1.0;
#if defined(SHAPE_RECT)
    {
        float d = rounded_box(v_local, u_rect.zw * 0.5, u_radius);
        cover = clamp(0.5 - d / 0.75, 0.0, 1.0);
        if (u_border > 0.0) c = mix(u_border_color, u_color, clamp(0.5 - (d + u_border) / 0.75, 0.0, 1.0));
    }
#elif defined(SHAPE_CAPSULE)
    {
        vec2 p = v_local;
        vec2 a = v_limb_ends.xy, ab = v_limb_ends.zw - v_limb_ends.xy;
        float h = clamp(dot(p - a, ab) / max(dot(ab, ab), 1e-6), 0.0, 1.0);
        cover = clamp(0.5 - (length(p - a - ab * h) - v_limb_radius) / 0.8, 0.0, 1.0);
    }
#elif defined(SHAPE_RING)
    {
        float r_out = min(u_rect.z, u_rect.w) * 0.5 - 1.0;
        float r_in = r_out - u_radius;
        float d = length(v_local);
        cover = clamp(r_out - d + 0.5, 0.0, 1.0) * clamp(d - r_in + 0.5, 0.0, 1.0);
        // pixels past (> 0) or before (< 0) the arc's end, across it: a soft edge of one pixel
        float before = clamp(0.5 - dot(v_local, u_ends.xy), 0.0, 1.0);
        float right = step(0.0, v_local.x); // the first half turn
        float arc = u_progress <= 0.5 ? right * before : max(right, before);
        arc = u_progress >= 1.0 ? 1.0 : u_progress <= 0.0 ? 0.0 : arc;
        c = mix(u_border_color, u_color, arc);
    }
#endif
    frag_color = vec4(c.rgb, c.a * cover);
}

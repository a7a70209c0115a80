// ring.frag: a countdown ring — a track with an anti-aliased arc over it that starts at 12
// o'clock and runs clockwise to u_progress (0..1). The ring fills its (square) rectangle.
uniform vec4 u_rect;
uniform vec4 u_color;         // the arc
uniform vec4 u_border_color;  // the track
uniform float u_radius;       // thickness of the ring, pixels
uniform float u_progress;     // 0..1 of the circle the arc covers
in vec2 v_uv;
in vec2 v_local;
out vec4 frag_color;

void main() {
    float r_out = min(u_rect.z, u_rect.w) * 0.5 - 1.0;
    float r_in = r_out - u_radius;
    float d = length(v_local);
    float ring = clamp(r_out - d + 0.5, 0.0, 1.0) * clamp(d - r_in + 0.5, 0.0, 1.0);
    float frac = atan(v_local.x, -v_local.y) / 6.28318531;
    frac = frac < 0.0 ? frac + 1.0 : frac;
    float r_mid = (r_in + r_out) * 0.5;
    // distance in pixels from the arc's end, along the circle: soft edge of one pixel
    float along = (u_progress - frac) * 6.28318531 * r_mid;
    float arc = u_progress >= 1.0 ? 1.0 : clamp(along + 0.5, 0.0, 1.0) * step(0.0001, u_progress);
    vec4 c = mix(u_border_color, u_color, arc);
    frag_color = vec4(c.rgb, c.a * ring);
}

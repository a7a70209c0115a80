// rect.frag: anti-aliased rounded rectangle (signed distance), optional outline.
// Also draws circles (radius = half the side) for dots and markers.
uniform vec4 u_rect;
uniform vec4 u_color;         // fill, straight alpha
uniform vec4 u_border_color;  // outline, straight alpha
uniform float u_radius;       // corner radius, pixels
uniform float u_border;       // outline width, pixels (0 = none)
in vec2 v_uv;
in vec2 v_local;
out vec4 frag_color;

float rounded_box(vec2 p, vec2 half_size, float r) {
    vec2 q = abs(p) - half_size + vec2(r);
    return length(max(q, 0.0)) + min(max(q.x, q.y), 0.0) - r;
}

void main() {
    float d = rounded_box(v_local, u_rect.zw * 0.5, u_radius);
    float aa = 0.75;
    float inside = clamp(0.5 - d / aa, 0.0, 1.0);
    vec4 c = u_color;
    if (u_border > 0.0) {
        float inner = clamp(0.5 - (d + u_border) / aa, 0.0, 1.0);
        c = mix(u_border_color, u_color, inner);
    }
    frag_color = vec4(c.rgb, c.a * inside);
}

// capsule.frag: an anti-aliased round-capped line segment (a limb), or a disc when both ends
// meet (the head, joints). Opaque inside, so overlapping limbs never darken each other.
uniform vec4 u_rect;   // the quad covering the capsule, pixels
uniform vec4 u_ends;   // segment ends a = xy, b = zw, pixels
uniform float u_radius;
uniform vec4 u_color;
in vec2 v_uv;
in vec2 v_local;
out vec4 frag_color;

void main() {
    vec2 p = u_rect.xy + v_uv * u_rect.zw;
    vec2 a = u_ends.xy, b = u_ends.zw;
    vec2 ab = b - a;
    float h = clamp(dot(p - a, ab) / max(dot(ab, ab), 1e-6), 0.0, 1.0);
    float d = length(p - a - ab * h) - u_radius;
    float inside = clamp(0.5 - d / 0.8, 0.0, 1.0);
    frag_color = vec4(u_color.rgb, u_color.a * inside);
}

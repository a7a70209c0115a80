// quad.vert: one screen-space quad from four vertices, no vertex buffer (gl_VertexID).
// Pixel coordinates, origin top-left, y down: u_rect = (x, y, w, h); for a polygon (u_mode 4)
// the four corners in u_corners, in triangle-strip order; for a capsule (u_mode 3) a quad
// hugging the segment u_ends, u_radius wide (a diagonal limb's bounding box would be mostly
// empty pixels the rasteriser still shades).
uniform int u_mode;
uniform vec2 u_screen;
uniform vec2 u_shift;  // the kiosk's burn-in drift, pixels (0 otherwise)
uniform vec4 u_rect;
uniform vec2 u_corners[4];
uniform vec4 u_ends;
uniform float u_radius;
LOC(0) out vec2 v_uv;     // 0..1 across the rectangle
LOC(1) out vec2 v_local;  // pixels from the rectangle's centre (a polygon, a capsule: the pixel itself)

void main() {
    vec2 corner = vec2(float(gl_VertexID & 1), float(gl_VertexID >> 1));
    vec2 px = u_rect.xy + corner * u_rect.zw;
    v_uv = corner;
    v_local = (corner - 0.5) * u_rect.zw;
    if (u_mode == 4) {
        px = u_corners[gl_VertexID];
        v_local = px;
    } else if (u_mode == 3) {
        vec2 a = u_ends.xy, b = u_ends.zw, d = b - a;
        float len = length(d);
        vec2 along = len > 1e-4 ? d / len : vec2(1.0, 0.0), across = vec2(-along.y, along.x);
        float reach = u_radius + 1.5;  // the anti-aliased rim
        px = mix(a - along * reach, b + along * reach, corner.x) + across * reach * (corner.y * 2.0 - 1.0);
        v_local = px;
    }
    px += u_shift;
    gl_Position = vec4(px.x / u_screen.x * 2.0 - 1.0, 1.0 - px.y / u_screen.y * 2.0, 0.0, 1.0);
}

// quad.vert: one screen-space quad from four vertices, no vertex buffer (gl_VertexID).
// Pixel coordinates, origin top-left, y down: the quad's corners in u_corners, in
// triangle-strip order (gfx.c places them: a rectangle, the mat's polygon, a quad hugging a
// limb). Only this, so the software rasteriser compiles it quickly.
uniform vec2 u_screen;
uniform vec2 u_shift;       // the kiosk's burn-in drift, pixels (0 otherwise)
uniform vec2 u_corners[4];
uniform vec2 u_origin;      // where v_local is 0
// A limb's own values, passed unchanged (flat) to shape.frag's capsule, which so has no uniform
// of its own: the software rasteriser copies a fragment program's whole state (about 33 KiB)
// into the frame's memory at every draw that changes one of its uniforms, and a figure is
// dozens of capsules. (Set only by capsule draws; the other fragment shaders declare the inputs
// but do not read them: OpenGL ES draws nothing through separate stages whose outputs and inputs
// do not match one for one.)
uniform vec4 u_limb_ends;   // the segment's ends, pixels
uniform vec4 u_limb_color;  // straight alpha
uniform float u_limb_radius;
LOC(0) out vec2 v_uv;       // 0..1 across the quad
LOC(1) out vec2 v_local;    // pixels from u_origin (a rectangle's centre; 0 for a polygon, a limb)
LOC(2) flat out vec4 v_limb_ends;
LOC(3) flat out vec4 v_limb_color;
LOC(4) flat out float v_limb_radius;

void main() {
    vec2 corner = vec2(float(gl_VertexID & 1), float(gl_VertexID >> 1));
    vec2 px = u_corners[gl_VertexID];
    v_uv = corner;
    v_limb_ends = u_limb_ends;
    v_limb_color = u_limb_color;
    v_limb_radius = u_limb_radius;
    v_local = px - u_origin;
    px += u_shift;
    gl_Position = vec4(px.x / u_screen.x * 2.0 - 1.0, 1.0 - px.y / u_screen.y * 2.0, 0.0, 1.0);
}

// poly.vert: a filled quadrilateral from four corners given in pixels (triangle-strip order:
// two corners of one edge, then the two of the opposite edge). No vertex buffer.
uniform vec2 u_screen;
uniform vec2 u_shift;  // the kiosk's burn-in drift, pixels (0 otherwise)
uniform vec2 u_corners[4];
out vec2 v_uv;
out vec2 v_local;

void main() {
    vec2 px = u_corners[gl_VertexID];
    v_uv = vec2(0.0);
    v_local = px;
    px += u_shift;
    gl_Position = vec4(px.x / u_screen.x * 2.0 - 1.0, 1.0 - px.y / u_screen.y * 2.0, 0.0, 1.0);
}

// gradient.frag: the screen background, a vertical gradient from u_color to u_border_color
// with a soft glow, dithered so a TV shows no banding. Its own program: it covers every pixel
// of every redraw, so it does nothing else.
uniform vec4 u_color;         // top colour
uniform vec4 u_border_color;  // bottom colour
// A translucent panel's flat inside over it (gfx_gradient_under), so those pixels are shaded
// once: window pixels x0 y0 x1 y1 (GL's origin), and its colour (straight alpha; 0 none)
uniform vec4 u_panel;
uniform vec4 u_panel_color;
LOC(0) in vec2 v_uv;
LOC(1) in vec2 v_local;
LOC(2) flat in vec4 v_limb_ends; // unused: the capsule's (quad.vert); declared, as OpenGL ES
LOC(3) flat in vec4 v_limb_color; // checks that separate stages match, output for input
LOC(4) flat in float v_limb_radius;
out vec4 frag_color;

void main() {
    vec3 c = mix(u_color.rgb, u_border_color.rgb, smoothstep(0.0, 1.0, v_uv.y));
    vec2 p = v_uv - vec2(0.25, 0.1);  // a faint light from the upper left, like a lit wall
    c += 0.035 * exp(-dot(p, p) * 3.0);
    float noise = fract(52.9829189 * fract(dot(gl_FragCoord.xy, vec2(0.06711056, 0.00583715))));
    c += (noise - 0.5) / 255.0;
    bool inside = all(greaterThan(gl_FragCoord.xy, u_panel.xy)) &&
                  all(lessThan(gl_FragCoord.xy, u_panel.zw));
    // as the panel blended over the gradient stored in 8 bits
    vec3 under = floor(clamp(c, 0.0, 1.0) * 255.0 + 0.5) / 255.0;
    frag_color = vec4(inside ? mix(under, u_panel_color.rgb, u_panel_color.a) : c, 1.0);
}

// text.frag: a cached text texture (single-channel coverage) tinted with one colour.
uniform sampler2D u_tex;
uniform vec4 u_color;  // straight alpha
in vec2 v_uv;
in vec2 v_local;
out vec4 frag_color;

void main() {
    float coverage = texture(u_tex, v_uv).r;
    frag_color = vec4(u_color.rgb, u_color.a * coverage);
}

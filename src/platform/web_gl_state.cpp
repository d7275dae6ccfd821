// web_gl_state: the kept answers to ImGui's OpenGL state queries (contract in web_gl_state.hpp).
#include <GLES3/gl3.h>

#include <algorithm>

namespace {

// The state queries of ImGui's OpenGL backend that Chromium answers only after a GPU round trip:
// the first answer to each, kept for the life of the page (it has one GL context).
struct KeptGlState {
    GLenum pname;
    int count;
    bool known = false;
    GLint values[4] = {};
};

KeptGlState g_kept[8] = {
    {GL_VIEWPORT, 4}, {GL_SCISSOR_BOX, 4}, {GL_BLEND_SRC_RGB, 1}, {GL_BLEND_DST_RGB, 1},
    {GL_BLEND_SRC_ALPHA, 1}, {GL_BLEND_DST_ALPHA, 1}, {GL_BLEND_EQUATION_RGB, 1}, {GL_BLEND_EQUATION_ALPHA, 1}};

} // namespace

// Only ImGui's OpenGL backend calls this (web_gl_state.hpp is force-included into it).
extern "C" void iadesk_gl_get_integerv(GLenum pname, GLint* data) {
    for (KeptGlState& kept : g_kept) {
        if (kept.pname != pname) continue;
        if (!kept.known) {
            glGetIntegerv(pname, kept.values);
            kept.known = true;
        }
        std::copy(kept.values, kept.values + kept.count, data);
        return;
    }
    glGetIntegerv(pname, data);
}

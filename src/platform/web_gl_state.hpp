// web_gl_state: state queries of ImGui's OpenGL backend answered without a round trip to the GPU.
//
// Force-included (-include) into imgui_impl_opengl3.cpp of the browser build only (CMakeLists.txt).
// Each frame, ImGui_ImplOpenGL3_RenderDrawData saves the GL state with glGetIntegerv, sets its own,
// draws, and restores what it saved. In Chromium, WebGL answers some of those queries (the viewport,
// the scissor box, the blend functions and equations) only after the GPU process has finished all
// earlier work: a synchronous round trip that made the frame function wait ~30 ms for SwiftShader's
// rasterising of the previous frame (measured with a getParameter timer, see
// docs/performance.md). This page has no other GL client: between frames the state is what the
// backend restored, i.e. what it saved the frame before. So the first answer to each of these
// queries stays right, and is kept (web_gl_state.cpp, iadesk_gl_get_integerv); every other query goes to
// the real glGetIntegerv.
#pragma once

#include <GLES3/gl3.h>

extern "C" void iadesk_gl_get_integerv(GLenum pname, GLint* data);

#define glGetIntegerv iadesk_gl_get_integerv

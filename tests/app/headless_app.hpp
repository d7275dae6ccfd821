// The real App without a window: ImGui with no backend (ImGui's example_null shape), frames drawn
// on demand, widgets found by label through the test probe (as the browser tests do), clicks as
// mouse events. The platform is test_platform.hpp's.
#pragma once

#include "app/app.hpp"
#include "app/test_probe.hpp"
#include "test_platform.hpp"

#include "iadesk/dataset.hpp"
#include "iadesk/snapshots.hpp"

#include <imgui.h>
#include <nlohmann/json.hpp>

#include <memory>
#include <stdexcept>
#include <string>

namespace iadesk::test {

class HeadlessApp {
public:
    TestPlatform platform;
    std::unique_ptr<app::App> app;

    HeadlessApp() {
        context_ = ImGui::CreateContext();
        ImGuiIO& io = ImGui::GetIO();
        io.IniFilename = nullptr;
        io.DisplaySize = ImVec2(1280, 800);
        app = std::make_unique<app::App>();
    }
    ~HeadlessApp() {
        app.reset();
        ImGui::DestroyContext(context_);
    }
    HeadlessApp(const HeadlessApp&) = delete;
    HeadlessApp& operator=(const HeadlessApp&) = delete;

    // init, the stored data read (storage_ready), and the frames until the data is open.
    void start() {
        app::AppOptions opt;
        opt.test_mode = true;
        opt.today = Date::from_ymd(2026, 11, 24);
        opt.platform = &platform;
        app->init(opt);
        app->storage_ready();
        frames(3);
    }

    // Starts on `d` as the one stored save, in a tall window (every form fits without scrolling); the
    // document must open.
    void start_with(const Dataset& d) {
        platform.memory.files[SnapshotStore::name_of(1)] = save_dataset(d, -1);
        ImGui::GetIO().DisplaySize = ImVec2(1400, 2400);
        start();
        if (!app->document_open()) throw std::runtime_error("the stored dataset did not open");
    }

    // `n` frames of 1/60 s each.
    void frames(int n) {
        for (int i = 0; i < n; ++i) {
            if (app->set_display_scale(1.0f) || !fonts_built_) {
                unsigned char* pixels = nullptr;
                int w = 0, h = 0;
                ImGui::GetIO().Fonts->GetTexDataAsRGBA32(&pixels, &w, &h);
                fonts_built_ = true;
            }
            ImGui::GetIO().DeltaTime = 1.0f / 60.0f;
            app::probe::begin_frame();
            ImGui::NewFrame();
            app->draw();
            ImGui::Render();
            app::probe::end_frame();
        }
    }
    void seconds(double s) { frames(static_cast<int>(s * 60) + 1); }

    // The visible widget with this label in the last frame (as JSON), or null.
    nlohmann::json find(const std::string& label) const {
        for (const auto& it : nlohmann::json::parse(app::probe::items_json()))
            if (it.value("visible", false) && it.value("label", "") == label) return it;
        return nullptr;
    }
    // The visible widget with this label that is not plain text (kind "text"): a row's selectable
    // when a text elsewhere shows the same words (a unit named like an employee), or null.
    nlohmann::json find_widget(const std::string& label) const {
        for (const auto& it : nlohmann::json::parse(app::probe::items_json()))
            if (it.value("visible", false) && it.value("label", "") == label && it.value("kind", "") != "text") return it;
        return nullptr;
    }
    // The visible text field labelled `label`, or null: not a column header of the same name.
    nlohmann::json find_field(const std::string& label) const {
        for (const auto& it : nlohmann::json::parse(app::probe::items_json()))
            if (it.value("visible", false) && it.value("label", "") == label && it.value("kind", "") == "input") return it;
        return nullptr;
    }
    bool shows(const std::string& label) const { return !find(label).is_null(); }
    // Any visible text that contains `part`.
    bool shows_text_containing(const std::string& part) const {
        for (const auto& it : nlohmann::json::parse(app::probe::items_json()))
            if (it.value("visible", false) && it.value("label", "").find(part) != std::string::npos) return true;
        return false;
    }

    void click(const std::string& label) { click_item(find(label), label); }
    // As click(), on find_widget(label).
    void click_widget(const std::string& label) { click_item(find_widget(label), label); }
    void click_item(const nlohmann::json& it, const std::string& label) {
        if (it.is_null()) throw std::runtime_error("no visible widget labelled " + label);
        ImGuiIO& io = ImGui::GetIO();
        const float x = it["x"].get<float>() + it["w"].get<float>() / 2, y = it["y"].get<float>() + it["h"].get<float>() / 2;
        io.AddMousePosEvent(x, y);
        frames(1);
        io.AddMouseButtonEvent(0, true);
        frames(1);
        io.AddMouseButtonEvent(0, false);
        frames(2);
    }

    // Types `text` into the text field labelled `label` in place of what it holds (a click to
    // focus it, Ctrl+A, then the characters; an empty `text` clears it).
    void type(const std::string& label, const std::string& text) {
        click_item(find_field(label), label);
        ImGuiIO& io = ImGui::GetIO();
        io.AddKeyEvent(ImGuiMod_Ctrl, true);
        io.AddKeyEvent(ImGuiKey_A, true);
        frames(1);
        io.AddKeyEvent(ImGuiKey_A, false);
        io.AddKeyEvent(ImGuiMod_Ctrl, false);
        frames(1);
        if (text.empty()) {
            io.AddKeyEvent(ImGuiKey_Backspace, true);
            frames(1);
            io.AddKeyEvent(ImGuiKey_Backspace, false);
        } else {
            io.AddInputCharactersUTF8(text.c_str());
        }
        frames(2);
    }
    // The text a field labelled `label` holds in the last frame ("" when there is none).
    std::string value_of(const std::string& label) const {
        nlohmann::json it = find_field(label);
        return it.is_null() ? std::string() : it.value("value", std::string());
    }

private:
    ImGuiContext* context_ = nullptr;
    bool fonts_built_ = false;
};

} // namespace iadesk::test

// app_platform: what the app asks of the platform it runs on (the browser, or a native test).
//
// Contract
// - The App never calls Emscripten, the DOM or the file system itself; everything it needs from
//   outside goes through one Platform, given in AppOptions and alive as long as the App.
// - store() is where snapshots live (SnapshotStore over it), or nullptr: nothing is stored and the
//   status bar says so. It is read once, when the data is opened.
// - persist() is called after a snapshot was written to store(). It returns true when a copy to
//   lasting storage has started (the browser's IndexedDB); the platform then calls
//   App::on_persisted(ok, error) once it is done. It returns false when there is nothing more to
//   do (the store is lasting itself, or there is no store): the save counts as done at once.
// - download() offers bytes to the user as a file named `name`; open_html() opens an HTML page
//   (the print views); pick_file() asks the user for a file and later calls
//   App::on_file_picked(purpose, name, bytes), or nothing when the user cancels. Each returns false
//   when this platform cannot do it (the App then says so in the status bar).
// - Updates (the browser's service worker, web/sw.js): look_for_update() asks for a newer version
//   of the app; update_waiting() says whether one is installed and waits to take over; reload()
//   loads the page again, on that version when there is one (the App calls it only when the
//   stored data needs a newer app, and nothing is unsaved then).
// - The address and the tab's title (one address per view, route.hpp): route() is the route path
//   in the page's address ("/ansatte/E0001": what follows '#'), read once, when the data is open;
//   show_route(path, push) puts `path` in the address, as a new history entry when `push`, else in
//   place of the current one, and does not report it back as a change; set_title(text) sets the
//   tab's title. When the address changes otherwise (Back, Forward, an address typed or followed),
//   the platform calls App::on_route(path) with its route path. The App calls show_route() and
//   set_title() between frames, only when the view (or the language) changed.
// - team_server() says whether the page came from a team server (iadesk-server marks it, docs/
//   team.md), so that the app asks its API only then.
// - http(request, method, path, body, csrf) sends a request to the server the app was loaded from
//   (team mode, docs/team.md) with the session cookie and, when not empty, the X-CSRF-Token
//   header; the platform later calls App::on_http(request, status, body) once, with status 0 when
//   there was no answer (offline). Returns false when this platform has no server to ask.
// - keep_text(key, text) / kept_text(key): a small text kept by the browser across reloads (its
//   localStorage), e.g. team mode's changes not yet sent; kept_text is nullopt when there is none.
// - The defaults do nothing and return false/nullptr/empty, so a test platform overrides only what
//   it uses.
#pragma once

#include "iadesk/snapshots.hpp"

#include <optional>
#include <string>

namespace iadesk::app {

class Platform {
public:
    virtual ~Platform() = default;
    virtual ByteStore* store() { return nullptr; }
    virtual bool persist() { return false; }
    virtual bool download(const std::string& name, const std::string& mime, const std::string& bytes) {
        (void)name, (void)mime, (void)bytes;
        return false;
    }
    virtual bool open_html(const std::string& name, const std::string& html) {
        (void)name, (void)html;
        return false;
    }
    virtual bool pick_file(int purpose, const std::string& accept) {
        (void)purpose, (void)accept;
        return false;
    }
    virtual void look_for_update() {}
    virtual bool update_waiting() { return false; }
    virtual bool reload() { return false; }
    virtual std::string route() { return {}; }
    virtual void show_route(const std::string& path, bool push) { (void)path, (void)push; }
    virtual void set_title(const std::string& title) { (void)title; }
    virtual void keep_text(const std::string& key, const std::string& text) { (void)key, (void)text; }
    virtual std::optional<std::string> kept_text(const std::string& key) {
        (void)key;
        return std::nullopt;
    }
    virtual bool team_server() { return false; }
    virtual bool http(int request, const std::string& method, const std::string& path, const std::string& body,
                      const std::string& csrf) {
        (void)request, (void)method, (void)path, (void)body, (void)csrf;
        return false;
    }
};

} // namespace iadesk::app

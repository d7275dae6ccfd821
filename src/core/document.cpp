#include "iadesk/document.hpp"

#include "dataset_internal.hpp"

#include <utility>

namespace iadesk {

std::vector<Problem> Document::apply(Command cmd, int64_t now, const std::string& role) {
    cmd.apply(data);
    if (std::vector<Problem> problems = check_touched(data, cmd.touched); !problems.empty()) {
        cmd.undo(data); // undo restores the exact previous state (every builder's contract)
        return problems;
    }
    ++revision;
    if (cmd.affects_cases) ++case_revision;
    history_.resize(undo_pos_);
    const bool merge = merging_open_ && !cmd.merge_key.empty() && !history_.empty() &&
                       history_.back().merge_key == cmd.merge_key;
    if (merge) {
        history_.back().apply = std::move(cmd.apply); // keep the first undo, the last apply
        history_.back().description = cmd.description;
        if (!data.change_log.empty()) {
            data.change_log.back().unix_seconds = now;
            data.change_log.back().description = cmd.description;
        }
    } else {
        log(now, role, cmd.description);
        history_.push_back(std::move(cmd));
    }
    undo_pos_ = history_.size();
    merging_open_ = true;
    return {};
}

void Document::log(int64_t now, const std::string& role, std::string description) {
    auto& l = data.change_log;
    // Cut long descriptions (a command naming a 10 000-character name) so the log stays readable
    // and within the format's text limit.
    if (description.size() > 300) description = detail_ds::excerpt(description, 200);
    l.push_back({now, role, std::move(description)});
}

std::string Document::undo(int64_t now, const std::string& role) {
    if (!can_undo()) return {};
    return replay(history_[--undo_pos_], false, now, role);
}

std::string Document::redo(int64_t now, const std::string& role) {
    if (!can_redo()) return {};
    return replay(history_[undo_pos_++], true, now, role);
}

std::string Document::replay(Command& c, bool forward, int64_t now, const std::string& role) {
    if (forward) c.apply(data);
    else c.undo(data);
    ++revision;
    if (c.affects_cases) ++case_revision;
    merging_open_ = false;
    log(now, role, (forward ? "Gjort om: " : "Angret: ") + c.description);
    return c.description;
}

void Document::changed_externally() {
    history_.clear();
    undo_pos_ = 0;
    merging_open_ = false;
    ++revision;
    ++case_revision;
}

void Document::reset(Dataset d) {
    data = std::move(d);
    history_.clear();
    undo_pos_ = 0;
    merging_open_ = false;
    ++revision;
    ++case_revision;
}

} // namespace iadesk

#include "app/views/guard_note.hpp"

#include "app/tr_format.hpp"
#include "app/widgets.hpp"

#include <algorithm>

namespace iadesk::app {

const std::vector<DiagnosisHit>& GuardedText::hits(std::string_view text) {
    if (!valid_ || text != checked_) {
        checked_.assign(text);
        hits_ = find_diagnosis_like(text);
        valid_ = true;
    }
    return hits_;
}

namespace {

void note_of(const std::vector<const DiagnosisHit*>& hits) {
    if (hits.empty()) return;
    std::vector<std::string> named;
    for (const DiagnosisHit* h : hits) {
        std::string one = std::string(tr(h->code ? "plan.guard_code" : "plan.guard_word")) + " \xC2\xAB" + h->match + "\xC2\xBB";
        if (std::find(named.begin(), named.end(), one) == named.end()) named.push_back(std::move(one));
    }
    std::string found;
    for (const std::string& n : named) found += (found.empty() ? "" : ", ") + n;
    ui::warning_text(trf("plan.guard_inline", fmt::arg("found", found)).c_str());
}

} // namespace

void guard_note(const std::vector<DiagnosisHit>& hits) {
    std::vector<const DiagnosisHit*> all;
    for (const DiagnosisHit& h : hits) all.push_back(&h);
    note_of(all);
}

void guard_note(const std::vector<DiagnosisHit>& hits, std::string_view field) {
    std::vector<const DiagnosisHit*> mine;
    for (const DiagnosisHit& h : hits)
        if (h.field == field) mine.push_back(&h);
    note_of(mine);
}

} // namespace iadesk::app

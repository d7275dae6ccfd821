// guard_note: the diagnosis guard (plans.hpp, find_diagnosis_like) shown under a free-text field of
// the case and plan area while it is typed in (docs/plans.md, "Diagnosis guard").
//
// Contract
// - Warns, never blocks: one line in the warning colour naming each hit once ("diagnosekode
//   «F32»", "diagnoseord «depresjon»") and why it does not belong there (aml § 4-6,
//   personopplysningsloven / GDPR art. 9); nothing at all when nothing is found.
// - GuardedText scans a field's text only when it changed since the last look (a plan text may be
//   2000 characters; a frame must not scan every field again), so a view keeps one per field.
#pragma once

#include "iadesk/plans.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace iadesk::app {

class GuardedText {
public:
    // The guard's hits in `text` (the remembered ones when `text` is what was looked at last).
    const std::vector<DiagnosisHit>& hits(std::string_view text);

private:
    std::string checked_;
    bool valid_ = false;
    std::vector<DiagnosisHit> hits_;
};

// The warning line for `hits` (all of one field); nothing when empty.
void guard_note(const std::vector<DiagnosisHit>& hits);
// The warning line for the hits of `field` among `hits` (the hits of a whole plan content).
void guard_note(const std::vector<DiagnosisHit>& hits, std::string_view field);
// The warning line for `text`, scanned through `cache`.
inline void guard_note(GuardedText& cache, std::string_view text) { guard_note(cache.hits(text)); }

} // namespace iadesk::app

// generate: a realistic synthetic organisation for demos, tests and benchmarks.
//
// Contract
// - Deterministic: the same (employees, seed, today) gives the same Dataset on every platform
//   (own PRNG, no std::*_distribution, whose output differs between standard libraries).
// - About 10 absence records per employee over the two years before `today`, giving about 6 %
//   sick leave: many short egenmeldinger, fewer sykmeldinger (some long, some graded, some open
//   on `today`), recurring absence for a few; part-time and changing employment; units of 5 to
//   60 employees, a few under 5 (to exercise masking). Employee ids are "E000001"-style.
// - The result passes validate_dataset().
#pragma once

#include "iadesk/model.hpp"

#include <cstdint>

namespace iadesk {

struct GenerateOptions {
    int employees = 200;
    uint64_t seed = 1;
    Date today = Date::from_ymd(2026, 11, 24);
    int units = 0;   // > 0: exactly this many units of about equal size (the demo); 0: realistic sizes
};

Dataset generate_dataset(const GenerateOptions& opt);

} // namespace iadesk

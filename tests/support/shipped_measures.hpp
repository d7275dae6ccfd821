// The shipped measures catalogue (assets) and its search index, for the unit tests and the fuzz
// targets that read them. Built once on first use and never changed afterwards (both are const).
#pragma once

#include "iadesk/measures.hpp"

namespace iadesk::testing {

inline const measures::Catalogue& shipped_catalogue() {
    static const measures::Catalogue catalogue = measures::builtin_catalogue();
    return catalogue;
}

inline const measures::MeasureIndex& shipped_index() {
    static const measures::MeasureIndex index(shipped_catalogue());
    return index;
}

} // namespace iadesk::testing

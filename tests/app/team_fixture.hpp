// The team server's snapshot for the app tests of team mode (test_team_sync.cpp, test_team_mode.cpp):
// examples/fjordvik-small.json as the register, its 13 absences with ids 101..113 and its 5
// milestone events with ids 201..205, all at rev 0, and the last change 40.
#pragma once

#include <nlohmann/json.hpp>

#include <fstream>
#include <sstream>
#include <string>

namespace iadesk::test {

inline std::string team_snapshot() {
    std::ifstream in(std::string(IADESK_SOURCE_DIR) + "/examples/fjordvik-small.json", std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    nlohmann::json ids = nlohmann::json::array(), events = nlohmann::json::array();
    for (int i = 0; i < 13; ++i) ids.push_back({101 + i, 0});
    for (int i = 0; i < 5; ++i) events.push_back({201 + i, 0});
    return nlohmann::json{{"dataset", nlohmann::json::parse(text.str())},
                          {"sync", {{"last", 40}, {"absences", ids}, {"milestone_events", events}}}}
        .dump();
}

} // namespace iadesk::test

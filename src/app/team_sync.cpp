// team_sync: see team_sync.hpp. The command and record fields are those of the server's API
// (docs/team.md, "Sync").
#include "app/team_sync.hpp"

#include "iadesk/calendar.hpp"
#include "iadesk/dataset.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <deque>
#include <set>
#include <unordered_map>

namespace iadesk::app {

using nlohmann::json;

// One change of GET /api/changes, read.
struct ChangeRecord {
    bool absence = true;
    std::int64_t id = 0;
    std::int64_t rev = 0;
    bool removed = false;
    Absence a;
    MilestoneEvent ev;
};

namespace {

bool same(const Absence& x, const Absence& y) {
    return x.employee == y.employee && x.kind == y.kind && x.from == y.from && x.to == y.to && x.grade == y.grade;
}
bool same(const MilestoneEvent& x, const MilestoneEvent& y) {
    return x.employee == y.employee && x.case_start == y.case_start && x.milestone == y.milestone && x.status == y.status &&
           x.date == y.date && x.note == y.note && x.participants == y.participants;
}

Date date_of(const json& j) {
    auto d = parse_iso_date(j.get<std::string>());
    if (!d) throw std::runtime_error("not a date");
    return *d;
}

Absence absence_of(const json& r) {
    Absence a;
    a.employee = r.at("employee").get<std::string>();
    a.kind = r.at("kind").get<std::string>() == "egenmelding" ? AbsenceKind::egenmelding : AbsenceKind::sykmelding;
    a.from = date_of(r.at("from"));
    if (r.contains("to") && !r.at("to").is_null()) a.to = date_of(r.at("to"));
    a.grade = r.at("grade").get<int>();
    return a;
}

MilestoneEvent event_of(const json& r) {
    MilestoneEvent ev;
    ev.employee = r.at("employee").get<std::string>();
    ev.case_start = date_of(r.at("case_start"));
    ev.milestone = r.at("milestone").get<std::string>();
    ev.status = r.at("status").get<std::string>() == "exempt" ? EventStatus::exempt : EventStatus::done;
    ev.date = date_of(r.at("date"));
    ev.note = r.value("note", "");
    ev.participants = r.value("participants", "");
    return ev;
}

void put_fields(json& j, const Absence& a) {
    j["employee"] = a.employee;
    j["kind"] = a.kind == AbsenceKind::egenmelding ? "egenmelding" : "sykmelding";
    j["from"] = format_iso(a.from);
    if (a.to) j["to"] = format_iso(*a.to);
    j["grade"] = a.grade;
}
void put_fields(json& j, const MilestoneEvent& ev) {
    j["employee"] = ev.employee;
    j["case_start"] = format_iso(ev.case_start);
    j["milestone"] = ev.milestone;
    j["status"] = ev.status == EventStatus::exempt ? "exempt" : "done";
    j["date"] = format_iso(ev.date);
    j["note"] = ev.note;
    j["participants"] = ev.participants;
}

// A record's whole content as a text key (pass 1 of realigned) and what it is about (pass 2): an
// absence's employee; a milestone event's employee, case and milestone.
std::string content_key(const Absence& a) {
    return a.employee + '\x1f' + std::to_string(static_cast<int>(a.kind)) + '\x1f' + std::to_string(a.from.days) + '\x1f' +
           (a.to ? std::to_string(a.to->days) : std::string("-")) + '\x1f' + std::to_string(a.grade);
}
std::string content_key(const MilestoneEvent& ev) {
    return ev.employee + '\x1f' + std::to_string(ev.case_start.days) + '\x1f' + ev.milestone + '\x1f' +
           std::to_string(static_cast<int>(ev.status)) + '\x1f' + std::to_string(ev.date.days) + '\x1f' + ev.note + '\x1f' + ev.participants;
}
std::string subject_key(const Absence& a) { return a.employee; }
std::string subject_key(const MilestoneEvent& ev) { return ev.employee + '\x1f' + std::to_string(ev.case_start.days) + '\x1f' + ev.milestone; }

// Lines the refs up with `after` (see the header). The equal prefix and suffix keep their refs.
// In what is between, a record equal to one before keeps that one's ref (pass 1); a record about
// the same thing as one left over before (the same employee; for an event the same case and
// milestone) is that record changed and keeps its ref (pass 2, in order); what is left is new
// (adds), and what was left over before is gone (removals).
template <class T, class Ref, class KeyFn>
std::vector<Ref> realigned(const std::vector<T>& before, const std::vector<T>& after, const std::vector<Ref>& refs, KeyFn new_key,
                           std::vector<std::int64_t>& touched) {
    std::size_t p = 0;
    while (p < before.size() && p < after.size() && same(before[p], after[p])) ++p;
    std::size_t s = 0;
    while (s < before.size() - p && s < after.size() - p && same(before[before.size() - 1 - s], after[after.size() - 1 - s])) ++s;
    const std::size_t mid_before = before.size() - p - s, mid_after = after.size() - p - s;
    std::vector<Ref> out(refs.begin(), refs.begin() + static_cast<std::ptrdiff_t>(p));
    std::vector<std::optional<std::size_t>> from(mid_after); // the old index (in before) each new record keeps
    std::vector<bool> used(mid_before, false);
    std::unordered_map<std::string, std::deque<std::size_t>> by_content, by_subject;
    for (std::size_t j = 0; j < mid_before; ++j) by_content[content_key(before[p + j])].push_back(j);
    for (std::size_t k = 0; k < mid_after; ++k) {
        auto it = by_content.find(content_key(after[p + k]));
        if (it == by_content.end() || it->second.empty()) continue;
        from[k] = it->second.front();
        used[it->second.front()] = true;
        it->second.pop_front();
    }
    for (std::size_t j = 0; j < mid_before; ++j)
        if (!used[j]) by_subject[subject_key(before[p + j])].push_back(j);
    for (std::size_t k = 0; k < mid_after; ++k) {
        if (from[k]) continue;
        auto it = by_subject.find(subject_key(after[p + k]));
        if (it == by_subject.end() || it->second.empty()) continue;
        from[k] = it->second.front();
        it->second.pop_front();
    }
    for (std::size_t k = 0; k < mid_after; ++k)
        out.push_back(from[k] ? refs[p + *from[k]] : Ref{0, new_key()});
    // Every server record between the equal ends may now differ from its base, or be gone.
    for (std::size_t j = 0; j < mid_before; ++j)
        if (refs[p + j].id) touched.push_back(refs[p + j].id);
    out.insert(out.end(), refs.end() - static_cast<std::ptrdiff_t>(s), refs.end());
    return out;
}

template <class Ref>
std::set<std::int64_t> ids_of(const std::vector<Ref>& refs) {
    std::set<std::int64_t> ids;
    for (const Ref& r : refs)
        if (r.id) ids.insert(r.id);
    return ids;
}

template <class Ref>
std::optional<std::size_t> index_of_id(const std::vector<Ref>& refs, std::int64_t id) {
    for (std::size_t i = 0; i < refs.size(); ++i)
        if (refs[i].id == id) return i;
    return std::nullopt;
}

template <class Ref>
std::optional<std::size_t> index_of_key(const std::vector<Ref>& refs, const std::string& key) {
    for (std::size_t i = 0; i < refs.size(); ++i)
        if (refs[i].id == 0 && refs[i].key == key) return i;
    return std::nullopt;
}

// Other people's change to one kind of record (see on_changes in the header).
template <class T, class Ref>
bool apply_remote(std::int64_t id, std::int64_t rev, const std::optional<T>& record, std::vector<T>& local, std::vector<T>& seen,
                  std::vector<Ref>& refs, std::unordered_map<std::int64_t, std::pair<T, std::int64_t>>& base) {
    auto b = base.find(id);
    if (b != base.end() && record && b->second.second >= rev) return false; // already known (our own, echoed)
    const auto i = index_of_id(refs, id);
    if (!record) { // removed
        if (i && b != base.end() && same(local[*i], b->second.first)) {
            local.erase(local.begin() + static_cast<std::ptrdiff_t>(*i));
            seen.erase(seen.begin() + static_cast<std::ptrdiff_t>(*i));
            refs.erase(refs.begin() + static_cast<std::ptrdiff_t>(*i));
            base.erase(b);
            return true;
        }
        if (!i && b != base.end()) base.erase(b); // removed here too
        return false; // changed here: sending it shows the conflict
    }
    if (i) {
        if (b != base.end() && !same(local[*i], b->second.first) && !same(local[*i], *record)) return false; // changed here
        base[id] = {*record, rev};
        if (same(local[*i], *record)) return false;
        local[*i] = *record;
        seen[*i] = *record;
        return true;
    }
    if (b != base.end()) return false; // removed here, changed there: sending the removal shows the conflict
    local.push_back(*record);
    seen.push_back(*record);
    refs.push_back(Ref{id, {}});
    base[id] = {*record, rev};
    return true;
}

} // namespace

std::optional<std::string> TeamSync::start(std::string_view snapshot_json, Dataset& out, std::string client_id) {
    // The server writes {"sync":{...numbers...},"dataset":{...}}: the register (tens of MB) goes to
    // the loader as it is, and only the small sync part is parsed here. Any other form is parsed
    // whole (slower, the same result).
    json j;
    std::string dataset_copy;
    std::string_view dataset_text;
    constexpr std::string_view kHead = R"({"sync":)", kSplit = R"(},"dataset":)";
    const std::size_t split = snapshot_json.rfind(kHead, 0) == 0 ? snapshot_json.find(kSplit) : std::string_view::npos;
    if (split != std::string_view::npos && snapshot_json.size() > split + kSplit.size() + 1 && snapshot_json.back() == '}') {
        j = json{{"sync", json::parse(snapshot_json.substr(kHead.size(), split + 1 - kHead.size()), nullptr, false)}};
        dataset_text = snapshot_json.substr(split + kSplit.size(), snapshot_json.size() - split - kSplit.size() - 1);
        if (j.at("sync").is_discarded()) return std::string("Tjeneren sendte ikke et register (ugyldig svar).");
    } else {
        j = json::parse(snapshot_json, nullptr, false);
        if (j.is_discarded() || !j.is_object() || !j.contains("dataset") || !j.contains("sync"))
            return std::string("Tjeneren sendte ikke et register (ugyldig svar).");
        dataset_copy = j.at("dataset").dump();
        dataset_text = dataset_copy;
    }
    DatasetLoad load = load_dataset(dataset_text);
    if (!load.ok())
        return "Registeret fra tjeneren kan ikke åpnes: " + (load.problems.empty() ? std::string() : load.problems.front().pointer + ": " + load.problems.front().message_nb);
    const json& sync = j.at("sync");
    const json& a_ids = sync.at("absences");
    const json& e_ids = sync.at("milestone_events");
    if (!a_ids.is_array() || !e_ids.is_array() || a_ids.size() != load.dataset->absences.size() ||
        e_ids.size() != load.dataset->milestone_events.size())
        return std::string("Registeret fra tjeneren er ufullstendig (id-er mangler).");
    const std::uint64_t generation = generation_;
    *this = TeamSync{};
    generation_ = generation + 1;
    client_id_ = std::move(client_id);
    out = std::move(*load.dataset);
    base_absences_.reserve(a_ids.size());
    base_events_.reserve(e_ids.size());
    absence_refs_.reserve(a_ids.size());
    event_refs_.reserve(e_ids.size());
    for (std::size_t i = 0; i < a_ids.size(); ++i) {
        const auto id = a_ids[i].at(0).get<std::int64_t>();
        absence_refs_.push_back({id, {}});
        base_absences_[id] = {out.absences[i], a_ids[i].at(1).get<std::int64_t>()};
    }
    for (std::size_t i = 0; i < e_ids.size(); ++i) {
        const auto id = e_ids[i].at(0).get<std::int64_t>();
        event_refs_.push_back({id, {}});
        base_events_[id] = {out.milestone_events[i], e_ids[i].at(1).get<std::int64_t>()};
    }
    seen_absences_ = out.absences;
    seen_events_ = out.milestone_events;
    last_ = sync.at("last").get<std::int64_t>();
    return std::nullopt;
}

std::string TeamSync::new_key() { return client_id_ + "-" + std::to_string(++counter_); }

void TeamSync::observe(const Dataset& ds) {
    ++generation_;
    auto key = [this] { return new_key(); };
    std::vector<std::int64_t> a_touched, e_touched;
    absence_refs_ = realigned(seen_absences_, ds.absences, absence_refs_, key, a_touched);
    event_refs_ = realigned(seen_events_, ds.milestone_events, event_refs_, key, e_touched);
    for (std::int64_t id : a_touched) touched_.insert({true, id});
    for (std::int64_t id : e_touched) touched_.insert({false, id});
    seen_absences_ = ds.absences;
    seen_events_ = ds.milestone_events;
}

bool TeamSync::blocked(bool absence, std::int64_t id, const std::string& add_key) const {
    for (const TeamConflict& c : conflicts_)
        if (c.absence == absence && ((id && c.id == id) || (!id && c.add_key == add_key))) return true;
    return false;
}

// Where a touched server record stands: gone here (a removal), changed (an update), or settled.
TeamSync::Standing TeamSync::standing(bool absence, std::int64_t id, const Dataset& ds) const {
    if (absence) {
        auto b = base_absences_.find(id);
        if (b == base_absences_.end()) return Standing::settled;
        const auto at = index_of_id(absence_refs_, id);
        if (!at) return Standing::removed;
        return same(ds.absences[*at], b->second.first) ? Standing::settled : Standing::changed;
    }
    auto b = base_events_.find(id);
    if (b == base_events_.end()) return Standing::settled;
    const auto at = index_of_id(event_refs_, id);
    if (!at) return Standing::removed;
    return same(ds.milestone_events[*at], b->second.first) ? Standing::settled : Standing::changed;
}

std::size_t TeamSync::waiting(const Dataset& ds) const {
    std::size_t n = 0;
    for (const auto& [absence, id] : touched_) n += standing(absence, id, ds) != Standing::settled ? 1 : 0;
    for (const Ref& r : absence_refs_) n += r.id == 0 ? 1 : 0;
    for (const Ref& r : event_refs_) n += r.id == 0 ? 1 : 0;
    return n;
}

std::vector<std::pair<TeamSync::InFlight, std::string>> TeamSync::pending_commands(const Dataset& ds, bool skip_blocked) {
    std::vector<std::pair<InFlight, std::string>> out;
    auto key_for = [this](bool absence, std::int64_t id) {
        auto [it, fresh] = keys_.try_emplace({absence, id});
        if (fresh) it->second = new_key();
        return it->second;
    };
    auto add = [&](InFlight f, json body) {
        body["key"] = f.key;
        out.emplace_back(std::move(f), body.dump());
    };
    // Only the touched server records can differ from their base (observe, replay, resolve): the
    // rest is never compared, so this stays cheap at 500 000 absences. Settled ones leave the set.
    std::vector<std::pair<bool, std::int64_t>> removals, updates;
    for (auto it = touched_.begin(); it != touched_.end();) {
        const Standing st = standing(it->first, it->second, ds);
        if (st == Standing::settled) {
            it = touched_.erase(it);
            continue;
        }
        if (!(skip_blocked && blocked(it->first, it->second, {}))) (st == Standing::removed ? removals : updates).push_back(*it);
        ++it;
    }
    // Removals, then updates, then adds (see the header); absences before milestone events.
    auto absences_first = [](const auto& x, const auto& y) { return x.first != y.first ? x.first : x.second < y.second; };
    std::sort(removals.begin(), removals.end(), absences_first);
    std::sort(updates.begin(), updates.end(), absences_first);
    for (const auto& [absence, id] : removals) {
        const auto& base = absence ? base_absences_.at(id).first.employee : base_events_.at(id).first.employee;
        const auto rev = absence ? base_absences_.at(id).second : base_events_.at(id).second;
        add({key_for(absence, id), absence, "remove", id, {}},
            {{"op", absence ? "remove_absence" : "remove_milestone_event"}, {"employee", base}, {"id", id}, {"base_rev", rev}});
    }
    for (const auto& [absence, id] : updates) {
        json body = {{"op", absence ? "update_absence" : "update_milestone_event"}, {"id", id},
                     {"base_rev", absence ? base_absences_.at(id).second : base_events_.at(id).second}};
        if (absence) put_fields(body, ds.absences[*index_of_id(absence_refs_, id)]);
        else put_fields(body, ds.milestone_events[*index_of_id(event_refs_, id)]);
        add({key_for(absence, id), absence, "update", id, {}}, body);
    }
    for (std::size_t i = 0; i < absence_refs_.size(); ++i) {
        const Ref& r = absence_refs_[i];
        if (r.id || (skip_blocked && blocked(true, 0, r.key))) continue;
        json body = {{"op", "add_absence"}};
        put_fields(body, ds.absences[i]);
        add({r.key, true, "add", 0, r.key}, body);
    }
    for (std::size_t i = 0; i < event_refs_.size(); ++i) {
        const Ref& r = event_refs_[i];
        if (r.id || (skip_blocked && blocked(false, 0, r.key))) continue;
        json body = {{"op", "add_milestone_event"}};
        put_fields(body, ds.milestone_events[i]);
        add({r.key, false, "add", 0, r.key}, body);
    }
    return out;
}

std::optional<std::string> TeamSync::next_command(const Dataset& ds) {
    if (in_flight_) return std::nullopt;
    auto commands = pending_commands(ds, true);
    if (commands.empty()) return std::nullopt;
    in_flight_ = std::move(commands.front().first);
    return std::move(commands.front().second);
}

std::string TeamSync::journal(const Dataset& ds) {
    json out = json::array();
    for (auto& [f, body] : pending_commands(ds, false)) out.push_back(json::parse(body));
    return out.dump();
}

std::size_t TeamSync::replay(std::string_view journal, Dataset& ds) {
    const json entries = json::parse(journal, nullptr, false);
    if (!entries.is_array()) return 0;
    std::size_t put_back = 0;
    for (const json& e : entries) {
        try {
            const std::string op = e.at("op").get<std::string>();
            const std::string key = e.at("key").get<std::string>();
            const bool absence = op.find("absence") != std::string::npos;
            auto& refs = absence ? absence_refs_ : event_refs_;
            if (op.rfind("add_", 0) == 0) {
                if (absence) {
                    ds.absences.push_back(absence_of(e));
                    seen_absences_.push_back(ds.absences.back());
                } else {
                    ds.milestone_events.push_back(event_of(e));
                    seen_events_.push_back(ds.milestone_events.back());
                }
                refs.push_back({0, key});
                ++put_back;
                continue;
            }
            const auto id = e.at("id").get<std::int64_t>();
            const auto base_rev = e.at("base_rev").get<std::int64_t>();
            const auto at = index_of_id(refs, id);
            const bool known = absence ? base_absences_.count(id) > 0 : base_events_.count(id) > 0;
            if (!known || !at) continue; // gone on the server meanwhile: nothing to change or remove
            // The rev it was based on, so that a change by someone else since is a conflict.
            if (absence) base_absences_[id].second = base_rev;
            else base_events_[id].second = base_rev;
            keys_[{absence, id}] = key;
            touched_.insert({absence, id});
            if (op.rfind("remove_", 0) == 0) {
                if (absence) {
                    ds.absences.erase(ds.absences.begin() + static_cast<std::ptrdiff_t>(*at));
                    seen_absences_.erase(seen_absences_.begin() + static_cast<std::ptrdiff_t>(*at));
                } else {
                    ds.milestone_events.erase(ds.milestone_events.begin() + static_cast<std::ptrdiff_t>(*at));
                    seen_events_.erase(seen_events_.begin() + static_cast<std::ptrdiff_t>(*at));
                }
                refs.erase(refs.begin() + static_cast<std::ptrdiff_t>(*at));
            } else if (absence) {
                ds.absences[*at] = absence_of(e);
                seen_absences_[*at] = ds.absences[*at];
            } else {
                ds.milestone_events[*at] = event_of(e);
                seen_events_[*at] = ds.milestone_events[*at];
            }
            ++put_back;
        } catch (const std::exception&) {
            // An entry this version cannot read is left out; the others still count.
        }
    }
    ++generation_;
    return put_back;
}

TeamSync::Answer TeamSync::on_answer(int status, std::string_view body, Dataset& ds) {
    if (!in_flight_) return Answer::retry;
    ++generation_;
    const InFlight f = *in_flight_;
    in_flight_.reset();
    const json j = json::parse(body, nullptr, false);
    Answer result = Answer::retry;
    if (status == 401) return Answer::logged_out;
    if (status == 200 && j.is_object() && j.contains("record_id")) {
        const auto id = j.at("record_id").get<std::int64_t>();
        keys_.erase({f.absence, f.id});
        if (f.op == "remove") {
            if (f.absence) base_absences_.erase(id);
            else base_events_.erase(id);
        } else {
            const json& r = j.at("record");
            const auto rev = r.at("rev").get<std::int64_t>();
            if (f.absence) base_absences_[id] = {absence_of(r), rev};
            else base_events_[id] = {event_of(r), rev};
            if (f.op == "add") {
                auto& refs = f.absence ? absence_refs_ : event_refs_;
                if (auto i = index_of_key(refs, f.add_key)) {
                    if (index_of_id(refs, id)) { // already here (stored before a reload, in the snapshot): one copy
                        if (f.absence) {
                            ds.absences.erase(ds.absences.begin() + static_cast<std::ptrdiff_t>(*i));
                            seen_absences_.erase(seen_absences_.begin() + static_cast<std::ptrdiff_t>(*i));
                        } else {
                            ds.milestone_events.erase(ds.milestone_events.begin() + static_cast<std::ptrdiff_t>(*i));
                            seen_events_.erase(seen_events_.begin() + static_cast<std::ptrdiff_t>(*i));
                        }
                        refs.erase(refs.begin() + static_cast<std::ptrdiff_t>(*i));
                        data_changed_ = true;
                    } else {
                        refs[*i] = Ref{id, {}};
                    }
                } else {
                    touched_.insert({f.absence, id}); // removed here meanwhile: now a removal to send
                }
            }
        }
        result = Answer::stored;
    } else if ((status == 409 || status == 422) && j.is_object()) {
        TeamConflict c;
        c.refused = status == 422;
        c.absence = f.absence;
        c.id = f.id;
        c.add_key = f.add_key;
        c.message_nb = j.value("error", "");
        c.message_en = j.value("error_en", "");
        const auto& refs = f.absence ? absence_refs_ : event_refs_;
        const auto i = f.id ? index_of_id(refs, f.id) : index_of_key(refs, f.add_key);
        if (f.absence && i) c.my_absence = ds.absences[*i];
        if (!f.absence && i) c.my_event = ds.milestone_events[*i];
        if (j.contains("theirs") && j.at("theirs").is_object()) {
            const json& t = j.at("theirs");
            c.their_rev = t.at("rev").get<std::int64_t>();
            if (f.absence) c.their_absence = absence_of(t);
            else c.their_event = event_of(t);
        }
        keys_.erase({f.absence, f.id});
        result = c.refused ? Answer::refused : Answer::conflict;
        conflicts_.push_back(std::move(c));
    }
    std::vector<std::string> held;
    held.swap(held_changes_);
    for (const std::string& h : held) data_changed_ |= on_changes(h, ds);
    return result;
}

bool TeamSync::on_changes(std::string_view body, Dataset& ds) {
    ++generation_;
    if (in_flight_) {
        held_changes_.emplace_back(body);
        return false;
    }
    const json j = json::parse(body, nullptr, false);
    if (j.is_discarded() || !j.contains("changes")) return false;
    bool changed = false;
    for (const json& c : j.at("changes")) {
        const auto seq = c.at("seq").get<std::int64_t>();
        if (seq <= last_) continue;
        const bool absence = c.at("kind").get<std::string>() == "absence";
        const auto id = c.at("record_id").get<std::int64_t>();
        const json& r = c.at("record");
        if (absence) {
            std::optional<Absence> rec;
            if (r.is_object()) rec = absence_of(r);
            changed |= apply_remote(id, r.is_object() ? r.at("rev").get<std::int64_t>() : seq, rec, ds.absences, seen_absences_,
                                    absence_refs_, base_absences_);
        } else {
            std::optional<MilestoneEvent> rec;
            if (r.is_object()) rec = event_of(r);
            changed |= apply_remote(id, r.is_object() ? r.at("rev").get<std::int64_t>() : seq, rec, ds.milestone_events,
                                    seen_events_, event_refs_, base_events_);
        }
        last_ = seq;
    }
    if (j.contains("last")) last_ = std::max(last_, j.at("last").get<std::int64_t>());
    return changed;
}

bool TeamSync::resolve(std::size_t i, bool keep_mine, Dataset& ds) {
    if (i >= conflicts_.size()) return false;
    ++generation_;
    const TeamConflict c = conflicts_[i];
    conflicts_.erase(conflicts_.begin() + static_cast<std::ptrdiff_t>(i));
    const bool theirs_exist = c.absence ? c.their_absence.has_value() : c.their_event.has_value();
    auto settle = [&](auto& local, auto& seen, auto& refs, auto& base, const auto& theirs, const auto& mine) -> bool {
        const auto at = c.id ? index_of_id(refs, c.id) : index_of_key(refs, c.add_key);
        if (c.refused || !keep_mine) {
            // The server's version stays: theirs (a conflict), or the base we had (a refusal).
            std::optional<std::decay_t<decltype(*theirs)>> server;
            if (!c.refused && theirs_exist) server = *theirs;
            if (c.refused && c.id && base.count(c.id)) server = base.at(c.id).first;
            if (!c.refused) {
                if (theirs_exist) base[c.id] = {*theirs, c.their_rev};
                else base.erase(c.id);
            }
            if (at && server) {
                local[*at] = *server;
                seen[*at] = *server;
            } else if (at) {
                local.erase(local.begin() + static_cast<std::ptrdiff_t>(*at));
                seen.erase(seen.begin() + static_cast<std::ptrdiff_t>(*at));
                refs.erase(refs.begin() + static_cast<std::ptrdiff_t>(*at));
            } else if (server) {
                local.push_back(*server);
                seen.push_back(*server);
                refs.push_back({c.id, {}});
            }
            return true;
        }
        // Mine stays, sent again on top of theirs.
        (void)mine;
        if (c.id) touched_.insert({c.absence, c.id});
        if (theirs_exist) {
            base[c.id] = {*theirs, c.their_rev};
        } else if (c.id) {
            base.erase(c.id);
            if (at) refs[*at] = {0, new_key()}; // theirs is gone: mine goes in as new
        }
        return false;
    };
    if (c.absence) return settle(ds.absences, seen_absences_, absence_refs_, base_absences_, c.their_absence, c.my_absence);
    return settle(ds.milestone_events, seen_events_, event_refs_, base_events_, c.their_event, c.my_event);
}

} // namespace iadesk::app

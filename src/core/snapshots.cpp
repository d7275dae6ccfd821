#include "iadesk/snapshots.hpp"

#include <algorithm>
#include <cstdio>

namespace iadesk {

std::string SnapshotStore::name_of(uint64_t seq) {
    char buf[48];
    std::snprintf(buf, sizeof buf, "snapshot-%012llu.json", static_cast<unsigned long long>(seq));
    return buf;
}

std::optional<uint64_t> SnapshotStore::seq_of(std::string_view name) {
    constexpr std::string_view prefix = "snapshot-", suffix = ".json";
    if (name.size() != prefix.size() + 12 + suffix.size() || name.substr(0, prefix.size()) != prefix ||
        name.substr(name.size() - suffix.size()) != suffix)
        return std::nullopt;
    uint64_t seq = 0;
    for (char c : name.substr(prefix.size(), 12)) {
        if (c < '0' || c > '9') return std::nullopt;
        seq = seq * 10 + static_cast<uint64_t>(c - '0');
    }
    return seq;
}

std::vector<uint64_t> SnapshotStore::sequence_numbers() {
    std::vector<uint64_t> out;
    for (const std::string& n : bytes_.list()) {
        if (auto s = seq_of(n)) out.push_back(*s);
        else if (n.size() > 4 && n.compare(n.size() - 4, 4, ".tmp") == 0 && n != pending_ + ".tmp")
            bytes_.remove(n); // interrupted save
    }
    std::sort(out.begin(), out.end());
    return out;
}

namespace {

constexpr std::string_view kDamagedSuffix = ".damaged";

bool ends_with(std::string_view s, std::string_view suffix) {
    return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

// The first problem of a failed load, for the user: "er skadet (/pointer: message)".
SnapshotProblem describe(const std::string& name, const DatasetLoad& load) {
    SnapshotProblem p{name, "er skadet", "is damaged"};
    if (!load.problems.empty()) {
        const DatasetProblem& first = load.problems.front();
        p.message_nb += " (" + first.pointer + ": " + first.message_nb + ")";
        p.message_en += " (" + first.pointer + ": " + first.message_en + ")";
    }
    return p;
}

bool newer_format(const DatasetLoad& load) {
    return !load.ok() && load.problems.size() == 1 && load.problems.front().code == ProblemCode::format_newer;
}

} // namespace

SnapshotLoad SnapshotStore::load_newest() {
    SnapshotLoad result;
    std::vector<uint64_t> seqs = sequence_numbers();
    for (auto it = seqs.rbegin(); it != seqs.rend(); ++it) {
        const std::string name = name_of(*it);
        std::optional<std::string> bytes = bytes_.read(name);
        if (!bytes) {
            result.damaged.push_back({name, "kunne ikke leses", "could not be read"});
            bytes_.rename(name, name + std::string(kDamagedSuffix));
            continue;
        }
        DatasetLoad load = load_dataset(*bytes);
        if (newer_format(load)) { // a newer iadesk's data: kept as it is, and nothing older opened
            const DatasetProblem& p = load.problems.front();
            result.newer_version = SnapshotProblem{name, p.message_nb, p.message_en};
            newer_version_ = true;
            break;
        }
        if (!load.ok()) {
            result.damaged.push_back(describe(name, load));
            bytes_.rename(name, name + std::string(kDamagedSuffix));
            continue;
        }
        result.dataset = std::move(load.dataset);
        result.seq = *it;
        result.saved_unix = bytes_.modified_unix(name);
        known_good_ = *it;
        break;
    }
    return result;
}

std::vector<std::string> SnapshotStore::damaged_names() {
    std::vector<std::string> out;
    for (const std::string& n : bytes_.list())
        if (ends_with(n, kDamagedSuffix) && seq_of(std::string_view(n).substr(0, n.size() - kDamagedSuffix.size())))
            out.push_back(n);
    std::sort(out.begin(), out.end());
    return out;
}

uint64_t SnapshotStore::next_seq() {
    std::vector<uint64_t> seqs = sequence_numbers();
    uint64_t next = seqs.empty() ? 1 : seqs.back() + 1;
    // Never reuse the number of a snapshot set aside as damaged.
    for (const std::string& n : damaged_names())
        next = std::max(next, *seq_of(std::string_view(n).substr(0, n.size() - kDamagedSuffix.size())) + 1);
    return next;
}

bool SnapshotStore::refuse_newer(std::string* error) const {
    if (!newer_version_) return false;
    if (error) *error = "the stored data is of a newer iadesk; nothing is written";
    return true;
}

// All but the newest `keep_` of `seqs` are removed (`keep_large_` after a large one), except the
// newest snapshot known to load: when it is not among them it is kept in place of the oldest of
// them (never in place of the newest, the one just written).
void SnapshotStore::prune(std::vector<uint64_t> seqs, std::size_t newest_bytes) {
    std::sort(seqs.begin(), seqs.end());
    const int keep = newest_bytes >= large_bytes_ ? std::max(1, std::min(keep_, keep_large_)) : std::max(1, keep_);
    if (static_cast<int>(seqs.size()) <= keep) return;
    std::vector<uint64_t> kept(seqs.end() - keep, seqs.end());
    if (known_good_ && std::binary_search(seqs.begin(), seqs.end(), *known_good_) &&
        !std::binary_search(kept.begin(), kept.end(), *known_good_)) {
        if (kept.size() > 1) kept.erase(kept.begin());
        kept.insert(kept.begin(), *known_good_);
    }
    for (uint64_t seq : seqs)
        if (std::find(kept.begin(), kept.end(), seq) == kept.end()) bytes_.remove(name_of(seq));
}

bool SnapshotStore::save_bytes(std::string_view json, std::string* error) {
    if (refuse_newer(error)) return false;
    abandon_pieces();
    // Loaded back before it is written: only a text that loads becomes the one known to load.
    std::optional<DatasetProblem> problem;
    bool verified = false;
    if (json.size() <= verify_bytes_) {
        DatasetLoad load = load_dataset(json);
        verified = load.ok();
        if (!verified) problem = load.problems.empty() ? DatasetProblem{"", "kan ikke leses", "cannot be read"} : load.problems.front();
    }
    const uint64_t next = next_seq();
    if (!bytes_.write_atomic(name_of(next), json, error)) return false;
    last_save_problem_ = std::move(problem);
    if (verified) known_good_ = next;
    prune(sequence_numbers(), json.size());
    return true;
}

bool SnapshotStore::begin_pieces(std::string* error, std::size_t expected_bytes) {
    if (refuse_newer(error)) return false;
    abandon_pieces();
    const std::string name = name_of(next_seq());
    if (!bytes_.append(name + ".tmp", {}, error)) return false;
    if (expected_bytes) bytes_.reserve(name + ".tmp", expected_bytes);
    pending_ = name;
    pending_bytes_ = 0;
    return true;
}

bool SnapshotStore::append_piece(std::string_view bytes, std::string* error) {
    if (pending_.empty()) {
        if (error) *error = "no snapshot is being written";
        return false;
    }
    if (bytes_.append(pending_ + ".tmp", bytes, error)) {
        pending_bytes_ += bytes.size();
        return true;
    }
    abandon_pieces();
    return false;
}

bool SnapshotStore::commit_pieces(std::string* error) {
    if (pending_.empty()) {
        if (error) *error = "no snapshot is being written";
        return false;
    }
    const std::string name = std::move(pending_);
    pending_.clear();
    if (!bytes_.rename(name + ".tmp", name)) {
        bytes_.remove(name + ".tmp");
        if (error) *error = "cannot rename temporary file";
        return false;
    }
    last_save_problem_.reset(); // too large to load back in a frame: checked at the next start
    prune(sequence_numbers(), pending_bytes_);
    return true;
}

void SnapshotStore::abandon_pieces() {
    if (pending_.empty()) return;
    bytes_.remove(pending_ + ".tmp");
    pending_.clear();
}

bool SnapshotStore::save(const Dataset& data, std::string* error) { return save_bytes(save_dataset(data, -1), error); }

bool SteppedSnapshot::begin(SnapshotStore& store, const Dataset& data, uint64_t revision, std::string* error) {
    drop();
    auto saver = std::make_unique<DatasetSaver>(data, -1);
    if (!store.begin_pieces(error, saver->expected_size())) return false;
    store_ = &store;
    saver_ = std::move(saver);
    revision_ = revision;
    return true;
}

SteppedSnapshot::Step SteppedSnapshot::step(uint64_t current_revision, const std::function<bool()>& slice_over,
                                            std::string* error, std::size_t records_between_checks) {
    if (!saver_) return Step::abandoned;
    // A changed document, or a one-shot save meanwhile (save_bytes dropped the pieces): start over.
    if (current_revision != revision_ || !store_->writing_pieces()) {
        drop();
        return Step::abandoned;
    }
    bool complete = false;
    while (!(complete = saver_->step(std::max<std::size_t>(1, records_between_checks))) && !slice_over()) {}
    if (!store_->append_piece(saver_->take(), error)) { // append_piece dropped the pieces
        saver_.reset();
        return Step::failed;
    }
    if (!complete) return Step::more;
    saver_.reset();
    return store_->commit_pieces(error) ? Step::done : Step::failed;
}

void SteppedSnapshot::drop() {
    if (saver_ && store_) store_->abandon_pieces();
    saver_.reset();
}

} // namespace iadesk

// measures search: Norwegian-aware folding, a token index with suffix entries for compound
// words, prefix and typo-tolerant matching, synonyms, field weights and filters.
// Contract in include/iadesk/measures.hpp; the ranking is explained in docs/measures.md.
#include "iadesk/measures.hpp"

#include <algorithm>
#include <bit>
#include <map>
#include <vector>

namespace iadesk::measures {

namespace {

// Appends the folded form of one Latin-1 code point (U+00C0..U+00FF) or nothing.
void fold_latin1(unsigned cp, std::string& out) {
    if (cp >= 0xC0 && cp <= 0xDE && cp != 0xD7) cp += 0x20; // upper -> lower
    switch (cp) {
    case 0xE6: case 0xE4: out += "ae"; return;           // æ ä
    case 0xF8: case 0xF6: case 0xF2: case 0xF3: case 0xF4: case 0xF5: out += 'o'; return; // ø ö ò ó ô õ
    case 0xE5: case 0xE0: case 0xE1: case 0xE2: case 0xE3: out += 'a'; return;            // å à á â ã
    case 0xE8: case 0xE9: case 0xEA: case 0xEB: out += 'e'; return;
    case 0xEC: case 0xED: case 0xEE: case 0xEF: out += 'i'; return;
    case 0xF9: case 0xFA: case 0xFB: case 0xFC: out += 'u'; return;
    case 0xE7: out += 'c'; return;
    case 0xF1: out += 'n'; return;
    case 0xFD: case 0xFF: out += 'y'; return;
    case 0xDF: out += "ss"; return;
    default: out += ' '; return;
    }
}

// Longest edit distance considered; tokens longer than this are cut for fuzzy matching.
constexpr std::size_t kMaxFuzzyLen = 48;

// Optimal-string-alignment distance between q and t (full) and between q and the closest
// prefix of t (prefix), both capped at k + 1. Only the diagonal band |i - j| <= k is computed
// (cells outside it exceed k anyway), and the loop stops as soon as a row exceeds k.
void osa_distances(std::string_view q, std::string_view t, int k, int& full, int& prefix) {
    const int inf = k + 1;
    full = prefix = inf;
    const int lq = static_cast<int>(std::min(q.size(), kMaxFuzzyLen));
    const int lt_all = static_cast<int>(std::min(t.size(), kMaxFuzzyLen));
    const int lt = std::min(lt_all, lq + k);
    int rows[3][kMaxFuzzyLen + 4];
    for (auto& r : rows)
        for (int& x : r) x = inf;
    int* prev2 = rows[0];
    int* prev = rows[1];
    int* cur = rows[2];
    for (int j = 0; j <= std::min(lt, k); ++j) prev[j] = j;
    for (int i = 1; i <= lq; ++i) {
        const int lo = std::max(1, i - k), hi = std::min(lt, i + k);
        cur[lo - 1] = lo == 1 ? (i <= k ? i : inf) : inf;
        int row_min = cur[lo - 1];
        for (int j = lo; j <= hi; ++j) {
            const int cost = q[static_cast<std::size_t>(i - 1)] == t[static_cast<std::size_t>(j - 1)] ? 0 : 1;
            int v = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost});
            if (i > 1 && j > 1 && q[static_cast<std::size_t>(i - 1)] == t[static_cast<std::size_t>(j - 2)] &&
                q[static_cast<std::size_t>(i - 2)] == t[static_cast<std::size_t>(j - 1)])
                v = std::min(v, prev2[j - 2] + 1);
            cur[j] = std::min(v, inf);
            row_min = std::min(row_min, cur[j]);
        }
        if (hi + 1 <= static_cast<int>(kMaxFuzzyLen) + 2) cur[hi + 1] = inf;
        if (row_min > k) return;
        int* tmp = prev2;
        prev2 = prev;
        prev = cur;
        cur = tmp;
    }
    int best = inf;
    for (int j = std::max(0, lq - k); j <= std::min(lt, lq + k); ++j) best = std::min(best, prev[j]);
    prefix = best;
    if (lt == lt_all && t.size() <= kMaxFuzzyLen && lt >= lq - k) full = prev[lt];
}

// The same distance as osa_distances' `full`, for strings of any length (the search cuts its
// tokens at kMaxFuzzyLen; edit_distance must not). Only the band |i - j| <= k is kept: cell (i, j)
// lives at index j - i + k + 1 of its row, with an inf sentinel at each end, so a row is 2k + 3
// cells and the work is O(|a| * k).
int osa_banded(std::string_view a, std::string_view b, int k) {
    const int inf = k + 1;
    const std::size_t width = 2 * static_cast<std::size_t>(k) + 3;
    std::vector<int> prev2(width, inf), prev(width, inf), cur(width, inf);
    const auto at = [k](std::size_t i, std::size_t j) {
        return static_cast<std::size_t>(static_cast<long long>(j) - static_cast<long long>(i) + k + 1);
    };
    for (std::size_t j = 0; j <= std::min(b.size(), static_cast<std::size_t>(k)); ++j) prev[at(0, j)] = static_cast<int>(j);
    for (std::size_t i = 1; i <= a.size(); ++i) {
        std::fill(cur.begin(), cur.end(), inf);
        const std::size_t lo = i > static_cast<std::size_t>(k) ? i - static_cast<std::size_t>(k) : 0;
        const std::size_t hi = std::min(b.size(), i + static_cast<std::size_t>(k));
        int row_min = inf;
        for (std::size_t j = lo; j <= hi; ++j) {
            const std::size_t c = at(i, j);
            int v;
            if (j == 0) {
                v = static_cast<int>(i); // lo == 0 only while i <= k
            } else {
                const int cost = a[i - 1] == b[j - 1] ? 0 : 1;
                v = std::min({prev[c + 1] + 1, cur[c - 1] + 1, prev[c] + cost});
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) v = std::min(v, prev2[c] + 1);
            }
            cur[c] = std::min(v, inf);
            row_min = std::min(row_min, cur[c]);
        }
        if (row_min > k) return inf;
        std::swap(prev2, prev);
        std::swap(prev, cur);
    }
    return prev[at(a.size(), b.size())];
}

// The set of a token's letter pairs, hashed into 64 bits. Shared pairs can only be
// overcounted by the hash, so popcount(a & b) bounds the true number of shared pairs from above.
std::uint64_t bigram_mask(std::string_view t) {
    std::uint64_t m = 0;
    for (std::size_t i = 1; i < t.size(); ++i)
        m |= std::uint64_t{1} << ((static_cast<unsigned char>(t[i - 1]) * 31u + static_cast<unsigned char>(t[i])) & 63u);
    return m;
}

} // namespace

std::string fold(std::string_view s) {
    std::string raw;
    raw.reserve(s.size() + 4);
    for (std::size_t i = 0; i < s.size(); ++i) {
        const auto c = static_cast<unsigned char>(s[i]);
        if (c < 0x80) {
            if (c >= 'A' && c <= 'Z') raw += static_cast<char>(c + 32);
            else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) raw += static_cast<char>(c);
            else raw += ' ';
        } else if ((c & 0xE0) == 0xC0 && i + 1 < s.size()) {
            const unsigned cp = ((c & 0x1Fu) << 6) | (static_cast<unsigned char>(s[i + 1]) & 0x3Fu);
            ++i;
            if (cp >= 0xC0 && cp <= 0xFF) fold_latin1(cp, raw);
            else raw += ' ';
        } else {
            // Other multi-byte sequences (dashes, quotes, §, ...) separate words.
            std::size_t extra = (c & 0xF0) == 0xE0 ? 2 : (c & 0xF8) == 0xF0 ? 3 : 0;
            i += std::min(extra, s.size() - 1 - i);
            raw += ' ';
        }
    }
    // "aa" -> "a" and "oe" -> "o", so that å/aa/a and ø/oe/o meet in one canonical form.
    std::string out;
    out.reserve(raw.size());
    for (char ch : raw) {
        if (!out.empty() && ((ch == 'a' && out.back() == 'a') || (ch == 'e' && out.back() == 'o'))) continue;
        out += ch;
    }
    return out;
}

namespace {
std::string joined_words(std::string_view s) {
    std::string out;
    for (const std::string& t : tokenize(s)) {
        if (!out.empty()) out += ' ';
        out += t;
    }
    return out;
}
} // namespace

std::vector<std::string> tokenize(std::string_view s) {
    std::vector<std::string> out;
    const std::string f = fold(s);
    std::size_t i = 0;
    while (i < f.size()) {
        while (i < f.size() && f[i] == ' ') ++i;
        std::size_t j = i;
        while (j < f.size() && f[j] != ' ') ++j;
        if (j > i) out.emplace_back(f.substr(i, j - i));
        i = j;
    }
    return out;
}

int allowed_edits(std::size_t n) { return n >= 9 ? 2 : n >= 5 ? 1 : 0; }

int edit_distance(std::string_view a, std::string_view b, int max_dist) {
    const long long diff = static_cast<long long>(a.size()) - static_cast<long long>(b.size());
    if (diff > max_dist || -diff > max_dist) return max_dist + 1;
    if (a.size() <= kMaxFuzzyLen && b.size() <= kMaxFuzzyLen) { // the search's own code path
        int full = 0, prefix = 0;
        osa_distances(a, b, max_dist, full, prefix);
        return full;
    }
    return osa_banded(a, b, max_dist);
}

std::string_view MeasureIndex::suffix(const Entry& e) const {
    return std::string_view(vocab_[e.token]).substr(e.offset);
}

MeasureIndex::MeasureIndex(const Catalogue& c) {
    std::map<std::string, std::map<std::uint16_t, float>> terms; // token -> doc -> best weight
    auto add = [&](std::uint16_t doc, std::string_view text, double weight) {
        for (auto& tok : tokenize(text)) {
            float& w = terms[tok][doc];
            w = std::max(w, static_cast<float>(weight));
        }
    };
    for (std::size_t i = 0; i < c.measures.size() && i < 0xFFFF; ++i) {
        const Measure& m = c.measures[i];
        const auto d = static_cast<std::uint16_t>(i);
        add(d, m.name.nb, Ranking::name);
        add(d, m.name.en, Ranking::name);
        for (const auto& w : m.search_words) add(d, w, Ranking::search_words);
        add(d, m.summary.nb, Ranking::summary);
        add(d, m.summary.en, Ranking::summary);
        add(d, m.body.nb, Ranking::body);
        add(d, m.body.en, Ranking::body);

        Doc doc;
        doc.id = m.id;
        doc.folded_name = fold(m.name.nb);
        doc.name_words_nb = joined_words(m.name.nb);
        doc.name_words_en = joined_words(m.name.en);
        doc.name_length = static_cast<std::uint16_t>(std::min<std::size_t>(tokenize(m.name.nb).size(), 0xFFFF));
        for (Phase p : m.phases) doc.phases |= static_cast<std::uint8_t>(1u << static_cast<unsigned>(p));
        doc.current = m.current;
        doc.provider = m.provider;
        doc.goals = m.ia_goals;
        doc.groups = m.target_groups;
        docs_.push_back(std::move(doc));
    }

    key_by_length_.assign(kMaxFuzzyLen + 1, {});
    for (auto& [tok, docs] : terms) {
        const auto pos = static_cast<std::uint32_t>(vocab_.size());
        vocab_.push_back(tok);
        std::vector<Posting> ps;
        bool key = false;
        for (auto [d, w] : docs) {
            ps.push_back({d, w});
            key = key || w >= Ranking::summary;
        }
        postings_.push_back(std::move(ps));
        key_.push_back(key);
        bigrams_.push_back(bigram_mask(tok));
        if (key) key_by_length_[std::min(tok.size(), kMaxFuzzyLen)].push_back(pos);
    }
    // Every token itself, and every inner suffix of 4+ letters (compound parts: "tilskudd"
    // inside "inkluderingstilskudd").
    for (std::uint32_t p = 0; p < vocab_.size(); ++p) {
        const std::size_t n = vocab_[p].size();
        suffixes_.push_back({p, 0});
        for (std::size_t o = 1; o + 4 <= n && o < 0xFFFF; ++o) suffixes_.push_back({p, static_cast<std::uint16_t>(o)});
    }
    std::sort(suffixes_.begin(), suffixes_.end(), [&](const Entry& a, const Entry& b) {
        const auto sa = suffix(a), sb = suffix(b);
        return sa != sb ? sa < sb : a.token < b.token;
    });

    for (const auto& w : c.stopwords) {
        auto toks = tokenize(w);
        if (toks.size() == 1) stopwords_.push_back(toks[0]);
    }
    std::sort(stopwords_.begin(), stopwords_.end());

    // Synonyms as (phrase -> alternative phrases), all folded.
    for (const Synonym& y : c.synonyms) {
        for (const auto& f : y.from) {
            auto from = tokenize(f);
            if (from.empty()) continue;
            std::vector<std::vector<std::string>> alts;
            for (const auto& t : y.to) {
                auto to = tokenize(t);
                if (!to.empty() && to != from) alts.push_back(std::move(to));
            }
            if (!alts.empty()) synonyms_.emplace_back(std::move(from), std::move(alts));
        }
    }
}

void MeasureIndex::match_token(std::string_view q, std::vector<double>& best) const {
    auto credit = [&](std::uint32_t token, double factor) {
        for (const Posting& p : postings_[token]) best[p.doc] = std::max(best[p.doc], p.weight * factor);
    };
    // Exact, prefix and inside-a-compound matches from the sorted suffix entries.
    auto lo = std::lower_bound(suffixes_.begin(), suffixes_.end(), q,
                               [&](const Entry& e, std::string_view key) { return suffix(e) < key; });
    for (auto it = lo; it != suffixes_.end(); ++it) {
        const std::string_view s = suffix(*it);
        if (s.substr(0, q.size()) != q) break;
        const bool whole = it->offset == 0 && s.size() == q.size();
        if (whole) credit(it->token, Ranking::exact);
        else if (it->offset == 0 && q.size() >= 2) credit(it->token, Ranking::prefix);
        else if (it->offset > 0 && q.size() >= 4) credit(it->token, Ranking::inside);
    }
    // Typos, against the key vocabulary (names, search words, summaries) only.
    const int k = allowed_edits(q.size());
    if (k == 0) return;
    // Each edit breaks at most three of q's letter pairs (a transposition), so a candidate must
    // share at least pairs(q) - 3k of them; the hashed masks reject most tokens without the DP.
    const std::uint64_t qmask = bigram_mask(q);
    const int need = std::popcount(qmask) - 3 * k;
    const std::size_t from = q.size() - static_cast<std::size_t>(k);
    for (std::size_t len = from; len <= kMaxFuzzyLen; ++len)
        for (std::uint32_t token : key_by_length_[len]) {
            if (need > 0 && std::popcount(qmask & bigrams_[token]) < need) continue;
            int full = 0, prefix = 0;
            osa_distances(q, vocab_[token], k, full, prefix);
            if (full == 0) continue; // exact: already credited
            if (full <= k) credit(token, full == 1 ? Ranking::fuzzy1 : Ranking::fuzzy2);
            else if (prefix <= k && prefix > 0) credit(token, Ranking::fuzzy_prefix);
        }
}

std::vector<std::vector<MeasureIndex::Alternative>> MeasureIndex::expand(const std::vector<std::string>& tokens) const {
    std::vector<std::vector<Alternative>> groups;
    std::size_t i = 0;
    while (i < tokens.size()) {
        std::size_t best_len = 0;
        const std::vector<std::vector<std::string>>* alts = nullptr;
        for (const auto& [from, to] : synonyms_) {
            if (from.size() <= best_len || i + from.size() > tokens.size()) continue;
            if (std::equal(from.begin(), from.end(), tokens.begin() + static_cast<std::ptrdiff_t>(i))) {
                best_len = from.size();
                alts = &to;
            }
        }
        std::vector<Alternative> group;
        if (best_len == 0) {
            group.push_back({{tokens[i]}, 1.0});
            ++i;
        } else {
            group.push_back({std::vector<std::string>(tokens.begin() + static_cast<std::ptrdiff_t>(i),
                                                      tokens.begin() + static_cast<std::ptrdiff_t>(i + best_len)), 1.0});
            for (const auto& a : *alts) group.push_back({a, Ranking::synonym});
            i += best_len;
        }
        groups.push_back(std::move(group));
    }
    return groups;
}

bool MeasureIndex::passes(int measure, const SearchFilter& f) const {
    if (measure < 0 || static_cast<std::size_t>(measure) >= docs_.size()) return false;
    const Doc& d = docs_[static_cast<std::size_t>(measure)];
    if (f.phase && (d.phases & (1u << static_cast<unsigned>(*f.phase))) == 0) return false;
    if (!f.ia_goal.empty() && std::find(d.goals.begin(), d.goals.end(), f.ia_goal) == d.goals.end()) return false;
    if (!f.provider.empty() && d.provider != f.provider) return false;
    if (!f.target_group.empty() && std::find(d.groups.begin(), d.groups.end(), f.target_group) == d.groups.end()) return false;
    if (f.validity == Validity::current_only && !d.current) return false;
    if (f.validity == Validity::historic_only && d.current) return false;
    return true;
}

std::vector<SearchHit> MeasureIndex::search(std::string_view query, const SearchFilter& filter, std::size_t limit) const {
    std::vector<SearchHit> hits;
    std::vector<std::string> tokens = tokenize(query);
    const std::string query_words = joined_words(query);
    std::vector<std::string> content;
    for (auto& t : tokens)
        if (!std::binary_search(stopwords_.begin(), stopwords_.end(), t)) content.push_back(t);
    if (!content.empty()) tokens.swap(content);

    const std::size_t n = docs_.size();
    if (tokens.empty()) {
        for (std::size_t i = 0; i < n; ++i)
            if (passes(static_cast<int>(i), filter)) hits.push_back({static_cast<int>(i), 0});
        std::sort(hits.begin(), hits.end(), [&](const SearchHit& a, const SearchHit& b) {
            const Doc& da = docs_[static_cast<std::size_t>(a.measure)];
            const Doc& db = docs_[static_cast<std::size_t>(b.measure)];
            return da.folded_name != db.folded_name ? da.folded_name < db.folded_name : da.id < db.id;
        });
        if (limit != 0 && hits.size() > limit) hits.resize(limit);
        return hits;
    }

    const auto groups = expand(tokens);
    std::vector<double> total(n, 0), token_best(n), alt_score(n), group_best(n);
    std::vector<int> matched(n, 0);
    for (const auto& group : groups) {
        std::fill(group_best.begin(), group_best.end(), 0.0);
        for (const Alternative& alt : group) {
            // An alternative scores the sum of its tokens' best matches, only where all match.
            std::fill(alt_score.begin(), alt_score.end(), 0.0);
            std::vector<bool> all(n, true);
            for (const auto& tok : alt.tokens) {
                std::fill(token_best.begin(), token_best.end(), 0.0);
                match_token(tok, token_best);
                for (std::size_t d = 0; d < n; ++d) {
                    if (token_best[d] <= 0) all[d] = false;
                    alt_score[d] += token_best[d];
                }
            }
            for (std::size_t d = 0; d < n; ++d)
                if (all[d]) group_best[d] = std::max(group_best[d], alt_score[d] * alt.factor);
        }
        for (std::size_t d = 0; d < n; ++d)
            if (group_best[d] > 0) {
                total[d] += group_best[d];
                ++matched[d];
            }
    }
    const double g = static_cast<double>(groups.size());
    for (std::size_t d = 0; d < n; ++d) {
        if (matched[d] == 0 || !passes(static_cast<int>(d), filter)) continue;
        const double coverage = matched[d] / g;
        double score = total[d] * coverage * coverage;
        if (!docs_[d].current) score *= Ranking::historic;
        // Two measures can match every word equally ("Work training" is all of Arbeidstrening's English
        // name and two words of "Work preparatory training (AFT)"): the one named so comes first.
        if (query_words == docs_[d].name_words_nb || query_words == docs_[d].name_words_en) score *= Ranking::whole_name;
        hits.push_back({static_cast<int>(d), score});
    }
    // Equal scores: the shorter name first (the query says more of it: "lønnstilskudd" is half of
    // "Midlertidig lønnstilskudd" and a quarter of "Fireårig lønnstilskudd for unge"), then by id.
    std::sort(hits.begin(), hits.end(), [&](const SearchHit& a, const SearchHit& b) {
        if (a.score != b.score) return a.score > b.score;
        const Doc& da = docs_[static_cast<std::size_t>(a.measure)];
        const Doc& db = docs_[static_cast<std::size_t>(b.measure)];
        return da.name_length != db.name_length ? da.name_length < db.name_length : da.id < db.id;
    });
    if (limit != 0 && hits.size() > limit) hits.resize(limit);
    return hits;
}

} // namespace iadesk::measures

// model: small lookups on the plain data (model.hpp).
#include "iadesk/model.hpp"

namespace iadesk {

bool is_valid_orgnr(std::string_view orgnr) {
    // Brønnøysundregistrene: weights 3 2 7 6 5 4 3 2 on the first eight digits, modulus 11.
    static constexpr int kWeights[8] = {3, 2, 7, 6, 5, 4, 3, 2};
    if (orgnr.size() != 9) return false;
    for (char c : orgnr)
        if (c < '0' || c > '9') return false;
    int sum = 0;
    for (int i = 0; i < 8; ++i) sum += (orgnr[i] - '0') * kWeights[i];
    const int check = 11 - sum % 11;
    if (check == 10) return false;
    return (check == 11 ? 0 : check) == orgnr[8] - '0';
}

bool is_valid_national_id(std::string_view id) {
    static constexpr int kFirst[9] = {3, 7, 6, 1, 8, 9, 4, 5, 2};
    static constexpr int kSecond[10] = {5, 4, 3, 2, 7, 6, 5, 4, 3, 2};
    if (id.size() != 11) return false;
    for (char c : id)
        if (c < '0' || c > '9') return false;
    auto control = [&](const int* weights, int n) {
        int sum = 0;
        for (int i = 0; i < n; ++i) sum += (id[static_cast<std::size_t>(i)] - '0') * weights[i];
        const int k = 11 - sum % 11;
        return k == 11 ? 0 : k; // 10: no valid digit
    };
    return control(kFirst, 9) == id[9] - '0' && control(kSecond, 10) == id[10] - '0';
}

bool is_plausible_email(std::string_view a) {
    if (a.empty() || a.size() > 254) return false;
    const std::size_t at = a.find('@');
    if (at == 0 || at == std::string_view::npos || a.find('@', at + 1) != std::string_view::npos) return false;
    for (unsigned char c : a)
        if (c <= ' ' || c == 0x7F || c == '"' || c == ',' || c == ';' || c == ':' || c == '<' || c == '>') return false;
    const std::string_view domain = a.substr(at + 1);
    const std::size_t dot = domain.find('.');
    return dot != std::string_view::npos && dot > 0 && dot + 1 < domain.size();
}

double position_share_on(const Employee& e, Date d) {
    for (const Employment& p : e.employment)
        if (p.from <= d && (!p.to || d <= *p.to)) return p.percent / 100.0;
    return 0.0;
}

const std::string& unit_on(const Employee& e, Date d) {
    for (const EarlierUnit& u : e.earlier_units)
        if (d <= u.until) return u.unit;
    return e.unit;
}

const char* to_string(AbsenceKind k) {
    return k == AbsenceKind::egenmelding ? "egenmelding" : "sykmelding";
}

const char* to_string(EventStatus s) { return s == EventStatus::done ? "done" : "exempt"; }

} // namespace iadesk

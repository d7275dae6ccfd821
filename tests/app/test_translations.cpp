// The translation tables and trf (src/app/tr_format.hpp): every text of assets/i18n/nb.json and
// en.json names the same placeholders in both languages and formats with fmt once each is given a
// value; a text that does not match its call is shown raw with its key instead of crashing; and
// the numbers the user reads keep their decimal comma in bokmål.
#include "app/format.hpp"
#include "app/i18n.hpp"
#include "app/tr_format.hpp"

#include <doctest/doctest.h>
#include <fmt/args.h>
#include <fmt/format.h>

#include <optional>
#include <regex>
#include <set>
#include <string>
#include <utility>
#include <vector>

using namespace iadesk::app;

namespace {

std::set<std::string> as_set(const std::vector<std::string>& names) { return {names.begin(), names.end()}; }

// The current translations for one test case, unset again at its end (tr() falls back to the key).
struct CurrentTexts {
    Translations texts;
    explicit CurrentTexts(Language language) {
        REQUIRE(texts.load_builtin().empty());
        texts.language = language;
        set_current_translations(&texts);
    }
    ~CurrentTexts() { set_current_translations(nullptr); }
};

} // namespace

TEST_CASE("every translation names the same placeholders in bokmål and English and formats with them") {
    Translations t;
    REQUIRE(t.load_builtin().empty());
    REQUIRE(t.nb.size() == t.en.size());
    // A printf directive left over ("%d", "%s", "%%") would be shown as it is now.
    const std::regex printf_directive(R"(%[-+#0]*[0-9]*(\.[0-9]+)?(z|l|ll)?[dsfiuxc%])");
    int with_placeholders = 0;
    for (const auto& [key, nb_text] : t.nb) {
        CAPTURE(key);
        const auto en_it = t.en.find(key);
        REQUIRE_MESSAGE(en_it != t.en.end(), "missing in en.json");
        const std::string& en_text = en_it->second;
        CHECK_FALSE(std::regex_search(nb_text, printf_directive));
        CHECK_FALSE(std::regex_search(en_text, printf_directive));
        const auto nb_names = placeholder_names(nb_text);
        const auto en_names = placeholder_names(en_text);
        REQUIRE_MESSAGE(nb_names.has_value(), "malformed braces in nb: " << nb_text);
        REQUIRE_MESSAGE(en_names.has_value(), "malformed braces in en: " << en_text);
        CHECK_MESSAGE(as_set(*nb_names) == as_set(*en_names), "nb: " << nb_text << " / en: " << en_text);
        if (!nb_names->empty()) ++with_placeholders;

        // Each text filled with a value for every placeholder it names: fmt accepts it, and no
        // placeholder is left in the result.
        const std::pair<const std::string*, const std::vector<std::string>*> texts[] = {{&nb_text, &*nb_names},
                                                                                        {&en_text, &*en_names}};
        for (const auto& [text, names] : texts) {
            fmt::dynamic_format_arg_store<fmt::format_context> args;
            for (const std::string& name : *names) args.push_back(fmt::arg(name.c_str(), 7));
            CHECK_NOTHROW((void)fmt::vformat(*text, args));
            const std::optional<std::string> filled = try_format_translation(*text, args);
            REQUIRE_MESSAGE(filled.has_value(), *text);
            CHECK(filled->find("{") == std::string::npos);
        }
    }
    // The 65 texts that carried printf directives, and two of the CSV error lines' places.
    CHECK(with_placeholders >= 67);
}

TEST_CASE("trf fills a translation by name, in each language's own order") {
    {
        CurrentTexts current(Language::nb);
        CHECK(trf("case.summary", fmt::arg("unit", "Salg"), fmt::arg("week", 12), fmt::arg("percent", 50)) ==
              "Salg · uke 12 av 52 · 50 % sykmeldt i dag");
        CHECK(trf("rel.in_days", fmt::arg("days", 3)) == "om 3 dager");
        CHECK(trf("save.saved_at", fmt::arg("time", format_clock(9, 5))) == "Lagret 09:05");
        // An argument a text does not name is ignored (sickpay.none.* share one call).
        CHECK(trf("overview.need_action", fmt::arg("count", 4), fmt::arg("unused", "x")) ==
              "Trenger handling denne uken (4)");
    }
    CurrentTexts current(Language::en);
    CHECK(trf("case.summary", fmt::arg("unit", "Sales"), fmt::arg("week", 12), fmt::arg("percent", 50)) ==
          "Sales · week 12 of 52 · 50 % sick-listed today");
    CHECK(trf("rel.days_ago", fmt::arg("days", 2)) == "2 days ago");
}

TEST_CASE("a translation that does not match its call is shown raw with its key, never a crash") {
    const int week_value = 12, percent_value = 50; // fmt::arg keeps a reference
    const auto week = fmt::arg("week", week_value);
    const auto percent = fmt::arg("percent", percent_value);
    // A placeholder the call does not give (a translator's typo).
    CHECK(format_translation("case.summary", "uke {wek} · {percent} %", fmt::make_format_args(week, percent)) ==
          "uke {wek} · {percent} % [case.summary]");
    // Braces fmt would refuse or read as positional or with a format spec.
    for (const char* broken :
         {"uke {week", "uke week}", "uke {}", "uke {0}", "uke {week:d}", "uke {week:.1f}", "{{week}", "{ week }"}) {
        CAPTURE(broken);
        CHECK(format_translation("k", broken, fmt::make_format_args(week)) == std::string(broken) + " [k]");
    }
    // Literal braces are doubled; the order of the placeholders is the text's own.
    CHECK(format_translation("k", "{{{percent}}} før {week}", fmt::make_format_args(week, percent)) == "{50} før 12");

    // The same through tr(): a planted bad bokmål text for a key the views use.
    CurrentTexts current(Language::nb);
    current.texts.nb["case.summary"] = "{unit} · uke {wek}";
    CHECK(trf("case.summary", fmt::arg("unit", "Salg"), week, percent) == "{unit} · uke {wek} [case.summary]");
    // A key missing from both tables: the key itself, as tr() gives it.
    CHECK(trf("no.such.key", week) == "no.such.key");
}

TEST_CASE("numbers keep the decimal comma in bokmål and the point in English") {
    CHECK(format_decimal(6.5, 1, Language::nb) == "6,5");
    CHECK(format_decimal(6.5, 1, Language::en) == "6.5");
    CHECK(format_decimal(6.5, 1, Language::nb) + " %" == "6,5 %");
    CHECK(format_decimal(12.25, 1, Language::nb) == "12,2"); // 12.25 is exact in binary: to even, as printf
    CHECK(format_decimal(0.049, 1, Language::nb) == "0,0");
    CHECK(format_decimal(-1.25, 2, Language::nb) == "-1,25");
    CHECK(format_decimal(1234567.0, 0, Language::nb) == "1234567"); // no thousands separator
    CHECK(format_decimal(100.0 / 3.0, 2, Language::en) == "33.33");
    CHECK(format_clock(14, 5) == "14:05");
}

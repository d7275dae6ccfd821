// The doctest runner of the native app tests (the App's parts that need no browser: autosave,
// recovery; one ctest entry per test case, cmake/doctest_tests.cmake).
#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include <doctest/doctest.h>

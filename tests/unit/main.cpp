// The doctest runner of the unit tests (one ctest entry per test case, cmake/doctest_tests.cmake).
#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include <doctest/doctest.h>

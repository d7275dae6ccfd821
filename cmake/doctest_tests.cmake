# Registers each doctest test case of a test binary as its own ctest test (Debian's doctest-dev
# ships doctest_discover_tests), so that ctest's summary counts the real tests.
# A ctest entry that runs no test case fails: a ';' in a test case's name splits it into two
# entries whose filters match nothing, and 14 cases once passed that way without running.
include(/usr/lib/cmake/doctest/doctest.cmake)
function(iadesk_add_doctest_cases target)
  doctest_discover_tests(${target} TEST_PREFIX "${target}/" WORKING_DIRECTORY "${CMAKE_SOURCE_DIR}"
                         PROPERTIES FAIL_REGULAR_EXPRESSION "test cases: +0 [|]")
endfunction()

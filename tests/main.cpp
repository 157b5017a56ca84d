// The Catch2 main of the unit_tests executable; the tests live beside it.
#define CATCH_CONFIG_MAIN
#include <catch2/catch.hpp>

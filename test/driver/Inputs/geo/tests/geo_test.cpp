#include "geo/geo.h"
#include <cstdio>
#include <string>

std::string describe(const std::vector<int> &values, const geo::Shape &shape);

static int failures = 0;
static void expect(bool ok, const char *what) {
  if (!ok) {
    std::printf("FAILED: %s\n", what);
    ++failures;
  }
}

int main() {
  const auto b = geo::bounds({3, 1, 4, 1, 5});
  expect(b.first == 1 && std::get<1>(b) == 5, "bounds");
  const auto p = geo::parse_point("7,8");
  expect(std::get<0>(p) && std::get<1>(p) == 7 && std::get<2>(p) == 8, "parse_point");
  expect(!std::get<0>(geo::parse_point("nope")), "parse_point without a comma");
  expect(geo::Shape(2, 3).size().second == 3, "size");
  expect(describe({2, 9}, geo::Shape(2, 5)) == "2..9 10 7", "describe");
  std::printf("%d failures\n", failures);
  return failures == 0 ? 0 : 1;
}

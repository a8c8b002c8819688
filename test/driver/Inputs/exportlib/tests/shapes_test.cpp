#include "shapes/shapes.h"
#include "shapes/stats.h"
#include <cstdio>
#include <cstdlib>

static void expect(bool ok, const char *what) {
  if (!ok) {
    std::printf("FAIL: %s\n", what);
    std::exit(1);
  }
}

int main() {
  const std::vector<int> values{3, 1, 5};
  auto b = shapes::bounds(values);
  expect(b.first == 1 && b.second == 5, "bounds");
  auto [ok, x, y] = shapes::parse_point("7,8");
  expect(ok && x == 7 && y == 8, "parse_point");
  auto [mean, spread] = shapes::mean_and_spread(values);
  expect(mean == 3 && spread > 1.6 && spread < 1.7, "mean_and_spread");
  auto [width, height] = shapes::Shape(2, 3).size();
  expect(width == 2 && height == 3, "size");
  expect(shapes::Shape::unit().first == 1, "unit");
  auto [sum, count] = shapes::sum_and_count(values);
  expect(sum == 9 && count == 3, "sum_and_count");
  std::printf("ok\n");
}

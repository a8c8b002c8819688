#include "geo/geo.h"
#include <string>

std::string describe(const std::vector<int> &values, const geo::Shape &shape) {
  const auto range = geo::bounds(values);
  auto [w, h] = shape.size();
  bool ok = false;
  int x = 0, y = 0;
  std::tie(ok, x, y) = geo::parse_point("3,4");
  return std::to_string(range.first) + ".." + std::to_string(range.second) +
         " " + std::to_string(w * h) + " " + std::to_string(ok ? x + y : -1);
}

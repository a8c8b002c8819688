#include "geo/geo.h"
#include <algorithm>

namespace geo {

std::pair<int, int> bounds(const std::vector<int> &values) {
  if (values.empty())
    return {0, 0};
  const int lo = *std::min_element(values.begin(), values.end());
  const int hi = *std::max_element(values.begin(), values.end());
  return std::make_pair(lo, hi);
}

std::tuple<bool, int, int> parse_point(const std::string &text) {
  const auto comma = text.find(',');
  if (comma == std::string::npos)
    return {false, 0, 0};
  const bool ok = true;
  const int x = std::stoi(text.substr(0, comma));
  const int y = std::stoi(text.substr(comma + 1));
  return std::make_tuple(ok, x, y);
}

std::pair<int, int> Shape::size() const { return {width_, height_}; }

} // namespace geo

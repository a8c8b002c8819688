#include "shapes/shapes.h"
#include <algorithm>
#include <cmath>

namespace shapes {

std::pair<int, int> bounds(const std::vector<int> &values) {
  int lo = *std::min_element(values.begin(), values.end());
  int hi = *std::max_element(values.begin(), values.end());
  return {lo, hi};
}

std::tuple<bool, int, int> parse_point(const std::string &text) {
  const auto comma = text.find(',');
  if (comma == std::string::npos)
    return {false, 0, 0};
  bool ok = true;
  int x = std::stoi(text.substr(0, comma));
  int y = std::stoi(text.substr(comma + 1));
  return {ok, x, y};
}

std::pair<double, double> mean_and_spread(const std::vector<int> &values) {
  double mean = 0;
  for (int v : values)
    mean += v;
  mean /= values.size();
  double spread = 0;
  for (int v : values)
    spread += (v - mean) * (v - mean);
  spread = std::sqrt(spread / values.size());
  return {mean, spread};
}

std::pair<int, int> Shape::size() const { 
  int width = width_, height = height_;
  return {width, height};
}

std::pair<int, int> Shape::unit() {
  int width = 1, height = 1;
  return {width, height};
}

} // namespace shapes

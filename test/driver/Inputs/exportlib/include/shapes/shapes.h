#pragma once
#include "shapes/export.h"
#include <string>
#include <tuple>
#include <utility>
#include <vector>

namespace shapes {

/// The smallest and largest value.
SHAPES_API std::pair<int, int> bounds(const std::vector<int> &values);

// "x,y" -> whether the text had that shape, and the two numbers.
SHAPES_API
std::tuple<bool, int, int> parse_point(const std::string &text);

[[nodiscard]] SHAPES_API std::pair<double, double> mean_and_spread(const std::vector<int> &values);

class SHAPES_API Shape {
public:
  Shape(int w, int h) : width_(w), height_(h) {}
  /// Width and height.
  std::pair<int, int> size() const;
  SHAPES_API static std::pair<int, int> unit();

private:
  int width_, height_;
};

} // namespace shapes

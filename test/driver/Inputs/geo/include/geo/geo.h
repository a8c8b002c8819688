#pragma once
#include <string>
#include <tuple>
#include <utility>
#include <vector>

namespace geo {

/// The smallest and largest value.
std::pair<int, int> bounds(const std::vector<int> &values);

/// "x,y" -> the two numbers, and whether the text had that shape.
std::tuple<bool, int, int> parse_point(const std::string &text);

class Shape {
public:
  explicit Shape(int w, int h) : width_(w), height_(h) {}
  std::pair<int, int> size() const;

private:
  int width_, height_;
};

} // namespace geo

#pragma once
#include <utility>

namespace six {

struct Shape {
  virtual ~Shape() = default;
  // The width and height of the box around the shape.
  virtual std::pair<int, int> extent() const = 0;
};

struct Square : Shape {
  explicit Square(int side) : side(side) {}
  std::pair<int, int> extent() const override { return {side, side}; }
  int side;
};

struct Circle : Shape {
  explicit Circle(int radius) : radius(radius) {}
  std::pair<int, int> extent() const override;
  int radius;
};

int area_of_box(const Shape &shape);

} // namespace six

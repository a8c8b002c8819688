#include "six/shape.h"

namespace six {

int area_of_box(const Shape &shape) {
  auto box = shape.extent();
  return box.first * box.second;
}

} // namespace six

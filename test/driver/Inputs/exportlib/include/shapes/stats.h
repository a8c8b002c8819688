#pragma once
#include "shapes/export.h"
#include <utility>
#include <vector>

namespace shapes {
  // Indented, with a comment block of two lines
  // that belongs to the declaration below.
  SHAPES_API std::pair<long, long> sum_and_count(const std::vector<int> &values);
} // namespace shapes

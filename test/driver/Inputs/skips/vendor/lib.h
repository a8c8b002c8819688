#pragma once
#include <utility>
// Outside the project's source directory: never edited.
std::pair<int, int> vendored(int lo, int hi);

// An override of the project's virtual function, where structify may not
// edit it: the whole group (Base::extent and its overrides) is skipped.
#include "api.h"
struct Vendored : Base {
  std::pair<int, int> extent() const override { return {3, 4}; }
};

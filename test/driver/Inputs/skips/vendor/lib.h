#pragma once
#include <utility>
// Outside the project's source directory: never edited.
std::pair<int, int> vendored(int lo, int hi);

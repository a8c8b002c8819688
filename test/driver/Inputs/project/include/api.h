#pragma once
#include <utility>

namespace api {
// Every unit includes this header: its finding is reported once.
std::pair<int, int> bounds(int lo, int hi);
} // namespace api

#pragma once
#include <string>
#include <utility>
#include <vector>

namespace six {

// The smallest and the largest value.
std::pair<int, int> span_of(const std::vector<int> &values);
// span_of, with the largest value at most `limit`.
std::pair<int, int> clamped_span(const std::vector<int> &values, int limit);
std::string format_span(std::pair<int, int> span);

} // namespace six

#include "six/spans.h"

#include <algorithm>

namespace six {

std::pair<int, int> span_of(const std::vector<int> &values) {
  auto [lo, hi] = std::minmax_element(values.begin(), values.end());
  return {*lo, *hi};
}

std::pair<int, int> clamped_span(const std::vector<int> &values, int limit) {
  auto s = span_of(values);
  if (s.second > limit)
    s.second = limit;
  return s;
}

std::string format_span(std::pair<int, int> span) {
  return "[" + std::to_string(span.first) + ", " + std::to_string(span.second) + "]";
}

} // namespace six

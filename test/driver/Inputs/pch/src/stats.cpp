#include "stats/stats.h"
#include <algorithm>

namespace stats {

std::pair<int, int> min_max(const std::vector<int> &values) {
  if (values.empty())
    return {0, 0};
  const int lo = *std::min_element(values.begin(), values.end());
  const int hi = *std::max_element(values.begin(), values.end());
  return {lo, hi};
}

} // namespace stats

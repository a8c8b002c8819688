#include "stats/stats.h"

namespace stats {

std::string describe(const std::vector<int> &values) {
  const auto range = min_max(values);
  return std::to_string(range.first) + ".." + std::to_string(range.second);
}

} // namespace stats

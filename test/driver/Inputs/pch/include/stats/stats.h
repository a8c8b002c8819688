#pragma once
#include <string>
#include <utility>
#include <vector>

namespace stats {

/// The smallest and the largest value.
std::pair<int, int> min_max(const std::vector<int> &values);

/// "lo..hi".
std::string describe(const std::vector<int> &values);

} // namespace stats

#include "api.h"

namespace api {
std::pair<int, int> bounds(int lo, int hi) { return {lo, hi}; }
} // namespace api

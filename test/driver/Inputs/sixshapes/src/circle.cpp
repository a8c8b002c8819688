#include "six/shape.h"

namespace six {

std::pair<int, int> Circle::extent() const { return {2 * radius, 2 * radius}; }

} // namespace six

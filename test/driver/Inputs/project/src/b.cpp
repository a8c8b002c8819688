#include "api.h"
#include <tuple>

namespace api {
std::tuple<int, int, int> triple(int x);
} // namespace api

int width() { return api::bounds(1, 2).second - api::bounds(1, 2).first; }

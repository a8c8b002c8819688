#include <utility>

std::pair<int, int> span(int from, int to);

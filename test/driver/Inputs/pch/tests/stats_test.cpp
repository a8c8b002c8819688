#include "stats/stats.h"
#include <cstdio>

int main() {
  const auto [lo, hi] = stats::min_max({3, 1, 4, 1, 5});
  const bool ok = lo == 1 && hi == 5 && stats::describe({2, 9}) == "2..9";
  std::printf("%s\n", ok ? "ok" : "FAILED");
  return ok ? 0 : 1;
}

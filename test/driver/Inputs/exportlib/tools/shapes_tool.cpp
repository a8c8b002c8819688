#include "shapes/shapes.h"
#include "shapes/stats.h"
#include <cstdio>
#include <cstdlib>

int main(int argc, char **argv) {
  std::vector<int> values;
  for (int i = 1; i < argc; ++i)
    values.push_back(std::atoi(argv[i]));
  const auto [lo, hi] = shapes::bounds(values);
  const auto [sum, count] = shapes::sum_and_count(values);
  std::printf("%d..%d sum %ld of %ld\n", lo, hi, sum, count);
  return lo <= hi ? 0 : 1;
}

#include "six/buckets.h"
#include "six/shape.h"
#include "six/spans.h"
#include "six/words.h"

#include <cstdio>

int main() {
  std::vector<int> values{4, 9, 1, 7};
  auto span = six::span_of(values);
  std::printf("%s %s\n", six::format_span(span).c_str(),
              six::format_span(six::clamped_span(values, 5)).c_str());
  if (span < six::clamped_span(values, 5))
    std::printf("clamped is larger\n");
  six::Circle circle(3);
  six::Square square(2);
  std::printf("%d %d %d\n", six::area_of_box(circle), six::area_of_box(square),
              circle.extent().first);
  six::BucketCache cache;
  for (int v : values)
    cache.count(v);
  std::printf("%d..%d %d\n", cache.last().first, cache.last().second, cache.distinct());
  six::WordStats stats({"a", "b", "b"});
  auto [word, count] = stats.top();
  std::printf("%s %d\n", word.c_str(), count);
}

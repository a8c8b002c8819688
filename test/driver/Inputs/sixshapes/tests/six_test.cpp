#include "six/buckets.h"
#include "six/shape.h"
#include "six/spans.h"
#include "six/words.h"

#include <cstdio>
#include <cstdlib>

#define EXPECT(cond)                                                           \
  do {                                                                         \
    if (!(cond)) {                                                             \
      std::fprintf(stderr, "%s:%d: %s\n", __FILE__, __LINE__, #cond);          \
      std::exit(1);                                                            \
    }                                                                          \
  } while (0)

int main() {
  six::WordStats ws({"a", "b", "b", "c"});
  EXPECT(ws.top() == std::make_pair(std::string("b"), 2));

  std::vector<int> values{5, 3, 8};
  EXPECT(six::span_of(values).first == 3);
  EXPECT(six::clamped_span(values, 6).second == 6);
  EXPECT(six::format_span(six::span_of(values)) == "[3, 8]");

  six::Square square(4);
  EXPECT(square.extent().first == 4);
  EXPECT(six::area_of_box(six::Circle(1)) == 4);

  six::BucketCache cache;
  EXPECT(cache.count(12) == 1);
  EXPECT(cache.count(17) == 2);
  EXPECT(cache.count(25) == 1);
  EXPECT(cache.last().first == 20 && cache.last().second == 30);
  EXPECT(cache.distinct() == 2);
  std::printf("ok\n");
}

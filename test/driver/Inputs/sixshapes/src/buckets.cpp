#include "six/buckets.h"

namespace six {

std::pair<int, int> bucket_range(int value, int base, int width) {
  int low = base + (value - base) / width * width;
  return {low, low + width};
}

int BucketCache::count(int value) {
  last_ = bucket_range(value, 0, 10);
  return ++seen_[last_];
}

} // namespace six

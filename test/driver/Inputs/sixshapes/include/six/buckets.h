#pragma once
#include <map>
#include <utility>

namespace six {

// The bucket of `value`, buckets of `width` starting at `base`.
std::pair<int, int> bucket_range(int value, int base, int width);

class BucketCache {
public:
  int count(int value);
  std::pair<int, int> last() const { return last_; }
  int distinct() const { return static_cast<int>(seen_.size()); }

private:
  std::pair<int, int> last_;
  std::map<std::pair<int, int>, int> seen_;
};

} // namespace six

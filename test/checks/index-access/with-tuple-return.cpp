// RUN: %check_structify %s 'structify-*' %t -- -- -std=c++17 %mock_std

// With structify-tuple-return enabled too, a pair that comes from a function
// it rewrites is its to name: structify-index-access does not report the same
// reads again. Values from elsewhere are still reported.
#include <tuple>

std::pair<int, int> bounds(int a, int b) {
  // CHECK-MESSAGES: :[[@LINE-1]]:21: warning: 'bounds' returns 'std::pair<int, int>'; return a struct with named fields instead [structify-tuple-return]
  int lo = a < b ? a : b, hi = a < b ? b : a;
  return {lo, hi};
}
// CHECK-FIXES: BoundsResult bounds(int a, int b) {

void draw(int width, int height);

void use(std::pair<int, int> extent) {
  // CHECK-MESSAGES: :[[@LINE-1]]:30: warning: the elements of 'extent' are read by position; name them with a structured binding [structify-index-access]
  auto b = bounds(1, 2);
  draw(b.first, std::get<1>(b));
  // CHECK-FIXES: draw(b.lo, b.hi);
  draw(extent.first, extent.second);
}

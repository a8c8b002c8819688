// A value chosen by a conditional expression (`c ? f() : g()`) goes where the
// conditional goes: the other branch becomes the struct too. A branch built
// in place names the struct (`Struct{a, b}`: a braced list cannot be a
// branch); a branch from a function that keeps its tuple blocks the fix.
// RUN: %check_structify --run %s structify-tuple-return %t -- -- -std=c++17

#include <cstdio>
#include <utility>

namespace geo {
std::pair<int, int> span_of(int from, int to) {
  int lo = from < to ? from : to;
  int hi = from < to ? to : from;
  return {lo, hi};
}
// CHECK-NOTES: :[[@LINE-5]]:21: warning: 'span_of' returns
// CHECK-FIXES:      struct SpanOfResult {
// CHECK-FIXES-NEXT:   int lo;
// CHECK-FIXES-NEXT:   int hi;
// CHECK-FIXES-NEXT: };
// CHECK-FIXES:      SpanOfResult span_of(int from, int to) {

// Its own return: one branch built in place, narrowed from a long.
std::pair<int, int> widest(bool all, long width) {
  int lo = 0;
  int hi = 9;
  return all ? std::make_pair(lo, hi) : std::pair<int, int>(0, width);
}
// CHECK-NOTES: :[[@LINE-5]]:21: warning: 'widest' returns
// CHECK-FIXES: return all ? WidestResult{lo, hi} : WidestResult{0, static_cast<int>(width)};

// The other branch keeps its tuple: no fix for either.
std::pair<int, int> kept();
// CHECK-NOTES: :[[@LINE-1]]:21: warning: 'kept' returns
// CHECK-NOTES: :[[@LINE+5]]:36: note: no fix: the value comes from 'either', which keeps returning a tuple
std::pair<int, int> either(bool which) { return {which, !which}; }
// CHECK-NOTES: :[[@LINE-1]]:21: warning: 'either' returns
// CHECK-NOTES: :[[@LINE+2]]:56: note: no fix: the value comes from 'kept', which keeps returning a tuple
} // namespace geo
int use_kept(bool c) { return (c ? geo::either(true) : geo::kept()).first; }
std::pair<int, int> geo::kept() { return {1, 2}; }

int main(int argc, char **) {
  const bool odd = argc % 2 == 1;
  // Both branches the same function; the conditional read by position.
  int width = (odd ? geo::span_of(1, 5) : geo::span_of(7, 2)).second;
  // CHECK-FIXES: int width = (odd ? geo::span_of(1, 5) : geo::span_of(7, 2)).hi;
  // A variable chosen between a call and a pair built in place.
  auto s = odd ? geo::span_of(3, 4) : std::make_pair(0, 0);
  // CHECK-FIXES: auto s = odd ? geo::span_of(3, 4) : geo::SpanOfResult{0, 0};
  std::pair<int, int> t = !odd ? s : geo::span_of(2, 8);
  // CHECK-FIXES: geo::SpanOfResult t = !odd ? s : geo::span_of(2, 8);
  auto w = geo::widest(odd, 4L);
  std::printf("%d %d %d %d %d %d %d\n", width, s.first, s.second, t.first, t.second,
              w.first + w.second, use_kept(odd));
  // CHECK-FIXES: std::printf("%d %d %d %d %d %d %d\n", width, s.lo, s.hi, t.lo, t.hi,
  // CHECK-FIXES-NEXT: w.lo + w.hi, use_kept(odd));
}

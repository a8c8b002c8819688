// A value returned from a lambda whose result type is deduced flows to the
// lambda's calls: a lambda called at once, or kept in a local variable that
// is only called, takes the struct with the function (its calls' reads are
// renamed, a pair it builds names the struct). A lambda that is passed on,
// names its result type or is generic keeps the tuple, and so does the
// function.
// RUN: %check_structify --run %s structify-tuple-return %t -- -- -std=c++17

#include <cstdio>
#include <functional>
#include <utility>
#include <vector>

std::pair<int, int> span_of(const std::vector<int> &values) {
  int lo = values.front(), hi = values.front();
  for (int v : values) {
    lo = v < lo ? v : lo;
    hi = v > hi ? v : hi;
  }
  return {lo, hi};
}
// CHECK-NOTES: :[[@LINE-8]]:21: warning: 'span_of' returns 'std::pair<int, int>'; return a struct with named fields instead [structify-tuple-return]
// CHECK-FIXES:      struct SpanOfResult {
// CHECK-FIXES-NEXT:   int lo;
// CHECK-FIXES-NEXT:   int hi;
// CHECK-FIXES-NEXT: };
// CHECK-FIXES:      SpanOfResult span_of(const std::vector<int> &values) {

int widest(const std::vector<int> &a, const std::vector<int> &b) {
  auto pick = [&](bool first) {
    if (first)
      return span_of(a);
    return std::make_pair(0, 0);
  };
  const auto s = pick(a.size() > b.size());
  // CHECK-FIXES:      return SpanOfResult{0, 0};
  const auto t = [&] { return span_of(b); }();
  return s.second - s.first + t.second;
  // CHECK-FIXES: return s.hi - s.lo + t.hi;
}

std::pair<int, int> bounds_of(const std::vector<int> &values) {
  return {values.front(), values.back()};
}
// CHECK-NOTES: :[[@LINE-3]]:21: warning: 'bounds_of' returns 'std::pair<int, int>'; return a struct with named fields instead [structify-tuple-return]
int stored(const std::vector<int> &values) {
  std::function<std::pair<int, int>()> later = [&] { return bounds_of(values); };
  // CHECK-NOTES: :[[@LINE-1]]:48: note: no fix: the value is returned from a lambda that is passed on, where structify cannot follow its calls
  auto now = [&] {
    return bounds_of(values);
  };
  return later().first + now().second;
}

std::pair<int, int> ends_of(const std::vector<int> &values) {
  return {values.front(), values.back()};
}
// CHECK-NOTES: :[[@LINE-3]]:21: warning: 'ends_of' returns 'std::pair<int, int>'; return a struct with named fields instead [structify-tuple-return]
int named(const std::vector<int> &values) {
  auto get = [&]() -> std::pair<int, int> { return ends_of(values); };
  // CHECK-NOTES: :[[@LINE-1]]:14: note: no fix: the value is returned from a lambda that names its result type
  return get().first;
}

int main() {
  std::vector<int> a{4, 9, 1}, b{3, 5};
  std::printf("%d %d %d\n", widest(a, b), stored(a), named(b));
}

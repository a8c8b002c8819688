// The rewrite needs nothing newer than C++11: braced returns and aggregates.
// (The mock headers are C++17: the real library, as in a C++11 project.)
// RUN: %check_structify %s structify-tuple-return %t -- -- -std=c++11
// RUN: %check_structify %s structify-tuple-return %t -- -- -std=c++14

#include <tuple>

std::pair<int, int> bounds(int a, int b) {
  // CHECK-MESSAGES: :[[@LINE-1]]:21: warning: 'bounds' returns 'std::pair<int, int>'
  int lo = a < b ? a : b, hi = a < b ? b : a;
  return std::make_pair(lo, hi);
}
// CHECK-FIXES: BoundsResult bounds(int a, int b) {
// CHECK-FIXES: return {lo, hi};

std::tuple<bool, int, int> parse(int input) {
  // CHECK-MESSAGES: :[[@LINE-1]]:28: warning: 'parse' returns
  bool ok = input > 0;
  int head = input / 10, tail = input % 10;
  return std::make_tuple(ok, head, tail);
}

int use() {
  auto b = bounds(3, 1);
  bool ok;
  int head, tail;
  std::tie(ok, head, tail) = parse(42);
  // CHECK-FIXES: { auto result = parse(42); ok = result.ok; head = result.head; tail = result.tail; }
  return b.first + std::get<1>(b) + ok + head + tail;
  // CHECK-FIXES: return b.lo + b.hi + ok + head + tail;
}

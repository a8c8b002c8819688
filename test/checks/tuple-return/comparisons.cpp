// A value that is compared keeps being compared: the struct defines what the
// code uses, memberwise in the order of the fields as the pair compared
// (`==` with `!=`; `<` with `>`, `<=`, `>=`), and a pair built to be
// compared with (`std::make_pair(...)`, `std::pair<A, B>(...)`) is built as
// the struct. In a macro's argument the struct goes in parentheses, so that
// the braces' comma does not split the argument.
// RUN: %check_structify --run %s structify-tuple-return %t -- -- -std=c++17
// RUN: %check_structify --run %s structify-tuple-return %t -- -- -std=c++20

#include <cassert>
#include <cstdio>
#include <string>
#include <utility>

namespace stats {
class WordStats {
public:
  std::pair<std::string, int> top() const {
    std::string word = "b";
    int count = 2;
    return {word, count};
  }
};
// CHECK-MESSAGES: :[[@LINE-6]]:31: warning: 'top' returns 'std::pair<std::string, int>'; return a struct with named fields instead [structify-tuple-return]
// CHECK-FIXES:      struct TopResult {
// CHECK-FIXES-NEXT:   std::string word;
// CHECK-FIXES-NEXT:   int count;
// CHECK-FIXES-EMPTY:
// CHECK-FIXES-NEXT:   friend bool operator==(const TopResult &lhs, const TopResult &rhs) {
// CHECK-FIXES-NEXT:     return lhs.word == rhs.word && lhs.count == rhs.count;
// CHECK-FIXES-NEXT:   }
// CHECK-FIXES-NEXT:   friend bool operator!=(const TopResult &lhs, const TopResult &rhs) { return !(lhs == rhs); }
// CHECK-FIXES-NEXT: };

std::pair<int, int> span_of(int n) {
  const int lo = n - 1, hi = n + 1;
  return {lo, hi};
}
// CHECK-MESSAGES: :[[@LINE-4]]:21: warning: 'span_of' returns
// CHECK-FIXES:      struct SpanOfResult {
// CHECK-FIXES-NEXT:   int lo;
// CHECK-FIXES-NEXT:   int hi;
// CHECK-FIXES-EMPTY:
// CHECK-FIXES-NEXT:   friend bool operator==(const SpanOfResult &lhs, const SpanOfResult &rhs) {
// CHECK-FIXES-NEXT:     return lhs.lo == rhs.lo && lhs.hi == rhs.hi;
// CHECK-FIXES-NEXT:   }
// CHECK-FIXES-NEXT:   friend bool operator!=(const SpanOfResult &lhs, const SpanOfResult &rhs) { return !(lhs == rhs); }
// CHECK-FIXES-EMPTY:
// CHECK-FIXES-NEXT:   friend bool operator<(const SpanOfResult &lhs, const SpanOfResult &rhs) {
// CHECK-FIXES-NEXT:     if (lhs.lo < rhs.lo)
// CHECK-FIXES-NEXT:       return true;
// CHECK-FIXES-NEXT:     if (rhs.lo < lhs.lo)
// CHECK-FIXES-NEXT:       return false;
// CHECK-FIXES-NEXT:     return lhs.hi < rhs.hi;
// CHECK-FIXES-NEXT:   }
// CHECK-FIXES-NEXT:   friend bool operator>(const SpanOfResult &lhs, const SpanOfResult &rhs) { return rhs < lhs; }
// CHECK-FIXES-NEXT:   friend bool operator<=(const SpanOfResult &lhs, const SpanOfResult &rhs) { return !(rhs < lhs); }
// CHECK-FIXES-NEXT:   friend bool operator>=(const SpanOfResult &lhs, const SpanOfResult &rhs) { return !(lhs < rhs); }
// CHECK-FIXES-NEXT: };

// Compared with a pair built from a wider value, which the pair's
// constructor converts: no fix.
std::pair<int, int> narrow(int n) {
  const int lo = n, hi = n;
  return {lo, hi};
}
// CHECK-MESSAGES: :[[@LINE-4]]:21: warning: 'narrow' returns
// CHECK-FIXES: std::pair<int, int> narrow(int n) {
} // namespace stats

#define RETURN_PAIR(x) return x
std::pair<int, int> macro_built(int n) {
  const int low = n, high = n + 2;
  RETURN_PAIR(std::make_pair(low, high));
}
// CHECK-MESSAGES: :[[@LINE-4]]:21: warning: 'macro_built' returns
// CHECK-FIXES: RETURN_PAIR((MacroBuiltResult{low, high}));

int main() {
  stats::WordStats ws;
  assert(ws.top() == std::make_pair(std::string("b"), 2));
  // CHECK-FIXES: assert(ws.top() == (stats::WordStats::TopResult{std::string("b"), 2}));
  std::printf("%d\n", ws.top() != std::make_pair(std::string("a"), 2));
  // CHECK-FIXES: std::printf("%d\n", ws.top() != stats::WordStats::TopResult{std::string("a"), 2});
  auto s = stats::span_of(3);
  std::printf("%d %d %d %d\n", s < stats::span_of(4), s.first, stats::span_of(5) >= s,
              stats::span_of(2) > s);
  std::printf("%d %d\n", stats::span_of(1) == std::pair<int, int>(0, 2), s <= s);
  // CHECK-FIXES: std::printf("%d %d\n", stats::span_of(1) == stats::SpanOfResult{0, 2}, s <= s);
  const double wide = 1.5;
  std::printf("%d\n", stats::narrow(1) == std::pair<int, int>(wide, 1));
  auto [low, high] = macro_built(2);
  auto [lo, hi] = stats::narrow(4);
  std::printf("%d %d %d %d\n", low, high, lo, hi);
}

// A pair with a reference element assigns through the reference; a struct
// with a reference member cannot be assigned at all. Found by the program
// generator (test/generator, seed 6, program 580: `v00 = span_of0(6 + 5);`
// after the rewrite: "copy assignment operator is implicitly deleted").
// RUN: %check_structify --run %s structify-tuple-return %t -- -- -std=c++17

#include <cstdio>
#include <utility>

int slots[4] = {1, 2, 3, 4};

// Assigned as a whole: no fix.
std::pair<int &, int> pick(int n) {
  int &slot = slots[n % 4];
  int extra = n * 2;
  return {slot, extra};
}
// CHECK-MESSAGES: :[[@LINE-5]]:23: warning: 'pick' returns 'std::pair<int &, int>'; return a struct with named fields instead [structify-tuple-return]

// Only read: a struct with a reference member does the same.
std::pair<int &, int> peek(int n) {
  int &slot = slots[n % 4];
  int extra = n * 3;
  return {slot, extra};
}
// CHECK-MESSAGES: :[[@LINE-5]]:23: warning: 'peek' returns 'std::pair<int &, int>'; return a struct with named fields instead [structify-tuple-return]
// CHECK-FIXES:      struct PeekResult {
// CHECK-FIXES-NEXT:   int & slot;
// CHECK-FIXES-NEXT:   int extra;
// CHECK-FIXES-NEXT: };

int main() {
  auto r = pick(1);
  std::printf("%d %d\n", r.first, r.second);
  r = pick(2);
  std::printf("%d %d %d\n", r.first, r.second, slots[1]);
  auto p = peek(3);
  p.first = 9;
  std::printf("%d %d %d\n", p.first, p.second, slots[3]);
}

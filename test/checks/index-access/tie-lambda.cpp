// A lambda captures a structured binding only from C++20 on: before, the
// variables of a std::tie stay, with a note saying why.
// RUN: %check_structify --run --check-suffix=CXX17 %s structify-index-access %t -- -- -std=c++17
// RUN: %check_structify --run --check-suffix=CXX20 %s structify-index-access %t -- -- -std=c++20

#include <cstdio>
#include <tuple>
#include <utility>

std::pair<int, int> bounds(int n) { return {n - 1, n + 1}; }

int main() {
  int lo, hi;
  std::tie(lo, hi) = bounds(5);
  // CHECK-NOTES-CXX17: :[[@LINE-1]]:3: warning: 'lo' and 'hi' are declared only for 'std::tie'; declare them with a structured binding [structify-index-access]
  // CHECK-NOTES-CXX17: :[[@LINE+3]]:16: note: no fix: a lambda captures 'lo', which a binding allows only from C++20 on
  // CHECK-MESSAGES-CXX20: :[[@LINE-3]]:3: warning: 'lo' and 'hi' are declared only for 'std::tie'; declare them with a structured binding [structify-index-access]
  // CHECK-FIXES-CXX20: {{^}}  auto [lo, hi] = bounds(5);{{$}}
  auto show = [lo, &hi] { std::printf("%d %d\n", lo, hi); };
  show();
}

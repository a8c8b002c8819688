// A value compared with `<=>` (C++20) gives the struct a defaulted `<=>`,
// memberwise in the order of the fields as the pair's, declared only where
// the language has it (a header can be shared with C++17 units); the other
// operand, built in place, is built as the struct.
// RUN: %check_structify --run %s structify-tuple-return %t -- -- -std=c++20

#include <compare>
#include <cstdio>
#include <utility>

std::pair<int, int> version_of(int build) {
  int major = build / 100, minor = build % 100;
  return {major, minor};
}
// CHECK-MESSAGES: :[[@LINE-4]]:21: warning: 'version_of' returns 'std::pair<int, int>'; return a struct with named fields instead [structify-tuple-return]
// CHECK-FIXES:      struct VersionOfResult {
// CHECK-FIXES-NEXT:   int major;
// CHECK-FIXES-NEXT:   int minor;
// CHECK-FIXES-EMPTY:
// CHECK-FIXES-NEXT: #if defined(__cpp_impl_three_way_comparison)
// CHECK-FIXES-NEXT:   friend auto operator<=>(const VersionOfResult &lhs, const VersionOfResult &rhs) = default;
// CHECK-FIXES-NEXT: #endif
// CHECK-FIXES-NEXT: };
// CHECK-FIXES:      VersionOfResult version_of(int build) {

int main() {
  const auto order = version_of(203) <=> version_of(110);
  std::printf("%d\n", order > 0);
  std::printf("%d\n", (version_of(110) <=> std::make_pair(1, 10)) == 0);
  // CHECK-FIXES: std::printf("%d\n", (version_of(110) <=> VersionOfResult{1, 10}) == 0);
  std::printf("%d\n", version_of(5).second);
  // CHECK-FIXES: std::printf("%d\n", version_of(5).minor);
}

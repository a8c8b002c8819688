// RUN: %check_structify %s structify-tuple-return %t -- -- -std=c++17 %mock_std

#include <tuple>

// A name that is a macro (here a function-like `min`, as <windows.h> defines
// it) is never given to a field: without another name there is no fix.
#define min(a, b) ((a) < (b) ? (a) : (b))

std::pair<int, int> get_min_max(int a, int b) { return {min(a, b), a + b - min(a, b)}; }
// CHECK-NOTES: :[[@LINE-1]]:21: warning: 'get_min_max' returns
// CHECK-NOTES: :[[@LINE-2]]:21: note: no fix: nothing in this translation unit names element 0 ('int'); name it in a return statement or a structured binding

// With a usable name from the code, the fix goes ahead, and a macro
// invocation in a returned element is copied as written.
std::pair<int, int> get_min_max2(int a, int b) {
  // CHECK-NOTES: :[[@LINE-1]]:21: warning: 'get_min_max2' returns
  int smallest = min(a, b);
  return std::make_pair(smallest, a + b - min(a, b));
}
// CHECK-FIXES: int smallest;
// CHECK-FIXES-NEXT: int largest;
// CHECK-FIXES: return {smallest, a + b - min(a, b)};
int use() {
  auto [smallest, largest] = get_min_max2(2, 1);
  return smallest + largest + get_min_max(1, 2).first;
}

// RUN: %check_structify %s structify-index-access %t -- -- -std=c++2c
// RUN: %check_structify --check-suffix=17 %s structify-index-access %t -- -- -std=c++17

// From C++26, an element nothing reads and nothing names is `_` in the
// binding; before, such an element leaves the finding without a fix.

#include <utility>

std::pair<int, int> values();
std::pair<int, bool> lookup();
void touch(int);

void one_read() {
  auto v = values();
  touch(v.first);
  // CHECK-MESSAGES: :[[@LINE-2]]:8: warning: the elements of 'v' are read by position
  // CHECK-MESSAGES-17: :[[@LINE-3]]:8: warning: the elements of 'v' are read by position
  // An element that is read still needs a name: none here, so no fix.
  // CHECK-FIXES: auto v = values();
  // CHECK-FIXES-17: auto v = values();
}

void named_read() {
  auto found = lookup();
  int count = found.first;
  touch(count);
  // CHECK-MESSAGES: :[[@LINE-3]]:8: warning: the elements of 'found' are read by position
  // CHECK-MESSAGES-17: :[[@LINE-4]]:8: warning: the elements of 'found' are read by position
  // CHECK-FIXES: auto [count, _] = lookup();
  // CHECK-FIXES-NEXT: touch(count);
  // CHECK-FIXES-17: auto found = lookup();
}

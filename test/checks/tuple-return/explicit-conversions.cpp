// A pair built by direct initialisation may convert an element with an
// explicit constructor (`std::string` from a `std::string_view`, a vector
// from its size); the struct's aggregate initialisation would not, so the
// rewrite spells the conversion out.
// RUN: %check_structify --run %s structify-tuple-return %t -- -- -std=c++17
// RUN: %check_structify --run %s structify-tuple-return %t -- -- -std=c++20

#include <cstdio>
#include <string>
#include <string_view>
#include <tuple>
#include <utility>
#include <vector>

std::pair<std::vector<int>, int> sized(int n) {
  return std::pair<std::vector<int>, int>(n % 3 + 1, 7);
}
// CHECK-MESSAGES: :[[@LINE-3]]:34: warning: 'sized' returns
// CHECK-FIXES: return {static_cast<std::vector<int>>(n % 3 + 1), 7};

std::pair<std::string, int> named(std::string_view view) {
  return std::pair<std::string, int>(view, 1);
}
// CHECK-MESSAGES: :[[@LINE-3]]:29: warning: 'named' returns
// CHECK-FIXES: return {static_cast<std::string>(view), 1};

std::tuple<std::string, int, std::vector<int>> labelled(std::string_view view) {
  std::tuple<std::string, int, std::vector<int>> made(view, 2, 3);
  return made;
}
// CHECK-MESSAGES: :[[@LINE-4]]:48: warning: 'labelled' returns
// CHECK-FIXES: LabelledResult made{static_cast<std::string>(view), 2, static_cast<std::vector<int>>(3)};

// An implicit conversion stays as it is written.
std::pair<std::string, int> implicit(const char *text) {
  return std::pair<std::string, int>(text, 4);
}
// CHECK-MESSAGES: :[[@LINE-3]]:29: warning: 'implicit' returns
// CHECK-FIXES: return {text, 4};

int main() {
  auto [values, count] = sized(4);
  auto [label, rank] = named("abc");
  auto [title, order, rows] = labelled("xy");
  auto [text, level] = implicit("pq");
  std::printf("%zu %d %s %d %s %d %zu %s %d\n", values.size(), count, label.c_str(), rank,
              title.c_str(), order, rows.size(), text.c_str(), level);
}

// RUN: %check_structify --run %s structify-index-access %t -- -- -std=c++17
// RUN: %check_structify --run %s structify-index-access %t -- -- -std=c++20

// Every fix of a file is applied at once (clang-tidy --fix, run-clang-tidy,
// clang-apply-replacements): the bindings it introduces in one function are
// unique across all of them, so the fixed file compiles (the runner builds
// and runs it) and does what it did.

#include <cstdio>
#include <map>
#include <set>
#include <string>

int main() {
  std::map<std::string, int> counts;
  std::set<std::string> seen;
  auto added = counts.insert({"a", 1});
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: the elements of 'added' are read by position; name them with a structured binding [structify-index-access]
  auto again = seen.insert("a");
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: the elements of 'again' are read by position
  auto third = seen.insert("b");
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: the elements of 'third' are read by position
  std::printf("%d %d %d %s\n", added.second, again.second, third.second,
              added.first->first.c_str());
  // `added.first->first` reads through a read of 'added': left to that
  // finding, whose fix makes it `it->first`.
  // CHECK-FIXES: auto [it, inserted] = counts.insert({"a", 1});
  // The standard's other names for insert's elements come next, then the
  // variable's name ('added' is taken: it names a variable here).
  // CHECK-FIXES: auto [pos, is_new] = seen.insert("a");
  // CHECK-FIXES: auto [where, third_inserted] = seen.insert("b");
  // CHECK-FIXES: std::printf("%d %d %d %s\n", inserted, is_new, third_inserted,
  // CHECK-FIXES: it->first.c_str());

  // Two range-for loops over maps, one inside the other.
  std::map<int, std::map<int, int>> grid{{1, {{2, 3}}}};
  for (const auto &row : grid)
    // CHECK-MESSAGES: :[[@LINE-1]]:20: warning: the elements of 'row' are read by position
    for (const auto &cell : row.second)
      // CHECK-MESSAGES: :[[@LINE-1]]:22: warning: the elements of 'cell' are read by position
      std::printf("%d %d %d\n", row.first, cell.first, cell.second);
  // CHECK-FIXES: for (const auto &[key, value] : grid)
  // CHECK-FIXES: for (const auto &[k, val] : value)
  // CHECK-FIXES: std::printf("%d %d %d\n", key, k, val);
  return 0;
}

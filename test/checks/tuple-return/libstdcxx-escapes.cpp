// RUN: %check_structify %s structify-tuple-return %t -- -- -std=c++17
// RUN: %check_structify %s structify-tuple-return %t -- -- -std=c++20

// Uses that need a real std::pair or std::tuple, with the real library.
#include <functional>
#include <map>
#include <set>
#include <tuple>
#include <utility>

std::pair<int, int> keyed(int lo, int hi) { return {lo, hi}; }
// CHECK-NOTES: :[[@LINE-1]]:21: warning: 'keyed' returns 'std::pair<int, int>'
int use_keyed() {
  std::map<std::pair<int, int>, int> seen;
  seen[keyed(1, 2)] = 3;
  // CHECK-NOTES: :[[@LINE-1]]:8: note: no fix: the value is a key or index of 'seen'
  std::set<std::pair<int, int>> all;
  all.insert(keyed(3, 4));
  // CHECK-NOTES: :[[@LINE-1]]:14: note: no fix: the value is passed to 'insert'
  const std::less<std::pair<int, int>> before;
  const bool sorted = before(keyed(5, 6), keyed(7, 8));
  // CHECK-NOTES: :[[@LINE-1]]:30: note: no fix: the value is passed to 'before'
  // CHECK-NOTES: :[[@LINE-2]]:43: note: no fix: the value is passed to 'before'
  return int(seen.size() + all.size() + sorted);
}

std::tuple<int, int> joined(int lo, int hi) { return {lo, hi}; }
// CHECK-NOTES: :[[@LINE-1]]:22: warning: 'joined' returns
int use_joined() { return std::get<2>(std::tuple_cat(joined(1, 2), std::make_tuple(3))); }
// CHECK-NOTES: :[[@LINE-1]]:54: note: no fix: the value is passed to 'tuple_cat'

std::pair<int, int> stored(int lo, int hi) { return {lo, hi}; }
// CHECK-NOTES: :[[@LINE-1]]:21: warning: 'stored' returns
std::function<std::pair<int, int>(int, int)> callback = stored;
// CHECK-NOTES: :[[@LINE-1]]:57: note: no fix: 'stored' is referred to without being called (its address is taken)

std::pair<int, int> ordered(int lo, int hi) { return {lo, hi}; }
// CHECK-NOTES: :[[@LINE-1]]:21: warning: 'ordered' returns
bool use_ordered(std::pair<int, int> other) { return ordered(1, 2) < other; }
// CHECK-NOTES: :[[@LINE-1]]:54: note: no fix: the value is compared with '<' and 'other', a parameter of 'use_ordered' that keeps the tuple type

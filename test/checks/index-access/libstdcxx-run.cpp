// The issue's own example and the standard APIs with well-known names, on
// the real library; the fixed program must print what the original printed.
// RUN: %check_structify --run %s structify-index-access %t -- -- -std=c++17
// RUN: %check_structify --run %s structify-index-access %t -- -- -std=c++20

#include <algorithm>
#include <cstdio>
#include <map>
#include <set>
#include <string>
#include <vector>

int count_new(const std::vector<std::string> &words) {
  std::set<std::string> seen;
  int fresh = 0;
  for (const auto &w : words) {
    auto res = seen.insert(w);
    // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: the elements of 'res' are read by position; name them with a structured binding [structify-index-access]
    // CHECK-FIXES: auto [it, inserted] = seen.insert(w);
    if (!res.second)
      continue;
    // CHECK-FIXES: if (!inserted)
    ++fresh;
  }
  return fresh;
}

void dump(const std::map<std::string, int> &counts) {
  for (const auto &kv : counts)
    // CHECK-MESSAGES: :[[@LINE-1]]:20: warning: the elements of 'kv' are read by position
    // CHECK-FIXES: for (const auto &[key, value] : counts)
    std::printf("%s=%d\n", kv.first.c_str(), kv.second);
    // CHECK-FIXES: std::printf("%s=%d\n", key.c_str(), value);
}

int spread(const std::vector<int> &v) {
  const auto mm = std::minmax_element(v.begin(), v.end());
  // CHECK-MESSAGES: :[[@LINE-1]]:14: warning: the elements of 'mm'
  // CHECK-FIXES: const auto [min_it, max_it] = std::minmax_element(v.begin(), v.end());
  return *mm.second - *std::get<0>(mm);
  // CHECK-FIXES: return *max_it - *min_it;
}

long occurrences(const std::vector<int> &sorted, int x) {
  auto range = std::equal_range(sorted.begin(), sorted.end(), x);
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: the elements of 'range'
  // CHECK-FIXES: auto [lower, upper] = std::equal_range(sorted.begin(), sorted.end(), x);
  return range.second - range.first;
  // CHECK-FIXES: return upper - lower;
}

// A wrapper of a standard algorithm, named as abseil names its own, gives the
// standard's names.
template <class C>
std::pair<typename C::const_iterator, typename C::const_iterator>
c_minmax_element(const C &c) {
  return std::minmax_element(c.begin(), c.end());
}

// Its result type spelled as abseil spells it, through decltype.
template <class C>
using IterPair = decltype(std::make_pair(std::declval<C &>().begin(),
                                         std::declval<C &>().begin()));
template <class C> IterPair<C> c_equal_range(C &c, int value) {
  return std::equal_range(c.begin(), c.end(), value);
}

long wrapped_count(std::vector<int> &v) {
  auto p = c_equal_range(v, 2);
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: the elements of 'p'
  // CHECK-FIXES: auto [lower, upper] = c_equal_range(v, 2);
  return p.second - p.first;
  // CHECK-FIXES: return upper - lower;
}

int wrapped_spread(const std::vector<int> &v) {
  auto p = c_minmax_element(v);
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: the elements of 'p'
  // CHECK-FIXES: auto [min_it, max_it] = c_minmax_element(v);
  return *p.second - *p.first;
  // CHECK-FIXES: return *max_it - *min_it;
}

// Held in a pair of const_iterators, converted from the call's pair of
// iterators: the variable stays, and a binding to it takes the call's names.
bool wrapped_ends(std::vector<int> &v) {
  std::pair<std::vector<int>::const_iterator, std::vector<int>::const_iterator>
      p = c_equal_range(v, 2);
  // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: the elements of 'p'
  return p.first == v.begin() + 1 && p.second == v.begin() + 3;
  // CHECK-FIXES: auto &[lower, upper] = p;
  // CHECK-FIXES-NEXT: return lower == v.begin() + 1 && upper == v.begin() + 3;
}

int main() {
  std::vector<std::string> words{"a", "b", "a"};
  std::map<std::string, int> counts{{"x", 1}, {"y", 2}};
  dump(counts);
  std::printf("%d %d %ld %d\n", count_new(words), spread({3, 1, 4}),
              occurrences({1, 2, 2, 3}, 2), wrapped_spread({5, 9, 2}));
  std::vector<int> sorted{1, 2, 2, 3};
  std::printf("%ld %d\n", wrapped_count(sorted), wrapped_ends(sorted));
  return 0;
}

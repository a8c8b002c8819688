// An element whose type only the library's internal names spell (a deduced
// `auto` holding map iterators): no fix, and the note says which element and
// why, instead of a struct with `std::_Rb_tree_iterator<...>` fields.
// RUN: %check_structify %s structify-tuple-return %t -- -- -std=c++17

#include <map>
#include <utility>

std::map<int, int> cache;
auto lookup(int k) { return std::make_pair(cache.find(k), cache.end()); }
// CHECK-NOTES: :[[@LINE-1]]:6: warning: 'lookup' returns a 'std::pair' of 2 elements; return a struct with named fields instead [structify-tuple-return]
// CHECK-NOTES: :[[@LINE-2]]:6: note: no fix: element 0's type ('std::_Rb_tree_iterator<std::pair<const int, int>>') has no name the code spells; write the return type out with the tuple's template

// Written out, the same function is rewritten.
std::pair<std::map<int, int>::iterator, std::map<int, int>::iterator> spelled(int k) {
  return {cache.find(k), cache.end()};
}
// CHECK-NOTES: :[[@LINE-3]]:71: warning: 'spelled' returns
// CHECK-FIXES:      struct SpelledResult {
// CHECK-FIXES-NEXT:   std::map<int, int>::iterator hit;
// CHECK-FIXES-NEXT:   std::map<int, int>::iterator last;
// CHECK-FIXES-NEXT: };

int use() {
  auto [found, end] = lookup(1);
  auto [hit, last] = spelled(2);
  return (found == end) + (hit == last);
}

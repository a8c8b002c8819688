// The struct's fields are spelled as the code spells the element types, in a
// form valid where the struct goes: through an alias, a typedef, a deduced
// `auto`, a type ending in `>>`; never the private class an alias hides, the
// default template arguments, `unsigned int` for `std::uint32_t`, or an
// implementation's internal name. The fixed program is built and run.
// RUN: %check_structify --run %s structify-tuple-return %t -- -- -std=c++17
// RUN: %check_structify --run %s structify-tuple-return %t -- -- -std=c++20

#include <cstdint>
#include <cstdio>
#include <string>
#include <utility>
#include <vector>

class Lib {
  class Secret {
  public:
    int v = 7;
  };

public:
  using Token = Secret;
  std::pair<Token, std::vector<int>> issue() const { return {Token(), {1, 2}}; }
  // CHECK-MESSAGES: :[[@LINE-1]]:38: warning: 'issue' returns 'std::pair<Token, std::vector<int>>'; return a struct with named fields instead [structify-tuple-return]
  // CHECK-FIXES:      struct IssueResult {
  // CHECK-FIXES-NEXT:   Lib::Token token;
  // CHECK-FIXES-NEXT:   std::vector<int> items;
  // CHECK-FIXES-NEXT: };
  // CHECK-FIXES:      IssueResult issue() const { return {Token(), {1, 2}}; }
};

using Range = std::pair<std::uint32_t, std::string>;
Range range_of(int x) { return {std::uint32_t(x), "range"}; }
// CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'range_of' returns 'Range' (aka 'std::pair<unsigned int, std::string>'); return a struct with named fields instead [structify-tuple-return]
// CHECK-FIXES:      struct RangeOfResult {
// CHECK-FIXES-NEXT:   std::uint32_t width;
// CHECK-FIXES-NEXT:   std::string label;
// CHECK-FIXES-NEXT: };
// CHECK-FIXES:      RangeOfResult range_of(int x) { return {std::uint32_t(x), "range"}; }

auto named(int x) { return std::make_pair(std::string("name"), x); }
// CHECK-MESSAGES: :[[@LINE-1]]:6: warning: 'named' returns 'std::pair<std::string, int>'; return a struct with named fields instead [structify-tuple-return]
// CHECK-FIXES:      struct NamedResult {
// CHECK-FIXES-NEXT:   std::string name;
// CHECK-FIXES-NEXT:   int x;
// CHECK-FIXES-NEXT: };
// CHECK-FIXES:      NamedResult named(int x) { return {std::string("name"), x}; }

std::pair<int, std::vector<int>> counted() { return {1, {2}}; }
// CHECK-MESSAGES: :[[@LINE-1]]:34: warning: 'counted' returns
// CHECK-FIXES:      struct CountedResult {
// CHECK-FIXES-NEXT:   int count;
// CHECK-FIXES-NEXT:   std::vector<int> more;
// CHECK-FIXES-NEXT: };
std::pair<std::string, std::vector<std::vector<int>>> table() { return {"t", {{1}}}; }
// CHECK-MESSAGES: :[[@LINE-1]]:55: warning: 'table' returns
// CHECK-FIXES:      struct TableResult {
// CHECK-FIXES-NEXT:   std::string title;
// CHECK-FIXES-NEXT:   std::vector<std::vector<int>> rows;
// CHECK-FIXES-NEXT: };

// A member template of a class template, defined out of line: reported once
// (not once per instantiation), with the type as written, and its return
// type rewritten with the `template` keyword a dependent name needs.
template <class T> struct Box {
  T base;
  template <class U> std::pair<T, U> with(U u) const;
  // CHECK-MESSAGES: :[[@LINE-1]]:38: warning: 'with' returns 'std::pair<T, U>'; return a struct with named fields instead [structify-tuple-return]
  // CHECK-FIXES:      template <class U>
  // CHECK-FIXES-NEXT: struct WithResult {
  // CHECK-FIXES-NEXT:   T base;
  // CHECK-FIXES-NEXT:   U value;
  // CHECK-FIXES-NEXT: };
  // CHECK-FIXES:      template <class U> WithResult<U> with(U u) const;
};
template <class T>
template <class U>
std::pair<T, U> Box<T>::with(U u) const {
  return {base, u};
}
// CHECK-FIXES: typename Box<T>::template WithResult<U> Box<T>::with(U u) const {

int main() {
  Lib l;
  auto [token, items] = l.issue();
  auto [width, label] = range_of(3);
  auto [name, x] = named(2);
  auto [count, more] = counted();
  auto [title, rows] = table();
  Box<int> b{4};
  auto [size, value] = b.with(2.5);
  auto [size2, letter] = b.with('c');
  std::printf("%d %zu %u %s %s %d %d %zu %s %zu %d %g %d %c\n", token.v, items.size(), width,
              label.c_str(), name.c_str(), x, count, more.size(), title.c_str(), rows.size(),
              size, value, size2, letter);
}

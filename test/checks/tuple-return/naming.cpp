// RUN: %check_structify %s structify-tuple-return %t -- -- -std=c++17 %mock_std

#include <tuple>

// Members name fields without their decorations: m_, trailing and leading _.
class Cursor {
public:
  std::pair<int, int> where() const { return {m_line, column_}; }
  // CHECK-MESSAGES: :[[@LINE-1]]:23: warning: 'where' returns
  // CHECK-FIXES: int line;
  // CHECK-FIXES-NEXT: int column;
private:
  int m_line = 1;
  int column_ = 2;
};

// Callers name what the definition does not: a structured binding, ...
std::pair<bool, int> find_slot(int key) { return {key > 0, key * 2}; }
// CHECK-MESSAGES: :[[@LINE-1]]:22: warning: 'find_slot' returns
// CHECK-FIXES: bool present;
// CHECK-FIXES-NEXT: int slot;
int use_find_slot() {
  auto [present, slot] = find_slot(3);
  return present ? slot : -1;
}

// ... std::tie, ...
std::pair<int, int> read_counts(int n) { return {n + 1, n + 2}; }
// CHECK-MESSAGES: :[[@LINE-1]]:21: warning: 'read_counts' returns
// CHECK-FIXES: int words;
// CHECK-FIXES-NEXT: int lines;
int use_read_counts() {
  int words = 0, lines = 0;
  std::tie(words, lines) = read_counts(2);
  return words + lines;
}

// ... and what receives an element, counted: the most frequent name wins.
std::pair<int, int> measure(int n) { return {n * 3, n * 4}; }
// CHECK-MESSAGES: :[[@LINE-1]]:21: warning: 'measure' returns
// CHECK-FIXES: int width;
// CHECK-FIXES-NEXT: int height;
int use_measure() {
  auto m = measure(2);
  int width = m.first;
  int height = m.second;
  auto again = measure(3);
  int w = again.first, height2 = 0;
  height2 = again.second;
  int width_total = 0;
  width_total += measure(4).first;
  int width2 = measure(5).first;
  (void)width2;
  return width + height + w + height2 + width_total;
}

// A parameter's name is the weakest evidence: what a generic helper calls its
// argument (`trim(std::string &text)`) loses to what a caller names the value.
void trim(int &text);
std::pair<int, int> split_name(int line) {
  // CHECK-MESSAGES: :[[@LINE-1]]:21: warning: 'split_name' returns
  std::pair<int, int> parts;
  parts.first = line / 2;
  trim(parts.first);
  parts.second = line % 2;
  return parts;
}
// CHECK-FIXES: struct SplitNameResult {
// CHECK-FIXES-NEXT:   int program;
// CHECK-FIXES-NEXT:   int rest;
struct App { int program_ = 0; };
int use_split_name(App &app) {
  auto parts = split_name(7);
  app.program_ = parts.first;
  int rest = parts.second;
  return rest;
}

// The definition's names come before the callers'.
std::pair<int, int> split_at(int total) {
  // CHECK-MESSAGES: :[[@LINE-1]]:21: warning: 'split_at' returns
  int before = total / 2, after = total - total / 2;
  return {before, after};
}
// CHECK-FIXES: int before;
// CHECK-FIXES-NEXT: int after;
int use_split_at() {
  auto [head, tail] = split_at(7);
  return head - tail;
}

// Well-known APIs have well-known names.
std::pair<int, int> get_min_max(int a, int b) { return {a < b ? a : b, a < b ? b : a}; }
// CHECK-MESSAGES: :[[@LINE-1]]:21: warning: 'get_min_max' returns
// CHECK-FIXES: struct MinMaxResult {
// CHECK-FIXES-NEXT:   int min;
// CHECK-FIXES-NEXT:   int max;
std::pair<long, long> divmod(long a, long b) { return {a / b, a % b}; }
// CHECK-MESSAGES: :[[@LINE-1]]:23: warning: 'divmod' returns
// CHECK-FIXES: long quotient;
// CHECK-FIXES-NEXT: long remainder;
std::tuple<double, double, double> position(int id) { return {id * 1.0, id * 2.0, id * 3.0}; }
// CHECK-MESSAGES: :[[@LINE-1]]:36: warning: 'position' returns
// CHECK-FIXES: double x;
// CHECK-FIXES-NEXT: double y;
// CHECK-FIXES-NEXT: double z;

// A name given to two elements at once (`{size, size}`) names neither: the
// callers' names do.
std::pair<int, int> twice(int size) { return {size, size}; }
// CHECK-MESSAGES: :[[@LINE-1]]:21: warning: 'twice' returns
// CHECK-FIXES: struct TwiceResult {
// CHECK-FIXES-NEXT:   int original;
// CHECK-FIXES-NEXT:   int copy;
int use_twice() {
  auto [original, copy] = twice(1);
  return original + copy;
}

// The struct's name never collides with a name the translation unit uses:
// the next free one is taken, and overloads get distinct names.
struct ParseResult {};
std::pair<int, int> parse(int text) { int value = text, used = 1; return {value, used}; }
// CHECK-MESSAGES: :[[@LINE-1]]:21: warning: 'parse' returns
// CHECK-FIXES: struct ParseResult2 {
std::pair<int, int> parse(long text) { int value = int(text), used = 2; return {value, used}; }
// CHECK-MESSAGES: :[[@LINE-1]]:21: warning: 'parse' returns
// CHECK-FIXES: struct ParseResult3 {

// Type names around the function decide the struct's naming style; names
// that follow the standard library's conventions (`iterator`, `value_type`)
// say nothing about the project's.
class Table {
public:
  using iterator = int *;
  using value_type = int;
  using const_iterator = const int *;
  std::pair<int, int> cell_range(int lo, int hi) const { return {lo, hi}; }
  // CHECK-MESSAGES: :[[@LINE-1]]:23: warning: 'cell_range' returns
  // CHECK-FIXES: struct CellRangeResult {
};
namespace snake {
struct grid_point { int x, y; };
using index_list = unsigned;
std::pair<int, int> span_of(int from, int to) { return {from, to}; }
// CHECK-MESSAGES: :[[@LINE-1]]:21: warning: 'span_of' returns
// CHECK-FIXES: struct span_of_result {
// CHECK-FIXES: span_of_result span_of(int from, int to) { return {from, to}; }
} // namespace snake

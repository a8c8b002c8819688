// RUN: %check_structify %s structify-index-access %t -- -- -std=c++17 %mock_std
// RUN: %check_structify %s structify-index-access %t -- -- -std=c++20 %mock_std

#include <tuple>

std::pair<int, int> measure(int n);
std::tuple<int, double, char> parse(int n);
void draw(int width, int height);
struct Stats { int total; double mean; };

// A local variable read only by element becomes a structured binding; the
// names come from what the code does with each element.
void drawing() {
  auto size = measure(3);
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: the elements of 'size' are read by position; name them with a structured binding [structify-index-access]
  draw(size.first, size.second);
  // CHECK-FIXES: auto [width, height] = measure(3);
  // CHECK-FIXES: draw(width, height);
}

void stats(Stats &s) {
  const auto &parsed = parse(2);
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: the elements of 'parsed'
  s.total = std::get<0>(parsed);
  s.mean = std::get<1>(parsed);
  draw(std::get<2>(parsed), 0);
  // CHECK-FIXES: const auto &[total, mean, width] = parse(2);
  // CHECK-FIXES: s.total = total;
  // CHECK-FIXES-NEXT: s.mean = mean;
  // CHECK-FIXES-NEXT: draw(width, 0);
}

// An explicit type that matches the initialiser becomes `auto`, keeping
// const and references.
void explicit_type() {
  const std::pair<int, int> &extent = measure(1);
  // CHECK-MESSAGES: :[[@LINE-1]]:30: warning: the elements of 'extent'
  draw(extent.first, extent.second);
  // CHECK-FIXES: const auto &[width, height] = measure(1);
}

// std::get by type names its element: not reported, but rewritten along with
// the positional reads of the same variable.
int by_type() {
  auto p = parse(1);
  int n = std::get<int>(p);
  auto q = parse(2);
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: the elements of 'q'
  draw(std::get<int>(q), std::get<0>(q));
  // Elements 1 and 2 have no names: no fix.
  // CHECK-FIXES: auto q = parse(2);
  return n;
}

// Without a variable, a read the check cannot rewrite is not reported by
// default (ExpressionReads, see expression-reads.cpp): nothing names element 0
// of `*p`, and a call's result read once in an expression has no place for a
// binding.
int no_variable(std::pair<int, int> *p) {
  return measure(2).second + p->first;
}

// A parameter is reported once, at its declaration; there is no fix.
int parameter(std::pair<int, int> p) {
  // CHECK-MESSAGES: :[[@LINE-1]]:35: warning: the elements of 'p' are read by position
  return p.first * p.second;
}

// A pointer to a pair is not a pair: `ptr` is no variable to bind. Its reads
// are reads of `*ptr`, fixed only when every element has a name.
int pointer(std::pair<int, int> &pair) {
  auto *ptr = &pair;
  return ptr->second;
}
int pointer_named(std::pair<int, int> &pair) {
  auto *ptr = &pair;
  draw(ptr->first, ptr->second);
  // CHECK-MESSAGES: :[[@LINE-1]]:13: warning: the elements of '*ptr' are read by position; name them with a structured binding [structify-index-access]
  // CHECK-FIXES: auto &[width, height] = *ptr;
  // CHECK-FIXES-NEXT: draw(width, height);
  return 0;
}

// A macro that expands its argument twice makes one edit, not two.
#define TWICE(e) ((void)(e), (void)!!(e))
bool valid(int width);
void twice_expanded() {
  auto size = measure(4);
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: the elements of 'size' are read by position
  TWICE(valid(size.first));
  draw(0, size.second);
  // CHECK-FIXES: TWICE(valid(width));
}

// A tuple of one element has no position to mistake for another: not
// reported (the implicit check-not fails any warning here).
double one_element(std::tuple<double> &&v, const std::tuple<int> &w) {
  return std::get<0>(v) + std::get<0>(w);
}

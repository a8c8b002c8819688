// `std::tie(a, b) = f();` right after `int a, b;`: the variables exist only to
// take the elements, so a structured binding declares and fills them at once
// (the shape clang-tidy's modernize-use-structured-binding rewrites too).
// What a binding would change is warned about, without a fix (a lambda's
// capture: tie-lambda.cpp).
// RUN: %check_structify --run %s structify-index-access %t -- -- -std=c++17

#include <cstdio>
#include <string>
#include <tuple>
#include <utility>

std::pair<int, int> bounds(int n) { return {n - 1, n + 1}; }
std::tuple<std::string, int, bool> parse(int n) { return {"n" + std::to_string(n), n, n > 2}; }
std::pair<long, int> wide(int n) { return {n * 10L, n}; }

// Reads by position before and after the ties in the same unit are reported
// too (the ties' analysis once narrowed the whole unit's walk to their function).
void read_before() {
  const std::pair<int, int> range = bounds(5);
  // CHECK-NOTES: :[[@LINE-1]]:29: warning: the elements of 'range' are read by position; name them with a structured binding [structify-index-access]
  // CHECK-FIXES: {{^}}  const auto [lo, hi] = bounds(5);{{$}}
  std::printf("%d\n", range.first);
  // CHECK-NOTES: :[[@LINE-1]]:23: note: element 0 is read by position here
  // CHECK-FIXES: {{^}}  std::printf("%d\n", lo);{{$}}
}

void separate() {
  int lo;
  int hi;
  std::tie(lo, hi) = bounds(3);
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: 'lo' and 'hi' are declared only for 'std::tie'; declare them with a structured binding [structify-index-access]
  // CHECK-FIXES: {{^}}void separate() {{{$}}
  // CHECK-FIXES-NEXT: {{^}}  auto [lo, hi] = bounds(3);{{$}}
  std::printf("%d %d\n", lo, hi);
}

void together() {
  int pad = 0;
  std::string name;
  int value = 0;
  bool big = false;
  std::tie(name, value, big) = parse(4);
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: 'name', 'value' and 'big' are declared only for 'std::tie'; declare them with a structured binding [structify-index-access]
  // CHECK-FIXES: {{^}}void together() {{{$}}
  // CHECK-FIXES-NEXT: {{^}}  int pad = 0;{{$}}
  // CHECK-FIXES-NEXT: {{^}}  auto [name, value, big] = parse(4);{{$}}
  std::printf("%s %d %d %d\n", name.c_str(), value, big, pad);
}

void one_declaration() {
  int lo, hi;
  std::tie(lo, hi) = bounds(7);
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: 'lo' and 'hi' are declared only for 'std::tie'; declare them with a structured binding [structify-index-access]
  // CHECK-FIXES: {{^}}void one_declaration() {{{$}}
  // CHECK-FIXES-NEXT: {{^}}  auto [lo, hi] = bounds(7);{{$}}
  lo += hi; // a binding is assignable, as the variable was
  std::tie(lo, hi) = bounds(lo);
  std::printf("%d %d\n", lo, hi);
}

void other_type() {
  int scaled, n;
  std::tie(scaled, n) = wide(2);
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: 'scaled' and 'n' are declared only for 'std::tie'; declare them with a structured binding [structify-index-access]
  // CHECK-NOTES: :[[@LINE-3]]:7: note: no fix: 'scaled' is declared 'int' but element 0 is 'long'
  std::printf("%d %d\n", scaled, n);
}

// Left alone: a variable used before, one with an initialiser that does
// something, one declared with another, a std::ignore, a member.
int counter = 0;
struct Holder {
  int a = 0, b = 0;
  void load() { std::tie(a, b) = bounds(1); }
};
void left_alone() {
  int used = 1;
  std::printf("%d\n", used);
  int other;
  std::tie(used, other) = bounds(2);
  int counted = ++counter, second;
  std::tie(counted, second) = bounds(3);
  int kept, spare = 4;
  std::tie(kept, std::ignore) = bounds(4);
  Holder h;
  h.load();
  std::printf("%d %d %d %d %d %d %d\n", used, other, counted, second, kept, spare, h.a + h.b);
}

void read_after() {
  const auto parsed = parse(6);
  // CHECK-NOTES: :[[@LINE-1]]:14: warning: the elements of 'parsed' are read by position; name them with a structured binding [structify-index-access]
  // CHECK-FIXES: {{^}}  const auto parsed = parse(6);{{$}}
  std::printf("%s\n", std::get<0>(parsed).c_str());
  // CHECK-NOTES: :[[@LINE-1]]:35: note: element 0 is read by position here
  // CHECK-NOTES: :[[@LINE-5]]:14: note: no fix: nothing in the code names element 0 ('std::string'); store it in a named variable, or write the binding yourself
}

int main() {
  read_before();
  read_after();
  separate();
  together();
  one_declaration();
  other_type();
  left_alone();
}

// A variable that a statement declares (a for-init, an if or switch init)
// and that its reads cannot turn into a binding: the binding that would
// refer to it cannot go before the statement, where the variable does not
// exist yet. (The README's example once got `auto &[begin, end] = span;`
// before its `for`: "use of undeclared identifier 'span'".)
// RUN: %check_structify --run %s structify-index-access %t -- -- -std=c++17
// RUN: %check_structify --run %s structify-index-access %t -- -- -std=c++20

#include <cstdio>
#include <utility>

std::pair<int, int> next_word(int pos) { return {pos < 5 ? pos : -1, pos + 2}; }
void show(int begin, int end) { std::printf("%d %d\n", begin, end); }

void words() {
  for (auto span = next_word(0); span.first != -1; span = next_word(span.second))
    show(span.first, span.second);
  // CHECK-MESSAGES: :[[@LINE-2]]:13: warning: the elements of 'span' are read by position; name them with a structured binding [structify-index-access]
  // CHECK-FIXES: for (auto span = next_word(0); span.first != -1; span = next_word(span.second))
  // CHECK-FIXES-NEXT: show(span.first, span.second);
}

void words_in_block() {
  for (auto span = next_word(1); span.first != -1;) {
    show(span.first, span.second);
    span = next_word(span.second);
  }
  // CHECK-MESSAGES: :[[@LINE-4]]:13: warning: the elements of 'span' are read by position; name them with a structured binding [structify-index-access]
  // CHECK-FIXES: for (auto span = next_word(1); span.first != -1;) {
  // CHECK-FIXES-NEXT: show(span.first, span.second);
}

void if_init() {
  if (auto p = next_word(1); p.first > 0)
    show(p.first, p.second);
  // CHECK-MESSAGES: :[[@LINE-2]]:12: warning: the elements of 'p' are read by position; name them with a structured binding [structify-index-access]
  // CHECK-FIXES: if (auto [begin, end] = next_word(1); begin > 0)
  // CHECK-FIXES-NEXT: show(begin, end);
}

void if_init_assigned() {
  if (auto p = next_word(1); p.first > 0) {
    p = next_word(p.second);
    show(p.first, p.second);
  }
  // CHECK-MESSAGES: :[[@LINE-4]]:12: warning: the elements of 'p' are read by position; name them with a structured binding [structify-index-access]
  // CHECK-FIXES: if (auto p = next_word(1); p.first > 0) {
  // CHECK-FIXES-NEXT: p = next_word(p.second);
  // CHECK-FIXES-NEXT: show(p.first, p.second);
}

int main() {
  words();
  words_in_block();
  if_init();
  if_init_assigned();
}

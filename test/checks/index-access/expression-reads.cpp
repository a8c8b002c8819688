// RUN: %check_structify %s structify-index-access %t -- -- -std=c++17
// RUN: %check_structify --check-suffix=ALL %s structify-index-access %t -- \
// RUN:   --config="{CheckOptions: {structify-index-access.ExpressionReads: all}}" -- -std=c++17
// RUN: %check_structify --check-suffix=NONE %s structify-index-access %t -- \
// RUN:   --config="{CheckOptions: {structify-index-access.ExpressionReads: none}}" -- -std=c++17

// Reads with no variable behind them are grouped: the reads of one
// expression in one function, or through one iterator, are one finding.

#include <map>
#include <utility>
#include <vector>

struct Meta { int size; };
void touch(int);

// The same expression, read twice in one loop body: one warning, one binding.
void same_expression(const std::vector<std::pair<int, Meta>> &files) {
  for (std::size_t i = 0; i < files.size(); i++) {
    const int level = files[i].first;
    touch(level + files[i].second.size);
  }
  // CHECK-MESSAGES: :[[@LINE-3]]:32: warning: the elements of 'files[i]' are read by position; name them with a structured binding [structify-index-access]
  // CHECK-MESSAGES-ALL: :[[@LINE-4]]:32: warning: the elements of 'files[i]' are read by position; name them with a structured binding [structify-index-access]
  // CHECK-FIXES: const auto &[level, meta] = files[i];
  // CHECK-FIXES-NEXT: touch(level + meta.size);
  // CHECK-FIXES-ALL: const auto &[level, meta] = files[i];
}

// `it->first` and `(*it).second` read through one iterator: one warning.
void one_iterator(std::map<int, int> &m) {
  for (auto it = m.begin(); it != m.end(); ++it) {
    touch(it->first);
    touch((*it).second);
  }
  // CHECK-MESSAGES: :[[@LINE-3]]:15: warning: the elements of '*it' are read by position
  // CHECK-MESSAGES-ALL: :[[@LINE-4]]:15: warning: the elements of '*it' are read by position
  // CHECK-FIXES: auto &[key, value] = *it;
  // CHECK-FIXES-NEXT: touch(key);
  // CHECK-FIXES-NEXT: touch(value);
}

// A read on a conditional path has no place for a binding (it would read
// `*it` where the code does not): reported only with ExpressionReads: all.
int conditional(const std::map<int, int> &m, int k) {
  auto it = m.find(k);
  return it == m.end() ? 0 : it->second;
  // CHECK-MESSAGES-ALL: :[[@LINE-1]]:34: warning: the elements of '*it' are read by position
}

// One read after a `find` is as clear as the binding a fix would add before
// it: reported only with ExpressionReads: all. One read whose fix rewrites a
// declaration that is there is reported: the fix adds nothing.
int single_read(const std::map<int, int> &m, int k) {
  auto it = m.find(k);
  if (it == m.end())
    return 0;
  return it->second;
  // CHECK-MESSAGES-ALL: :[[@LINE-1]]:14: warning: the elements of '*it' are read by position
  // CHECK-FIXES-ALL: const auto &[key, value] = *it;
  // CHECK-FIXES-ALL-NEXT: return value;
  // CHECK-FIXES: return it->second;
}
int single_adopted(const std::map<int, Meta> &m, int k) {
  auto it = m.find(k);
  if (it == m.end())
    return 0;
  const Meta &meta = it->second;
  return meta.size;
  // CHECK-MESSAGES: :[[@LINE-2]]:26: warning: the elements of '*it' are read by position
  // CHECK-MESSAGES-ALL: :[[@LINE-3]]:26: warning: the elements of '*it' are read by position
  // CHECK-FIXES: const auto &[key, meta] = *it;
  // CHECK-FIXES-NEXT: return meta.size;
}
// CHECK-FIXES-NONE: const int level = files[i].first;

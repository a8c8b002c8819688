// RUN: %check_structify %s structify-index-access %t -- -- -std=c++17
// RUN: %check_structify --check-suffix=OPT %s structify-index-access %t -- \
// RUN:   --config="{CheckOptions: {structify-index-access.IgnoreMapIterators: true, \
// RUN:     structify-index-access.IgnoredTypes: '^std::pair<int, char>$', \
// RUN:     structify-index-access.IgnoredFunctions: '^legacy::'}}" -- -std=c++17

#include <map>
#include <string>
#include <utility>

namespace legacy {
std::pair<int, int> lookup(int key);
}
std::pair<int, char> coded(int n);
void show(int id, int count);

// IgnoreMapIterators: `it->first` through a map's iterator (or any pointer).
void iterate(const std::map<std::string, int> &m) {
  for (auto it = m.begin(); it != m.end(); ++it) {
    const std::string &id = it->first;
    show(int(id.size()), it->second);
  }
  // CHECK-MESSAGES: :[[@LINE-3]]:33: warning: the elements of '*it' are read by position; name them with a structured binding [structify-index-access]
  // CHECK-FIXES: const auto &[id, value] = *it;
  // CHECK-FIXES-NEXT: show(int(id.size()), value);
  // CHECK-FIXES-OPT: const std::string &id = it->first;
  // CHECK-FIXES-OPT-NEXT: show(int(id.size()), it->second);
}

// IgnoredFunctions: values that come from these functions (regular
// expressions on the qualified name).
void from_legacy() {
  auto entry = legacy::lookup(3);
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: the elements of 'entry' are read by position
  // CHECK-FIXES: auto [id, count] = legacy::lookup(3);
  show(entry.first, entry.second);
}

// IgnoredTypes: regular expressions on the tuple type.
void from_coded() {
  auto c = coded(1);
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: the elements of 'c' are read by position
  show(c.first, c.second);
}
// CHECK-FIXES: auto [id, count] = coded(1);
// CHECK-FIXES-OPT: auto c = coded(1);

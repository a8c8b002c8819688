// RUN: %check_structify %s structify-index-access %t -- \
// RUN:   --config="{CheckOptions: {structify-index-access.TupleTypes: '::std::pair;::std::tuple;::lib::duo;::lib::tagged_duo'}}" \
// RUN:   -- -std=c++17 %mock_std

#include <tuple>

// TupleTypes: a project's own pair-like type is read by position too.
namespace lib {
template <class A, class B> struct duo { A first; B second; };
}
lib::duo<int, int> measure(int n);
void draw(int width, int height);

void use() {
  auto size = measure(2);
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: the elements of 'size' are read by position
  draw(size.first, size.second);
}
// CHECK-FIXES: auto [width, height] = measure(2);
// CHECK-FIXES: draw(width, height);

// A structured binding cannot unpack a type with more members than elements.
namespace lib {
template <class A, class B> struct tagged_duo { A first; B second; int tag; };
}
lib::tagged_duo<int, int> measure_tagged(int n);
void use_tagged() {
  auto size = measure_tagged(2);
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: the elements of 'size' are read by position
  draw(size.first, size.second);
}

// A member whose pair holds its own class by value: the class is incomplete
// inside itself, where a nested struct would go. The struct is declared
// before the class and defined after it, in the namespace around it; the
// member's declarations name it from there. A member defined inside the
// class cannot return it (the struct is still incomplete there): no fix.
// RUN: %check_structify --run %s structify-tuple-return %t -- -- -std=c++17

#include <cstdio>
#include <string>
#include <utility>

namespace tree {
// A node of a tree of strings.
class Node {
public:
  explicit Node(std::string value) : value(std::move(value)) {}
  std::pair<std::string, Node> child_at(int index) const;
  std::pair<Node, int> inline_child(int index) const { return {Node(value), index}; }
  std::string value;
};
std::pair<std::string, Node> Node::child_at(int index) const {
  std::string key = value + std::to_string(index);
  Node node(key + "!");
  return {key, node};
}
} // namespace tree
// CHECK-MESSAGES: :[[@LINE-10]]:32: warning: 'child_at' returns
// CHECK-MESSAGES: :[[@LINE-10]]:24: warning: 'inline_child' returns
// CHECK-FIXES:      namespace tree {
// CHECK-FIXES-NEXT: struct ChildAtResult;
// CHECK-FIXES-EMPTY:
// CHECK-FIXES-NEXT: // A node of a tree of strings.
// CHECK-FIXES-NEXT: class Node {
// CHECK-FIXES:        ChildAtResult child_at(int index) const;
// CHECK-FIXES-NEXT:   std::pair<Node, int> inline_child(int index) const { return {Node(value), index}; }
// CHECK-FIXES:      };
// CHECK-FIXES-EMPTY:
// CHECK-FIXES-NEXT: struct ChildAtResult {
// CHECK-FIXES-NEXT:   std::string key;
// CHECK-FIXES-NEXT:   tree::Node node;
// CHECK-FIXES-NEXT: };
// CHECK-FIXES-NEXT: ChildAtResult Node::child_at(int index) const {

int main() {
  const tree::Node root("r");
  auto [key, node] = root.child_at(1);
  auto [child, index] = root.inline_child(2);
  std::printf("%s %s %s %d\n", key.c_str(), node.value.c_str(), child.value.c_str(), index);
}

// RUN: %check_structify %s structify-tuple-return %t -- -- -std=c++17 %mock_std
// RUN: %check_structify %s structify-tuple-return %t -- -- -std=c++20 %mock_std

#include <tuple>

// Every function below is flagged; none but the last gets a fix, and a note
// says why.

int consume(std::pair<int, int> p) { return p.first; }

std::pair<int, int> passed(int lo, int hi) { return {lo, hi}; }
// CHECK-NOTES: :[[@LINE-1]]:21: warning: 'passed' returns 'std::pair<int, int>'; return a struct with named fields instead [structify-tuple-return]
int use_passed() { return consume(passed(1, 2)); }
// CHECK-NOTES: :[[@LINE-1]]:35: note: no fix: the value is passed to 'consume'

std::pair<int, int> compared(int lo, int hi) { return {lo, hi}; }
// CHECK-NOTES: :[[@LINE-1]]:21: warning: 'compared' returns
bool use_compared(std::pair<int, int> p) { return compared(1, 2) == p; }
// CHECK-NOTES: :[[@LINE-1]]:51: note: no fix: the value is compared with '==' and 'p', a parameter of 'use_compared' that keeps the tuple type

std::tuple<int, int, int> applied(int x, int y, int z) { return {x, y, z}; }
// CHECK-NOTES: :[[@LINE-1]]:27: warning: 'applied' returns
int use_applied() {
  return std::apply([](int x, int y, int z) { return x + y + z; }, applied(1, 2, 3));
  // CHECK-NOTES: :[[@LINE-1]]:68: note: no fix: the value is passed to 'apply'
}

std::pair<int, int> address(int lo, int hi) { return {lo, hi}; }
// CHECK-NOTES: :[[@LINE-1]]:21: warning: 'address' returns
auto *address_of = &address;
// CHECK-NOTES: :[[@LINE-1]]:21: note: no fix: 'address' is referred to without being called (its address is taken)

// (A value chosen by `c ? f() : g()` migrates with g: conditionals.cpp.)

// A function that passes on another's pair, and that other one.
std::pair<int, int> inner(int lo, int hi) { return {lo, hi}; }
// CHECK-NOTES: :[[@LINE-1]]:21: warning: 'inner' returns
// CHECK-NOTES: :[[@LINE+3]]:43: note: no fix: the value is returned from 'outer'
// CHECK-NOTES: :[[@LINE+2]]:21: warning: 'outer' returns
// CHECK-NOTES: :[[@LINE+1]]:43: note: no fix: the value comes from 'inner', which keeps returning a tuple
std::pair<int, int> outer(int v) { return inner(v, v); }

std::pair<int, int> converted(int lo, int hi) { return {lo, hi}; }
// CHECK-NOTES: :[[@LINE-1]]:21: warning: 'converted' returns
long use_converted() { std::pair<long, long> wide = converted(1, 2); return wide.first; }
// CHECK-NOTES: :[[@LINE-1]]:53: note: no fix: the value is converted to 'std::pair<long, long>'

// The note names the type as the code spells it, not as it resolves.
typedef std::pair<int, int> Cells;
Cells cells(int lo, int hi);
// CHECK-NOTES: :[[@LINE-1]]:7: warning: 'cells' returns 'Cells' (aka 'std::pair<int, int>')
// CHECK-NOTES: :[[@LINE+3]]:47: note: no fix: the value is converted to 'std::pair<long, long>'
// CHECK-NOTES: :[[@LINE+2]]:23: warning: 'widened' returns
// CHECK-NOTES: :[[@LINE+1]]:47: note: no fix: the value is converted from 'Cells'
std::pair<long, long> widened(int v) { return cells(v, v); }

std::pair<int, int> global(int lo, int hi) { return {lo, hi}; }
// CHECK-NOTES: :[[@LINE-1]]:21: warning: 'global' returns
auto global_value = global(1, 2);
// CHECK-NOTES: :[[@LINE-1]]:6: note: no fix: the value is stored in 'global_value', which is not a local variable

std::pair<int, int> listed(int lo, int hi) { return {lo, hi}; }
// CHECK-NOTES: :[[@LINE-1]]:21: warning: 'listed' returns
int use_listed() { std::pair<int, int> all[] = {listed(1, 2)}; return all[0].first; }
// CHECK-NOTES: :[[@LINE-1]]:49: note: no fix: the value initialises an element of a braced list

std::pair<int, int> lambda_returned(int lo, int hi) { return {lo, hi}; }
// CHECK-NOTES: :[[@LINE-1]]:21: warning: 'lambda_returned' returns
template <class F> auto invoke_it(F f) { return f(); }
auto use_lambda() { return invoke_it([] { return lambda_returned(1, 2); }).first; }
// CHECK-NOTES: :[[@LINE-1]]:38: note: no fix: the value is returned from a lambda that is passed on, where structify cannot follow its calls

std::pair<int, int> typed(int lo, int hi) { return {lo, hi}; }
// CHECK-NOTES: :[[@LINE-1]]:21: warning: 'typed' returns
decltype(typed(1, 2)) typed_copy;
// CHECK-NOTES: :[[@LINE-1]]:10: note: no fix: the value's type is used (decltype, sizeof, typeid)

std::pair<int, int> generic(int lo, int hi) { return {lo, hi}; }
// CHECK-NOTES: :[[@LINE-1]]:21: warning: 'generic' returns
template <class T> int use_generic(T t) { return generic(t, t).first; }
// CHECK-NOTES: :[[@LINE-1]]:50: note: no fix: 'generic' is called with dependent arguments in template code

#define LOWER(x) x.first
std::pair<int, int> macro_use(int lo, int hi) { return {lo, hi}; }
// CHECK-NOTES: :[[@LINE-1]]:21: warning: 'macro_use' returns
int use_macro() { return LOWER(macro_use(1, 2)); }
// CHECK-NOTES: :[[@LINE-1]]:26: note: no fix: the code to rewrite is in a macro expansion
// CHECK-NOTES: :[[@LINE-5]]:20: note: expanded from macro 'LOWER'

struct Shape {
  virtual std::pair<int, int> extent() const { int width = 1, height = 2; return {width, height}; }
  // CHECK-NOTES: :[[@LINE-1]]:31: warning: 'extent' returns
  // CHECK-NOTES: :[[@LINE-2]]:31: note: no fix: 'extent' is virtual: overrides in other translation units would keep returning the tuple
  virtual ~Shape() = default;
};
// An override's return type is its base's to decide: it is not flagged.
struct Square : Shape {
  std::pair<int, int> extent() const override { return {3, 3}; }
};

struct Friendly {
  friend std::pair<int, int> befriended(Friendly);
  // CHECK-NOTES: :[[@LINE-1]]:30: warning: 'befriended' returns
  // CHECK-NOTES: :[[@LINE-2]]:30: note: no fix: the function is first declared as a friend, inside another class
};
std::pair<int, int> befriended(Friendly) { int lo = 0, hi = 1; return {lo, hi}; }

template <class T> std::pair<T, T> special(T lo, T hi) { return {lo, hi}; }
// CHECK-NOTES: :[[@LINE-1]]:36: warning: 'special' returns
template <> std::pair<int, int> special<int>(int lo, int hi) { return {hi, lo}; }
// CHECK-NOTES: :[[@LINE-1]]:33: note: no fix: 'special' has explicit specializations

// Without a meaningful name for every element there is no fix: structify
// never invents `field0`.
std::pair<int, int> unnamed(int a, int b) { return {a + b, a * b}; }
// CHECK-NOTES: :[[@LINE-1]]:21: warning: 'unnamed' returns
// CHECK-NOTES: :[[@LINE-2]]:21: note: no fix: nothing in this translation unit names element 0 ('int'); name it in a return statement or a structured binding
std::pair<int, int> meaningless(int tmp, int result) { return {tmp, result}; }
// CHECK-NOTES: :[[@LINE-1]]:21: warning: 'meaningless' returns
// CHECK-NOTES: :[[@LINE-2]]:21: note: no fix: nothing in this translation unit names element 0

// A member whose elements hold its own class and is defined inside it: the
// struct, defined after the class (where the class is complete), would still
// be incomplete in the member's body. Refused before any edit; behind a
// pointer it is fine. (Defined outside the class: see own-class.cpp.)
class Node {
public:
  std::pair<int, Node> child_at(int index) const { return {index, Node()}; }
  // CHECK-NOTES: :[[@LINE-1]]:24: warning: 'child_at' returns
  // CHECK-NOTES: :[[@LINE-2]]:24: note: no fix: an element holds a 'Node', which is incomplete inside its own class, and the function is defined inside it, where a struct declared after the class is incomplete
  std::pair<int, Node *> parent() const;
  // CHECK-NOTES: :[[@LINE-1]]:26: warning: 'parent' returns
};
int depth(const Node &node) {
  auto [index, child] = node.child_at(0);
  auto [level, up] = node.parent();
  return index + level + (up != nullptr);
}
// CHECK-FIXES: struct ParentResult {
// CHECK-FIXES: Node * up;
// CHECK-FIXES: ParentResult parent() const;

// RUN: %check_structify %s structify-tuple-return %t -- -- -std=c++17 %mock_std
// RUN: %check_structify %s structify-tuple-return %t -- -- -std=c++20 %mock_std

#include <tuple>

std::pair<int, int> bounds(int a, int b);
// CHECK-MESSAGES: :[[@LINE-1]]:21: warning: 'bounds' returns 'std::pair<int, int>'; return a struct with named fields instead [structify-tuple-return]
// A well-known name gives the fields even with no definition and no use.
// CHECK-FIXES: struct BoundsResult {
// CHECK-FIXES-NEXT:   int lo;
// CHECK-FIXES-NEXT:   int hi;
// CHECK-FIXES-NEXT: };
// CHECK-FIXES-EMPTY:
// CHECK-FIXES-NEXT: BoundsResult bounds(int a, int b);

std::tuple<int, double, char> parse(const char *s);
// CHECK-MESSAGES: :[[@LINE-1]]:31: warning: 'parse' returns 'std::tuple<int, double, char>'

namespace detail {
std::pair<int, int> hidden();
}
// A part of a namespace's name marks it too: abseil's `container_internal`.
namespace container_internal {
std::pair<int, int> hidden_part();
}
namespace detail_v2 {
std::pair<int, int> hidden_version();
}
namespace ImplDetails {
std::pair<int, int> hidden_camel();
}
// A word that only contains one is no mark.
namespace detailed {
std::pair<int, int> shown(); // a public API
// CHECK-MESSAGES: :[[@LINE-1]]:21: warning: 'shown' returns 'std::pair<int, int>'; return a struct with named fields instead [structify-tuple-return]
}
static std::pair<int, int> local_helper() { return {1, 2}; }
namespace {
std::pair<int, int> anonymous() { return {1, 2}; }
}
extern "C++" std::pair<int, int> & by_reference();
std::pair<int, int> &by_reference();

class Widget {
public:
  std::pair<int, int> size() const;
  // CHECK-MESSAGES: :[[@LINE-1]]:23: warning: 'size' returns 'std::pair<int, int>'
protected:
  std::pair<int, int> origin() const;
  // CHECK-MESSAGES: :[[@LINE-1]]:23: warning: 'origin' returns 'std::pair<int, int>'
private:
  std::pair<int, int> secret() const;
  class Hidden {
  public:
    std::pair<int, int> inner();
  };
};

template <class... Ts> std::tuple<Ts...> pack(Ts... ts);
std::pair<int, int> insert(int);

// C interfaces and lambdas are not APIs this check rewrites.
extern "C" std::pair<int, int> c_interface();
auto lambda = [](int lo, int hi) { return std::make_pair(lo, hi); };

// Through a typedef, and through a deduced `auto`.
typedef std::tuple<int, int, int> Triple;
Triple triple();
// CHECK-MESSAGES: :[[@LINE-1]]:8: warning: 'triple' returns 'Triple' (aka '{{(std::)?}}tuple<int, int, int>')
auto deduced() { return std::make_pair(1, 2); }
// CHECK-MESSAGES: :[[@LINE-1]]:6: warning: 'deduced' returns 'std::pair<int, int>'

// Class templates' members and function templates count.
template <class T> struct Holder {
  std::pair<T, T> both() const;
  // CHECK-MESSAGES: :[[@LINE-1]]:19: warning: 'both' returns 'std::pair<T, T>'
};
template <class T> std::pair<T, int> tagged(T value);
// CHECK-MESSAGES: :[[@LINE-1]]:38: warning: 'tagged' returns 'std::pair<T, int>'


int use() { return local_helper().first + anonymous().second; }

// The standard's conventions, under other names: a wrapper or a
// re-implementation of a standard function that returns a pair, when it
// returns the pair the standard one does (abseil's `c_partition_copy`).
template <class C, class OutputIterator1, class OutputIterator2, class Pred>
std::pair<OutputIterator1, OutputIterator2>
c_partition_copy(const C &c, OutputIterator1 yes, OutputIterator2 no, Pred p);
template <class It> std::pair<It, It> MinMaxElement(It first, It last);
std::pair<int *, bool> insert_at_position(int position, int value);
std::pair<const char *, const char *> find_equal_range(const char *key);
// A standard name with another pair is an API of its own.
std::pair<int, int> insert_counts(int key);
// CHECK-MESSAGES: :[[@LINE-1]]:21: warning: 'insert_counts' returns 'std::pair<int, int>'
std::pair<double, double> minmax_of(const double *values, int count);
// CHECK-MESSAGES: :[[@LINE-1]]:27: warning: 'minmax_of' returns 'std::pair<double, double>'
// A word that only contains a standard name is no mark.
std::pair<int *, bool> reinsertion(int key);
// CHECK-MESSAGES: :[[@LINE-1]]:24: warning: 'reinsertion' returns 'std::pair<int *, bool>'

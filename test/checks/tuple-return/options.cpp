// RUN: %check_structify %s structify-tuple-return %t -- -- -std=c++17 %mock_std
// RUN: %check_structify --check-suffix=OPT %s structify-tuple-return %t -- \
// RUN:   --config="{CheckOptions: {structify-tuple-return.TupleTypes: '::std::pair;::std::tuple;::lib::triple', \
// RUN:     structify-tuple-return.IgnoredFunctions: '^legacy_;^insert$', \
// RUN:     structify-tuple-return.IgnoredNamespaces: 'hidden', \
// RUN:     structify-tuple-return.IncludeNonPublic: true, \
// RUN:     structify-tuple-return.IncludeParameterPacks: true, \
// RUN:     structify-tuple-return.IgnoreStandardConventions: false, \
// RUN:     structify-tuple-return.StructNameSuffix: 'Values', \
// RUN:     structify-tuple-return.StructNameStyle: 'lower_case'}}" \
// RUN:   -- -std=c++17 %mock_std

#include <tuple>

namespace lib {
template <class A, class B, class C> struct triple { A a; B b; C c; };
}

// TupleTypes: the user's own tuple-likes are recognised.
lib::triple<int, int, int> own_tuple();
// CHECK-MESSAGES-OPT: :[[@LINE-1]]:28: warning: 'own_tuple' returns 'lib::triple<int, int, int>'

// IgnoredFunctions: regular expressions on the function's name. The
// default list holds the standard containers' pair-returning names.
std::pair<int, int> legacy_bounds(int lo, int hi) { return {lo, hi}; }
// CHECK-MESSAGES: :[[@LINE-1]]:21: warning: 'legacy_bounds' returns
// CHECK-FIXES: LegacyBoundsResult legacy_bounds(int lo, int hi) { return {lo, hi}; }
std::pair<int, bool> insert(int key);
std::pair<int, bool> emplace(int key);
// CHECK-MESSAGES-OPT: :[[@LINE-1]]:22: warning: 'emplace' returns

// IgnoredNamespaces: by default detail, internal and impl.
namespace detail {
std::pair<int, int> helper();
// CHECK-MESSAGES-OPT: :[[@LINE-1]]:21: warning: 'helper' returns
}
namespace hidden {
std::pair<int, int> helper();
// CHECK-MESSAGES: :[[@LINE-1]]:21: warning: 'helper' returns
}

// IncludeNonPublic: functions only this file or class can call.
static std::pair<int, int> file_local(int lo, int hi) { return {lo, hi}; }
// CHECK-MESSAGES-OPT: :[[@LINE-1]]:28: warning: 'file_local' returns
// CHECK-FIXES-OPT: struct file_local_values {
// CHECK-FIXES-OPT: static file_local_values file_local(int lo, int hi) { return {lo, hi}; }
class Widget {
  std::pair<int, int> secret() const;
  // CHECK-MESSAGES-OPT: :[[@LINE-1]]:23: warning: 'secret' returns
};

// IgnoreStandardConventions: a wrapper of a standard algorithm returns what
// the standard one returns; false flags it too.
template <class In, class OutputIt1, class OutputIt2>
std::pair<OutputIt1, OutputIt2> c_partition_copy(In in, OutputIt1 yes,
                                                 OutputIt2 no);
// CHECK-MESSAGES-OPT: :[[@LINE-2]]:33: warning: 'c_partition_copy' returns

// IncludeParameterPacks: generic code over a pack of element types.
template <class... Ts> std::tuple<Ts...> pack(Ts... ts);
// CHECK-MESSAGES-OPT: :[[@LINE-1]]:42: warning: 'pack' returns 'std::tuple<Ts...>'

int use() { return file_local(1, 2).first + legacy_bounds(1, 2).second; }
// CHECK-FIXES-OPT: int use() { return file_local(1, 2).lo + legacy_bounds(1, 2).second; }

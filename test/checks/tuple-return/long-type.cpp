// RUN: %check_structify %s structify-tuple-return %t -- -- -std=c++17 %mock_std

// A long type spelling would make the warning hard to read (libtorrent's
// parse_url_components ran to 173 characters): past 120 characters it is
// named by its template and its number of elements instead.

#include <tuple>

std::tuple<long, long, long, long, long, long, long, long, long, long> parse_components(int url);
// CHECK-MESSAGES: :[[@LINE-1]]:72: warning: 'parse_components' returns a 'std::tuple' of 10 elements; return a struct with named fields instead [structify-tuple-return]

// Typical types are spelled out, within the 120 characters.
std::tuple<int, std::pair<const char *, long>> hit_send_barrier(int span);
// CHECK-MESSAGES: :[[@LINE-1]]:48: warning: 'hit_send_barrier' returns 'std::tuple<int, std::pair<const char *, long>>'; return a struct with named fields instead [structify-tuple-return]

// An alias is spelled as written, with its 'aka' only when both fit.
using header_split = std::tuple<unsigned long, unsigned long, unsigned long>;
header_split split_header_fields(int text);
// CHECK-MESSAGES: :[[@LINE-1]]:14: warning: 'split_header_fields' returns 'header_split'; return a struct with named fields instead [structify-tuple-return]
using pair_alias = std::pair<int, int>;
pair_alias measure(int x);
// CHECK-MESSAGES: :[[@LINE-1]]:12: warning: 'measure' returns 'pair_alias' (aka 'std::pair<int, int>'); return a struct with named fields instead [structify-tuple-return]

// A dependent type too: abseil's Layout::Pointers spelled its result in 482
// characters; it is named by its template as written and its arguments.
template <class... Elements> struct LayoutImpl {
  template <class Char>
  std::tuple<const Char *, typename std::tuple_element<0, std::tuple<Elements...>>::type *> Pointers(Char *p) const;
  // CHECK-MESSAGES: :[[@LINE-1]]:93: warning: 'Pointers' returns a 'std::tuple' of 2 elements; return a struct with named fields instead [structify-tuple-return]
};

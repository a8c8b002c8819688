// RUN: %check_structify %s structify-tuple-return %t -- -- -std=c++17 %mock_std

// A long type spelling would make the warning hard to read (libtorrent's
// parse_url_components ran to 173 characters): it is named by its template
// and its number of elements instead.

#include <tuple>

std::tuple<long, long, long, long, long, long, long, long, long, long> parse_components(int url);
// CHECK-MESSAGES: :[[@LINE-1]]:72: warning: 'parse_components' returns a 'std::tuple' of 10 elements, whose elements have no names; return a struct with named fields instead [structify-tuple-return]

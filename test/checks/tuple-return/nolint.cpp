// RUN: %check_structify %s structify-tuple-return %t -- -- -std=c++17 %mock_std

#include <utility>

std::pair<int, int> silenced(int lo, int hi) { return {lo, hi}; } // NOLINT(structify-tuple-return)

// NOLINTNEXTLINE(structify-*)
std::pair<int, int> silenced_next(int lo, int hi) { return {lo, hi}; }

std::pair<int, int> reported(int lo, int hi) { return {lo, hi}; } // NOLINT(readability-*)
// CHECK-MESSAGES: :[[@LINE-1]]:21: warning: 'reported' returns
// CHECK-FIXES: ReportedResult reported(int lo, int hi) { return {lo, hi}; } // NOLINT(readability-*)

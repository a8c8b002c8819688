// RUN: %check_structify %s structify-tuple-return %t -- -- -std=c++17 %mock_std
// RUN: %check_structify --check-suffix=EXPORT %s structify-tuple-return %t -- \
// RUN:   --config="{CheckOptions: {structify-tuple-return.ExportMacros: 'LIB_EXPORT;LIB_API'}}" \
// RUN:   -- -std=c++17 %mock_std

// ExportMacros: a library that says what it exports (LIB_EXPORT) and what
// it exports only for its own tests (LIB_EXTRA_EXPORT, empty in a release
// build) has its public API declared with the first. The option reads the
// macro as written, so every unit decides alike whatever it expands to.

#include <utility>

#define LIB_EXPORT __attribute__((visibility("default")))
#define LIB_API
#define LIB_EXTRA_EXPORT

LIB_EXPORT std::pair<int, int> bounds(int n);
// CHECK-MESSAGES: :[[@LINE-1]]:32: warning: 'bounds' returns
// CHECK-MESSAGES-EXPORT: :[[@LINE-2]]:32: warning: 'bounds' returns
// CHECK-FIXES: LIB_EXPORT BoundsResult bounds(int n);
// CHECK-FIXES-EXPORT: LIB_EXPORT BoundsResult bounds(int n);

LIB_EXTRA_EXPORT std::pair<int, int> split_path(int n);
// CHECK-MESSAGES: :[[@LINE-1]]:38: warning: 'split_path' returns
// CHECK-FIXES: LIB_EXTRA_EXPORT SplitPathResult split_path(int n);
// CHECK-FIXES-EXPORT: LIB_EXTRA_EXPORT std::pair<int, int> split_path(int n);

// The macro on the line before, and one that expands to nothing.
LIB_API
std::pair<int, int> span(int n);
// CHECK-MESSAGES: :[[@LINE-1]]:21: warning: 'span' returns
// CHECK-MESSAGES-EXPORT: :[[@LINE-2]]:21: warning: 'span' returns

// On the class: its public members are exported.
struct LIB_EXPORT Shape {
  std::pair<int, int> size() const;
  // CHECK-MESSAGES: :[[@LINE-1]]:23: warning: 'size' returns
  // CHECK-MESSAGES-EXPORT: :[[@LINE-2]]:23: warning: 'size' returns
  // CHECK-FIXES: SizeResult size() const;
  // CHECK-FIXES-EXPORT: SizeResult size() const;
};
struct LIB_EXTRA_EXPORT Parser {
  std::pair<int, int> incoming() const;
  // CHECK-MESSAGES: :[[@LINE-1]]:23: warning: 'incoming' returns
};

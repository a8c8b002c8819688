// RUN: %check_structify %s structify-tuple-return %t -- --header-filter='.*' -- -std=c++17 %mock_std -I %S/Inputs

// A function declared in a header can be called from translation units this
// run does not see: a per-file fix would break them, so clang-tidy gets no
// fix, and the note points at `structify fix`, which rewrites the project.
#include "geometry.h"

std::pair<int, int> span(int from, int to) { return {from, to}; }

int use() { return span(1, 2).first; }

// CHECK-NOTES: geometry.h:3:21: warning: 'span' returns 'std::pair<int, int>'; return a struct with named fields instead [structify-tuple-return]
// CHECK-NOTES: geometry.h:3:21: note: no fix: 'span' is in a header other units include; rewrite it project-wide with 'structify fix'

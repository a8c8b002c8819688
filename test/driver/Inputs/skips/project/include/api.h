#pragma once
#include <tuple>

// Rewritten.
std::pair<int, int> good(int lo, int hi);

// A struct cannot reach where the pair must go: another unit passes it on.
std::pair<int, int> escaping(int lo, int hi);
template <class Pair> int consume(Pair p) { return p.first; }

// Nothing names its elements.
std::pair<int, int> unnamed(int a, int b);

// An override where structify may not edit it (vendor/lib.h) would keep
// returning the pair.
struct Base {
  virtual std::pair<int, int> extent() const;
  virtual ~Base() = default;
};

// Read through a macro's own text.
#define FIRST_OF(p) p.first
std::pair<int, int> macro_used(int lo, int hi);

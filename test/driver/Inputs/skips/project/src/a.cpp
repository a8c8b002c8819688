#include "api.h"
#include "config.h"
#include "lib.h"

std::pair<int, int> good(int lo, int hi) { return {lo, hi}; }
std::pair<int, int> escaping(int lo, int hi) { return {lo, hi}; }
std::pair<int, int> unnamed(int a, int b) { return {a + b, a * b}; }
std::pair<int, int> Base::extent() const { int width = 1, height = 2; return {width, height}; }
std::pair<int, int> macro_used(int lo, int hi) { return {lo, hi}; }
std::pair<int, int> generated(int lo, int hi) { return {lo, hi}; }
std::pair<int, int> vendored(int lo, int hi) { return {lo, hi}; }

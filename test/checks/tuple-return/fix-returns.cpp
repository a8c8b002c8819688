// RUN: %check_structify %s structify-tuple-return %t -- -- -std=c++17 %mock_std
// RUN: %check_structify %s structify-tuple-return %t -- -- -std=c++20 %mock_std

#include <tuple>

// Each way of building the returned value becomes a braced initialiser of the
// struct, and the return type becomes the struct.

std::pair<int, int> make_pair_form(int lo, int hi) { return std::make_pair(lo, hi); }
// CHECK-MESSAGES: :[[@LINE-1]]:21: warning: 'make_pair_form' returns 'std::pair<int, int>'; return a struct with named fields instead [structify-tuple-return]
// CHECK-FIXES: struct MakePairFormResult {
// CHECK-FIXES-NEXT:   int lo;
// CHECK-FIXES-NEXT:   int hi;
// CHECK-FIXES-NEXT: };
// CHECK-FIXES-EMPTY:
// CHECK-FIXES-NEXT: MakePairFormResult make_pair_form(int lo, int hi) { return {lo, hi}; }

std::pair<int, int> braces(int width, int height) { return {width, height}; }
// CHECK-MESSAGES: :[[@LINE-1]]:21: warning: 'braces' returns
// CHECK-FIXES: BracesResult braces(int width, int height) { return {width, height}; }

std::pair<int, int> constructor(int low, int high) { return std::pair<int, int>(low, high); }
// CHECK-MESSAGES: :[[@LINE-1]]:21: warning: 'constructor' returns
// CHECK-FIXES: ConstructorResult constructor(int low, int high) { return {low, high}; }

std::tuple<int, char, double> tuple_ctad(int count, char grade, double weight) {
  // CHECK-MESSAGES: :[[@LINE-1]]:31: warning: 'tuple_ctad' returns 'std::tuple<int, char, double>'
  return std::tuple{count, grade, weight};
}
// CHECK-FIXES: struct TupleCtadResult {
// CHECK-FIXES-NEXT:   int count;
// CHECK-FIXES-NEXT:   char grade;
// CHECK-FIXES-NEXT:   double weight;
// CHECK-FIXES-NEXT: };
// CHECK-FIXES: TupleCtadResult tuple_ctad(int count, char grade, double weight) {
// CHECK-FIXES: return {count, grade, weight};

std::tuple<int, int, int> make_tuple_form(int row, int col, int depth) {
  // CHECK-MESSAGES: :[[@LINE-1]]:27: warning: 'make_tuple_form' returns
  if (row < 0)
    return {};
  return std::make_tuple(row, col, depth);
}
// CHECK-FIXES: MakeTupleFormResult make_tuple_form(int row, int col, int depth) {
// CHECK-FIXES: if (row < 0)
// CHECK-FIXES-NEXT:     return {};
// CHECK-FIXES-NEXT:   return {row, col, depth};

// Through an alias: the alias stays, the function stops using it.
using Interval = std::pair<long, long>;
Interval interval(long from, long to) { return {from, to}; }
// CHECK-MESSAGES: :[[@LINE-1]]:10: warning: 'interval' returns 'Interval' (aka '{{(std::)?}}pair<long, long>')
// CHECK-FIXES: using Interval = std::pair<long, long>;
// CHECK-FIXES-NEXT: struct IntervalResult {
// CHECK-FIXES-NEXT:   long from;
// CHECK-FIXES-NEXT:   long to;
// CHECK-FIXES-NEXT: };
// CHECK-FIXES: IntervalResult interval(long from, long to) { return {from, to}; }

// A deduced return type names the struct instead of `auto`.
auto deduced(int quotient, int remainder) { return std::make_pair(quotient, remainder); }
// CHECK-MESSAGES: :[[@LINE-1]]:6: warning: 'deduced' returns 'std::pair<int, int>'
// CHECK-FIXES: DeducedResult deduced(int quotient, int remainder) { return {quotient, remainder}; }

// A trailing return type is replaced where it is written.
auto trailing(int first_seen, int last_seen) -> std::pair<int, int> { return {first_seen, last_seen}; }
// CHECK-MESSAGES: :[[@LINE-1]]:6: warning: 'trailing' returns
// CHECK-FIXES: auto trailing(int first_seen, int last_seen) -> TrailingResult { return {first_seen, last_seen}; }

// A local of the function's own return type becomes the struct too; its
// element writes name the fields, and its default initialisation stays a
// value initialisation.
std::pair<bool, long> divide(long total, long parts) {
  // CHECK-MESSAGES: :[[@LINE-1]]:23: warning: 'divide' returns
  std::pair<bool, long> result;
  if (parts == 0)
    return result;
  bool ok = true;
  long quotient = total / parts;
  result.first = ok;
  result.second = quotient;
  return result;
}
// CHECK-FIXES: DivideResult divide(long total, long parts) {
// CHECK-FIXES: DivideResult result{};
// CHECK-FIXES: result.ok = ok;
// CHECK-FIXES-NEXT: result.quotient = quotient;

// The pair's constructor converts its elements; braces would reject a
// narrowing conversion, so the rewrite spells it out. Widening and constants
// that fit need nothing.
std::pair<short, bool> narrowing(long count, int *pointer) {
  // CHECK-MESSAGES: :[[@LINE-1]]:24: warning: 'narrowing' returns
  return std::make_pair(count, pointer);
}
// CHECK-FIXES: return {static_cast<short>(count), static_cast<bool>(pointer)};
std::pair<long, double> widening(int count, float ratio) {
  // CHECK-MESSAGES: :[[@LINE-1]]:25: warning: 'widening' returns
  if (count < 0)
    return std::make_pair(0, 1.5f);
  return std::make_pair(count, ratio);
}
// CHECK-FIXES: return {0, 1.5f};
// CHECK-FIXES: return {count, ratio};
std::pair<char, unsigned> constants(int byte, int bits) {
  // CHECK-MESSAGES: :[[@LINE-1]]:27: warning: 'constants' returns
  if (byte < 0)
    return {'a', 7};
  return std::make_pair(static_cast<char>(byte), static_cast<unsigned>(bits));
}
// CHECK-FIXES: return {'a', 7};

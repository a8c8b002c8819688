// RUN: %check_structify %s structify-tuple-return %t -- -- -std=c++17 %mock_std
// RUN: %check_structify %s structify-tuple-return %t -- -- -std=c++20 %mock_std

#include <tuple>

// A member function gets a nested struct, declared before it in the same
// access section; an out-of-line definition names it through the class.
class Grid {
public:
  std::pair<int, int> size() const;
  // CHECK-MESSAGES: :[[@LINE-1]]:23: warning: 'size' returns 'std::pair<int, int>'
  static std::tuple<int, int, int> cell(int index) {
    // CHECK-MESSAGES: :[[@LINE-1]]:36: warning: 'cell' returns
    int row = index / 3, col = index % 3, value = index * index;
    return std::make_tuple(row, col, value);
  }

private:
  int m_rows = 3;
  int cols_ = 4;
};
std::pair<int, int> Grid::size() const { return {m_rows, cols_}; }
// CHECK-FIXES: class Grid {
// CHECK-FIXES-NEXT: public:
// CHECK-FIXES-NEXT:   struct SizeResult {
// CHECK-FIXES-NEXT:     int rows;
// CHECK-FIXES-NEXT:     int cols;
// CHECK-FIXES-NEXT:   };
// CHECK-FIXES-EMPTY:
// CHECK-FIXES-NEXT:   SizeResult size() const;
// CHECK-FIXES:   struct CellResult {
// CHECK-FIXES-NEXT:     int row;
// CHECK-FIXES-NEXT:     int col;
// CHECK-FIXES-NEXT:     int value;
// CHECK-FIXES-NEXT:   };
// CHECK-FIXES-EMPTY:
// The comment right above the declaration stays with it.
// CHECK-FIXES-NEXT:   //
// CHECK-FIXES-NEXT:   static CellResult cell(int index) {
// CHECK-FIXES: return {row, col, value};
// CHECK-FIXES: Grid::SizeResult Grid::size() const { return {m_rows, cols_}; }

// In a namespace, out-of-line with a qualified name.
namespace geo {
std::pair<double, double> centroid(double x, double y);
// CHECK-MESSAGES: :[[@LINE-1]]:27: warning: 'centroid' returns
}
std::pair<double, double> geo::centroid(double x, double y) {
  double cx = x / 2, cy = y / 2;
  return {cx, cy};
}
// CHECK-FIXES: namespace geo {
// CHECK-FIXES-NEXT: struct CentroidResult {
// CHECK-FIXES-NEXT:   double cx;
// CHECK-FIXES-NEXT:   double cy;
// CHECK-FIXES-NEXT: };
// CHECK-FIXES: CentroidResult centroid(double x, double y);
// CHECK-FIXES: geo::CentroidResult geo::centroid(double x, double y) {

// A function template whose elements depend on its parameter returns a class
// template; each declaration spells the argument with its own parameter name.
template <class T> std::pair<T, T> ordered(T a, T b);
// CHECK-MESSAGES: :[[@LINE-1]]:36: warning: 'ordered' returns 'std::pair<T, T>'
template <class U> std::pair<U, U> ordered(U a, U b) {
  U smaller = a < b ? a : b, larger = a < b ? b : a;
  return std::make_pair(smaller, larger);
}
// CHECK-FIXES: template <class T>
// CHECK-FIXES-NEXT: struct OrderedResult {
// CHECK-FIXES-NEXT:   T smaller;
// CHECK-FIXES-NEXT:   T larger;
// CHECK-FIXES-NEXT: };
// CHECK-FIXES-EMPTY:
// CHECK-FIXES-NEXT: // A function template whose elements depend on its parameter returns a class
// CHECK-FIXES-NEXT: // template; each declaration spells the argument with its own parameter name.
// CHECK-FIXES-NEXT: template <class T> OrderedResult<T> ordered(T a, T b);
// CHECK-FIXES: template <class U> OrderedResult<U> ordered(U a, U b) {
// CHECK-FIXES: return {smaller, larger};

// A template whose elements do not depend on the parameters needs no
// template struct.
template <class It> std::pair<int, bool> count_until(It begin, It end, int stop) {
  // CHECK-MESSAGES: :[[@LINE-1]]:42: warning: 'count_until' returns
  int count = 0;
  bool found = false;
  for (It i = begin; i != end && !found; ++i, ++count)
    found = *i == stop;
  return {count, found};
}
// CHECK-FIXES: struct CountUntilResult {
// CHECK-FIXES-NEXT:   int count;
// CHECK-FIXES-NEXT:   bool found;
// CHECK-FIXES-NEXT: };
// CHECK-FIXES: template <class It> CountUntilResult count_until(It begin, It end, int stop) {

// A class template's member gets a nested struct that uses the class's
// parameter; the out-of-line definition needs `typename`.
template <class T> struct Box {
  T lo, hi;
  std::pair<T, T> get() const;
  // CHECK-MESSAGES: :[[@LINE-1]]:19: warning: 'get' returns 'std::pair<T, T>'
};
template <class T> std::pair<T, T> Box<T>::get() const { return {lo, hi}; }
// CHECK-FIXES: template <class T> struct Box {
// CHECK-FIXES-NEXT:   T lo, hi;
// CHECK-FIXES-NEXT:   struct GetResult {
// CHECK-FIXES-NEXT:     T lo;
// CHECK-FIXES-NEXT:     T hi;
// CHECK-FIXES-NEXT:   };
// CHECK-FIXES-EMPTY:
// CHECK-FIXES-NEXT:   GetResult get() const;
// CHECK-FIXES: template <class T> typename Box<T>::GetResult Box<T>::get() const { return {lo, hi}; }

int use() {
  Grid g;
  auto s = g.size();
  auto c = Grid::cell(4);
  auto m = geo::centroid(1, 2);
  auto o = ordered(2, 1);
  int values[] = {1, 2, 3};
  auto found = count_until(values, values + 3, 2);
  Box<int> box{1, 2};
  return s.first + std::get<2>(c) + int(m.second) + o.first + found.first +
         box.get().second;
}
// CHECK-FIXES: return s.rows + c.value + int(m.cy) + o.smaller + found.count +
// CHECK-FIXES-NEXT: box.get().hi;

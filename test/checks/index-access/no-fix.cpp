// RUN: %check_structify --check-suffix=17 %s structify-index-access %t -- -- -std=c++17 %mock_std
// RUN: %check_structify --check-suffix=20 %s structify-index-access %t -- -- -std=c++20 %mock_std

#include <tuple>

std::pair<int, int> measure(int n);
void draw(int width, int height);
int consume(std::pair<int, int> p);

// Each variable is reported once, with a note at each positional read, and a
// note that says why there is no fix.

// A variable that cannot become the binding (assigned as a whole, passed on
// as a whole) gets a binding that refers to it, right before the reads.
void modified() {
  auto size = measure(1);
  size = measure(2);
  draw(size.first, size.second);
}
// CHECK-NOTES-17: :[[@LINE-4]]:8: warning: the elements of 'size' are read by position; name them with a structured binding [structify-index-access]
// CHECK-NOTES-17: :[[@LINE-3]]:8: note: element 0 is read by position here
// CHECK-NOTES-17: :[[@LINE-4]]:20: note: element 1 is read by position here
// CHECK-NOTES-20: :[[@LINE-7]]:8: warning: the elements of 'size' are read by position; name them with a structured binding [structify-index-access]
// CHECK-NOTES-20: :[[@LINE-6]]:8: note: element 0 is read by position here
// CHECK-NOTES-20: :[[@LINE-7]]:20: note: element 1 is read by position here
// CHECK-FIXES-17: size = measure(2);
// CHECK-FIXES-17-NEXT: auto &[width, height] = size;
// CHECK-FIXES-17-NEXT: draw(width, height);
// CHECK-FIXES-20: size = measure(2);
// CHECK-FIXES-20-NEXT: auto &[width, height] = size;
// CHECK-FIXES-20-NEXT: draw(width, height);

void passed_on() {
  auto size = measure(1);
  draw(size.first, size.second);
  consume(size);
}
// CHECK-NOTES-17: :[[@LINE-4]]:8: warning: the elements of 'size' are read by position; name them with a structured binding [structify-index-access]
// CHECK-NOTES-17: :[[@LINE-4]]:8: note: element 0 is read by position here
// CHECK-NOTES-17: :[[@LINE-5]]:20: note: element 1 is read by position here
// CHECK-NOTES-20: :[[@LINE-7]]:8: warning: the elements of 'size' are read by position; name them with a structured binding [structify-index-access]
// CHECK-NOTES-20: :[[@LINE-7]]:8: note: element 0 is read by position here
// CHECK-NOTES-20: :[[@LINE-8]]:20: note: element 1 is read by position here
// CHECK-FIXES-17: auto size = measure(1);
// CHECK-FIXES-17-NEXT: auto &[width, height] = size;
// CHECK-FIXES-17-NEXT: draw(width, height);
// CHECK-FIXES-17-NEXT: consume(size);
// CHECK-FIXES-20: auto size = measure(1);
// CHECK-FIXES-20-NEXT: auto &[width, height] = size;
// CHECK-FIXES-20-NEXT: draw(width, height);
// CHECK-FIXES-20-NEXT: consume(size);

// Before C++20 a lambda cannot capture a structured binding: the binding goes
// inside the lambda. From C++20 the capture names each binding.
void captured() {
  auto size = measure(1);
  auto show = [size] { draw(size.first, size.second); };
  show();
}
// CHECK-NOTES-17: :[[@LINE-4]]:8: warning: the elements of 'size' are read by position; name them with a structured binding [structify-index-access]
// CHECK-NOTES-17: :[[@LINE-4]]:29: note: element 0 is read by position here
// CHECK-NOTES-17: :[[@LINE-5]]:41: note: element 1 is read by position here
// CHECK-NOTES-20: :[[@LINE-7]]:8: warning: the elements of 'size' are read by position; name them with a structured binding [structify-index-access]
// CHECK-NOTES-20: :[[@LINE-7]]:29: note: element 0 is read by position here
// CHECK-NOTES-20: :[[@LINE-8]]:41: note: element 1 is read by position here
// CHECK-FIXES-17: auto show = [size] { const auto &[width, height] = size; draw(width, height); };
// CHECK-FIXES-20: auto [width, height] = measure(1);
// CHECK-FIXES-20-NEXT: auto show = [width, height] { draw(width, height); };

// A variable that converts its initialiser cannot become the binding; one
// that refers to it can, and the parameters name the elements through the
// conversions the code spells out.
void converted() {
  std::pair<long, long> wide = measure(1);
  draw(int(wide.first), int(wide.second));
}
// CHECK-NOTES-17: :[[@LINE-3]]:25: warning: the elements of 'wide' are read by position; name them with a structured binding [structify-index-access]
// CHECK-NOTES-17: :[[@LINE-3]]:12: note: element 0 is read by position here
// CHECK-NOTES-17: :[[@LINE-4]]:29: note: element 1 is read by position here
// CHECK-NOTES-20: :[[@LINE-6]]:25: warning: the elements of 'wide' are read by position; name them with a structured binding [structify-index-access]
// CHECK-NOTES-20: :[[@LINE-6]]:12: note: element 0 is read by position here
// CHECK-NOTES-20: :[[@LINE-7]]:29: note: element 1 is read by position here
// CHECK-FIXES-17: std::pair<long, long> wide = measure(1);
// CHECK-FIXES-17-NEXT: auto &[width, height] = wide;
// CHECK-FIXES-17-NEXT: draw(int(width), int(height));
// CHECK-FIXES-20: std::pair<long, long> wide = measure(1);
// CHECK-FIXES-20-NEXT: auto &[width, height] = wide;
// CHECK-FIXES-20-NEXT: draw(int(width), int(height));

void together() {
  auto a = measure(1), b = measure(2);
  draw(a.first, b.second);
}
// CHECK-NOTES-17: :[[@LINE-3]]:8: warning: the elements of 'a' are read by position; name them with a structured binding [structify-index-access]
// CHECK-NOTES-17: :[[@LINE-3]]:8: note: element 0 is read by position here
// CHECK-NOTES-17: :[[@LINE-5]]:8: note: no fix: nothing in the code names element 1 ('int'); store it in a named variable, or write the binding yourself
// CHECK-NOTES-17: :[[@LINE-6]]:24: warning: the elements of 'b' are read by position; name them with a structured binding [structify-index-access]
// CHECK-NOTES-17: :[[@LINE-6]]:17: note: element 1 is read by position here
// CHECK-NOTES-17: :[[@LINE-8]]:24: note: no fix: nothing in the code names element 0 ('int'); store it in a named variable, or write the binding yourself
// CHECK-NOTES-20: :[[@LINE-9]]:8: warning: the elements of 'a' are read by position; name them with a structured binding [structify-index-access]
// CHECK-NOTES-20: :[[@LINE-9]]:8: note: element 0 is read by position here
// CHECK-NOTES-20: :[[@LINE-11]]:8: note: no fix: nothing in the code names element 1 ('int'); store it in a named variable, or write the binding yourself
// CHECK-NOTES-20: :[[@LINE-12]]:24: warning: the elements of 'b' are read by position; name them with a structured binding [structify-index-access]
// CHECK-NOTES-20: :[[@LINE-12]]:17: note: element 1 is read by position here
// CHECK-NOTES-20: :[[@LINE-14]]:24: note: no fix: nothing in the code names element 0 ('int'); store it in a named variable, or write the binding yourself

// A name already in scope would clash or be shadowed.
void clash() {
  int width = 0;
  auto size = measure(1);
  draw(size.first + width, size.second);
  draw(size.first, 0);
}
// CHECK-NOTES-17: :[[@LINE-4]]:8: warning: the elements of 'size' are read by position; name them with a structured binding [structify-index-access]
// CHECK-NOTES-17: :[[@LINE-4]]:8: note: element 0 is read by position here
// CHECK-NOTES-17: :[[@LINE-5]]:28: note: element 1 is read by position here
// CHECK-NOTES-17: :[[@LINE-5]]:8: note: element 0 is read by position here
// CHECK-NOTES-17: :[[@LINE-8]]:8: note: no fix: every name for element 0 ('width') is taken here; write the binding yourself with another name
// CHECK-NOTES-20: :[[@LINE-9]]:8: warning: the elements of 'size'
// CHECK-NOTES-20: :[[@LINE-9]]:8: note: element 0 is read by position here
// CHECK-NOTES-20: :[[@LINE-10]]:28: note: element 1 is read by position here
// CHECK-NOTES-20: :[[@LINE-10]]:8: note: element 0 is read by position here
// CHECK-NOTES-20: :[[@LINE-13]]:8: note: no fix: every name for element 0 ('width') is taken here; write the binding yourself with another name

// An element read inside a macro's own text cannot be renamed.
#define DRAW_WIDTH(p) draw(p.first, 0)
void macro() {
  auto size = measure(1);
  DRAW_WIDTH(size);
  draw(0, size.second);
}
// CHECK-NOTES-17: :[[@LINE-4]]:8: warning: the elements of 'size'
// CHECK-NOTES-17: :[[@LINE-4]]:14: note: element 0 is read by position here
// CHECK-NOTES-17: :[[@LINE-4]]:11: note: element 1 is read by position here
// CHECK-NOTES-17: :[[@LINE-6]]:14: note: no fix: the element is read in a macro expansion
// CHECK-NOTES-20: :[[@LINE-8]]:8: warning: the elements of 'size'
// CHECK-NOTES-20: :[[@LINE-8]]:14: note: element 0 is read by position here
// CHECK-NOTES-20: :[[@LINE-8]]:11: note: element 1 is read by position here
// CHECK-NOTES-20: :[[@LINE-10]]:14: note: no fix: the element is read in a macro expansion

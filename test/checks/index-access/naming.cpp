// RUN: %check_structify %s structify-index-access %t -- -- -std=c++17

// Where the names of a binding come from, one source per function. Each fixed
// file is compiled (check_test.py), so a collision would fail the test.

#include <deque>
#include <map>
#include <string>
#include <utility>

namespace udp {
struct endpoint { int port; };
}
struct entry { int tries; };
struct Config { int port; int tries; };
void resend(int port, int tries);
void touch(int);

// The element types' own names: `udp::endpoint` -> endpoint, `entry`.
void element_types(const std::deque<std::pair<udp::endpoint, entry>> &sent_packets) {
  for (auto const &p : sent_packets)
    touch(p.first.port + p.second.tries);
  // CHECK-MESSAGES: :[[@LINE-2]]:20: warning: the elements of 'p' are read by position; name them with a structured binding [structify-index-access]
  // CHECK-FIXES: for (const auto &[endpoint, entry] : sent_packets)
  // CHECK-FIXES-NEXT: touch(endpoint.port + entry.tries);
}

// The function that produced the value: `bounds` -> lo, hi.
std::pair<int, int> bounds(int n);
void producer() {
  auto b = bounds(4);
  touch(b.first);
  touch(b.second);
  // CHECK-MESSAGES: :[[@LINE-3]]:8: warning: the elements of 'b' are read by position
  // CHECK-FIXES: auto [lo, hi] = bounds(4);
  // CHECK-FIXES-NEXT: touch(lo);
  // CHECK-FIXES-NEXT: touch(hi);
}

// The fields an element is assigned to and compared with.
std::pair<int, int> settings();
bool fields(Config &c) {
  auto s = settings();
  c.port = s.first;
  return s.second == c.tries;
  // CHECK-MESSAGES: :[[@LINE-3]]:8: warning: the elements of 's' are read by position
  // CHECK-FIXES: auto [port, tries] = settings();
  // CHECK-FIXES-NEXT: c.port = port;
  // CHECK-FIXES-NEXT: return tries == c.tries;
}

// The parameters the elements are passed to.
std::pair<int, int> stats();
void parameters() {
  auto s = stats();
  resend(s.first, s.second);
  // CHECK-MESSAGES: :[[@LINE-2]]:8: warning: the elements of 's' are read by position
  // CHECK-FIXES: auto [port, tries] = stats();
}

// A map's entries: key and value, or the type's own name for a side that has
// one; a container named for what it maps: its two sides.
void map_entries(const std::map<std::string, int> &counts,
                 const std::deque<std::pair<int, int>> &name_to_id) {
  for (const auto &c : counts)
    touch(int(c.first.size()) + c.second);
  // CHECK-MESSAGES: :[[@LINE-2]]:20: warning: the elements of 'c' are read by position
  // CHECK-FIXES: for (const auto &[key, value] : counts)
  for (const auto &e : name_to_id)
    touch(e.first + e.second);
  // CHECK-MESSAGES: :[[@LINE-2]]:20: warning: the elements of 'e' are read by position
  // CHECK-FIXES: for (const auto &[name, id] : name_to_id)
  // CHECK-FIXES-NEXT: touch(name + id);
}
struct Session { int id; };
void map_values(const std::map<std::string, Session> &by_name) {
  for (const auto &s : by_name)
    touch(int(s.first.size()) + s.second.id);
  // CHECK-MESSAGES: :[[@LINE-2]]:20: warning: the elements of 's' are read by position
  // CHECK-FIXES: for (const auto &[key, session] : by_name)
  // CHECK-FIXES-NEXT: touch(int(key.size()) + session.id);
}

// Two values of one type in one function: the second binding's names are
// told apart from the first's (the fixed file compiles).
void collisions(const std::deque<std::pair<udp::endpoint, entry>> &a) {
  auto x = a.front();
  auto y = a.back();
  touch(x.first.port + x.second.tries);
  touch(y.first.port + y.second.tries);
  // CHECK-MESSAGES: :[[@LINE-4]]:8: warning: the elements of 'x' are read by position
  // CHECK-MESSAGES: :[[@LINE-4]]:8: warning: the elements of 'y' are read by position
  // CHECK-FIXES: auto [endpoint, entry] = a.front();
  // CHECK-FIXES-NEXT: auto [y_endpoint, y_entry] = a.back();
}

// Never a meaningless name: a parameter called `tmp` or `arg` says nothing,
// and `int` has no name of its own: no fix, and a note that says which
// element needs a name.
void sink(int tmp, int arg);
std::pair<int, int> values();
void meaningless() {
  auto v = values();
  sink(v.first, v.second);
  // CHECK-MESSAGES: :[[@LINE-2]]:8: warning: the elements of 'v' are read by position
  // CHECK-FIXES: auto v = values();
}

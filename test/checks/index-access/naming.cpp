// RUN: %check_structify %s structify-index-access %t -- -- -std=c++17

// Where the names of a binding come from, one source per function. Each fixed
// file is compiled (check_test.py), so a collision would fail the test.

#include <deque>
#include <map>
#include <string>
#include <tuple>
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

// A comment after the only positional read of its line names the element;
// a conversion the code spells out still passes the parameter's name on.
void put_level(int level_arg);
void put_number(long number);
void commented(const std::deque<std::pair<int, long>> &files) {
  for (const auto &f : files) {
    put_level(f.first);  // level
    put_number(f.second); // file number
  }
  // CHECK-MESSAGES: :[[@LINE-4]]:20: warning: the elements of 'f' are read by position
  // CHECK-FIXES: for (const auto &[level, file_number] : files) {
  // CHECK-FIXES-NEXT: put_level(level);  // level
  // CHECK-FIXES-NEXT: put_number(file_number); // file number
  for (const auto &g : files)
    resend(int(g.first), static_cast<int>(g.second));
  // CHECK-MESSAGES: :[[@LINE-2]]:20: warning: the elements of 'g' are read by position
  // CHECK-FIXES: for (const auto &[port, tries] : files)
  // CHECK-FIXES-NEXT: resend(int(port), static_cast<int>(tries));
}

// What the code stores in the container: the names of the values it puts
// there (`push_back(std::make_pair(level, f))`, `emplace(name, id)`,
// `m[name] = id`), from the class's own code.
struct Meta { int size; };
class Edit {
public:
  void add(int level, const Meta &meta) { new_files_.push_back(std::make_pair(level, meta)); }
  void remember(int row, long offset) { rows_.emplace_back(row, offset); }
  void alias(const std::string &alias, int id) { ids_[alias] = id; }
  int total() const;

private:
  std::deque<std::pair<int, Meta>> new_files_;
  std::deque<std::pair<int, long>> rows_;
  std::map<std::string, int> ids_;
};
int Edit::total() const {
  int sum = 0;
  for (size_t i = 0; i < new_files_.size(); i++) {
    sum += new_files_[i].first + new_files_[i].second.size;
    // CHECK-MESSAGES: :[[@LINE-1]]:26: warning: the elements of 'new_files_[i]' are read by position
    // CHECK-FIXES: for (size_t i = 0; i < new_files_.size(); i++) {
    // CHECK-FIXES-NEXT: const auto &[level, meta] = new_files_[i];
    // CHECK-FIXES-NEXT: sum += level + meta.size;
  }
  for (const auto &r : rows_)
    sum += r.first + int(r.second);
  // CHECK-MESSAGES: :[[@LINE-2]]:20: warning: the elements of 'r' are read by position
  // CHECK-FIXES: for (const auto &[row, offset] : rows_)
  for (const auto &a : ids_)
    sum += int(a.first.size()) + a.second;
  // CHECK-MESSAGES: :[[@LINE-2]]:20: warning: the elements of 'a' are read by position
  // CHECK-FIXES: for (const auto &[alias, id] : ids_)
  return sum;
}

// Names a binding takes in one loop are free again in the next: the two
// bindings never see each other.
void sibling_loops(const std::deque<std::pair<udp::endpoint, entry>> &a,
                   const std::deque<std::pair<udp::endpoint, entry>> &b) {
  for (const auto &x : a)
    touch(x.first.port + x.second.tries);
  // CHECK-MESSAGES: :[[@LINE-2]]:20: warning: the elements of 'x' are read by position
  // CHECK-FIXES: for (const auto &[endpoint, entry] : a)
  for (const auto &y : b)
    touch(y.first.port + y.second.tries);
  // CHECK-MESSAGES: :[[@LINE-2]]:20: warning: the elements of 'y' are read by position
  // CHECK-FIXES: for (const auto &[endpoint, entry] : b)
}

// What the function declares or names after the loop, outside it, is not
// where the binding is visible: the names are free. What it declares before
// the loop, around it, is: a binding would shadow it.
void after_the_loop(const std::deque<std::pair<udp::endpoint, entry>> &d) {
  for (const auto &p : d)
    touch(p.first.port + p.second.tries);
  // CHECK-MESSAGES: :[[@LINE-2]]:20: warning: the elements of 'p' are read by position
  // CHECK-FIXES: for (const auto &[endpoint, entry] : d)
  udp::endpoint endpoint{};
  entry e{};
  touch(endpoint.port + e.tries);
}
void before_the_loop(const std::deque<std::pair<udp::endpoint, entry>> &d) {
  int endpoint = 0;
  for (const auto &p : d)
    touch(p.first.port + p.second.tries);
  // CHECK-MESSAGES: :[[@LINE-2]]:20: warning: the elements of 'p' are read by position
  // No fix: the note says 'endpoint' is taken.
  // CHECK-FIXES: for (const auto &p : d)
  touch(endpoint);
}

// Never a number: a binding inside another that wants the same names, with a
// holder whose name says nothing (`q`), gets no fix rather than `endpoint2`.
void nested_same(const std::deque<std::pair<udp::endpoint, entry>> &a) {
  for (const auto &p : a)
    for (const auto &q : a)
      touch(p.first.port + q.first.port + p.second.tries + q.second.tries);
  // CHECK-MESSAGES: :[[@LINE-3]]:20: warning: the elements of 'p' are read by position
  // CHECK-MESSAGES: :[[@LINE-3]]:22: warning: the elements of 'q' are read by position
  // CHECK-FIXES: for (const auto &[endpoint, entry] : a)
  // CHECK-FIXES-NEXT: for (const auto &q : a)
  // CHECK-FIXES-NEXT: touch(endpoint.port + q.first.port + entry.tries + q.second.tries);
}

// Different names stored in one container that end in the same word agree on
// that word: `logger_name` and `default_logger_name` are names.
class Registry {
public:
  void add(const std::string &logger_name, int new_logger) { loggers_[logger_name] = new_logger; }
  void set_default(const std::string &default_logger_name, int default_logger) {
    loggers_[default_logger_name] = default_logger;
  }
  int count() const {
    int n = 0;
    for (const auto &l : loggers_)
      n += int(l.first.size()) + l.second;
    // CHECK-MESSAGES: :[[@LINE-2]]:22: warning: the elements of 'l' are read by position
    // CHECK-FIXES: for (const auto &[name, logger] : loggers_)
    return n;
  }

private:
  std::map<std::string, int> loggers_;
};

// What the producing function's definition calls the elements: what it
// returns (`std::make_pair(port, ok)`), what it adds into the tuple it
// returns (`std::get<0>(ret) += payload`).
std::tuple<int, int, bool> feed(int payload, int protocol, bool error) {
  std::tuple<int, int, bool> ret(0, 0, false);
  // CHECK-MESSAGES: :[[@LINE-1]]:30: warning: the elements of 'ret' are read by position
  std::get<0>(ret) += payload;
  std::get<1>(ret) += protocol;
  std::get<2>(ret) |= error;
  return ret;
}
std::pair<int, bool> read_port(int port, bool ok) { return std::make_pair(port, ok); }
void producer_definition() {
  auto const received = feed(1, 2, false);
  touch(std::get<0>(received) + std::get<1>(received) + std::get<2>(received));
  // CHECK-MESSAGES: :[[@LINE-2]]:14: warning: the elements of 'received' are read by position
  // CHECK-FIXES: const auto [payload, protocol, error] = feed(1, 2, false);
  auto p = read_port(1, true);
  touch(p.first + p.second);
  // CHECK-MESSAGES: :[[@LINE-2]]:8: warning: the elements of 'p' are read by position
  // CHECK-FIXES: auto [port, ok] = read_port(1, true);
}

// Locals declared inside the binding's own scope are taken: the binding may
// not take `chunk_start` while the loop body declares one of its own (the
// fixed file would not compile). Here they are not adopted either (the
// elements are read again after them), so there is no fix.
void chunk_loop(const std::deque<std::pair<long, long>> &chunks) {
  for (auto const &i : chunks) {
    auto const chunk_start = i.first;
    auto const chunk_end = i.second;
    touch(int(chunk_end - chunk_start + (i.second - i.first)));
  }
  // CHECK-MESSAGES: :[[@LINE-5]]:20: warning: the elements of 'i' are read by position
  // CHECK-FIXES: for (auto const &i : chunks) {
  // CHECK-FIXES-NEXT: auto const chunk_start = i.first;
}

// A name a macro writes is not the code's: a test macro's `auto const y_ = y;`
// does not name element 1 (the note used to say "the declaration of 'y_' is
// in a macro expansion", and there was no fix), nor do the parameters of the
// helper a macro calls (`lhs`). The reads in the macros' arguments are
// rewritten like any other.
bool equal_values(long lhs, long rhs);
#define CHECK_EQUAL(x, y) \
  do { auto const x_ = (x); auto const y_ = (y); if (!equal_values(x_, y_)) touch(0); } while (false)
#define CHECK_SAME(x, y) do { if (!equal_values((x), (y))) touch(0); } while (false)
int blocks_in_piece(int piece);
void add_file(int file_size);
void macro_names(const std::map<int, long> &piece_sizes) {
  for (auto t : piece_sizes) {
    add_file(t.first);
    CHECK_EQUAL(blocks_in_piece(0), t.second);
    CHECK_SAME(t.second, 2);
  }
  // CHECK-MESSAGES: :[[@LINE-5]]:13: warning: the elements of 't' are read by position
  // CHECK-FIXES: for (auto [key, value] : piece_sizes) {
  // CHECK-FIXES-NEXT: add_file(key);
  // CHECK-FIXES-NEXT: CHECK_EQUAL(blocks_in_piece(0), value);
  // CHECK-FIXES-NEXT: CHECK_SAME(value, 2);
}
void macro_parameters(const std::deque<std::pair<int, long>> &piece_sizes) {
  for (auto t : piece_sizes) {
    add_file(t.first);
    CHECK_SAME(t.second, 2);
  }
  // CHECK-MESSAGES: :[[@LINE-4]]:13: warning: the elements of 't' are read by position
  // CHECK-FIXES: for (auto t : piece_sizes) {
}

// What the code compares an element with still names it when a macro writes
// the comparison: the name is in the macro's argument.
#define CHECK_EQ(x, y) do { if ((x) != (y)) touch(0); } while (false)
struct Piece { long blocks; };
void macro_compared(const std::deque<std::pair<int, long>> &piece_sizes, const Piece &piece) {
  for (auto t : piece_sizes) {
    add_file(t.first);
    CHECK_EQ(piece.blocks, t.second);
  }
  // CHECK-MESSAGES: :[[@LINE-4]]:13: warning: the elements of 't' are read by position
  // CHECK-FIXES: for (auto [file_size, blocks] : piece_sizes) {
  // CHECK-FIXES-NEXT: add_file(file_size);
  // CHECK-FIXES-NEXT: CHECK_EQ(piece.blocks, blocks);
}

// The key and the value of a map's try_emplace, insert_or_assign and emplace,
// whatever the library calls its parameters (a map is a class that names a
// mapped_type, in a base too). A pair initialised from a braced list stays:
// `auto [key, value] = {5, "five"}` deduces no pair; a binding refers to it.
template <class K, class V> struct MapBase { using mapped_type = V; };
template <class K, class V> struct OwnMap : MapBase<K, V> {
  int try_emplace(int hint, const K &k, const V &v) { return hint + int(sizeof(k) + sizeof(v)); }
};
void std_map_arguments(std::map<int, std::string> &m) {
  std::pair<int, std::string> entry = {5, "five"};
  m.try_emplace(entry.first, entry.second);
  // CHECK-MESSAGES: :[[@LINE-2]]:31: warning: the elements of 'entry' are read by position
  // CHECK-FIXES: std::pair<int, std::string> entry = {5, "five"};
  // CHECK-FIXES-NEXT: auto &[key, value] = entry;
  // CHECK-FIXES-NEXT: m.try_emplace(key, value);
}
std::pair<int, long> make_cell();
int own_map_arguments(OwnMap<int, long> &own) {
  const std::pair<int, long> cell = make_cell();
  return own.try_emplace(0, cell.first, cell.second);
  // CHECK-MESSAGES: :[[@LINE-2]]:30: warning: the elements of 'cell' are read by position
  // CHECK-FIXES: const auto [key, value] = make_cell();
  // CHECK-FIXES-NEXT: return own.try_emplace(0, key, value);
}

// A row of a test table: the element a GoogleTest assertion checks a
// computed value against is what is expected; the other one of a pair, when
// nothing else names it, what goes in. An element checked against a literal
// or a variable is no expected value.
namespace testing {
namespace internal {
struct EqHelper {
  template <class A, class B>
  static bool Compare(const char *, const char *, const A &a, const B &b) { return a == b; }
};
} // namespace internal
} // namespace testing
#define EXPECT_EQ(a, b) ::testing::internal::EqHelper::Compare(#a, #b, a, b)
int square(int side) { return side * side; }
int twice(int v) { return 2 * v; }
void table_rows() {
  const std::pair<int, int> cases[] = {{1, 1}, {2, 4}};
  for (const auto &row : cases)
    EXPECT_EQ(square(row.first), row.second);
  // CHECK-MESSAGES: :[[@LINE-2]]:20: warning: the elements of 'row' are read by position
  // CHECK-FIXES: for (const auto &[side, expected] : cases)
  // CHECK-FIXES-NEXT: EXPECT_EQ(square(side), expected);
  for (const auto &doubled : cases)
    EXPECT_EQ(doubled.second, twice(doubled.first + 1));
  // CHECK-MESSAGES: :[[@LINE-2]]:20: warning: the elements of 'doubled' are read by position
  // CHECK-FIXES: for (const auto &[input, expected] : cases)
  // CHECK-FIXES-NEXT: EXPECT_EQ(expected, twice(input + 1));
  const int limit = 4;
  for (const auto &literal : cases)
    EXPECT_EQ(literal.first, 3) && EXPECT_EQ(literal.second, limit);
  // CHECK-MESSAGES: :[[@LINE-2]]:20: warning: the elements of 'literal' are read by position
  // CHECK-FIXES: for (const auto &literal : cases)
  // CHECK-FIXES-NEXT: EXPECT_EQ(literal.first, 3) && EXPECT_EQ(literal.second, limit);
  // Every element read checked against a literal: which position holds
  // which value is what the test states. Not reported.
  const std::pair<int, int> checked = cases[1];
  EXPECT_EQ(2, checked.first);
  EXPECT_EQ(-4, -checked.second);
  // CHECK-FIXES: const std::pair<int, int> checked = cases[1];
  // CHECK-FIXES-NEXT: EXPECT_EQ(2, checked.first);
}

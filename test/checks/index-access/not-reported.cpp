// What is read by position but not reported. A parameter read once by
// position in a function whose body is that one statement (a projection, a
// predicate, a comparator's key), by default: the read is the parameter's
// whole use (IgnoreProjections: false reports it). A pair whose elements the
// code reads in both orders as the operands of one operator: the positions
// are interchangeable. A constructor's parameter whose every read
// initialises a member: the member names the element where it is read.
// RUN: %check_structify --run %s structify-index-access %t -- -- -std=c++17
// RUN: %check_structify --run --check-suffix=ALL %s structify-index-access %t -- \
// RUN:   --config="{CheckOptions: {structify-index-access.IgnoreProjections: false}}" -- -std=c++17

#include <algorithm>
#include <cstdio>
#include <map>
#include <string>
#include <utility>
#include <vector>

bool FirstIsEven(std::pair<const int, int> p) { return p.first % 2 == 0; }
// CHECK-MESSAGES-ALL: :[[@LINE-1]]:44: warning: the elements of 'p' are read by position; name them with a structured binding [structify-index-access]
// CHECK-FIXES: {{^}}bool FirstIsEven(std::pair<const int, int> p) { return p.first % 2 == 0; }{{$}}
// CHECK-FIXES-ALL: {{^}}bool FirstIsEven(std::pair<const int, int> p) { auto &[key, value] = p; return key % 2 == 0; }{{$}}

int count_even(const std::map<int, int> &m) {
  return int(std::count_if(m.begin(), m.end(), FirstIsEven));
}

std::vector<std::string> keys(const std::map<std::string, int> &m) {
  std::vector<std::string> out;
  std::transform(m.begin(), m.end(), std::back_inserter(out),
                 [](const std::pair<const std::string, int> &kv) { return kv.first; });
  // CHECK-MESSAGES-ALL: :[[@LINE-1]]:62: warning: the elements of 'kv' are read by position; name them with a structured binding [structify-index-access]
  // CHECK-FIXES: {{^}}                 [](const std::pair<const std::string, int> &kv) { return kv.first; });{{$}}
  // CHECK-FIXES-ALL: {{^}}                 [](const std::pair<const std::string, int> &kv) { const auto &[key, value] = kv; return key; });{{$}}
  return out;
}

// Two reads, or a second statement: reported either way.
int spread(const std::pair<int, int> &range) { return range.second - range.first; }
// CHECK-MESSAGES: :[[@LINE-1]]:39: warning: the elements of 'range' are read by position; name them with a structured binding [structify-index-access]
// CHECK-MESSAGES-ALL: :[[@LINE-2]]:39: warning: the elements of 'range' are read by position; name them with a structured binding [structify-index-access]
// CHECK-FIXES: {{^}}int spread(const std::pair<int, int> &range) { const auto &[lo, hi] = range; return hi - lo; }{{$}}
// CHECK-FIXES-ALL: {{^}}int spread(const std::pair<int, int> &range) { const auto &[lo, hi] = range; return hi - lo; }{{$}}

int logged_count(const std::pair<std::string, int> &entry) {
  std::printf("counting\n");
  return entry.second;
}
// CHECK-MESSAGES: :[[@LINE-4]]:53: warning: the elements of 'entry' are read by position; name them with a structured binding [structify-index-access]
// CHECK-MESSAGES-ALL: :[[@LINE-5]]:53: warning: the elements of 'entry' are read by position; name them with a structured binding [structify-index-access]

// Operands checked both ways: `a + b` and `b + a`.
long sum_both_ways(const std::pair<long, long> operands[], int n) {
  long total = 0;
  for (int i = 0; i < n; ++i) {
    const std::pair<long, long> &pair = operands[i];
    total += (pair.first + pair.second) - (pair.second + pair.first);
  }
  return total;
}

// One order only: a dividend and a divisor, reported.
long quotients(const std::pair<long, long> operands[], int n) {
  long total = 0;
  for (int i = 0; i < n; ++i) {
    const std::pair<long, long> &pair = operands[i];
    // CHECK-MESSAGES: :[[@LINE-1]]:34: warning: the elements of 'pair' are read by position; name them with a structured binding [structify-index-access]
    // CHECK-MESSAGES-ALL: :[[@LINE-2]]:34: warning: the elements of 'pair' are read by position; name them with a structured binding [structify-index-access]
    total += pair.first / pair.second;
  }
  return total;
}

#include <tuple>
class Model {
public:
  explicit Model(std::tuple<double, double> p)
      : alpha_(std::get<0>(p)), beta_(std::get<1>(p)) {}
  double mean() const { return alpha_ / (alpha_ + beta_); }

private:
  double alpha_;
  double beta_;
};

// A read in the body too: reported.
class Scaled {
public:
  explicit Scaled(std::pair<double, double> p) : alpha_(p.first) {
    // CHECK-MESSAGES: :[[@LINE-1]]:45: warning: the elements of 'p' are read by position; name them with a structured binding [structify-index-access]
    // CHECK-MESSAGES-ALL: :[[@LINE-2]]:45: warning: the elements of 'p' are read by position; name them with a structured binding [structify-index-access]
    alpha_ *= p.second;
  }
  double alpha_;
};

int main() {
  const std::map<int, int> numbers{{1, 2}, {2, 3}, {4, 5}};
  const std::map<std::string, int> words{{"a", 1}, {"b", 2}};
  std::printf("%d %zu %d %d\n", count_even(numbers), keys(words).size(),
              spread({2, 7}), logged_count({"x", 3}));
  const std::pair<long, long> operands[] = {{6, 3}, {8, 2}};
  std::printf("%ld %ld\n", sum_both_ways(operands, 2), quotients(operands, 2));
  std::printf("%.2f %.2f\n", Model({1.0, 3.0}).mean(), Scaled({2.0, 4.0}).alpha_);
}

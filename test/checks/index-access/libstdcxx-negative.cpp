// RUN: %check_structify %s structify-index-access %t -- -- -std=c++17
// RUN: %check_structify %s structify-index-access %t -- -- -std=c++20

// std::get on std::array and std::variant is not tuple access; std::get<T>
// names its element; a class derived from std::pair has members of its own.
#include <array>
#include <tuple>
#include <utility>
#include <variant>

struct Range : std::pair<int, int> {
  using std::pair<int, int>::pair;
};

int not_tuples(std::array<int, 3> a, std::variant<int, float> v,
               std::tuple<int, char> t, Range r) {
  return std::get<1>(a) + std::get<0>(v) + std::get<int>(t) + r.first;
}

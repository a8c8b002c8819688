#pragma once
#include <string>
#include <utility>
#include <vector>

namespace six {

class WordStats {
public:
  explicit WordStats(std::vector<std::string> words);
  // The most frequent word and how often it occurs.
  std::pair<std::string, int> top() const;

private:
  std::vector<std::string> words_;
};

} // namespace six

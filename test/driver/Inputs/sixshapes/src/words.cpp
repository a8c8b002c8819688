#include "six/words.h"

#include <map>

namespace six {

WordStats::WordStats(std::vector<std::string> words) : words_(std::move(words)) {}

std::pair<std::string, int> WordStats::top() const {
  std::map<std::string, int> counts;
  for (const auto &word : words_)
    ++counts[word];
  std::pair<std::string, int> best{"", 0};
  for (const auto &[word, count] : counts)
    if (count > best.second)
      best = {word, count};
  return best;
}

} // namespace six

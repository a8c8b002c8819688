#include "textstats/word_counter.h"
#include "textstats/text.h"

namespace textstats {

std::pair<WordCounter::iterator, bool> WordCounter::insert(const std::string &word) {
  auto result = counts_.try_emplace(word, 0);
  ++result.first->second;
  return result;
}

void WordCounter::add_text(std::string_view text) {
  for (const std::string &word : words(text))
    insert(word);
}

int WordCounter::count(const std::string &word) const {
  const auto it = counts_.find(word);
  return it == counts_.end() ? 0 : it->second;
}

std::pair<std::string, int> WordCounter::most_common() const {
  std::string word;
  int occurrences = 0;
  // The map is sorted, so the first word with the highest count wins a tie.
  for (const auto &[candidate, n] : counts_) {
    if (n > occurrences) {
      word = candidate;
      occurrences = n;
    }
  }
  return {word, occurrences};
}

} // namespace textstats

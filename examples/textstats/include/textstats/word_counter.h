// Word frequencies.
#ifndef TEXTSTATS_WORD_COUNTER_H
#define TEXTSTATS_WORD_COUNTER_H

#include <cstddef>
#include <map>
#include <string>
#include <string_view>
#include <utility>

namespace textstats {

class WordCounter {
public:
  using map_type = std::map<std::string, int>;
  using iterator = map_type::iterator;
  using const_iterator = map_type::const_iterator;

  /// Counts one more occurrence of \p word. Like std::map::insert: where the
  /// word's entry is, and whether the word is new.
  std::pair<iterator, bool> insert(const std::string &word);
  /// Counts every word of \p text.
  void add_text(std::string_view text);

  int count(const std::string &word) const;
  std::size_t distinct() const { return counts_.size(); }
  const_iterator begin() const { return counts_.begin(); }
  const_iterator end() const { return counts_.end(); }

  /// The most frequent word and how often it occurs (the alphabetically first
  /// on a tie); {"", 0} when nothing was counted.
  std::pair<std::string, int> most_common() const;

private:
  map_type counts_;
};

} // namespace textstats

#endif

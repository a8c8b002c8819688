// Words and lines of a text.
#ifndef TEXTSTATS_TEXT_H
#define TEXTSTATS_TEXT_H

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace textstats {

/// The words of \p text, lowercased. A word is a run of letters, digits and
/// apostrophes.
std::vector<std::string> words(std::string_view text);

/// The lengths of the shortest and of the longest word; {0, 0} without words.
std::pair<std::size_t, std::size_t> word_length_bounds(std::string_view text);

/// The number of lines and their total length (newlines not counted). A last
/// line without a newline counts; an empty text has no lines.
std::pair<std::size_t, std::size_t> line_stats(std::string_view text);

/// Whether \p text starts with \p prefix, and what follows the prefix (all of
/// \p text when it does not).
std::pair<bool, std::string_view> consume_prefix(std::string_view text,
                                                 std::string_view prefix);

namespace detail {
/// The offsets [begin, end) of the first word at or after \p pos;
/// {npos, npos} when there is none. Used by words() and by the tests.
std::pair<std::size_t, std::size_t> next_word(std::string_view text,
                                              std::size_t pos);
} // namespace detail

} // namespace textstats

#endif

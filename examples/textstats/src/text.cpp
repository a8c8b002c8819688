#include "textstats/text.h"

#include <algorithm>
#include <cctype>

namespace textstats {
namespace {

bool is_word_char(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '\'';
}

} // namespace

namespace detail {

std::pair<std::size_t, std::size_t> next_word(std::string_view text,
                                              std::size_t pos) {
  std::size_t begin = pos;
  while (begin < text.size() && !is_word_char(text[begin]))
    ++begin;
  if (begin >= text.size())
    return {std::string_view::npos, std::string_view::npos};
  std::size_t end = begin;
  while (end < text.size() && is_word_char(text[end]))
    ++end;
  return {begin, end};
}

} // namespace detail

std::vector<std::string> words(std::string_view text) {
  std::vector<std::string> result;
  for (auto span = detail::next_word(text, 0); span.first != std::string_view::npos;
       span = detail::next_word(text, span.second)) {
    std::string word(text.substr(span.first, span.second - span.first));
    for (char &c : word)
      c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    result.push_back(std::move(word));
  }
  return result;
}

std::pair<std::size_t, std::size_t> word_length_bounds(std::string_view text) {
  const std::vector<std::string> all = words(text);
  if (all.empty())
    return {0, 0};
  std::size_t shortest = all.front().size();
  std::size_t longest = shortest;
  for (const std::string &word : all) {
    shortest = std::min(shortest, word.size());
    longest = std::max(longest, word.size());
  }
  return {shortest, longest};
}

std::pair<std::size_t, std::size_t> line_stats(std::string_view text) {
  std::size_t lines = 0;
  std::size_t characters = 0;
  while (!text.empty()) {
    const std::size_t newline = text.find('\n');
    ++lines;
    if (newline == std::string_view::npos) {
      characters += text.size();
      break;
    }
    characters += newline;
    text.remove_prefix(newline + 1);
  }
  return std::make_pair(lines, characters);
}

std::pair<bool, std::string_view> consume_prefix(std::string_view text,
                                                 std::string_view prefix) {
  const bool found = text.substr(0, prefix.size()) == prefix;
  const std::string_view rest = found ? text.substr(prefix.size()) : text;
  return {found, rest};
}

} // namespace textstats

// textstats [--min-length=N] [FILE...]: a summary of the files' text (of
// standard input without FILE); with --min-length, also how many words have at
// least N letters.
#include "textstats/report.h"
#include "textstats/text.h"

#include <charconv>
#include <fstream>
#include <iostream>
#include <iterator>
#include <string>
#include <tuple>

int main(int argc, char **argv) {
  std::size_t min_length = 0;
  std::string text;
  bool read_file = false;
  for (int i = 1; i < argc; ++i) {
    auto [ok, left] = textstats::consume_prefix(argv[i], "--min-length=");
    if (ok) {
      const auto parsed = std::from_chars(left.data(), left.data() + left.size(), min_length);
      if (parsed.ec != std::errc() || parsed.ptr != left.data() + left.size()) {
        std::cerr << "textstats: bad --min-length: '" << left << "'\n";
        return 2;
      }
      continue;
    }
    std::ifstream in(argv[i], std::ios::binary);
    if (!in) {
      std::cerr << "textstats: cannot read " << argv[i] << "\n";
      return 1;
    }
    text.append(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    read_file = true;
  }
  if (!read_file)
    text.assign(std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>());

  std::cout << textstats::summarize(text);
  if (min_length > 0) {
    std::size_t shortest = 0;
    std::size_t longest = 0;
    std::tie(shortest, longest) = textstats::word_length_bounds(text);
    std::size_t long_words = 0;
    if (min_length <= longest)
      for (const std::string &word : textstats::words(text))
        long_words += word.size() >= min_length ? 1 : 0;
    std::cout << "words of " << min_length << "+ letters: " << long_words << "\n";
  }
  return 0;
}

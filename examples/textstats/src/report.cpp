#include "textstats/report.h"
#include "textstats/text.h"
#include "textstats/url.h"
#include "textstats/word_counter.h"

#include <sstream>
#include <tuple>

namespace textstats {

std::string summarize(std::string_view text) {
  std::ostringstream out;

  std::size_t lines = 0;
  std::size_t characters = 0;
  std::tie(lines, characters) = line_stats(text);
  out << "lines: " << lines << " (" << characters << " characters)\n";

  WordCounter counter;
  counter.add_text(text);
  const auto bounds = word_length_bounds(text);
  out << "words: " << words(text).size() << ", " << counter.distinct()
      << " distinct, " << bounds.first << " to " << bounds.second << " letters\n";

  const auto [word, times] = counter.most_common();
  if (times > 0)
    out << "most common: \"" << word << "\" (" << times << " times)\n";

  const std::vector<std::string> links = find_links(text);
  out << "links: " << links.size() << "\n";
  for (const std::string &link : links) {
    const auto parts = split_url(link);
    out << "  " << std::get<0>(parts) << ' ' << std::get<1>(parts) << ' '
        << std::get<2>(parts) << '\n';
  }
  return out.str();
}

} // namespace textstats

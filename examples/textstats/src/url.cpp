#include "textstats/url.h"
#include "textstats/text.h"

#include <cctype>
#include <charconv>

namespace textstats {

std::tuple<std::string, std::string, int> split_url(std::string_view url) {
  const std::size_t separator = url.find("://");
  if (separator == std::string_view::npos)
    return {"", "", 0};
  std::string scheme(url.substr(0, separator));
  std::string_view authority = url.substr(separator + 3);
  authority = authority.substr(0, authority.find_first_of("/?#"));
  int port = scheme == "https" ? 443 : scheme == "http" ? 80 : 0;
  const std::size_t colon = authority.rfind(':');
  if (colon != std::string_view::npos) {
    const std::string_view digits = authority.substr(colon + 1);
    int explicit_port = 0;
    const auto parsed = std::from_chars(digits.data(), digits.data() + digits.size(),
                                        explicit_port);
    if (parsed.ec == std::errc() && parsed.ptr == digits.data() + digits.size())
      port = explicit_port;
    authority = authority.substr(0, colon);
  }
  std::string host(authority);
  return std::tuple{scheme, host, port};
}

std::vector<std::string> find_links(std::string_view text) {
  std::vector<std::string> links;
  std::size_t start = text.find("http");
  while (start != std::string_view::npos) {
    const std::string_view tail = text.substr(start);
    const bool at_word_start =
        start == 0 || std::isalnum(static_cast<unsigned char>(text[start - 1])) == 0;
    if (at_word_start && (consume_prefix(tail, "https://").first ||
                          consume_prefix(tail, "http://").first)) {
      std::string_view link = tail.substr(0, tail.find_first_of(" \t\r\n\"'<>()"));
      // A sentence's punctuation right after a link is not part of it.
      while (!link.empty() && (link.back() == '.' || link.back() == ',' ||
                               link.back() == ';' || link.back() == ':'))
        link.remove_suffix(1);
      links.emplace_back(link);
      start += link.size();
    } else {
      ++start;
    }
    start = text.find("http", start);
  }
  return links;
}

} // namespace textstats

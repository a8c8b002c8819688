// Links in a text.
#ifndef TEXTSTATS_URL_H
#define TEXTSTATS_URL_H

#include <string>
#include <string_view>
#include <tuple>
#include <vector>

namespace textstats {

/// Splits "scheme://host[:port][/path]" into scheme, host and port. Without a
/// port the scheme's default applies (http 80, https 443, otherwise 0); a
/// string without "://" gives {"", "", 0}.
std::tuple<std::string, std::string, int> split_url(std::string_view url);

/// The http:// and https:// links in \p text, in order.
std::vector<std::string> find_links(std::string_view text);

} // namespace textstats

#endif

// A readable summary of a text.
#ifndef TEXTSTATS_REPORT_H
#define TEXTSTATS_REPORT_H

#include <string>
#include <string_view>

namespace textstats {

/// Lines, words, the most common word and the links of \p text, one item per
/// line.
std::string summarize(std::string_view text);

} // namespace textstats

#endif

// Tests of the textstats library. Every result is read back the way callers
// of the library do: .first / .second, std::get, structured bindings, std::tie.
#include "textstats/report.h"
#include "textstats/text.h"
#include "textstats/url.h"
#include "textstats/word_counter.h"

#include <iostream>
#include <string>
#include <tuple>

namespace {

int checks = 0;
int failures = 0;

template <class Actual, class Expected>
void expect_eq(const Actual &actual, const Expected &expected, const char *what,
               int line) {
  ++checks;
  if (actual == expected)
    return;
  ++failures;
  std::cerr << "textstats_test.cpp:" << line << ": " << what << " is " << actual
            << ", expected " << expected << "\n";
}

#define EXPECT_EQ(actual, expected) expect_eq((actual), (expected), #actual, __LINE__)

constexpr std::size_t npos = std::string_view::npos;

void test_words() {
  const auto all = textstats::words("It's a TEST, isn't it? A test.");
  EXPECT_EQ(all.size(), 7u);
  EXPECT_EQ(all.at(0), "it's");
  EXPECT_EQ(all.at(2), "test");
  EXPECT_EQ(all.at(3), "isn't");
  EXPECT_EQ(textstats::words(" .,; ").size(), 0u);

  const auto span = textstats::detail::next_word("  ab c", 0);
  EXPECT_EQ(span.first, 2u);
  EXPECT_EQ(span.second, 4u);
  EXPECT_EQ(textstats::detail::next_word("ab  ", 2).first, npos);
}

void test_word_length_bounds() {
  const auto bounds = textstats::word_length_bounds("a bb, cccc ddd");
  EXPECT_EQ(bounds.first, 1u);
  EXPECT_EQ(bounds.second, 4u);
  EXPECT_EQ(textstats::word_length_bounds("").first, 0u);
  EXPECT_EQ(textstats::word_length_bounds("").second, 0u);
}

void test_line_stats() {
  std::size_t lines = 0;
  std::size_t characters = 0;
  std::tie(lines, characters) = textstats::line_stats("ab\ncde\n");
  EXPECT_EQ(lines, 2u);
  EXPECT_EQ(characters, 5u);
  std::tie(lines, characters) = textstats::line_stats("ab\ncde");
  EXPECT_EQ(lines, 2u);
  EXPECT_EQ(characters, 5u);
  std::tie(lines, characters) = textstats::line_stats("\n\n");
  EXPECT_EQ(lines, 2u);
  EXPECT_EQ(characters, 0u);
  EXPECT_EQ(textstats::line_stats("").first, 0u);
}

void test_consume_prefix() {
  auto [ok, left] = textstats::consume_prefix("--min-length=4", "--min-length=");
  EXPECT_EQ(ok, true);
  EXPECT_EQ(left, "4");
  auto [found, rest] = textstats::consume_prefix("-v", "--min-length=");
  EXPECT_EQ(found, false);
  EXPECT_EQ(rest, "-v");
}

void test_split_url() {
  const auto url = textstats::split_url("https://example.org/a/b?c");
  EXPECT_EQ(std::get<0>(url), "https");
  EXPECT_EQ(std::get<1>(url), "example.org");
  EXPECT_EQ(std::get<2>(url), 443);
  EXPECT_EQ(std::get<2>(textstats::split_url("http://example.org")), 80);

  auto [scheme, host, port] = textstats::split_url("http://docs.example.net:8080/guide");
  EXPECT_EQ(scheme, "http");
  EXPECT_EQ(host, "docs.example.net");
  EXPECT_EQ(port, 8080);

  std::string s, h;
  int p = -1;
  std::tie(s, h, p) = textstats::split_url("example.org/no-scheme");
  EXPECT_EQ(s, "");
  EXPECT_EQ(h, "");
  EXPECT_EQ(p, 0);
}

void test_find_links() {
  const auto links = textstats::find_links(
      "see https://example.org/x, or (http://a.example:81/y). Not shttp://b.");
  EXPECT_EQ(links.size(), 2u);
  EXPECT_EQ(links.at(0), "https://example.org/x");
  EXPECT_EQ(links.at(1), "http://a.example:81/y");
}

void test_word_counter() {
  textstats::WordCounter counter;
  const auto first = counter.insert("the");
  EXPECT_EQ(first.second, true);
  const auto again = counter.insert("the");
  EXPECT_EQ(again.second, false);
  EXPECT_EQ(again.first->second, 2);

  counter.add_text("A cat and a dog and a bird");
  EXPECT_EQ(counter.count("a"), 3);
  EXPECT_EQ(counter.count("and"), 2);
  EXPECT_EQ(counter.count("fish"), 0);
  EXPECT_EQ(counter.distinct(), 6u);
  const auto [word, times] = counter.most_common();
  EXPECT_EQ(word, "a");
  EXPECT_EQ(times, 3);

  counter.insert("the");
  EXPECT_EQ(counter.most_common().first, "a"); // a tie goes to the first word
  EXPECT_EQ(counter.most_common().second, 3);
  EXPECT_EQ(textstats::WordCounter().most_common().second, 0);
}

void test_summarize() {
  EXPECT_EQ(textstats::summarize("The cat saw the dog.\nSee http://example.org:8000/x\n"),
            "lines: 2 (49 characters)\n"
            "words: 11, 10 distinct, 1 to 7 letters\n"
            "most common: \"the\" (2 times)\n"
            "links: 1\n"
            "  http example.org 8000\n");
}

} // namespace

int main() {
  test_words();
  test_word_length_bounds();
  test_line_stats();
  test_consume_prefix();
  test_split_url();
  test_find_links();
  test_word_counter();
  test_summarize();
  std::cout << checks << " checks, " << failures << " failed\n";
  return failures == 0 ? 0 : 1;
}

// Real libstdc++ headers; the original and the fixed program are built, run
// and must print the same thing.
// RUN: %check_structify --run %s structify-tuple-return %t -- -- -std=c++17
// RUN: %check_structify --run %s structify-tuple-return %t -- -- -std=c++20

#include <cstdio>
#include <map>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

std::tuple<std::string, std::string, int> split_url(const std::string &url) {
  // CHECK-MESSAGES: :[[@LINE-1]]:43: warning: 'split_url' returns 'std::tuple<std::string, std::string, int>'
  const auto colon = url.find("://");
  std::string scheme = url.substr(0, colon);
  std::string host = url.substr(colon + 3);
  int port = scheme == "https" ? 443 : 80;
  return std::make_tuple(scheme, host, port);
}
// CHECK-FIXES: struct SplitUrlResult {
// CHECK-FIXES-NEXT:   std::string scheme;
// CHECK-FIXES-NEXT:   std::string host;
// CHECK-FIXES-NEXT:   int port;
// CHECK-FIXES-NEXT: };

std::pair<std::size_t, std::size_t> word_stats(const std::vector<std::string> &words) {
  // CHECK-MESSAGES: :[[@LINE-1]]:37: warning: 'word_stats' returns
  std::size_t count = words.size(), letters = 0;
  for (const auto &w : words)
    letters += w.size();
  return {count, letters};
}

std::pair<bool, std::string> lookup(const std::map<std::string, std::string> &m,
                                    const std::string &key) {
  // CHECK-MESSAGES: :[[@LINE-2]]:30: warning: 'lookup' returns
  auto it = m.find(key);
  if (it == m.end())
    return {false, ""};
  bool found = true;
  std::string value = it->second;
  return {found, value};
}

int main() {
  auto [scheme, host, port] = split_url("https://example.org");
  std::printf("%s %s %d\n", scheme.c_str(), host.c_str(), port);
  std::printf("%zu\n", std::get<1>(split_url("http://a.b")).size());
  // CHECK-FIXES: std::printf("%zu\n", split_url("http://a.b").host.size());

  std::vector<std::string> words{"alpha", "beta", "gamma"};
  auto stats = word_stats(words);
  std::printf("%zu words, %zu letters\n", stats.first, stats.second);
  // CHECK-FIXES: std::printf("%zu words, %zu letters\n", stats.count, stats.letters);

  std::map<std::string, std::string> m{{"k", "v"}};
  std::string text;
  bool ok = false;
  std::tie(ok, text) = lookup(m, "k");
  // CHECK-FIXES: { auto result = lookup(m, "k"); ok = result.found; text = std::move(result.value); }
  std::printf("%d %s\n", ok, text.c_str());
  const auto missing = lookup(m, "x");
  std::printf("%d '%s'\n", missing.first, missing.second.c_str());
  // CHECK-FIXES: std::printf("%d '%s'\n", missing.found, missing.value.c_str());
  return 0;
}

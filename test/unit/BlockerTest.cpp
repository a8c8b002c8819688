//===--- BlockerTest.cpp - the reasons for no fix and their messages ------===//

#include "model/Blocker.h"
#include "llvm/ADT/StringSet.h"
#include "gtest/gtest.h"

namespace clang::tidy::structify {
namespace {

/// Every kind in model/NoFix.def, in order.
std::vector<NoFix> allKinds() {
  std::vector<NoFix> Kinds;
#define STRUCTIFY_NO_FIX(Id, Message) Kinds.push_back(NoFix::Id);
#include "model/NoFix.def"
  return Kinds;
}

TEST(Blocker, EveryMessageIsAClauseForNoFix) {
  llvm::StringSet<> Messages;
  for (NoFix Kind : allKinds()) {
    const llvm::StringRef Message = noFixMessage(Kind);
    SCOPED_TRACE(noFixName(Kind).str());
    ASSERT_FALSE(Message.empty());
    // Lowercase, or a quoted name, or another reason's text it extends.
    EXPECT_TRUE((Message.front() >= 'a' && Message.front() <= 'z') ||
                Message.front() == '\'' || Message.starts_with("%0"));
    EXPECT_FALSE(Message.ends_with("."));
    EXPECT_TRUE(Messages.insert(Message).second)
        << "said twice: " << Message.str();
  }
}

TEST(Blocker, ArgumentsFillTheirPlaces) {
  const NoFixReason Reason(NoFix::TiedTypeDiffers, "lo", "long", "0", "int");
  EXPECT_EQ(Reason.kind(), NoFix::TiedTypeDiffers);
  EXPECT_EQ(Reason.str(), "'lo' is declared 'long' but element 0 is 'int'");
  EXPECT_EQ(noFixName(Reason.kind()), "TiedTypeDiffers");
  // A reason that extends another one's text.
  const NoFixReason Passed(NoFix::PassedTo, "emit");
  EXPECT_EQ(NoFixReason(NoFix::ParameterKeepsTupleType, Passed.str()).str(),
            "the value is passed to 'emit', whose parameter keeps the tuple "
            "type");
  // A missing argument leaves its place visible rather than empty.
  EXPECT_EQ(NoFixReason(NoFix::PassedTo).str(), "the value is passed to '%0'");
}

TEST(Blocker, NoReasonIsEmpty) {
  EXPECT_TRUE(NoFixReason().empty());
  EXPECT_EQ(NoFixReason().kind(), NoFix::None);
  EXPECT_FALSE(NoFixReason(NoFix::Goto).empty());
}

} // namespace
} // namespace clang::tidy::structify

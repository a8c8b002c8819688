// Overloads that differ by const return pairs that differ by constness
// (`GetBlock()` and `GetBlock() const`): each gets its struct, the const one
// named for what differs (`ConstBlockResult`, never `BlockResult2`), and the
// const one's fields keep the `const` written before the pointee.
// RUN: %check_structify --run %s structify-tuple-return %t -- -- -std=c++17

#include <cstdio>
#include <utility>

struct BasicBlock {
  int id;
};

class Function {
public:
  std::pair<BasicBlock *, int> GetBlock(int i);
  std::pair<const BasicBlock *, int> GetBlock(int i) const;
  // CHECK-MESSAGES: :[[@LINE-2]]:32: warning: 'GetBlock' returns
  // CHECK-MESSAGES: :[[@LINE-2]]:38: warning: 'GetBlock' returns
  // CHECK-FIXES:      struct BlockResult {
  // CHECK-FIXES-NEXT:   BasicBlock * block;
  // CHECK-FIXES-NEXT:   int index;
  // CHECK-FIXES-NEXT: };
  // CHECK-FIXES:      BlockResult GetBlock(int i);
  // CHECK-FIXES-NEXT: struct ConstBlockResult {
  // CHECK-FIXES-NEXT:   const BasicBlock * block;
  // CHECK-FIXES-NEXT:   int index;
  // CHECK-FIXES-NEXT: };
  // CHECK-FIXES:      ConstBlockResult GetBlock(int i) const;

  BasicBlock blocks[4] = {{10}, {11}, {12}, {13}};
};

std::pair<BasicBlock *, int> Function::GetBlock(int i) {
  BasicBlock *block = &blocks[i];
  int index = i;
  return {block, index};
}
// CHECK-FIXES: Function::BlockResult Function::GetBlock(int i) {

std::pair<const BasicBlock *, int> Function::GetBlock(int i) const {
  const BasicBlock *block = &blocks[i];
  int index = i;
  return {block, index};
}
// CHECK-FIXES: Function::ConstBlockResult Function::GetBlock(int i) const {

// A const member with no non-const overload keeps the plain name.
struct Table {
  std::pair<int, int> Extent() const { int rows = 2, cols = 3; return {rows, cols}; }
  // CHECK-MESSAGES: :[[@LINE-1]]:23: warning: 'Extent' returns
  // CHECK-FIXES: struct ExtentResult {
};

int main() {
  Function f;
  const Function &cf = f;
  auto r = f.GetBlock(1);
  auto c = cf.GetBlock(2);
  r.first->id += 100;
  // CHECK-FIXES: r.block->id += 100;
  auto [rows, cols] = Table().Extent();
  std::printf("%d %d %d %d %d %d\n", r.first->id, r.second, c.first->id, c.second, rows, cols);
  // CHECK-FIXES: std::printf("%d %d %d %d %d %d\n", r.block->id, r.index, c.block->id, c.index, rows, cols);
}

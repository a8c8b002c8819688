//===--- UnifiedDiff.cpp - a file's change as a unified diff --------------===//

#include "refactor/UnifiedDiff.h"
#include "llvm/ADT/SmallVector.h"
#include <algorithm>
#include <vector>

namespace structify {
namespace {

/// The lines of \p Text, each with its line break.
std::vector<llvm::StringRef> linesOf(llvm::StringRef Text) {
  std::vector<llvm::StringRef> Lines;
  while (!Text.empty()) {
    const size_t End = Text.find('\n');
    const size_t Length = End == llvm::StringRef::npos ? Text.size() : End + 1;
    Lines.push_back(Text.take_front(Length));
    Text = Text.drop_front(Length);
  }
  return Lines;
}

enum class Op { Keep, Remove, Add };

/// The shortest edit script from A to B (Myers, "An O(ND) Difference
/// Algorithm and Its Variations", 1986), as one operation per line.
std::vector<Op> editScript(const std::vector<llvm::StringRef> &A,
                           const std::vector<llvm::StringRef> &B) {
  const int N = static_cast<int>(A.size()), M = static_cast<int>(B.size());
  const int Max = N + M;
  std::vector<int> V(2 * Max + 2, 0);
  std::vector<std::vector<int>> Trace;
  int Found = -1;
  for (int D = 0; D <= Max && Found < 0; ++D) {
    // What the previous round reached, for diagonals -D..D: O(D^2) in all.
    Trace.emplace_back(V.begin() + Max - D, V.begin() + Max + D + 1);
    for (int K = -D; K <= D; K += 2) {
      int X = (K == -D || (K != D && V[Max + K - 1] < V[Max + K + 1]))
                  ? V[Max + K + 1]
                  : V[Max + K - 1] + 1;
      int Y = X - K;
      while (X < N && Y < M && A[X] == B[Y])
        ++X, ++Y;
      V[Max + K] = X;
      if (X >= N && Y >= M) {
        Found = D;
        break;
      }
    }
  }
  // Walk back through the trace.
  std::vector<Op> Script;
  int X = N, Y = M;
  for (int D = Found; D > 0; --D) {
    const std::vector<int> &Before = Trace[D]; // diagonal K at D + K
    const int K = X - Y;
    const bool Down =
        K == -D || (K != D && Before[D + K - 1] < Before[D + K + 1]);
    const int PrevK = Down ? K + 1 : K - 1;
    const int PrevX = Before[D + PrevK], PrevY = PrevX - PrevK;
    while (X > PrevX + (Down ? 0 : 1) && Y > PrevY + (Down ? 1 : 0)) {
      Script.push_back(Op::Keep);
      --X, --Y;
    }
    Script.push_back(Down ? Op::Add : Op::Remove);
    X = PrevX, Y = PrevY;
  }
  while (X > 0 && Y > 0) {
    Script.push_back(Op::Keep);
    --X, --Y;
  }
  std::reverse(Script.begin(), Script.end());
  return Script;
}

void writeLine(llvm::raw_ostream &OS, char Mark, llvm::StringRef Line) {
  OS << Mark << Line;
  if (!Line.ends_with("\n"))
    OS << "\n\\ No newline at end of file\n";
}

} // namespace

void writeUnifiedDiff(llvm::StringRef Old, llvm::StringRef New,
                      llvm::StringRef OldName, llvm::StringRef NewName,
                      llvm::raw_ostream &OS, unsigned Context) {
  if (Old == New)
    return;
  const std::vector<llvm::StringRef> A = linesOf(Old), B = linesOf(New);
  const std::vector<Op> Script = editScript(A, B);
  OS << "--- " << OldName << "\n+++ " << NewName << "\n";
  // Lines of A and B before each step of the script.
  struct Position {
    int Old, New;
  };
  std::vector<Position> At;
  int X = 0, Y = 0;
  for (Op Step : Script) {
    At.push_back({X, Y});
    if (Step != Op::Add)
      ++X;
    if (Step != Op::Remove)
      ++Y;
  }
  At.push_back({X, Y});
  const int Steps = static_cast<int>(Script.size());
  const int Margin = static_cast<int>(Context);
  for (int I = 0; I < Steps;) {
    if (Script[I] == Op::Keep) {
      ++I;
      continue;
    }
    // A hunk: from Margin lines before this change to Margin lines after the
    // last change that is at most 2 * Margin unchanged lines further on.
    const int Begin = std::max(0, I - Margin);
    int End = I, Quiet = 0;
    for (int J = I; J < Steps; ++J) {
      if (Script[J] == Op::Keep) {
        if (++Quiet > 2 * Margin)
          break;
      } else {
        Quiet = 0;
        End = J + 1;
      }
    }
    End = std::min(Steps, End + Margin);
    const Position First = At[Begin];
    const int OldCount = At[End].Old - First.Old;
    const int NewCount = At[End].New - First.New;
    OS << "@@ -" << (OldCount ? First.Old + 1 : First.Old) << "," << OldCount
       << " +" << (NewCount ? First.New + 1 : First.New) << "," << NewCount
       << " @@\n";
    for (int J = Begin; J < End; ++J) {
      switch (Script[J]) {
      case Op::Keep:
        writeLine(OS, ' ', A[At[J].Old]);
        break;
      case Op::Remove:
        writeLine(OS, '-', A[At[J].Old]);
        break;
      case Op::Add:
        writeLine(OS, '+', B[At[J].New]);
        break;
      }
    }
    I = End;
  }
}

std::vector<std::pair<unsigned, unsigned>> changedRanges(llvm::StringRef Old,
                                                         llvm::StringRef New) {
  std::vector<std::pair<unsigned, unsigned>> Ranges;
  if (Old == New)
    return Ranges;
  const std::vector<llvm::StringRef> A = linesOf(Old), B = linesOf(New);
  size_t Y = 0;        // the next line of New
  unsigned Offset = 0; // where it starts
  bool InChange = false;
  for (Op Step : editScript(A, B)) {
    if (Step == Op::Keep) {
      Offset += static_cast<unsigned>(B[Y++].size());
      InChange = false;
      continue;
    }
    if (!InChange) {
      Ranges.emplace_back(Offset, Offset);
      InChange = true;
    }
    if (Step == Op::Add) {
      Offset += static_cast<unsigned>(B[Y++].size());
      Ranges.back().second = Offset;
    }
  }
  return Ranges;
}

} // namespace structify

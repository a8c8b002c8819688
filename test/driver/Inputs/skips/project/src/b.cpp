#include "api.h"
#include "config.h"
#include "lib.h"

int use() {
  return good(1, 2).first + consume(escaping(1, 2)) + unnamed(1, 2).second +
         Base().extent().first + FIRST_OF(macro_used(1, 2)) +
         generated(1, 2).first + vendored(3, 4).second;
}

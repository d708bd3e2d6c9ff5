// The sampling ops with AVX2 and hardware FMA; see random_kernels.h.
#pragma GCC optimize("fp-contract=off")
#define FG_RANDOM_ISA avx2
#include "ops/random_kernels.h"

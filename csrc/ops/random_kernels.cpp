// The sampling ops for any x86-64 (std::fma is libm's software fma here); see random_kernels.h.
#pragma GCC optimize("fp-contract=off")
#define FG_RANDOM_ISA generic
#include "ops/random_kernels.h"

// Portable GEMM for CPUs below AVX2 (and non-x86): GCC vector extensions give 128-bit SIMD (SSE2,
// NEON) from plain C++; 4 x 8 (f32) / 4 x 4 (f64) tiles fit the 16 registers without spilling.
#include <cstdint>

#include "kernels/gemm/gemm_internal.h"

namespace fg::kernels::gemm_generic {

#include "kernels/simd/generic.inc"
#include "kernels/gemm/gemm_driver.inc"

// MC, KC, NC for blocked_packed (see gemm_kernel_avx512.cpp): a 4 x 256 A micro-panel in L1,
// a 256 KiB B block in L2.
using GemmF32 = Gemm<VF32, 4, 2, 3072, 256, 256>;
using GemmF64 = Gemm<VF64, 4, 2, 3072, 256, 128>;

}  // namespace fg::kernels::gemm_generic

namespace fg::kernels {
const GemmIsa kGemmGeneric = {&gemm_generic::GemmF32::run, &gemm_generic::GemmF64::run,
                              4, gemm_generic::GemmF32::NR, 4, gemm_generic::GemmF64::NR};
}  // namespace fg::kernels

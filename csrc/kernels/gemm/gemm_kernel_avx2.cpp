// AVX2 + FMA GEMM: 6 x 16 (f32) / 6 x 8 (f64) register tiles, 12 ymm accumulators out of 16.
#include <immintrin.h>

#include <cstdint>

#include "kernels/gemm/gemm_internal.h"

namespace fg::kernels::gemm_avx2 {

#include "kernels/simd/avx2.inc"
#include "kernels/gemm/gemm_driver.inc"

// MC, KC, NC for blocked_packed (see gemm_kernel_avx512.cpp): the 6 x 256 A micro-panel is 6 KiB
// (f32), the 256 x 480 B block 480 KiB, sized for the 256 KiB-1 MiB L2 of AVX2 parts.
#ifndef FG_AVX2_F32_BLOCKS
#define FG_AVX2_F32_BLOCKS 3072, 256, 480
#endif
#ifndef FG_AVX2_F64_BLOCKS
#define FG_AVX2_F64_BLOCKS 3072, 256, 240
#endif

using GemmF32 = Gemm<VF32, 6, 2, FG_AVX2_F32_BLOCKS>;
using GemmF64 = Gemm<VF64, 6, 2, FG_AVX2_F64_BLOCKS>;

}  // namespace fg::kernels::gemm_avx2

namespace fg::kernels {
const GemmIsa kGemmAvx2 = {&gemm_avx2::GemmF32::run, &gemm_avx2::GemmF64::run,
                           6, gemm_avx2::GemmF32::NR, 6, gemm_avx2::GemmF64::NR};
}  // namespace fg::kernels

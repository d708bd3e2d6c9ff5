// AVX-512 GEMM: 12 x 32 (f32) / 12 x 16 (f64) register tiles, 24 zmm accumulators, so the two FMA
// ports stay busy while B loads and A broadcasts go through the load ports.
#include <immintrin.h>

#include <cstdint>

#include "kernels/gemm/gemm_internal.h"

namespace fg::kernels::gemm_avx512 {

#include "kernels/simd/avx512.inc"
#include "kernels/gemm/gemm_driver.inc"

// MC, KC, NC for blocked_packed: the A block (MC x KC, L3) is packed once per K pass and never
// again, so MC covers whole problems up to 3072 rows (a smaller MC re-packs all of B per block:
// 240 rows cost ~10% at 2048^3). The A micro-panel (12 x 512 floats, 24 KiB) stays in the 48 KiB
// L1 and the B block (512 x 480 floats, 960 KiB) in the 2 MiB L2. KC = 512 beats 384 and 768.
#ifndef FG_AVX512_F32_BLOCKS
#define FG_AVX512_F32_BLOCKS 3072, 512, 480
#endif
#ifndef FG_AVX512_F64_BLOCKS
#define FG_AVX512_F64_BLOCKS 3072, 256, 480
#endif
using GemmF32 = Gemm<VF32, 12, 2, FG_AVX512_F32_BLOCKS>;
using GemmF64 = Gemm<VF64, 12, 2, FG_AVX512_F64_BLOCKS>;

}  // namespace fg::kernels::gemm_avx512

namespace fg::kernels {
const GemmIsa kGemmAvx512 = {&gemm_avx512::GemmF32::run, &gemm_avx512::GemmF64::run,
                             12, gemm_avx512::GemmF32::NR, 12, gemm_avx512::GemmF64::NR};
}  // namespace fg::kernels

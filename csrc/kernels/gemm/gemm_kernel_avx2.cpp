// AVX2 + FMA GEMM: 6 x 16 (f32) / 6 x 8 (f64) register tiles, 12 ymm accumulators out of 16.
#include <immintrin.h>

#include "kernels/gemm/gemm_internal.h"

namespace fg::kernels::gemm_avx2 {

alignas(64) static const int32_t kMask32[16] = {-1, -1, -1, -1, -1, -1, -1, -1, 0, 0, 0, 0, 0, 0, 0, 0};
alignas(64) static const int64_t kMask64[8] = {-1, -1, -1, -1, 0, 0, 0, 0};

struct VF32 {
  using T = float;
  using R = __m256;
  using Mask = __m256i;
  static constexpr int W = 8;
  static R zero() { return _mm256_setzero_ps(); }
  static R set1(T x) { return _mm256_set1_ps(x); }
  static R load(const T* p) { return _mm256_loadu_ps(p); }
  static R loadm(const T* p, Mask m) { return _mm256_maskload_ps(p, m); }
  static void store(T* p, R r) { _mm256_storeu_ps(p, r); }
  static void storem(T* p, R r, Mask m) { _mm256_maskstore_ps(p, m, r); }
  static R add(R a, R b) { return _mm256_add_ps(a, b); }
  static R mul(R a, R b) { return _mm256_mul_ps(a, b); }
  static R fma(R a, R b, R c) { return _mm256_fmadd_ps(a, b, c); }
  static Mask mask(int n) {
    n = n < 0 ? 0 : n > W ? W : n;
    return _mm256_loadu_si256(reinterpret_cast<const __m256i*>(kMask32 + 8 - n));
  }
  static T hsum(R r) {
    __m128 s = _mm_add_ps(_mm256_castps256_ps128(r), _mm256_extractf128_ps(r, 1));
    s = _mm_add_ps(s, _mm_movehl_ps(s, s));
    s = _mm_add_ss(s, _mm_movehdup_ps(s));
    return _mm_cvtss_f32(s);
  }
  // In-register W x W transpose (r[i] lane l -> r[l] lane i), for packing K-contiguous operands.
  static void transpose(R* r) {
    R t[8];
    for (int i = 0; i < 4; ++i) {
      t[2 * i] = _mm256_unpacklo_ps(r[2 * i], r[2 * i + 1]);
      t[2 * i + 1] = _mm256_unpackhi_ps(r[2 * i], r[2 * i + 1]);
    }
    for (int i = 0; i < 2; ++i) {
      r[4 * i] = _mm256_shuffle_ps(t[4 * i], t[4 * i + 2], 0x44);
      r[4 * i + 1] = _mm256_shuffle_ps(t[4 * i], t[4 * i + 2], 0xEE);
      r[4 * i + 2] = _mm256_shuffle_ps(t[4 * i + 1], t[4 * i + 3], 0x44);
      r[4 * i + 3] = _mm256_shuffle_ps(t[4 * i + 1], t[4 * i + 3], 0xEE);
    }
    for (int j = 0; j < 4; ++j) {
      t[j] = _mm256_permute2f128_ps(r[j], r[4 + j], 0x20);
      t[4 + j] = _mm256_permute2f128_ps(r[j], r[4 + j], 0x31);
    }
    for (int j = 0; j < 8; ++j) r[j] = t[j];
  }
};

struct VF64 {
  using T = double;
  using R = __m256d;
  using Mask = __m256i;
  static constexpr int W = 4;
  static R zero() { return _mm256_setzero_pd(); }
  static R set1(T x) { return _mm256_set1_pd(x); }
  static R load(const T* p) { return _mm256_loadu_pd(p); }
  static R loadm(const T* p, Mask m) { return _mm256_maskload_pd(p, m); }
  static void store(T* p, R r) { _mm256_storeu_pd(p, r); }
  static void storem(T* p, R r, Mask m) { _mm256_maskstore_pd(p, m, r); }
  static R add(R a, R b) { return _mm256_add_pd(a, b); }
  static R mul(R a, R b) { return _mm256_mul_pd(a, b); }
  static R fma(R a, R b, R c) { return _mm256_fmadd_pd(a, b, c); }
  static Mask mask(int n) {
    n = n < 0 ? 0 : n > W ? W : n;
    return _mm256_loadu_si256(reinterpret_cast<const __m256i*>(kMask64 + 4 - n));
  }
  static T hsum(R r) {
    __m128d s = _mm_add_pd(_mm256_castpd256_pd128(r), _mm256_extractf128_pd(r, 1));
    return _mm_cvtsd_f64(_mm_add_sd(s, _mm_unpackhi_pd(s, s)));
  }
  static void transpose(R* r) {
    const R t0 = _mm256_unpacklo_pd(r[0], r[1]), t1 = _mm256_unpackhi_pd(r[0], r[1]);
    const R t2 = _mm256_unpacklo_pd(r[2], r[3]), t3 = _mm256_unpackhi_pd(r[2], r[3]);
    r[0] = _mm256_permute2f128_pd(t0, t2, 0x20);
    r[1] = _mm256_permute2f128_pd(t1, t3, 0x20);
    r[2] = _mm256_permute2f128_pd(t0, t2, 0x31);
    r[3] = _mm256_permute2f128_pd(t1, t3, 0x31);
  }
};

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

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
};

#include "kernels/gemm/gemm_driver.inc"

using GemmF32 = Gemm<VF32, 6, 2, 168, 256, 3072>;
using GemmF64 = Gemm<VF64, 6, 2, 84, 256, 1536>;

}  // namespace fg::kernels::gemm_avx2

namespace fg::kernels {
const GemmIsa kGemmAvx2 = {&gemm_avx2::GemmF32::run, &gemm_avx2::GemmF64::run,
                           6, gemm_avx2::GemmF32::NR, 6, gemm_avx2::GemmF64::NR};
}  // namespace fg::kernels

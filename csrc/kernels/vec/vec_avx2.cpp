// AVX2 + FMA variants of the vec kernels: 8 floats / 4 doubles per register. Compare results are
// all-ones lanes used with blendv; exponents are built and read with integer shifts.
#include <immintrin.h>

#include <cmath>
#include <cstdint>
#include <limits>

#include "kernels/vec/vec.h"

namespace fg::kernels::vec_avx2 {

struct VF32 {
  using T = float;
  using R = __m256;
  using M = __m256;
  static constexpr int W = 8;
  static R zero() { return _mm256_setzero_ps(); }
  static R set1(T x) { return _mm256_set1_ps(x); }
  static R load(const T* p) { return _mm256_loadu_ps(p); }
  static void store(T* p, R r) { _mm256_storeu_ps(p, r); }
  static R add(R a, R b) { return _mm256_add_ps(a, b); }
  static R sub(R a, R b) { return _mm256_sub_ps(a, b); }
  static R mul(R a, R b) { return _mm256_mul_ps(a, b); }
  static R div(R a, R b) { return _mm256_div_ps(a, b); }
  static R fma(R a, R b, R c) { return _mm256_fmadd_ps(a, b, c); }
  static R max(R a, R b) { return _mm256_max_ps(a, b); }
  static R min(R a, R b) { return _mm256_min_ps(a, b); }
  static M lt(R a, R b) { return _mm256_cmp_ps(a, b, _CMP_LT_OQ); }
  static M le(R a, R b) { return _mm256_cmp_ps(a, b, _CMP_LE_OQ); }
  static M gt(R a, R b) { return _mm256_cmp_ps(a, b, _CMP_GT_OQ); }
  static M eq(R a, R b) { return _mm256_cmp_ps(a, b, _CMP_EQ_OQ); }
  static M isnan(R a) { return _mm256_cmp_ps(a, a, _CMP_UNORD_Q); }
  static M mor(M a, M b) { return _mm256_or_ps(a, b); }
  static bool any(M m) { return _mm256_movemask_ps(m) != 0; }
  static int first(M m) {
    const int b = _mm256_movemask_ps(m);
    return b ? __builtin_ctz(b) : -1;
  }
  static R select(M m, R a, R b) { return _mm256_blendv_ps(b, a, m); }
  static R abs(R a) { return _mm256_andnot_ps(_mm256_set1_ps(-0.0f), a); }
  static R copysign(R mag, R sgn) {
    const R s = _mm256_set1_ps(-0.0f);
    return _mm256_or_ps(_mm256_andnot_ps(s, mag), _mm256_and_ps(s, sgn));
  }
  // p * 2^n for integral n in [-150, 128]: two exact power-of-two factors, each a normal number,
  // so the product rounds once into the subnormal range or overflows to inf as it should.
  static R ldexp(R p, R n) {
    const __m256i ni = _mm256_cvtps_epi32(n);
    const __m256i h = _mm256_srai_epi32(ni, 1);
    const __m256i bias = _mm256_set1_epi32(127);
    const R s1 = _mm256_castsi256_ps(_mm256_slli_epi32(_mm256_add_epi32(h, bias), 23));
    const R s2 = _mm256_castsi256_ps(_mm256_slli_epi32(_mm256_add_epi32(_mm256_sub_epi32(ni, h), bias), 23));
    return _mm256_mul_ps(_mm256_mul_ps(p, s1), s2);
  }
  // x (positive, normal) = m * 2^e with m in [1, 2).
  static R frexp(R x, R* e) {
    const __m256i b = _mm256_castps_si256(x);
    *e = _mm256_sub_ps(_mm256_cvtepi32_ps(_mm256_srli_epi32(b, 23)), _mm256_set1_ps(127.0f));
    const __m256i m = _mm256_or_si256(_mm256_and_si256(b, _mm256_set1_epi32(0x007FFFFF)), _mm256_set1_epi32(0x3F800000));
    return _mm256_castsi256_ps(m);
  }
  static T hsum(R r) {
    __m128 s = _mm_add_ps(_mm256_castps256_ps128(r), _mm256_extractf128_ps(r, 1));
    s = _mm_add_ps(s, _mm_movehl_ps(s, s));
    return _mm_cvtss_f32(_mm_add_ss(s, _mm_shuffle_ps(s, s, 1)));
  }
  static T hmax(R r) {
    __m128 s = _mm_max_ps(_mm256_castps256_ps128(r), _mm256_extractf128_ps(r, 1));
    s = _mm_max_ps(s, _mm_movehl_ps(s, s));
    return _mm_cvtss_f32(_mm_max_ss(s, _mm_shuffle_ps(s, s, 1)));
  }
  static T hmin(R r) {
    __m128 s = _mm_min_ps(_mm256_castps256_ps128(r), _mm256_extractf128_ps(r, 1));
    s = _mm_min_ps(s, _mm_movehl_ps(s, s));
    return _mm_cvtss_f32(_mm_min_ss(s, _mm_shuffle_ps(s, s, 1)));
  }
};

struct VF64 {
  using T = double;
  using R = __m256d;
  using M = __m256d;
  static constexpr int W = 4;
  static R zero() { return _mm256_setzero_pd(); }
  static R set1(T x) { return _mm256_set1_pd(x); }
  static R load(const T* p) { return _mm256_loadu_pd(p); }
  static R load_cvt(const double* p) { return _mm256_loadu_pd(p); }
  static R load_cvt(const float* p) { return _mm256_cvtps_pd(_mm_loadu_ps(p)); }
  static void store(T* p, R r) { _mm256_storeu_pd(p, r); }
  static R add(R a, R b) { return _mm256_add_pd(a, b); }
  static R sub(R a, R b) { return _mm256_sub_pd(a, b); }
  static R mul(R a, R b) { return _mm256_mul_pd(a, b); }
  static R div(R a, R b) { return _mm256_div_pd(a, b); }
  static R fma(R a, R b, R c) { return _mm256_fmadd_pd(a, b, c); }
  static R max(R a, R b) { return _mm256_max_pd(a, b); }
  static R min(R a, R b) { return _mm256_min_pd(a, b); }
  static M lt(R a, R b) { return _mm256_cmp_pd(a, b, _CMP_LT_OQ); }
  static M le(R a, R b) { return _mm256_cmp_pd(a, b, _CMP_LE_OQ); }
  static M gt(R a, R b) { return _mm256_cmp_pd(a, b, _CMP_GT_OQ); }
  static M eq(R a, R b) { return _mm256_cmp_pd(a, b, _CMP_EQ_OQ); }
  static M isnan(R a) { return _mm256_cmp_pd(a, a, _CMP_UNORD_Q); }
  static M mor(M a, M b) { return _mm256_or_pd(a, b); }
  static bool any(M m) { return _mm256_movemask_pd(m) != 0; }
  static int first(M m) {
    const int b = _mm256_movemask_pd(m);
    return b ? __builtin_ctz(b) : -1;
  }
  static R select(M m, R a, R b) { return _mm256_blendv_pd(b, a, m); }
  static R abs(R a) { return _mm256_andnot_pd(_mm256_set1_pd(-0.0), a); }
  static R copysign(R mag, R sgn) {
    const R s = _mm256_set1_pd(-0.0);
    return _mm256_or_pd(_mm256_andnot_pd(s, mag), _mm256_and_pd(s, sgn));
  }
  // 2^k for integral k in [-1022, 1023] without an int64 conversion (AVX2 has none): adding
  // 1.5 * 2^52 leaves k in the low mantissa bits, which the shift moves into the exponent field.
  static R pow2(R k) {
    const __m256i b = _mm256_castpd_si256(_mm256_add_pd(k, _mm256_set1_pd(6755399441055744.0)));
    return _mm256_castsi256_pd(_mm256_slli_epi64(_mm256_add_epi64(b, _mm256_set1_epi64x(1023)), 52));
  }
  // p * 2^n for integral n in [-1076, 1025], as VF32::ldexp.
  static R ldexp(R p, R n) {
    const R h = _mm256_round_pd(_mm256_mul_pd(n, _mm256_set1_pd(0.5)), _MM_FROUND_TO_NEAREST_INT | _MM_FROUND_NO_EXC);
    return _mm256_mul_pd(_mm256_mul_pd(p, pow2(h)), pow2(_mm256_sub_pd(n, h)));
  }
  static R frexp(R x, R* e) {
    const __m256i b = _mm256_castpd_si256(x);
    // the biased exponent (0..2047) or'ed into 2^52's mantissa reads back exactly as 2^52 + it
    const __m256i eb = _mm256_or_si256(_mm256_srli_epi64(b, 52), _mm256_set1_epi64x(0x4330000000000000LL));
    *e = _mm256_sub_pd(_mm256_castsi256_pd(eb), _mm256_set1_pd(4503599627370496.0 + 1023.0));
    const __m256i m = _mm256_or_si256(_mm256_and_si256(b, _mm256_set1_epi64x(0x000FFFFFFFFFFFFFLL)),
                                      _mm256_set1_epi64x(0x3FF0000000000000LL));
    return _mm256_castsi256_pd(m);
  }
  static T hsum(R r) {
    __m128d s = _mm_add_pd(_mm256_castpd256_pd128(r), _mm256_extractf128_pd(r, 1));
    return _mm_cvtsd_f64(_mm_add_sd(s, _mm_unpackhi_pd(s, s)));
  }
  static T hmax(R r) {
    __m128d s = _mm_max_pd(_mm256_castpd256_pd128(r), _mm256_extractf128_pd(r, 1));
    return _mm_cvtsd_f64(_mm_max_sd(s, _mm_unpackhi_pd(s, s)));
  }
  static T hmin(R r) {
    __m128d s = _mm_min_pd(_mm256_castpd256_pd128(r), _mm256_extractf128_pd(r, 1));
    return _mm_cvtsd_f64(_mm_min_sd(s, _mm_unpackhi_pd(s, s)));
  }
};

#include "kernels/vec/vec_kernels.inc"

}  // namespace fg::kernels::vec_avx2

namespace fg::kernels::vec {
const Isa kAvx2 = {vec_avx2::table<float>(), vec_avx2::table<double>()};
}  // namespace fg::kernels::vec

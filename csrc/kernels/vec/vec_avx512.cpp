// AVX-512 variants of the vec kernels: 16 floats / 8 doubles per register, compare masks in k
// registers, scalef/getexp/getmant for the exponent work of exp and log.
#include <immintrin.h>

#include <cmath>
#include <cstdint>
#include <limits>

#include "kernels/vec/vec.h"

// GCC 12's own AVX-512 headers trip this warning (GCC bug 105593); nothing here is read uninitialised.
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"
#pragma GCC diagnostic ignored "-Wuninitialized"

namespace fg::kernels::vec_avx512 {

struct VF32 {
  using T = float;
  using R = __m512;
  using M = __mmask16;
  static constexpr int W = 16;
  static R zero() { return _mm512_setzero_ps(); }
  static R set1(T x) { return _mm512_set1_ps(x); }
  static R load(const T* p) { return _mm512_loadu_ps(p); }
  static void store(T* p, R r) { _mm512_storeu_ps(p, r); }
  static R add(R a, R b) { return _mm512_add_ps(a, b); }
  static R sub(R a, R b) { return _mm512_sub_ps(a, b); }
  static R mul(R a, R b) { return _mm512_mul_ps(a, b); }
  static R div(R a, R b) { return _mm512_div_ps(a, b); }
  static R fma(R a, R b, R c) { return _mm512_fmadd_ps(a, b, c); }
  static R max(R a, R b) { return _mm512_max_ps(a, b); }
  static R min(R a, R b) { return _mm512_min_ps(a, b); }
  static M lt(R a, R b) { return _mm512_cmp_ps_mask(a, b, _CMP_LT_OQ); }
  static M le(R a, R b) { return _mm512_cmp_ps_mask(a, b, _CMP_LE_OQ); }
  static M gt(R a, R b) { return _mm512_cmp_ps_mask(a, b, _CMP_GT_OQ); }
  static M eq(R a, R b) { return _mm512_cmp_ps_mask(a, b, _CMP_EQ_OQ); }
  static M isnan(R a) { return _mm512_cmp_ps_mask(a, a, _CMP_UNORD_Q); }
  static M mor(M a, M b) { return a | b; }
  static bool any(M m) { return m != 0; }
  static int first(M m) { return m ? __builtin_ctz(m) : -1; }
  static R select(M m, R a, R b) { return _mm512_mask_blend_ps(m, b, a); }
  static R abs(R a) { return _mm512_abs_ps(a); }
  static R copysign(R mag, R sgn) {
    const __m512i s = _mm512_set1_epi32(INT32_MIN);
    return _mm512_castsi512_ps(_mm512_ternarylogic_epi32(s, _mm512_castps_si512(sgn), _mm512_castps_si512(mag), 0xCA));
  }
  // p * 2^n, rounding once, into the subnormal range and to inf as the exact product would.
  static R ldexp(R p, R n) { return _mm512_scalef_ps(p, n); }
  // x (positive, finite) = m * 2^e with m in [1, 2).
  static R frexp(R x, R* e) {
    *e = _mm512_getexp_ps(x);
    return _mm512_getmant_ps(x, _MM_MANT_NORM_1_2, _MM_MANT_SIGN_zero);
  }
  static T hsum(R r) { return _mm512_reduce_add_ps(r); }
  static T hmax(R r) { return _mm512_reduce_max_ps(r); }
  static T hmin(R r) { return _mm512_reduce_min_ps(r); }
};

struct VF64 {
  using T = double;
  using R = __m512d;
  using M = __mmask8;
  static constexpr int W = 8;
  static R zero() { return _mm512_setzero_pd(); }
  static R set1(T x) { return _mm512_set1_pd(x); }
  static R load(const T* p) { return _mm512_loadu_pd(p); }
  static R load_cvt(const double* p) { return _mm512_loadu_pd(p); }
  static R load_cvt(const float* p) { return _mm512_cvtps_pd(_mm256_loadu_ps(p)); }
  static void store(T* p, R r) { _mm512_storeu_pd(p, r); }
  static R add(R a, R b) { return _mm512_add_pd(a, b); }
  static R sub(R a, R b) { return _mm512_sub_pd(a, b); }
  static R mul(R a, R b) { return _mm512_mul_pd(a, b); }
  static R div(R a, R b) { return _mm512_div_pd(a, b); }
  static R fma(R a, R b, R c) { return _mm512_fmadd_pd(a, b, c); }
  static R max(R a, R b) { return _mm512_max_pd(a, b); }
  static R min(R a, R b) { return _mm512_min_pd(a, b); }
  static M lt(R a, R b) { return _mm512_cmp_pd_mask(a, b, _CMP_LT_OQ); }
  static M le(R a, R b) { return _mm512_cmp_pd_mask(a, b, _CMP_LE_OQ); }
  static M gt(R a, R b) { return _mm512_cmp_pd_mask(a, b, _CMP_GT_OQ); }
  static M eq(R a, R b) { return _mm512_cmp_pd_mask(a, b, _CMP_EQ_OQ); }
  static M isnan(R a) { return _mm512_cmp_pd_mask(a, a, _CMP_UNORD_Q); }
  static M mor(M a, M b) { return a | b; }
  static bool any(M m) { return m != 0; }
  static int first(M m) { return m ? __builtin_ctz(m) : -1; }
  static R select(M m, R a, R b) { return _mm512_mask_blend_pd(m, b, a); }
  static R abs(R a) { return _mm512_abs_pd(a); }
  static R copysign(R mag, R sgn) {
    const __m512i s = _mm512_set1_epi64(INT64_MIN);
    return _mm512_castsi512_pd(_mm512_ternarylogic_epi64(s, _mm512_castpd_si512(sgn), _mm512_castpd_si512(mag), 0xCA));
  }
  static R ldexp(R p, R n) { return _mm512_scalef_pd(p, n); }
  static R frexp(R x, R* e) {
    *e = _mm512_getexp_pd(x);
    return _mm512_getmant_pd(x, _MM_MANT_NORM_1_2, _MM_MANT_SIGN_zero);
  }
  static T hsum(R r) { return _mm512_reduce_add_pd(r); }
  static T hmax(R r) { return _mm512_reduce_max_pd(r); }
  static T hmin(R r) { return _mm512_reduce_min_pd(r); }
};

#include "kernels/vec/vec_kernels.inc"

}  // namespace fg::kernels::vec_avx512

namespace fg::kernels::vec {
const Isa kAvx512 = {vec_avx512::table<float>(), vec_avx512::table<double>()};
}  // namespace fg::kernels::vec

// AVX-512 GEMM: 12 x 32 (f32) / 12 x 16 (f64) register tiles, 24 zmm accumulators, so the two FMA
// ports stay busy while B loads and A broadcasts go through the load ports.
#include <immintrin.h>

#include "kernels/gemm/gemm_internal.h"

// GCC 12's own AVX-512 headers (_mm256_undefined_* in the reduce/cast intrinsics) trip this
// warning, GCC bug 105593; nothing in this file is read uninitialised.
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"

namespace fg::kernels::gemm_avx512 {

struct VF32 {
  using T = float;
  using R = __m512;
  using Mask = __mmask16;
  static constexpr int W = 16;
  static R zero() { return _mm512_setzero_ps(); }
  static R set1(T x) { return _mm512_set1_ps(x); }
  static R load(const T* p) { return _mm512_loadu_ps(p); }
  static R loadm(const T* p, Mask m) { return _mm512_maskz_loadu_ps(m, p); }
  static void store(T* p, R r) { _mm512_storeu_ps(p, r); }
  static void storem(T* p, R r, Mask m) { _mm512_mask_storeu_ps(p, m, r); }
  static R add(R a, R b) { return _mm512_add_ps(a, b); }
  static R mul(R a, R b) { return _mm512_mul_ps(a, b); }
  static R fma(R a, R b, R c) { return _mm512_fmadd_ps(a, b, c); }
  static Mask mask(int n) { return n <= 0 ? Mask(0) : n >= W ? Mask(0xFFFF) : Mask((1u << n) - 1); }
  static T hsum(R r) { return _mm512_reduce_add_ps(r); }
  // In-register W x W transpose (r[i] lane l -> r[l] lane i), for packing K-contiguous operands.
  static void transpose(R* r) {
    R t[16];
    for (int i = 0; i < 8; ++i) {
      t[2 * i] = _mm512_unpacklo_ps(r[2 * i], r[2 * i + 1]);
      t[2 * i + 1] = _mm512_unpackhi_ps(r[2 * i], r[2 * i + 1]);
    }
    for (int i = 0; i < 4; ++i) {
      r[4 * i] = _mm512_shuffle_ps(t[4 * i], t[4 * i + 2], 0x44);
      r[4 * i + 1] = _mm512_shuffle_ps(t[4 * i], t[4 * i + 2], 0xEE);
      r[4 * i + 2] = _mm512_shuffle_ps(t[4 * i + 1], t[4 * i + 3], 0x44);
      r[4 * i + 3] = _mm512_shuffle_ps(t[4 * i + 1], t[4 * i + 3], 0xEE);
    }
    for (int i = 0; i < 2; ++i)
      for (int j = 0; j < 4; ++j) {
        t[8 * i + j] = _mm512_shuffle_f32x4(r[8 * i + j], r[8 * i + 4 + j], 0x88);
        t[8 * i + 4 + j] = _mm512_shuffle_f32x4(r[8 * i + j], r[8 * i + 4 + j], 0xDD);
      }
    for (int j = 0; j < 8; ++j) {
      r[j] = _mm512_shuffle_f32x4(t[j], t[8 + j], 0x88);
      r[8 + j] = _mm512_shuffle_f32x4(t[j], t[8 + j], 0xDD);
    }
  }
};

struct VF64 {
  using T = double;
  using R = __m512d;
  using Mask = __mmask8;
  static constexpr int W = 8;
  static R zero() { return _mm512_setzero_pd(); }
  static R set1(T x) { return _mm512_set1_pd(x); }
  static R load(const T* p) { return _mm512_loadu_pd(p); }
  static R loadm(const T* p, Mask m) { return _mm512_maskz_loadu_pd(m, p); }
  static void store(T* p, R r) { _mm512_storeu_pd(p, r); }
  static void storem(T* p, R r, Mask m) { _mm512_mask_storeu_pd(p, m, r); }
  static R add(R a, R b) { return _mm512_add_pd(a, b); }
  static R mul(R a, R b) { return _mm512_mul_pd(a, b); }
  static R fma(R a, R b, R c) { return _mm512_fmadd_pd(a, b, c); }
  static Mask mask(int n) { return n <= 0 ? Mask(0) : n >= W ? Mask(0xFF) : Mask((1u << n) - 1); }
  static T hsum(R r) { return _mm512_reduce_add_pd(r); }
  static void transpose(R* r) {
    R t[8];
    for (int i = 0; i < 4; ++i) {
      t[2 * i] = _mm512_unpacklo_pd(r[2 * i], r[2 * i + 1]);
      t[2 * i + 1] = _mm512_unpackhi_pd(r[2 * i], r[2 * i + 1]);
    }
    for (int i = 0; i < 2; ++i)
      for (int j = 0; j < 2; ++j) {
        r[4 * i + j] = _mm512_shuffle_f64x2(t[4 * i + j], t[4 * i + 2 + j], 0x88);
        r[4 * i + 2 + j] = _mm512_shuffle_f64x2(t[4 * i + j], t[4 * i + 2 + j], 0xDD);
      }
    for (int j = 0; j < 4; ++j) {
      t[j] = _mm512_shuffle_f64x2(r[j], r[4 + j], 0x88);
      t[4 + j] = _mm512_shuffle_f64x2(r[j], r[4 + j], 0xDD);
    }
    for (int j = 0; j < 8; ++j) r[j] = t[j];
  }
};

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

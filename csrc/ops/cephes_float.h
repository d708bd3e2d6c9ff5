#pragma once
// The single-precision log and sincos of torch's vectorised normal sampler (its avx_mathfun.h, the
// Cephes polynomials of Pommier's sse_mathfun), one lane at a time with the same float operations in
// the same order, so randn of 16 or more float32 values gives torch's bits. glibc's logf/sinf/cosf
// are more accurate and so differ from these in the last place: they must not be used here.
// torch's build lets GCC contract these intrinsics (GCC implements _mm256_mul_ps / _mm256_add_ps as
// plain vector arithmetic, and its FMA pass fuses a product into the add or subtract that is its only
// use, taking products in statement order). The std::fma calls below are exactly those fusions; every
// other operation must stay a separate rounding, so files including this must not contract floats.
#include <cmath>
#include <cstdint>
#include <cstring>

namespace fg::cephes {

inline uint32_t bits_of(float x) {
  uint32_t b;
  std::memcpy(&b, &x, 4);
  return b;
}
inline float float_of(uint32_t b) {
  float x;
  std::memcpy(&x, &b, 4);
  return x;
}
// _mm256_and_ps with an all-ones / all-zeros lane mask
inline float keep_if(bool mask, float x) { return mask ? x : float_of(0u); }

inline float logf(float x) {
  const bool invalid = x <= 0.0f;
  const float min_norm_pos = float_of(0x00800000u);
  x = x > min_norm_pos ? x : min_norm_pos;  // maxps: the second operand unless x is larger
  int32_t exponent = static_cast<int32_t>(bits_of(x) >> 23);
  x = float_of((bits_of(x) & ~0x7f800000u) | bits_of(0.5f));  // keep the fraction, in [0.5, 1)
  exponent -= 0x7f;
  float e = static_cast<float>(exponent);
  e = e + 1.0f;
  const bool below = x < static_cast<float>(0.707106781186547524);
  float tmp = keep_if(below, x);
  x = x - 1.0f;
  e = e - keep_if(below, 1.0f);
  x = x + tmp;
  const float z = x * x;
  float y = static_cast<float>(7.0376836292E-2);
  y = std::fma(y, x, static_cast<float>(-1.1514610310E-1));
  y = std::fma(y, x, static_cast<float>(1.1676998740E-1));
  y = std::fma(y, x, static_cast<float>(-1.2420140846E-1));
  y = std::fma(y, x, static_cast<float>(1.4249322787E-1));
  y = std::fma(y, x, static_cast<float>(-1.6668057665E-1));
  y = std::fma(y, x, static_cast<float>(2.0000714765E-1));
  y = std::fma(y, x, static_cast<float>(-2.4999993993E-1));
  y = std::fma(y, x, static_cast<float>(3.3333331174E-1));
  y = y * x;
  tmp = e * static_cast<float>(-2.12194440e-4);
  y = std::fma(y, z, tmp);            // y * z + e * q1: the first product is the fused one
  y = std::fma(-z, 0.5f, y);          // y - z * 0.5
  x = x + y;
  x = std::fma(e, 0.693359375f, x);   // + e * q2
  return invalid ? float_of(bits_of(x) | 0xffffffffu) : x;
}

inline void sincosf(float x, float* s, float* c) {
  uint32_t sign_sin = bits_of(x) & 0x80000000u;
  x = float_of(bits_of(x) & 0x7fffffffu);
  float y = x * static_cast<float>(1.27323954473516);  // 4 / pi
  int32_t j = static_cast<int32_t>(y);                  // cvttps: truncation
  j = (j + 1) & ~1;
  y = static_cast<float>(j);
  const uint32_t swap_sign_sin = static_cast<uint32_t>(j & 4) << 29;
  const bool first_poly_for_sin = (j & 2) == 0;
  // extended-precision reduction: x = ((x - y*DP1) - y*DP2) - y*DP3, each step fused
  x = std::fma(y, static_cast<float>(-0.78515625), x);
  x = std::fma(y, static_cast<float>(-2.4187564849853515625e-4), x);
  x = std::fma(y, static_cast<float>(-3.77489497744594108e-8), x);
  const uint32_t sign_cos = static_cast<uint32_t>(~(j - 2) & 4) << 29;
  sign_sin ^= swap_sign_sin;

  const float z = x * x;
  float yc = static_cast<float>(2.443315711809948E-005);
  yc = std::fma(yc, z, static_cast<float>(-1.388731625493765E-003));
  yc = std::fma(yc, z, static_cast<float>(4.166664568298827E-002));
  yc = yc * z;
  yc = std::fma(yc, z, -(z * 0.5f));  // y * z - z * 0.5: the first product is the fused one
  yc = yc + 1.0f;

  float ys = static_cast<float>(-1.9515295891E-4);
  ys = std::fma(ys, z, static_cast<float>(8.3321608736E-3));
  ys = std::fma(ys, z, static_cast<float>(-1.6666654611E-1));
  ys = ys * z;
  ys = std::fma(ys, x, x);

  const float ysin2 = keep_if(first_poly_for_sin, ys);
  const float ysin1 = keep_if(!first_poly_for_sin, yc);
  ys = ys - ysin2;
  yc = yc - ysin1;
  *s = float_of(bits_of(ysin1 + ysin2) ^ sign_sin);
  *c = float_of(bits_of(yc + ys) ^ sign_cos);
}

}  // namespace fg::cephes

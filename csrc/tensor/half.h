#pragma once
// Storage types of the two 16-bit floats. Neither is computed in: ops widen them to float32 and round
// each result back (torch's CPU kernels compute half precisions in float too). Conversions round to
// nearest even as c10::Half and c10::BFloat16 do; NaN stays NaN (quiet), overflow goes to infinity.
#include <cstdint>
#include <cstring>

namespace fg {

inline uint32_t float_bits(float f) {
  uint32_t u;
  std::memcpy(&u, &f, 4);
  return u;
}
inline float bits_float(uint32_t u) {
  float f;
  std::memcpy(&f, &u, 4);
  return f;
}

// IEEE binary16 from float, round to nearest even (the method of the FP16 library c10 uses).
inline uint16_t float_to_half_bits(float f) {
  const uint32_t x = float_bits(f);
  const uint32_t sign = (x >> 16) & 0x8000u;
  uint32_t ax = x & 0x7fffffffu;
  if (ax >= 0x47800000u)  // >= 65536, inf or NaN
    return static_cast<uint16_t>(sign | (ax > 0x7f800000u ? 0x7e00u : 0x7c00u));
  if (ax < 0x38800000u) {  // below 2^-14: a subnormal half (or zero); let the FPU round at 2^-24 steps
    const float shifted = bits_float(ax) + 0.5f;
    return static_cast<uint16_t>(sign | (float_bits(shifted) - 0x3f000000u));
  }
  const uint32_t odd = (ax >> 13) & 1u;
  ax += 0xc8000fffu + odd;  // rebias the exponent (127 -> 15) and round the 13 dropped bits to even
  return static_cast<uint16_t>(sign | (ax >> 13));
}

inline float half_bits_to_float(uint16_t h) {
  const uint32_t sign = static_cast<uint32_t>(h & 0x8000u) << 16;
  const uint32_t exp = (h >> 10) & 0x1fu, mant = h & 0x3ffu;
  if (exp == 0) {
    const float v = static_cast<float>(mant) * 5.9604644775390625e-8f;  // mant * 2^-24
    return sign ? -v : v;
  }
  if (exp == 31) return bits_float(sign | 0x7f800000u | (mant << 13));
  return bits_float(sign | ((exp + 112u) << 23) | (mant << 13));
}

inline uint16_t float_to_bfloat16_bits(float f) {
  if (f != f) return 0x7fc0;
  const uint32_t u = float_bits(f);
  return static_cast<uint16_t>((u + 0x7fffu + ((u >> 16) & 1u)) >> 16);
}

struct Half {
  uint16_t bits = 0;
  Half() = default;
  Half(float f) : bits(float_to_half_bits(f)) {}                        // NOLINT: implicit, as c10::Half
  Half(double d) : Half(static_cast<float>(d)) {}                       // NOLINT
  Half(int64_t v) : Half(static_cast<float>(v)) {}                      // NOLINT
  Half(bool v) : Half(v ? 1.0f : 0.0f) {}                               // NOLINT
  operator float() const { return half_bits_to_float(bits); }          // NOLINT
};

struct BFloat16 {
  uint16_t bits = 0;
  BFloat16() = default;
  BFloat16(float f) : bits(float_to_bfloat16_bits(f)) {}                // NOLINT
  BFloat16(double d) : BFloat16(static_cast<float>(d)) {}               // NOLINT
  BFloat16(int64_t v) : BFloat16(static_cast<float>(v)) {}              // NOLINT
  BFloat16(bool v) : BFloat16(v ? 1.0f : 0.0f) {}                       // NOLINT
  operator float() const { return bits_float(static_cast<uint32_t>(bits) << 16); }  // NOLINT
};

}  // namespace fg

// Portable variants of the vec kernels for CPUs below AVX2 (and non-x86): GCC vector extensions
// give 128-bit SIMD (SSE2, NEON) from plain C++. No FMA here: fma() is a multiply and an add.
#include <cstdint>
#include <cstring>
#include <cmath>
#include <limits>
#include <type_traits>

#include "kernels/vec/vec.h"

namespace fg::kernels::vec_generic {

template <typename Scalar, typename Int>
struct VGeneric {
  using T = Scalar;
  typedef Scalar R __attribute__((vector_size(16)));
  typedef Int M __attribute__((vector_size(16)));  // lanes all-ones (true) or zero
  static constexpr int W = 16 / sizeof(Scalar);
  static constexpr int kMantBits = sizeof(T) == 4 ? 23 : 52;
  static constexpr Int kBias = sizeof(T) == 4 ? 127 : 1023;

  static R zero() { return R{}; }
  static R set1(T x) { return R{} + x; }
  static R load(const T* p) {
    R r;
    std::memcpy(&r, p, sizeof r);
    return r;
  }
  static R load_cvt(const T* p) { return load(p); }
  template <typename U = T, typename = std::enable_if_t<sizeof(U) == 8>>
  static R load_cvt(const float* p) {
    R r;
    for (int i = 0; i < W; ++i) r[i] = p[i];
    return r;
  }
  static void store(T* p, R r) { std::memcpy(p, &r, sizeof r); }
  static R add(R a, R b) { return a + b; }
  static R sub(R a, R b) { return a - b; }
  static R mul(R a, R b) { return a * b; }
  static R div(R a, R b) { return a / b; }
  static R fma(R a, R b, R c) { return a * b + c; }
  // x86 maxps/minps semantics (b when either is NaN); callers track NaN themselves
  static R max(R a, R b) { return a > b ? a : b; }
  static R min(R a, R b) { return a < b ? a : b; }
  static M lt(R a, R b) { return a < b; }
  static M le(R a, R b) { return a <= b; }
  static M gt(R a, R b) { return a > b; }
  static M eq(R a, R b) { return a == b; }
  static M isnan(R a) { return a != a; }
  static M mor(M a, M b) { return a | b; }
  static bool any(M m) { return first(m) >= 0; }
  static int first(M m) {
    for (int i = 0; i < W; ++i)
      if (m[i]) return i;
    return -1;
  }
  static R select(M m, R a, R b) { return (R)((m & (M)a) | (~m & (M)b)); }
  static M sign_bit() { return M{} + std::numeric_limits<Int>::min(); }
  static R abs(R a) { return (R)((M)a & ~sign_bit()); }
  static R copysign(R mag, R sgn) { return (R)(((M)mag & ~sign_bit()) | ((M)sgn & sign_bit())); }
  static R pow2(M k) { return (R)((k + kBias) << kMantBits); }
  // p * 2^n for integral n within twice the normal exponent range: two normal power-of-two
  // factors, so the product rounds once (into subnormals or to inf) as the exact one would.
  static R ldexp(R p, R n) {
    const M ni = __builtin_convertvector(n, M);
    const M h = ni >> 1;
    return p * pow2(h) * pow2(ni - h);
  }
  // x (positive, normal) = m * 2^e with m in [1, 2).
  static R frexp(R x, R* e) {
    const M b = (M)x;
    const M eb = (b >> kMantBits) & (M{} + (2 * kBias + 1));
    *e = __builtin_convertvector(eb - kBias, R);
    const M mant = (M{} + ((Int(1) << kMantBits) - 1));
    return (R)((b & mant) | (M{} + (kBias << kMantBits)));
  }
  static T hsum(R r) {
    T s = r[0];
    for (int i = 1; i < W; ++i) s += r[i];
    return s;
  }
  static T hmax(R r) {
    T s = r[0];
    for (int i = 1; i < W; ++i) s = r[i] > s ? r[i] : s;
    return s;
  }
  static T hmin(R r) {
    T s = r[0];
    for (int i = 1; i < W; ++i) s = r[i] < s ? r[i] : s;
    return s;
  }
};

using VF32 = VGeneric<float, int32_t>;
using VF64 = VGeneric<double, int64_t>;

#include "kernels/vec/vec_kernels.inc"

}  // namespace fg::kernels::vec_generic

namespace fg::kernels::vec {
const Isa kGeneric = {vec_generic::table<float>(), vec_generic::table<double>()};
}  // namespace fg::kernels::vec

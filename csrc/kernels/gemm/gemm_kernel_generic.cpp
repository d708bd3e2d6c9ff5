// Portable GEMM for CPUs below AVX2 (and non-x86): GCC vector extensions give 128-bit SIMD (SSE2,
// NEON) from plain C++; 4 x 8 (f32) / 4 x 4 (f64) tiles fit the 16 registers without spilling.
#include "kernels/gemm/gemm_internal.h"

namespace fg::kernels::gemm_generic {

template <typename Scalar>
struct VGeneric {
  using T = Scalar;
  typedef Scalar R __attribute__((vector_size(16)));
  using Mask = int;  // number of valid lanes
  static constexpr int W = 16 / sizeof(Scalar);
  static R zero() { return R{}; }
  static R set1(T x) { return R{} + x; }
  static R load(const T* p) {
    R r;
    __builtin_memcpy(&r, p, sizeof r);
    return r;
  }
  static R loadm(const T* p, Mask n) {
    R r{};
    for (int i = 0; i < n; ++i) r[i] = p[i];
    return r;
  }
  static void store(T* p, R r) { __builtin_memcpy(p, &r, sizeof r); }
  static void storem(T* p, R r, Mask n) {
    for (int i = 0; i < n; ++i) p[i] = r[i];
  }
  static R add(R a, R b) { return a + b; }
  static R mul(R a, R b) { return a * b; }
  static R fma(R a, R b, R c) { return a * b + c; }
  static Mask mask(int n) { return n < 0 ? 0 : n > W ? W : n; }
  static T hsum(R r) {
    T s = T(0);
    for (int i = 0; i < W; ++i) s += r[i];
    return s;
  }
  static void transpose(R* r) {
    R t[W] = {};
    for (int i = 0; i < W; ++i)
      for (int l = 0; l < W; ++l) t[l][i] = r[i][l];
    for (int i = 0; i < W; ++i) r[i] = t[i];
  }
};
using VF32 = VGeneric<float>;
using VF64 = VGeneric<double>;

#include "kernels/gemm/gemm_driver.inc"

// MC, KC, NC for blocked_packed (see gemm_kernel_avx512.cpp): a 4 x 256 A micro-panel in L1,
// a 256 KiB B block in L2.
using GemmF32 = Gemm<VF32, 4, 2, 3072, 256, 256>;
using GemmF64 = Gemm<VF64, 4, 2, 3072, 256, 128>;

}  // namespace fg::kernels::gemm_generic

namespace fg::kernels {
const GemmIsa kGemmGeneric = {&gemm_generic::GemmF32::run, &gemm_generic::GemmF64::run,
                              4, gemm_generic::GemmF32::NR, 4, gemm_generic::GemmF64::NR};
}  // namespace fg::kernels

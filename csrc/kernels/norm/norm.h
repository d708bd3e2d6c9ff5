#pragma once
// Row and channel kernels of layer_norm and batch_norm. Written once as plain loops
// (norm_kernels.inc) and compiled per ISA, so the compiler vectorises them with that ISA's
// registers; norm_table<T>() picks the current cpu_level()'s row. Each kernel runs serially over
// the range it is given: callers split work with parallel_for. Sums accumulate in double.
#include <cstdint>

namespace fg::kernels::norm {

template <typename T>
struct NormKernels {
  // Rows [0, rows) of length n, row-major: mean and rstd = 1 / sqrt(var + eps) per row (population
  // variance, two passes), y = (x - mean) * rstd * w + b, w / b of length n or null.
  void (*layer_norm_rows)(int64_t rows, int64_t n, const T* x, const T* w, const T* b, double eps, T* y, T* mean,
                          T* rstd);
  // dx of layer_norm per row: with g = dy * w and xhat = (x - mean) * rstd,
  // dx = rstd * (g - mean(g) - xhat * mean(g * xhat)).
  void (*layer_norm_dx_rows)(int64_t rows, int64_t n, const T* dy, const T* x, const T* mean, const T* rstd,
                             const T* w, T* dx);
  // Columns [0, cols) of a rows x ld matrix: dw[j] = sum_i dy * xhat, db[j] = sum_i dy (either may be null).
  void (*layer_norm_param_cols)(int64_t rows, int64_t cols, int64_t ld, const T* dy, const T* x, const T* mean,
                                const T* rstd, T* dw, T* db);
  // Channels [c0, c1) of an (N, C, S) contiguous tensor: out[c - c0] = sum over n, s of
  // (a - a_center[c]) * (b - b_center[c]); b null means 1, a null center means 0.
  void (*channel_dot)(int64_t N, int64_t C, int64_t S, int64_t c0, int64_t c1, const T* a, const T* a_center,
                      const T* b, const T* b_center, double* out);
  // Samples [n0, n1) of an (N, C, S) contiguous tensor: y = a * pa[c] + pc[c] (+ b * pb[c] when b is given).
  void (*channel_affine)(int64_t C, int64_t S, int64_t n0, int64_t n1, const T* a, const T* pa, const T* b,
                         const T* pb, const T* pc, T* y);
};

struct Isa {
  NormKernels<float> f32;
  NormKernels<double> f64;
};

extern const Isa kGeneric;
extern const Isa kAvx2;
extern const Isa kAvx512;

const Isa& isa();

template <typename T> const NormKernels<T>& norm_table();
template <> inline const NormKernels<float>& norm_table<float>() { return isa().f32; }
template <> inline const NormKernels<double>& norm_table<double>() { return isa().f64; }

}  // namespace fg::kernels::norm

#pragma once
// Vectorised float32/float64 kernels for contiguous runs: the hot elementwise maps, row
// reductions and softmax rows. Each is written once (vec_kernels.inc) and compiled per ISA; the
// table for the current cpu_level() is looked up per call, so _set_cpu_level takes effect at once.
// Callers keep their own scalar loops for strided runs and other dtypes.
#include <cstdint>

namespace fg::kernels::vec {

// One slot per activation with a vector kernel, then one per row of ops/unary_ops.def (k_<name>);
// a row without a vector kernel leaves its slot null and runs its scalar forward.
enum Unary : int {
  kTanh, kSigmoid, kRelu, kGeluTanh, kGeluErf,
#define FG_UNARY(NAME, ...) k_##NAME,
#include "ops/unary_ops.def"
#undef FG_UNARY
  kUnaryCount
};
// kAdd computes a + alpha * b (sub is add with -alpha); kMul and kDiv ignore alpha.
enum Binary : int { kAdd, kMul, kDiv, kBinaryCount };
// VV: both operands run; VS: b is one value broadcast; SV: a is one value broadcast.
enum Form : int { kVV, kVS, kSV, kFormCount };

template <typename T>
struct Kernels {
  void (*unary[kUnaryCount])(int64_t n, const T* x, T* y);
  void (*softplus)(int64_t n, const T* x, T* y, T beta, T threshold);
  void (*binary[kBinaryCount][kFormCount])(int64_t n, const T* a, const T* b, T* y, T alpha);
  // y = out <= 0 ? 0 : grad (relu's backward; a NaN output passes its gradient)
  void (*threshold_backward)(int64_t n, const T* grad, const T* out, T* y);
  // Sum of a run, accumulated in double for both dtypes (as the scalar reduction does).
  double (*sum)(int64_t n, const T* x);
  // out[j] = sum over r < rows of x[r * ld + j], for j < cols (double accumulation).
  void (*sum_columns)(int64_t rows, int64_t cols, int64_t ld, const T* x, T* out);
  // Max (or min) of a non-empty run and the index of its first occurrence; a NaN wins (first one).
  // val or idx may be null.
  void (*extreme)(int64_t n, const T* x, bool is_max, T* val, int64_t* idx);
  // One softmax (or log_softmax) row, max-shifted; a row holding a NaN becomes all NaN.
  void (*softmax)(int64_t n, const T* x, T* y, bool log);
  // sum(exp(x - m)) of a non-empty run with m = max(x) written to *m; NaN (both) if the run holds
  // one. Callers keep m and the sum apart: m + log(sum) rounded to T loses the small terms when the
  // logits are large (1e4 in float32 has an ulp of 1e-3).
  T (*sum_exp_max)(int64_t n, const T* x, T* m);
  // y = scale * exp(x - shift)
  void (*exp_shift_scale)(int64_t n, const T* x, T shift, T scale, T* y);
};

struct Isa {
  Kernels<float> f32;
  Kernels<double> f64;
};

extern const Isa kGeneric;
extern const Isa kAvx2;
extern const Isa kAvx512;

// The table for the current cpu_level().
const Isa& isa();

template <typename T> const Kernels<T>& kernels();
template <> inline const Kernels<float>& kernels<float>() { return isa().f32; }
template <> inline const Kernels<double>& kernels<double>() { return isa().f64; }

}  // namespace fg::kernels::vec

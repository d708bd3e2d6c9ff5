// Scans along one dim: cumsum and cumprod. The running value is kept in double for floats and int64
// for integers (torch's CPU acc_type) and stored at each step. Backward as torch's derivatives.yaml.
#include <vector>

#include "autograd/function.h"
#include "kernels/parallel.h"
#include "ops/ops.h"

namespace fg::ops {

namespace {

template <typename T> using acc_t = std::conditional_t<std::is_floating_point_v<T>, double, int64_t>;

// x converted to the result dtype (bool/int64: int64 unless dtype says otherwise), scanned with op.
template <typename Op>
Tensor scan(const char* name, const Tensor& x, int64_t dim, std::optional<DType> dtype, int64_t init, Op op) {
  const int64_t nd = x->dim();
  dim = wrap_dim(dim, nd);
  const DType result_dtype = dtype ? *dtype : is_floating(x->dtype) ? x->dtype : DType::Int64;
  const DType od = wide_dtype(result_dtype);  // a narrow result accumulates in its wide dtype
  if (od != result_dtype) {
    NoGradGuard ng;
    return to_dtype(scan(name, x, dim, od, init, op), result_dtype);
  }
  Tensor src;
  {
    NoGradGuard ng;
    src = contiguous(to_dtype(x, od));
  }
  Tensor out = empty(x->shape, od);
  if (x->numel() == 0) return out;
  int64_t outer = 1, inner = 1;
  const int64_t n = nd == 0 ? 1 : x->shape[dim];
  for (int64_t i = 0; i < dim; ++i) outer *= x->shape[i];
  for (int64_t i = dim + 1; i < nd; ++i) inner *= x->shape[i];
  FG_DISPATCH_NUMERIC(od, name, [&] {
    using T = scalar_t;
    const T* in = src->data<T>();
    T* o = out->data<T>();
    const int64_t grain = std::max<int64_t>(1, kGrainSize / std::max<int64_t>(n * inner, 1));
    parallel_for(0, outer, grain, [&](int64_t b, int64_t e) {
      std::vector<acc_t<T>> acc(inner);
      for (int64_t r = b; r < e; ++r) {
        std::fill(acc.begin(), acc.end(), static_cast<acc_t<T>>(init));
        for (int64_t k = 0; k < n; ++k) {
          const int64_t base = (r * n + k) * inner;
          for (int64_t i = 0; i < inner; ++i) {
            acc[i] = op(acc[i], static_cast<acc_t<T>>(in[base + i]));
            o[base + i] = static_cast<T>(acc[i]);
          }
        }
      }
    });
  });
  return out;
}

// torch's reversed_cumsum: the sum of g over this position and every later one along dim.
Tensor reversed_cumsum(const Tensor& g, int64_t dim) { return flip(cumsum(flip(g, {dim}), dim), {dim}); }

// cumprod's backward where x holds a zero (torch's O(n^2) differentiable form): the gradient at k is
// sum over j >= k of g_j * (product of x_0..x_j without x_k).
Tensor cumprod_backward_zeros(const Tensor& g, const Tensor& x, int64_t dim) {
  const int64_t n = x->shape[dim];
  Dims ones_shape = x->shape;
  ones_shape[dim] = 1;
  Tensor one = ones(ones_shape, g->dtype);
  TensorList parts;
  for (int64_t k = 0; k < n; ++k) {
    Tensor omitted;  // product of x without x_k, for positions k..n-1
    if (k == 0) {
      omitted = cat({one, cumprod(slice(x, dim, 1, n, 1), dim)}, dim);
    } else {
      Tensor until_k = prod(slice(x, dim, 0, k, 1), dim, true);
      omitted = k == n - 1 ? until_k : cat({until_k, mul(until_k, cumprod(slice(x, dim, k + 1, n, 1), dim))}, dim);
    }
    parts.push_back(sum(mul(slice(g, dim, k, n, 1), omitted), {dim}, false));
  }
  return stack(parts, dim);
}

}  // namespace

Tensor cumsum(const Tensor& x, int64_t dim, std::optional<DType> dtype) {
  Tensor out = scan("cumsum", x, dim, dtype, 0, [](auto a, auto v) { return a + v; });
  if (autograd::needs_grad(x) && is_floating(out->dtype)) {
    const int64_t d = x->dim() == 0 ? 0 : wrap_dim(dim, x->dim());
    const DType in_dtype = x->dtype;
    autograd::record("CumsumBackward0", {x}, {out}, [d, in_dtype](const TensorList& gs, Node&) {
      Tensor g = to_dtype(gs[0], in_dtype);
      if (g->numel() <= 1 || g->shape[d] == 1) return TensorList{g};
      return TensorList{reversed_cumsum(g, d)};
    }, /*has_saved=*/false);
  }
  return out;
}

Tensor cumprod(const Tensor& x, int64_t dim, std::optional<DType> dtype) {
  Tensor out = scan("cumprod", x, dim, dtype, 1, [](auto a, auto v) { return a * v; });
  if (autograd::needs_grad(x) && is_floating(out->dtype)) {
    const int64_t d = x->dim() == 0 ? 0 : wrap_dim(dim, x->dim());
    const DType in_dtype = x->dtype;
    SavedTensor sx(x, false), so(out, true);
    autograd::record("CumprodBackward0", {x}, {out}, [sx, so, d, in_dtype](const TensorList& gs, Node& self) {
      Tensor x = sx.unpack(self), result = so.unpack(self);
      Tensor g = to_dtype(gs[0], in_dtype);
      if (x->numel() <= 1 || x->shape[d] == 1) return TensorList{g};
      Tensor xs = to_dtype(x, g->dtype);
      bool has_zero;
      {
        NoGradGuard ng;
        has_zero = any(compare(xs, zeros(Dims(), xs->dtype), CmpOp::Eq), {}, false)->data<bool>()[0];
      }
      if (!has_zero) return TensorList{div(reversed_cumsum(mul(to_dtype(result, g->dtype), g), d), xs)};
      return TensorList{cumprod_backward_zeros(g, xs, d)};
    }, /*has_saved=*/true);
  }
  return out;
}

}  // namespace fg::ops

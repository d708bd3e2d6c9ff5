// logcumsumexp along a dim: a scan of torch's log-add-exp (max + log1p(exp(min - max)), so a running sum
// far below its largest term keeps its value instead of underflowing). The backward is torch's formula
// (derivatives.yaml, after TensorFlow's), written with logcumsumexp itself, so it is twice differentiable.
#include <cmath>
#include <limits>

#include "autograd/function.h"
#include "ops/everyday.h"

namespace fg::ops {

namespace {

template <typename T>
T log_add_exp(T x, T y) {
  const T lo = std::min(x, y), hi = std::max(x, y);
  if (lo != hi || std::isfinite(lo)) return hi + std::log1p(std::exp(lo - hi));
  return x;  // both the same infinity
}

Tensor logcumsumexp_forward(const Tensor& x, int64_t d) {
  const int64_t last = x->dim() - 1;
  Tensor moved = contiguous(transpose(alias_detached(x), d, last));
  Tensor out = empty(moved->shape, x->dtype);
  const int64_t n = moved->shape.back();
  if (moved->numel() > 0) {
    FG_DISPATCH_FLOATING(x->dtype, "logcumsumexp", [&] {
      const scalar_t* src = moved->data<scalar_t>();
      scalar_t* dst = out->data<scalar_t>();
      for (int64_t r = 0; r < moved->numel() / n; ++r) {
        scalar_t acc = -std::numeric_limits<scalar_t>::infinity();
        for (int64_t j = 0; j < n; ++j) dst[r * n + j] = acc = log_add_exp(acc, src[r * n + j]);
      }
    });
  }
  return contiguous(transpose(out, d, last));
}

Tensor reverse_logcumsumexp(const Tensor& x, int64_t d) { return flip(logcumsumexp(flip(x, {d}), d), {d}); }

}  // namespace

Tensor logcumsumexp(const Tensor& x, int64_t dim) {
  FG_CHECK(is_floating(x->dtype), NotImplementedError, "\"logcumsumexp_out_cpu\" not implemented for '",
           dtype_short_name(x->dtype), "'");
  if (x->dim() == 0) {
    wrap_dim(dim, 1);
    return clone(x);
  }
  const int64_t d = wrap_dim(dim, x->dim());
  Tensor out = logcumsumexp_forward(x, d);
  if (autograd::needs_grad(x)) {
    SavedTensor saved_x(x, false), saved_out(out, true);
    autograd::record("LogcumsumexpBackward0", {x}, {out}, [saved_x, saved_out, d](const TensorList& g, Node& node) {
      Tensor self = saved_x.unpack(node), result = saved_out.unpack(node);
      const Tensor& grad = g[0];
      Tensor lowest = full({}, grad->dtype == DType::Float32 ? std::numeric_limits<float>::lowest()
                                                            : std::numeric_limits<double>::lowest(), grad->dtype);
      Tensor zero = zeros({}, grad->dtype);
      Tensor log_abs = log(abs(grad));
      Tensor log_pos = where(compare(grad, zero, CmpOp::Gt), log_abs, lowest);
      Tensor log_neg = where(compare(grad, zero, CmpOp::Lt), log_abs, lowest);
      Tensor pos = exp(add(reverse_logcumsumexp(sub(log_pos, result), d), self));
      Tensor neg = exp(add(reverse_logcumsumexp(sub(log_neg, result), d), self));
      return TensorList{sub(pos, neg)};
    }, /*has_saved=*/true);
  }
  return out;
}

}  // namespace fg::ops

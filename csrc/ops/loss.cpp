// Fused cross-entropy over class indices: log-softmax and NLL in one pass and one node, the hot
// loss of classification training. Backward is one kernel, softmax - one_hot scaled per row; under
// create_graph it is written with differentiable ops instead, so higher-order gradients still work.
#include <cmath>

#include "autograd/function.h"
#include "kernels/gil.h"
#include "kernels/parallel.h"
#include "kernels/vec/vec.h"
#include "ops/loss.h"
#include "ops/ops.h"

namespace fg::ops {

namespace {

enum class Reduction { None, Mean, Sum };

Reduction parse_reduction(const std::string& r) {
  if (r == "none") return Reduction::None;
  if (r == "mean") return Reduction::Mean;
  if (r == "sum") return Reduction::Sum;
  throw ValueError(r + " is not a valid value for reduction");
}

// Per row: the max m and s = sum(exp(x - m)), kept apart for precision at large logits, and the
// row's weight (0 for ignored targets). loss = w * (log(s) - (x_t - m)).
template <typename T>
void forward_rows(const T* x, const int64_t* tgt, const T* weight, int64_t n, int64_t c, int64_t ignore_index,
                  T* rmax, T* rsum, T* w, T* loss) {
  for (int64_t i = 0; i < n; ++i) {
    const int64_t t = tgt[i];
    if (t != ignore_index)
      FG_CHECK(t >= 0 && t < c, IndexError, "Target ", t, " is out of bounds.");
  }
  const auto sum_exp_max = kernels::vec::kernels<T>().sum_exp_max;
  kernels::GilRelease nogil(n * c >= kernels::kGilReleaseElements);
  const int64_t grain = std::max<int64_t>(1, kGrainSize / std::max<int64_t>(c, 1));
  parallel_for(0, n, grain, [&](int64_t b, int64_t e) {
    for (int64_t i = b; i < e; ++i) {
      const T* row = x + i * c;
      rsum[i] = sum_exp_max(c, row, &rmax[i]);  // NaN when the row holds one
      const int64_t t = tgt[i];
      if (t == ignore_index) {
        w[i] = 0;
        loss[i] = 0;
      } else {
        w[i] = weight ? weight[t] : T(1);
        loss[i] = w[i] * (std::log(rsum[i]) - (row[t] - rmax[i]));
      }
    }
  });
}

// grad[i, j] = coef[i] * (exp(x[i, j] - m[i]) / s[i] - [j == t_i])
template <typename T>
void backward_rows(const T* x, const int64_t* tgt, const T* rmax, const T* rsum, const T* coef, int64_t n, int64_t c,
                   int64_t ignore_index, T* grad) {
  const auto exp_shift_scale = kernels::vec::kernels<T>().exp_shift_scale;
  kernels::GilRelease nogil(n * c >= kernels::kGilReleaseElements);
  const int64_t grain = std::max<int64_t>(1, kGrainSize / std::max<int64_t>(c, 1));
  parallel_for(0, n, grain, [&](int64_t b, int64_t e) {
    for (int64_t i = b; i < e; ++i) {
      T* g = grad + i * c;
      const T* row = x + i * c;
      const int64_t t = tgt[i];
      if (t == ignore_index || coef[i] == T(0)) {
        for (int64_t j = 0; j < c; ++j) g[j] = 0;
        continue;
      }
      exp_shift_scale(c, row, rmax[i], coef[i] / rsum[i], g);
      g[t] -= coef[i];
    }
  });
}

}  // namespace

Tensor cross_entropy_indices(const Tensor& logits, const Tensor& target, const Tensor& weight, int64_t ignore_index,
                             const std::string& reduction_name) {
  const Reduction red = parse_reduction(reduction_name);
  FG_CHECK(logits->dim() == 2, RuntimeError, "cross_entropy_indices: expected 2-D logits (N, C), got ",
           shape_str(logits->shape));
  FG_CHECK(is_floating(logits->dtype), RuntimeError, "cross_entropy: expected floating point logits, got ",
           dtype_name(logits->dtype));
  FG_CHECK(target->dtype == DType::Int64, RuntimeError, "expected scalar type Long but found ",
           dtype_name(target->dtype));
  const int64_t n = logits->shape[0], c = logits->shape[1];
  FG_CHECK(target->dim() == 1 && target->shape[0] == n, ValueError, "Expected input batch_size (", n,
           ") to match target batch_size (", target->dim() ? target->shape[0] : 0, ").");
  if (weight) {
    FG_CHECK(weight->dim() == 1 && weight->shape[0] == c, RuntimeError, "weight tensor should be defined either for "
             "all ", c, " classes or no classes but got weight tensor of shape: ", shape_str(weight->shape));
    FG_CHECK(weight->dtype == logits->dtype, RuntimeError, "expected weight dtype ", dtype_name(logits->dtype),
             ", got ", dtype_name(weight->dtype));
  }
  Tensor x = contiguous(alias_detached(logits));
  Tensor t = contiguous(alias_detached(target));
  Tensor wc = weight ? contiguous(alias_detached(weight)) : nullptr;
  const DType dt = x->dtype;
  // row statistics: [0] = max, [1] = sum(exp(x - max)), one tensor so backward saves one
  Tensor stats = empty(Dims{2, n}, dt), w = empty(Dims{n}, dt), per = empty(Dims{n}, dt);
  FG_DISPATCH_FLOATING(dt, "cross_entropy", [&] {
    forward_rows<scalar_t>(x->data<scalar_t>(), t->data<int64_t>(), wc ? wc->data<scalar_t>() : nullptr, n, c,
                           ignore_index, stats->data<scalar_t>(), stats->data<scalar_t>() + n, w->data<scalar_t>(),
                           per->data<scalar_t>());
  });
  Tensor out;
  Tensor denom;  // mean: sum of row weights
  {
    NoGradGuard ng;
    if (red == Reduction::None) out = per;
    else if (red == Reduction::Sum) out = sum_all(per);
    else {
      denom = sum_all(w);
      out = div(sum_all(per), denom);
    }
  }
  out = alias_detached(out);
  if (autograd::needs_grad(logits, weight)) {
    FG_CHECK(!(weight && weight->needs_grad()), RuntimeError,
             "cross_entropy: the gradient with respect to the class weights is not supported (torch does not "
             "provide it either)");
    SavedTensor sx(logits, false), st(target, false), sstats(stats, false), sw(w, false), sd(denom, false);
    autograd::record("NllLossBackward0", {logits}, {out},
                     [sx, st, sstats, sw, sd, red, ignore_index, n, c](const TensorList& g, Node& self) {
                       Tensor xv = sx.unpack(self), tv = st.unpack(self), wv = sw.unpack(self);
                       // coef[i] = g (or g[i]) * w[i] / denom
                       Tensor gi = red == Reduction::None ? g[0] : expand(reshape(g[0], {1}), {n});
                       Tensor coef = mul(gi, wv);
                       if (red == Reduction::Mean) coef = div(coef, sd.unpack(self));
                       if (GradMode::is_enabled()) {
                         // create_graph: the same formula with differentiable ops
                         Tensor cls = arange(0, static_cast<double>(c), 1, DType::Int64);
                         Tensor onehot = to_dtype(compare(unsqueeze(tv, 1), cls, CmpOp::Eq), xv->dtype);
                         return TensorList{mul(sub(softmax(xv, 1), onehot), unsqueeze(coef, 1))};
                       }
                       Tensor xc = contiguous(xv), tc = contiguous(tv), cc = contiguous(coef), sc = sstats.unpack(self);
                       Tensor grad = empty(xc->shape, xc->dtype);
                       FG_DISPATCH_FLOATING(xc->dtype, "cross_entropy_backward", [&] {
                         backward_rows<scalar_t>(xc->data<scalar_t>(), tc->data<int64_t>(), sc->data<scalar_t>(),
                                                 sc->data<scalar_t>() + n, cc->data<scalar_t>(), n, c, ignore_index,
                                                 grad->data<scalar_t>());
                       });
                       return TensorList{grad};
                     }, /*has_saved=*/true);
  }
  return out;
}

}  // namespace fg::ops

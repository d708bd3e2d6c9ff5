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

namespace fg::ops {

namespace {

Tensor scalar_like(double v, const Tensor& like) { return result_like_scalar(v, like); }

// Class probabilities: -sum_c w_c * t_c * log_softmax(x)_c per sample (torch's
// cross_entropy_loss_prob_target), with the targets smoothed towards uniform first.
Tensor cross_entropy_probabilities(const Tensor& input, const Tensor& target, const Tensor& weight,
                                   int64_t ignore_index, Reduction red, double label_smoothing) {
  FG_CHECK(is_floating(target->dtype), RuntimeError,
           "Expected floating point type for target with class probabilities, got ", dtype_name(target->dtype));
  FG_CHECK(ignore_index == -100, RuntimeError, "ignore_index is not supported for floating point target");
  const int64_t class_dim = input->dim() == 1 ? 0 : 1, c = input->shape[class_dim];
  Tensor logp = log_softmax(input, class_dim);
  Tensor t = target;
  if (label_smoothing > 0)
    t = add(mul(t, scalar_like(1 - label_smoothing, t)), scalar_like(label_smoothing / c, t));
  Tensor prod = mul(logp, t);
  if (weight) {
    Dims wshape(input->dim(), 1);
    wshape[class_dim] = c;
    prod = mul(prod, reshape(weight, wshape));
  }
  if (red == Reduction::None) return neg(sum(prod, {class_dim}, false));
  if (red == Reduction::Sum) return neg(sum_all(prod));
  const int64_t samples = c == 0 ? 0 : input->numel() / c;
  return div(neg(sum_all(prod)), scalar_like(static_cast<double>(samples), prod));
}

// Class indices of any shape: the classes moved last and flattened to rows for the fused kernel,
// then torch's label smoothing, (1 - s) * nll + s / C * (-sum_c w_c log_softmax(x)_c).
Tensor cross_entropy_class_indices(const Tensor& input, const Tensor& target, const Tensor& weight,
                                   int64_t ignore_index, Reduction red, const std::string& reduction_name,
                                   double label_smoothing) {
  const int64_t nd = input->dim();
  if (nd == 1) {
    FG_CHECK(target->dim() == 0, RuntimeError, "Expected target size [], got ", shape_str(target->shape));
  } else {
    FG_CHECK(target->dim() >= 1 && target->shape[0] == input->shape[0], ValueError, "Expected input batch_size (",
             input->shape[0], ") to match target batch_size (", target->dim() ? target->shape[0] : 0, ").");
    Dims want = {input->shape[0]};
    for (int64_t d = 2; d < nd; ++d) want.push_back(input->shape[d]);
    FG_CHECK(target->shape == want, RuntimeError, "Expected target size ", shape_str(want), ", got ",
             shape_str(target->shape));
  }
  FG_CHECK(target->dtype == DType::Int64, RuntimeError, "expected target dtype to be Long (int64), but got ",
           dtype_name(target->dtype));
  const int64_t c = input->shape[nd == 1 ? 0 : 1];
  Tensor rows;  // [M, C]
  if (nd == 1) rows = unsqueeze(input, 0);
  else if (nd == 2) rows = input;
  else {
    Dims perm = {0};
    for (int64_t d = 2; d < nd; ++d) perm.push_back(d);
    perm.push_back(1);
    rows = reshape(permute(input, perm), {-1, c});
  }
  Tensor flat_target = reshape(target, {-1});
  Tensor nll = cross_entropy_indices(rows, flat_target, weight, ignore_index, reduction_name);
  if (red == Reduction::None) nll = reshape(nll, target->shape);
  if (label_smoothing == 0) return nll;

  Tensor logp = log_softmax(rows, 1);
  Tensor smooth = neg(sum(weight ? mul(logp, unsqueeze(weight, 0)) : logp, {1}, false));  // [M]
  Tensor ignored = compare(flat_target, scalar_tensor(static_cast<double>(ignore_index), DType::Int64), CmpOp::Eq);
  smooth = where(ignored, zeros_like(smooth), smooth);
  Tensor smooth_red;
  if (red == Reduction::None) {
    smooth_red = reshape(smooth, target->shape);
  } else if (red == Reduction::Sum) {
    smooth_red = sum_all(smooth);
  } else {
    Tensor kept;  // per row: its class weight, or 1; 0 where ignored (torch's normaliser)
    if (weight) {
      Tensor safe_target = where(ignored, zeros_like(flat_target), flat_target);
      Tensor tw = index_select(weight, 0, safe_target);
      kept = where(ignored, zeros_like(tw), tw);
    } else {
      kept = to_dtype(logical_not(ignored), smooth->dtype);
    }
    smooth_red = div(sum_all(smooth), sum_all(kept));
  }
  return add(mul(nll, scalar_like(1 - label_smoothing, nll)), mul(smooth_red, scalar_like(label_smoothing / c, nll)));
}

constexpr float kBceEpsilon = 1e-12f;  // torch's `float EPSILON`, also for float64 inputs

template <typename T>
void bce_forward(int64_t n, const T* p, const T* t, const T* w, T* loss) {
  for (int64_t i = 0; i < n; ++i) {
    FG_CHECK(p[i] >= T(0) && p[i] <= T(1), RuntimeError, "all elements of input should be between 0 and 1");
    FG_CHECK(t[i] >= T(0) && t[i] <= T(1), RuntimeError, "all elements of target should be between 0 and 1");
  }
  kernels::GilRelease nogil(n >= kernels::kGilReleaseElements);
  parallel_for(0, n, kGrainSize, [&](int64_t b, int64_t e) {
    for (int64_t i = b; i < e; ++i) {
      const T l = (t[i] - T(1)) * std::max(static_cast<T>(std::log1p(-p[i])), T(-100)) -
                  t[i] * std::max(static_cast<T>(std::log(p[i])), T(-100));
      loss[i] = w ? l * w[i] : l;
    }
  });
}

// g (per element, or one value when g_stride is 0) times torch's derivatives.
template <typename T>
void bce_backward(int64_t n, const T* g, int64_t g_stride, const T* p, const T* t, const T* w, T* gp, T* gt) {
  kernels::GilRelease nogil(n >= kernels::kGilReleaseElements);
  parallel_for(0, n, kGrainSize, [&](int64_t b, int64_t e) {
    for (int64_t i = b; i < e; ++i) {
      const T gw = w ? g[i * g_stride] * w[i] : g[i * g_stride];
      if (gp) gp[i] = gw * (p[i] - t[i]) / std::max((T(1) - p[i]) * p[i], static_cast<T>(kBceEpsilon));
      if (gt) gt[i] = -static_cast<T>(std::log(p[i] / (T(1) - p[i]))) * gw;  // -logit(p), unclamped as torch's
    }
  });
}

}  // namespace

Tensor cross_entropy(const Tensor& input, const Tensor& target, const Tensor& weight, int64_t ignore_index,
                     const std::string& reduction, double label_smoothing) {
  const Reduction red = parse_reduction(reduction);
  FG_CHECK(label_smoothing >= 0.0 && label_smoothing <= 1.0, RuntimeError,
           "label_smoothing must be between 0.0 and 1.0. Got: ", label_smoothing);
  if (is_narrow(input->dtype) && is_floating(input->dtype)) {
    // float16 / bfloat16 logits: the loss in float32 (to_dtype records, so the gradient comes back in the
    // logits' dtype), rounded to their dtype once
    auto wide = [](const Tensor& t) {  // integer class targets stay as they are (int64 required, as torch)
      return t && is_narrow(t->dtype) && is_floating(t->dtype) ? to_dtype(t, DType::Float32) : t;
    };
    return to_dtype(cross_entropy(wide(input), wide(target), wide(weight), ignore_index, reduction, label_smoothing),
                    input->dtype);
  }
  if (label_smoothing == 0.0 && input->dim() == 2 && target->dim() == 1 && target->dtype == DType::Int64)
    return cross_entropy_indices(input, target, weight, ignore_index, reduction);  // the hot call
  FG_CHECK(input->dim() >= 1, RuntimeError, "cross_entropy: expected an input of at least 1 dim, got a 0-d tensor");
  FG_CHECK(is_floating(input->dtype), RuntimeError, "cross_entropy: expected floating point logits, got ",
           dtype_name(input->dtype));
  const int64_t c = input->shape[input->dim() == 1 ? 0 : 1];
  if (weight)
    FG_CHECK(weight->dim() == 1 && weight->shape[0] == c, RuntimeError, "weight tensor should be defined either for "
             "all ", c, " classes or no classes but got weight tensor of shape: ", shape_str(weight->shape));
  if (target->shape == input->shape)
    return cross_entropy_probabilities(input, target, weight, ignore_index, red, label_smoothing);
  return cross_entropy_class_indices(input, target, weight, ignore_index, red, reduction, label_smoothing);
}

Tensor binary_cross_entropy(const Tensor& input, const Tensor& target, const Tensor& weight,
                            const std::string& reduction_name) {
  const Reduction red = parse_reduction(reduction_name);
  FG_CHECK(input->shape == target->shape, ValueError, "Using a target size (", shape_str(target->shape),
           ") that is different to the input size (", shape_str(input->shape),
           ") is deprecated. Please ensure they have the same size.");
  FG_CHECK(is_floating(input->dtype), RuntimeError, "binary_cross_entropy: expected a floating point input, got ",
           dtype_name(input->dtype));
  FG_CHECK(target->dtype == input->dtype, RuntimeError, "Found dtype ", dtype_name(target->dtype), " but expected ",
           dtype_name(input->dtype));
  if (weight) {
    FG_CHECK(weight->dtype == input->dtype, RuntimeError, "Found dtype ", dtype_name(weight->dtype),
             " but expected ", dtype_name(input->dtype));
    FG_CHECK(!weight->needs_grad() || !GradMode::is_enabled(), RuntimeError,
             "binary_cross_entropy: the gradient with respect to weight is not supported (torch does not "
             "provide it either)");
    broadcast_shapes(weight->shape, input->shape);  // raises when the weight does not broadcast
  }
  const Dims shape = input->shape;
  Tensor p = contiguous(alias_detached(input)), t = contiguous(alias_detached(target));
  Tensor w = weight ? contiguous(expand(alias_detached(weight), shape)) : nullptr;
  Tensor per = empty(p->shape, p->dtype);
  FG_DISPATCH_FLOATING(p->dtype, "binary_cross_entropy", [&] {
    bce_forward<scalar_t>(p->numel(), p->data<scalar_t>(), t->data<scalar_t>(), w ? w->data<scalar_t>() : nullptr,
                          per->data<scalar_t>());
  });
  Tensor out;
  {
    NoGradGuard ng;
    if (red == Reduction::None) out = per;
    else if (red == Reduction::Sum) out = sum_all(per);
    else out = div(sum_all(per), scalar_like(static_cast<double>(per->numel()), per));
  }
  out = alias_detached(out);
  if (autograd::needs_grad(input, target)) {
    SavedTensor sp(input, false), st(target, false), sw(w, false);
    const int64_t n = per->numel();
    autograd::record("BinaryCrossEntropyBackward0", {input, target}, {out},
                     [sp, st, sw, red, n, shape](const TensorList& g, Node& self) {
                       TensorList r(2);
                       Tensor pv = sp.unpack(self), tv = st.unpack(self), wv = sw.defined() ? sw.unpack(self) : nullptr;
                       Tensor gi = g[0];
                       if (red == Reduction::Mean) gi = div(gi, scalar_like(static_cast<double>(n), gi));
                       if (GradMode::is_enabled()) {
                         // create_graph: the same formulas with differentiable ops
                         Tensor gw = wv ? mul(gi, wv) : gi;
                         if (red != Reduction::None) gw = expand(gw, shape);
                         if (self.needs_input_grad(0)) {
                           Tensor denom = clamp(mul(sub(scalar_like(1, pv), pv), pv), static_cast<double>(kBceEpsilon),
                                                std::nullopt);
                           r[0] = mul(gw, div(sub(pv, tv), denom));
                         }
                         if (self.needs_input_grad(1))
                           r[1] = mul(gw, neg(log(div(pv, sub(scalar_like(1, pv), pv)))));
                         return r;
                       }
                       Tensor pc = contiguous(pv), tc = contiguous(tv), gc = contiguous(gi);
                       if (self.needs_input_grad(0)) r[0] = empty(pc->shape, pc->dtype);
                       if (self.needs_input_grad(1)) r[1] = empty(pc->shape, pc->dtype);
                       FG_DISPATCH_FLOATING(pc->dtype, "binary_cross_entropy_backward", [&] {
                         auto ptr = [](const Tensor& x) { return x ? x->data<scalar_t>() : nullptr; };
                         bce_backward<scalar_t>(n, gc->data<scalar_t>(), red == Reduction::None ? 1 : 0, ptr(pc),
                                                ptr(tc), ptr(wv), ptr(r[0]), ptr(r[1]));
                       });
                       return r;
                     }, /*has_saved=*/true);
  }
  return out;
}

// mse_loss as one node (MseLossBackward0, as torch): (input - target)^2 reduced; the backward is torch's
// 2 * (input - target) * grad (2 / n for the mean), summed to each operand's shape.
Tensor mse_loss(const Tensor& input, const Tensor& target, const std::string& reduction_name) {
  const Reduction red = parse_reduction(reduction_name);
  Tensor out;
  Dims shape;
  {
    NoGradGuard ng;
    Tensor d = sub(input, target);
    shape = d->shape;
    Tensor sq = mul(d, d);
    out = red == Reduction::None ? sq : red == Reduction::Sum ? sum_all(sq) : mean(sq, {}, false);
  }
  out = alias_detached(out);
  if (autograd::needs_grad(input, target)) {
    SavedTensor si(input, false), st(target, false);
    const Dims ishape = input->shape, tshape = target->shape;
    const double norm = red == Reduction::Mean ? 2.0 / static_cast<double>(shape_numel(shape)) : 2.0;
    autograd::record("MseLossBackward0", {input, target}, {out}, [si, st, red, norm, shape, ishape, tshape](
                         const TensorList& g, Node& self) {
      TensorList r(2);
      Tensor d = sub(si.unpack(self), st.unpack(self));
      Tensor gi = red == Reduction::None ? g[0] : expand(g[0], shape);
      Tensor grad = mul(mul(scalar_like(norm, d), d), gi);
      if (self.needs_input_grad(0)) r[0] = sum_to(grad, ishape);
      if (self.needs_input_grad(1)) r[1] = sum_to(neg(grad), tshape);
      return r;
    }, /*has_saved=*/true);
  }
  return out;
}

// embedding as one node (EmbeddingBackward0, as torch): the rows of weight at indices; the backward adds
// the incoming rows into a zero table (torch's embedding_dense_backward), none into padding_idx's row.
Tensor embedding(const Tensor& weight, const Tensor& indices, std::optional<int64_t> padding_idx) {
  FG_CHECK(weight->dim() == 2, RuntimeError, "'weight' must be 2-D");
  FG_CHECK(!is_floating(indices->dtype) && indices->dtype != DType::Bool, RuntimeError,
           "Expected tensor for argument #1 'indices' to have one of the following scalar types: Long, Int; but got ",
           dtype_name(indices->dtype), " instead (while checking arguments for embedding)");
  const Dims wshape = weight->shape;
  Tensor flat = reshape(indices, {-1});
  Tensor out;
  {
    NoGradGuard ng;
    Dims out_shape = indices->shape;
    out_shape.push_back(wshape[1]);
    out = reshape(index_select(weight, 0, flat), out_shape);
  }
  out = alias_detached(out);
  if (autograd::needs_grad(weight)) {
    autograd::record("EmbeddingBackward0", {weight}, {out}, [flat, padding_idx, wshape](const TensorList& g, Node&) {
      Tensor rows = reshape(g[0], {-1, wshape[1]});
      if (padding_idx) {
        Tensor is_pad = unsqueeze(compare(flat, scalar_tensor(static_cast<double>(*padding_idx), flat->dtype), CmpOp::Eq), 1);
        rows = masked_fill(rows, is_pad, scalar_tensor(0.0, rows->dtype));
      }
      return TensorList{index_add(zeros(wshape, rows->dtype), 0, flat, rows)};
    }, /*has_saved=*/false);
  }
  return out;
}

}  // namespace fg::ops

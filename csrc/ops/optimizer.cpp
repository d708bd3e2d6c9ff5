// Fused optimizer updates: one pass over each parameter, reading and writing each state tensor
// once, instead of the 3-6 separate elementwise ops of torch's per-parameter step.
//
// Each update performs exactly the float operations of torch's _single_tensor_sgd/_adam (same
// order, scalars rounded to the parameter's dtype where torch rounds them), so results are
// bitwise those of torch. This file is compiled without FMA on purpose: a fused multiply-add
// would round differently from torch's separate multiply and add.
#include <cmath>

#include "kernels/parallel.h"
#include "ops/optimizer.h"

namespace fg::ops {

namespace {

void check_same(const Tensor& p, const Tensor& t, const char* what, const char* opt) {
  FG_CHECK(t, RuntimeError, opt, ": missing ", what);
  FG_CHECK(t->shape == p->shape && t->dtype == p->dtype && t->is_contiguous(), RuntimeError, opt, ": ", what,
           " must be a contiguous tensor with the parameter's shape ", shape_str(p->shape), " and dtype ",
           dtype_name(p->dtype), ", got ", shape_str(t->shape), " ", dtype_name(t->dtype));
}

template <typename F>
void for_elements(int64_t n, F f) {
  parallel_for(0, n, kGrainSize, [&](int64_t b, int64_t e) {
    for (int64_t i = b; i < e; ++i) f(i);
  });
}

template <typename T>
void sgd_one(T* p, const T* g, T* buf, int64_t n, const SgdOptions& o, bool init_buf) {
  const T wd = static_cast<T>(o.weight_decay), mom = static_cast<T>(o.momentum);
  const T one_minus_damp = static_cast<T>(1.0 - o.dampening), neg_lr = static_cast<T>(-o.lr);
  for_elements(n, [&](int64_t i) {
    T d = o.maximize ? -g[i] : g[i];
    if (o.weight_decay != 0) d = d + wd * p[i];
    if (o.momentum != 0) {
      T b;
      if (init_buf) b = d;  // torch: buf = clone(grad)
      else {
        b = buf[i] * mom;
        b = o.dampening == 0 ? b + d : b + one_minus_damp * d;
      }
      buf[i] = b;
      d = o.nesterov ? d + mom * b : b;
    }
    p[i] = p[i] + neg_lr * d;
  });
}

template <typename T>
void adam_one(T* p, const T* g, T* m, T* v, T* vmax, int64_t n, const AdamOptions& o, double step) {
  // Scalars computed in double as torch computes them in Python, then rounded where torch rounds.
  const double bc1 = 1.0 - std::pow(o.beta1, step);
  const double bc2 = 1.0 - std::pow(o.beta2, step);
  const T step_size_neg = static_cast<T>(-(o.lr / bc1));
  const T bc2_sqrt = static_cast<T>(std::pow(bc2, 0.5));
  const T w = static_cast<T>(1.0 - o.beta1);
  const T beta2 = static_cast<T>(o.beta2), one_minus_beta2 = static_cast<T>(1.0 - o.beta2);
  const T eps = static_cast<T>(o.eps), wd = static_cast<T>(o.weight_decay);
  const T decay = static_cast<T>(1.0 - o.lr * o.weight_decay);
  const bool small_weight = std::abs(1.0 - o.beta1) < 0.5;
  for_elements(n, [&](int64_t i) {
    T gi = o.maximize ? -g[i] : g[i];
    T pi = p[i];
    if (o.weight_decay != 0) {
      if (o.decoupled) pi = pi * decay;  // AdamW
      else gi = gi + wd * pi;
    }
    // exp_avg.lerp_(grad, 1 - beta1), torch's two-branch lerp
    const T mi = small_weight ? m[i] + w * (gi - m[i]) : gi - (gi - m[i]) * (T(1) - w);
    m[i] = mi;
    // exp_avg_sq.mul_(beta2).addcmul_(grad, grad, value=1 - beta2)
    T vi = v[i] * beta2;
    vi = vi + one_minus_beta2 * gi * gi;
    v[i] = vi;
    T denom_src = vi;
    if (vmax) {
      T mx = vmax[i];
      mx = (mx != mx || vi != vi) ? mx + vi : (mx > vi ? mx : vi);  // torch.maximum propagates NaN
      vmax[i] = mx;
      denom_src = mx;
    }
    const T denom = std::sqrt(denom_src) / bc2_sqrt + eps;
    p[i] = pi + step_size_neg * mi / denom;
  });
}

}  // namespace

TensorList sgd_step(const TensorList& params, const TensorList& grads, TensorList bufs, const SgdOptions& o) {
  FG_CHECK(params.size() == grads.size() && params.size() == bufs.size(), RuntimeError,
           "sgd: params, grads and momentum buffers must have the same length");
  for (size_t k = 0; k < params.size(); ++k) {
    const Tensor& p = params[k];
    FG_CHECK(is_floating(p->dtype) && p->is_contiguous(), RuntimeError, "sgd: parameters must be contiguous float tensors");
    check_same(p, grads[k], "gradient", "sgd");
    bool init = false;
    if (o.momentum != 0 && !bufs[k]) {
      bufs[k] = empty(p->shape, p->dtype);
      init = true;
    }
    if (bufs[k]) check_same(p, bufs[k], "momentum buffer", "sgd");
    FG_DISPATCH_FLOATING(p->dtype, "sgd", [&] {
      sgd_one<scalar_t>(p->data<scalar_t>(), grads[k]->data<scalar_t>(), bufs[k] ? bufs[k]->data<scalar_t>() : nullptr,
                        p->numel(), o, init);
    });
    p->bump_version();
    if (bufs[k]) bufs[k]->bump_version();
  }
  return bufs;
}

void adam_step(const TensorList& params, const TensorList& grads, const TensorList& exp_avgs,
               const TensorList& exp_avg_sqs, const TensorList& max_exp_avg_sqs, const std::vector<double>& steps,
               const AdamOptions& o) {
  const size_t n = params.size();
  FG_CHECK(grads.size() == n && exp_avgs.size() == n && exp_avg_sqs.size() == n && steps.size() == n &&
               (!o.amsgrad || max_exp_avg_sqs.size() == n),
           RuntimeError, "adam: params, grads, states and steps must have the same length");
  for (size_t k = 0; k < n; ++k) {
    const Tensor& p = params[k];
    FG_CHECK(is_floating(p->dtype) && p->is_contiguous(), RuntimeError, "adam: parameters must be contiguous float tensors");
    check_same(p, grads[k], "gradient", "adam");
    check_same(p, exp_avgs[k], "exp_avg", "adam");
    check_same(p, exp_avg_sqs[k], "exp_avg_sq", "adam");
    if (o.amsgrad) check_same(p, max_exp_avg_sqs[k], "max_exp_avg_sq", "adam");
    FG_DISPATCH_FLOATING(p->dtype, "adam", [&] {
      adam_one<scalar_t>(p->data<scalar_t>(), grads[k]->data<scalar_t>(), exp_avgs[k]->data<scalar_t>(),
                         exp_avg_sqs[k]->data<scalar_t>(), o.amsgrad ? max_exp_avg_sqs[k]->data<scalar_t>() : nullptr,
                         p->numel(), o, steps[k]);
    });
    p->bump_version();
    exp_avgs[k]->bump_version();
    exp_avg_sqs[k]->bump_version();
    if (o.amsgrad) max_exp_avg_sqs[k]->bump_version();
  }
}

}  // namespace fg::ops

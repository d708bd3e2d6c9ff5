// Fused optimizer updates: one pass over each parameter, reading and writing each state tensor
// once, instead of the 3-6 separate elementwise ops of torch's per-parameter step.
//
// Each update performs exactly the float operations of torch's _single_tensor_sgd/_adam (same
// order, scalars rounded to the parameter's dtype where torch rounds them), so results are
// bitwise those of torch. This file is compiled without FMA on purpose: a fused multiply-add
// would round differently from torch's separate multiply and add.
#include <cmath>
#include <type_traits>

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

// Runs body(b, e) over chunks of [0, n); big parameters are split across threads.
template <typename F>
void for_ranges(int64_t n, F body) {
  parallel_for(0, n, kGrainSize, body);
}

// The per-element options are template parameters so each loop is branch-free and vectorises;
// pointers are restrict: a parameter, its gradient and its state never overlap.
template <typename T, bool Maximize, bool Decay, bool Momentum, bool Nesterov, bool Damp>
void sgd_loop(T* __restrict p, const T* __restrict g, T* __restrict buf, int64_t b, int64_t e, T wd, T mom,
              T one_minus_damp, T neg_lr, bool init_buf) {
  for (int64_t i = b; i < e; ++i) {
    T d = Maximize ? -g[i] : g[i];
    if constexpr (Decay) d = d + wd * p[i];
    if constexpr (Momentum) {
      T v;
      if (init_buf) v = d;  // torch: buf = clone(grad)
      else if constexpr (Damp) v = buf[i] * mom + one_minus_damp * d;
      else v = buf[i] * mom + d;
      buf[i] = v;
      d = Nesterov ? d + mom * v : v;
    }
    p[i] = p[i] + neg_lr * d;
  }
}

template <typename T>
void sgd_one(T* p, const T* g, T* buf, int64_t n, const SgdOptions& o, bool init_buf) {
  const T wd = static_cast<T>(o.weight_decay), mom = static_cast<T>(o.momentum);
  const T omd = static_cast<T>(1.0 - o.dampening), neg_lr = static_cast<T>(-o.lr);
  const bool decay = o.weight_decay != 0, momentum = o.momentum != 0, damp = o.dampening != 0;
  // Expand the runtime flags into the template instantiation that handles them.
  auto run = [&](auto maximize, auto dec, auto mo, auto nest, auto dmp) {
    for_ranges(n, [&](int64_t b, int64_t e) {
      sgd_loop<T, decltype(maximize)::value, decltype(dec)::value, decltype(mo)::value, decltype(nest)::value,
               decltype(dmp)::value>(p, g, buf, b, e, wd, mom, omd, neg_lr, init_buf);
    });
  };
  using t = std::true_type;
  using f = std::false_type;
  auto with_momentum = [&](auto maximize, auto dec) {
    if (!momentum) return run(maximize, dec, f{}, f{}, f{});
    if (o.nesterov) return damp ? run(maximize, dec, t{}, t{}, t{}) : run(maximize, dec, t{}, t{}, f{});
    return damp ? run(maximize, dec, t{}, f{}, t{}) : run(maximize, dec, t{}, f{}, f{});
  };
  auto with_decay = [&](auto maximize) { return decay ? with_momentum(maximize, t{}) : with_momentum(maximize, f{}); };
  return o.maximize ? with_decay(t{}) : with_decay(f{});
}

template <typename T, bool Maximize, bool Decay, bool Decoupled, bool Amsgrad, bool SmallWeight>
void adam_loop(T* __restrict p, const T* __restrict g, T* __restrict m, T* __restrict v, T* __restrict vmax, int64_t b,
               int64_t e, T w, T beta2, T one_minus_beta2, T eps, T wd, T decay, T bc2_sqrt, T step_size_neg) {
  for (int64_t i = b; i < e; ++i) {
    T gi = Maximize ? -g[i] : g[i];
    T pi = p[i];
    if constexpr (Decay) {
      if constexpr (Decoupled) pi = pi * decay;  // AdamW
      else gi = gi + wd * pi;
    }
    // exp_avg.lerp_(grad, 1 - beta1), torch's two-branch lerp
    const T mi = SmallWeight ? m[i] + w * (gi - m[i]) : gi - (gi - m[i]) * (T(1) - w);
    m[i] = mi;
    // exp_avg_sq.mul_(beta2).addcmul_(grad, grad, value=1 - beta2)
    T vi = v[i] * beta2;
    vi = vi + one_minus_beta2 * gi * gi;
    v[i] = vi;
    T src = vi;
    if constexpr (Amsgrad) {
      T mx = vmax[i];
      mx = (mx != mx || vi != vi) ? mx + vi : (mx > vi ? mx : vi);  // torch.maximum propagates NaN
      vmax[i] = mx;
      src = mx;
    }
    const T denom = std::sqrt(src) / bc2_sqrt + eps;
    p[i] = pi + step_size_neg * mi / denom;
  }
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
  auto run = [&](auto maximize, auto dec, auto decoupled, auto ams, auto small) {
    for_ranges(n, [&](int64_t b, int64_t e) {
      adam_loop<T, decltype(maximize)::value, decltype(dec)::value, decltype(decoupled)::value, decltype(ams)::value,
                decltype(small)::value>(p, g, m, v, vmax, b, e, w, beta2, one_minus_beta2, eps, wd, decay, bc2_sqrt,
                                        step_size_neg);
    });
  };
  using t = std::true_type;
  using f = std::false_type;
  const bool small = std::abs(1.0 - o.beta1) < 0.5;
  auto l4 = [&](auto mx, auto dec, auto dcp, auto ams) { return small ? run(mx, dec, dcp, ams, t{}) : run(mx, dec, dcp, ams, f{}); };
  auto l3 = [&](auto mx, auto dec, auto dcp) { return o.amsgrad ? l4(mx, dec, dcp, t{}) : l4(mx, dec, dcp, f{}); };
  auto l2 = [&](auto mx) {
    if (o.weight_decay == 0) return l3(mx, f{}, f{});
    return o.decoupled ? l3(mx, t{}, t{}) : l3(mx, t{}, f{});
  };
  return o.maximize ? l2(t{}) : l2(f{});
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

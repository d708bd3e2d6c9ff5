// Fused optimizer updates: one pass over each parameter, reading and writing each state tensor
// once, instead of the 3-6 separate elementwise ops of torch's per-parameter step.
//
// Each update performs the float operations of torch's _single_tensor_sgd/_adam in the same order,
// with scalars rounded to the parameter's dtype where torch rounds them. The loops themselves live
// in kernels/optim/ and are built per ISA; where the compiler fuses a multiply-add, the last bit
// can differ from torch's, as it does between torch's own vectorised and scalar paths.
#include <cmath>
#include <type_traits>

#include "kernels/optim/optim_loops.h"
#include "ops/optimizer.h"

namespace fg::ops {

namespace {

void check_same(const Tensor& p, const Tensor& t, const char* what, const char* opt) {
  FG_CHECK(t, RuntimeError, opt, ": missing ", what);
  FG_CHECK(t->shape == p->shape && t->dtype == p->dtype && t->is_contiguous(), RuntimeError, opt, ": ", what,
           " must be a contiguous tensor with the parameter's shape ", shape_str(p->shape), " and dtype ",
           dtype_name(p->dtype), ", got ", shape_str(t->shape), " ", dtype_name(t->dtype));
}

// The loop for dtype T from the table of the current ISA level.
template <typename T>
auto sgd_loop_for(const kernels::OptimLoops& l) {
  if constexpr (std::is_same_v<T, float>) return l.sgd_f32;
  else return l.sgd_f64;
}
template <typename T>
auto adam_loop_for(const kernels::OptimLoops& l) {
  if constexpr (std::is_same_v<T, float>) return l.adam_f32;
  else return l.adam_f64;
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
      sgd_loop_for<scalar_t>(kernels::optim_loops())(p->data<scalar_t>(), grads[k]->data<scalar_t>(),
                                                     bufs[k] ? bufs[k]->data<scalar_t>() : nullptr, p->numel(), o, init);
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
      adam_loop_for<scalar_t>(kernels::optim_loops())(
          p->data<scalar_t>(), grads[k]->data<scalar_t>(), exp_avgs[k]->data<scalar_t>(), exp_avg_sqs[k]->data<scalar_t>(),
          o.amsgrad ? max_exp_avg_sqs[k]->data<scalar_t>() : nullptr, p->numel(), o, steps[k]);
    });
    p->bump_version();
    exp_avgs[k]->bump_version();
    exp_avg_sqs[k]->bump_version();
    if (o.amsgrad) max_exp_avg_sqs[k]->bump_version();
  }
}

}  // namespace fg::ops

#pragma once
// Fused optimizer steps over lists of parameters (no autograd: they run under no_grad).
#include <vector>

#include "kernels/optim/optim_options.h"
#include "tensor/tensor.h"

namespace fg::ops {

using kernels::SgdOptions;

// Returns the momentum buffers, creating those that are null (torch's first step: buf = grad).
TensorList sgd_step(const TensorList& params, const TensorList& grads, TensorList bufs, const SgdOptions& o);

using kernels::AdamOptions;

// steps: each parameter's step count after this step (torch's state['step']).
void adam_step(const TensorList& params, const TensorList& grads, const TensorList& exp_avgs,
               const TensorList& exp_avg_sqs, const TensorList& max_exp_avg_sqs, const std::vector<double>& steps,
               const AdamOptions& o);

}  // namespace fg::ops

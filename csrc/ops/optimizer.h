#pragma once
// Fused optimizer steps over lists of parameters (no autograd: they run under no_grad).
#include <vector>

#include "tensor/tensor.h"

namespace fg::ops {

struct SgdOptions {
  double lr = 0.01, momentum = 0, dampening = 0, weight_decay = 0;
  bool nesterov = false, maximize = false;
};

// Returns the momentum buffers, creating those that are null (torch's first step: buf = grad).
TensorList sgd_step(const TensorList& params, const TensorList& grads, TensorList bufs, const SgdOptions& o);

struct AdamOptions {
  double lr = 1e-3, beta1 = 0.9, beta2 = 0.999, eps = 1e-8, weight_decay = 0;
  bool amsgrad = false, maximize = false, decoupled = false;  // decoupled: AdamW's weight decay
};

// steps: each parameter's step count after this step (torch's state['step']).
void adam_step(const TensorList& params, const TensorList& grads, const TensorList& exp_avgs,
               const TensorList& exp_avg_sqs, const TensorList& max_exp_avg_sqs, const std::vector<double>& steps,
               const AdamOptions& o);

}  // namespace fg::ops

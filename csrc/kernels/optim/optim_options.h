#pragma once
// The hyper-parameters of the fused optimizer steps. They live with the kernels that read them;
// ops/optimizer.h, which drives those kernels over parameter lists, uses them from here.
namespace fg::kernels {

struct SgdOptions {
  double lr = 0.01, momentum = 0, dampening = 0, weight_decay = 0;
  bool nesterov = false, maximize = false;
};

struct AdamOptions {
  double lr = 1e-3, beta1 = 0.9, beta2 = 0.999, eps = 1e-8, weight_decay = 0;
  bool amsgrad = false, maximize = false, decoupled = false;  // decoupled: AdamW's weight decay
};

}  // namespace fg::kernels

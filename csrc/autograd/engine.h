#pragma once
// Reverse-mode execution of the recorded graph.
#include "tensor/tensor.h"

namespace fg::autograd {

// Runs backward from `roots` seeded with `grad_roots` (null entries: ones for scalar roots).
// With `inputs` empty, gradients accumulate into the leaves' .grad (Tensor.backward); otherwise
// the gradients with respect to `inputs` are returned instead (autograd.grad) and .grad is untouched.
TensorList run_backward(const TensorList& roots, const TensorList& grad_roots, bool keep_graph, bool create_graph,
                        const TensorList& inputs, bool allow_unused);

}  // namespace fg::autograd

#pragma once
// How an op records itself: if grad mode is on and any input needs grad, one FunctionNode is
// made with an edge per input and becomes the grad_fn of the outputs.
#include <initializer_list>

#include "autograd/grad_mode.h"
#include "autograd/node.h"

namespace fg::autograd {

inline bool needs_grad(std::initializer_list<const Tensor*> inputs) {
  if (!GradMode::is_enabled()) return false;
  for (const Tensor* t : inputs)
    if (*t && (*t)->needs_grad()) return true;
  return false;
}
inline bool needs_grad(const Tensor& a) { return needs_grad({&a}); }
inline bool needs_grad(const Tensor& a, const Tensor& b) { return needs_grad({&a, &b}); }
inline bool needs_grad(const Tensor& a, const Tensor& b, const Tensor& c) { return needs_grad({&a, &b, &c}); }
bool needs_grad(const TensorList& inputs);

// Gives `node` an edge per input (invalid where the input needs no grad) and makes it the grad_fn of
// `outputs`, which must be fresh results of the op. Null inputs stand for non-tensor arguments.
void connect(Node& node, const TensorList& inputs, const TensorList& outputs);

// Makes the node for `outputs` (which must be fresh results of the op) with the given backward.
// has_saved: whether the closure holds SavedTensors (then backward frees them and a second backward
// raises, as in torch); the op says so itself, since only it knows what its closure captured.
std::shared_ptr<FunctionNode> record(const char* name, const TensorList& inputs, const TensorList& outputs,
                                     FunctionNode::Backward backward, bool has_saved);

}  // namespace fg::autograd

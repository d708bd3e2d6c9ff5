#include "autograd/function.h"

namespace fg::autograd {

bool needs_grad(const TensorList& inputs) {
  if (!GradMode::is_enabled()) return false;
  for (const Tensor& t : inputs)
    if (t && t->needs_grad()) return true;
  return false;
}

void connect(Node& node, const TensorList& inputs, const TensorList& outputs) {
  node.next_edges.reserve(inputs.size());
  node.input_meta.reserve(inputs.size());
  for (const Tensor& t : inputs) {
    if (t && t->needs_grad()) {
      node.next_edges.push_back(gradient_edge(t));
      node.input_meta.push_back({t->shape, t->dtype});
    } else {
      node.next_edges.push_back(Edge{});
      node.input_meta.push_back({t ? t->shape : Dims{}, t ? t->dtype : DType::Float32});
    }
  }
  std::shared_ptr<Node> self = node.shared_from_this();
  for (size_t i = 0; i < outputs.size(); ++i) {
    const Tensor& out = outputs[i];
    AutogradMeta& meta = out->autograd();
    meta.grad_fn = self;
    meta.output_nr = static_cast<uint32_t>(i);
    meta.requires_grad = true;
    node.output_meta.push_back({out->shape, out->dtype});
  }
}

std::shared_ptr<FunctionNode> record(const char* name, const TensorList& inputs, const TensorList& outputs,
                                     FunctionNode::Backward backward, bool has_saved) {
  auto node = std::make_shared<FunctionNode>(name, std::move(backward));
  node->has_saved = has_saved;
  connect(*node, inputs, outputs);
  return node;
}

}  // namespace fg::autograd

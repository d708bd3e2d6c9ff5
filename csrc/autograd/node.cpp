#include "autograd/node.h"

#include "autograd/grad_mode.h"
#include "ops/ops.h"

namespace fg {

static std::atomic<uint64_t> next_seq_nr{0};

Node::Node() : seq_nr(next_seq_nr++) {}

namespace {
// Nodes waiting to be destroyed by the outermost release_node call on this thread.
thread_local std::vector<std::shared_ptr<Node>> pending_release;
thread_local bool releasing = false;
}  // namespace

void AutogradMetaDeleter::operator()(AutogradMeta* meta) const {
  if (meta->grad_fn) release_node(std::move(meta->grad_fn));
  delete meta;
}

void release_node(std::shared_ptr<Node>&& node) {
  pending_release.push_back(std::move(node));
  if (releasing) return;  // an outer call is draining the list
  releasing = true;
  while (!pending_release.empty()) {
    std::shared_ptr<Node> n = std::move(pending_release.back());
    pending_release.pop_back();
    n.reset();  // may destroy the node, whose destructor pushes its children instead of recursing
  }
  releasing = false;
}

Node::~Node() {
  for (auto& e : next_edges)
    if (e.fn) release_node(std::move(e.fn));
}

AccumulateGrad::AccumulateGrad(Tensor v) : variable(std::move(v)) {
  input_meta.clear();
  output_meta.push_back({variable->shape, variable->dtype});
}

TensorList AccumulateGrad::apply(TensorList&& grads) {
  Tensor g = std::move(grads[0]);
  AutogradMeta& meta = variable->autograd();
  for (auto& hook : meta.leaf_hooks) {
    Tensor r = hook(g);
    if (r) g = r;
  }
  if (!g) return {};
  Tensor& grad = meta.grad;
  if (!grad) {
    if (GradMode::is_enabled()) {
      grad = g;  // create_graph: keep the graph of the gradient
    } else if (g.use_count() == 1 && !g->view_base && g->is_contiguous() && g->owns_storage_alone()) {
      grad = alias_detached(g);  // sole owner of its memory: steal instead of copying
    } else {
      grad = ops::clone(g);
    }
  } else if (GradMode::is_enabled()) {
    grad = ops::add(grad, g);
  } else {
    ops::add_(grad, g);
  }
  return {};
}

SavedTensor::SavedTensor(const Tensor& t, bool is_output) : is_output_(is_output) {
  if (!t) return;
  version_ = t->version->value;
  if (is_output) {
    data_ = alias_detached(t);
    output_nr_ = t->output_nr();
  } else {
    data_ = t;
  }
}

Tensor SavedTensor::unpack_detached() const {
  FG_CHECK(data_, RuntimeError, "Trying to backward through the graph a second time (or directly access saved tensors "
           "after they have already been freed). Specify retain_graph=True if you need to backward through the graph a "
           "second time or if you need to access saved tensors after calling backward.");
  FG_CHECK(data_->version->value == version_, RuntimeError,
           "one of the variables needed for gradient computation has been modified by an inplace operation: [",
           dtype_name(data_->dtype), " ", shape_str(data_->shape), "] is at version ", data_->version->value,
           "; expected version ", version_, " instead.");
  return is_output_ ? alias_detached(data_) : data_;
}

Tensor SavedTensor::unpack(Node& self) const {
  FG_CHECK(data_, RuntimeError,
           "Trying to backward through the graph a second time (or directly access saved tensors after they "
           "have already been freed). Saved intermediate values of the graph are freed when you call "
           ".backward() or autograd.grad(). Specify retain_graph=True if you need to backward through the "
           "graph a second time or if you need to access saved tensors after calling backward.");
  FG_CHECK(data_->version->value == version_, RuntimeError,
           "one of the variables needed for gradient computation has been modified by an inplace operation: [",
           dtype_name(data_->dtype), " ", shape_str(data_->shape), "], which is ",
           is_output_ ? "output " : "an input of ", is_output_ ? std::to_string(output_nr_) + " of " : "",
           self.name(), ", is at version ", data_->version->value, "; expected version ", version_,
           " instead.");
  if (!is_output_) return data_;
  Tensor t = alias_detached(data_);
  AutogradMeta& meta = t->autograd();
  meta.grad_fn = self.shared_from_this();
  meta.output_nr = output_nr_;
  return t;
}

TensorList FunctionNode::apply(TensorList&& grads) {
  std::lock_guard<std::mutex> lock(mu);
  FG_CHECK(!released, RuntimeError,
           "Trying to backward through the graph a second time (or directly access saved tensors after they "
           "have already been freed). Saved intermediate values of the graph are freed when you call "
           ".backward() or autograd.grad(). Specify retain_graph=True if you need to backward through the "
           "graph a second time or if you need to access saved tensors after calling backward.");
  return backward(grads, *this);
}

void FunctionNode::release_saved() {
  if (!has_saved) return;  // nothing to free: the node stays runnable
  std::lock_guard<std::mutex> lock(mu);
  released = true;
  Backward dead = std::move(backward);  // destroyed here: drops the saved tensors in the closure
  backward = nullptr;
}

std::shared_ptr<Node> grad_accumulator(const Tensor& leaf) {
  std::weak_ptr<Node>& slot = leaf->autograd().grad_accumulator;
  auto acc = slot.lock();
  if (!acc) {
    acc = std::make_shared<AccumulateGrad>(leaf);
    slot = acc;
  }
  return acc;
}

Edge gradient_edge(const Tensor& t) {
  if (t->grad_fn()) return Edge{t->grad_fn(), t->output_nr()};
  if (t->requires_grad()) return Edge{grad_accumulator(t), 0};
  return Edge{};
}

}  // namespace fg

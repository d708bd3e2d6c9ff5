#pragma once
// The recorded graph: one Node per differentiable op, with an Edge to the node of each input.
// Gradients flow from a node's outputs (its `out_meta`) to its inputs (its `next_edges`).
#include <atomic>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "tensor/tensor.h"

namespace fg {

struct Edge {
  std::shared_ptr<Node> fn;
  uint32_t input_nr = 0;
  bool valid() const { return fn != nullptr; }
};

struct TensorMeta {
  Dims shape;
  DType dtype = DType::Float32;
};

struct Node : std::enable_shared_from_this<Node> {
  std::vector<Edge> next_edges;         // per forward input; invalid where the input needs no grad
  std::vector<TensorMeta> input_meta;   // per forward input: the shape its gradient must have
  std::vector<TensorMeta> output_meta;  // per forward output: the shape of the incoming gradient
  std::vector<std::pair<uint32_t, GradHook>> pre_hooks;  // hooks registered on non-leaf outputs
  uint64_t seq_nr;

  Node();
  virtual ~Node();
  virtual TensorList apply(TensorList&& grads) = 0;
  virtual std::string name() const = 0;
  virtual void release_saved() {}
  bool needs_input_grad(size_t i) const { return i < next_edges.size() && next_edges[i].valid(); }
};

// Destroys a node without recursing through the chain of nodes it keeps alive.
void release_node(std::shared_ptr<Node>&& node);

// Accumulates an incoming gradient into a leaf's `.grad`.
struct AccumulateGrad : Node {
  Tensor variable;
  explicit AccumulateGrad(Tensor v);
  TensorList apply(TensorList&& grads) override;
  std::string name() const override { return "AccumulateGrad"; }
};

// A tensor saved for backward. Inputs are kept as they are; outputs are kept without their grad_fn
// (which is the saving node itself: keeping it would make a reference cycle) and get it back when
// unpacked. The version recorded at save time catches in-place changes made afterwards.
class SavedTensor {
 public:
  SavedTensor() = default;
  SavedTensor(const Tensor& t, bool is_output);
  Tensor unpack(Node& self) const;
  // For saved tensors held outside a C++ node (custom Python Functions): no grad_fn is restored.
  Tensor unpack_detached() const;
  bool defined() const { return data_ != nullptr; }
  void reset() { data_.reset(); }

 private:
  Tensor data_;
  uint64_t version_ = 0;
  uint32_t output_nr_ = 0;
  bool is_output_ = false;
};

// A node whose backward is a closure written with fastgrad's own differentiable ops, so running
// it with grad mode on records the graph of the gradient (higher-order gradients for free).
struct FunctionNode : Node {
  using Backward = std::function<TensorList(const TensorList& grads, Node& self)>;
  const char* name_;
  Backward backward;
  // Whether the closure holds saved tensors. Only then does backward free it (and a second
  // backward raise); a node that saved nothing can run again, as in torch.
  bool has_saved = true;
  std::mutex mu;  // backward and release of one node never overlap, even from two threads
  bool released = false;

  FunctionNode(const char* name, Backward fn) : name_(name), backward(std::move(fn)) {}
  TensorList apply(TensorList&& grads) override;
  std::string name() const override { return name_; }
  void release_saved() override;
};

// The edge through which a gradient reaches `t`: its grad_fn, or its leaf accumulator.
Edge gradient_edge(const Tensor& t);
std::shared_ptr<Node> grad_accumulator(const Tensor& leaf);

}  // namespace fg

#pragma once
// TensorImpl: a strided view of a Storage, plus the autograd metadata torch keeps on a tensor in a
// separately allocated AutogradMeta that exists only once the tensor takes part in autograd.
// `Tensor` is a shared_ptr to it; the Python object of a tensor holds exactly this pointer, so a
// tensor returned from C++ twice (e.g. `.grad`) is the same Python object both times.
#include <cstdint>
#include <functional>
#include <memory>
#include <vector>

#include "tensor/dtype.h"
#include "tensor/small_vector.h"
#include "tensor/storage.h"

namespace fg {

struct Node;
struct TensorImpl;
using Tensor = std::shared_ptr<TensorImpl>;
using TensorList = std::vector<Tensor>;
// A gradient hook: returns a replacement gradient, or nullptr to keep the one it was given.
using GradHook = std::function<Tensor(const Tensor&)>;

// The autograd fields of a tensor (PyTorch's AutogradMeta). A tensor gets one the first time it
// requires grad, gets a grad_fn, a .grad, a hook or retain_grad: a tensor that never takes part in
// autograd (data, integer indices, everything under no_grad) carries one null pointer for all of it.
struct AutogradMeta {
  bool requires_grad = false;  // for leaves; a non-leaf requires grad iff it has a grad_fn
  bool retains_grad = false;
  uint32_t output_nr = 0;
  std::shared_ptr<Node> grad_fn;
  Tensor grad;
  std::weak_ptr<Node> grad_accumulator;
  std::vector<GradHook> leaf_hooks;  // hooks of a leaf run before accumulation into .grad
};
// Frees an AutogradMeta, handing its grad_fn to the iterative releaser (autograd/node.cpp): a long
// graph is a chain tensor -> grad_fn -> saved tensor -> grad_fn ..., which would overflow the stack
// if released recursively.
struct AutogradMetaDeleter {
  void operator()(AutogradMeta* meta) const;
};

// How a view came to be, for torch's refusals of in-place writes into it under autograd.
enum class ViewCreation : uint8_t {
  Default,
  NoGradMode,           // made while grad mode was off
  MultiOutput,          // one of several views returned together (unbind, split, chunk)
  NoGradMultiOutput,    // both: several views of a base that needed no grad when they were made
};

struct TensorImpl;
// Re-derives a view's autograd history from its base after the shared memory was written in place
// (torch's AsStridedBackward0 regeneration). Defined with the autograd code (autograd/view_history.cpp):
// the readers below call it, so every path that looks at a view's history sees the current one.
void refresh_view_history(TensorImpl& view);

struct TensorImpl {
  std::shared_ptr<Storage> storage;
  int64_t offset = 0;  // in elements
  Dims shape;
  Dims strides;        // in elements
  DType dtype = DType::Float32;
  std::shared_ptr<VersionCounter> version;  // shared by a tensor and its views
  Tensor view_base;                         // set on views: the tensor (never itself a view) they alias
  // On views: the value of `version` when the view's autograd history was last derived from its
  // base's; a different value means the memory was written in place since and the history is stale.
  uint64_t view_version = 0;
  uint32_t view_output_index = 0;               // which of several views returned together (MultiOutput)
  ViewCreation view_creation = ViewCreation::Default;
  const char* view_creator = nullptr;           // the function that returned several views ("Split")
  bool wrapped_number = false;              // a Python scalar: weaker in type promotion, as in torch

  std::unique_ptr<AutogradMeta, AutogradMetaDeleter> autograd_meta;  // null until autograd needs it

  // Readers of the autograd fields: defaults where the tensor has no AutogradMeta. On a view whose
  // memory was written in place since its history was derived, they first bring the history up to date.
  const std::shared_ptr<Node>& grad_fn() const {
    refresh_if_stale();
    return autograd_meta ? autograd_meta->grad_fn : kNoNode;
  }
  bool requires_grad() const {
    refresh_if_stale();
    return autograd_meta && autograd_meta->requires_grad;
  }
  uint32_t output_nr() const {
    refresh_if_stale();
    return autograd_meta ? autograd_meta->output_nr : 0;
  }
  const Tensor& grad() const { return autograd_meta ? autograd_meta->grad : kNoTensor; }
  bool retains_grad() const { return autograd_meta && autograd_meta->retains_grad; }
  // The writable fields, allocated on first use.
  AutogradMeta& autograd() {
    if (!autograd_meta) autograd_meta.reset(new AutogradMeta());
    return *autograd_meta;
  }

  int64_t dim() const { return static_cast<int64_t>(shape.size()); }
  int64_t numel() const {
    int64_t n = 1;
    for (int64_t s : shape) n *= s;
    return n;
  }
  bool is_contiguous() const;
  bool is_leaf() const { return grad_fn() == nullptr; }
  // True when no other tensor or view shares this tensor's memory (its version counter, when it
  // lives in the storage, holds a second reference of the tensor's own).
  bool owns_storage_alone() const {
    const long own = 1 + (version.get() == &storage->version ? 1 : 0);
    return storage.use_count() == own;
  }
  bool needs_grad() const {
    refresh_if_stale();
    return autograd_meta && (autograd_meta->requires_grad || autograd_meta->grad_fn);
  }
  bool is_view() const { return view_base != nullptr; }
  // torch counts a view as requiring grad when its base does, even one made in no_grad mode (which has
  // no history): such a view reports requires_grad and an in-place write into it is refused.
  bool requires_grad_as_view() const { return needs_grad() || (view_base && view_base->needs_grad()); }
  void refresh_if_stale() const {
    if (view_base && view_version != version->value) refresh_view_history(const_cast<TensorImpl&>(*this));
  }
  void* raw_data() const { return static_cast<char*>(storage->data) + offset * itemsize(dtype); }
  template <typename T> T* data() const { return static_cast<T*>(storage->data) + offset; }
  void bump_version() { ++version->value; }

 private:
  static inline const std::shared_ptr<Node> kNoNode{};
  static inline const Tensor kNoTensor{};
};

Dims contiguous_strides(const Dims& shape);
int64_t shape_numel(const Dims& shape);
std::string shape_str(const Dims& shape);

// A fresh contiguous tensor (uninitialised memory).
Tensor empty(const Dims& shape, DType dtype);
// A tensor that aliases `src`'s storage with new geometry; shares the version counter.
Tensor make_view(const Tensor& src, Dims shape, Dims strides, int64_t offset);
// An alias of `src` with no autograd history (what `.detach()` returns).
Tensor alias_detached(const Tensor& src);
// Wrap a Python/C++ scalar as a 0-dim tensor.
Tensor scalar_tensor(double v, DType dtype);

// Normalise a possibly negative dim against `ndim` (IndexError like torch's on out of range).
int64_t wrap_dim(int64_t dim, int64_t ndim);

}  // namespace fg

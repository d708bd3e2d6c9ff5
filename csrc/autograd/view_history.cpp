#include "autograd/view_history.h"

#include "autograd/function.h"
#include "ops/ops.h"

namespace fg {

void refresh_view_history(TensorImpl& view) {
  view.view_version = view.version->value;
  const Tensor& base = view.view_base;
  if (!base->needs_grad()) {
    // the base's history was cleared (overwritten by values without one): so is the view's; a view
    // the user marked requires_grad (a leaf, no grad_fn) stays as it is, as in torch
    if (view.autograd_meta && view.autograd_meta->grad_fn) {
      view.autograd_meta->grad_fn = nullptr;
      view.autograd_meta->requires_grad = false;
    }
    return;
  }
  // From now on the view is as_strided(base) for autograd (torch's AsStridedBackward0).
  ops::ViewGeometry geom = ops::view_geometry(view);
  auto node = std::make_shared<FunctionNode>("AsStridedBackward0", [geom](const TensorList& g, Node&) {
    return TensorList{ops::region_scatter(ops::zeros(geom.base_shape, g[0]->dtype), g[0], geom)};
  });
  node->has_saved = false;
  node->next_edges.push_back(gradient_edge(base));
  node->input_meta.push_back({base->shape, base->dtype});
  node->output_meta.push_back({view.shape, view.dtype});
  AutogradMeta& meta = view.autograd();
  meta.grad_fn = std::move(node);
  meta.output_nr = 0;
  meta.requires_grad = true;
}

namespace autograd {

namespace {
constexpr const char* kMultiOutputAdvice =
    "This view is the output of a function that returns multiple views. Such functions do not allow the output "
    "views to be modified inplace. You should replace the inplace operation by an out-of-place one.";
constexpr const char* kNoGradMode = "A view was created in no_grad mode and is being modified inplace with grad mode enabled. ";
}  // namespace

void check_inplace(const TensorImpl& self) {
  if (self.view_base) {
    switch (self.view_creation) {
      case ViewCreation::NoGradMode:
        throw RuntimeError(str(kNoGradMode,
                               "Given that this use case is ambiguous and error-prone, it is forbidden. You can clarify "
                               "your code by moving both the view and the inplace either both inside the no_grad block "
                               "(if you don't want the inplace to be tracked) or both outside (if you want the inplace "
                               "to be tracked)."));
      case ViewCreation::NoGradMultiOutput: throw RuntimeError(str(kNoGradMode, kMultiOutputAdvice));
      case ViewCreation::MultiOutput:
        throw RuntimeError(str("Output ", self.view_output_index, " of ", self.view_creator,
                               " is a view and is being modified inplace. ", kMultiOutputAdvice));
      case ViewCreation::Default: break;
    }
    FG_CHECK(!(self.needs_grad() && self.view_base->is_leaf()), RuntimeError,
             "a view of a leaf Variable that requires grad is being used in an in-place operation.");
  }
  FG_CHECK(!(self.needs_grad() && self.is_leaf()), RuntimeError,
           "a leaf Variable that requires grad is being used in an in-place operation.");
}

void rebase_view_history(const Tensor& view, const Tensor& result) {
  const Tensor& base = view->view_base;
  ops::ViewGeometry geom = ops::view_geometry(*view);
  // The new base is the old one with the view's elements replaced by result: its gradient goes to the
  // old base with those elements zeroed, and to result as the view's elements of it.
  record("CopySlices", {base, result}, {base}, [geom](const TensorList& g, Node& node) {
    TensorList r(2);
    if (node.needs_input_grad(0)) r[0] = ops::region_scatter(g[0], ops::zeros(geom.shape, g[0]->dtype), geom);
    if (node.needs_input_grad(1)) r[1] = ops::view_region(g[0], geom);
    return r;
  }, /*has_saved=*/false);
  // the view's own history is now stale (the shared version moved) and is re-derived when next read
}

void mark_multi_output_views(const Tensor& base, TensorList& views, const char* creator) {
  if (!GradMode::is_enabled()) return;  // already marked as made in no_grad mode
  const ViewCreation kind = base->needs_grad() ? ViewCreation::MultiOutput : ViewCreation::NoGradMultiOutput;
  for (size_t i = 0; i < views.size(); ++i) {
    views[i]->view_creation = kind;
    views[i]->view_output_index = static_cast<uint32_t>(i);
    views[i]->view_creator = creator;
  }
}

}  // namespace autograd
}  // namespace fg

#pragma once
// Autograd through in-place writes into views (torch's CopySlices and view rebasing). A view and its
// base share memory and a version counter; when either is written in place, the base's history is
// rewritten and every view's history is re-derived from it the next time it is read
// (TensorImpl::refresh_if_stale calls refresh_view_history).
#include "tensor/tensor.h"

namespace fg::autograd {

// torch's check_inplace, for an in-place op whose result takes part in autograd: refuses writes into
// a leaf that requires grad, a view of one, a view made in no_grad mode, or one of several views
// returned together, with torch's messages.
void check_inplace(const TensorImpl& self);

// After `result`'s values were written into the view `view`: the base's history becomes CopySlices
// of its old history and result's (result may be null: values with no history, zero gradient).
void rebase_view_history(const Tensor& view, const Tensor& result);

// Marks the views returned together by one call (unbind, split, chunk): torch refuses in-place
// writes into them under autograd. `creator` names the function in the refusal ("Split").
void mark_multi_output_views(const Tensor& base, TensorList& views, const char* creator);

}  // namespace fg::autograd

// Tensor properties and autograd attributes.
#include <pybind11/functional.h>

#include "autograd/function.h"
#include "python/tensor_methods.h"

namespace fg::python {

namespace {

void set_requires_grad(const Tensor& t, bool value) {
  FG_CHECK(t->is_leaf() || value, RuntimeError,
           "you can only change requires_grad flags of leaf variables. If you want to use a computed variable in a "
           "subgraph that doesn't require differentiation use var_no_grad = var.detach().");
  FG_CHECK(!value || is_floating(t->dtype), RuntimeError,
           "only Tensors of floating point dtype can require gradients");
  if (t->is_leaf() && (value || t->autograd_meta)) t->autograd().requires_grad = value;
}

void set_grad(const Tensor& t, py::handle g) {
  if (g.is_none()) {
    if (t->autograd_meta) t->autograd_meta->grad = nullptr;
    return;
  }
  Tensor gt = g.cast<Tensor>();
  FG_CHECK(gt->shape == t->shape, RuntimeError, "assigned grad has data of a different size: ", shape_str(gt->shape),
           " vs ", shape_str(t->shape));
  FG_CHECK(gt->dtype == t->dtype, RuntimeError, "assigned grad has data of a different type");
  t->autograd().grad = gt;
}

// `p.data = x`: p keeps its identity and autograd flags but takes x's memory and geometry.
void set_data(const Tensor& t, const Tensor& src) {
  t->storage = src->storage;
  t->offset = src->offset;
  t->shape = src->shape;
  t->strides = src->strides;
  t->dtype = src->dtype;
  t->version = src->version;
}

}  // namespace

void bind_tensor_properties(TensorClass& cls) {
  cls.def_property_readonly("shape", [](const Tensor& t) { return make_size(t->shape); })
      .def("size",
           [](const Tensor& t, py::object dim) -> py::object {
             if (dim.is_none()) return make_size(t->shape);
             int64_t d = wrap_dim(dim.cast<int64_t>(), t->dim());
             return py::int_(t->dim() == 0 ? 1 : t->shape[d]);
           },
           py::arg("dim") = py::none())
      .def("stride",
           [](const Tensor& t, py::object dim) -> py::object {
             if (dim.is_none()) return py::tuple(py::cast(std::vector<int64_t>(t->strides.begin(), t->strides.end())));
             return py::int_(t->strides[wrap_dim(dim.cast<int64_t>(), t->dim())]);
           },
           py::arg("dim") = py::none())
      .def("storage_offset", [](const Tensor& t) { return t->offset; })
      .def("dim", &TensorImpl::dim)
      .def("ndimension", &TensorImpl::dim)
      .def_property_readonly("ndim", &TensorImpl::dim)
      .def("numel", &TensorImpl::numel)
      .def("nelement", &TensorImpl::numel)
      .def("element_size", [](const Tensor& t) { return itemsize(t->dtype); })
      .def("is_contiguous", [](const Tensor& t) { return t->is_contiguous(); })
      .def("is_floating_point", [](const Tensor& t) { return is_floating(t->dtype); })
      .def("is_signed", [](const Tensor& t) { return t->dtype != DType::Bool && t->dtype != DType::UInt8; })
      .def_property_readonly("dtype", [](const Tensor& t) { return dtype_object(t->dtype); })
      .def_property_readonly("device", [](const Tensor&) { return py::module_::import("fastgrad._types").attr("cpu"); })
      .def_property_readonly("is_cuda", [](const Tensor&) { return false; })
      .def_property_readonly("_version", [](const Tensor& t) { return t->version->value; })
      .def_property_readonly("_base", [](const Tensor& t) { return t->view_base; })
      .def("_is_view", [](const Tensor& t) { return t->is_view(); })
      .def_property("requires_grad", [](const Tensor& t) { return t->requires_grad_as_view(); }, &set_requires_grad)
      .def_property("grad", [](const Tensor& t) { return t->grad(); }, &set_grad)
      .def_property_readonly("is_leaf", [](const Tensor& t) { return t->is_leaf(); })
      .def_property_readonly("grad_fn", &grad_fn_object)
      .def_property_readonly("retains_grad", [](const Tensor& t) { return t->retains_grad(); })
      .def_property("data", [](const Tensor& t) { return alias_detached(t); }, &set_data)
      .def("detach", [](const Tensor& t) { return alias_detached(t); })
      .def("detach_",
           [](const Tensor& t) {
             FG_CHECK(!t->is_view(), RuntimeError,
                      "Can't detach views in-place. Use detach() instead. If you are using DistributedDataParallel "
                      "(DDP) for training, and gradient_as_bucket_view is set as True, gradients are views of DDP "
                      "buckets, and hence detach_() cannot be called on these gradients. To fix this error, please "
                      "refer to the Optimizer.zero_grad() function in torch/optim/optimizer.py as the solution.");
             if (t->autograd_meta) {
               // torch's detach_ keeps .grad and hooks; only the history and the flag go
               t->autograd_meta->grad_fn = nullptr;
               t->autograd_meta->requires_grad = false;
             }
             return t;
           })
      .def("requires_grad_",
           [](const Tensor& t, bool value) {
             set_requires_grad(t, value);
             return t;
           },
           py::arg("requires_grad") = true)
      .def("retain_grad",
           [](const Tensor& t) {
             if (t->is_leaf() || t->retains_grad()) return;
             t->autograd().retains_grad = true;
             std::weak_ptr<TensorImpl> weak = t;
             t->grad_fn()->pre_hooks.push_back({t->output_nr(), [weak](const Tensor& g) -> Tensor {
                                                if (auto self = weak.lock()) {
                                                  NoGradGuard ng;
                                                  Tensor& grad = self->autograd().grad;
                                                  grad = grad ? ops::add(grad, g) : ops::clone(g);
                                                }
                                                return nullptr;
                                              }});
           })
      .def("register_hook", [](const Tensor& t, py::function fn) {
        FG_CHECK(t->needs_grad(), RuntimeError, "cannot register a hook on a tensor that doesn't require gradient");
        auto active = std::make_shared<bool>(true);
        GradHook hook = [fn, active](const Tensor& g) -> Tensor {
          if (!*active) return nullptr;
          py::object r = fn(g);
          if (r.is_none()) return nullptr;
          return r.cast<Tensor>();
        };
        if (t->is_leaf()) t->autograd().leaf_hooks.push_back(hook);
        else t->grad_fn()->pre_hooks.push_back({t->output_nr(), hook});
        return HookHandle{active};
      });
}

}  // namespace fg::python

// Autograd entry points: grad mode, backward/grad, and nodes for custom Python Functions.
#include <pybind11/functional.h>

#include "autograd/engine.h"
#include "autograd/function.h"
#include "python/args.h"
#include "python/module.h"
#include "tensor/allocator.h"

namespace fg::python {

namespace {

// The node of a fastgrad.autograd.Function: its backward is the user's Python staticmethod.
struct PyFunctionNode : Node {
  std::string name_;
  py::object backward;  // callable(*grads) -> tuple of grads (None allowed)
  bool released = false;

  TensorList apply(TensorList&& grads) override {
    FG_CHECK(!released, RuntimeError,
             "Trying to backward through the graph a second time (or directly access saved tensors after they have "
             "already been freed). Specify retain_graph=True if you need to backward through the graph a second time.");
    py::tuple args(grads.size());
    for (size_t i = 0; i < grads.size(); ++i) args[i] = py::cast(grads[i]);
    py::object r = backward(*args);
    py::tuple rt = py::isinstance<py::tuple>(r) ? py::reinterpret_borrow<py::tuple>(r) : py::make_tuple(r);
    FG_CHECK(rt.size() >= next_edges.size(), RuntimeError, "function ", name_, " returned an incorrect number of gradients (expected ",
             next_edges.size(), ", got ", rt.size(), ")");
    TensorList out(next_edges.size());
    for (size_t i = 0; i < next_edges.size(); ++i) {
      if (rt[i].is_none()) continue;
      FG_CHECK(is_tensor(rt[i]), TypeError, "function ", name_, " returned a gradient of type ",
               Py_TYPE(rt[i].ptr())->tp_name, " at index ", i, "; expected a Tensor or None");
      out[i] = rt[i].cast<Tensor>();
    }
    return out;
  }
  std::string name() const override { return name_; }
  void release_saved() override {
    released = true;
    backward = py::none();
  }
};

// A tensor saved by a custom Function's ctx. A saved output gets its grad_fn (the Function's node)
// back when unpacked, so create_graph differentiates through it; the node is held weakly, since the
// node owns the ctx that owns this (a strong reference would be a cycle).
struct PySavedTensor {
  SavedTensor saved;
  std::weak_ptr<Node> node;
};

}  // namespace

FG_BIND_ORDER(bind_autograd, 10) {
  m.def("_set_grad_enabled", [](bool v) { GradMode::set_enabled(v); });
  m.def("is_grad_enabled", []() { return GradMode::is_enabled(); });
  m.def("_run_backward",
        [](const TensorList& roots, std::vector<py::object> grads, bool keep_graph, bool create_graph,
           const TensorList& inputs, bool allow_unused) {
          TensorList g;
          for (auto& h : grads) g.push_back(optional_tensor(h));
          return autograd::run_backward(roots, g, keep_graph, create_graph, inputs, allow_unused);
        });
  m.def("_make_function_node",
        [](const std::string& name, std::vector<py::object> inputs, const TensorList& outputs, py::object backward) {
          // inputs: the forward's arguments in order (non-tensors as None); outputs: fresh tensors
          auto node = std::make_shared<PyFunctionNode>();
          node->name_ = name;
          node->backward = backward;
          TensorList tensors;
          for (auto& h : inputs) tensors.push_back(is_tensor(h) ? h.cast<Tensor>() : nullptr);
          autograd::connect(*node, tensors, outputs);
        });
  py::class_<PySavedTensor>(m, "_SavedTensor")
      .def(py::init([](const Tensor& t, bool is_output) {
        return PySavedTensor{SavedTensor(t, is_output), is_output && t ? std::weak_ptr<Node>(t->grad_fn()) : std::weak_ptr<Node>()};
      }))
      .def("unpack", [](const PySavedTensor& s) {
        if (auto node = s.node.lock()) return s.saved.unpack(*node);
        return s.saved.unpack_detached();
      });
  m.def("_allocator_cached_bytes", &allocator_cached_bytes);
  m.def("_allocator_empty_cache", &allocator_empty_cache);
}

}  // namespace fg::python

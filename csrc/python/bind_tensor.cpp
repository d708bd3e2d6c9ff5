// fastgrad.Tensor: the C++ TensorImpl bound directly, its methods calling the ops with no Python
// layer in between (the per-op path is the product for small models).
#include <pybind11/functional.h>

#include "autograd/engine.h"
#include "autograd/function.h"
#include "tensor/convert.h"
#include "python/args.h"
#include "python/module.h"
#include "python/tensor_methods.h"

namespace fg::python {

void set_tensor_type(py::handle t);

namespace {

using ops::CmpOp;

double scalar_value(const Tensor& t) {
  FG_CHECK(t->numel() == 1, RuntimeError, "a Tensor with ", t->numel(), " elements cannot be converted to Scalar");
  double v = 0;
  FG_DISPATCH_STORAGE(t->dtype, "item", [&] { v = convert<double, scalar_t>(*t->data<scalar_t>()); });
  return v;
}

// float(t) / int(t) of a tensor with several elements: torch's ValueError (item() raises RuntimeError)
const Tensor& only_one(const Tensor& t) {
  FG_CHECK(t->numel() == 1, ValueError, "only one element tensors can be converted to Python scalars (got shape ",
           shape_str(t->shape), ")");
  return t;
}

py::object item(const Tensor& t);

// int(x) of the element's Python number: an exact int, never a bool (Python deprecates __int__ returning one)
py::object exact_int(const py::object& number) {
  return py::reinterpret_steal<py::object>(PyNumber_Long(number.ptr()));
}

py::object item(const Tensor& t) {
  FG_CHECK(t->numel() == 1, RuntimeError, "a Tensor with ", t->numel(), " elements cannot be converted to Scalar");
  if (t->dtype == DType::Bool) return py::bool_(*t->data<bool>());
  if (t->dtype == DType::Float64) return py::float_(*t->data<double>());
  return FG_DISPATCH_STORAGE(t->dtype, "item", [&]() -> py::object {
    if (is_floating(t->dtype)) return py::float_(convert<double, scalar_t>(*t->data<scalar_t>()));
    return py::int_(convert<int64_t, scalar_t>(*t->data<scalar_t>()));
  });
}

py::object max_or_min(const Tensor& t, py::handle dim_or_other, bool keepdim, bool is_max) {
  if (dim_or_other.is_none()) return py::cast(is_max ? ops::amax(t, {}, false) : ops::amin(t, {}, false));
  if (is_tensor(dim_or_other)) {
    Tensor o = dim_or_other.cast<Tensor>();
    return py::cast(is_max ? ops::maximum(t, o) : ops::minimum(t, o));
  }
  int64_t dim = dim_or_other.cast<int64_t>();
  auto [v, i] = is_max ? ops::max_dim(t, dim, keepdim) : ops::min_dim(t, dim, keepdim);
  return named_pair(is_max ? "max" : "min", v, i);
}

// The grad_fn object seen from Python: name() and next_functions, as torch's.
struct PyNode {
  std::shared_ptr<Node> node;
  // the node; a _Node made directly from Python (not through a tensor's grad_fn) has none
  Node& get() const {
    FG_CHECK(node, RuntimeError, "this grad_fn object is not attached to a graph node (get one from a tensor's grad_fn)");
    return *node;
  }
};

}  // namespace

namespace {
// A grad_fn as Python sees it: an instance of a subclass of _Node named after the node (AddBackward0, ...), so
// type(t.grad_fn).__name__ and its repr read as torch's. One class per name, made on first use and kept.
py::object node_object(const std::shared_ptr<Node>& node) {
  static py::dict* classes = new py::dict();  // never freed: it must outlive the interpreter's teardown order
  py::str name(node->name());
  if (!classes->contains(name)) {
    py::dict attrs;
    attrs["__module__"] = py::str("fastgrad.autograd.graph");
    py::object base = py::module_::import("fastgrad._C").attr("_Node");
    (*classes)[name] = py::reinterpret_borrow<py::object>(reinterpret_cast<PyObject*>(&PyType_Type))(
        name, py::make_tuple(base), attrs);
  }
  py::object obj = (*classes)[name]();
  obj.cast<PyNode&>().node = node;
  return obj;
}
}  // namespace

py::object grad_fn_object(const Tensor& t) {
  if (!t->grad_fn()) return py::none();
  return node_object(t->grad_fn());
}

Tensor backward_call(const Tensor& self, py::handle gradient, py::handle retain_graph, bool create_graph,
                     py::handle inputs) {
  Tensor g = optional_tensor(gradient);
  bool keep = retain_graph.is_none() ? create_graph : retain_graph.cast<bool>();
  TensorList ins;
  if (!inputs.is_none()) {
    if (is_tensor(inputs)) ins.push_back(inputs.cast<Tensor>());
    else
      for (auto h : inputs) ins.push_back(h.cast<Tensor>());
  }
  if (ins.empty()) {
    autograd::run_backward({self}, {g}, keep, create_graph, {}, false);
  } else {
    // backward(inputs=...) accumulates only into the given tensors
    TensorList grads = autograd::run_backward({self}, {g}, keep, create_graph, ins, true);
    AutoGradMode mode(create_graph);
    for (size_t i = 0; i < ins.size(); ++i) {
      if (!grads[i]) continue;
      Tensor& dst = ins[i]->autograd().grad;
      dst = dst ? ops::add(dst, grads[i]) : (create_graph ? grads[i] : ops::clone(grads[i]));
    }
  }
  return nullptr;
}

FG_BIND_ORDER(bind_tensor_class, 0) {
  py::class_<PyNode>(m, "_Node")
      .def(py::init<>())  // made empty by node_object, through the per-name subclass, then pointed at its node
      .def("name", [](const PyNode& n) { return n.get().name(); })
      .def_property_readonly("next_functions",
                             [](const PyNode& n) {
                               py::list out;
                               for (const Edge& e : n.get().next_edges) {
                                 if (e.fn) out.append(py::make_tuple(node_object(e.fn), e.input_nr));
                                 else out.append(py::make_tuple(py::none(), 0));
                               }
                               return py::tuple(out);
                             })
      .def("__repr__", [](const PyNode& n) {
        return str("<", n.get().name(), " object at ", static_cast<const void*>(n.node.get()), ">");
      })
      .def("__eq__", [](const PyNode& a, const PyNode& b) { return a.node == b.node; })
      .def("__hash__", [](const PyNode& a) { return std::hash<void*>()(a.node.get()); })
      .def("register_hook", [](const PyNode& n, py::function fn) {
        // hook(grad_inputs, grad_outputs) is not modelled; expose the tensor-style pre-hook instead
        n.get().pre_hooks.push_back({0, [fn](const Tensor& g) -> Tensor {
                                       py::object r = fn(g);
                                       return r.is_none() ? nullptr : r.cast<Tensor>();
                                     }});
      });

  py::class_<HookHandle>(m, "_HookHandle").def("remove", [](HookHandle& h) { *h.active = false; });

  py::class_<TensorImpl, Tensor> cls(m, "Tensor");
  set_tensor_type(cls);
  cls.def(py::init([]() { return empty(Dims{0}, DType::Float32); }))
      .def(py::init([](const Tensor& other) { return alias_detached(other); }), py::arg("data"))
      // the legacy constructors: Tensor([1, 2]) copies data as float32, Tensor(2, 3) is uninitialised
      .def(py::init([](const py::args& args) -> Tensor {
        if (args.size() == 1 && !PyLong_Check(args[0].ptr())) {
          py::object fg = py::module_::import("fastgrad");
          return fg.attr("tensor")(args[0], py::arg("dtype") = fg.attr("float32")).cast<Tensor>();
        }
        Dims shape;
        for (auto h : args) {
          FG_CHECK(PyLong_Check(h.ptr()), TypeError, "Tensor(): expected a sequence or ints as sizes, got an element of "
                   "type ", Py_TYPE(h.ptr())->tp_name);
          const int64_t s = h.cast<int64_t>();
          FG_CHECK(s >= 0, RuntimeError, "Trying to create tensor with negative dimension ", s, ": ", "[", s, "]");
          shape.push_back(s);
        }
        return empty(shape, DType::Float32);
      }));
  bind_tensor_properties(cls);
  bind_tensor_math(cls, m);
  bind_tensor_shape(cls, m);
  bind_tensor_inplace(cls);

  cls.def("item", &item)
      .def("__float__", [](const Tensor& t) { return scalar_value(only_one(t)); })
      // int() goes through the Python number of the element, not through double: an int64 beyond
      // 2**53 stays exact, and a float beyond int64 converts as Python's int(float) does.
      .def("__int__", [](const Tensor& t) { return exact_int(item(only_one(t))); })
      .def("__index__", [](const Tensor& t) {
        FG_CHECK(t->dtype == DType::Int64 || t->dtype == DType::Bool, TypeError,
                 "only integer tensors of a single element can be converted to an index");
        return exact_int(item(only_one(t)));
      })
      // format(t, spec): a 0-d tensor formats as its Python number (f"{loss:.4f}"), as torch's __format__.
      .def("__format__", [](py::handle self, const std::string& spec) -> py::object {
        const Tensor& t = self.cast<const Tensor&>();
        if (t->dim() == 0) return item(t).attr("__format__")(spec);
        FG_CHECK(spec.empty(), TypeError, "unsupported format string passed to Tensor.__format__");
        return py::str(self);
      })
      .def("__bool__", [](const Tensor& t) {
        FG_CHECK(t->numel() == 1, RuntimeError, "Boolean value of Tensor with more than one value is ambiguous");
        return scalar_value(t) != 0;
      })
      .def("__len__", [](const Tensor& t) {
        FG_CHECK(t->dim() > 0, TypeError, "len() of a 0-d tensor");
        return t->shape[0];
      })
      .def("__hash__", [](py::handle self) { return reinterpret_cast<intptr_t>(self.ptr()) >> 4; })
      .def("backward", &backward_call, py::arg("gradient") = py::none(), py::arg("retain_graph") = py::none(),
           py::arg("create_graph") = false, py::arg("inputs") = py::none())
      .def("max", [](const Tensor& t, py::object dim, bool keepdim, py::object keepdims) {
        return max_or_min(t, dim, keepdim_of(keepdim, keepdims, "max"), true);
      }, py::arg("dim") = py::none(), py::arg("keepdim") = false, py::kw_only(), py::arg("keepdims") = py::none())
      .def("min", [](const Tensor& t, py::object dim, bool keepdim, py::object keepdims) {
        return max_or_min(t, dim, keepdim_of(keepdim, keepdims, "min"), false);
      }, py::arg("dim") = py::none(), py::arg("keepdim") = false, py::kw_only(), py::arg("keepdims") = py::none());
}

}  // namespace fg::python

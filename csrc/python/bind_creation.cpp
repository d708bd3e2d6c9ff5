// Tensor creation and random sampling: zeros, ones, full, empty, arange, linspace, eye, rand,
// randn, randint, randperm, the *_like forms, Generator and manual_seed.
#include "autograd/grad_mode.h"
#include "ops/random.h"
#include "python/module.h"
#include "python/tensor_methods.h"

namespace fg::python {

namespace {

DType dtype_or(py::handle dt, DType fallback) { return dt.is_none() ? fallback : dtype_from(dt); }

Tensor finish(Tensor t, bool requires_grad) {
  if (requires_grad) {
    FG_CHECK(is_floating(t->dtype), RuntimeError, "Only Tensors of floating point dtype can require gradients");
    t->autograd().requires_grad = true;
  }
  return t;
}

Generator& gen_of(py::handle g) {
  if (g.is_none()) return *default_generator();
  return *g.cast<std::shared_ptr<Generator>>();
}

DType scalar_dtype(py::handle v) {
  if (PyBool_Check(v.ptr())) return DType::Bool;
  if (PyLong_Check(v.ptr())) return DType::Int64;
  return DType::Float32;
}

// Binds f(*size, dtype=None, requires_grad=False, ...) for a shape-taking creation function.
template <typename Make>
void def_sized(py::module_& m, const char* name, Make make) {
  m.def(name, [make, name](const py::args& args, const py::kwargs& kw) {
    Dims shape = shape_from_args(args, name);
    if (kw.contains("size")) shape = shape_from_args(py::make_tuple(kw["size"]), name);
    DType dt = dtype_or(kw.contains("dtype") ? py::object(kw["dtype"]) : py::object(py::none()), DType::Float32);
    py::object g = kw.contains("generator") ? py::object(kw["generator"]) : py::object(py::none());
    bool rg = kw.contains("requires_grad") && kw["requires_grad"].cast<bool>();
    return finish(make(shape, dt, g), rg);
  });
}

template <typename Make>
void def_like(py::module_& m, const char* name, Make make) {
  m.def(name, [make](const Tensor& t, py::object dtype, bool requires_grad, py::object generator) {
    return finish(make(t->shape, dtype_or(dtype, t->dtype), generator), requires_grad);
  }, py::arg("input"), py::kw_only(), py::arg("dtype") = py::none(), py::arg("requires_grad") = false,
     py::arg("generator") = py::none());
}

Tensor make_uniform(const Dims& s, DType dt, py::handle g) {
  FG_CHECK(is_floating(dt), RuntimeError, "\"check_uniform_bounds\" not implemented for '", dtype_name(dt) + 6, "'");
  Tensor t = empty(s, dt);
  ops::uniform_fill(t, 0.0, 1.0, gen_of(g));
  return t;
}
Tensor make_normal(const Dims& s, DType dt, py::handle g) {
  FG_CHECK(is_floating(dt), RuntimeError, "\"normal_kernel_cpu\" not implemented for '", dtype_name(dt) + 6, "'");
  Tensor t = empty(s, dt);
  ops::normal_fill(t, 0.0, 1.0, gen_of(g));
  return t;
}

void check_fill_allowed(const Tensor& t) {
  FG_CHECK(!(GradMode::is_enabled() && t->is_leaf() && t->requires_grad()), RuntimeError,
           "a leaf Variable that requires grad is being used in an in-place operation.");
}

}  // namespace

FG_BIND_ORDER(bind_creation, 20) {
  py::class_<Generator, std::shared_ptr<Generator>>(m, "Generator")
      .def(py::init([](py::object device) { return std::make_shared<Generator>(); }), py::arg("device") = "cpu")
      .def("manual_seed", [](std::shared_ptr<Generator> g, int64_t seed) {
        g->manual_seed(static_cast<uint64_t>(seed));
        return g;
      })
      .def("initial_seed", &Generator::initial_seed)
      // the state as an int64 tensor of bytes (torch gives a uint8 tensor; fastgrad has no uint8)
      .def("get_state", [](std::shared_ptr<Generator> g) {
        std::lock_guard<std::mutex> lock(g->mutex());
        const std::string s = g->state();
        Tensor t = empty(Dims{static_cast<int64_t>(s.size())}, DType::Int64);
        for (size_t i = 0; i < s.size(); ++i) t->data<int64_t>()[i] = static_cast<unsigned char>(s[i]);
        return t;
      })
      .def("set_state", [](std::shared_ptr<Generator> g, const Tensor& state) {
        FG_CHECK(state->dtype == DType::Int64 && state->dim() == 1, TypeError,
                 "set_state expects the int64 tensor that get_state returned, got a ", dtype_name(state->dtype),
                 " tensor of shape ", shape_str(state->shape));
        Tensor c = ops::contiguous(state);
        std::string s;
        for (int64_t i = 0; i < c->numel(); ++i) s.push_back(static_cast<char>(c->data<int64_t>()[i]));
        std::lock_guard<std::mutex> lock(g->mutex());
        FG_CHECK(g->set_state(s), RuntimeError, "set_state: not a generator state (expected what get_state returned)");
        return g;
      }, py::arg("new_state"))
      .def("seed", [](std::shared_ptr<Generator> g) {
        uint64_t s = std::random_device{}();
        g->manual_seed(s);
        return s;
      });
  m.attr("default_generator") = default_generator();  // an object, as torch.default_generator
  m.def("manual_seed", [](int64_t seed) {
    default_generator()->manual_seed(static_cast<uint64_t>(seed));
    return default_generator();
  });
  m.def("initial_seed", []() { return default_generator()->initial_seed(); });

  def_sized(m, "zeros", [](const Dims& s, DType dt, py::handle) { return ops::zeros(s, dt); });
  def_sized(m, "ones", [](const Dims& s, DType dt, py::handle) { return ops::ones(s, dt); });
  def_sized(m, "empty", [](const Dims& s, DType dt, py::handle) { return empty(s, dt); });
  def_sized(m, "rand", &make_uniform);
  def_sized(m, "randn", &make_normal);
  def_like(m, "zeros_like", [](const Dims& s, DType dt, py::handle) { return ops::zeros(s, dt); });
  def_like(m, "ones_like", [](const Dims& s, DType dt, py::handle) { return ops::ones(s, dt); });
  def_like(m, "empty_like", [](const Dims& s, DType dt, py::handle) { return empty(s, dt); });
  def_like(m, "rand_like", &make_uniform);
  def_like(m, "randn_like", &make_normal);

  m.def("full", [](py::object size, py::object value, py::object dtype, bool requires_grad) {
    Dims s = shape_from_args(py::make_tuple(size), "full");
    DType dt = dtype_or(dtype, scalar_dtype(value));
    return finish(ops::full(s, py::float_(value).cast<double>(), dt), requires_grad);
  }, py::arg("size"), py::arg("fill_value"), py::kw_only(), py::arg("dtype") = py::none(), py::arg("requires_grad") = false);
  m.def("full_like", [](const Tensor& t, py::object value, py::object dtype, bool requires_grad) {
    return finish(ops::full(t->shape, py::float_(value).cast<double>(), dtype_or(dtype, t->dtype)), requires_grad);
  }, py::arg("input"), py::arg("fill_value"), py::kw_only(), py::arg("dtype") = py::none(), py::arg("requires_grad") = false);

  m.def("arange", [](py::object start, py::object end, py::object step, py::object dtype, bool requires_grad) {
    if (end.is_none()) {
      end = start;
      start = py::int_(0);
    }
    bool all_int = !PyFloat_Check(start.ptr()) && !PyFloat_Check(end.ptr()) && !PyFloat_Check(step.ptr());
    DType dt = dtype_or(dtype, all_int ? DType::Int64 : DType::Float32);
    return finish(ops::arange(py::float_(start).cast<double>(), py::float_(end).cast<double>(),
                              py::float_(step).cast<double>(), dt), requires_grad);
  }, py::arg("start"), py::arg("end") = py::none(), py::arg("step") = 1, py::kw_only(), py::arg("dtype") = py::none(),
     py::arg("requires_grad") = false);
  m.def("linspace", [](double start, double end, int64_t steps, py::object dtype, bool requires_grad) {
    return finish(ops::linspace(start, end, steps, dtype_or(dtype, DType::Float32)), requires_grad);
  }, py::arg("start"), py::arg("end"), py::arg("steps"), py::kw_only(), py::arg("dtype") = py::none(),
     py::arg("requires_grad") = false);
  m.def("eye", [](int64_t n, py::object mcols, py::object dtype, bool requires_grad) {
    int64_t mm = mcols.is_none() ? n : mcols.cast<int64_t>();
    return finish(ops::eye(n, mm, dtype_or(dtype, DType::Float32)), requires_grad);
  }, py::arg("n"), py::arg("m") = py::none(), py::kw_only(), py::arg("dtype") = py::none(), py::arg("requires_grad") = false);

  m.def("randint", [](const py::args& args, const py::kwargs& kw) {
    // randint(high, size) or randint(low, high, size)
    FG_CHECK(args.size() >= 2 || kw.contains("size"), TypeError, "randint() missing required argument 'size'");
    int64_t low = 0, high;
    py::object size;
    if (args.size() >= 3) {
      low = args[0].cast<int64_t>();
      high = args[1].cast<int64_t>();
      size = args[2];
    } else if (args.size() == 2 && !kw.contains("size")) {
      high = args[0].cast<int64_t>();
      size = args[1];
    } else {
      if (kw.contains("low")) low = kw["low"].cast<int64_t>();
      high = args.size() == 2 ? args[1].cast<int64_t>() : (args.size() == 1 ? args[0].cast<int64_t>() : kw["high"].cast<int64_t>());
      if (args.size() == 2) low = args[0].cast<int64_t>();
      size = kw["size"];
    }
    Dims s = shape_from_args(py::make_tuple(size), "randint");
    DType dt = dtype_or(kw.contains("dtype") ? py::object(kw["dtype"]) : py::object(py::none()), DType::Int64);
    Tensor t = empty(s, dt);
    ops::randint_fill(t, low, high, gen_of(kw.contains("generator") ? py::object(kw["generator"]) : py::object(py::none())));
    return t;
  });
  m.def("randperm", [](int64_t n, py::object generator, py::object dtype) {
    Tensor t = ops::randperm(n, gen_of(generator));
    return dtype.is_none() ? t : ops::to_dtype(t, dtype_from(dtype));
  }, py::arg("n"), py::kw_only(), py::arg("generator") = py::none(), py::arg("dtype") = py::none());
  m.def("bernoulli", [](const Tensor& p, py::object generator) { return ops::bernoulli(p, gen_of(generator)); },
        py::arg("input"), py::kw_only(), py::arg("generator") = py::none());
}

// random in-place fills on Tensor, bound after the class exists
FG_BIND_ORDER(bind_random_methods, 21) {
  py::object cls = m.attr("Tensor");
  py::cpp_function uniform_(
      [](Tensor& t, double a, double b, py::object g) {
        check_fill_allowed(t);
        ops::uniform_fill(t, a, b, gen_of(g));
        return t;
      },
      py::name("uniform_"), py::is_method(cls), py::arg("from_") = 0.0, py::arg("to") = 1.0, py::kw_only(),
      py::arg("generator") = py::none());
  py::cpp_function normal_(
      [](Tensor& t, double mean, double std, py::object g) {
        check_fill_allowed(t);
        ops::normal_fill(t, mean, std, gen_of(g));
        return t;
      },
      py::name("normal_"), py::is_method(cls), py::arg("mean") = 0.0, py::arg("std") = 1.0, py::kw_only(),
      py::arg("generator") = py::none());
  py::cpp_function bernoulli_(
      [](Tensor& t, double p, py::object g) {
        check_fill_allowed(t);
        Tensor probs = ops::full(t->shape, p, DType::Float64);
        ops::copy_into(t, ops::bernoulli(probs, gen_of(g)));
        t->bump_version();
        return t;
      },
      py::name("bernoulli_"), py::is_method(cls), py::arg("p") = 0.5, py::kw_only(), py::arg("generator") = py::none());
  cls.attr("uniform_") = uniform_;
  cls.attr("normal_") = normal_;
  cls.attr("bernoulli_") = bernoulli_;
}

}  // namespace fg::python

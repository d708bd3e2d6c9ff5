// Random sampling: fastgrad.Generator, the seed functions, rand/randn/randint/randperm and their
// *_like forms, bernoulli, multinomial, and the in-place samplers on Tensor. Arguments are converted
// here; the sampling itself is csrc/ops/random.cpp.
#include "autograd/grad_mode.h"
#include "ops/random.h"
#include "python/module.h"
#include "python/tensor_methods.h"

namespace fg::python {

namespace {

Generator& gen_of(py::handle g) {
  if (g.is_none()) return *default_generator();
  if (!py::isinstance<Generator>(g))
    throw TypeError(str("generator must be a fastgrad.Generator, got ", std::string(py::str(py::type::of(g).attr("__name__")))));
  return *g.cast<std::shared_ptr<Generator>>();
}

py::object kw_or_none(const py::kwargs& kw, const char* name) {
  return kw.contains(name) ? py::object(kw[name]) : py::object(py::none());
}

// A keyword the function does not take raises, as Python does for a named parameter; layout= may only
// name the dense layout, the one fastgrad's random tensors have.
void check_keywords(const py::kwargs& kw, std::initializer_list<const char*> known, const char* fn) {
  for (auto item : kw) {
    const std::string name = py::str(item.first);
    if (name == "layout") {
      FG_CHECK(item.second.is_none() || std::string(py::str(item.second)) == "torch.strided", NotImplementedError,
               fn, "(layout=", std::string(py::str(item.second)), "): fastgrad draws only strided (dense) tensors");
      continue;
    }
    if (name == "memory_format") {  // the *_like draws keep the input's strides: torch's preserve_format
      FG_CHECK(item.second.is_none() || std::string(py::str(item.second)) == "torch.preserve_format",
               NotImplementedError, fn, "(memory_format=", std::string(py::str(item.second)),
               "): fastgrad keeps the input's layout (torch.preserve_format) only");
      continue;
    }
    FG_CHECK(name != "out", NotImplementedError, fn, "(out=...) is not supported by fastgrad; assign the result");
    bool ok = false;
    for (const char* k : known) ok = ok || name == k;
    FG_CHECK(ok, TypeError, fn, "() got an unexpected keyword argument '", name, "'");
  }
}

// A seed as torch reads one: any Python int in [-2^63, 2^64), negatives taken as their two's complement.
uint64_t seed_from(py::handle seed, const char* fn) {
  if (!PyLong_Check(seed.ptr()) || PyBool_Check(seed.ptr()))
    throw RuntimeError(str(fn, " expected a long, but got ", std::string(py::str(py::type::of(seed).attr("__name__")))));
  int overflow = 0;
  const long long as_signed = PyLong_AsLongLongAndOverflow(seed.ptr(), &overflow);
  if (overflow == 0) return static_cast<uint64_t>(as_signed);
  const unsigned long long as_unsigned = PyLong_AsUnsignedLongLong(seed.ptr());
  if (PyErr_Occurred()) {
    PyErr_Clear();
    throw ValueError("Overflow when unpacking long long");
  }
  return as_unsigned;
}

std::vector<uint8_t> state_from(py::handle state) {
  // A state is a uint8 tensor, as torch's (int64 tensors of byte values, which fastgrad returned before
  // it had uint8, are still accepted); torch's tensors and anything numpy reads as bytes work too.
  std::vector<uint8_t> bytes;
  if (is_tensor(state)) {
    Tensor t = state.cast<Tensor>();
    FG_CHECK((t->dtype == DType::UInt8 || t->dtype == DType::Int64) && t->dim() == 1, TypeError,
             "RNG state must be the 1-D uint8 tensor that get_state() returns, got a ",
             dtype_name(t->dtype), " tensor of shape ", shape_str(t->shape));
    Tensor c = ops::contiguous(ops::to_dtype(t, DType::Int64));
    const int64_t* p = c->data<int64_t>();
    for (int64_t i = 0; i < c->numel(); ++i) {
      FG_CHECK(p[i] >= 0 && p[i] <= 255, ValueError, "RNG state values must be bytes (0..255), got ", p[i]);
      bytes.push_back(static_cast<uint8_t>(p[i]));
    }
    return bytes;
  }
  py::object np = py::module_::import("numpy");
  py::object arr = np.attr("asarray")(state);
  FG_CHECK(std::string(py::str(arr.attr("dtype"))) == "uint8" && arr.attr("ndim").cast<int>() == 1, TypeError,
           "RNG state must be a 1-D uint8 tensor or array (torch.ByteTensor, get_state()'s result)");
  py::bytes raw = arr.attr("tobytes")();
  std::string s = raw;
  bytes.assign(s.begin(), s.end());
  return bytes;
}

Tensor state_tensor(const std::vector<uint8_t>& bytes) {
  Tensor t = empty(Dims{static_cast<int64_t>(bytes.size())}, DType::UInt8);
  for (size_t i = 0; i < bytes.size(); ++i) t->data<uint8_t>()[i] = bytes[i];
  return t;
}

// A fresh tensor laid out like `like` (torch's preserve_format): the same dim order in memory, so a
// sampler filling it in memory order draws for the elements in torch's order.
Tensor empty_like_layout(const Tensor& like, DType dtype) {
  Tensor t = empty(like->shape, dtype);
  if (like->is_contiguous()) return t;
  const int64_t nd = like->dim();
  std::vector<int64_t> dims(nd);
  for (int64_t d = 0; d < nd; ++d) dims[d] = d;
  std::stable_sort(dims.begin(), dims.end(), [&](int64_t a, int64_t b) { return like->strides[a] > like->strides[b]; });
  int64_t acc = 1;
  for (int64_t k = nd - 1; k >= 0; --k) {
    t->strides[dims[k]] = acc;
    acc *= std::max<int64_t>(like->shape[dims[k]], 1);
  }
  return t;
}

// (N, C, 1, ..., 1): one dropout draw per feature map
Dims feature_noise_shape(const Tensor& input) {
  FG_CHECK(input->dim() >= 2, RuntimeError, "Feature dropout requires at least 2 dimensions in the input");
  Dims s(input->dim(), 1);
  s[0] = input->shape[0];
  s[1] = input->shape[1];
  return s;
}

// f(*size, generator=None, dtype=None, requires_grad=False) for rand / randn
template <typename Fill>
void def_sampled(py::module_& m, const char* name, Fill fill) {
  m.def(name, [fill, name](const py::args& args, const py::kwargs& kw) {
    Dims shape = kw.contains("size") ? shape_from_args(py::make_tuple(kw["size"]), name) : shape_from_args(args, name);
    for (auto item : kw) {
      const std::string k = py::str(item.first);
      FG_CHECK(k == "size" || k == "generator" || k == "dtype" || k == "requires_grad" || k == "device" ||
               k == "pin_memory", TypeError, name, "() got an unexpected keyword argument '", k, "'");
    }
    check_cpu_device(kw_or_none(kw, "device"), name);
    check_pin_memory(kw_or_none(kw, "pin_memory"));
    DType dt = dtype_or(kw_or_none(kw, "dtype"), default_dtype());
    Tensor t = empty(shape, dt);
    fill(t, gen_of(kw_or_none(kw, "generator")));
    return finish(t, kw.contains("requires_grad") && kw["requires_grad"].cast<bool>());
  });
}

template <typename Fill>
void def_sampled_like(py::module_& m, const char* name, Fill fill) {
  m.def(name, [fill, name](const Tensor& like, py::object generator, py::object dtype, py::object device,
                           bool requires_grad, py::object pin_memory) {
    check_cpu_device(device, name);
    check_pin_memory(pin_memory);
    Tensor t = empty_like_layout(like, dtype_or(dtype, like->dtype));
    fill(t, gen_of(generator));
    return finish(t, requires_grad);
  }, py::arg("input"), py::kw_only(), py::arg("generator") = py::none(), py::arg("dtype") = py::none(),
     py::arg("device") = py::none(), py::arg("requires_grad") = false, py::arg("pin_memory") = py::none());
}

void fill_uniform01(const Tensor& t, Generator& g) {
  ops::uniform_(t, 0.0, 1.0, g);
}
void fill_standard_normal(const Tensor& t, Generator& g) { ops::normal_(t, 0.0, 1.0, g); }

// randint(high, size) / randint(low, high, size), as positional or keyword arguments
struct RandintArgs {
  int64_t low = 0, high = 0;
  py::object size;
};
RandintArgs randint_args(const py::args& args, const py::kwargs& kw, bool has_input) {
  std::vector<py::object> pos;
  for (size_t i = has_input ? 1 : 0; i < args.size(); ++i) pos.push_back(args[i]);
  RandintArgs r;
  const size_t want_size = has_input ? 0 : 1;  // randint_like takes no size
  const bool kw_low = kw.contains("low"), kw_high = kw.contains("high"), kw_size = kw.contains("size");
  const size_t given = pos.size() + kw_low + kw_high + (want_size ? kw_size : 0);
  const char* fn = has_input ? "randint_like" : "randint";
  FG_CHECK(given >= 1 + want_size, TypeError, fn, "() missing required argument 'high'");
  if (pos.size() + kw_low + kw_high + kw_size - (want_size ? 0 : kw_size) == 2 + want_size) {
    size_t i = 0;
    r.low = kw_low ? kw["low"].cast<int64_t>() : pos[i++].cast<int64_t>();
    r.high = kw_high ? kw["high"].cast<int64_t>() : pos[i++].cast<int64_t>();
    if (want_size) r.size = kw_size ? py::object(kw["size"]) : pos[i++];
  } else {
    size_t i = 0;
    r.high = kw_high ? kw["high"].cast<int64_t>() : pos[i++].cast<int64_t>();
    if (want_size) {
      FG_CHECK(kw_size || i < pos.size(), TypeError, fn, "() missing required argument 'size'");
      r.size = kw_size ? py::object(kw["size"]) : pos[i++];
    }
  }
  return r;
}

}  // namespace

FG_BIND_ORDER(bind_random, 20) {
  py::class_<Generator, std::shared_ptr<Generator>>(m, "Generator")
      .def(py::init([](py::object device) {
        FG_CHECK(device.is_none() || std::string(py::str(device)) == "cpu", RuntimeError,
                 "fastgrad has only the CPU generator, got device ", std::string(py::str(device)));
        return std::make_shared<Generator>();
      }), py::arg("device") = "cpu")
      .def_property_readonly("device", [](py::object) { return py::str("cpu"); })
      .def("manual_seed", [](std::shared_ptr<Generator> g, py::object seed) {
        const uint64_t s = seed_from(seed, "manual_seed");
        std::lock_guard<std::mutex> lock(g->mutex());
        g->manual_seed(s);
        return g;
      }, py::arg("seed"))
      .def("initial_seed", [](std::shared_ptr<Generator> g) { return g->initial_seed(); })
      .def("seed", [](std::shared_ptr<Generator> g) {
        const uint64_t s = nondeterministic_seed();
        std::lock_guard<std::mutex> lock(g->mutex());
        g->manual_seed(s);
        return s;
      })
      .def("get_state", [](std::shared_ptr<Generator> g) {
        std::lock_guard<std::mutex> lock(g->mutex());
        return state_tensor(g->state_bytes());
      })
      .def("set_state", [](std::shared_ptr<Generator> g, py::object state) {
        std::vector<uint8_t> bytes = state_from(state);
        std::lock_guard<std::mutex> lock(g->mutex());
        g->set_state_bytes(bytes);
        return g;
      }, py::arg("new_state"));
  m.attr("default_generator") = default_generator();
  m.def("_dropout_noise", [](const Tensor& input, double p, py::object generator) {
    return ops::dropout_noise(empty_like_layout(input, input->dtype), p, gen_of(generator));
  }, py::arg("input"), py::arg("p"), py::kw_only(), py::arg("generator") = py::none());
  // feature=True: one draw per (sample, channel), torch's make_feature_noise; else one per element
  m.def("_alpha_dropout_noise", [](const Tensor& input, double p, bool feature, py::object generator) {
    Tensor noise = feature ? empty(feature_noise_shape(input), input->dtype) : empty_like_layout(input, input->dtype);
    Tensor shift = empty_like_layout(noise, noise->dtype);
    ops::alpha_dropout_noise(noise, shift, p, gen_of(generator));
    return py::make_tuple(noise, shift);
  }, py::arg("input"), py::arg("p"), py::arg("feature"), py::kw_only(), py::arg("generator") = py::none());
  m.def("_feature_dropout_noise", [](const Tensor& input, double p, py::object generator) {
    return ops::dropout_noise(empty(feature_noise_shape(input), input->dtype), p, gen_of(generator));
  }, py::arg("input"), py::arg("p"), py::kw_only(), py::arg("generator") = py::none());
  m.def("manual_seed", [](py::object seed) {
    const uint64_t s = seed_from(seed, "manual_seed");
    auto g = default_generator();
    std::lock_guard<std::mutex> lock(g->mutex());
    g->manual_seed(s);
    return g;
  }, py::arg("seed"));
  m.def("initial_seed", []() { return default_generator()->initial_seed(); });

  def_sampled(m, "rand", &fill_uniform01);
  def_sampled(m, "randn", &fill_standard_normal);
  def_sampled_like(m, "rand_like", &fill_uniform01);
  def_sampled_like(m, "randn_like", &fill_standard_normal);

  m.def("randint", [](const py::args& args, const py::kwargs& kw) {
    check_keywords(kw, {"low", "high", "size", "generator", "dtype", "device", "requires_grad", "pin_memory"},
                   "randint");
    RandintArgs a = randint_args(args, kw, false);
    check_cpu_device(kw_or_none(kw, "device"), "randint");
    check_pin_memory(kw_or_none(kw, "pin_memory"));
    Dims s = shape_from_args(py::make_tuple(a.size), "randint");
    Tensor t = empty(s, dtype_or(kw_or_none(kw, "dtype"), DType::Int64));
    ops::random_(t, a.low, a.high, gen_of(kw_or_none(kw, "generator")));
    return finish(t, kw.contains("requires_grad") && kw["requires_grad"].cast<bool>());
  });
  m.def("randint_like", [](const py::args& args, const py::kwargs& kw) {
    FG_CHECK(args.size() >= 1 && is_tensor(args[0]), TypeError, "randint_like() missing required argument 'input'");
    Tensor like = args[0].cast<Tensor>();
    check_keywords(kw, {"low", "high", "generator", "dtype", "device", "requires_grad"},
                   "randint_like");
    check_cpu_device(kw_or_none(kw, "device"), "randint_like");
    RandintArgs a = randint_args(args, kw, true);
    Tensor t = empty_like_layout(like, dtype_or(kw_or_none(kw, "dtype"), like->dtype));
    ops::random_(t, a.low, a.high, gen_of(kw_or_none(kw, "generator")));
    return finish(t, kw.contains("requires_grad") && kw["requires_grad"].cast<bool>());
  });
  m.def("randperm", [](int64_t n, py::object generator, py::object dtype, py::object device, bool requires_grad,
                       py::object pin_memory) {
    check_cpu_device(device, "randperm");
    check_pin_memory(pin_memory);
    return finish(ops::randperm(n, dtype_or(dtype, DType::Int64), gen_of(generator)), requires_grad);
  }, py::arg("n"), py::kw_only(), py::arg("generator") = py::none(), py::arg("dtype") = py::none(),
     py::arg("device") = py::none(), py::arg("requires_grad") = false, py::arg("pin_memory") = py::none());
  m.def("multinomial", [](const Tensor& input, int64_t num_samples, bool replacement, py::object generator) {
    return ops::multinomial(input, num_samples, replacement, gen_of(generator));
  }, py::arg("input"), py::arg("num_samples"), py::arg("replacement") = false, py::kw_only(),
     py::arg("generator") = py::none());
  // bernoulli(input) draws with probabilities input; bernoulli(input, p) with one probability p
  m.def("bernoulli", [](const Tensor& input, py::object p, py::object generator) {
    Generator& g = gen_of(generator);
    if (p.is_none()) return ops::bernoulli(input, g);
    Tensor out = empty(input->shape, input->dtype);  // torch: a contiguous result
    ops::bernoulli_(out, p.cast<double>(), g);
    return out;
  }, py::arg("input"), py::arg("p") = py::none(), py::kw_only(), py::arg("generator") = py::none());
}

// the in-place samplers on Tensor, bound after the class exists
FG_BIND_ORDER(bind_random_methods, 21) {
  py::object cls = m.attr("Tensor");
  auto method = [&](const char* name, auto fn, auto... extra) {
    cls.attr(name) = py::cpp_function(fn, py::name(name), py::is_method(cls), extra...);
  };
  method("uniform_", [](Tensor& t, double from, double to, py::object g) {
    ops::uniform_(t, from, to, gen_of(g));
    return t;
  }, py::arg("from_") = 0.0, py::arg("to") = 1.0, py::kw_only(), py::arg("generator") = py::none());
  method("normal_", [](Tensor& t, double mean, double std, py::object g) {
    ops::normal_(t, mean, std, gen_of(g));
    return t;
  }, py::arg("mean") = 0.0, py::arg("std") = 1.0, py::kw_only(), py::arg("generator") = py::none());
  method("cauchy_", [](Tensor& t, double median, double sigma, py::object g) {
    ops::cauchy_(t, median, sigma, gen_of(g));
    return t;
  }, py::arg("median") = 0.0, py::arg("sigma") = 1.0, py::kw_only(), py::arg("generator") = py::none());
  method("log_normal_", [](Tensor& t, double mean, double std, py::object g) {
    ops::log_normal_(t, mean, std, gen_of(g));
    return t;
  }, py::arg("mean") = 1.0, py::arg("std") = 2.0, py::kw_only(), py::arg("generator") = py::none());
  method("exponential_", [](Tensor& t, double lambd, py::object g) {
    ops::exponential_(t, lambd, gen_of(g));
    return t;
  }, py::arg("lambd") = 1.0, py::kw_only(), py::arg("generator") = py::none());
  method("geometric_", [](Tensor& t, double p, py::object g) {
    ops::geometric_(t, p, gen_of(g));
    return t;
  }, py::arg("p"), py::kw_only(), py::arg("generator") = py::none());
  // random_(), random_(to), random_(from, to) where to=None means up to the dtype's largest value
  method("random_", [](Tensor& t, const py::args& args, const py::kwargs& kw) {
    for (auto item : kw) {
      const std::string k = py::str(item.first);
      FG_CHECK(k == "from" || k == "to" || k == "generator", TypeError,
               "random_() got an unexpected keyword argument '", k, "'");
    }
    FG_CHECK(args.size() <= 2, TypeError, "random_() takes at most 2 positional arguments (", args.size(), " given)");
    Generator& g = gen_of(kw_or_none(kw, "generator"));
    const bool has_from = args.size() >= 1 || kw.contains("from");
    const bool has_to = args.size() >= 2 || kw.contains("to");
    if (!has_from && !has_to) {
      ops::random_(t, g);
    } else if (args.size() == 1 && !kw.contains("to") && !kw.contains("from")) {
      ops::random_(t, 0, args[0].cast<int64_t>(), g);
    } else {
      FG_CHECK(has_from, TypeError, "random_() missing required argument 'from'");
      py::object from = args.size() >= 1 ? py::object(args[0]) : py::object(kw["from"]);
      py::object to = args.size() >= 2 ? py::object(args[1]) : kw_or_none(kw, "to");
      ops::random_(t, from.cast<int64_t>(), to.is_none() ? std::nullopt : std::optional<int64_t>(to.cast<int64_t>()), g);
    }
    return t;
  });
  method("bernoulli_", [](Tensor& t, py::object p, py::object g) {
    if (is_tensor(p)) ops::bernoulli_(t, p.cast<Tensor>(), gen_of(g));
    else ops::bernoulli_(t, p.cast<double>(), gen_of(g));
    return t;
  }, py::arg("p") = 0.5, py::kw_only(), py::arg("generator") = py::none());
  method("bernoulli", [](const Tensor& t, py::object p, py::object g) {
    if (p.is_none()) return ops::bernoulli(t, gen_of(g));
    Tensor out = empty(t->shape, t->dtype);
    ops::bernoulli_(out, p.cast<double>(), gen_of(g));
    return out;
  }, py::arg("p") = py::none(), py::kw_only(), py::arg("generator") = py::none());
  method("multinomial", [](const Tensor& t, int64_t num_samples, bool replacement, py::object g) {
    return ops::multinomial(t, num_samples, replacement, gen_of(g));
  }, py::arg("num_samples"), py::arg("replacement") = false, py::kw_only(), py::arg("generator") = py::none());
}

}  // namespace fg::python

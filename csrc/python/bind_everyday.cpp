// Bindings of the everyday functions of ops/everyday.h, as fastgrad functions and (where torch has them)
// Tensor methods.
#include "ops/everyday.h"
#include "ops/misc.h"
#include "python/module.h"
#include "python/tensor_methods.h"

namespace fg::python {

namespace {

TensorList tensors_from(const py::args& args, const char* op) {
  // f(a, b, c) or f([a, b, c]), as torch's varargs tensor functions
  py::handle src = args.size() == 1 && !is_tensor(args[0]) ? args[0] : py::handle(args);
  TensorList out;
  for (auto h : src) {
    FG_CHECK(is_tensor(h), TypeError, op, "(): expected Tensors, got ", Py_TYPE(h.ptr())->tp_name);
    out.push_back(h.cast<Tensor>());
  }
  return out;
}

std::optional<int64_t> optional_int(py::handle h) {
  if (h.is_none()) return std::nullopt;
  return h.cast<int64_t>();
}

Tensor triangle_indices(bool lower, int64_t row, int64_t col, int64_t offset, py::handle dtype, py::handle device,
                        py::handle layout) {
  const char* name = lower ? "tril_indices" : "triu_indices";
  check_cpu_device(device, name);
  FG_CHECK(layout.is_none() || std::string(py::str(layout)) == "torch.strided", NotImplementedError, name,
           "(layout=", std::string(py::str(layout)), "): fastgrad makes strided tensors only");
  Tensor idx = lower ? ops::tril_indices(row, col, offset) : ops::triu_indices(row, col, offset);
  const DType dt = dtype_or(dtype, DType::Int64);
  return dt == DType::Int64 ? idx : ops::to_dtype(idx, dt);
}

}  // namespace

FG_BIND_ORDER(bind_everyday, 24) {
  py::object cls = m.attr("Tensor");
  def_both(m, "frac", &ops::frac);
  def_both(m, "logit", [](const Tensor& x, py::handle eps) {
    return ops::logit(x, eps.is_none() ? std::nullopt : std::optional<double>(eps.cast<double>()));
  }, py::arg("eps") = py::none());
  cls.attr("xlogy") = py::cpp_function([](const Tensor& x, py::handle other) {
    return ops::xlogy(x, to_tensor_arg(other, "xlogy"));
  }, py::name("xlogy"), py::is_method(cls), py::arg("other"));
  m.def("xlogy", [](py::handle input, py::handle other) {
    FG_CHECK(is_tensor(input) || is_tensor(other), TypeError, "xlogy(): expected at least one Tensor argument");
    return ops::xlogy(to_tensor_arg(input, "xlogy"), to_tensor_arg(other, "xlogy"));
  }, py::arg("input"), py::arg("other"));
  def_both(m, "aminmax", [](const Tensor& x, py::handle dim, bool keepdim) {
    auto [lo, hi] = ops::aminmax(x, optional_int(dim), keepdim);
    return named_pair("aminmax", lo, hi);
  }, py::kw_only(), py::arg("dim") = py::none(), py::arg("keepdim") = false);
  def_both(m, "cross", [](const Tensor& a, const Tensor& b, py::handle dim) { return ops::cross(a, b, optional_int(dim)); },
       py::arg("other"), py::arg("dim") = py::none());
  def_both(m, "renorm", &ops::renorm, py::arg("p"), py::arg("dim"), py::arg("maxnorm"));
  def_both(m, "logcumsumexp", &ops::logcumsumexp, py::arg("dim"));
  def_both(m, "diff", [](const Tensor& x, int64_t n, int64_t dim, py::handle prepend, py::handle append) {
    return ops::diff(x, n, dim, optional_tensor(prepend), optional_tensor(append));
  }, py::arg("n") = 1, py::arg("dim") = -1, py::arg("prepend") = py::none(), py::arg("append") = py::none());
  def_both(m, "fliplr", &ops::fliplr);
  def_both(m, "flipud", &ops::flipud);
  def_both(m, "rot90", [](const Tensor& x, int64_t k, py::handle dims) { return ops::rot90(x, k, dims_from(dims, "rot90")); },
       py::arg("k") = 1, py::arg("dims") = py::make_tuple(0, 1));
  m.def("tril_indices", [](int64_t row, int64_t col, int64_t offset, py::handle dtype, py::handle device,
                           py::handle layout) {
    return triangle_indices(true, row, col, offset, dtype, device, layout);
  }, py::arg("row"), py::arg("col"), py::arg("offset") = 0, py::kw_only(), py::arg("dtype") = py::none(),
     py::arg("device") = py::none(), py::arg("layout") = py::none());
  m.def("triu_indices", [](int64_t row, int64_t col, int64_t offset, py::handle dtype, py::handle device,
                           py::handle layout) {
    return triangle_indices(false, row, col, offset, dtype, device, layout);
  }, py::arg("row"), py::arg("col"), py::arg("offset") = 0, py::kw_only(), py::arg("dtype") = py::none(),
     py::arg("device") = py::none(), py::arg("layout") = py::none());
  m.def("block_diag", [](const py::args& args) { return ops::block_diag(tensors_from(args, "block_diag")); });
  m.def("cartesian_prod", [](const py::args& args) { return ops::cartesian_prod(tensors_from(args, "cartesian_prod")); });
  m.def("combinations", &ops::combinations, py::arg("input"), py::arg("r") = 2, py::arg("with_replacement") = false);
  // elementwise, tensors or numbers (at least one tensor), as torch's binary functions
  // numbers are taken where torch has a Scalar overload (copysign, float_power); the others want tensors
  auto binary = [&](const char* name, Tensor (*op)(const Tensor&, const Tensor&), bool numbers) {
    auto operand = [numbers, name](py::handle h, const char* arg) {
      FG_CHECK(numbers || is_tensor(h), TypeError, name, "(): argument '", arg, "' must be Tensor, not ",
               Py_TYPE(h.ptr())->tp_name);
      return to_tensor_arg(h, name);
    };
    cls.attr(name) = py::cpp_function([op, operand](const Tensor& x, py::handle other) {
      return op(x, operand(other, "other"));
    }, py::name(name), py::is_method(cls), py::arg("other"));
    m.def(name, [op, operand, name](py::handle input, py::handle other) {
      FG_CHECK(is_tensor(input) || is_tensor(other), TypeError, name, "(): expected at least one Tensor argument");
      return op(operand(input, "input"), operand(other, "other"));
    }, py::arg("input"), py::arg("other"));
  };
  binary("atan2", &ops::atan2, false);
  binary("arctan2", &ops::atan2, false);
  binary("hypot", &ops::hypot, false);
  binary("logaddexp", &ops::logaddexp, false);
  binary("logaddexp2", &ops::logaddexp2, false);
  binary("fmax", &ops::fmax, false);
  binary("fmin", &ops::fmin, false);
  binary("copysign", &ops::copysign, true);
  binary("float_power", &ops::float_power, true);
  def_both(m, "heaviside", &ops::heaviside, py::arg("values"));
  def_both(m, "signbit", &ops::signbit);
  def_both(m, "deg2rad", &ops::deg2rad);
  def_both(m, "rad2deg", &ops::rad2deg);
  def_both(m, "sgn", &ops::sgn);
  def_both(m, "sinc", &ops::sinc);
  def_both(m, "nansum", [](const Tensor& x, py::handle dim, bool keepdim, py::handle dtype) {
    return ops::nansum(x, dim.is_none() ? Dims{} : dims_from(dim, "nansum"), keepdim, optional_dtype(dtype));
  }, py::arg("dim") = py::none(), py::arg("keepdim") = false, py::kw_only(), py::arg("dtype") = py::none());
  def_both(m, "nanmean", [](const Tensor& x, py::handle dim, bool keepdim, py::handle dtype) {
    return ops::nanmean(x, dim.is_none() ? Dims{} : dims_from(dim, "nanmean"), keepdim, optional_dtype(dtype));
  }, py::arg("dim") = py::none(), py::arg("keepdim") = false, py::kw_only(), py::arg("dtype") = py::none());
  def_both(m, "inner", &ops::inner, py::arg("other"));
  def_both(m, "kron", &ops::kron, py::arg("other"));
  def_both(m, "cov", [](const Tensor& x, int64_t correction, py::handle fweights, py::handle aweights) {
    return ops::cov(x, correction, optional_tensor(fweights), optional_tensor(aweights));
  }, py::kw_only(), py::arg("correction") = 1, py::arg("fweights") = py::none(), py::arg("aweights") = py::none());
  def_both(m, "corrcoef", &ops::corrcoef);
  m.def("isin", [](py::handle elements, py::handle test_elements, bool assume_unique, bool invert) {
    (void)assume_unique;  // a speed hint in torch: the result is the same either way
    FG_CHECK(is_tensor(elements) || is_tensor(test_elements), TypeError, "isin(): expected at least one Tensor argument");
    return ops::isin(to_tensor_arg(elements, "isin"), to_tensor_arg(test_elements, "isin"), invert);
  }, py::arg("elements"), py::arg("test_elements"), py::kw_only(), py::arg("assume_unique") = false,
     py::arg("invert") = false);
  auto trapezoid = [](const Tensor& y, py::handle x, py::handle dx, int64_t dim) {
    FG_CHECK(x.is_none() || dx.is_none(), RuntimeError, "trapezoid: received both x and dx; give one");
    return ops::trapezoid(y, is_tensor(x) ? x.cast<Tensor>() : Tensor(),
                          dx.is_none() ? (x.is_none() || is_tensor(x) ? std::nullopt : std::optional<double>(x.cast<double>()))
                                       : std::optional<double>(dx.cast<double>()), dim);
  };
  for (const char* name : {"trapezoid", "trapz"})
    m.def(name, trapezoid, py::arg("y"), py::arg("x") = py::none(), py::kw_only(), py::arg("dx") = py::none(),
          py::arg("dim") = -1);
  // views and splits
  def_both(m, "broadcast_to", [](const Tensor& x, py::handle size) { return ops::expand(x, dims_from(size, "broadcast_to")); },
       py::arg("size"));
  m.def("broadcast_tensors", [](const py::args& args) {
    return py::tuple(py::cast(ops::broadcast_tensors(tensors_from(args, "broadcast_tensors"))));
  });
  for (int64_t n : {1, 2, 3}) {
    const std::string name = "atleast_" + std::to_string(n) + "d";
    m.def(name.c_str(), [n, name](const py::args& args) -> py::object {
      TensorList ts = tensors_from(args, name.c_str());
      if (args.size() == 1 && is_tensor(args[0])) return py::cast(ops::atleast_nd(ts[0], n));
      TensorList out;
      for (const Tensor& t : ts) out.push_back(ops::atleast_nd(t, n));
      return py::tuple(py::cast(out));
    });
  }
  m.def("hstack", [](py::handle tensors) { return ops::hstack(tensors_from(py::make_tuple(tensors), "hstack")); },
        py::arg("tensors"));
  m.def("vstack", [](py::handle tensors) { return ops::vstack(tensors_from(py::make_tuple(tensors), "vstack")); },
        py::arg("tensors"));
  m.def("row_stack", [](py::handle tensors) { return ops::vstack(tensors_from(py::make_tuple(tensors), "row_stack")); },
        py::arg("tensors"));
  m.def("dstack", [](py::handle tensors) { return ops::dstack(tensors_from(py::make_tuple(tensors), "dstack")); },
        py::arg("tensors"));
  m.def("column_stack", [](py::handle tensors) {
    return ops::column_stack(tensors_from(py::make_tuple(tensors), "column_stack"));
  }, py::arg("tensors"));
  def_both(m, "ravel", [](const Tensor& x) { return ops::contiguous(ops::reshape(x, {-1})); });
  def_both(m, "tensor_split", [](const Tensor& x, py::handle sections, int64_t dim) {
    if (is_tensor(sections)) {
      Tensor s = sections.cast<Tensor>();
      FG_CHECK(s->dtype == DType::Int64 && s->dim() <= 1, RuntimeError,
               "tensor_split expected tensor_indices_or_sections to be a zero-dimensional or one-dimensional tensor "
               "of long dtype, but got a tensor with ", s->dim(), " dims");
      sections = s->dim() == 0 ? py::object(py::int_(ops::contiguous(s)->data<int64_t>()[0]))
                               : py::object(py::cast(s).attr("tolist")());
    }
    TensorList parts = py::isinstance<py::int_>(sections) ? ops::tensor_split(x, sections.cast<int64_t>(), dim)
                                                          : ops::tensor_split(x, dims_from(sections, "tensor_split"), dim);
    return py::tuple(py::cast(parts));
  }, py::arg("indices_or_sections"), py::arg("dim") = 0);
  for (char which : {'h', 'v', 'd'}) {
    const std::string name = std::string(1, which) + "split";
    def_both(m, name.c_str(), [which](const Tensor& x, py::handle sections) {
      TensorList parts = py::isinstance<py::int_>(sections)
                             ? ops::directional_split(x, sections.cast<int64_t>(), which)
                             : ops::directional_split(x, dims_from(sections, "split"), which);
      return py::tuple(py::cast(parts));
    }, py::arg("indices_or_sections"));
  }
  def_both(m, "unflatten", [](const Tensor& x, int64_t dim, py::handle sizes) {
    return ops::unflatten(x, dim, dims_from(sizes, "unflatten"));
  }, py::arg("dim"), py::arg("sizes"));
  def_both(m, "take", &ops::take, py::arg("index"));
  def_both(m, "argwhere", [](const Tensor& x) { return ops::nonzero(x); });
  def_both(m, "msort", [](const Tensor& x) { return std::get<0>(ops::sort(x, 0, false)); });
  def_both(m, "unique_consecutive", [](const Tensor& x, bool return_inverse, bool return_counts, py::handle dim) -> py::object {
    FG_CHECK(dim.is_none(), NotImplementedError,
             "unique_consecutive(dim=...) is not supported by fastgrad; use dim=None (the flattened tensor)");
    auto [v, inv, counts] = ops::unique_consecutive(x);
    return unique_result(v, inv, counts, return_inverse, return_counts);
  }, py::arg("return_inverse") = false, py::arg("return_counts") = false, py::arg("dim") = py::none());
  for (bool ignore_nan : {false, true}) {
    const char* name = ignore_nan ? "nanquantile" : "quantile";
    def_both(m, name, [ignore_nan](const Tensor& x, py::handle q, py::handle dim, bool keepdim, const std::string& interpolation) {
      const bool scalar = !is_tensor(q);
      Tensor qt = scalar ? ops::full({}, q.cast<double>(), x->dtype) : q.cast<Tensor>();
      return ops::quantile(x, qt, scalar || qt->dim() == 0, optional_int(dim), keepdim, interpolation, ignore_nan);
    }, py::arg("q"), py::arg("dim") = py::none(), py::arg("keepdim") = false, py::kw_only(),
       py::arg("interpolation") = "linear");
  }
  def_both(m, "nanmedian", [](const Tensor& x, py::handle dim, bool keepdim) -> py::object {
    if (dim.is_none()) return py::cast(ops::nanmedian(x));
    auto [v, i] = ops::nanmedian_dim(x, dim.cast<int64_t>(), keepdim);
    return named_pair("nanmedian", v, i);
  }, py::arg("dim") = py::none(), py::arg("keepdim") = false);
  def_both(m, "diag_embed", &ops::diag_embed, py::arg("offset") = 0, py::arg("dim1") = -2, py::arg("dim2") = -1);
  def_both(m, "diagflat", &ops::diagflat, py::arg("offset") = 0);
  def_both(m, "addr", &ops::addr, py::arg("vec1"), py::arg("vec2"), py::kw_only(), py::arg("beta") = 1.0, py::arg("alpha") = 1.0);
  def_both(m, "addbmm", &ops::addbmm, py::arg("batch1"), py::arg("batch2"), py::kw_only(), py::arg("beta") = 1.0,
       py::arg("alpha") = 1.0);
  m.def("tensordot", [](const Tensor& a, const Tensor& b, py::handle dims) {
    // dims: an int (a's last n against b's first n) or two lists of dims
    if (py::isinstance<py::int_>(dims) || is_tensor(dims)) {
      const int64_t n = is_tensor(dims) ? ops::contiguous(dims.cast<Tensor>())->data<int64_t>()[0] : dims.cast<int64_t>();
      FG_CHECK(n >= 0, RuntimeError, "tensordot expects dims >= 0, but got dims=", n);
      FG_CHECK(n <= a->dim() && n <= b->dim(), RuntimeError, "tensordot expects dims < ndim_a or ndim_b, but got dims=", n);
      Dims da, db;
      for (int64_t i = 0; i < n; ++i) {
        da.push_back(a->dim() - n + i);
        db.push_back(i);
      }
      return ops::tensordot(a, b, da, db);
    }
    py::sequence pair = py::reinterpret_borrow<py::sequence>(dims);
    FG_CHECK(pair.size() == 2, RuntimeError, "tensordot expects dims to be an int or a pair of dim lists");
    return ops::tensordot(a, b, dims_from(pair[0], "tensordot"), dims_from(pair[1], "tensordot"));
  }, py::arg("a"), py::arg("b"), py::arg("dims") = 2);
  def_both(m, "dist", [](const Tensor& a, const Tensor& b, double p) { return ops::dist(a, b, p); }, py::arg("other"),
       py::arg("p") = 2.0);
  m.def("chain_matmul", [](const py::args& args) {
    TensorList ts = tensors_from(args, "chain_matmul");
    FG_CHECK(!ts.empty(), RuntimeError, "chain_matmul(): Expected one or more matrices");
    for (const Tensor& t : ts)
      FG_CHECK(t->dim() == 2, RuntimeError, "Tensor dimension is ", t->dim(), ", expected 2 instead.");
    Tensor out = ts.size() == 1 ? ops::clone(ts[0]) : ts[0];
    for (size_t i = 1; i < ts.size(); ++i) out = ops::mm(out, ts[i]);
    return out;
  });
  m.def("cumulative_trapezoid", [](const Tensor& y, py::handle x, py::handle dx, int64_t dim) {
    FG_CHECK(x.is_none() || dx.is_none(), RuntimeError, "cumulative_trapezoid: received both x and dx; give one");
    return ops::cumulative_trapezoid(y, is_tensor(x) ? x.cast<Tensor>() : Tensor(),
                                     dx.is_none() ? std::nullopt : std::optional<double>(dx.cast<double>()), dim);
  }, py::arg("y"), py::arg("x") = py::none(), py::kw_only(), py::arg("dx") = py::none(), py::arg("dim") = -1);
  def_both(m, "split_with_sizes", [](const Tensor& x, py::handle sizes, int64_t dim) {
    return py::tuple(py::cast(ops::split_with_sizes(x, dims_from(sizes, "split_with_sizes"), dim)));
  }, py::arg("split_sizes"), py::arg("dim") = 0);
  cls.attr("sum_to_size") = py::cpp_function([](const Tensor& x, const py::args& size) {
    const Dims shape = shape_from_args(size, "sum_to_size");
    bool expandable = shape.size() <= static_cast<size_t>(x->dim());
    for (size_t i = 0; expandable && i < shape.size(); ++i) {
      const int64_t s = shape[shape.size() - 1 - i], t = x->shape[x->dim() - 1 - i];
      expandable = s == t || s == 1;
    }
    FG_CHECK(expandable, RuntimeError, "size {", shape_str(shape), "} is not expandable to size {",
             shape_str(x->shape), "}.");
    return ops::sum_to(x, shape);
  }, py::name("sum_to_size"), py::is_method(cls));
  m.def("rsub", [](const Tensor& x, py::handle other, double alpha) {
    return ops::sub(to_tensor_arg(other, "rsub"), x, alpha);
  }, py::arg("input"), py::arg("other"), py::kw_only(), py::arg("alpha") = 1.0);
  def_both(m, "positive", [](const Tensor& x) {
    FG_CHECK(x->dtype != DType::Bool, RuntimeError, "The `+` operator, on a bool tensor is not supported.");
    return x;
  });
  m.def("ldexp", [](const Tensor& x, const Tensor& other) {
    return ops::mul(x, ops::pow(ops::result_like_scalar(2.0, ops::to_dtype(other, DType::Float32)), other));
  }, py::arg("input"), py::arg("other"));
  cls.attr("ldexp") = py::cpp_function([](const Tensor& x, const Tensor& other) {
    return ops::mul(x, ops::pow(ops::result_like_scalar(2.0, ops::to_dtype(other, DType::Float32)), other));
  }, py::name("ldexp"), py::is_method(cls), py::arg("other"));
  m.def("vander", [](const Tensor& x, py::handle n, bool increasing) { return ops::vander(x, optional_int(n), increasing); },
        py::arg("x"), py::arg("N") = py::none(), py::arg("increasing") = false);
}

}  // namespace fg::python

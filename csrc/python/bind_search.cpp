// Bindings of the counting and searching ops (ops/search.h): mode, searchsorted, bucketize, bincount,
// histc and histogram, as fastgrad functions and (where torch has them) Tensor methods.
#include "ops/search.h"
#include "python/module.h"
#include "python/tensor_methods.h"

namespace fg::python {

namespace {

// a values argument that torch also takes as a Python number (searchsorted's and bucketize's Scalar forms)
Tensor tensor_or_number(py::handle h, const char* op) { return to_tensor_arg(h, op); }

std::optional<std::pair<double, double>> range_of(py::handle range) {
  if (range.is_none()) return std::nullopt;
  auto bounds = range.cast<std::vector<double>>();
  FG_CHECK(bounds.size() == 2, TypeError, "histogram(): range must be a tuple of two floats (min, max), got ",
           bounds.size(), " values");
  return std::make_pair(bounds[0], bounds[1]);
}

}  // namespace

FG_BIND_ORDER(bind_search, 22) {
  def_both(m, "mode", [](const Tensor& x, int64_t dim, bool keepdim) {
    auto [values, indices] = ops::mode(x, dim, keepdim);
    return named_pair("mode", values, indices);
  }, py::arg("dim") = -1, py::arg("keepdim") = false);
  m.def("searchsorted", [](const Tensor& sorted_sequence, py::handle input, bool out_int32, bool right,
                           std::optional<std::string> side, py::handle sorter) {
    return ops::searchsorted(sorted_sequence, tensor_or_number(input, "searchsorted"), out_int32, right, side,
                             optional_tensor(sorter));
  }, py::arg("sorted_sequence"), py::arg("input"), py::kw_only(), py::arg("out_int32") = false,
     py::arg("right") = false, py::arg("side") = py::none(), py::arg("sorter") = py::none());
  m.def("bucketize", [](py::handle input, const Tensor& boundaries, bool out_int32, bool right) {
    return ops::bucketize(tensor_or_number(input, "bucketize"), boundaries, out_int32, right);
  }, py::arg("input"), py::arg("boundaries"), py::kw_only(), py::arg("out_int32") = false, py::arg("right") = false);
  def_both(m, "bincount", [](const Tensor& x, py::handle weights, int64_t minlength) {
    return ops::bincount(x, optional_tensor(weights), minlength);
  }, py::arg("weights") = py::none(), py::arg("minlength") = 0);
  def_both(m, "histc", &ops::histc, py::arg("bins") = 100, py::arg("min") = 0.0, py::arg("max") = 0.0);
  // bins: a number of equal-width bins (with range=) or a tensor of edges (torch's two overloads)
  def_both(m, "histogram", [](const Tensor& x, py::handle bins, py::handle range, py::handle weight, bool density) {
    std::tuple<Tensor, Tensor> result;
    if (is_tensor(bins)) {
      FG_CHECK(range.is_none(), TypeError,
               "histogram() received an invalid combination of arguments: range= is taken only with an int bins");
      result = ops::histogram(x, bins.cast<Tensor>(), optional_tensor(weight), density);
    } else {
      FG_CHECK(py::isinstance<py::int_>(bins) && !py::isinstance<py::bool_>(bins), TypeError,
               "histogram(): bins must be an int or a Tensor, got ", Py_TYPE(bins.ptr())->tp_name);
      result = ops::histogram(x, bins.cast<int64_t>(), range_of(range), optional_tensor(weight), density);
    }
    static py::handle types = py::module_::import("fastgrad._types").release();
    return types.attr("histogram")(std::get<0>(result), std::get<1>(result));
  }, py::arg("bins") = 100, py::kw_only(), py::arg("range") = py::none(), py::arg("weight") = py::none(),
     py::arg("density") = false);
}

}  // namespace fg::python

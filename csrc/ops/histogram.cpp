// Counting: bincount, histc and histogram, with torch's checks and messages. The histogram kernel is
// torch's (aten histogramdd for one dim): an element outside [first edge, last edge] (or NaN) is
// skipped, its bin found by linear interpolation between equal-width edges (refined by a local search
// for histogram's int bins) or by binary search in given edges, and the last bin includes its right
// edge. torch has no derivative for any of them: bincount with weights and histogram give results that
// require grad and whose backward raises, as torch's; histc's result does not require grad.
#include <algorithm>
#include <cmath>

#include "autograd/function.h"
#include "ops/search.h"

namespace fg::ops {

namespace {

enum class BinSearch { Linear, LinearLocal, Binary };

// torch's C++ type names in histogram's dtype messages ("float", "double")
const char* scalar_type_name(DType t) {
  switch (t) {
    case DType::Float32: return "float";
    case DType::Float64: return "double";
    case DType::Int64: return "long int";
    default: return "bool";
  }
}

// the value of a one-element tensor as a double
double value_of(const Tensor& t) {
  Tensor c = contiguous(to_dtype(t, DType::Float64));
  return *c->data<double>();
}

// Adds each element of input (weighted) into hist (zeros, edges.numel() - 1 bins) by torch's rule.
void fill_histogram(const Tensor& input, const Tensor& edges, const Tensor& weight, const Tensor& hist, BinSearch how) {
  Tensor x = contiguous(alias_detached(input)), e = contiguous(alias_detached(edges));
  Tensor w = weight ? contiguous(alias_detached(weight)) : Tensor();
  const int64_t n_edges = e->numel(), count = x->numel();
  FG_DISPATCH_FLOATING(x->dtype, "histogram", [&] {
    const scalar_t* xs = x->data<scalar_t>();
    const scalar_t* es = e->data<scalar_t>();
    const scalar_t* ws = w ? w->data<scalar_t>() : nullptr;
    scalar_t* h = hist->data<scalar_t>();
    const scalar_t left = es[0], right = es[n_edges - 1];
    for (int64_t i = 0; i < count; ++i) {
      const scalar_t elt = xs[i];
      if (!(elt >= left && elt <= right)) continue;
      int64_t pos;
      if (how == BinSearch::Binary) {
        pos = std::upper_bound(es, es + n_edges, elt) - es - 1;
      } else {
        pos = static_cast<int64_t>((elt - left) * (n_edges - 1) / (right - left));
        if (how == BinSearch::LinearLocal) {
          const int64_t lo = std::max<int64_t>(0, pos - 1), hi = std::min<int64_t>(pos + 2, n_edges);
          pos = std::upper_bound(es + lo, es + hi, elt) - es - 1;
        }
      }
      if (pos == n_edges - 1) pos -= 1;  // the last bin includes its right edge
      h[pos] += ws ? ws[i] : scalar_t(1);
    }
  });
}

// A node for outputs torch gives a NotImplemented grad_fn: backward through them raises.
void record_no_derivative(const char* op, const TensorList& inputs, const TensorList& outputs) {
  if (!autograd::needs_grad(inputs)) return;
  std::string message = str("derivative for aten::", op, " is not implemented");
  autograd::record("NotImplemented", inputs, outputs, [message](const TensorList&, Node&) -> TensorList {
    throw RuntimeError(message);
  }, /*has_saved=*/false);
}

void check_floating(const Tensor& input, const char* kernel) {
  FG_CHECK(is_floating(input->dtype), NotImplementedError, "\"", kernel, "\" not implemented for '",
           dtype_short_name(input->dtype), "'");
}

void check_bins(int64_t bins) {
  FG_CHECK(bins > 0, RuntimeError, "torch.histogram(): bins must be > 0, but got ", bins, " for dimension 0");
}

void check_weight(const Tensor& input, const Tensor& weight) {
  if (!weight) return;
  FG_CHECK(weight->dtype == input->dtype, RuntimeError,
           "torch.histogramdd: if weight tensor is provided, input tensor and weight tensor should have the same "
           "dtype, but got input(", scalar_type_name(input->dtype), "), and weight(", scalar_type_name(weight->dtype), ")");
  // torch flattens both first, so any weight with the input's element count is accepted
  FG_CHECK(weight->numel() == input->numel(), RuntimeError,
           "torch.histogramdd: if weight tensor is provided it should have the same shape as the input tensor "
           "excluding its innermost dimension, but got input with shape ", shape_str({input->numel(), 1}),
           " and weight with shape ", shape_str({weight->numel()}));
}

// hist / (sum(hist) * bin widths), as torch's density
Tensor to_density(const Tensor& hist, const Tensor& edges) {
  const int64_t bins = hist->numel();
  Tensor widths = sub(slice(edges, 0, 1, bins + 1, 1), slice(edges, 0, 0, bins, 1));
  return div(div(hist, sum_all(hist)), widths);
}

}  // namespace

Tensor bincount(const Tensor& input, const Tensor& weights, int64_t minlength) {
  FG_CHECK(input->dtype != DType::Bool && !is_floating(input->dtype), NotImplementedError,
           "\"bincount_cpu\" not implemented for '", dtype_short_name(input->dtype), "'");
  FG_CHECK(minlength >= 0, RuntimeError, "minlength should be >= 0");
  Tensor x = contiguous(to_dtype(alias_detached(input), DType::Int64));
  const int64_t n = x->numel();
  bool nonnegative = x->dim() == 1;
  int64_t largest = -1;
  for (int64_t i = 0; nonnegative && i < n; ++i) {
    nonnegative = x->data<int64_t>()[i] >= 0;
    largest = std::max(largest, x->data<int64_t>()[i]);
  }
  FG_CHECK(nonnegative, RuntimeError, "bincount only supports 1-d non-negative integral inputs.");
  FG_CHECK(!weights || (weights->dim() == 1 && weights->numel() == n), RuntimeError,
           "weights should be 1-d and have the same length as input");
  const int64_t size = std::max(largest + 1, minlength);
  if (!weights) {
    Tensor counts = zeros({size}, DType::Int64);
    for (int64_t i = 0; i < n; ++i) ++counts->data<int64_t>()[x->data<int64_t>()[i]];
    return counts;
  }
  // float32 weights sum in float32; float64 and integer weights in float64, as torch
  const DType out_dtype = weights->dtype == DType::Float32 ? DType::Float32 : DType::Float64;
  Tensor w = contiguous(to_dtype(alias_detached(weights), out_dtype));
  Tensor sums = zeros({size}, out_dtype);
  FG_DISPATCH_FLOATING(out_dtype, "bincount", [&] {
    for (int64_t i = 0; i < n; ++i) sums->data<scalar_t>()[x->data<int64_t>()[i]] += w->data<scalar_t>()[i];
  });
  record_no_derivative("bincount", {weights}, {sums});
  return sums;
}

Tensor histc(const Tensor& input, int64_t bins, double min, double max) {
  check_floating(input, "histogram_cpu");
  check_bins(bins);
  double left = min, right = max;
  if (left == right && input->numel() > 0) {
    left = value_of(amin(alias_detached(input), {}, false));
    right = value_of(amax(alias_detached(input), {}, false));
  }
  if (left == right) {
    left -= 1;
    right += 1;
  }
  FG_CHECK(std::isfinite(left) && std::isfinite(right), RuntimeError, "torch.histc: range of [", left, ", ", right,
           "] is not finite");
  FG_CHECK(left < right, RuntimeError, "torch.histc: max must be larger than min");
  Tensor edges = linspace(left, right, bins + 1, input->dtype);
  Tensor hist = zeros({bins}, input->dtype);
  fill_histogram(input, edges, Tensor(), hist, BinSearch::Linear);
  return hist;
}

std::tuple<Tensor, Tensor> histogram(const Tensor& input, int64_t bins, std::optional<std::pair<double, double>> range,
                                     const Tensor& weight, bool density) {
  check_floating(input, "histogramdd");
  check_bins(bins);
  check_weight(input, weight);
  double left = 0, right = 1;  // an empty input without a range spans [0, 1], as torch
  if (range) {
    std::tie(left, right) = *range;
  } else if (input->numel() > 0) {
    left = value_of(amin(alias_detached(input), {}, false));
    right = value_of(amax(alias_detached(input), {}, false));
  }
  FG_CHECK(std::isfinite(left) && std::isfinite(right), RuntimeError, "torch.histogramdd: dimension 0's range [",
           left, ", ", right, "] is not finite");
  FG_CHECK(left <= right, RuntimeError, "torch.histogramdd: min should not exceed max, but got min ", left, " max ",
           right, " for dimension 0");
  if (left == right) {  // numpy's widening of an empty range
    left -= 0.5;
    right += 0.5;
  }
  Tensor edges = linspace(left, right, bins + 1, input->dtype);
  Tensor hist = zeros({bins}, input->dtype);
  fill_histogram(input, edges, weight, hist, BinSearch::LinearLocal);
  if (density) hist = to_density(hist, edges);
  record_no_derivative("histogram", {input, weight}, {hist, edges});
  return {hist, edges};
}

std::tuple<Tensor, Tensor> histogram(const Tensor& input, const Tensor& bin_edges, const Tensor& weight, bool density) {
  check_floating(input, "histogramdd");
  FG_CHECK(bin_edges->dim() == 1, RuntimeError,
           "torch.histogramdd: bins tensor should have one dimension, but got ", bin_edges->dim(),
           " dimensions in the bins tensor for dimension 0");
  FG_CHECK(bin_edges->dtype == input->dtype, RuntimeError,
           "torch.histogramdd: input tensor and bins tensors should have the same dtype, but got input with dtype ",
           scalar_type_name(input->dtype), " and bins for dimension 0 with dtype ", scalar_type_name(bin_edges->dtype));
  check_bins(bin_edges->numel() - 1);
  check_weight(input, weight);
  Tensor edges = clone(alias_detached(bin_edges));
  Tensor hist = zeros({edges->numel() - 1}, input->dtype);
  fill_histogram(input, edges, weight, hist, BinSearch::Binary);
  if (density) hist = to_density(hist, edges);
  record_no_derivative("histogram", {input, weight}, {hist, edges});
  return {hist, edges};
}

}  // namespace fg::ops

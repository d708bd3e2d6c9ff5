#pragma once
// Comparisons and everyday tensor helpers (misc.cpp): closeness tests, nan_to_num, addcmul / addcdiv,
// repeat / tile / repeat_interleave / roll, meshgrid, nonzero / masked_select / take_along_dim,
// count_nonzero, and the joint std / var with mean. Kept out of ops.h so adding one of these does not
// rebuild every file that includes the op index.
#include <optional>
#include <string>
#include <tuple>

#include "ops/ops.h"

namespace fg::ops {

Tensor isclose(const Tensor& a, const Tensor& b, double rtol, double atol, bool equal_nan);
bool allclose(const Tensor& a, const Tensor& b, double rtol, double atol, bool equal_nan);
bool equal(const Tensor& a, const Tensor& b);  // same shape and every element equal (NaN is not)
// NaN -> nan, +inf -> posinf, -inf -> neginf (defaults: the dtype's largest and lowest finite values)
Tensor nan_to_num(const Tensor& x, double nan, std::optional<double> posinf, std::optional<double> neginf);
Tensor addcmul(const Tensor& input, const Tensor& t1, const Tensor& t2, double value);
Tensor addcdiv(const Tensor& input, const Tensor& t1, const Tensor& t2, double value);
Tensor repeat(const Tensor& x, const Dims& repeats);
Tensor tile(const Tensor& x, const Dims& reps);
Tensor repeat_interleave(const Tensor& x, const Tensor& repeats, std::optional<int64_t> dim);
Tensor roll(const Tensor& x, const Dims& shifts, const Dims& dims);
TensorList meshgrid(const TensorList& tensors, const std::string& indexing);
Tensor nonzero(const Tensor& x);  // int64 (count, ndim)
Tensor masked_select(const Tensor& x, const Tensor& mask);
Tensor take_along_dim(const Tensor& x, const Tensor& indices, std::optional<int64_t> dim);
Tensor count_nonzero(const Tensor& x, const Dims& dims);  // dims empty: all
std::tuple<Tensor, Tensor> std_mean(const Tensor& x, const Dims& dims, double correction, bool keepdim);
std::tuple<Tensor, Tensor> var_mean(const Tensor& x, const Dims& dims, double correction, bool keepdim);

}  // namespace fg::ops

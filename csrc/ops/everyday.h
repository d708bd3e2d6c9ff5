#pragma once
// Everyday torch functions built from the differentiable ops (everyday_math.cpp, everyday_shape.cpp)
// plus logcumsumexp's own scan kernel (logcumsumexp.cpp). Their gradients come from the ops they are
// written with, so they are torch's formulas and twice differentiable. Kept out of ops.h so adding one
// does not rebuild every file that includes the op index.
#include <optional>
#include <tuple>
#include <string>

#include "ops/ops.h"

namespace fg::ops {

// ---- math (everyday_math.cpp) ----
Tensor frac(const Tensor& x);                                    // x - trunc(x)
Tensor logit(const Tensor& x, std::optional<double> eps);        // log(x / (1 - x)), x clamped to [eps, 1 - eps]
Tensor xlogy(const Tensor& x, const Tensor& y);                  // x * log(y), 0 where x == 0 (NaN y stays NaN)
std::tuple<Tensor, Tensor> aminmax(const Tensor& x, std::optional<int64_t> dim, bool keepdim);
Tensor cross(const Tensor& a, const Tensor& b, std::optional<int64_t> dim);  // dim: the first of size 3 when none
Tensor renorm(const Tensor& x, double p, int64_t dim, double maxnorm);
Tensor logcumsumexp(const Tensor& x, int64_t dim);               // logcumsumexp.cpp

// ---- shape (everyday_shape.cpp) ----
Tensor diff(const Tensor& x, int64_t n, int64_t dim, const Tensor& prepend, const Tensor& append);
Tensor fliplr(const Tensor& x);
Tensor flipud(const Tensor& x);
Tensor rot90(const Tensor& x, int64_t k, const Dims& dims);
Tensor tril_indices(int64_t row, int64_t col, int64_t offset);   // (2, n) int64
Tensor triu_indices(int64_t row, int64_t col, int64_t offset);
Tensor block_diag(const TensorList& tensors);
Tensor cartesian_prod(const TensorList& tensors);
Tensor combinations(const Tensor& x, int64_t r, bool with_replacement);
Tensor vander(const Tensor& x, std::optional<int64_t> n, bool increasing);

}  // namespace fg::ops

namespace fg::ops {

// ---- elementwise (everyday_binary.cpp) ----
Tensor atan2(const Tensor& a, const Tensor& b);
Tensor hypot(const Tensor& a, const Tensor& b);
Tensor logaddexp(const Tensor& a, const Tensor& b);
Tensor logaddexp2(const Tensor& a, const Tensor& b);
Tensor fmax(const Tensor& a, const Tensor& b);   // NaN-ignoring maximum
Tensor fmin(const Tensor& a, const Tensor& b);
Tensor copysign(const Tensor& a, const Tensor& b);
Tensor float_power(const Tensor& a, const Tensor& b);  // in float64
Tensor heaviside(const Tensor& x, const Tensor& values);  // no gradient
Tensor signbit(const Tensor& x);                           // bool
Tensor deg2rad(const Tensor& x);
Tensor rad2deg(const Tensor& x);
Tensor sgn(const Tensor& x);
Tensor sinc(const Tensor& x);

// ---- reductions and products (everyday_reduce.cpp) ----
Tensor nansum(const Tensor& x, const Dims& dims, bool keepdim, std::optional<DType> dtype);
Tensor nanmean(const Tensor& x, const Dims& dims, bool keepdim, std::optional<DType> dtype);
Tensor inner(const Tensor& a, const Tensor& b);
Tensor kron(const Tensor& a, const Tensor& b);
Tensor cov(const Tensor& x, int64_t correction, const Tensor& fweights, const Tensor& aweights);
Tensor corrcoef(const Tensor& x);
Tensor isin(const Tensor& elements, const Tensor& test_elements, bool invert);  // bool
Tensor trapezoid(const Tensor& y, const Tensor& x, std::optional<double> dx, int64_t dim);

// ---- views and splits (everyday_shape.cpp) ----
TensorList broadcast_tensors(const TensorList& tensors);
Tensor atleast_nd(const Tensor& x, int64_t n);  // atleast_1d / 2d / 3d
Tensor hstack(const TensorList& tensors);
Tensor vstack(const TensorList& tensors);
Tensor dstack(const TensorList& tensors);
Tensor column_stack(const TensorList& tensors);
TensorList tensor_split(const Tensor& x, int64_t sections, int64_t dim);
TensorList tensor_split(const Tensor& x, const Dims& indices, int64_t dim);
// hsplit / vsplit / dsplit: `which` is 'h', 'v' or 'd'
TensorList directional_split(const Tensor& x, int64_t sections, char which);
TensorList directional_split(const Tensor& x, const Dims& indices, char which);
Tensor unflatten(const Tensor& x, int64_t dim, const Dims& sizes);
Tensor take(const Tensor& x, const Tensor& index);
std::tuple<Tensor, Tensor, Tensor> unique_consecutive(const Tensor& x);  // values, inverse, counts (flattened)

}  // namespace fg::ops

namespace fg::ops {
// quantile (ignore_nan: nanquantile); q a 0-d (q_is_scalar) or 1-d tensor of the input's dtype
Tensor quantile(const Tensor& x, const Tensor& q, bool q_is_scalar, std::optional<int64_t> dim, bool keepdim,
                const std::string& interpolation, bool ignore_nan);
std::tuple<Tensor, Tensor> nanmedian_dim(const Tensor& x, int64_t dim, bool keepdim);
Tensor nanmedian(const Tensor& x);
}  // namespace fg::ops

namespace fg::ops {
Tensor diag_embed(const Tensor& x, int64_t offset, int64_t dim1, int64_t dim2);
Tensor diagflat(const Tensor& x, int64_t offset);
Tensor addr(const Tensor& input, const Tensor& vec1, const Tensor& vec2, double beta, double alpha);
Tensor addbmm(const Tensor& input, const Tensor& b1, const Tensor& b2, double beta, double alpha);
Tensor tensordot(const Tensor& a, const Tensor& b, const Dims& dims_a, const Dims& dims_b);
Tensor dist(const Tensor& a, const Tensor& b, double p);
Tensor cumulative_trapezoid(const Tensor& y, const Tensor& x, std::optional<double> dx, int64_t dim);
}  // namespace fg::ops

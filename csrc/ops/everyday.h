#pragma once
// Everyday torch functions built from the differentiable ops (everyday_math.cpp, everyday_shape.cpp)
// plus logcumsumexp's own scan kernel (logcumsumexp.cpp). Their gradients come from the ops they are
// written with, so they are torch's formulas and twice differentiable. Kept out of ops.h so adding one
// does not rebuild every file that includes the op index.
#include <optional>
#include <tuple>

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

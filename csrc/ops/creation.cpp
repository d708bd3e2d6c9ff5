// Tensors made from shapes and ranges.
#include <cmath>

#include "kernels/parallel.h"
#include "ops/ops.h"

namespace fg::ops {

Tensor full(const Dims& shape, double value, DType dtype) {
  Tensor t = empty(shape, dtype);
  const int64_t n = t->numel();
  FG_DISPATCH_ALL(dtype, "full", [&] {
    scalar_t* p = t->data<scalar_t>();
    const scalar_t v = static_cast<scalar_t>(value);
    parallel_for(0, n, kGrainSize, [&](int64_t b, int64_t e) {
      for (int64_t i = b; i < e; ++i) p[i] = v;
    });
  });
  return t;
}

Tensor zeros(const Dims& shape, DType dtype) { return full(shape, 0.0, dtype); }
Tensor ones(const Dims& shape, DType dtype) { return full(shape, 1.0, dtype); }
Tensor zeros_like(const Tensor& t) { return zeros(t->shape, t->dtype); }

Tensor arange(double start, double end, double step, DType dtype) {
  FG_CHECK(step != 0, RuntimeError, "step must be nonzero");
  FG_CHECK(std::isfinite(start) && std::isfinite(end), RuntimeError, "unsupported range: ", start, " -> ", end);
  FG_CHECK((step > 0 && end >= start) || (step < 0 && end <= start), RuntimeError,
           "upper bound and larger bound inconsistent with step sign");
  const int64_t n = static_cast<int64_t>(std::ceil((end - start) / step));
  Tensor t = empty(Dims{n}, dtype);
  FG_DISPATCH_NUMERIC(dtype, "arange", [&] {
    scalar_t* p = t->data<scalar_t>();
    for (int64_t i = 0; i < n; ++i) p[i] = static_cast<scalar_t>(start + static_cast<double>(i) * step);
  });
  return t;
}

Tensor linspace(double start, double end, int64_t steps, DType dtype) {
  FG_CHECK(steps >= 0, RuntimeError, "number of steps must be non-negative");
  Tensor t = empty(Dims{steps}, dtype);
  const double step = steps > 1 ? (end - start) / static_cast<double>(steps - 1) : 0.0;
  FG_DISPATCH_NUMERIC(dtype, "linspace", [&] {
    scalar_t* p = t->data<scalar_t>();
    // torch fills the second half from the end so that the last value is exactly `end`
    const int64_t half = steps == 1 ? 1 : steps / 2;  // a single step is `start`, as torch
    for (int64_t i = 0; i < steps; ++i)
      p[i] = static_cast<scalar_t>(i < half ? start + step * static_cast<double>(i)
                                            : end - step * static_cast<double>(steps - i - 1));
  });
  return t;
}

Tensor eye(int64_t n, int64_t m, DType dtype) {
  FG_CHECK(n >= 0 && m >= 0, RuntimeError, "n and m must be non-negative, got ", n, " and ", m);
  Tensor t = zeros(Dims{n, m}, dtype);
  FG_DISPATCH_ALL(dtype, "eye", [&] {
    scalar_t* p = t->data<scalar_t>();
    for (int64_t i = 0; i < std::min(n, m); ++i) p[i * m + i] = static_cast<scalar_t>(1);
  });
  return t;
}

}  // namespace fg::ops

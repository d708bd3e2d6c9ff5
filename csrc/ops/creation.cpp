// Tensors made from shapes and ranges.
#include <cmath>

#include "kernels/parallel.h"
#include "ops/ops.h"
#include "tensor/convert.h"

namespace fg::ops {

void check_fill_fits(double value, DType dtype) {
  double lo = 0, hi = 0;
  const char* type = nullptr;
  switch (dtype) {
    case DType::Int8: lo = -128, hi = 127, type = "int8_t"; break;
    case DType::Int16: lo = -32768, hi = 32767, type = "int16_t"; break;
    case DType::Int32: lo = -2147483648.0, hi = 2147483647.0, type = "int32_t"; break;
    case DType::UInt8: lo = -255, hi = 255, type = "uint8_t"; break;  // torch lets -1 wrap to 255
    default: return;
  }
  FG_CHECK(value >= lo && value <= hi, RuntimeError, "value cannot be converted to type ", type, " without overflow");
}

Tensor full(const Dims& shape, double value, DType dtype) {
  check_fill_fits(value, dtype);
  Tensor t = empty(shape, dtype);
  const int64_t n = t->numel();
  FG_DISPATCH_STORAGE(dtype, "full", [&] {
    scalar_t* p = t->data<scalar_t>();
    const scalar_t v = convert<scalar_t, double>(value);
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
  if (is_narrow(dtype)) return to_dtype(arange(start, end, step, wide_dtype(dtype)), dtype);
  Tensor t = empty(Dims{n}, dtype);
  FG_DISPATCH_NUMERIC(dtype, "arange", [&] {
    scalar_t* p = t->data<scalar_t>();
    for (int64_t i = 0; i < n; ++i) p[i] = static_cast<scalar_t>(start + static_cast<double>(i) * step);
  });
  return t;
}

Tensor linspace(double start, double end, int64_t steps, DType dtype) {
  FG_CHECK(steps >= 0, RuntimeError, "number of steps must be non-negative");
  if (is_narrow(dtype)) return to_dtype(linspace(start, end, steps, wide_dtype(dtype)), dtype);
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
  FG_DISPATCH_STORAGE(dtype, "eye", [&] {
    scalar_t* p = t->data<scalar_t>();
    for (int64_t i = 0; i < std::min(n, m); ++i) p[i * m + i] = convert<scalar_t, double>(1.0);
  });
  return t;
}

}  // namespace fg::ops

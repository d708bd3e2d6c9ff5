#include "tensor/tensor.h"

#include "autograd/grad_mode.h"  // a view records whether grad mode was on when it was made

#include <sstream>

#include "tensor/convert.h"

namespace fg {

bool TensorImpl::is_contiguous() const {
  int64_t expected = 1;
  for (int64_t i = dim() - 1; i >= 0; --i) {
    if (shape[i] == 1) continue;
    if (strides[i] != expected) return false;
    expected *= shape[i];
  }
  return true;
}

Dims contiguous_strides(const Dims& shape) {
  Dims st(shape.size(), 1);
  int64_t acc = 1;
  for (int64_t i = static_cast<int64_t>(shape.size()) - 1; i >= 0; --i) {
    st[i] = acc;
    acc *= std::max<int64_t>(shape[i], 1);
  }
  return st;
}

int64_t shape_numel(const Dims& shape) {
  int64_t n = 1;
  for (int64_t s : shape) n *= s;
  return n;
}

std::string shape_str(const Dims& shape) {
  std::ostringstream os;
  os << "[";
  for (size_t i = 0; i < shape.size(); ++i) os << (i ? ", " : "") << shape[i];
  os << "]";
  return os.str();
}

Tensor empty(const Dims& shape, DType dtype) {
  for (int64_t s : shape)
    FG_CHECK(s >= 0, RuntimeError, "Trying to create tensor with negative dimension ", s, ": ", shape_str(shape));
  // Guard before multiplying by itemsize: a huge shape must raise, not wrap around or abort
  // (2**40 x 2**40 wraps to 0 elements in int64).
  int64_t n = 1;
  for (int64_t s : shape)
    FG_CHECK(!__builtin_mul_overflow(n, s, &n), RuntimeError, "Storage size calculation overflowed with sizes=",
             shape_str(shape));
  FG_CHECK(n <= (int64_t(1) << 40), RuntimeError, "tensor of shape ", shape_str(shape),
           " is too large to allocate (", n, " elements)");
  auto t = std::make_shared<TensorImpl>();
  t->storage = Storage::allocate(static_cast<size_t>(n) * itemsize(dtype));
  t->shape = shape;
  t->strides = contiguous_strides(shape);
  t->dtype = dtype;
  t->version = std::shared_ptr<VersionCounter>(t->storage, &t->storage->version);
  return t;
}

Tensor make_view(const Tensor& src, Dims shape, Dims strides, int64_t offset) {
  auto t = std::make_shared<TensorImpl>();
  t->storage = src->storage;
  t->shape = std::move(shape);
  t->strides = std::move(strides);
  t->offset = offset;
  t->dtype = src->dtype;
  t->version = src->version;
  t->view_base = src->view_base ? src->view_base : src;
  t->view_version = t->version->value;
  // torch refuses to track an in-place write, under grad mode, into a view made without it; a view
  // of such a view inherits the refusal (torch's propagate_creation_meta)
  if (!GradMode::is_enabled()) {
    t->view_creation = ViewCreation::NoGradMode;
  } else if (src->view_base) {
    t->view_creation = src->view_creation;
    t->view_output_index = src->view_output_index;
    t->view_creator = src->view_creator;
  }
  return t;
}

Tensor alias_detached(const Tensor& src) {
  auto t = std::make_shared<TensorImpl>();
  t->storage = src->storage;
  t->shape = src->shape;
  t->strides = src->strides;
  t->offset = src->offset;
  t->dtype = src->dtype;
  t->version = src->version;
  return t;
}

Tensor scalar_tensor(double v, DType dtype) {
  Tensor t = empty(Dims{}, dtype);
  FG_DISPATCH_STORAGE(dtype, "scalar_tensor", [&] { *t->data<scalar_t>() = convert<scalar_t, double>(v); });
  return t;
}

int64_t wrap_dim(int64_t dim, int64_t ndim) {
  int64_t n = ndim == 0 ? 1 : ndim;  // torch lets a 0-dim tensor take dim 0 / -1
  FG_CHECK(dim >= -n && dim < n, IndexError, "Dimension out of range (expected to be in range of [", -n, ", ",
           n - 1, "], but got ", dim, ")");
  return dim < 0 ? dim + n : dim;
}

}  // namespace fg

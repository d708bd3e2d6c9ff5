// In-place ops. Without autograd they write straight into self's memory; with autograd they are
// the out-of-place op plus assign_inplace, which moves self's history onto the new node.
#include <cmath>

#include "autograd/function.h"
#include "autograd/view_history.h"
#include "ops/binary_kernel.h"

namespace fg::ops {

namespace {

void check_castable(DType result, DType out) {
  FG_CHECK(category(result) <= category(out), RuntimeError, "result type ", dtype_short_name(result),
           " can't be cast to the desired output type ", dtype_short_name(out));
}

void check_writable_leaf(const Tensor& self) {
  FG_CHECK(!(GradMode::is_enabled() && self->is_leaf() && self->requires_grad()), RuntimeError,
           "a leaf Variable that requires grad is being used in an in-place operation.");
}

// Partial overlap between what is read and what is written would read already-updated values.
bool same_or_disjoint(const Tensor& self, const Tensor& other) {
  if (other->storage != self->storage) return true;
  return other->offset == self->offset && other->strides == self->strides && other->shape == self->shape;
}

// An expanded tensor has elements sharing memory: writing them in place is ill-defined, as in torch.
bool has_internal_overlap(const Tensor& self) {
  for (int64_t d = 0; d < self->dim(); ++d)
    if (self->strides[d] == 0 && self->shape[d] > 1) return true;
  return false;
}

// Whether an in-place write into self must go through autograd (assign_inplace): self or a value takes
// part in it, or self is a view of a base that does (then even values without history are tracked).
bool tracked_write(const Tensor& self, std::initializer_list<const Tensor*> values) {
  return GradMode::is_enabled() && (self->requires_grad_as_view() || autograd::needs_grad(values));
}

bool can_write_directly(const Tensor& self, const Tensor& other, DType compute) {
  return !has_internal_overlap(self) && !tracked_write(self, {&other}) && compute == self->dtype && same_or_disjoint(self, other) &&
         broadcast_shapes(self->shape, other->shape) == self->shape;
}

}  // namespace

Tensor& assign_inplace(Tensor& self, const Tensor& result) {
  FG_CHECK(result->shape == self->shape, RuntimeError, "output with shape ", shape_str(self->shape),
           " doesn't match the broadcast shape ", shape_str(result->shape));
  check_castable(result->dtype, self->dtype);
  FG_CHECK(!has_internal_overlap(self), RuntimeError,
           "unsupported operation: more than one element of the written-to tensor refers to a single memory "
           "location. Please clone() the tensor before performing the operation.");
  const bool grad_mode = GradMode::is_enabled();
  const bool records = grad_mode && result->grad_fn() != nullptr;
  // tracked: the written tensor takes part in autograd afterwards (or did before and loses its history)
  const bool tracked = records || (grad_mode && self->requires_grad_as_view());
  if (tracked) autograd::check_inplace(*self);
  copy_into(self, result);
  self->bump_version();
  if (!tracked) return self;
  if (self->is_view()) {
    // the write lands in the base's memory: rewrite the base's history (CopySlices)
    autograd::rebase_view_history(self, records ? result : nullptr);
  } else if (records) {
    AutogradMeta& meta = self->autograd();
    meta.grad_fn = result->grad_fn();
    meta.output_nr = result->output_nr();
  } else {
    // overwritten by values without history (fill_, zero_): the old history no longer applies
    self->autograd_meta->grad_fn = nullptr;
    self->autograd_meta->requires_grad = false;
  }
  return self;
}

Tensor original_self(const Tensor& self, const Tensor& other) {
  return autograd::needs_grad(self, other) ? clone(self) : self;
}

Tensor& unary_(Tensor& self, Tensor (*op)(const Tensor&)) {
  return assign_inplace(self, op(original_self(self, nullptr)));
}

Tensor& masked_fill_(Tensor& self, const Tensor& mask, const Tensor& value) {
  return assign_inplace(self, masked_fill(self, mask, value));
}

Tensor& lerp_(Tensor& self, const Tensor& end, const Tensor& weight) {
  return assign_inplace(self, lerp(autograd::needs_grad(self, end, weight) ? clone(self) : self, end, weight));
}

Tensor& add_(Tensor& self, const Tensor& other, double alpha) {
  DType rt = result_type(self, other);
  check_castable(rt, self->dtype);
  if (can_write_directly(self, other, rt)) {
    detail::binary_forward("add_", self, other, rt, rt,
                           [alpha](auto x, auto y) {
                             using T = decltype(x);
                             if constexpr (std::is_same_v<T, bool>) return bool(x || (alpha != 0 && y));
                             else return alpha == 1.0 ? T(x + y) : T(x + static_cast<T>(alpha) * y);
                           },
                           self, {kernels::vec::kAdd, alpha});
    self->bump_version();
    return self;
  }
  return assign_inplace(self, add(self, other, alpha));
}

Tensor& sub_(Tensor& self, const Tensor& other, double alpha) { return add_(self, other, -alpha); }

Tensor& mul_(Tensor& self, const Tensor& other) {
  DType rt = result_type(self, other);
  check_castable(rt, self->dtype);
  if (can_write_directly(self, other, rt)) {
    detail::binary_forward("mul_", self, other, rt, rt, [](auto x, auto y) {
      using T = decltype(x);
      if constexpr (std::is_same_v<T, bool>) return bool(x && y);
      else return T(x * y);
    }, self, {kernels::vec::kMul});
    self->bump_version();
    return self;
  }
  // other's gradient reads self's old values, which this op overwrites: use a copy (torch's original_self)
  return assign_inplace(self, mul(autograd::needs_grad(other) ? clone(self) : self, other));
}

Tensor& div_(Tensor& self, const Tensor& other) {
  DType rt = result_type(self, other);
  if (!is_floating(rt)) rt = DType::Float32;
  check_castable(rt, self->dtype);
  if (can_write_directly(self, other, rt)) {
    detail::binary_forward("div_", self, other, rt, rt, [](auto x, auto y) { return x / y; }, self,
                           {kernels::vec::kDiv});
    self->bump_version();
    return self;
  }
  return assign_inplace(self, div(autograd::needs_grad(other) ? clone(self) : self, other));
}

Tensor& copy_(Tensor& self, const Tensor& src) {
  if (!tracked_write(self, {&src}) && same_or_disjoint(self, src)) {
    copy_into(self, src);
    self->bump_version();
    return self;
  }
  check_writable_leaf(self);
  Tensor s = src->dtype == self->dtype ? src : to_dtype(src, self->dtype);
  Tensor result = empty(self->shape, self->dtype);
  copy_into(result, s);
  if (autograd::needs_grad(self, s)) {
    // self's old values are gone: its gradient is zero (torch's CopyBackwards), src gets the rest
    Dims shs = s->shape;
    autograd::record("CopyBackwards", {self, s}, {result}, [shs](const TensorList& g, Node& node) {
      TensorList r(2);
      if (node.needs_input_grad(0)) r[0] = zeros_like(g[0]);
      if (node.needs_input_grad(1)) r[1] = sum_to(g[0], shs);
      return r;
    }, /*has_saved=*/false);
  }
  return assign_inplace(self, result);
}

Tensor& overwrite_(Tensor& self, const std::function<void(const Tensor&)>& write, const char* node_name) {
  if (!tracked_write(self, {})) {
    write(self);
    return self;
  }
  autograd::check_inplace(*self);  // before drawing: a refused sampler leaves the generator untouched
  Tensor values = empty(self->shape, self->dtype);
  write(values);
  autograd::record(node_name, {self}, {values}, [](const TensorList& g, Node&) { return TensorList{zeros_like(g[0])}; },
                   /*has_saved=*/false);
  return assign_inplace(self, values);
}

Tensor& fill_(Tensor& self, double value) {
  check_writable_leaf(self);
  Tensor v = scalar_tensor(value, self->dtype);
  return overwrite_(self, [&v](const Tensor& dst) {
    copy_into(dst, v);
    dst->bump_version();
  }, "FillBackward0");
}

Tensor& zero_(Tensor& self) { return fill_(self, 0.0); }

Tensor& clamp_(Tensor& self, std::optional<double> lo, std::optional<double> hi) {
  // clamp's backward reads its input, which this op overwrites: give it a copy of the old values
  // (torch saves original_self the same way), else backward reports an in-place modification
  return assign_inplace(self, clamp(autograd::needs_grad(self) ? clone(self) : self, lo, hi));
}

// self += value * t1 * t2 (addcmul_) or self += value * t1 / t2 (addcdiv_): the optimizers' steps.
static Tensor& addc_(Tensor& self, const Tensor& t1, const Tensor& t2, double value, bool divide) {
  const bool direct = !tracked_write(self, {&t1, &t2}) && t1->dtype == self->dtype && t2->dtype == self->dtype &&
                      is_floating(self->dtype) && !is_narrow(self->dtype) && same_or_disjoint(self, t1) &&
                      same_or_disjoint(self, t2) &&
                      broadcast_shapes(self->shape, broadcast_shapes(t1->shape, t2->shape)) == self->shape;
  if (direct) {
    FG_DISPATCH_FLOATING(self->dtype, divide ? "addcdiv_" : "addcmul_", [&] {
      const scalar_t v = static_cast<scalar_t>(value);
      if (divide)
        kernels::ternary_kernel<scalar_t, scalar_t>(self, self, t1, t2, [v](scalar_t s, scalar_t a, scalar_t b) {
          return s + v * a / b;  // torch's operation order
        });
      else
        kernels::ternary_kernel<scalar_t, scalar_t>(self, self, t1, t2, [v](scalar_t s, scalar_t a, scalar_t b) {
          return s + v * a * b;
        });
    });
    self->bump_version();
    return self;
  }
  Tensor prod = divide ? div(t1, t2) : mul(t1, t2);
  Tensor r = add(self, mul(prod, result_like_scalar(value, prod)));
  return assign_inplace(self, r);
}

Tensor& addcmul_(Tensor& self, const Tensor& t1, const Tensor& t2, double value) { return addc_(self, t1, t2, value, false); }
Tensor& addcdiv_(Tensor& self, const Tensor& t1, const Tensor& t2, double value) { return addc_(self, t1, t2, value, true); }

}  // namespace fg::ops

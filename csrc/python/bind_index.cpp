// Python indexing: x[1, 2:5, ..., None, idx_tensor, mask] and assignment through it.
// Basic items (ints, slices, None, Ellipsis) become views; integer/bool tensors and lists are
// advanced indices, turned into one index_select over the merged indexed dims (differentiable).
#include "autograd/grad_mode.h"
#include "python/tensor_methods.h"

namespace fg::python {

namespace {

struct Advanced {
  int64_t dim;  // dim in the basic-indexed result
  Tensor index; // int64 indices
};

bool is_advanced(py::handle h) {
  return is_tensor(h) || py::isinstance<py::list>(h) || (py::hasattr(h, "__array_interface__") && py::hasattr(h, "dtype"));
}

Tensor as_index_tensor(py::handle h) {
  if (is_tensor(h)) return h.cast<Tensor>();
  py::object fg = py::module_::import("fastgrad");
  return fg.attr("tensor")(h).cast<Tensor>();
}

// The indices where a bool mask is true, one int64 tensor per mask dim (like nonzero(as_tuple)).
TensorList mask_to_indices(const Tensor& mask) {
  Tensor m = ops::contiguous(alias_detached(mask));
  const int64_t n = m->numel(), nd = m->dim();
  const bool* p = m->data<bool>();
  int64_t count = 0;
  for (int64_t i = 0; i < n; ++i) count += p[i];
  TensorList out;
  for (int64_t d = 0; d < nd; ++d) out.push_back(empty(Dims{count}, DType::Int64));
  Dims strides = contiguous_strides(m->shape);
  int64_t k = 0;
  for (int64_t i = 0; i < n; ++i) {
    if (!p[i]) continue;
    int64_t rem = i;
    for (int64_t d = 0; d < nd; ++d) {
      out[d]->data<int64_t>()[k] = rem / strides[d];
      rem %= strides[d];
    }
    ++k;
  }
  return out;
}

py::tuple as_tuple(py::handle index) {
  if (py::isinstance<py::tuple>(index)) return py::reinterpret_borrow<py::tuple>(index);
  return py::make_tuple(index);
}

// Applies the basic items and collects the advanced ones.
Tensor apply_basic(const Tensor& self, py::tuple items, std::vector<Advanced>& adv) {
  int64_t consumed = 0;
  bool has_ellipsis = false;
  for (auto it : items) {
    if (it.is_none()) continue;
    if (it.is(py::ellipsis())) {
      FG_CHECK(!has_ellipsis, IndexError, "an index can only have a single ellipsis ('...')");
      has_ellipsis = true;
      continue;
    }
    if (PyBool_Check(it.ptr())) continue;  // x[True] indexes no dim (it adds one)
    if (is_tensor(it) && it.cast<Tensor>()->dtype == DType::Bool) consumed += it.cast<Tensor>()->dim();
    else consumed += 1;
  }
  FG_CHECK(consumed <= self->dim(), IndexError, "too many indices for tensor of dimension ", self->dim());
  Tensor t = self;
  int64_t dim = 0;
  for (auto it : items) {
    if (it.is_none()) {
      t = ops::unsqueeze(t, dim);
      ++dim;
    } else if (it.is(py::ellipsis())) {
      dim += self->dim() - consumed;
    } else if (PyBool_Check(it.ptr())) {
      t = ops::unsqueeze(t, dim);
      if (!it.cast<bool>()) t = ops::slice(t, dim, 0, 0, 1);
      ++dim;
    } else if (PyLong_Check(it.ptr()) || (py::hasattr(it, "__index__") && !is_tensor(it) && !is_advanced(it))) {
      t = ops::select(t, dim, py::cast<int64_t>(py::int_(py::reinterpret_borrow<py::object>(it))));
    } else if (PySlice_Check(it.ptr())) {
      Py_ssize_t start, stop, step;
      if (PySlice_Unpack(it.ptr(), &start, &stop, &step) != 0) throw py::error_already_set();  // step 0: ValueError
      FG_CHECK(step > 0, ValueError, "step must be greater than zero");
      const int64_t n = t->shape[dim];
      PySlice_AdjustIndices(n, &start, &stop, step);
      t = ops::slice(t, dim, start, std::max<int64_t>(stop, start), step);
      ++dim;
    } else if (is_advanced(it)) {
      Tensor idx = as_index_tensor(it);
      // torch takes int32 indices as int64, and a uint8 tensor as a bool mask (with a deprecation warning)
      if (idx->dtype == DType::Int32) idx = ops::to_dtype(idx, DType::Int64);
      if (idx->dtype == DType::UInt8) {
        if (PyErr_WarnEx(PyExc_UserWarning, "indexing with dtype torch.uint8 is now deprecated, please use a dtype "
                         "torch.bool instead.", 1) != 0)
          throw py::error_already_set();
        idx = ops::to_dtype(idx, DType::Bool);
      }
      if (idx->dtype == DType::Bool && idx->dim() == 0) {
        // x[True] adds a dim of size 1, x[False] one of size 0 (torch/numpy)
        t = ops::unsqueeze(t, dim);
        if (!*ops::contiguous(idx)->data<bool>()) t = ops::slice(t, dim, 0, 0, 1);
        ++dim;
      } else if (idx->dtype == DType::Bool) {
        const int64_t md = std::max<int64_t>(idx->dim(), 1);
        for (int64_t d = 0; d < idx->dim(); ++d)
          FG_CHECK(idx->shape[d] == t->shape[dim + d], IndexError, "The shape of the mask ", shape_str(idx->shape),
                   " at index ", d, " does not match the shape of the indexed tensor ", shape_str(t->shape),
                   " at index ", dim + d);
        TensorList parts = mask_to_indices(idx);
        for (int64_t d = 0; d < idx->dim(); ++d) adv.push_back({dim + d, parts[d]});
        dim += md;
      } else {
        FG_CHECK(idx->dtype == DType::Int64, IndexError, "tensors used as indices must be long, int, byte or bool tensors");
        adv.push_back({dim, idx});
        ++dim;
      }
    } else {
      throw IndexError(str("only integers, slices (`:`), ellipsis (`...`), None and long or byte Variables are valid "
                           "indices (got ", Py_TYPE(it.ptr())->tp_name, ")"));
    }
  }
  return t;
}

// Linear positions (over the merged advanced dims) and the result layout.
struct AdvancedPlan {
  Tensor base;        // input with advanced dims permuted together and merged into one at `at`
  int64_t at = 0;
  Tensor linear;      // int64, broadcast shape of the indices
};

AdvancedPlan plan_advanced(const Tensor& t, std::vector<Advanced>& adv) {
  AdvancedPlan p;
  bool adjacent = true;
  for (size_t i = 1; i < adv.size(); ++i) adjacent = adjacent && adv[i].dim == adv[i - 1].dim + 1;
  // non-adjacent advanced dims go first (numpy/torch rule); adjacent ones stay in place
  Dims perm;
  if (!adjacent) {
    for (auto& a : adv) perm.push_back(a.dim);
    for (int64_t d = 0; d < t->dim(); ++d) {
      bool is_adv = false;
      for (auto& a : adv) is_adv = is_adv || a.dim == d;
      if (!is_adv) perm.push_back(d);
    }
  }
  Tensor base = adjacent ? t : ops::permute(t, perm);
  const int64_t first = adjacent ? adv[0].dim : 0;
  const int64_t k = static_cast<int64_t>(adv.size());
  Dims ishape;
  {
    NoGradGuard ng;
    for (auto& a : adv) ishape = ops::broadcast_shapes(ishape, a.index->shape);
    Tensor linear = ops::zeros(ishape, DType::Int64);
    for (int64_t j = 0; j < k; ++j) {
      const int64_t size = base->shape[first + j];
      Tensor idx = adv[j].index;
      // bounds and negative wrap-around, checked here so the message names the real dim
      Tensor c = ops::contiguous(idx);
      const int64_t* pi = c->data<int64_t>();
      for (int64_t i = 0; i < c->numel(); ++i)
        FG_CHECK(pi[i] >= -size && pi[i] < size, IndexError, "index ", pi[i], " is out of bounds for dimension ",
                 adv[j].dim, " with size ", size);
      Tensor zero = scalar_tensor(0, DType::Int64);
      Tensor wrapped = ops::where(ops::compare(idx, zero, ops::CmpOp::Lt), ops::add(idx, scalar_tensor(size, DType::Int64)), idx);
      linear = ops::add(ops::mul(linear, scalar_tensor(size, DType::Int64)), wrapped);
    }
    p.linear = linear;
  }
  Dims merged;
  for (int64_t d = 0; d < first; ++d) merged.push_back(base->shape[d]);
  merged.push_back(-1);
  for (int64_t d = first + k; d < base->dim(); ++d) merged.push_back(base->shape[d]);
  p.base = ops::reshape(base, merged);
  p.at = first;
  return p;
}

}  // namespace

Tensor index_tensor(const Tensor& self, py::handle index) {
  // fast path: x[int] on dim 0
  if (PyLong_Check(index.ptr()) && !PyBool_Check(index.ptr())) {
    FG_CHECK(self->dim() > 0, IndexError, "invalid index of a 0-dim tensor. Use `tensor.item()` in Python or "
             "`tensor.item<T>()` in C++ to convert a 0-dim tensor to a number");
    return ops::select(self, 0, PyLong_AsLongLong(index.ptr()));
  }
  std::vector<Advanced> adv;
  Tensor t = apply_basic(self, as_tuple(index), adv);
  if (adv.empty()) return t == self ? make_view(self, self->shape, self->strides, self->offset) : t;
  AdvancedPlan p = plan_advanced(t, adv);
  Tensor flat = ops::reshape(p.linear, {-1});
  Tensor picked = ops::index_select(p.base, p.at, flat);
  Dims out_shape;
  for (int64_t d = 0; d < p.at; ++d) out_shape.push_back(p.base->shape[d]);
  for (int64_t s : p.linear->shape) out_shape.push_back(s);
  for (int64_t d = p.at + 1; d < p.base->dim(); ++d) out_shape.push_back(p.base->shape[d]);
  return ops::reshape(picked, out_shape);
}

void index_assign(Tensor& self, py::handle index, py::handle value) {
  FG_CHECK(!(GradMode::is_enabled() && self->needs_grad()), RuntimeError,
           "index assignment into a tensor that requires grad is not supported by fastgrad (a leaf Variable that "
           "requires grad cannot be used in an in-place operation); build the result with torch.where or torch.cat, "
           "or assign under torch.no_grad()");
  Tensor v = to_tensor_arg(value, "__setitem__");
  FG_CHECK(!(GradMode::is_enabled() && v->needs_grad()), RuntimeError,
           "index assignment of a value that requires grad is not supported by fastgrad; build the result with "
           "torch.where or torch.cat instead");
  NoGradGuard ng;
  std::vector<Advanced> adv;
  Tensor target = apply_basic(self, as_tuple(index), adv);
  if (adv.empty()) {
    ops::copy_(target, v);
    if (target != self) self->bump_version();
    return;
  }
  // Advanced assignment: write element-rows one index at a time through select views.
  AdvancedPlan p = plan_advanced(target, adv);
  FG_CHECK(p.base->storage == self->storage, IndexError,
           "this combination of advanced indices cannot be assigned to in place (it would need a copy)");
  Tensor flat = ops::contiguous(ops::reshape(p.linear, {-1}));
  const int64_t n = flat->numel();
  Dims slot_shape;  // shape of the value for one index: base dims after removing `at`
  for (int64_t d = 0; d < p.base->dim(); ++d)
    if (d != p.at) slot_shape.push_back(p.base->shape[d]);
  Dims full_shape;  // value broadcast over (index, slot...)
  for (int64_t d = 0; d < p.at; ++d) full_shape.push_back(p.base->shape[d]);
  full_shape.push_back(n);
  for (int64_t d = p.at + 1; d < p.base->dim(); ++d) full_shape.push_back(p.base->shape[d]);
  Tensor vv = v;
  if (v->dim() > 0 && v->numel() == n * shape_numel(slot_shape) && v->shape != full_shape)
    vv = ops::reshape(v, full_shape);
  Tensor vb = ops::broadcast_to_view(vv, full_shape);
  for (int64_t i = 0; i < n; ++i) {
    Tensor dst = ops::select(p.base, p.at, flat->data<int64_t>()[i]);
    ops::copy_into(dst, ops::select(vb, p.at, i));
  }
  self->bump_version();
}

}  // namespace fg::python

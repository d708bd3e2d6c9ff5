// Python indexing: x[1, 2:5, ..., None, idx_tensor, mask] and assignment through it, as torch reads an
// index. Basic items (ints, slices, None, Ellipsis, Python bools) become a view; the advanced ones (integer
// and bool tensors, lists, tuples, ranges, numpy arrays) become ops::index on that view, or, in an
// assignment, ops::index_put_ on it (ops::copy_ when there are none), so autograd flows through both.
#include "ops/scatter.h"
#include "python/tensor_methods.h"

namespace fg::python {

namespace {

// An int, or an object that converts to one (numpy integers). Slices and the other cheap kinds are
// told apart first: a failed attribute lookup costs about a microsecond.
bool is_int_like(py::handle h) {
  if (PyLong_Check(h.ptr())) return true;
  if (PySlice_Check(h.ptr()) || h.is_none() || is_tensor(h) || PyFloat_Check(h.ptr()) || PySequence_Check(h.ptr()))
    return false;
  return py::hasattr(h, "__index__");
}

// A sequence that indexes as a tensor: list, tuple (inside the index tuple), range, numpy array.
bool is_index_sequence(py::handle h) {
  if (is_tensor(h) || PyUnicode_Check(h.ptr()) || PyBytes_Check(h.ptr())) return false;
  return PySequence_Check(h.ptr());  // numpy arrays are sequences; numpy's bool scalar is not (torch refuses it)
}

// torch (after NumPy) reads a short non-tuple sequence holding a tensor, sequence, slice, None or Ellipsis
// as a tuple of items, and warns that this is going away; any other sequence is one tensor index.
bool sequence_as_tuple(py::handle index) {
  if (py::isinstance<py::tuple>(index)) return true;
  if (!PyList_Check(index.ptr())) return false;
  const Py_ssize_t n = PyList_GET_SIZE(index.ptr());
  if (n >= 32) return false;
  for (Py_ssize_t i = 0; i < n; ++i) {
    py::handle it = PyList_GET_ITEM(index.ptr(), i);
    if (is_tensor(it) || PySequence_Check(it.ptr()) || PySlice_Check(it.ptr()) || it.is_none() || it.is(py::ellipsis())) {
      if (PyErr_WarnEx(PyExc_UserWarning,
                       "Using a non-tuple sequence for multidimensional indexing is deprecated and will be changed in "
                       "pytorch 2.9; use x[tuple(seq)] instead of x[seq]. In pytorch 2.9 this will be interpreted as "
                       "tensor index, x[torch.tensor(seq)], which will result either in an error or a different result",
                       1) != 0)
        throw py::error_already_set();
      return true;
    }
  }
  return false;
}

py::tuple as_tuple(py::handle index) {
  if (py::isinstance<py::tuple>(index)) return py::reinterpret_borrow<py::tuple>(index);
  if (sequence_as_tuple(index)) return py::tuple(py::reinterpret_borrow<py::object>(index));
  return py::make_tuple(index);
}

[[noreturn]] void bad_item(py::handle it) {
  throw IndexError(str("only integers, slices (`:`), ellipsis (`...`), None and long or byte Variables are valid "
                       "indices (got ", Py_TYPE(it.ptr())->tp_name, ")"));
}

// A flat list or tuple of Python ints (or of bools) as a tensor without going through fastgrad.tensor
// (the common x[[1, 3]]); null for anything else.
Tensor flat_int_sequence(py::handle h) {
  if (!PyList_Check(h.ptr()) && !PyTuple_Check(h.ptr())) return nullptr;
  const Py_ssize_t n = PySequence_Fast_GET_SIZE(h.ptr());
  if (n == 0) return nullptr;
  PyObject** items = PySequence_Fast_ITEMS(h.ptr());
  const bool bools = PyBool_Check(items[0]);
  for (Py_ssize_t i = 0; i < n; ++i)
    if (bools ? !PyBool_Check(items[i]) : (!PyLong_Check(items[i]) || PyBool_Check(items[i]))) return nullptr;
  Tensor t = empty(Dims{static_cast<int64_t>(n)}, bools ? DType::Bool : DType::Int64);
  for (Py_ssize_t i = 0; i < n; ++i) {
    if (bools) {
      t->data<bool>()[i] = items[i] == Py_True;
    } else {
      int overflow = 0;
      t->data<int64_t>()[i] = PyLong_AsLongLongAndOverflow(items[i], &overflow);
      if (overflow) return nullptr;  // fastgrad.tensor reports it
    }
  }
  return t;
}

// An advanced index as an int64 or bool tensor (int32 and uint8 ones converted, as torch reads them).
Tensor as_index_tensor(py::handle h) {
  Tensor t = is_tensor(h) ? h.cast<Tensor>() : flat_int_sequence(h);
  if (!t) {
    py::object fg = py::module_::import("fastgrad");
    const bool empty_seq = PySequence_Check(h.ptr()) && !py::hasattr(h, "__array_interface__") && py::len(h) == 0;
    // an empty list indexes nothing: int64, not the float32 that tensor([]) would give
    t = empty_seq ? empty(Dims{0}, DType::Int64) : fg.attr("tensor")(h).cast<Tensor>();
    // a sequence of numbers indexes as integers (torch truncates [0.5, 1.7] to [0, 1])
    if (is_floating(t->dtype)) t = ops::to_dtype(t, DType::Int64);
  }
  // torch takes int32 indices as int64, and a uint8 tensor as a bool mask (with a deprecation warning)
  if (t->dtype == DType::Int32) t = ops::to_dtype(t, DType::Int64);
  if (t->dtype == DType::UInt8) {
    if (PyErr_WarnEx(PyExc_UserWarning, "indexing with dtype torch.uint8 is now deprecated, please use a dtype "
                     "torch.bool instead.", 1) != 0)
      throw py::error_already_set();
    t = ops::to_dtype(t, DType::Bool);
  }
  FG_CHECK(t->dtype == DType::Int64 || t->dtype == DType::Bool, IndexError,
           "tensors used as indices must be long, int, byte or bool tensors");
  return t;
}

// The view that the basic items select, and the advanced indices over its dims: one entry per dim
// (null: taken whole), a k-d bool mask standing once for its k dims, as ops::index reads them.
struct Parsed {
  Tensor view;
  TensorList indices;
  bool advanced = false;
};

Parsed parse(const Tensor& self, py::tuple items) {
  int64_t consumed = 0;
  bool has_ellipsis = false;
  for (auto it : items) {
    if (it.is_none() || PyBool_Check(it.ptr())) continue;  // x[True] indexes no dim (it adds one)
    if (it.is(py::ellipsis())) {
      FG_CHECK(!has_ellipsis, IndexError, "an index can only have a single ellipsis ('...')");
      has_ellipsis = true;
      continue;
    }
    if (is_tensor(it) && it.cast<Tensor>()->dtype == DType::Bool) consumed += it.cast<Tensor>()->dim();
    else consumed += 1;
  }
  FG_CHECK(consumed <= self->dim(), IndexError, "too many indices for tensor of dimension ", self->dim());
  Parsed p;
  Tensor t = self;
  int64_t dim = 0;
  auto add_index = [&](const Tensor& idx, int64_t covers) {
    while (static_cast<int64_t>(p.indices.size()) < dim) p.indices.push_back(nullptr);
    p.indices.push_back(idx);
    for (int64_t k = 1; k < covers; ++k) p.indices.push_back(nullptr);  // placeholders, dropped below
    p.advanced = true;
    dim += covers;
  };
  auto add_dim = [&](bool empty_dim) {
    t = ops::unsqueeze(t, dim);
    if (empty_dim) t = ops::slice(t, dim, 0, 0, 1);
    ++dim;
  };
  for (auto it : items) {
    if (it.is_none()) {
      add_dim(false);
    } else if (it.is(py::ellipsis())) {
      dim += self->dim() - consumed;
    } else if (PyBool_Check(it.ptr())) {
      add_dim(it.ptr() == Py_False);
    } else if (is_int_like(it)) {
      FG_CHECK(dim < t->dim(), IndexError, "too many indices for tensor of dimension ", self->dim());
      t = ops::select(t, dim, py::cast<int64_t>(py::int_(py::reinterpret_borrow<py::object>(it))));
    } else if (PySlice_Check(it.ptr())) {
      Py_ssize_t start, stop, step;
      if (PySlice_Unpack(it.ptr(), &start, &stop, &step) != 0) throw py::error_already_set();  // step 0: ValueError
      FG_CHECK(step > 0, ValueError, "step must be greater than zero");
      const int64_t n = t->shape[dim];
      PySlice_AdjustIndices(n, &start, &stop, step);
      // a slice of the whole dim leaves the tensor itself (torch's applySlice does the same), so that
      // x[:, idx] = v writes into x, not into a view of it
      if (!(start == 0 && stop == n && step == 1)) t = ops::slice(t, dim, start, std::max<int64_t>(stop, start), step);
      ++dim;
    } else if (PyUnicode_Check(it.ptr()) || PyBytes_Check(it.ptr())) {
      throw TypeError(str("new(): invalid data type '", Py_TYPE(it.ptr())->tp_name, "'"));  // torch reads it as data
    } else if (is_tensor(it) || is_index_sequence(it)) {
      Tensor idx = as_index_tensor(it);
      if (idx->dtype == DType::Bool && idx->dim() == 0) {
        add_dim(!*ops::contiguous(idx)->data<bool>());  // a 0-d mask adds a dim of size 1 (or 0), as True does
      } else if (idx->dtype == DType::Bool) {
        for (int64_t d = 0; d < idx->dim(); ++d)
          FG_CHECK(dim + d < t->dim() && idx->shape[d] == t->shape[dim + d], IndexError, "The shape of the mask ",
                   shape_str(idx->shape), " at index ", d, " does not match the shape of the indexed tensor ",
                   shape_str(t->shape), " at index ", dim + d);
        add_index(idx, idx->dim());
      } else {
        add_index(idx, 1);
      }
    } else {
      bad_item(it);
    }
  }
  // drop the placeholders a k-d mask left after itself: ops::index reads the mask as covering them
  TensorList list;
  int64_t skip = 0;
  for (const Tensor& e : p.indices) {
    if (skip > 0) {
      --skip;
      continue;
    }
    list.push_back(e);
    if (e && e->dtype == DType::Bool) skip = e->dim() - 1;
  }
  p.indices = list;
  p.view = t;
  return p;
}

// x[i] on dim 0 without building a tuple (the loop-over-rows case)
bool is_plain_int(py::handle index) { return PyLong_Check(index.ptr()) && !PyBool_Check(index.ptr()); }

}  // namespace

Tensor index_tensor(const Tensor& self, py::handle index) {
  if (is_plain_int(index)) {
    FG_CHECK(self->dim() > 0, IndexError, "invalid index of a 0-dim tensor. Use `tensor.item()` in Python or "
             "`tensor.item<T>()` in C++ to convert a 0-dim tensor to a number");
    return ops::select(self, 0, PyLong_AsLongLong(index.ptr()));
  }
  Parsed p = parse(self, as_tuple(index));
  if (p.advanced) return ops::index(p.view, p.indices);
  // x[...] and x[:, :] are new tensors over the same elements (torch's alias), still in the graph
  return p.view == self ? ops::view(self, self->shape) : p.view;
}

void index_assign(Tensor& self, py::handle index, py::handle value) {
  Tensor v;
  if (is_tensor(value)) {
    v = value.cast<Tensor>();
  } else {
    const bool number = PyBool_Check(value.ptr()) || PyLong_Check(value.ptr()) || PyFloat_Check(value.ptr()) ||
                        (py::hasattr(value, "__float__") && !PySequence_Check(value.ptr()));
    // the legacy type name (torch.FloatTensor), as Tensor.type() gives it
    FG_CHECK(number, TypeError, "can't assign a ", Py_TYPE(value.ptr())->tp_name, " to a ",
             py::str(py::cast(self).attr("type")()).cast<std::string>());
    v = ops::to_dtype(to_tensor_arg(value, "__setitem__"), self->dtype);  // a number takes the target's dtype
  }
  Parsed p = is_plain_int(index) && self->dim() > 0 ? Parsed{ops::select(self, 0, PyLong_AsLongLong(index.ptr())), {}, false}
                                                     : parse(self, as_tuple(index));
  // torch drops the value's leading size-1 dims first (x[0] = ones(1, 3) fills a row of 3)
  Dims vshape = v->shape;
  size_t lead = 0;
  while (lead < vshape.size() && vshape[lead] == 1) ++lead;
  if (lead > 0) {
    Dims rest;
    for (size_t d = lead; d < vshape.size(); ++d) rest.push_back(vshape[d]);
    v = ops::reshape(v, rest);
  }
  if (p.advanced) {
    ops::index_put_(p.view, p.indices, v, false);
  } else {
    ops::copy_(p.view, v);
  }
}

}  // namespace fg::python

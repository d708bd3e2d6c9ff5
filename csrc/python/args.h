#pragma once
// Conversions between Python arguments and the C++ core, shared by every bind_*.cpp.
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <optional>

#include "ops/ops.h"
#include "tensor/tensor.h"

namespace fg::python {

namespace py = pybind11;

// The Python type object of fastgrad.Tensor (set once the class is bound).
py::handle tensor_type();
bool is_tensor(py::handle h);

// A Tensor, or a Python number wrapped as a 0-dim "wrapped number" (weak in type promotion).
Tensor to_tensor_arg(py::handle h, const char* op);
// Tensor or None.
Tensor optional_tensor(py::handle h);
// div's rounding_mode argument: None, "trunc" or "floor", as torch.
ops::RoundingMode rounding_mode_from(py::handle h);

// shape arguments: f(2, 3), f((2, 3)), f([2, 3]), f(torch.Size)
Dims shape_from_args(const py::args& args, const char* op);
Dims dims_from(py::handle h, const char* op);  // int or sequence of ints
std::optional<Dims> optional_dims(py::handle h, const char* op);

// dtype objects live in Python (fastgrad.float32 ...); they are passed to C++ as these objects.
DType dtype_from(py::handle h);
std::optional<DType> optional_dtype(py::handle h);
DType dtype_or(py::handle h, DType fallback);  // dtype= of a creation function: fallback when None
// The requires_grad= of a creation function applied to its fresh result (floating dtypes only, as torch).
Tensor finish(Tensor t, bool requires_grad);
py::object dtype_object(DType t);
void register_dtype_objects(const py::sequence& objs);  // fastgrad's dtype objects in DType order

py::object make_size(const Dims& shape);

// Placement arguments, as torch takes them on creation functions and Tensor.to. fastgrad has only the
// CPU: None, "cpu", "cpu:N" or a cpu device pass; a malformed name raises torch's RuntimeError and any
// other device raises an error saying fastgrad runs on the CPU. pin_memory=True has no allocator here.
void check_cpu_device(py::handle device, const char* op);
void check_pin_memory(py::handle pin_memory);
bool is_device_arg(py::handle h);  // a str or a fastgrad.device (Tensor.to's positional device)

// (values, indices) as the named tuple fastgrad._types.<type_name> (torch.return_types.max, .sort, ...).
// The module's reference is deliberately leaked: a static py::object would be released after the
// interpreter has finalized, and that dealloc segfaults at process exit.
py::object named_pair(const char* type_name, const Tensor& values, const Tensor& indices);
// What unique / unique_consecutive return: the values alone, or a tuple with the asked-for inverse and counts.
py::object unique_result(const Tensor& values, const Tensor& inverse, const Tensor& counts, bool return_inverse,
                         bool return_counts);

// torch's numpy spelling `keepdims=` of `keepdim=`: the alias wins when given; both at once is a TypeError.
bool keepdim_of(bool keepdim, py::handle keepdims, const char* op);  // fastgrad.Size (a tuple subclass), like torch.Size

}  // namespace fg::python

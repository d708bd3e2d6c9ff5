// Zero-copy exchange with numpy (from_numpy / .numpy()) and DLPack (__dlpack__ / from_dlpack).
#include <pybind11/numpy.h>

#include "python/module.h"
#include "python/tensor_methods.h"

namespace fg::python {

namespace {

// ---- DLPack structs (dlpack.h v1.0 layout; written out here to avoid a header dependency) ----
struct DLDevice { int32_t device_type; int32_t device_id; };
struct DLDataType { uint8_t code; uint8_t bits; uint16_t lanes; };
struct DLTensor {
  void* data;
  DLDevice device;
  int32_t ndim;
  DLDataType dtype;
  int64_t* shape;
  int64_t* strides;
  uint64_t byte_offset;
};
struct DLManagedTensor {
  DLTensor dl_tensor;
  void* manager_ctx;
  void (*deleter)(DLManagedTensor*);
};
struct DLPackVersion { uint32_t major; uint32_t minor; };
struct DLManagedTensorVersioned {
  DLPackVersion version;
  void* manager_ctx;
  void (*deleter)(DLManagedTensorVersioned*);
  uint64_t flags;
  DLTensor dl_tensor;
};
constexpr int32_t kDLCPU = 1;
enum : uint8_t { kDLInt = 0, kDLUInt = 1, kDLFloat = 2, kDLBfloat = 4, kDLBool = 6 };

// What a DLPack capsule we export keeps alive: the storage and the shape/stride arrays.
struct ExportCtx {
  std::shared_ptr<Storage> storage;
  std::vector<int64_t> shape, strides;
};

DLDataType dl_dtype(DType t) {
  switch (t) {
    case DType::Float32: return {kDLFloat, 32, 1};
    case DType::Float64: return {kDLFloat, 64, 1};
    case DType::Int64: return {kDLInt, 64, 1};
    case DType::Bool: return {kDLBool, 8, 1};
    case DType::Int8: return {kDLInt, 8, 1};
    case DType::Int16: return {kDLInt, 16, 1};
    case DType::Int32: return {kDLInt, 32, 1};
    case DType::UInt8: return {kDLUInt, 8, 1};
    case DType::Float16: return {kDLFloat, 16, 1};
    case DType::BFloat16: return {kDLBfloat, 16, 1};
  }
  return {0, 0, 0};
}

DType from_dl_dtype(DLDataType d) {
  FG_CHECK(d.lanes == 1, TypeError, "from_dlpack: vector dtypes (lanes=", d.lanes, ") are not supported");
  if (d.code == kDLFloat && d.bits == 32) return DType::Float32;
  if (d.code == kDLFloat && d.bits == 64) return DType::Float64;
  if (d.code == kDLInt && d.bits == 64) return DType::Int64;
  if (d.code == kDLBool && d.bits == 8) return DType::Bool;
  if (d.code == kDLInt && d.bits == 8) return DType::Int8;
  if (d.code == kDLInt && d.bits == 16) return DType::Int16;
  if (d.code == kDLInt && d.bits == 32) return DType::Int32;
  if (d.code == kDLUInt && d.bits == 8) return DType::UInt8;
  if (d.code == kDLFloat && d.bits == 16) return DType::Float16;
  if (d.code == kDLBfloat && d.bits == 16) return DType::BFloat16;
  throw TypeError(str("from_dlpack: unsupported dtype (code ", int(d.code), ", bits ", int(d.bits),
                      "); fastgrad supports bool, uint8, int8, int16, int32, int64, float16, bfloat16, float32 "
                      "and float64"));
}

void fill_dl_tensor(DLTensor& dl, const Tensor& t, ExportCtx* ctx) {
  ctx->storage = t->storage;
  ctx->shape.assign(t->shape.begin(), t->shape.end());
  ctx->strides.assign(t->strides.begin(), t->strides.end());
  dl.data = t->storage->data;
  dl.device = {kDLCPU, 0};
  dl.ndim = static_cast<int32_t>(t->dim());
  dl.dtype = dl_dtype(t->dtype);
  dl.shape = ctx->shape.data();
  dl.strides = ctx->strides.data();
  dl.byte_offset = static_cast<uint64_t>(t->offset) * itemsize(t->dtype);
}

py::capsule export_dlpack(const Tensor& t, bool versioned) {
  auto* ctx = new ExportCtx();
  if (versioned) {
    auto* mt = new DLManagedTensorVersioned();
    mt->version = {1, 0};
    mt->manager_ctx = ctx;
    mt->flags = 0;
    fill_dl_tensor(mt->dl_tensor, t, ctx);
    mt->deleter = [](DLManagedTensorVersioned* self) {
      delete static_cast<ExportCtx*>(self->manager_ctx);
      delete self;
    };
    return py::capsule(mt, "dltensor_versioned", [](PyObject* cap) {
      // only an unconsumed capsule still owns the tensor
      if (PyCapsule_IsValid(cap, "dltensor_versioned")) {
        auto* p = static_cast<DLManagedTensorVersioned*>(PyCapsule_GetPointer(cap, "dltensor_versioned"));
        if (p && p->deleter) p->deleter(p);
      }
    });
  }
  auto* mt = new DLManagedTensor();
  mt->manager_ctx = ctx;
  fill_dl_tensor(mt->dl_tensor, t, ctx);
  mt->deleter = [](DLManagedTensor* self) {
    delete static_cast<ExportCtx*>(self->manager_ctx);
    delete self;
  };
  return py::capsule(mt, "dltensor", [](PyObject* cap) {
    if (PyCapsule_IsValid(cap, "dltensor")) {
      auto* p = static_cast<DLManagedTensor*>(PyCapsule_GetPointer(cap, "dltensor"));
      if (p && p->deleter) p->deleter(p);
    }
  });
}

Tensor wrap_dl_tensor(const DLTensor& dl, std::function<void(void*)> release) {
  FG_CHECK(dl.device.device_type == kDLCPU, RuntimeError, "from_dlpack: only CPU tensors are supported (device type ",
           dl.device.device_type, ")");
  auto t = std::make_shared<TensorImpl>();
  t->dtype = from_dl_dtype(dl.dtype);
  for (int32_t i = 0; i < dl.ndim; ++i) t->shape.push_back(dl.shape[i]);
  t->strides = dl.strides ? Dims(dl.strides, dl.strides + dl.ndim) : contiguous_strides(t->shape);
  const size_t isz = itemsize(t->dtype);
  FG_CHECK(dl.byte_offset % isz == 0, RuntimeError, "from_dlpack: byte_offset not a multiple of the item size");
  // extent of memory the view can touch, for the storage's size
  int64_t max_off = 0;
  for (int32_t i = 0; i < dl.ndim; ++i) {
    FG_CHECK(t->strides[i] >= 0, RuntimeError, "from_dlpack: negative strides are not supported");
    if (t->shape[i] > 0) max_off += (t->shape[i] - 1) * t->strides[i];
  }
  t->storage = Storage::borrow(static_cast<char*>(dl.data), dl.byte_offset + (max_off + 1) * isz, std::move(release));
  t->offset = static_cast<int64_t>(dl.byte_offset / isz);
  t->version = std::shared_ptr<VersionCounter>(t->storage, &t->storage->version);
  return t;
}

Tensor from_dlpack(py::object obj) {
  py::object cap = obj;
  if (py::hasattr(obj, "__dlpack__")) {
    try {
      cap = obj.attr("__dlpack__")(py::arg("max_version") = py::make_tuple(1, 0));
    } catch (py::error_already_set& e) {
      if (!e.matches(PyExc_TypeError)) throw;
      cap = obj.attr("__dlpack__")();
    }
  }
  PyObject* c = cap.ptr();
  if (PyCapsule_IsValid(c, "dltensor_versioned")) {
    auto* mt = static_cast<DLManagedTensorVersioned*>(PyCapsule_GetPointer(c, "dltensor_versioned"));
    FG_CHECK(mt->version.major == 1, RuntimeError, "from_dlpack: unsupported DLPack version ", mt->version.major);
    Tensor t = wrap_dl_tensor(mt->dl_tensor, [mt](void*) {
      if (mt->deleter) mt->deleter(mt);
    });
    PyCapsule_SetName(c, "used_dltensor_versioned");
    return t;
  }
  if (PyCapsule_IsValid(c, "dltensor")) {
    auto* mt = static_cast<DLManagedTensor*>(PyCapsule_GetPointer(c, "dltensor"));
    Tensor t = wrap_dl_tensor(mt->dl_tensor, [mt](void*) {
      if (mt->deleter) mt->deleter(mt);
    });
    PyCapsule_SetName(c, "used_dltensor");
    return t;
  }
  throw TypeError("from_dlpack: expected an object with __dlpack__ or an unused DLPack capsule");
}

DType dtype_of_numpy(const py::array& a) {
  const char kind = a.dtype().kind();
  const ssize_t size = a.dtype().itemsize();
  if (kind == 'f' && size == 4) return DType::Float32;
  if (kind == 'f' && size == 8) return DType::Float64;
  if (kind == 'f' && size == 2) return DType::Float16;
  if (kind == 'i' && size == 8) return DType::Int64;
  if (kind == 'i' && size == 4) return DType::Int32;
  if (kind == 'i' && size == 2) return DType::Int16;
  if (kind == 'i' && size == 1) return DType::Int8;
  if (kind == 'u' && size == 1) return DType::UInt8;
  if (kind == 'b') return DType::Bool;
  throw TypeError(str("can't convert np.ndarray of type numpy.", py::str(a.dtype()).cast<std::string>(),
                      ". The only supported types are: float64, float32, float16, int64, int32, int16, int8, uint8, "
                      "and bool."));
}

Tensor from_numpy(py::array a) {
  DType dt = dtype_of_numpy(a);
  FG_CHECK(a.dtype().byteorder() != '>', TypeError, "from_numpy: big-endian arrays are not supported; use .astype()");
  auto t = std::make_shared<TensorImpl>();
  t->dtype = dt;
  const ssize_t isz = a.itemsize();
  int64_t max_off = 0;
  for (ssize_t i = 0; i < a.ndim(); ++i) {
    t->shape.push_back(a.shape(i));
    FG_CHECK(a.strides(i) >= 0, ValueError,
             "At least one stride in the given numpy array is negative, and tensors with negative strides are not "
             "currently supported. (You can probably work around this by making a copy of your array  with "
             "array.copy().) ");
    FG_CHECK(a.strides(i) % isz == 0, ValueError, "given numpy array strides not a multiple of the element byte size. "
             "Copy the numpy array to reallocate the memory.");
    t->strides.push_back(a.strides(i) / isz);
    if (a.shape(i) > 0) max_off += (a.shape(i) - 1) * (a.strides(i) / isz);
  }
  auto* keep = new py::object(a);
  t->storage = Storage::borrow(const_cast<void*>(a.data()), (max_off + 1) * isz, [keep](void*) {
    py::gil_scoped_acquire gil;
    delete keep;
  });
  t->version = std::shared_ptr<VersionCounter>(t->storage, &t->storage->version);
  return t;
}

py::array to_numpy(const Tensor& t, bool force) {
  FG_CHECK(force || !t->needs_grad(), RuntimeError,
           "Can't call numpy() on Tensor that requires grad. Use tensor.detach().numpy() instead.");
  FG_CHECK(t->dtype != DType::BFloat16, TypeError, "Got unsupported ScalarType BFloat16");  // numpy has none
  std::string fmt = dtype_name(t->dtype) + 6;  // "torch.int8" -> "int8": numpy's name for all the others
  std::vector<ssize_t> shape(t->shape.begin(), t->shape.end()), strides;
  for (int64_t s : t->strides) strides.push_back(s * static_cast<ssize_t>(itemsize(t->dtype)));
  auto* hold = new std::shared_ptr<Storage>(t->storage);
  py::capsule base(hold, [](void* p) { delete static_cast<std::shared_ptr<Storage>*>(p); });
  return py::array(py::dtype(fmt), shape, strides, t->raw_data(), base);
}

}  // namespace

FG_BIND_ORDER(bind_interop, 30) {
  m.def("from_numpy", &from_numpy, py::arg("ndarray"));
  m.def("from_dlpack", &from_dlpack, py::arg("ext_tensor"));
  py::object cls = m.attr("Tensor");
  cls.attr("numpy") = py::cpp_function(&to_numpy, py::name("numpy"), py::is_method(cls), py::kw_only(), py::arg("force") = false);
  cls.attr("__dlpack__") = py::cpp_function(
      [](const Tensor& t, py::object stream, py::object max_version, py::object dl_device, py::object copy) {
        FG_CHECK(!t->needs_grad(), RuntimeError,
                 "Can't export tensors that require gradient, use tensor.detach()");
        FG_CHECK(copy.is_none() || !copy.cast<bool>(), ValueError, "fastgrad exports DLPack without copying (copy=True unsupported)");
        bool versioned = !max_version.is_none() && py::len(max_version) > 0 && max_version[py::int_(0)].cast<int>() >= 1;
        return export_dlpack(t, versioned);
      },
      py::name("__dlpack__"), py::is_method(cls), py::kw_only(), py::arg("stream") = py::none(),
      py::arg("max_version") = py::none(), py::arg("dl_device") = py::none(), py::arg("copy") = py::none());
  cls.attr("__dlpack_device__") = py::cpp_function([](const Tensor&) { return py::make_tuple(kDLCPU, 0); },
                                                   py::name("__dlpack_device__"), py::is_method(cls));
}

}  // namespace fg::python

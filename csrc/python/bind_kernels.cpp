// Kernel-level bindings: threads, CPU level, and a GEMM entry on numpy arrays so tests can drive
// every ISA variant directly (including strided and transposed views, with no copies).
#include <pybind11/numpy.h>
#include <pybind11/stl.h>

#include <stdexcept>
#include <string>
#include <vector>

#include "kernels/cpu_features.h"
#include "kernels/gemm/gemm.h"
#include "kernels/gemm/gemm_internal.h"
#include "kernels/parallel.h"
#include "python/module.h"

namespace py = pybind11;
using fg::kernels::CpuLevel;

namespace {

struct Matrix {
  char* data;
  int64_t rows, cols, rs, cs;  // strides in elements
};

template <typename T>
Matrix as_matrix(const py::array& a, const char* name, bool writable) {
  if (a.ndim() != 2) throw std::invalid_argument(std::string(name) + " must be 2-D");
  if (writable && !a.writeable()) throw std::invalid_argument(std::string(name) + " is read-only");
  const auto item = static_cast<int64_t>(sizeof(T));
  if (a.strides(0) % item || a.strides(1) % item)
    throw std::invalid_argument(std::string(name) + " strides must be whole elements");
  return {static_cast<char*>(const_cast<void*>(a.data())), a.shape(0), a.shape(1), a.strides(0) / item,
          a.strides(1) / item};
}

CpuLevel parse_level(const std::string& name) {
  CpuLevel l;
  if (!fg::kernels::parse_cpu_level(name.c_str(), &l))
    throw std::invalid_argument("unknown CPU level '" + name + "' (generic, avx2, avx512)");
  return l;
}

// Runs the level-forced GEMM; restores the previous level even if the call throws.
struct LevelScope {
  CpuLevel saved;
  explicit LevelScope(const std::string& name) : saved(fg::kernels::cpu_level()) {
    if (!name.empty()) {
      const CpuLevel want = parse_level(name);
      if (static_cast<int>(want) > static_cast<int>(fg::kernels::cpu_level_max()))
        throw std::invalid_argument("CPU level '" + name + "' is not supported by this CPU");
      fg::kernels::set_cpu_level(want);
    }
  }
  ~LevelScope() { fg::kernels::set_cpu_level(saved); }
};

template <typename T>
py::array gemm_test(const py::array& a, const py::array& b, py::object c_obj, double alpha, double beta,
                    const std::string& level, bool reference) {
  const Matrix A = as_matrix<T>(a, "a", false), B = as_matrix<T>(b, "b", false);
  if (A.cols != B.rows) throw std::invalid_argument("a.shape[1] != b.shape[0]");
  py::array c;
  if (c_obj.is_none()) {
    c = py::array_t<T>({A.rows, B.cols});
    beta = 0.0;
  } else {
    c = py::reinterpret_borrow<py::array>(c_obj);
    if (!c.dtype().is(py::dtype::of<T>())) throw std::invalid_argument("c must have the dtype of a");
  }
  const Matrix C = as_matrix<T>(c, "c", true);
  if (C.rows != A.rows || C.cols != B.cols) throw std::invalid_argument("c has the wrong shape");
  LevelScope scope(level);
  const T* pa = reinterpret_cast<const T*>(A.data);
  const T* pb = reinterpret_cast<const T*>(B.data);
  T* pc = reinterpret_cast<T*>(C.data);
  py::gil_scoped_release nogil;
  if constexpr (sizeof(T) == 4) {
    auto fn = reference ? fg::kernels::gemm_reference_f32 : fg::kernels::gemm_f32;
    fn(A.rows, B.cols, A.cols, T(alpha), pa, A.rs, A.cs, pb, B.rs, B.cs, T(beta), pc, C.rs, C.cs);
  } else {
    auto fn = reference ? fg::kernels::gemm_reference_f64 : fg::kernels::gemm_f64;
    fn(A.rows, B.cols, A.cols, T(alpha), pa, A.rs, A.cs, pb, B.rs, B.cs, T(beta), pc, C.rs, C.cs);
  }
  return c;
}

}  // namespace

FG_BIND(bind_kernels) {

  m.def("get_num_threads", &fg::get_num_threads, "Threads kernels may use.");
  m.def("set_num_threads", &fg::set_num_threads, py::arg("n"), "Sets the threads kernels may use.");

  m.def("_cpu_level", [] { return std::string(fg::kernels::cpu_level_name()); },
        "The instruction-set level kernels dispatch to: 'generic', 'avx2' or 'avx512'.");
  m.def("_set_cpu_level",
        [](const std::string& name) {
          return std::string(fg::kernels::cpu_level_name(fg::kernels::set_cpu_level(parse_level(name))));
        },
        py::arg("name"), "Forces a level (clamped to what the CPU has); returns the level in effect.");
  m.def("_cpu_levels_supported", [] {
    std::vector<std::string> out;
    for (int l = 0; l <= static_cast<int>(fg::kernels::cpu_level_max()); ++l)
      out.emplace_back(fg::kernels::cpu_level_name(static_cast<CpuLevel>(l)));
    return out;
  });

  m.def(
      "_gemm_test",
      [](const py::array& a, const py::array& b, py::object c, double alpha, double beta,
         const std::string& level, bool reference) -> py::array {
        if (a.dtype().is(py::dtype::of<float>()) && b.dtype().is(py::dtype::of<float>()))
          return gemm_test<float>(a, b, c, alpha, beta, level, reference);
        if (a.dtype().is(py::dtype::of<double>()) && b.dtype().is(py::dtype::of<double>()))
          return gemm_test<double>(a, b, c, alpha, beta, level, reference);
        throw std::invalid_argument("a and b must both be float32 or both float64");
      },
      py::arg("a"), py::arg("b"), py::arg("c") = py::none(), py::arg("alpha") = 1.0, py::arg("beta") = 0.0,
      py::arg("level") = "", py::arg("reference") = false,
      "c = alpha * a @ b + beta * c on numpy arrays of any strides, without copies. level forces "
      "an ISA for this call ('' = current); reference=True runs the simple reference kernel. With c "
      "None a new array is returned (beta is then ignored: c starts uninitialised).");
}

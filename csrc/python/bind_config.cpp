// How this build was made, for fastgrad.__config__.show(): compiler, flags, OpenMP.
#include <omp.h>

#include "python/module.h"

namespace fg::python {

FG_BIND(bind_config) {
  pybind11::dict info;
  info["compiler"] = std::string("gcc-compatible ") + __VERSION__;
  info["cxx_standard"] = static_cast<long>(__cplusplus);
#ifdef _OPENMP
  info["openmp"] = static_cast<long>(_OPENMP);
#else
  info["openmp"] = pybind11::none();
#endif
#ifdef NDEBUG
  info["build_type"] = "release (-O3, no -march: ISA kernels chosen at run time)";
#else
  info["build_type"] = "debug";
#endif
#if defined(__SANITIZE_ADDRESS__)
  info["sanitizers"] = "address,undefined";
#else
  info["sanitizers"] = "none";
#endif
  info["omp_max_threads"] = omp_get_max_threads();
  m.attr("_build_info") = info;
}

}  // namespace fg::python

#pragma once
// The fused optimizer loops per ISA: a table of entry points for each float dtype.
#include <cstdint>

#include "kernels/optim/optim_options.h"

namespace fg::kernels {

struct OptimLoops {
  void (*sgd_f32)(float* p, const float* g, float* buf, int64_t n, const SgdOptions& o, bool init_buf);
  void (*sgd_f64)(double* p, const double* g, double* buf, int64_t n, const SgdOptions& o, bool init_buf);
  void (*adam_f32)(float* p, const float* g, float* m, float* v, float* vmax, int64_t n, const AdamOptions& o,
                   double step);
  void (*adam_f64)(double* p, const double* g, double* m, double* v, double* vmax, int64_t n,
                   const AdamOptions& o, double step);
};

// The loops for the CPU level in effect (cpu_level()).
const OptimLoops& optim_loops();

namespace optim_generic { const OptimLoops& table(); }
namespace optim_avx2 { const OptimLoops& table(); }
namespace optim_avx512 { const OptimLoops& table(); }

}  // namespace fg::kernels

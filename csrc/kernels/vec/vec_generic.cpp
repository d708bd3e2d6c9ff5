// Portable variants of the vec kernels for CPUs below AVX2 (and non-x86): GCC vector extensions
// give 128-bit SIMD (SSE2, NEON) from plain C++. No FMA here: fma() is a multiply and an add.
#include <cmath>
#include <cstdint>
#include <limits>

#include "kernels/vec/vec.h"

namespace fg::kernels::vec_generic {

#include "kernels/simd/generic.inc"
#include "kernels/vec/vec_kernels.inc"

}  // namespace fg::kernels::vec_generic

namespace fg::kernels::vec {
const Isa kGeneric = {vec_generic::table<float>(), vec_generic::table<double>()};
}  // namespace fg::kernels::vec

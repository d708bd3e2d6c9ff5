// AVX-512 variants of the vec kernels: 16 floats / 8 doubles per register, compare masks in k
// registers, scalef/getexp/getmant for the exponent work of exp and log.
#include <immintrin.h>

#include <cmath>
#include <cstdint>
#include <limits>

#include "kernels/vec/vec.h"

namespace fg::kernels::vec_avx512 {

#include "kernels/simd/avx512.inc"
#include "kernels/vec/vec_kernels.inc"

}  // namespace fg::kernels::vec_avx512

namespace fg::kernels::vec {
const Isa kAvx512 = {vec_avx512::table<float>(), vec_avx512::table<double>()};
}  // namespace fg::kernels::vec

// The default floating dtype (torch.get_default_dtype): what a Python float and the float creation
// functions take. Process-wide, as torch's.
#include <atomic>

#include "tensor/dtype.h"

namespace fg {

static std::atomic<DType> g_default_dtype{DType::Float32};

DType default_dtype() { return g_default_dtype.load(std::memory_order_relaxed); }

void set_default_dtype(DType t) {
  FG_CHECK(is_floating(t), TypeError, "only floating-point types are supported as the default type");
  g_default_dtype.store(t, std::memory_order_relaxed);
}

}  // namespace fg

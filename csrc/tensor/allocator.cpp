#include "tensor/allocator.h"

#include "tensor/errors.h"

#include <cstdlib>
#include <mutex>
#include <new>
#include <vector>

namespace fg {
namespace {

constexpr size_t kAlign = 64;
// Blocks are rounded up to a size class so that nearby sizes share a free list; above kMaxCached
// the cache is bypassed so one huge tensor cannot pin memory forever.
constexpr size_t kMaxCached = size_t(64) << 20;
constexpr size_t kMaxCachedTotal = size_t(512) << 20;
constexpr int kClasses = 64;

size_t round_size(size_t n) {
  if (n <= 256) return 256;
  // size classes: 4 per power of two
  size_t p = 1;
  while ((p << 1) <= n) p <<= 1;
  size_t step = p / 4;
  return (n + step - 1) / step * step;
}

int class_index(size_t rounded) {
  int log2 = 0;
  size_t p = rounded;
  while (p >>= 1) ++log2;
  size_t base = size_t(1) << log2;
  size_t quarter = (rounded - base) / (base / 4 ? base / 4 : 1);
  int idx = (log2 - 8) * 4 + static_cast<int>(quarter);
  return idx;
}

struct Cache {
  std::mutex mu;
  std::vector<void*> lists[kClasses * 4 + 8];
  size_t total = 0;
};

Cache& cache() {
  static Cache* c = new Cache();  // leaked on purpose: tensors may be freed during interpreter exit
  return *c;
}

}  // namespace

void* alloc_aligned(size_t nbytes) {
  size_t rounded = round_size(nbytes);
  if (rounded <= kMaxCached) {
    Cache& c = cache();
    int idx = class_index(rounded);
    std::lock_guard<std::mutex> lock(c.mu);
    auto& list = c.lists[idx];
    if (!list.empty()) {
      void* p = list.back();
      list.pop_back();
      c.total -= rounded;
      return p;
    }
  }
  void* p = std::aligned_alloc(kAlign, rounded);
  if (!p) {
    // Give the cached blocks back to the system and try once more before failing.
    allocator_empty_cache();
    p = std::aligned_alloc(kAlign, rounded);
  }
  // torch raises RuntimeError here (pybind11 would turn std::bad_alloc into MemoryError)
  FG_CHECK(p, RuntimeError, "DefaultCPUAllocator: not enough memory: you tried to allocate ", nbytes, " bytes.");
  return p;
}

void free_aligned(void* p, size_t nbytes) {
  if (!p) return;
  size_t rounded = round_size(nbytes);
  if (rounded <= kMaxCached) {
    Cache& c = cache();
    std::lock_guard<std::mutex> lock(c.mu);
    if (c.total + rounded <= kMaxCachedTotal) {
      c.lists[class_index(rounded)].push_back(p);
      c.total += rounded;
      return;
    }
  }
  std::free(p);
}

size_t allocator_cached_bytes() {
  Cache& c = cache();
  std::lock_guard<std::mutex> lock(c.mu);
  return c.total;
}

void allocator_empty_cache() {
  Cache& c = cache();
  std::lock_guard<std::mutex> lock(c.mu);
  for (auto& list : c.lists) {
    for (void* p : list) std::free(p);
    list.clear();
  }
  c.total = 0;
}

}  // namespace fg

#pragma once
// 64-byte aligned host memory with a small cache of freed blocks: a training step reallocates the
// same sizes every iteration, and reusing them avoids a malloc/free (and page faults) per tensor.
#include <cstddef>

namespace fg {

void* alloc_aligned(size_t nbytes);
void free_aligned(void* p, size_t nbytes);
// Bytes currently held in the cache (not in use by any tensor); for tests and diagnostics.
size_t allocator_cached_bytes();
void allocator_empty_cache();

}  // namespace fg

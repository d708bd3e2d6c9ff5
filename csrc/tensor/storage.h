#pragma once
// A block of memory shared by a tensor and all its views. Either owned (from the caching allocator)
// or borrowed from another library (numpy, DLPack), in which case `owner` keeps that memory alive.
#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>

namespace fg {

// Counts in-place writes; shared by a tensor and its views (see TensorImpl::version).
struct VersionCounter {
  uint64_t value = 0;
};

struct Storage {
  void* data = nullptr;
  // The version counter of tensors made on this storage lives here, so a new tensor costs no
  // separate allocation for it (TensorImpl::version is an aliasing pointer into the storage).
  VersionCounter version;
  size_t nbytes = 0;
  std::function<void(void*)> release;  // set for borrowed memory; called instead of free_aligned

  static std::shared_ptr<Storage> allocate(size_t nbytes);
  static std::shared_ptr<Storage> borrow(void* data, size_t nbytes, std::function<void(void*)> release);
  Storage() = default;
  Storage(const Storage&) = delete;
  Storage& operator=(const Storage&) = delete;
  ~Storage();
};

}  // namespace fg

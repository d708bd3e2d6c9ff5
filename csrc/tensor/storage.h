#pragma once
// A block of memory shared by a tensor and all its views. Either owned (from the caching allocator)
// or borrowed from another library (numpy, DLPack), in which case `owner` keeps that memory alive.
#include <cstddef>
#include <functional>
#include <memory>

namespace fg {

struct Storage {
  void* data = nullptr;
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

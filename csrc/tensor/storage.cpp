#include "tensor/storage.h"

#include "tensor/allocator.h"

namespace fg {

std::shared_ptr<Storage> Storage::allocate(size_t nbytes) {
  auto s = std::make_shared<Storage>();
  s->data = alloc_aligned(nbytes ? nbytes : 1);
  s->nbytes = nbytes;
  return s;
}

std::shared_ptr<Storage> Storage::borrow(void* data, size_t nbytes, std::function<void(void*)> release) {
  auto s = std::make_shared<Storage>();
  s->data = data;
  s->nbytes = nbytes;
  s->release = std::move(release);
  return s;
}

Storage::~Storage() {
  if (release) {
    release(data);
  } else {
    free_aligned(data, nbytes ? nbytes : 1);
  }
}

}  // namespace fg

#pragma once
// Shapes and strides live inline for up to 6 dims: a tiny op should not call malloc for its metadata.
#include <algorithm>
#include <cstdint>
#include <cstring>
#include <initializer_list>
#include <type_traits>
#include <vector>

namespace fg {

class Dims {
 public:
  static constexpr int kInline = 6;
  Dims() = default;
  explicit Dims(size_t n, int64_t v = 0) { resize(n, v); }
  Dims(std::initializer_list<int64_t> il) { assign(il.begin(), il.end()); }
  Dims(const std::vector<int64_t>& v) { assign(v.begin(), v.end()); }
  // iterator pairs only: Dims(n, value) with two integers is the sized constructor above
  template <typename It, typename = std::enable_if_t<!std::is_integral_v<It>>>
  Dims(It b, It e) { assign(b, e); }
  Dims(const Dims& o) { assign(o.begin(), o.end()); }
  Dims& operator=(const Dims& o) {
    if (this != &o) assign(o.begin(), o.end());
    return *this;
  }
  Dims(Dims&& o) noexcept { steal(o); }
  Dims& operator=(Dims&& o) noexcept {
    if (this != &o) {
      release();
      steal(o);
    }
    return *this;
  }
  ~Dims() { release(); }

  size_t size() const { return n_; }
  bool empty() const { return n_ == 0; }
  int64_t* data() { return heap_ ? heap_ : buf_; }
  const int64_t* data() const { return heap_ ? heap_ : buf_; }
  int64_t* begin() { return data(); }
  int64_t* end() { return data() + n_; }
  const int64_t* begin() const { return data(); }
  const int64_t* end() const { return data() + n_; }
  int64_t& operator[](size_t i) { return data()[i]; }
  int64_t operator[](size_t i) const { return data()[i]; }
  int64_t& back() { return data()[n_ - 1]; }
  int64_t back() const { return data()[n_ - 1]; }

  void resize(size_t n, int64_t v = 0) {
    reserve(n);
    for (size_t i = n_; i < n; ++i) data()[i] = v;
    n_ = n;
  }
  void push_back(int64_t v) {
    reserve(n_ + 1);
    data()[n_++] = v;
  }
  void insert(size_t pos, int64_t v) {
    reserve(n_ + 1);
    int64_t* d = data();
    std::memmove(d + pos + 1, d + pos, (n_ - pos) * sizeof(int64_t));
    d[pos] = v;
    ++n_;
  }
  void erase(size_t pos) {
    int64_t* d = data();
    std::memmove(d + pos, d + pos + 1, (n_ - pos - 1) * sizeof(int64_t));
    --n_;
  }
  void clear() { n_ = 0; }

  bool operator==(const Dims& o) const { return n_ == o.n_ && std::equal(begin(), end(), o.begin()); }
  bool operator!=(const Dims& o) const { return !(*this == o); }

 private:
  template <typename It> void assign(It b, It e) {
    size_t n = static_cast<size_t>(std::distance(b, e));
    n_ = 0;
    reserve(n);
    std::copy(b, e, data());
    n_ = n;
  }
  void reserve(size_t n) {
    if (n <= cap()) return;
    size_t c = std::max(n, cap() * 2);
    int64_t* h = new int64_t[c];
    std::memcpy(h, data(), n_ * sizeof(int64_t));
    delete[] heap_;
    heap_ = h;
    heap_cap_ = c;
  }
  size_t cap() const { return heap_ ? heap_cap_ : kInline; }
  void release() {
    delete[] heap_;
    heap_ = nullptr;
    n_ = 0;
  }
  void steal(Dims& o) {
    n_ = o.n_;
    if (o.heap_) {
      heap_ = o.heap_;
      heap_cap_ = o.heap_cap_;
      o.heap_ = nullptr;
    } else {
      std::memcpy(buf_, o.buf_, n_ * sizeof(int64_t));
    }
    o.n_ = 0;
  }

  size_t n_ = 0;
  int64_t buf_[kInline];
  int64_t* heap_ = nullptr;
  size_t heap_cap_ = 0;
};

}  // namespace fg

// The sampling ops' implementation, compiled once per ISA (random_kernels.cpp for any x86-64,
// random_kernels_avx2.cpp with hardware FMA) and picked at run time by random.cpp. Each op draws as
// torch 2.13's CPU kernel draws (aten/src/ATen/native/cpu/DistributionTemplates.h and friends): the
// same engine calls per element (32 bits for float transforms, 64 for double ones), the same element
// order, the same arithmetic. Torch compiles these kernels with FMA enabled and lets GCC contract
// `a * b + c`; where that changes the bits we call std::fma, and everything else must stay
// uncontracted: the including file sets fp-contract=off before including this.
// Include only from those two files, after defining FG_RANDOM_ISA (the namespace of the variant).
#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>

#include "ops/cephes_float.h"
#include "ops/ops.h"
#include "ops/random.h"
#include "tensor/errors.h"

namespace fg::ops::FG_RANDOM_ISA {

namespace {

constexpr double kPi = 3.14159265358979323846;

// The C++ scalar type names torch's kernel errors use.
const char* scalar_name(DType dt) {
  switch (dt) {
    case DType::Float32: return "Float";
    case DType::Float64: return "Double";
    case DType::Int64: return "Long";
    case DType::Bool: return "Bool";
  }
  return "?";
}

// torch's uniform_real: the low 24 (float) or 53 (double) bits of one engine call, scaled to [0, 1)
// and mapped to [from, to) in the dtype's own precision.
inline float uniform_float(Generator& gen, float from, float to) {
  const float x = static_cast<float>(gen.random() & ((1u << 24) - 1)) * (1.0f / (1u << 24));
  return std::fma(x, to - from, from);
}
inline double uniform_double(Generator& gen, double from, double to) {
  const double x = static_cast<double>(gen.random64() & ((uint64_t{1} << 53) - 1)) * (1.0 / (uint64_t{1} << 53));
  return std::fma(x, to - from, from);
}
inline double uniform01_double(Generator& gen) { return uniform_double(gen, 0.0, 1.0); }

// torch's scalar Box-Muller (normal_distribution<double>): one pair per two draws, the sine half
// cached on the generator for the next call.
double normal_double(Generator& gen, double mean, double std) {
  auto& cached = gen.next_double_normal();
  if (cached) {
    const double v = *cached;
    cached.reset();
    return std::fma(v, std, mean);
  }
  const double u1 = uniform01_double(gen);
  const double u2 = uniform01_double(gen);
  const double r = std::sqrt(-2.0 * std::log1p(-u2));
  const double theta = 2.0 * kPi * u1;
  cached = r * std::sin(theta);
  return std::fma(r * std::cos(theta), std, mean);
}

void check_not_overlapping(const Tensor& t) {
  for (int64_t d = 0; d < t->dim(); ++d)
    FG_CHECK(!(t->strides[d] == 0 && t->shape[d] > 1), RuntimeError,
             "unsupported operation: more than one element of the written-to tensor refers to a single memory "
             "location. Please clone() the tensor before performing the operation.");
}

// Visits the elements of `shape` in the order torch's TensorIterator takes for an output with
// `out_strides`: memory order (dims sorted by stride, the smallest innermost), which is index order
// when the output is contiguous. f gets the element's offset in the output and in an input laid out
// with `in_strides`.
template <typename F>
void for_each_offset2(const Dims& shape, const Dims& out_strides, const Dims& in_strides, F f) {
  const int64_t n = shape_numel(shape);
  if (n == 0) return;
  std::vector<int64_t> dims;
  for (int64_t d = 0; d < static_cast<int64_t>(shape.size()); ++d)
    if (shape[d] != 1) dims.push_back(d);
  std::stable_sort(dims.begin(), dims.end(), [&](int64_t a, int64_t b) { return out_strides[a] > out_strides[b]; });
  std::vector<int64_t> idx(dims.size(), 0);
  int64_t off_out = 0, off_in = 0;
  for (int64_t i = 0; i < n; ++i) {
    f(off_out, off_in);
    for (size_t k = dims.size(); k-- > 0;) {
      const int64_t d = dims[k];
      if (++idx[k] < shape[d]) {
        off_out += out_strides[d];
        off_in += in_strides[d];
        break;
      }
      off_out -= out_strides[d] * (shape[d] - 1);
      off_in -= in_strides[d] * (shape[d] - 1);
      idx[k] = 0;
    }
  }
}

template <typename F>
void for_each_offset(const Dims& shape, const Dims& strides, F f) {
  for_each_offset2(shape, strides, strides, [&](int64_t off, int64_t) { f(off); });
}

// Writes draw() into every element of t, one call per element in torch's order.
template <typename Draw>
void serial_fill(const Tensor& t, const char* name, Draw draw) {
  check_not_overlapping(t);
  FG_DISPATCH_ALL(t->dtype, name, [&] {
    scalar_t* p = t->data<scalar_t>();
    for_each_offset(t->shape, t->strides, [&](int64_t off) { p[off] = draw(static_cast<scalar_t*>(nullptr)); });
  });
  t->bump_version();
}

void require_floating(const Tensor& t, const char* kernel) {
  FG_CHECK(is_floating(t->dtype), RuntimeError, "\"", kernel, "\" not implemented for '", scalar_name(t->dtype), "'");
}

template <typename T>
inline T cast_to(double v) {
  return static_cast<T>(v);
}

// torch's normal_fill for numel >= 16: uniforms for the whole tensor first, then Box-Muller over
// blocks of 16 (the first 8 values pair with the next 8); a tail is redone by drawing 16 fresh
// uniforms into the last 16 slots.
template <typename T, typename Block>
void normal_fill(T* data, int64_t n, Generator& gen, Block block16) {
  auto draw_uniforms = [&](T* p, int64_t count) {
    for (int64_t i = 0; i < count; ++i) {
      if constexpr (std::is_same_v<T, float>)
        p[i] = uniform_float(gen, 0.0f, 1.0f);
      else
        p[i] = uniform_double(gen, 0.0, 1.0);
    }
  };
  draw_uniforms(data, n);
  for (int64_t i = 0; i + 16 <= n; i += 16) block16(data + i);
  if (n % 16 != 0) {
    draw_uniforms(data + n - 16, 16);
    block16(data + n - 16);
  }
}

// Float blocks: torch's AVX2 kernel (Cephes log/sincos in float, fused multiply-add at the end).
void normal_block16_float(float* d, float mean, float std) {
  const float two_pi = static_cast<float>(2.0f * kPi);
  for (int j = 0; j < 8; ++j) {
    const float u1 = 1.0f - d[j];
    const float u2 = d[j + 8];
    const float radius = std::sqrt(-2.0f * cephes::logf(u1));
    const float theta = two_pi * u2;
    float s, c;
    cephes::sincosf(theta, &s, &c);
    d[j] = std::fma(radius * c, std, mean);
    d[j + 8] = std::fma(radius * s, std, mean);
  }
}

// Double blocks: libm's log/cos/sin, as torch's generic normal_fill_16.
void normal_block16_double(double* d, double mean, double std) {
  for (int j = 0; j < 8; ++j) {
    const double u1 = 1 - d[j];
    const double u2 = d[j + 8];
    const double radius = std::sqrt(-2 * std::log(u1));
    const double theta = 2.0 * kPi * u2;
    d[j] = std::fma(radius * std::cos(theta), std, mean);
    d[j + 8] = std::fma(radius * std::sin(theta), std, mean);
  }
}

}  // namespace

// ---- uniform_ -------------------------------------------------------------------------------------
void uniform_(const Tensor& t, double from, double to, Generator& gen) {
  require_floating(t, "check_uniform_bounds");
  FG_CHECK(from <= to, RuntimeError, "uniform_ expects to return a [from, to) range, but found from=", from,
           " > to=", to);
  FG_CHECK(to - from <= (t->dtype == DType::Float32 ? std::numeric_limits<float>::max()
                                                     : std::numeric_limits<double>::max()),
           RuntimeError, "uniform_ expects to-from <= std::numeric_limits<", t->dtype == DType::Float32 ? "float" : "double",
           ">::max(), but found to=", to, " and from=", from, " which result in to-from to exceed the limit");
  std::lock_guard<std::mutex> lock(gen.mutex());
  if (t->dtype == DType::Float32) {
    const float f = static_cast<float>(from), tt = static_cast<float>(to);
    serial_fill(t, "uniform_", [&](auto*) { return uniform_float(gen, f, tt); });
  } else {
    serial_fill(t, "uniform_", [&](auto*) { return uniform_double(gen, from, to); });
  }
}

// ---- normal_ and what builds on the scalar normal ------------------------------------------------
void normal_(const Tensor& t, double mean, double std, Generator& gen) {
  require_floating(t, "normal_kernel_cpu");
  FG_CHECK(std >= 0.0, RuntimeError, "normal expects std >= 0.0, but found std ", std);
  check_not_overlapping(t);
  std::lock_guard<std::mutex> lock(gen.mutex());
  const int64_t n = t->numel();
  if (n >= 16 && t->is_contiguous()) {
    if (t->dtype == DType::Float32) {
      const float m = static_cast<float>(mean), s = static_cast<float>(std);
      normal_fill(t->data<float>(), n, gen, [&](float* d) { normal_block16_float(d, m, s); });
    } else {
      normal_fill(t->data<double>(), n, gen, [&](double* d) { normal_block16_double(d, mean, std); });
    }
    t->bump_version();
    return;
  }
  serial_fill(t, "normal_", [&](auto* tag) {
    using T = std::remove_pointer_t<decltype(tag)>;
    return cast_to<T>(normal_double(gen, mean, std));
  });
}

void log_normal_(const Tensor& t, double mean, double std, Generator& gen) {
  require_floating(t, "log_normal_cpu");
  FG_CHECK(std > 0.0, RuntimeError, "log_normal_ expects std > 0.0, but found std=", std);
  std::lock_guard<std::mutex> lock(gen.mutex());
  serial_fill(t, "log_normal_", [&](auto* tag) {
    using T = std::remove_pointer_t<decltype(tag)>;
    return cast_to<T>(std::exp(normal_double(gen, mean, std)));
  });
}

// ---- transforms of one double uniform --------------------------------------------------------------
void cauchy_(const Tensor& t, double median, double sigma, Generator& gen) {
  require_floating(t, "cauchy_cpu");
  FG_CHECK(sigma > 0.0, RuntimeError, "cauchy_ expects sigma > 0.0, but found sigma=", sigma);
  std::lock_guard<std::mutex> lock(gen.mutex());
  serial_fill(t, "cauchy_", [&](auto* tag) {
    using T = std::remove_pointer_t<decltype(tag)>;
    const double u = uniform01_double(gen);
    return cast_to<T>(std::fma(sigma, std::tan(kPi * (u - 0.5)), median));
  });
}

void exponential_(const Tensor& t, double lambd, Generator& gen) {
  require_floating(t, "exponential_cpu");
  FG_CHECK(lambd > 0.0, RuntimeError, "exponential_ expects lambda > 0.0, but found lambda=", lambd);
  std::lock_guard<std::mutex> lock(gen.mutex());
  serial_fill(t, "exponential_", [&](auto* tag) {
    using T = std::remove_pointer_t<decltype(tag)>;
    const double u = uniform01_double(gen);
    return cast_to<T>(-1.0 / lambd * std::log(1.0 - u));
  });
}

void geometric_(const Tensor& t, double p, Generator& gen) {
  FG_CHECK(t->dtype != DType::Bool, RuntimeError, "\"geometric_cpu\" not implemented for 'Bool'");
  FG_CHECK(p > 0 && p < 1, RuntimeError, "geometric_ expects p to be in (0, 1), but got p=", p);
  std::lock_guard<std::mutex> lock(gen.mutex());
  serial_fill(t, "geometric_", [&](auto* tag) {
    using T = std::remove_pointer_t<decltype(tag)>;
    const double u = uniform01_double(gen);
    return cast_to<T>(std::ceil(std::log(u) / std::log(1.0 - p)));
  });
}

// ---- random_ -------------------------------------------------------------------------------------
namespace {
int mantissa_digits(DType dt) { return dt == DType::Float32 ? 24 : 53; }

// torch nudges a float range's ends to values the dtype holds (update_from / update_to).
int64_t update_from(int64_t from, DType dt) {
  const int64_t from_plus_1 = dt == DType::Float32 ? static_cast<int64_t>(static_cast<float>(from + 1))
                                                   : static_cast<int64_t>(static_cast<double>(from + 1));
  if (from_plus_1 < from) {
    int64_t f = std::abs(from + 1);
    int n = 0;
    while (f >>= 1) ++n;
    from = from_plus_1 + (int64_t{1} << (n - mantissa_digits(dt) + 1));
  }
  return from;
}
int64_t update_to(int64_t to, DType dt) {
  const int64_t to_minus_1 = dt == DType::Float32 ? static_cast<int64_t>(static_cast<float>(to - 1))
                                                  : static_cast<int64_t>(static_cast<double>(to - 1));
  if (to_minus_1 >= to) {
    int64_t v = std::abs(to - 1);
    int n = 0;
    while (v >>= 1) ++n;
    to = to_minus_1 - (int64_t{1} << (n - mantissa_digits(dt) + 1));
  }
  return to;
}

void check_in_range(int64_t from, int64_t to_inc, DType dt) {
  const char* tn = dt == DType::Float32 ? "float" : "double";
  if (dt == DType::Bool) {
    FG_CHECK(from >= 0 && from <= 1, RuntimeError, "from is out of bounds for bool");
    FG_CHECK(to_inc >= 0 && to_inc <= 1, RuntimeError, "to - 1 is out of bounds for bool");
  } else if (is_floating(dt)) {
    const int64_t lim = int64_t{1} << mantissa_digits(dt);
    FG_CHECK(from >= -lim && from <= lim, RuntimeError, "from is out of bounds for ", tn);
    FG_CHECK(to_inc >= -lim && to_inc <= lim, RuntimeError, "to - 1 is out of bounds for ", tn);
  }
}

// [base, base + range): one 32-bit draw modulo the range, or one 64-bit draw once the range reaches
// 2^28 (torch 2.13's threshold, measured: it keeps the modulo bias small, not only past 2^32).
void random_from_range(const Tensor& t, uint64_t range, int64_t base, Generator& gen) {
  std::lock_guard<std::mutex> lock(gen.mutex());
  const bool wide = range >= (uint64_t{1} << 28) && t->dtype != DType::Bool;
  serial_fill(t, "random_", [&](auto* tag) {
    using T = std::remove_pointer_t<decltype(tag)>;
    const uint64_t v = wide ? gen.random64() : gen.random();
    return static_cast<T>(static_cast<int64_t>(v % range + static_cast<uint64_t>(base)));
  });
}
}  // namespace

void random_(const Tensor& t, Generator& gen) {
  std::lock_guard<std::mutex> lock(gen.mutex());
  serial_fill(t, "random_", [&](auto* tag) -> std::remove_pointer_t<decltype(tag)> {
    using T = std::remove_pointer_t<decltype(tag)>;
    if constexpr (std::is_same_v<T, bool>) return static_cast<bool>(gen.random() & 1u);
    else if constexpr (std::is_same_v<T, int64_t>) return static_cast<T>(gen.random64() % (uint64_t{1} << 63));
    else if constexpr (std::is_same_v<T, double>) return static_cast<T>(gen.random64() % ((uint64_t{1} << 53) + 1));
    else return static_cast<T>(gen.random() % ((uint64_t{1} << 24) + 1));
  });
}

void random_(const Tensor& t, int64_t from, std::optional<int64_t> to, Generator& gen) {
  const DType dt = t->dtype;
  if (to) {
    FG_CHECK(from < *to, RuntimeError, "random_ expects 'from' to be less than 'to', but got from=", from, " >= to=", *to);
    int64_t hi = *to;
    if (is_floating(dt)) {
      from = update_from(from, dt);
      hi = update_to(hi, dt);
      FG_CHECK(from < hi, RuntimeError, "random_ expects 'from' casted to dtype to be less than 'to' casted to dtype, but got from=",
               from, " >= to=", hi);
    }
    check_in_range(from, hi - 1, dt);
    if (t->numel() == 0) return;
    random_from_range(t, static_cast<uint64_t>(hi) - static_cast<uint64_t>(from), from, gen);
  } else if (from != std::numeric_limits<int64_t>::lowest()) {
    int64_t to_inc;
    if (is_floating(dt)) {
      to_inc = int64_t{1} << mantissa_digits(dt);
      from = update_from(from, dt);
      FG_CHECK(from < to_inc, RuntimeError, "random_ expects 'from' casted to dtype to be less than or equal to 'to_inc' casted to dtype, but got from=",
               from, " > to_inc=", to_inc);
    } else {
      to_inc = dt == DType::Bool ? 1 : std::numeric_limits<int64_t>::max();
    }
    check_in_range(from, to_inc, dt);
    if (t->numel() == 0) return;
    random_from_range(t, static_cast<uint64_t>(to_inc) - static_cast<uint64_t>(from) + 1, from, gen);
  } else {
    FG_CHECK(dt != DType::Bool, RuntimeError, "random_full_64_bits_range_kernel_cpu handles only int64, double, float and bfloat16");
    if (t->numel() == 0) return;
    std::lock_guard<std::mutex> lock(gen.mutex());
    serial_fill(t, "random_", [&](auto* tag) {
      using T = std::remove_pointer_t<decltype(tag)>;
      return static_cast<T>(static_cast<int64_t>(gen.random64()));
    });
  }
}

// ---- bernoulli -------------------------------------------------------------------------------------
// Scalar p: one 64-bit uniform per element. (On Intel CPUs torch draws this one through MKL's MCG31
// stream instead; the generic kernel, used everywhere else, is what this reproduces.)
void bernoulli_(const Tensor& t, double p, Generator& gen) {
  FG_CHECK(0 <= p && p <= 1, RuntimeError, "bernoulli_ expects p to be in [0, 1], but got p=", p);
  std::lock_guard<std::mutex> lock(gen.mutex());
  serial_fill(t, "bernoulli_", [&](auto* tag) {
    using T = std::remove_pointer_t<decltype(tag)>;
    return static_cast<T>(uniform01_double(gen) < p);
  });
}

// Tensor p: float probabilities compare with a 24-bit float uniform, double ones with a 53-bit one.
void bernoulli_(const Tensor& t, const Tensor& p, Generator& gen) {
  FG_CHECK(is_floating(p->dtype), RuntimeError, "\"bernoulli_tensor_cpu_p_\" not implemented for '",
           scalar_name(p->dtype), "'");
  check_not_overlapping(t);
  Tensor pe = ops::contiguous(broadcast_to_view(alias_detached(p), t->shape));
  const Dims p_strides = contiguous_strides(t->shape);
  auto check = [](bool ok) {
    FG_CHECK(ok, RuntimeError, "Expected p_in >= 0 && p_in <= 1 to be true, but got false.");
  };
  std::lock_guard<std::mutex> lock(gen.mutex());
  FG_DISPATCH_ALL(t->dtype, "bernoulli_", [&] {
    scalar_t* out = t->data<scalar_t>();
    if (pe->dtype == DType::Float64) {
      const double* pp = pe->data<double>();
      for_each_offset2(t->shape, t->strides, p_strides, [&](int64_t o, int64_t i) {
        check(pp[i] >= 0 && pp[i] <= 1);
        out[o] = static_cast<scalar_t>(uniform01_double(gen) < pp[i]);
      });
    } else {
      const float* pp = pe->data<float>();
      for_each_offset2(t->shape, t->strides, p_strides, [&](int64_t o, int64_t i) {
        check(pp[i] >= 0 && pp[i] <= 1);
        out[o] = static_cast<scalar_t>(uniform_float(gen, 0.0f, 1.0f) < pp[i]);
      });
    }
  });
  t->bump_version();
}

Tensor bernoulli(const Tensor& p, Generator& gen) {
  Tensor out = empty(p->shape, p->dtype);
  bernoulli_(out, p, gen);
  return out;
}

Tensor dropout_noise(const Tensor& noise, double p, Generator& gen) {
  FG_CHECK(p >= 0 && p < 1, ValueError, "dropout noise needs p in [0, 1), got ", p);
  require_floating(noise, "dropout");
  bernoulli_(noise, 1 - p, gen);
  FG_DISPATCH_FLOATING(noise->dtype, "dropout", [&] {
    const scalar_t keep = static_cast<scalar_t>(1 - p);
    scalar_t* d = noise->data<scalar_t>();
    for_each_offset(noise->shape, noise->strides, [&](int64_t off) { d[off] = d[off] / keep; });
  });
  return noise;
}

void alpha_dropout_noise(const Tensor& noise, const Tensor& shift, double p, Generator& gen) {
  FG_CHECK(p >= 0 && p < 1, ValueError, "dropout noise needs p in [0, 1), got ", p);
  require_floating(noise, "alpha_dropout");
  bernoulli_(noise, 1 - p, gen);
  // torch: b = noise.add(-1).mul_(alpha * a).add_(alpha * a * p); noise.mul_(a), one rounding per op
  constexpr double alpha = 1.7580993408473766;
  const double a = 1. / std::sqrt((alpha * alpha * p + 1) * (1 - p));
  FG_DISPATCH_FLOATING(noise->dtype, "alpha_dropout", [&] {
    const scalar_t scale = static_cast<scalar_t>(alpha * a), offset = static_cast<scalar_t>(alpha * a * p);
    const scalar_t keep = static_cast<scalar_t>(a), minus_one = static_cast<scalar_t>(-1);
    scalar_t* d = noise->data<scalar_t>();
    scalar_t* b = shift->data<scalar_t>();
    for_each_offset2(noise->shape, noise->strides, shift->strides, [&](int64_t o, int64_t i) {
      scalar_t v = d[o] + minus_one;
      v = v * scale;
      b[i] = v + offset;
      d[o] = d[o] * keep;
    });
  });
}

// ---- randperm --------------------------------------------------------------------------------------
Tensor randperm(int64_t n, DType dtype, Generator& gen) {
  FG_CHECK(n >= 0, RuntimeError, "n must be non-negative, got", n);
  FG_CHECK(dtype != DType::Bool, RuntimeError, "\"randperm_cpu\" not implemented for 'Bool'");
  if (is_floating(dtype))
    FG_CHECK(n <= (int64_t{1} << mantissa_digits(dtype)) + 1, RuntimeError, "n cannot be greater than 2^",
             mantissa_digits(dtype), "+1 for ", dtype == DType::Float32 ? "Float" : "Double", " type.");
  std::vector<int64_t> r(static_cast<size_t>(n));
  {
    std::lock_guard<std::mutex> lock(gen.mutex());
    if (n < static_cast<int64_t>(std::numeric_limits<uint32_t>::max() / 20)) {
      // torch's original shuffle: position i takes a uniform pick (32-bit draw) of the rest
      std::iota(r.begin(), r.end(), 0);
      for (int64_t i = 0; i < n - 1; ++i) {
        const int64_t z = static_cast<int64_t>(gen.random() % static_cast<uint64_t>(n - i));
        std::swap(r[i], r[z + i]);
      }
    } else {
      // huge n: the inside-out Fisher-Yates with 64-bit draws, so the modulo stays unbiased
      for (int64_t i = 0; i < n; ++i) {
        const int64_t z = static_cast<int64_t>(gen.random64() % static_cast<uint64_t>(i + 1));
        r[i] = r[z];
        r[z] = i;
      }
    }
  }
  Tensor out = empty(Dims{n}, dtype);
  FG_DISPATCH_ALL(dtype, "randperm", [&] {
    scalar_t* p = out->data<scalar_t>();
    for (int64_t i = 0; i < n; ++i) p[i] = static_cast<scalar_t>(r[i]);
  });
  return out;
}

// ---- multinomial -----------------------------------------------------------------------------------
namespace {
// With replacement (more than one sample): per row, a normalised cumulative sum in the input's dtype
// and a binary search for each 53-bit uniform.
template <typename T>
void multinomial_with_replacement(const Tensor& probs, int64_t n_sample, int64_t* out, Generator& gen) {
  const int64_t n_cat = probs->shape.back();
  const int64_t n_dist = probs->dim() > 1 ? probs->shape[0] : 1;
  const T* p = probs->data<T>();
  std::vector<T> cum(static_cast<size_t>(n_cat));
  std::lock_guard<std::mutex> lock(gen.mutex());
  for (int64_t i = 0; i < n_dist; ++i) {
    T sum = 0;
    for (int64_t j = 0; j < n_cat; ++j) {
      const T v = p[i * n_cat + j];
      FG_CHECK(v >= 0, RuntimeError, "invalid multinomial distribution (encountering probability entry < 0)");
      FG_CHECK(std::isfinite(v), RuntimeError,
               "invalid multinomial distribution (encountering probability entry = infinity or NaN)");
      sum += v;
      cum[j] = sum;
    }
    FG_CHECK(sum > 0, RuntimeError, "invalid multinomial distribution (sum of probabilities <= 0)");
    for (int64_t j = 0; j < n_cat; ++j) cum[j] /= sum;
    for (int64_t s = 0; s < n_sample; ++s) {
      const double u = uniform01_double(gen);
      cum[n_cat - 1] = 1;
      int64_t left = 0, right = n_cat;
      while (right - left > 0) {
        const int64_t mid = left + (right - left) / 2;
        if (cum[mid] < u) left = mid + 1;
        else right = mid;
      }
      out[i * n_sample + s] = left;
    }
  }
}

// Without replacement (or one sample): torch's exponential race, argmax / top-k of p / Exp(1).
template <typename T>
void multinomial_by_race(const Tensor& probs, int64_t n_sample, int64_t* out, Generator& gen) {
  const int64_t n_cat = probs->shape.back();
  const int64_t n_dist = probs->dim() > 1 ? probs->shape[0] : 1;
  Tensor q = empty(probs->shape, probs->dtype);
  exponential_(q, 1.0, gen);
  const T* p = probs->data<T>();
  T* qd = q->data<T>();
  for (int64_t i = 0; i < n_dist * n_cat; ++i) qd[i] = p[i] / qd[i];
  std::vector<int64_t> order(static_cast<size_t>(n_cat));
  for (int64_t i = 0; i < n_dist; ++i) {
    const T* row = qd + i * n_cat;
    std::iota(order.begin(), order.end(), 0);
    // largest first; NaN counts as largest, ties keep the lower index first
    auto before = [&](int64_t a, int64_t b) {
      const bool na = std::isnan(row[a]), nb = std::isnan(row[b]);
      if (na != nb) return na;
      if (row[a] != row[b]) return row[a] > row[b];
      return a < b;
    };
    std::partial_sort(order.begin(), order.begin() + n_sample, order.end(), before);
    for (int64_t s = 0; s < n_sample; ++s) out[i * n_sample + s] = order[s];
  }
}
}  // namespace

Tensor multinomial(const Tensor& probs_in, int64_t n_sample, bool replacement, Generator& gen) {
  FG_CHECK(probs_in->dim() > 0 && probs_in->dim() <= 2, RuntimeError, "prob_dist must be 1 or 2 dim");
  FG_CHECK(is_floating(probs_in->dtype), RuntimeError,
           "multinomial only supports floating-point dtypes for input, got: ", scalar_name(probs_in->dtype));
  FG_CHECK(n_sample > 0, RuntimeError, "cannot sample n_sample <= 0 samples");
  const int64_t n_cat = probs_in->shape.back();
  FG_CHECK(replacement || n_sample <= n_cat, RuntimeError,
           "cannot sample n_sample > prob_dist.size(-1) samples without replacement");
  FG_CHECK(n_cat <= (int64_t{1} << 24), RuntimeError, "number of categories cannot exceed 2^24");
  Tensor probs = ops::contiguous(alias_detached(probs_in));
  Dims out_shape = probs->dim() == 1 ? Dims{n_sample} : Dims{probs->shape[0], n_sample};
  Tensor out = empty(out_shape, DType::Int64);
  if (probs->numel() == 0) return out;
  int64_t* po = out->data<int64_t>();
  FG_DISPATCH_FLOATING(probs->dtype, "multinomial", [&] {
    if (!replacement || n_sample == 1) {
      const scalar_t* p = probs->data<scalar_t>();
      const int64_t n_dist = probs->dim() > 1 ? probs->shape[0] : 1;
      bool valid = true;
      for (int64_t i = 0; i < probs->numel(); ++i) valid = valid && p[i] < INFINITY && p[i] >= 0;
      FG_CHECK(valid, RuntimeError, "probability tensor contains either `inf`, `nan` or element < 0");
      for (int64_t i = 0; i < n_dist; ++i) {
        scalar_t s = 0;
        for (int64_t j = 0; j < n_cat; ++j) s += p[i * n_cat + j];
        FG_CHECK(s != 0, RuntimeError, "invalid multinomial distribution (sum of probabilities <= 0)");
      }
      multinomial_by_race<scalar_t>(probs, n_sample, po, gen);
    } else {
      multinomial_with_replacement<scalar_t>(probs, n_sample, po, gen);
    }
  });
  return out;
}

}  // namespace fg::ops::FG_RANDOM_ISA

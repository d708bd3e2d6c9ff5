// The default generator, OS seeds, and the sampling ops' entry points: each picks the variant of
// random_kernels.h compiled for the CPU (hardware FMA where there is AVX2; the same bits either way).
#include "ops/random.h"

#include <cmath>
#include <fstream>
#include <random>
#include <vector>

#include "autograd/grad_mode.h"
#include "kernels/cpu_features.h"
#include "ops/ops.h"

namespace fg {

std::shared_ptr<Generator> default_generator() {
  // torch seeds its default CPU generator from the OS at start-up
  static auto gen = std::make_shared<Generator>(nondeterministic_seed());
  return gen;
}

uint64_t nondeterministic_seed() {
  std::ifstream urandom("/dev/urandom", std::ios::binary);
  uint64_t s = 0;
  if (urandom.read(reinterpret_cast<char*>(&s), sizeof(s))) return s;
  std::random_device rd;
  return (static_cast<uint64_t>(rd()) << 32) | rd();
}

namespace ops {

// the two compiled variants of random_kernels.h
#define FG_DECLARE_RANDOM_OPS(isa)                                                           \
  namespace isa {                                                                            \
  void uniform_(const Tensor& t, double from, double to, Generator& gen);                    \
  void normal_(const Tensor& t, double mean, double std, Generator& gen);                    \
  void cauchy_(const Tensor& t, double median, double sigma, Generator& gen);                \
  void log_normal_(const Tensor& t, double mean, double std, Generator& gen);                \
  void exponential_(const Tensor& t, double lambd, Generator& gen);                          \
  void geometric_(const Tensor& t, double p, Generator& gen);                                \
  void random_(const Tensor& t, Generator& gen);                                             \
  void random_(const Tensor& t, int64_t from, std::optional<int64_t> to, Generator& gen);    \
  void bernoulli_(const Tensor& t, double p, Generator& gen);                                \
  void bernoulli_(const Tensor& t, const Tensor& p, Generator& gen);                         \
  Tensor bernoulli(const Tensor& p, Generator& gen);                                         \
  Tensor dropout_noise(const Tensor& noise, double p, Generator& gen);                       \
  void alpha_dropout_noise(const Tensor& noise, const Tensor& shift, double p, Generator& gen); \
  Tensor randperm(int64_t n, DType dtype, Generator& gen);                                   \
  Tensor multinomial(const Tensor& probs, int64_t num_samples, bool replacement, Generator& gen); \
  }
FG_DECLARE_RANDOM_OPS(generic)
FG_DECLARE_RANDOM_OPS(avx2)
#undef FG_DECLARE_RANDOM_OPS

namespace {
bool use_avx2() { return kernels::cpu_level() >= kernels::CpuLevel::AVX2; }
}  // namespace

#define FG_RANDOM_DISPATCH(call) return use_avx2() ? avx2::call : generic::call

namespace {
// A narrow dtype (int8 ... bfloat16) is sampled in its wide dtype and cast: the kernels serve four types.
template <typename Fill>
void sampled(const Tensor& t, Fill fill) {
  if (!is_narrow(t->dtype)) return fill(t);
  Tensor w = empty(t->shape, wide_dtype(t->dtype));
  fill(w);
  copy_into(t, w);
}

// torch's normal_fill for a contiguous float16 / bfloat16 tensor of 16 or more elements (smaller or strided
// ones draw doubles one by one, as the wide path does): float uniforms (24 bits), Box-Muller in float over
// blocks of 16 (pairs j, j + 8) with float mean and std, each result rounded to the dtype once.
// (Matched against torch 2.13's streams: this differs from its float32 fill in the tail's draws.)
template <typename H>
void half_normal_fill(const Tensor& t, double mean, double std, Generator& gen) {
  H* data = t->data<H>();
  const int64_t n = t->numel();
  const float m = static_cast<float>(mean), s = static_cast<float>(std);
  std::vector<float> u(static_cast<size_t>(n));
  std::lock_guard<std::mutex> lock(gen.mutex());
  auto uniform = [&] { return static_cast<float>(gen.random() & ((1u << 24) - 1)) * (1.0f / (1u << 24)); };
  auto block = [&](const float* in, H* out) {
    for (int j = 0; j < 8; ++j) {
      const float radius = std::sqrt(-2 * std::log(1.0f - in[j]));
      const float theta = 2.0f * static_cast<float>(3.141592653589793) * in[j + 8];  // all in float, as torch
      // torch's AVX2 build contracts `radius * cos(theta) * std + mean` into one fused multiply-add
      out[j] = H(std::fma(radius * std::cos(theta), s, m));
      out[j + 8] = H(std::fma(radius * std::sin(theta), s, m));
    }
  };
  const int64_t whole = n - n % 16;  // torch draws the uniforms of the whole blocks only, then the tail's
  for (int64_t i = 0; i < whole; ++i) u[i] = uniform();
  for (int64_t i = 0; i < whole; i += 16) block(u.data() + i, data + i);
  if (n % 16 != 0) {  // the last 16 (overlapping the last whole block), from fresh uniforms
    for (int j = 0; j < 16; ++j) u[n - 16 + j] = uniform();
    block(u.data() + n - 16, data + n - 16);
  }
}

// random_()'s upper bound (exclusive) for a narrow dtype: its largest value + 1, or 2^digits + 1 for the
// 16-bit floats (the largest integer range they hold exactly), as torch.
int64_t narrow_random_end(DType dt) {
  switch (dt) {
    case DType::Int8: return 128;
    case DType::UInt8: return 256;
    case DType::Int16: return 32768;
    case DType::Int32: return int64_t{1} << 31;
    case DType::Float16: return (int64_t{1} << 11) + 1;
    case DType::BFloat16: return (int64_t{1} << 8) + 1;
    default: return 0;
  }
}
}  // namespace

// The in-place samplers overwrite their tensor (ops::overwrite_: under autograd, with torch's zero-gradient node);
// `fill` writes the samples into the tensor it is given (a narrow one through its wide dtype, see sampled()).
#define FG_SAMPLE_INTO(t, node, fill) \
  Tensor self = t;                    \
  overwrite_(self, fill, node)

void uniform_(const Tensor& t, double from, double to, Generator& gen) {
  FG_SAMPLE_INTO(t, "UniformBackward0", [&](const Tensor& dst) {
    sampled(dst, [&](const Tensor& w) { FG_RANDOM_DISPATCH(uniform_(w, from, to, gen)); });
    if (is_floating(dst->dtype) && is_narrow(dst->dtype)) {
      // a draw that rounds up to `to` in the 16-bit dtype becomes `from`, as torch keeps [from, to) half-open
      NoGradGuard ng;
      Tensor hit = compare(dst, scalar_tensor(to, dst->dtype), CmpOp::Eq);
      copy_into(dst, where(hit, scalar_tensor(from, dst->dtype), alias_detached(dst)));
    }
  });
}
void normal_(const Tensor& t, double mean, double std, Generator& gen) {
  FG_SAMPLE_INTO(t, "NormalBackward0", [&](const Tensor& dst) {
    if (is_floating(dst->dtype) && is_narrow(dst->dtype) && dst->numel() >= 16 && dst->is_contiguous()) {
      FG_CHECK(std >= 0.0, RuntimeError, "normal expects std >= 0.0, but found std ", std);
      if (dst->dtype == DType::Float16) return half_normal_fill<Half>(dst, mean, std, gen);
      return half_normal_fill<BFloat16>(dst, mean, std, gen);
    }
    sampled(dst, [&](const Tensor& w) { FG_RANDOM_DISPATCH(normal_(w, mean, std, gen)); });
  });
}
void cauchy_(const Tensor& t, double median, double sigma, Generator& gen) {
  FG_SAMPLE_INTO(t, "CauchyBackward0", [&](const Tensor& dst) {
    sampled(dst, [&](const Tensor& w) { FG_RANDOM_DISPATCH(cauchy_(w, median, sigma, gen)); });
  });
}
void log_normal_(const Tensor& t, double mean, double std, Generator& gen) {
  FG_SAMPLE_INTO(t, "LogNormalBackward0", [&](const Tensor& dst) {
    sampled(dst, [&](const Tensor& w) { FG_RANDOM_DISPATCH(log_normal_(w, mean, std, gen)); });
  });
}
void exponential_(const Tensor& t, double lambd, Generator& gen) {
  FG_SAMPLE_INTO(t, "ExponentialBackward0", [&](const Tensor& dst) {
    sampled(dst, [&](const Tensor& w) { FG_RANDOM_DISPATCH(exponential_(w, lambd, gen)); });
  });
}
void geometric_(const Tensor& t, double p, Generator& gen) {
  FG_SAMPLE_INTO(t, "GeometricBackward0", [&](const Tensor& dst) {
    sampled(dst, [&](const Tensor& w) { FG_RANDOM_DISPATCH(geometric_(w, p, gen)); });
  });
}
void random_(const Tensor& t, Generator& gen) {
  FG_SAMPLE_INTO(t, "RandomBackward0", [&](const Tensor& dst) {
    // a narrow dtype's full range is [0, its largest value]: the wide kernel draws it as random_(0, end)
    if (is_narrow(dst->dtype)) return sampled(dst, [&](const Tensor& w) {
      FG_RANDOM_DISPATCH(random_(w, 0, narrow_random_end(dst->dtype), gen));
    });
    FG_RANDOM_DISPATCH(random_(dst, gen));
  });
}
void random_(const Tensor& t, int64_t from, std::optional<int64_t> to, Generator& gen) {
  FG_SAMPLE_INTO(t, "RandomBackward1", [&](const Tensor& dst) {
    const std::optional<int64_t> end = is_narrow(dst->dtype) && !to ? narrow_random_end(dst->dtype) : to;
    sampled(dst, [&](const Tensor& w) { FG_RANDOM_DISPATCH(random_(w, from, end, gen)); });
  });
}
void bernoulli_(const Tensor& t, double p, Generator& gen) {
  FG_SAMPLE_INTO(t, "BernoulliBackward0", [&](const Tensor& dst) {
    sampled(dst, [&](const Tensor& w) { FG_RANDOM_DISPATCH(bernoulli_(w, p, gen)); });
  });
}
void bernoulli_(const Tensor& t, const Tensor& p, Generator& gen) {
  const Tensor pw = is_narrow(p->dtype) ? widened(p) : p;
  FG_SAMPLE_INTO(t, "BernoulliBackward1", [&](const Tensor& dst) {
    sampled(dst, [&](const Tensor& w) { FG_RANDOM_DISPATCH(bernoulli_(w, pw, gen)); });
  });
}
#undef FG_SAMPLE_INTO
Tensor bernoulli(const Tensor& p, Generator& gen) {
  if (is_narrow(p->dtype)) return to_dtype(bernoulli(widened(p), gen), p->dtype);
  FG_RANDOM_DISPATCH(bernoulli(p, gen));
}
Tensor dropout_noise(const Tensor& noise, double p, Generator& gen) { FG_RANDOM_DISPATCH(dropout_noise(noise, p, gen)); }
void alpha_dropout_noise(const Tensor& noise, const Tensor& shift, double p, Generator& gen) {
  FG_RANDOM_DISPATCH(alpha_dropout_noise(noise, shift, p, gen));
}
Tensor randperm(int64_t n, DType dtype, Generator& gen) {
  if (is_narrow(dtype)) return to_dtype(randperm(n, wide_dtype(dtype), gen), dtype);
  FG_RANDOM_DISPATCH(randperm(n, dtype, gen));
}
Tensor multinomial(const Tensor& probs, int64_t num_samples, bool replacement, Generator& gen) {
  if (is_narrow(probs->dtype)) return multinomial(widened(probs), num_samples, replacement, gen);
  FG_RANDOM_DISPATCH(multinomial(probs, num_samples, replacement, gen));
}
#undef FG_RANDOM_DISPATCH

}  // namespace ops
}  // namespace fg

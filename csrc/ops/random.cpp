// The default generator, OS seeds, and the sampling ops' entry points: each picks the variant of
// random_kernels.h compiled for the CPU (hardware FMA where there is AVX2; the same bits either way).
#include "ops/random.h"

#include <fstream>
#include <random>

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

// The in-place samplers overwrite their tensor (ops::overwrite_: under autograd, with torch's zero-gradient node).
#define FG_SAMPLE_INTO(t, node, call)                                                         \
  Tensor self = t;                                                                            \
  overwrite_(self, [&](const Tensor& dst) { FG_RANDOM_DISPATCH(call); }, node)

void uniform_(const Tensor& t, double from, double to, Generator& gen) {
  FG_SAMPLE_INTO(t, "UniformBackward0", uniform_(dst, from, to, gen));
}
void normal_(const Tensor& t, double mean, double std, Generator& gen) {
  FG_SAMPLE_INTO(t, "NormalBackward0", normal_(dst, mean, std, gen));
}
void cauchy_(const Tensor& t, double median, double sigma, Generator& gen) {
  FG_SAMPLE_INTO(t, "CauchyBackward0", cauchy_(dst, median, sigma, gen));
}
void log_normal_(const Tensor& t, double mean, double std, Generator& gen) {
  FG_SAMPLE_INTO(t, "LogNormalBackward0", log_normal_(dst, mean, std, gen));
}
void exponential_(const Tensor& t, double lambd, Generator& gen) {
  FG_SAMPLE_INTO(t, "ExponentialBackward0", exponential_(dst, lambd, gen));
}
void geometric_(const Tensor& t, double p, Generator& gen) { FG_SAMPLE_INTO(t, "GeometricBackward0", geometric_(dst, p, gen)); }
void random_(const Tensor& t, Generator& gen) { FG_SAMPLE_INTO(t, "RandomBackward0", random_(dst, gen)); }
void random_(const Tensor& t, int64_t from, std::optional<int64_t> to, Generator& gen) {
  FG_SAMPLE_INTO(t, "RandomBackward1", random_(dst, from, to, gen));
}
void bernoulli_(const Tensor& t, double p, Generator& gen) { FG_SAMPLE_INTO(t, "BernoulliBackward0", bernoulli_(dst, p, gen)); }
void bernoulli_(const Tensor& t, const Tensor& p, Generator& gen) {
  FG_SAMPLE_INTO(t, "BernoulliBackward1", bernoulli_(dst, p, gen));
}
#undef FG_SAMPLE_INTO
Tensor bernoulli(const Tensor& p, Generator& gen) { FG_RANDOM_DISPATCH(bernoulli(p, gen)); }
Tensor dropout_noise(const Tensor& noise, double p, Generator& gen) { FG_RANDOM_DISPATCH(dropout_noise(noise, p, gen)); }
void alpha_dropout_noise(const Tensor& noise, const Tensor& shift, double p, Generator& gen) {
  FG_RANDOM_DISPATCH(alpha_dropout_noise(noise, shift, p, gen));
}
Tensor randperm(int64_t n, DType dtype, Generator& gen) { FG_RANDOM_DISPATCH(randperm(n, dtype, gen)); }
Tensor multinomial(const Tensor& probs, int64_t num_samples, bool replacement, Generator& gen) {
  FG_RANDOM_DISPATCH(multinomial(probs, num_samples, replacement, gen));
}
#undef FG_RANDOM_DISPATCH

}  // namespace ops
}  // namespace fg

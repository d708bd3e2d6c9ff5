#pragma once
// Random number generation with torch's CPU streams: the generator (torch's mt19937, its seeding,
// its cached normal and its state bytes) and the sampling ops drawing from it. Every op draws in the
// order torch's CPU kernels draw, with torch's transforms, so a seed gives torch's numbers bit for bit.
#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <vector>

#include "ops/mt19937.h"
#include "tensor/tensor.h"

namespace fg {

class Generator {
 public:
  // What torch.Generator() starts from.
  static constexpr uint64_t kDefaultSeed = 67280421310721ULL;
  // sizeof(torch's CPUGeneratorImplState): the length of get_state()'s bytes.
  static constexpr size_t kStateBytes = 5056;

  explicit Generator(uint64_t seed = kDefaultSeed) : engine_(seed) {}

  void manual_seed(uint64_t seed) {
    engine_ = MT19937(seed);
    next_double_normal_.reset();
    next_float_normal_.reset();
  }
  uint64_t initial_seed() const { return engine_.seed(); }
  uint32_t random() { return engine_(); }
  uint64_t random64() {
    const uint64_t hi = engine_();
    const uint64_t lo = engine_();
    return (hi << 32) | lo;
  }
  // The second value of the last scalar Box-Muller pair, as torch caches it.
  std::optional<double>& next_double_normal() { return next_double_normal_; }

  std::vector<uint8_t> state_bytes() const;
  // Restores a state from torch's byte layout; throws RuntimeError on a wrong size or invalid state.
  void set_state_bytes(const std::vector<uint8_t>& bytes);

  std::mutex& mutex() { return mu_; }

 private:
  MT19937 engine_;
  std::optional<double> next_double_normal_;
  std::optional<float> next_float_normal_;  // kept only so the state bytes round-trip
  std::mutex mu_;
};

std::shared_ptr<Generator> default_generator();
// 64 bits from the OS entropy source: what torch seeds with when no seed is given.
uint64_t nondeterministic_seed();

namespace ops {
// In-place fills with torch's kernels (names as torch's Tensor methods).
void uniform_(const Tensor& t, double from, double to, Generator& gen);
void normal_(const Tensor& t, double mean, double std, Generator& gen);
void cauchy_(const Tensor& t, double median, double sigma, Generator& gen);
void log_normal_(const Tensor& t, double mean, double std, Generator& gen);
void exponential_(const Tensor& t, double lambd, Generator& gen);
void geometric_(const Tensor& t, double p, Generator& gen);
// random_(): [0, 2^mantissa] for floats, [0, max] for integers; random_(from, to): [from, to),
// to = nullopt meaning up to the dtype's largest value (inclusive).
void random_(const Tensor& t, Generator& gen);
void random_(const Tensor& t, int64_t from, std::optional<int64_t> to, Generator& gen);
void bernoulli_(const Tensor& t, double p, Generator& gen);
void bernoulli_(const Tensor& t, const Tensor& p, Generator& gen);
Tensor bernoulli(const Tensor& p, Generator& gen);  // a fresh tensor of draws with probabilities p
// Dropout's multiplier, written into `noise` (laid out like the input): torch's bernoulli_(1 - p)
// then div_(1 - p), i.e. 0 or 1 / (1 - p) in the dtype's precision.
Tensor dropout_noise(const Tensor& noise, double p, Generator& gen);
// Alpha dropout's multiplier and shift: noise becomes a or 0, shift (laid out like noise) the
// matching b, as torch's alpha_dropout computes them from bernoulli_(1 - p).
void alpha_dropout_noise(const Tensor& noise, const Tensor& shift, double p, Generator& gen);

Tensor randperm(int64_t n, DType dtype, Generator& gen);
Tensor multinomial(const Tensor& probs, int64_t num_samples, bool replacement, Generator& gen);
}  // namespace ops

}  // namespace fg

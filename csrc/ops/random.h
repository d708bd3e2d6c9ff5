#pragma once
// Random number generation: a seedable generator, and fills drawing from it.
#include <cstdint>
#include <memory>
#include <mutex>
#include <random>
#include <sstream>
#include <string>

#include "tensor/tensor.h"

namespace fg {

class Generator {
 public:
  explicit Generator(uint64_t seed = 67280421310721ULL) { manual_seed(seed); }
  void manual_seed(uint64_t seed) {
    seed_ = seed;
    engine_.seed(seed);
  }
  uint64_t initial_seed() const { return seed_; }
  uint64_t next_u64() { return engine_(); }
  double next_uniform() { return static_cast<double>(engine_() >> 11) * 0x1.0p-53; }  // [0, 1)
  std::mutex& mutex() { return mu_; }
  // The whole state as text (seed, then the engine's standard stream form), for get_state/set_state.
  std::string state() const {
    std::ostringstream os;
    os << seed_ << ' ' << engine_;
    return os.str();
  }
  bool set_state(const std::string& s) {
    std::istringstream is(s);
    uint64_t seed = 0;
    std::mt19937_64 e;
    if (!(is >> seed >> e)) return false;
    seed_ = seed;
    engine_ = e;
    return true;
  }

 private:
  uint64_t seed_ = 0;
  std::mt19937_64 engine_;
  std::mutex mu_;
};

std::shared_ptr<Generator> default_generator();

namespace ops {
void uniform_fill(const Tensor& t, double lo, double hi, Generator& gen);
void normal_fill(const Tensor& t, double mean, double std, Generator& gen);
void randint_fill(const Tensor& t, int64_t low, int64_t high, Generator& gen);
Tensor randperm(int64_t n, Generator& gen);
Tensor bernoulli(const Tensor& p, Generator& gen);
}  // namespace ops

}  // namespace fg

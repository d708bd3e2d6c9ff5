#pragma once
// The 32-bit Mersenne Twister exactly as torch's CPU generator runs it (ATen's mt19937): seeded
// from the low 32 bits of a 64-bit seed with the reference init_genrand, and keeping the same
// bookkeeping (`left`, `next`, the full 64-bit seed) that torch writes into get_rng_state(), so
// a state can move between the two engines.
#include <array>
#include <cstdint>

namespace fg {

class MT19937 {
 public:
  static constexpr int kN = 624;
  static constexpr int kM = 397;

  explicit MT19937(uint64_t seed = 5489) { seed_with(seed); }

  void seed_with(uint64_t seed) {
    seed_ = seed;
    seeded_ = true;
    state_[0] = static_cast<uint32_t>(seed & 0xffffffffu);
    for (int j = 1; j < kN; ++j)
      state_[j] = 1812433253u * (state_[j - 1] ^ (state_[j - 1] >> 30)) + static_cast<uint32_t>(j);
    // torch regenerates lazily: the first draw twists the whole block.
    left_ = 1;
    next_ = 0;
  }

  uint32_t operator()() {
    if (--left_ == 0) twist();
    uint32_t y = state_[next_++];
    y ^= y >> 11;
    y ^= (y << 7) & 0x9d2c5680u;
    y ^= (y << 15) & 0xefc60000u;
    y ^= y >> 18;
    return y;
  }

  uint64_t seed() const { return seed_; }

  // The fields torch's state bytes hold.
  struct Data {
    uint64_t seed;
    int32_t left;
    bool seeded;
    uint32_t next;
    std::array<uint32_t, kN> state;
  };
  Data data() const { return {seed_, left_, seeded_, next_, state_}; }
  // Adopts `d` if it is a state the engine could be in (torch's is_valid rule); false otherwise.
  bool set_data(const Data& d) {
    if (!d.seeded || d.left <= 0 || d.left > kN || d.next > static_cast<uint32_t>(kN)) return false;
    seed_ = d.seed;
    left_ = d.left;
    seeded_ = d.seeded;
    next_ = d.next;
    state_ = d.state;
    return true;
  }

 private:
  static uint32_t mix(uint32_t u, uint32_t v) {
    return (((u & 0x80000000u) | (v & 0x7fffffffu)) >> 1) ^ ((v & 1u) ? 0x9908b0dfu : 0u);
  }
  void twist() {
    left_ = kN;
    next_ = 0;
    for (int j = 0; j < kN - kM; ++j) state_[j] = state_[j + kM] ^ mix(state_[j], state_[j + 1]);
    for (int j = kN - kM; j < kN - 1; ++j) state_[j] = state_[j + kM - kN] ^ mix(state_[j], state_[j + 1]);
    state_[kN - 1] = state_[kM - 1] ^ mix(state_[kN - 1], state_[0]);
  }

  uint64_t seed_ = 0;
  int32_t left_ = 1;
  bool seeded_ = false;
  uint32_t next_ = 0;
  std::array<uint32_t, kN> state_{};
};

}  // namespace fg

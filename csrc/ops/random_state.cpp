// Generator state in torch's byte layout (its CPUGeneratorImplState struct, 5056 bytes on x86-64),
// so torch.get_rng_state() restores in fastgrad and fastgrad's state restores in torch.
#include <cstring>

#include "ops/random.h"
#include "tensor/errors.h"

namespace fg {

namespace {
// Field offsets of the struct as x86-64 compilers lay it out.
constexpr size_t kSeedAt = 0;             // uint64_t the_initial_seed
constexpr size_t kLeftAt = 8;             // int left
constexpr size_t kSeededAt = 12;          // int seeded
constexpr size_t kNextAt = 16;            // uint64_t next
constexpr size_t kStateAt = 24;           // uint64_t state[624], each holding a 32-bit word
constexpr size_t kNormalYAt = 5024;       // double normal_y (normal_x and normal_rho are unused)
constexpr size_t kNormalValidAt = 5040;   // int normal_is_valid
constexpr size_t kFloatNormalAt = 5048;   // float next_float_normal_sample
constexpr size_t kFloatValidAt = 5052;    // bool is_next_float_normal_sample_valid

template <typename T>
void put(std::vector<uint8_t>& b, size_t at, T v) {
  std::memcpy(b.data() + at, &v, sizeof(T));
}
template <typename T>
T get(const std::vector<uint8_t>& b, size_t at) {
  T v;
  std::memcpy(&v, b.data() + at, sizeof(T));
  return v;
}
}  // namespace

std::vector<uint8_t> Generator::state_bytes() const {
  std::vector<uint8_t> b(kStateBytes, 0);
  const MT19937::Data d = engine_.data();
  put<uint64_t>(b, kSeedAt, d.seed);
  put<int32_t>(b, kLeftAt, d.left);
  put<int32_t>(b, kSeededAt, d.seeded ? 1 : 0);
  put<uint64_t>(b, kNextAt, d.next);
  for (int i = 0; i < MT19937::kN; ++i) put<uint64_t>(b, kStateAt + 8 * i, d.state[i]);
  if (next_double_normal_) {
    put<int32_t>(b, kNormalValidAt, 1);
    put<double>(b, kNormalYAt, *next_double_normal_);
  }
  if (next_float_normal_) {
    put<uint8_t>(b, kFloatValidAt, 1);
    put<float>(b, kFloatNormalAt, *next_float_normal_);
  }
  return b;
}

void Generator::set_state_bytes(const std::vector<uint8_t>& b) {
  FG_CHECK(b.size() == kStateBytes, RuntimeError, "Expected a CPUGeneratorImplState of size ", kStateBytes,
           " but found the input RNG state size to be ", b.size());
  MT19937::Data d;
  d.seed = get<uint64_t>(b, kSeedAt);
  d.left = get<int32_t>(b, kLeftAt);
  d.seeded = get<int32_t>(b, kSeededAt) != 0;
  d.next = static_cast<uint32_t>(get<uint64_t>(b, kNextAt));
  for (int i = 0; i < MT19937::kN; ++i) d.state[i] = static_cast<uint32_t>(get<uint64_t>(b, kStateAt + 8 * i));
  MT19937 engine;
  FG_CHECK(engine.set_data(d), RuntimeError, "Invalid mt19937 state");
  engine_ = engine;
  next_float_normal_.reset();
  if (get<uint8_t>(b, kFloatValidAt)) next_float_normal_ = get<float>(b, kFloatNormalAt);
  next_double_normal_.reset();
  if (get<int32_t>(b, kNormalValidAt)) next_double_normal_ = get<double>(b, kNormalYAt);
}

}  // namespace fg

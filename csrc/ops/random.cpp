#include "ops/random.h"

#include <cmath>
#include <numeric>

#include "ops/ops.h"

namespace fg {

std::shared_ptr<Generator> default_generator() {
  static auto gen = std::make_shared<Generator>();
  return gen;
}

namespace ops {

namespace {
// Fills contiguous t by calling draw() per element in order, so a seed gives one sequence.
template <typename Draw>
void fill_with(const Tensor& t, Generator& gen, Draw draw) {
  std::lock_guard<std::mutex> lock(gen.mutex());
  Tensor c = t->is_contiguous() ? t : empty(t->shape, t->dtype);
  const int64_t n = c->numel();
  FG_DISPATCH_ALL(c->dtype, "random", [&] {
    scalar_t* p = c->data<scalar_t>();
    for (int64_t i = 0; i < n; ++i) p[i] = static_cast<scalar_t>(draw());
  });
  if (c != t) copy_into(t, c);
  t->bump_version();
}
}  // namespace

void uniform_fill(const Tensor& t, double lo, double hi, Generator& gen) {
  FG_CHECK(lo <= hi, RuntimeError, "uniform_ expects to return a [from, to) range, but found from=", lo, " > to=", hi);
  fill_with(t, gen, [&] { return lo + (hi - lo) * gen.next_uniform(); });
}

void normal_fill(const Tensor& t, double mean, double std, Generator& gen) {
  FG_CHECK(std >= 0, RuntimeError, "normal expects std >= 0.0, but found std ", std);
  // Box-Muller, both values of each pair used
  bool have = false;
  double spare = 0;
  fill_with(t, gen, [&] {
    if (have) {
      have = false;
      return mean + std * spare;
    }
    double u1 = gen.next_uniform(), u2 = gen.next_uniform();
    if (u1 < 1e-300) u1 = 1e-300;
    const double r = std::sqrt(-2.0 * std::log(u1));
    spare = r * std::sin(2 * M_PI * u2);
    have = true;
    return mean + std * r * std::cos(2 * M_PI * u2);
  });
}

void randint_fill(const Tensor& t, int64_t low, int64_t high, Generator& gen) {
  FG_CHECK(low < high, RuntimeError, "random_ expects 'from' to be less than 'to', but got from=", low, " >= to=", high);
  const uint64_t range = static_cast<uint64_t>(high - low);
  fill_with(t, gen, [&] { return static_cast<double>(low + static_cast<int64_t>(gen.next_u64() % range)); });
}

Tensor randperm(int64_t n, Generator& gen) {
  FG_CHECK(n >= 0, RuntimeError, "randperm: n must be non-negative, got ", n);
  Tensor t = empty(Dims{n}, DType::Int64);
  int64_t* p = t->data<int64_t>();
  std::iota(p, p + n, 0);
  std::lock_guard<std::mutex> lock(gen.mutex());
  for (int64_t i = n - 1; i > 0; --i) {  // Fisher-Yates
    int64_t j = static_cast<int64_t>(gen.next_u64() % static_cast<uint64_t>(i + 1));
    std::swap(p[i], p[j]);
  }
  return t;
}

Tensor bernoulli(const Tensor& p, Generator& gen) {
  Tensor pc = contiguous(to_dtype(alias_detached(p), DType::Float64));
  Tensor out = empty(p->shape, p->dtype);
  Tensor draws = empty(p->shape, DType::Float64);
  uniform_fill(draws, 0.0, 1.0, gen);
  const double* pp = pc->data<double>();
  const double* pd = draws->data<double>();
  for (int64_t i = 0; i < pc->numel(); ++i)
    FG_CHECK(pp[i] >= 0 && pp[i] <= 1, RuntimeError, "Expected p_in >= 0 && p_in <= 1 to be true, but got false.");
  Tensor mask = empty(p->shape, DType::Float64);
  double* pm = mask->data<double>();
  for (int64_t i = 0; i < pc->numel(); ++i) pm[i] = pd[i] < pp[i] ? 1.0 : 0.0;
  copy_into(out, mask);
  return out;
}

}  // namespace ops
}  // namespace fg

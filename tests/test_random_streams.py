"""Random streams against torch 2.13, bit for bit: the generator (seeding, state bytes, the cached
normal), and every sampler over sizes around torch's path thresholds, both float dtypes, strided
outputs and mixed call sequences drawn from one seed."""
import numpy as np
import pytest

import fastgrad as fg

torch = pytest.importorskip("torch")

SEEDS = [0, 1, 42, 2**32 + 7, 2**63 + 5]
SIZES = [0, 1, 2, 3, 15, 16, 17, 31, 32, 33, 100, 1000]
FLOATS = [("float32", np.uint32), ("float64", np.uint64)]


def bits(a):
    a = np.ascontiguousarray(a)
    if a.dtype == np.float32:
        return a.view(np.uint32)
    if a.dtype == np.float64:
        return a.view(np.uint64)
    return a


def assert_same(f, t):
    """Same dtype, shape and raw bits (NaNs included)."""
    fa, ta = f.numpy(), t.numpy()
    assert fa.dtype == ta.dtype, (fa.dtype, ta.dtype)
    assert fa.shape == ta.shape, (fa.shape, ta.shape)
    assert np.array_equal(bits(fa), bits(ta)), f"first mismatch at {np.flatnonzero(bits(fa) != bits(ta))[:5]}"


def assert_exponential_close(f, t):
    """float64 exponential_: torch 2.13 takes this log through its vectorised math library, which
    differs from libm's correctly rounded log in the last bit for a few percent of values; the
    uniforms drawn (and so every later draw) are the same."""
    fa, ta = f.numpy(), t.numpy()
    assert fa.dtype == ta.dtype == np.float64
    ulps = np.abs(fa.view(np.int64) - ta.view(np.int64))
    assert ulps.max(initial=0) <= 2  # one ulp from the log, one more from the scale by -1/lambda
    assert (ulps == 0).mean() > 0.85 if ulps.size >= 100 else True


def gens(seed):
    return fg.Generator().manual_seed(seed), torch.Generator().manual_seed(seed)


def dt(name):
    return getattr(fg, name), getattr(torch, name)


# ---- the generator --------------------------------------------------------------------------------

def test_fresh_generator_seed_and_state_match_torch():
    f, t = fg.Generator(), torch.Generator()
    assert f.initial_seed() == t.initial_seed() == 67280421310721
    assert np.array_equal(f.get_state().numpy(), t.get_state().numpy().astype(np.int64))


@pytest.mark.parametrize("seed", SEEDS + [-1, 2**64 - 1])
def test_manual_seed_state_bytes_match_torch(seed):
    f, t = gens(seed)
    assert f.initial_seed() == t.initial_seed()
    assert f.get_state().shape == (5056,)
    assert np.array_equal(f.get_state().numpy(), t.get_state().numpy().astype(np.int64))
    fg.rand(700, generator=f), torch.rand(700, generator=t)  # crosses a twist of the 624-word state
    fg.randn(3, dtype=fg.float64, generator=f), torch.randn(3, dtype=torch.float64, generator=t)  # caches a normal
    assert np.array_equal(f.get_state().numpy(), t.get_state().numpy().astype(np.int64))


def test_state_moves_between_engines_with_cached_normal():
    t = torch.Generator().manual_seed(3)
    torch.randn(5, dtype=torch.float64, generator=t)  # odd count: one normal stays cached
    f = fg.Generator().set_state(t.get_state())
    assert_same(fg.randn(7, dtype=fg.float64, generator=f), torch.randn(7, dtype=torch.float64, generator=t))
    # and back: fastgrad's state restores in torch
    fg.rand(11, generator=f)
    t.set_state(torch.from_numpy(f.get_state().numpy().astype(np.uint8)))
    assert_same(fg.randn(9, dtype=fg.float64, generator=f), torch.randn(9, dtype=torch.float64, generator=t))


def test_set_state_rejects_bad_states():
    g = fg.Generator()
    with pytest.raises(RuntimeError, match="size 5056"):
        g.set_state(fg.zeros(10, dtype=fg.int64))
    zeros = np.zeros(5056, dtype=np.uint8)  # "seeded" flag unset
    with pytest.raises(RuntimeError, match="Invalid mt19937 state"):
        g.set_state(zeros)
    with pytest.raises(TypeError):
        g.set_state(fg.zeros(5056))
    with pytest.raises(ValueError):
        g.set_state(fg.full((5056,), 300, dtype=fg.int64))


def test_seed_errors_match_torch():
    for bad in (2**64, -2**63 - 1):
        with pytest.raises(ValueError):
            fg.Generator().manual_seed(bad)
        with pytest.raises(ValueError):
            torch.Generator().manual_seed(bad)
    with pytest.raises(RuntimeError, match="expected a long"):
        fg.manual_seed(1.5)


def test_default_generator_and_module_functions():
    fg.manual_seed(5), torch.manual_seed(5)
    assert fg.initial_seed() == torch.initial_seed() == 5
    assert_same(fg.rand(20), torch.rand(20))
    state = fg.get_rng_state()
    a = fg.randn(30)
    fg.set_rng_state(state)
    assert np.array_equal(fg.randn(30).numpy(), a.numpy())
    torch.set_rng_state(torch.from_numpy(state.numpy().astype(np.uint8)))
    assert_same(a, torch.randn(30))
    s = fg.seed()
    assert fg.initial_seed() == s and 0 <= s < 2**64
    assert fg.random.initial_seed() == s


def test_fork_rng_restores_the_default_stream():
    fg.manual_seed(9), torch.manual_seed(9)
    with fg.random.fork_rng():
        fg.rand(50)
    with torch.random.fork_rng():
        torch.rand(50)
    assert_same(fg.rand(10), torch.rand(10))
    with fg.random.fork_rng(enabled=False):
        fg.rand(3)
    with torch.random.fork_rng(enabled=False):
        torch.rand(3)
    assert_same(fg.rand(10), torch.rand(10))
    with pytest.raises(RuntimeError):
        with fg.random.fork_rng(devices=[0]):
            pass


# ---- uniform / normal -----------------------------------------------------------------------------

@pytest.mark.parametrize("seed", SEEDS[:3])
@pytest.mark.parametrize("dtype", ["float32", "float64"])
def test_rand_and_randn_over_sizes(seed, dtype):
    f, t = gens(seed)
    fd, td = dt(dtype)
    for n in SIZES:
        assert_same(fg.rand(n, dtype=fd, generator=f), torch.rand(n, dtype=td, generator=t))
        assert_same(fg.randn(n, dtype=fd, generator=f), torch.randn(n, dtype=td, generator=t))
    # multi-dim shapes, the vectorised path's 16-blocks and its redrawn tail
    for shape in [(4, 4), (3, 5), (2, 3, 7), (64, 33)]:
        assert_same(fg.randn(*shape, dtype=fd, generator=f), torch.randn(*shape, dtype=td, generator=t))
        assert_same(fg.rand(shape, dtype=fd, generator=f), torch.rand(shape, dtype=td, generator=t))


def test_randn_default_dtype_and_default_generator():
    fg.manual_seed(123), torch.manual_seed(123)
    for n in [1, 5, 16, 17, 40, 3, 2]:
        assert_same(fg.randn(n), torch.randn(n))
        assert_same(fg.rand(n), torch.rand(n))


@pytest.mark.parametrize("dtype", ["float32", "float64"])
def test_uniform_and_normal_with_parameters(dtype):
    f, t = gens(11)
    fd, td = dt(dtype)
    for n in [1, 7, 15, 16, 17, 50, 257]:
        for lo, hi in [(-0.1767, 0.1767), (2.5, 3.25), (-1e3, 7.0)]:
            assert_same(fg.empty(n, dtype=fd).uniform_(lo, hi, generator=f),
                        torch.empty(n, dtype=td).uniform_(lo, hi, generator=t))
        for mean, std in [(0.3, 2.5), (-1.0, 0.01), (0.0, 0.0)]:
            assert_same(fg.empty(n, dtype=fd).normal_(mean, std, generator=f),
                        torch.empty(n, dtype=td).normal_(mean, std, generator=t))


@pytest.mark.parametrize("dtype", ["float32", "float64"])
def test_strided_outputs_draw_in_memory_order(dtype):
    f, t = gens(21)
    fd, td = dt(dtype)
    for shape in [(5, 7), (8, 9), (3, 4, 5)]:
        fx, tx = fg.zeros(*shape, dtype=fd), torch.zeros(*shape, dtype=td)
        fx.transpose(0, 1).normal_(1.0, 2.0, generator=f)
        tx.transpose(0, 1).normal_(1.0, 2.0, generator=t)
        assert_same(fx, tx)
        fx[:, ::2].uniform_(-2, 3, generator=f)
        tx[:, ::2].uniform_(-2, 3, generator=t)
        assert_same(fx, tx)
        fx[1:, :3].exponential_(2.0, generator=f)
        tx[1:, :3].exponential_(2.0, generator=t)
        (assert_same if dtype == "float32" else assert_exponential_close)(fx, tx)
        fx[1:, :3].cauchy_(generator=f)
        tx[1:, :3].cauchy_(generator=t)
        assert_same(fx[1:, :3], tx[1:, :3])
        fx.transpose(0, 1).bernoulli_(0.3, generator=f)
        tx.transpose(0, 1).bernoulli_(0.3, generator=t)
        assert_same(fx, tx)
        assert_same(fg.randn_like(fx.transpose(0, 1), generator=f), torch.randn_like(tx.transpose(0, 1), generator=t))
        assert_same(fg.rand_like(fx.transpose(0, 1), generator=f), torch.rand_like(tx.transpose(0, 1), generator=t))


def test_normal_tensor_forms():
    f, t = gens(8)
    fm, tm = fg.randn(5, 6, generator=f), torch.randn(5, 6, generator=t)
    fs, ts = fg.rand(5, 6, generator=f), torch.rand(5, 6, generator=t)
    assert_same(fg.normal(fm, fs, generator=f), torch.normal(tm, ts, generator=t))
    assert_same(fg.normal(fm, 0.5, generator=f), torch.normal(tm, 0.5, generator=t))
    assert_same(fg.normal(-2.0, fs, generator=f), torch.normal(-2.0, ts, generator=t))
    assert_same(fg.normal(1.5, 3.0, (4, 5), generator=f), torch.normal(1.5, 3.0, (4, 5), generator=t))
    assert_same(fg.normal(fm[0], fs, generator=f), torch.normal(tm[0], ts, generator=t))  # broadcast
    with pytest.raises(RuntimeError, match="std >= 0.0"):
        fg.normal(fm, -fs - 1)


def test_normal_gradients_are_torch_zeros():
    f, t = gens(1)
    fm, tm = fg.zeros(5, requires_grad=True), torch.zeros(5, requires_grad=True)
    fs, ts = fg.ones(5, requires_grad=True), torch.ones(5, requires_grad=True)
    fo, to = fg.normal(fm * 2, fs * 3, generator=f), torch.normal(tm * 2, ts * 3, generator=t)
    assert fo.requires_grad and to.requires_grad
    assert_same(fo.detach(), to.detach())
    fo.sum().backward()
    to.sum().backward()
    assert_same(fm.grad, tm.grad)
    assert_same(fs.grad, ts.grad)


# ---- integers -------------------------------------------------------------------------------------

def test_randint_small_and_64_bit_ranges():
    f, t = gens(4)
    for low, high in [(0, 1), (0, 10), (-5, 5), (0, 2**31), (0, 2**32), (-2**40, 2**40), (-2**62, 2**62 + 3)]:
        for n in [1, 7, 100]:
            assert_same(fg.randint(low, high, (n,), generator=f), torch.randint(low, high, (n,), generator=t))
    assert_same(fg.randint(10, (3, 4), generator=f), torch.randint(10, (3, 4), generator=t))
    assert_same(fg.randint(3, 9, (5,), dtype=fg.float32, generator=f),
                torch.randint(3, 9, (5,), dtype=torch.float32, generator=t))
    assert_same(fg.randint(-4, 2**40, (5,), dtype=fg.float64, generator=f),
                torch.randint(-4, 2**40, (5,), dtype=torch.float64, generator=t))
    assert_same(fg.randint(high=6, size=(4,), generator=f), torch.randint(high=6, size=(4,), generator=t))
    assert_same(fg.randint_like(fg.zeros(3, 5), 7, generator=f), torch.randint_like(torch.zeros(3, 5), 7, generator=t))
    assert_same(fg.randint_like(fg.zeros(3, 5), -3, 7, generator=f),
                torch.randint_like(torch.zeros(3, 5), -3, 7, generator=t))
    with pytest.raises(RuntimeError, match="from.*less than 'to'"):
        fg.randint(5, 5, (2,))


@pytest.mark.parametrize("dtype", ["int64", "float32", "float64", "bool"])
def test_random_forms(dtype):
    f, t = gens(17)
    fd, td = dt(dtype)
    assert_same(fg.empty(40, dtype=fd).random_(generator=f), torch.empty(40, dtype=td).random_(generator=t))
    hi = 2 if dtype == "bool" else 1000
    assert_same(fg.empty(40, dtype=fd).random_(hi, generator=f), torch.empty(40, dtype=td).random_(hi, generator=t))
    assert_same(fg.empty(40, dtype=fd).random_(0, hi, generator=f),
                torch.empty(40, dtype=td).random_(0, hi, generator=t))
    if dtype != "bool":
        assert_same(fg.empty(40, dtype=fd).random_(-50, None, generator=f),
                    torch.empty(40, dtype=td).random_(-50, None, generator=t))
        assert_same(fg.empty(20, dtype=fd).random_(-2**63, None, generator=f),
                    torch.empty(20, dtype=td).random_(-2**63, None, generator=t))


@pytest.mark.parametrize("n", [0, 1, 2, 3, 5, 16, 100, 1000, 4099])
def test_randperm(n):
    f, t = gens(n + 3)
    assert_same(fg.randperm(n, generator=f), torch.randperm(n, generator=t))
    assert_same(fg.randperm(n, dtype=fg.float32, generator=f), torch.randperm(n, dtype=torch.float32, generator=t))
    fg.manual_seed(n), torch.manual_seed(n)
    assert_same(fg.randperm(n), torch.randperm(n))


# ---- the other distributions ----------------------------------------------------------------------

@pytest.mark.parametrize("dtype", ["float32", "float64"])
def test_exponential_geometric_cauchy_log_normal(dtype):
    f, t = gens(31)
    fd, td = dt(dtype)
    for n in [1, 15, 16, 17, 200]:
        for lam in [1.0, 2.5, 0.1]:
            (assert_same if dtype == "float32" else assert_exponential_close)(
                fg.empty(n, dtype=fd).exponential_(lam, generator=f),
                torch.empty(n, dtype=td).exponential_(lam, generator=t))
        for p in [0.2, 0.9]:
            assert_same(fg.empty(n, dtype=fd).geometric_(p, generator=f),
                        torch.empty(n, dtype=td).geometric_(p, generator=t))
        assert_same(fg.empty(n, dtype=fd).cauchy_(0.5, 2.0, generator=f),
                    torch.empty(n, dtype=td).cauchy_(0.5, 2.0, generator=t))
        assert_same(fg.empty(n, dtype=fd).log_normal_(0.2, 0.7, generator=f),
                    torch.empty(n, dtype=td).log_normal_(0.2, 0.7, generator=t))
    assert_same(fg.empty(9, dtype=fg.int64).geometric_(0.3, generator=f),
                torch.empty(9, dtype=torch.int64).geometric_(0.3, generator=t))


@pytest.mark.parametrize("dtype", ["float32", "float64"])
def test_bernoulli_scalar_and_tensor_p(dtype):
    f, t = gens(77)
    fd, td = dt(dtype)
    for n in [1, 16, 33, 500]:
        for p in [0.0, 0.1, 0.5, 0.999, 1.0]:
            assert_same(fg.empty(n, dtype=fd).bernoulli_(p, generator=f),
                        torch.empty(n, dtype=td).bernoulli_(p, generator=t))
        fp, tp = fg.rand(n, dtype=fd, generator=f), torch.rand(n, dtype=td, generator=t)
        assert_same(fg.bernoulli(fp, generator=f), torch.bernoulli(tp, generator=t))
        assert_same(fp.bernoulli(generator=f), tp.bernoulli(generator=t))
        assert_same(fg.bernoulli(fp, 0.25, generator=f), torch.bernoulli(tp, 0.25, generator=t))
        assert_same(fg.empty(n, dtype=fg.int64).bernoulli_(fp, generator=f),
                    torch.empty(n, dtype=torch.int64).bernoulli_(tp, generator=t))
    fp, tp = fg.rand(4, 1, generator=f), torch.rand(4, 1, generator=t)  # broadcast p
    assert_same(fg.empty(4, 6).bernoulli_(fp, generator=f), torch.empty(4, 6).bernoulli_(tp, generator=t))
    with pytest.raises(RuntimeError, match="p_in >= 0"):
        fg.bernoulli(fg.full((3,), 1.5))
    with pytest.raises(RuntimeError, match=r"\[0, 1\]"):
        fg.empty(3).bernoulli_(-0.5)


@pytest.mark.parametrize("dtype", ["float32", "float64"])
def test_multinomial(dtype):
    f, t = gens(5)
    fd, td = dt(dtype)
    fw, tw = fg.rand(40, dtype=fd, generator=f), torch.rand(40, dtype=td, generator=t)
    for n, repl in [(1, False), (1, True), (5, False), (40, False), (7, True), (300, True)]:
        assert_same(fg.multinomial(fw, n, repl, generator=f), torch.multinomial(tw, n, repl, generator=t))
    fw2, tw2 = fg.rand(3, 12, dtype=fd, generator=f), torch.rand(3, 12, dtype=td, generator=t)
    for n, repl in [(1, True), (4, False), (20, True)]:
        assert_same(fw2.multinomial(n, repl, generator=f), tw2.multinomial(n, repl, generator=t))
    # zero weights are never drawn
    fz, tz = fg.tensor([0.0, 2.0, 0.0, 1.0], dtype=fd), torch.tensor([0.0, 2.0, 0.0, 1.0], dtype=td)
    assert_same(fg.multinomial(fz, 50, True, generator=f), torch.multinomial(tz, 50, True, generator=t))
    assert_same(fg.multinomial(fz, 2, generator=f), torch.multinomial(tz, 2, generator=t))
    with pytest.raises(RuntimeError, match="without replacement"):
        fg.multinomial(fz, 5)
    with pytest.raises(RuntimeError, match="sum of probabilities"):
        fg.multinomial(fg.zeros(3), 1)


# ---- call sequences -------------------------------------------------------------------------------

@pytest.mark.parametrize("seed", SEEDS)
def test_mixed_call_sequence_on_the_default_generator(seed):
    fg.manual_seed(seed), torch.manual_seed(seed)
    rng = np.random.default_rng(seed % 2**32)
    for _ in range(40):
        op = int(rng.integers(0, 9))
        n = int(rng.choice([1, 2, 5, 15, 16, 17, 33, 64]))
        dtype = ["float32", "float64"][int(rng.integers(0, 2))]
        fd, td = dt(dtype)
        if op == 0:
            a, b = fg.rand(n, dtype=fd), torch.rand(n, dtype=td)
        elif op == 1:
            a, b = fg.randn(n, dtype=fd), torch.randn(n, dtype=td)
        elif op == 2:
            a, b = fg.randint(-3, 1000, (n,)), torch.randint(-3, 1000, (n,))
        elif op == 3:
            a, b = fg.randperm(n), torch.randperm(n)
        elif op == 4:
            a, b = fg.empty(n, dtype=fd).normal_(0.5, 2.0), torch.empty(n, dtype=td).normal_(0.5, 2.0)
        elif op == 5:
            a, b = fg.empty(n, dtype=fd).bernoulli_(0.3), torch.empty(n, dtype=td).bernoulli_(0.3)
        elif op == 6:
            a, b = fg.empty(n).exponential_(), torch.empty(n).exponential_()
        elif op == 7:
            a, b = fg.empty(n, dtype=fd).log_normal_(), torch.empty(n, dtype=td).log_normal_()
        else:
            a, b = fg.empty(n, dtype=fd).uniform_(-3, 3), torch.empty(n, dtype=td).uniform_(-3, 3)
        assert_same(a, b)
    assert np.array_equal(fg.get_rng_state().numpy(), torch.get_rng_state().numpy().astype(np.int64))


def test_generator_argument_leaves_default_stream_alone():
    fg.manual_seed(2), torch.manual_seed(2)
    f, t = gens(99)
    fg.randn(50, generator=f), torch.randn(50, generator=t)
    fg.randperm(10, generator=f), torch.randperm(10, generator=t)
    assert_same(fg.rand(5), torch.rand(5))


def test_requires_grad_and_errors():
    x = fg.rand(3, requires_grad=True)
    assert x.requires_grad and x.is_leaf
    with pytest.raises(RuntimeError, match="leaf Variable"):
        x.normal_()
    with pytest.raises(RuntimeError, match="not implemented for 'Long'"):
        fg.zeros(3, dtype=fg.int64).normal_()
    with pytest.raises(RuntimeError, match="not implemented for 'Long'"):
        fg.zeros(3, dtype=fg.int64).uniform_()
    with pytest.raises(RuntimeError, match="from=.*to="):
        fg.zeros(3).uniform_(2, 1)
    with pytest.raises(TypeError, match="fastgrad.Generator"):
        fg.rand(3, generator=torch.Generator())
    with pytest.raises(RuntimeError, match="single memory location"):
        fg.zeros(1).expand(4).uniform_()


@pytest.fixture
def each_cpu_level():
    saved = fg._C._cpu_level()
    yield list(fg._C._cpu_levels_supported())
    fg._C._set_cpu_level(saved)


def test_every_kernel_variant_draws_torch_bits(each_cpu_level):
    """The samplers are compiled per ISA (software fma on plain x86-64, hardware FMA with AVX2): every
    variant the CPU can run gives torch's bits."""
    for level in each_cpu_level:
        fg._C._set_cpu_level(level)
        f, t = gens(1000)
        for n in [5, 16, 17, 4099]:
            assert_same(fg.randn(n, generator=f), torch.randn(n, generator=t))
            assert_same(fg.randn(n, dtype=fg.float64, generator=f), torch.randn(n, dtype=torch.float64, generator=t))
            assert_same(fg.empty(n).uniform_(-0.3, 0.7, generator=f), torch.empty(n).uniform_(-0.3, 0.7, generator=t))
            assert_same(fg.empty(n, dtype=fg.float64).normal_(0.5, 3.0, generator=f),
                        torch.empty(n, dtype=torch.float64).normal_(0.5, 3.0, generator=t))
            assert_same(fg.empty(n, dtype=fg.float64).cauchy_(1.0, 0.5, generator=f),
                        torch.empty(n, dtype=torch.float64).cauchy_(1.0, 0.5, generator=t))

"""Device plumbing as a CPU-only torch build has it: fastgrad.cuda / accelerator / backends answer as
torch does without CUDA, device names construct, and moving a tensor or module off the CPU raises."""
import pytest

import fastgrad


@pytest.fixture(scope="module")
def torch():
    return pytest.importorskip("torch")


QUERIES = [
    "cuda.is_available()", "cuda.device_count()", "cuda.is_initialized()", "cuda.is_bf16_supported()",
    "cuda.manual_seed(0)", "cuda.manual_seed_all(3)", "cuda.empty_cache()", "cuda.seed()", "cuda.seed_all()",
    "cuda.memory_allocated()", "cuda.max_memory_allocated()", "cuda.memory_reserved()",
    "cuda.max_memory_reserved()",
    "accelerator.is_available()", "accelerator.current_accelerator()", "accelerator.device_count()",
    "backends.mps.is_available()", "backends.mps.is_built()", "backends.cudnn.is_available()",
    "backends.cudnn.version()", "backends.cudnn.deterministic", "backends.cudnn.benchmark",
    "backends.cudnn.enabled", "backends.cudnn.allow_tf32", "backends.cuda.matmul.allow_tf32",
    "backends.openmp.is_available()",
]


@pytest.mark.parametrize("expr", QUERIES)
def test_queries_answer_as_cpu_only_torch(torch, expr):
    assert eval("fastgrad." + expr) == eval("torch." + expr)


def test_queries_without_torch():
    assert fastgrad.cuda.is_available() is False
    assert fastgrad.cuda.device_count() == 0
    assert fastgrad.accelerator.current_accelerator() is None
    assert fastgrad.backends.mps.is_available() is False
    assert fastgrad.backends.cpu.get_cpu_capability() in ("DEFAULT", "AVX2", "AVX512")


@pytest.mark.parametrize("name", ["current_device", "get_device_name", "get_device_properties",
                                  "get_device_capability", "init", "initial_seed", "get_rng_state"])
def test_cuda_calls_needing_a_device_raise_torchs_class(torch, name):
    args = (0,) if name == "get_device_properties" else ()
    with pytest.raises(AssertionError):
        getattr(torch.cuda, name)(*args)
    # fastgrad's error is torch's AssertionError and a RuntimeError, and says why
    with pytest.raises(AssertionError, match="CPU only"):
        getattr(fastgrad.cuda, name)(*args)
    with pytest.raises(RuntimeError):
        getattr(fastgrad.cuda, name)(*args)


@pytest.mark.parametrize("name", ["synchronize", "current_device_index"])
def test_accelerator_calls_needing_a_device_raise(torch, name):
    with pytest.raises(RuntimeError) as theirs:
        getattr(torch.accelerator, name)()
    with pytest.raises(RuntimeError) as ours:
        getattr(fastgrad.accelerator, name)()
    assert str(ours.value) == str(theirs.value)


def test_cuda_synchronize_is_a_noop():
    # torch raises here; the no-op lets timing code written for GPUs run on the CPU unchanged
    assert fastgrad.cuda.synchronize() is None


def test_cudnn_flags_are_settable_and_restored_by_flags():
    cudnn = fastgrad.backends.cudnn
    saved = cudnn.deterministic, cudnn.benchmark
    try:
        cudnn.deterministic = True
        cudnn.benchmark = True
        assert cudnn.deterministic and cudnn.benchmark
        with cudnn.flags(enabled=False, deterministic=False):
            assert cudnn.enabled is False and cudnn.deterministic is False
        assert cudnn.enabled is True and cudnn.deterministic is True
    finally:
        cudnn.deterministic, cudnn.benchmark = saved


@pytest.mark.parametrize("args", [("cuda",), ("cuda:1",), ("cuda", 0), ("mps",), ("cpu",), ("cpu", 0), ("cpu:0",)])
def test_device_constructs_as_torch(torch, args):
    ours, theirs = fastgrad.device(*args), torch.device(*args)
    assert (ours.type, ours.index, str(ours), repr(ours)) == (theirs.type, theirs.index, str(theirs), repr(theirs))


@pytest.mark.parametrize("args", [("cuda:x",), ("cuda", -1), ("cuda:0", 1), ("xyz",), (3,)])
def test_bad_device_raises_as_torch(torch, args):
    with pytest.raises(RuntimeError):
        torch.device(*args)
    with pytest.raises(RuntimeError):
        fastgrad.device(*args)


def test_device_equality_and_hash(torch):
    assert fastgrad.device("cuda:1") == fastgrad.device("cuda", 1)
    assert fastgrad.device("cpu") != fastgrad.device("cuda")
    assert (fastgrad.device("cpu") == "cpu") == (torch.device("cpu") == "cpu")
    assert len({fastgrad.device("cpu"), fastgrad.device("cpu"), fastgrad.device("cuda")}) == 2
    assert fastgrad.ones(2).device == fastgrad.device("cpu")


def test_tutorial_device_line_runs():
    device = "cuda" if fastgrad.cuda.is_available() else "cpu"
    model = fastgrad.nn.Linear(3, 2).to(device)
    x = fastgrad.ones(4, 3).to(device, non_blocking=True)
    assert model(x).shape == (4, 2)
    dev = fastgrad.device("cuda" if fastgrad.cuda.is_available() else "cpu")
    assert fastgrad.nn.Linear(3, 2).to(device=dev).weight.device == dev
    assert fastgrad.tensor([1.0], device=dev).device == dev
    assert fastgrad.zeros(2, device=dev, pin_memory=False).shape == (2,)


@pytest.mark.parametrize("move", [
    lambda: fastgrad.ones(2).cuda(),
    lambda: fastgrad.ones(2).cuda(non_blocking=True),
    lambda: fastgrad.ones(2).to("cuda"),
    lambda: fastgrad.ones(2).to(fastgrad.device("cuda:0")),
    lambda: fastgrad.ones(2).to(device="mps"),
    lambda: fastgrad.nn.Linear(2, 2).cuda(),
    lambda: fastgrad.nn.Linear(2, 2).to("cuda"),
    lambda: fastgrad.nn.Linear(2, 2).to(device=fastgrad.device("cuda")),
    lambda: fastgrad.tensor([1.0], device="cuda"),
    lambda: fastgrad.as_tensor([1.0], device=fastgrad.device("cuda")),
    lambda: fastgrad.ones(2).type("torch.cuda.FloatTensor"),
])
def test_moving_off_the_cpu_raises_runtime_error(move):
    with pytest.raises(RuntimeError, match="CPU only"):
        move()


def test_pinned_memory_as_torch_without_accelerator(torch):
    assert fastgrad.ones(2).is_pinned() is torch.ones(2).is_pinned() is False
    with pytest.raises(RuntimeError) as theirs:
        torch.ones(2).pin_memory()
    with pytest.raises(RuntimeError) as ours:
        fastgrad.ones(2).pin_memory()
    assert str(ours.value) == str(theirs.value)


def test_dataloader_takes_pin_memory():
    ds = fastgrad.utils.data.TensorDataset(fastgrad.arange(6).float())
    batches = list(fastgrad.utils.data.DataLoader(ds, batch_size=4, pin_memory=True))
    assert [b[0].tolist() for b in batches] == [[0.0, 1.0, 2.0, 3.0], [4.0, 5.0]]


@pytest.mark.parametrize("make", [
    lambda lib, **kw: lib.ones(2).new_zeros(2, **kw),
    lambda lib, **kw: lib.ones(2).new_ones(2, 3, **kw),
    lambda lib, **kw: lib.ones(2).new_full((2,), 1.5, **kw),
    lambda lib, **kw: lib.tensor([1.0, 2.0], **kw),
])
def test_creation_keywords_as_torch(torch, make):
    for lib in (fastgrad, torch):
        cpu = lib.device("cpu")
        assert make(lib, device="cpu").tolist() == make(lib, device=cpu).tolist() == make(lib).tolist()
        assert make(lib, pin_memory=False).tolist() == make(lib).tolist()
    with pytest.raises(RuntimeError) as theirs:
        make(torch, pin_memory=True)
    with pytest.raises(RuntimeError) as ours:
        make(fastgrad, pin_memory=True)
    assert str(ours.value) == str(theirs.value)
    with pytest.raises(RuntimeError, match="CPU only"):
        make(fastgrad, device="cuda")


def test_new_tensor_takes_device_but_not_pin_memory(torch):
    for lib in (fastgrad, torch):
        assert lib.ones(2).new_tensor([1.0], device="cpu").tolist() == [1.0]
        with pytest.raises(TypeError):
            lib.ones(2).new_tensor([1.0], pin_memory=False)
    with pytest.raises(RuntimeError, match="CPU only"):
        fastgrad.ones(2).new_tensor([1.0], device="cuda")


def test_grad_scaler_and_autocast_disable_themselves_without_cuda(torch):
    for lib in (fastgrad, torch):
        with pytest.warns(UserWarning, match="Disabling"):
            scaler = lib.amp.GradScaler("cuda")
        assert scaler.is_enabled() is False and scaler.get_scale() == 1.0 and scaler.state_dict() == {}
        with pytest.warns(UserWarning, match="Disabling autocast"):
            with lib.autocast(device_type="cuda"):
                assert lib.is_autocast_enabled() is False
        with lib.autocast(device_type="cpu", enabled=False):
            assert lib.is_autocast_enabled() is False


def test_cuda_amp_import_path():
    from fastgrad.cuda.amp import GradScaler, autocast
    assert GradScaler(enabled=False).is_enabled() is False
    with autocast(enabled=False):
        pass


def test_disabled_grad_scaler_passes_through():
    w = fastgrad.tensor([1.0, -2.0], requires_grad=True)
    opt = fastgrad.optim.SGD([w], lr=0.5)
    scaler = fastgrad.cuda.amp.GradScaler(enabled=False)
    with fastgrad.cuda.amp.autocast(enabled=False):
        loss = (w * w).sum()
    assert scaler.scale(loss) is loss
    scaler.scale(loss).backward()
    scaler.unscale_(opt)
    scaler.step(opt)
    scaler.update()
    assert w.tolist() == [0.0, 0.0]


def test_cpu_mixed_precision_is_refused_until_half_dtypes_exist():
    if hasattr(fastgrad, "bfloat16"):
        pytest.skip("bfloat16 exists now: CPU autocast can be built on it")
    with pytest.raises(NotImplementedError, match="bfloat16"):
        fastgrad.autocast(device_type="cpu")
    with pytest.raises(NotImplementedError, match="enabled=False"):
        fastgrad.amp.GradScaler("cpu")


def test_get_device_and_data_ptr_as_torch(torch):
    for lib in (fastgrad, torch):
        x = lib.arange(6.0).reshape(2, 3)
        assert x.get_device() == -1
        assert x[1].data_ptr() - x.data_ptr() == 12
        assert x.t().data_ptr() == x.data_ptr() and x.clone().data_ptr() != x.data_ptr()
        assert lib.zeros(0).data_ptr() == 0
    w = fastgrad.ones(3, requires_grad=True)
    assert w.data_ptr() == w.detach().data_ptr()

"""torch's legacy spellings: FloatTensor & co. as constructors and isinstance checks, Tensor.type(),
autograd.Variable, nn.modules.<submodule> import paths and the keepdims= alias."""
import importlib

import numpy as np
import pytest

import fastgrad


@pytest.fixture(scope="module")
def torch():
    return pytest.importorskip("torch")


LEGACY = ["FloatTensor", "DoubleTensor", "LongTensor", "BoolTensor"]


@pytest.mark.parametrize("name", LEGACY)
@pytest.mark.parametrize("args", [([1, 0, 2],), ([[1.5, 2.0], [0.0, -3.0]],), ((2, 3),), ()])
def test_legacy_constructor_from_data(torch, name, args):
    ours = getattr(fastgrad, name)(*args)
    theirs = getattr(torch, name)(*args)
    assert str(ours.dtype) == str(theirs.dtype)
    assert ours.tolist() == theirs.tolist()


@pytest.mark.parametrize("name", LEGACY)
@pytest.mark.parametrize("data", [np.array([[1, 2], [3, 4]], dtype=np.int32), np.array([1.7, -2.2]), np.array(2.5)],
                         ids=["int32-matrix", "float64-vector", "0d"])
def test_legacy_constructor_converts_numpy_arrays(torch, name, data):
    # an array is data, not sizes (the graph examples build features with FloatTensor(np_array))
    ours = getattr(fastgrad, name)(data)
    theirs = getattr(torch, name)(data)
    assert str(ours.dtype) == str(theirs.dtype)
    assert ours.tolist() == theirs.tolist()


def test_legacy_constructor_takes_numpy_integer_sizes(torch):
    assert tuple(fastgrad.FloatTensor(np.int64(2), np.int32(3)).shape) == tuple(torch.FloatTensor(np.int64(2), np.int32(3)).shape)


@pytest.mark.parametrize("name", LEGACY)
def test_legacy_constructor_from_sizes(torch, name):
    for sizes in [(2, 3), (4,), (fastgrad.Size([2, 1]),)]:
        t = getattr(fastgrad, name)(*sizes)
        expected = torch.Size(sizes[0]) if isinstance(sizes[0], tuple) else torch.Size(sizes)
        assert tuple(t.shape) == tuple(expected)
        assert t.dtype is getattr(fastgrad, name).dtype


def test_legacy_isinstance_and_dtype():
    x = fastgrad.ones(2)
    assert isinstance(x, fastgrad.FloatTensor)
    assert not isinstance(x, fastgrad.DoubleTensor)
    assert isinstance(x.double(), fastgrad.DoubleTensor)
    assert isinstance(x.long(), fastgrad.LongTensor)
    assert isinstance(x > 0, fastgrad.BoolTensor)
    assert not isinstance(x, fastgrad.ByteTensor)
    assert not isinstance(np.ones(2), fastgrad.FloatTensor)
    assert fastgrad.FloatTensor.dtype is fastgrad.float32
    assert fastgrad.LongTensor.dtype is fastgrad.int64
    assert repr(fastgrad.FloatTensor) == "<class 'torch.FloatTensor'>"


def test_legacy_constructor_shares_a_same_dtype_tensor_and_refuses_others():
    x = fastgrad.ones(3)
    y = fastgrad.FloatTensor(x)
    y[0] = 5.0
    assert x[0].item() == 5.0
    with pytest.raises(TypeError, match="float64"):
        fastgrad.FloatTensor(x.double())


@pytest.mark.parametrize("args,exc", [((-1,), RuntimeError), ((2.5,), TypeError), (("a",), TypeError),
                                      (([1.0], [2.0]), TypeError)])
def test_legacy_constructor_errors_as_torch(torch, args, exc):
    with pytest.raises(exc):
        torch.FloatTensor(*args)
    with pytest.raises(exc):
        fastgrad.FloatTensor(*args)


@pytest.mark.parametrize("name", ["ByteTensor", "CharTensor", "ShortTensor", "IntTensor", "HalfTensor",
                                  "BFloat16Tensor"])
def test_legacy_types_of_missing_dtypes_say_so(name):
    cls = getattr(fastgrad, name)
    if cls.dtype is not None:
        pytest.skip(f"{cls.dtype} exists now; the constructor path is the same as FloatTensor's")
    with pytest.raises(TypeError, match="does not have"):
        cls([1])


@pytest.mark.parametrize("src", [np.float32, np.float64, np.int64, np.bool_])
def test_tensor_type_names(torch, src):
    data = np.array([1, 0, 2]).astype(src)
    assert fastgrad.tensor(data).type() == torch.tensor(data).type()


@pytest.mark.parametrize("target", ["torch.DoubleTensor", "torch.LongTensor", "torch.FloatTensor",
                                    "torch.BoolTensor"])
def test_tensor_type_converts(torch, target):
    data = [[1.5, -2.0], [0.0, 3.25]]
    ours = fastgrad.tensor(data).type(target)
    theirs = torch.tensor(data).type(target)
    assert ours.type() == theirs.type() and ours.tolist() == theirs.tolist()
    cls_name = target.split(".")[1]
    assert fastgrad.tensor(data).type(getattr(fastgrad, cls_name)).type() == target
    assert fastgrad.tensor(data).type(getattr(fastgrad, cls_name).dtype).type() == target


def test_tensor_type_same_returns_self_and_rejects_unknown(torch):
    x = fastgrad.ones(2)
    assert x.type(fastgrad.FloatTensor) is x
    with pytest.raises(ValueError):
        torch.ones(2).type("foo")
    with pytest.raises(ValueError, match="invalid type"):
        x.type("foo")


def test_module_type_with_legacy_type():
    m = fastgrad.nn.Linear(2, 2).type(fastgrad.DoubleTensor)
    assert m.weight.dtype is fastgrad.float64


def test_variable(torch):
    from fastgrad.autograd import Variable
    x = fastgrad.ones(2)
    v = Variable(x, requires_grad=True)
    tv = torch.autograd.Variable(torch.ones(2), requires_grad=True)
    assert (v.requires_grad, v.is_leaf, v is x, x.requires_grad) == (tv.requires_grad, tv.is_leaf, False, False)
    (v * 3).sum().backward()
    assert v.grad.tolist() == [3.0, 3.0]
    v.detach()[0] = 7.0
    assert x[0].item() == 7.0  # shares data, as torch's
    assert isinstance(x, Variable) and isinstance(v, Variable)
    assert not isinstance([1.0], Variable)
    assert Variable(x, volatile=True).requires_grad is False
    with pytest.raises(TypeError, match="tensor"):
        Variable([1.0])


@pytest.mark.parametrize("path,names", [
    ("linear", ["Linear", "Identity"]), ("activation", ["ReLU", "Tanh", "Sigmoid", "Softmax", "GELU"]),
    ("loss", ["CrossEntropyLoss", "MSELoss", "NLLLoss"]), ("container", ["Sequential", "ModuleList", "ModuleDict"]),
    ("module", ["Module"]), ("dropout", ["Dropout"]), ("batchnorm", ["BatchNorm1d"]),
    ("normalization", ["LayerNorm"]), ("sparse", ["Embedding"]), ("flatten", ["Flatten", "Unflatten"]),
])
def test_nn_modules_import_paths(torch, path, names):
    ours = importlib.import_module(f"fastgrad.nn.modules.{path}")
    theirs = importlib.import_module(f"torch.nn.modules.{path}")
    for n in names:
        assert hasattr(theirs, n)
        assert getattr(ours, n) is getattr(fastgrad.nn, n)
        assert getattr(fastgrad.nn.modules, n) is getattr(fastgrad.nn, n)


def test_nn_modules_attribute_path_without_import():
    assert fastgrad.nn.modules.linear.Linear is fastgrad.nn.Linear
    assert fastgrad.nn.modules.module.Module is fastgrad.nn.Module


def test_keepdims_alias(torch):
    data = [[1.0, 5.0, 2.0], [4.0, 0.0, 3.0]]
    ours, theirs = fastgrad.tensor(data), torch.tensor(data)
    o, t = fastgrad.max(ours, 1, keepdims=True), torch.max(theirs, 1, keepdims=True)
    assert o.values.tolist() == t.values.tolist() and o.indices.tolist() == t.indices.tolist()
    o, t = fastgrad.min(ours, 0, keepdims=True), torch.min(theirs, 0, keepdims=True)
    assert o.values.tolist() == t.values.tolist() and o.indices.tolist() == t.indices.tolist()
    np.testing.assert_allclose(fastgrad.norm(ours, dim=1, keepdims=True).numpy(),
                               torch.linalg.norm(theirs, dim=1, keepdims=True).numpy(), rtol=1e-6)


def test_max_min_out_as_torch(torch):
    data = [[1.0, 5.0, 2.0], [4.0, 0.0, 3.0]]
    for name in ("max", "min"):
        ov, oi = fastgrad.empty(2), fastgrad.empty(2, dtype=fastgrad.int64)
        tv, ti = torch.empty(2), torch.empty(2, dtype=torch.long)
        ours = getattr(fastgrad, name)(fastgrad.tensor(data), 1, out=(ov, oi))
        theirs = getattr(torch, name)(torch.tensor(data), 1, out=(tv, ti))
        assert ours.values is ov and ours.indices is oi
        assert (ov.tolist(), oi.tolist()) == (tv.tolist(), ti.tolist()) == (theirs.values.tolist(), theirs.indices.tolist())
        whole = fastgrad.empty(())
        assert getattr(fastgrad, name)(fastgrad.tensor(data), out=whole) is whole
        assert whole.item() == getattr(torch, name)(torch.tensor(data)).item()


def test_max_out_errors():
    x = fastgrad.tensor([[1.0, 5.0], [3.0, 2.0]])
    with pytest.raises(RuntimeError, match="dtype"):
        fastgrad.max(x, 1, out=(fastgrad.empty(2, dtype=fastgrad.int64), fastgrad.empty(2, dtype=fastgrad.int64)))
    with pytest.raises(RuntimeError, match="resize"):
        fastgrad.max(x, 1, out=(fastgrad.empty(5), fastgrad.empty(2, dtype=fastgrad.int64)))
    with pytest.raises(TypeError, match="2 tensor"):
        fastgrad.min(x, 1, out=fastgrad.empty(2))

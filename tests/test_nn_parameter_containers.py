"""nn.ParameterList and nn.ParameterDict: registration (names, state_dict, optimizers see them), conversion
of plain tensors to Parameters, list/dict behaviour and torch's printing."""
import pytest

import fastgrad
import fastgrad.nn as nn
from conftest import torch_or_none


def build(L):
    class M(L.nn.Module):
        def __init__(self):
            super().__init__()
            self.p = L.nn.ParameterList([L.nn.Parameter(L.ones(1)) for _ in range(2)])
            self.d = L.nn.ParameterDict({"w": L.ones(2), "b": L.nn.Parameter(L.zeros(3, 1, dtype=L.float64))})
    return M()


def test_registration_and_training():
    m = build(fastgrad)
    # a plain dict's keys are taken sorted, as torch's ParameterDict takes them
    assert [n for n, _ in m.named_parameters()] == ["p.0", "p.1", "d.b", "d.w"]
    assert list(m.state_dict()) == ["p.0", "p.1", "d.b", "d.w"]
    assert isinstance(m.d["w"], nn.Parameter) and m.d["w"].requires_grad
    opt = fastgrad.optim.SGD(m.parameters(), lr=0.5)
    (m.p[0].sum() + m.d["w"].sum()).backward()
    opt.step()
    assert m.p[0].tolist() == [0.5] and m.d["w"].tolist() == [0.5, 0.5] and m.p[1].tolist() == [1.0]


def test_list_and_dict_behaviour():
    pl = nn.ParameterList()
    pl.append(fastgrad.ones(2)).extend([nn.Parameter(fastgrad.zeros(1))])
    pl.append(5)
    assert len(pl) == 3 and pl[-1] == 5 and isinstance(pl[0], nn.Parameter)
    assert [p.shape for p in pl[:2]] == [(2,), (1,)]
    assert [n for n, _ in pl.named_parameters()] == ["0", "1"]
    with pytest.raises(IndexError):
        pl[3]
    with pytest.raises(TypeError):
        pl.extend(fastgrad.ones(2))
    pd = nn.ParameterDict({"a": fastgrad.ones(1)})
    pd["b"] = nn.Parameter(fastgrad.zeros(2))
    assert list(pd.keys()) == ["a", "b"] and "a" in pd and len(pd) == 2
    assert pd.pop("a").shape == (1,) and list(pd) == ["b"] and pd.get("zz") is None
    pd.clear()
    assert len(pd) == 0 and list(pd.parameters()) == []


def test_printing_as_torch():
    ours = build(fastgrad)
    text = repr(ours)
    assert "(p): ParameterList(" in text and "(0): Parameter containing: [torch.float32 of size 1]" in text
    assert "(b): Parameter containing: [torch.DoubleTensor of size 3x1]" in text
    assert repr(nn.ParameterList()) == "ParameterList()" and repr(nn.ParameterDict()) == "ParameterDict()"
    torch = torch_or_none()
    if torch is not None:
        assert text == repr(build(torch))
        pl_ours, pl_torch = nn.ParameterList([fastgrad.ones(2), 5]), torch.nn.ParameterList([torch.ones(2), 5])
        assert repr(pl_ours) == repr(pl_torch)

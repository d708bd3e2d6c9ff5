"""Python's number protocols on one-element tensors, as torch: int(), index(), format()."""
import pytest

import fastgrad


def test_int_and_index_are_exact_beyond_2_53():
    big = 2**53 + 1
    t = fastgrad.tensor([big])
    assert int(t[0]) == big
    assert int(t) == big
    assert [10, 20, 30][fastgrad.tensor(1)] == 20
    assert range(big + 5)[fastgrad.tensor(big)] == big
    assert int(fastgrad.tensor(1e20, dtype=fastgrad.float64)) == int(1e20)
    assert int(fastgrad.tensor(-2.7)) == -2
    assert int(fastgrad.tensor(True)) == 1 and type(int(fastgrad.tensor(True))) is int


@pytest.mark.parametrize("spec", ["", ".2f", "+.2f", ">12.4e", ".1%"])
def test_format_of_a_0d_tensor_formats_its_number(spec):
    t = fastgrad.tensor(2.4544)
    assert format(t, spec) == format(t.item(), spec)
    assert f"{fastgrad.tensor(3)}" == "3"
    assert f"{fastgrad.tensor(3):04d}" == "0003"


def test_format_of_other_tensors():
    t = fastgrad.tensor([1.0, 2.0])
    assert f"{t}" == str(t)
    with pytest.raises(TypeError, match="unsupported format string"):
        format(t, ".2f")


def test_format_matches_torch():
    torch = pytest.importorskip("torch")
    for value in (2.4544, -0.1, 1e-7):
        for spec in ("", ".3f", "+.2e"):
            assert format(fastgrad.tensor(value), spec) == format(torch.tensor(value), spec)
    assert f"{fastgrad.tensor([1.5])}" == f"{torch.tensor([1.5])}"

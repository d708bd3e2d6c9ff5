"""fastgrad.__config__.show() and the thread controls users see."""
import pytest

import fastgrad as fg


def test_show_names_isa_threads_and_build():
    text = fg.__config__.show()
    assert fg._C._cpu_level() in text
    assert f"threads: {fg.get_num_threads()}" in text
    assert "compiler:" in text and "OpenMP" in text


def test_set_num_threads_round_trip_and_rejects_bad_values():
    before = fg.get_num_threads()
    try:
        fg.set_num_threads(1)
        assert fg.get_num_threads() == 1
    finally:
        fg.set_num_threads(before)
    for bad in (0, -2, 1.5, True):
        with pytest.raises(ValueError, match="positive integer"):
            fg.set_num_threads(bad)

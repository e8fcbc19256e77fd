"""Grouped keys (``NAME[key=value, ...]``) and unit words as keys (``seconds: 2.1``)."""

from __future__ import annotations

from exptrack.metrics import parse_text


def _names(text: str) -> set[str]:
    return {o.name for o in parse_text(text)}


def test_grouped_keys_take_their_group() -> None:
    text = "".join(
        f"Epoch 0, batch {b}, loss[a_loss=0.{b}, loss=0.{b + 1}, over 20 frames.], "
        f"run_loss[a_loss=1.{b}, loss=1.{b + 1}, acc=0.{b}, over 90 frames.]\n"
        for b in (1, 3))
    found = _names(text)
    assert {"a_loss", "loss", "run_a_loss", "run_loss", "run_loss_acc"} <= found
    assert not {"loss_a_loss", "loss_loss", "run_loss_a_loss"} & found


def test_duration_unit_as_key() -> None:
    text = "".join(f"completed step: {s}, seconds: 2.{s}, loss: 1.{s}\n" for s in (1, 2))
    assert "seconds" in _names(text)
    assert "seconds" not in _names("epoch 1 took 3 seconds\nepoch 2 took 4 seconds\n")

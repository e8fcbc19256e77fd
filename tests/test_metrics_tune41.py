"""Round ``tune41`` (session 49). Each test of a new form fails on the parser before the
round (f0c0355); each guard fails on the round's rule without its check (mutation-checked)."""

from __future__ import annotations

from parsed import named


def test_a_name_with_digits_glued_to_a_counter_word_is_a_name() -> None:
    """``EP0=0.0`` names a value (Hypothesis found ``EP`` + digits read as epoch 0)."""
    assert named("EP0=0.0\nEP1=0.143\nEP0=0.286\n") == [
        ("EP0", 0.0, None, None), ("EP1", 0.143, None, None), ("EP0", 0.286, None, None)]
    assert named("E1: 0.5\nstep 3 iter2=0.25\n{'ep2': 0.1, 'epoch': 4}\n") == [
        ("E1", 0.5, None, None), ("iter2", 0.25, 3, None), ("ep2", 0.1, None, 4)]


def test_a_counter_word_glued_to_its_number_still_counts() -> None:
    """Guard: ``[E03] loss=``, ``Epoch3 loss=``, ``iter300: loss 0.5`` keep their counters."""
    assert named("[E03] train_loss=1.5\nEpoch4 loss=0.5\niter300: loss 0.25\n") == [
        ("train_loss", 1.5, None, 3), ("loss", 0.5, None, 4), ("loss", 0.25, 300, 4)]

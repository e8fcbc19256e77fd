"""Round ``tune64`` (session 72): forms of the session's sets tuned on (``heldout790``,
``heldout792``, ``heldout794``; the others were only measured). Each test of a rule fails on
the parser before the round (500d2d0c); each guard fails on the rule without its check
(mutation-checked)."""

from __future__ import annotations

from parsed import columns_named, named


def test_a_round_in_brackets_after_a_log_level_is_the_step() -> None:
    """XGBoost.jl prints its rounds through Julia's logging: ``[ Info: [3]     train-rmse:
    0.40``. The ``[3]`` after the level is the round (XGBoost's own ``[3]\\t``), not a
    one-value list of ``Info``."""
    text = "".join(f"[ Info: [{i}]     train-rmse:0.{9 - i}\n" for i in range(1, 4))
    assert [(n, v, s) for n, v, s, _ in named(text)] == [
        ("train-rmse", 0.8, 1), ("train-rmse", 0.7, 2), ("train-rmse", 0.6, 3)]
    assert ("train-rmse", 0.6, 3, None) in columns_named(text)
    assert ("train-rmse", 0.4, 2, None) in named("INFO: [1]\ttrain-rmse:0.5\n"
                                                 "INFO: [2]\ttrain-rmse:0.4\n")
    # guard: a key's one-value list is still its value ("episodic_return=[12.]")
    assert ("loss", 0.5, 3, None) in named("step: 3, loss: [0.5]\n")


def test_rounds_are_a_count_not_a_metric() -> None:
    """Py-Boost's ``GDBT train starts. Max iter 100, early stopping rounds 100``: a
    setting printed before each fit, not a series beside its rmse."""
    fit = ("[16:09:45] GDBT train starts. Max iter 100, early stopping rounds 100\n"
           "[16:09:45] Iter 0; Sample 0, rmse = 175.6; \n"
           "[16:09:45] Iter 10; Sample 0, rmse = 144.8; \n")
    assert {n for n, *_ in named(fit * 2)} == {"rmse"}
    assert {n for n, *_ in named("num_rounds: 500\nepoch 1 loss 0.5\n")} == {"loss"}

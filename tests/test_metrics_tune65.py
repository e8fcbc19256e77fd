"""Round ``tune65`` (session 73): forms of the sets session 72 tuned on (``heldout784`` to
``heldout801``, no held-out figure of their own). Each test of a rule fails on the parser
before the round (6feda86d); each guard fails on the rule without its check
(mutation-checked)."""

from __future__ import annotations

from parsed import named


def test_a_phase_dashed_before_its_epoch_labels_the_values() -> None:
    """An older Flax MNIST example's README: ``Training - epoch: 1, loss: 0.1963, accuracy:
    93.96`` beside ``Testing - epoch: 1, loss: ...``; the train side was bare ``loss``, the
    test side ``testing_loss``, as its ``Train epoch: 1, loss:`` form already is."""
    text = "".join(f"    Training - epoch: {e}, loss: 0.{9 - e}, accuracy: 9{e}.5\n"
                   f"    Testing - epoch: {e}, loss: 0.{8 - e}, accuracy: 9{e}.1\n"
                   for e in (1, 2))
    assert {(n, v, ep) for n, v, _, ep in named(text) if ep == 2} == {
        ("training_loss", 0.7, 2), ("training_accuracy", 92.5, 2),
        ("testing_loss", 0.6, 2), ("testing_accuracy", 92.1, 2)}
    # guard: a loop's progress counter after the dash still names the loop's mode
    # (SFA3D's "Train - Epoch: [275/300][31/32]\tTime  0.234 ( 0.440)\tLoss 4.5e-01")
    progress = "Train - Epoch: [275/300][31/32]\tTime  0.234 ( 0.440)\tLoss 4.5571e-01 (2.2e-01)\n"
    assert {n for n, *_ in named(progress)} == {"Time", "Loss"}

"""Round ``tune16`` (sets AJ, AK and AL: ``tests/data/heldout36`` to ``heldout38``, each
measured unseen first and tuned on since). Each test fails on the parser before the round
(4d88d77)."""

from __future__ import annotations

from parsed import names as _names
from parsed import obs as _obs


def test_a_phase_summary_labels_its_fields() -> None:
    # AudioCraft's epoch summaries
    text = ("Train Summary | Epoch 1 | lr=1.95E-01 | grad_norm=3.172E+00 | ce=6.892\n"
            "Valid Summary | Epoch 1 | ce=6.651 | ppl=776.985 | duration=234.961\n")
    assert [(o.name, o.epoch) for o in _obs(text)] == [
        ("train_lr", 1), ("train_grad_norm", 1), ("train_ce", 1), ("valid_ce", 1),
        ("valid_ppl", 1), ("valid_duration", 1)]


def test_a_phase_key_names_the_phase_of_its_line() -> None:
    # PennyLane's transfer-learning demo: "Phase: <split>" opens each epoch's line
    text = ("Phase: train Epoch: 1/3 Loss: 0.6993 Acc: 0.5246        \n"
            "Phase: validation   Epoch: 1/3 Loss: 0.6432 Acc: 0.6536        \n")
    assert [(o.name, o.value, o.epoch) for o in _obs(text)] == [
        ("train_loss", 0.6993, 1), ("train_acc", 0.5246, 1),
        ("validation_loss", 0.6432, 1), ("validation_acc", 0.6536, 1)]
    assert _names("mode=eval loss=0.3 acc=0.9\n") == {"eval_loss", "eval_acc"}
    # a key whose value is no phase labels nothing
    assert _names("phase: warmup loss: 0.3\n") == {"loss"}

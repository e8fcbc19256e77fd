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


def test_cmc_ranks_are_metrics_and_process_ranks_are_not() -> None:
    text = ("2026-03-07 05:14:23 transreid.train INFO: mAP: 85.1%\n"
            "2026-03-07 05:14:23 transreid.train INFO: CMC curve, Rank-1  :92.4%\n"
            "2026-03-07 05:14:23 transreid.train INFO: CMC curve, Rank-5  :97.4%\n")
    assert _names(text) == {"mAP", "Rank-1", "Rank-5"}
    assert _names("rank-3: 0.5\n") == set()
    assert _names("[rank-1]: loss=0.3\n") == {"loss"}


def test_the_phase_loss_is_a_sentence_with_a_value() -> None:
    # LXMERT's epoch reports
    text = ("The training loss for Epoch 1 is 7.3978\n"
            "The valid loss is 5.3834\n")
    assert [(o.name, o.value, o.epoch) for o in _obs(text)] == [
        ("training_loss", 7.3978, 1), ("valid_loss", 5.3834, 1)]
    assert _names("The model is 3\n") == set()
    assert _names("The best loss is 0.3\n") == set()

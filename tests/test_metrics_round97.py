"""Round ``tune97`` (session 97). Each test of a rule fails on aec18d1d (this session's
start); the guards pin what must not change."""

from __future__ import annotations

import shutil
from pathlib import Path

from parsed import named

from exptrack.metrics.tfevents import read_events

FAIRSEQ = Path(__file__).parent / "data" / "zoo" / "fairseq_lm" / "pipe" / "files"


def test_a_loaders_epoch_summary_is_the_loaders() -> None:
    # Catalyst 22's SupervisedRunner closes each loader with "<loader> (<epoch>/<epochs>)
    # key: value | ..." and the epoch with "* Epoch (<epoch>/<epochs>)" after them: the
    # loader names the values, key paths too, and the parenthesized count is their epoch
    # (before: bare names pooling train and valid, the first epoch's at no epoch)
    text = ("train (1/2) accuracy01: 0.445 | accuracy01/std: 0.18 | loss: 1.63 | lr: 0.02\n"
            "valid (1/2) accuracy01: 0.619 | accuracy01/std: 0.07 | loss: 1.03 | lr: 0.02\n"
            "* Epoch (1/2) \n"
            "train (2/2) accuracy01: 0.625 | accuracy01/std: 0.08 | loss: 1.05 | lr: 0.02\n"
            "valid (2/2) accuracy01: 0.675 | accuracy01/std: 0.08 | loss: 0.96 | lr: 0.02\n"
            "* Epoch (2/2) \n")
    found = named(text)
    assert [o for o in found if o[3] == 1] == [
        ("train_accuracy01", 0.445, None, 1), ("train_accuracy01/std", 0.18, None, 1),
        ("train_loss", 1.63, None, 1), ("train_lr", 0.02, None, 1),
        ("valid_accuracy01", 0.619, None, 1), ("valid_accuracy01/std", 0.07, None, 1),
        ("valid_loss", 1.03, None, 1), ("valid_lr", 0.02, None, 1)]
    assert [(n, v) for n, v, _, e in found if e == 2 and n.endswith("loss")] == [
        ("train_loss", 1.05), ("valid_loss", 0.96)]


def test_a_phase_before_a_count_of_something_else_is_no_loader() -> None:
    # guard: a phase word, a parenthesized count, then no key of a value
    text = "valid (3/10) done\nepoch 1 loss 0.5\n"
    assert named(text) == [("loss", 0.5, None, 1)]


def test_a_bar_value_cut_at_the_terminals_width_is_left_out() -> None:
    # tqdm trims its line to the terminal's width: Catalyst's valid bar under a 120-column
    # pty ends "..., accuracy05=0.906, loss=0" where the loss was 0.990 (before: a loss of 0)
    cut = ("3/3 * Epoch (valid): 100%|#| 5/5 [00:00<00:00, 251.27it/s, accuracy01=0.781, "
           "loss=0\n")
    assert named(cut) == [("valid_accuracy01", 0.781, 5, None)]
    # guard: a whole postfix, and a value that ends a line outside a bar, are read
    whole = cut.replace("loss=0\n", "loss=0.99]\n")
    assert named(whole)[-1] == ("valid_loss", 0.99, 5, None)
    assert named("[00:01<00:02] loss=0\nepoch 1 loss 0.5\n")[-1] == ("loss", 0.5, None, 1)


def test_fairseqs_train_folder_beside_train_inner_is_the_epochs(tmp_path: Path) -> None:
    # fairseq's --tensorboard-logdir: tb/train_inner (every --log-interval updates), tb/train
    # (each epoch's averages, the same tags) and tb/valid. The epoch's tags are train_<tag>,
    # as its printed "| train | epoch 001 | loss 6.355" is named (before: pooled with the
    # inner run's under "loss", 3 epoch averages then 10 interval values)
    tb = tmp_path / "tb"
    shutil.copytree(FAIRSEQ / "tb", tb)
    epoch = {o.name for path in (tb / "train").iterdir() for o in read_events(path)}
    inner = {o.name for path in (tb / "train_inner").iterdir() for o in read_events(path)}
    assert {"train_loss", "train_ppl", "train_lr"} <= epoch and "loss" not in epoch
    assert {"loss", "ppl", "lr"} <= inner
    # guard: a train folder alone keeps its tags (TensorFlow's logs/train beside logs/test)
    shutil.rmtree(tb / "train_inner")
    alone = {o.name for path in (tb / "train").iterdir() for o in read_events(path)}
    assert "loss" in alone and "train_loss" not in alone


def test_a_coefficient_or_an_interval_in_a_configuration_dump_is_a_setting() -> None:
    # Sample Factory's "Starting experiment with the following configuration:" lists its
    # arguments a line each; "value_loss_coeff=0.5" and "save_every_sec=600" sound like a
    # loss and a time, but a coefficient and "every" (how often) name settings (before:
    # each recorded as a one-value metric, the run's headline metric "value_loss_coeff")
    text = ("Starting experiment with the following configuration:\nhelp=False\nalgo=APPO\n"
            "gamma=0.99\nexploration_loss_coeff=0.003\nvalue_loss_coeff=0.5\n"
            "save_every_sec=600\nlearning_rate=0.0001\n"
            "Fps is (10 sec: 512.0). Total num frames: 4096. Avg episode reward: 20.5\n")
    assert {n for n, *_ in named(text)}.isdisjoint(
        {"exploration_loss_coeff", "value_loss_coeff", "save_every_sec"})

"""Round ``tune98`` (session 98). Each test of a rule fails on 2c012713 (this session's
start); the guards pin what must not change."""

from __future__ import annotations

from parsed import named


def test_a_best_models_block_at_its_step_repeats_values() -> None:
    # DeepXDE closes training with "Best model at step N:" over the best row's losses again;
    # the best step is not the run's step now (before: "test metric: [8.27e-02]" was a
    # second value of the table's Test_metric, at the best step, after the last row's)
    text = ("Step      Train loss    Test loss     Test metric   \n"
            "1000      [2.31e-03]    [9.19e-03]    [8.27e-02]    \n"
            "2000      [2.57e-03]    [9.14e-03]    [8.25e-02]    \n"
            "\n"
            "Best model at step 1000:\n"
            "  train loss: 2.31e-03\n"
            "  test loss: 9.19e-03\n"
            "  test metric: [8.27e-02]\n"
            "\n")
    found = named(text)
    assert [(n, v, s) for n, v, s, _ in found if n.lower() == "test_metric"] == [
        ("Test_metric", 0.0827, 1000), ("Test_metric", 0.0825, 2000)]
    assert {n.lower() for n, *_ in found} == {"train_loss", "test_loss", "test_metric"}


def test_the_generations_own_best_is_a_series() -> None:
    # EvoTorch's StdOutLogger: "pop_best_eval" is this generation's best, a new value each
    # generation; "best_eval" the best so far (before: both read as a running best)
    block = ("         iter : {}\n    mean_eval : {}\npop_best_eval : {}\n"
             "    best_eval : {}\n   worst_eval : 145.02822875976562\n\n")
    text = block.format(1, 107.4777, 74.2292, 74.2292) \
        + block.format(2, 115.7614, 99.5552, 74.2292) + block.format(3, 93.2202, 56.3369, 56.3369)
    found = named(text)
    assert [(v, s) for n, v, s, _ in found if n == "pop_best_eval"] == [
        (74.2292, 1), (99.5552, 2), (56.3369, 3)]
    assert "best_eval" not in {n for n, *_ in found}


def test_a_lightning_bars_padded_value_is_the_checkpoints_rounded() -> None:
    # Lightning pads tqdm's ".3g" to five characters ("3.350" of 3.35074): its
    # ModelCheckpoint line "reached 3.35074" at the same epoch is that value again (before:
    # read as its third decimal, a second val_loss an epoch; losses under 1 were fine)
    text = ("\rEpoch 0: |          | 8/? [00:00<00:00, 40.08it/s, v_num=0, val_loss=3.350, "
            "train_loss=3.180]Epoch 0, global step 8: 'val_loss' reached 3.35074 (best "
            "3.35074), saving model to 'lightning_logs/version_0/checkpoints/x.ckpt' as top 1\n"
            "\rEpoch 1: |          | 8/? [00:00<00:00, 49.94it/s, v_num=0, val_loss=3.080, "
            "train_loss=2.900]Epoch 1, global step 16: 'val_loss' reached 3.07519 (best "
            "3.07519), saving model to 'lightning_logs/version_0/checkpoints/y.ckpt' as top 1\n")
    found = named(text)
    assert [(v, e) for n, v, _, e in found if n == "val_loss"] == [(3.35, 0), (3.08, 1)]


CRFSUITE = """\
Feature generation
type: CRF1d
Number of features: 429
Seconds required: 0.001

Iter 1   time=0.00  loss=1562.98  active=428   precision=0.129  recall=0.200  F1=0.157  \
Acc(item/seq)=0.647 0.000  feature_norm=1.00
Iter 2   time=0.00  loss=1207.24  active=418   precision=0.129  recall=0.200  F1=0.157  \
Acc(item/seq)=0.647 0.000  feature_norm=1.94
L-BFGS terminated with the maximum number of iterations
Total seconds required for training: 0.030

Storing the model
Number of active features: 336 (429)
Performance on training set: 0.9954870609388043
Performance on test set: 0.9846267903662592
"""


def test_crfsuites_iteration_line_and_closing_phrases() -> None:
    # sklearn-crfsuite's verbose trainer: "Acc(item/seq)=0.647 0.000" is two values, named
    # by the pair in parentheses (before: one series "Acc(item/seq)", the sequence accuracy
    # lost); "active=" counts the active features; "Total seconds required for training" is
    # a duration named by its phrase (before: "training"); a "Performance on ... set" is a
    # score (before: nothing)
    found = named(CRFSUITE)
    got = {n: [v for m, v, *_ in found if m == n] for n, *_ in found}
    assert got["Acc_item"] == [0.647, 0.647] and got["Acc_seq"] == [0.0, 0.0]
    assert got["F1"] == [0.157, 0.157] and got["feature_norm"] == [1.0, 1.94]
    assert got["Total_seconds_required_for_training"] == [0.03]
    assert got["Performance_on_training_set"] == [0.9954870609388043]
    assert got["Performance_on_test_set"] == [0.9846267903662592]
    assert not {"active", "Acc(item/seq)", "training"} & set(got)


def test_crfsuites_iteration_blocks_time_phrase() -> None:
    # python-crfsuite's own log: "Seconds required for this iteration: 0.006" a block
    text = "".join(f"***** Iteration #{i} *****\nLoss: {100 - i}.5\nFeature norm: {i}.25\n"
                   f"Seconds required for this iteration: 0.00{i}\n\n" for i in range(1, 4))
    found = named(text)
    assert [(v, s) for n, v, s, _ in found if n == "Seconds_required_for_this_iteration"] == [
        (0.001, 1), (0.002, 2), (0.003, 3)]


def test_a_record_with_its_date_first_over_a_bar_is_no_render() -> None:
    # tqdm.write clears the bar and MushroomRL's Logger prints its record on the bar's line
    # ("%d/%m/%Y %H:%M:%S"): the record is a line of its own, each value counts even when it
    # repeats (before: "06/12" read as a bar's count, an unchanged R dropped as a redraw)
    text = "".join(f"\r  0%|          | 0/5 [00:00<?, ?it/s]\x1b[A\n"
                   f"\r                                     \x1b[A06/12/2026 20:08:4{i} [INFO] "
                   f"Epoch {i} | J: -0.{7 - i}917 R: -1.0\n" for i in range(1, 4))
    found = named(text)
    assert [(v, e) for n, v, _, e in found if n == "R"] == [(-1.0, 1), (-1.0, 2), (-1.0, 3)]


def test_a_dict_printed_twice_at_its_own_epoch_is_one_report() -> None:
    # Ray Train V2 copies a worker's print to its log and to stdout: the same dict, its
    # epoch inside it, twice in a row (before: each epoch's values twice; a line whose own
    # epoch is its only counter had no report span to compare)
    line = ("\x1b[36m(RayTrainWorker pid=28653)\x1b[0m {{'loss': {}, 'val_loss': {}, "
            "'val_acc': 0.84375, 'epoch': {}}}\n")
    text = line.format(0.5788985, 0.5449521, 0) + line.format(0.4867159, 0.4442327, 1) * 2
    found = named(text)
    assert [(v, e) for n, v, _, e in found if n == "loss"] == [(0.5788985, 0), (0.4867159, 1)]

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


def test_a_double_angle_bracket_separates_a_name_from_its_value() -> None:
    """deformableLKA's skin-lesion notebook: ``Epoch>> 43 and itteration 91 Loss>> 0.063``,
    then ``validation on epoch>> 43 dice loss>> 0.134``: ``>>`` is its ``:``, and the
    validation line's phrase is its phase."""
    text = "".join(f" Epoch>> {e} and itteration 1 Loss>> 0.{e}\nval_mode\n"
                   f" validation on epoch>> {e} dice loss>> 0.1{e}\n" for e in (3, 4))
    assert named(text) == [("Loss", 0.3, None, 3), ("validation_dice_loss", 0.13, None, 3),
                           ("Loss", 0.4, None, 4), ("validation_dice_loss", 0.14, None, 4)]
    # guard: only ">>" glued to its name separates; a spaced arrow is decoration
    assert named("train >> 0.3\nepoch 1 loss 0.5\n") == [("loss", 0.5, None, 1)]


def test_a_phase_after_a_statistics_word_is_the_lines_phase() -> None:
    """DeepLabv2's ``Epoch1 Avg. Training Loss: 0.79, mIoU: 0.36`` and ``Avg. Validation
    Loss: 0.58, mIoU: 0.43``: the mIoU after each is its phase's; one ``mIoU`` series
    mixed the two."""
    text = ("Epoch1 Avg. Training Loss: 0.79, mIoU: 0.36\n"
            "Avg. Validation Loss: 0.58, mIoU: 0.43\n"
            "Epoch2 Avg. Training Loss: 0.39, mIoU: 0.51\n")
    got = [(n, v, e) for n, v, _, e in named(text)]
    assert ("training_mIoU", 0.51, 2) in got and ("validation_mIoU", 0.43, 1) in got
    assert not any(n == "mIoU" for n, *_ in got)
    assert ("Avg_Validation_Loss", 0.58, 1) in got
    assert ("train_acc", 0.3, None, None) in named("Average train loss: 0.5, acc: 0.3\n")
    # guard: a statistic of no phase labels nothing ("Avg loss: 0.5, acc: 0.3")
    assert ("acc", 0.3, None, None) in named("Avg loss: 0.5, acc: 0.3\n")


def test_error_is_a_measure_and_only_the_capitals_level_is_not() -> None:
    """t-SNE's ``Iteration 50: error = 115.9``, a from-scratch CNN's ``error=[0.3085]``,
    TrAdaBoost's ``Iteration 0 - Error: 0.5000``: the error a run reports. A log
    record's ``ERROR`` is its level."""
    text = "".join(f"Epoch: {i}/20, error=[0.{9 - i}], time=30.{i} seconds\n"
                   for i in range(1, 4))
    assert ("error", 0.6, None, 3) in named(text)
    assert ("Error", 0.4, 1, None) in named("Iteration 0 - Error: 0.5000\n"
                                            "Iteration 1 - Error: 0.4\n")
    # guard: the level stays no name
    assert named("ERROR: 3\nepoch 1 loss 0.5\n") == [("loss", 0.5, None, 1)]


def test_a_phase_label_with_its_epoch_in_parentheses_names_the_values() -> None:
    """``Train set (epoch 0): Average loss: 1.6868, Accuracy: 18881/50000 (37.76%)`` then
    ``Test set (epoch 0): ...`` (the PyTorch MNIST example's line with its epoch): each
    set's values, not one series of both."""
    text = "".join(f"Train set (epoch {e}): Average loss: 1.{e}, Accuracy: 300/500 (60.00%)\n"
                   f"Test set (epoch {e}): Average loss: 2.{e}, Accuracy: 50/100 (50.00%)\n"
                   for e in (0, 1))
    got = {(n, v, e) for n, v, _, e in named(text)}
    assert {("train_average_loss", 1.1, 1), ("test_average_loss", 2.1, 1),
            ("train_accuracy", 60.0, 1), ("test_accuracy", 50.0, 1)} <= got
    assert not any(n in ("Average_loss", "Accuracy") for n, *_ in got)
    # guard: a phase's own step in parentheses, with no data set, labels nothing (as the
    # Tensor2Tensor sets name "Validation (step 250000): loss = 1.67542, ...": loss)
    assert named("Validation (step 250000): loss = 1.67542, global_step = 248002\n") == [
        ("loss", 1.67542, 248002, None)]



def test_a_bar_that_counts_the_epochs_records_every_render() -> None:
    """scvi-tools (CPA) draws one bar over the epochs, ``Epoch 40/2000:   2%| | 39/2000
    [..., r2_mean=0.931]``: each render is an epoch's values, and one equal to the last
    render's is still that epoch's (it was dropped as a bar's repeat)."""
    renders = [(35, 0.931, 1.01), (40, 0.931, 2.0), (45, 0.932, 2.0)]
    text = "".join(f"Epoch {e}/2000:   2%|▏         | {e - 1}/2000 [01:00<52:10,  1.59s/it, "
                   f"v_num=1, r2_mean={r}, adv_loss={a}]\n" for e, r, a in renders)
    got = [(n, v, e) for n, v, _, e in named(text) if n in ("r2_mean", "adv_loss")]
    assert got == [("r2_mean", 0.931, 35), ("adv_loss", 1.01, 35), ("r2_mean", 0.931, 40),
                   ("adv_loss", 2.0, 40), ("r2_mean", 0.932, 45), ("adv_loss", 2.0, 45)]
    # guard: a bar over an epoch's batches still repeats the values it showed
    # (Lightning's bar shows the last validation's val_loss again at each render)
    batches = "".join(f"Epoch {e}/10: {p}%|███| {b}/50 [00:01<00:00, v_num=1, val_loss=0.4]\n"
                      for e, p, b in ((3, 90, 45), (4, 50, 25)))
    assert [n for n, *_ in named(batches)].count("val_loss") == 1


def test_a_phase_or_stage_index_is_no_metric() -> None:
    """TACTiS prints ``Phase: 1`` before its first phase's epochs and ``Phase: 2`` before
    the second's; AlphaZero forks a ``Phase`` too: an index, not a measure."""
    text = ("Phase: 1\nEpoch: 0 Average Loss: 23.6\nEpoch: 1 Average Loss: 22.7\n"
            "Phase: 2\nEpoch: 0 Average Loss: 20.1\n")
    assert {n for n, *_ in named(text)} == {"Average_Loss"}
    assert {n for n, *_ in named("stage: 2\nstep 1 loss 0.5\nstage: 3\nstep 2 loss 0.4\n")} \
        == {"loss"}


def test_an_all_row_under_the_next_epochs_header_is_read_with_the_evaluation_header() -> None:
    """YOLOv7 in ``nohup``: the evaluation's bar (its header ``Class Images Labels P R
    mAP@.5 mAP@.5:.95``) goes to stderr, the ``all`` row to stdout, which the file buffers:
    the row lands under the next epoch's ``Epoch gpu_mem box ...`` header and was lost."""
    train = "     Epoch   gpu_mem       box       obj       cls     total    labels  img_size\n"
    val = ("\r               Class      Images      Labels           P           R      mAP@.5"
           "  mAP@.5:.95: 100%|##########| 7/7 [00:08<00:00,  1.16s/it]\n\n")
    text = ""
    for epoch, p in ((0, "0.00955"), (1, "0.00714")):
        text += (f"\r     {epoch}/299     1.81G   0.06945   0.03649         0    0.1059        37"
                 f"       640: 100%|##########| 38/38 [00:16<00:00,  2.29it/s]\n" + val + train
                 + f"                 all         195         882     {p}       0.359"
                   "     0.00496    0.000785\n"
                 + "              person         195         500        0.51        0.32"
                   "        0.21        0.11\n")
    got = [(n, v) for n, v, *_ in named(train + text)]
    assert [v for n, v in got if n == "P"] == [0.00955, 0.00714]
    assert ("mAP@.5:.95", 0.000785) in got
    # the counts and the class rows stay no metrics
    assert not any(n in ("Images", "Labels", "img_size") for n, _ in got)


def test_a_phases_colon_opens_the_words_of_the_name_after_it() -> None:
    """pyGAT's ``GAT training: time elapsed= 0.63 [s] | epoch=1 | val acc=0.126`` and
    ``GAT validation: time elapsed= 6.49 [s] | ...``: each phase's time elapsed; the name
    lost its first word (``training_elapsed``)."""
    text = ("GAT training: time elapsed= 0.47 [s] | epoch=1 | batch=1 | train micro-F1=0.39\n"
            "GAT validation: time elapsed= 6.49 [s] | epoch=1 | batch=1 | val micro-F1=0.46\n")
    got = {n for n, *_ in named(text)}
    assert {"training_time_elapsed", "validation_time_elapsed"} <= got
    # guard: another label's colon opens no name's words (the PyTorch MNIST example's
    # "Test set: Average loss" stays test_loss; Lightning's "v_num: jba0 train/loss_step")
    assert ("test_loss", 0.0444, None, None) in named(
        "Test set: Average loss: 0.0444, Accuracy: 9911/10000 (99%)\n")

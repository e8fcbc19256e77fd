"""Round ``tune17`` (session 25: the tuning sets up to AL, and sets AM to AO once measured
unseen). Each test fails on the parser before the round (50e21d5)."""

from __future__ import annotations

from parsed import names as _names
from parsed import obs as _obs


def test_open_clip_times_are_named_and_never_the_step() -> None:
    # open_clip's train loop: "Batch (t)" is the batch's time, not a batch index; the step
    # is the samples counter in brackets
    text = "".join(
        f"2023-06-29,15:4{i}:36 | INFO | Train Epoch: 0 [ {i}464/109468 (3%)] Loss: 0.9{i} "
        f"(1.023) Data (t): 0.15{i} Batch (t): 0.55{i}, 36.08{i}/s LR: 0.000001 "
        f"Logit Scale: 99.99{i} - V4\n" for i in (1, 2))
    got = [(o.name, o.value, o.step, o.epoch) for o in _obs(text)]
    assert ("Batch_(t)", 0.552, 2464, 0) in got
    assert ("Data_(t)", 0.152, 2464, 0) in got
    assert {o.step for o in _obs(text)} == {1464, 2464}
    # a unit in parentheses is part of the name since round tune20 (12 held-out names of
    # 14 keep it: "elapsed time per iteration (ms)", "Speed (samples/sec)")
    assert _names("Epoch 1 time (s): 12.5 loss 0.3\n") == {"time_(s)", "loss"}


def test_a_fraction_under_a_step_key_is_not_the_step() -> None:
    # fairseq's train_inner dicts: "update" is the epoch's progress (2.689), num_updates the step
    text = ('{"epoch": 3, "update": 2.689, "loss": "1773.53", "num_updates": "481"}\n'
            '{"epoch": 3, "update": 2.694, "loss": "1816.9", "num_updates": "482"}\n')
    got = [(o.name, o.value, o.step, o.epoch) for o in _obs(text)]
    assert got == [("loss", 1773.53, 481, 3), ("loss", 1816.9, 482, 3)]
    text = text.replace(', "num_updates": "481"', "").replace(', "num_updates": "482"', "")
    assert [(o.step, o.epoch) for o in _obs(text)] == [(None, 3), (None, 3)]


def test_a_noun_before_the_next_value_names_it() -> None:
    # "Time: 0.15 loss 0.31": "loss" names the next value; it is not what 0.15 counts
    text = "".join(f"Epoch {e} Time: 0.15{e} loss 0.3{e}\n" for e in (1, 2))
    assert [(o.name, o.value, o.epoch) for o in _obs(text)] == [
        ("Time", 0.151, 1), ("loss", 0.31, 1), ("Time", 0.152, 2), ("loss", 0.32, 2)]
    # a count still is one: "283 layers," counts layers
    assert _names("Summary: 283 layers, 5 heads\n") == set()


def test_an_unnamed_index_after_the_epoch_bracket_is_the_iteration() -> None:
    # SwAV's logger: "Epoch: [E][I]" with no total
    text = "".join(f"INFO - 09/03/20 02:2{i}:35 - 8:15:07 - Epoch: [386][{i}0]\tTime 2.3{i} "
                   f"(2.319)\tLoss 2.11{i} (2.1135)\tLr: 0.0006\n" for i in (0, 5))
    assert [(o.name, o.step, o.epoch) for o in _obs(text)][-3:] == [
        ("Time", 50, 386), ("Loss", 50, 386), ("Lr", 50, 386)]
    # mmdet's validation block "Epoch(val) [1][625]" counts the val loop's batches
    text = "2020-11-11 21:44:02,551 - mmdet - INFO - Epoch(val) [1][625]\tbbox_mAP: 0.2130\n"
    assert [(o.name, o.step, o.epoch) for o in _obs(text)] == [("bbox_mAP", None, 1)]


def test_conlleval_per_type_rows_are_not_the_overall_figures() -> None:
    # conlleval (the CoNLL NER scorer): the overall line, then a row per entity type
    text = ("accuracy:  98.73%; precision:  92.13%; recall:  92.14%; FB1:  92.13\n"
            "              LOC: precision:  94.52%; recall:  95.10%; FB1:  94.81  1848\n"
            "2020-02-11 05:33:17,264 - train.log - INFO -              PER: precision:  "
            "95.12%; recall:  96.20%; FB1:  95.66  1853\n")
    assert [(o.name, o.value) for o in _obs(text)] == [
        ("accuracy", 98.73), ("precision", 92.13), ("recall", 92.14), ("FB1", 92.13)]
    # a log level or a phase label in capitals is no entity type
    assert _names("2020-02-11 05:33:17 -  INFO: loss: 0.3\n") == {"loss"}
    assert _names("   TRAIN: loss: 0.3 acc: 0.9\n") == {"train_loss", "train_acc"}
    assert _names("    MAE: train: 0.3 val: 0.4\n")  # a metric's phases, not a type's row


def test_an_epoch_summary_that_repeats_its_last_batch_is_one_observation() -> None:
    # DINO/DeiT's MetricLogger: "Averaged stats" prints the meters' medians again, which
    # after the epoch's last batch are that batch's figures
    text = ("Epoch: [27]  [780/782]  eta: 0:00:00  lr: 0.000415  loss: 2.569789 (2.590503)  "
            "time: 0.170230  data: 0.000246  max mem: 997\n"
            "Epoch: [27]  [781/782]  eta: 0:00:00  lr: 0.000415  loss: 2.557741 (2.590264)  "
            "time: 0.163908  data: 0.000151  max mem: 997\n"
            "Epoch: [27] Total time: 0:02:15 (0.173881 s / it)\n"
            "Averaged stats: lr: 0.000415  loss: 2.557741 (2.590264)\n")
    assert [(o.value, o.step, o.epoch) for o in _obs(text) if o.name == "loss"] == [
        (2.569789, 780, 27), (2.557741, 781, 27)]
    # a summary with a value of its own reports anew
    changed = text.replace("Averaged stats: lr: 0.000415  loss: 2.557741",
                           "Averaged stats: lr: 0.000415  loss: 2.581000")
    assert [(o.value, o.step) for o in _obs(changed) if o.name == "loss"][-1] == (2.581, None)


def test_a_phase_bar_counting_epochs_gives_the_epoch() -> None:
    # SCRFD's tqdm bars: "Train  E/N:" is the epoch, the bar's count the epoch's batches
    text = "".join(f"Train     {e}/30: 100%|██████████| 805/805 [09:11<00:00,  1.46it/s, "
                   f"cls_QFL=0.128{e}, Total=0.220{e}, gpu_mem=7.01Gb]\n" for e in (0, 1))
    assert [(o.name, o.value, o.step, o.epoch) for o in _obs(text)][-3:] == [
        ("cls_QFL", 0.1281, None, 1), ("Total", 0.2201, None, 1), ("gpu_mem", 7.01, None, 1)]
    val = "Val 2/30: 100%|##########| 40/40 [00:09<00:00,  4.1it/s, loss=0.31]\n"
    assert [(o.name, o.epoch) for o in _obs(val)] == [("val_loss", 2)]
    # a phase's count with no bar is no epoch; a whole "total" is a count, not a loss
    assert [(o.name, o.epoch) for o in _obs("Train 3/805: loss 0.5\n")] == [("loss", None)]
    assert _names("epoch 1 total: 45 loss: 0.3\n") == {"loss"}


def test_numbers_in_a_checkpoint_file_name_are_not_reports() -> None:
    # Lightning's ModelCheckpoint: the file name repeats the epoch, step and value
    text = ("Epoch 7, global step 8: 'val_loss' reached 0.10318 (best 0.10318), saving model "
            "to 'checkpoints/epoch=7-step=8-val_loss=0.1032-v1.ckpt' as top 8\n"
            "Saving model to runs/exp/epoch=9-step=10-val_acc=0.91.ckpt\n")
    assert [(o.name, o.value, o.step, o.epoch) for o in _obs(text)] == [
        ("val_loss", 0.10318, 8, 7)]
    # a name with a slash and no file's extension is still a metric's
    assert _names("step 5 train/loss=0.52 val/acc=0.9\n") == {"train/loss", "val/acc"}

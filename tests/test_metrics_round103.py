"""Round ``tune103`` (session 103). Each test of a rule fails on 07c73f22 (this session's
start); the guards pin what must not change."""

from __future__ import annotations

from pathlib import Path

from parsed import named

from exptrack.metrics import parse_text

ZOO = Path(__file__).parent / "data" / "zoo"

# Spinning Up's EpochLogger (openai/spinningup 0.2.0, PPO): a box table an epoch
SPINUP = """---------------------------------------
|             Epoch |               0 |
|      AverageEpRet |            18.7 |
| TotalEnvInteracts |             400 |
|            LossPi |        5.66e-08 |
---------------------------------------
---------------------------------------
|             Epoch |               1 |
|      AverageEpRet |            23.4 |
| TotalEnvInteracts |             800 |
|            LossPi |       -1.03e-08 |
---------------------------------------
"""


def test_spinning_ups_table_keys_its_epoch_and_its_environment_steps() -> None:
    # "Epoch" and "TotalEnvInteracts" are where the run is, no metrics
    assert named(SPINUP) == [
        ("AverageEpRet", 18.7, 400, 0), ("LossPi", 5.66e-08, 400, 0),
        ("AverageEpRet", 23.4, 800, 1), ("LossPi", -1.03e-08, 800, 1)]


def test_a_box_tables_group_epoch_still_keys_it_without_a_step() -> None:
    # imitation's BC ("bc/epoch"): unchanged
    assert named("-------------------\n| bc/          |   |\n|    epoch     | 2 |\n"
                 "|    loss      | 0.5 |\n-------------------\n") == [("bc/loss", 0.5, None, 2)]


# PaddleClas 2.6 (tools/train.py): its scheduler's class name glued to "lr"
PADDLECLAS = (
    "[2026/12/07 09:15:49] ppcls INFO: [Train][Epoch 1/3][Iter: 0/8]lr(LinearWarmup): "
    "0.00416667, top1: 0.00000, top5: 1.00000, CELoss: 1.38711, loss: 1.38711, "
    "batch_cost: 0.51263s, reader_cost: 0.03518, ips: 15.60584 samples/s, eta: 0:00:12\n")


def test_a_schedulers_class_name_glued_to_lr_is_part_of_its_name() -> None:
    found = named(PADDLECLAS)
    assert ("lr(LinearWarmup)", 0.00416667, 0, 1) in found
    assert named(PADDLECLAS.replace("LinearWarmup", "CosineAnnealingDecay"))[0] == (
        "lr(CosineAnnealingDecay)", 0.00416667, 0, 1)


def test_a_guard_a_short_unit_glued_to_a_name_stays_as_it_was() -> None:
    assert named("step 3: bch(ms): 12.5 loss: 0.4\n") == [("bch(ms)", 12.5, 3, None),
                                                         ("loss", 0.4, 3, None)]


def test_a_value_printed_with_all_its_zeros_is_no_rounding_of_another() -> None:
    # PaddleClas' evaluation: a batch's running mean 48.00000, then the epoch's mean
    # 48.00146: another value, not the batch's printed to four digits again
    lines = (
        "[Eval][Epoch 3][Iter: 0/4]CELoss: 48.00585, loss: 48.00585, top1: 0.25000\n"
        "[Eval][Epoch 3][Iter: 2/4]CELoss: 48.00000, loss: 48.00000, top1: 0.25000\n"
        "[Eval][Epoch 3][Avg]CELoss: 48.00146, loss: 48.00146, top1: 0.25000\n")
    assert [v for n, v, _, _ in named(lines) if n == "eval_CELoss"] == [
        48.00585, 48.0, 48.00146]


def test_the_data_sets_statistics_under_their_heading_are_no_metrics() -> None:
    # NequIP 0.19's stats manager, before training: the data's figures, no result of the run
    prefix = "[2026-12-07 09:14:12,430][nequip.data.stats_manager][INFO] - [rank: 0] "
    lines = "".join(prefix + line + "\n" for line in (
        "Computed data statistics:", "num_neighbors_mean: 3.1492537313432836",
        "per_atom_energy_mean: 2.2379079656936764", "forces_rms: 1.1524607203223447",
        "per_type_forces_rms_Cu: 1.119524380289448"))
    lines += ("[2026-12-07 09:14:13,798][nequip.scripts.train][INFO] - [rank: 0] "
              "Building model\nEpoch 1: val0_epoch/forces_rmse: 0.52\n")
    assert named(lines) == [("val0_epoch/forces_rmse", 0.52, None, 1)]
    assert named("Dataset statistics:\nforces_rms: 1.15\n") == []


def test_a_guard_a_results_heading_keeps_its_values() -> None:
    assert named("Test statistics:\nforces_rms: 1.15\n") == [("forces_rms", 1.15, None, None)]


def test_a_moment_in_a_records_metadata_is_no_metric() -> None:
    # orbax (under Dopamine 4.1.2): a checkpoint's metadata, its creation time in nanoseconds
    # ("'init_timestamp_nsecs': 1796634985696427146"), after the first iteration's lines
    data = (ZOO / "dopamine_dqn" / "pipe" / "output.log").read_bytes()
    found = {o.name for o in parse_text(data)}
    assert "Return" in found and not any("timestamp" in name for name in found)


def test_darknets_tables_counts_and_status_are_no_metrics() -> None:
    # AlexeyAB's Darknet 0.2.5.7 (YOLOv3-tiny, 30 iterations): its network's table as the
    # model loads ("   0 conv     16       3 x 3/ 1 ... 0.008 BF", printed twice), the boxes
    # loaded ("total_bbox = 109, rewritten_bbox = 1.83 %"), and the status written before each
    # iteration's line ("\x1b[H\x1b[J1/30: loss=47.2 hours left=-1.0\x07": its loss rounded)
    data = (ZOO / "darknet_train" / "pty" / "output.log").read_bytes()
    found = parse_text(data)
    names = {o.name for o in found}
    assert not names & {"conv", "route", "max", "total_bbox", "rewritten_bbox"}, names
    losses = [o for o in found if o.name == "loss"]
    assert [o.step for o in losses] == list(range(1, 31))
    assert losses[0].value == 54.896145  # the iteration's line's, not the status' 54.9


# YOLOv6's epoch bar (meituan/YOLOv6 0.4.0-44, tools/train.py): the epoch, the learning rate,
# then the epoch's running mean losses, redrawn each batch
YOLOV6 = (
    "     Epoch        lr  iou_loss  dfl_loss  cls_loss\n"
    "\r       0/2      0.005     1.909         0     1.186:  33%|###3      | 1/3 [00:02<00:04]"
    "\r       0/2      0.005     1.747         0     1.374: 100%|##########| 3/3 [00:04<00:00]\n"
    "\r       1/2      0.005     1.715         0     1.612:  33%|###3      | 1/3 [00:02<00:04]"
    "\r       1/2      0.005     1.616         0     1.634: 100%|##########| 3/3 [00:04<00:00]\n")


def test_yolov6s_bar_counts_its_last_render_an_epoch() -> None:
    found = named(YOLOV6)
    assert [(v, e) for n, v, _, e in found if n == "iou_loss"] == [(1.747, 0), (1.616, 1)]
    assert [(v, e) for n, v, _, e in found if n == "dfl_loss"] == [(0.0, 0), (0.0, 1)]


def test_a_total_of_flops_in_any_spelling_is_a_count() -> None:
    # PaddleSeg's closing paddle.flops line
    assert named("Total Flops: 153419008     Total Params: 12251410\n") == []

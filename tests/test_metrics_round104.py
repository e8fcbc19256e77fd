"""Round ``tune104`` (session 104). Each test of a rule fails on 60cb9ecc (this session's
start); the guards pin what must not change."""

from __future__ import annotations

import sys
from pathlib import Path

from conftest import track, track_json
from parsed import named

from exptrack.metrics import files

ZOO = Path(__file__).parent / "data" / "zoo"
DETR_LOG = ZOO / "detr_train" / "pipe" / "files" / "out" / "log.txt"

# ESPnet 202511's trainer (espnet2/train/reporter.py): a pair glued to the next one, no ", "
ESPNET = ("[vm] 2026-12-07 10:17:05,992 (trainer:811) INFO: 1epoch:train:1-5batch: "
          "iter_time=0.002, forward_time=0.009, loss_ctc=30.755, loss_att=15.008, "
          "acc=0.052loss=19.732, backward_time=0.004, grad_norm=36.321, clip=100.000, "
          "loss_scale=1.000optim_step_time=0.003, optim0_lr0=8.000e-04, train_time=0.021\n")


def test_a_pair_glued_to_the_next_pair_is_two_pairs() -> None:
    found = {name: value for name, value, _, _ in named(ESPNET)}
    assert found["train_acc"] == 0.052 and found["train_loss"] == 19.732
    assert found["train_loss_scale"] == 1.0 and found["train_optim_step_time"] == 0.003
    assert len(found) == 13
    assert [n for n, *_ in named("step 4: loss=0.5mse=0.3\n")] == ["loss", "mse"]


def test_a_guard_letters_after_a_number_stay_its_unit() -> None:
    # a unit glued to a value, then a colon: no pair glued ("Time 123.45s : 12.3")
    assert named("step 4: loss=0.5ms, acc=0.9\n") == [("loss", 0.5, 4, None),
                                                     ("acc", 0.9, 4, None)]


# ESPnet's epoch results: "[train]" labels its section; its "time" is the epoch's wall time
ESPNET_RESULTS = (
    "[vm] 2026-12-07 10:17:07,596 (trainer:394) INFO: 1epoch results: [train] "
    "iter_time=0.003, loss=17.246, train_time=0.025, time=0.26 seconds, total_count=10, "
    "[valid] loss=14.052, time=0.04 seconds, total_count=2\n")


def test_a_name_printed_as_it_is_wins_over_a_labels_phase_and_a_word() -> None:
    assert named(ESPNET_RESULTS) == [
        ("train_iter_time", 0.003, None, 1), ("train_loss", 17.246, None, 1),
        ("train_time", 0.025, None, 1), ("valid_loss", 14.052, None, 1),
        ("valid_time", 0.04, None, 1)]


def test_a_guard_a_name_twice_keeps_its_last_value() -> None:
    # lambeq's running "train/loss", then the epoch's: the last value, as before
    assert named("Epoch 3: train/loss: 0.5 train/acc: 0.7 train/loss: 0.4\n") == [
        ("train/acc", 0.7, None, 3), ("train/loss", 0.4, None, 3)]


def test_espnets_collect_stats_counter_and_its_estimate_are_no_metrics() -> None:
    # "Niter" counts collect_stats' batches; "Estimated time to finish" is an estimate
    assert named("[vm] 2026-12-07 10:16:54,143 (collect_stats:107) INFO: Niter: 5\n"
                 "[vm] 2026-12-07 10:16:54,155 (collect_stats:107) INFO: Niter: 10\n") == []
    assert named("[vm] 2026-12-07 10:17:09,200 (trainer:324) INFO: 2/3epoch started. "
                 "Estimated time to finish: 6.64 seconds\n") == []


def test_a_guard_a_time_to_a_goal_still_reads() -> None:
    assert named("Epoch 2: time to converge: 6.64\n") == [("time_to_converge", 6.64, None, 2)]


# CHGNet's Trainer (0.3: "Time (t)  Data (d)"; 0.4.2 prints the same summaries): a name's
# only value in parentheses right after it; a banner between rules names the next line's phase
CHGNET = (
    "Epoch: [0][12/12]\tTime (0.414)  Data (0.014)  Loss 0.0040 (0.0038)  MAEs:  "
    "e 0.054 (0.054)  f 0.005 (0.005)  \n"
    "*   e_MAE (0.028) \tf_MAE (0.006) \t\n"
    "---------Evaluate Model on Test Set---------------\n"
    "**  e_MAE (0.056) \tf_MAE (0.005) \t\n")


def test_a_names_only_value_in_parentheses_is_its_value() -> None:
    found = [(name, value) for name, value, _, _ in named(CHGNET)]
    assert found == [("Time", 0.414), ("Data", 0.014), ("Loss", 0.004), ("MAEs_e", 0.054),
                     ("MAEs_f", 0.005), ("e_MAE", 0.028), ("f_MAE", 0.006),
                     ("test_e_MAE", 0.056), ("test_f_MAE", 0.005)]


def test_a_guard_a_value_in_parentheses_after_a_value_stays_a_remark() -> None:
    assert named("step 3: loss 6.95 (6.96) acc 0.5 (0.4)\n") == [
        ("loss", 6.95, 3, None), ("acc", 0.5, 3, None)]
    assert named("Epoch 2: loss 0.5 (took 2500 ms)\n") == [("loss", 0.5, None, 2)]


def test_a_fields_label_names_its_one_letter_keys() -> None:
    # CHGNet 0.4.2: "| MAE e 4.366(4.320)  f 0.869(0.751) ...": each key's MAE
    line = ("Epoch: [0][8/8] | Time (1.017)(0.019) | Loss 22.1361(22.4315) | MAE e 4.366(4.320)"
            "  f 0.869(0.751)  s 3.003(3.302)  m 0.087(0.171)  \n")
    assert [n for n, *_ in named(line)] == ["Time", "Loss", "MAE_e", "MAE_f", "MAE_s", "MAE_m"]


def test_a_guard_a_one_letter_key_after_another_name_stays_bare() -> None:
    assert [n for n, *_ in named("step 2 | loss 0.5  q 0.3  r 0.2\n")] == ["loss", "q", "r"]
    assert [n for n, *_ in named("step 2 | MAE e 0.5  loss 0.4  f 0.2\n")] == [
        "MAE_e", "loss", "f"]


def test_detrs_log_txt_is_a_metric_file() -> None:
    data = DETR_LOG.read_bytes()
    assert files.kind_of("log.txt", data[:4096]) == files.FAIR_LOG
    assert files.kind_of("log.txt", b"epoch 1 loss 0.5\n") is None  # any other log.txt
    found = files.parse(files.FAIR_LOG, data)
    losses = [(o.value, o.epoch) for o in found if o.name == "train_loss"]
    assert [round(v, 6) for v, _ in losses] == [24.733771, 19.944716]
    assert [e for _, e in losses] == [0, 1]
    assert not {"epoch", "n_parameters", "test_coco_eval_bbox"} & {o.name for o in found}


# what DETR's main.py prints beside its log.txt: an epoch's training and test summaries
DETR_RUN = r"""
import json, os, sys
os.makedirs("out", exist_ok=True)
print("Averaged stats: lr: 0.000100  class_error: 100.00  loss: 25.1155 (24.7338)")
print("Test:  [0/1]  eta: 0:00:01  class_error: 100.00  loss: 22.8040 (22.8040)")
print("Averaged stats: class_error: 100.00  loss: 22.8040 (22.8040)")
with open("out/log.txt", "w") as f:
    f.write(json.dumps({"train_lr": 0.0001, "train_loss": 24.733771006266277,
                        "test_loss": 22.80398941040039, "epoch": 0,
                        "n_parameters": 41302368}) + "\n")
"""


def test_detrs_run_reads_its_log_txt(tmp_path: Path, track_home: Path) -> None:
    work = tmp_path / "work"
    work.mkdir()
    track("run", "--", sys.executable, "-c", DETR_RUN, cwd=work, check=True)
    metrics = track_json("show", "@")["metrics"]
    assert metrics["train_loss"]["last"] == 24.733771006266277
    assert metrics["test_loss"]["last"] == 22.80398941040039  # the file's, exact
    assert "n_parameters" not in metrics and "epoch" not in metrics

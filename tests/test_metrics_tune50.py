"""Round ``tune50`` (session 58): forms of held-out sets PI-QP once each was scored. Each
test of a rule fails on the parser before the round (8e13a10b); each guard fails on the
rule without its check (mutation-checked)."""

from __future__ import annotations

import sys
from pathlib import Path

from parsed import named, names

from exptrack.metrics import files

# pointMLP's Logger: a tab-separated table whose names have hyphens in them
HYPHEN_TABLE = ("Epoch\tLearning-Rate\tTrain-Loss\tValid-Loss\tValid-acc\t\n"
                "0\t0.009999\t2.770000\t2.568000\t16.759000\t\n"
                "1\t0.009998\t2.521000\t2.433000\t25.330000\t\n")

# scikit-learn's classification_report after a label, its classes 0.0 and 1.0
REPORT = ("Testing Accuracy 0.82266\n"
          "Report:               precision    recall  f1-score   support\n"
          "\n"
          "         0.0       0.66      0.49      0.56        94\n"
          "         1.0       0.86      0.92      0.89       312\n"
          "\n"
          "    accuracy                           0.82       406\n"
          "   macro avg       0.76      0.71      0.72       406\n")

RAY_TUNE = (
    "+--------------------------+------------+-------+--------+------------------+----------+\n"
    "| Trial name               | status     | loc   |   iter |   total time (s) |   reward |\n"
    "|--------------------------+------------+-------+--------+------------------+----------|\n"
    "| PPO_CartPole-v0_816b8e8a | TERMINATED |       |     25 |          392.778 |   136.79 |\n"
    "+--------------------------+------------+-------+--------+------------------+----------+\n")

RAY_TUNE_SEARCH = (
    "| Trial name   | status     | loc             |   w_decay |          lr |   eval_loss "
    "|   epoch |\n"
    "|--------------+------------+-----------------+-----------+-------------+-------------"
    "+---------|\n"
    "| _obj_00000   | TERMINATED | 172.17.0.2:6197 | 0.219598  | 7.00671e-05 |    0.824998 "
    "|       2 |\n"
    "| _obj_00001   | TERMINATED | 172.17.0.2:6197 | 0.0174251 | 5.66912e-05 |    1.02827  "
    "|       4 |\n")

SEGMENT_VAL = (
    "      Epoch    GPU_mem   box_loss   seg_loss   cls_loss   dfl_loss  Instances       Size\n"
    "       1/20      13.7G      1.034      2.053      1.682      1.323         72        640:"
    " 100% \u2501\u2501\u2501\u2501 50/50 2.1it/s 23.9s\n"
    "                 Class     Images  Instances      Box(P          R      mAP50  mAP50-95)"
    "     Mask(P          R      mAP50  mAP50-95): 100% \u2501\u2501\u2501\u2501 4/4 2.4it/s 1.7s\n"
    "                   all         60        142      0.617      0.468      0.521      0.333"
    "      0.605      0.455      0.497      0.291\n")


def test_a_table_of_hyphenated_names() -> None:
    """A hyphen inside a word (``Train-Loss``) starts no printed setting's key: the header
    is a table's, and its rows are the epochs' values."""
    found = named(HYPHEN_TABLE)
    assert ("Train-Loss", 2.521, None, 1) in found and ("Valid-acc", 25.33, None, 1) in found
    assert len(found) == 8


def test_a_key_after_a_digits_hyphen_still_opens_a_listing() -> None:
    """Guard: after a digit's hyphen (``7-class Accuracy``) a key still starts, so the
    block under ``Val metrics:`` stays one of keys and its section word names them all."""
    text = ("Epoch 15 - Val metrics:\n"
            "  MAE: 0.1129\n"
            "  Binary Accuracy: 0.9659\n"
            "  7-class Accuracy: 0.9735\n"
            "Epoch 15 - Train metrics:\n"
            "  MAE: 0.1170\n"
            "  Binary Accuracy: 0.9494\n"
            "  7-class Accuracy: 0.9679\n")
    found = names(text)
    assert {"val_MAE", "val_accuracy", "train_MAE", "train_accuracy"} <= found
    assert "Accuracy" not in found


def test_a_classification_report_is_no_table() -> None:
    """Guard: scikit-learn's report is per class; its header (``f1-score``: a key still
    starts after a digit's hyphen) makes no table of it; its ``accuracy`` row is one of the
    table's summary rows too (tune52: 27 held-out logs of 40 do not count it), so only the
    run's own line is read."""
    assert named(REPORT) == [("testing_accuracy", 0.82266, None, None)]


def test_a_loops_index_i_is_the_step() -> None:
    text = "i:1 loss: 2.079445 accuracy: 0.031250\ni:2 loss: 2.079467 accuracy: 0.000000\n"
    assert named(text)[-2:] == [("loss", 2.079467, 2, None), ("accuracy", 0.0, 2, None)]


def test_wav2letter_nupdates_is_the_step() -> None:
    text = ("epoch:        1 | nupdates:          112 | lr: 0.025000 | loss:    4.90623 | "
            "train-TER:  0.00\n")
    assert named(text) == [("lr", 0.025, 112, 1), ("loss", 4.90623, 112, 1),
                           ("train-TER", 0.0, 112, 1)]


def test_ray_tune_trial_table_rows() -> None:
    """A trial's row: its measured columns at its ``iter``/``epoch``; its running time, its
    status and its sampled settings (``w_decay``, ``lr``) are none."""
    assert named(RAY_TUNE) == [("reward", 136.79, 25, None)]
    assert named(RAY_TUNE_SEARCH) == [("eval_loss", 0.824998, None, 2),
                                      ("eval_loss", 1.02827, None, 4)]


def test_a_json_records_quoted_counter_is_its_step() -> None:
    """ms-swift's ``"global_step/max_steps": "8275/11043"``: the step, as in its printed
    dicts' single quotes."""
    text = ('{"loss": 1.394207, "acc": 0.63822227, "epoch": 0.74930955, '
            '"global_step/max_steps": "8275/11043", "percentage": "74.93%"}\n')
    assert named(text) == [("loss", 1.394207, 8275, 0.74930955),
                           ("acc", 0.63822227, 8275, 0.74930955)]


def test_a_quoted_string_of_numbers_is_still_no_value() -> None:
    """Guard: only a counter's string is read in a JSON record; another string's numbers
    ("1/3 done") are text."""
    text = '{"loss": 1.39, "step": 5, "note": "1/3 done", "ratio": "2/3"}\n'
    assert named(text) == [("loss", 1.39, 5, None)]


def test_opennmt_parts_parameter_counts() -> None:
    text = ("[2022-11-19 20:07:05,669 INFO] encoder: 26435584\n"
            "[2022-11-19 20:07:05,669 INFO] decoder: 37385840\n"
            "[2022-11-19 20:07:05,669 INFO] * number of parameters: 63821424\n")
    assert named(text) == []


def test_a_ranges_end_is_no_metric() -> None:
    """build-nanogpt resuming: "starting epoch 1 from step 0 until 19073"."""
    assert names("starting epoch 1 from step 0 until 19073\nstep 1 | loss: 3.2\n") == {
        "loss"}


def test_build_nanogpt_hella_lines() -> None:
    text = "19250 val 3.1425\n19250 hella 0.2976\n19251 train 3.118407\n"
    assert named(text) == [("val", 3.1425, 19250, None), ("hella", 0.2976, 19250, None),
                           ("train", 3.118407, 19251, None)]


def test_segmentation_box_columns_are_named_box() -> None:
    """A segmentation run's box columns beside its mask ones: ``box_P`` as ``mask_P``."""
    found = {n: v for n, v, *_ in named(SEGMENT_VAL)}
    assert found["box_P"] == 0.617 and found["box_mAP50-95"] == 0.333
    assert found["mask_P"] == 0.605 and "P" not in found


def test_detection_box_columns_stay_bare() -> None:
    """Guard: a detection run's only group of columns keeps the header's names."""
    text = SEGMENT_VAL.replace("seg_loss", "").replace(
        "     Mask(P          R      mAP50  mAP50-95)", "").replace(
        "      0.605      0.455      0.497      0.291", "")
    found = {n for n, *_ in named(text)}
    assert {"P", "R", "mAP50", "mAP50-95"} <= found and "box_P" not in found


def test_results_csv_of_a_segmentation_run_names_box_columns(tmp_path: Path) -> None:
    header = ("epoch,train/box_loss,metrics/precision(B),metrics/mAP50-95(B),"
              "metrics/precision(M)\n")
    data = (header + "1,1.5,0.61,0.33,0.6\n").encode()
    assert {o.name for o in files.parse(files.ULTRALYTICS, data)} == {
        "box_loss", "box_P", "box_mAP50-95", "mask_P"}
    detect = (header.replace(",metrics/precision(M)", "") + "1,1.5,0.61,0.33\n").encode()
    assert {o.name for o in files.parse(files.ULTRALYTICS, detect)} == {
        "box_loss", "P", "mAP50-95"}


def test_a_diverged_runs_lone_nan() -> None:
    """nnU-Net's "train_loss nan" once a run diverged: a lone name and its value, as its
    "train_loss -0.7657" is (the run's most telling value)."""
    text = ("2024-07-09 13:31:30.162810: Epoch 0\n"
            "2024-07-09 13:35:54.727426: train_loss nan\n"
            "2024-07-09 13:35:54.740389: val_loss -inf\n")
    assert [(n, str(v), s, e) for n, v, s, e in named(text)] == [
        ("train_loss", "nan", None, 0), ("val_loss", "-inf", None, 0)]


def test_a_lone_whole_number_is_still_no_metric() -> None:
    """Guard: a lone name and a whole number ("train_loss 3") stays a count's line."""
    assert named("2024-07-09 13:35:54.727426: train_loss 3\n") == []


def test_lighteval_results_table() -> None:
    """lighteval's table: the ``all`` row over every task is named by the metric alone; a
    task's row whose item reads as a key and a value (``lighteval:aime24:0``, its few-shot
    count) is still the table's row, not ``lighteval:aime24`` = 0."""
    text = ("|          Task          |Version|     Metric      |Value |   |Stderr|\n"
            "|------------------------|-------|-----------------|-----:|---|-----:|\n"
            "|all                     |       |pass@k_with_k    |0.1000|\u00b1  |0.0557|\n"
            "|                        |       |codegen_pass@1:16|0.0970|\u00b1  |0.0181|\n"
            "|lighteval:aime24:0      |       |pass@k_with_k    |0.1000|\u00b1  |0.0557|\n"
            "|lighteval:gpqa:diamond:0|       |pass@k_with_k    |0.3131|\u00b1  |0.0330|\n")
    assert [(n, v) for n, v, *_ in named(text)] == [
        ("pass@k_with_k", 0.1), ("codegen_pass@1:16", 0.097),
        ("lighteval:aime24:0/pass@k_with_k", 0.1),
        ("lighteval:gpqa:diamond:0/pass@k_with_k", 0.3131)]


if __name__ == "__main__":  # pragma: no cover
    sys.exit("run with pytest")

"""Round ``tune56`` (session 64): forms of held-out sets once each was scored (set XE's
Ultralytics benchmark tables first). Each test of a rule fails on the parser before the
round (7f6de519); each guard fails on the rule without its check (mutation-checked)."""

from __future__ import annotations

from parsed import named

_LEGEND = ("Benchmarks legend:  - ✅ Success  - ❎ Export passed but validation failed"
           "  - ❌️ Export failed\n")


def test_ultralytics_benchmark_table_columns_are_series_over_formats() -> None:
    """``model.benchmark()``'s pandas table: each column after ``Size (MB)`` is a series
    over the export formats, at no step; a failed format's ``NaN``/``-`` is no value, the
    size, index, format and status are not metrics."""
    text = ("Benchmarks complete for best.pt on coco8.yaml at imgsz=640 (240.43s)\n" + _LEGEND +
            "     Format Status❔  Size (MB)  metrics/mAP50-95(B)  Inference time (ms/im)     FPS\n"
            "0     PyTorch     ✅     49.6     0.8156     12.19   82.06\n"
            "1     TorchScript     ✅     99.1     0.7958     5.26  190.10\n"
            "3     OpenVINO     ❌     0.0     NaN     NaN     NaN\n"
            "4     TensorRT     ❌     0.0     -     -     -\n"
            "6   TensorFlow SavedModel     ✅     26.5     0.5077     373.39    2.68\n"
            "\n")
    assert named(text) == [
        ("metrics/mAP50-95(B)", 0.8156, None, None), ("Inference_time_(ms/im)", 12.19, None, None),
        ("FPS", 82.06, None, None),
        ("metrics/mAP50-95(B)", 0.7958, None, None), ("Inference_time_(ms/im)", 5.26, None, None),
        ("FPS", 190.1, None, None),
        ("metrics/mAP50-95(B)", 0.5077, None, None), ("Inference_time_(ms/im)", 373.39, None, None),
        ("FPS", 2.68, None, None)]


def test_ultralytics_benchmark_boxed_table_printed_twice_counts_once() -> None:
    """8.4 draws the table in a ``+---+`` box; a notebook that prints the returned table
    after the logger's copy shows the same rows again with no new ``Benchmarks complete``
    line: not new observations. A new benchmark's table is."""
    box = ("+------------------------------------------------------------+\n"
           "|   Format     Status  Size (MB)  metrics/mAP50-95(B)  Inference time (ms/im)  FPS  |\n"
           "+============================================================+\n"
           "| 1    PyTorch     18.3     0.6888     12.55     79.69  |\n"
           "| 4    OpenVINO     0.0     -     -     -     |\n"
           "| 14   NCNN     36.1     0.6854     124.27     8.05   |\n"
           "+------------------------------------------------------------+\n")
    done = "Benchmarks complete for best.pt on birds.yaml at imgsz=640 (59.65s)\n"
    once = named(done + box + "\n" + box)
    assert [v for n, v, _, _ in once if n == "FPS"] == [79.69, 8.05]
    twice = named(done + box + "\n" + done + box)
    assert [v for n, v, _, _ in twice if n == "FPS"] == [79.69, 8.05, 79.69, 8.05]


def test_ultralytics_classify_benchmark_without_fps_column() -> None:
    """8.0's table has no FPS column; a classifier's metric column is its top-1 accuracy."""
    text = ("Benchmarks complete for yolo11n-cls.pt on datasets at imgsz=224 (167.86s)\n"
            "  Format Status❔  Size (MB)  metrics/accuracy_top1  Inference time (ms/im)\n"
            "0   ONNX       ✅        6.0                 0.9991                    4.38\n")
    assert named(text) == [("metrics/accuracy_top1", 0.9991, None, None),
                           ("Inference_time_(ms/im)", 4.38, None, None)]


def test_sagemaker_job_footer_timings_are_metrics_of_no_step() -> None:
    """SageMaker's footer after "Training job completed": the job's durations are metrics
    (not a printed configuration's three settings), of no step of the run."""
    text = ("step 5 loss 0.3\n"
            "2023-01-23 18:41:59 Uploading - Uploading generated training model\n"
            "2023-01-23 18:41:59 Completed - Training job completed\n"
            "Training seconds: 718\nBillable seconds: 216\nManaged Spot Training savings: 69.9%\n")
    found = named(text)
    assert ("training_seconds", 718.0, None, None) in found
    assert ("Billable_seconds", 216.0, None, None) in found


def test_a_setting_in_seconds_stays_a_setting() -> None:
    """Guard: a block of durations that ran nothing ("timeout seconds") is configuration."""
    assert named("timeout seconds: 30\nsave interval seconds: 600\nwarmup steps: 100\n") == []


def test_a_semicolon_csv_header_with_a_unit_in_brackets() -> None:
    """A training script's CSV log whose header names a unit ("dt (s)") is still a header."""
    text = "Step;Train Loss;lr;dt (s)\n0;10.96;8.3e-07;21.6\n1;10.91;1.6e-06;0.38\n"
    assert named(text) == [("Train_Loss", 10.96, 0, None), ("lr", 8.3e-07, 0, None),
                           ("dt", 21.6, 0, None), ("Train_Loss", 10.91, 1, None),
                           ("lr", 1.6e-06, 1, None), ("dt", 0.38, 1, None)]


def test_depth_estimation_metrics_are_no_settings() -> None:
    """Depth estimation's AbsRel, Sq Rel and Delta1, printed once each after a validation,
    are metrics, not a block of settings."""
    text = ("Epoch [0/15] Validation Loss: 0.0195\n"
            "AbsRel  : 0.2101\nSq Rel  : 0.0421\nDelta1  : 0.7331\n")
    assert [n for n, _, _, _ in named(text)] == ["validation_loss", "AbsRel", "Sq_Rel", "Delta1"]


def test_a_two_word_key_before_a_spaced_colon() -> None:
    """A line's key of two words before " : " is judged whole ("Sq Rel : 0.04" is depth
    estimation's error); a setting's stays a setting."""
    assert named("Sq Rel : 0.0421\n") == [("Sq_Rel", 0.0421, None, None)]
    assert named("dropout rate : 0.1\n") == []
    # only the line's first two words: pfl-research's "Central DP | l2 norm bound  : 1.0" is
    # a setting ("norm" is a metric's word, but the key is not the line's start)
    assert named("    Central DP | l2 norm bound                        : 1.0\n") == []


def test_a_statistic_after_a_sentences_words() -> None:
    """"Epoch 0 finished with average loss: 0.56": the statistic and its metric name the
    value, not the sentence before them (which once dropped it whole)."""
    line = "Epoch: 0 finished with average loss: 0.5684, Accuracy: 0.6972\n"
    assert named(line) == [("average_loss", 0.5684, None, 0), ("Accuracy", 0.6972, None, 0)]


def test_a_trees_branch_names_the_phase_of_its_leaves() -> None:
    """SuperGradients' epoch summary is a tree: "├── Train" and "└── Validation" branches,
    each over its "│   ├── name = value" leaves; a branch is a heading of a phase."""
    text = ("SUMMARY OF EPOCH 0\n"
            "├── Train\n"
            "│   └── loss = 7.2083\n"
            "└── Validation\n"
            "    ├── loss = 5.1437\n"
            "    └── F1 = 0.1978\n")
    assert named(text) == [("train_loss", 7.2083, None, 0), ("validation_loss", 5.1437, None, 0),
                           ("validation_f1", 0.1978, None, 0)]


def test_a_name_ending_in_num_counts() -> None:
    """"micro_num=4", "correct_num: 812", "not_improved_num = 3": how many, not a measure;
    the loss beside it stays."""
    line = "step=10,loss=2.31,micro_num=4,correct_num=812,lr=1e-05\n"
    assert [n for n, _, _, _ in named(line)] == ["loss", "lr"]


def test_nemos_record_prefix_names_no_value() -> None:
    """NeMo's "[NeMo I 2025-06-18 21:57:04 nemo_logging:393] ": the source location in the
    record's prefix is no metric; the message's key is."""
    assert named("[NeMo W 2025-06-18 21:57:03 rerun_state_machine:1264] Implicit init\n") == []
    assert named("[NeMo I 2025-06-18 21:57:04 nemo_logging:393] train_loss: 1.2\n") == [
        ("train_loss", 1.2, None, None)]

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

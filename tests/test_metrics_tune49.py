"""Round ``tune49`` (session 57): forms read while held-out sets OK-OR were collected, and
the forms of those sets once they were scored. Each test of a rule fails on the parser
before the round (78a2f462); each guard fails on the rule without its check
(mutation-checked)."""

from __future__ import annotations

from parsed import named

ULTRALYTICS_DOWNLOAD = (
    "Downloading https://github.com/ultralytics/assets/releases/download/v8.3.0/yolov8s.pt"
    " to 'yolov8s.pt': 100% \u2501\u2501\u2501\u2501\u2501\u2501 21.5MB 105.4MB/s 0.2s\n"
    "Downloading https://ultralytics.com/assets/Arial.ttf to "
    "'/root/.config/Ultralytics/Arial.ttf': 100% \u2501\u2501\u2501\u2501 755.1KB 28.8MB/s 0.0s\n"
    "      Epoch    GPU_mem   box_loss   cls_loss   dfl_loss  Instances       Size\n"
    "       1/10      4.54G      2.479       3.06      2.566         40        640: 100% "
    "\u2501\u2501\u2501\u2501 10/10 2.8it/s 3.5s\n")


def test_a_downloads_file_is_no_metric() -> None:
    """Ultralytics on a fresh machine downloads its weights and font first: the bar's
    file (``'yolov8s.pt': 100%``) names a download, not a metric."""
    names = {n for n, *_ in named(ULTRALYTICS_DOWNLOAD)}
    assert names == {"GPU_mem", "box_loss", "cls_loss", "dfl_loss"}


def test_a_name_with_a_dot_is_still_a_name() -> None:
    """Guard: only a file's extension makes a name a file (``eval.rmse``, ``val.pt_acc``)."""
    assert [n for n, *_ in named("epoch 3 eval.rmse: 0.25 val.pt_acc: 0.5\n")] == [
        "eval.rmse", "val.pt_acc"]

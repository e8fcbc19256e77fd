"""Round ``tune25`` (session 33). Each test of a new form fails on the parser before the
round (dc98419); each guard fails on the round's rule without its check."""

from __future__ import annotations

import codecs
import json
from pathlib import Path

from conftest import py, track, track_json
from parsed import named, obs

from exptrack.metrics.parser import MetricParser

_LOG = "Epoch 1 loss=0.5 acc: 0.75\r\nEpoch 2 loss=0.25 acc: 0.875\r\n"


def _summary(done_stdout: bytes) -> dict[str, tuple[float, int]]:
    metrics = json.loads(done_stdout)["metrics"]
    return {name: (m["last"], m["count"]) for name, m in metrics.items()}


def test_track_parse_reads_a_powershell_utf16_log_and_a_utf8_bom(tmp_path: Path) -> None:
    # PowerShell's `python train.py > train.log` writes UTF-16LE with a byte order mark
    expected = {"loss": (0.25, 2), "acc": (0.875, 2)}
    for mark, encoding in ((codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"),
                           (codecs.BOM_UTF8, "utf-8")):
        log = tmp_path / f"{encoding}.log"
        log.write_bytes(mark + _LOG.encode(encoding))
        done = track("parse", str(log), "--json")
        assert done.returncode == 0, done.stderr
        assert _summary(done.stdout) == expected, encoding


def test_a_utf16_output_split_anywhere_parses_alike() -> None:
    # the decoder is incremental: a chunk may end inside a character or inside the mark
    data = ("\u00e9poque\r\n" + _LOG).encode("utf-16-le")
    parser = MetricParser()
    got = parser.feed(codecs.BOM_UTF16_LE)
    for i in range(0, len(data), 3):
        got += parser.feed(data[i:i + 3])
    got += parser.finish()
    assert [(o.name, o.value, o.epoch) for o in got] == [
        ("loss", 0.5, 1), ("acc", 0.75, 1), ("loss", 0.25, 2), ("acc", 0.875, 2)]


def test_a_run_whose_output_begins_with_a_utf8_bom_keeps_its_first_line(tmp_path: Path) -> None:
    code = ("import codecs, sys\n"
            "sys.stdout.buffer.write(codecs.BOM_UTF8 + b'val_acc: 0.5\\nval_acc: 0.625\\n')\n")
    done = track("run", "--", *py(code), cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert track_json("show")["metrics"]["val_acc"]["count"] == 2


def test_marks_only_count_at_the_start() -> None:
    # guard: bytes like a mark later in the output are text, not a change of encoding
    parser = MetricParser()
    got = parser.feed(b"loss: 0.5\n") + parser.feed(b"\xff\xfe\n") + parser.feed(b"loss: 0.25\n")
    assert [o.value for o in got + parser.finish() if o.name == "loss"] == [0.5, 0.25]


def _obs_of(text: str) -> list[tuple[str, float, int | float | None]]:
    return [(o.name, o.value, o.epoch) for o in obs(text)]


def test_a_logging_record_printed_over_a_bar_keeps_values_that_repeat() -> None:
    # tqdm's bar, then "\r" and a logging record on the bar's line: the record's
    # "Epoch [002/30]" and "54.79%" look like a bar's count and percentage, but a bar draws
    # no date first: LR unchanged since epoch 1 is still epoch 2's value
    def epoch(e: int) -> str:
        bar = "".join(f"\r  Epoch {e:03d} [Train]: {i * 25:3d}%|##   | {i}/4 "
                      f"[00:03<00:01,  3.55s/it, acc=5{i}.0%]" for i in range(1, 5))
        return (bar + "\r" + " " * 40 + f"\r2026-05-08 22:59:30 | INFO | Epoch [{e:03d}/30] "
                f"TrainLoss=1.{e} | LR=1.00e-04 | Time=57{e}.2s\n")
    got = [o for o in _obs_of(epoch(1) + epoch(2)) if o[0] in ("LR", "TrainLoss")]
    assert got == [("TrainLoss", 1.1, 1), ("LR", 0.0001, 1),
                   ("TrainLoss", 1.2, 2), ("LR", 0.0001, 2)]


def test_a_counter_in_parentheses_after_a_bracketed_epoch_is_the_step() -> None:
    # MiniMind's "Epoch:[1/2](300/9000), loss: 2.1": epoch 1 of 2, step 300 of 9000
    text = ("Epoch:[1/2](300/9000), loss: 2.1151, lr: 0.00005099\n"
            "Epoch:[1/2](310/9000), loss: 2.0805, lr: 0.00005096\n")
    assert named(text)[-2:] == [("loss", 2.0805, 310, 1), ("lr", 0.00005096, 310, 1)]
    # guard: a count in parentheses after a metric is not a step
    assert [(o.name, o.value, o.step) for o in obs("acc: 0.95 (950/1000)\n")] == [
        ("acc", 0.95, None)]


def test_a_line_labelled_config_before_a_pipe_is_configuration() -> None:
    text = ("runner config | sample=0 | test_radius=5.000000e+00 | lambda_prior=1.000000e+00\n"
            "sample=0 | step=1 | loss_phi=1.959834e+00 | defect_iou=0.000000e+00\n")
    assert [o.name for o in obs(text)] == ["loss_phi", "defect_iou"]


def test_a_unit_abbreviated_with_a_dot_in_parentheses_is_part_of_the_name() -> None:
    # CGNN's "Elapsed time (sec.): 17.713", as "Elapsed time (sec): 17.713" is read
    got = obs("Elapsed time (sec.): 17.713\nElapsed time (sec): 14.6\n")
    assert [(o.name, o.value) for o in got] == [("Elapsed_time_(sec.)", 17.713),
                                                ("Elapsed_time_(sec)", 14.6)]


def test_a_reports_averages_name_their_values_and_class_rows_are_no_metrics() -> None:
    # legacy Flair's test report: the micro and macro averages are two series each, and the
    # per-class rows (a label, then its confusion counts) are a table, not metrics
    text = ("MICRO_AVG: acc 0.5699 - f1-score 0.726\n"
            "MACRO_AVG: acc 0.4777 - f1-score 0.6246\n"
            "abstract   tp: 834 - fp: 467 - fn: 287 - tn: 834 - precision: 0.6410\n"
            "animal     tp: 50 - fp: 18 - fn: 32 - tn: 50 - precision: 0.7353 - recall: 0.6098\n"
            "micro avg: f1: 0.71\n")
    assert [(o.name, o.value) for o in obs(text)] == [
        ("micro_avg_acc", 0.5699), ("micro_avg_f1-score", 0.726),
        ("macro_avg_acc", 0.4777), ("macro_avg_f1-score", 0.6246), ("micro_avg_f1", 0.71)]
    # guard: without a label the counts line is a report of its own
    assert "precision" in [o.name for o in obs("tp: 834 - fp: 467 - precision: 0.6410\n")]

"""Metric names: digits inside a name, one name per quantity, and words that are never
names (``names``, the KEYED plans of ``slowpath``)."""

from __future__ import annotations

import string

from hypothesis import assume, example, given, settings
from hypothesis import strategies as st

from exptrack.metrics import MetricParser, parse_text
from exptrack.metrics.columns import Block, observations
from exptrack.metrics.names import counts_things, metric_like, never_a_name
from exptrack.metrics.settings import HYPER_NAMES
from exptrack.metrics.spelling import NameRegistry


def names(text: str) -> list[tuple[str, float]]:
    return [(o.name, o.value) for o in parse_text(text)]


def fast(data: bytes, min_run: int = 1) -> list[tuple[str, float]]:
    """What the recorder's columnar path finds (``feed_segments``)."""
    parser = MetricParser()
    parser.min_run = min_run
    segments = [*parser.feed_segments(data), parser.finish()]
    found: list[tuple[str, float]] = []
    for segment in segments:
        rows = observations(segment) if isinstance(segment, Block) else segment
        found.extend((row[0], row[1]) for row in rows)
    return found


def test_names_that_differ_only_in_digits_are_not_merged() -> None:
    assert names("top1=0.76\ntop5=0.93\n") == [("top1", 0.76), ("top5", 0.93)]
    assert names("gpu0 util: 87%\ngpu1 util: 86%\n") == [("gpu0_util", 87.0),
                                                         ("gpu1_util", 86.0)]
    assert names("mAP50: 0.61\nmAP75: 0.52\nmAP50: 0.63\n") == [
        ("mAP50", 0.61), ("mAP75", 0.52), ("mAP50", 0.63)]
    text = "".join(f"step {i} layer{i % 3}/grad_norm={i / 10}\n" for i in range(9))
    assert [n for n, _ in names(text)] == [f"layer{i % 3}/grad_norm" for i in range(9)]


def test_digit_names_on_the_columnar_path() -> None:
    data = b"".join(b"step %d top%d=0.%d\n" % (i, 1 + 4 * (i % 2), i) for i in range(12))
    expected = [(f"top{1 + 4 * (i % 2)}", float(f"0.{i}")) for i in range(12)]
    assert fast(data) == expected and fast(data, min_run=3) == expected
    # a run of one digit variant still goes through the columns
    same = b"".join(b"step %d top5=0.%d\n" % (i, i) for i in range(6))
    assert fast(b"step 0 top1=0.1\n" + same, min_run=3) == [("top1", 0.1)] + [
        ("top5", float(f"0.{i}")) for i in range(6)]


@settings(max_examples=200, deadline=None)
@given(st.text(string.ascii_letters, min_size=2, max_size=8),
       st.lists(st.integers(0, 999), min_size=2, max_size=5, unique=True),
       st.sampled_from(["{n}={v}", "{n}: {v}", "step {i} {n}={v}", "epoch {i} | {n} {v} |",
                        "{{'{n}': {v}, 'epoch': {i}}}", "val/{n}={v}"]),
       st.integers(0, 10**6))
@example("aP", [0, 1], "epoch {i} | {n} {v} |", 0)  # "aP" reads as a name, so does "aP0"
def test_any_names_that_differ_in_digits_keep_their_own_series(
        word: str, digits: list[int], form: str, seed: int) -> None:
    """Lines of one shape whose names differ only in digits: each keeps its own name and
    value, in order, on the line path and on the columnar path alike."""
    plain = names(form.format(n=word, v=0.5, i=1) + "\n")
    assume(len(plain) == 1 and plain[0][0].endswith(word))  # the word reads as a name
    # ... and no digit makes it a known setting's name (YOLO's "lr0" is a hyperparameter)
    assume(not any(f"{word}{d}".lower() in HYPER_NAMES for d in digits))
    lines = [(f"{word}{d}", round((seed % 97 + k) / 7, 3)) for k, d in
             enumerate(digits * 2)]
    text = "".join(form.format(n=n, v=v, i=k) + "\n" for k, (n, v) in enumerate(lines))
    found = names(text)
    prefix = plain[0][0][:-len(word)]
    assert found == [(prefix + n, v) for n, v in lines]
    assert fast(text.encode()) == found


def test_one_quantity_one_name_first_spelling_wins() -> None:
    text = ("Train Loss: 0.51\nTrain loss: 0.5\ntrain_loss: 0.4\nTRAIN-LOSS: 0.3\n"
            "LR: 0.1 step 1\nlr: 0.05 step 2\nval/loss=0.2\nval_loss=0.1\n")
    assert names(text) == [("train_loss", 0.51), ("train_loss", 0.5), ("train_loss", 0.4),
                           ("train_loss", 0.3), ("LR", 0.1), ("LR", 0.05),
                           ("val/loss", 0.2), ("val_loss", 0.1)]
    table = "epoch  Train_Loss  val_acc  other\n1      0.5         0.9      3\n"
    assert [n for n, _ in names("train loss 0.7 step 0\n" + table)] == [
        "train_loss", "train_loss", "val_acc", "other"]
    registry = NameRegistry()
    assert [registry(n) for n in ("Acc", "acc", "a-c-c", "acc1")] == ["Acc"] * 3 + ["acc1"]


def test_aliases_win_over_first_spellings() -> None:
    parser = MetricParser(aliases={"loss": "objective"})
    assert names_of(parser, "Loss: 0.5\nloss: 0.4\n") == [("Loss", 0.5), ("objective", 0.4)]


def names_of(parser: MetricParser, text: str) -> list[tuple[str, float]]:
    return [(o.name, o.value) for o in parse_text(text, parser)]


def test_counts_words_and_labels_are_never_names() -> None:
    for line in ("total_count: 500 step 3", "objects: 12, step 3", "TOTAL_PARAMS = 124439808",
                 "INFO 12.5 step 3", "worker-0: 12.5 step 3", "Progress: 45.0 step 3",
                 "num_workers: 8 step 3", "Trainable params: 1,234,567"):
        assert names(line + "\n") == [], line
    assert counts_things("total_count") and counts_things("TOTAL_PARAMS")
    assert not counts_things("samples/sec") and not counts_things("train_loss")
    assert never_a_name("INFO") and never_a_name("worker-0") and never_a_name("Progress")
    assert not never_a_name("gpu0") and not never_a_name("mAP50-95")


def test_metric_like_names() -> None:
    for name in ("val_loss", "train/acc", "mAP50-95", "samples/sec", "tokens/s", "mfu",
                 "RunningAvgSamplesPerSec", "top1", "eval_f1", "MemAllocated", "grad_norm"):
        assert metric_like(name), name
    for name in ("lr", "loss_scale", "min_loss_scale", "hysteresis", "steps_per_print",
                 "warmup_num_steps", "gradient_clipping", "loss_scale_window", "channels"):
        assert not metric_like(name), name


def test_per_class_rows_are_not_the_aggregate() -> None:
    report = ("              precision    recall  f1-score   support\n\n"
              "           0       0.95      0.97      0.96       980\n"
              "           1       0.98      0.99      0.98      1135\n\n"
              "    accuracy                           0.97      2115\n"
              "   macro avg       0.97      0.98      0.97      2115\n")
    assert names(report) == []  # (its accuracy row is the table's summary: tune52)
    for line in ("Class 0: precision 0.91 recall 0.88", "class 'cat': AP 0.52",
                 "[class 3] iou=0.5", "Per-class accuracy: cat 0.91 dog 0.88"):
        assert names(line + "\n") == [], line
    assert names("precision 0.91 recall 0.88 cls_loss 0.2 step 3\n") == [
        ("precision", 0.91), ("recall", 0.88), ("cls_loss", 0.2)]


def test_an_id_in_names_stops_being_told_apart() -> None:
    """Past 256 digit sets for one line shape the digits are an id ("sample_1234_loss"):
    the shape gets one name, and stays cheap."""
    text = "".join(f"step {i} sample_{i}_loss=0.{i % 10}\n" for i in range(1000, 3000))
    found = parse_text(text)
    assert len(found) == 2000 and len({o.name for o in found}) == 256
    assert found[-1].name == found[300].name and found[100].name == "sample_1100_loss"

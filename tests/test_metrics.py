"""The default metric parser on the behaviours the corpus does not pin one by one."""

from __future__ import annotations

import math

from hypothesis import given, settings
from hypothesis import strategies as st

from exptrack.metrics import MetricParser, MetricSummarizer, metric_direction, parse_text


def names(text: str | bytes, parser: MetricParser | None = None) -> list[tuple[str, float]]:
    return [(o.name, o.value) for o in parse_text(text, parser)]


def test_plain_forms() -> None:
    assert names("loss=0.123 acc=0.9\n") == [("loss", 0.123), ("acc", 0.9)]
    assert names("loss: 0.123\n") == [("loss", 0.123)]
    assert names("val/loss=0.1\n") == [("val/loss", 0.1)]
    assert names('{"loss": 0.5, "lr": 5e-05}\n') == [("loss", 0.5), ("lr", 5e-05)]
    assert names("{'loss': 0.5}\n") == [("loss", 0.5)]


def test_step_and_epoch_context() -> None:
    found = parse_text("Epoch 3/10\nstep 120 loss=0.5\n{'loss': 0.4, 'epoch': 4.5}\n")
    # a line that shows its epoch and no step reports the epoch, not an earlier line's step
    assert [(o.step, o.epoch) for o in found] == [(120, 3), (None, 4.5)]
    found = parse_text("[10]\ttrain-rmse:0.5\n")
    assert found[0].step == 10


def test_nan_and_inf_are_recorded() -> None:
    found = parse_text("loss=nan acc=inf x_err=-inf\n")
    assert math.isnan(found[0].value)
    assert [o.value for o in found[1:]] == [math.inf, -math.inf]
    summary = MetricSummarizer()
    summary.add(parse_text("loss=0.5\nloss=nan\nloss=0.2\n"))
    loss = summary.summaries["loss"]
    assert (loss.count, loss.min, loss.best, loss.best_step) == (3, 0.2, 0.2, None)
    assert loss.last == 0.2


def test_not_metrics() -> None:
    noise = ("Python 3.11.7\nCUDA Version: 12.1\n2024-01-05 12:30:01 started\n"
             "see https://example.com:8080/a/b_3 and /data/run_01/epoch=3.ckpt\n"
             " 45%|####5     | 45/100 [00:01<00:02, 30.1it/s]\n"
             "Train [640/60000]\npid 4242 seed=42 batch_size=64\nGlobal seed set to 42\n")
    assert names(noise) == []


def test_progress_bar_renders_are_replayed_and_deduplicated() -> None:
    bar = (b"Epoch 1: 10%|# | 1/10 [00:01, loss=0.9]\rEpoch 1: 20%|## | 2/10 [00:02, loss=0.9]"
           b"\rEpoch 1: 30%|### | 3/10 [00:03, loss=0.7]\r\x1b[KEpoch 1: 100%|####| 10/10 "
           b"[00:09, loss=0.7]\n")
    assert names(bar) == [("loss", 0.9), ("loss", 0.7)]


def test_backspaces_are_replayed() -> None:
    assert names(b"loss: 0.50\x08\x0812\n") == [("loss", 0.12)]


def test_crlf_of_a_pseudo_terminal_is_a_plain_line_end() -> None:
    assert names(b"loss=0.1\r\nloss=0.2\r\n") == [("loss", 0.1), ("loss", 0.2)]


def test_tables_with_a_header_row() -> None:
    table = ("epoch     train_loss  valid_loss  accuracy  time\n"
             "0         0.5         0.4         0.80      00:10\n"
             "1         0.3         0.2         0.90      00:10\n")
    found = parse_text(table)
    assert [(o.name, o.value, o.epoch) for o in found[-3:]] == [
        ("train_loss", 0.3, 1), ("valid_loss", 0.2, 1), ("accuracy", 0.9, 1)]


def test_table_memory_cells_and_a_fractional_total_column() -> None:
    # YOLOv5/YOLOv8 epoch rows: "6.73G" under GPU_mem is 6.73; "total" holding fractional
    # values is a loss, not a count; "labels" (integers) stays a count; "Size" no metric
    table = ("     Epoch   gpu_mem       box       obj     total    labels  img_size\n"
             "       0/2     3.29G   0.04339   0.06366    0.1019        26       640\n"
             "       1/2      512M   0.04100   0.06000    0.0981        14       640\n")
    found = [(o.name, o.value, o.epoch) for o in parse_text(table)]
    assert found[-4:] == [("gpu_mem", 512.0, 1), ("box", 0.041, 1), ("obj", 0.06, 1),
                          ("total", 0.0981, 1)]
    assert ("gpu_mem", 3.29, 0) in found
    counted = "  epoch   mem   total   loss\n      1    2G      10    0.5\n"
    assert [(o.name, o.value) for o in parse_text(counted)] == [("mem", 2.0), ("loss", 0.5)]


def test_table_without_step_column_has_no_step() -> None:
    # rows in order, at no step: a row's position is no step the run printed (since round
    # tune14; the held-out sets' collectors, reading such logs, all expect no step)
    found = parse_text("alpha    beta    gamma\n0.1      0.2     0.3\n0.4      0.5     0.6\n")
    assert [(o.name, o.value, o.step) for o in found] == [
        ("alpha", 0.1, None), ("beta", 0.2, None), ("gamma", 0.3, None),
        ("alpha", 0.4, None), ("beta", 0.5, None), ("gamma", 0.6, None)]


def test_user_patterns_ignore_and_aliases() -> None:
    parser = MetricParser([r"top1 (?P<top1>[\d.]+)", r"(?P<name>\w+) is (?P<value>[\d.]+)"],
                          ignore_patterns=["^DEBUG"], aliases={"acc": "accuracy"})
    assert names("top1 55.5 acc=0.5\nDEBUG loss=9\nwer is 0.2\n", parser) == [
        ("top1", 55.5), ("accuracy", 0.5), ("wer", 0.2)]
    only = MetricParser([r"score (?P<score>\d+)"], use_defaults=False)
    assert names("score 7 loss=0.1\n", only) == [("score", 7.0)]
    assert names("score 7 loss=0.1\n", MetricParser(use_defaults=False)) == []


def test_metric_direction() -> None:
    assert metric_direction("val_loss") == "min"
    assert metric_direction("eval_accuracy") == "max"
    assert metric_direction("learning_rate") is None
    assert metric_direction("val_loss", {"val_loss": "max"}) == "max"


def test_a_huge_line_is_skipped_whole() -> None:
    parser = MetricParser()
    assert parser.feed(b"x" * 70_000) == []
    found = parser.feed(b" loss=1\nloss=2\n") + parser.finish()
    assert [(o.name, o.value) for o in found] == [("loss", 2.0)]


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=400), st.lists(st.integers(1, 50), max_size=10))
def test_parser_never_raises_on_bytes(data: bytes, cuts: list[int]) -> None:
    parser = MetricParser()
    offset = 0
    for size in cuts:
        parser.feed(data[offset:offset + size])
        offset += size
    parser.feed(data[offset:])
    parser.finish()


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from([*"loss=acc: 0.5e-3nan|[]/\r\n\t\b\x1b[K%{}'\"", "\x1b[31m",
                                 "  ", "epoch ", "step ", "Epoch 1/3", "12"]),
                max_size=120).map("".join))
def test_parser_never_raises_on_metric_like_text(text: str) -> None:
    for obs in parse_text(text):
        assert isinstance(obs.value, float) and obs.name


SB3_TABLE = """-----------------------------------
| rollout/           |            |
|    ep_rew_mean     | -1.23e+03  |
| time/              |            |
|    total_timesteps | 4096       |
| train/             |            |
|    n_updates       | 10         |
-----------------------------------
"""


def test_key_value_box_tables() -> None:
    # sections prefix their rows; the table's total_timesteps is the step of all its rows;
    # counters (the step itself, time/iterations, train/n_updates) are not metrics
    found = parse_text(SB3_TABLE + "loss=0.5\n")
    assert [(o.name, o.value, o.step) for o in found] == [
        ("rollout/ep_rew_mean", -1230.0, 4096), ("loss", 0.5, 4096)]
    # a table that ends the output without a border is still recorded (finish)
    assert len(parse_text(SB3_TABLE.rsplit("-", 1)[0].rstrip("-\n") + "\n")) == 1
    # a flat table (Stable-Baselines 2) has no sections, and denied names stay out
    assert names("| fps    | 142 |\n| seed   | 7   |\n") == [("fps", 142.0)]


def test_printed_configuration_is_not_metrics() -> None:
    for line in ("dropout = 0.2 # for finetuning try 0.1+", "  learning_rate : 0.001",
                 "Num examples = 3668", "hyperparameters: lr0=0.01, lrf=0.2, momentum=0.937",
                 ">>>> LR: 0.20000, batch_size: 8, weight_decay: 0.00001",
                 "Model Summary: 283 layers, 7276605 parameters",
                 " Average Precision  (AP) @[ IoU=0.50      | maxDets=100 ] = 0.301"):
        assert names(line + "\n") == [], line
    assert names("bestTest = 0.2801\n") == [("bestTest", 0.2801)]


def test_measured_values_count_only_on_metric_lines() -> None:
    assert names("iter 10: loss 3.2202, time 893.76ms, mfu 16.68%\n") == [
        ("loss", 3.2202), ("time", 893.76), ("mfu", 16.68)]
    assert names("epoch: [1/5], loss: 1.25, max_mem_reserved: 12221 MB\n") == [
        ("loss", 1.25), ("max_mem_reserved", 12221.0)]
    # one-offs before the run's steps are start-up readings (an output that never counts a
    # step keeps its timings as its results: test_metrics_tune61)
    assert names("Elapsed: 3.2s\nTotal setup time: 0.00 seconds.\nepoch 1 loss 0.5\n") == [
        ("loss", 0.5)]


def test_multi_word_keys() -> None:
    assert names("lr: 0.1  loss: 6.98 (7.00)  max mem: 3524\n") == [
        ("lr", 0.1), ("loss", 6.98), ("max_mem", 3524.0)]
    assert names("Episode 10\tLast reward: 25.00\tAverage reward: 14.37\n") == [
        ("Last_reward", 25.0), ("Average_reward", 14.37)]
    assert parse_text("Episode 10\tLast reward: 25.00\n")[0].step == 10
    assert names("Test loss: 0.08741\n") == [("test_loss", 0.08741)]
    assert names(" lm_loss: 1.1E+01 | number of skipped iterations:   0 |\n") == [
        ("lm_loss", 11.0)]
    assert names("Norm: 6.91, NNZs: 64, Avg. loss: 0.498519\n")[-1] == ("Avg_loss", 0.498519)


def test_spaced_assignments_of_metrics_are_metrics() -> None:
    assert names("loss = 0.5312, acc = 0.91\n") == [("loss", 0.5312), ("acc", 0.91)]
    assert names("ntrain = 540, ntest = 60\nval_check_interval = 1.0\n") == []

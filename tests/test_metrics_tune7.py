"""Mechanisms found by tuning on set E (tests/data/heldout5) and sets A-D again: each test
names the general rule, with short lines of the shape, not the logs it came from."""

from __future__ import annotations

from parsed import named as found

from exptrack.metrics import MetricParser


def test_a_phase_label_over_key_equals_value_pairs_is_no_printed_configuration() -> None:
    """`Label: key = value` twice on a line reads like `key: text` settings; it is a label
    over a group of pairs, each pair named with the label's word as printed."""
    text = "Train: loss = 0.9, f1 = 0.4 | Dev: loss = 1.1, f1 = 0.3\n"
    assert [(n, v) for n, v, *_ in found(text)] == [
        ("train_loss", 0.9), ("train_f1", 0.4), ("dev_loss", 1.1), ("dev_f1", 0.3)]
    text = "Training: loss = 0.9, f1 = 0.4\n"
    assert [n for n, *_ in found(text)] == ["training_loss", "training_f1"]
    # still configuration: two keys whose values are text
    assert found("model: resnet, optimizer: sgd lr=0.1\n") == []


def test_a_label_over_pairs_ends_at_the_next_pipe() -> None:
    text = "Dev: loss = 1.1, f1 = 0.3 | Time: 4.5 (batch/s)\n"
    assert [n for n, *_ in found(text)] == ["dev_loss", "dev_f1", "Time"]
    # a label over a field of plain "key value" text still labels the whole line
    text = "Test: [10/100]  Loss 1.2 | Acc 0.9\n"
    assert [n for n, *_ in found(text)] == ["test_loss", "test_acc"]


def test_a_tab_separated_table_splits_its_rows_on_tabs() -> None:
    """A cell may hold a space (numpy's `[ 0.08]`); the row is still one row of the table,
    and a one-value array is its value."""
    text = ("steps\treturn\tvalue_est\tloss\n"
            "100\t-3.5\t[-2.25]\t0.5\n"
            "200\t-1.5\t[ 0.125]\t0.25\n")
    assert found(text) == [
        ("return", -3.5, 100, None), ("value_est", -2.25, 100, None), ("loss", 0.5, 100, None),
        ("return", -1.5, 200, None), ("value_est", 0.125, 200, None), ("loss", 0.25, 200, None)]


def test_a_steps_column_is_the_step() -> None:
    text = ("steps     mean     median     max\n"
            "5000      -3.5     -4.0       2.0\n"
            "10000     -1.5     -2.0       3.0\n")
    assert [(n, s) for n, _, s, _ in found(text)][-3:] == [
        ("mean", 10000), ("median", 10000), ("max", 10000)]


def test_an_ultralytics_excerpt_that_starts_inside_an_epoch_bar() -> None:
    """No header names the losses (their names depend on the task and the model: a detect
    model prints dfl_loss or l1_loss); the bar still shows the epoch and its GPU memory, and
    the validation after it belongs to that epoch. The bar's output arrives first, alone."""
    bar = "━" * 12
    cells = "1.2      2.3      1.4       40      320"
    bars = (f"      7/10      2.5G      {cells}: 50% {bar[:6]} 5/10\n"
            f"      7/10      2.6G      {cells}: 100% {bar} 10/10\n")
    table = ("                 Class     Images  Instances      Box(P          R      mAP50"
             f"  mAP50-95): 100% {bar} 2/2 1.0it/s 1.0s\n"
             "                   all         20         50        0.5        0.4        0.3"
             "        0.2\n")
    parser = MetricParser()
    got = parser.feed(bars.encode()) + parser.feed(table.encode()) + parser.finish()
    assert [(o.name, o.value, o.step, o.epoch) for o in got] == [
        ("GPU_mem", 2.6, None, 7), ("P", 0.5, None, 7), ("R", 0.4, None, 7),
        ("mAP50", 0.3, None, 7), ("mAP50-95", 0.2, None, 7)]


def test_a_key_value_box_table_row_may_start_with_a_percent_sign_and_steps_is_its_step() -> None:
    text = ("-----------------------------\n"
            "| % time spent exploring | 41  |\n"
            "| episodes               | 25  |\n"
            "| mean 100 episode reward| 5.9 |\n"
            "| steps                  | 615 |\n"
            "-----------------------------\n")
    assert found(text) == [("%_time_spent_exploring", 41.0, 615, None),
                           ("mean_100_episode_reward", 5.9, 615, None)]


def test_a_time_per_unit_glued_to_its_value_is_named_by_its_unit() -> None:
    text = "Epoch: 1/10 Step: 20/99 | 0.91s/batch | loss 0.5\n"
    assert [(n, v) for n, v, *_ in found(text)] == [("s/batch", 0.91), ("loss", 0.5)]
    # a progress bar's own timing is not: tqdm's s/it, Keras' /step and /epoch
    text = "10/10 - 4s - loss: 0.25 - 4s/epoch - 2ms/step\n"
    assert [n for n, *_ in found(text)] == ["loss"]
    assert [n for n, *_ in found("Step: 3 | 1.5s/it | loss 0.5\n")] == ["loss"]


def test_python_loggings_default_prefix_is_not_part_of_the_message() -> None:
    """`LEVEL:logger:message` (logging.basicConfig's format): the step after it counts."""
    assert found("INFO:root:step 40 loss=0.25\n") == [("loss", 0.25, 40, None)]
    assert found("WARNING:my.module:epoch 2 acc=0.5\n") == [("acc", 0.5, None, 2)]


def test_a_per_word_before_a_name_qualifies_it() -> None:
    assert [n for n, *_ in found("step 7 per-batch time 0.25s acc=0.5\n")] == [
        "per-batch_time", "acc"]


def test_a_pair_without_a_separator_may_be_followed_by_a_keyed_pair() -> None:
    assert [(n, v) for n, v, *_ in found("step 7 latency 0.25 loss=0.5\n")] == [
        ("latency", 0.25), ("loss", 0.5)]


def test_a_line_that_is_only_a_metric_name_and_a_fraction_is_a_metric() -> None:
    text = "Epoch 3, loss: 0.5\nTime 2.56\n"
    assert found(text)[-1] == ("Time", 2.56, None, 3)
    assert found("Stage 2\nPython 3.10\nThreshold 0.5\n") == []

"""Mechanisms found by tuning on set F (tests/data/heldout6) and set A again: each test
names the general rule, with short lines of the shape, not the logs it came from."""

from __future__ import annotations

from parsed import named as found


def test_a_tree_boosters_hyperparameters_are_a_printed_setting() -> None:
    """A search prints each trial's booster settings as `key=value` pairs: configuration."""
    text = "max_depth=6, min_child_weight=3, subsample=0.8, colsample_bytree=0.7\n"
    assert found(text) == []
    assert found("num_leaves=31 feature_fraction=0.9 bagging_fraction=0.8\n") == []
    # a metric line beside them stays
    assert [n for n, *_ in found("round 3 train_auc=0.91 test_auc=0.88\n")] == [
        "train_auc", "test_auc"]


def test_iterations_is_a_step_key() -> None:
    assert found("iterations:7, train acc:0.5, train loss:2.5,\n") == [
        ("train_acc", 0.5, 7, None), ("train_loss", 2.5, 7, None)]


def test_a_runner_mode_label_names_no_metric() -> None:
    """MMEngine's and mmcv's `Epoch(val) [e][i/N]` names the line's mode: the evaluator's
    metrics are named as the runner logs them; the val loop's timing stays apart from the
    train loop's (`val_time`); `[i/N]` counts the val loop's batches: the line reports the
    epoch."""
    text = ("Epoch(train) [2][50/100]  lr: 0.01  time: 0.5  loss: 0.25\n"
            "Epoch(val) [2][25/25]  acc/top1: 71.5  mAP: 0.25  time: 0.125\n")
    assert found(text) == [
        ("lr", 0.01, 50, 2), ("time", 0.5, 50, 2), ("loss", 0.25, 50, 2),
        ("acc/top1", 71.5, None, 2), ("mAP", 0.25, None, 2), ("val_time", 0.125, None, 2)]
    # other labels still prefix
    assert [n for n, *_ in found("[val] loss=0.5 acc=0.75\n")] == ["val_loss", "val_acc"]


def test_a_results_table_under_a_markdown_rule_counts_no_steps() -> None:
    """A markdown table of results printed without a step column reports no step: its row
    is not the table's first of a sequence (since round tune14 no table without a step
    column counts its rows as steps: a progress table's rows come in order, at no step)."""
    text = ("|  AP   |  AP50  |  AP75  |\n"
            "|:-----:|:------:|:------:|\n"
            "| 29.25 | 46.75  | 31.5   |\n"
            "\n"
            "|  AP   |  AP50  |  AP75  |\n"
            "|:-----:|:------:|:------:|\n"
            "| 30.5  | 48.25  | 32.25  |\n"
            "\n")
    assert found(text) == [
        ("AP", 29.25, None, None), ("AP50", 46.75, None, None), ("AP75", 31.5, None, None),
        ("AP", 30.5, None, None), ("AP50", 48.25, None, None), ("AP75", 32.25, None, None)]
    text = "| loss | acc | f1 |\n| 0.5 | 0.25 | 0.75 |\n| 0.25 | 0.5 | 0.5 |\n"
    assert [(n, s) for n, _, s, _ in found(text)] == [
        ("loss", None), ("acc", None), ("f1", None), ("loss", None), ("acc", None), ("f1", None)]

"""Round ``tune37`` (session 45). Each test of a new form fails on the parser before the
round (35e2a07); each guard fails on the round's rule without its check (mutation-checked)."""

from __future__ import annotations

from parsed import named

VLN = ("249m 30s (- 5097m 1s) (7000 4%) iter 7000, val_seen , action_steps: 5.63, sr: 72.67, "
       "val_unseen , action_steps: 6.10, sr: 65.09\n")


def test_named_splits_label_their_keys_and_a_counts_mean_is_measured() -> None:
    assert named(VLN) == [
        ("val_seen_action_steps", 5.63, 7000, None), ("val_seen_sr", 72.67, 7000, None),
        ("val_unseen_action_steps", 6.1, 7000, None), ("val_unseen_sr", 65.09, 7000, None)]


def test_a_whole_count_of_steps_stays_a_count() -> None:
    """Guard: a count of steps with no fraction, or a total, is no measured mean."""
    assert named("iter 10, total_actions 1, action_steps: 12, entropy 0.5\n") == [
        ("entropy", 0.5, 10, None)]


def test_printed_configuration_paths_are_no_metrics() -> None:
    assert named("2022-08-21 19:07:35,043   INFO  cfg.GT_AUG_HARD_RATIO: 0.6\n"
                 "2022-08-21 19:07:35,044   INFO  cfg.RPN.LOC_SCOPE: 3.0\n") == []


def test_counters_glued_to_their_numbers_are_context() -> None:
    assert named("[E03] train_loss=1.0577 | val_roc=0.7736 | lr=0.000200 | 10.1s\n"
                 "Epoch4 loss=0.5 acc=0.3\niter300 loss=0.25\n") == [
        ("train_loss", 1.0577, None, 3), ("val_roc", 0.7736, None, 3), ("lr", 0.0002, None, 3),
        ("loss", 0.5, None, 4), ("acc", 0.3, None, 4), ("loss", 0.25, 300, 4)]


def test_a_glog_errors_date_and_a_best_steps_at_are_no_counters() -> None:
    """Guard: glog's "E0405 03:51:41" and "best=0.33@step41" set no epoch or step."""
    assert named("[rank0]:[E405 03:51:41.286127773 ProcessGroupNCCL.cpp:2277] timed out\n"
                 "Summary: accuracy=0.2281 best=0.3281@step41 reward=0.2300\n"
                 ) == [("accuracy", 0.2281, None, None), ("reward", 0.23, None, None)]


def test_a_forecast_horizon_and_a_runs_iteration_count_are_no_metrics() -> None:
    assert named("Whole trainining iteration is 750\n"
                 "Evaluate best model on test data for horizon 3, Test MAE: 10.1309, "
                 "Test RMSE: 13.6609\n") == [("test_MAE", 10.1309, None, None),
                                             ("test_RMSE", 13.6609, None, None)]


MLLOG = (
    ':::MLLOG {"namespace": "", "time_ms": 1759614975677, "event_type": "POINT_IN_TIME", '
    '"key": "opt_base_learning_rate", "value": 0.0001, "metadata": {"file": "a.py", '
    '"lineno": 9}}\n'
    ':::MLLOG {"namespace": "", "time_ms": 1759614983565, "event_type": "POINT_IN_TIME", '
    '"key": "tracked_stats", "value": {"train_loss": 1.68}, "metadata": {"file": "c.py", '
    '"lineno": 104, "samples_count": 20480, "lr": 0.000185, "step": 10}}\n'
    ':::MLLOG {"namespace": "", "time_ms": 1745047891507, "event_type": "POINT_IN_TIME", '
    '"key": "eval_accuracy", "value": 0.7898, "metadata": {"file": "cb.py", "lineno": 97, '
    '"epoch_num": 0.05, "samples_count": 12256}}\n'
    ":::MLPv0.5.0 ssd 1541712262.571887016 (train.py:333) eval_accuracy: "
    '{"epoch": 43, "value": 0.15392525279359315}\n'
    ":::MLPv0.5.0 ssd 1541712262.6 (train.py:340) eval_target: 0.212\n")


def test_mlperf_result_logs() -> None:
    assert named(MLLOG) == [
        ("train_loss", 1.68, 10, None), ("lr", 0.000185, 10, None),
        ("eval_accuracy", 0.7898, None, 0.05), ("eval_accuracy", 0.15392525279359315, None, 43)]


def test_kind_comma_labels_spaced_rates_and_named_tuples() -> None:
    assert named(
        "2025-05-20 07:50:05,204 - INFO - Iter: 300    training-loss, overall: 0.73    "
        "training-loss, cls: 0.72\n"
        "Iteration:   3460, Loss function: 3.777, avg. samples / sec: 4035.66\n"
        "Epoch[000] Batch[099/478] Speed: 597.58 samples/sec, Loss:(pitch, yaw)/(83.2, 20.5)\n"
    ) == [("training-loss_overall", 0.73, 300, None), ("training-loss_cls", 0.72, 300, None),
          ("Loss_function", 3.777, 3460, None), ("avg._samples/sec", 4035.66, 3460, None),
          ("Speed", 597.58, 99, 0), ("Loss_pitch", 83.2, 99, 0), ("Loss_yaw", 20.5, 99, 0)]


def test_a_warnings_source_line_names_nothing() -> None:
    assert named("/opt/conda/lib/python3.9/site-packages/matplotlib/rcsetup.py:20: "
                 "DeprecationWarning: deprecated since Python 3.3, and in 3.10 it will stop\n"
                 ) == []

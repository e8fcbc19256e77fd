"""Round ``tune88`` (session 88). Each test of a rule fails on cead19cd (this session's
start); the guards pin what must not change."""

from __future__ import annotations

from parsed import columns_named, named


def test_evaluation_metrics_keep_their_printed_names() -> None:
    # "evaluation metrics" says what the values are, not which data split they measure
    text = ("2025-05-20 05:14:10 - INFO - Evaluation metrics: AUC=0.9919, Precision=0.9594\n"
            "📈 Evaluation metrics: {'accuracy': 0.91, 'f1_score': 0.88}\n"
            "Final evaluation metrics: {'main_accuracy': 0.545, 'main_f1': 0.504}\n")
    want = [("AUC", 0.9919, None, None), ("Precision", 0.9594, None, None),
            ("accuracy", 0.91, None, None), ("f1_score", 0.88, None, None),
            ("main_accuracy", 0.545, None, None), ("main_f1", 0.504, None, None)]
    assert named(text) == want
    assert columns_named(text) == want
    heading = "CLASSIFIER EVALUATION METRICS\nAccuracy: 0.9346\nPrecision: 0.9649\n"
    assert named(heading) == [("Accuracy", 0.9346, None, None),
                              ("Precision", 0.9649, None, None)]
    # the heading alone on its line, its colon's record read before its keys (this crashed
    # the parser once: a label with no phase sorted against one with a phase)
    assert named("Evaluation Metrics:\n  accuracy: 0.9\n") == [("accuracy", 0.9, None, None)]


def test_a_data_splits_metrics_keep_its_phase() -> None:
    # (guard) a split's heading or label still names its values
    assert named("Validation metrics: {'accuracy': 0.5, 'loss': 0.7}\n") == [
        ("validation_accuracy", 0.5, None, None), ("validation_loss", 0.7, None, None)]
    assert named("Test metrics: {'accuracy': 0.5}\n") == [("test_accuracy", 0.5, None, None)]
    assert named("Evaluation: {'accuracy': 0.5}\n") == [("evaluation_accuracy", 0.5, None, None)]
    text = "Validation Results:\n  loss: 0.49\n  accuracy: 0.81\n"
    assert named(text) == [("validation_loss", 0.49, None, None),
                           ("validation_accuracy", 0.81, None, None)]


def test_a_testing_phase_before_a_name_at_its_epoch() -> None:
    text = ("Testing Acc at epoch 60: 0.8073999881744385\n"
            "Best testing Acc at epoch 60: 0.8217999935150146\n"
            "Testing Acc at epoch 61: 0.7675999999046326\n")
    assert named(text) == [("Testing_Acc", 0.8073999881744385, None, 60),
                           ("Testing_Acc", 0.7675999999046326, None, 61)]


def test_a_phases_metric_is_a_metric() -> None:
    # LightAutoML's and Hands-On ML's loops print the metric they optimise as "metric"
    text = ("Epoch 1/10, train loss: 0.5649, train metric: 0.7956, valid metric: 0.8514\n"
            "[14:56:32] Epoch: 2, train loss: 0.3075, val loss: 0.2786, val metric: 0.6091\n")
    assert named(text) == [
        ("train_loss", 0.5649, None, 1), ("train_metric", 0.7956, None, 1),
        ("valid_metric", 0.8514, None, 1), ("train_loss", 0.3075, None, 2),
        ("val_loss", 0.2786, None, 2), ("val_metric", 0.6091, None, 2)]
    # (guard) a bare "metric" is still a word: which metric, not its value
    assert named("epoch 3 metric: 0.5\n") == []


def test_a_terminal_loggers_label_before_its_arrows() -> None:
    # Jumanji's TerminalLogger: "<label> >> key: value | key: value"
    text = ("INFO:root:Eval Stochastic >> Env Steps: 0.00e+00 | Episode Length: 80.542 | "
            "Episode Return: 0.294 | Time: 2.283\n"
            "INFO:root:Train >> Env Steps: 6.40e+05 | Steps Per Second: 2,491,524 | "
            "Time: 0.257\n")
    want = [("eval_stochastic_Episode_Length", 80.542, 0, None),
            ("eval_stochastic_Episode_Return", 0.294, 0, None),
            ("eval_stochastic_time", 2.283, 0, None),
            ("train_Steps_Per_Second", 2491524.0, 640000, None),
            ("train_time", 0.257, 640000, None)]
    assert named(text) == want
    assert columns_named(text) == want

"""Mechanisms found by tuning on real logs (held-out set A, tests/data/heldout): each test
names the general rule, not the log it came from."""

from __future__ import annotations

from parsed import named as found

from exptrack.metrics.names import counts_things, running_best


def test_a_logger_key_path_keeps_its_name_after_a_phase_word() -> None:
    text = ("[batch=3/100]:\n"
            "\t Train metrics/train/Perplexity: 3.5\n"
            "\t Train memory/peak_allocated_mem: 9.7\n"
            "\t Eval metrics/eval/Accuracy: 0.5\n")
    assert [n for n, *_ in found(text)] == [
        "metrics/train/Perplexity", "memory/peak_allocated_mem", "metrics/eval/Accuracy"]
    # a plain name still takes the phase; a path without a phase segment takes a non-train one
    assert [n for n, *_ in found("Test loss: 0.3\nVal loss/total: 0.2\n")] == [
        "test_loss", "val_loss/total"]


def test_time_paths_in_progress_units_are_counters() -> None:
    for name in ("time/batch", "time/sample_in_epoch", "time/token", "memory/alloc_retries"):
        assert counts_things(name), name
    for name in ("time/train", "time/forward", "train_time", "batch_time"):
        assert not counts_things(name), name
    assert [n for n, *_ in found("Train time/batch: 365\nTrain time/train: 1.5\n")] == [
        "time/train"]


def test_a_line_opening_with_its_epoch_glued_to_the_word() -> None:
    text = ("7epoch results: [train] loss=15.3, acc=0.5\n"
            "8epoch results: [train] loss=14.4, acc=0.6\n")
    assert found(text)[-2:] == [("train_loss", 14.4, None, 8), ("train_acc", 0.6, None, 8)]
    assert found("3 epoch done: loss 0.5, acc 0.9\n") == [
        ("loss", 0.5, None, 3), ("acc", 0.9, None, 3)]


def test_names_holding_a_counted_noun_and_no_metric_word_are_counters() -> None:
    for name in ("episodes_this_iter", "iterations_since_restore", "episodes_total",
                 "time/iterations", "time/total_timesteps", "train/n_updates"):
        assert counts_things(name) or name == "train/n_updates", name
    for name in ("tokens_per_sec", "samples/sec", "episode_reward_mean", "time/fps",
                 "time/time_elapsed"):
        assert not counts_things(name), name
    text = "episodes_this_iter: 12\nepisode_reward_mean: 3.5\nn_updates: 4\ntrain/n_updates: 5\n"
    assert [n for n, *_ in found(text)] == ["episode_reward_mean"]


def test_a_count_of_operations_is_not_a_metric_but_a_rate_is() -> None:
    assert found("Total FLOPs: 0\n") == []
    assert [n for n, *_ in found("step 3: loss 0.5, throughput/total_Gflops 12.5\n")] == ["loss"]
    assert [n for n, *_ in found("step 3: loss 0.5, TFLOPS 120.5, model_flops_per_gpu 3.1\n")] == [
        "loss", "TFLOPS", "model_flops_per_gpu"]


def test_an_aligned_summary_line_is_named_by_its_whole_phrase() -> None:
    text = ("Kappa statistic                          0.0651\n"
            "Mean absolute error                      0.4942\n"
            "Relative absolute error                 98.8851 %\n"
            "Total Number of Instances             2981\n")
    assert [(n, v) for n, v, *_ in found(text)] == [
        ("Kappa_statistic", 0.0651), ("Mean_absolute_error", 0.4942),
        ("Relative_absolute_error", 98.8851)]
    # not aligned: one capitalised word is a label, not part of the name
    assert [n for n, *_ in found("Kappa statistic 0.0651, loss 0.5\n")] == ["statistic", "loss"]


def test_a_row_of_bare_numbers_under_a_label_is_a_matrix_row() -> None:
    text = ("relationship\n"
            "  Wife                          56.0      75.0\n"
            "  std. dev.                8381.2294  8630.447\n"
            "  [total]                     1525.0    1468.0\n")
    assert found(text) == []
    assert [n for n, *_ in found("  loss                          0.5\n")] == ["loss"]


def test_a_step_key_under_a_phase_prefix_is_the_step() -> None:
    # fairseq-hydra's json records: "train_num_updates" / "valid_num_updates" carry the step
    text = ('{"epoch": 30, "valid_loss": "726.905", "valid_num_updates": "922"}\n'
            '{"epoch": 30, "train_loss": "671.817", "train_num_updates": "922"}\n')
    assert found(text) == [("valid_loss", 726.905, 922, 30), ("train_loss", 671.817, 922, 30)]


def test_env_step_is_the_step_and_n_slash_names_count() -> None:
    # Tianshou's bar postfix: "env_step" is the step; "n/ep", "n/st" count episodes/steps
    text = "Epoch #1: 50001it [00:40, 1244.54it/s, env_step=50000, len=200, n/ep=7, rew=200.00]\n"
    assert found(text) == [("len", 200.0, 50000, 1), ("rew", 200.0, 50000, 1)]


def test_a_running_best_of_a_metric_is_not_a_series() -> None:
    text = ("Epoch #2: test_reward: 190.5, best_reward: 200.0 in #1\n"
            '{"epoch": 3, "valid_wer": "99.9", "valid_best_wer": "99.8"}\n')
    assert [n for n, *_ in found(text)] == ["test_reward", "valid_wer"]
    for name in ("best_val_loss", "best_acc1", "bestReward"):
        assert running_best(name), name
    for name in ("bestTest", "best", "best_epoch", "reward"):
        assert not running_best(name), name


def test_out_of_memory_counts_are_not_metrics() -> None:
    text = '{"epoch": 25, "loss": "3.097", "num_updates": 53749, "oom": 0.026}\n'
    assert [n for n, *_ in found(text)] == ["loss"]

"""Round ``tune88`` (session 88). Each test of a rule fails on cead19cd (this session's
start); the guards pin what must not change."""

from __future__ import annotations

from pathlib import Path

from parsed import columns_named, named
from test_pty import Terminal

from tests.conftest import metric_rows, only_run, py, track


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


_ICEFALL = """\
2023-09-07 22:39:30,004 INFO [train.py:980] (0/2) Training started
2023-09-07 22:39:31,120 INFO [train.py:1002] (1/2) Epoch 1, batch 0, loss[loss=7.41, \
simple_loss=6.70, over 944.00 frames. ], tot_loss[loss=7.41, over 944.00 frames. ], lr: 2.50e-02
2023-09-07 22:39:31,121 INFO [train.py:1002] (0/2) Epoch 1, batch 0, loss[loss=7.373, \
simple_loss=6.673, over 951.00 frames. ], tot_loss[loss=7.373, over 951.00 frames. ], lr: 2.50e-02
2023-09-07 22:40:05,548 INFO [train.py:927] (1/2) Epoch 1, validation: loss=6.915, \
simple_loss=6.239, over 944034.00 frames.
2023-09-07 22:40:05,549 INFO [train.py:927] (0/2) Epoch 1, validation: loss=6.915, \
simple_loss=6.239, over 944034.00 frames.
"""


def test_icefalls_other_ranks_lines_are_dropped_once_rank_zero_printed() -> None:
    want = [("loss", 7.373, 0, 1), ("simple_loss", 6.673, 0, 1), ("tot_loss", 7.373, 0, 1),
            ("lr", 0.025, 0, 1), ("validation_loss", 6.915, None, 1),
            ("validation_simple_loss", 6.239, None, 1)]
    assert named(_ICEFALL) == want
    assert columns_named(_ICEFALL) == want
    # a log of one rank alone (rank 1's file) is read as it is
    alone = "".join(line for line in _ICEFALL.splitlines(True) if "(1/2)" in line)
    assert [n for n, *_ in named(alone)] == ["loss", "simple_loss", "tot_loss", "lr",
                                             "validation_loss", "validation_simple_loss"]


def test_pyhealths_trainer_sections_and_scores_averaged_over_samples() -> None:
    # PyHealth's Trainer prints each line and logs it again through its logger
    epoch = """--- Train epoch-{e}, step-{s} ---
INFO:pyhealth.trainer:--- Train epoch-{e}, step-{s} ---
loss: {train}
INFO:pyhealth.trainer:loss: {train}
--- Eval epoch-{e}, step-{s} ---
INFO:pyhealth.trainer:--- Eval epoch-{e}, step-{s} ---
f1_samples: {f1}
INFO:pyhealth.trainer:f1_samples: {f1}
pr_auc_samples: {auc}
INFO:pyhealth.trainer:pr_auc_samples: {auc}
loss: {val}
INFO:pyhealth.trainer:loss: {val}
"""
    text = "Monitor: pr_auc_samples\n" + epoch.format(
        e=0, s=1, train=26.779, f1=0.1902, auc=0.1278, val=12.1593) + epoch.format(
        e=1, s=2, train=12.1609, f1=0.2655, auc=0.1809, val=5.0584)
    want = [("train_loss", 26.779, 1, 0), ("eval_f1_samples", 0.1902, 1, 0),
            ("eval_pr_auc_samples", 0.1278, 1, 0), ("eval_loss", 12.1593, 1, 0),
            ("train_loss", 12.1609, 2, 1), ("eval_f1_samples", 0.2655, 2, 1),
            ("eval_pr_auc_samples", 0.1809, 2, 1), ("eval_loss", 5.0584, 2, 1)]
    assert named(text) == want
    assert columns_named(text) == want
    # (guard) a count of samples is still a count
    assert named("train_samples: 1000\neval_samples: 300\nnum_samples: 5\n") == []


def test_a_quoted_lines_last_value_before_its_closing_quote() -> None:
    # Ruby's "p" of a string keeps its quotes
    text = '"epoch 49, loss 0.64, accuracy 0.34"\n"epoch 50, loss 0.63, accuracy 0.33"\n'
    assert named(text) == [("loss", 0.64, None, 49), ("accuracy", 0.34, None, 49),
                           ("loss", 0.63, None, 50), ("accuracy", 0.33, None, 50)]


# Unsloth's notebooks: the GPU's figures before trainer.train(), the run's after it
_UNSLOTH_GPU = """GPU = NVIDIA A100-SXM4-40GB. Max memory = 39.557 GB.
7.623 GB of memory reserved.
"""
_UNSLOTH = """1470.9937 seconds used for training.
24.52 minutes used for training.
Peak reserved memory = 38.639 GB.
Peak reserved memory for training = 31.016 GB.
Peak reserved memory % of max memory = 97.679 %.
Peak reserved memory for training % of max memory = 78.408 %.
"""


def test_unsloths_closing_timings_and_peak_memory() -> None:
    got = {name: value for name, value, *_ in named(_UNSLOTH_GPU + _UNSLOTH)}
    assert got == {"seconds_used_for_training": 1470.9937, "minutes_used_for_training": 24.52,
                   "Peak_reserved_memory": 38.639, "Peak_reserved_memory_for_training": 31.016,
                   "Peak_reserved_memory_%_of_max_memory": 97.679,
                   "Peak_reserved_memory_for_training_%_of_max_memory": 78.408}
    # after a training's steps, the same figures at its last epoch; the GPU's stay out
    trained = named(_UNSLOTH_GPU + "{'loss': 1.2, 'grad_norm': 0.5, 'learning_rate': 2e-05, "
                    "'epoch': 1.0}\n" + _UNSLOTH)
    assert [name for name, *_ in trained] == [
        "loss", "grad_norm", "learning_rate", "seconds_used_for_training",
        "minutes_used_for_training", "Peak_reserved_memory", "Peak_reserved_memory_for_training",
        "Peak_reserved_memory_%_of_max_memory",
        "Peak_reserved_memory_for_training_%_of_max_memory"]
    assert ("Peak_reserved_memory", 38.639, None, 1.0) in trained


def test_results_glued_after_a_finished_bar_are_at_no_batch_count() -> None:
    # an evaluation's bar ends, then its results print without a line end before them
    text = ("100%|██████████| 50/50 [00:07<00:00,  6.59it/s]{'layer': 11, 'accuracy': 0.94, "
            "'kl_div': -72.99}\n"
            "100%|██████████| 50/50 [00:07<00:00,  6.31it/s]{'layer': 11, 'accuracy': 0.96, "
            "'kl_div': -76.57}\n"
            "100%|██████████| 299/299 [01:42<00:00,  2.91it/s]Acc: 0.8597. F1 macro: 0.8053.\n")
    want = [("accuracy", 0.94, None, None), ("kl_div", -72.99, None, None),
            ("accuracy", 0.96, None, None), ("kl_div", -76.57, None, None),
            ("Acc", 0.8597, None, None), ("F1_macro", 0.8053, None, None)]
    assert named(text) == want
    assert columns_named(text) == want


def test_values_glued_to_a_training_bar_stay_at_its_count() -> None:
    # (guard) a training loop's prints glued to its bar, the bar's last render too
    text = "".join(
        f"Iteration:  {n // 10:2d}%|█         | {n}/1000 [00:09<08:40,  1.90it/s]timestamp: "
        f"16/04/2020 02:17:26, average loss: {9 - n / 1000:.6f}, time duration: 2.3,\n"
        for n in (10, 20, 1000))
    assert named(text) == [("average_loss", 8.99, 10, None), ("time_duration", 2.3, 10, None),
                           ("average_loss", 8.98, 20, None), ("time_duration", 2.3, 20, None),
                           ("average_loss", 8.0, 1000, None), ("time_duration", 2.3, 1000, None)]
    gan = "0% 49/90000 [02:46<81:43:57,  3.27s/it]G: 2.06 | D: 0.05 | GP: 0.50\n"
    assert named(gan) == [("G", 2.06, 49, None), ("D", 0.05, 49, None), ("GP", 0.5, 49, None)]


def test_dgcnns_phase_and_epoch_before_its_values() -> None:
    # DGCNN's (and CurveNet's, learning3d's) epoch lines: the phase, its epoch, its values
    text = ("Train 58, loss: 1.500102, train acc: 0.925590, train avg acc: 0.886281\n"
            "Test 58, loss: 1.510341, test acc: 0.906807, test avg acc: 0.868395\n")
    want = [("train_loss", 1.500102, None, 58), ("train_acc", 0.92559, None, 58),
            ("train_avg_acc", 0.886281, None, 58), ("test_loss", 1.510341, None, 58),
            ("test_acc", 0.906807, None, 58), ("test_avg_acc", 0.868395, None, 58)]
    assert named(text) == want
    assert columns_named(text) == want
    # (guard) a split's size is no epoch
    assert named("train 113, val 29\n") == []


def test_an_epoch_counter_in_parentheses() -> None:
    text = ("Epoch (15/16)\ntrain loss 0.0299, error 0.0002\nval   loss 0.2327, error 0.0413\n"
            "Epoch (16/16)\ntrain loss 0.0289, error 0.0001\n")
    assert named(text) == [("train_loss", 0.0299, None, 15), ("train_error", 0.0002, None, 15),
                           ("val_loss", 0.2327, None, 15), ("val_error", 0.0413, None, 15),
                           ("train_loss", 0.0289, None, 16), ("train_error", 0.0001, None, 16)]


def test_a_zero_padded_index_before_its_values_is_the_epoch() -> None:
    # First Order Motion Model's log.txt
    text = ("00000105) perceptual - 76.09751; equivariance_value - 0.10611; "
            "equivariance_jacobian - 0.43849\n"
            "00000106) perceptual - 74.99386; equivariance_value - 0.10477; "
            "equivariance_jacobian - 0.43427\n")
    want = [("perceptual", 76.09751, None, 105), ("equivariance_value", 0.10611, None, 105),
            ("equivariance_jacobian", 0.43849, None, 105),
            ("perceptual", 74.99386, None, 106), ("equivariance_value", 0.10477, None, 106),
            ("equivariance_jacobian", 0.43427, None, 106)]
    assert named(text) == want
    assert columns_named(text) == want
    # (guard) a list's item number is no epoch
    assert named("1) accuracy: 0.93\n2) accuracy: 0.95\n")[0][2:] == (None, None)


def test_a_settings_or_a_data_sets_length_is_no_metric() -> None:
    text = ("step 1 loss 0.5 train/ctx_len 4096 feat_len 2304 valid_dataloader_len 40\n"
            "step 2 loss 0.4 win_length 400 stride_length 160 memory_length 5000\n")
    assert [name for name, *_ in named(text)] == ["loss", "loss"]
    # (guard) an episode's, a completion's length is measured
    measured = named("step 1 loss 0.5 episode_length 200 completions/mean_length 311.5\n")
    assert [name for name, *_ in measured] == ["loss", "episode_length",
                                               "completions/mean_length"]


def test_a_notebook_tables_long_header_cells() -> None:
    # TRL's GRPO trainer's table as a notebook shows it, copied as text: its reward
    # functions' columns are named after the functions
    text = ("Step | Training Loss | reward | kl | "
            "rewards / check_grounding_references_from_response\n"
            "-- | -- | -- | -- | --\n"
            "1 | 0.000000 | -17.250000 | 0.000000 | -16.000000\n"
            "2 | 0.000100 | -10.500000 | 0.000028 | -10.000000\n")
    names = {name for name, *_ in named(text)}
    assert names == {"Training_Loss", "reward", "kl",
                     "rewards_/_check_grounding_references_from_response"}
    assert ("reward", -10.5, 2, None) in named(text)


def test_a_kaggle_log_panes_columns_are_taken_off() -> None:
    # the Log pane of a Kaggle notebook, copied: its time, its line's number, the message
    text = ("13129.7s | 202 | [365]\tvalid_0's auc: 0.610046\tvalid_0's binary_logloss: 0.180457\n"
            "-- | -- | --\n"
            "13129.7s | 203 | [366]\tvalid_0's auc: 0.610051\tvalid_0's binary_logloss: 0.180455\n")
    want = [("valid_0_auc", 0.610046, 365, None), ("valid_0_binary_logloss", 0.180457, 365, None),
            ("valid_0_auc", 0.610051, 366, None), ("valid_0_binary_logloss", 0.180455, 366, None)]
    assert named(text) == want
    assert columns_named(text) == want


def test_a_ranks_tag_behind_a_collectors_time() -> None:
    # docker logs -t of a torchrun job, of an icefall job: the rank's tag after the time
    stamp = "2024-11-25T10:31:15.542123456Z "
    assert named("".join(stamp + line for line in _ICEFALL.splitlines(True))) \
        == named(_ICEFALL)
    ranks = "".join(f"{stamp}[default{rank}]:step {step} loss 0.{rank}{step}\n"
                    for step in (10, 20) for rank in (0, 1))
    assert named(ranks) == [("loss", 0.01, 10, None), ("loss", 0.02, 20, None)]


def test_track_run_records_icefalls_rank_zero_alone(tmp_path: Path, track_home: Path) -> None:
    # a two-rank icefall job's console through the installed CLI, under a pipe
    code = ("import sys\n"
            f"sys.stdout.write({_ICEFALL!r})\n")
    track("run", "--", *py(code), cwd=tmp_path, check=True)
    rows = metric_rows(only_run(track_home) / "metrics.jsonl")
    got = [(r["name"], r["value"], r.get("step")) for r in rows]
    assert ("loss", 7.373, 0) in got and ("loss", 7.41, 0) not in got
    assert [name for name, *_ in got].count("validation_loss") == 1


def test_track_run_reads_results_glued_to_a_finished_bar(tmp_path: Path,
                                                         track_home: Path) -> None:
    # a stored evaluation log replayed through the CLI (its bar's last render only, the
    # results glued after it), under a pipe and under a real terminal
    log = tmp_path / "eval.log"
    log.write_text("100%|██████████| 50/50 [00:07<00:00,  6.59it/s]{'layer': 11, 'accuracy': "
                   "0.94}\n100%|██████████| 299/299 [01:42<00:00,  2.91it/s]Acc: 0.8597. "
                   "F1 macro: 0.8053.\n")
    code = "import sys; sys.stdout.write(open('eval.log', encoding='utf-8').read())"
    want = [("accuracy", 0.94, None), ("Acc", 0.8597, None), ("F1_macro", 0.8053, None)]
    track("run", "--", *py(code), cwd=tmp_path, check=True)
    rows = metric_rows(only_run(track_home) / "metrics.jsonl")
    assert [(r["name"], r["value"], r.get("step")) for r in rows] == want
    piped = only_run(track_home)
    term = Terminal(["run", "--", *py(code)], tmp_path)
    assert term.finish() == 0
    [termed] = [p for p in (track_home / "runs").iterdir() if p.is_dir() and p != piped]
    rows = metric_rows(termed / "metrics.jsonl")
    assert [(r["name"], r["value"], r.get("step")) for r in rows] == want

"""Round ``tune87`` (session 87): the tags a launcher or a log collector puts before every
line (``transport``), Python logging records' prefixes, each appended run's closing results,
two step keys. Each test of a rule fails on ff7422f8 (this session's start); the guards pin
what must not change."""

from __future__ import annotations

import json
from pathlib import Path

from parsed import columns_named, named
from test_pty import Terminal

from tests.conftest import metric_rows, only_run, py, track, track_json

# Stable-Baselines3's logger table, as PPO prints it (verbose=1)
_SB3 = """-----------------------------------------
| rollout/                |             |
|    ep_len_mean          | 970         |
|    ep_rew_mean          | 147         |
| time/                   |             |
|    fps                  | 778         |
|    iterations           | 49          |
|    time_elapsed         | 1030        |
|    total_timesteps      | 802816      |
| train/                  |             |
|    approx_kl            | 0.004295407 |
|    entropy_loss         | -0.92       |
|    loss                 | 1.02        |
|    n_updates            | 192         |
-----------------------------------------
-----------------------------------------
| rollout/                |             |
|    ep_len_mean          | 960         |
|    ep_rew_mean          | 149         |
| time/                   |             |
|    fps                  | 777         |
|    iterations           | 50          |
|    time_elapsed         | 1053        |
|    total_timesteps      | 819200      |
| train/                  |             |
|    approx_kl            | 0.005       |
|    entropy_loss         | -0.91       |
|    loss                 | 0.98        |
|    n_updates            | 196         |
-----------------------------------------
"""

# a whitespace table of epochs, a header and its rows
_TABLE = """epoch  train_loss  val_loss  val_acc
1      0.912       0.801     0.655
2      0.604       0.587     0.741
3      0.433       0.502     0.788
"""


def _tagged(text: str, tag: str) -> str:
    return "".join(tag + line for line in text.splitlines(True))


def test_tags_of_a_launcher_or_a_collector_read_as_the_printed_lines() -> None:
    plain_table, plain_sb3 = named(_TABLE), named(_SB3)
    assert ("rollout/ep_rew_mean", 149.0, 819200, None) in plain_sb3
    assert ("val_acc", 0.788, None, 3) in plain_table
    for tag in ("(RayTrainWorker pid=2105, ip=10.0.0.2) ", "(pid=2105) ",
                "\x1b[36m(RayTrainWorker pid=2105)\x1b[0m ",
                "2024-11-25T10:31:15.542123456Z ", "[1,0]<stdout>:", "[default0]:",
                "[rank0]: ", "Nov 25 10:31:15 gpu-node-3 python[12345]: ",
                "2024-11-25T10:31:15+0000 gpu-node-3 python3.11[12345]: "):
        assert named(_tagged(_SB3, tag)) == plain_sb3, tag
        assert named(_tagged(_TABLE, tag)) == plain_table, tag
        assert columns_named(_tagged(_TABLE, tag)) == plain_table, tag


def test_another_ranks_copy_of_a_line_is_dropped_and_its_own_lines_read() -> None:
    # torchrun --tee: each process prints its own copy, the lines interleaved
    rank0 = _TABLE.splitlines(True)
    rank1 = [line.replace("0.", "0.1") for line in rank0]
    text = "".join(f"[default0]:{a}[default1]:{b}" for a, b in zip(rank0, rank1, strict=True))
    assert named(text) == named(_TABLE)
    steps = "".join(f"[default{rank}]:step {step} loss 0.{rank}{step}\n"
                    for step in (10, 20) for rank in (0, 1))
    assert named(steps) == [("loss", 0.01, 10, None), ("loss", 0.02, 20, None)]
    # a line of a shape only a later rank prints (a pipeline's last stage) is still read
    last_stage = "[default1]: iteration 10 | lm loss: 5.250E+00 |\n"
    assert named(last_stage + text) == [("lm_loss", 5.25, 10, None), *named(_TABLE)]


def test_a_time_in_a_line_and_a_logging_records_time_stay() -> None:
    # (guard) a zoneless ISO time is a record's own (read per line, as before); a time
    # after the line's start is the message's
    text = ("2024-11-25T10:31:15 INFO epoch 1 loss 0.5\nsaved at 2024-11-25T10:31:15Z \n"
            "epoch 2 loss 0.4\n")
    assert named(text) == [("loss", 0.5, None, 1), ("loss", 0.4, None, 2)]


def test_track_run_reads_a_table_behind_collector_stamps(tmp_path: Path,
                                                         track_home: Path) -> None:
    code = ("import sys\n"
            f"for line in {_SB3!r}.splitlines(True):\n"
            "    sys.stdout.write('2024-11-25T10:31:15.5421234Z ' + line)\n")
    track("run", "--", *py(code), cwd=tmp_path, check=True)
    rows = metric_rows(only_run(track_home) / "metrics.jsonl")
    got = [(r["name"], r["value"], r["step"]) for r in rows if r["name"].startswith("train/")]
    assert got == [("train/approx_kl", 0.004295407, 802816), ("train/entropy_loss", -0.92, 802816),
                   ("train/loss", 1.02, 802816), ("train/approx_kl", 0.005, 819200),
                   ("train/entropy_loss", -0.91, 819200), ("train/loss", 0.98, 819200)]


def test_track_run_under_a_terminal_reads_a_table_behind_rays_coloured_tag(
        tmp_path: Path, track_home: Path) -> None:
    # Ray colours its worker tag when its driver writes to a terminal
    code = ("import sys\n"
            f"for line in {_SB3!r}.splitlines(True):\n"
            "    sys.stdout.write('\\x1b[36m(RayTrainWorker pid=2105)\\x1b[0m ' + line)\n")
    term = Terminal(["run", "--", *py(code)], tmp_path)
    assert term.finish() == 0
    rows = metric_rows(only_run(track_home) / "metrics.jsonl")
    got = [(r["name"], r["value"], r["step"]) for r in rows if r["name"] == "train/loss"]
    assert got == [("train/loss", 1.02, 802816), ("train/loss", 0.98, 819200)]


def _kaggle(*records: tuple[str, str]) -> str:
    """A Kaggle kernel's log of ``(stream, data)`` records, as its "Download log" gives it."""
    lines = [json.dumps({"stream_name": stream, "time": 49.5 + i, "data": data},
                        separators=(",", ":"))
             for i, (stream, data) in enumerate(records)]
    return "[" + "\n,".join(lines) + "]"


def test_a_kaggle_kernel_log_reads_as_its_output(tmp_path: Path) -> None:
    printed = ("Epoch 1: loss=0.6671, acc=0.7313\n"
               "Epoch 2: loss=0.6174, acc=0.7540\n"
               "Test accuracy: 0.7695\n")
    log = _kaggle(("stderr", "0.00s - Debugger warning: frozen modules\n"),
                  ("stdout", "Epoch 1: loss=0.6671, "), ("stdout", "acc=0.7313\n"),
                  ("stdout", "Epoch 2: loss=0.6174, acc=0.7540\n"),
                  ("stdout", "Test accuracy: 0.7695"))  # (its last record: no line end)
    assert named(printed) == [("loss", 0.6671, None, 1), ("acc", 0.7313, None, 1),
                              ("loss", 0.6174, None, 2), ("acc", 0.754, None, 2),
                              ("test_accuracy", 0.7695, None, None)]
    assert named(log) == named(printed)
    assert columns_named(log) == named(printed)
    path = tmp_path / "kernel.log"
    path.write_text(log)
    data = track_json("parse", str(path), cwd=tmp_path)
    assert sorted(data["metrics"]) == ["acc", "loss", "test_accuracy"]
    assert data["metrics"]["loss"] == {**data["metrics"]["loss"], "last": 0.6174, "count": 2}


def test_a_json_array_of_other_records_stays_as_it_is() -> None:
    # (guard) records of another shape are a printed JSON, read as before
    text = '[{"epoch": 1, "loss": 0.5}\n,{"epoch": 2, "loss": 0.4}]\n'
    assert named(text) == named(text.replace("[{", "{").replace(",{", "{").replace("}]", "}"))


def _run(losses: tuple[float, float], test: float) -> str:
    return (f"Epoch 1/2 - loss: {losses[0]} - val_loss: {losses[0] + 0.1}\n"
            f"Epoch 2/2 - loss: {losses[1]} - val_loss: {losses[1] + 0.1}\n"
            f"Test accuracy: {test}\n")


def test_each_appended_runs_result_belongs_to_no_epoch() -> None:
    # a log file each run appends to: every run's closing result is a result, not its
    # last epoch's value (before, the second run's came at epoch 2)
    text = _run((0.5, 0.4), 0.81) + _run((0.6, 0.3), 0.86) + _run((0.7, 0.2), 0.9)
    assert [o for o in named(text) if o[0] == "test_accuracy"] == [
        ("test_accuracy", 0.81, None, None), ("test_accuracy", 0.86, None, None),
        ("test_accuracy", 0.9, None, None)]
    assert columns_named(text) == named(text)


def test_a_name_printed_at_its_epochs_stays_at_them_in_the_next_run() -> None:
    # (guard) a validation every second epoch, on a line of no epoch of its own, is that
    # epoch's in every run, also in a run cut short right after its first validation
    def run(epochs: int, start: float) -> str:
        return "".join(f"Epoch {e}: loss {start - e / 10:.2f}\n"
                       + (f"val_acc {start + e / 10:.2f}\n" if e % 2 == 0 else "")
                       for e in range(1, epochs + 1))
    text = run(4, 0.5) + run(2, 0.6)
    assert [o for o in named(text) if o[0] == "val_acc"] == [
        ("val_acc", 0.7, None, 2), ("val_acc", 0.9, None, 4), ("val_acc", 0.8, None, 2)]


def test_a_global_batch_and_a_japanese_iteration_are_steps() -> None:
    text = ("Epoch 5, Global Batch 7360, Training Loss: 2.5003, Validation Loss: 0.4712\n"
            "Epoch 5, Global Batch 7365, Training Loss: 2.6816, Validation Loss: 0.5219\n")
    assert named(text) == [("training_loss", 2.5003, 7360, 5), ("validation_loss", 0.4712, 7360, 5),
                           ("training_loss", 2.6816, 7365, 5), ("validation_loss", 0.5219, 7365, 5)]
    # the PyTorch advanced book's loop: "イテレーション" (iteration)
    text = ("イテレーション 10 || Loss: 7.3510 || 10iter: 24.7164 sec.\n"
            "イテレーション 20 || Loss: 6.1108 || 10iter: 24.9410 sec.\n")
    assert [o for o in named(text) if o[0] == "Loss"] == [("Loss", 7.351, 10, None),
                                                           ("Loss", 6.1108, 20, None)]


# "%(asctime)s [%(levelname)s] %(name)s: %(message)s", a common basicConfig format
_CSV = "epoch,train_loss,val_loss\n1,0.912,0.801\n2,0.604,0.587\n3,0.433,0.502\n"


def test_a_bracketed_level_and_a_modules_name_are_a_records_prefix() -> None:
    for prefix in ("2025-11-03 20:52:13,669 [INFO] __main__: ",
                   "2025-11-03 20:52:13,669 [INFO] trainer.loop: ",
                   "[2025-11-03 20:52:13,669][INFO] "):
        assert named(_tagged(_CSV, prefix)) == named(_CSV), prefix
        line = prefix + "Epoch 3, Test RMSE: 4.2, Test MAE: 1.9\n"
        assert named(line) == [("test_RMSE", 4.2, None, 3), ("test_MAE", 1.9, None, 3)], prefix


def test_a_key_after_a_bracketed_level_stays_the_key() -> None:
    # (guard) a word before its value is the message's key; a phase word labels the message
    stamp = "2025-11-03 20:52:13,669 [INFO] "
    assert named(stamp + "loss: 0.5\n") == [("loss", 0.5, None, None)]
    assert named(stamp + "train: loss 0.5\n") == [("train_loss", 0.5, None, None)]


def test_hugging_faces_explicit_format_and_a_level_first_are_a_records_prefix() -> None:
    for prefix in ("[INFO|trainer.py:2070] 2024-11-25 10:31:15,542 >> ",
                   "INFO 2025-11-27 20:02:30,507 train_utils.py: 278: ",
                   "INFO 2026-06-12 16:56:19 train.py:357 "):
        assert named(_tagged(_CSV, prefix)) == named(_CSV), prefix
    line = "[INFO|trainer.py:2070] 2024-11-25 10:31:15,542 >> Epoch 2: train loss 0.41\n"
    assert named(line) == [("train_loss", 0.41, None, 2)]
    # a table behind glog's and basicConfig's prefixes, each line its record
    for prefix in ("I1125 10:31:15.542123 12345 train.py:88] ", "INFO:__main__:"):
        assert named(_tagged(_CSV, prefix)) == named(_CSV), prefix


def test_a_damaged_or_hostile_kaggle_record_breaks_nothing() -> None:
    good = json.dumps({"stream_name": "stdout", "time": 1.0, "data": "Epoch 1: loss=0.5\n"})
    lone = '{"stream_name":"stdout","time":2.0,"data":"\\ud800 Epoch 2: loss=0.4\\n"}'
    deep = ('{"stream_name":"stdout","time":3.0,"data":"x\\n","y":' + "[" * 100000
            + "]" * 100000 + "}")
    cut = '{"stream_name":"stdout","time":4.0,"data":"Epoch 3: lo'
    endless = json.dumps({"stream_name": "stdout", "time": 5.0, "data": "x" * 50000})
    text = "[" + "\n,".join([good, lone, deep, cut] + [endless] * 3) + "]\n"
    assert [o for o in named(text) if o[0] == "loss"] == [("loss", 0.5, None, 1),
                                                         ("loss", 0.4, None, 2)]


def test_hugging_face_examples_logging_format_is_a_records_prefix() -> None:
    # "%(asctime)s - %(levelname)s - %(name)s - ", its time "%m/%d/%Y %H:%M:%S"
    prefix = "12/05/2024 10:31:15 - INFO - __main__ - "
    assert named(_tagged(_CSV, prefix)) == named(_CSV)
    assert named(prefix + "Epoch 2: train loss 0.41\n") == [("train_loss", 0.41, None, 2)]
    # (guard) a word before " - " is the message's own, not a logger's name (DeepPoseKit's
    # evaluation: "euclidean - mean:  1.87 (0%:  0.33, ...)")
    block = ("Epoch 27/100\nevaluation_metrics: \n"
             "euclidean - mean:  1.87 (0%:  0.33, 100%: 10.73) \n"
             "confidence - mean:  0.74 (0%:  0.53, 100%:  0.94) \n")
    assert ("euclidean_mean", 1.87, None, 27) in named(block)
    assert named(_tagged(block, "2024-11-25 10:31:15,542 - INFO - ")) == named(block)

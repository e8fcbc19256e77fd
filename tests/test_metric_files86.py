"""Framework metric files of session 86 (real ``track run`` processes where a run is needed).

Ray Tune's per-trial ``result.json``: a series a trial, named as Ray names the trial; the
printed last results, pooled over the trials under the bare key, left out; the TensorBoard
file Ray writes beside each trial's not read; the folder the output names as the results'
(Ray's default ``~/ray_results``) searched. TorchRL's ``CSVLogger`` files; flair's printed
dev F1 and its ``loss.tsv``'s ``DEV_F1`` as one metric."""

from __future__ import annotations

import json
import shutil
import sys
from pathlib import Path
from typing import Any

from conftest import metric_rows, only_run, track, track_json

from exptrack.capture.metricfiles import _apart
from exptrack.capture.printedfolders import PrintedFolders
from exptrack.metrics import Observation, files
from exptrack.metrics.merge import merge_sources
from exptrack.metrics.records import live_summaries
from exptrack.metrics.summary import MetricSummarizer

EVENTS = Path(__file__).parent / "data" / "sources" / "events.out.tfevents.fixture"

# A two-trial search as Ray Tune 2 leaves it: a folder a trial, named
# <trainable>_<trial id>_<tag>_<date>, each with result.json (a reported result a line) and
# a TensorBoard file of the same results; stdout shows each trial's last result in a box,
# then the closing status table (values rounded).
SEARCH = r"""
import json, os, shutil, sys
root = sys.argv[2] if len(sys.argv) > 2 else "ray_results/logreg"
print(f"View detailed results here: {os.path.abspath(root)}", flush=True)
losses = {"ab12c_00000": [0.6869586811842642, 0.6809464697878947, 0.675105887761806],
          "ab12c_00001": [0.6731830608762444, 0.6550607701197488, 0.6386148691506683]}
for index, (trial, values) in enumerate(losses.items()):
    folder = f"{root}/train_fn_{trial}_{index}_lr=0.0{index + 1}00_2026-12-05_03-00-48"
    os.makedirs(folder)
    with open(f"{folder}/result.json", "w") as out:
        for step, loss in enumerate(values, 1):
            out.write(json.dumps({"loss": loss, "accuracy": 0.7 + step / 100,
                                  "timestamp": 1796439655, "checkpoint_dir_name": None,
                                  "done": step == 3, "training_iteration": step,
                                  "trial_id": trial, "time_this_iter_s": 0.002,
                                  "time_total_s": 0.002 * step, "pid": 22472,
                                  "config": {"lr": 0.01 * (index + 1)},
                                  "time_since_restore": 0.002 * step,
                                  "iterations_since_restore": step}) + "\n")
    shutil.copy(sys.argv[1], f"{folder}/events.out.tfevents.1796439655.vm")
    print(f"Trial train_fn_{trial} completed after 3 iterations.")
    print("+----------------------------------------+")
    print(f"| Trial train_fn_{trial} result          |")
    print("+----------------------------------------+")
    print(f"| training_iteration                   3 |")
    print(f"| accuracy                          0.73 |")
    print(f"| loss                           {values[-1]:.5f} |")
    print("+----------------------------------------+")
"""


def test_a_search_records_each_trial_from_its_result_json(tmp_path: Path,
                                                          track_home: Path) -> None:
    track("run", "--", sys.executable, "-c", SEARCH, str(EVENTS), cwd=tmp_path, check=True)
    metrics: dict[str, Any] = track_json("show", "@")["metrics"]
    first, second = "train_fn_ab12c_00000", "train_fn_ab12c_00001"
    assert metrics[f"{first}/loss"]["count"] == 3
    assert metrics[f"{first}/loss"]["last"] == 0.675105887761806  # exact, not 0.67511
    assert metrics[f"{second}/loss"]["last"] == 0.6386148691506683
    assert metrics[f"{second}/loss"]["last_step"] == 3  # training_iteration
    assert metrics[f"{second}/accuracy"]["count"] == 3
    assert f"{first}/time_total_s" in metrics
    # Ray's own counters and clocks are no metrics; the config is a setting
    assert not any(name.endswith(("/training_iteration", "/timestamp", "/pid", "/done",
                                  "/config/lr", "/time_since_restore",
                                  "/iterations_since_restore")) for name in metrics)
    # the printed last results, pooled under the bare key, stand for the trials' series
    assert "loss" not in metrics and "accuracy" not in metrics
    # the TensorBoard files beside the trials' hold the same results: not read
    assert "train/loss" not in metrics and "val/acc" not in metrics
    run_dir = only_run(track_home)
    names = {row["name"] for row in metric_rows(run_dir / "metrics.jsonl")}
    assert "loss" not in names and f"{first}/loss" in names
    listed = (run_dir / "sources.yaml").read_text()
    assert listed.count("kind: ray_tune") == 2 and "tfevents" not in listed
    # track reparse reads the kept copies the same way
    shutil.rmtree(tmp_path / "ray_results")
    track("reparse", "@", cwd=tmp_path, check=True)
    again: dict[str, Any] = track_json("show", "@")["metrics"]
    assert again[f"{first}/loss"] == metrics[f"{first}/loss"]
    assert "loss" not in again and "train/loss" not in again


def test_a_search_kept_outside_the_working_folder(tmp_path: Path, track_home: Path) -> None:
    """Ray's default storage is ~/ray_results: the folder its output names is searched."""
    work, elsewhere = tmp_path / "work", tmp_path / "home" / "ray_results" / "logreg"
    work.mkdir()
    track("run", "--", sys.executable, "-c", SEARCH, str(EVENTS), str(elsewhere), cwd=work,
          check=True)
    metrics: dict[str, Any] = track_json("show", "@")["metrics"]
    assert metrics["train_fn_ab12c_00001/loss"]["last"] == 0.6386148691506683
    assert "loss" not in metrics and "train/loss" not in metrics
    run_dir = only_run(track_home)
    label = "ray_results/logreg/train_fn_ab12c_00000_0_lr=0.0100_2026-12-05_03-00-48/result.json"
    assert f"path: {label}" in (run_dir / "sources.yaml").read_text()
    assert (run_dir / "sources" / label).read_bytes() == (elsewhere.parent.parent / label) \
        .read_bytes()


def test_printed_folders(tmp_path: Path) -> None:
    log = tmp_path / "output.log"
    log.write_bytes(b"epoch 1\n\x1b[1mView detailed results here: /data/exps/sweep \x1b[0m\r\n"
                    b"Result logdir: /data/exps/old\nView detailed results here: /data/cut")
    printed = PrintedFolders(log)
    assert printed.update() == [Path("/data/exps/sweep"), Path("/data/exps/old")]
    with open(log, "ab") as out:  # the line being written is read once it ends
        out.write(b"_off\nView detailed results here: /data/exps/sweep\n")
    assert printed.update()[2:] == [Path("/data/cut_off")]
    # a folder the working folder is in, or as wide as a home, is not searched
    assert _apart(Path("/data/exps/sweep"), Path("/work/project"))
    assert not _apart(Path("/work"), Path("/work/project"))
    assert not _apart(Path("/work/project/runs"), Path("/work/project"))
    assert not _apart(Path("/data"), Path("/work/project"))


def _line(**entry: object) -> bytes:
    return (json.dumps(entry) + "\n").encode()


def test_result_json_reading() -> None:
    head = _line(loss=0.5, training_iteration=1, trial_id="ab12c_00000")
    assert files.kind_of("result.json", head) == files.RAY_TUNE
    assert files.kind_of("results.json", head) is None
    assert files.kind_of("result.json", b"[1, 2]\n") is None
    # RLlib's nested results: flattened with "/"; a trial folder named otherwise: the id
    data = _line(env_runners={"episode_return_mean": 18.79, "module": {"a": 1}},
                 learners={"default_policy": {"vf_loss": 45.7}}, training_iteration=2,
                 trial_id="ab12c_00003", config={"lr": 0.1}, done=False)
    found = files.parse(files.RAY_TUNE, data, Path("custom_dir/result.json"))
    assert found == [Observation("ab12c_00003/env_runners/episode_return_mean", 18.79, 2, None),
                     Observation("ab12c_00003/env_runners/module/a", 1.0, 2, None),
                     Observation("ab12c_00003/learners/default_policy/vf_loss", 45.7, 2, None)]
    # a result.json of something else (no trial id or no iteration) gives nothing
    assert files.parse(files.RAY_TUNE, _line(loss=0.5, training_iteration=1), None) == []
    assert files.parse(files.RAY_TUNE, _line(loss=0.5, trial_id="x"), None) == []


def test_the_printed_pooled_results_give_way_to_the_trials() -> None:
    trials = [Observation("fn_ab12c_00000/loss", 0.61234, 3, None),
              Observation("fn_ab12c_00001/loss", 0.51234, 3, None)]
    printed = [Observation("loss", 0.6123, 3, None), Observation("loss", 0.5123, 3, None),
               Observation("lr", 0.01, 3, None)]
    kept, merged = merge_sources(printed, [(files.RAY_TUNE, trials)])
    assert kept == [Observation("lr", 0.01, 3, None)]
    assert sorted(merged) == ["fn_ab12c_00000/loss", "fn_ab12c_00001/loss"]
    # another kind's grouped names are no trials: a printed name they cover merges
    kept, merged = merge_sources(printed[:1], [(files.TFEVENTS, trials[:1])])
    assert kept == [] and len(merged["fn_ab12c_00000/loss"]) == 1
    # while the run goes, too
    summarizer = MetricSummarizer()
    summarizer.add(printed)
    live = live_summaries(summarizer, [("a/result.json", (files.RAY_TUNE, trials))])
    assert sorted(live) == ["fn_ab12c_00000/loss", "fn_ab12c_00001/loss", "lr"]


# TorchRL's CSVLogger (logger="csv"): a file a metric under <exp>/scalars/, "step,value" a
# line, no header; the training loop's bar shows the same values rounded, at no step.
TORCHRL = r"""
import os
os.makedirs("csv_logs/ppo/scalars")
for step in (256, 512, 768):
    for name, value in (("eval_cumulative_reward", -1284.499267578125 + step),
                        ("lr_policy", 0.0003 / (step // 256))):
        with open(f"csv_logs/ppo/scalars/{name}.csv", "a") as out:
            out.write(f"{step},{value}\n")
    print(f"eval cumulative reward: {-1284.499267578125 + step:.4f}, "
          f"lr policy: {0.0003 / (step // 256):.4f}", flush=True)
"""


def test_torchrl_csv_logger_files(tmp_path: Path, track_home: Path) -> None:
    track("run", "--", sys.executable, "-c", TORCHRL, cwd=tmp_path, check=True)
    metrics: dict[str, Any] = track_json("show", "@")["metrics"]
    reward = metrics["eval_cumulative_reward"]
    assert reward["count"] == 3 and reward["last"] == -516.499267578125  # exact
    assert reward["last_step"] == 768  # the file's step: the bar showed none
    assert metrics["lr_policy"]["last"] == 0.0003 / 3 and metrics["lr_policy"]["count"] == 3
    listed = (only_run(track_home) / "sources.yaml").read_text()
    assert listed.count("kind: torchrl") == 2


def test_torchrl_file_kind() -> None:
    assert files.kind_of("reward.csv", b"256,-6.47\n512,-7.7\n", "scalars") == files.TORCHRL
    assert files.kind_of("reward.csv", b"256,nan\n", "scalars") == files.TORCHRL
    # a two-column CSV elsewhere, or a header: not TorchRL's
    assert files.kind_of("reward.csv", b"256,-6.47\n", "data") is None
    assert files.kind_of("reward.csv", b"step,value\n256,-6.47\n", "scalars") is None
    assert files.parse(files.TORCHRL, b"256,-6.47\n512,x\n768,-1e-3\n",
                       Path("scalars/reward.csv")) == [Observation("reward", -6.47, 256, None),
                                                       Observation("reward", -0.001, 768, None)]


def test_flair_prints_its_dev_f1_as_the_reports_micro_average() -> None:
    printed = [Observation("dev_loss", 0.6607, None, 4),
               Observation("dev_f1-score_(micro_avg)", 0.5743, None, 4)]
    sourced = [Observation("dev_loss", 0.6606736779212952, None, 4),
               Observation("dev_f1", 0.5743, None, 4)]
    kept, merged = merge_sources(printed, [(files.FLAIR, sourced)])
    assert kept == [] and [o.value for o in merged["dev_f1"]] == [0.5743]

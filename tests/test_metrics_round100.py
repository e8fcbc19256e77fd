"""Round ``tune100`` (session 100). Each test of a rule fails on 02e6d48b (this session's
start); the guards pin what must not change."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from conftest import track, track_json
from parsed import named

from exptrack.metrics import files
from exptrack.metrics.merge import merge_sources
from exptrack.metrics.observation import Observation


def test_a_tqdm_redraw_padded_with_a_space_is_no_other_format() -> None:
    # implicit's ALS bar: tqdm's update frame shows the old loss at the new count, then the
    # step's own value, a character shorter and padded with a space after "]" (before: read
    # as another format's print of 0.0461 rounded, and step 14 lost)
    text = (" 87%|████████▋ | 13/15 [00:00<00:00, 23.18it/s, loss=0.0461]\r"
            " 93%|█████████▎| 14/15 [00:00<00:00, 23.64it/s, loss=0.0461]\r"
            " 93%|█████████▎| 14/15 [00:00<00:00, 23.64it/s, loss=0.046] \r"
            "100%|██████████| 15/15 [00:00<00:00, 23.64it/s, loss=0.045]\n")
    assert [(n, v, s) for n, v, s, _ in named(text)] == [
        ("loss", 0.0461, 13), ("loss", 0.046, 14), ("loss", 0.045, 15)]


def test_jittors_record_prefix_is_no_step() -> None:
    # Jittor's glog-like "[i MMDD time thread file:line] ": its date is no step and the
    # machine's memory at start-up no metric (before: Total_mem 23.54 at step 1207)
    text = ("\x1b[38;5;2m[i 1207 00:18:56.893319 56 __init__.py:227] Total mem: 23.54GB, "
            "using 7 procs for compiling.\x1b[m\n"
            "[i 1207 00:19:20.019319 80 train.py:40] Iteration 100, loss = 0.5\n"
            "[w 1207 00:19:21.019319 80 train.py:40] Iteration 200, loss = 0.4\n")
    assert [(n, v, s) for n, v, s, _ in named(text)] == [("loss", 0.5, 100), ("loss", 0.4, 200)]


def _rows(name: str, values: list[float], epochs: list[int]) -> list[Observation]:
    return [Observation(name, v, None, e) for v, e in zip(values, epochs, strict=True)]


def test_a_resumed_yolo_run_keeps_its_own_rows_of_results_csv() -> None:
    # train(resume=True) appends epochs 3-4 to the results.csv that holds the interrupted
    # run's epochs 1-2; the resumed run prints epochs 3-4 only (before: the earlier run's
    # rows opened every series of this one)
    file = _rows("box_loss", [6.1, 3.6, 3.57, 3.76], [1, 2, 3, 4]) \
        + _rows("mAP50", [0.0, 0.0, 0.0675, 0.071], [1, 2, 3, 4]) \
        + _rows("val_box_loss", [6.8, 5.2, 3.0, 3.2], [1, 2, 3, 4])
    printed = _rows("box_loss", [3.57, 3.761], [3, 4]) + _rows("mAP50", [0.0675, 0.071], [3, 4])
    printed.append(Observation("mAP50", 0.071, None, None))  # the closing validation of best.pt
    _, merged = merge_sources(printed, [("ultralytics", file)])
    assert [o.epoch for o in merged["box_loss"]] == [3, 4]
    assert [o.epoch for o in merged["val_box_loss"]] == [3, 4]  # (printed nowhere: cut too)
    assert [(o.epoch, o.value) for o in merged["mAP50"]] == [(3, 0.0675), (4, 0.071),
                                                            (None, 0.071)]


def test_a_run_printing_every_other_row_keeps_the_whole_file() -> None:
    # guard: a print every few rows of a file of every row is no resumed run
    file = _rows("loss", [0.9, 0.8, 0.7, 0.6], [1, 2, 3, 4])
    printed = _rows("loss", [0.8, 0.6], [2, 4])
    _, merged = merge_sources(printed, [("ultralytics", file)])
    assert [o.epoch for o in merged["loss"]] == [1, 2, 3, 4]


def test_steps_counted_within_an_epoch_are_no_positions_of_the_files_steps() -> None:
    # open_clip prints "Train Epoch: 1 [ 8/64 (12%)]": the samples of the epoch so far,
    # starting again each epoch; its TensorBoard file keeps the global step (before: the
    # printed values at "step 64" were added after the file's last step, 23)
    text = ("Train Epoch: 0 [ 8/64 (12%)] LR: 0.000250 Loss: 2.1325 (2.1325)\n"
            "Train Epoch: 0 [64/64 (100%)] LR: 0.000946 Loss: 1.0754 (1.6039)\n"
            "Train Epoch: 1 [ 8/64 (12%)] LR: 0.000700 Loss: 0.9000 (0.9000)\n"
            "Train Epoch: 1 [64/64 (100%)] LR: 0.000500 Loss: 0.8000 (0.8500)\n")
    printed = [Observation(n, v, s, e) for n, v, s, e in named(text)]
    assert [o.step for o in printed if o.name == "Loss"] == [8, 64, 8, 64]
    file = [Observation("train/loss", v, s, None)
            for v, s in ((2.13251, 0), (1.07541, 7), (0.90001, 8), (0.80001, 15))]
    _, merged = merge_sources(printed, [("tfevents", file)])
    assert [o.step for o in merged["train/loss"]] == [0, 7, 8, 15]


def test_an_evaluation_tag_naming_its_phase_is_the_printed_names() -> None:
    # open_clip's TensorBoard "val/clip_val_loss", printed "clip_val_loss: 0.7764" (before:
    # two series, the printed one apart)
    printed = [Observation("clip_val_loss", 0.7764, None, 1)]
    file = [Observation("val/clip_val_loss", 0.77641, 1, None)]
    kept, merged = merge_sources(printed, [("tfevents", file)])
    assert kept == [] and [o.value for o in merged["val/clip_val_loss"]] == [0.77641]


def test_torchs_cache_report_is_no_metric() -> None:
    # torch's exit report after a run that compiled nothing, its glog-style lines on stderr
    text = ("I1207 01:32:21.386000 17810 torch/_subclasses/fake_tensor.py:3779]   "
            "cache_hits: 0\n"
            "I1207 01:32:21.386000 17810 torch/_subclasses/fake_tensor.py:3780]   "
            "cache_misses: 0\n")
    assert named(text) == []


ZOO = Path(__file__).parent / "data" / "zoo"


def test_a_tuners_best_so_far_and_its_hyperparameters_are_no_metrics() -> None:
    # Ultralytics' tuner after each iteration, as captured under a terminal: the best
    # iteration's record again, then its hyperparameters as YAML, mutated from iteration to
    # iteration (before: the dict's keys as metrics, hsv_s as a time in seconds, the YAML's
    # changing keys as series)
    lines = (ZOO / "yolo_tune" / "pty" / "output.log").read_bytes().split(b"\n")
    starts = [i for i, line in enumerate(lines) if b"Best fitness=" in line]
    assert len(starts) == 3
    text = b"\n".join(b"\n".join(lines[i:i + 32]) for i in starts)
    assert b"hsv_s: " in text and b"Best fitness metrics are {" in text
    assert named(text) == []


def test_a_small_block_printed_again_with_new_values_is_still_a_report() -> None:
    # guard: SB3's EvalCallback prints "Episode length: 366.00 +/- 189.50" after each
    # evaluation, a line of its own: its changing value makes it a series
    text = "".join(f"Eval num_timesteps={n}, episode_reward=9.60 +/- 0.80\n"
                   f"Episode length: {length} +/- 1.00\n"
                   for n, length in ((1000, 366.0), (2000, 59.33), (3000, 151.67)))
    assert [v for n, v, _, _ in named(text) if n == "Episode_length"] == [366.0, 59.33, 151.67]


def test_one_file_of_several_trainings_gives_that_trainings_values() -> None:
    # the tuner trains once an iteration (epochs 1, 2 each time) and keeps the best
    # iteration's results.csv alone: the printed series stays whole, the iteration the
    # file holds exact (before: the file's two rows, then the printed ones after its last
    # epoch)
    printed = _rows("box_loss", [4.874, 3.39, 8.804, 5.023, 8.468, 5.369], [1, 2, 1, 2, 1, 2])
    file = _rows("box_loss", [8.80433, 5.02289], [1, 2]) \
        + _rows("val_box_loss", [6.7604, 5.1], [1, 2])
    _, merged = merge_sources(printed, [("ultralytics", file)])
    assert [o.value for o in merged["box_loss"]] == [4.874, 3.39, 8.80433, 5.02289, 8.468, 5.369]
    assert [o.value for o in merged["val_box_loss"]] == [6.7604, 5.1]


def test_a_timm_summary_printed_again_is_no_second_training() -> None:
    # guard: timm's "--result" prints its summary's epochs after the training's lines: no
    # several trainings (each printed run is no training of the file's epochs)
    printed = _rows("train_loss", [1.03, 1.0, 0.87, 0.74], [0, 0, 1, 1]) \
        + _rows("train_loss", [0.9042, 0.7792], [0, 1])
    file = _rows("train_loss", [0.90424, 0.77921], [0, 1])
    _, merged = merge_sources(printed, [("timm", file)])
    assert [o.value for o in merged["train_loss"]] == [0.90424, 0.77921]


TUNE = """
import json, pathlib, time
folder = pathlib.Path("runs/detect/tune")
folder.mkdir(parents=True)
for iteration, fitness in ((1, 0.00289), (2, 0.0312), (3, 0.01089)):
    print(f"Tuner: Starting iteration {iteration}/3 with hyperparameters: {{'lr0': 0.01}}")
    with open(folder / "tune_results.ndjson", "a") as handle:
        handle.write(json.dumps({"iteration": iteration, "fitness": fitness,
                                 "hyperparameters": {"lr0": 0.01, "box": 7.5}}) + "\\n")
    print(f"Tuner: {iteration}/3 iterations complete")
"""


def test_ultralytics_tuners_record_gives_each_iterations_fitness(tmp_path: Path) -> None:
    # tune_results.ndjson (Ultralytics 8.4; tune_results.csv before): the fitness of each
    # iteration at the iteration, where stdout prints only the best so far (before: not read)
    track("run", "--", sys.executable, "-c", TUNE, cwd=tmp_path, check=True)
    metrics: dict[str, Any] = track_json("show", "@")["metrics"]
    assert metrics["fitness"]["count"] == 3 and metrics["fitness"]["last"] == 0.01089
    assert metrics["fitness"]["last_step"] == 3
    assert "lr0" not in metrics and "box" not in metrics
    older = b"fitness,lr0,lrf,momentum\n0.0029,0.01,0.01,0.937\n0.0312,0.0063,0.01,0.94\n"
    assert files.kind_of("tune_results.csv", older) == files.ULTRALYTICS_TUNE
    assert [(o.value, o.step) for o in files.parse(files.ULTRALYTICS_TUNE, older)] == [
        (0.0029, 1), (0.0312, 2)]
    assert files.kind_of("results.csv", older) is None


def test_fortrans_double_exponent_and_l_bfgs_b_iterates() -> None:
    # SciPy's L-BFGS-B before 1.15 (Fortran) at scikit-learn's verbose: "6.93147D-01" is
    # 0.693147, "At iterate N" the step, "|proj g|" the projected gradient's norm, the
    # machine's precision no metric (before: nothing read from the iterate lines)
    text = ("Machine precision = 2.220D-16\n N =           21     M =           10\n"
            "At iterate    0    f=  6.93147D-01    |proj g|=  5.17121D-01\n"
            "At iterate    1    f=  3.27601D-01    |proj g|=  1.20000D-01\n"
            "At iterate   13    f=  2.10037D-04    |proj g|=  7.19211D-05\n")
    assert [(n, v, s) for n, v, s, _ in named(text) if n == "f"] == [
        ("f", 0.693147, 0), ("f", 0.327601, 1), ("f", 2.10037e-04, 13)]
    assert [v for n, v, _, _ in named(text) if n == "|proj_g|"] == [0.517121, 0.12, 7.19211e-05]
    assert {n for n, _, _, _ in named(text)} == {"f", "|proj_g|"}


def test_an_evaluations_per_class_lists_are_no_configuration() -> None:
    # torchvision's segmentation reference after each epoch: its ConfusionMatrix summary,
    # per-class lists of formatted numbers between two aggregates (before: the lists made
    # the block a printed configuration and "global correct" was lost)
    text = ("Test: Total time: 0:00:01\n"
            "global correct: 39.0\n"
            "average row correct: ['97.3', '0.0', '0.0', '66.1']\n"
            "IoU: ['51.7', '0.0', '0.0', '5.5']\n"
            "mean IoU: 2.7\n")
    assert [(n, v) for n, v, _, _ in named(text)] == [("global_correct", 39.0),
                                                      ("mean_IoU", 2.7)]


def test_carets_resample_marks_and_its_tuning_parameter_are_no_metrics() -> None:
    # caret's train(..., trControl = trainControl(verboseIter = TRUE)) and print(model):
    # "+ Fold1: k=5" starts a resample, the table's k is the candidate's setting (before:
    # k a metric of 33 values)
    text = ("+ Fold1: k=5 \n- Fold1: k=5 \n+ Fold1: k=7 \n- Fold1: k=7 \n"
            "Aggregating results\nSelecting tuning parameters\n"
            "Fitting k = 5 on full training set\n"
            "Resampling results across tuning parameters:\n\n"
            "  k  Accuracy   Kappa\n  5  0.9733333  0.96 \n  7  0.9666667  0.95 \n\n"
            "Accuracy was used to select the optimal model using the largest value.\n"
            "The final value used for the model was k = 5.\n")
    assert [(n, v) for n, v, _, _ in named(text)] == [
        ("Accuracy", 0.9733333), ("Kappa", 0.96), ("Accuracy", 0.9666667), ("Kappa", 0.95)]


def test_a_norm_in_bars_names_its_value() -> None:
    # LIBLINEAR's trust-region Newton lines: "|g|", the gradient's norm, a field of its own;
    # "CG" counts the conjugate-gradient steps (before: |g| lost, CG a metric)
    text = ("iter  1 act 9.127e+01 pre 7.170e+01 delta 1.340e-02 f 3.549e+02 |g| 5.634e+04 "
            "CG   2\n"
            "iter  2 act 6.267e+01 pre 5.091e+01 delta 2.132e-02 f 2.636e+02 |g| 3.499e+04 "
            "CG   2\n")
    found = named(text)
    assert [(v, s) for n, v, s, _ in found if n == "|g|"] == [(56340.0, 1), (34990.0, 2)]
    assert {n for n, _, _, _ in found} == {"act", "pre", "delta", "f", "|g|"}


def test_a_phrases_bars_are_no_norms_name() -> None:
    # guard: "max |r_H| = 0.427" is a phrase's (no field of its own after a value)
    assert named("  max |r_H| = 0.427  |  max |r_Var| = 0.399\n") == []


def test_timms_validate_results_file_and_its_printed_summary_are_one() -> None:
    # timm's validate.py --results-file: a row a model; its " * Acc@1 23.809 (76.191)" is
    # the file's top1 (before: the file unread, Acc@1 and Acc@5 apart)
    data = (b"model,top1,top1_err,top5,top5_err,param_count,img_size,crop_pct,interpolation\n"
            b"resnet10t,23.8095,76.1905,100.0,0.0,4.92,32,0.95,bicubic\n")
    assert files.kind_of("results.csv", data) == files.TIMM_RESULTS
    found = files.parse(files.TIMM_RESULTS, data)
    assert [(o.name, o.value, o.step) for o in found] == [
        ("top1", 23.8095, None), ("top1_err", 76.1905, None), ("top5", 100.0, None),
        ("top5_err", 0.0, None)]
    printed = [Observation(n, v, s, e) for n, v, s, e in named(
        " * Acc@1 23.809 (76.191) Acc@5 100.000 (0.000)\n")]
    kept, merged = merge_sources(printed, [("timm_results", found)])
    assert kept == [] and [o.value for o in merged["top1"]] == [23.8095]


def test_paddlenlps_trainer_axes_and_loss_scaling_setting() -> None:
    # PaddleNLP's Trainer logs "loss: 0.69, ..., global_step: 2, ..., progress_or_epoch: 0.2"
    # and keeps the same keys in trainer_state.json; its arguments table prints fp16's
    # "scale_loss : 32768" (before: global_step and progress_or_epoch recorded as metrics
    # from the file, progress_or_epoch from the output, scale_loss a metric)
    text = ("[2026-12-07 02:26:26,263] [   DEBUG] - scale_loss                    : 32768\n"
            "[2026-12-07 02:26:26,837] [    INFO] - loss: 0.69137043, learning_rate: 0.0045, "
            "global_step: 2, interval_runtime: 0.5469, progress_or_epoch: 0.2\n")
    assert [(n, s, e) for n, _, s, e in named(text)] == [
        ("loss", 2, 0.2), ("learning_rate", 2, 0.2), ("interval_runtime", 2, 0.2)]
    state = (b'{"log_history": [{"global_step": 2, "learning_rate": 0.0045, "loss": 0.69137043, '
             b'"progress_or_epoch": 0.2, "step": 2}]}')
    found = files.parse(files.HF_TRAINER, state)
    assert [(o.name, o.step, o.epoch) for o in found] == [
        ("learning_rate", 2, 0.2), ("loss", 2, 0.2)]


def test_h2o_automls_new_leader_and_its_tolerance_are_no_metrics() -> None:
    # H2O AutoML's event log: the leader so far's score (its leaderboard holds each model's)
    # and the stopping tolerance it derives (before: auc a series of the leaders, and
    # training_frame = 0.05)
    text = ("02:33:11.362: Setting stopping tolerance adaptively based on the training "
            "frame: 0.05\n"
            "02:33:38.53: New leader: XGBoost_1_AutoML_1_20261207_23330, auc: 0.808377\n"
            "02:33:41.824: New leader: GLM_1_AutoML_1_20261207_23330, auc: 0.856088\n"
            "02:33:42.100: AutoML duration:  8.508 sec\n")
    assert [(n, v) for n, v, _, _ in named(text)] == [("AutoML_duration", 8.508)]


def test_a_sentence_that_ends_right_before_a_key_leaves_the_key_alone() -> None:
    # LightAutoML's "Fitting <model> finished. score = 0.72" (its models' scores), a loop's
    # "Training done. loss: 0.5" (before: nothing read: the sentence's words were taken for
    # the name's and judged a phrase)
    text = ("[02:47:39] Fitting \x1b[1mLvl_0_Pipe_0_Mod_0_LinearL2\x1b[0m finished. score = "
            "\x1b[1m0.7220119452739774\x1b[0m\n"
            "[02:47:40] Fitting \x1b[1mLvl_0_Pipe_1_Mod_0_LightGBM\x1b[0m finished. score = "
            "\x1b[1m0.9658483228001945\x1b[0m\n"
            "Training done. loss: 0.5\n"
            "Model converged. final loss: 0.4\n")
    assert [(n, v) for n, v, _, _ in named(text)] == [
        ("score", 0.7220119452739774), ("score", 0.9658483228001945), ("loss", 0.5),
        ("final_loss", 0.4)]

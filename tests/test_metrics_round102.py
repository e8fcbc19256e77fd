"""Round ``tune102`` (session 102). Each test of a rule fails on 459edb13 (this session's
start); the guards pin what must not change."""

from __future__ import annotations

import sys
from pathlib import Path

from conftest import metric_rows, only_run, track, track_json
from parsed import named

from exptrack.metrics import files, merge, textfiles
from exptrack.metrics.tfevents import read_events

ZOO = Path(__file__).parent / "data" / "zoo"
LCURVE = ZOO / "deepmd_train" / "pipe" / "files" / "lcurve.out"
# what `dp train` logged beside it (DeePMD-kit 3.2.0: the first two display steps)
DEEPMD_LOG = r"""
import shutil, sys
shutil.copy(sys.argv[1], "lcurve.out")
for line in (
        "[2026-12-07 06:51:17,676] DEEPMD INFO    Batch       0: trn: rmse = 2.98e+00, "
        "rmse_e = 1.04e+00, rmse_f = 9.04e-02, lr = 1.00e-03",
        "[2026-12-07 06:51:17,676] DEEPMD INFO    Batch       0: val: rmse = 2.59e+00, "
        "rmse_e = 1.04e+00, rmse_f = 7.75e-02",
        "[2026-12-07 06:51:18,165] DEEPMD INFO    Batch      20: trn: rmse = 1.46e+00, "
        "rmse_e = 6.53e-01, rmse_f = 4.30e-02, lr = 1.00e-03",
        "[2026-12-07 06:51:18,165] DEEPMD INFO    Batch      20: val: rmse = 1.38e+00, "
        "rmse_e = 6.53e-01, rmse_f = 4.04e-02"):
    print(line, file=sys.stderr)
"""


def test_deepmds_learning_curve_is_a_metric_file() -> None:
    data = LCURVE.read_bytes()
    assert files.kind_of("lcurve.out", data[:4096]) == files.DEEPMD
    assert files.kind_of("lcurve.out", b"step loss\n0 1.0\n") is None  # (no "#" header)
    found = files.parse(files.DEEPMD, data)
    assert {o.name for o in found} == {"rmse_val", "rmse_trn", "rmse_e_val", "rmse_e_trn",
                                      "rmse_f_val", "rmse_f_trn", "lr"}
    assert [(o.step, o.value) for o in found if o.name == "rmse_e_val"][:2] == [
        (0, 1.04), (20, 0.653)]


def test_a_restarted_curves_header_and_a_cut_row() -> None:
    data = (b"#  step  rmse_trn  lr\n     0  2.0e+00  1.0e-03\n   100  1.0e+00  9.0e-04\n"
            b"#  step  rmse_trn  lr\n   200  5.0e-01  8.0e-04\n   300  4.0e-01\n")
    assert [(o.name, o.value, o.step) for o in textfiles.deepmd(data)] == [
        ("rmse_trn", 2.0, 0), ("lr", 0.001, 0), ("rmse_trn", 1.0, 100), ("lr", 0.0009, 100),
        ("rmse_trn", 0.5, 200), ("lr", 0.0008, 200)]


def test_a_phase_written_last_answers_to_the_printed_phase() -> None:
    # lcurve.out's "rmse_e_trn" / "rmse_e_val", printed "trn: rmse_e = ..." (the training's,
    # no phase) and "val: rmse_e = ..." (val_rmse_e)
    keys = merge.file_keys(["rmse_e_trn", "rmse_e_val", "rmse_trn", "rmse_val"])
    assert keys[merge.name_key("rmse_e")] == "rmse_e_trn"
    assert keys[merge.name_key("val_rmse_e")] == "rmse_e_val"
    assert keys[merge.name_key("rmse")] == "rmse_trn"
    assert keys[merge.name_key("val_rmse")] == "rmse_val"


def test_deepmds_run_is_one_series_a_quantity(tmp_path: Path, track_home: Path) -> None:
    work = tmp_path / "work"
    work.mkdir()
    track("run", "--", sys.executable, "-c", DEEPMD_LOG, str(LCURVE), cwd=work, check=True)
    metrics = track_json("show", "@")["metrics"]
    assert set(metrics) == {"rmse_val", "rmse_trn", "rmse_e_val", "rmse_e_trn", "rmse_f_val",
                            "rmse_f_trn", "lr"}  # (not the printed "rmse", "val_rmse_e")
    assert metrics["rmse_f_trn"]["count"] == 11
    rows = [r for r in metric_rows(only_run(track_home) / "metrics.jsonl")
            if r["name"] == "rmse_e_val"]
    assert [r["step"] for r in rows] == list(range(0, 201, 20))


def test_an_evaluation_runs_tag_that_names_its_phase_keeps_its_name() -> None:
    # Orbit's eval/ run: "accuracy" is the evaluation's (eval_accuracy), "evaluation_loss"
    # says so itself (before: eval_evaluation_loss, beside the printed evaluation_loss)
    found = sorted((ZOO / "tf_models_orbit" / "pipe" / "files" / "model" / "summaries"
                    / "eval").glob("events.out.tfevents.*"))
    assert len(found) == 1
    assert {o.name for o in read_events(found[0])} == {"eval_accuracy", "evaluation_loss"}


def test_an_r_result_tables_row_names_are_no_column() -> None:
    # R prints a table's row names first, a cell more than its header names: rpart's
    # printcp (a row per subtree), e1071's tune summary (a row per candidate), cv.glmnet's
    # print (lambda.min's and lambda.1se's rows); the settings' columns are no measures
    # (before: no value of any of them)
    rpart = ("Root node error: 38/100 = 0.38\n\nn= 100 \n\n"
             "        CP nsplit rel error  xerror    xstd\n"
             "1 0.421053      0   1.00000 1.00000 0.12773\n"
             "2 0.184211      1   0.57895 0.78947 0.12059\n"
             "3 0.052632      2   0.39474 0.68421 0.11543\n")
    assert [(n, v) for n, v, _, _ in named(rpart) if n == "xerror"] == [
        ("xerror", 1.0), ("xerror", 0.78947), ("xerror", 0.68421)]
    assert {n for n, _, _, _ in named(rpart)} >= {"rel_error", "xstd"}
    tune = ("- Detailed performance results:\n"
            "  gamma cost error dispersion\n"
            "1  0.01    1 0.265 0.11796892\n"
            "2  0.10    1 0.145 0.07975657\n")
    assert [(n, v) for n, v, _, _ in named(tune)] == [
        ("error", 0.265), ("dispersion", 0.11796892), ("error", 0.145),
        ("dispersion", 0.07975657)]
    glmnet = ("Measure: AUC \n\n"
              "     Lambda Index Measure      SE Nonzero\n"
              "min 0.03100    20  0.8479 0.01624       6\n"
              "1se 0.06525    12  0.8318 0.01497       3\n")
    assert [(n, v) for n, v, _, _ in named(glmnet)] == [
        ("Measure", 0.8479), ("SE", 0.01624), ("Measure", 0.8318), ("SE", 0.01497)]


def test_r_squared_written_short_is_a_name() -> None:
    # R's earth: "GRSq", "RSq", "CVRSq" (generalised, plain, cross-validated R-squared;
    # before: read as CamelCase labels, dropped)
    text = "GCV 2.908872  RSS 466.0158  GRSq 0.8229499  RSq 0.8567495  CVRSq 0.7686717\n"
    assert [n for n, _, _, _ in named(text)] == ["GCV", "RSS", "GRSq", "RSq", "CVRSq"]


def test_a_camelcase_label_before_a_number_stays_no_name() -> None:
    # guard: "DataLoader 0" names no quantity, nor does a CamelCase word ending in "Sq"
    text = "DataLoader 0  val_loss 0.5\nstep 2 TorchSq 0.4\n"
    assert [n for n, _, _, _ in named(text)] == ["val_loss"]


def test_yolov5s_closing_row_is_read_under_its_own_columns() -> None:
    # YOLOv5's segment/train.py appends its validation of best.pt as the epoch and twelve
    # values (box and mask metrics, validation losses) to a twenty-column results.csv (before:
    # read by position, the metrics under the losses' columns)
    data = (ZOO / "yolov5_segment" / "pipe" / "files" / "runs" / "train-seg" / "exp"
            / "results.csv").read_bytes()
    found = files.parse(files.ULTRALYTICS, data)
    closing = [(o.name, o.value) for o in found if o.epoch == 3]
    assert closing[:4] == [("box_P", 0.0054087), ("box_R", 1.0), ("box_mAP50", 0.12795),
                           ("box_mAP50-95", 0.016123)]
    assert ("val_cls_loss", 0.027328) in closing
    assert len([o for o in found if o.name == "box_loss"]) == 3


def test_syne_tunes_status_table_is_a_trial_table() -> None:
    # its sampled settings (width, height) are no metrics (before: recorded as ones)
    text = (" trial_id     status  iter  width  height  epochs  epoch  mean_loss  worker-time\n"
            "        0  Completed    10     13      16      10   10.0   2.387402     1.007852\n"
            "        4 InProgress     0     19       5      10      -          -            -\n")
    assert [(n, v) for n, v, _, _ in named(text)] == [("mean_loss", 2.387402)]


def test_a_validation_runs_tag_of_another_word_keeps_the_runs_name() -> None:
    # guard: Keras' TensorBoard callback writes "evaluation_loss_vs_iterations" into its
    # validation/ run, a word of its own: validation_evaluation_loss_vs_iterations
    found = sorted((ZOO / "keras_tensorboard" / "pipe" / "files" / "logs" / "validation")
                   .glob("events.out.tfevents.*"))
    names = {o.name for path in found for o in read_events(path)}
    assert "validation_evaluation_loss_vs_iterations" in names


def test_mlrs_resampling_table_is_a_fold_a_row() -> None:
    # R's mlr 2: its measures' names after "Measures:", a row a fold under them (before:
    # the fold's number alone, as the step of the aggregate's line)
    text = ("Resampling: cross-validation\n"
            "Measures:             mmce      acc       \n"
            "[Resample] iter 1:    0.0000000 1.0000000 \n"
            "[Resample] iter 2:    0.0666667 0.9333333 \n"
            "[Resample] iter 3:    0.0333333 0.9666667 \n\n"
            "Aggregated Result: mmce.test.mean=0.0266667,acc.test.mean=0.9733333\n")
    assert [(n, v, s) for n, v, s, _ in named(text)] == [
        ("mmce", 0.0, 1), ("acc", 1.0, 1), ("mmce", 0.0666667, 2), ("acc", 0.9333333, 2),
        ("mmce", 0.0333333, 3), ("acc", 0.9666667, 3), ("mmce.test.mean", 0.0266667, None),
        ("acc.test.mean", 0.9733333, None)]


def test_lightgbms_programs_best_round_printed_again_is_no_new_round() -> None:
    # LightGBM's command-line program after early stopping: "Output of best iteration
    # round:", then the round's lines again, one a metric (before: each a 26th value)
    text = ("[LightGBM] [Info] Iteration:25, valid_1 binary_logloss : 0.555\n"
            "[LightGBM] [Info] Iteration:25, valid_1 auc : 0.799\n"
            "[LightGBM] [Info] Early stopping at iteration 25, the best iteration round is 20\n"
            "[LightGBM] [Info] Output of best iteration round:\n"
            "Iteration:20, valid_1 binary_logloss : 0.552772\n"
            "Iteration:20, valid_1 auc : 0.801629\n"
            "[LightGBM] [Info] Finished training\n")
    assert [(n, v, s) for n, v, s, _ in named(text)] == [
        ("valid_1_binary_logloss", 0.555, 25), ("valid_1_auc", 0.799, 25)]


def test_the_line_after_a_best_rounds_reprint_reads_on() -> None:
    # guard: the Python package's one reprinted line, then a result of its own
    text = ("[10]\tvalid_0's auc: 0.81\n"
            "Early stopping, best iteration is:\n"
            "[8]\tvalid_0's auc: 0.82\n"
            "test accuracy: 0.77\n")
    assert [(n, v) for n, v, _, _ in named(text)] == [
        ("valid_0_auc", 0.81), ("test_accuracy", 0.77)]


def test_a_names_value_word_keeps_its_printed_spelling() -> None:
    # kernlab's ksvm: "Objective Function Value : -71.0924" (before: Objective_Function_value)
    text = "Objective Function Value : -71.0924 \nlm loss value: 8.4\n"
    assert [n for n, _, _, _ in named(text)] == ["Objective_Function_Value", "lm_loss_value"]


def test_bleus_counts_and_length_ratio_are_no_scores() -> None:
    # pycocoevalcap's Bleu scorer prints its n-gram counts, then the candidates' length
    # ratio to the references, then the scores (before: "ratio" recorded as a metric)
    text = ("computing Bleu score...\n"
            "{'testlen': 122, 'reflen': 123, 'guess': [122, 110, 98, 86], "
            "'correct': [96, 76, 60, 47]}\n"
            "ratio: 0.991869918691123\n"
            "Bleu_1: 0.780\nBleu_2: 0.731\ncomputing METEOR score...\nMETEOR: 0.469\n")
    assert [(n, v) for n, v, _, _ in named(text)] == [
        ("Bleu_1", 0.78), ("Bleu_2", 0.731), ("METEOR", 0.469)]


def test_an_options_default_is_no_metric() -> None:
    # pix2pix/CycleGAN's options table: each option set, then "[default: X]" (before: a
    # "default" series of the defaults)
    text = ("----------------- Options ---------------\n"
            "                crop_size: 32                            \t[default: 256]\n"
            "                load_size: 36                            \t[default: 286]\n"
            "                 n_epochs: 2                             \t[default: 100]\n"
            "----------------- End -------------------\n"
            "(epoch: 1, iters: 4, time: 0.042, data: 0.131) D_A: 0.678 G_A: 1.171\n")
    assert "default" not in {n for n, _, _, _ in named(text)}
    assert ("D_A", 0.678) in [(n, v) for n, v, _, _ in named(text)]


def test_deepspeeds_flops_profile_is_no_measure_of_training() -> None:
    # DeepSpeed's get_model_profile(print_profile=True): its model's size, MACs, flops and
    # forward latency, to its closing rule (before: six junk names, "latency" = the FLOPS)
    text = (ZOO / "deepspeed_flops_profile" / "pipe" / "output.log").read_text()
    assert "fwd latency:" in text and "Note: 1." in text
    assert sorted({n for n, _, _, _ in named(text)}) == ["train_loss", "val_acc", "val_loss"]
    assert [v for n, v, _, _ in named(text) if n == "val_acc"] == [0.9062, 0.9531, 0.9688]

"""Round ``tune84`` (session 84): rules written from the tuning half of the corpus. Each test of
a rule fails on 7c19c3c1 (this session's start); the guards pin what must not change."""

from __future__ import annotations

import sys
import time
from pathlib import Path

from conftest import track, track_json
from parsed import columns_named, named

# pytorch-template's epoch block (its BaseTrainer logs "    {key:15s}: {value}" a key a line)
_TEMPLATE = (
    "2025-04-19 19:19:06,151 - trainer - INFO -     epoch          : 1\n"
    "2025-04-19 19:19:06,151 - trainer - INFO -     loss           : 1.8456706966866145\n"
    "2025-04-19 19:19:06,151 - trainer - INFO -     my_metric      : 0.39853367660984845\n"
    "2025-04-19 19:19:06,152 - trainer - INFO -     val_loss       : 1.6093\n"
    "2025-04-19 19:19:06,152 - trainer - INFO -     val_my_metric  : 0.4636\n")


def test_a_spaced_assignment_of_a_measured_figure_is_a_metric() -> None:
    # four significant digits or more: measured, whatever the name ("medium spl", a
    # navigation benchmark's success weighted by path length; EVALB's "Complete match")
    assert named("medium spl = 0.2584\n") == [("medium_spl", 0.2584, None, None)]
    assert named("Complete match            =  14.82\n") == [("Complete_match", 14.82, None, None)]
    assert [n[:2] for n in named(_TEMPLATE)] == [
        ("loss", 1.8456706966866145), ("my_metric", 0.39853367660984845),
        ("val_loss", 1.6093), ("val_my_metric", 0.4636)]
    assert columns_named(_TEMPLATE) == named(_TEMPLATE)


def test_a_spaced_assignment_of_a_round_figure_stays_a_setting() -> None:
    for line in ("ghost atom cutoff = 5.5\n", "adversarial temperature = 1.0\n",
                 "init_std = 0.02\n", "lr decay = 0.0001\n", "warmup = 0.125\n",
                 "Num examples = 3668\n", "seed : 1234\n", "total_flos = 1.645885589078016e+17\n"):
        assert named(line) == [], line


def test_rows_under_a_for_each_category_heading_are_per_class() -> None:
    # torchvision's detection reference (VOC): the mAP of each class, then the aggregate
    rows = "".join(f" {c:<15}: {v}\n" for c, v in (
        ("aeroplane", 0.8759546352558178), ("bicycle", 0.8554609242543677),
        ("bird", 0.8434943725365999), ("boat", 0.6753024837855667)))
    assert named("mAP(IoU=0.5) for each category:\n" + rows) == []
    assert named("mAP(IoU=0.5) for each category:\n" + rows + "\nmAP: 0.7912\n") == [
        ("mAP", 0.7912, None, None)]


# pytorch-CycleGAN-and-pix2pix's train.py: its scheduler prints the old and the new rate
_PIX2PIX = (
    "(epoch: 1, iters: 100, time: 0.821, data: 0.003) G_GAN: 5.174 G_L1: 28.184 \n"
    "End of epoch 1 / 200 \t Time Taken: 20 sec\n"
    "learning rate 0.0002000 -> 0.0001000\n"
    "(epoch: 2, iters: 100, time: 0.822, data: 0.003) G_GAN: 5.012 G_L1: 27.901 \n"
    "End of epoch 2 / 200 \t Time Taken: 21 sec\n"
    "learning rate 0.0001000 -> 0.0000500\n")


def test_a_value_printed_old_then_new_is_the_new_value() -> None:
    lr = [(n[1], n[3]) for n in named(_PIX2PIX) if n[0] == "learning_rate"]
    assert lr == [(0.0001, 1), (0.00005, 2)]
    assert columns_named(_PIX2PIX) == named(_PIX2PIX)
    # a before/after comparison: the value after the arrow, each pair on a line
    assert named("accuracy: 0.4800 -> 0.7200 [change: 0.2400 (+50.00%)]\n")[:1] == [
        ("accuracy", 0.72, None, None)]
    assert [n[:2] for n in named("loss 0.5213 -> 0.4127, acc: 0.8012 => 0.9134\n")] == [
        ("loss", 0.4127), ("acc", 0.9134)]


def test_a_new_best_printed_old_then_new_stays_an_event() -> None:
    for line in ("Validation loss decreased (inf --> 3.2672).  Saving model ...\n",
                 "Model is improving acc: -inf --> 69.1295.\n",
                 "New lowest loss on validation set: -1.8245 -> -1.8248\n",
                 "The best score is updated -3.4028235e+38 -> 200.0\n"):
        assert named(line) == [], line


def test_a_unit_and_its_full_stop_end_the_value_before_a_phrased_name() -> None:
    # FLAML's logger: both budgets named by their phrases (the second after "s. ")
    line = ("[flaml.automl.logger: 12-05 08:29:45] {3026} INFO - iteration 0, current "
            "learner lgbm\n[flaml.automl.logger: 12-05 08:29:45] {3161} INFO - "
            "Estimated sufficient time budget=29757s. Estimated necessary time budget=30s.\n")
    assert [n[:2] for n in named(line)] == [("Estimated_sufficient_time_budget", 29757.0),
                                           ("Estimated_necessary_time_budget", 30.0)]


_FLAML = r"""
import json
records = [(1, 0.0853333, 2.97, 2.99, 0.000107), (2, 0.08, 3.96, 6.97, 8.7e-06),
           (4, 0.0786667, 0.599, 11.69, 8.9e-05)]
with open("flaml.log", "w") as f:
    for i, (it, loss, took, wall, pred) in enumerate(records):
        f.write(json.dumps({"record_id": i, "iter_per_learner": it,
                            "logged_metric": {"pred_time": pred}, "trial_time": took,
                            "wall_clock_time": wall, "validation_loss": loss,
                            "config": {"n_estimators": 4, "learning_rate": 0.1},
                            "learner": "lgbm", "sample_size": 750}) + "\n")
    f.write(json.dumps({"curr_best_record_id": 2}) + "\n")
print("accuracy", "=", 0.908)
"""


def test_flaml_log_file_is_a_metric_source(tmp_path: Path) -> None:
    track("run", "--", sys.executable, "-c", _FLAML, cwd=tmp_path, check=True)
    metrics = track_json("show", "@")["metrics"]
    assert metrics["validation_loss"]["count"] == 3
    assert metrics["validation_loss"]["last"] == 0.0786667
    assert metrics["validation_loss"]["last_step"] == 4
    assert metrics["logged_metric/pred_time"]["last"] == 8.9e-05
    assert metrics["trial_time"]["last"] == 0.599 and metrics["wall_clock_time"]["last"] == 11.69
    assert metrics["accuracy"]["last"] == 0.908
    assert not {"record_id", "iter_per_learner", "sample_size", "n_estimators",
                "learning_rate", "curr_best_record_id"} & set(metrics)


# hyperopt's fmin: the objective's print("SCORE:", accuracy) goes through tqdm.write a
# write() at a time, the bar erased and drawn again around each (under a pipe too)
_BAR = "\r{p:>3}%|{b:<10}| {i}/30 [00:0{i}<00:16,  1.79trial/s, best loss: {best}]"
_HYPEROPT = "".join(
    f"{_BAR.format(p=i * 3, b='', i=i, best=best)}\r{' ' * 80}\rSCORE:\n"
    f"{_BAR.format(p=i * 3, b='', i=i, best=best)}\r{' ' * 80}\r{score}\n"
    for i, (score, best) in enumerate([(0.8388888888888889, "?"),
                                       (0.8444444444444444, -0.8388888888888889)]))


def test_a_key_alone_names_the_number_alone_on_the_next_line() -> None:
    assert [n[:2] for n in named(_HYPEROPT)] == [
        ("SCORE", 0.8388888888888889), ("SCORE", 0.8444444444444444)]
    assert columns_named(_HYPEROPT) == named(_HYPEROPT)
    # scikit-learn metrics a label and then the value (MIMIC-Extract's baselines)
    text = "AUC Macro: \n0.8998977399747726\nAccuracy: \n0.7760082427541993\n"
    assert [n[:2] for n in named(text)] == [("AUC_Macro", 0.8998977399747726),
                                            ("Accuracy", 0.7760082427541993)]


def test_a_key_alone_then_other_lines_is_no_value() -> None:
    # a heading over a table, PyTorch 0.3's Variable repr, a number further down
    assert named("Variable containing:\n 4.1732\n[torch.FloatTensor of size 1]\n") == []
    assert named("SCORE:\nthe model is saved\n0.83\n") == []
    assert named("Confusion matrix:\n[[5 1]\n [2 7]]\n") == []


def test_a_best_of_a_spaced_assignment_stays_no_value() -> None:
    # YOLOv5's autoanchor check: statistics of the anchors, not of the training
    line = ("autoanchor: Analyzing anchors... anchors/target = 4.26, "
            "Best Possible Recall (BPR) = 0.9946\n")
    assert named(line) == []


def test_an_environment_variable_is_no_metric_whatever_its_name() -> None:
    # Hydra's closing line of a crash (its name ends in ERROR, as a metric's may)
    text = ("Epoch 1: loss=0.5\n"
            "Set the environment variable HYDRA_FULL_ERROR=1 for a complete stack trace.\n")
    assert named(text) == [("loss", 0.5, None, 1)]


def test_a_decision_threshold_is_a_setting() -> None:
    line = ("2026-06-16 23:51:10,465 | INFO |   LogisticRegression     | AUC=0.8951 | F1=0.5336 | "
            "Recall=0.6547 | Precision=0.4503 | Threshold=0.859\n")
    assert [n[0] for n in named(line)] == ["AUC", "F1", "Recall", "Precision"]
    assert [n[0] for n in named("Epoch 1, VEER 31.6129, Threshold 0.000000\n")] == ["VEER"]


def test_tensorflow_device_lines_are_the_machine() -> None:
    text = ("Epoch 1/5\n"
            "pciBusID: 0000:17:00.0 name: NVIDIA GeForce GTX 1080 Ti computeCapability: 6.1\n"
            "coreClock: 1.582GHz coreCount: 28 deviceMemorySize: 10.92GiB "
            "deviceMemoryBandwidth: 451.17GiB/s\n")
    assert named(text) == []


def test_a_summary_after_training_restates_a_value_of_no_step() -> None:
    text = ("Epoch [20/20], Train Loss: 0.1275, Test Acc: 85.08%\n"
            "Evaluating model on test set...\n"
            "Final Test Accuracy: 85.08%\n"
            "Training completed successfully!\n"
            "Final test accuracy: 85.08%\n")
    assert [n for n in named(text) if n[0].lower() == "final_test_accuracy"] == [
        ("Final_Test_Accuracy", 85.08, None, 20)]
    assert columns_named(text) == named(text)


def test_a_rerun_or_a_round_value_after_training_is_a_new_value() -> None:
    # a second session prints the same line (its id differs): the run again, not a summary
    rerun = "".join(f"2023-12-12 15:28:52,761 - Trainer - SESSION_{sid} - INFO: Train Loss: "
                    f"1.8102 - Val Loss: 1.1990 - Val Acc: 0.9975\n"
                    f"2023-12-12 15:28:52,887 - Trainer - SESSION_{sid} - INFO: Finish training\n"
                    for sid in ("8a4f6270", "a0b98ce5"))
    assert [n[1] for n in named(rerun) if n[0] == "val_acc"] == [0.9975, 0.9975]
    # a round value met again in another format after a closing: another evaluation
    assert named("accuracy: 1.0\nTraining finished.\naccuracy = 1.00\n") == [
        ("accuracy", 1.0, None, None), ("accuracy", 1.0, None, None)]
    assert named("accuracy: 0.9134\nTraining finished.\naccuracy = 0.9134\n") == [
        ("accuracy", 0.9134, None, None)]
    # ... and the same line indented, printed by a later command (a test script's run)
    assert len(named("   Peak displacement: 24.67 cm\nTRAINING COMPLETE!\n"
                     "Peak displacement: 24.67 cm\n")) == 2


def test_a_counted_phrase_after_its_epoch() -> None:
    # the PyTorch tutorials' test line, printed each epoch with the epoch first
    text = "".join(f"Epoch [{e}/200] Test Accuracy on the 10000 test images: {a} %\n"
                   for e, a in ((12, 78.1234), (13, 78.9864)))
    assert named(text) == [("Test_Accuracy", 78.1234, None, 12),
                           ("Test_Accuracy", 78.9864, None, 13)]


def test_a_long_remark_between_a_metric_and_its_value_is_no_part_of_its_name() -> None:
    assert named("MSE Score Men (Outcome Prediction Error): 0.46005\n") == [
        ("MSE_Score_Men", 0.46005, None, None)]
    assert named("Mean entropy (minimum expected loss): 0.772\n") == [
        ("Mean_entropy", 0.772, None, None)]
    # a short qualifier stays; what a mean is over is no remark; nor after no metric's name
    assert named("F1 (macro avg): 0.812\n") == [("F1_(macro_avg)", 0.812, None, None)]
    assert named("mean MAE on (region, reason, city): 191.85\n") == []
    assert named("Total train batch size (w. parallel, distributed & accumulation) = 128\n") \
        == []


def test_r_squared_printed_with_a_caret() -> None:
    assert named("R^2: 0.7434\n") == [("R^2", 0.7434, None, None)]
    assert named("Test R^2 = 0.81\n") == [("test_R^2", 0.81, None, None)]
    assert named("x^3: 0.5\n") == []  # (a power other than a square names nothing here)


def test_a_metric_named_as_one() -> None:
    # nanochat's report; pytorch-template's default metric; not a best so far
    assert named("- CORE metric: 0.1990\n") == [("CORE_metric", 0.199, None, None)]
    assert named("    my_metric      : 0.75\n") == [("my_metric", 0.75, None, None)]
    assert named("Best metric: 0.5\n") == []


def test_python_2_printed_tuple_of_a_key_and_its_value() -> None:
    # Keras' examples, print('Test loss:', score[0]) under Python 2
    text = "('x_train shape:', (60000, 28, 28, 1))\n('Test loss:', 0.0321)\n" \
           "('Test accuracy:', 0.98919999999999997)\n"
    assert named(text) == [("test_loss", 0.0321, None, None),
                           ("test_accuracy", 0.98919999999999997, None, None)]
    # a list of them: PFRL's statistics, whose mean of a quantity is a metric (round tune93:
    # the tuning half's PFRL logs expect `average_q`), its count of steps none
    assert named("[('average_q', 0.1), ('rlen', 500)]\n") == [("average_q", 0.1, None, None)]


_SED_EVAL = "".join(f"{row}\n" for row in (
    'Segment based metrics',
    '========================================',
    '  Evaluated length                  : 10864.96 sec',
    '  Evaluated files                   : 1168 ',
    '  Segment length                    : 1.00 sec',
    '',
    '  Overall metrics (micro-average)',
    '  ======================================',
    '  F-measure',
    '    F-measure (F1)                  : 77.03 %',
    '    Precision                       : 80.27 %',
    '  Error rate',
    '    Error rate (ER)                 : 0.36 ',
    '    Deletion rate                   : 0.18 ',
    '',
    '  Class-wise average metrics (macro-average)',
    '  ======================================',
    '  F-measure',
    '    F-measure (F1)                  : 71.57 %',
    '',
    '  Class-wise metrics',
    '  ======================================',
    '    Event label  | Nref    Nsys  | F        Pre      Rec    | ER       Del      Ins    |',
    '    ------------ | -----   ----- | ------   ------   ------ | ------   ------   ------ |',
    '    Blender      | 538     479   | 65.5%    69.5%    61.9%  | 0.65     0.38     0.27   |',
    '    Speech       | 3745    3613  | 89.3%    90.9%    87.7%  | 0.21     0.12     0.09   |',
    '"""',
))


def test_sed_eval_report_names_values_by_their_section() -> None:
    assert named(_SED_EVAL) == [
        ("overall_F-measure_(F1)", 77.03, None, None), ("overall_Precision", 80.27, None, None),
        ("overall_Error_rate_(ER)", 0.36, None, None),
        ("overall_Deletion_rate", 0.18, None, None),
        ("class_wise_average_F-measure_(F1)", 71.57, None, None)]
    assert columns_named(_SED_EVAL) == named(_SED_EVAL)


def test_a_final_heading_ends_the_runs_steps() -> None:
    text = ("Epoch 1 | Step 6500/6501 | Loss: 0.4631 | PPL: 1.61\n"
            "Epoch 1 completed in 4730.85s | Avg Loss: 0.4735\n"
            "Final evaluation...\n"
            "Evaluation Results:\n"
            "   Loss: 0.4886\n"
            "   Perplexity: 1.63\n")
    assert named(text)[-2:] == [("evaluation_loss", 0.4886, None, None),
                                ("evaluation_perplexity", 1.63, None, None)]


def test_for_the_next_epoch_is_no_epoch_counter() -> None:
    text = "Epoch 3: loss=0.5\nLearning rate for next epoch: 0.003125\nval_loss: 0.41\n"
    assert named(text)[-1] == ("val_loss", 0.41, None, 3)


def test_this_rounds_forms_are_linear_on_adversarial_lines() -> None:
    """60 KB lines aimed at this round's regexes parse in linear time (CPU time, so that
    other work on the machine does not count; a backtracking pass takes minutes)."""
    n = 60_000
    texts = [
        "loss (" + "a_" * (n // 2) + " b c): 0.5\n",  # a long remark
        "a_" * (n // 2) + " (x y z): 0.5\n", "x (" + " a" * (n // 2) + "): 1\n",
        "loss 0.5 -> " * (n // 12) + "0.4\n",  # arrows
        "('" + "a" * n + "', 0.5)\n", "('" + "a:" * (n // 2) + "', 0.5)\n",  # a tuple
        "SCORE:\n" + " " * n + "\n" + "0.5\n",  # a key alone, then the value
        "  Overall metrics (micro-average)\n    key" + " " * n + "x\n",  # sed_eval
        "    Precision " + "a " * (n // 2) + ": 0.5\n",
        "accuracy: 0.9134\nTraining finished.\n" + "a" * n + " | accuracy: 0.9134\n",
        "R^" * (n // 2) + "2: 0.5\n", "x " * (n // 2) + "for next epoch: 0.1\n",
        "env var " * (n // 8) + "X=1\n", "y = " + "1." + "1" * n + "\n",
        "a" * n + " metric: 0.5\n", "Final " * (n // 6) + "\n",
    ]
    for text in texts:
        start = time.process_time()
        named(text)
        assert time.process_time() - start < 10.0, text[:30]


def test_a_run_of_keys_without_values_is_scanned_in_linear_time() -> None:
    # printed.configuration's text-assignment regex scanned each "a:" to the end of the run
    # (quadratic: 3 s of CPU for 60 KB, the most the parser takes a line); now bounded
    start = time.process_time()
    named("a:" * 30_000 + " 0.5\n")
    assert time.process_time() - start < 1.5

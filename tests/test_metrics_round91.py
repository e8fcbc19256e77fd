"""Round ``tune91`` (session 91). Each test of a rule fails on c37c52c6 (this session's
start); the guards pin what must not change."""

from __future__ import annotations

from parsed import named, names


def test_a_bare_cls_word_is_no_class_row() -> None:
    # "[Cls]" tags a classification head and "cls: 0.3" is a loss: neither names a class,
    # so neither line is dropped as one class's row
    assert named("[Cls] Precision: 0.8686\n[Cls] Recall:    0.8709\n") == [
        ("cls_precision", 0.8686, None, None), ("cls_recall", 0.8709, None, None)]
    assert named("box: 0.5 | cls: 0.3\n") == [("box", 0.5, None, None), ("cls", 0.3, None, None)]


def test_a_class_row_still_names_its_class() -> None:
    # (guard) "Class: 3 | ..." and "[class 3] ..." are one class's rows
    assert named("Class: 3 | precision 0.5\n") == []
    assert named("[class 3] precision 0.5\n") == []
    assert named("class: cat AP: 0.5\n") == []


def test_a_bracketed_label_before_a_name_with_digits_or_hyphens() -> None:
    # "[Cls] F1" and "[Cls] ROC-AUC" take the label as "[Cls] Precision" does
    assert named("[Cls] F1:        0.8680\n[Cls] ROC-AUC:   0.9320\n") == [
        ("cls_f1", 0.868, None, None), ("cls_ROC-AUC", 0.932, None, None)]


def test_a_bracketed_label_before_a_phrase_with_digits_is_not_taken() -> None:
    # (guard) a phrase with a digit after the tag keeps its own words: the tag of
    # "[Ridge] OOF RMSE Model1" names a model, not a section
    assert names("[Ridge] OOF RMSE Model1: 8.68651\n") == {"OOF_RMSE_Model1"}


def test_a_name_ending_in_a_slash_pair_splits_over_two_values() -> None:
    # "Test macro ROC / PR : 0.76 / 0.25": both halves under the name's words (before: the
    # first value under "PR", the second lost)
    text = ("Val  macro ROC / PR : 0.7638 / 0.2463\n"
            "Test macro ROC/PR: 0.7620/0.2524\n")
    assert named(text) == [("val_macro_ROC", 0.7638, None, None),
                           ("val_macro_PR", 0.2463, None, None),
                           ("test_macro_ROC", 0.762, None, None),
                           ("test_macro_PR", 0.2524, None, None)]


def test_a_slash_pair_heading_with_its_own_values() -> None:
    # "MAE/RMSE: 0.5/0.7" names its values MAE and RMSE (not "MAE/RMSE_MAE")
    assert named("MAE/RMSE: 0.5/0.7\n") == [("MAE", 0.5, None, None), ("RMSE", 0.7, None, None)]
    # (guard) under the heading, a label's pair as before
    assert named("MAE/RMSE: | Current Valid: 2.93/4.14 Ep. 199\n") == [
        ("Current_Valid_MAE", 2.93, None, 199), ("Current_Valid_RMSE", 4.14, None, 199)]


def test_a_statistics_pair_is_not_split() -> None:
    # (guard) a tensor's "Min/max: 0.0 / 0.99" is no pair of quantities
    assert named("  Min/max: 0.0 / 0.9916055\n") == []


def test_phase_phrases_between_values_name_each_value() -> None:
    # TxGNN's "Testing Loss 0.68 Testing Micro AUROC 0.57 ...": each value under its
    # phase's whole phrase (before: the middle values lost, the last one "AUPRC")
    text = ("Testing Loss 0.6839 Testing Micro AUROC 0.5731 Testing Micro AUPRC 0.5624 "
            "Testing Macro AUROC 0.5595 Testing Macro AUPRC 0.5622\n")
    assert named(text) == [("testing_loss", 0.6839, None, None),
                           ("testing_Micro_AUROC", 0.5731, None, None),
                           ("testing_Micro_AUPRC", 0.5624, None, None),
                           ("testing_Macro_AUROC", 0.5595, None, None),
                           ("testing_Macro_AUPRC", 0.5622, None, None)]
    assert named("train macro f1 0.5 val macro f1 0.6\n") == [
        ("train_macro_f1", 0.5, None, None), ("val_macro_f1", 0.6, None, None)]


def test_a_phase_phrase_before_a_verb_is_no_name() -> None:
    # (guard) "Validation loss decreased inf --> 3.27" and "validation loss after 2 epochs"
    # are sentences: the word before the value is no measure
    assert not {n for n in names("Validation loss decreased inf --> 3.2672: saving state...\n")
                if "decreased" in n}
    assert not {n for n in names("      validation loss after 2 epochs: 1.05\n") if "after" in n}


def test_a_network_letter_names_its_bracketed_group() -> None:
    # Keras-GAN's "[D loss: 0.5, acc: 0.8]  [A loss: 0.9, acc: 0.2]": each "acc" its
    # network's (before: the discriminator's acc dropped, the other plain "acc")
    assert named("99: [D loss: 0.5, acc: 0.8]  [A loss: 0.9, acc: 0.2]\n") == [
        ("D_loss", 0.5, 99, None), ("D_acc", 0.8, 99, None),
        ("A_loss", 0.9, 99, None), ("A_acc", 0.2, 99, None)]
    assert named("5 [D loss: 0.576, acc.: 68.75%] [G loss: 0.891]\n") == [
        ("D_loss", 0.576, 5, None), ("D_acc", 68.75, 5, None), ("G_loss", 0.891, 5, None)]


def test_pytorch_gan_brackets_keep_their_counters() -> None:
    # (guard) PyTorch-GAN's "[Epoch 1/200] [Batch 5/938] [D loss: 0.6] [G loss: 0.7]"
    assert named("[Epoch 1/200] [Batch 5/938] [D loss: 0.6] [G loss: 0.7]\n") == [
        ("D_loss", 0.6, 5, 1), ("G_loss", 0.7, 5, 1)]


_TORCHDRUG = """03:49:30   Evaluate on train
03:50:04   ------------------------------
03:50:04   average mean absolute error [alpha]: 0.00789931
03:50:04   average mean absolute error [cv]: 0.0166229
03:50:04   average root mean squared error [alpha]: 0.0115649
03:50:04   average root mean squared error [cv]: 0.0235852
03:50:04   ------------------------------
03:50:05   Evaluate on valid
03:50:08   ------------------------------
03:50:08   mean absolute error [alpha]: 0.00950762
03:50:08   root mean squared error [alpha]: 0.0142009
"""


def test_torchdrug_task_keys_keep_their_words_and_section() -> None:
    # TorchDrug's engine: a multi-task metric's key names its task in brackets, under the
    # "Evaluate on <split>" heading (before: "error_[alpha]", no phrase, no split)
    assert named(_TORCHDRUG) == [
        ("train_average_mean_absolute_error_[alpha]", 0.00789931, None, None),
        ("train_average_mean_absolute_error_[cv]", 0.0166229, None, None),
        ("train_average_root_mean_squared_error_[alpha]", 0.0115649, None, None),
        ("train_average_root_mean_squared_error_[cv]", 0.0235852, None, None),
        ("valid_mean_absolute_error_[alpha]", 0.00950762, None, None),
        ("valid_root_mean_squared_error_[alpha]", 0.0142009, None, None)]


def test_a_statistic_of_a_four_word_measure_keeps_all_its_words() -> None:
    # "average root mean squared error": five words, the measure's four and the statistic
    # (before: "error" alone)
    assert names("average root mean squared error: 0.1\n") == {"average_root_mean_squared_error"}


def test_a_metric_for_an_aligned_fold_number() -> None:
    # "AUC for fold  6 :  0.89": the fold's number aligned (before: nothing recorded)
    assert named("AUC for fold  6 :  0.894373146289028\nAUC for fold  7 :  0.9\n") == [
        ("AUC", 0.894373146289028, None, None), ("AUC", 0.9, None, None)]


def test_phase_named_values_under_a_measure_heading() -> None:
    # "Hits@10: Valid 30.67% | Test 9.06%": the heading's measure on each split (before:
    # series called "Valid" and "Test" shared by every heading); each heading's digits its own
    text = ("2025-12-10 03:04:54 - Hits@10: Valid 30.67% | Test  9.06%\n"
            "2025-12-10 03:04:54 - Hits@20: Valid 40.48% | Test 22.32%\n"
            "2025-12-10 03:04:54 - Hits@30: Valid 46.18% | Test 40.96%\n")
    assert [(n, v) for n, v, _, _ in named(text)] == [
        ("valid_Hits@10", 30.67), ("test_Hits@10", 9.06), ("valid_Hits@20", 40.48),
        ("test_Hits@20", 22.32), ("valid_Hits@30", 46.18), ("test_Hits@30", 40.96)]
    assert names("SDF Portfolio Sharpe Ratio (Evaluated on Sharpe): Train 2.920      Valid 1.013"
                 "     Test 0.481\n") == {"train_SDF_Portfolio_Sharpe_Ratio",
                                          "valid_SDF_Portfolio_Sharpe_Ratio",
                                          "test_SDF_Portfolio_Sharpe_Ratio"}


def test_an_epoch_heading_is_no_measure() -> None:
    # (guard) "Epoch 5: train 0.5 | val 0.6": the epoch's, its values as printed
    assert names("Epoch 5: train 0.5 | val 0.6 | val_perplexity 3.3\n") == {
        "train", "val", "val_perplexity"}


_TRTEXEC = ("[05/19/2024-19:09:22] [I] GPU Compute Time: min = 0.150391 ms, max = 1.1264 ms, "
            "mean = 0.17584 ms, median = 0.152588 ms, percentile(90%) = 0.153625 ms, "
            "percentile(95%) = 0.345093 ms\n")


def test_a_timings_statistics_are_a_benchmarks_results() -> None:
    # TensorRT's trtexec summary: each statistic of a timing named by its head, kept with
    # no step (before: dropped as lone timings), its percentiles by their number
    assert named(_TRTEXEC) == [
        ("GPU_Compute_Time_min", 0.150391, None, None),
        ("GPU_Compute_Time_max", 1.1264, None, None),
        ("GPU_Compute_Time_mean", 0.17584, None, None),
        ("GPU_Compute_Time_median", 0.152588, None, None),
        ("GPU_Compute_Time_percentile_90", 0.153625, None, None),
        ("GPU_Compute_Time_percentile_95", 0.345093, None, None)]
    # a line of the same shape with other percentiles keeps its own names
    other = _TRTEXEC.replace("(90%)", "(50%)").replace("(95%)", "(99%)")
    assert {n for n, *_ in named(_TRTEXEC + other)} >= {
        "GPU_Compute_Time_percentile_50", "GPU_Compute_Time_percentile_99"}


def test_a_class_metric_is_no_class_row() -> None:
    # "Class Accuracy: 70.61%" is the classes' mean accuracy, not class "Accuracy"'s row
    assert named("Class Accuracy: 70.61%\n") == [("Class_Accuracy", 70.61, None, None)]
    # (guard) a class named by a word is one class's row
    assert named("class cat: precision 0.5\n") == []


def test_an_arrow_glued_to_its_name() -> None:
    # ImageAI's YOLOv3 trainer: "box loss-> 0.087, object loss-> 0.070" (before: nothing)
    assert named("    box loss-> 0.08691, object loss-> 0.07011, class loss-> 0.00000\n") == [
        ("box_loss", 0.08691, None, None), ("object_loss", 0.07011, None, None),
        ("class_loss", 0.0, None, None)]


def test_a_hydra_record_with_a_long_logger_name_and_an_indent() -> None:
    # Hydra's "[time][name][LEVEL] - " with a module path for a name puts the level past 60
    # characters, and a paste indents it: the message still reads alone, its "[TEST]" tag
    # the test's (before: "Accuracy", the training's name)
    line = ("    [2023-01-11 13:28:15,366][mlprof.trainers.pytorch.trainer][INFO] - "
            "[TEST] Accuracy: 71%\n")
    assert named(line) == [("test_accuracy", 71.0, None, None)]


def test_a_julia_shown_call_is_named_by_its_function() -> None:
    # Julia's "@show loss(x, y)": "loss(x, y) = 0.0096" (Flux's Tracker: "= param(0.0096)")
    assert named("loss(x, y) = param(0.00960475)\naccuracy(X, Y) = 0.92\n") == [
        ("loss", 0.00960475, None, None), ("accuracy", 0.92, None, None)]
    # (guard) a phase in parentheses stays the name's qualifier
    assert names("  accuracy(test) = 97.730 %, time= 9.023\n") >= {"test_accuracy(test)"}


def test_a_value_over_a_count_of_things() -> None:
    # "Validity over 1024 molecules: 68.65%": what a value was computed over, as "Mean test
    # loss of 62 batches:" (before: nothing recorded)
    assert named("Validity over 1024 molecules: 68.65%\n") == [("Validity", 68.65, None, None)]
    assert named("Mean test loss of 62 batches: 1.11\n") == [("Mean_test_loss", 1.11, None, None)]


def test_an_epochs_time_after_in() -> None:
    # JAX's MNIST example: "Epoch 3 in 1.61 sec" is the epoch's time, named by its unit as
    # printed; "Evaluation in 1.44 sec" the evaluation's (before: both dropped)
    text = ("Epoch 24 in 17.49 sec\nTraining set accuracy 0.61\nEvaluation in 1.44 sec\n"
            "Epoch 25 in 17.50 sec\n")
    assert ("sec", 17.5, None, 25) in named(text)
    assert ("evaluation_sec", 1.44, None, 24) in named(text)
    # (guard) a run's end or an iteration's sentence is no such time
    assert not {n for n in names("Epoch 1 loss 0.5\nIteration 1 completed in 1217.84 seconds.\n"
                                 "Training completed in 12.5 seconds\n") if "second" in n}

"""Round ``tune92`` (session 92). Each test of a rule fails on 2393402c (this session's
start); the guards pin what must not change."""

from __future__ import annotations

from parsed import named, names


def test_a_qualifier_phrase_in_parentheses_stays_with_the_name() -> None:
    # "F1 (Rec only):", "training loss (in-iteration):", "Final score (accuracy):": the words
    # say which quantity it is (before: nothing was recorded, the parenthesis broke the name)
    assert named("F1 (Rec only): 0.9583\n") == [("F1_(Rec_only)", 0.9583, None, None)]
    assert named("  training loss (in-iteration): \t0.843758\n") == [
        ("training_loss_(in-iteration)", 0.843758, None, None)]
    assert named("Final score (accuracy): 0.735\n") == [
        ("Final_score_(accuracy)", 0.735, None, None)]


def test_a_label_expansion_or_remark_in_parentheses_leaves_the_name() -> None:
    # a model's label, an acronym's expansion, a remark: the name as printed before them
    assert named("ROC-AUC (CatBoost): 0.9178\n") == [("ROC-AUC", 0.9178, None, None)]
    assert named("FAR (False Alarm Ratio): 0.0422\n") == [("FAR", 0.0422, None, None)]
    assert named("KL Loss (with gradients):    0.000\n") == [("KL_Loss", 0.0, None, None)]


def test_a_qualifier_phrase_after_a_setting_is_not_taken() -> None:
    # (guard) a setting's name with words in parentheses records nothing, as before
    assert names("Number of epochs (encoder): 4\nWorld size (gpu number): 1\n"
                 "Learning Rate (HyperNet): 0.0002\n") == set()


def test_a_stepless_result_printed_again_in_another_format_counts_once() -> None:
    # pygaggle logs its figures rounded, then prints them again tab-separated in full: one
    # evaluation, one observation each (before: two, as if evaluated twice)
    text = ("[INFO] evaluate: recall@3    0.2164\n"
            "[INFO] evaluate: mrr         0.24284\n"
            "recall@3\t0.2163978494623656\n"
            "mrr\t0.24284268136968856\n")
    assert named(text) == [("recall@3", 0.2164, None, None), ("mrr", 0.24284, None, None)]


def test_a_stepless_result_printed_again_alike_in_the_same_format_counts_twice() -> None:
    # (guard) a rerun prints its line in the same format: a second evaluation
    text = "Test accuracy: 0.9123\nTest accuracy: 0.9123\n"
    assert [v for _, v, _, _ in named(text)] == [0.9123, 0.9123]


def test_an_xgboost_round_with_a_cut_off_in_a_metric_name() -> None:
    # XGBoost's "error@0.7", "ams@0.15": the value after the cut-off's decimal and ":" is
    # the metric's (before: read as a COCO range's bound, the metric lost)
    text = "[0]\ttrain-auc:0.910911\ttrain-ams@0.15:3.68916\n[1]\teval-error@0.7:0.1834\n"
    assert named(text) == [("train-auc", 0.910911, 0, None), ("train-ams@0.15", 3.68916, 0, None),
                           ("eval-error@0.7", 0.1834, 1, None)]


def test_a_coco_range_stays_in_its_name() -> None:
    # (guard) "mAP@0.5:0.95" names a range, its bound no value
    assert names("[val] epoch 0: mAP@0.5=0.412 mAP@0.5:0.95=0.231\n"
                 "[1]\tP\tR\tmAP@0.5:0.95\n") == {"val_mAP@0.5", "val_mAP@0.5:0.95"}


def test_steps_with_a_fraction_is_a_mean_not_the_step() -> None:
    # "steps: 6.95" is an episode's mean length (a step counter has no fraction): a metric
    # (before: dropped as a step's fractional progress)
    text = "val_seen , action_steps: 5.98, steps: 6.95, lengths: 13.90\n"
    assert names(text) == {"val_seen_action_steps", "val_seen_steps", "val_seen_lengths"}


def test_a_phrase_counting_steps_names_no_metric() -> None:
    # (guard) "Time to run 1000 steps = 9.27": the count's noun, no name of the value
    assert "steps" not in names("step 1000, loss = 3.6, Time to run 1000 steps = 9.27 seconds\n")


def test_a_triple_of_phases_names_three_values() -> None:
    # "train/valid/test loss: a/b/c": each phase's value of the quantity (before: the line
    # was read as a shape, "bsz: 1024/1024/32", and recorded nothing)
    text = "Epoch 896 train/valid/test loss (residual): 0.9920/0.9975/0.9970\n"
    assert named(text) == [("train_loss_(residual)", 0.992, None, 896),
                           ("valid_loss_(residual)", 0.9975, None, 896),
                           ("test_loss_(residual)", 0.997, None, 896)]
    assert named("bsz: 1024/1024/32\n") == []  # (guard) a shape


def test_a_pair_of_phases_after_a_name_splits_its_values() -> None:
    # "Loss train/val: 0.5/0.4": the train loss and the val loss (before: 0.5 recorded as
    # "Loss_train/val", a wrong series, and 0.4 lost)
    assert named("Loss train/val: 0.5/0.4\n") == [("train_Loss", 0.5, None, None),
                                                 ("val_Loss", 0.4, None, None)]


def test_a_phrase_after_a_counter_or_a_label_and_its_index() -> None:
    # "Epoch 3, accuracy on test set: 0.87", "Fold 10, AUC Score on Validation Set: 0.88":
    # the phrase names the value as it does alone on its line (before: nothing recorded)
    assert named("Epoch 3, accuracy on test set: 0.87\n") == [
        ("accuracy_on_test_set", 0.87, None, 3)]
    assert named("Fold 10, AUC Score on Validation Set: 0.8769\n") == [
        ("AUC_Score_on_Validation_Set", 0.8769, None, None)]


def test_a_phrase_with_a_count_after_its_value() -> None:
    # "Accuracy on Test-Set: 71.38% (7138 / 10000)": the count is the value's remark
    assert named("Accuracy on Test-Set: 71.38% (7138 / 10000)\n") == [
        ("Accuracy_on_Test-Set", 71.38, None, None)]


def test_a_rate_unit_after_a_value_is_not_the_next_name_s_word() -> None:
    # Sockeye's "6.30 updates/sec perplexity=306.46": the unit belongs to 6.30 (before: the
    # perplexity was recorded as "updates/sec_perplexity")
    text = ("Epoch[0] Batch [3050]   Speed: 1094.56 samples/sec 36824.90 tokens/sec "
            "6.30 updates/sec perplexity=306.464540   accuracy=0.223189\n")
    assert "perplexity" in names(text) and "updates/sec_perplexity" not in names(text)


def test_a_sentence_ending_in_a_preposition_names_no_value() -> None:
    # "setting loss scale to: 64.0" (fairseq) alone on its line: no metric (before: recorded
    # as "setting_loss_scale_to")
    assert names("setting loss scale to: 64.0\n") == set()


def test_a_name_at_a_counted_step_names_the_value_after_it() -> None:
    # "Loss at iteration 4999 / 5000 is 0.001086": as "Loss at iteration 4999 is" (before:
    # the step alone, the loss lost)
    assert named("Loss at iteration 4999 / 5000 is 0.001086\n") == [("Loss", 0.001086, 4999, None)]
    assert named("Accuracy at epoch 3/10 = 0.5\n") == [("Accuracy", 0.5, None, 3)]
    assert named("Epoch 3/10: 0.5\n") == []  # (guard) no name before the counter


def test_a_quoted_key_of_words_with_a_quoted_value() -> None:
    # MONAI's "{'Epoch': 50, 'Avg Epoch Loss': '0.0821'}": the key whole, as with an unquoted
    # value (before: "Loss")
    assert named("{'Epoch': 50, 'Avg Epoch Loss': '0.0821'}\n") == [
        ("Avg_Epoch_Loss", 0.0821, None, 50)]


def test_steps_counted_so_far_are_no_metric() -> None:
    # PPO for Beginners' "Timesteps So Far: 117550": the environment steps counted, an index
    assert names("Average Loss: 0.5\nTimesteps So Far: 117550\n") == {"Average_Loss"}
    assert names("val_loss So Far: 0.14\n") == {"val_loss_So_Far"}  # (guard) a running value


def test_a_qualifier_phrase_with_digits_or_underscores() -> None:
    # "LIC score (LIC_M): 32.79%": the metric's name with its qualifier in parentheses
    assert names("LIC score (LIC_M): 32.79%\n") == {"LIC_score"}


def test_a_decaying_learning_rate_is_the_learning_rate() -> None:
    # OpenNMT-py's and Marian's "Decaying learning rate to X" (Marian's with why after it)
    assert named("Decaying learning rate to 0.015625\n") == [
        ("learning_rate", 0.015625, None, None)]
    assert named("Decaying learning rate to 9e-05 after having stalled 1 time(s)\n") == [
        ("learning_rate", 9e-05, None, None)]
    assert named("Learning rate set to 0.05\n") == []  # (guard) CatBoost's setting


def test_a_tab_escaped_by_syslog_reads_as_a_tab() -> None:
    # SageMaker's training logs through CloudWatch: "Step #50#011Loss: 0.265049" ("#011" a
    # tab; before: nothing recorded)
    text = "[1,0]<stdout>:Step #0#011Loss: 2.306592\n[1,0]<stdout>:Step #50#011Loss: 0.265049\n"
    assert named(text) == [("Loss", 2.306592, 0, None), ("Loss", 0.265049, 50, None)]


POINTNET2 = """\
2023-07-22 01:05:56,452 - Model - INFO - eval mean loss: 0.660929
2023-07-22 01:05:56,452 - Model - INFO - eval point avg class IoU: 0.451229
2023-07-22 01:05:56,452 - Model - INFO - eval point accuracy: 0.902458
2023-07-22 01:05:56,452 - Model - INFO - ------- IoU --------
class non-plane      weight: 0.902, IoU: 0.000
class plane          weight: 0.098, IoU: 0.902
"""


def test_pointnet2_s_evaluation_and_its_per_class_table() -> None:
    # PointNet++'s "eval point avg class IoU" keeps its phase's four words (was "IoU"); its
    # per-class rows, the label padded, are no metrics (were "weight" and "IoU")
    assert names(POINTNET2) == {"eval_mean_loss", "eval_point_avg_class_IoU",
                                "eval_point_accuracy"}


def test_a_class_word_before_a_loss_is_no_class_row() -> None:
    # (guard) one space: a name's words, not a padded table's label
    assert names("class balanced loss: 0.3\n") == {"class_balanced_loss"}


def test_nccl_s_debug_records_report_nothing() -> None:
    # "host:pid:tid [device] NCCL INFO ...": a network's set-up (before: "hltsz02:2802954")
    text = ("Epoch 1 loss: 0.5\n"
            "hltsz02:2802953:2803009 [0] NCCL INFO Channel 00/02 :    0   1\n"
            "hltsz02:2802954:2803010 [1] NCCL INFO threadThresholds 8/8/64 | 16/8/64 | 512\n")
    assert names(text) == {"loss"}


def test_a_clock_s_half_of_the_day_is_no_name() -> None:
    # "Epoch 42 @ 01:04 PM : 0.9488 C.E. Loss": "PM" follows a clock (before: a metric "PM")
    assert "PM" not in names("Epoch 42 @ 01:04 PM : 0.9488 C.E. Loss, 98.39% Accuracy\n")
    assert names("PM: 0.5\n") == {"PM"}  # (guard) a name of its own


def test_r_squared_written_with_its_superscript() -> None:
    # "R²" is R2: a metric's name before its value with no colon (was dropped), and a best's
    # ("Best R² Score") a running best as "Best R2 Score" is
    assert named("Test R² 0.6546\n") == [("test_r²", 0.6546, None, None)]
    assert names("Best R² Score: 0.71\n") == names("Best R2 Score: 0.71\n") == set()


def test_a_learning_rate_printed_as_its_group_s_list() -> None:
    # "Learning rate [1e-05]", VPoser's "[V02_05] -- lr is [0.001]": one parameter group's
    # rate (before: nothing recorded)
    text = "Epoch 3\nLearning rate [0.0001]\n[V02_05] -- lr is [0.001]\n"
    assert named(text) == [("Learning_rate", 0.0001, None, 3), ("lr", 0.001, None, 3)]
    assert named("Epoch 3\nbest [0.5]\n") == []  # (guard) another name's list


def test_a_loss_s_parts_in_parentheses_after_its_value() -> None:
    # "Loss: 0.012424 (Chamfer=0.002179, Repulse=0.102372, Smooth=0.000156)": the loss's
    # parts, each a series (before: read as a remark and dropped)
    text = ("Epoch 100 | Step 2440/2449 | Loss: 0.012424 (Chamfer=0.002179, Repulse=0.102372, "
            "Smooth=0.000156)\n")
    assert names(text) == {"Loss", "Chamfer", "Repulse", "Smooth"}
    assert names("epoch 3 loss 0.5 (best=0.4, at=2)\n") == {"loss"}  # (guard) a remark


def test_a_unit_that_ends_a_sentence_before_the_next_name() -> None:
    # nanotron's "Memory usage: 64.26MiB. Peak allocated 66.25MiB": "MiB." ends a sentence,
    # "Peak" begins the next name (was "allocated")
    text = "Memory usage: 64.26MiB. Peak allocated 66.25MiB. Peak reserved: 496.00MiB\n"
    assert names(text) >= {"Peak_allocated", "Peak_reserved"}
    assert names("loss 1.2ms\tremaining 3\n") == {"loss"}  # (guard) a glued unit, no sentence

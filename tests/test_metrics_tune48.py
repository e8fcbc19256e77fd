"""Round ``tune48`` (session 56): forms read in the older corpus while held-out sets NM-NT
were collected, and the forms of those sets once they were scored. Each test of a rule
fails on the parser before the round (90c611af); each guard fails on the rule without its
check (mutation-checked)."""

from __future__ import annotations

from parsed import named

PIPELINE = ("[1/5] Loading data...\n"
            "Train shape: (8000, 42)\n"
            "[4/5] Training model...\n"
            "[5/5] Evaluating model...\n"
            "2025-06-13 16:52:23,617 - INFO - Training RMSE: 9.7570\n")


def test_a_pipelines_numbered_stage_is_no_step() -> None:
    """``[4/5] Training model...`` announces a stage of a script, not its step 4: the
    result after it belongs to no step."""
    assert named(PIPELINE) == [("training_RMSE", 9.757, None, None)]


def test_a_labelled_stage_is_no_step_either() -> None:
    text = ("[Step 3/4] Computing threshold...\n[Step 4/4] Evaluating performance...\n"
            "Results:\n  Accuracy : 0.9458\n  Recall   : 0.8201\n")
    assert [(n, s) for n, _, s, _ in named(text)] == [("Accuracy", None), ("Recall", None)]


def test_a_bare_count_before_values_is_still_the_step() -> None:
    """Guard: ``[3/10]`` alone, or before values, places them (a stage needs its words and
    its ellipsis, not a full stop)."""
    assert named("[3/10]\nloss: 0.5\n[4/10] Training.\nloss: 0.4\n") == [
        ("loss", 0.5, 3, None), ("loss", 0.4, 4, None)]


def test_an_evaluating_ellipsis_labels_the_values_after_it() -> None:
    """A trading agent's episode line, then its evaluation's: two series, not one."""
    text = ("Episode:  926, Score:  1614.141, Market Return:   27.58%, Length:  548\n"
            "Evaluating...  Score:  -252.659, Market Return:   18.07%\n")
    assert [(n, v) for n, v, *_ in named(text)] == [
        ("Score", 1614.141), ("Market_Return", 27.58), ("Length", 548.0),
        ("evaluating_score", -252.659), ("evaluating_Market_Return", 18.07)]


KERAS3 = ("Epoch 1/2\n"
          "485/485 ━━━━━━━━━━━━━━━━━━━━ 0s 88ms/step - accuracy: 0.8465 - loss: 0.4193\n"
          "Epoch 1: val_accuracy improved from None to 0.66185, saving model to best.keras\n"
          "485/485 ━━━━━━━━━━━━━━━━━━━━ 46s 94ms/step - accuracy: 0.8798 - loss: 0.3201"
          " - val_accuracy: 0.6619 - val_loss: 1.2000\n"
          "Epoch 2/2\n"
          "484/485 ━━━━━━━━━━━━━━━━━━━━ 0s 88ms/step - accuracy: 0.9300 - loss: 0.2000\n"
          "485/485 ━━━━━━━━━━━━━━━━━━━━ 45s 93ms/step - accuracy: 0.9367 - loss: 0.1900"
          " - val_accuracy: 0.9000 - val_loss: 0.3000\n")


def test_keras3s_render_before_validation_is_not_the_epochs_value() -> None:
    """Keras 3 draws ``485/485 ━━━ 0s`` (its time the ETA) before it validates, then the
    epoch's line with ``val_`` values: History keeps the second."""
    assert [(v, e) for n, v, _, e in named(KERAS3) if n == "loss"] == [(0.3201, 1), (0.19, 2)]


def test_keras3_without_validation_keeps_each_epochs_render() -> None:
    text = ("Epoch 1/2\n4/4 ━━━━━━━━━━━━━━━━━━━━ 0s 3ms/step - loss: 0.5000\n"
            "Epoch 2/2\n4/4 ━━━━━━━━━━━━━━━━━━━━ 0s 3ms/step - loss: 0.4000\n")
    assert named(text) == [("loss", 0.5, None, 1), ("loss", 0.4, None, 2)]


def test_a_word_opening_a_pipe_field_labels_its_pairs() -> None:
    """``| Tr loss=... acc=... | Va loss=... acc=...``: the train and the validation
    accuracy were one series (and the first of the line was lost)."""
    line = ("F1 Ep 29/30 | Tr loss=0.0092 acc=0.998 f1=0.998 | Va loss=0.0013  acc=0.999  "
            "f1=0.999 | LR=2.5e-05 [223s]\n")
    assert [n.lower() for n, *_ in named(line)] == [
        "tr_loss", "tr_acc", "tr_f1", "va_loss", "va_acc", "va_f1", "lr"]


def test_a_pipe_fields_label_ends_at_its_pipe() -> None:
    """Guard: the label is over its field only, whatever its first value."""
    line = "F1 Ep  2/30 | Tr loss=0.1004 acc=0.963 | Va loss=nan  acc=0.978 | LR=1.0e-04\n"
    assert [n.lower() for n, *_ in named(line)][-1] == "lr"


def test_training_parameters_are_settings() -> None:
    text = ("2025-09-09 11:28:58,771 - INFO - PlantDiseaseModel - Training parameters: 30 "
            "epochs, LR=0.001, BS=64\nEpoch 1: loss=0.5\n")
    assert named(text) == [("loss", 0.5, None, 1)]


def test_a_models_parameters_beside_its_speed_are_no_configuration() -> None:
    """Guard: DeepSpeed-Chat's throughput line opens with the model's size."""
    text = ("step 10 loss=0.5\nModel Parameters: 0.331 B, Latency: 0.54s, TFLOPs: 0.52, "
            "Samples/sec: 3.68\n")
    assert {"Latency", "TFLOPs"} <= {n for n, *_ in named(text)}


TINYGRAD = ("    9 4.36 s run, 11.8750 loss, 0.000000000005 LR, 1454.57 GB used, "
            "397832.61 GFLOPS\n"
            "   10 4.40 s run, 11.8750 loss, 0.000000000005 LR, 1454.57 GB used, "
            "394520.83 GFLOPS\n")


def test_values_before_their_names_after_a_step() -> None:
    """tinygrad's training lines: a step, then fields of a value, a unit, its name."""
    assert named(TINYGRAD)[5:] == [("run", 4.4, 10, None), ("loss", 11.875, 10, None),
                                   ("LR", 5e-12, 10, None), ("used", 1454.57, 10, None),
                                   ("GFLOPS", 394520.83, 10, None)]
    assert named("Epoch 3: 0.5 loss, 0.9 acc\n") == [("loss", 0.5, None, 3),
                                                      ("acc", 0.9, None, 3)]


def test_counts_before_their_names_are_no_metrics() -> None:
    """Guard: fields that count things only (no metric's name among them) stay unread."""
    assert named("  10 500 images, 20 classes\n") == named("  10 3 dogs, 4 cats\n") == []


def test_a_phases_metrics_key_labels_the_dict_it_is_set_to() -> None:
    line = "Epoch 3 - train_loss=0.0032 - val_metrics={'accuracy': 1.0, 'f1': 0.9}\n"
    assert named(line) == [("train_loss", 0.0032, None, 3), ("val_accuracy", 1.0, None, 3),
                           ("val_f1", 0.9, None, 3)]


def test_a_sentence_before_the_name_is_no_part_of_it() -> None:
    assert [n for n, *_ in named(
        "2025-10-10 12:20:22,825 - INFO - Training completed. Final loss: 0.1302\n")] == [
        "Final_loss"]
    assert [n for n, *_ in named("Episode 1 Completed! Total Reward: -50.00\n"
                                 "Episode 2 Completed! Total Reward: -60.00\n")] == [
        "Total_Reward", "Total_Reward"]


def test_a_glued_timing_after_a_value_keeps_the_value() -> None:
    """``loss 42.4936 0.24s/step``: the loss was dropped (the word pair read as prose)."""
    assert named("  epoch 0 step 100 loss 42.4936 0.24s/step\n") == [("loss", 42.4936, 100, 0)]


def test_a_line_glued_after_a_bars_bracket_reports_all_its_values() -> None:
    """An epoch's line printed right after a tqdm bar's fragment is a line of its own: its
    unchanged ``LR`` is the epoch's value, not a bar's redraw."""
    text = "".join(f"Training batch:   0%|          | 0/20 [00:00<?, ?it/s][Epoch {e}/100] "
                   f"Loss: {2.3 - e / 10:.4f}  LR: 0.001000\n" for e in (1, 2))
    assert [(n, e) for n, _, _, e in named(text)] == [("Loss", 1), ("LR", 1),
                                                      ("Loss", 2), ("LR", 2)]


def test_a_bars_redrawn_postfix_still_counts_its_changes_only() -> None:
    """Guard: the bar's own postfix, left of the glued line, is a redraw."""
    text = "".join(f"Epoch 0: {p}%|##| {p}/100 [00:01<00:02, 9.1it/s, loss=0.223]note {p}\n"
                   for p in (10, 20))
    assert [n for n, *_ in named(text)].count("loss") == 1


def test_a_new_best_marker_after_a_value_keeps_the_value() -> None:
    """2WL's ``val 0.6000 best``: the validation of an epoch that improved was dropped."""
    text = ("epoch 1: trn: time 0.90 s, loss 88.5317, trn 0.5000, val 0.5000 tst 0.5000\n"
            "epoch 2: trn: time 1.14 s, loss 83.2323, trn 0.5000, val 0.6000 best\n")
    assert ("val", 0.6, None, 2) in named(text)


FLAIR = ("2021-11-27 02:43:25,628 EPOCH 1 done: loss 0.0017 - lr 0.1000000\n"
         "2021-11-27 02:44:17,167 DEV : loss 0.0010504581732675433 - f1-score (micro avg)  0.9905\n"
         "2021-11-27 03:16:36,429 \nResults:\n- F-score (micro) 0.9962\n- F-score (macro) 0.9934\n"
         "- Accuracy 0.9962\n")


def test_flairs_dev_line_and_results_bullets() -> None:
    """An average's kind in parentheses with its ``avg`` (``f1-score (micro avg)``) is part
    of the name; a ``- `` bullet before a lone name and value is the line's message."""
    found = [(n, v) for n, v, *_ in named(FLAIR)]
    assert found[2:] == [("dev_loss", 0.0010504581732675433),
                         ("dev_f1-score_(micro_avg)", 0.9905), ("F-score_(micro)", 0.9962),
                         ("F-score_(macro)", 0.9934), ("Accuracy", 0.9962)]


def test_a_bulleted_phrase_of_words_stays_prose() -> None:
    """Guard: a bullet's qualifier joins the name, its words do not (SyncNet's printed loss
    weights ``Content loss 1.000000 Identity loss 1.000000`` stay settings)."""
    assert named("- Content loss 1.000000 Identity loss 1.000000\n") == []


def test_a_data_frames_rows_of_items_are_no_metrics() -> None:
    """XGBoost's feature importances printed by pandas: an index, a feature, its value."""
    text = ("Epoch 1: loss=0.5\n                Feature  Importance\n"
            "23   lag_1_values_GSMAP    0.360407\n17      season_onehot_2    0.101601\n")
    assert named(text) == [("loss", 0.5, None, 1)]


def test_a_data_frames_row_of_a_metric_is_one() -> None:
    """Guard: a frame of metrics and their values ("0   accuracy   0.93") keeps them."""
    assert [n for n, *_ in named("0   accuracy    0.93\n1   f1_score    0.91\n")] == [
        "accuracy", "f1_score"]


def test_nnis_reported_results_are_named() -> None:
    """NNI's trial reports: ``Intermediate result: 0.288  (Index 0)``, ``Final result:``."""
    text = ("Epoch: 1 cost time: 3.1\n[2024-04-21 19:20:56] Intermediate result: 0.28831226  "
            "(Index 0)\n[2024-04-21 19:30:56] Final result: 0.23765886\n")
    assert [(n, v) for n, v, *_ in named(text)][1:] == [
        ("Intermediate_result", 0.28831226), ("Final_result", 0.23765886)]


def test_a_bare_result_names_nothing() -> None:
    """Guard: only a reporting word makes ``result`` a name."""
    assert named("Epoch: 1 cost time: 3.1\nbatch result: 3\n") == [("cost_time", 3.1, None, 1)]


def test_mmengines_weight_init_lines_are_settings() -> None:
    text = ("Iter(train) [10/100] loss: 0.5\n"
            "decode_head.conv_seg.bias - torch.Size([6]): \n"
            "NormalInit: mean=0, std=0.01, bias=0 \n")
    assert named(text) == [("loss", 0.5, 10, None)]

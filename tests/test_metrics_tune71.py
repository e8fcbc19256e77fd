"""Round ``tune71`` (session 79): forms of the sets session 78 tuned on and left
(``heldout912``) and of the sets session 79 tunes on. Each test of a rule fails on the
parser before the round (eb007106); the guards were mutation-checked (each fails on the rule
without its check) or pin what did not change."""

from __future__ import annotations

from parsed import named


def test_pointnet_bracket_of_epoch_and_batch_places_the_line() -> None:
    """pointnet.pytorch's classification script prints ``[epoch: batch/total] train loss: X
    accuracy: X`` (and the same with ``test``): the bracket is the epoch and the batch within
    it, as the PyTorch CIFAR-10 tutorial's ``[2,  4000] loss:``. Its lines had no step
    (heldout912's 72 train and 8 test lines)."""
    log = ("[16: 0/18] train loss: 0.671489 accuracy: 0.500000\n"
           "[16: 0/18] \x1b[94mtest\x1b[0m loss: 0.803877 accuracy: 0.250000\n"
           "[16: 1/18] train loss: 0.494756 accuracy: 1.000000\n")
    assert named(log) == [("train_loss", 0.671489, 0, 16), ("train_accuracy", 0.5, 0, 16),
                          ("test_loss", 0.803877, 0, 16), ("test_accuracy", 0.25, 0, 16),
                          ("train_loss", 0.494756, 1, 16), ("train_accuracy", 1.0, 1, 16)]
    # guards: with a colon the bracket must open the line and name the batch's total
    assert named("[3: 4] loss: 2.5\n") == [("loss", 2.5, None, None)]
    assert named("run [16: 0/18] loss: 0.5\n") == [("loss", 0.5, None, None)]
    assert named("[2,  4000] loss: 1.312\n") == [("loss", 1.312, 4000, 2)]


def test_a_unit_in_square_brackets_is_not_the_name() -> None:
    """``RMSE ATE [m]: 1.0073``, ``PSNR [dB]: 30.1``: the unit after the name was taken for
    the name (``m``, ``dB``)."""
    assert named("RMSE ATE [m]: 1.0073\nPSNR [dB]: 30.1\nTime [s]: 3.5\n") == [
        ("RMSE_ATE", 1.0073, None, None), ("PSNR", 30.1, None, None),
        ("Time", 3.5, None, None)]
    # guard: a bracketed word that is no unit is not dropped as one
    assert named("loss [train]: 0.5\n") != [("loss", 0.5, None, None)]


def test_a_labels_lone_pair_is_named_by_its_label_and_words() -> None:
    """OpenGS-SLAM (MonoGS) prints ``Eval: RMSE ATE [m] 1.0073`` and ``Eval: Total FPS
    0.3267``: a label's phase, then the metric's words and its value with no ``:``. A lone
    pair counted only with no label before it (``RMSE 1.0073``), so these gave nothing
    (heldout912, three metrics)."""
    log = ("OpenGS-SLAM: Evaluating ATE at frame:  193\n"
           "Eval: RMSE ATE [m] 1.007317994100342\n"
           "Eval: Total time 606.1309375\n"
           "Eval: Total FPS 0.3266620918850558\n")
    assert named(log) == [("eval_RMSE_ATE", 1.007317994100342, None, None),
                          ("eval_Total_time", 606.1309375, None, None),
                          ("eval_Total_FPS", 0.3266620918850558, None, None)]
    # guards: a label that is no phase, a whole number: no lone pair
    assert named("Model: Total FPS 0.32\n") == []
    assert named("Eval: Total FPS 3\n") == []
    assert named("RMSE 1.0073\n") == [("RMSE", 1.0073, None, None)]


def test_a_slam_keyframe_is_no_metric() -> None:
    """``OpenGS-SLAM: new keyframe:  122``: which frame became a keyframe, a count's index;
    it was recorded as a metric ``keyframe`` (heldout912)."""
    assert named("OpenGS-SLAM: new keyframe:  122\nOpenGS-SLAM: new keyframe:  129\n") == []


def test_a_metric_in_parentheses_qualifies_the_name() -> None:
    """SAM 2 fine-tuning prints ``step 959 Accuracy (IoU) = 0.7995``; a Keras script ``Final
    Loss (MSE): 0.1343``. The metric in parentheses says which the quantity is: it was
    dropped as a unit (``Accuracy``, ``Final_Loss``: heldout916, heldout907)."""
    assert named("step 959 Accuracy (IoU) = 0.7994718379844246\n"
                 "[INFO] Final Loss (MSE): 0.1343\n") == [
        ("Accuracy_(IoU)", 0.7994718379844246, 959, None),
        ("Final_Loss_(MSE)", 0.1343, 959, None)]
    # guards: a unit is still dropped; Optuna's "Value (auc)" is the trial's value, no name
    assert named("Loss (x): 0.5\nlatency (ms): 12.5\n") == [
        ("Loss_(x)", 0.5, None, None), ("latency_(ms)", 12.5, None, None)]
    assert named("  Value (auc): 0.988686\n") == []


def test_a_line_of_a_few_words_and_a_value_is_named_by_them() -> None:
    """RMSIN's evaluation ends with ``Average object IoU 64.4309`` and ``Overall IoU
    77.2394``: the words before the value are its name. Only a single word counted before
    (heldout916)."""
    assert named("Average object IoU 64.43092290986974\nOverall IoU 77.23944854736328\n") == [
        ("Average_object_IoU", 64.43092290986974, None, None),
        ("Overall_IoU", 77.23944854736328, None, None)]
    # guards: not after other values on the line (SyncNet's "Content loss 1.0 Identity loss
    # 1.0", "Initial 30 classes f1-macro 0.04"); four words name by the last, as before
    assert named("Content loss 1.000000 Identity loss 1.000000\n") == []
    assert named("Initial 30 classes f1-macro 0.04292723102461942\n") == []
    assert named("the average object IoU 64.43\n") == [("IoU", 64.43, None, None)]  # (as before)


def test_an_optuna_trials_step_is_its_own() -> None:
    """Optuna's ``Trial 0 finished with value: 0.0`` records the trial's value at its number;
    the next trial's training lines (``Batch Loss: 143096.33``, no position of their own)
    took that number as their step (heldout920's 23 and 22 lines)."""
    log = ("Batch Loss: 45.78\n"
           "[I 2025-03-28 18:01:12,160] Trial 0 finished with value: 0.0 and parameters: "
           "{'lr': 3.59978294654783e-06}. Best is trial 0 with value: 0.0.\n"
           "Batch Loss: 143096.33\n")
    assert named(log) == [("Batch_Loss", 45.78, None, None), ("value", 0.0, 0, None),
                          ("Batch_Loss", 143096.33, None, None)]
    # guard: a trial line printed twice (two handlers) is one value
    trial = ("[I 2023-04-26 21:57:16,697] Trial 2 finished with value: 0.7082 and "
             "parameters: {'lr': 0.1}. Best is trial 2 with value: 0.7082.\n")
    assert named(trial + trial.split("] ", 1)[1]) == [("value", 0.7082, 2, None)]


def test_best_f_beta_and_a_best_models_checkpoint_are_running_bests() -> None:
    """``Best Val F_beta: 0.0090`` (read as the words ``f`` and ``beta``, no metric's) and a
    checkpoint's ``Best Model Saved with F_beta: 0.0105`` repeat an epoch's value: running
    bests, as four collectors judged (heldout40, heldout194, heldout875, heldout920)."""
    log = ("Best Model Saved with F_beta: 0.0105\n"
           "Epoch [5/200] | Train Loss: 0.329972 | Val F_beta: 0.0105 | Best Epoch: 5 | "
           "Best Val F_beta: 0.0105\n"
           "New best model saved with val loss: 0.3921\n"
           "  best model saved! SRCC: 0.8839\n")
    assert named(log) == [("train_loss", 0.329972, None, 5), ("val_f_beta", 0.0105, None, 5)]
    # guard: a report that says its epoch's model was the best so far is still the report
    assert named("Epoch 3 val_loss: 0.39 (best model saved)\n") == [("val_loss", 0.39, None, 3)]


def test_a_tree_boosters_tuning_grid_is_settings() -> None:
    """caret's resampling table prints its tuning grid (``eta  max_depth  colsample_bytree
    nrounds``) before the results' columns: ``colsample_bytree`` and ``nrounds`` were
    recorded as metrics (heldout918)."""
    log = ("  eta  max_depth  colsample_bytree  nrounds  logLoss    ROC      \n"
           "  0.3  1          0.6                50      0.4687844  0.8435113\n")
    assert named(log) == [("logLoss", 0.4687844, None, None), ("ROC", 0.8435113, None, None)]

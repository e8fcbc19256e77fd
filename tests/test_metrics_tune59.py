"""Round ``tune59`` (session 67): forms of held-out sets once each was scored (book, course,
accelerator-vendor and training-library repositories, security, physical sciences and
low-resource NLP). Each test of a rule fails on the parser before the round (0d5939bb);
each guard fails on the rule without its check (mutation-checked)."""

from __future__ import annotations

from parsed import named, names


def test_a_quantity_over_this_epoch_is_named_by_its_words_before() -> None:
    """Mastering PyTorch's "train loss in this epoch: 0.77, accuracy in this epoch: 0.49":
    the period a value was measured over, not the epoch's key (it was read as epoch 0.77)."""
    text = ("Epoch number 0/9\n"
            "train loss in this epoch: 0.776, accuracy in this epoch: 0.495\n"
            "val loss in this epoch: 0.604, accuracy in this epoch: 0.666\n")
    assert named(text) == [("train_loss", 0.776, None, 0), ("train_accuracy", 0.495, None, 0),
                           ("val_loss", 0.604, None, 0), ("val_accuracy", 0.666, None, 0)]
    assert named("Learning Rate for this epoch: 0.001\n") == [("Learning_Rate", 0.001, None,
                                                                None)]
    # guard: "current epoch: 3" is the epoch's key, and a lone "epoch: 2" still sets it
    assert named("current epoch: 3, loss: 0.5\n") == [("loss", 0.5, None, 3)]


def test_an_epoch_key_with_an_index_word_before_its_number() -> None:
    """ "Epoch number 1/9", "Epoch no 4": the key and its index word, spaced (the key with
    a colon, "Epoch no: 3", was read already)."""
    for head in ("Epoch number 1/9", "Epoch no 1", "epoch number 1"):
        assert named(f"{head}\nloss: 0.5\n") == [("loss", 0.5, None, 1)], head
    assert named("Batch ID 11 loss 0.4\n") == [("loss", 0.4, 11, None)]


def test_a_best_of_a_held_out_phase_is_a_running_best() -> None:
    """ "Best validation set accuracy: 0.93" after the epochs repeats the best epoch's value,
    as "Best val loss:" does (which was dropped already)."""
    text = ("epoch 1 val accuracy: 0.91\nepoch 2 val accuracy: 0.93\n"
            "Best validation set accuracy: 0.93\n")
    assert names(text) == {"val_accuracy"}
    assert "Best_Testing_Top-1_Accuracy" not in names("Best Testing Top-1 Accuracy: 71.2\n")
    # guard: a best of no held-out phase is the run's figure ("Best model training time")
    assert names("Best model training time: 309.9\n") == {"Best_model_training_time"}


def test_a_phase_count_of_steps_beside_the_epoch_is_its_length() -> None:
    """Poutyne's "Epoch: 1/10 Train steps: 2500 Val steps: 625 17.43s loss: 0.40" and its
    "Test steps: 938 ... test_loss:": how many batches a phase took, not the run's step."""
    text = ("Epoch:  1/10 Train steps: 2500 Val steps: 625 17.43s loss: 0.402440 "
            "val_loss: 0.074837\n"
            "Epoch:  2/10 Train steps: 2500 Val steps: 625 17.73s loss: 0.044888 "
            "val_loss: 0.026150\n"
            "Test steps: 938 5.04s test_loss: 0.005963 test_acc: 99.842004\n")
    assert named(text) == [("loss", 0.40244, None, 1), ("val_loss", 0.074837, None, 1),
                           ("loss", 0.044888, None, 2), ("val_loss", 0.02615, None, 2),
                           ("test_loss", 0.005963, None, None),
                           ("test_acc", 99.842004, None, None)]
    # guard: a training step counter with no epoch on its line is the step (DKT's
    # "Training steps: 10 Loss: 0.013")
    assert named("Training steps: 10 Loss: 0.0132\nTraining steps: 20 Loss: 0.0190\n") == [
        ("Loss", 0.0132, 10, None), ("Loss", 0.019, 20, None)]


def test_a_best_epochs_values_printed_again_with_a_new_name_among_them() -> None:
    """Poutyne restores its best checkpoint and prints its values again, with more digits
    (0.073298 as 0.0732985) and the learning rate it printed nowhere else: the values are
    the epoch's (dropped), the learning rate stays."""
    text = ("Epoch: 5/5 Train steps: 1500 8.39s loss: 0.073298 acc: 97.839583 "
            "val_loss: 0.038756\n"
            "Found best checkpoint at epoch: 5\n"
            "lr: 0.1, loss: 0.0732985, acc: 97.8396, val_loss: 0.038756\n")
    got = named(text)
    assert [o[:2] for o in got] == [("loss", 0.073298), ("acc", 97.839583),
                                    ("val_loss", 0.038756), ("lr", 0.1)]
    # guard: a line of as many new names as reprinted values reports anew
    text = ("Epoch: 5/5 loss: 0.073298 acc: 97.839583\n"
            "lr: 0.1, wd: 0.01, loss: 0.0732985, acc: 97.8396\n")
    assert [o[0] for o in named(text)].count("loss") == 2


def test_a_test_dataset_label_over_its_values() -> None:
    """ "Test dataset: Overall Loss: 2.3394, Overall Accuracy: 974/10000 (10%)" labels its
    values as the MNIST example's "Test set:" does; "dataset: X" alone names the data set."""
    assert named("Test dataset: Overall Loss: 2.3394\n") == [("test_loss", 2.3394, None,
                                                              None)]
    assert names("dataset: SUN397 ACC: 0.65\n") == {"SUN397_ACC"}


def test_values_listed_after_the_names_they_fill_in() -> None:
    """ "Reward Stats (min, max, median, mean):  -1.0 5.0 0.0 0.27": each value is the name
    at its place, under the label before the list (the line recorded nothing)."""
    line = "Qt Stats (min, max, median, mean):  0.072 0.394 0.323 0.324\n"
    assert named(line * 2)[:4] == [("Qt_Stats_min", 0.072, None, None),
                                   ("Qt_Stats_max", 0.394, None, None),
                                   ("Qt_Stats_median", 0.323, None, None),
                                   ("Qt_Stats_mean", 0.324, None, None)]
    assert names("Loss (D, G): 0.51, 0.32\n") == {"Loss_D", "Loss_G"}
    # guards: a list of counts is a shape, and as many names as numbers or nothing
    assert names("Data shape (samples, classes): 50000 10\n") == set()
    assert names("Loss (D, G): 0.51 0.32 0.7\n") == set()


def test_a_constants_name_in_capitals_is_no_metric() -> None:
    """ "set the environment variable RAY_AIR_NEW_OUTPUT=0", "IMS_PER_BATCH: 16" in a
    configuration dump: three words or more in capitals joined by "_" name a constant."""
    assert names("To disable it, set the environment variable RAY_DEDUP_LOGS=0\n") == set()
    assert names("  IMS_PER_BATCH: 16\n  FLIP_PROB_TRAIN: 0.5\n") == set()
    # guards: a measure whatever its name, a score's initials, a heading's spaced phrase
    assert names("step 1 | BS_TO_DEVICE: 19.9ms | Forward: 237.0ms\n"
                 "step 2 | BS_TO_DEVICE: 26.1ms | Forward: 262.3ms\n") == {"BS_TO_DEVICE",
                                                                         "Forward"}
    assert names("TOTAL TIME FOR TRAINING:  3804.04\n") == {"TOTAL_TIME_FOR_TRAINING"}
    assert names("loss 0.5 G_L1 0.31\n") == {"loss", "G_L1"}
    assert names("epoch 1 TRAIN_TOTAL_LOSS: 0.5\n") == {"TRAIN_TOTAL_LOSS"}


def test_steps_per_epoch_is_a_count() -> None:
    """ "Steps per epoch:  117" (Keras on TPU) counts the batches of an epoch; steps per
    second is a rate."""
    assert names("Steps per epoch:  117\nloss: 0.5\n") == {"loss"}
    assert names("steps_per_second: 38.2, loss: 0.5\n") == {"steps_per_second", "loss"}


def test_a_phases_statistics_label_over_the_pairs_after_it() -> None:
    """DCASE baselines' "train statistics:    total_loss: 0.076, event_loss: 0.007" and
    "validate statistics:  total_loss: 0.449": the phase's values, as "Train set:" labels
    them (the two lines' names were one series)."""
    text = ("iteration: 5000\n"
            "train statistics:    total_loss: 0.076, event_loss: 0.007\n"
            "validate statistics:  total_loss: 0.449, event_loss: 0.039\n")
    assert named(text) == [("train_total_loss", 0.076, 5000, None),
                           ("train_event_loss", 0.007, 5000, None),
                           ("validate_total_loss", 0.449, 5000, None),
                           ("validate_event_loss", 0.039, 5000, None)]
    # guard: a phase word with another word before the colon is a name ("Train accuracy:")
    assert names("train accuracy: 0.91, val accuracy: 0.88\n") == {"train_accuracy",
                                                                   "val_accuracy"}


def test_a_mini_batch_index_is_the_step() -> None:
    """ZenNAS' "mini_batch 100, top-1 acc=   0%": the evaluation's step, not a metric."""
    text = ("mini_batch 0, top-1 acc=   0%, top-5 acc=   0%\n"
            "mini_batch 100, top-1 acc=   1%, top-5 acc=   3%\n")
    assert named(text) == [("top-1_acc", 0.0, 0, None), ("top-5_acc", 0.0, 0, None),
                           ("top-1_acc", 1.0, 100, None), ("top-5_acc", 3.0, 100, None)]

"""Round ``tune23`` (session 31). Each test of a new form fails on the parser before the
round (fb5f343); each guard fails on the round's rule without its check."""

from __future__ import annotations

from parsed import named as _named
from parsed import obs as _obs


def test_the_pytorch_tutorials_epoch_and_batch_pair() -> None:
    # the CIFAR-10 tutorial's "[epoch, batch] loss: X", alone or after a record's prefix
    assert _named("[1,  2000] loss: 2.212\n[2,  4000] loss: 1.312\n") == [
        ("loss", 2.212, 2000, 1), ("loss", 1.312, 4000, 2)]
    assert _named("[2023-08-27 21:22:27] PRINT [15,  2000] loss: 1.535\n") == [
        ("loss", 1.535, 2000, 15)]
    # a list of three, or a pair with no name after it, is no step
    assert _named("[1, 2, 3] loss: 3.1\n") == [("loss", 3.1, None, None)]
    assert _obs("[1, 2] 0.5\n") == []
    # a pair after the line's own epoch is no tutorial's opening pair
    assert _named("Epoch 12 [3,  200] loss: 0.5\n") == [("loss", 0.5, None, 12)]


def test_a_phrase_that_counts_what_it_measured_on() -> None:
    # "Accuracy of the network on the 10000 test images: 54 %": the count is no name's
    assert _named("Accuracy of the network on the 10000 test images: 54 %\n") == [
        ("Accuracy", 54.0, None, None)]
    assert _named("Test Accuracy of the model on the 10000 test images: 97.5 %\n") == [
        ("Test_Accuracy", 97.5, None, None)]
    assert _named("[2023-08-27 21:38:36] PRINT Accuracy of the network on the 10000 test "
                  "images: 49 %\n") == [("Accuracy", 49.0, None, None)]
    # after the tutorial's loop, "Finished Training": the test belongs to no step
    assert _named("[2,  2000] loss: 1.3\nFinished Training\nAccuracy of the network on the "
                  "10000 test images: 54 %\n")[-1] == ("Accuracy", 54.0, None, None)
    # what is not a measure stays out
    assert _obs("Number of the images in 100 test folders: 45\n") == []


def test_matlab_trainnetworks_two_line_header() -> None:
    # "| Mini-batch |" over "|  Accuracy  |": one column, named by both lines; the unit line
    # "(hh:mm:ss)" names nothing; a blank validation cell is no value
    text = (
        "|========================================================================|\n"
        "|  Epoch  |  Iteration  |  Time Elapsed  |  Mini-batch  |  Validation  |  Mini-batch  "
        "|  Base Learning  |\n"
        "|         |             |   (hh:mm:ss)   |   Accuracy   |   Accuracy   |     Loss     "
        "|      Rate       |\n"
        "|========================================================================|\n"
        "|       1 |           1 |       00:03:33 |       23.81% |       54.82% |       1.3868 "
        "|          0.0100 |\n"
        "|       5 |        1010 |       12:21:20 |       94.45% |              |       0.1483 "
        "|          0.0010 |\n")
    assert _named(text) == [
        ("Mini-batch_Accuracy", 23.81, 1, 1), ("Validation_Accuracy", 54.82, 1, 1),
        ("Mini-batch_Loss", 1.3868, 1, 1), ("Base_Learning_Rate", 0.01, 1, 1),
        ("Mini-batch_Accuracy", 94.45, 1010, 5), ("Mini-batch_Loss", 0.1483, 1010, 5),
        ("Base_Learning_Rate", 0.001, 1010, 5)]
    # a one-line header's first row is still a row, not its second line; a line of words
    # between rows goes on no header
    assert _named("| epoch | loss | acc |\n| 1 | 0.5 | 0.9 |\n|  | note | x |\n"
                  "| 2 | 0.4 | 0.8 |\n") == [("loss", 0.5, None, 1), ("acc", 0.9, None, 1),
                                             ("loss", 0.4, None, 2), ("acc", 0.8, None, 2)]


def test_a_phase_word_and_its_comma_label_the_pairs_after_it() -> None:
    # T2ICount's "Epoch 49 Train, reg:0.1386, mae:10.68", "Epoch 50 Val, MAE: 14.68"
    assert [o.name for o in _obs("04-07 07:14:43, Epoch 49 Train, reg:0.1386, mae:10.68\n"
                                 "04-07 07:30:38, Epoch 50 Val, MAE: 14.68, MSE: 64.80\n")] == [
        "train_reg", "train_mae", "val_MAE", "val_MSE"]
    # a list of splits is no label ("train, val" is followed by no key and value)
    assert [o.name for o in _obs("splits: train, val, test; loss: 0.5\n")] == ["loss"]


def test_a_label_and_a_tab_open_a_section_of_pairs() -> None:
    # ThresholdNet's "Mixup:\tSegCE loss:0.097 \tSegMixup loss:1.39": the mixup pass's
    assert [o.name for o in _obs("Mixup:\tSegCE loss:0.0973812 \tSegMixup loss:1.38775 \n")] \
        == ["mixup_SegCE_loss", "mixup_SegMixup_loss"]


def test_traxs_step_phase_name_pipe_value_lines() -> None:
    text = ("Step      1: Ran 1 train steps in 1.20 secs\n"
            "Step    100: train CategoryCrossEntropy |  33.01021576\n"
            "Step    100: eval      CategoryAccuracy |  0.61250000\n")
    assert _named(text) == [("train_CategoryCrossEntropy", 33.01021576, 100, None),
                            ("eval_CategoryAccuracy", 0.6125, 100, None)]


def test_a_metric_named_before_its_step_without_at() -> None:
    # Flax's notebook "Loss step 10:  0.2999451" as "Loss at step 10: ..."
    assert _named("Loss step 10:  0.2999451\n") == [("Loss", 0.2999451, 10, None)]
    # a word that names no measure stays out ("Train step 10: 0.5" has no metric's name)
    assert _obs("Train step 10: 0.5\n") == []


def test_acronyms_spelled_like_stopwords_are_metrics() -> None:
    # multi-label classification's "OP, OR, OF1" (overall precision, recall, F1), a GAN's
    # "IS" (Inception Score): capitals and a key's colon
    assert [o.name for o in _obs("OP: 0.918866, OR: 0.729930, OF1 0.813573\n")] == [
        "OP", "OR", "OF1"]
    assert _named("Epoch 3, IS: 8.51, FID: 20.3\n") == [("IS", 8.51, None, 3),
                                                         ("FID", 20.3, None, 3)]
    # the words stay stopwords in lower case, and "IS" after a name is still its copula
    assert _obs("it is: 5\n") == []
    assert _named("LOSS IS: 2.5\n") == [("LOSS", 2.5, None, None)]

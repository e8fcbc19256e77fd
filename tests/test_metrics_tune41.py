"""Round ``tune41`` (session 49). Each test of a new form fails on the parser before the
round (f0c0355); each guard fails on the round's rule without its check (mutation-checked)."""

from __future__ import annotations

from parsed import named


def test_a_name_with_digits_glued_to_a_counter_word_is_a_name() -> None:
    """``EP0=0.0`` names a value (Hypothesis found ``EP`` + digits read as epoch 0)."""
    assert named("EP0=0.0\nEP1=0.143\nEP0=0.286\n") == [
        ("EP0", 0.0, None, None), ("EP1", 0.143, None, None), ("EP0", 0.286, None, None)]
    # (after a step: before the run's first, a value of no measure's name is a setting)
    assert named("step 3 iter2=0.25\nE1: 0.5\n{'ep2': 0.1, 'epoch': 4}\n") == [
        ("iter2", 0.25, 3, None), ("E1", 0.5, 3, None), ("ep2", 0.1, None, 4)]


def test_a_counter_word_glued_to_its_number_still_counts() -> None:
    """Guard: ``[E03] loss=``, ``Epoch3 loss=``, ``iter300: loss 0.5`` keep their counters."""
    assert named("[E03] train_loss=1.5\nEpoch4 loss=0.5\niter300: loss 0.25\n") == [
        ("train_loss", 1.5, None, 3), ("loss", 0.5, None, 4), ("loss", 0.25, 300, 4)]


SIRST = ("model: SCTransNet, loss: fullySup, epoch: 751, loss: 0.00245, lr:0.000158\n"
         "Epoch:800, eval loss:0.0007, mIoU:75.4282, nIoU:78.4957\n")


def test_texts_before_a_counter_are_the_run_settings_repeated() -> None:
    assert named(SIRST) == [
        ("loss", 0.00245, None, 751), ("lr", 0.000158, None, 751),
        ("eval_loss", 0.0007, None, 800), ("eval_mIoU", 75.4282, None, 800),
        ("eval_nIoU", 78.4957, None, 800)]


def test_a_line_of_texts_and_a_count_of_epochs_stays_configuration() -> None:
    """Guard: only a counter's own key (``epoch: 751``) marks a report, not ``epochs=2``."""
    assert named("task=detect, mode=train, model=yolov8n.yaml, epochs=2, patience=100, "
                 "batch=16, save=True, iou=0.7, max_det=300\n") == []


def test_a_value_with_a_colon_before_a_tab_and_an_iou_after_it() -> None:
    line = ("25/05/2025 02:30:24 - 0200:\t - train_loss: 0.268460:\t - test_loss: 0.313686:\t"
            " mIoU 0.7232\n")
    assert named(line) == [("train_loss", 0.26846, None, None),
                           ("test_loss", 0.313686, None, None), ("mIoU", 0.7232, None, None)]


def test_three_dashes_join_a_name_and_its_value() -> None:
    assert named("Jun 23 01:47:56 Epoch---141, total_loss---0.584932,\n") == [
        ("total_loss", 0.584932, None, 141)]


def test_bare_names_over_a_tuple_of_decimals() -> None:
    assert named("pixAcc, mIoU:\t(0.6847254037857056, np.float64(0.57423807126144))\n"
                 "15:28:23,499 experiment INFO Test set loss, accuracy (%): (0.67, 78.10)\n") == [
        ("pixAcc", 0.6847254037857056, None, None), ("mIoU", 0.57423807126144, None, None),
        ("test_loss", 0.67, None, None), ("test_accuracy", 78.1, None, None)]


TDMPC = (" train   E: 3,085        I: 1,543,000    R: 597.5        S: 0.0          T: 22:27:22\n"
         "16:09:47 | INFO | common.logger |  eval             E: 0                     I: 500"
         "                   R: 108.3                 S: 0.0                   T: 0:01:01\n")


def test_td_mpc2_console_lines() -> None:
    assert named(TDMPC) == [("train_R", 597.5, 1543000, None), ("train_S", 0.0, 1543000, None),
                            ("eval_R", 108.3, 500, None), ("eval_S", 0.0, 500, None)]


def test_qualified_and_camel_case_names_in_their_own_fields() -> None:
    line = ("[Epoch 3 | Step 100] Loss 4.9835 (4.3012) | PSNR(recon) 7.405 (8.117) | "
            "PSNR(no-noise) 81.366 (80.470) | MeanReg 0.005613 | NoNoiseRecon 30.8024\n")
    assert named(line) == [
        ("Loss", 4.9835, 100, 3), ("PSNR(recon)", 7.405, 100, 3),
        ("PSNR(no-noise)", 81.366, 100, 3), ("MeanReg", 0.005613, 100, 3),
        ("NoNoiseRecon", 30.8024, 100, 3)]


def test_a_camel_case_word_before_a_count_is_a_label() -> None:
    """Guard: a CamelCase word before a whole number is a label, in a field or not."""
    assert named("Loss 0.5 | DataLoader 0 | acc 0.9\n") == [
        ("Loss", 0.5, None, None), ("acc", 0.9, None, None)]


def test_a_bracketed_number_and_epoch() -> None:
    assert named("[12-epoch] time:157.129 | knn acc: 33.152 | loss:19.592\n") == [
        ("time", 157.129, None, 12), ("knn_acc", 33.152, None, 12), ("loss", 19.592, None, 12)]

"""Round ``tune36`` (session 44). Each test of a new form fails on the parser before the
round (e4c022f); each guard fails on the round's rule without its check (mutation-checked)."""

from __future__ import annotations

from parsed import named

# (session 88: once rank 0 has printed, another rank's lines are its copies and dropped;
# here rank 1 prints first, so both lines are read)
ICEFALL_RANKS = (
    "2023-09-12 19:28:41,687 INFO [train.py:888] (1/2) Epoch 1, batch 3000, "
    "loss[loss=0.8729, simple_loss=0.4533, over 20765.00 frames. ], lr: 2.72e-03\n"
    "2023-09-12 19:29:46,619 INFO [train.py:921] (0/2) Epoch 1, validation: loss=3.105, "
    "simple_loss=0.4064, over 4135527.00 frames. \n")


def test_icefalls_rank_of_world_is_no_step() -> None:
    assert named(ICEFALL_RANKS) == [
        ("loss", 0.8729, 3000, 1), ("simple_loss", 0.4533, 3000, 1), ("lr", 0.00272, 3000, 1),
        ("validation_loss", 3.105, None, 1), ("validation_simple_loss", 0.4064, None, 1)]


def test_speechbrains_epoch_loaded_is_the_epoch() -> None:
    assert named("epoch: 100, lr: 1.00e-03, steps: 9700 - train loss: 0.12\n"
                 "Epoch loaded: 100 - test loss: 9.23e-02, test ACC: 9.59e-01\n") == [
        ("lr", 0.001, 9700, 100), ("train_loss", 0.12, 9700, 100),
        ("test_loss", 0.0923, None, 100), ("test_ACC", 0.959, None, 100)]


SRUN = (
    " 0: Number of parameters in transformer block in billions:  0.97\n"
    "31:  [2026-08-18 04:05:07.248731] iteration        1/       2 | consumed samples:    "
    "      288 | elapsed time per iteration (ms): 9185.1 | lm loss: 1.061620E+01 |\n"
    " 0: [Rank 0] (after 1 iterations) memory (MB) | allocated: 8235.37 | max allocated: "
    "54635.74\n")


def test_sruns_task_labels_are_no_steps() -> None:
    assert named(SRUN) == [
        ("elapsed_time_per_iteration_(ms)", 9185.1, 1, None), ("lm_loss", 10.6162, 1, None),
        ("allocated", 8235.37, 1, None), ("max_allocated", 54635.74, 1, None)]


def test_an_unpadded_index_before_a_tag_stays_the_step() -> None:
    """Guard: "283: [D] real 0.05" is a GAN's iteration, not a task's label."""
    assert named("283: [D] real 0.050915 fake 0.170305\n"
                 "284: [D] real 0.083959 fake 0.175833\n")[-1] == ("d_fake", 0.175833, 284, None)


def test_a_counters_group_holds_the_update_step() -> None:
    assert named("train stats after 128 examples: {'loss/train': '0.49915', 'grad_norm': '9', "
                 "'counters/examples': 128, 'counters/updates': 8}\n") == [
        ("loss/train", 0.49915, 8, None), ("grad_norm", 9.0, 8, None)]


FAST_AT = ("[2020/04/26 20:14:33] - Epoch \t Train Time \t LR \t \t Train Loss \t Test Acc\n"
           "[2020/04/26 20:50:52] - 0 \t 1645.4 \t \t 0.1000 \t 2.2815 \t \t 0.1926\n"
           "[2020/04/26 21:27:11] - 1 \t 1646.0 \t \t 0.1000 \t 2.1429 \t \t 0.1780\n")


def test_a_tab_table_after_a_bracketed_stamp_and_dash() -> None:
    assert named(FAST_AT)[-4:] == [("Train_Time", 1646.0, None, 1), ("LR", 0.1, None, 1),
                                   ("Train_Loss", 2.1429, None, 1), ("Test_Acc", 0.178, None, 1)]

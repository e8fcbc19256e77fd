"""Mechanisms found by tuning on real logs (set C, tests/data/heldout3): each test names the
general rule, not the log it came from."""

from __future__ import annotations

from parsed import named as found


def test_a_bar_drawn_without_glyphs_ends_a_table_row() -> None:
    # tqdm without bar characters (a notebook's pipe): "100% 350/350 [04:06<00:00, 1.4it/s]"
    text = ("     Epoch   gpu_mem       box       obj     total   targets  img_size\n"
            "      3/49     11.9G   0.02173     0.035   0.05802        13       448: "
            "100% 1626/1626 [22:53<00:00,  1.18it/s]\n"
            "               Class      Images     Targets        P        R    mAP@.5"
            "   mAP@.5:.95: 100% 350/350 [04:06<00:00,  1.42it/s]\n"
            "                 all      3.14e+04    3.28e+04    0.603    0.861    0.829"
            "       0.574\n")
    assert found(text) == [
        ("gpu_mem", 11.9, None, 3), ("box", 0.02173, None, 3), ("obj", 0.035, None, 3),
        ("total", 0.05802, None, 3), ("P", 0.603, None, 3), ("R", 0.861, None, 3),
        ("mAP@.5", 0.829, None, 3), ("mAP@.5:.95", 0.574, None, 3)]
    # the bar's percentage is never a value of the name before it
    assert found("Validating mAP: 100% 350/350 [04:06<00:00,  1.42it/s]\n") == []


def test_a_unit_glued_to_a_name_stays_in_the_name() -> None:
    # "bch(ms): 222.92" (wav2letter's report): the unit in parentheses is part of the key
    text = "epoch: 4 | bch(ms): 222.92 | thrpt(sec/sec): 663.4 | loss: 3.2\n"
    assert found(text) == [("bch(ms)", 222.92, None, 4), ("thrpt(sec/sec)", 663.4, None, 4),
                           ("loss", 3.2, None, 4)]
    # a call's argument is still no name: "tensor(0.5)" is the value 0.5 of "loss"
    assert found("step 3 loss tensor(0.5)\n") == [("loss", 0.5, 3, None)]


def test_a_library_info_line_counts_when_it_reports_an_iteration() -> None:
    # LightGBM's CLI logs its metrics as "[LightGBM] [Info]" lines; its start-up lines
    # (bins, data points, label statistics) carry no iteration and are not metrics
    text = ("[LightGBM] [Info] Total Bins 6143\n"
            "[LightGBM] [Info] Number of positive: 53, number of negative: 47\n"
            "[LightGBM] [Info] Iteration:36, valid_1 auc : 0.664596\n")
    assert found(text) == [("valid_1_auc", 0.664596, 36, None)]


def test_a_numbered_data_set_before_a_name_prefixes_it() -> None:
    # "valid_1 auc", "valid_0 l2": the names LightGBM/XGBoost give the sets they evaluate
    assert found("[7]\tvalid_0 l2 : 0.25\ttest_2 rmse : 0.5\n") == [
        ("valid_0_l2", 0.25, 7, None), ("test_2_rmse", 0.5, 7, None)]


def test_a_unit_letter_alone_is_memory_only_after_a_memory_name() -> None:
    # detectron2's "max_mem: 433M": the figure as printed; elsewhere "16.2K" is a multiplier
    # (thousands, read as such since session 89, as nanotron's collectors wrote them)
    text = "iter: 19  total_loss: 1.36  max_mem: 433M\n"
    assert found(text) == [("total_loss", 1.36, 19, None), ("max_mem", 433.0, 19, None)]
    assert found("iter: 19  loss: 1.36  tokens_per_sec: 16.2K\n") == [
        ("loss", 1.36, 19, None), ("tokens_per_sec", 16200.0, 19, None)]
    assert found("iter: 19  loss: 1.36  flops: 16.2G\n") == [("loss", 1.36, 19, None)]

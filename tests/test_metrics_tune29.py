"""Round ``tune29`` (session 37). Each test of a new form fails on the parser before the
round (675d308); each guard fails on the round's rule without its check."""

from __future__ import annotations

import json

from parsed import last, named, names, obs


def test_a_closing_line_after_lines_of_metrics_ends_the_step() -> None:
    text = ("Iter: 100, Train Loss: 0.5\nIter: 200, Train Loss: 0.4\n"
            "Optimization Finished!\nTest Loss: 0.3, Test Acc: 90%\n")
    assert named(text)[-2:] == [("test_loss", 0.3, None, None), ("test_acc", 90.0, None, None)]
    lines = "".join(f"Epoch {e}/2, step {s}/542, loss = 0.0009\n" for e in (1, 2)
                    for s in (10, 20, 30))
    assert last(lines + "==== Final summary ====\nRMSE 30.96, MAPE 0.39\n", "RMSE").epoch is None


def test_guard_a_closing_word_after_a_bare_epoch_line_keeps_the_epoch() -> None:
    # the line that set the epoch printed no metric: what follows is that epoch's
    assert named("Epoch 3/10\n=== final layer unfrozen ===\nloss: 0.3\n") == [
        ("loss", 0.3, None, 3)]


def test_guard_a_test_heading_during_training_keeps_the_step() -> None:
    # "test" and "results" also head evaluations inside the run: not a closing line
    text = "step 100 loss 0.5\nTesting...\ntest_acc: 0.9\n"
    assert last(text, "test_acc").step == 100


def test_a_logging_records_logger_name_is_no_word_of_the_key() -> None:
    line = "08/31/2025 12:58:29 PM INFO __main__: Mean CV Loss: 1.0933 ± 0.1460\n"
    assert named(line) == [("Mean_CV_Loss", 1.0933, None, None)]
    assert names("INFO __main__: Mean CV CMI Score: 0.7633\n") == {"Mean_CV_CMI_Score"}


def test_guard_a_key_right_after_the_level_is_no_logger() -> None:
    # OpenPCDet's "INFO  recall_rcnn_0.3: 0.95": the key itself, a number after its colon
    line = "2022-11-21 16:57:55,977   INFO  recall_rcnn_0.3: 0.950911\n"
    assert names(line) == {"recall_rcnn_0.3"}


def test_a_rate_per_device_is_a_metric_and_a_device_count_is_not() -> None:
    line = "0: [apertus] iter  1824 | tokens/s/GPU:   154098.0\n"
    assert named(line) == [("tokens/s/GPU", 154098.0, 1824, None)]
    assert named("num/gpu: 3\n") == []


def test_megatrons_validation_heading_labels_its_pairs() -> None:
    line = (" validation loss at iteration 1907 | lm loss value: 2.935027E+00 | "
            "lm loss PPL: 1.882201E+01 | \n")
    assert named(line) == [("validation_lm_loss_value", 2.935027, 1907, None),
                           ("validation_lm_loss_PPL", 18.82201, 1907, None)]


def test_full_width_punctuation_reads_as_ascii() -> None:
    text = ("2022-06-14 12:39:01,326 - INFO - main.py - train - 86 - 【train】 epoch：84 "
            "step:507/600 loss：0.045766\n"
            "2022-06-14 12:39:01,617 - INFO - main.py - train - 92 - 【dev】 loss：3.067280 "
            "accuracy：0.5957 micro_f1：0.5957 macro_f1：0.6953\n")
    assert named(text) == [
        ("train_loss", 0.045766, 507, 84), ("dev_loss", 3.06728, 507, 84),
        ("dev_accuracy", 0.5957, 507, 84), ("dev_micro_f1", 0.5957, 507, 84),
        ("dev_macro_f1", 0.6953, 507, 84)]


def test_chinese_step_keys_and_counts() -> None:
    line = "INFO\t损失：[2.72, 2.73]，步数：10，学习率：0.0001\n"
    assert named(line) == [("学习率", 0.0001, 10, None)]
    assert named("显卡数量：2\n训练数据集的长度为：5000\n") == []


def test_ten_item_numbered_names_of_one_record_are_its_rows() -> None:
    record = {"train_loss": 0.1, "global_step": 167, "test/mean_score": 0.104}
    record |= {f"test/sim_max_reward_{100000 + i}": i / 10 for i in range(12)}
    assert names(json.dumps(record) + "\n") == {"train_loss", "test/mean_score"}


def test_guard_nine_deep_supervision_losses_stay() -> None:
    record = {"iteration": 5, "loss_mask": 0.3} | {f"loss_ce_{i}": 0.1 for i in range(9)}
    assert names(json.dumps(record) + "\n") == {"loss_mask"} | {f"loss_ce_{i}" for i in range(9)}


def test_baselines_trpo_counters_and_line_search_check() -> None:
    text = ("********** Iteration 0 ************\nExpected: 0.025 Actual: 0.025\n"
            "Stepsize OK!\n----------------------------------\n"
            "| entropy         | 8.516911     |\n| epsofar         | 283          |\n"
            "| epthisiter      | 283          |\n| meankl          | 0.0010360085 |\n"
            "| timestepsofar   | 1024         |\n----------------------------------\n")
    assert named(text) == [("entropy", 8.516911, 1024, None), ("meankl", 0.0010360085, 1024, None)]


def test_a_pandas_csv_with_an_unnamed_index_column() -> None:
    text = (",epoch,Train_Loss,Valid_Loss,Valid_dice,model_file\n"
            "0,1,0.6879,6.7285,0.1864,./weights/unet-1-8.pth\n"
            "1,2,0.6734,0.3737,0.0036,./weights/unet-2-8.pth\n")
    assert named(text)[-3:] == [("Train_Loss", 0.6734, None, 2), ("Valid_Loss", 0.3737, None, 2),
                                ("Valid_dice", 0.0036, None, 2)]


def test_a_bracketed_train_label_before_epoch_and_step_keys() -> None:
    line = "【train】 epoch：84 step:507/600 loss：0.045766\n"
    assert named(line) == [("train_loss", 0.045766, 507, 84)]
    assert names("[train] epoch:0 iter:0/18 0.00% lr:0.001000 loss:1.298646\n") == {
        "train_lr", "train_loss"}


def test_guard_a_stage_bracket_names_the_loops_mode() -> None:
    line = ("Stage [train] iter: [10/500], data_time: 1.0402(1.0402), "
            "loss: 0.0978(0.0978), pg0_lr: 0.000100\n")
    assert names(line) == {"data_time", "loss", "pg0_lr"}


def test_a_hash_counter_opens_the_line_with_its_step() -> None:
    line = "#320/1500 - Training Loss: 0.291056 >> [ Accuracy: 93.3468% ]\n"
    assert [(o.name, o.step) for o in obs(line)] == [("training_loss", 320),
                                                     ("training_accuracy", 320)]


def test_an_epochs_progress_bar_ends_an_earlier_lines_step() -> None:
    text = ("Epoch 96, global step 89099: val/accuracy reached 0.86580 (best 0.86580)\n"
            "Epoch 97:  78% 938/1200 [01:15<00:21, 12.38it/s, loss=0.142, v_num=xyj4]\n")
    assert last(text, "loss").step is None and last(text, "loss").epoch == 97


def test_a_lone_number_key_and_a_round_banner_are_no_metrics() -> None:
    assert named("Round number: 5\n") == []

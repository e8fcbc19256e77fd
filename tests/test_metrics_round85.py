"""Round ``tune85`` (session 85): rules written from the tuning half of the corpus. Each test of
a rule fails on 17e13733 (this session's start); the guards pin what must not change."""

from __future__ import annotations

from parsed import columns_named, named


def _record(second: str, message: str) -> str:
    return f"2024-11-25 00:31:{second},542 - {message}\n"


def test_a_logging_time_reads_alike_whatever_its_second() -> None:
    # Python logging's default "%(asctime)s" ends "HH:MM:SS,mmm": a second of "00" to "09"
    # once left the time in the text, and the line read otherwise than at "10" and up
    for second in ("00", "05", "10", "42"):
        text = "Epoch 1/20\n" + _record(second, "Train Loss: 31.9717, Accuracy: 0.8737")
        assert named(text) == [("train_loss", 31.9717, None, 1),
                               ("train_accuracy", 0.8737, None, 1)], second
        assert columns_named(text) == named(text)


def test_a_decimal_comma_still_reads_and_a_list_stays_a_list() -> None:
    # (guard) the time's seconds only after "HH:MM:"
    assert named("Accuracy: 0,81\n") == [("Accuracy", 0.81, None, None)]
    assert named("loss 00,542 here\n") == []


# qm9-egnn-tda: each epoch's finished tqdm bar (its postfix the last batch's running figures),
# then the epoch's own summary of the same names
_BAR_THEN_SUMMARY = "".join(
    f"Epoch {e}/3 [train]: 100% 1636/1636 [04:54<00:00,  5.55it/s, train_loss={bar}, "
    f"train_mae={mae}]\nEpoch {e}: train_loss={loss} train_MAE={mae2} val_MAE={val}\n"
    "Saved best checkpoint: /content/best.pt\n"
    for e, bar, mae, loss, mae2, val in ((1, 0.364, 0.425, 0.647572, 0.5992, 0.4809),
                                         (2, 0.12, 0.272, 0.214272, 0.3485, 0.3113),
                                         (3, 0.192, 0.361, 0.159226, 0.2995, 0.281)))


def test_a_finished_bars_values_give_way_to_the_epochs_summary_of_them() -> None:
    assert named(_BAR_THEN_SUMMARY) == [
        ("train_loss", 0.647572, None, 1), ("train_mae", 0.5992, None, 1),
        ("val_MAE", 0.4809, None, 1),
        ("train_loss", 0.214272, None, 2), ("train_mae", 0.3485, None, 2),
        ("val_MAE", 0.3113, None, 2),
        ("train_loss", 0.159226, None, 3), ("train_mae", 0.2995, None, 3),
        ("val_MAE", 0.281, None, 3)]
    assert columns_named(_BAR_THEN_SUMMARY) == named(_BAR_THEN_SUMMARY)


def test_the_summary_may_come_after_a_bar_of_no_values() -> None:
    # SpeechBrain: the training bar (postfix train_loss), the validation bar, then its
    # train_logger's line of the epoch
    text = ("100%|██████████| 190/190 [05:01<00:00,  1.59s/it, train_loss=0.945]\n"
            "100%|██████████| 40/40 [00:31<00:00,  1.27it/s]\n"
            "speechbrain.utils.train_logger - epoch: 1, lr: 1.00e+00 - train loss: 9.45e-01"
            " - valid loss: 1.23\n")
    assert named(text) == [("lr", 1.0, None, 1), ("train_loss", 0.945, None, 1),
                           ("valid_loss", 1.23, None, 1)]


def test_a_finished_bars_values_stand_when_no_line_reports_them_again() -> None:
    # (guard) the next epoch's bar, a line of other names, or the end of the output
    bars = "".join(f"Epoch {e}: 100%|█| 32/32 [00:02<00:00, 21.3it/s, loss={v}]\n"
                   for e, v in ((0, 0.533), (1, 0.402)))
    assert named(bars) == [("loss", 0.533, None, 0), ("loss", 0.402, None, 1)]
    other = bars + "Epoch 1: val_acc=0.871\n"
    assert named(other) == [("loss", 0.533, None, 0), ("loss", 0.402, None, 1),
                            ("val_acc", 0.871, None, 1)]
    # a heading's block after the bar is read as it is without one (its names the section's)
    tree = ("Train epoch 7: 100%|█| 62/62 [01:05<00:00,  1.06s/it, loss_cls=0.844]\n"
            "SUMMARY OF EPOCH 7\n├── Train\n│   ├── loss_cls = 0.8437\n")
    assert ("loss_cls", 0.844, None, 7) in named(tree)


# CialloDroid: the epoch's phase lines, then a line of "Results" that restates every value
# under short names of its own
_RECAP = (
    "2024-11-27 16:37:40,100 - Epoch 1/30\n"
    "2024-11-27 16:37:53,360 - Train Loss: 90.4892, Accuracy: 0.5702, Time: 17.89s\n"
    "2024-11-27 16:37:55,861 - Validation Loss: 11.4515, Accuracy: 0.5709, Precision: 0.5693,"
    " Recall: 1.0000, F1 Score: 0.7255\n"
    "2024-11-27 16:37:55,861 - Epoch 1 Results: Train Loss = 90.4892, Train Acc = 0.5702,"
    " Val Loss = 11.4515, Val Acc = 0.5709, Precision = 0.5693, Recall = 1.0000, F1 = 0.7255\n")


def test_a_recap_of_the_epochs_values_under_other_names_adds_nothing() -> None:
    assert named(_RECAP) == [
        ("train_loss", 90.4892, None, 1), ("train_accuracy", 0.5702, None, 1),
        ("train_time", 17.89, None, 1), ("validation_loss", 11.4515, None, 1),
        ("validation_accuracy", 0.5709, None, 1), ("validation_precision", 0.5693, None, 1),
        ("validation_recall", 1.0, None, 1), ("validation_F1_Score", 0.7255, None, 1)]
    assert columns_named(_RECAP) == named(_RECAP)


def test_new_names_on_values_of_one_name_or_of_steps_stay() -> None:
    # (guards) PyCIL's first task: "new" and "total" are one accuracy, a line's own; BiaPy's
    # MetricLogger averages, which name the last batch's values by the phase
    pycil = ("Epoch 1 => Task 0, Epoch 5/5 => Loss 0.421, Train_accy 85.21, Test_accy 89.30\n"
             "CNN: {'total': 89.3, 'old': 0, 'new': 89.3}\n")
    assert [n[:2] for n in named(pycil)][-3:] == [("CNN_total", 89.3), ("CNN_old", 0.0),
                                                  ("CNN_new", 89.3)]
    biapy = ("[10:35:45.087504] Epoch: [1]  [8/9]  eta: 0:00:17  loss: 0.0938 (0.1454)  "
             "PSNR: 17.2665 (17.2866)  SSIM: 0.1288 (0.1211)\n"
             "[10:35:45.141466] [Train] averaged stats: loss: 0.0938 (0.1454)  "
             "PSNR: 17.2665 (17.2866)  SSIM: 0.1288 (0.1211)\n")
    assert {"train_loss", "train_PSNR", "train_SSIM"} <= {n[0] for n in named(biapy)}


def test_basicsrs_validation_line_names_its_metrics_by_the_phase() -> None:
    # BasicSR (Retinexformer, NAFNet, WaveNet-LOL): "Validation <data set>," then a "\t # key:
    # value" field a metric
    text = ("2024-08-01 20:14:19,078 INFO: [Retin..][epoch:  6, iter:     400, lr:(2.957e-04,)] "
            "[eta: 0:08:43, time (data): 0.232 (0.001)] l_pix: 9.7821e-02 \n"
            "2024-08-31 03:20:44,018 INFO: Validation ValSet,\t\t # psnr: 20.7047"
            "\t # ssim: 0.8128\n"
            "2024-08-31 03:21:14,856 INFO: Validation gopro-test, \t\t # psnr: 21.4482\n")
    assert [n for n in named(text) if "psnr" in n[0] or "ssim" in n[0]] == [
        ("validation_psnr", 20.7047, 400, 6), ("validation_ssim", 0.8128, 400, 6),
        ("validation_psnr", 21.4482, 400, 6)]
    # (guard) a data set's name before a comma labels nothing without those fields
    assert named("Validation ValSet, psnr: 20.7047\n") == [("psnr", 20.7047, None, None)]


def test_a_value_in_decibels_reads_with_its_unit_glued() -> None:
    # KAIR's main_train_psnr.py: "<epoch:550, Average PSNR : 30.82dB"
    text = "".join(f"<epoch:{e}, Average PSNR : {v}dB\n" for e, v in ((540, 30.78), (550, 30.82)))
    assert named(text) == [("Average_PSNR", 30.78, None, 540), ("Average_PSNR", 30.82, None, 550)]
    assert named("epoch 3 SI-SNR: -12.5dB, SDR: 10.1dB\n") == [
        ("SI-SNR", -12.5, None, 3), ("SDR", 10.1, None, 3)]


_TIMM = ("Train: 0 [   0/1251 (  0%)]  Loss: 6.957 (6.96)  Time: 2.735s,  374.38/s  (2.735s,  "
         "374.38/s)  LR: 1.000e-05  Data: 1.431 (1.431)\n")


def test_a_python_logging_record_reads_as_its_message_alone() -> None:
    # the same message printed, or logged through a record prefix of Python logging's usual
    # formats: the same names, steps and epochs
    alone = named(_TIMM)
    assert alone[0] == ("train_loss", 6.957, 0, 0)
    for prefix in ("2024-11-25 10:31:15,542 - INFO - ", "2024-11-25 10:31:15,542 - root - INFO - ",
                   "2024-11-25 10:31:15,542 INFO ", "[2024-11-25 10:31:15,542][train][INFO] - ",
                   "[2024-11-25 10:31:15] INFO - ", "INFO:__main__:", "[2024-11-25 10:31:15] ",
                   "2024-11-25 10:31:15,542 ", "[INFO] ",
                   "I1125 10:31:15.542123 12345 train.py:88] "):  # (absl's, glog's)
        assert named(prefix + _TIMM) == alone, prefix
        assert columns_named(prefix + _TIMM) == alone, prefix


def test_a_records_prefix_that_says_more_keeps_its_meaning() -> None:
    # (guards) fairseq's "| INFO | train |" (the phase in the record), Flax's absl record of
    # its evaluation, PyLaia's "[... INFO laia] TR - E0:"
    fairseq = ("2023-06-14 08:34:06 | INFO | train | epoch 503 | loss 3.003 | ppl 2.12 | "
               "num_updates 1000\n")
    assert [n[0] for n in named(fairseq)] == ["train_loss", "train_ppl"]
    assert [n[0] for n in named("INFO:absl:eval epoch: 1, loss: 0.0592, accuracy: 98.00\n")] \
        == ["eval_loss", "eval_accuracy"]
    assert [n[0] for n in named("[2020-12-02 02:53:30,572 INFO laia] TR - E0: 100% 16/16 "
                                "[00:34<00:00, 0.46it/s, loss=113.0499, cer=137.3%]\n")] == [
        "tr_loss", "tr_cer"]


def test_a_rank_named_before_the_step_is_a_process_of_the_run() -> None:
    # minGPT-style DDP prints: "GPU/rank 1 step 500: train loss ..." (each rank its own copy)
    text = "".join(f"GPU/rank {r} step {s}: train loss {a}, val loss {b}\n"
                   for s, pairs in ((0, ((4.2221, 4.2306), (4.2228, 4.2304))),
                                    (500, ((1.6010, 1.7904), (1.5984, 1.7871))))
                   for r, (a, b) in enumerate(pairs))
    assert named(text) == [("train_loss", 4.2221, 0, None), ("val_loss", 4.2306, 0, None),
                           ("train_loss", 1.601, 500, None), ("val_loss", 1.7904, 500, None)]
    # (guard) a retrieval's rank is no process's
    assert [n[1] for n in named("Rank 1 accuracy: 0.9512\nRank 5 accuracy: 0.9821\n")] == [
        0.9512, 0.9821]

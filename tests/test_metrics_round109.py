"""Round ``tune109`` (session 109). Each test of a rule fails on 658d36de (this session's
start); the guards pin what must not change."""

from __future__ import annotations

from pathlib import Path

from parsed import named

ZOO = Path(__file__).parent / "data" / "zoo"

# Transformers 3.x's run_glue.py: the Trainer prints each evaluation's dict while training;
# after it, trainer.evaluate() prints no dict (the bar is closed), only the script's
# "***** Eval results *****" listing, whose values equal the last epoch's evaluation (the
# model did not change) but are an evaluation of their own (its log_history has three)
HF3_GLUE = (
    "***** Running Evaluation *****\n"
    "  Num examples = 64\n"
    "  Batch size = 8\n"
    "{'eval_loss': 0.6931116580963135, 'eval_accuracy': 0.59375, 'epoch': 1.0}\n"
    "***** Running Evaluation *****\n"
    "  Num examples = 64\n"
    "  Batch size = 8\n"
    "{'eval_loss': 0.6927586793899536, 'eval_accuracy': 0.59375, 'epoch': 2.0}\n"
    "\n\nTraining completed. Do not forget to share your model on huggingface.co/models =)\n\n"
    "{'epoch': 2.0}\n"
    "12/07/2026 23:13:48 - INFO - __main__ -   *** Evaluate ***\n"
    "***** Running Evaluation *****\n"
    "  Num examples = 64\n"
    "  Batch size = 8\n"
    "12/07/2026 23:13:48 - INFO - __main__ -   ***** Eval results None *****\n"
    "12/07/2026 23:13:48 - INFO - __main__ -     eval_loss = 0.6927586793899536\n"
    "12/07/2026 23:13:48 - INFO - __main__ -     eval_accuracy = 0.59375\n"
    "12/07/2026 23:13:48 - INFO - __main__ -     epoch = 2.0\n")


def test_an_evaluation_run_after_training_is_one_of_its_own() -> None:
    found = named(HF3_GLUE)
    assert [v for n, v, *_ in found if n == "eval_loss"] == [
        0.6931116580963135, 0.6927586793899536, 0.6927586793899536]
    assert [v for n, v, *_ in found if n == "eval_accuracy"] == [0.59375] * 3


def test_a_guard_a_listing_after_training_with_no_new_evaluation_repeats_it() -> None:
    text = HF3_GLUE.replace("***** Running Evaluation *****\n  Num examples = 64\n"
                            "  Batch size = 8\n12/07", "12/07")
    found = named(text)
    assert [n for n, *_ in found].count("eval_loss") == 2


# RankLib 2.8 (LambdaMART): its table's counter column is "#iter"; its closing scores name
# the measure at a cutoff, then the data set it was scored on
RANKLIB = (
    "---------------------------------\n"
    "#iter   | NDCG@10-T | NDCG@10-V | \n"
    "---------------------------------\n"
    "1       | 0.7717    | 0.7757    | \n"
    "2       | 0.78      | 0.753     | \n"
    "3       | 0.7942    | 0.7431    | \n"
    "---------------------------------\n"
    "Finished sucessfully.\n"
    "NDCG@10 on training data: 0.8748\n"
    "NDCG@10 on validation data: 0.7982\n"
    "---------------------------------\n"
    "NDCG@10 on test data: 0.7898\n")


def test_a_counter_column_marked_with_a_hash_is_the_step() -> None:
    found = named(RANKLIB)
    assert [(s, v) for n, v, s, _ in found if n == "NDCG@10-T"] == [
        (1, 0.7717), (2, 0.78), (3, 0.7942)]


def test_a_phrase_may_open_with_a_measure_at_a_cutoff() -> None:
    found = named(RANKLIB)
    assert ("NDCG@10_on_training_data", 0.8748, None, None) in found
    assert ("NDCG@10_on_test_data", 0.7898, None, None) in found
    assert not [n for n, *_ in found if n in ("training_data", "test_data")]


# Wei Yang's pytorch-classification: the progress package's Bar, redrawn with "\r" under a
# terminal; "(3/8)" is the batch, and a value equal to the frame before is the next batch's
BEARPAW = "".join(
    f"\r\x1b[KProcessing |{'#' * 4 * i:<32}| ({i}/8) Data: 0.389s | Batch: 0.664s | Total: "
    f"0:00:01 | ETA: 0:00:08 | Loss: {loss} | top1:  {top1} | top5:  {top5}"
    for i, (loss, top1, top5) in enumerate(
        [("2.3045", "6.2500", "59.3750"), ("2.3077", "9.3750", "45.3125"),
         ("2.3075", "6.7708", "45.3125")], 1)) + "\n"


def test_the_progress_packages_bar_counts_its_batches() -> None:
    found = named(BEARPAW)
    assert [(s, v) for n, v, s, _ in found if n == "top5"] == [
        (1, 59.375), (2, 45.3125), (3, 45.3125)]
    assert [s for n, _, s, _ in found if n == "Loss"] == [1, 2, 3]


# FuxiCTR 2.3.9: each epoch's monitored metric, a new learning rate, then the best model's
# evaluation on the validation and test sets under banners
_FUXI = "2026-12-08 01:45:19,904 P2989 INFO "
FUXICTR = (
    f"{_FUXI}************ Epoch=1 start ************\n"
    f"{_FUXI}Train loss: 0.693248\n"
    f"{_FUXI}Evaluation @epoch 1 - batch 1: \n"
    f"{_FUXI}[Metrics] AUC: 0.947917\n"
    f"{_FUXI}Save best model: monitor(max)=0.947917\n"
    f"{_FUXI}************ Epoch=1 end ************\n"
    f"{_FUXI}Train loss: 0.680099\n"
    f"{_FUXI}Evaluation @epoch 2 - batch 1: \n"
    f"{_FUXI}[Metrics] AUC: 1.000000\n"
    f"\r100%|██████████| 1/1 [00:00<00:00,  3.22it/s]{_FUXI}Reduce learning rate on plateau:"
    " 0.000100\n"
    f"{_FUXI}************ Epoch=2 end ************\n"
    f"{_FUXI}Training finished.\n"
    f"{_FUXI}***** Validation evaluation *****\n"
    "  0%|          | 0/1 [00:00<?, ?it/s]100%|██████████| 1/1 [00:00<00:00,  9.34it/s]\n"
    "/venv/lib/python3.11/site-packages/sklearn/metrics/_classification.py:2910: "
    "FutureWarning: Setting the eps parameter is deprecated\n"
    "  warnings.warn(\n"
    f"{_FUXI}[Metrics] logloss: 0.666675 - AUC: 1.000000\n"
    f"{_FUXI}***** Test evaluation *****\n"
    f"{_FUXI}Loading datasets...\n"
    f"{_FUXI}Test samples: total/100, blocks/1\n"
    f"{_FUXI}Loading test data done.\n"
    f"{_FUXI}[Metrics] logloss: 0.55 - AUC: 0.9\n")


def test_a_learning_rate_reduced_on_plateau_is_named_as_printed() -> None:
    # the new rate FuxiCTR sets and prints nowhere else; its sentence's last word was
    # the name ("plateau")
    found = named(FUXICTR)
    assert [(n, v) for n, v, *_ in found if "plateau" in n or "learning" in n] == [
        ("Reduce_learning_rate_on_plateau", 0.0001)]


def test_a_guard_evaluations_after_banners_keep_their_printed_names() -> None:
    # "***** Test evaluation *****" on a line of its own names nothing: the closing
    # evaluations are the series' last points (the corpus's FuxiCTR logs judge so)
    found = named(FUXICTR)
    assert [v for n, v, *_ in found if n == "AUC"] == [0.947917, 1.0, 1.0, 0.9]
    assert [v for n, v, *_ in found if n == "logloss"] == [0.666675, 0.55]


def test_a_printed_train_name_is_its_files_training_name() -> None:
    # NVIDIA's Tacotron 2 prints "Train loss 0 31.634853 Grad Norm 9.817098 0.52s/it" and its
    # Tacotron2Logger keeps the value as TensorBoard's "training.loss": one quantity
    from exptrack.metrics import files
    from exptrack.metrics.merge import merge_sources
    from exptrack.metrics.observation import Observation

    sourced = [Observation("training.loss", 31.6348533630371, 0, None),
               Observation("training.loss", 20.1234569549561, 1, None),
               Observation("grad.norm", 9.81709766387939, 0, None)]
    printed = [Observation("train_loss", 31.634853, 0, None),
               Observation("Grad_Norm", 9.817098, 0, None),
               Observation("train_loss", 20.123457, 1, None)]
    kept, merged = merge_sources(printed, [(files.TFEVENTS, sourced)])
    assert kept == []
    assert sorted(merged) == ["grad.norm", "training.loss"]
    assert [o.value for o in merged["training.loss"]] == [31.6348533630371, 20.1234569549561]


# SASRec.pytorch's main.py (formats probed by hand from its print statements): each
# batch's loss after two counters; every 20 epochs print('Evaluating', end='') glued to the
# evaluation's line, its validation and test groups in parentheses after their phase words
SASREC = (
    "loss in epoch 1 iteration 0: 1.3862943649291992\n"
    "loss in epoch 1 iteration 1: 1.3853\n"
    "Evaluatingepoch:20, time: 12.345678(s), valid (NDCG@10: 0.5123, HR@10: 0.7345), "
    "test (NDCG@10: 0.4123, HR@10: 0.6345)\n"
    "loss in epoch 21 iteration 0: 0.9853\n")


def test_a_name_before_two_counters_is_named() -> None:
    found = named(SASREC)
    assert [(n, v, s, e) for n, v, s, e in found if n == "loss"] == [
        ("loss", 1.3862943649291992, 0, 1), ("loss", 1.3853, 1, 1), ("loss", 0.9853, 0, 21)]


def test_a_phase_word_names_the_group_in_parentheses_after_it() -> None:
    found = named(SASREC)
    assert ("valid_NDCG@10", 0.5123, None, 20) in found
    assert ("valid_HR@10", 0.7345, None, 20) in found
    assert ("test_NDCG@10", 0.4123, None, 20) in found
    assert not [n for n, *_ in found if n in ("NDCG@10", "HR@10")]


def test_a_progress_word_glued_to_the_epochs_key_is_no_name() -> None:
    found = named(SASREC)
    assert not [n for n, *_ in found if "epoch" in n.lower()]


# NCRF++'s main.py (probed by hand from its prints): the instances done so far are a count,
# "Exceed previous best f score:" prints the best before this epoch's
NCRFPP = (
    "Epoch: 0/3\n"
    "     Instance: 500; Time: 1.23s; loss: 1234.5678; acc: 4567/6789=0.6727\n"
    "Epoch: 0 training finished. Time: 12.34s, speed: 100.12st/s,  total loss: 2303.7034\n"
    "Dev: time: 0.52s, speed: 500.12st/s; acc: 0.9012, p: 0.8052, r: 0.7667, f: 0.7855\n"
    "Exceed previous best f score: -10\n"
    "Test: time: 0.50s, speed: 520.12st/s; acc: 0.9112, p: 0.8184, r: 0.7736, f: 0.7953\n")


def test_the_instances_done_are_no_metric_nor_the_previous_best() -> None:
    found = named(NCRFPP)
    assert not [n for n, *_ in found if n in ("Instance", "score")]
    assert ("dev_f", 0.7855, None, 0) in found and ("loss", 1234.5678, None, 0) in found


def test_an_epochs_key_before_a_phase_word_is_the_epoch() -> None:
    # BERT-pytorch's bars: "EP_train:0: 100%|...|", "EP_test:0" (probed by hand)
    text = ("EP_train:0:   0%|| 0/13 [00:00<?, ?it/s]{'epoch': 0, 'iter': 0, 'avg_loss': 3.45,"
            " 'avg_acc': 50.0, 'loss': 3.45}\n"
            "EP_train:0: 100%|| 13/13 [00:01<00:00, 10.0it/s]\n")
    found = named(text)
    assert not [n for n, *_ in found if n.lower().startswith("ep")]
    assert ("avg_loss", 3.45, 0, 0) in found


# rlkit's logger (rllab's): every line behind "%Y-%m-%d %H:%M:%S.%f %Z | ", its tabular
# dump's rows too (probed by hand from rlkit/core/logging.py)
_RLKIT = "2026-12-08 02:55:01.123500 UTC | "
RLKIT = "".join(f"{_RLKIT}{row}\n" for row in (
    "[name-of-experiment_2026_12_08_02_55_00_0000--s-0] Epoch 0 finished",
    "---------------------------------  ---------------",
    "replay_buffer/size                 2000",
    "trainer/QF1 Loss                      1.23456",
    "trainer/Policy Loss                  -2.5",
    "expl/num steps total               2000",
    "expl/Average Returns             -1234.56",
    "eval/Average Returns             -1134.56",
    "Epoch                                 0",
    "---------------------------------  ---------------"))


def test_rllabs_record_prefix_keeps_its_tables_keys_whole() -> None:
    found = named(RLKIT)
    assert ("trainer/QF1_Loss", 1.23456, None, 0) in found
    assert ("trainer/Policy_Loss", -2.5, None, 0) in found
    assert ("expl/Average_Returns", -1234.56, None, 0) in found
    assert ("eval/Average_Returns", -1134.56, None, 0) in found
    assert not [n for n, *_ in found if n in ("Loss", "Returns")]


def test_ncrfpps_settings_and_token_counts_are_no_metrics() -> None:
    # NCRF++'s data summary ("Hyperparameters:" over "     Hyper   lr: 0.015") and its
    # evaluator's counts ("Right token =  653  All token =  836  acc =  0.78")
    text = (" Hyperparameters:\n     Hyper              lr: 0.015\n"
            "     Hyper        lr_decay: 0.05\n     Hyper              l2: 1e-08\n"
            "     Hyper      lstm_layer: 1\n     Hyper          bilstm: True\n"
            "Epoch: 0/3\n"
            "     Instance: 400; Time: 0.53s; loss: 3037.5530; acc: 2176/3185=0.6832\n"
            "Right token =  653  All token =  836  acc =  0.7811004784688995\n"
            "Dev: time: 0.52s, speed: 500.12st/s; acc: 0.7811, p: 0.8052, r: 0.7667, f: 0.7855\n")
    found = named(text)
    assert not [n for n, *_ in found if n in ("lr", "lr_decay", "l2", "lstm_layer")
                or "token" in n.lower()]
    assert ("dev_f", 0.7855, None, 0) in found


def test_the_validation_headers_render_with_its_row_glued_after_it() -> None:
    # THU-MIG's YOLOv10 (an Ultralytics 8.1.34 fork) under a pipe: the header's first render
    # ("... 0%| | 0/1"), then its last with the "all" row glued after "19.50it/s]"; the
    # header's last render was read as a class row of the first's table
    found = named((ZOO / "yolov10_thu" / "pipe" / "output.log").read_text())
    assert [v for n, v, *_ in found if n == "P"][2] == 0.502
    assert [n for n, *_ in found].count("mAP50-95") == 4


def test_an_epoch_glued_to_a_phase_word_labels_the_line() -> None:
    # BERT-pytorch's epoch summaries after each pass's dict lines (its zoo case)
    text = ("{'epoch': 0, 'iter': 0, 'avg_loss': 3.45, 'avg_acc': 50.0, 'loss': 3.45}\n"
            "EP0_train, avg_loss= 6.7806846618652346 total_acc= 42.5\n"
            "EP0_test, avg_loss= 6.6530351638793945 total_acc= 65.0\n")
    found = named(text)
    assert [n for n, *_ in found].count("avg_loss") == 1
    assert [(n, v) for n, v, *_ in found if n.endswith("total_acc")] == [
        ("train_total_acc", 42.5), ("test_total_acc", 65.0)]

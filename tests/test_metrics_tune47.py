"""Round ``tune47`` (session 55, held-out sets MG-MN): forms of AutoML wrappers, distributed
classical ML, TensorFlow's production stacks, NMT toolkits and recommender trainers. Each
test of a rule fails on the parser before the round (a374db44); each guard fails on the
rule without its check (mutation-checked)."""

from __future__ import annotations

from pathlib import Path

from conftest import decode_metrics, only_run, py, track
from parsed import named

from exptrack.metrics import names

CATALYST = ("1/4 * Epoch 1 (train): _base/lr=0.0050 | _timers/_fps=5496.6315 | "
            "accuracy01=32.4219 | loss=2.0389\n"
            "1/4 * Epoch 1 (valid): _base/lr=0.0049 | _timers/_fps=6093.2729 | "
            "accuracy01=30.8594 | loss=2.3390\n")


def test_catalysts_train_and_valid_labels_prefix_their_key_paths() -> None:
    assert [n for n, *_ in named(CATALYST)] == [
        "train_base/lr", "train_timers/_fps", "train_accuracy01", "train_loss",
        "valid_base/lr", "valid_timers/_fps", "valid_accuracy01", "valid_loss"]


def test_wandbs_bookkeeping_keys_stay_unnamed() -> None:
    """Guard: only a key path may open with ``_``; W&B's ``_runtime``, ``_step`` may not."""
    assert named("step 3 _runtime: 5.3 _step: 4 loss: 0.3\n") == [("loss", 0.3, 3, None)]


def test_object_sizes_in_words_are_part_of_the_name() -> None:
    """The TF Object Detection API's ``mAP (large)``: four series, not one with four values."""
    line = ("Saving dict for global step 4873: DetectionBoxes_Precision/mAP = 0.27, "
            "DetectionBoxes_Precision/mAP (large) = -1.0, DetectionBoxes_Precision/mAP (medium)"
            " = 0.2747, DetectionBoxes_Precision/mAP (small) = 0.0\n")
    assert [(n, v) for n, v, *_ in named(line)] == [
        ("DetectionBoxes_Precision/mAP", 0.27), ("DetectionBoxes_Precision/mAP_(large)", -1.0),
        ("DetectionBoxes_Precision/mAP_(medium)", 0.2747),
        ("DetectionBoxes_Precision/mAP_(small)", 0.0)]


def test_a_phase_in_parentheses_is_still_no_part_of_the_name() -> None:
    """Guard: ``loss (train)`` is the loss."""
    assert [n for n, *_ in named("step 5: loss (train) = 0.5, acc (%) = 3\n")] == ["loss", "acc"]


SOCKEYE = ("[2018-09-06:16:40:51:INFO:sockeye.training:__call__] Epoch[2] Batch [877050]\t"
           "Speed: 235.15 samples/sec 4504.66 tokens/sec 1.68 updates/sec\tperplexity=3.517885\n")


def test_rates_after_their_values_name_them() -> None:
    """Sockeye's speeds: each unit names the value before it, not the value after it."""
    assert named(SOCKEYE) == [("samples/sec", 235.15, 877050, 2),
                              ("tokens/sec", 4504.66, 877050, 2),
                              ("updates/sec", 1.68, 877050, 2),
                              ("perplexity", 3.517885, 877050, 2)]


def test_a_speed_with_one_unit_keeps_its_name() -> None:
    """Guard: ``Speed: 235.15 samples/sec`` with no other rate after it (insightface's)."""
    assert [n for n, *_ in named("step 5 Speed: 235.15 samples/sec\tperplexity=3.5\n")] == [
        "Speed", "perplexity"]


def test_a_dict_printed_by_two_handlers_counts_once() -> None:
    """TF 2's Object Detection API logs its loss dict through ``INFO:tensorflow`` and absl."""
    record = ("{{'Loss/classification_loss': 1.0874641,\n 'Loss/total_loss': 1.8449647,\n"
              " 'learning_rate': 0.0002}}\n")
    text = ("INFO:tensorflow:Step 900 per-step time 2.463s\n"
            + "INFO:tensorflow:" + record.format()
            + "I0324 15:37:39.929794 140467518502784 model_lib_v2.py:708] " + record.format()
            + "INFO:tensorflow:Step 1000 per-step time 2.466s\n")
    # (since round tune105 a record's dict over lines is read whole, as a dict opening its
    # line was: its learning_rate, logged each step beside the losses, is one of its values)
    assert [(n, s) for n, _, s, _ in named(text)] == [
        ("per-step_time", 900), ("Loss/classification_loss", 900), ("Loss/total_loss", 900),
        ("learning_rate", 900), ("per-step_time", 1000)]


def test_a_dict_printed_again_at_a_new_step_counts_again() -> None:
    """The same values at the next step are the next report (as before the round)."""
    text = "".join(f"Step {s} per-step time 2.4s\n{{'loss': 0.5,\n 'lr': 0.1}}\n"
                   for s in (100, 200))
    assert [(n, s) for n, _, s, _ in named(text) if n == "loss"] == [("loss", 100),
                                                                     ("loss", 200)]


def test_libfms_iteration_key_after_a_hash() -> None:
    text = "#Iter=  0\tTrain=1242.26\tTest=1239.97\n#Iter=  1\tTrain=1239.28\tTest=1236.05\n"
    assert named(text)[-2:] == [("Train", 1239.28, 1, None), ("Test", 1236.05, 1, None)]


def test_a_hash_before_a_name_counts_things() -> None:
    """Guard: libFM's ``#relations: 0``, a number of things."""
    assert named("#params: 1000 #relations: 0\n") == []


def test_a_ratio_with_its_fraction_after_it_is_the_fraction() -> None:
    """The share printed after the count is the value (round ``tune58``: every held-out
    set writes the printed number, Swift for TensorFlow's float32 ``0.92751664`` too)."""
    text = "Accuracy: 53172/60000 (0.8862)\nAccuracy: 55651/60000 (0.92751664)\n"
    assert [v for _, v, *_ in named(text)] == [0.8862, 0.92751664]


def test_a_ratio_with_its_percent_after_it_is_a_percent() -> None:
    """Guard: PyTorch's MNIST example, ``9894/10000 (99%)``: the printed percentage."""
    line = "Test set: Average loss: 0.0315, Accuracy: 9894/10000 (99%)\n"
    assert named(line)[-1][:2] == ("test_accuracy", 99.0)


def test_ipythons_time_magic_after_a_cell_is_no_metric() -> None:
    text = ("[48]\tvalidation-auc:0.88493\ttrain-auc:0.89426\n"
            "[49]\tvalidation-auc:0.88508\ttrain-auc:0.89456\n"
            "CPU times: user 3.1 s, sys: 108 ms, total: 3.21 s\nWall time: 3.19 s\n")
    assert {n for n, *_ in named(text)} == {"validation-auc", "train-auc"}


def test_a_bracketed_qualifier_glued_to_a_name_is_part_of_it() -> None:
    line = ("2021-10-08 16:04:24,906 - INFO - joeynmt.prediction -  dev bleu[13a]:  17.09 "
            "[Beam search decoding with beam size = 5 and alpha = 1.0]\n")
    assert named(line) == [("dev_bleu[13a]", 17.09, None, None)]


def test_a_word_in_brackets_qualifies_where_an_index_does_not() -> None:
    """``loss[total]`` is a name; ``acc[0]: 3`` indexes, and names nothing."""
    assert [n for n, *_ in named("step 5 acc[0]: 3 loss[total]: 0.5\n")] == ["loss[total]"]


RECHORUS = ("INFO:root:Epoch 159   loss=0.0578 [72.6 s]    dev=(HR@5:0.3522,NDCG@5:0.2503) "
            "[0.7 s]\n"
            "Best Iter(dev)=  139\t dev=(HR@5:0.3627,NDCG@5:0.2579) [11710.1 s] \n"
            "Test After Training: (HR@5:0.3361,NDCG@5:0.2353,HR@10:0.4555)\n")


def test_where_the_best_was_is_no_metric_and_a_test_after_training_is_a_test() -> None:
    found = named(RECHORUS)
    assert "Best_Iter(dev)" not in {n for n, *_ in found}
    assert [(n, v) for n, v, *_ in found[-3:]] == [("test_HR@5", 0.3361), ("test_NDCG@5", 0.2353),
                                                   ("test_HR@10", 0.4555)]


def test_a_train_label_still_labels() -> None:
    """Guard: ``Train:`` is a label where no ``after``/``before`` precedes it."""
    assert named("Train: loss 0.3 acc 0.5\n") == [("train_loss", 0.3, None, None),
                                                  ("train_acc", 0.5, None, None)]


def test_a_trials_reported_results_before_its_parameters() -> None:
    """Ray Tune's plain reporter: the results, not the trial's configuration after them."""
    line = ("Trial XGBoostTrainer_e80b7_00015 reported train-mlogloss=2.2896,train-merror=0.0397,"
            "valid-mlogloss=2.2921,valid-merror=0.2166 with parameters={'params': {'objective':"
            " 'multi:softmax', 'num_class': 10, 'learning_rate': 0.0032, 'max_depth': 5}}.\n")
    assert named(line) == [("train-mlogloss", 2.2896, None, None),
                           ("train-merror", 0.0397, None, None),
                           ("valid-mlogloss", 2.2921, None, None),
                           ("valid-merror", 0.2166, None, None)]


def test_a_test_epoch_in_brackets_labels_its_values() -> None:
    line = ("Test Epoch: [1000/1000] Acc@1:54.21% Acc@5:94.46%: 100%|##########| 20/20 "
            "[00:03<00:00,  6.46it/s]\n")
    assert named(line) == [("test_acc@1", 54.21, None, 1000), ("test_acc@5", 94.46, None, 1000)]


def test_a_train_epoch_in_brackets_labels_its_values_too() -> None:
    """Round ``tune55`` turned this guard round: the SimCLR bars' "Train Epoch: [1/1000]
    Loss: 4.5" is ``train_loss`` beside "Test Epoch: [...]"'s ``test_*`` (four held-out logs
    of three sets name it so); PyTorch MNIST's "Train Epoch: 1 [0/60000 (0%)]" keeps its
    bare ``Loss`` (``test_metrics_tune55``)."""
    assert named("Train Epoch: [1/1000] Loss: 4.5\n") == [("train_loss", 4.5, None, 1)]


def test_track_run_records_the_rounds_forms(track_home: Path) -> None:
    """The real recorder, a real child through a pipe: Catalyst's labelled key paths and
    Sockeye's rates are recorded under their names, with their epochs and steps."""
    code = ("import sys, time\n"
            f"sys.stdout.write({CATALYST!r})\n"
            "sys.stdout.flush()\n"
            "time.sleep(0.05)\n"
            f"sys.stdout.write({SOCKEYE!r})\n")
    track("run", "--", *py(code), check=True)
    rows = decode_metrics((only_run(track_home) / "metrics.jsonl").read_text())
    got = {(r["name"], r["value"], r.get("step"), r.get("epoch")) for r in rows}
    assert ("train_base/lr", 0.005, None, 1) in got and ("valid_loss", 2.339, None, 1) in got
    assert ("tokens/sec", 4504.66, 877050, 2) in got
    assert not any(r["name"] == "Speed" for r in rows)


def test_a_learning_rate_set_after_a_records_prefix() -> None:
    """NeuralHydrology's scheduler line behind its record's time."""
    text = ("2022-01-05 21:49:48,653: Epoch 29 average loss: 0.0917\n"
            "2022-01-05 21:49:48,700: Setting learning rate to 0.005\n")
    assert named(text)[-1][:2] == ("learning_rate", 0.005)


def test_pytorchs_param_group_message_gives_no_metric_nor_epoch() -> None:
    """``Epoch    86: reducing learning rate of group 0 to 9.7656e-05.``: the scheduler's own
    count, after the run's epoch 87, places nothing after it."""
    text = ("EPOCH 87 done: loss 3.6676 - lr 0.0002\n"
            "Epoch    86: reducing learning rate of group 0 to 9.7656e-05.\n"
            "MICRO_AVG: acc 0.5699 - f1-score 0.726\n")
    found = named(text)
    assert all(n != "group" for n, *_ in found)
    assert found[-1][0].lower() == "micro_avg_f1-score" and found[-1][3] == 87


def test_a_metrics_heading_makes_every_value_under_it_a_metric() -> None:
    text = "Daily metrics:\n  NSE: 0.790\n  MSE: 0.002\n  KGE: 0.789\n  Peak-Timing: 0.625\n"
    assert [n for n, *_ in named(text)] == ["NSE", "MSE", "KGE", "Peak-Timing"]


def test_a_results_heading_holds_its_counts_back() -> None:
    """Guard: under "TEST EVALUATION RESULTS" a count is still no metric."""
    text = ("=" * 60 + "\nTEST EVALUATION RESULTS\n" + "=" * 60
            + "\nTotal images: 89\nAverage CER: 0.1160 (11.60%)\nMin CER: 0.0796\n")
    names_found = [n for n, *_ in named(text)]
    assert names_found == ["evaluation_Average_CER", "evaluation_Min_CER"]


def test_a_label_over_key_colon_value_pairs_prefixes_them() -> None:
    line = "Speed: train: 18.4, act: 175.3, buffer_add: 2.7\n"
    assert [n for n, *_ in named(line)] == ["speed_train", "speed_act", "speed_buffer_add"]


def test_a_log_level_is_no_label() -> None:
    """Guard: ``INFO: loss: 0.5`` is the loss."""
    assert named("INFO: loss: 0.5\n") == [("loss", 0.5, None, None)]


def test_a_losss_parts_in_parentheses() -> None:
    line = "[2022-01-27 14:49:18.293] Losses(total: 3.257, policy: 2.470, l2: 0.037)\n"
    assert named(line) == [("Losses_total", 3.257, None, None),
                           ("Losses_policy", 2.47, None, None), ("Losses_l2", 0.037, None, None)]


def test_a_calls_arguments_stay_configuration() -> None:
    """``SGD(lr=0.01, ...)`` configures; BigDL's ``Accuracy(correct: 991, count: ...)``
    counts (its parts are no loss's): both as before the round."""
    assert named("step 3 SGD(lr=0.01, momentum=0.9) loss: 0.3\n") == [("loss", 0.3, 3, None)]
    line = ("2017-02-23 10:04:23 INFO  DistriOptimizer$:467 - top1 accuracy is "
            "Accuracy(correct: 991, count: 10000, accuracy: 0.0991)\n")
    assert all(not n.startswith("Accuracy_") for n, *_ in named(line))


def test_a_table_of_one_value_per_class_is_a_breakdown() -> None:
    text = ("Mean average_precision (in %): 23.3940\n"
            "+------------------+--------------------------+\n"
            "|    class name    | average precision (in %) |\n"
            "+------------------+--------------------------+\n"
            "|      animal      |    1.4912280701754386    |\n"
            "|       car        |    43.78135941791249     |\n"
            "+------------------+--------------------------+\n")
    assert named(text) == [("Mean_average_precision", 23.394, None, None)]


def test_a_key_value_box_table_is_still_read() -> None:
    """Guard: a two-column table whose first column is no class's."""
    text = ("+-----------+-------+\n| key       | value |\n+-----------+-------+\n"
            "| loss      | 0.3   |\n| accuracy  | 0.9   |\n+-----------+-------+\n")
    assert [n for n, *_ in named(text)] == ["loss", "accuracy"]


def test_a_gradient_clipping_threshold_is_a_setting() -> None:
    assert names.denied("clip_gradient_norm") and not names.denied("grad_norm")


def test_a_bracketed_epoch_key_before_its_value() -> None:
    """QD-DETR's ``[Epoch] 001 [Loss] loss_span 1.0178 ...``: the epoch of the line."""
    line = ("2023_07_06_14_18_39 [Epoch] 001 [Loss] loss_span 1.0178 loss_giou 0.8252 "
            "class_error 2.7452\n")
    assert named(line) == [("loss_span", 1.0178, None, 1), ("loss_giou", 0.8252, None, 1),
                           ("class_error", 2.7452, None, 1)]


def test_a_bracketed_word_before_a_value_is_a_tag() -> None:
    """Guard: a bracketed word that is no metric's, phase's or snake_case key is a tag, not
    the name of the value after it (since round tune95 "[acc] 0.5" is acc: see
    tests/test_metrics_round95.py)."""
    assert named("step 3 [INFO] 0.5\n") == []
    assert named("step 3 [Worker] 0.5\n") == []


def test_a_phases_qualifier_in_parentheses_names_its_values() -> None:
    """A sea-ice forecaster's ``Val(mean@K) MAE=0.1564``: val_mean@K_MAE (the names after it
    on the field take the phrase's phase only where a name repeats, as ever)."""
    line = "[Epoch 01] Train masked-MSE=0.036924 | Val(mean@K) MAE=0.1564 RMSE=0.2418\n"
    assert [n for n, *_ in named(line)][1] == "val_mean@K_MAE"


def test_reconstruction_and_hydrology_scores_are_metric_words() -> None:
    text = ("KEY METRICS:\n" + "-" * 40 + "\nFVU (lower is better):              0.3806\n"
            "Absorption Score (lower is better): 0.0000\n"
            "Cosine Similarity:                  0.7879\n")
    assert [n for n, *_ in named(text)] == ["FVU", "Absorption_Score", "Cosine_Similarity"]
    assert names.metric_like("NSE") and names.metric_like("KGE")


def test_two_slashed_names_over_two_slashed_values() -> None:
    """rasbt's GAN notebooks' ``Gen/Dis Loss: 3.5710/-1.1160``: two losses, not one."""
    line = "Epoch: 001/020 | Batch 100/1272 | Gen/Dis Loss: 3.5710/-1.1160\n"
    assert named(line) == [("Gen_Loss", 3.571, 100, 1), ("Dis_Loss", -1.116, 100, 1)]
    assert [n for n, *_ in named("train/val loss: 0.3/0.4\n")] == ["train_loss", "val_loss"]


def test_slashed_names_of_no_metric_stay_one() -> None:
    """Guard: ``read/write bytes: 3.5/4.2`` names no quantity the pair splits into."""
    assert [n for n, *_ in named("step 5 read/write bytes: 3.5/4.2\n")] == ["read/write_bytes"]


def test_a_yaml_metrics_key_is_no_heading_of_results() -> None:
    """Guard: a printed YAML file's ``metrics:`` key over its entries' settings."""
    text = "metrics:\n  Loss:\n    last: 0.004127\n    count: 7\n    step_key: step\n"
    assert all(n != "count" for n, *_ in named(text))


def test_a_quantitys_group_of_one_key_names_it() -> None:
    """icefall's yesno recipe: ``loss[loss=...]`` is the batch's, ``tot_loss[loss=...]`` the
    running average's: two series (they were one, each line's two values in it)."""
    line = ("2023-07-27 12:50:53,681 INFO [train.py:422] Epoch 0, batch 10, loss[loss=0.4561, "
            "over 2828.00 frames. ], tot_loss[loss=0.7076, over 22192.90 frames.], batch size: 4\n")
    assert named(line) == [("loss", 0.4561, 10, 0), ("tot_loss", 0.7076, 10, 0)]


def test_a_group_of_one_key_of_no_quantity_is_no_group() -> None:
    """Guard: ``x[a=1]`` (no quantity's name) groups nothing."""
    assert [n for n, *_ in named("step 5 stats[acc=0.5] loss=0.3\n")] == ["acc", "loss"]

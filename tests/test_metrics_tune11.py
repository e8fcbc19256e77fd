"""Round ``tune11`` (set I): JSON nulls, step phrases, running bests of a phase, printed
name order, ESPnet2 batch lines, bracketed labels, phase paths, a line's phase, a quantity
per phase, duration words, statistic words, and a validation row glued to its header."""

from __future__ import annotations

from parsed import last as _last
from parsed import names as _names
from parsed import obs as _obs


def test_json_lines_with_nulls_are_metrics_at_their_step() -> None:
    text = "".join(
        f'{{"current_steps": {s}, "total_steps": 30, "loss": 4.{s}, "eval_loss": null, '
        f'"predict_loss": null, "reward": null, "learning_rate": 1e-0{s}, "epoch": 0.{s}, '
        f'"elapsed_time": "5:13:2{s}"}}\n' for s in (1, 2, 3))
    last = _last(text, "loss")
    assert (last.value, last.step) == (4.3, 3)
    assert _names(text) == {"loss", "learning_rate"}


def test_steps_key_is_the_step_but_a_settings_phrase_is_not() -> None:
    text = "".join(f"epoch: {e}, lr: 4.40e-04, steps: {e * 500}, optimizer: AdamW - "
                   f"train loss: 3{e}.1 - valid loss: 2{e}.6\n" for e in (72, 73))
    assert _last(text, "train_loss").step == 73 * 500
    banner = ("  Num examples = 24000\n  Gradient Accumulation steps = 1\n"
              "  Steps per epoch = 188\n  Total optimization steps = 564\n")
    assert _obs(banner) == []
    rl = "".join(f"episode {e}, reward -2{e}.0, avg reward -20.{e}, total steps {e}994, "
                 f"episode step 99{e}\n" for e in (1, 2, 3))
    assert _last(rl, "reward").step is not None
    assert _last(rl, "avg_reward").value == -20.3
    assert [o.value for o in _obs(rl) if o.name == "reward"] == [-21.0, -22.0, -23.0]


def test_best_of_a_phase_is_a_running_best() -> None:
    text = "".join(f"Epoch {e}, Accs: Train: 0.7{e}, Val: 0.6{e}, Test: 0.5{e}, "
                   f"Best Val: 0.69, Best Test: 0.59\n" for e in (1, 2))
    assert {"Train", "Val", "Test"} <= _names(text)
    assert not {"Best_Val", "Best_Test"} & _names(text)


def test_words_before_a_phase_word_keep_their_order() -> None:
    text = "".join(f"[ Tue ] Training epoch: {e}\n[ Tue ] \tMean training loss: 0.6{e}.  "
                   f"Mean training acc: 80.{e}%.\n" for e in (1, 2))
    assert {"Mean_training_loss", "Mean_training_acc"} <= _names(text)
    assert _last(text, "Mean_training_loss").epoch == 2


def test_espnet2_batch_lines_carry_epoch_and_train_phase() -> None:
    prefix = "[PC] 2020-11-11 16:41:00,521 (trainer:486) INFO: "
    text = (f"{prefix}7epoch:train:1-375batch: iter_time=0.001, loss=1.601, lr_0=0.100\n"
            f"{prefix}7epoch results: [train] loss=1.613, time=1 minute and 44.19 seconds, "
            "total_count=52549, [valid] loss=1.854, time=3.12 seconds, total_count=1680, "
            "[att_plot] time=0.14 seconds, total_count=0\n"
            f"{prefix}8epoch:train:1-375batch: iter_time=0.001, loss=1.585, lr_0=0.100\n")
    found = _names(text)
    assert {"train_iter_time", "train_loss", "train_lr_0", "valid_loss", "valid_time",
            "att_plot_time"} <= found
    assert not {"loss", "total_count", "time"} & found
    assert _last(text, "train_loss").epoch == 8
    assert _last(text, "valid_time").value == 3.12


def test_bracketed_labels_name_their_pairs() -> None:
    text = ("I0925 terminal.py:91] [Learner] Actor Steps = 825 | Critic Loss = 0.097 | "
            "Learner Steps = 2 | Learner Time Elapsed = 10.830 | Loss = -0.37\n"
            "I0925 terminal.py:91] [Actor] Actor Steps = 1678 | Episode Return = -21.0 | "
            "Learner Steps = 2 | Steps Per Second = 94.689\n"
            "I0925 terminal.py:91] [Evaluator] Actor Steps = 1678 | Episode Return = -20.0 | "
            "Learner Steps = 2 | Steps Per Second = 100.66\n")
    found = _names(text)
    assert {"learner_Critic_Loss", "Learner_Time_Elapsed", "learner_loss",
            "actor_Episode_Return", "evaluator_Episode_Return", "actor_Steps_Per_Second",
            "evaluator_Steps_Per_Second"} <= found
    assert "Episode_Return" not in found
    assert _last(text, "evaluator_Episode_Return").step == 2
    assert _obs("[INFO] loss = 0.5 | acc = 0.9\n")[0].name == "loss"


def test_keys_under_a_phase_path_are_metrics_not_settings() -> None:
    text = "".join(f"--- epoch {e} ---\ntrain/loss     : 6.{e}\ntrain/ctc      : 2.{e}\n"
                   f"train/learning_rate: 0.0003\neval/ctc       : 4.{e}\n"
                   f"eval/wer       : 0.9{e}\n" for e in (93, 94))
    assert {"train/loss", "train/ctc", "train/learning_rate", "eval/ctc", "eval/wer"} \
        <= _names(text)
    assert _last(text, "eval/ctc").epoch == 94
    config = "dropout = 0.2\nhidden = 512\nlayers = 6\nheads = 8\n"
    assert _obs(config) == []


def test_one_phase_word_opening_the_line_is_the_lines_phase() -> None:
    text = "".join(f"2020-11-13 09:32:47,406 - (Epoch {e}) TRAIN LOSS:0.1{e} CER:6.{e}% "
                   f"LR:0.0000167\n" for e in (20, 21))
    # (the learning rate takes no phase from a phrased name: ``LR``, since round tune70)
    assert {"train_LOSS", "train_CER", "LR"} <= _names(text)
    both = "".join(f"step: {s}0   train loss: 3.1{s}   test loss: 3.0{s}   MFU: 63.{s}%\n"
                   for s in (1, 2))
    assert {"train_loss", "test_loss", "MFU"} <= _names(both)


def test_a_quantity_printed_per_phase_names_each_phase() -> None:
    text = "".join(f"Epoch 34 | iter {i}0 step {i} | loss train: 2.8{i}, val: 2.861 | "
                   f"iter time: 112.{i} ms (step)\n" for i in (1, 2))
    found = _names(text)
    assert {"loss_train", "loss_val", "iter_time"} <= found
    assert "val" not in found


def test_a_row_glued_to_its_headers_bar_is_read() -> None:
    text = ("      Epoch    GPU_mem   box_loss   cls_loss   dfl_loss  Instances       Size\n"
            "       1/10      4.35G      1.394      4.212       1.26         28        640: "
            "100%|##########| 28/28 [00:17<00:00,  1.63it/s]\n"
            "                 Class     Images  Instances      Box(P          R      mAP50  "
            "mAP50-95): 100%|##########| 4/4 [00:03<00:00,  1.13it/s]                   all"
            "        223        241    0.00193      0.536     0.0725     0.0396\n")
    values = {o.name: o.value for o in _obs(text)}
    assert values["mAP50-95"] == 0.0396
    assert values["P"] == 0.00193
    assert "Images" not in values


def test_a_rate_per_time_then_per_device_is_a_metric() -> None:
    text = "".join(f"Step {s} | loss:2.0{s} lr:2e-05 tokens_per_second_per_gpu:57.{s}\n"
                   for s in (1, 2))
    assert "tokens_per_second_per_gpu" in _names(text)
    assert "consumed_tokens_per_gpu" not in _names(
        "".join(f"step {s} | loss: 1.{s} | consumed_tokens_per_gpu: {s}00\n" for s in (1, 2)))


def test_a_gerund_before_a_bracket_labels_its_pairs() -> None:
    text = "".join(f"Sat 23 Apr 2022 00:39:03 INFO  epoch {e} training [time: 20.{e}s, "
                   f"train loss: 26.{e}]\nSat 23 Apr 2022 00:39:04 INFO  epoch {e} evaluating "
                   f"[time: 0.9{e}s, valid_score: 0.36{e}]\n" for e in (34, 35))
    assert {"training_time", "train_loss", "evaluating_time", "valid_score"} <= _names(text)
    assert "time" not in _names(text)


def test_a_phase_metric_without_a_colon_before_the_next_name() -> None:
    text = "".join(f"Epoch {e}: train loss 2.0{e} train acc: 0.15{e}, val loss: 1.96{e} "
                   f"val acc 0.15{e}.\n" for e in (1, 2))
    assert _last(text, "train_loss").value == 2.02
    assert {"train_acc", "val_loss", "val_acc"} <= _names(text)


def test_a_phase_label_before_a_dash_and_its_printed_word() -> None:
    text = "".join(f"Epoch {e} - |param|=2.08e+03 loss=5.{e}e+00 ppl=25{e}.31\n"
                   f"Validation - loss=4.{e}e+00 ppl=9{e}.18 best_loss=inf\n" for e in (1, 2))
    assert _last(text, "loss").value == 5.2
    assert _last(text, "validation_loss").value == 4.2
    assert "best_loss" not in _names(text)


def test_ultralytics_speed_predictions_and_anchor_check() -> None:
    text = ("      Epoch    GPU_mem       loss  Instances       Size\n"
            "       2/50     0.682G     0.1751         11         64: 100%|#####| 30/30 "
            "[00:03<00:00,  7.63it/s]\n"
            "               classes   top1_acc   top5_acc: 100%|#####| 1/1 [00:00<00:00]\n"
            "                   all      0.545          1\n\n"
            "0: 64x64 rhinoceros 0.34, hippopotamus 0.33, elephant 0.33, 7.3ms\n"
            "Speed: 0.5ms preprocess, 7.3ms inference, 0.1ms loss, 0.1ms postprocess per image"
            " at shape (1, 3, 64, 64)\n"
            "AutoAnchor: n=9, img_size=320, metric_all=0.508/0.880-mean/best, past_thr=0.566\n")
    found = {o.name: o for o in _obs(text)}
    assert set(found) == {"GPU_mem", "loss", "top1_acc", "top5_acc", "speed_preprocess",
                          "speed_inference", "speed_loss", "speed_postprocess"}
    assert found["loss"].value == 0.1751 and found["loss"].epoch == 2
    assert (found["speed_inference"].value, found["speed_inference"].epoch) == (7.3, 2)
    assert found["speed_loss"].value == 0.1  # the loss's time, not the classifier's loss


def test_a_timing_line_counts_inside_epochs_not_before() -> None:
    text = "Elapsed: 3.2 seconds\n" + "".join(
        f"- Epoch {e}\n        Time elapsed: {100 + e}.0970 seconds,\n        Train Loss: 0.2{e},\n"
        for e in (23, 24))
    timings = [o for o in _obs(text) if o.name == "Time_elapsed"]
    assert [(o.value, o.epoch) for o in timings] == [(123.097, 23), (124.097, 24)]
    assert "Elapsed" not in _names(text)
    assert "peak_memory" in _names("step 4: loss 0.5\nDone in 0:03:12, peak memory 7.9 GiB\n")


def test_marian_cost_before_its_label_count() -> None:
    text = "".join(f"[2022-10-22 16:10:47] Ep. 1 : Up. {u}000 : Sen. 55,937 : Cost 1.2{u} * "
                   f"1,250,415 @ 2,803 after 5,001,838 : Time 8.51s : 146867.69 words/s : "
                   f"gNorm 0.99{u} : L.r. 3.0000e-04\n" for u in (2, 3))
    last = _last(text, "Cost")
    assert (last.value, last.step) == (1.23, 3000)


def test_timings_on_a_line_with_its_step_are_metrics() -> None:
    text = "".join(f"step:{s}/1385 train_time:1712{s}ms step_avg:129.6{s}ms\n" for s in (1, 2, 3))
    assert [o.step for o in _obs(text) if o.name == "train_time"] == [1, 2, 3]


def test_a_tagged_lines_leading_group_is_its_context() -> None:
    text = "".join(f"[Rank 0] (epoch: 3, iters: {i}0, time: 1.3{i}, data: 0.04{i}) , "
                   f"D_A: 0.09{i}, G_A: 0.51{i}\n" for i in (4, 5))
    last = _last(text, "time")
    assert (last.value, last.step, last.epoch) == (1.35, 50, 3)
    assert _last(text, "data").value == 0.045


def test_a_phase_heading_names_the_keys_under_it() -> None:
    text = "".join(f"INFO:__main__:Epoch 1 | Step {s}0/65 | Loss: 0.5{s} | PPL: 1.6{s}\n"
                   for s in (1, 2)) + (
        "INFO:__main__:📊 Evaluation Results:\nINFO:__main__:   Loss: 0.4887\n"
        "INFO:__main__:   Perplexity: 1.63\nINFO:__main__:   Tokens: 2,982,385\n"
        "INFO:__main__:Epoch 2 | Step 30/65 | Loss: 0.49 | PPL: 1.60\n")
    assert [o.value for o in _obs(text) if o.name == "Loss"] == [0.51, 0.52, 0.49]
    assert _last(text, "evaluation_loss").value == 0.4887
    assert "evaluation_perplexity" in _names(text)
    config = "Config:\n  lr: 0.1\n  layers: 4\n  heads: 8\n  dropout: 0.2\n"
    assert _obs(config) == []


def test_a_label_and_its_index_before_a_dash_is_no_metric() -> None:
    text = "Experiment 1 - Test score: 0.154\nExperiment 2 - Test score: 0.149\n"
    assert _names(text) == {"test_score"}
    assert "Loss" in _names("Loss 0.52 - acc 0.91\nLoss 0.50 - acc 0.92\n")


def test_headings_with_a_rule_and_copulas() -> None:
    prefix = "2026-04-15 12:17:51,614 - train - INFO - "
    block = "".join(f"{prefix}Evaluation Results - {split} Set\n{prefix}{'=' * 50}\n"
                    f"{prefix}R2 Score:        0.99{i}\n{prefix}RMSE:            170.2{i}\n"
                    for i, split in enumerate(("Train", "Test")))
    found = {o.name: o.value for o in _obs(block)}
    assert found == {"train_R2_Score": 0.99, "train_RMSE": 170.2, "test_R2_Score": 0.991,
                     "test_RMSE": 170.21}
    text = "".join(f"epoch: {e},  loss is: 2.5{e}, acc is: 0.0{e}\n" for e in (0, 1))
    assert _names(text) == {"loss", "acc"}


def test_step_split_value_lines() -> None:
    text = "1712 train 3.634902\n1750 val 3.5\n1750 hella 0.2950\n0 person 0.75\n"
    found = {o.name: (o.value, o.step) for o in _obs(text)}
    # build-nanogpt's "hella" (HellaSwag accuracy) is read since round tune50: three
    # held-out logs expect it; "person" (a class) is not
    assert found == {"train": (3.634902, 1712), "val": (3.5, 1750), "hella": (0.295, 1750)}


def test_a_whole_line_phrase_with_small_words_names_its_value() -> None:
    text = "".join(f"Epoch {e}/2 - loss: 0.{e}\n" for e in (1, 2)) + (
        "Peak reserved memory for training = 0.828 GB.\n"
        "Peak reserved memory % of max memory = 16.693 %.\n"
        "Number of training examples = 5000\nSize of the vocab = 32000\n")
    found = {o.name: o.value for o in _obs(text)}
    assert found["Peak_reserved_memory_for_training"] == 0.828
    assert found["Peak_reserved_memory_%_of_max_memory"] == 16.693
    assert not {"Number_of_training_examples", "Size_of_the_vocab"} & set(found)
    # a one-off timing before the run's epochs (alone, with no step anywhere, it is the
    # output's result: test_metrics_tune61)
    assert [o.name for o in _obs("Time taken to build model: 0.02 seconds\nEpoch 1 loss 0.5\n")] \
        == ["loss"]


def test_a_phase_word_with_a_period_after_a_log_prefix_is_the_lines() -> None:
    text = "".join(f"09-02 20:39:12 - INFO - __main__ - {p}. Total Loss: 1.6{i}, KL: 0.1{i}, "
                   f"AUC: 50.4{i}%\n" for i, p in enumerate(("Train", "Val")))
    found = {o.name: o.value for o in _obs(text)}
    assert found == {"train_Total_Loss": 1.6, "train_KL": 0.1, "train_AUC": 50.4,
                     "val_Total_Loss": 1.61, "val_KL": 0.11, "val_AUC": 50.41}


def test_a_one_off_duration_beside_a_metric_keeps_the_metric() -> None:
    assert [(o.name, o.value) for o in _obs("loss: 0.5, 3.70 seconds elapsed\n")] == \
        [("loss", 0.5)]
    assert [o.name for o in _obs("3.70 seconds elapsed\nEpoch 1 loss 0.5\n")] == ["loss"]
    text = "epoch 1 loss 0.4\n2.1 seconds elapsed\n"
    assert _last(text, "elapsed").epoch == 1


def test_keys_that_differ_in_digits_do_not_make_a_dump_a_stream() -> None:
    prefix = "2025-06-04 17:36:55,380 - INFO -   "
    dump = "".join(f"{prefix}{line}\n" for line in (
        "activation: mish", "focal_alpha: 1", "focal_gamma: 2", "use_l1: False",
        "lambda_l1: 0.0001", "use_l2: True", "lambda_l2: 0.0005", "beta1: 0.9", "beta2: 0.999"))
    text = dump + "2025-06-04 17:39:02,341 - INFO - Epoch 1/35, Train Loss: 1.6279\n"
    assert _names(text) == {"train_loss"}


def test_a_python_warning_glued_to_a_line_is_not_part_of_it() -> None:
    warning = ("/src/utils/augmentations.py:238: VisibleDeprecationWarning: Creating an ndarray "
               "from ragged nested sequences is deprecated, specify 'dtype=object' when ...")
    text = "".join(f"iter {i}0 || Loss: 1{i}.47 || {warning}\n" for i in (1, 2))
    last = _last(text, "Loss")
    assert (last.value, last.step) == (12.47, 20)


def test_a_row_glued_to_a_plain_tables_bar_is_read() -> None:
    text = ("Epoch  loss  acc: 100%|####| 4/4 [00:01<00:00,  3.20it/s]     1  0.52  0.71\n"
            "Epoch  loss  acc: 100%|####| 4/4 [00:01<00:00,  3.20it/s]     2  0.48  0.75\n")
    last = _last(text, "acc")
    assert (last.value, last.epoch) == (0.75, 2)

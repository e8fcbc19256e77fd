"""Round ``tune12`` (sets J, Q, T and U: ``tests/data/heldout10``, ``heldout17``,
``heldout20``, ``heldout21``): phase labels and sections, the words of a field, log records
and their prefixes, Detectron2's copypaste record, per-class key families, bars and Keras
renders, re-printed rounds and new-best events, objects printed over lines. Each test
fails on the parser before the round (e1f2fb2)."""

from __future__ import annotations

from parsed import last as _last
from parsed import names as _names
from parsed import obs as _obs


def test_results_label_names_the_phase_of_a_line() -> None:
    text = "".join(f"Training Results - Epoch[{e}] Avg accuracy: 0.9{e} Avg loss: 0.1{e}\n"
                   f"Validation Results - Epoch[{e}] Avg accuracy: 0.8{e} Avg loss: 0.2{e}\n"
                   for e in (1, 2))
    assert _names(text) == {"training_avg_accuracy", "training_avg_loss",
                            "validation_avg_accuracy", "validation_avg_loss"}
    last = _last(text, "validation_avg_loss")
    assert (last.value, last.epoch) == (0.22, 2)


def test_words_of_a_dash_or_tab_field_belong_to_its_name() -> None:
    text = "".join(f"step {s} - loss 10{s}.5 - moving ave loss 10{s}.25\n" for s in (1, 2, 3))
    assert _names(text) == {"loss", "moving_ave_loss"}
    assert _last(text, "moving_ave_loss").value == 103.25
    tabs = "".join(f"Train: [1/300][{s}0/99]\tlr 0.001\ttime 0.4{s} (0.45)\tdata time 0.00{s} "
                   f"(0.01)\tmodel time 0.3{s} (0.4)\tloss 2.{s} (2.0)\n" for s in (1, 2, 3))
    assert {"time", "data_time", "model_time", "loss"} <= _names(tabs)
    assert _last(tabs, "data_time").value == 0.003
    # a weak pair after other words in a sentence stays no name
    assert _obs("We trained the big model 3 times\n") == []


def test_a_sentence_value_counts_only_inside_a_run() -> None:
    start = "Initial learning rate is set to lr: 0.001\n"
    assert _obs(start) == []
    text = start + "".join(f"Epoch [{e}/100], Loss: 17{e}.5\n"
                           f"Decay learning rate to lr: 0.000{e}.\n" for e in (1, 2))
    last = _last(text, "lr")
    assert (last.value, last.epoch) == (0.0002, 2)
    assert len([o for o in _obs(text) if o.name == "lr"]) == 2


def test_tqdm_description_value_before_its_separator() -> None:
    text = "".join(f"Loss: 0.5{k}21: : 11it [00:06,  1.59it/s]\n" for k in range(4))
    values = [o.value for o in _obs(text) if o.name == "Loss"]
    assert values == [0.5021, 0.5121, 0.5221, 0.5321]
    assert _obs("DataLoader 0: 100%|####| 5/5\n") == []


def test_log_level_inside_the_words_before_a_name() -> None:
    text = ("2021-01-25 07:49:46,239 P8266 INFO Train loss: 0.105449\n"
            "2021-01-25 07:54:30,239 P8266 INFO Train loss: 0.101\n")
    assert _names(text) == {"train_loss"}


def test_gerund_label_qualifies_timings_only() -> None:
    text = "".join(f"16 Dec 21:4{e}    INFO  epoch {e} training [time: 211.{e}s, train loss: "
                   f"406.{e}]\n16 Dec 21:4{e}    INFO  epoch {e} evaluating [time: 52.{e}s, "
                   f"valid_score: 0.55{e}, ndcg@10: 0.1{e}]\n" for e in (1, 2))
    assert _names(text) == {"training_time", "train_loss", "evaluating_time", "valid_score",
                            "ndcg@10"}


def test_gpu_ram_in_a_bar_postfix() -> None:
    text = "".join(f"Train {e}: 100%|####| 7673/7673 [03:31<00:00, 36.25it/s, GPU RAM: "
                   f"0.6{e} G/6.00 G]\n" for e in (1, 2))
    last = _last(text, "GPU_RAM")
    assert last.value == 0.62


def test_snake_words_before_a_name_belong_to_it() -> None:
    text = "".join(f"| Epoch | recall | ndcg |\n|   {e}   | [0.0{e}] | [0.1{e}] |\n"
                   f"neg_sampling_cpp time: 2.9{e}s\nedge_attn_score std: 0.002{e}\n"
                   for e in (6, 7))
    assert {"neg_sampling_cpp_time", "edge_attn_score_std"} <= _names(text)
    assert _last(text, "edge_attn_score_std").value == 0.0027


def test_a_steps_bar_counts_the_step() -> None:
    text = "".join(f"epoch {e}/80\nsteps:   {e}%|#   | {41 * e}/3280 [00:50<1:06:54,  1.24s/it, "
                   f"avr_loss=0.{e}]\n" for e in (1, 2, 3))
    assert [(o.value, o.step) for o in _obs(text) if o.name == "avr_loss"] == \
        [(0.1, 41), (0.2, 82), (0.3, 123)]
    # other bars keep their count as a fallback step only
    other = "".join(f"Epoch {e}: 100%|####| 5/5 [00:01<00:00, loss=0.{e}]\n" for e in (1, 2))
    assert [o.step for o in _obs(other) if o.name == "loss"] == [None, None]


def test_best_iteration_reprint_is_no_new_observation() -> None:
    rounds = "".join(f"[{r}]\ttrain-auc:0.98{r}\ttest-auc:0.97{r}\n" for r in range(10, 16))
    for marker in ("Stopping. Best iteration:\n", "Early stopping, best iteration is:\n",
                   "Did not meet early stopping. Best iteration is:\n"):
        obs = [o for o in _obs(rounds + marker + "[12]\ttrain-auc:0.9812\ttest-auc:0.9712\n")
               if o.name == "test-auc"]
        assert [(o.value, o.step) for o in obs][-1] == (0.9715, 15)
        assert len(obs) == 6
    # a line after it with no values ends the marker: later rounds count again
    later = rounds + "Best iteration:\n\n[16]\ttrain-auc:0.9816\ttest-auc:0.9716\n"
    assert _last(later, "test-auc").step == 16


def test_each_finished_bar_shows_its_own_values() -> None:
    text = "".join(f"Train    {e}: 100%|#####| 7673/7673 [03:31<00:00, 36.25it/s, GPU RAM: 0.60 G/"
                   f"6.00 G]\nEvaluate   : 100%|#####| 6040/6040 [00:52<00:00, 114.22it/s, GPU "
                   f"RAM: 0.60 G/6.00 G]\n" for e in (10, 11))
    assert len([o for o in _obs(text) if o.name == "GPU_RAM"]) == 4
    # a bar redrawn line by line repeats unchanged values until it is done
    redraws = "".join(f"Epoch 1:  {p}%|##| {p}/100 [00:01<00:02, gpu_mem=1.5]\n"
                      for p in (10, 50, 90))
    assert len([o for o in _obs(redraws) if o.name == "gpu_mem"]) == 1


_D2 = "[08/30 23:53:55] d2.evaluation.coco_evaluation INFO: "
_D2_TESTING = "[08/30 23:53:55] d2.evaluation.testing INFO: "


def _d2_table(task: str, values: str) -> str:
    return (f"{_D2}Evaluation results for {task}: \n|  AP   |  AP50  |  APs  |\n"
            f"|:-----:|:------:|:-----:|\n| {values} |\n"
            f"{_D2}Some metrics cannot be computed and is shown as NaN.\n")


def test_detectron2_copypaste_is_the_record_named_by_task() -> None:
    text = ("[08/30 23:53:50 d2.utils.events]:  eta: 0:00:01  iter: 3999  total_loss: 1.5  "
            "lr: 1e-07\n"
            + _d2_table("bbox", "0.000 | 0.000  |  nan ")
            + _d2_table("segm", "65.116 | 91.349  |  nan ")
            + f"{_D2_TESTING}copypaste: Task: bbox\n{_D2_TESTING}copypaste: AP,AP50,APs\n"
            f"{_D2_TESTING}copypaste: 0.0000,0.0000,nan\n"
            f"{_D2_TESTING}copypaste: Task: segm\n{_D2_TESTING}copypaste: AP,AP50,APs\n"
            f"{_D2_TESTING}copypaste: 65.1157,91.3488,nan\n")
    obs = [o for o in _obs(text) if "AP" in o.name]
    assert [(o.name, o.value) for o in obs if o.name.startswith("segm/")] == \
        [("segm/AP", 65.1157), ("segm/AP50", 91.3488), ("segm/APs", obs[-1].value)]
    assert {o.name for o in obs} == {"bbox/AP", "bbox/AP50", "bbox/APs", "segm/AP",
                                     "segm/AP50", "segm/APs"}
    assert len(obs) == 6  # the tables repeat the copypaste lines: one observation each
    # mmdetection's "bbox_mAP_copypaste: 0.213 ..." is no copypaste line of Detectron2's
    mmdet = ("Epoch(val) [1][625]\tbbox_mAP: 0.2130, bbox_mAP_50: 0.3860, "
             "bbox_mAP_copypaste: 0.213 0.386\n")
    assert _last(mmdet, "bbox_mAP").value == 0.213


def test_tables_without_copypaste_are_recorded_at_the_next_step() -> None:
    text = _d2_table("bbox", "29.225 | 46.963  |  15.7 ") + "\n" \
        + _d2_table("bbox", "29.664 | 47.515  |  16.0 ") \
        + "[08/30 23:54:50 d2.utils.events]:  iter: 4019  total_loss: 1.4\n" \
        + _d2_table("bbox", "30.092 | 48.097  |  16.3 ")
    values = [o.value for o in _obs(text) if o.name == "bbox/AP"]
    assert values == [29.225, 29.664, 30.092]


def test_per_class_key_family_is_no_metric() -> None:
    classes = ["wall", "building", "sky", "floor", "tree", "ceiling", "road", "bed",
               "chest of drawers", "grass"]
    text = "".join(
        f"2022-10-17 00:53:33,623 - mmseg - INFO - Iter(val) [250]\taAcc: 0.78{i}, mIoU: "
        f"0.37{i}, mAcc: 0.48{i}, "
        + ", ".join(f"IoU.{c}: 0.{k}{i}" for k, c in enumerate(classes)) + ", "
        + ", ".join(f"Acc.{c}: 0.{k}{i}" for k, c in enumerate(classes)) + "\n"
        for i in (1, 2))
    assert _names(text) == {"aAcc", "mIoU", "mAcc"}
    # a few dotted keys are a model's parts, not classes
    parts = "".join(f"Iter [{s}/80000]\tlr: 1.0e-03, decode.loss_ce: 0.3{s}, decode.acc_seg: "
                    f"88.{s}, aux.loss_ce: 0.4{s}, aux.acc_seg: 64.{s}, loss: 0.7{s}\n"
                    for s in (1, 2))
    assert {"decode.loss_ce", "aux.acc_seg"} <= _names(parts)


def test_a_name_twice_on_a_line_takes_the_phase_of_its_section() -> None:
    text = "".join(f"Epoch {e} |   Train Loss: 11.{e} | Token Acc: 0.0{e} | Seq Acc: 0.0000 |   "
                   f"Val Loss: 10.{e} | Token Acc: 0.1{e} | Seq Acc: 0.0000\n" for e in (0, 1))
    assert _names(text) == {"train_loss", "train_Token_Acc", "train_Seq_Acc", "val_loss",
                            "val_Token_Acc", "val_Seq_Acc"}
    assert _last(text, "val_Token_Acc").value == 0.11
    # distinct names keep their own
    single = "".join(f"Epoch {e} | Train Loss: 0.5{e} | Acc: 0.9{e} | Val Loss: 0.6{e}\n"
                     for e in (0, 1))
    assert _names(single) == {"train_loss", "Acc", "val_loss"}


def test_a_capital_letter_before_a_name_is_no_multiplier() -> None:
    text = "".join(f"[GAN] Epoch {e}/10 D Loss: 1.3{e} G Loss: 0.7{e} | Val G Loss: 0.6{e}\n"
                   for e in (1, 2))
    assert _names(text) == {"D_Loss", "G_Loss", "val_G_Loss"}
    assert _last(text, "D_Loss").value == 1.32
    assert "tflops" not in _names("step 3 | tflops: 16.2 G\n")  # a multiplier still


def test_names_in_other_scripts() -> None:
    text = "".join(f"2026-05-22 02:57:12,716 - INFO - Epoch {e}/100 | x: 1\n"
                   f"2026-05-22 02:57:12,716 - INFO - 训练损失: 3{e}.5\n"
                   f"2026-05-22 02:57:12,716 - INFO - Epoch {e} 完成 | 成功率: 1{e}.0%\n"
                   for e in (1, 2))
    assert {"训练损失", "成功率"} <= _names(text)
    assert _last(text, "成功率").value == 12.0


def test_a_new_best_event_repeats_values() -> None:
    text = "".join(f"  [Fold 1 Ep 02{e}] tr_loss=0.08{e} | val_auc=0.5{e} val_f1=0.6{e}\n"
                   f"  *** New best AUC=0.5{e} F1=0.6{e} → saved\n"
                   f"2021-01-25 07:49:46,180 P8266 INFO Save best model: monitor(max): 0.5{e}\n"
                   for e in (1, 2))
    assert _names(text) == {"tr_loss", "val_auc", "val_f1"}
    # Marian marks the value it follows: still a value
    marian = "".join(f"[2021-07-17 20:59:21] [valid] Ep. 1 : Up. {u}0000 : cross-entropy : "
                     f"6{u}.9 : new best\n" for u in (8, 9))
    assert _last(marian, "valid_cross-entropy").value == 69.9


def test_a_phase_word_with_a_whole_number_is_a_split_size() -> None:
    text = ("Fold 2: train=113 (pos=33, neg=80) | val=29 (pos=9, neg=20)\n"
            "  FOLD 2  |  train=113  val=29\n")
    assert _obs(text) == []
    litgpt = "".join(f"iter {i}: loss train: 2.8{i}, val: 2.9{i}\n" for i in (1, 2))
    assert _last(litgpt, "loss_val").value == 2.92


def test_mmpose_coco_keys_with_spaces() -> None:
    text = "".join(
        f"2023/06/05 21:50:19 - mmengine - INFO - Epoch(val) [{e}][6/6]    coco/AP: 0.5{e}  "
        f"coco/AP .5: 0.9{e}  coco/AP .75: 0.6{e}  coco/AP (M): -1.000000  coco/AP (L): 0.5{e}  "
        f"PCK: 0.93{e}\n" for e in (1, 2))
    assert _names(text) == {"coco/AP", "coco/AP_.5", "coco/AP_.75", "coco/AP_(M)",
                            "coco/AP_(L)", "PCK"}
    assert (_last(text, "coco/AP_.75").value, _last(text, "coco/AP_.5").value) == (0.62, 0.92)
    assert _last(text, "coco/AP_(M)").value == -1.0
    # a unit in parentheses is part of the name since round tune20 (a qualifier is too)
    assert _last("step 3 | Memory (MB)=6784\n", "Memory_(MB)").value == 6784


def test_a_phase_label_with_its_family_word() -> None:
    text = "".join(f"2025-03-02 05:34:00,482 - INFO - Epoch {e} - Validation BLEU: BLEU-1 7{e}.6, "
                   f"BLEU-2 6{e}.7\n2025-03-02 05:34:22,147 - INFO - Epoch {e} - Dev BLEU: BLEU-1 "
                   f"6{e}.8, BLEU-2 5{e}.4\n" for e in (2, 3))
    assert _names(text) == {"validation_BLEU-1", "validation_BLEU-2", "dev_BLEU-1",
                            "dev_BLEU-2"}
    assert _last(text, "dev_BLEU-2").value == 53.4
    # "Val Loss: 0.5" is a name and its value, no label
    assert _names("Epoch 1 | Val Loss: 0.5 | Acc: 0.9\nEpoch 2 | Val Loss: 0.4 | Acc: 0.9\n") \
        == {"val_loss", "val_acc"}


def test_peak_memory_statistics_are_metrics() -> None:
    text = "".join(f"[Rank 0] (after {i} iterations) memory (MB) | allocated: 7024.9 | max "
                   f"allocated: 1705{i}.5 | reserved: 17548.0 | max reserved: 17548.0\n"
                   for i in (1, 2))
    assert {"max_allocated", "max_reserved"} <= _names(text)
    assert "max_epochs" not in _names("max_epochs: 30\nmax_epochs: 30\n")


def test_keras_bar_renders_within_an_epoch_are_one_observation() -> None:
    text = "".join(
        f"Epoch {e}/3\n"
        + "".join(f"{n}/285 [====>....] - ETA: 0s - loss: 0.{e}{n} - acc: 0.9{n}\n"
                  for n in (235, 242, 249))
        + (f"Epoch {e}: ReduceLROnPlateau reducing learning rate to 0.0005.\n" if e == 2 else "")
        + f"285/285 [==========] - 3s 10ms/step - loss: 0.{e}5 - acc: 0.97 - val_loss: 0.4{e}\n"
        for e in (1, 2, 3))
    assert [(o.value, o.epoch) for o in _obs(text) if o.name == "loss"] == \
        [(0.15, 1), (0.25, 2), (0.35, 3)]
    # a log cut inside an epoch: the last render is that epoch's value
    cut = text + "Epoch 4/4\n  1/285 [>....] - ETA: 4s - loss: 0.9 - acc: 0.5\n" \
        "140/285 [==>...] - ETA: 2s - loss: 0.41 - acc: 0.8\n"
    assert [(o.value, o.epoch) for o in _obs(cut) if o.name == "loss"][-1] == (0.41, 4)
    # Keras 3's bars under a terminal: the last render of each epoch
    k3 = "".join(f"Epoch {e}/2\n\r  1/375 ━━━━━━━━━━━━━━━━━━━━ 5s 16ms/step - loss: 2.3"
                 f"\r375/375 ━━━━━━━━━━━━━━━━━━━━ 1s 3ms/step - loss: 0.{e}\n" for e in (1, 2))
    assert [o.value for o in _obs(k3) if o.name == "loss"] == [0.1, 0.2]


def test_an_object_printed_over_lines_is_read_as_one() -> None:
    pprinted = "".join(
        f"{{'loss': 0.{k},\n 'grad_norm': 1.9{k},\n 'learning_rate': 9.79e-07,\n "
        f"'rewards/format_reward': 0.0,\n 'epoch': 0.0{k}}}\n" for k in (1, 2))
    obs = [o for o in _obs(pprinted) if o.name == "loss"]
    assert [(o.value, o.epoch) for o in obs] == [(0.1, 0.01), (0.2, 0.02)]
    assert _names(pprinted) == {"loss", "grad_norm", "learning_rate", "rewards/format_reward"}
    indented = ('{"accuracy_cls": 0.923639, \n  "eta": "1 day, 13:30:44",\n  "iter": 120000,\n'
                '  "loss": 0.562384, \n  "lr": 0.010000, \n  "mb_qsize": 64, \n'
                '  "time": 0.562685}\n')
    assert {(o.name, o.step) for o in _obs(indented)} >= {("accuracy_cls", 120000),
                                                          ("lr", 120000)}
    # a configuration printed the same way is still one
    config = '{\n "bagging_fraction": 0.8,\n "bagging_freq": 0.0,\n "max_depth": 7,\n' \
             ' "num_leaves": 31\n}\n'
    assert _obs(config) == []
    # an object that never closes is read line by line
    assert [o.name for o in _obs('{"loss": 0.5,\n "acc": 0.9,\n')] == ["loss", "acc"]


def test_tensorflow_logging_lines_indented() -> None:
    text = ("    INFO:tensorflow:loss = 0.9890392, step = 1\n"
            "    INFO:tensorflow:global_step/sec: 153.472\n"
            "    INFO:tensorflow:loss = 1.848564e-09, step = 501 (3.258 sec)\n")
    assert [(o.name, o.step) for o in _obs(text)] == [
        ("loss", 1), ("global_step/sec", 1), ("loss", 501)]


def test_ml_agents_summary_lines() -> None:
    text = "".join(f"INFO:mlagents.trainers: PPOTest-0: NewLearner: Step: {s}000. Mean Reward: "
                   f"-5{s}.270. Std of Reward: 0.{s}00. Training.\n" for s in (19, 20))
    assert [(o.name, o.value, o.step) for o in _obs(text)][-2:] == [
        ("Mean_Reward", -520.27, 20000), ("Std_of_Reward", 0.2, 20000)]
    # a configuration line of text values stays one
    assert _obs("model: resnet, optimizer: adam, lr: 0.1, scheduler: cosine\n") == []


def test_a_quantity_at_a_step_is_named_before_it() -> None:
    text = "".join(f"o.d.o.l.ScoreIterationListener - Score at iteration {i} is 40{i}.5\n"
                   f"Loss at step {i}00: 0.{i}\n" for i in (1, 2))
    assert [(o.name, o.value, o.step) for o in _obs(text)][-2:] == [
        ("Score", 402.5, 2), ("Loss", 0.2, 200)]
    assert _obs("Saving checkpoint at step 100\n") == []


def test_a_logged_phrase_and_its_value() -> None:
    dash = "\u2014"
    text = "".join(f"2020-10-10 08:33:37,79{e} {dash} rl_replicas.vpg {dash} INFO {dash} Loss "
                   f"of the current value function: 10{e}     \n2020-10-10 08:33:37,79{e} - vpg "
                   f"- INFO - Average Episode Return: 2{e}.3\n" for e in (1, 2))
    assert _names(text) == {"Loss_of_the_current_value_function", "Average_Episode_Return"}
    assert _last(text, "Loss_of_the_current_value_function").value == 102
    # prose with a value is no phrase of a measure
    assert _obs("2020-10-10 08:33:37,791 - x - INFO - Number of the used workers: 4\n") == []


def test_a_phase_of_an_epoch_label() -> None:
    text = "".join(f"I Training of Epoch {e} - loss: 22{e}.1\nI Validation of Epoch {e} - loss: "
                   f"18{e}.4\n" for e in (0, 1))
    assert _names(text) == {"training_loss", "validation_loss"}
    assert _last(text, "validation_loss").epoch == 1


def test_a_few_classes_shared_by_several_metrics_are_per_class() -> None:
    classes = ["impervious_surface", "building", "low_vegetation", "tree", "car"]
    text = "".join(
        f"2021-01-01 00:00:00,000 - mmseg - INFO - Iter(val) [{i}]\taAcc: 0.8{i}, mIoU: 0.7{i}, "
        + ", ".join(f"{m}.{c}: 0.{k}{i}" for m in ("IoU", "Acc", "Fscore") for k, c in
                    enumerate(classes, 1)) + "\n" for i in (1, 2))
    assert _names(text) == {"aAcc", "mIoU"}


def test_hyperparameters_beside_metrics_are_a_report() -> None:
    text = "".join(f"Epoch: [{e}] Total time: 0:00:41\nAveraged stats: lr: 0.00{e}  min_lr: "
                   f"0.00{e}  loss: 2.{e} (2.8)  class_acc: 0.5{e} (0.50)  weight_decay: 0.0500 "
                   f"(0.0500)\n" for e in (1, 2))
    assert {"lr", "min_lr", "loss", "class_acc", "weight_decay"} <= _names(text)
    settings = "depth=8, min_child_weight=22, subsample=0.99, colsample_bytree=0.7, " \
        "base_score=0.06\n"
    assert _obs(settings * 3) == []


def test_a_timestamped_message_of_a_name_and_its_value() -> None:
    text = "".join(f"2024-04-26 09:41:39.49387{e}: Epoch {e}\n2024-04-26 09:41:39.49387{e}: "
                   f"train_loss 0.70{e}\n2024-04-26 09:41:39.49891{e}: val_loss 0.46{e}\n"
                   for e in (0, 1))
    assert [(o.name, o.value, o.epoch) for o in _obs(text)][-2:] == [
        ("train_loss", 0.701, 1), ("val_loss", 0.461, 1)]
    assert _obs("2024-04-26 09:41:39.49: using 4 workers\n") == []


def test_a_keras_render_after_held_values_keeps_them() -> None:
    text = "alpha: 0.5\nbeta: 0.7\n 12/285 [>....] - ETA: 4s - loss: 0.9\n" \
        "285/285 [=====] - 3s - loss: 0.5\n"
    assert [(o.name, o.value) for o in _obs(text)] == [
        ("alpha", 0.5), ("beta", 0.7), ("loss", 0.5)]
    # an object too long to be one line is read line by line
    long_object = "{\n" + "".join(f' "loss_{i}": 0.{i},\n' for i in range(150)) + \
        ' "note": "' + "x" * 70000 + '"\n}\n'
    assert "loss_3" in _names(long_object)


def test_insightface_speed_and_learning_rate() -> None:
    text = "".join(f"Training: 2022-05-05 03:09:46,21{s}-Speed 726.2{s} samples/sec   Loss "
                   f"43.2{s}   LearningRate 0.0999   Epoch: 0   Global Step: {s}90\n"
                   for s in (1, 2))
    assert {"Speed", "Loss", "LearningRate"} <= _names(text)
    assert (_last(text, "Speed").value, _last(text, "Speed").step) == (726.22, 290)
    assert _obs("DataLoader 0: 100%|####| 5/5\nTensorBoard 2 started\n") == []


def test_combined_epoch_iter_key_and_stylegan_ticks() -> None:
    text = "".join(f"[04/14 10:51:29 fastreid.utils.events]:  eta: 0:59:11  epoch/iter: {e}/5{e}59"
                   f"  total_loss: 22.0{e}  lr: 3.50e-04\n" for e in (19, 20))
    last = _last(text, "total_loss")
    assert (last.epoch, last.step) == (20, 52059)
    assert "epoch/iter" not in _names(text)
    ticks = "".join(f"tick {t}     kimg {t}.1      lod 0.00  minibatch 32   time {t}m 16s      "
                    f"sec/tick 64{t}.1   sec/kimg 107.73  maintenance 30.5   gpumem 5.1\n"
                    for t in (1, 2))
    assert _names(ticks) == {"lod", "sec/tick", "sec/kimg", "maintenance", "gpumem"}
    assert _last(ticks, "sec/tick").step == 2


def test_a_step_over_its_total_in_a_dict() -> None:
    text = "".join(f"{{'loss': 0.2{s}, 'rewards/chosen': 4.2{s}, 'epoch': 0.7{s}, "
                   f"'global_step/max_steps': '4{s}/176', 'percentage': '25.57%'}}\n"
                   for s in (5, 6))
    last = _last(text, "loss")
    assert (last.value, last.step) == (0.26, 46)
    assert "global_step/max_steps" not in _names(text)


def test_a_label_index_is_part_of_the_name() -> None:
    text = "".join(f"global step {s}00 learning rate 0.5000 step-time 2.78 perplexity 7.8{s}\n"
                   f"  eval: bucket 0 perplexity 4.8{s}\n  eval: bucket 1 perplexity 6.3{s}\n"
                   for s in (4, 6))
    assert {"eval_bucket_0_perplexity", "eval_bucket_1_perplexity"} <= _names(text)
    last = _last(text, "eval_bucket_1_perplexity")
    assert (last.value, last.step) == (6.36, 600)

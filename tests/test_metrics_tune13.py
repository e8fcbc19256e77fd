"""Round ``tune13`` (sets P, R, S, X, Y and Z: ``tests/data/heldout16``, ``heldout18``,
``heldout19``, ``heldout24`` to ``heldout26``, each measured unseen first and tuned on
since). Each test fails on the parser before the round (1dfc83b)."""

from __future__ import annotations

from pathlib import Path

from parsed import names as _names
from parsed import obs as _obs

_HEADER = ("      Epoch    GPU_mem   box_loss   cls_loss   dfl_loss  Instances       Size\n")


def test_ultralytics_all_row_without_its_header_is_a_box_row() -> None:
    # a SLURM job's stdout: the bars and the validation header went to stderr
    text = "".join(f"{_HEADER}{'all':>22}{4146:>11}{21256:>11}{0.73 + e / 100:>11.3g}"
                   f"{0.705:>11.3g}{0.756:>11.3g}{0.57 + e / 1000:>11.3g}\n\n"
                   for e in range(3))
    text += (f"{'all':>22}{4146:>11}{21256:>11}{0.736:>11.3g}{0.721:>11.3g}{0.757:>11.3g}"
             f"{0.574:>11.3g}\n{'water_tower':>22}{4146:>11}{216:>11}{0.918:>11.3g}"
             f"{0.876:>11.3g}{0.909:>11.3g}{0.685:>11.3g}\n")
    assert _names(text) == {"P", "R", "mAP50", "mAP50-95"}
    found = [o.value for o in _obs(text) if o.name == "P"]
    assert found == [0.73, 0.74, 0.75, 0.736]
    # without Ultralytics' epoch header the row is left to the default rules
    assert "P" not in _names(text.replace(_HEADER, ""))


def _bar(epoch: int, step: int, loss: float) -> str:
    return (f"\rEpoch {epoch}:  {step * 14}%|##   | {step}/7 [00:1{step}<00:58, 11.69s/it, "
            f"loss={loss}, v_num=5]")


def test_lightning_running_loss_once_an_epoch_and_a_print_glued_to_the_bar() -> None:
    lines = [_bar(e, s, round(1.9 - e / 10 - s / 100, 2))
             + f"train_loss tensor(1.{e}{s}45, grad_fn=<Nll>)\n" for e in (0, 1) for s in (1, 2, 3)]
    text = "".join(lines) + _bar(1, 7, 1.55) + "\n"
    found = _obs(text)
    assert [(o.value, o.epoch) for o in found if o.name == "loss"] == [(1.87, 0), (1.55, 1)]
    assert [o.value for o in found if o.name == "train_loss"] == \
        [1.0145, 1.0245, 1.0345, 1.1145, 1.1245, 1.1345]
    # a plain tqdm postfix (no Lightning "v_num") is a per-step value: every render counts
    plain = text.replace(", v_num=5", "")
    assert len([o for o in _obs(plain) if o.name == "loss"]) == 7


def test_printed_pandas_series_is_a_table_however_often_printed() -> None:
    features = ("Episode_Length_minutes", "Episode_Title", "Genre", "Podcast_Name")
    text = "".join(f"RMSE: 12.9{k}\n" + "".join(f"{name:<31}0.{k}0{i}1\n"
                                               for i, name in enumerate(features))
                   + "dtype: float32\n" for k in range(3))
    assert _names(text) == {"RMSE"}
    # the same block without pandas' "dtype:" line is a report printed again and again
    assert "Genre" in _names(text.replace("dtype: float32\n", "done\n"))


def test_yolov5_epoch_bar_shows_means_its_last_render_counts() -> None:
    header = "     Epoch   gpu_mem      GIoU       obj       cls     total   targets  img_size\n"
    text = "".join(header + "".join(
        f"\r   {e}/299        0G      0.{7 + s}    0.0774     0.011     0.879        63       416:"
        f"  {s * 30}%|##    | {s}/3 [00:19<10:17, 19.29s/it]" for s in (1, 2, 3)) + "\n"
        for e in (1, 2))
    found = [(o.name, o.value, o.epoch) for o in _obs(text) if o.name in ("GIoU", "gpu_mem")]
    assert found == [("gpu_mem", 0.0, 1), ("GIoU", 0.10, 1), ("gpu_mem", 0.0, 2),
                     ("GIoU", 0.10, 2)]


def test_a_report_printed_twice_in_a_row_is_one_observation() -> None:
    # a logger with two handlers: every record twice, the timestamps apart
    text = "".join(f"2025-03-19 06:2{s}:{k}0,406 - INFO - __main__ - Step {s}00/1000, "
                   f"loss=0.{s}007\n" for s in range(1, 6) for k in (1, 2, 3))
    text += "".join(f"INFO:tensorflow:global step {s}: loss = 7{s}.35 (57.1{s} sec/step)\n"
                    f"INFO:tensorflow:global step {s}: loss = 7{s}.35 (57.1{s} sec/step)\n"
                    for s in (6, 7))
    found = [(o.value, o.step) for o in _obs(text) if o.name == "loss"]
    assert found == [(0.1007, 100), (0.2007, 200), (0.3007, 300), (0.4007, 400),
                     (0.5007, 500), (76.35, 6), (77.35, 7)]
    # the same value at the next step, or with no step of its own, is a new report
    again = "Step 1, loss=0.5\nStep 2, loss=0.5\nacc: 1.0\nacc: 1.0\n"
    assert [o.name for o in _obs(again)] == ["loss", "loss", "acc", "acc"]


def test_recorder_drops_the_same_reprints_as_the_line_path(tmp_path: Path) -> None:
    from exptrack.metrics.parser import MetricParser
    text = "".join(f"[{s:04d}] Step {s}/50, loss=0.{s % 7}5\n" * (1 + s % 3)
                   for s in range(1, 50)).encode()
    for size in (len(text), 97, 1000):
        parser = MetricParser()
        rows: list[tuple[float, object]] = []
        for start in range(0, len(text), size):
            for segment in parser.feed_segments(text[start:start + size]):
                if isinstance(segment, list):
                    rows += [(o.value, o.step) for o in segment]
                else:
                    column = segment.plan.metrics[0].column
                    rows += [(float(v), s) for v, s in zip(segment.texts[column],
                                                             segment.steps, strict=True)]
        assert rows == [(float(f"0.{s % 7}5"), s) for s in range(1, 50)]


def test_a_bracketed_remark_of_settings_after_a_value() -> None:
    line = "2021-11-24 21:47:53,359 - INFO - joeynmt.prediction -  dev chrf:   0.46 " \
           "[Beam search decoding with beam size = 5 and alpha = 1.0]\n"
    assert [(o.name, o.value) for o in _obs(line)] == [("dev_chrf", 0.46)]
    # a tqdm bracket keeps its postfix, and "a = 1" settings alone stay settings
    assert _names("loss: 0.5 [00:01<00:02, 3.2it/s, acc=0.9]\n") >= {"loss"}
    assert _obs("beam size = 5 and alpha = 1.0\n") == []


def test_results_label_with_a_qualifier_and_where() -> None:
    line = ("Validation result (greedy) at epoch 200, step   720000: chrf:   0.45, "
            "loss: 66753.0859, ppl:   7.1781, duration: 71.7142s\n")
    found = {o.name: (o.value, o.step, o.epoch) for o in _obs(line)}
    assert found["validation_chrf"] == (0.45, 720000, 200)
    assert set(found) == {"validation_chrf", "validation_loss", "validation_ppl",
                          "validation_duration"}
    assert _names("Test set results: loss= 0.4631 accuracy= 0.8663\n") == {
        "test_loss", "test_accuracy"}


def test_total_qualifies_a_name_and_a_glued_timestamp_bracket_ends() -> None:
    assert _names("Epoch 200: total training loss 4361.41\n") == {"total_training_loss"}
    assert _obs("Processed total 500 samples\n") == []
    text = ("[2022-06-27 05:51:17,712]Epoch: 0056\n"
            "[2022-06-27 05:51:11,515]iter:0140 loss_train: 0.2786 time: 0.1595s\n"
            "[2022-06-27 05:52:18,462]this epoch:\nloss= 0.2798 accuracy= 0.9112\n"
            "[2022-06-27 05:56:21,505]Total time elapsed: 3680.2636s\n")
    found = {o.name: (o.value, o.step, o.epoch) for o in _obs(text)}
    assert found["loss_train"] == (0.2786, 140, 56)
    assert found["loss"] == (0.2798, None, 56)  # the epoch's summary, not the batch's
    assert found["Total_time_elapsed"] == (3680.2636, None, 56)
    # a subscript's "]" is no timestamp's
    assert _names("Epoch[17 of 30]: EvalErr[0]PerSample = 0.2; TrainLoss = 0.6\n") \
        == {"TrainLoss"}


def test_a_time_per_unit_named_by_its_unit_and_an_index_word_after_a_key() -> None:
    found = {o.name: (o.value, o.step) for o in _obs("[train] iter 10: loss 8.68 9240 ms/iter\n")}
    assert found == {"train_loss": (8.68, 10), "ms/iter": (9240.0, 10)}
    assert _names("step 10 loss 8.6 (12.5 ms/step)\n") == {"loss", "ms/step"}
    line = "2025-06-05 13:21:11, batch i:2972, episode_len:9\n"
    assert [(o.name, o.step) for o in _obs(line)] == [("episode_len", 2972)]
    assert [(o.name, o.epoch) for o in _obs("epoch_idx: 3 loss: 0.5\n")] == [("loss", 3)]
    # an index of something that is no step stays no step
    assert [(o.name, o.step) for o in _obs("sample_idx: 3 loss: 0.5\n")] == [("loss", None)]


def test_minutes_glued_to_a_time_an_identity_loss_and_a_weak_pair_before_a_key() -> None:
    line = "[it 9940] step=10178560 | EpRew=21.0 | PiLoss=0.023 | time=633.6m\n"
    assert {o.name: o.value for o in _obs(line)} == {"EpRew": 21.0, "PiLoss": 0.023,
                                                      "time": 633.6}
    line = "Elapsed [9:17:08], Iteration [659500/1000000], G/loss_id: 3.1370, G/loss_cd: 0.017\n"
    assert _names(line) == {"G/loss_id", "G/loss_cd"}
    assert _names("step 3 user_id: 5 loss: 0.3\n") == {"loss"}
    assert _names("epoch 3 loss 0.2 elapsed: 1.5h\n") == {"loss", "elapsed"}
    assert _obs("Fetching 11 files: 100%|###\n") == []
    assert _names("step 3 'elapsed_time': 12.5, 'remaining_time': 3.5, 'loss': 0.2\n") == {
        "elapsed_time", "loss"}


def test_steps_after_the_lines_own_step_is_no_step() -> None:
    line = ("2025-04-26 20:58:31 | Episode 4945/5000 | Score:   3 | Reward: 14.3 | "
            "Epsilon: 0.0499 | Steps:  61\n")
    assert {(o.name, o.step) for o in _obs(line)} == {
        ("Score", 4945), ("Reward", 4945), ("Epsilon", 4945)}
    assert [(o.name, o.step) for o in _obs("Steps: 100 | loss 0.3\n")] == [("loss", 100)]


def test_star_banner_epoch_and_short_words_of_loss_names() -> None:
    text = ("************epoch: 18 ***************\ntotal loss: 4119.87\n"
            "x loss: 0.39\ncls loss: 0.56\nrecall: 0.0\n")
    found = {o.name: (o.value, o.epoch) for o in _obs(text)}
    assert found == {"total_loss": (4119.87, 18), "x_loss": (0.39, 18),
                     "cls_loss": (0.56, 18), "recall": (0.0, 18)}
    # a class's row stays a class's row
    assert _obs("class dog: 0.5\n") == [] and _obs("cls 3: 0.4\n") == []


def test_field_words_a_hash_key_and_a_bracket_counter_after_a_phase() -> None:
    line = ("2020-12-08 14:38:35 - Epoch: 0, Step: 230/1011, Avg Loss: 7.77, "
            "Avg Regression Loss 2.84, Avg Classification Loss: 4.92\n")
    assert _names(line) == {"Avg_Loss", "Avg_Regression_Loss", "Avg_Classification_Loss"}
    line = "step#: 22954  learning rate: 0.0001  average loss: 1.36111\n"
    assert {(o.name, o.step) for o in _obs(line)} == {("learning_rate", 22954),
                                                      ("average_loss", 22954)}
    line = "ctdet |#####   | val: [125][1/6]|Tot: 0:00:00 |loss 102.2282 |hm_loss 99.6916\n"
    assert {(o.name, o.step) for o in _obs(line)} == {("val_loss", 1), ("val_hm_loss", 1)}
    assert _names("episodic_return=[12.]\n") == {"episodic_return"}


def test_a_global_counter_is_the_step_inner_counters_are_no_metrics() -> None:
    line = ("train | epoch   4 | inner iter:   0/  4 | ppo epoch:  1/ 4 | global iter:     69/"
            "   160| tot_loss: 6.2529 | rl_loss: 3.2390\n")
    assert {(o.name, o.step, o.epoch) for o in _obs(line)} == {
        ("tot_loss", 69, 4), ("rl_loss", 69, 4)}
    line = "| epoch 019 | 0161656 updates | words/s   14482| trainloss     1.94\n"
    assert {(o.name, o.step, o.epoch) for o in _obs(line)} == {
        ("words/s", 161656, 19), ("trainloss", 161656, 19)}


def test_a_stage_split_tag_names_the_split() -> None:
    text = ("[05-20-2018 11:58:37]\t[Train:train] Iter:102\tloss=0.091576\n"
            "[05-20-2018 11:58:38]\t[Eval:test] Iter:102\tndcg@3=0.538715\tmap=0.563355\n"
            "[05-20-2018 11:58:39]\t[Eval:valid] Iter:102\tndcg@3=0.571863\tmap=0.575421\n")
    assert {(o.name, o.step) for o in _obs(text)} == {  # (train_ since round tune14)
        ("train_loss", 102), ("test_ndcg@3", 102), ("test_map", 102), ("valid_ndcg@3", 102),
        ("valid_map", 102)}


def test_copula_phrases_and_minutes_after_a_weak_pair() -> None:
    line = ("Epoch 145, Step 25, total used time 5942.08 (s), avg loss so far is 0.0225\n")
    assert {(o.name, o.step, o.epoch) for o in _obs(line)} >= {("avg_loss_so_far", 25, 145)}
    found = {o.name: o.value for o in _obs(
        "Epoch 145, val loss is 0.0298, val mse is 0.0114.\n")}
    assert found == {"val_loss": 0.0298, "val_mse": 0.0114}
    assert _obs("the answer is 42\n") == []
    found = {o.name: o.value for o in _obs("step 0 | elapsed 0.49m | loss: 4.01 | val: 3.52\n")}
    assert found == {"elapsed": 0.49, "loss": 4.01, "val": 3.52}


def test_words_of_a_name_after_a_level_colon() -> None:
    line = "2023-03-19 10:08:05,503 - INFO: Time elasped: 13.96\n"
    assert _names(line) == {"Time_elasped"}


def test_time_series_library_lr_updates_and_seconds_per_iteration() -> None:
    text = ("\titers: 100, epoch: 3 | loss: 0.1210482\n"
            "\tspeed: 0.3345s/iter; left time: 267.9004s\n"
            "Updating learning rate to 5e-05\n")
    found = {o.name: (o.value, o.step, o.epoch) for o in _obs(text)}
    assert found == {"loss": (0.1210482, 100, 3), "speed": (0.3345, 100, 3),
                     "learning_rate": (5e-05, 100, 3)}
    # ReduceLROnPlateau's message is an event where the run prints its learning rate (where
    # it prints none, the notice is its learning rate: tune52); Detectron2's spaced
    # "0.0011 s/iter" progress stays out
    assert _obs(text + "Epoch 6: ReduceLROnPlateau reducing learning rate to 0.0005.\n") \
        == _obs(text)
    line = ("[04/05 01:31:41 d2.evaluation.evaluator]: Inference done 11/50. Dataloading: "
            "0.0011 s/iter. Inference: 0.0652 s/iter. Total: 0.0665 s/iter. ETA=0:00:02\n")
    assert _obs(line) == []


def test_a_number_ending_a_quoted_key_and_a_weak_pair_before_a_bracket() -> None:
    line = ('{"mode": "train", "epoch": 29, "iter": 20, "lr": 0.0022, '
            '"recall@thr=0.5": 0.87369, "loss": 0.10787}\n')
    assert {o.name: o.value for o in _obs(line)} == {
        "lr": 0.0022, "recall@thr=0.5": 0.87369, "loss": 0.10787}
    line = "[ITER 20000] Evaluating test: L1 0.0066 PSNR 34.84 [26/11 18:12:44]\n"
    assert {o.name: (o.value, o.step) for o in _obs(line)} == {
        "test_l1": (0.0066, 20000), "test_PSNR": (34.84, 20000)}


def test_a_metrics_short_list_is_a_series_per_position_and_an_id_after_a_key() -> None:
    line = ("Epoch 9 [60.6s + 86.3s]: train==[40.85=39.90 + 0.94], recall=[0.12405, 0.26871], "
            "hit=[0.47357, 0.70631]\n")
    assert {o.name: (o.value, o.epoch) for o in _obs(line)} == {
        "recall_0": (0.12405, 9), "recall_1": (0.26871, 9), "hit_0": (0.47357, 9),
        "hit_1": (0.70631, 9)}
    line = "Epoch ID=0 Batch ID=10 D-Loss=[0.94, 0.50] DG-Loss=0.509\n"
    assert {o.name: (o.step, o.epoch) for o in _obs(line)} == {
        "D-Loss_0": (10, 0), "D-Loss_1": (10, 0), "DG-Loss": (10, 0)}
    # a setting's list stays a setting; an id of no key is no step
    assert _obs("betas=[0.9, 0.999]\n") == []
    assert [(o.name, o.step) for o in _obs("user id: 5 loss=0.3\n")] == [("loss", None)]

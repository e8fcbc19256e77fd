"""Round ``tune20`` (session 28). Each test fails on the parser before the round
(13a895e)."""

from __future__ import annotations

from parsed import obs as _obs


def test_an_epoch_written_with_a_hyphen_is_the_epoch() -> None:
    # AST's "Epoch-1 lr: 0.00025": the lr of epoch 1, not a metric named "Epoch-1_lr"
    text = "Epoch-1 lr: 0.00025\nEpoch-2 lr: 0.000125\nepoch-3 loss: 0.5\n"
    assert [(o.name, o.value, o.epoch) for o in _obs(text)] == [
        ("lr", 0.00025, 1), ("lr", 0.000125, 2), ("loss", 0.5, 3)]
    # a checkpoint's file name stays no report
    assert _obs("saved model-epoch-3-val_loss=0.5.ckpt\n") == []


def test_a_duration_named_by_what_took_it() -> None:
    # Lasagne's "Epoch 6 of 500 took 494.4s", MLX's "Val took 5.265s", OctNet's "loading
    # data took 0.0057[s]": durations inside the run's steps or epochs
    text = ("Epoch 1 of 500 took 494.369s\n  training loss:\t\t2.31\n"
            "Epoch 2 of 500 took 493.647s\n  training loss:\t\t2.30\n"
            "Iter 3: Val loss 2.936, Val took 5.265s\n"
            "[INFO] loading data took 0.005721[s] - n_batches 32\n"
            "Dev step took 427.17 seconds\n")
    got = [(o.name, o.value) for o in _obs(text) if o.name.lower().endswith("took")]
    assert got == [("took", 494.369), ("took", 493.647), ("val_took", 5.265),
                   ("loading_data_took", 0.005721), ("Dev_step_took", 427.17)]
    # not a count's "after 3 epochs took", a library's sentence, a remark, a bare number
    text = ("Epoch 1 step 10 loss 0.5\nConvergence after 3 epochs took 0.01 seconds\n"
            "Generation of step-events took 0 ms\nstep 9: train loss 4.56 (took 1336.7 ms)\n"
            "Took 3.2521350383758545\n")
    assert not [o for o in _obs(text) if "took" in o.name.lower()]


def test_darknets_iteration_lines_name_their_values_after_them() -> None:
    # pjreddie's "avg", AlexeyAB's "avg loss" and "hours left"; the first value is the
    # batch's loss (detector.c), the images seen and the hours left are no measurements
    text = (" 4: 285.326599, 289.835968 avg, 0.000100 rate, 838.663052 seconds, 256 images\n"
            " 8001: 0.595442, 0.595442 avg loss, 0.001300 rate, 13.209250 seconds, "
            "512064 images, -1.000000 hours left\n")
    assert [(o.name, o.value, o.step) for o in _obs(text)] == [
        ("loss", 285.326599, 4), ("avg", 289.835968, 4), ("rate", 0.0001, 4),
        ("seconds", 838.663052, 4), ("loss", 0.595442, 8001), ("avg_loss", 0.595442, 8001),
        ("rate", 0.0013, 8001), ("seconds", 13.20925, 8001)]


def test_darknets_detection_layers_are_named_by_their_index() -> None:
    # YOLOv3's three layers print the same names: each layer's own series; the normaliser's
    # weights and the object count are no metrics; YOLOv2's one layer keeps its names
    text = ("Region 82 Avg IOU: 0.798363, Class: 0.893232, Obj: 0.700808, No Obj: 0.004567, "
            ".5R: 1.000000, .75R: 0.750000,  count: 4\n"
            "Region 94 Avg IOU: -nan, Class: -nan, Obj: -nan, No Obj: 0.000012, .5R: -nan, "
            ".75R: -nan,  count: 0\n"
            "v3 (iou loss, Normalizer: (iou: 0.07, obj: 1.00, cls: 1.00) Region 139 Avg (IOU: "
            "0.713000, GIOU: 0.700000), count: 1, class_loss = 0.240000, iou_loss = 4.180000, "
            "total_loss = 4.420000\n"
            "Region Avg IOU: 0.044084, Class: 1.000000, Obj: 0.613546, No Obj: 0.491049, "
            "Avg Recall: 0.015152,  count: 66\n")
    got = {o.name: o.value for o in _obs(text)}
    assert list(got)[:6] == ["Region_82_Avg_IOU", "Region_82_Class", "Region_82_Obj",
                             "Region_82_No_Obj", "Region_82_.5R", "Region_82_.75R"]
    assert got["Region_82_.75R"] == 0.75 and got["Region_94_No_Obj"] == 0.000012
    assert [n for n in got if n.startswith("Region_139")] == [
        "Region_139_Avg_IOU", "Region_139_Avg_GIOU", "Region_139_class_loss",
        "Region_139_iou_loss", "Region_139_total_loss"]
    assert [n for n in got if not n.startswith("Region_") or n == "Region_Avg_IOU"] == [
        "Region_Avg_IOU", "Class", "Obj", "No_Obj", "Avg_Recall"]


def test_darknets_map_evaluation() -> None:
    # "-map" prints the evaluation after the iteration: the mAP, and precision, recall,
    # F1 and IoU at the confidence threshold (the threshold a setting, TP/FP/FN counts, the
    # per-class rows no run-level metric)
    text = (" 1000: 0.595442, 0.595442 avg loss, 0.001300 rate, 13.209250 seconds, "
            "64000 images, 2.000000 hours left\n"
            "class_id = 0, name = person, ap = 62.31%   \t (TP = 1118, FP = 492) \n"
            " for conf_thresh = 0.25, precision = 0.69, recall = 0.55, F1-score = 0.61 \n"
            " for conf_thresh = 0.25, TP = 1118, FP = 492, FN = 916, average IoU = 51.09 % \n"
            " mean average precision (mAP@0.50) = 0.623108, or 62.31 % \n"
            " mean average precision (mAP@0.75) = 0.401000, or 40.10 % \n")
    got = [(o.name, o.value, o.step) for o in _obs(text)][4:]
    assert got == [("precision", 0.69, 1000), ("recall", 0.55, 1000),
                   ("F1-score", 0.61, 1000), ("average_IoU", 51.09, 1000),
                   ("mAP@0.50", 0.623108, 1000), ("mAP@0.75", 0.401, 1000)]


def test_a_unit_in_parentheses_stays_in_the_name() -> None:
    # Megatron's "elapsed time per iteration (ms)", DGL's "Speed (samples/sec)": the same
    # key in another unit would be another quantity; a label in parentheses is no unit
    text = "".join(f" iteration {i}/ 500 | elapsed time per iteration (ms): 6779.{i} | "
                   f"throughput per GPU (TFLOP/s/GPU): 26{i}.2 | lm loss: 3.0{i} |\n"
                   for i in (1, 2))
    assert [o.name for o in _obs(text)][:3] == [
        "elapsed_time_per_iteration_(ms)", "throughput_per_GPU_(TFLOP/s/GPU)", "lm_loss"]
    text = "Epoch 00003 | Step 00140 | Loss 0.3374 | Speed (samples/sec) 510.5918 | GPU 0.0 MB\n"
    assert ("Speed_(samples/sec)", 510.5918) in [(o.name, o.value) for o in _obs(text)]
    assert [o.name for o in _obs("Epoch 3 loss (train): 0.5 acc (%): 95.1\n")] == [
        "loss", "acc"]


def test_words_between_two_values_name_the_second() -> None:
    # TensorFlow NMT's "global step 8100 lr 1e-05 step-time 1.49s", TF translate's
    # "learning rate 0.5000 step-time 2.86": a hyphenated key after a value is no unit
    # ("3 step"); two lower-case words between values are one name
    text = ("  global step 8100 lr 1e-05 step-time 1.49s ppl 186.63 bleu 0.00\n"
            "global step 1400 learning rate 0.5000 step-time 2.86 perplexity 1.84\n"
            "iter 100 total loss 0.5 cls loss 0.3\n")
    assert [(o.name, o.value, o.step) for o in _obs(text)] == [
        ("lr", 1e-05, 8100), ("step-time", 1.49, 8100), ("ppl", 186.63, 8100),
        ("bleu", 0.0, 8100), ("learning_rate", 0.5, 1400), ("step-time", 2.86, 1400),
        ("perplexity", 1.84, 1400), ("total_loss", 0.5, 100), ("cls_loss", 0.3, 100)]


def test_an_end_of_epoch_summary_carries_its_epoch() -> None:
    # PaddleVideo's and PaddleClas' "END epoch:8   train loss_avg: 0.31210 ...": the
    # epoch's summary, not a metric named END_epoch; the phase word opens the line's names
    text = ("[10/28 20:17:29] END epoch:8   train loss_avg: 0.31210  top1_avg: 0.97798 "
            "avg_ips: 4.20746 instance/sec.\n")
    assert [(o.name, o.value, o.epoch) for o in _obs(text)] == [
        ("train_loss_avg", 0.3121, 8), ("train_top1_avg", 0.97798, 8),
        ("train_avg_ips", 4.20746, 8)]


def test_darknets_layers_keep_their_names_over_a_long_run() -> None:
    # each layer's line differs from another layer's only in its index: its own name for
    # thousands of iterations, whatever the values (the values are no part of a name)
    text = "".join(
        f"Region {layer} Avg IOU: 0.{i:06d}, Class: 0.{i + 1:06d}, Obj: 0.5, No Obj: 0.0{layer}, "
        f".5R: 1.000000, .75R: 0.{i % 7}00000,  count: 4\n"
        + (f" {i}: 1.{i:03d}, 1.5 avg loss, 0.001 rate, 1.2 seconds, {i * 64} images, "
           f"2.0 hours left\n" if layer == 106 else "")
        for i in range(1, 301) for layer in (82, 94, 106))
    got = [(o.name, o.value, o.step) for o in _obs(text)]
    assert ("Region_94_Avg_IOU", 0.0003, 299) in got
    assert ("Region_106_.75R", 0.6, 299) in got
    assert ("loss", 1.3, 300) in got
    assert {n for n, _, _ in got} == {
        f"Region_{layer}_{key}" for layer in (82, 94, 106)
        for key in ("Avg_IOU", "Class", "Obj", "No_Obj", ".5R", ".75R")} | {
        "loss", "avg_loss", "rate", "seconds"}

"""Round ``tune95`` (session 95). Each test of a rule fails on 028ced0e (this session's
start); the guards pin what must not change."""

from __future__ import annotations

from parsed import named, names

_SUMMARY = (
    " Average Precision  (AP) @[ IoU=0.50:0.95 | area=   all | maxDets=100 ] = 0.432\n"
    " Average Precision  (AP) @[ IoU=0.50      | area=   all | maxDets=100 ] = 0.617\n"
    " Average Recall     (AR) @[ IoU=0.50:0.95 | area=   all | maxDets=100 ] = 0.651\n")
_COPYPASTE = "08/24 02:15:08 - mmengine - INFO - bbox_mAP_copypaste: 0.432 0.617 0.468\n"


def test_coco_summary_cut_after_mmdetection_copypaste_keeps_its_rows() -> None:
    # MMDetection's "bbox_mAP_copypaste:" line is six unnamed values; its named keys come on
    # the next line. A log that ends (or a run that dies) after the copypaste has the rows
    # alone: they are recorded (before: dropped at the copypaste, nothing was left)
    assert named(_SUMMARY + _COPYPASTE) == [
        ("Average Precision (AP) @[IoU=0.50:0.95|area=all|maxDets=100]", 0.432, None, None),
        ("Average Precision (AP) @[IoU=0.50|area=all|maxDets=100]", 0.617, None, None),
        ("Average Recall (AR) @[IoU=0.50:0.95|area=all|maxDets=100]", 0.651, None, None)]


def test_coco_summary_dropped_when_mmdetection_keys_follow_the_copypaste() -> None:
    # guard: the framework's own keys after the copypaste record the quantities (each once)
    val = ("08/24 02:15:08 - mmengine - INFO - Epoch(val) [1][625/625]    coco/bbox_mAP: 0.4320"
           "  coco/bbox_mAP_50: 0.6170  data_time: 0.0019  time: 0.0498\n")
    assert [n for n, *_ in named(_SUMMARY + _COPYPASTE + val)] == [
        "coco/bbox_mAP", "coco/bbox_mAP_50", "val_data_time", "val_time"]
    mmdet2 = ("2020-11-11 21:44:02,551 - mmdet - INFO - Epoch(val) [1][625]\tbbox_mAP: 0.4320, "
              "bbox_mAP_50: 0.6170\n")
    assert names(_SUMMARY + _COPYPASTE + "Evaluating segm...\n" + mmdet2) == {
        "bbox_mAP", "bbox_mAP_50"}


def test_weak_pair_before_a_key_of_two_or_three_words() -> None:
    # "loss 0.5" with no colon, then a key of words with one ("peak memory:", "max memory
    # allocated:", "GPU mem:", "learning rate:"): the value before the key ended its own
    # pair (before: "loss" was dropped, read as prose running into the next key)
    text = ("step 10 loss 0.5 peak memory: 920 MB\n"
            "step 20 loss 0.4 max memory allocated: 930 MB\n"
            "step 30 acc 0.8 GPU mem: 9.2 GB\n")
    assert named(text) == [
        ("loss", 0.5, 10, None), ("peak_memory", 920.0, 10, None),
        ("loss", 0.4, 20, None), ("max_memory_allocated", 930.0, 20, None),
        ("acc", 0.8, 30, None), ("GPU_mem", 9.2, 30, None)]


def test_prose_number_before_words_and_a_colon_stays_out() -> None:
    # guard: a number in a sentence that runs into a key of words is no pair
    assert names("Epoch 3 took 5 files to load: a\n") == set()
    assert names("Found 12 images in folder: data/train\n") == set()


def test_record_prefix_with_a_bracketed_logger_and_line_names_no_value() -> None:
    # lm-evaluation-harness's "%(asctime)s %(levelname)-8s [%(name)s:%(lineno)d] " with
    # datefmt "%Y-%m-%d:%H:%M:%S" (the date and the time joined by a colon): before, the
    # logger "evaluator" was a metric of value 589 (the line number)
    text = ("2026-12-06:12:38:14 INFO     [evaluator:589] Running loglikelihood requests\n"
            "2026-12-06:12:38:14 INFO     [evaluator_utils:496]   Task: quiz_a (quiz.yaml)\n"
            "2026-12-06 12:38:15 INFO     [evaluator:214] Setting random seed to 0\n")
    assert names(text) == set()
    # the message after such a prefix reads as printed alone
    assert named("2026-12-06:12:38:16 INFO     [trainer:88] step 3 loss: 0.25\n") == [
        ("loss", 0.25, 3, None)]


def test_vram_is_a_memory_word() -> None:
    # "Peak VRAM: 920 MB (0.9 GB)" after training, as "Peak memory: ..." (before: VRAM was no
    # metric's word, and a closing line of one value under it was left out)
    text = "epoch 1 loss 0.5\nepoch 2 loss 0.4\nInference peak VRAM: 920 MB (0.9 GB)\n"
    assert named(text)[-1] == ("Inference_peak_VRAM", 920.0, None, None)


def test_bracketed_key_before_its_value() -> None:
    # "[lr] 0.0002", "[val] -0.599", "[topic_diversity] 0.93": brackets mark a key as a colon
    # would (before: a bracketed word was a key only before ":" or "=", or a step's word)
    assert named("step 5 [lr] 0.001 [loss] 0.5\n") == [
        ("lr", 0.001, 5, None), ("loss", 0.5, 5, None)]
    assert named("* [epoch] 3   [val] -0.599 [test] -0.608\n") == [
        ("val", -0.599, None, 3), ("test", -0.608, None, 3)]
    assert named("[topic_diversity] 0.93 (from 1 runs)\n") == [
        ("topic_diversity", 0.93, None, None)]
    # a bracketed key is a field of its own: no phase from a tag before it
    assert names("[val] loss=5.310, acc=0.21 [lr] 0.00020 [grad_norm] 0.3287\n") == {
        "val_loss", "val_acc", "lr", "grad_norm"}


def test_bracketed_tags_labels_and_codes_stay_out() -> None:
    # guard: a level's or a rank's tag, a label's index, an exit code are no keys
    assert names("[INFO] 12 files\n[rank0] 0.5\n[return_code] 0\n[GPU] 0\n") == set()
    assert names("[fold_0] 039/200: 100%|###| 4/4 [00:07<00:00,  1.26s/it]\n") == set()


def test_top_k_before_its_colon_names_the_value() -> None:
    # SimCLR's "[Iter 10] Loss: 0.68 Top 1: 0.84": "Top 1" is the name (before: the 1 read
    # as a value of "Top", the accuracy left unnamed); a phase word before it prefixes it
    assert named("[Iter 10] Loss: 0.6765 Top 1: 0.84375\n") == [
        ("Loss", 0.6765, 10, None), ("Top_1", 0.84375, 10, None)]
    assert names("Test Top 5 = 0.97\n") == {"test_Top_5"}
    # guard: a running best stays out
    assert names("Best Top 1: 0.9\n") == set()


def test_keras_metric_named_like_a_setting_kept_beside_its_validation_twin() -> None:
    # TensorFlow's imbalanced-data tutorial compiles TruePositives(name="tp"): Keras prints
    # "tp: 3.0000 ... val_tp: 1.0000"; "tp" alone is a tensor-parallel degree (denied), but
    # its val_ twin on the line says it is a compiled metric (before: tp left out, val_tp in)
    line = ("7/7 - 0s - 40ms/step - accuracy: 0.5581 - fn: 6.0000 - loss: 1.0573 - tp: 5.0000"
            " - val_accuracy: 0.6275 - val_loss: 0.6638 - val_tp: 5.0000\n")
    assert "tp" in names("Epoch 5/5\n" + line)
    # guard: a parallelism setting alone stays out
    assert names("tp: 8, pp: 2, dp: 4\n") == set()


def test_a_phase_joined_to_the_epoch_key_is_the_epoch_and_the_phase() -> None:
    # "Valid-Epoch: 0, Loss: 1.63", "val_epoch: 3": the phase's pass over the epoch, read as
    # "Valid Epoch: 0" is (before: a metric "Valid-Epoch" of value 0, the loss unphased)
    assert named("Valid-Epoch: 0, Loss: 1.6282\n") == [("valid_loss", 1.6282, None, 0)]
    assert named("val_epoch: 3, loss: 0.5\n") == [("val_loss", 0.5, None, 3)]
    # a training's takes no phase, as ever
    assert named("Train-Epoch: 3, Loss: 0.5\n") == [("Loss", 0.5, None, 3)]


def test_a_classification_reports_support_is_a_count() -> None:
    # "Support" (scikit-learn's and CRFsuite's column: how many true items a class has) is
    # a count, never a metric (before: recorded from a report's last row)
    assert names("epoch 1 support: 120 acc: 0.9\n") == {"acc"}


def test_statistics_under_a_quantitys_heading_are_named_by_both() -> None:
    # OpenVINO's benchmark_app: "Latency:" over "   Median:   4.13 ms" ... (before: a bare
    # statistic, said of nothing, left out); its "[Step 4/11] Reading model files" stages
    # are no steps (before: the report at step 11)
    text = ("[Step 10/11] Measuring performance (Start inference synchronously, limits: 200"
            " iterations)\n[ INFO ] First inference took 6.72 ms\n"
            "[Step 11/11] Dumping statistics report\n[ INFO ] Duration:         853.85 ms\n"
            "[ INFO ] Latency:\n[ INFO ]    Median:        4.13 ms\n"
            "[ INFO ]    Max:           5.13 ms\n[ INFO ] Throughput:   234.23 FPS\n")
    assert sorted(named(text)) == [
        ("Duration", 853.85, None, None), ("Latency_Max", 5.13, None, None),
        ("Latency_Median", 4.13, None, None), ("Throughput", 234.23, None, None)]
    # guard: a statistic under a heading that names no quantity stays bare (and out)
    assert names("Settings:\n   Max:   5\n") == set()
    # guard: a counted step's line that reports values is a step
    assert named("[Step 3/10] Training loss: 0.5\n") == [("training_loss", 0.5, 3, None)]

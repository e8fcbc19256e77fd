"""Round ``tune24`` (session 32). Each test of a new form fails on the parser before the
round (8d04c26); each guard fails on the round's rule without its check."""

from __future__ import annotations

from parsed import named as _named
from parsed import obs as _obs


def test_a_keras_bar_render_before_a_zero_padded_callback_line_is_no_epoch_value() -> None:
    # ModelCheckpoint prints "Epoch 00049:" (zero-padded) between a render of the bar and
    # the finished bar: the same epoch, so the render is still superseded (Keras' History
    # keeps one value an epoch: the finished bar's)
    text = ("Epoch 49/50\n"
            "45/46 [============================>.] - ETA: 0s - loss: 0.2111 - acc: 0.9285\n"
            "Epoch 00049: val_acc did not improve\n"
            "46/46 [==============================] - 12s 272ms/step - loss: 0.2134"
            " - acc: 0.9280 - val_loss: 4.4084\n")
    assert _named(text) == [("loss", 0.2134, None, 49), ("acc", 0.928, None, 49),
                            ("val_loss", 4.4084, None, 49)]
    # the next epoch's line still ends the hold: the render was that epoch's last word
    cut = text.rsplit("46/46", 1)[0] + "Epoch 00050: saving model\n"
    assert _named(cut)[:2] == [("loss", 0.2111, None, 49), ("acc", 0.9285, None, 49)]


_COCO = """\
 Average Precision  (AP) @[ IoU=0.50:0.95 | area=   all | maxDets=100 ] = 0.026
 Average Precision  (AP) @[ IoU=0.50      | area=   all | maxDets=100 ] = 0.097
 Average Precision  (AP) @[ IoU=0.75      | area=   all | maxDets=100 ] = 0.006
 Average Precision  (AP) @[ IoU=0.50:0.95 | area= small | maxDets=100 ] = 0.027
 Average Recall     (AR) @[ IoU=0.50:0.95 | area=   all | maxDets=  1 ] = 0.061
 Average Recall     (AR) @[ IoU=0.50:0.95 | area=   all | maxDets= 10 ] = 0.124
"""
_AP, _AR = "Average Precision (AP) @", "Average Recall (AR) @"
_COCO_NAMES = [_AP + "[IoU=0.50:0.95|area=all|maxDets=100]",
               _AP + "[IoU=0.50|area=all|maxDets=100]",
               _AP + "[IoU=0.75|area=all|maxDets=100]",
               _AP + "[IoU=0.50:0.95|area=small|maxDets=100]",
               _AR + "[IoU=0.50:0.95|area=all|maxDets=1]",
               _AR + "[IoU=0.50:0.95|area=all|maxDets=10]"]


def test_pycocotools_summary_rows_are_metrics_named_by_their_query() -> None:
    # PaddleDetection, DETR, YOLOX print the summary alone: it is the evaluation's record
    # (rows of one shape, "IoU=0.50" and "IoU=0.75", are two names)
    text = ("Epoch: [1] [400/464] loss: 22.48\nEvaluate annotation type *bbox*\n" + _COCO
            + "Total sample number: 232, average FPS: 9.25\n")
    found = _named(text)
    assert [(n, v) for n, v, _, _ in found if "@[" in n] == list(zip(
        _COCO_NAMES, [0.026, 0.097, 0.006, 0.027, 0.061, 0.124], strict=True))
    assert {e for n, _, _, e in found if "@[" in n} == {1}
    # after the boxes' summary, the masks': named by pycocotools' (or DETR's) type line
    masks = _named("IoU metric: bbox\n" + _COCO + "IoU metric: segm\n" + _COCO)
    assert [n for n, *_ in masks] == _COCO_NAMES + ["segm_" + n for n in _COCO_NAMES]
    # a summary's row alone, at the end of the output, is still recorded
    assert _named(_COCO.splitlines()[0] + "\n") == [(_COCO_NAMES[0], 0.026, None, None)]


def test_a_summary_that_the_framework_records_again_under_its_own_names_is_dropped() -> None:
    # Detectron2: the summary, then "Evaluation results for bbox:" and copypaste lines
    detectron = _named(
        _COCO + "[d2.evaluation.coco_evaluation]: Evaluation results for bbox: \n"
        "| AP | AP50 |\n|:--:|:--:|\n| 2.600 | 9.700 |\n"
        "[d2.evaluation.testing]: copypaste: Task: bbox\n"
        "[d2.evaluation.testing]: copypaste: AP,AP50\n"
        "[d2.evaluation.testing]: copypaste: 2.6003,9.7012\n")
    assert [n for n, *_ in detectron] == ["bbox/AP", "bbox/AP50"]
    # MMDetection: the summary, then "bbox_mAP_copypaste:" and its own keys
    mmdet = _named("Evaluating bbox...\n" + _COCO + "\n"
                   "2024-04-21 21:11:58 - mmengine - INFO - bbox_mAP_copypaste: 0.026 0.097\n"
                   "Epoch(val) [1][8/8]  coco/bbox_mAP: 0.0260  coco/bbox_mAP_50: 0.0970\n")
    assert [n for n, *_ in mmdet] == ["coco/bbox_mAP", "coco/bbox_mAP_50"]


def test_a_line_of_whole_numbers_under_names_that_measure_nothing_is_settings() -> None:
    # PaddlePaddle's fleet topology, a data set's sizes: counts and settings, no metric
    assert _obs("2021-11-23 20:45:42,845-INFO: [topology.py:169:__init__] HybridParallelInfo: "
                "rank_id: 0, mp_degree: 1, sharding_degree: 1, pp_degree: 1, dp_degree: 2, "
                "mp_group: [0],  sharding_group: [0]\n") == []
    assert _obs("total_sample: 4096, postive_sample: 2048, negative_sample: 2048\n") == []
    # whole numbers under a measure's name stay metrics: games won against a baseline,
    # a loss printed as an integer, a fraction among the counts
    assert [n for n, *_ in _named("num_playouts:5000, win: 8, lose: 2, tie:0\n")] == [
        "win", "lose", "tie"]
    assert [n for n, *_ in _named("errors: 3, total: 100\n")] == ["errors"]
    assert [n for n, *_ in _named("kl: 3, lr_multiplier: 1, entropy: 0.5\n")] == [
        "kl", "lr_multiplier", "entropy"]

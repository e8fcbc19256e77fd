"""Round ``tune58`` (session 66): forms of held-out sets once each was scored (detection,
video, federated and continual learning first). Each test of a rule fails on the parser
before the round (bf571948); each guard fails on the rule without its check (mutation-checked),
but the one of a label over one field's pairs, behaviour the round's rules leave alone."""

from __future__ import annotations

from parsed import named, names

_COCO_BBOX = (
    "Evaluate annotation type *bbox*\n"
    "DONE (t=0.84s).\n"
    " Average Precision  (AP) @[ IoU=0.50:0.95 | area=   all | maxDets=100 ] = 0.029\n"
    " Average Recall     (AR) @[ IoU=0.50:0.95 | area=   all | maxDets=100 ] = 0.394\n")


def test_mmdet2_summary_rows_wait_for_its_own_record_a_few_lines_on() -> None:
    """MMDetection 2 prints pycocotools' bbox rows, then messages ("Evaluating segm...", a
    warning, "Loading and preparing results...") and the segm rows, and only then its own
    ``Epoch(val)`` record with ``bbox_mAP_copypaste``: every row is that record again."""
    text = ("2021-12-21 21:56:23,045 - mmdet - INFO - Evaluating segm...\n"
            "/mmdet/datasets/coco.py:450: UserWarning: The key \"bbox\" is deleted.\n"
            "  warnings.warn(\n"
            "Loading and preparing results...\n"
            "Evaluate annotation type *segm*\n"
            " Average Precision  (AP) @[ IoU=0.50:0.95 | area=   all | maxDets=100 ] = 0.011\n"
            "2021-12-21 21:56:24,155 - mmdet - INFO - Exp name: mask_rcnn_r50_fpn.py\n"
            "2021-12-21 21:56:24,156 - mmdet - INFO - Epoch(val) [1][764]    bbox_mAP: 0.0290, "
            "bbox_mAP_copypaste: 0.029 0.041, segm_mAP: 0.0110, segm_mAP_copypaste: 0.011\n")
    assert named(_COCO_BBOX + text) == [("bbox_mAP", 0.029, None, 1),
                                        ("segm_mAP", 0.011, None, 1)]
    # tools/test.py's closing OrderedDict holds the copypaste as a tuple's string
    text = ("OrderedDict([('bbox_mAP', 0.029), ('bbox_mAP_copypaste', '0.029 0.041')])\n")
    assert named(_COCO_BBOX + text) == [("bbox_mAP", 0.029, None, None)]


def test_summary_rows_without_a_record_of_the_framework_stay() -> None:
    """Guard: rows followed by messages and then a line of other values (no copypaste) are
    the only record of the evaluation, and a heading over values ("Eval results:") ends
    the wait at once."""
    rows = {"Average Precision (AP) @[IoU=0.50:0.95|area=all|maxDets=100]",
            "Average Recall (AR) @[IoU=0.50:0.95|area=all|maxDets=100]"}
    text = _COCO_BBOX + "Loading and preparing results...\nEpoch 3 loss: 0.52\n"
    assert rows <= names(text)
    text = _COCO_BBOX + "Eval results:\nOrderedDict([('bbox_mAP_copypaste', '0.029')])\n"
    assert rows <= names(text)


def test_mmcv_progress_bar_count_rate_and_times_are_the_bars() -> None:
    """mmcv's ProgressBar (``[>>>] 764/764, 8.9 task/s, elapsed: 86s, ETA:     0s``) draws
    the evaluation's progress: no metric; a log record glued to its end is read."""
    text = ("[>>>>>>>>>>>>>>>>>>>>>>>>>] 764/764, 8.9 task/s, elapsed: 86s, ETA:     0s\n"
            "[>>>>>>>>>>>>>>>>>>>>>>>>>] 143/143, 27.5 task/s, elapsed: 5s, ETA:     0s"
            "2021-04-07 22:17:35,967 - mmseg - INFO - Iter(val) [143]\taAcc: 0.9, mIoU: 0.5\n")
    assert named(text) == [("aAcc", 0.9, 143, None), ("mIoU", 0.5, 143, None)]
    # guard: a rate and an elapsed time of a line of the run's own are kept
    assert names("step 5, 8.9 samples/s, elapsed: 86s, ETA:     10s, loss: 0.5\n") == {
        "samples/s", "elapsed", "loss"}


def test_a_phase_field_with_its_time_labels_the_lines_pipe_fields() -> None:
    """computervision-recipes' VideoLearner: ``train took 25.95 sec | loss = 0.7499 |
    top1_acc = 37.7778``; the phase word opening the first field labels every field, and
    its duration is the phase's time (``train_took``), kept beside the line's values."""
    text = ("Epoch 1 =========================================================\n"
            "train took 25.95 sec | loss = 0.7499 | top1_acc = 37.7778  \n"
            "valid took 4.19 sec | loss = 0.6487 | top1_acc = 53.3333  \n")
    assert named(text) == [("train_took", 25.95, None, 1), ("train_loss", 0.7499, None, 1),
                           ("train_top1_acc", 37.7778, None, 1),
                           ("valid_took", 4.19, None, 1), ("valid_loss", 0.6487, None, 1),
                           ("valid_top1_acc", 53.3333, None, 1)]


def test_a_label_over_one_fields_pairs_still_ends_at_its_pipe() -> None:
    """Guard: ``Val: loss = 1.7, acc = 0.5 | Time: 16.7`` labels only its own field, and a
    one-off duration beside other values that no phase took stays out."""
    assert names("Val: loss = 1.7, acc = 0.5 | Time: 16.7\n") == {"val_loss", "val_acc",
                                                                  "Time"}
    assert names("CV Fold 1 rmse:0.72157 - 2190 rounds - it took 119 secs\n") == {"rmse"}


def test_textattack_results_box_keys_with_colons_and_percentages() -> None:
    """TextAttack's ``Attack Results`` box: ``| Original accuracy: | 100.0% |`` rows (a
    key's colon, a percentage); its counts stay out."""
    text = ("+-------------------------------+--------+\n"
            "| Attack Results                |        |\n"
            "+-------------------------------+--------+\n"
            "| Number of successful attacks: | 2      |\n"
            "| Original accuracy:            | 100.0% |\n"
            "| Accuracy under attack:        | 0.0%   |\n"
            "| Average perturbed word %:     | 25.0%  |\n"
            "+-------------------------------+--------+\n")
    assert named(text) == [("Original_accuracy", 100.0, None, None),
                           ("Accuracy_under_attack", 0.0, None, None),
                           ("Average_perturbed_word_%", 25.0, None, None)]


def test_a_colon_keyed_box_of_arguments_is_a_configuration() -> None:
    """Guard: ``|  dropout:|  0.1|`` rows beside ``|  device:|  cuda:0|`` are a printed
    configuration (a device's name is a setting's value)."""
    text = ("=============== model args =================\n"
            "|             dropout:|                 0.1|\n"
            "|              device:|              cuda:0|\n"
            "|                 gap:|                   3|\n"
            "--------------------------------------------\n")
    assert named(text) == []


def test_a_closing_total_time_after_the_training_said_it_is_over() -> None:
    """Deep Netts' ``TRAINING COMPLETED`` then ``Total Training Time: 1877ms``: a timing
    after the run's last step is its total, kept; one before any step (start-up) is not."""
    text = ("Loading data took 3.2 seconds\n"
            "Epoch:1, Time:1ms, TrainError:0.04\n"
            "Epoch:2, Time:1ms, TrainError:0.03\n\n"
            "TRAINING COMPLETED\n"
            "Total Training Time: 1877ms\n")
    assert named(text) == [("Time", 1.0, None, 1), ("TrainError", 0.04, None, 1),
                           ("Time", 1.0, None, 2), ("TrainError", 0.03, None, 2),
                           ("Total_Training_Time", 1877.0, None, None)]
    # guard: "training completed" with no step before it says nothing of a run's end
    assert named("Training completed\nTotal Training Time: 1877ms\nEpoch 1 loss 0.5\n") == [
        ("loss", 0.5, None, 1)]


def test_monai_closing_best_metric_at_its_epoch_is_a_running_best() -> None:
    """MONAI's tutorials close with ``train completed, best_metric: 0.2 at epoch: 2``: the
    best epoch's value again, no new observation (its per-epoch lines are kept)."""
    text = ("epoch 1 average loss: 0.5\n"
            "current epoch: 1 current mean dice: 0.1 best mean dice: 0.1 at epoch: 1\n"
            "epoch 2 average loss: 0.4\n"
            "current epoch: 2 current mean dice: 0.2 best mean dice: 0.2 at epoch: 2\n"
            "train completed, best_metric: 0.2 at epoch: 2\n")
    assert names(text) == {"average_loss", "current_mean_dice"}
    # guard: a line that says it completed an epoch reports that epoch's values
    assert names("epoch 3 completed, best_acc: 0.9, loss: 0.2\n") >= {"loss"}


def test_a_record_prefix_of_stamp_and_source_file() -> None:
    """incremental_learning.pytorch logs ``%Y-%m-%d:%H:%M:%S [train.py]: message``: the
    prefix is no label, the message's phrase is the name."""
    text = (" 2021-10-19:23:12:49 [train.py]: Avg inc acc: 0.2775882352941177.\n"
            " 2021-10-19:23:12:49 [train.py]: Old accuracy: 0.18, mean: 0.26.\n")
    assert named(text) == [("Avg_inc_acc", 0.2775882352941177, None, None),
                           ("Old_accuracy", 0.18, None, None), ("mean", 0.26, None, None)]

"""Mechanisms found by tuning on set D (tests/data/heldout4) and sets A-C again: each test
names the general rule, with short lines of the shape, not the logs it came from."""

from __future__ import annotations

from parsed import named as found

from exptrack.metrics import MetricParser
from exptrack.metrics.columns import Block, observations

BAR = "━" * 12
VAL_HEADER = ("                 Class     Images  Instances      Box(P          R      mAP50"
              f"  mAP50-95): 100% {BAR} 5/5 2.0it/s 2.5s\n")
TRAIN_HEADER = "      Epoch    GPU_mem   box_loss   cls_loss   dfl_loss  Instances       Size\n"


def row(label: str, *cells: object) -> str:
    """A line as Ultralytics prints it: the label 22 wide, then cells 11 wide each."""
    return f"{label:>22}" + "".join(f"{cell:>11}" for cell in cells) + "\n"


def test_ultralytics_output_without_its_banner_is_read_from_its_table_headers() -> None:
    """An excerpt that starts mid-training (its first line a validation header whose epoch
    is before the excerpt): the `all` row's counts are not the train header's losses."""
    epoch = (row("13/20", "8.07G", 1.674, 1.257, 1.646, 23, 512)[11:-1]
             + f": 100% {BAR} 86/86 1.5it/s 56.2s\n")
    text = (VAL_HEADER + row("all", 260, 573, 0.736, 0.604, 0.688, 0.319) + "\n"
            + TRAIN_HEADER + epoch
            + VAL_HEADER + row("all", 260, 573, 0.722, 0.593, 0.689, 0.317)
            + row("person", 100, 300, 0.8, 0.7, 0.75, 0.4))
    # (sorted: "P" and "R", printed before the run's first epoch under names that say no
    # measure, are held until they come again, ``prerun``)
    assert sorted(found(text)) == sorted([
        ("P", 0.736, None, None), ("R", 0.604, None, None), ("mAP50", 0.688, None, None),
        ("mAP50-95", 0.319, None, None),
        ("GPU_mem", 8.07, None, 13), ("box_loss", 1.674, None, 13),
        ("cls_loss", 1.257, None, 13), ("dfl_loss", 1.646, None, 13),
        ("P", 0.722, None, 13), ("R", 0.593, None, 13), ("mAP50", 0.689, None, 13),
        ("mAP50-95", 0.317, None, 13)])


def test_a_validation_header_cut_at_the_terminal_width_without_an_ellipsis() -> None:
    text = (TRAIN_HEADER + row("13/30", "13.1G", 1.822, 21.96, 0.5235, 9, 576)[11:-1]
            + ": 100%|█\n"
            + row("Class", "Images", "Instances", "Box(P", "R", "mAP50", "mAP50-").rstrip()
            + "\n" + row("all", 48, 28, 0.1, 0.2, 0.3, 0.4))
    assert [(n, v) for n, v, *_ in found(text)][-4:] == [
        ("P", 0.1), ("R", 0.2), ("mAP50", 0.3), ("mAP50-95", 0.4)]


def test_a_header_cell_ending_in_a_function_word_is_text_not_a_name() -> None:
    text = ("   Class    Images    Targets so is        P        R\n"
            "     all       281    1.55e+03        0.23    0.328\n")
    assert [n for n, *_ in found(text)] == ["P", "R"]


def test_a_line_opening_with_its_iteration_counter_takes_it_as_the_step() -> None:
    text = ("12/500 (epoch 0.024), train_loss = 2.48, grad/param norm = 7.6e-02, "
            "time/batch = 0.168s\n")
    assert found(text) == [("train_loss", 2.48, 12, 0.024), ("grad/param_norm", 0.076, 12, 0.024),
                           ("time/batch", 0.168, 12, 0.024)]
    # a bar's count or a table row's is not such a line
    assert [s for _, _, s, _ in found("  32/60000 [==>....] - ETA: 0s - loss: 0.31\n")] == [None]


def test_a_progress_unit_under_time_is_a_duration_when_its_value_has_a_time_unit() -> None:
    assert found("step 3, loss = 0.5, time/batch = 0.17s\n")[-1] == ("time/batch", 0.17, 3, None)
    assert [n for n, *_ in found("step 3, loss = 0.5, time/batch = 365\n")] == ["loss"]


def test_phase_words_before_a_name_are_kept_as_printed() -> None:
    assert [n for n, *_ in found("Epoch: 1 \tTraining Loss: 0.18 \tValidation Loss: 0.07\n")] \
        == ["training_loss", "validation_loss"]
    assert [n for n, *_ in found("epoch 2, train loss: 0.4, val loss: 0.5\n")] == [
        "train_loss", "val_loss"]
    # a possessive is part of the name
    assert [n for n, *_ in found("Iteration:7, training's log loss: 0.0046\n"
                                 "Iteration:7, training's auc: 0.98\n")] == [
        "training_log_loss", "training_auc"]


def test_finished_n_iteration_is_the_step_a_line_reports() -> None:
    assert found("[LightGBM] [Info] 2.43 seconds elapsed, finished 998 iteration\n") == [
        ("elapsed", 2.43, 998, None)]


def test_step_counters_and_queue_sizes_are_not_metrics() -> None:
    table = ("---------------------------\n| fps              | 49      |\n"
             "| nupdates         | 77      |\n| serial_timesteps | 2487    |\n"
             "| total_timesteps  | 1166    |\n| value_loss       | 0.27    |\n"
             "---------------------------\n")
    assert found(table) == [("fps", 49, 1166, None), ("value_loss", 0.27, 1166, None)]
    assert [n for n, *_ in found('json_stats: {"iter": 5, "loss": 0.02, "mb_qsize": 64}\n')] \
        == ["loss"]


def test_a_bracketed_round_after_a_log_level_is_the_step() -> None:
    assert found("10:06:44,669 INFO [16]\ttrain-logloss:0.0039\teval-logloss:0.54\n") == [
        ("train-logloss", 0.0039, 16, None), ("eval-logloss", 0.54, 16, None)]


def test_a_line_with_its_epoch_and_no_step_reports_the_epoch() -> None:
    """Hugging Face's ``{'loss': ..., 'epoch': 0.04}`` after a DeepSpeed ``step=2000`` line:
    the dict's values belong to its epoch, not to the other line's step."""
    text = ("[INFO] [logging.py:69:log_dist] [Rank 0] step=2000, skipped=3, lr=[0.001]\n"
            "{'loss': 0.5, 'learning_rate': 0.001, 'epoch': 0.04}\n"
            "{'loss': 0.4, 'learning_rate': 0.001, 'epoch': 0.06}\n"
            "{'loss': 0.3, 'learning_rate': 0.001, 'epoch': 0.08}\n")
    assert found(text)[-2:] == [("loss", 0.3, None, 0.08), ("learning_rate", 0.001, None, 0.08)]
    # the recorder's path reads the three same-shape lines as one column block
    segments = MetricParser().feed_segments(text.encode())
    assert isinstance(segments[-1], Block)
    assert observations(segments[-1])[-1] == ("learning_rate", 0.001, None, 0.08)


def test_a_step_key_after_a_slash_following_a_number() -> None:
    line = "[timer.py:215:stop] epoch=0/micro_step=5/global_step=6, SamplesPerSec=7.92\n"
    assert found(line) == [("SamplesPerSec", 7.92, 6, 0)]


def test_a_value_in_angle_brackets_is_the_value() -> None:
    assert found("INFO:  Iteration: 17, Loss: <0.2098>\n") == [("Loss", 0.2098, 17, None)]
    assert found("iteration 3: loss=[0.25]\n") == [("loss", 0.25, 3, None)]


def test_a_unit_in_parentheses_after_a_column_name_is_not_part_of_it() -> None:
    rule = "+------------+----------------+-------------------------+\n"
    text = (rule + "| Iteration  | Training Loss  | Elapsed Time (seconds)  |\n" + rule
            + "| 1          | 2.931          | 17.959                  |\n" + rule)
    assert found(text) == [("Training_Loss", 2.931, 1, None), ("Elapsed_Time", 17.959, 1, None)]


def test_a_total_with_a_time_unit_is_the_elapsed_time() -> None:
    line = "100:\tlearn: 0.1697\ttest: 0.1530\tbest: 0.1530 (100)\ttotal: 3.7s\tremaining: 33s\n"
    assert [(n, v) for n, v, *_ in found(line)] == [("learn", 0.1697), ("test", 0.153),
                                                     ("total", 3.7)]
    assert [n for n, *_ in found("step 3: loss 0.5, total: 412\n")] == ["loss"]


def test_a_dotted_module_with_a_line_number_is_a_source_location() -> None:
    line = ("2021-10-11 14:38:12 | INFO | yolox.core.trainer:246 - epoch: 1/80, iter: 5/57, "
            "mem: 6736Mb, total_loss: 14.0\n")
    assert found(line) == [("mem", 6736, 5, 1), ("total_loss", 14.0, 5, 1)]


def test_a_markdown_table_pasted_without_its_edges() -> None:
    text = ("Step | Training Loss | Validation Loss | Accuracy\n-- | -- | -- | --\n"
            "10 | 0.698400 | 0.497485 | 0.813416\n20 | 0.394700 | 0.291701 | 0.913778\n")
    assert found(text)[-3:] == [("Training_Loss", 0.3947, 20, None),
                                ("Validation_Loss", 0.291701, 20, None),
                                ("Accuracy", 0.913778, 20, None)]


def test_a_table_whose_columns_are_phases() -> None:
    prefix = "2019-02-01 01:29:07,229 - INFO - allennlp.training.trainer - "
    text = (prefix + "Epoch 3/19\n"
            + prefix + "                  Training |  Validation\n"
            + prefix + "accuracy      |     0.711  |     0.836\n"
            + prefix + "cpu_memory_MB |   757.584  |       N/A\n"
            + prefix + "Epoch duration: 01:11:54\n")
    assert found(text) == [("training_accuracy", 0.711, None, 3),
                           ("validation_accuracy", 0.836, None, 3),
                           ("training_cpu_memory_MB", 757.584, None, 3)]


def test_a_bare_unit_or_a_parallelism_rank_is_no_name() -> None:
    line = "13:47:27 [INFO|DP=0|PP=0|TP=0|ip-26]: iteration: 991 / 1000 | lm_loss: 10.6\n"
    assert found(line) == [("lm_loss", 10.6, 991, None)]
    assert found("step 4 | Peak CPU memory usage MB: 757.584 | loss: 0.3\n") == [
        ("loss", 0.3, 4, None)]


def test_a_phase_key_with_no_value_labels_nothing_after_it() -> None:
    line = "Epoch 1 | iter 46 step 1 | loss train: 3.724, val: n/a | iter time: 45.73 ms\n"
    assert [n for n, *_ in found(line)] == ["loss_train", "iter_time"]


def test_a_weak_pair_may_end_a_sentence() -> None:
    assert found("Epoch 10: val loss: 1.953 val acc 0.160.\n") == [
        ("val_loss", 1.953, None, 10), ("val_acc", 0.16, None, 10)]


def test_a_phase_word_opening_a_line_prefixes_every_name_on_it() -> None:
    assert [n for n, *_ in found("train Loss: 2.4752 Top-1 Acc: 4.8644 Top-5 Acc: 29.16\n")] \
        == ["train_loss", "train_Top-1_Acc", "train_Top-5_Acc"]
    # not when the line names its phases key by key
    assert [n for n, *_ in found("Train Loss: 1.45 | Train Acc: 47.2 | LR: 0.1000\n")] == [
        "train_loss", "train_acc", "LR"]


def test_a_label_with_its_number_is_no_name() -> None:
    assert found("resnet-50: 8.223 GFlops - 97.492 MB\n") == []
    assert [n for n, *_ in found("step 3: ROUGE-2: 0.21, top-1: 0.7\n")] == ["ROUGE-2", "top-1"]


def test_the_rows_of_a_markdown_table_are_labelled() -> None:
    text = "|  category  | #instances   |\n|:----------:|:-------------|\n|  balloon   | 255  |\n"
    assert found(text) == []
    text = "|  metric  | value   |\n|:--------:|:--------|\n|  accuracy  | 0.91  |\n"
    assert found(text) == [("accuracy", 0.91, None, None)]

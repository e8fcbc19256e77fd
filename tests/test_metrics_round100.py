"""Round ``tune100`` (session 100). Each test of a rule fails on 02e6d48b (this session's
start); the guards pin what must not change."""

from __future__ import annotations

from parsed import named

from exptrack.metrics.merge import merge_sources
from exptrack.metrics.observation import Observation


def test_a_tqdm_redraw_padded_with_a_space_is_no_other_format() -> None:
    # implicit's ALS bar: tqdm's update frame shows the old loss at the new count, then the
    # step's own value, a character shorter and padded with a space after "]" (before: read
    # as another format's print of 0.0461 rounded, and step 14 lost)
    text = (" 87%|████████▋ | 13/15 [00:00<00:00, 23.18it/s, loss=0.0461]\r"
            " 93%|█████████▎| 14/15 [00:00<00:00, 23.64it/s, loss=0.0461]\r"
            " 93%|█████████▎| 14/15 [00:00<00:00, 23.64it/s, loss=0.046] \r"
            "100%|██████████| 15/15 [00:00<00:00, 23.64it/s, loss=0.045]\n")
    assert [(n, v, s) for n, v, s, _ in named(text)] == [
        ("loss", 0.0461, 13), ("loss", 0.046, 14), ("loss", 0.045, 15)]


def test_jittors_record_prefix_is_no_step() -> None:
    # Jittor's glog-like "[i MMDD time thread file:line] ": its date is no step and the
    # machine's memory at start-up no metric (before: Total_mem 23.54 at step 1207)
    text = ("\x1b[38;5;2m[i 1207 00:18:56.893319 56 __init__.py:227] Total mem: 23.54GB, "
            "using 7 procs for compiling.\x1b[m\n"
            "[i 1207 00:19:20.019319 80 train.py:40] Iteration 100, loss = 0.5\n"
            "[w 1207 00:19:21.019319 80 train.py:40] Iteration 200, loss = 0.4\n")
    assert [(n, v, s) for n, v, s, _ in named(text)] == [("loss", 0.5, 100), ("loss", 0.4, 200)]


def _rows(name: str, values: list[float], epochs: list[int]) -> list[Observation]:
    return [Observation(name, v, None, e) for v, e in zip(values, epochs, strict=True)]


def test_a_resumed_yolo_run_keeps_its_own_rows_of_results_csv() -> None:
    # train(resume=True) appends epochs 3-4 to the results.csv that holds the interrupted
    # run's epochs 1-2; the resumed run prints epochs 3-4 only (before: the earlier run's
    # rows opened every series of this one)
    file = _rows("box_loss", [6.1, 3.6, 3.57, 3.76], [1, 2, 3, 4]) \
        + _rows("mAP50", [0.0, 0.0, 0.0675, 0.071], [1, 2, 3, 4]) \
        + _rows("val_box_loss", [6.8, 5.2, 3.0, 3.2], [1, 2, 3, 4])
    printed = _rows("box_loss", [3.57, 3.761], [3, 4]) + _rows("mAP50", [0.0675, 0.071], [3, 4])
    printed.append(Observation("mAP50", 0.071, None, None))  # the closing validation of best.pt
    _, merged = merge_sources(printed, [("ultralytics", file)])
    assert [o.epoch for o in merged["box_loss"]] == [3, 4]
    assert [o.epoch for o in merged["val_box_loss"]] == [3, 4]  # (printed nowhere: cut too)
    assert [(o.epoch, o.value) for o in merged["mAP50"]] == [(3, 0.0675), (4, 0.071),
                                                            (None, 0.071)]


def test_a_run_printing_every_other_row_keeps_the_whole_file() -> None:
    # guard: a print every few rows of a file of every row is no resumed run
    file = _rows("loss", [0.9, 0.8, 0.7, 0.6], [1, 2, 3, 4])
    printed = _rows("loss", [0.8, 0.6], [2, 4])
    _, merged = merge_sources(printed, [("ultralytics", file)])
    assert [o.epoch for o in merged["loss"]] == [1, 2, 3, 4]


def test_steps_counted_within_an_epoch_are_no_positions_of_the_files_steps() -> None:
    # open_clip prints "Train Epoch: 1 [ 8/64 (12%)]": the samples of the epoch so far,
    # starting again each epoch; its TensorBoard file keeps the global step (before: the
    # printed values at "step 64" were added after the file's last step, 23)
    text = ("Train Epoch: 0 [ 8/64 (12%)] LR: 0.000250 Loss: 2.1325 (2.1325)\n"
            "Train Epoch: 0 [64/64 (100%)] LR: 0.000946 Loss: 1.0754 (1.6039)\n"
            "Train Epoch: 1 [ 8/64 (12%)] LR: 0.000700 Loss: 0.9000 (0.9000)\n"
            "Train Epoch: 1 [64/64 (100%)] LR: 0.000500 Loss: 0.8000 (0.8500)\n")
    printed = [Observation(n, v, s, e) for n, v, s, e in named(text)]
    assert [o.step for o in printed if o.name == "Loss"] == [8, 64, 8, 64]
    file = [Observation("train/loss", v, s, None)
            for v, s in ((2.13251, 0), (1.07541, 7), (0.90001, 8), (0.80001, 15))]
    _, merged = merge_sources(printed, [("tfevents", file)])
    assert [o.step for o in merged["train/loss"]] == [0, 7, 8, 15]


def test_an_evaluation_tag_naming_its_phase_is_the_printed_names() -> None:
    # open_clip's TensorBoard "val/clip_val_loss", printed "clip_val_loss: 0.7764" (before:
    # two series, the printed one apart)
    printed = [Observation("clip_val_loss", 0.7764, None, 1)]
    file = [Observation("val/clip_val_loss", 0.77641, 1, None)]
    kept, merged = merge_sources(printed, [("tfevents", file)])
    assert kept == [] and [o.value for o in merged["val/clip_val_loss"]] == [0.77641]


def test_torchs_cache_report_is_no_metric() -> None:
    # torch's exit report after a run that compiled nothing, its glog-style lines on stderr
    text = ("I1207 01:32:21.386000 17810 torch/_subclasses/fake_tensor.py:3779]   "
            "cache_hits: 0\n"
            "I1207 01:32:21.386000 17810 torch/_subclasses/fake_tensor.py:3780]   "
            "cache_misses: 0\n")
    assert named(text) == []

"""Round ``zoo83`` (session 83): Hugging Face's closing ``evaluate()``, as its example scripts
print it (zoo case ``hf_log_metrics``, Transformers 5.25). Each test of a rule fails on
001a7749 (this session's start); the guards pin what must not change."""

from __future__ import annotations

from pathlib import Path

from parsed import columns_named, named

from exptrack.metrics import files
from exptrack.metrics.merge import merge_sources
from exptrack.metrics.observation import Observation

# Transformers 5 logs its dicts with four significant digits, as strings; the example scripts
# then print train()'s metrics again, and the closing evaluate()'s, with trainer.log_metrics
_EPOCHS = (
    "{'eval_loss': '0.6834', 'eval_accuracy': '0.9062', 'eval_runtime': '0.0578', "
    "'eval_samples_per_second': '1107', 'eval_steps_per_second': '138.4', 'epoch': '1'}\n"
    "{'eval_loss': '0.1276', 'eval_accuracy': '1', 'eval_runtime': '0.0539', "
    "'eval_samples_per_second': '1187', 'eval_steps_per_second': '148.4', 'epoch': '2'}\n"
    "{'train_runtime': '1.206', 'train_samples_per_second': '424.5', "
    "'train_steps_per_second': '53.06', 'train_loss': '0.5366', 'epoch': '2'}\n")
_TRAIN_BLOCK = (
    "***** train metrics *****\n"
    "  epoch                    =        2.0\n"
    "  total_flos               =        1GF\n"
    "  train_loss               =     0.5366\n"
    "  train_runtime            = 0:00:01.20\n"
    "  train_samples            =        256\n"
    "  train_samples_per_second =    424.503\n"
    "  train_steps_per_second   =     53.063\n\n")
_EVAL_BLOCK = (
    "***** eval metrics *****\n"
    "  epoch                   =        2.0\n"
    "  eval_accuracy           =        1.0\n"
    "  eval_loss               =     0.1276\n"
    "  eval_runtime            = 0:00:00.05\n"
    "  eval_samples            =         64\n"
    "  eval_samples_per_second =   1111.092\n"
    "  eval_steps_per_second   =    138.887\n\n")


def _series(text: str, name: str) -> list[tuple[float, int | float | None]]:
    return [(value, epoch) for got, value, _, epoch in named(text) if got == name]


def test_a_print_to_four_significant_digits_is_the_same_value() -> None:
    """``'train_samples_per_second': '424.5'`` in the dict, ``424.503`` in the train metrics
    block: one value printed twice (four significant digits, then three decimals), so one
    observation, as for ``train_loss`` (truth: one each)."""
    text = _EPOCHS + _TRAIN_BLOCK
    assert _series(text, "train_samples_per_second") == [(424.5, 2)]
    assert _series(text, "train_steps_per_second") == [(53.06, 2)]
    assert _series(text, "train_loss") == [(0.5366, 2)]  # guard: as before
    # guards: fewer than four significant digits is another value, not a rounding
    assert _series("epoch 2: loss=0.52\nepoch 2: loss 0.5\n", "loss") == [(0.52, 2), (0.5, 2)]
    assert _series("epoch 2: speed=1103.4\nepoch 2: speed 1100\n", "speed") == [
        (1103.4, 2), (1100.0, 2)]  # 1100 is no four-digit rounding of 1103.4
    assert _series("epoch 2: speed=705.044\nepoch 2: speed 705\n", "speed") == [
        (705.044, 2)]  # %g drops the zero of 705.0: four significant digits all the same


def test_the_closing_evaluate_block_is_an_evaluation_of_its_own() -> None:
    """The ``***** eval metrics *****`` block after training is ``trainer.evaluate()``'s: a
    third evaluation (the Trainer's log history has it), even where its loss and accuracy
    repeat the last epoch's (the model did not change since)."""
    text = _EPOCHS + _TRAIN_BLOCK + _EVAL_BLOCK
    assert _series(text, "eval_loss") == [(0.6834, 1), (0.1276, 2), (0.1276, 2)]
    assert _series(text, "eval_accuracy") == [(0.9062, 1), (1.0, 2), (1.0, 2)]
    assert _series(text, "eval_samples_per_second") == [(1107.0, 1), (1187.0, 2), (1111.092, 2)]
    # without bars (``disable_tqdm``) the Trainer prints the closing evaluate()'s dict too:
    # the block then repeats that line (``2.299e+04``: four significant digits) and is no
    # report of its own (zoo hf_trainer_printer); a name it alone prints still counts
    printed = _EPOCHS + (
        "{'eval_loss': '0.1276', 'eval_accuracy': '1', 'eval_runtime': '0.0028', "
        "'eval_samples_per_second': '2.299e+04', 'eval_steps_per_second': '718.5', "
        "'epoch': '2'}\n") + _EVAL_BLOCK.replace("1111.092", "22992.33").replace(
        "138.887", "718.51").replace(
        "  eval_samples ", "  eval_f1                 =        0.9\n  eval_samples ")
    assert _series(printed, "eval_loss") == [(0.6834, 1), (0.1276, 2), (0.1276, 2)]
    assert _series(printed, "eval_samples_per_second") == [(1107.0, 1), (1187.0, 2),
                                                           (22990.0, 2)]
    assert [value for value, _ in _series(printed, "eval_f1")] == [0.9]
    # guards: the train block stays a reprint; another heading's values stay reprints
    assert _series(text, "train_loss") == [(0.5366, 2)]
    again = "epoch 2: eval_loss=0.1276\nResults:\n  eval_loss = 0.1276\n"
    assert _series(again, "eval_loss") == [(0.1276, 2)]


def _obs(name: str, values: list[tuple[float, int | None, float | None]]) -> list[Observation]:
    return [Observation(name, value, step, epoch) for value, step, epoch in values]


def test_trainer_state_json_is_joined_by_the_closing_evaluation() -> None:
    """``trainer_state.json`` is saved before the closing ``evaluate()`` (run_glue.py's
    ``trainer.save_state()``): its last epoch's evaluation is in the file, the closing one
    only in stdout; both are the series (truth: three)."""
    sourced = _obs("eval_loss", [(0.6834352612, 32, 1.0), (0.1275918483, 64, 2.0)])
    printed = _obs("eval_loss", [(0.6834, None, 1), (0.1276, None, 2), (0.1276, None, 2)])
    kept, merged = merge_sources(printed, [(files.HF_TRAINER, sourced)])
    assert kept == []
    assert [(o.value, o.epoch) for o in merged["eval_loss"]] == [
        (0.6834352612, 1.0), (0.1275918483, 2.0), (0.1276, 2)]
    # guard: what stdout shows of the file's positions only once adds nothing
    kept, merged = merge_sources(printed[:2], [(files.HF_TRAINER, sourced)])
    assert [o.value for o in merged["eval_loss"]] == [0.6834352612, 0.1275918483]


def test_the_column_path_places_an_epochs_lines_after_its_batches_as_the_line_path() -> None:
    """Lines of no step after a progress line's batch (``Batch 80 of 241.``) are the epoch's
    (session 70); a run of two of them, read by the recorder as a column block, took the
    batch's number as their step there (what `track run` recorded differed from a reparse)."""
    text = ("Epoch 1\nBatch 40 of 241.\nBatch 80 of 241.\n\nAverage training loss: 0.50\n"
            "Average training loss: 0.40\nEpoch 2\nBatch 40 of 241.\n"
            "Average training loss: 0.3\nAverage training loss: 0.2\n")
    assert named(text) == [("Average_training_loss", v, None, e)
                           for v, e in ((0.5, 1), (0.4, 1), (0.3, 2), (0.2, 2))]
    assert columns_named(text) == named(text)
    # guard: a batch line that reports values places the lines after it (its losses printed
    # over lines); an evaluation's line after it too (tried at the epoch in session 83: the
    # held-out corpus's collectors keep it at the batch's step more often than not)
    text = "Epoch 1\nbatch: [20/24] loss: 0.81\nkl loss: 0.5\nkl loss: 0.4\nval acc: 0.5\n"
    assert [(n, s) for n, _, s, _ in named(text)] == [
        ("loss", 20), ("kl_loss", 20), ("kl_loss", 20), ("val_acc", 20)]
    assert columns_named(text) == named(text)


def test_a_render_drawn_again_over_itself_is_no_new_report() -> None:
    """TorchRL's tutorial loop sets its bar's description, then updates the bar: under a
    120-column terminal tqdm cuts the bar off, so each value is drawn twice, the same text
    over itself (zoo torchrl_ppo, pty: 8 values where the loop made 4)."""
    said = ("eval cumulative reward: {r} (init: -1284.4993), eval step-count: 199, "
            "average reward={a} (init=-6.4744), ste")
    renders = [said.format(r=r, a=a) for r, a in (
        ("-1284.4993", "-6.4744"), ("-1296.7212", "-7.7075"), ("-1055.8562", "-6.9987"))]
    text = "\r 25%|##    | 256/1024 [00:00<00:01, 419.48it/s]" + "".join(
        f"\r{render}\r{render}" for render in renders) + "\r\n"
    got = [(n, v) for n, v, _, _ in named(text) if n == "average_reward"]
    assert got == [("average_reward", -6.4744), ("average_reward", -7.7075),
                   ("average_reward", -6.9987)]
    # guard: a line of its own with the values of the line before is a report (a loss stuck)
    again = "\r 5%|#   | 1/20\rloss=0.5\n\r 10%|#   | 2/20\rloss=0.5\n"
    assert [(n, v) for n, v, _, _ in named(again)] == [("loss", 0.5), ("loss", 0.5)]


_ZOO = Path(__file__).parent / "data" / "zoo"


def test_results_csv_zeros_of_an_epoch_not_validated_are_no_observations() -> None:
    """``val=False``: Ultralytics validates the last epoch only and writes zeros in the
    validation columns of the others, their losses too (zoo yolo_no_val: 6 of 13 series
    matched with the file, every validation metric two zeros too many)."""
    data = (_ZOO / "yolo_no_val" / "pipe" / "files" / "runs" / "detect" / "train"
            / "results.csv").read_bytes()
    got = files.parse(files.ULTRALYTICS, data)
    assert [(o.value, o.epoch) for o in got if o.name == "P"] == [(0.51107, 3)]
    assert [o.epoch for o in got if o.name == "val_box_loss"] == [3]
    assert [o.epoch for o in got if o.name == "box_loss"] == [1, 2, 3]  # guards: trained
    assert [o.epoch for o in got if o.name == "lr/pg0"] == [1, 2, 3]  # every epoch
    # guard: a validated epoch's zero metrics (nothing found yet) are measurements
    found = files.parse(files.ULTRALYTICS, b"epoch,train/box_loss,metrics/mAP50(B),"
                        b"val/box_loss,val/cls_loss\n1,3.2,0,4.1,5.0\n2,3.0,0.01,4.0,4.9\n")
    assert [(o.value, o.epoch) for o in found if o.name == "mAP50"] == [(0.0, 1), (0.01, 2)]


def test_a_files_value_takes_the_digits_of_its_own_print_only() -> None:
    """``merge._fuller``: a file's value is replaced by a print of it with more digits at
    the same position. Two prints at the file's last epoch (the epoch's evaluation and the
    closing one, hf_trainer_printer): the closing runtime's 0.0028 is no fuller print of the
    epoch's 0.003 (it took its place, and the closing one was counted again)."""
    sourced = _obs("eval_runtime", [(0.0057, 8, 1.0), (0.003, 24, 3.0)])
    printed = _obs("eval_runtime", [(0.0057, None, 1), (0.003, None, 3), (0.0028, None, 3)])
    _, merged = merge_sources(printed, [(files.HF_TRAINER, sourced)])
    assert [o.value for o in merged["eval_runtime"]] == [0.0057, 0.003, 0.0028]
    # guard: the print with more digits at the same position still gives its digits
    sourced = _obs("dev_loss", [(0.6607, None, 1.0)])
    printed = _obs("dev_loss", [(0.6606736779212952, None, 1)])
    _, merged = merge_sources(printed, [(files.FLAIR, sourced)])
    assert [o.value for o in merged["dev_loss"]] == [0.6606736779212952]

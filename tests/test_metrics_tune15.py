"""Round ``tune15`` (sets AH and AI: ``tests/data/heldout34`` and ``heldout35``, each
measured unseen first and tuned on since). Each test fails on the parser before the round
(37ec091)."""

from __future__ import annotations

import json
from pathlib import Path

from conftest import track
from parsed import last as _last
from parsed import names as _names
from parsed import obs as _obs


def test_a_phase_word_makes_error_a_metric() -> None:
    text = "".join(f"iterations: {i}, training error: 0.03{i}\n" for i in (430, 435))
    assert [(o.name, o.value, o.step) for o in _obs(text)] == [
        ("training_error", 0.03430, 430), ("training_error", 0.03435, 435)]
    assert _names("Test error: 0.31\n") == {"test_error"}
    assert _names("ERROR: 0.3\n") == set()  # a log level alone is still no name


def test_lightning_checkpoint_lines_name_the_monitored_value() -> None:
    text = ("Epoch 0, global step 352: 'val/accuracy' reached 0.18400 (best 0.18400), saving "
            "model to '/ckpt/f72z6pgg/best.ckpt' as top 1\n"
            "Epoch 1, global step 704: 'val/accuracy' was not in top 1\n"
            "Epoch 2, global step 1056: 'val/accuracy' reached 0.36800 (best 0.36800), "
            "saving model to '/ckpt/f72z6pgg/best.ckpt' as top 3\n")
    assert [(o.name, o.value, o.step, o.epoch) for o in _obs(text)] == [
        ("val/accuracy", 0.184, 352, 0), ("val/accuracy", 0.368, 1056, 2)]


def test_a_train_label_set_off_by_a_dash_and_a_logger_named_train() -> None:
    text = ("  Train - CE: 0.0350, KL: 0.7658, acc: 98.2%\n"
            "  Val   - CE: 0.0219, KL: 0.7974, acc: 97.1%\n")
    assert _names(text) == {"train_CE", "train_KL", "train_acc", "val_CE", "val_KL",
                            "val_acc"}
    logged = "2025-09-16 21:24:42,661 - train - INFO - Step 17 loss: 76.68\n"
    assert _names(logged) == {"loss"}


def test_counters_that_are_not_the_step() -> None:
    # "number of skipped iterations: 0" counts iterations; it is not the step
    text = "".join(f" samples/sec: 6.5 | iteration {i}/ 10000 | lm loss: 1.1{i} | number of "
                   "skipped iterations:   0 | number of nan iterations:   0 |\n" for i in (5, 6))
    assert [o.step for o in _obs(text) if o.name == "lm_loss"] == [5, 6]
    # a batch size at the end of a line whose step leads it
    text = "[025500/50000] WMS    | loss 0.0731 | GPU 96% | batch 16\n"
    assert [(o.name, o.step) for o in _obs(text)] == [("loss", 25500)]
    # char-rnn's loop index over its total is the step; MXNet's batch range starts it
    text = "Epoch 43.28 / 50, i = 822990 / 973300, loss = 4.399446\n"
    assert [(o.name, o.step) for o in _obs(text)] == [("loss", 822990)]
    text = "Epoch[0] Batch [500-600]  Speed: 30231.16 samples/sec     accuracy=0.944219\n"
    assert {(o.name, o.step, o.epoch) for o in _obs(text)} == {
        ("Speed", 500, 0), ("accuracy", 500, 0)}


def test_words_that_are_not_a_name() -> None:
    assert "Task_Loss" in _names("Iters: 19210/20000 || Lr: 0.001093 || Task Loss: 7.1705\n")
    block = "  timestamp: 1688371743\n  train/loss: 0.097\n  step: 800\n"
    assert "timestamp" not in _names(block)
    # a stored best model re-prints the value it was chosen by
    text = ("Epoch[2] Validation-accuracy=0.666667\n"
            "Storing the best model with validation accuracy: 0.666667\n")
    assert [o.name for o in _obs(text)] == ["Validation-accuracy"]


def test_a_value_printed_again_in_another_format_is_one_observation() -> None:
    # Hugging Face's closing dict, then its "***** train metrics *****" block
    text = ("{'train_runtime': 303.8711, 'train_samples_per_second': 0.658, 'train_loss': "
            "6.569518616199494, 'epoch': 0.09}\n"
            "100%|200/200 [05:03<00:00,  1.52s/it]\n"
            "***** train metrics *****\n"
            "  epoch                    =       0.09\n"
            "  train_loss               =     6.5695\n"
            "  train_samples_per_second =      0.658\n")
    seen = [(o.name, o.value) for o in _obs(text)]
    assert seen.count(("train_loss", 6.569518616199494)) == 1
    assert ("train_loss", 6.5695) not in seen
    assert [n for n, _ in seen].count("train_samples_per_second") == 1
    # two loggers' formats of one batch: one observation
    text = ("Epoch [11/50] Batch [0/199] D_loss: -23.0730, G_loss: 61.4407\n"
            "INFO - Epoch [11/50] Batch [0/199] D_loss: -23.0730 G_loss: 61.4407\n"
            "Epoch [11/50] Batch [80/199] D_loss: -48.2329, G_loss: 38.1137\n")
    assert [o.value for o in _obs(text) if o.name == "D_loss"] == [-23.073, -48.2329]


def test_a_new_value_at_the_same_step_is_not_a_reprint() -> None:
    # the same loss at the same step in another format, but the line has a new time: kept
    text = ("iter 77 step 39: loss 10.8259, iter time: 214.40ms (optimizer.step)\n"
            "iter 78 step 39: loss 10.8259, iter time: 198.00ms\n")
    assert [o.value for o in _obs(text) if o.name == "loss"] == [10.8259, 10.8259]
    # consecutive reports of one format whose rounded epoch and value repeat: kept
    text = "".join(f"{{'loss': 0.0, 'learning_rate': {r}e-06, 'epoch': 0.01}}\n"
                   for r in (4.8, 6.4, 8.0))
    assert [o.name for o in _obs(text)].count("loss") == 3
    text = "{'loss': 0.0, 'epoch': 0.01}  \n{'loss': 0.0, 'epoch': 0.01}    \n"  # padded
    assert [o.name for o in _obs(text)] == ["loss", "loss"]
    # a shorter print that is not the earlier value rounded: a new value
    text = "step 3 | loss: 0.5213\nstep 3 loss=0.52\n"
    assert [o.value for o in _obs(text)] == [0.5213, 0.52]
    assert _last(text, "loss").step == 3


def test_track_run_records_a_reprint_once(tmp_path: Path) -> None:
    script = tmp_path / "train.py"
    script.write_text(
        "print({'train_runtime': 3.8, 'train_loss': 6.569518616199494, 'epoch': 1.0})\n"
        "print('***** train metrics *****')\n"
        "print('  epoch                    =        1.0')\n"
        "print('  train_loss               =     6.5695')\n")
    run = track("run", "--", "python", str(script), cwd=tmp_path)
    assert run.returncode == 0, run.stderr
    shown = json.loads(track("show", "--json", cwd=tmp_path).stdout)
    summary = shown["metrics"]["train_loss"]
    assert summary["count"] == 1 and summary["last"] == 6.569518616199494


def test_a_best_value_after_a_sentence_is_a_running_best() -> None:
    assert _names("Training complete! Best val loss: 0.0282\n") == set()
    assert _names("Finished training. Best val acc 0.9\n") == set()
    assert _names("epoch 3 loss 0.5 best 0.4\n") == {"loss"}


def test_a_list_of_name_value_pairs() -> None:
    text = ("Epoch: 1 / 3\n"
            "training metric: [('Acc@1', 62.263513513513516), ('Acc@5', 100.0)]\n"
            "validation metric: [('Acc@1', 0.0), ('Acc@5', 0.0)]\n")
    assert [(o.name, o.value, o.epoch) for o in _obs(text)] == [
        ("training_Acc@1", 62.263513513513516, 1), ("training_Acc@5", 100.0, 1),
        ("validation_Acc@1", 0.0, 1), ("validation_Acc@5", 0.0, 1)]
    # pairs whose names are no metric's are labels and counts
    assert _names("OrderedDict([('caltech', 1311.0), ('citypersons', 0)])\n") == set()


def test_a_reprint_after_a_run_of_one_shape_is_dropped_by_track_run_too(
        tmp_path: Path) -> None:
    # the recorder reads a run of same-shape lines as a column block: its last line is
    # what the reprint that follows is compared with, as in `track parse`
    lines = [f"step {i} loss: 0.{i}123456" for i in range(1, 6)]
    lines += ["INFO | step 5 | loss = 0.5123", "step 6 loss: 0.6123456"]
    text = "".join(line + "\n" for line in lines)
    assert [o.value for o in _obs(text)] == [0.1123456, 0.2123456, 0.3123456, 0.4123456,
                                             0.5123456, 0.6123456]
    script = tmp_path / "train.py"
    script.write_text(f"import sys\nsys.stdout.write({text!r})\n")
    assert track("run", "--", "python", str(script), cwd=tmp_path).returncode == 0
    summary = json.loads(track("show", "--json", cwd=tmp_path).stdout)["metrics"]["loss"]
    assert (summary["count"], summary["last"]) == (6, 0.6123456)

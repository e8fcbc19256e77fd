"""Round ``zoo81`` (session 81): what the zoo's cases showed the parser got wrong at first
sight (b7f3a67d, this session's start). Each test of a rule fails on that commit; the guards
pin what must not change."""

from __future__ import annotations

import shutil
from pathlib import Path

from parsed import named

from exptrack.metrics import files, parse_text
from exptrack.metrics.merge import merge_sources
from exptrack.metrics.observation import Observation


def test_a_bar_value_with_a_trailing_zero_is_the_checkpoint_lines_value_rounded() -> None:
    """Lightning's bar shows ``val_loss=0.680`` (three decimals, the last a zero) and its
    ModelCheckpoint line then ``'val_loss' reached 0.68007`` for the same epoch: one
    observation. The bar's value is the float 0.68, whose two decimals were too few to call
    it a rounding, so the epoch had two val_loss (the zoo's lightning_tqdm: 5 for 4)."""
    bar = "Epoch 1: 100%|##########| 8/8 [00:00<00:00, 222.41it/s, v_num=0, val_loss={v}]\n"
    ckpt = ("Epoch 1, global step 16: 'val_loss' reached {v} (best {v}), saving model to "
            "'epoch=1-step=16.ckpt' as top 1\n")
    got = [o for o in named(bar.format(v="0.680") + ckpt.format(v="0.68007"))
           if o[0] == "val_loss"]
    assert [(value, epoch) for _, value, _, epoch in got] == [(0.68, 1)]
    # guards: printed with two decimals it is no rounding to trust (0.68 of 0.68407 may be a
    # new value); a value the bar does not show with that zero is a new one
    got = [o for o in named(bar.format(v="0.68") + ckpt.format(v="0.68407")) if o[0] == "val_loss"]
    assert len(got) == 2
    got = [o for o in named(bar.format(v="0.680") + ckpt.format(v="0.68207"))
           if o[0] == "val_loss"]
    assert len(got) == 2
    # a number ending in that text is another number (10.680 is not 0.680)
    got = [o for o in named(bar.format(v="0.68").replace("v_num=0", "x=10.680")
                            + ckpt.format(v="0.68007")) if o[0] == "val_loss"]
    assert len(got) == 2
    # more zeros are the same digits (0.6800 of 0.68004), as far as they reach: four
    # decimals say 0.68007 is another value (session 103: PaddleClas' 48.00000, 48.00146)
    got = [o for o in named(bar.format(v="0.6800") + ckpt.format(v="0.68004"))
           if o[0] == "val_loss"]
    assert len(got) == 1
    got = [o for o in named(bar.format(v="0.6800") + ckpt.format(v="0.68007"))
           if o[0] == "val_loss"]
    assert len(got) == 2


ZOO = Path(__file__).parent / "data" / "zoo"


def _events(case: str, folder: str) -> Path:
    found = sorted((ZOO / case / "pipe" / "files").rglob(f"{folder}/events.out.tfevents.*"))
    assert len(found) == 1, found
    return found[0]


def test_an_event_file_in_a_test_folder_is_the_test_runs_series() -> None:
    """TensorFlow's custom-loop tutorial writes ``logs/.../train`` and ``logs/.../test``
    with the same tags (``loss``, ``accuracy``), as TensorBoard shows two runs of one chart.
    Both files' series were named ``loss``: the merge kept the first file's and dropped the
    test run's (the zoo's tf_custom_loop: its test series came from the output, in percent)."""
    train = files.parse(files.TFEVENTS, b"", _events("tf_custom_loop", "train"))
    test = files.parse(files.TFEVENTS, b"", _events("tf_custom_loop", "test"))
    assert {o.name for o in train} == {"loss", "accuracy"}
    assert {o.name for o in test} == {"test_loss", "test_accuracy"}
    printed = parse_text("Epoch 1, Loss: 3.052388906478882, Accuracy: 10.7421875, "
                         "Test Loss: 2.7364442348480225, Test Accuracy: 9.375\n")
    kept, merged = merge_sources(printed, [(files.TFEVENTS, train), (files.TFEVENTS, test)])
    assert kept == []  # each printed value is a file's series
    assert abs(merged["test_loss"][0].value - 2.7364442348480225) < 1e-6
    assert abs(merged["test_accuracy"][0].value - 0.09375) < 1e-9  # the record's fraction


def test_an_event_file_elsewhere_keeps_its_tags(tmp_path: Path) -> None:
    """Guard: a folder that is no evaluation phase's run adds nothing (a training folder,
    Lightning's ``version_0``, HF's ``runs/<date>``: their tags carry their own phase)."""
    source = _events("tf_custom_loop", "test")
    for folder in ("train", "version_0", "tests"):
        (tmp_path / folder).mkdir()
        shutil.copy(source, tmp_path / folder / source.name)
        names = {o.name for o in files.parse(files.TFEVENTS, b"", tmp_path / folder / source.name)}
        assert names == {"loss", "accuracy"}, folder


def test_autogluons_value_first_line_lower_cases_its_phase_word() -> None:
    """AutoGluon's per-model block (``\\t0.8333\\t = Validation score   (accuracy)``) named
    ``Validation_score`` where the phrase rules give ``Validation score: 0.5`` the name
    ``validation_score`` (docs/metrics.md, "Phases": the phase word lower-cased); the zoo's
    autogluon_tabular expected the documented name."""
    log = ("\t0.8333\t = Validation score   (accuracy)\n\t0.69s\t = Training   runtime\n"
           "\t0.07s\t = Validation runtime\n")
    assert [name for name, *_ in named(log)] == [
        "validation_score", "training_runtime", "validation_runtime"]
    # guard: a word that is no phase keeps its capitals, as printed
    assert [name for name, *_ in named("\t0.1s = Fit runtime\n")] == ["Fit_runtime"]


def test_flairs_loss_tsv_is_a_metric_file() -> None:
    """flair's ModelTrainer writes ``loss.tsv`` in its base path, an epoch a row, its header
    in capitals; it was read as no file at all (the zoo's flair_tagger: train_loss and
    dev_f1 missed, its dev precision/recall/accuracy printed nowhere)."""
    data = (b"EPOCH\tTIMESTAMP\tLEARNING_RATE\tTRAIN_LOSS\tDEV_LOSS\tDEV_PRECISION\t"
            b"DEV_RECALL\tDEV_F1\tDEV_ACCURACY\n"
            b"1\t04:58:58\t0.1000\t2.6898\t1.6258\t0.0000\t0.0000\t0.0000\t0.0000\n"
            b"2\t04:58:59\t0.1000\t1.2718\t0.9586\t0.5273\t0.6304\t0.5743\t0.4394\n")
    assert files.kind_of("loss.tsv", data) == files.FLAIR
    got = files.parse(files.FLAIR, data)
    assert [(o.name, o.value, o.epoch) for o in got if o.epoch == 2] == [
        ("learning_rate", 0.1, 2), ("train_loss", 1.2718, 2), ("dev_loss", 0.9586, 2),
        ("dev_precision", 0.5273, 2), ("dev_recall", 0.6304, 2), ("dev_f1", 0.5743, 2),
        ("dev_accuracy", 0.4394, 2)]
    # older flair adds BAD_EPOCHS, a counter
    old = data.replace(b"TIMESTAMP\t", b"TIMESTAMP\tBAD_EPOCHS\t").replace(b":58\t", b":58\t0\t") \
        .replace(b":59\t", b":59\t0\t")
    assert [(o.name, o.value) for o in files.parse(files.FLAIR, old)][:2] == [
        ("learning_rate", 0.1), ("train_loss", 2.6898)]
    # guard: another loss.tsv is no flair file
    assert files.kind_of("loss.tsv", b"step\tloss\n1\t0.5\n") is None


def test_clus_progress_note_is_no_metric() -> None:
    """CLU's ReportProgress sets ``Setting work unit notes: 36.3 steps/s, 100.0% (48/48),
    ETA: 0m`` beside its writer's ``[48] steps_per_sec=36.2568``: the note's rate was recorded
    as ``Setting_work_unit_notes`` (the zoo's flax_clu, and held-out CLU logs' collectors
    judged it a progress note, not a metric)."""
    text = (ZOO / "flax_clu" / "pipe" / "output.log").read_text()
    assert "Setting work unit notes: " in text
    assert "Setting_work_unit_notes" not in {name for name, *_ in named(text)}
    assert "steps_per_sec" in {name for name, *_ in named(text)}


def test_a_fuller_print_of_a_files_rounded_value_is_kept() -> None:
    """flair's ``loss.tsv`` rounds to four decimals (``0.6607``) the dev loss its console
    printed in full (``DEV : loss 0.6606736779212952``) at the same epoch: the file's series
    stands, with the output's digits where they are the same value (the contract: the value
    at full precision wins, wherever it was written)."""
    sourced = [Observation("dev_loss", 1.6258, None, 1), Observation("dev_loss", 0.6607, None, 2)]
    printed = [Observation("dev_loss", 1.6258375644683838, None, 1),
               Observation("dev_loss", 0.6621, None, 2)]  # another value: not a rounding
    kept, merged = merge_sources(printed, [(files.FLAIR, sourced)])
    assert kept == [] and [o.value for o in merged["dev_loss"]] == [1.6258375644683838, 0.6607]
    # guard: a shorter print never replaces the file's value (Ultralytics' 0.512 of 0.51234)
    _, merged = merge_sources([Observation("mAP50", 0.512, None, 1)],
                              [(files.ULTRALYTICS, [Observation("mAP50", 0.51234, None, 1)])])
    assert merged["mAP50"][0].value == 0.51234


def test_a_data_splits_share_is_a_setting() -> None:
    """AutoGluon prints ``Automatically generating train/validation split with
    holdout_frac=0.2, Train Rows: 240, Val Rows: 60``: the share held out is a setting (the
    zoo's autogluon_tabular recorded ``holdout_frac``)."""
    line = ("Automatically generating train/validation split with holdout_frac=0.2, "
            "Train Rows: 240, Val Rows: 60\n")
    assert named(line) == []
    assert named("validation_split=0.1 val_ratio: 0.2\n") == []
    # guard: a fraction that is measured stays (PPO's clip_fraction, a share of a batch)
    assert [name for name, *_ in named("clip_fraction=0.12 train_loss=0.5\n")] == [
        "clip_fraction", "train_loss"]


def test_torchtunes_bar_description_is_its_epoch_and_global_step() -> None:
    """torchtune's recipes describe their bar ``1|25|Loss: 1.26`` (epoch, global step) and
    redraw it as the bar's count moves on (``26/101`` then ``27/101`` with the same step's
    loss): the bar's count, the step within the epoch, was the step, so a redraw was a new
    observation (held-out heldout341: 13 for 7) and steps restarted each epoch (the zoo's
    torchtune_lora)."""
    bar = "1|26|Loss: 1.2436443567276:  {p}%|##6       | {n}/101 [07:00<17:31, 14.21s/it]"
    log = "\r" + bar.format(p=26, n=26) + "\r" + bar.format(p=27, n=27) + "\n"
    assert named(log) == [("Loss", 1.2436443567276, 26, 1)]
    assert named("[trainer0|0]:2|40|Loss: 0.9:  5%|#  | 5/101 [00:01<00:20, 4.2s/it]\n") == [
        ("Loss", 0.9, 40, 2)]
    # guard: numbers between pipes with no name after them are a table's cells, not a pair
    assert named("3|4|5\n") == [] and named("| 3 | 4 | loss: 0.5 |\n")[0][2:] != (4, 3)


def test_torchtunes_disk_logger_file_is_a_metric_file() -> None:
    """torchtune's DiskLogger (its recipes' default metric logger) writes
    ``log_<unix time>.txt``: ``Step 1 | loss:5.02 lr:0.00075 tokens_per_second_per_gpu:403.7``
    a line; it was not read (its lr and throughput are printed nowhere)."""
    data = (b"Step 1 | loss:5.022551536560059 lr:0.00075 tokens_per_second_per_gpu:403.72 \n"
            b"Step 2 | loss:4.763165473937988 lr:0.0015 tokens_per_second_per_gpu:785.19 \n")
    assert files.kind_of("log_1796449324.txt", data) == files.TORCHTUNE
    assert [tuple(o) for o in files.parse(files.TORCHTUNE, data)][3:] == [
        ("loss", 4.763165473937988, 2, None), ("lr", 0.0015, 2, None),
        ("tokens_per_second_per_gpu", 785.19, 2, None)]
    # guard: another text file, or another log_ file, is not one
    assert files.kind_of("notes.txt", data) is None
    assert files.kind_of("log_1.txt", b"Epoch 1 | loss 0.5\n") is None


def test_an_event_files_loop_counters_are_no_metrics() -> None:
    """Hugging Face's no-Trainer examples log ``{"perplexity": ..., "eval_loss": ...,
    "train_loss": ..., "epoch": epoch, "step": completed_steps}`` to accelerate's tracker:
    ``epoch`` was left out, ``step`` recorded as a metric (the zoo's hf_no_trainer)."""
    found = sorted((ZOO / "hf_no_trainer" / "pipe" / "files").rglob("events.out.tfevents.*"))
    names = {o.name for path in found for o in files.parse(files.TFEVENTS, b"", path)}
    assert names == {"perplexity", "eval_loss", "train_loss"}


def test_tensorboard_files_of_one_run_follow_one_another() -> None:
    """Hugging Face's Trainer opens a second writer for ``evaluate()`` after ``train()``:
    two event files in one run folder, both with ``eval/loss``. The merge took a metric
    from the first file only, so the last evaluation was lost (the zoo's hf_trainer_tb: 3
    eval points for 4); TensorBoard shows the files as one run, as it does a resumed run's."""
    found = sorted((ZOO / "hf_trainer_tb" / "pipe" / "files").rglob("events.out.tfevents.*"))
    assert len(found) == 2
    sources = [(files.TFEVENTS, files.parse(files.TFEVENTS, b"", path)) for path in found]
    _, merged = merge_sources([], sources)
    assert [o.step for o in merged["eval/loss"]] == [20, 40, 60, 60]
    assert "train/epoch" not in merged  # the Trainer's epoch counter, as "epoch" is
    # guard: files of other kinds keep the first file's series (a checkpoint's older
    # trainer_state.json is not appended to the newer one)
    _, merged = merge_sources([], [(files.HF_TRAINER, [Observation("loss", 0.5, 10, None)]),
                                   (files.HF_TRAINER, [Observation("loss", 0.4, 10, None)])])
    assert [o.value for o in merged["loss"]] == [0.5]


def test_a_phase_word_after_a_name_is_the_same_quantity_as_before_it() -> None:
    """litgpt prints ``loss train: 11.012, val: 11.024`` (read as ``loss_train``,
    ``loss_val``) where its metrics.csv keeps ``val_loss``: one quantity, two names (the zoo's
    litgpt_finetune)."""
    printed = [Observation("loss_val", 11.024, 16, None)]
    kept, merged = merge_sources(printed, [(files.LIGHTNING, [
        Observation("val_loss", 11.0236, 16, None)])])
    assert kept == [] and list(merged) == ["val_loss"]
    # guard: a longer name keeps its order (a learning rate group's "lr_pg0_val" is not
    # "val_lr_pg0"); a printed "loss" of no phase is the training's (session 96: the file's
    # "train_loss" when the file has no "loss" of its own), never another phase's
    kept, _ = merge_sources([Observation("lr_pg0_val", 0.1, 16, None),
                             Observation("loss", 11.0, 16, None)],
                            [(files.LIGHTNING, [Observation("val_lr_pg0", 0.1, 16, None),
                                                Observation("train_loss", 11.0, 16, None)])])
    assert [o.name for o in kept] == ["lr_pg0_val"]
    kept, _ = merge_sources([Observation("loss", 11.0, 16, None)],
                            [(files.LIGHTNING, [Observation("val_loss", 11.0, 16, None),
                                                Observation("test_loss", 11.0, 16, None)])])
    assert [o.name for o in kept] == ["loss"]
    kept, merged = merge_sources([Observation("loss", 11.0, 16, None)],
                                 [(files.LIGHTNING, [Observation("loss", 10.9, 16, None),
                                                     Observation("train_loss", 11.0, 16, None)])])
    assert kept == [] and [o.value for o in merged["loss"]] == [10.9]

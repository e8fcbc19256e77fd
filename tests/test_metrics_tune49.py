"""Round ``tune49`` (session 57): forms read while held-out sets OK-OR were collected, and
the forms of those sets once they were scored. Each test of a rule fails on the parser
before the round (78a2f462); each guard fails on the rule without its check
(mutation-checked)."""

from __future__ import annotations

from parsed import named

ULTRALYTICS_DOWNLOAD = (
    "Downloading https://github.com/ultralytics/assets/releases/download/v8.3.0/yolov8s.pt"
    " to 'yolov8s.pt': 100% \u2501\u2501\u2501\u2501\u2501\u2501 21.5MB 105.4MB/s 0.2s\n"
    "Downloading https://ultralytics.com/assets/Arial.ttf to "
    "'/root/.config/Ultralytics/Arial.ttf': 100% \u2501\u2501\u2501\u2501 755.1KB 28.8MB/s 0.0s\n"
    "      Epoch    GPU_mem   box_loss   cls_loss   dfl_loss  Instances       Size\n"
    "       1/10      4.54G      2.479       3.06      2.566         40        640: 100% "
    "\u2501\u2501\u2501\u2501 10/10 2.8it/s 3.5s\n")


def test_a_downloads_file_is_no_metric() -> None:
    """Ultralytics on a fresh machine downloads its weights and font first: the bar's
    file (``'yolov8s.pt': 100%``) names a download, not a metric."""
    names = {n for n, *_ in named(ULTRALYTICS_DOWNLOAD)}
    assert names == {"GPU_mem", "box_loss", "cls_loss", "dfl_loss"}


def test_a_name_with_a_dot_is_still_a_name() -> None:
    """Guard: only a file's extension makes a name a file (``eval.rmse``, ``val.pt_acc``)."""
    assert [n for n, *_ in named("epoch 3 eval.rmse: 0.25 val.pt_acc: 0.5\n")] == [
        "eval.rmse", "val.pt_acc"]


def test_top_k_is_part_of_the_name() -> None:
    """``top 1 acc: 0.0354`` is top-1 accuracy, not ``top`` = 1; a phase word before it
    prefixes it."""
    text = ("2025-01-06 15:13:20,051 INFO: ==============Epoch: 0/50,top 1 acc: 0.0354=====\n"
            "Test top 5 accuracy: 80.87%\n")
    assert named(text) == [("top_1_acc", 0.0354, None, 0), ("test_top_5_accuracy", 80.87, None, 0)]


def test_a_best_top_k_is_a_running_best() -> None:
    """Guard: ``Best Testing Top 1 Accuracy`` repeats an earlier value; the label rule
    takes no name from it."""
    assert named("Stage2: Best Testing Top 1 Accuracy: 65.41, at Epoch: 12\n") == []


def test_an_iteration_step_is_the_step() -> None:
    text = "2025-01-06 15:04:15,292 INFO: Epoch: 0/50, Iteration step: 1300, loss: 4.5\n"
    assert named(text) == [("loss", 4.5, 1300, 0)]


def test_a_dimension_word_belongs_to_the_name() -> None:
    assert [n for n, *_ in named("STEP 36777 | 3D loss: 0.2347 | reco loss: 0.0034\n")] == [
        "3D_loss", "reco_loss"]


BATCH_BAR = "".join(  # (heldout397's neural-field log, its bars cut short)
    f"\rEpoch {e + 898}/1000::   0%|          | 0/41 [00:00<?, ?batch/s]2025-05-04 08:41:26,089|"
    f"    INFO| Train: STEP {36777 + e} - EPOCH {e + 897}/1000 | 3D loss: 2.3{e}7E-01 | reco loss:"
    f" 3.3{e}5E-03 | rgb loss: 5.6{e}4E-02 | nrm loss: 1.2{e}6E-01 | lr: 1.000E-04\n"
    f"\rEpoch {e + 898}/1000::   2%|\u258f         | 1/41 [00:20<13:35, 20.39s/batch]"
    f"\rEpoch {e + 898}/1000:: 100%|\u2588\u2588\u2588\u2588\u2588\u2588\u2588\u2588\u2588\u2588|"
    f" 41/41 [08:58<00:00, 13.14s/batch]\n"
    for e in range(3))


def test_a_line_glued_after_a_bar_with_another_unit_is_its_own() -> None:
    """A logging record printed right after a tqdm bar counting ``batch/s`` (not ``it/s``) is
    a line of its own: its unchanged values are new observations, not the bar's redraw."""
    assert [(n, s) for n, _, s, _ in named(BATCH_BAR) if n == "lr"] == [
        ("lr", 36777), ("lr", 36778), ("lr", 36779)]


def test_a_phases_field_words_name_its_value() -> None:
    """mlx-lm's ORPO line: "Val chosen reward" and "Val rejected reward" are two series,
    not one ``val_reward``."""
    text = ("Iter 1: Val loss 0.055, Val chosen reward -0.240, Val rejected reward -0.268, "
            "Val accuracy 1.000\n"
            "Iter 50: Val chosen reward -0.250\n")
    assert [(n, v) for n, v, *_ in named(text)] == [
        ("val_loss", 0.055), ("val_chosen_reward", -0.24), ("val_rejected_reward", -0.268),
        ("val_accuracy", 1.0), ("val_chosen_reward", -0.25)]


def test_a_warnings_words_after_a_counter_name_nothing() -> None:
    """Guard: after a counter's colon only a phase's words join a name (DeepSpeed's
    "Invalidate trace cache @ step 595: expected module 4")."""
    names = [n for n, *_ in named(
        "Invalidate trace cache @ step 595: expected module 4, but got module 3\n")]
    assert not any(n.startswith("expected") for n in names)


def test_a_train_epoch_line_names_its_phase() -> None:
    """Flax's MNIST example prints "Train epoch: 1, loss: ..., accuracy: ..." and "Test epoch:
    1, loss: ...": each line's phase names its values."""
    text = ("Train epoch: 1, loss: 0.2903, accuracy: 91.86\n"
            "Test epoch: 1, loss: 44.35, accuracy: 94.78\n")
    assert [(n, e) for n, _, _, e in named(text)] == [
        ("train_loss", 1), ("train_accuracy", 1), ("test_loss", 1), ("test_accuracy", 1)]


def test_opennmts_elapsed_seconds_are_named_by_their_unit() -> None:
    """OpenNMT-py ends each step line with the seconds since the run began, a field of its
    own: ``sec``."""
    text = ("[2025-09-21 09:26:53,310 INFO] Step 4850/ 5000; acc:  98.58; ppl:  1.11; xent: 0.11;"
            " lr: 0.00020; 4807/6674 tok/s;   2888 sec\n")
    assert [(n, v, s) for n, v, s, _ in named(text)][-1] == ("sec", 2888.0, 4850)


def test_a_duration_inside_a_field_is_not_named_so() -> None:
    """Guard: only a duration that is a whole field of a ``;`` or ``|`` list (round tune93
    took ``|`` lists too: llm.c's "| 44.57 ms |")."""
    assert [n for n, *_ in named("Step 10 | loss: 0.5, 3 sec\n")] == ["loss"]
    assert [n for n, *_ in named("Step 10 | loss: 0.5 3 sec\n")] == ["loss"]


def test_a_range_and_a_frequency_are_settings() -> None:
    """FinRL's "Model training from:  20090000 to  20151002" opens a date range; AINE-DRL's
    "summary frequency: 2000" says how often a summary is written: neither is a metric."""
    text = (" - Model training from:  20090000 to  20151002\n"
            "|     summary frequency: 2000     |\n"
            "|     agent save frequency: 20000 |\n"
            "Episode 3, reward: 12.5\n")
    assert [n for n, *_ in named(text)] == ["reward"]


def test_a_metrics_own_frequency_stays() -> None:
    """Guard: a name with a metric's word is the metric's (``val_acc_frequency``)."""
    assert [n for n, *_ in named("epoch 3 | val_acc_frequency: 0.25\n")] == ["val_acc_frequency"]


def test_a_corpus_summary_is_no_metric() -> None:
    """Flair prints its data set's sizes before training: ``Corpus`` is no metric's name."""
    text = ('2022-01-28 18:58:43,198 Corpus: "Corpus: 4482 train + 559 dev + 557 test sentences"\n'
            "epoch 1 - loss 0.5\n")
    assert [n for n, *_ in named(text)] == ["loss"]


def test_counted_things_are_no_metrics() -> None:
    """A data set's sizes printed before training (``train_pairs: 18596``, ``num clips``):
    counts of things, not metrics."""
    text = ("2025-10-24 15:00:24,024 - INFO -    - train_pairs: 18596\n"
            "2025-10-24 15:00:24,025 - INFO -    - val_pairs: 1716\n"
            "Epoch 1: loss 0.5\n")
    assert [n for n, *_ in named(text)] == ["loss"]

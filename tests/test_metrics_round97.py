"""Round ``tune97`` (session 97). Each test of a rule fails on aec18d1d (this session's
start); the guards pin what must not change."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path
from typing import Any

from conftest import track, track_json
from parsed import named

from exptrack.metrics.merge import merge_sources, name_key
from exptrack.metrics.observation import Observation
from exptrack.metrics.tfevents import read_events

FAIRSEQ = Path(__file__).parent / "data" / "zoo" / "fairseq_lm" / "pipe" / "files"


def test_a_loaders_epoch_summary_is_the_loaders() -> None:
    # Catalyst 22's SupervisedRunner closes each loader with "<loader> (<epoch>/<epochs>)
    # key: value | ..." and the epoch with "* Epoch (<epoch>/<epochs>)" after them: the
    # loader names the values, key paths too, and the parenthesized count is their epoch
    # (before: bare names pooling train and valid, the first epoch's at no epoch)
    text = ("train (1/2) accuracy01: 0.445 | accuracy01/std: 0.18 | loss: 1.63 | lr: 0.02\n"
            "valid (1/2) accuracy01: 0.619 | accuracy01/std: 0.07 | loss: 1.03 | lr: 0.02\n"
            "* Epoch (1/2) \n"
            "train (2/2) accuracy01: 0.625 | accuracy01/std: 0.08 | loss: 1.05 | lr: 0.02\n"
            "valid (2/2) accuracy01: 0.675 | accuracy01/std: 0.08 | loss: 0.96 | lr: 0.02\n"
            "* Epoch (2/2) \n")
    found = named(text)
    assert [o for o in found if o[3] == 1] == [
        ("train_accuracy01", 0.445, None, 1), ("train_accuracy01/std", 0.18, None, 1),
        ("train_loss", 1.63, None, 1), ("train_lr", 0.02, None, 1),
        ("valid_accuracy01", 0.619, None, 1), ("valid_accuracy01/std", 0.07, None, 1),
        ("valid_loss", 1.03, None, 1), ("valid_lr", 0.02, None, 1)]
    assert [(n, v) for n, v, _, e in found if e == 2 and n.endswith("loss")] == [
        ("train_loss", 1.05), ("valid_loss", 0.96)]


def test_a_phase_before_a_count_of_something_else_is_no_loader() -> None:
    # guard: a phase word, a parenthesized count, then no key of a value
    text = "valid (3/10) done\nepoch 1 loss 0.5\n"
    assert named(text) == [("loss", 0.5, None, 1)]


def test_a_bar_value_cut_at_the_terminals_width_is_left_out() -> None:
    # tqdm trims its line to the terminal's width: Catalyst's valid bar under a 120-column
    # pty ends "..., accuracy05=0.906, loss=0" where the loss was 0.990 (before: a loss of 0)
    cut = ("3/3 * Epoch (valid): 100%|#| 5/5 [00:00<00:00, 251.27it/s, accuracy01=0.781, "
           "loss=0\n")
    assert named(cut) == [("valid_accuracy01", 0.781, 5, None)]
    # guard: a whole postfix, and a value that ends a line outside a bar, are read
    whole = cut.replace("loss=0\n", "loss=0.99]\n")
    assert named(whole)[-1] == ("valid_loss", 0.99, 5, None)
    assert named("eta [00:01<00:02, 3.1it/s] loss=0\n") == [("loss", 0.0, None, None)]


def test_fairseqs_train_folder_beside_train_inner_is_the_epochs(tmp_path: Path) -> None:
    # fairseq's --tensorboard-logdir: tb/train_inner (every --log-interval updates), tb/train
    # (each epoch's averages, the same tags) and tb/valid. The epoch's tags are train_<tag>,
    # as its printed "| train | epoch 001 | loss 6.355" is named (before: pooled with the
    # inner run's under "loss", 3 epoch averages then 10 interval values)
    tb = tmp_path / "tb"
    shutil.copytree(FAIRSEQ / "tb", tb)
    epoch = {o.name for path in (tb / "train").iterdir() for o in read_events(path)}
    inner = {o.name for path in (tb / "train_inner").iterdir() for o in read_events(path)}
    assert {"train_loss", "train_ppl", "train_lr"} <= epoch and "loss" not in epoch
    assert {"loss", "ppl", "lr"} <= inner
    # guard: a train folder alone keeps its tags (TensorFlow's logs/train beside logs/test)
    shutil.rmtree(tb / "train_inner")
    alone = {o.name for path in (tb / "train").iterdir() for o in read_events(path)}
    assert "loss" in alone and "train_loss" not in alone


def test_a_coefficient_or_an_interval_in_a_configuration_dump_is_a_setting() -> None:
    # Sample Factory's "Starting experiment with the following configuration:" lists its
    # arguments a line each; "value_loss_coeff=0.5" and "save_every_sec=600" sound like a
    # loss and a time, but a coefficient and "every" (how often) name settings (before:
    # each recorded as a one-value metric, the run's headline metric "value_loss_coeff")
    text = ("Starting experiment with the following configuration:\nhelp=False\nalgo=APPO\n"
            "gamma=0.99\nexploration_loss_coeff=0.003\nvalue_loss_coeff=0.5\n"
            "save_every_sec=600\nlearning_rate=0.0001\n"
            "Fps is (10 sec: 512.0). Total num frames: 4096. Throughput: 0: 409.6.\n")
    assert named(text) == [("fps_10_sec", 512.0, 4096, None), ("throughput", 409.6, 4096, None)]


def test_a_profilers_report_is_no_metric() -> None:
    # Sample Factory closes a run with each component's "profile tree view:", a code
    # section's seconds a line ("train: 14.1388", "  calculate_losses: 2.6882"): where the
    # time went, not measures of the model (before: 36 one-value "metrics", "train" among
    # them). The lines after the report read as before.
    text = ("[2026-12-06 17:37:09,010][14852] Learner 0 profile tree view:\n"
            "misc: 0.0006, prepare_batch: 0.6931\ntrain: 14.1388\n"
            "  epoch_init: 0.0006, minibatch_init: 0.0010, kl_divergence: 0.0157\n"
            "  calculate_losses: 2.6882\n    bptt: 2.1770\n\n"
            "epoch 1 loss 0.5\n")
    assert named(text) == [("loss", 0.5, None, 1)]


COQUI = next((Path(__file__).parent / "data" / "zoo" / "coqui_trainer" / "pipe" / "files"
              / "output").glob("run-*/events.out.tfevents.*"))
# Coqui's trainer: each evaluation's "| > avg_loss: <mean> (<change>)" under "EVAL
# PERFORMANCE", and its TensorBoard file with EvalStats/avg_loss and TrainEpochStats/avg_loss
EVALUATIONS = r"""
import os, shutil, sys
os.makedirs("output/run-1")
shutil.copy(sys.argv[1], "output/run-1/" + os.path.basename(sys.argv[1]))
for step, loss in zip((4, 10, 16), sys.argv[2:]):
    print(f"   --> TIME: 2026-12-06 17:11:32 -- STEP: 4/5 -- GLOBAL_STEP: {step}")
    print(" > EVALUATION\n\n  --> EVAL PERFORMANCE")
    print(f"     | > avg_loss: {loss} (+0.0)", flush=True)
"""


def test_a_printed_name_goes_to_the_file_series_its_values_are(
        tmp_path: Path, track_home: Path) -> None:
    # the file's last parts name no one series ("avg_loss" ends two groups' tags): the
    # printed values tell which (before: the printed avg_loss stood beside
    # EvalStats/avg_loss, one quantity under two names)
    values = ("12.521397590637207", "8.539454460144043", "5.306301116943359")
    track("run", "--", sys.executable, "-c", EVALUATIONS, str(COQUI), *values,
          cwd=tmp_path, check=True)
    metrics: dict[str, Any] = track_json("show", "@")["metrics"]
    assert "avg_loss" not in metrics and metrics["EvalStats/avg_loss"]["count"] == 3
    assert metrics["TrainEpochStats/avg_loss"]["last"] == 3.8505735397338867
    # values no series holds stay the printed metric, whole
    (tmp_path / "other").mkdir()
    track("run", "--", sys.executable, "-c", EVALUATIONS, str(COQUI), "1.5", "2.5", "3.5",
          cwd=tmp_path / "other", check=True)
    metrics = track_json("show", "@")["metrics"]
    assert metrics["avg_loss"]["count"] == 3 and metrics["avg_loss"]["last"] == 3.5
    assert metrics["EvalStats/avg_loss"]["count"] == 3
    (points,) = track_json("plot", "avg_loss", "@", "--json")  # metrics.jsonl keeps them
    assert points["points"] == [[4.0, 1.5], [10.0, 2.5], [16.0, 3.5]]


def test_a_boxed_table_whose_columns_are_phases() -> None:
    # Ludwig's evaluation table (tabulate's fancy_grid): the label column's head empty, the
    # phases as columns, a rule between rows; its closing report's "Best model step" is
    # where the best model was, no metric (before: nothing of the table; the step recorded)
    text = ("Running evaluation for step: 7, epoch: 1\n"
            "╒═══════════════╤═════════╤══════════════╤════════╕\n"
            "│               │   train │   validation │   test │\n"
            "╞═══════════════╪═════════╪══════════════╪════════╡\n"
            "│ accuracy      │  0.3714 │       0.3667 │ 0.4667 │\n"
            "├───────────────┼─────────┼──────────────┼────────┤\n"
            "│ roc_auc       │  0.0642 │       0.1759 │ 0.0933 │\n"
            "╘═══════════════╧═════════╧══════════════╧════════╛\n"
            "╒═════════════════╤════╕\n│ Best model step │ 21 │\n"
            "├─────────────────┼────┤\n│ Best model epoch │ 4 │\n╘═════════════════╧════╛\n")
    assert [(n, v) for n, v, *_ in named(text)] == [
        ("train_accuracy", 0.3714), ("validation_accuracy", 0.3667), ("test_accuracy", 0.4667),
        ("train_roc_auc", 0.0642), ("validation_roc_auc", 0.1759), ("test_roc_auc", 0.0933)]
    # guard: AllenNLP's unboxed "Training |  Validation" columns read as before
    allen = "Training |  Validation\naccuracy | 0.711 | 0.836\nloss | 0.5 | N/A\n"
    assert [(n, v) for n, v, *_ in named(allen)] == [
        ("training_accuracy", 0.711), ("validation_accuracy", 0.836), ("training_loss", 0.5)]


def test_a_word_written_short_is_the_file_series_written_whole() -> None:
    # OpenNMT-py prints "acc: 16.0; ppl: 18.6" and "Validation perplexity: 18.6"; its
    # TensorBoard keeps "progress/accuracy", "progress/ppl" and "valid/ppl" (before: the
    # printed acc and validation_perplexity stood beside the file's, two names for one)
    printed = [Observation("acc", 16.0, 10, None), Observation("ppl", 18.6, 10, None),
               Observation("validation_perplexity", 18.61, 20, None)]
    file = [Observation("progress/accuracy", 16.02, 10, None),
            Observation("progress/ppl", 18.63, 10, None),
            Observation("valid/ppl", 18.6123, 20, None)]
    kept, merged = merge_sources(printed, [("tfevents", file)])
    assert kept == [] and {name for name, series in merged.items() if series} == {
        "progress/accuracy", "progress/ppl", "valid/ppl"}
    assert name_key("val_acc") == name_key("val_accuracy") != name_key("val_accident")


def test_an_evaluation_interval_in_a_configuration_is_no_step() -> None:
    # RecBole prints its configuration "key = value" a line each ("eval_step = 1": evaluate
    # every epoch; "loss_decimal_place = 4": how the loss is printed), then its data's
    # statistics; neither is a metric, and the interval sets no step (before: "eval_step"
    # made step 1, so "The sparsity of the dataset: 85.2%" became a metric "dataset", and
    # "loss_decimal_place" one too)
    text = ("Training Hyper Parameters:\nepochs = 4\neval_step = 1\nstopping_step = 10\n"
            "loss_decimal_place = 4\n\n"
            "The number of users: 101\nThe sparsity of the dataset: 85.2%\n"
            "epoch 0 training [time: 0.05s, train loss: 6.9362]\n")
    assert [(n, v) for n, v, *_ in named(text)] == [("training_time", 0.05),
                                                     ("train_loss", 6.9362)]
    # guard: an evaluation's step among values is its step
    assert named("eval_step = 20, eval_loss = 0.5\n") == [("eval_loss", 0.5, 20, None)]


def test_the_concordance_index_is_a_metric() -> None:
    # survival analysis' C-index (pycox's EvalSurv.concordance_td(), lifelines'
    # concordance_index): "index" ends no counter's or an id's name here (before: denied,
    # as "batch_index" is)
    text = ("7:\t[0s / 0s],\t\ttrain_loss: 2.6272,\tval_loss: 3.8101\n"
            "C-index: 0.822655890662987\nConcordance index: 0.8109\n")
    assert [(n, v) for n, v, *_ in named(text)][-2:] == [
        ("C-index", 0.822655890662987), ("Concordance_index", 0.8109)]
    # guard: an index still names no metric
    assert "batch_index" not in {n for n, *_ in named("epoch 1 loss 0.5 batch_index 3\n")}


def test_a_table_cell_of_a_few_numbers_is_a_series_each() -> None:
    # DeepXDE's training table: each loss cell lists its terms ("[4.21e+01, 1.76e-02]": the
    # PDE's, the boundary's), the metric cell its one value ("[9.02e-01]", before taken for
    # a step, as "[100]" after a log prefix is one)
    text = ("Step      Train loss              Test loss               Test metric   \n"
            "0         [4.21e+01, 1.76e-02]    [4.76e+01, 1.76e-02]    [9.02e-01]    \n"
            "500       [2.00e-02, 1.16e-03]    [9.39e-03, 1.16e-03]    [2.85e-02]    \n")
    assert [(n, v, s) for n, v, s, _ in named(text)][:5] == [
        ("Train_loss_0", 42.1, 0), ("Train_loss_1", 0.0176, 0), ("Test_loss_0", 47.6, 0),
        ("Test_loss_1", 0.0176, 0), ("Test_metric", 0.902, 0)]
    assert len(named(text)) == 10
    # guard: a CSV's quoted list stays one cell of no value
    csv = "epoch,loss,acc\n1,\"[0.5, 0.4]\",0.8\n2,\"[0.3, 0.2]\",0.9\n"
    assert {n for n, *_ in named(csv)} == {"acc"}

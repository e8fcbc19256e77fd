"""Round ``tune98`` (session 98). Each test of a rule fails on 2c012713 (this session's
start); the guards pin what must not change."""

from __future__ import annotations

import itertools
import random
import re
from pathlib import Path

import pytest
from parsed import named

from exptrack.metrics.parser import MetricParser

ZOO = Path(__file__).parent / "data" / "zoo"


def test_a_best_models_block_at_its_step_repeats_values() -> None:
    # DeepXDE closes training with "Best model at step N:" over the best row's losses again;
    # the best step is not the run's step now (before: "test metric: [8.27e-02]" was a
    # second value of the table's Test_metric, at the best step, after the last row's)
    text = ("Step      Train loss    Test loss     Test metric   \n"
            "1000      [2.31e-03]    [9.19e-03]    [8.27e-02]    \n"
            "2000      [2.57e-03]    [9.14e-03]    [8.25e-02]    \n"
            "\n"
            "Best model at step 1000:\n"
            "  train loss: 2.31e-03\n"
            "  test loss: 9.19e-03\n"
            "  test metric: [8.27e-02]\n"
            "\n")
    found = named(text)
    assert [(n, v, s) for n, v, s, _ in found if n.lower() == "test_metric"] == [
        ("Test_metric", 0.0827, 1000), ("Test_metric", 0.0825, 2000)]
    assert {n.lower() for n, *_ in found} == {"train_loss", "test_loss", "test_metric"}


def test_the_generations_own_best_is_a_series() -> None:
    # EvoTorch's StdOutLogger: "pop_best_eval" is this generation's best, a new value each
    # generation; "best_eval" the best so far (before: both read as a running best)
    block = ("         iter : {}\n    mean_eval : {}\npop_best_eval : {}\n"
             "    best_eval : {}\n   worst_eval : 145.02822875976562\n\n")
    text = block.format(1, 107.4777, 74.2292, 74.2292) \
        + block.format(2, 115.7614, 99.5552, 74.2292) + block.format(3, 93.2202, 56.3369, 56.3369)
    found = named(text)
    assert [(v, s) for n, v, s, _ in found if n == "pop_best_eval"] == [
        (74.2292, 1), (99.5552, 2), (56.3369, 3)]
    assert "best_eval" not in {n for n, *_ in found}


def test_a_lightning_bars_padded_value_is_the_checkpoints_rounded() -> None:
    # Lightning pads tqdm's ".3g" to five characters ("3.350" of 3.35074): its
    # ModelCheckpoint line "reached 3.35074" at the same epoch is that value again (before:
    # read as its third decimal, a second val_loss an epoch; losses under 1 were fine)
    text = ("\rEpoch 0: |          | 8/? [00:00<00:00, 40.08it/s, v_num=0, val_loss=3.350, "
            "train_loss=3.180]Epoch 0, global step 8: 'val_loss' reached 3.35074 (best "
            "3.35074), saving model to 'lightning_logs/version_0/checkpoints/x.ckpt' as top 1\n"
            "\rEpoch 1: |          | 8/? [00:00<00:00, 49.94it/s, v_num=0, val_loss=3.080, "
            "train_loss=2.900]Epoch 1, global step 16: 'val_loss' reached 3.07519 (best "
            "3.07519), saving model to 'lightning_logs/version_0/checkpoints/y.ckpt' as top 1\n")
    found = named(text)
    assert [(v, e) for n, v, _, e in found if n == "val_loss"] == [(3.35, 0), (3.08, 1)]


CRFSUITE = """\
Feature generation
type: CRF1d
Number of features: 429
Seconds required: 0.001

Iter 1   time=0.00  loss=1562.98  active=428   precision=0.129  recall=0.200  F1=0.157  \
Acc(item/seq)=0.647 0.000  feature_norm=1.00
Iter 2   time=0.00  loss=1207.24  active=418   precision=0.129  recall=0.200  F1=0.157  \
Acc(item/seq)=0.647 0.000  feature_norm=1.94
L-BFGS terminated with the maximum number of iterations
Total seconds required for training: 0.030

Storing the model
Number of active features: 336 (429)
Performance on training set: 0.9954870609388043
Performance on test set: 0.9846267903662592
"""


def test_crfsuites_iteration_line_and_closing_phrases() -> None:
    # sklearn-crfsuite's verbose trainer: "Acc(item/seq)=0.647 0.000" is two values, named
    # by the pair in parentheses (before: one series "Acc(item/seq)", the sequence accuracy
    # lost); "active=" counts the active features; "Total seconds required for training" is
    # a duration named by its phrase (before: "training"); a "Performance on ... set" is a
    # score (before: nothing)
    found = named(CRFSUITE)
    got = {n: [v for m, v, *_ in found if m == n] for n, *_ in found}
    assert got["Acc_item"] == [0.647, 0.647] and got["Acc_seq"] == [0.0, 0.0]
    assert got["F1"] == [0.157, 0.157] and got["feature_norm"] == [1.0, 1.94]
    assert got["Total_seconds_required_for_training"] == [0.03]
    assert got["Performance_on_training_set"] == [0.9954870609388043]
    assert got["Performance_on_test_set"] == [0.9846267903662592]
    assert not {"active", "Acc(item/seq)", "training"} & set(got)


def test_crfsuites_iteration_blocks_time_phrase() -> None:
    # python-crfsuite's own log: "Seconds required for this iteration: 0.006" a block
    text = "".join(f"***** Iteration #{i} *****\nLoss: {100 - i}.5\nFeature norm: {i}.25\n"
                   f"Seconds required for this iteration: 0.00{i}\n\n" for i in range(1, 4))
    found = named(text)
    assert [(v, s) for n, v, s, _ in found if n == "Seconds_required_for_this_iteration"] == [
        (0.001, 1), (0.002, 2), (0.003, 3)]


def test_a_record_with_its_date_first_over_a_bar_is_no_render() -> None:
    # tqdm.write clears the bar and MushroomRL's Logger prints its record on the bar's line
    # ("%d/%m/%Y %H:%M:%S"): the record is a line of its own, each value counts even when it
    # repeats (before: "06/12" read as a bar's count, an unchanged R dropped as a redraw)
    text = "".join(f"\r  0%|          | 0/5 [00:00<?, ?it/s]\x1b[A\n"
                   f"\r                                     \x1b[A06/12/2026 20:08:4{i} [INFO] "
                   f"Epoch {i} | J: -0.{7 - i}917 R: -1.0\n" for i in range(1, 4))
    found = named(text)
    assert [(v, e) for n, v, _, e in found if n == "R"] == [(-1.0, 1), (-1.0, 2), (-1.0, 3)]


def test_a_dict_printed_twice_at_its_own_epoch_is_one_report() -> None:
    # Ray Train V2 copies a worker's print to its log and to stdout: the same dict, its
    # epoch inside it, twice in a row (before: each epoch's values twice; a line whose own
    # epoch is its only counter had no report span to compare)
    line = ("\x1b[36m(RayTrainWorker pid=28653)\x1b[0m {{'loss': {}, 'val_loss': {}, "
            "'val_acc': 0.84375, 'epoch': {}}}\n")
    text = line.format(0.5788985, 0.5449521, 0) + line.format(0.4867159, 0.4442327, 1) * 2
    found = named(text)
    assert [(v, e) for n, v, _, e in found if n == "loss"] == [(0.5788985, 0), (0.4867159, 1)]


SPM = """\
I0000 00:00:1796587607.819140   24751 sentencepiece_trainer.cc:149] Starts training with :
trainer_spec {
  input: corpus.txt
  model_type: UNIGRAM
  vocab_size: 500
  character_coverage: 0.9995
  shrinking_factor: 0.75
  user_defined_symbols: <blk>
  user_defined_symbols: <sos/eos>
  vocabulary_output_piece_score: 1
  differential_privacy_noise_level: 0
}
normalizer_spec {
  name: nmt_nfkc
  add_dummy_prefix: 1
}
denormalizer_spec {}
I0000 00:00:1796587607.848869   24751 trainer_interface.cc:661] Tokenizing input sentences \
with whitespace: 4000
I0000 00:00:1796587608.167204   24751 unigram_model_trainer.cc:903] EM sub_iter=0 size=3699 \
obj=10.7705 num_tokens=52028 bytes/tok=8.94101
I0000 00:00:1796587608.188811   24751 unigram_model_trainer.cc:903] EM sub_iter=1 size=3121 \
obj=9.8801 num_tokens=52713 bytes/tok=9.05012
"""


def test_sentencepieces_options_and_em_iterations() -> None:
    # SentencePiece's trainer: its options printed in protobuf's text format ("trainer_spec
    # {", a field repeated) are settings, however their names sound (before: the options
    # with a metric's word, or all of them in a log of no step); "EM sub_iter=1" is the EM
    # loop's counter (before: a metric "EM_sub_iter", its obj at no step)
    found = named(SPM)
    assert {n for n, *_ in found} == {"obj", "bytes/tok"}
    assert [(v, s) for n, v, s, _ in found if n == "obj"] == [(10.7705, 0), (9.8801, 1)]


def test_a_data_sets_statistics_table_is_no_metric() -> None:
    # Chemprop's rich tables describe each split's target before training ("Summary of
    # Training Data", "┃ Statistic ┃ Value (logp) ┃"): no metrics (before: Mean, Std._dev.,
    # Median, %_within_1_s.d. ... each split's, three values a name)
    table = ("     Summary of {} Data     \n"
             "┏━━━━━━━━━━━━━━━━━┳━━━━━━━━━━━━━━┓\n"
             "┃       Statistic ┃ Value (logp) ┃\n"
             "┡━━━━━━━━━━━━━━━━━╇━━━━━━━━━━━━━━┩\n"
             "│     Num. smiles │           {} │\n"
             "│            Mean │         {} │\n"
             "│       Std. dev. │         1.44 │\n"
             "│ % within 1 s.d. │          65% │\n"
             "└─────────────────┴──────────────┘\n\n")
    text = table.format("Training", 48, 2.11) + table.format("Validation", 6, 2.55) \
        + "Epoch 0: loss=0.52\nEpoch 1: loss=0.41\n"
    assert [n for n, *_ in named(text)] == ["loss", "loss"]


def _observations(pieces: list[bytes]) -> list[str]:
    parser = MetricParser()
    found = [o for piece in pieces for o in parser.feed(piece)] + parser.finish()
    return [repr(o) for o in found]  # (repr: nan == nan)


@pytest.mark.parametrize("mode", ["pipe", "pty"])
def test_a_line_glued_to_a_bars_frame_reads_alike_in_any_chunks(mode: str) -> None:
    # Optuna's LightGBM tuner: tqdm writes a frame ("\rfeature_fraction, val_score: 0.27:
    # 29%|...| 2/7 [...]"), then Optuna's logger its "[I ...] Trial 1 finished with value:
    # 0.27 ..." record on the same line, two writes, so the recorder reads them apart
    # (before: the record read apart from the "\r" before the frame was no line of its own,
    # 17 of the 65 trial values kept; read whole, all of them)
    data = (ZOO / "optuna_lightgbm_tuner" / mode / "output.log").read_bytes()
    whole = _observations([data])
    assert sum('name=\'value\'' in o for o in whole) == 65
    cuts = sorted({m.start() for m in re.finditer(rb"\r", data)}
                  | {m.end() for m in re.finditer(rb"\n", data)})
    writes = [data[a:b] for a, b in zip([0, *cuts], [*cuts, len(data)], strict=True) if a < b]
    assert _observations(writes) == whole
    rng = random.Random(mode)
    sizes = [rng.choice((1, 2, 3, 7, 64, 333, 4096)) for _ in range(len(data))]
    starts = list(itertools.accumulate([0, *sizes]))
    assert _observations([data[a:b] for a, b in itertools.pairwise(starts)
                          if a < len(data)]) == whole


def test_an_ax_trials_data_is_at_the_trials_index() -> None:
    # Ax's AxClient logs each completed trial's data: a value (Ax 1.x) or a (mean, standard
    # error) pair (Ax 0.x) a key, at the trial's index (before: nothing of a pair; a value
    # at no step); the parameters of "Generated new trial" are the trial's configuration
    text = ("[INFO 09-23 21:56:15] ax.service.ax_client: Generated new trial 0 with parameters "
            "{'x1': 0.41, 'x2': 0.7} using model Sobol.\n"
            "[INFO 09-23 21:56:15] ax.service.ax_client: Completed trial 0 with data: "
            "{'hartmann6': (-0.55, 0.0), 'l2norm': (1.2, 0.0)}.\n"
            "[INFO 09-23 21:56:16] ax.service.ax_client: Completed trial 1 with data: "
            "{'hartmann6': (-0.65, 0.0), 'l2norm': (1.1, 0.0)}.\n"
            "[INFO 12-06 20:41:45] ax.service.ax_client: Completed trial 2 with data: "
            "{'hartmann6': -0.7, 'l2norm': 1.05}.\n")
    assert [(n, v, s) for n, v, s, _ in named(text)] == [
        ("hartmann6", -0.55, 0), ("l2norm", 1.2, 0), ("hartmann6", -0.65, 1), ("l2norm", 1.1, 1),
        ("hartmann6", -0.7, 2), ("l2norm", 1.05, 2)]


def test_a_phase_heading_names_the_indented_line_under_it() -> None:
    # PyTorch's Quickstart tutorial: print(f"Test Error: \n Accuracy: {..:>0.1f}%, Avg loss:
    # {..:>8f} \n"): the heading's phase names the values of the line under it (before:
    # "Accuracy" and "Avg_loss", whose phase the heading alone said)
    text = "".join(f"Epoch {e}\n-------------------------------\nloss: 2.30{e}  [   64/19200]\n"
                   f"Test Error: \n Accuracy: 1{e}.5%, Avg loss: 2.29870{e} \n\n"
                   for e in (1, 2))
    found = named(text)
    assert [(n, v, ep) for n, v, _, ep in found if n.startswith("test_")] == [
        ("test_accuracy", 11.5, 1), ("test_avg_loss", 2.298701, 1),
        ("test_accuracy", 12.5, 2), ("test_avg_loss", 2.298702, 2)]


def test_gensims_callbacks_log_a_pass_under_their_title() -> None:
    # LdaModel's PerplexityMetric and ConvergenceMetric (logger="shell"): "Epoch 0:
    # Perplexity estimate: 11.64" is lda.metrics["Perplexity"] at pass 0 (before: its values
    # joined the per-word bound lines' "perplexity_estimate"; "Convergence_estimate")
    prefix = "2026-12-06 21:20:01,612 : INFO : "
    text = "".join(f"{prefix}-3.35{e} per-word bound, 10.2{e} perplexity estimate based on a "
                   f"held-out corpus of 100 documents with 3027 words\n"
                   f"{prefix}Epoch {e}: Perplexity estimate: 11.64{e}\n"
                   f"{prefix}Epoch {e}: Convergence estimate: 3.53{e}\n" for e in range(3))
    found = named(text)
    assert [(v, ep) for n, v, _, ep in found if n == "Perplexity"] == [
        (11.640, 0), (11.641, 1), (11.642, 2)]
    assert [v for n, v, *_ in found if n == "perplexity_estimate"] == [10.20, 10.21, 10.22]
    assert [v for n, v, *_ in found if n == "Convergence"] == [3.530, 3.531, 3.532]


def test_elegantrls_table_with_a_value_under_etc() -> None:
    # ElegantRL's evaluator table: PPO prints a value under the header's last "etc." (its
    # policy's log-std; DQN prints none), and a value that fills its column is glued to the
    # group's "|" ("|-1205.33"): before, no row of PPO's table was read
    text = ("ID     Step    Time |    avgR   stdR   avgS  stdS |    expR   objC   objA   etc.\n"
            "0  8.00e+02       0 |-1299.81  322.4    200     0 |   -1.43  58.39   0.02  -0.02\n"
            "0  1.60e+03       2 | -988.68   85.6    200     0 |   -1.42  15.34   0.02  -0.02\n")
    found = named(text)
    assert [(v, s) for n, v, s, _ in found if n == "avgR"] == [(-1299.81, 800), (-988.68, 1600)]
    assert [v for n, v, *_ in found if n == "objA"] == [0.02, 0.02]
    assert "etc." not in {n for n, *_ in found}

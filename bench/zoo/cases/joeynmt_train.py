"""JoeyNMT 2.3.0 as its tutorial trains it: the reverse task (a line of integers and the same
integers reversed, written as ``scripts/generate_reverse_task.py`` writes them: numpy seeded
with 42, ``train``/``dev``/``test`` ``.src``/``.trg``; here 2000/100/100 lines of integers 0-19,
at most 10 long for train and 15 for dev and test, where the script makes 50k/1k/1k lines of
0-49), then ``python -m joeynmt train config.yaml`` with the tutorial's ``configs/
rnn_reverse.yaml`` (a bidirectional LSTM encoder and an LSTM decoder with Luong attention, 64
units, embeddings of 16; ``batch_size: 10`` sentences; BLEU the early-stopping metric; its
``testing`` section: greedy, ``eval_metrics: ["bleu"]``), made small: 2 epochs of 200 steps,
``validation_freq: 100``, ``logging_freq: 20``, ``use_cuda: False`` and ``fp16: False`` as the
tutorial's text sets them, ``print_valid_sents: [0]`` for its ``[0, 3, 6]`` (each example shown
also puts its attention plot, about 10 kB, into the TensorBoard file the fixture keeps). One
change of substance: the config's ``scheduling: "plateau"`` fails under torch 2.13 (joeynmt
passes ``verbose`` to ``ReduceLROnPlateau``, which torch no longer takes), so it schedules with
joeynmt's own ``"warmupinversesquareroot"`` (its sp/bpe configs' scheduler) at a peak
``learning_rate: 0.005`` after ``learning_rate_warmup: 100`` steps. The command runs in this
process (``runpy`` of ``joeynmt.__main__`` with ``sys.argv`` as the command line gives it), so
that two of joeynmt's functions can be wrapped for the values it computes and keeps in no file
(below); what it prints is the command's own. Before it the case calls
``torch.manual_seed(42)``: joeynmt 2.3's ``prepare()`` seeds torch (``random_seed: 42``) only
after it has built and initialised the model, so without it the initial weights, and every
number after them, change from run to run.

What it prints (joeynmt's logger on stderr, ``%(asctime)s - %(levelname)s - %(name)s -
%(message)s``, everything at INFO; the same text goes to ``reverse_model/train.log``): the
config as ``cfg.training.learning_rate : 0.005`` lines, the data sets, vocabularies and model,
then every 20 steps (one line; ``...`` is the time stamp, ``- INFO - joeynmt.training -``)::

    ... Epoch   1, Step:       20, Batch Loss:    21.198399, Batch Acc: 0.152821, Tokens per
        Sec:     3452, Lr: 0.001000

every 100 steps a validation (tqdm's ``Predicting...`` bar on stderr, ``Generation took
0.1833[sec].``, sacrebleu's signature ``nrefs:1|case:mixed|...|version:2.6.0``)::

    ... - INFO - joeynmt.prediction - Evaluation result (greedy): bleu:   0.72, loss:  27.99,
        ppl:  19.28, acc:   0.16, 0.0119[sec]
    ... - INFO - joeynmt.training - Hooray! New best validation result [bleu]!
    ... - INFO - joeynmt.training - Checkpoint saved in /tmp/.../reverse_model/100.ckpt.
    ... - INFO - joeynmt.training - Example #0
    ... - INFO - joeynmt.training - \tSource:     5 19 10 6 17 3 4 3 3 12 15 13 10 1
    ... - INFO - joeynmt.training - \tReference:  1 10 13 15 12 3 3 4 3 17 6 10 19 5
    ... - INFO - joeynmt.training - \tHypothesis: 13 13 13 13 13

(the example ``print_valid_sents`` picks), after each epoch ``Epoch   1, total training loss:
3211.91, num. of seqs: 2000, num. of tokens: 12933, 4.7593[sec]``, at the end ``Training
ended after   2 epochs.``, ``Best validation result (greedy) at step      400:  62.23 bleu.``, and
then (the command's default, no ``--skip-test``) the best checkpoint decodes the dev and the
test set: ``Decoding on dev set... (device: cpu, ...)``, ``Evaluation result (greedy):
bleu:  62.23, 0.0081[sec]``, ``Translations saved to: .../best.hyps.dev.``, the same for
``test``.

Truth: the files joeynmt writes in its ``model_dir`` (both listed in ``files``):
``validations.txt`` (one line a validation, ``Steps: 100\\tloss: 27.99269\\tacc: 0.16173\\t
ppl: 19.27980\\tbleu: 0.71877\\tLR: 0.00500000\\t*``, ``%.5f``) and the TensorBoard events
under ``tensorboard/`` (``train/batch_loss``, ``train/batch_acc``, ``train/learning_rate``
with each ``Epoch .., Step:`` line; ``valid/bleu``, ``valid/loss``, ``valid/acc``,
``valid/ppl`` with each validation). Two printed quantities are in no file; the case takes
them from joeynmt's own functions: ``TrainManager._train_step`` (each step's normalised
batch loss, which ``train_and_validate`` sums into the epoch's ``total training loss``; the
case sums them the same way, in the same order) and ``joeynmt.prediction.evaluate`` (the
scores dict of each evaluation and the data set's ``split``: the validations', checked
against ``validations.txt``, then the closing dev and test decodings'). Judgements:
- The train series are named as printed (``Batch Loss`` -> ``Batch_Loss``, ``Batch Acc`` ->
  ``Batch_Acc``, ``Lr``; TensorBoard's ``train/batch_loss``, ``train/batch_acc``,
  ``train/learning_rate``), keyed by the printed ``Step`` (20, 40, ..., 400). Printed
  ``%12.6f``, ``%.6f``, ``%.6f``: tolerance 5e-7 plus 1e-7 relative (TensorBoard's float32).
  ``Lr`` is a metric as onmt's ``lr`` is (the schedule moves it: warm-up, then 1/sqrt(step)).
- The validations: the keys ``validations.txt`` and ``valid/*`` give them (``bleu``,
  ``loss``, ``ppl``, ``acc``) printed after the label ``Evaluation result (greedy):``, which
  the documented phase rule reads as a phase's results label (docs/metrics.md, "Phases":
  Ignite's ``Validation Results - Epoch[1] Avg loss`` -> ``validation_avg_loss``; phases.py
  cites Joey NMT 1.x's ``Validation result (greedy) at epoch 2, step 9: bleu: 3``): the
  word as printed prefixes them, ``evaluation_bleu``, ``evaluation_loss``,
  ``evaluation_ppl``, ``evaluation_acc`` (as deepchem's ``validation:`` label over its key
  ``roc_auc_score``). Keyed by ``Steps`` (100, 200, 300, 400); values from
  ``validations.txt`` (``%.5f``), printed ``%6.2f``: tolerance 0.005 + 5e-6.
- ``total_training_loss`` (``Epoch   1, total training loss: 3211.91``; the phrase rule's
  name): the epoch's sum of batch losses, the tutorial's quantity to watch ("after every
  completed epoch, the accumulated training loss for the whole training set is reported"),
  keyed ``epoch`` (1, 2), ``%.2f``: tolerance 0.005.
- After training, the same ``Evaluation result (greedy):`` label prints the closing
  decodings with the best checkpoint (``return_prob: "none"``: BLEU alone). The test set's
  is a result of its own, named by the set joeynmt decodes (``Decoding on test set...``,
  ``best.hyps.test``) and its key: ``test_bleu``, one value at the last step (400; the axis is
  a note, not scored), tolerance 0.005. The dev set's re-decodes the best validation's
  checkpoint on the same dev set with the same greedy search: the case asserts it equals that
  validation's BLEU exactly, so it is the running best printed again (as ``Best validation
  result (greedy) at step 400: 62.23 bleu.``), no point of a series: ``also_ok`` as
  ``dev_bleu``; more ``evaluation_bleu`` points than validations are wrong.
- Not metrics: ``Tokens per Sec``, ``Generation took ...[sec]``, the ``[sec]`` after each
  evaluation and after the epoch's line (throughput and clocks: ``also_ok``), ``num. of seqs``
  and ``num. of tokens`` (counts), the ``Best validation result`` line (a running best: in
  ``also_ok`` under the names a parser may give it), the ``Example`` lines' token ids
  (``Source:     5 19 10 ...``, ``Reference:``, ``Hypothesis:``: the data, not numbers of the
  run), the config lines, vocabulary sizes, ``Total params``, sacrebleu's signature and the
  ``Predicting...`` bar's rate.
- The TensorBoard file holds the train and validation series under its tags: all of its
  scalars are ``file_metrics`` (float32 as read; the epoch totals and the test BLEU are in no
  file). ``validations.txt``'s ``LR`` column is never printed at a validation.
"""
# zoo-venv: joeynmt

import glob
import math
import runpy
import sys
from pathlib import Path

import joeynmt
import joeynmt.prediction as prediction
import numpy as np
import torch
from _records import tb_scalars
from _truth import series, write_truth
from joeynmt.training import TrainManager


# scripts/generate_reverse_task.py's generator (np.random.seed(42), then train, dev, test)
def generate_samples(n, low=0, high=20, maxlen=10):
    return [np.random.randint(low, high, np.random.randint(1, maxlen + 1)) for _ in range(n)]


def save_samples(samples, prefix):
    for suffix, reverse in ((".src", False), (".trg", True)):
        with open(prefix + suffix, "w", encoding="utf-8") as handle:
            for sample in samples:
                handle.write(" ".join(map(str, sample[::-1] if reverse else sample)) + "\n")


np.random.seed(42)
Path("data").mkdir()
save_samples(generate_samples(2000, maxlen=10), "data/train")
save_samples(generate_samples(100, maxlen=15), "data/dev")
save_samples(generate_samples(100, maxlen=15), "data/test")

CONFIG = """\
name: "reverse_experiment"
joeynmt_version: "2.3.0"
model_dir: "reverse_model"
use_cuda: False
fp16: False
random_seed: 42

data:
    train: "data/train"
    dev: "data/dev"
    test: "data/test"
    dataset_type: "plain"
    src:
        lang: "src"
        max_length: 25
        level: "word"
        voc_limit: 100
        voc_min_freq: 0
    trg:
        lang: "trg"
        max_length: 25
        level: "word"
        voc_limit: 100
        voc_min_freq: 0
    special_symbols:
        unk_token: "<unk>"
        unk_id: 0
        pad_token: "<pad>"
        pad_id: 1
        bos_token: "<s>"
        bos_id: 2
        eos_token: "</s>"
        eos_id: 3

testing:
    n_best: 1
    beam_size: 1
    beam_alpha: 1.0
    eval_metrics: ["bleu"]
    max_output_length: 30
    batch_size: 10
    batch_type: "sentence"
    return_prob: "none"
    sacrebleu_cfg:
        tokenize: "13a"

training:
    optimizer: "adamw"
    learning_rate: 0.005
    learning_rate_min: 0.0002
    weight_decay: 0.0
    clip_grad_norm: 1.0
    batch_size: 10
    batch_type: "sentence"
    scheduling: "warmupinversesquareroot"
    learning_rate_warmup: 100
    early_stopping_metric: "bleu"
    epochs: 2
    validation_freq: 100
    logging_freq: 20
    overwrite: True
    shuffle: True
    print_valid_sents: [0]
    keep_best_ckpts: 2

model:
    initializer: "xavier_uniform"
    embed_initializer: "normal"
    embed_init_weight: 0.1
    bias_initializer: "zeros"
    init_rnn_orthogonal: False
    lstm_forget_gate: 0.
    encoder:
        type: "recurrent"
        rnn_type: "lstm"
        embeddings:
            embedding_dim: 16
            scale: False
        hidden_size: 64
        bidirectional: True
        dropout: 0.1
        num_layers: 1
        activation: "tanh"
    decoder:
        type: "recurrent"
        rnn_type: "lstm"
        embeddings:
            embedding_dim: 16
            scale: False
        hidden_size: 64
        dropout: 0.1
        hidden_dropout: 0.1
        num_layers: 1
        input_feeding: True
        init_hidden: "zero"
        attention: "luong"
        activation: "tanh"
"""
with open("config.yaml", "w", encoding="utf-8") as handle:
    handle.write(CONFIG)

# what joeynmt computes and keeps in no file: each step's loss, each evaluation's scores
step_losses = []  # (epoch, normalised batch loss)
evaluations = []  # (split, scores)
_train_step = TrainManager._train_step
_evaluate = prediction.evaluate


def train_step(self, batch):
    loss, correct = _train_step(self, batch)
    step_losses.append((self.stats.epochs, loss))
    return loss, correct


def evaluate(valid_scores, valid_hyp, data, args):
    scores, references = _evaluate(valid_scores, valid_hyp, data, args)
    evaluations.append((data.split, dict(scores)))
    return scores, references


TrainManager._train_step = train_step
prediction.evaluate = evaluate

# joeynmt's prepare() seeds torch only after it has built (and initialised) the model
torch.manual_seed(42)
sys.argv = ["joeynmt", "train", "config.yaml"]
runpy.run_module("joeynmt", run_name="__main__", alter_sys=True)

MODEL = "reverse_model"
VALIDATIONS = f"{MODEL}/validations.txt"
rows = []
with open(VALIDATIONS, encoding="utf-8") as handle:
    for line in handle:
        fields = [field for field in line.rstrip("\n").split("\t") if ":" in field]
        rows.append({key: float(value) for key, value in
                     (field.split(": ") for field in fields)})
events = sorted(glob.glob(f"{MODEL}/tensorboard/events.out.tfevents.*"))
assert len(events) == 1, events
found = tb_scalars(events)

# the validations, then the closing decodings of dev and test with the best checkpoint
assert [split for split, _ in evaluations] == ["dev"] * len(rows) + ["dev", "test"], evaluations
for row, (_, scores) in zip(rows, evaluations, strict=False):
    assert all(abs(row[key] - scores[key]) <= 5e-6 for key in ("bleu", "loss", "ppl", "acc"))
bleus = [scores["bleu"] for _, scores in evaluations[:len(rows)]]
best = max(bleus)
best_step = int(rows[bleus.index(best)]["Steps"])
assert evaluations[-2][1]["bleu"] == best, (evaluations[-2], best)
last_step = int(rows[-1]["Steps"])

# the epoch's total as train_and_validate sums it (batch_multiplier 1: one loss a step)
totals = {}
for epoch, loss in step_losses:
    totals[epoch] = totals.get(epoch, 0) + loss
assert len(step_losses) == last_step and sorted(totals) == [1, 2], (len(step_losses), totals)
logged = dict(found["train/batch_loss"])
assert all(math.isclose(logged[step], step_losses[step - 1][1], rel_tol=1e-6)
           for step in logged), logged

PRINTED = 5e-7  # %.6f / %12.6f
metrics = {
    "Batch_Loss": series(found["train/batch_loss"], "step", PRINTED, 1e-7),
    "Batch_Acc": series(found["train/batch_acc"], "step", PRINTED, 1e-7),
    "Lr": series(found["train/learning_rate"], "step", PRINTED, 1e-7),
}
for key in ("bleu", "loss", "ppl", "acc"):
    metrics[f"evaluation_{key}"] = series(((row["Steps"], row[key]) for row in rows), "step",
                                          tolerance=0.005 + 5e-6)
metrics["total_training_loss"] = series(sorted(totals.items()), "epoch", tolerance=0.005)
metrics["test_bleu"] = series([(last_step, evaluations[-1][1]["bleu"])], "step",
                              tolerance=0.005)
file_metrics = {tag: series(pairs, "step", rel_tolerance=1e-6) for tag, pairs in found.items()}
write_truth("JoeyNMT", joeynmt.__version__,
            f"{VALIDATIONS} (validations) and TensorBoard events {events[0]} (train/*); "
            "TrainManager._train_step (epoch totals) and joeynmt.prediction.evaluate "
            "(the closing test decoding), wrapped",
            metrics, files=[VALIDATIONS, events[0]], file_metrics=file_metrics,
            also_ok=["Tokens_per_Sec", "Generation_took", "sec", "dev_bleu",
                     "Best_validation_result", "best_bleu"],
            notes=f"closing dev decoding with best.ckpt: bleu {evaluations[-2][1]['bleu']!r}, "
                  f"the best validation's (step {best_step}): also_ok dev_bleu")

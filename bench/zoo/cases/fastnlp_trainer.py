"""fastNLP 0.7.0 (PyPI's ``FastNLP``, the Fudan FastNLP team's NLP toolkit on PyTorch; the
last release of the 0.x line whose ``fastNLP.Trainer`` prints ``Evaluation on dev at Epoch
N/M``) on torch 1.12.1 (PyPI's wheel, run on the CPU) under Python 3.9: a ``CNNText`` text
classifier (embedding 16, three convolutions of 8 kernels, widths 1/3/5, two classes) trained
on a synthetic two-class ``DataSet`` built in memory (``Instance(raw_words=..., target=...)``,
split into ``words``, indexed with a ``Vocabulary``; 320 training, 100 dev and 100 test
sentences of 6 to 14 words over 60 words, a third of them leaning to the label; seeded
``random``, numpy and torch) with ``Trainer(train_data, model, loss=CrossEntropyLoss(),
metrics=AccuracyMetric(), n_epochs=3, batch_size=32, dev_data=dev_data, callbacks=[...])``
(10 batches an epoch, 30 steps; the defaults otherwise: Adam lr 4e-3, ``print_every=5``,
``validate_every=-1`` = once an epoch, tqdm on), ``trainer.train()``, then
``Tester(test_data, model, metrics=AccuracyMetric()).test()``.

Why this stack: fastNLP 0.7.0 does not run on the CPU build of torch 2.13.0 that the other
venvs use (its ``SamplerAdapter`` calls ``torch.utils.data.Sampler.__init__(dataset)``, whose
argument newer torch dropped: ``TypeError: object.__init__() takes exactly one argument``),
and the only older torch on PyPI is a CUDA build; torch 1.12.1 (one self-contained 750 MB
wheel, no nvidia-* packages) has wheels up to cp310, hence pyenv's Python 3.9.18.
``fastNLP.core.utils`` imports ``pkg_resources``: setuptools is pinned below 81.
``CNNText`` gets ``words`` only as input, not ``seq_len``: given a length, its max-pool masks
the ReLU output with an in-place ``masked_fill_`` that autograd rejects on torch >= 1.5
(``RuntimeError: one of the variables needed for gradient computation has been modified by
an inplace operation``, raised by the Trainer's own ``_check_code`` dry run); without it the
model pools over the padded batch, as fastNLP's tutorials ran it before lengths were added.

What it prints: the Trainer's ``_check_code`` dry run (``input fields after batch(if batch
size is 2):`` with ``words: (1)type:torch.Tensor (2)dtype:torch.int64, (3)shape:torch.Size([2,
13])`` and the ``target`` field), ``training epochs started 2026-12-07-20-12-04-507095``, then
one tqdm bar for the 30 steps, ``leave=False``, on stderr: ``Epoch 1/3:  33%|███▎      | 10/30
[00:00<00:00, 39.04it/s, loss:0.68810]`` (its first frames show the literal, never-formatted
postfix ``loss:{0:<6.5f}``; ``set_postfix_str`` redraws it every 5th step with the mean loss
of the last 5 steps, ``"loss:{:<6.5f}"``); at each epoch's end the dev ``Tester``'s own bar
(``Test:  25%|...| 1/4``, cleared), ``Evaluate data in 0.02 seconds!``, and through fastNLP's
logger (stdout): ``Evaluation on dev at Epoch 1/3. Step:10/30: `` and ``AccuracyMetric:
acc=0.58`` (``Tester._format_eval_results``: the metric's class name, then ``key=value`` with
``str()`` of the value, which ``AccuracyMetric.get_metric`` has rounded to 6 decimals); after
training ``Reloaded the best model.``, ``In Epoch:3/Step:30, got best dev performance:`` and
the best evaluation again (``AccuracyMetric: acc=0.62``); last the tester: its bar,
``Evaluate data in 0.01 seconds!``, ``[tester] `` and ``AccuracyMetric: acc=0.59``.
fastNLP's logger writes through its ``TqdmLoggingHandler`` (``tqdm.write``: clear the bar,
write the message to stdout, draw the bar again). Under a pipe the bar's ``\\r`` frames are on
stderr and the logger's lines stand alone; under the pty each logger line shares its
terminal line with the bar's last frame and the clearing spaces (``\\rEpoch 3/3: 100%|...|
30/30 [...]\\r<spaces>\\rAccuracyMetric: acc=0.62``).

Truth: fastNLP keeps no file; its record is what it returns and hands its callbacks.
``trainer.train()`` returns ``best_eval`` (``{'AccuracyMetric': {'acc': 0.62}}``) with
``best_epoch``/``best_step``, ``Tester.test()`` returns the test dict, and a ``Callback`` the
case adds (``on_valid_end(eval_result, metric_key, optimizer, is_better_eval)``) keeps each
dev evaluation's dict at the trainer's ``epoch``/``step``; its ``on_backward_begin(loss)``
keeps each step's loss tensor (``loss.item()``, the very value the trainer adds to its bar's
running sum). Nothing is parsed from stdout. Judgement calls:
- Names: the keys under the metric's name (``acc``), as fastNLP keys them (``metric_key`` is
  ``acc``) and prints them (``AccuracyMetric: acc=...``); the class name ``AccuracyMetric``
  is a label, not part of the name. The dev evaluations and the test are printed alike, with
  no phase word on their line (``dev`` stands only in the heading line above, ``Evaluation on
  dev at ...``, and the test's heading is the tag ``[tester]``), so by the naming rule
  (docs/metrics.md, "Phases": a phase word right before a name, or a label on its line) they
  are one series ``acc`` in print order: the 3 dev evaluations, then the test, 4 points. The
  call could go the other way (``dev_acc`` from the heading); it is named in ``notes``.
- The best evaluation printed again after ``got best dev performance:`` is a running best
  printed again (README: no series of its own, no point); ``best_eval`` is checked equal to
  the callback's evaluation at ``best_step``.
- Axis ``step``: the dev evaluations at the trainer's step (10, 20, 30); the test is of the
  reloaded best model, put at that model's step (``best_step``).
- ``loss``: the bar's postfix, the mean of the 5 step losses since the last redraw (the
  trainer's ``avg_loss``, a local it keeps nowhere), at steps 5, 10, ..., 30: 6 values, each
  redrawn by tqdm several times (one point each, the redraws repeat it). Its truth is the
  callback's step losses summed in the trainer's order and divided by ``print_every`` as the
  trainer does; tolerance 5e-6 for ``{:<6.5f}``.
- ``acc``: exact (no tolerance): the printed text is ``str()`` of the value returned.
- ``also_ok``: ``it/s`` (tqdm's rate). ``Evaluate data in 0.02 seconds!`` is the tester's
  timing, ``(2)dtype``/``shape`` lines and ``training epochs started <time>`` are no metrics;
  the bars' ``10/30`` and ``1/4`` are counters. ``trainer.train()``'s ``seconds`` is never
  printed.
- fastNLP 0.7.0's ``gpt2_tokenizer.py`` has ``if text is '':``: Python 3.9 prints a
  ``SyntaxWarning`` for it when it first compiles the module (on the venv's first import, as
  pip's legacy ``setup.py install`` leaves no bytecode); later runs, the captured ones, do not.
"""
# zoo-venv: fastnlp

import random
from importlib.metadata import version

import numpy as np
import torch
from _truth import series, write_truth
from fastNLP import (
    AccuracyMetric,
    Callback,
    CrossEntropyLoss,
    DataSet,
    Instance,
    Tester,
    Trainer,
    Vocabulary,
)
from fastNLP.models import CNNText

SEED = 0
random.seed(SEED)
np.random.seed(SEED)
torch.manual_seed(SEED)

# a two-class "sentiment" corpus: words w0..w19 lean to class 0, w20..w39 to class 1,
# w40..w59 are neutral; each sentence 6 to 14 words
VOCAB = [f"w{i}" for i in range(60)]


def sentence(label: int) -> str:
    words = []
    for _ in range(random.randint(6, 14)):
        if random.random() < 0.35:
            words.append(random.choice(VOCAB[label * 20:(label + 1) * 20]))
        else:
            words.append(random.choice(VOCAB))
    return " ".join(words)


def make(n: int) -> DataSet:
    data = DataSet()
    for _ in range(n):
        label = random.randrange(2)
        data.append(Instance(raw_words=sentence(label), target=label))
    return data


train_data, dev_data, test_data = make(320), make(100), make(100)
for data in (train_data, dev_data, test_data):
    data.apply_field(str.split, field_name="raw_words", new_field_name="words")
vocab = Vocabulary()
vocab.from_dataset(train_data, field_name="words")
vocab.index_dataset(train_data, dev_data, test_data, field_name="words")
for data in (train_data, dev_data, test_data):
    data.set_input("words")
    data.set_target("target")


class RecordValidation(Callback):
    """Keeps what the trainer hands its callbacks: each dev evaluation's result dict, and
    each step's training loss (the tensor whose item() the trainer adds to its bar's mean)."""

    def __init__(self) -> None:
        super().__init__()
        self.evaluations: list[tuple[int, int, dict]] = []
        self.losses: list[tuple[int, float]] = []

    def on_backward_begin(self, loss):
        self.losses.append((self.step, loss.item()))

    def on_valid_end(self, eval_result, metric_key, optimizer, is_better_eval):
        self.evaluations.append((self.epoch, self.step, eval_result))


model = CNNText((len(vocab), 16), num_classes=2, kernel_nums=(8, 8, 8), kernel_sizes=(1, 3, 5))
record = RecordValidation()
trainer = Trainer(train_data, model, loss=CrossEntropyLoss(), metrics=AccuracyMetric(),
                  n_epochs=3, batch_size=32, dev_data=dev_data, callbacks=[record],
                  device="cpu")
result = trainer.train()
tester = Tester(test_data, model, metrics=AccuracyMetric())
test_result = tester.test()

# truth: what the trainer returned and handed the callback, what the tester returned
steps = [step for _epoch, step, _res in record.evaluations]
assert steps == [10, 20, 30], steps
best = {step: res for _epoch, step, res in record.evaluations}[result["best_step"]]
assert result["best_eval"] == best, (result["best_eval"], best)
acc = [(step, res["AccuracyMetric"]["acc"]) for _epoch, step, res in record.evaluations]
acc.append((result["best_step"], test_result["AccuracyMetric"]["acc"]))

print_every = trainer.print_every
loss = []
avg_loss = 0
for step, value in record.losses:  # the trainer's own arithmetic, in its order
    avg_loss += value
    if step % print_every == 0:
        loss.append((step, float(avg_loss) / print_every))
        avg_loss = 0
assert len(loss) == 6, loss

write_truth(
    "fastNLP", version("FastNLP"),
    "Trainer.train()'s best_eval (checked against the callback's), a Callback's on_valid_end "
    "eval_result dicts (the dev evaluations, at the trainer's step), Tester.test()'s dict, "
    "and the step losses on_backward_begin receives, averaged over each print_every window "
    "as the trainer averages them for its bar",
    {"acc": series(acc, "step"), "loss": series(loss, "step", tolerance=5e-6)},
    also_ok=["it/s"],
    notes=f"torch {torch.__version__}. acc: the dev evaluations at steps 10, 20, 30 (epochs "
          f"1-3), then the test of the reloaded best model (best_step {result['best_step']}); "
          "the best evaluation printed again after 'got best dev performance:' is no point. "
          "Alternative naming (not taken): dev_acc for the dev evaluations, from the heading "
          "line 'Evaluation on dev at Epoch N/3. Step:S/30:', and acc for the test",
)

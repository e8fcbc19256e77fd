"""Snorkel 0.10.0 (snorkel-team's weak supervision library; torch 2.13.0 CPU): the
``LabelModel`` step of its spam tutorial (snorkel-tutorials ``spam/01_spam_tutorial.py`` at
b4926576, section 4), on a synthetic label matrix instead of the YouTube comments the
tutorial downloads: ``numpy.random.seed(0)`` and Snorkel's own generator
``snorkel.synthetic.synthetic_data.generate_simple_label_matrix(1200, 10, 2)`` (10 labeling
functions voting on 1200 points, two classes, -1 for abstain; what Snorkel's own tests fit),
the first 1000 rows as ``L_train``, the last 200 as ``L_test`` with their ``Y_test``. Then
the tutorial's code as it stands: ``majority_model = MajorityLabelVoter()``,
``majority_model.predict(L=L_train)``, ``label_model = LabelModel(cardinality=2,
verbose=True)``, ``label_model.fit(L_train=L_train, n_epochs=500, log_freq=100, seed=123)``,
and its two prints of ``score(L=L_test, Y=Y_test, tie_break_policy="random")["accuracy"]``
(``f"{'Majority Vote Accuracy:':<25} {majority_acc * 100:.1f}%"`` and ``Label Model
Accuracy:``). The tutorial's LF analysis tables and plots are left out (a script does not
echo them). Nothing downloaded; the fit takes well under a second (imports take the rest).

What it prints: on stderr, Python logging (``fit`` runs ``logging.basicConfig(level=INFO)``
when ``verbose``; root logger, default format) and the tqdm bar of ``fit``'s
``trange(..., unit="epoch")``::

    INFO:root:Computing O...
    INFO:root:Estimating \\mu...
      0%|          | 0/500 [00:00<?, ?epoch/s]INFO:root:[0 epochs]: TRAIN:[loss=6.568]
     11%|#1        | 57/500 [00:00<00:00, 569.67epoch/s]INFO:root:[100 epochs]: TRAIN:[loss=0.009]
    ...
     72%|#######1  | 362/500 [00:00<00:00, 552.45epoch/s]INFO:root:[400 epochs]: TRAIN:[loss=0.009]
    ... 100%|##########| 500/500 [00:00<00:00, 556.43epoch/s]
    INFO:root:Finished Training

(``Logger.log``: ``f"[{unit_count} epochs]:"`` then ``" TRAIN:[" + "loss=" +
f"{value:0.3f}" + "]"``; the bar is drawn with Unicode blocks, shown here as ``#``; each
refresh starts with ``\\r`` and the log lines land after the bar on its line, as tqdm
redraws every 0.1 s under a pipe and a terminal alike, the pty's bar 120 columns wide), then
on stdout (after stderr under a pipe: stdout is block-buffered there) the tutorial's::

    Majority Vote Accuracy:   90.0%
    Label Model Accuracy:     98.5%

Truth: Snorkel keeps no loss history (``fit`` returns ``None``; its ``metrics_hist`` is a
local holding the last value only), so the case records what the library itself computed:
the model's bound ``_execute_logging`` (the method ``fit`` calls every epoch with the epoch's
loss, which builds ``metrics_dict = {"train/loss": running_loss / running_examples}`` and
hands it to its ``Logger.log`` when ``logger.check()`` says so) is wrapped on the instance
to keep each returned ``metrics_dict`` with ``label_model.logger.unit_count``, the epoch
``check`` just counted and the one ``Logger.log`` prints as ``[N epochs]``. A dict was
printed when ``unit_count % log_freq == 0`` (``check``'s own test); those are the truth's
points, nothing recomputed (``fit`` resets the running sums every epoch, so each is that
epoch's ``_loss_mu``; the case asserts it equals the ``loss`` passed in). The two
accuracies are the dicts ``MajorityLabelVoter.score`` and ``LabelModel.score`` returned (the
tutorial indexes ``["accuracy"]``; kept whole here, not called twice: the ``"random"``
tie-break draws from numpy's global generator). Judgement calls:
- The loss: Snorkel's key is ``train/loss`` (split ``train``, metric ``loss``), which its
  ``Logger.log`` prints as the split's label over a group, ``TRAIN:[loss=6.568]`` (a
  ``VALID:[...]`` group follows when there are valid metrics; none in a LabelModel). It is
  named ``train_loss``, the name docs/metrics.md's phase-label rule gives the printed words
  (a phase label over a group: ``Train: (loss = 0.03, acc = 98.9)`` -> ``train_loss``) and
  the same quantity as Snorkel's ``train/loss`` up to the separator (the printed
  ``Train accuracy`` of eole is named ``train_accuracy`` the same way, though its
  TensorBoard keeps ``train/accuracy``); ``train/loss`` itself is never printed, and bare
  ``loss`` would drop the split the line states. Key ``epoch`` = the printed ``[N epochs]``
  (``unit_count``, 0-based: 0, 100, 200, 300, 400; each Snorkel "epoch" is one optimiser
  step over the whole matrix; epoch N's loss is computed before that epoch's step, so
  epoch 0's is the loss at the initial parameters), 5 points; tolerance 5e-4
  (``{value:0.3f}``).
- The accuracies: printed by the tutorial's own f-strings, in percent to one decimal; the
  framework's key for both is ``accuracy`` (the ``score`` dicts'), which would put two
  models' results under one name, so each is named as printed (``Majority_Vote_Accuracy``,
  ``Label_Model_Accuracy``, the aligned-phrase rule), its value ``100 * accuracy`` (the
  printed number, as pytorch_quickstart's ``Accuracy: 98.0%``), tolerance 0.05. One value
  each, at no step (axis ``None``: a one-off result of the fitted models).
- The bar's ``N/500``, ``epoch/s`` and elapsed times are progress and timing: ``epoch/s``
  is in ``also_ok``; ``Computing O...``, ``Estimating \\mu...`` and ``Finished Training``
  carry no numbers. ``n_epochs``, ``log_freq``, ``seed`` and the learned ``mu`` are settings
  and parameters, unprinted.
- No file: a LabelModel writes none (no checkpoint, no TensorBoard: those belong to
  Snorkel's ``MultitaskClassifier`` trainer). Determinism: the seeded matrix, ``seed=123``
  (``fit`` seeds ``random``, numpy and torch) and the seeded global numpy generator for the
  random tie-breaks repeat exactly, pipe and pty alike; only the bar's rates differ.
"""
# zoo-venv: snorkel

import numpy as np
import snorkel
import torch
from _truth import series, write_truth
from snorkel.labeling.model import LabelModel, MajorityLabelVoter
from snorkel.synthetic.synthetic_data import generate_simple_label_matrix

np.random.seed(0)
P, Y, L = generate_simple_label_matrix(1200, 10, 2)
L_train, L_test, Y_test = L[:1000], L[1000:], Y[1000:]

majority_model = MajorityLabelVoter()
preds_train = majority_model.predict(L=L_train)

label_model = LabelModel(cardinality=2, verbose=True)

logged: list[tuple[int, float]] = []
execute_logging = label_model._execute_logging


def recording(loss):
    metrics_dict = execute_logging(loss)
    unit_count = label_model.logger.unit_count
    if unit_count % label_model.logger.log_freq == 0:  # Logger.check()'s test: it was printed
        assert metrics_dict["train/loss"] == loss.item(), (metrics_dict, loss.item())
        logged.append((unit_count, metrics_dict["train/loss"]))
    return metrics_dict


label_model._execute_logging = recording
label_model.fit(L_train=L_train, n_epochs=500, log_freq=100, seed=123)

majority_scores = majority_model.score(L=L_test, Y=Y_test, tie_break_policy="random")
majority_acc = majority_scores["accuracy"]
print(f"{'Majority Vote Accuracy:':<25} {majority_acc * 100:.1f}%")

label_model_scores = label_model.score(L=L_test, Y=Y_test, tie_break_policy="random")
label_model_acc = label_model_scores["accuracy"]
print(f"{'Label Model Accuracy:':<25} {label_model_acc * 100:.1f}%")

assert [epoch for epoch, _ in logged] == [0, 100, 200, 300, 400], logged
write_truth(
    "snorkel", f"{snorkel.__version__} (torch {torch.__version__})",
    "metrics_dict['train/loss'] of each LabelModel._execute_logging call its Logger printed "
    "(wrapped on the instance; epoch = logger.unit_count), and the dicts "
    "MajorityLabelVoter.score / LabelModel.score returned (accuracy, printed in percent)",
    {"train_loss": series(logged, "epoch", tolerance=5e-4),
     "Majority_Vote_Accuracy": {"key": "step", "values": [[None, 100 * float(majority_acc)]],
                                "tolerance": 0.05},
     "Label_Model_Accuracy": {"key": "step", "values": [[None, 100 * float(label_model_acc)]],
                              "tolerance": 0.05}},
    also_ok=["epoch/s"],
    notes=f"L_train {L_train.shape}, L_test {L_test.shape}; score dicts: majority "
          f"{majority_scores}, label model {label_model_scores}; learned LF accuracies "
          f"(get_weights()) {label_model.get_weights().round(4).tolist()}")

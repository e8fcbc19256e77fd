"""YDF 0.16.1 (``ydf``, Yggdrasil Decision Forests' standalone Python package): its quick
start's gradient boosted trees, ``model = ydf.GradientBoostedTreesLearner(label="y",
num_trees=20).train(train_df, valid=valid_df, verbose=2)`` (every other hyper-parameter at
its default: early stopping ``VALIDATION_LOSS_INCREASE``, shrinkage 0.1, depth 6), then
``evaluation = model.evaluate(test_df)`` and ``print(evaluation)`` as the quick start shows
it. Binary classification (``y`` is ``"pos"``/``"neg"``) on a synthetic pandas frame of four
normal features the case draws itself (seed 0): 200 rows to train, 50 to validate, 50 to
test. Nothing downloaded, under a second.

What it prints. On stdout, YDF's Python logger (``ydf.utils.log.info``): ``Train model on
200 training examples and 50 validation examples`` and ``Model trained in 0:00:00.041``
(a ``timedelta``), then ``print(evaluation)``::

    accuracy: 0.82
    confusion matrix:
        label (row) \\ prediction (col)
        +-----+-----+-----+
        |     | neg | pos |
        ...
    characteristics:
        name: 'pos' vs others
        ROC AUC: 0.8512
        PR AUC: 0.843793
        Num thresholds: 52
    loss: 0.479908
    num examples: 50
    num examples (weighted): 50

(``{value:g}``: six significant digits). On stderr, at ``verbose=2``, the C++ learner's
absl log (no prefix: YDF's public build strips it): three hyper-parameter notices, the
``Data spec:`` block (per column ``mean:-0.00437007 min:-2.93605 max:2.11694 sd:0.973012``,
the label's ``vocab-size:3 ... most-frequent:"pos" 107 (53.5%)``, a ``Terminology:``
glossary), ``Default loss set to BINOMIAL_LOG_LIKELIHOOD``, ``Create processor with 2
threads`` (the machine's CPU count: YDF's default ``num_threads``), then a line per
*logged* iteration::

    Train tree 1/20 train-loss:1.277626 train-accuracy:0.820000 valid-loss:1.336966 \
valid-accuracy:0.700000 [total:0.00s iter:0.00s]

(one line, wrapped here)

and at the end ``Truncates the model to 18 tree(s) i.e. 18  iteration(s).`` and ``Final
model num-trees:18 valid-loss:0.917003 valid-accuracy:0.800000``. YDF's ``log.info`` flushes,
C++ writes stderr unbuffered, ``print(evaluation)`` is buffered under a pipe: under a pipe,
where ``track run`` reads stdout and stderr apart, the two streams interleave differently
from capture to capture (each stream's own order holds); under the pty the order is fixed.

Truth: YDF's own record, ``model.training_logs()`` (one ``TrainingLogEntry`` per iteration:
``iteration`` = number of trees, 1-based as printed; ``training_evaluation.loss``/
``.accuracy``, ``evaluation.loss``/``.accuracy`` on the validation set: the protobuf
``training_logs`` the C++ learner fills as it prints) and the evaluation object's attributes
(``evaluation.accuracy``, ``.loss``, ``.characteristics[0].roc_auc``/``.pr_auc``). Judgement
calls:
- Which iterations are printed. The learner records every iteration (20 entries) but logs
  ``iter_idx <= 1`` and the last one always, the others through absl's
  ``LOG_EVERY_N_SEC(INFO, 20)`` (gradient_boosted_trees.cc), which fires on its first call
  (iteration 3) and then only once 20 s have passed. The truth keeps the record's entries at
  the iterations YDF's own rule prints (1, 2, 3, 20): the values never printed are no
  output a tracker can read (and no file holds them). The case asserts the training took
  under 20 s, so no other line was logged; the rule, not stdout, picks them.
- ``Final model num-trees:18 valid-loss:... valid-accuracy:...`` is the final (truncated)
  model's validation loss and accuracy: ``model.validation_loss()``, which is the record's
  entry at iteration 18 (the case asserts both, and that 18 = ``model.num_trees()``): early
  stopping keeps the trees of the lowest validation loss. That entry is printed nowhere
  else, under the series' own names and with its tree count, so it is one more point of
  ``valid-loss`` and ``valid-accuracy`` (iteration 18, fifth, in print order), not a repeat
  of a printed point (LightGBM's best-iteration block repeats one: lightgbm_early_stop.py)
  and not a ``best_*`` series of its own. A tracker that drops it loses the one print of the
  chosen model's validation loss; one that keys it by ``num-trees`` puts it at step 18.
- Names as printed, YDF's own keys (``"train-%s"``/``"valid-%s"`` of ``loss`` and its
  secondary metric names, ``accuracy``): ``train-loss``, ``train-accuracy``,
  ``valid-loss``, ``valid-accuracy``, keyed ``step`` at the iteration. The loss is the
  binomial deviance YDF trains on (twice the mean log loss), as printed.
- The test evaluation: ``accuracy`` and ``loss`` (``Evaluation.to_dict()``'s keys, as
  printed) and the characteristic's ``ROC AUC`` and ``PR AUC`` (its attributes
  ``roc_auc``/``pr_auc``; ``to_dict`` flattens them to ``characteristic_0:roc_auc``, a
  position no line shows), named by the printed words as docs/metrics.md joins a phrase:
  ``ROC_AUC``, ``PR_AUC`` (one name key with ``roc_auc``). One evaluation after training, at
  no step (``key: step``, axis ``None``, as statsmodels_summary.py writes one-off values).
  Its ``loss`` is the mean log loss (``sum_log_loss / count``), not the training deviance.
- Not metrics (junk if recorded): the confusion matrix's cells (counts), ``Num thresholds``,
  ``num examples`` and ``num examples (weighted)`` (counts), ``num-trees:18`` (a tree count:
  the point's step), the data spec's column statistics (``mean``, ``min``, ``max``, ``sd``,
  the label's counts and percentage: a description of the data), ``Number of records``,
  the thread counts. Timings, in ``also_ok``: ``[total:0.00s iter:0.00s]`` (``total``,
  ``iter``) and ``Model trained in 0:00:00.041`` (``Model_trained_in``).
- Tolerances: ``%f`` of the float32 the record keeps -> ``tolerance=5e-7``; ``{:g}`` of the
  evaluation's doubles -> ``rel_tolerance=5e-6``.
- Deterministic: the synthetic frame is seeded and YDF's GBT training is deterministic (its
  own seed; two captures gave the same truth and the same lines): only the timings change,
  and under a pipe the interleaving of the two streams. ``Create processor with 2 threads``
  prints the machine's CPU count.
"""
# zoo-venv: ydf

import time

import ydf
from _pos_neg_frame import pos_neg_frame
from _truth import series, write_truth

NUM_TREES = 20

frame = pos_neg_frame()
train_df, valid_df, test_df = frame[:200], frame[200:250], frame[250:]

started = time.monotonic()
model = ydf.GradientBoostedTreesLearner(label="y", num_trees=NUM_TREES).train(
    train_df, valid=valid_df, verbose=2)
took = time.monotonic() - started

evaluation = model.evaluate(test_df)
print(evaluation)

# --- truth: YDF's own record (training_logs) and the evaluation's attributes ---
assert took < 20, f"training took {took:.1f}s: LOG_EVERY_N_SEC(20) logged more iterations"
logs = {entry.iteration: entry for entry in model.training_logs()}
assert sorted(logs) == list(range(1, NUM_TREES + 1))
printed = [1, 2, 3, NUM_TREES]  # iter_idx <= 1, the first LOG_EVERY_N_SEC call, the last
final = model.num_trees()  # early stopping's best iteration: the "Final model" line's
assert final in logs and model.validation_loss() == logs[final].evaluation.loss

metrics = {
    "train-loss": series([(i, logs[i].training_evaluation.loss) for i in printed], "step",
                         tolerance=5e-7),
    "train-accuracy": series([(i, logs[i].training_evaluation.accuracy) for i in printed],
                             "step", tolerance=5e-7),
    "valid-loss": series([(i, logs[i].evaluation.loss) for i in [*printed, final]], "step",
                         tolerance=5e-7),
    "valid-accuracy": series([(i, logs[i].evaluation.accuracy) for i in [*printed, final]],
                             "step", tolerance=5e-7),
}
characteristic = evaluation.characteristics[0]
for name, value in [("accuracy", evaluation.accuracy), ("loss", evaluation.loss),
                    ("ROC_AUC", characteristic.roc_auc), ("PR_AUC", characteristic.pr_auc)]:
    metrics[name] = {"key": "step", "values": [[None, float(value)]], "rel_tolerance": 5e-6}
write_truth("ydf", ydf.__version__,
            "model.training_logs() (iteration; training_evaluation/evaluation loss, "
            "accuracy) at the logged iterations and the final model's; "
            "model.evaluate(test_df) attributes", metrics,
            also_ok=["total", "iter", "Model_trained_in"],
            notes=f"{NUM_TREES} iterations recorded, iterations {printed} logged; final model "
                  f"{final} trees (early stopping), validation_loss {model.validation_loss()}")

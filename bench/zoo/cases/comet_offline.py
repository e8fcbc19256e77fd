"""Comet (``comet_ml`` 3.58.8) offline: ``comet_ml.start(project_name="zoo-logreg",
online=False)`` around a logistic regression trained in numpy (minibatch gradient descent, 3
epochs of 4 batches), logging with Comet's own calls: ``experiment.log_parameters`` twice,
``experiment.log_metric("loss", loss, step=i)`` each batch, ``log_metric("val_acc", acc,
epoch=e)`` each epoch, a closing ``log_metric("test_acc", acc)``, then ``experiment.end()``.
The loop prints nothing. The archive goes to Comet's default offline directory,
``.cometml-runs/`` in the cwd. Set in the script's environment: ``COMET_ERROR_TRACKING_ENABLE=
false`` (no Sentry reports) and ``COMET_AUTO_LOG_ENV_DETAILS=false`` (no host details, whose IP
lookup resolves Comet's server: nothing leaves the machine; no pip and OS package lists, the
latter this machine's 25 KB dpkg inventory, in the archive; no CPU/RAM monitor, whose
``sys.*`` metrics the summary hides anyway). So the ``Uploads:`` block lists ``filename`` and
``source_code`` only (not also ``installed packages : 1``, ``os packages : 1``).

Printed (stderr, ``COMET INFO:``/``COMET WARNING:``): the offline directory, the git notice,
then at ``end()`` the summary: ``Data:`` (``display_summary_level : 1``, ``url``), ``Metrics
[count] (min, max):`` with ``loss [12]   : (0.35762714737960655, 0.6931471805599453)``,
``val_acc [3] : (0.75, 0.765625)`` (a key logged more than once with different values: its
count, min and max, no last value) and ``test_acc    : 0.734375`` (logged once: its value,
``%s``), ``Others:`` (``offline_experiment : True``), ``Parameters:`` (``lr : 0.5``, ...),
``Uploads:`` (``filename : 1``, ``source_code : 1 (6.22 KB)``: the script Comet keeps), the
items still being written, then ``comet upload <zip>``.

Truth: the archive ``.cometml-runs/<id>-<suffix>.zip`` (in ``files``), its ``messages.json``
(one JSON message a line; ``metric_msg`` carries ``metricName``, ``metricValue``, ``step``,
``epoch``), checked against the values the script logged. Judgement calls:
- metrics: ``test_acc``, the one printed value that is a metric's last value (exact: ``%s``
  of the float), keyed ``step`` at the archive's step (Comet's current step, 11). The case
  logs it because the footer prints a last value only for a key logged once (or always alike).
- The ``(min, max)`` pairs are statistics of a series (a best and a worst), no series of
  their own: ``also_ok`` under exptrack's bare-statistic naming (``loss_min``, ``loss_max``,
  ``val_acc_min``, ``val_acc_max``); the bracketed counts are counts.
- file_metrics: every logged key's messages in the archive: ``loss`` keyed ``step`` (0-11),
  ``val_acc`` keyed ``epoch`` (1-3, as logged; its messages also carry Comet's step),
  ``test_acc``. Comet's own ``process duration`` (0 here, whole seconds, unprinted) is a
  timing: ``also_ok``, with any other metric Comet logged itself.
- Parameters (``lr``, ``batch_size``, ...), Comet's auto-logged ``curr_step``/``curr_epoch``
  parameters, ``display_summary_level``, the upload counts and sizes and the count of items
  still being written are no metrics.
"""

# zoo-venv: comet

import glob
import json
import os
import zipfile

os.environ["COMET_ERROR_TRACKING_ENABLE"] = "false"
os.environ["COMET_AUTO_LOG_ENV_DETAILS"] = "false"

import comet_ml
import numpy as np
from _truth import series, write_truth

rng = np.random.default_rng(0)
x = rng.normal(size=(256, 6))
y = (x @ rng.normal(size=6) + 0.8 * rng.normal(size=256) > 0).astype(float)
x_train, y_train = x[:128], y[:128]
x_val, y_val, x_test, y_test = x[128:192], y[128:192], x[192:], y[192:]
params = {"lr": 0.5, "batch_size": 32, "epochs": 3}
logged: dict[str, list[tuple[int, float]]] = {"loss": [], "val_acc": [], "test_acc": []}

experiment = comet_ml.start(project_name="zoo-logreg", online=False)
experiment.log_parameters(params)
experiment.log_parameters({"model": "logistic_regression", "n_features": 6})
w, b, i = np.zeros(6), 0.0, 0
for epoch in range(1, params["epochs"] + 1):
    for start in range(0, len(x_train), params["batch_size"]):
        xb = x_train[start:start + params["batch_size"]]
        yb = y_train[start:start + params["batch_size"]]
        p = 1 / (1 + np.exp(-(xb @ w + b)))
        loss = float(-np.mean(yb * np.log(p) + (1 - yb) * np.log(1 - p)))
        w -= params["lr"] * xb.T @ (p - yb) / len(yb)
        b -= params["lr"] * float(np.mean(p - yb))
        experiment.log_metric("loss", loss, step=i)
        logged["loss"].append((i, loss))
        i += 1
    val_acc = float(np.mean(((x_val @ w + b) > 0) == y_val))
    experiment.log_metric("val_acc", val_acc, epoch=epoch)
    logged["val_acc"].append((epoch, val_acc))
test_acc = float(np.mean(((x_test @ w + b) > 0) == y_test))
experiment.log_metric("test_acc", test_acc)
logged["test_acc"].append((i - 1, test_acc))
experiment.end()

(archive,) = glob.glob(".cometml-runs/*.zip")
with zipfile.ZipFile(archive) as handle:
    lines = handle.read("messages.json").decode("utf-8").splitlines()
kept: dict[str, list[dict]] = {}
for line in lines:
    message = json.loads(line)
    if message["type"] == "metric_msg":
        metric = message["payload"]["metric"]
        kept.setdefault(metric["metricName"], []).append(metric)
for name, pairs in logged.items():
    assert [m["metricValue"] for m in kept[name]] == [v for _, v in pairs], name
assert [m["step"] for m in kept["loss"]] == [s for s, _ in logged["loss"]]
assert [m["epoch"] for m in kept["val_acc"]] == [e for e, _ in logged["val_acc"]]
rows = {"loss": [(m["step"], m["metricValue"]) for m in kept["loss"]],
        "val_acc": [(m["epoch"], m["metricValue"]) for m in kept["val_acc"]],
        "test_acc": [(m["step"], m["metricValue"]) for m in kept["test_acc"]]}
keys = {"loss": "step", "val_acc": "epoch", "test_acc": "step"}
own = sorted(set(kept) - set(logged))  # Comet's own (system) metrics, if any

write_truth(
    "comet_ml", comet_ml.__version__,
    f"{archive} messages.json (metric_msg: the values passed to log_metric); the printed "
    "summary gives a once-logged key's value, a series' count, min and max",
    {"test_acc": series(rows["test_acc"], "step")},
    files=[archive],
    also_ok=["loss_min", "loss_max", "val_acc_min", "val_acc_max", *own],
    file_metrics={name: series(rows[name], keys[name]) for name in rows},
    notes="(min, max) of loss and val_acc are statistics, not last values; "
          f"Comet's own metrics in the archive: {own or 'none'}")

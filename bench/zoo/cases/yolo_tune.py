"""Ultralytics 8.4.190 hyperparameter tuning: ``model = YOLO("yolov8n.yaml")`` and
``model.tune(data=shapes.yaml, epochs=2, iterations=3, imgsz=64, batch=4, nbs=4,
warmup_epochs=0, plots=False, save=False, val=True, device="cpu")``, as the Hyperparameter
Tuning guide calls it (``plots=False, save=False``; ``val=True`` validates every epoch;
``optimizer`` left to ``tune``'s own default, AdamW). The data is the zoo's synthetic detect
set (``_yolo_data.make_dataset``: 32 training and 8 validation images of 64x64,
``YOLO_OFFLINE=1``); ``batch=4, nbs=4, warmup_epochs=0`` (train settings a user passes
through ``tune``) let two epochs of 8 batches move the metrics off zero, as the other
Ultralytics cases' settings do (with the defaults every metric of every iteration is 0 and
the Tuner warns that it has no fitness to plot). ``torch.manual_seed(0)`` before building
the model: every iteration starts from the base model's weights, drawn in this process.
About 30 s on 2 CPU cores. The case prints nothing of its own (``tune`` returns None).

What it prints: the Tuner's ``Tuner: Initialized Tuner instance with 'tune_dir=...'``, then
per iteration ``Tuner: Starting iteration 1/3 with hyperparameters: {'lr0': 0.01, ...}``
(the first the defaults and the arguments, the others mutations of the best so far), a
``MultiTrainer 1/1: fine-tuning on .../shapes.yaml`` header and a whole training in a child
process (``python -m ultralytics.cfg.__init__ train ...``, stdout shared): settings line,
model summary, dataset scans, the epoch bar ``1/2  0G  4.874  3.208  3.024  5  64``
(``box_loss cls_loss dfl_loss Instances Size``) and the validation ``all`` row
``P R mAP50 mAP50-95`` each epoch; ``Validating .../best.pt...`` with its ``all`` and class
rows and ``Speed:`` line only when the last epoch is the best (with ``save=False`` best.pt is
written at the last epoch only, and only if it beats the earlier one), then
``MultiTrainer results saved to ...``, the fitness plots' ``Saved ...png`` lines (the Tuner
plots whatever ``plots`` says) and::

    Tuner: 1/3 iterations complete ✅ (9.23s)
    Tuner: Results saved to .../runs/detect/tune
    Tuner: Best fitness=0.00289 observed at iteration 1
    Tuner: Best fitness metrics are {'metrics/precision(B)': 0.00316, ..., 'fitness': 0.00289}
    Tuner: Best fitness model is .../runs/detect/tune/weights
    Printing '.../runs/detect/tune/best_hyperparameters.yaml'

    lr0: 0.01
    ... (the 26 tuned hyperparameters of the best iteration as YAML)

Truth (no stdout parsed):
- Each iteration's ``results.csv`` (the child trainer's ``trainer.csv``) and the closing
  validation of its best.pt (``trainer.metrics`` at the extra ``on_fit_epoch_end`` that
  ``final_eval`` runs; none when best.pt was not written), named and toleranced as in every
  Ultralytics zoo case (``_yolo_data.metric_name``, ``_tolerance``): ``box_loss``,
  ``cls_loss``, ``dfl_loss``, ``P``, ``R``, ``mAP50``, ``mAP50-95`` printed. The Tuner
  deletes every iteration's folder but the best one's, so the case keeps them with callbacks
  added to Ultralytics' ``default_callbacks`` in the children (a ``sitecustomize.py`` on the
  children's ``PYTHONPATH``; it prints nothing, and its copies end in ``.snap``, no metric
  file's name). The validation losses and ``lr/pg0-2``, printed nowhere, are file metrics
  as the framework's record holds them at the end (the lead's call): the surviving
  ``results.csv``'s rows, the best iteration's; the deleted iterations' are no record left.
- Judgement call: one series per name over all iterations, in order (the output is one
  stream of three trainings); the epoch axis restarts at 1 each iteration (``1, 2, 1, 2,
  1, 2``), and each closing validation is one more observation at no epoch after its
  iteration's epochs. An iteration is no step of the epoch series.
- ``fitness``: the Tuner's own record, ``tune_results.ndjson`` (Ultralytics 8.4 writes NDJSON
  where older releases wrote ``tune_results.csv``), one value an iteration at step
  ``iteration`` (1-3), rounded to 5 decimals there. It is printed only as the best so far,
  so it is a file metric.
- ``Best fitness=...`` and the ``Best fitness metrics are {...}`` dict reprint the best
  iteration's record after every iteration: a running best, no series of its own (README),
  so ``best_fitness`` and the dict's keys as printed are ``also_ok``. The hyperparameters
  (the ``Starting iteration`` dict, the YAML, the ``engine/trainer:`` settings) are settings,
  not metrics. ``also_ok`` also holds the bars' ``it/s``/``GPU_mem`` and the ``Speed:``
  line's ms per image; ``(9.23s)`` is the tuning's elapsed time, not recorded.
- ``files``: what is left at the end: the best iteration's ``results.csv`` (the only one the
  Tuner keeps) and ``tune_results.ndjson``.
- Determinism: iteration 1 (the defaults, seeded) repeats; the Tuner mutates with
  ``np.random.default_rng()``, unseeded, so iterations 2 and 3 (their hyperparameters,
  metrics and which iteration is best) differ from run to run, pipe and pty alike; each
  capture's truth is its own run's.
"""
# zoo-venv: yolotune

import json
import os
from pathlib import Path

import _yolo_data  # (sets YOLO_OFFLINE=1 and YOLO_CONFIG_DIR before Ultralytics loads)
from _truth import write_truth

# the running best the Tuner prints after every iteration: "Best fitness=0.00289 observed at
# iteration 1" and its "Best fitness metrics are {...}" dict (fitness itself is a file metric)
BEST = ["best_fitness", "metrics/precision(B)", "metrics/recall(B)", "metrics/mAP50(B)",
        "metrics/mAP50-95(B)", "val/box_loss", "val/cls_loss", "val/dfl_loss"]

# Each tuning iteration trains in a child process (`python -m ultralytics.cfg.__init__
# train ...`), and the Tuner deletes every iteration's run folder but the best one's. This
# hook, loaded by the children through PYTHONPATH, keeps what each child's trainer records
# before that: a copy of its results.csv and the metrics of its closing validation of
# best.pt (trainer.metrics at the extra on_fit_epoch_end that final_eval runs). It prints
# nothing; its files end in ".snap", which no metric-file reader takes for one.
RECORDS = Path.cwd() / "zoo-tune-records"
HOOK = Path.cwd() / "zoo-tune-hook"
HOOK_CODE = '''\
import json
import os
import shutil
from pathlib import Path

_RECORDS = os.environ.get("ZOO_TUNE_RECORDS")
if _RECORDS:
    from ultralytics.utils.callbacks.base import default_callbacks

    _closing = {}

    def _fit_epoch_end(trainer):
        if trainer.epoch >= trainer.epochs:  # final_eval's call (its epoch is epochs + 1)
            _closing.update({k: float(v) for k, v in trainer.metrics.items()})

    def _train_end(trainer):
        records = Path(_RECORDS)
        records.mkdir(parents=True, exist_ok=True)
        n = len(list(records.glob("*.json.snap"))) + 1  # the iterations run one by one
        shutil.copyfile(trainer.csv, records / f"{n}.results.csv.snap")
        record = {"save_dir": str(trainer.save_dir), "closing": _closing or None}
        (records / f"{n}.json.snap").write_text(json.dumps(record))

    default_callbacks["on_fit_epoch_end"].append(_fit_epoch_end)
    default_callbacks["on_train_end"].append(_train_end)
'''


def _install_hook() -> None:
    HOOK.mkdir(exist_ok=True)
    (HOOK / "sitecustomize.py").write_text(HOOK_CODE)
    os.environ["ZOO_TUNE_RECORDS"] = str(RECORDS)
    os.environ["PYTHONPATH"] = os.pathsep.join(
        p for p in (str(HOOK), os.environ.get("PYTHONPATH")) if p)


def _entry(metrics: dict, name: str, key: str) -> dict:
    return metrics.setdefault(name, {"key": "epoch", "values": [],
                                     "rel_tolerance": _yolo_data._tolerance(key),
                                     "tolerance": _yolo_data.FILE_ABS})


def _truth(tune_dir: Path, version: str) -> None:
    import csv

    metrics: dict[str, dict] = {}
    file_metrics: dict[str, dict] = {}
    iterations = [json.loads(line) for line in
                  (tune_dir / "tune_results.ndjson").read_text().splitlines() if line.strip()]
    for n in range(1, len(iterations) + 1):
        record = json.loads((RECORDS / f"{n}.json.snap").read_text())
        with open(RECORDS / f"{n}.results.csv.snap", newline="") as handle:
            rows = [{k.strip(): v for k, v in row.items()} for row in csv.DictReader(handle)]
        for row in rows:
            epoch = int(float(row["epoch"]))
            for key, text in row.items():
                name = _yolo_data.metric_name(key)
                if name is None:
                    continue
                if key.startswith(("train/", "metrics/")):  # (the printed ones)
                    _entry(metrics, name, key)["values"].append([epoch, float(text)])
        for key, value in (record["closing"] or {}).items():
            name = _yolo_data.metric_name(key)
            if name is not None:
                _entry(metrics, name, key)["values"].append([None, float(value)])
    # the Tuner's own record: one fitness an iteration (rounded to 5 decimals there)
    file_metrics["fitness"] = {"key": "step",
                               "values": [[r["iteration"], float(r["fitness"])]
                                          for r in iterations],
                               "tolerance": 5e-6}
    cwd = Path.cwd()
    survivors = sorted(cwd.glob("runs/detect/multitrain*/*/results.csv"))
    for survivor in survivors:  # the file metrics: what the framework's record still holds
        with open(survivor, newline="") as handle:
            rows = [{k.strip(): v for k, v in row.items()} for row in csv.DictReader(handle)]
        for row in rows:
            for key, text in row.items():
                name = _yolo_data.metric_name(key)
                if name is not None and not key.startswith(("train/", "metrics/")):
                    _entry(file_metrics, name, key)["values"].append(
                        [int(float(row["epoch"])), float(text)])
    files = [str(p.relative_to(cwd)) for p in survivors]
    files.append(str((tune_dir / "tune_results.ndjson").relative_to(cwd)))
    write_truth(
        "ultralytics", version,
        "each tuning iteration's results.csv and the closing validation of its best.pt "
        "(trainer.metrics), kept by a callback in the training child before the Tuner "
        "deletes the iteration's folder; fitness from the Tuner's tune_results.ndjson",
        metrics, files=files,
        also_ok=[*(name for name in _yolo_data._ALSO_OK if name not in metrics), *BEST],
        file_metrics=file_metrics)


if __name__ == "__main__":
    import torch
    import ultralytics
    from ultralytics import YOLO

    _install_hook()
    torch.manual_seed(_yolo_data.SEED)  # the base model's random weights seed every iteration
    data = _yolo_data.make_dataset("detect", size=64, train=32)
    model = YOLO("yolov8n.yaml")
    model.tune(data=data, epochs=2, iterations=3, imgsz=64, batch=4, nbs=4, warmup_epochs=0,
               plots=False, save=False, val=True, device="cpu")
    _truth(Path.cwd() / "runs" / "detect" / "tune", ultralytics.__version__)

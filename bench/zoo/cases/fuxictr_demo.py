r"""FuxiCTR 2.3.9 (reczoo's library for CTR prediction, PyPI's ``fuxictr`` 2.3.9, on the CPU
build of torch 2.13.0): its repository's own demo ``demo/example4_DeepFM_with_csv_input.py``
(reczoo/FuxiCTR at tag v2.3.9, b7dff736; the same blob, ce8ed192, as main's 0245987), which
builds the data set from the repository's tiny CSV files (``data/tiny_csv``: 100 rows each of
Taobao-style ad clicks; ``valid_sample.csv`` and ``test_sample.csv`` are one blob, so the
validation and test figures are the same) into parquet with ``FeatureProcessor`` /
``build_dataset``, then trains ``DeepFM`` from the repository's ``model_zoo`` with
``model.fit(train_gen, validation_data=valid_gen, epochs=params['epochs'])`` and closes with
``model.evaluate(valid_gen)`` and ``model.evaluate(test_gen)`` under the banners ``*****
Validation evaluation *****`` and ``***** Test evaluation *****``. About 10 s.

Why 2.3.9 and not PyPI's newest, 2.3.10: the 2.3.10 wheel is built from code no stored commit
of the repository holds (it requires ``ray[data]`` and its ``RankDataLoader`` returns the
generators, where the demo, at v2.3.9 and at main alike, calls ``.make_iterator()``: the demo
fails with ``AttributeError: 'tuple' object has no attribute 'make_iterator'`` after more than
a minute of Ray Data start-up lines). 2.3.9 is the release whose tag holds the demo; its code
needs an older stack (requirements-fuxictr.txt says why each pin).

Files: from ``$ZOO_REPOS/FuxiCTR`` (``git archive b7dff736 demo data/tiny_csv model_zoo |
tar -x -C ~/.cache/exptrack-zoo/repos/FuxiCTR``): the demo script, its
``config/example4_config/{dataset,model}_config.yaml`` and the three CSV files, each checked
against its git blob id, and ``model_zoo/`` (its ``__init__`` imports every model), checked
against git's tree id; copied into the cwd in the repository's layout, and the demo run from
``FuxiCTR/demo`` (its ``sys.path.append('../')`` finds ``model_zoo``, its ``data_root:
../data/`` the CSVs) in-process with ``runpy`` as ``__main__``. One value changed: the
config's ``epochs: 1`` is written as ``epochs: 3`` (``EPOCHS``), so that there is a series.
Everything else is the demo's config: seed 2019 (``seed_everything``), batch 128 (so one batch
an epoch: ``Start training: 1 batches/epoch``), ``monitor: 'AUC'``, ``monitor_mode: 'max'``,
``early_stop_patience: 2``, ``metrics: ['logloss', 'AUC']``, ``verbose: 1``.

What it prints: ``set_logger`` logs through ``logging`` (format ``%(asctime)s P%(process)d
%(levelname)s %(message)s``) to stderr (``logging.StreamHandler()``'s default stream) and
to ``checkpoints/tiny_example4/DeepFM_test_csv.log``; ``verbose: 1`` adds tqdm bars on
stdout (``file=sys.stdout``). First ``FuxiCTR version: 2.3.9``, the ``Params: {...}`` and
``Feature specs: {...}`` JSON dumps (one key a line, every value a string:
``"learning_rate": "0.001"``), the preprocessing (``Processing column: {...}`` with a bar
each, polars' ``PerformanceWarning``), then, each epoch::

    2026-12-08 01:43:54,657 P1962 INFO Train loss: 0.693248
    2026-12-08 01:43:54,657 P1962 INFO Evaluation @epoch 1 - batch 1:
    2026-12-08 01:43:54,770 P1962 INFO [Metrics] AUC: 0.947917
    2026-12-08 01:43:54,771 P1962 INFO Save best model: monitor(max)=0.947917
    2026-12-08 01:43:54,806 P1962 INFO ************ Epoch=1 end ************

(bars between them: ``100%|██████████| 1/1 [00:00<00:00, 10.55it/s]``); at epoch 3, whose AUC
does not beat epoch 2's 1.0, ``Monitor(max)=1.000000 STOP!`` and ``Reduce learning rate on
plateau: 0.000100``. Then ``Training finished.``, ``Load best model: .../DeepFM_test_csv.model``,
and after each banner ``[Metrics] logloss: 0.666675 - AUC: 1.000000`` (scikit-learn 1.4's
``FutureWarning`` about ``log_loss``'s ``eps`` on stderr before each).

Truth: FuxiCTR keeps no history: ``evaluate`` returns its ``val_logs`` dict (the one the
``[Metrics]`` line formats) and ``fit`` keeps only the best monitored value. So the case adds
three lines to the demo (``RECORD_LINES``, "# zoo:", no line changed): after ``model =
DeepFM(...)`` one that wraps the model's own ``evaluate`` (recording each dict it returns, with
the epoch, ``_epoch_index + 1``), ``train_step`` (recording each ``loss.item()``) and
``save_weights`` (the epoch of each checkpoint), and one after each banner that marks the
closing evaluations as ``validation`` and ``test``. Nothing is parsed from stdout; the log file
is stdout's lines again and is not a record.
Judgement calls:
- Names: the dict's keys as FuxiCTR keys them, ``AUC`` and ``logloss``. During ``fit``,
  ``eval_step`` asks only for the monitor's metrics (``self._monitor.get_metrics()``), so the
  epoch lines and the series hold ``AUC`` alone (no ``val_`` prefix: none is printed, and
  ``Evaluation @epoch 1`` names no split). The closing evaluations compute both metrics on
  the best checkpoint and print the same keys, on lines of their own after the banners
  ``***** Validation evaluation *****`` and ``***** Test evaluation *****``. The helper who
  wrote the case named them by the banners (``validation_AUC``, ``test_logloss``, ...); the
  lead engineer changed that to the names as printed, pooled: ``AUC`` gains the two closing
  values as its last points and ``logloss`` holds the two closing values, as the corpus's
  FuxiCTR logs (written by other people before any parser run) judge them ("names as
  printed, not prefixed: the evaluation headers are separate lines"), and as the issue's
  Ultralytics rule does (the closing validation of ``best.pt`` is the last value).
  ``Train loss: 0.693248`` -> ``train_loss`` (a phase word before a name): ``train_epoch``
  sums ``loss.item()`` over ``eval_steps`` batches (``eval_steps: null``: one epoch) and
  logs the mean; the case sums the recorded ``loss.item()`` values in the same order and
  divides by the same ``_eval_steps``.
- Counts: 3 epochs (no early stop: ``early_stop_patience: 2`` is not reached), one closing
  validation and one test evaluation. Axis ``epoch``, 1-based as ``Epoch=1`` prints it; the
  closing evaluations are keyed by the epoch whose checkpoint ``fit`` loaded back (the last
  ``save_weights``, epoch 2 here, as ``Save best model`` shows).
- Tolerances: 5e-7, half the 6th decimal (``{:.6f}`` on every line).
- ``Save best model: monitor(max)=0.947917`` and ``Monitor(max)=1.000000 STOP!`` repeat the
  epoch's ``AUC``: no series. ``Reduce learning rate on plateau: 0.000100`` is the optimizer's
  new learning rate (``lr_decay``), which nothing records over time: ``also_ok`` as
  ``Reduce_learning_rate_on_plateau``. ``Start training: 1 batches/epoch``,
  ``Train samples: total/100, blocks/1`` and the bars' ``it/s`` are counts and throughput;
  the ``Params`` and ``Feature specs`` dumps are settings.
- Determinism: the demo's ``seed_everything(2019)``; with ``OMP_NUM_THREADS=1`` the values
  repeat, only timestamps, process ids and rates vary. Nothing is downloaded."""

# zoo-venv: fuxictr

from __future__ import annotations

import logging
import os
import runpy
import shutil
import sys
import traceback
from pathlib import Path

import fuxictr
import torch
from _truth import series, write_truth
from _verbatim import git_blob_id, tree_id, with_lines

SOURCE_REPO = "reczoo/FuxiCTR"
SOURCE_COMMIT = "b7dff736885fdb8f59387d82d08219ad2e4cae50"
EPOCHS = 3  # the demo config's `epochs: 1`, raised
SCRIPT = "demo/example4_DeepFM_with_csv_input.py"
BLOBS = {  # the files copied from $ZOO_REPOS/FuxiCTR, each git's blob id at the commit
    SCRIPT: "ce8ed192f017f527468e196866bde23e03f4d305",
    "demo/config/example4_config/dataset_config.yaml": "f0a7a3688d738623738ff2ad2d35d8b45e39d14d",
    "demo/config/example4_config/model_config.yaml": "364ab15a15d2198f14ef0962ed2fb8262ebfe9fa",
    "data/tiny_csv/train_sample.csv": "279a976318f213965a6efbb5227351f87ecbc0bb",
    "data/tiny_csv/valid_sample.csv": "7e5e2f5dd12e7bdb6b6fcaeefcead7eeb7e057ab",
    "data/tiny_csv/test_sample.csv": "7e5e2f5dd12e7bdb6b6fcaeefcead7eeb7e057ab",
}
MODEL_ZOO_TREE = "6a5372167891002e39127057f6c67dffaf7928f1"  # git rev-parse <commit>:model_zoo
# The case's lines, each right after its anchor in the demo script (no line changed).
RECORD_LINES = {
    "    model = DeepFM(feature_map, **params)\n": "    ZOO_WATCH(model)  # zoo:\n",
    "    logging.info('***** Validation evaluation *****')\n":
        "    ZOO_STAGE[0] = 'validation'  # zoo:\n",
    "    logging.info('***** Test evaluation *****')\n": "    ZOO_STAGE[0] = 'test'  # zoo:\n",
}


def watcher(record: list[tuple], stage: list[str]):
    """Record what the model's own ``evaluate`` returns and each ``train_step``'s loss
    (``loss.item()``, summed in order as ``train_epoch`` sums it)."""
    def watch(model) -> None:
        evaluate, train_step, save_weights = model.evaluate, model.train_step, model.save_weights

        def recorded_evaluate(*args, **kwargs):
            logs = evaluate(*args, **kwargs)
            epoch = model._epoch_index + 1
            record.append(("eval", stage[0], epoch, {k: float(v) for k, v in logs.items()}))
            return logs

        def recorded_train_step(batch_data):
            loss = train_step(batch_data)
            record.append(("step", model._epoch_index + 1, model._total_steps, loss.item(),
                           model._eval_steps))
            return loss

        def recorded_save_weights(checkpoint):
            record.append(("save", model._epoch_index + 1))
            return save_weights(checkpoint)

        model.evaluate, model.train_step = recorded_evaluate, recorded_train_step
        model.save_weights = recorded_save_weights
    return watch


def layout(repo: Path, root: Path) -> None:
    """The repository's files the demo reads, in its layout under ``root`` (the demo runs
    in ``root/demo``: ``sys.path.append('../')`` for ``model_zoo``, ``data_root: ../data/``)."""
    for rel, blob in BLOBS.items():
        text = (repo / rel).read_text(encoding="utf-8")
        if git_blob_id(text) != blob:
            raise SystemExit(f"{repo / rel} is not {SOURCE_REPO}@{SOURCE_COMMIT[:8]}'s")
        target = root / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        if rel == SCRIPT:
            text = with_lines(text, RECORD_LINES)
        elif rel.endswith("model_config.yaml"):
            text = text.replace("    epochs: 1\n", f"    epochs: {EPOCHS}\n")
        target.write_text(text, encoding="utf-8")
    shutil.copytree(repo / "model_zoo", root / "model_zoo",
                    ignore=shutil.ignore_patterns("__pycache__"))
    if tree_id(root / "model_zoo") != MODEL_ZOO_TREE:
        raise SystemExit(f"{repo / 'model_zoo'} is not {SOURCE_REPO}@{SOURCE_COMMIT[:8]}'s")


def main() -> None:
    repos = Path(os.environ.get("ZOO_REPOS", Path.home() / ".cache" / "exptrack-zoo" / "repos"))
    here = Path.cwd()
    root = here / "FuxiCTR"
    layout(repos / "FuxiCTR", root)
    record: list[tuple] = []
    stage = ["fit"]
    os.chdir(root / "demo")
    sys.argv = [Path(SCRIPT).name]
    source = (f"{SOURCE_REPO}@{SOURCE_COMMIT[:8]} {SCRIPT} (fuxictr {fuxictr.__version__}, "
              f"torch {torch.__version__})")
    try:
        runpy.run_path(Path(SCRIPT).name, run_name="__main__",
                       init_globals={"ZOO_WATCH": watcher(record, stage), "ZOO_STAGE": stage})
    except BaseException:
        traceback.print_exc()
        os.chdir(here)
        write_truth("FuxiCTR", fuxictr.__version__, "none: the demo script failed", {})
        raise
    finally:
        logging.shutdown()
    os.chdir(here)

    metrics: dict = {}
    train_loss: dict[int, float] = {}
    for row in record:
        if row[0] == "step":
            _, epoch, _total, loss, _eval_steps = row
            train_loss[epoch] = train_loss.get(epoch, 0.0) + loss
    # train_epoch logs `train_loss / self._eval_steps` every eval_steps steps: once an
    # epoch here (eval_steps None -> steps per epoch)
    steps = [row for row in record if row[0] == "step"]
    eval_steps = steps[0][4]
    metrics["train_loss"] = series(
        ((epoch, total / eval_steps) for epoch, total in train_loss.items()), key="epoch",
        tolerance=5e-7)
    fit = [row for row in record if row[0] == "eval" and row[1] == "fit"]
    names = list(dict.fromkeys(k for row in fit for k in row[3]))
    for name in names:
        metrics[name] = series(((row[2], row[3][name]) for row in fit if name in row[3]),
                               key="epoch", tolerance=5e-7)
    # the closing evaluations are of the checkpoint `fit` loads back: the last epoch saved
    best = [row[1] for row in record if row[0] == "save"][-1]
    closing = [row for phase in ("validation", "test") for row in record
               if row[0] == "eval" and row[1] == phase]
    for name in dict.fromkeys(k for row in closing for k in row[3]):
        points = [(row[2], row[3][name]) for row in fit if name in row[3]] \
            + [(best, row[3][name]) for row in closing if name in row[3]]
        metrics[name] = series(points, key="epoch", tolerance=5e-7)
    write_truth("FuxiCTR", fuxictr.__version__, source, metrics,
                also_ok=["Reduce_learning_rate_on_plateau"])


if __name__ == "__main__":
    main()

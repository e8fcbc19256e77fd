"""Framework metric files -> observations (pure: bytes in, observations out).

Frameworks keep their own record of the metrics they print, at full precision:
Ultralytics and YOLOv5 ``results.csv``, Lightning's ``CSVLogger`` ``metrics.csv``, Hugging
Face ``trainer_state.json``, Keras ``CSVLogger`` files, MMEngine ``scalars.json``, timm's
``summary.csv`` and ``validate.py``'s results file, Ultralytics' tuner's
``tune_results``, Detectron2's ``metrics.json``, DETR's (DeiT's, MAE's) ``log.txt``, each
Ray Tune trial's ``result.json``, TorchRL's ``CSVLogger`` files and TensorBoard event files
(through the optional ``tensorboard`` extra, see ``tfevents``) and W&B's run log
(``run-<id>.wandb``, through the optional ``wandb`` extra, see ``wandbfile``), and MLflow's
local store (``mlflow.db``, see ``mlflowstore``) and Comet's offline archive
(``.cometml-runs/*.zip``, see ``cometzip``), read only when the run has no other file: a
framework's own file names its metrics as its output does.
``kind_of`` tells from a file's name and first line which of them a file is; ``parse``
turns its bytes into observations named as the framework prints them on stdout, so that
one quantity is one metric whichever source it came from (``merge`` joins the two).
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Callable, Iterable
from pathlib import Path

from exptrack.metrics import (
    cometzip,
    dvclivefiles,
    jsonfiles,
    mlflowstore,
    textfiles,
    wandbfile,
    yolofiles,
)
from exptrack.metrics.jsonfiles import FLAML_HEAD, MAX_ROWS, axis, complete_text, lines, number
from exptrack.metrics.observation import Observation

ULTRALYTICS = "ultralytics"  # results.csv
ULTRALYTICS_TUNE = "ultralytics_tune"  # the tuner's tune_results.ndjson (.csv before 8.4)
TIMM_RESULTS = "timm_results"  # validate.py's --results-file CSV, a row a model
LIGHTNING = "lightning"  # metrics.csv
HF_TRAINER = "hf_trainer"  # trainer_state.json
KERAS = "keras"  # CSVLogger
MMENGINE = "mmengine"  # scalars.json
TFEVENTS = "tfevents"  # events.out.tfevents.*
TIMM = "timm"  # train.py's summary.csv
DETECTRON2 = "detectron2"  # metrics.json (its JSONWriter)
FLAIR = "flair"  # ModelTrainer's loss.tsv
TORCHTUNE = "torchtune"  # the recipes' DiskLogger: log_<unix time>.txt
SPEECHBRAIN = "speechbrain"  # FileTrainLogger's train_log.txt
PFRL = "pfrl"  # train_agent_with_evaluation's scores.txt
FLAML = "flaml"  # AutoML's log_file_name (JSON lines of its trials)
RAY_TUNE = "ray_tune"  # each trial's result.json
TORCHRL = "torchrl"  # CSVLogger's scalars/<name>.csv, a metric a file
WANDB = "wandb"  # a W&B run's transaction log, run-<id>.wandb
MLFLOW = "mlflow"  # MLflow's local tracking store, mlflow.db
MLFLOW_FILE = "mlflow_file"  # a metric of MLflow's file store, mlruns/<exp>/<run>/metrics/<key>
DVCLIVE = "dvclive"  # a metric of DVCLive's, dvclive/plots/metrics/<key>.tsv
SACRED = "sacred"  # FileStorageObserver's <run id>/metrics.json
COMET = "comet"  # Comet's offline archive, .cometml-runs/<experiment key>.zip
SMAC = "smac"  # SMAC3's runhistory.json
DEEPMD = "deepmd"  # DeePMD-kit's lcurve.out
FAIR_LOG = "fair_log"  # DETR's, DeiT's, MAE's log.txt (a JSON object an epoch)
KINDS = frozenset({ULTRALYTICS, ULTRALYTICS_TUNE, TIMM_RESULTS, LIGHTNING, HF_TRAINER, KERAS,
                   MMENGINE, TFEVENTS, TIMM, DETECTRON2, FLAIR, TORCHTUNE, SPEECHBRAIN, PFRL,
                   FLAML, RAY_TUNE, TORCHRL, WANDB, MLFLOW, MLFLOW_FILE, DVCLIVE, SACRED, COMET,
                   SMAC, DEEPMD, FAIR_LOG})
# the kinds read only when no other kind's file was found: a tracker's store beside a
# framework's own file holds the same values under the tracker's names (Ultralytics' and
# Hugging Face's MLflow and DVCLive callbacks)
FALLBACK = frozenset({MLFLOW, MLFLOW_FILE, DVCLIVE, SACRED, COMET})
# the kinds of which every file is read, not the newest one alone: TensorBoard's (a resumed
# run's, a second writer's), Ray Tune's (a trial's each), TorchRL's, MLflow's file store's
# and DVCLive's (a metric's each)
EVERY_FILE = frozenset({TFEVENTS, RAY_TUNE, TORCHRL, MLFLOW_FILE, DVCLIVE})

# the JSON files ``kind_of`` may take (others are not opened)
JSON_NAMES = frozenset({"trainer_state.json", "scalars.json", "metrics.json", "result.json",
                        "runhistory.json"})
MAX_SOURCE_BYTES = 64 * 1024 * 1024  # a larger file is not read (nor copied)

# Lightning, Keras, HF and MMEngine files log their step/epoch next to the metrics.
_AXES = frozenset({"epoch", "step", "global_step", "iter"})
# torchtune's DiskLogger ("Step 1 | loss:5.02 lr:0.00075 ...", ``textfiles``)
TORCHTUNE_NAME = re.compile(r"log_\d{1,20}\.txt")
# SpeechBrain's FileTrainLogger (``textfiles``)
SPEECHBRAIN_NAME = "train_log.txt"
# PFRL's scores.txt, a tab-separated row an evaluation ("steps\tepisodes\telapsed\tmean\t
# median\t...\taverage_q\taverage_loss\tcumulative_steps\tn_updates\trlen"): its counters
# and the replay buffer's size are no metrics
PFRL_NAME = "scores.txt"
FAIR_LOG_NAME = "log.txt"  # (``jsonfiles.fair_log``)
_PFRL_SKIP = frozenset({"step", "episodes", "cumulative_steps", "n_updates", "rlen"})  # (its
# "steps" read as the row's step)
# TorchRL's CSVLogger: "<log_dir>/<exp_name>/scalars/<name>.csv", "step,value" a line
_TORCHRL_ROW = re.compile(rb"\d{1,15},[-+]?(?:(?:\d{1,40}(?:\.\d{0,40})?|\.\d{1,40})"
                          rb"(?:e[-+]?\d{1,4})?|nan|inf)")
# Sacred's FileStorageObserver: '{\n  "train.loss": {\n    "steps": [' (json.dump, indent 2)
_SACRED_HEAD = re.compile(rb'\{\s{0,40}"[^"\n]{1,200}":\s{0,4}\{\s{0,40}"steps":\s{0,4}\[')
# flair's loss.tsv: its epoch, the time of day and the plateau counter are no metrics
_FLAIR_SKIP = frozenset({"epoch", "timestamp", "bad_epochs"})


def kind_at(path: Path, head: bytes) -> str | None:
    """The kind of a metric file told by its path rather than its name: a metric of
    MLflow's file store (``mlruns/<experiment>/<run id>/metrics/<key>``) or of DVCLive's
    (``dvclive/plots/metrics/<key>.tsv``)."""
    if mlflowstore.is_metric_file(path, head):
        return MLFLOW_FILE
    return DVCLIVE if dvclivefiles.is_metric_file(path, head) else None


def kind_of_file(path: Path, head: bytes) -> str | None:
    """The kind of the metric file at ``path`` whose first bytes are ``head``: by its name,
    header and folder (``kind_of``), else by its path (``kind_at``); None for another file."""
    return kind_of(path.name, head, path.parent.name) or kind_at(path, head)


def run_prefixes(paths: Iterable[tuple[Path, str]]) -> dict[Path, str]:
    """Of the files ``paths`` (path and kind), the MLflow file store's metric files of a
    run when there are several runs (a search's child runs): each one's ``<run id[:8]>/``
    prefix, as MLflow's UI tells runs apart by them; {} for one run."""
    runs = {path: mlflowstore.run_of(path) for path, kind in paths if kind == MLFLOW_FILE}
    if len(set(runs.values())) < 2:
        return {}
    return {path: f"{run[:8]}/" for path, run in runs.items()}


def db_named(name: str) -> bool:
    """Is ``name`` one of MLflow's local store (``mlflow.db``)?"""
    return mlflowstore.NAME.fullmatch(name) is not None


def text_named(name: str) -> bool:
    """Is ``name`` one a framework keeps its metrics under in a text file (torchtune's
    ``log_<time>.txt``, SpeechBrain's ``train_log.txt``, PFRL's ``scores.txt``, DeePMD-kit's
    ``lcurve.out``)?"""
    return TORCHTUNE_NAME.fullmatch(name) is not None \
        or name in (SPEECHBRAIN_NAME, PFRL_NAME, textfiles.DEEPMD_NAME, FAIR_LOG_NAME)


def kind_of(name: str, head: bytes, folder: str = "") -> str | None:
    """Which framework metric file this is, from its file name, first bytes (its header
    line) and the name of its folder; None for any other file."""
    first = head.split(b"\n", 1)[0].strip().lower()
    if name.startswith("events.out.tfevents."):
        return TFEVENTS
    if name == "trainer_state.json":
        return HF_TRAINER
    if wandbfile.NAME.fullmatch(name) and head.startswith(wandbfile.HEADER):
        return WANDB
    if mlflowstore.NAME.fullmatch(name) and head.startswith(mlflowstore.HEADER):
        return MLFLOW
    if cometzip.is_archive(name, head, folder):
        return COMET
    if name == "scalars.json":
        return MMENGINE
    if (name == "tune_results.ndjson" and first.startswith(b"{") and b'"fitness":' in first) \
            or (name == "tune_results.csv" and first.startswith(b"fitness,")):
        return ULTRALYTICS_TUNE
    if name == "result.json" and first.startswith(b"{") \
            and (b'"trial_id":' in first or b"\n" not in head):  # (RLlib's results are
        return RAY_TUNE  # longer than the head; a line with no trial id gives nothing)
    if name == "metrics.json" and first.startswith(b"{") and b'"iteration":' in first:
        return DETECTRON2  # a JSON line an iteration ("eta_seconds", "total_loss", ...)
    if name == "metrics.json" and _SACRED_HEAD.match(head) is not None:
        return SACRED
    if name == "runhistory.json" and jsonfiles.SMAC_HEAD.match(head) is not None:
        return SMAC
    if TORCHTUNE_NAME.fullmatch(name) and first.startswith(b"step ") and b" | " in first:
        return TORCHTUNE
    if name == SPEECHBRAIN_NAME and first.startswith(b"epoch") and b" - " in first:
        return SPEECHBRAIN
    if name == PFRL_NAME and first.startswith(b"steps\tepisodes\t"):
        return PFRL
    if name == textfiles.DEEPMD_NAME and first[1:].split()[:1] == [b"step"] \
            and first.startswith(b"#"):
        return DEEPMD
    if name == FAIR_LOG_NAME and first.startswith(b'{"train_') and b'": ' in first:
        return FAIR_LOG
    if name.endswith(".log") and head.startswith(FLAML_HEAD) and b'"iter_per_learner"' in first:
        return FLAML
    if folder == "scalars" and name.endswith(".csv") and _TORCHRL_ROW.fullmatch(first):
        return TORCHRL
    if name == "loss.tsv" and first.startswith(b"epoch\t") and b"train_loss" in first:
        return FLAIR  # flair's ModelTrainer ("EPOCH\tTIMESTAMP\t...\tTRAIN_LOSS\tDEV_LOSS")
    columns = [c.strip() for c in first.split(b",")]
    if name == "results.csv" and b"epoch" in columns \
            and any(c.startswith((b"train/", b"metrics/")) for c in columns):
        return ULTRALYTICS
    if name == "metrics.csv" and (b"step" in columns or b"epoch" in columns):
        return LIGHTNING
    if name.endswith(".csv") and columns[:2] == [b"model", b"top1"]:
        return TIMM_RESULTS  # timm's validate.py: "model,top1,top1_err,top5,top5_err,..."
    if name == "summary.csv" and columns[:1] == [b"epoch"] \
            and any(c.startswith(b"eval_") for c in columns):  # timm's, epochs from 0 as
        return TIMM  # its "Train: 0 [...]" lines count them (not a Keras CSVLogger's)
    if name.endswith((".csv", ".log", ".tsv")) and columns[:1] == [b"epoch"] \
            and any(b"loss" in c for c in columns[1:]):
        return KERAS
    return None


def parse(kind: str, data: bytes, path: Path | None = None,
          since: float | None = None) -> list[Observation]:
    """The observations recorded in a framework file's bytes, in the file's order. A
    damaged or partly written file gives what can be read (a last line cut short is left
    out: the framework is still writing it). TensorBoard files are read from ``path``
    by TensorBoard's own reader, W&B's run logs by W&B's record schema (``MissingExtra``
    when it is not installed); MLflow's store from ``path`` too, its runs that started at
    ``since`` (seconds since the epoch) or later."""
    if kind == MLFLOW:
        return mlflowstore.read_store(path, since) if path is not None else []
    if kind == MLFLOW_FILE:
        key = mlflowstore.file_key(path) if path is not None else None
        return mlflowstore.read_file(data[:MAX_SOURCE_BYTES], key) if key else []
    if kind == DVCLIVE:
        key = dvclivefiles.file_key(path) if path is not None else None
        return dvclivefiles.read_file(data[:MAX_SOURCE_BYTES], key) if key else []
    if kind == TFEVENTS:
        from exptrack.metrics.tfevents import read_events

        return read_events(path) if path is not None else []
    data = data[:MAX_SOURCE_BYTES]
    if kind == WANDB:
        return wandbfile.read_wandb(data)
    if kind == COMET:
        return cometzip.read_archive(data)
    if kind == RAY_TUNE:  # (named by the trial's folder, a TorchRL metric by its file)
        return jsonfiles.ray_tune(data, path.parent.name if path else None)
    if kind == TORCHRL:
        return _torchrl(data, path.stem) if path is not None else []
    reader: Callable[[bytes], list[Observation]] = {
        ULTRALYTICS: _ultralytics, LIGHTNING: _lightning, HF_TRAINER: jsonfiles.hf_trainer,
        KERAS: _keras, MMENGINE: jsonfiles.mmengine, TIMM: _timm,
        DETECTRON2: jsonfiles.detectron2, SACRED: jsonfiles.sacred, FLAIR: _flair,
        TORCHTUNE: textfiles.torchtune, SPEECHBRAIN: textfiles.speechbrain, PFRL: _pfrl,
        DEEPMD: textfiles.deepmd, FAIR_LOG: jsonfiles.fair_log,
        FLAML: jsonfiles.flaml, SMAC: jsonfiles.smac, ULTRALYTICS_TUNE: jsonfiles.ultralytics_tune,
        TIMM_RESULTS: _timm_results}[kind]
    return reader(data)


def mirrors(found: Iterable[tuple[Path, str]]) -> set[Path]:
    """Of the files ``found`` (path and kind), the TensorBoard files Ray Tune wrote beside a
    trial's ``result.json``: they hold the same results, rounded to 32 bits and named
    ``ray/tune/<key>`` for all trials alike; the trial's file is read instead."""
    found = list(found)
    trials = {path.parent for path, kind in found if kind == RAY_TUNE}
    return {path for path, kind in found if kind == TFEVENTS and path.parent in trials}


def _with_header(data: bytes, rewrite: Callable[[bytes], bytes]) -> bytes:
    """``data`` with its first line, a table's header, rewritten (a file of no complete line
    holds no row either way)."""
    cut = data.find(b"\n")
    return data if cut < 0 else rewrite(data[:cut]) + data[cut:]


def _csv_rows(data: bytes, delimiter: str = ",") -> Iterable[dict[str, str]]:
    reader = csv.DictReader(io.StringIO(complete_text(data)), skipinitialspace=True,
                            delimiter=delimiter)
    for count, row in enumerate(reader):
        if count >= MAX_ROWS:
            return
        yield {(k or "").strip(): (v or "") for k, v in row.items() if isinstance(v, str)}


def _csv_observations(data: bytes, rename: Callable[[str], str | None],
                      first_epoch: int = 0, delimiter: str = ",",
                      unmeasured: Callable[[dict[str, str]], tuple[str, ...]] | None = None,
                      ) -> list[Observation]:
    """A metrics CSV's cells as observations at their row's ``step`` and ``epoch``
    (``epoch`` counted from ``first_epoch``); ``rename`` names a column's metric, None for
    a column that is not one. Blank cells (a metric not logged on that row) are skipped;
    so are a row's columns whose names start with what ``unmeasured`` gives for it."""
    out: list[Observation] = []
    names: dict[str, str | None] = {}
    for row in _csv_rows(data, delimiter):
        step = axis(number(row.get("step")))
        epoch = axis(number(row.get("epoch")))
        if epoch is not None:
            epoch += first_epoch
        skipped = unmeasured(row) if unmeasured is not None else ()
        for column, text in row.items():
            if skipped and column.startswith(skipped):
                continue
            if column not in names:
                names[column] = rename(column)
            name = names[column]
            value = number(text)
            if name is not None and value is not None:
                out.append(Observation(name, value, step, epoch))
    return out


# validate.py's columns that describe the model and its input, no measure of it
_TIMM_SETTINGS = frozenset({"model", "param_count", "img_size", "crop_pct", "interpolation",
                            "infer_samples_per_sec"})


def _timm_results(data: bytes) -> list[Observation]:
    """timm's ``validate.py --results-file``: a row a model validated, at no step (its
    ``top1``, ``top1_err``, ``top5``, ``top5_err``; printed `` * Acc@1 23.809 (76.191)``)."""
    return _csv_observations(data, lambda c: None if c in _TIMM_SETTINGS else _metric_column(c))


def _metric_column(column: str) -> str | None:
    return column if column and column not in _AXES else None


def _ultralytics(data: bytes) -> list[Observation]:
    end = data.find(b"\n")  # the header line alone (not a copy of a large file's rows)
    header = data if end < 0 else data[:end]
    grouped = b"(M)" in header or b"(P)" in header  # a segmentation or pose run's file
    if grouped and b"val/box_loss" in header and end >= 0:
        data = yolofiles.closing_row_placed(data, header.count(b","))
    return _csv_observations(data, lambda column: yolofiles.ultralytics_name(column, grouped),
                             unmeasured=yolofiles.unvalidated)


def _lightning(data: bytes) -> list[Observation]:
    """CSVLogger rows: one per logging call, blank cells for metrics not logged then."""
    return _csv_observations(data, _metric_column)


def _keras(data: bytes) -> list[Observation]:
    """CSVLogger counts epochs from 0; `fit` prints them from 1 (``Epoch 1/3``)."""
    return _csv_observations(data, _metric_column, first_epoch=1)


def _flair(data: bytes) -> list[Observation]:
    """flair's ``loss.tsv``: a row an epoch (counted from 1, as its ``EPOCH 1 done`` line),
    its header in capitals (``TRAIN_LOSS``, ``DEV_F1``): named in small letters, as its
    console prints them (``DEV : loss 0.66`` is ``dev_loss``)."""
    return _csv_observations(_with_header(data, bytes.lower),
                             lambda c: c if c and c not in _FLAIR_SKIP else None,
                             delimiter="\t")


def _torchrl(data: bytes, name: str) -> list[Observation]:
    """A TorchRL ``CSVLogger`` file: the metric its name says (``eval_cumulative_reward``),
    a ``step,value`` line a logged value."""
    out: list[Observation] = []
    for line in lines(data):
        step, _, text = line.partition(",")
        position, value = axis(number(step)), number(text)
        if position is not None and value is not None:
            out.append(Observation(name, value, position, None))
    return out


def _pfrl(data: bytes) -> list[Observation]:
    """PFRL's ``scores.txt``: an evaluation a row at its ``steps`` (the return's ``mean``,
    ``median``, ``stdev``, ``max``, ``min`` over the evaluation episodes, the agent's
    ``average_q`` and ``average_loss``, ``elapsed`` seconds)."""
    return _csv_observations(
        _with_header(data, lambda head: head.replace(b"steps\t", b"step\t", 1)),
        lambda c: c if c and c not in _PFRL_SKIP else None, delimiter="\t")


def _timm(data: bytes) -> list[Observation]:
    return _csv_observations(data, _metric_column)



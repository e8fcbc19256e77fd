"""Framework metric files -> observations (pure: bytes in, observations out).

Frameworks keep their own record of the metrics they print, at full precision:
Ultralytics and YOLOv5 ``results.csv``, Lightning's ``CSVLogger`` ``metrics.csv``, Hugging
Face ``trainer_state.json``, Keras ``CSVLogger`` files, MMEngine ``scalars.json``, timm's
``summary.csv``, Detectron2's ``metrics.json`` and TensorBoard event files (through the
optional ``tensorboard`` extra, see ``tfevents``).
``kind_of`` tells from a file's name and first line which of them a file is; ``parse``
turns its bytes into observations named as the framework prints them on stdout, so that
one quantity is one metric whichever source it came from (``merge`` joins the two).
"""

from __future__ import annotations

import csv
import io
import itertools
import json
import math
import re
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

from exptrack.metrics.observation import Observation

ULTRALYTICS = "ultralytics"  # results.csv
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
KINDS = frozenset({ULTRALYTICS, LIGHTNING, HF_TRAINER, KERAS, MMENGINE, TFEVENTS, TIMM,
                   DETECTRON2, FLAIR, TORCHTUNE, SPEECHBRAIN, PFRL, FLAML})

# the JSON files ``kind_of`` may take (others are not opened)
JSON_NAMES = frozenset({"trainer_state.json", "scalars.json", "metrics.json"})
MAX_SOURCE_BYTES = 64 * 1024 * 1024  # a larger file is not read (nor copied)
MAX_ROWS = 200_000

# Ultralytics: results.csv's "metrics/<name>(<B|M|P>)" -> the stdout name's prefix.
_YOLO_PART = {"B": "", "M": "mask_", "P": "pose_"}
# YOLOv5's "metrics/mAP_0.5" and "metrics/mAP_0.5:0.95": as its validation header prints them
# since v7.0 ("mAP50 mAP50-95"; Ultralytics' own results.csv says "mAP50(B)")
_YOLO_RENAME = {"accuracy_top1": "top1_acc", "accuracy_top5": "top5_acc", "precision": "P",
                "recall": "R", "mAP_0.5": "mAP50", "mAP_0.5:0.95": "mAP50-95"}
_YOLO_METRIC = re.compile(r"^metrics/([\w.:\-]+?)(?:\(([BMP])\))?$")
# Lightning, Keras, HF and MMEngine files log their step/epoch next to the metrics.
_AXES = frozenset({"epoch", "step", "global_step", "iter"})
_HF_SKIP = frozenset({"epoch", "step", "iter", "total_flos", "num_input_tokens_seen"})
_MMENGINE_SKIP = frozenset({"epoch", "step", "iter"})
_MMENGINE_TIMINGS = frozenset({"data_time", "time"})
_DETECTRON2_SKIP = frozenset({"iteration", "step"})
# torchtune's DiskLogger: "Step 1 | loss:5.02 lr:0.00075 tokens_per_second_per_gpu:403.7 "
TORCHTUNE_NAME = re.compile(r"log_\d{1,20}\.txt")
_TORCHTUNE_LINE = re.compile(r"Step (\d{1,12}) \| (.{0,4000})")
_TORCHTUNE_PAIR = re.compile(r"([A-Za-z_][\w./\-]{0,200}):(\S{1,64})")
# SpeechBrain's FileTrainLogger: "epoch: 1, lr: 1.00e-01 - train loss: 9.18e-01 - valid loss:
# 7.17e-01, valid error_rate: 2.81e-01" a line, its test "Epoch loaded: 4 - test loss: ..."
SPEECHBRAIN_NAME = "train_log.txt"
_SPEECHBRAIN_STAT = re.compile(r"([A-Za-z]\w{0,40}) ([A-Za-z][\w.\- ]{0,60}?): ([^\s,]{1,64})")
_SPEECHBRAIN_EPOCH = frozenset({"epoch", "epoch loaded"})
# PFRL's scores.txt, a tab-separated row an evaluation ("steps\tepisodes\telapsed\tmean\t
# median\t...\taverage_q\taverage_loss\tcumulative_steps\tn_updates\trlen"): its counters
# and the replay buffer's size are no metrics
PFRL_NAME = "scores.txt"
_PFRL_SKIP = frozenset({"step", "episodes", "cumulative_steps", "n_updates", "rlen"})  # (its
# "steps" read as the row's step)
# FLAML's AutoML log (``log_file_name=``): a JSON line a trial that bettered the search
# ('{"record_id": 0, "iter_per_learner": 1, "logged_metric": {"pred_time": 0.0001},
# "trial_time": 2.97, "wall_clock_time": 2.99, "validation_loss": 0.085, "config": {...},
# "learner": "lgbm", "sample_size": 750}'), then '{"curr_best_record_id": 6}'
_FLAML_HEAD = b'{"record_id": '
_FLAML_MEASURED = ("validation_loss", "trial_time", "wall_clock_time")
# flair's loss.tsv: its epoch, the time of day and the plateau counter are no metrics
_FLAIR_SKIP = frozenset({"epoch", "timestamp", "bad_epochs"})


def text_named(name: str) -> bool:
    """Is ``name`` one a framework keeps its metrics under in a ``.txt`` file (torchtune's
    ``log_<time>.txt``, SpeechBrain's ``train_log.txt``, PFRL's ``scores.txt``)?"""
    return TORCHTUNE_NAME.fullmatch(name) is not None or name in (SPEECHBRAIN_NAME, PFRL_NAME)


def kind_of(name: str, head: bytes) -> str | None:
    """Which framework metric file this is, from its file name and first bytes (its
    header line); None for any other file."""
    first = head.split(b"\n", 1)[0].strip().lower()
    if name.startswith("events.out.tfevents."):
        return TFEVENTS
    if name == "trainer_state.json":
        return HF_TRAINER
    if name == "scalars.json":
        return MMENGINE
    if name == "metrics.json" and first.startswith(b"{") and b'"iteration":' in first:
        return DETECTRON2  # a JSON line an iteration ("eta_seconds", "total_loss", ...)
    if TORCHTUNE_NAME.fullmatch(name) and first.startswith(b"step ") and b" | " in first:
        return TORCHTUNE
    if name == SPEECHBRAIN_NAME and first.startswith(b"epoch") and b" - " in first:
        return SPEECHBRAIN
    if name == PFRL_NAME and first.startswith(b"steps\tepisodes\t"):
        return PFRL
    if name.endswith(".log") and head.startswith(_FLAML_HEAD) and b'"iter_per_learner"' in first:
        return FLAML
    if name == "loss.tsv" and first.startswith(b"epoch\t") and b"train_loss" in first:
        return FLAIR  # flair's ModelTrainer ("EPOCH\tTIMESTAMP\t...\tTRAIN_LOSS\tDEV_LOSS")
    columns = [c.strip() for c in first.split(b",")]
    if name == "results.csv" and b"epoch" in columns \
            and any(c.startswith((b"train/", b"metrics/")) for c in columns):
        return ULTRALYTICS
    if name == "metrics.csv" and (b"step" in columns or b"epoch" in columns):
        return LIGHTNING
    if name == "summary.csv" and columns[:1] == [b"epoch"] \
            and any(c.startswith(b"eval_") for c in columns):  # timm's, epochs from 0 as
        return TIMM  # its "Train: 0 [...]" lines count them (not a Keras CSVLogger's)
    if name.endswith((".csv", ".log", ".tsv")) and columns[:1] == [b"epoch"] \
            and any(b"loss" in c for c in columns[1:]):
        return KERAS
    return None


def parse(kind: str, data: bytes, path: Path | None = None) -> list[Observation]:
    """The observations recorded in a framework file's bytes, in the file's order. A
    damaged or partly written file gives what can be read (a last line cut short is left
    out: the framework is still writing it). TensorBoard files are read from ``path``
    by TensorBoard's own reader (``MissingExtra`` when it is not installed)."""
    if kind == TFEVENTS:
        from exptrack.metrics.tfevents import read_events

        return read_events(path) if path is not None else []
    reader: Callable[[bytes], list[Observation]] = {
        ULTRALYTICS: _ultralytics, LIGHTNING: _lightning, HF_TRAINER: _hf_trainer,
        KERAS: _keras, MMENGINE: _mmengine, TIMM: _timm, DETECTRON2: _detectron2,
        FLAIR: _flair, TORCHTUNE: _torchtune, SPEECHBRAIN: _speechbrain, PFRL: _pfrl,
        FLAML: _flaml}[kind]
    return reader(data[:MAX_SOURCE_BYTES])


def _number(text: Any) -> float | None:
    if isinstance(text, bool):
        return None
    if isinstance(text, (int, float)):
        return float(text)
    if not isinstance(text, str) or not text.strip():
        return None
    try:
        return float(text)
    except ValueError:
        return None


def _axis(value: float | None) -> int | float | None:
    if value is None or not math.isfinite(value):
        return None
    return int(value) if value.is_integer() else value


def _complete_text(data: bytes) -> str:
    """The complete lines of a file being appended to."""
    cut = data.rfind(b"\n")
    return data[:cut + 1].decode("utf-8", "replace") if cut >= 0 else ""


def _lines(data: bytes) -> Iterator[str]:
    """The complete lines of a file being appended to, the first ``MAX_ROWS`` of them."""
    return itertools.islice(_complete_text(data).splitlines(), MAX_ROWS)


def _with_header(data: bytes, rewrite: Callable[[bytes], bytes]) -> bytes:
    """``data`` with its first line, a table's header, rewritten (a file of no complete line
    holds no row either way)."""
    cut = data.find(b"\n")
    return data if cut < 0 else rewrite(data[:cut]) + data[cut:]


def _csv_rows(data: bytes, delimiter: str = ",") -> Iterable[dict[str, str]]:
    reader = csv.DictReader(io.StringIO(_complete_text(data)), skipinitialspace=True,
                            delimiter=delimiter)
    for count, row in enumerate(reader):
        if count >= MAX_ROWS:
            return
        yield {(k or "").strip(): (v or "") for k, v in row.items() if isinstance(v, str)}


def ultralytics_name(column: str, grouped: bool = False) -> str | None:
    """A results.csv column's metric name, as the training output names it (see
    docs/format.md); None for the columns that are not metrics (``epoch``, ``time``).
    ``grouped``: the file has mask or keypoint columns too, so the box columns are named
    ``box_`` as the others are ``mask_``/``pose_`` (a detection run's are bare)."""
    if column.startswith("train/"):
        return column[len("train/"):] or None
    if column.startswith("val/"):
        return "val_" + column[len("val/"):] if column != "val/" else None
    if column.startswith("lr/"):
        return column
    match = _YOLO_METRIC.match(column)
    if match is None:
        return None
    base, part = match.group(1), match.group(2)
    prefix = "box_" if part == "B" and grouped else _YOLO_PART[part] if part else ""
    return prefix + _YOLO_RENAME.get(base, base)


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
        step = _axis(_number(row.get("step")))
        epoch = _axis(_number(row.get("epoch")))
        if epoch is not None:
            epoch += first_epoch
        skipped = unmeasured(row) if unmeasured is not None else ()
        for column, text in row.items():
            if skipped and column.startswith(skipped):
                continue
            if column not in names:
                names[column] = rename(column)
            name = names[column]
            value = _number(text)
            if name is not None and value is not None:
                out.append(Observation(name, value, step, epoch))
    return out


def _metric_column(column: str) -> str | None:
    return column if column and column not in _AXES else None


def _ultralytics(data: bytes) -> list[Observation]:
    end = data.find(b"\n")  # the header line alone (not a copy of a large file's rows)
    header = data if end < 0 else data[:end]
    grouped = b"(M)" in header or b"(P)" in header  # a segmentation or pose run's file
    return _csv_observations(data, lambda column: ultralytics_name(column, grouped),
                             unmeasured=_unvalidated)


def _unvalidated(row: dict[str, str]) -> tuple[str, ...]:
    """The validation columns (``val/``, ``metrics/``) of results.csv's ``row`` when it is
    an epoch Ultralytics did not validate (``val=False``: only the last one is): they hold
    zeros then, the losses too, which no validation gives, so no observations."""
    losses = [_number(text) for column, text in row.items()
              if column.startswith("val/") and column.endswith("loss")]
    return ("val/", "metrics/") if losses and all(value == 0 for value in losses) else ()


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


def _torchtune(data: bytes) -> list[Observation]:
    """torchtune's DiskLogger: ``Step N | key:value key:value`` a line, each at its step
    (the global step its recipes' bar prints as ``1|N|Loss: ...``)."""
    out: list[Observation] = []
    for line in _lines(data):
        found = _TORCHTUNE_LINE.match(line)
        if found is None:
            continue
        step = int(found.group(1))
        for key, text in _TORCHTUNE_PAIR.findall(found.group(2)):
            value = _number(text)
            if value is not None:
                out.append(Observation(key, value, step, None))
    return out


def _speechbrain(data: bytes) -> list[Observation]:
    """SpeechBrain's ``train_log.txt``: a line an epoch, ``" - "`` between its parts, the first
    the epoch's own (``epoch: 1, lr: 1.00e-01``), each other a data set's statistics
    (``valid loss: 7.17e-01, valid error_rate: 2.81e-01``: ``valid_loss``,
    ``valid_error_rate``), at the epoch; the test's line names the epoch it loaded."""
    out: list[Observation] = []
    for line in _lines(data):
        meta, *parts = line[:4000].split(" - ")
        pairs = [pair.partition(": ") for pair in meta.split(", ")]
        epoch = next((_axis(_number(value)) for key, _, value in pairs
                      if key.strip().lower() in _SPEECHBRAIN_EPOCH), None)
        if epoch is None:
            continue
        out += [Observation(key.strip(), value, None, epoch) for key, _, text in pairs
                if key.strip().lower() not in _SPEECHBRAIN_EPOCH
                and (value := _number(text)) is not None]
        out += [Observation(f"{stage}_{key.replace(' ', '_')}", value, None, epoch)
                for part in parts for stage, key, text in _SPEECHBRAIN_STAT.findall(part)
                if (value := _number(text)) is not None]
    return out


def _pfrl(data: bytes) -> list[Observation]:
    """PFRL's ``scores.txt``: an evaluation a row at its ``steps`` (the return's ``mean``,
    ``median``, ``stdev``, ``max``, ``min`` over the evaluation episodes, the agent's
    ``average_q`` and ``average_loss``, ``elapsed`` seconds)."""
    return _csv_observations(
        _with_header(data, lambda head: head.replace(b"steps\t", b"step\t", 1)),
        lambda c: c if c and c not in _PFRL_SKIP else None, delimiter="\t")


def _flaml(data: bytes) -> list[Observation]:
    """FLAML's AutoML log: each trial's ``validation_loss`` (the search's error: ``1 -
    accuracy``), ``trial_time`` and ``wall_clock_time`` and what it logged besides
    (``logged_metric/pred_time``), at the learner's own iteration (``iter_per_learner``,
    from 1). The trial's ``config`` is its settings; ``record_id`` and ``sample_size`` count."""
    out: list[Observation] = []
    for entry in _json_lines(data):
        if not isinstance(entry, dict) or "record_id" not in entry:
            continue  # ({"curr_best_record_id": 6}: which record was best)
        step = _axis(_number(entry.get("iter_per_learner")))
        logged = entry.get("logged_metric")
        pairs = [(key, entry.get(key)) for key in _FLAML_MEASURED]
        if isinstance(logged, dict):
            pairs += [(f"logged_metric/{key}", raw) for key, raw in logged.items()]
        out += [Observation(name, value, step, None) for name, raw in pairs
                if (value := _number(raw)) is not None]
    return out


def _detectron2(data: bytes) -> list[Observation]:
    """Detectron2's ``metrics.json``: a JSON object a line, its ``iteration`` the step (the
    console's ``iter: 19``); the evaluation's ``bbox/AP`` joins the line of its iteration."""
    return _entries_observations(({**entry, "step": entry.get("iteration")}
                                  for entry in _json_lines(data)
                                  if isinstance(entry, dict)), _DETECTRON2_SKIP)


def _timm(data: bytes) -> list[Observation]:
    return _csv_observations(data, _metric_column)


def _entries_observations(entries: Iterable[Any], skip: frozenset[str]) -> list[Observation]:
    """Logged dicts (``{"loss": 0.5, "step": 10, "epoch": 1.0}``) as observations at their
    own step (or ``iter``) and epoch; keys in ``skip`` and values that are no numbers are
    left out."""
    out: list[Observation] = []
    for entry in entries:
        if not isinstance(entry, dict):
            continue
        step = _axis(_number(entry.get("step", entry.get("iter"))))
        epoch = _axis(_number(entry.get("epoch")))
        for key, raw in entry.items():
            value = _number(raw)
            if key not in skip and value is not None:
                out.append(Observation(str(key), value, step, epoch))
    return out


def _hf_trainer(data: bytes) -> list[Observation]:
    try:
        state = json.loads(data.decode("utf-8", "replace"))
    except ValueError:
        return []
    history = state.get("log_history") if isinstance(state, dict) else None
    if not isinstance(history, list):
        return []
    return _entries_observations(history[:MAX_ROWS], _HF_SKIP)


def _json_lines(data: bytes) -> Iterable[Any]:
    for line in _lines(data):
        try:
            yield json.loads(line)
        except ValueError:
            continue


def _mmengine(data: bytes) -> list[Observation]:
    """One JSON object a line: ``{"lr": ..., "loss": ..., "step": 50}``; validation lines
    carry their metrics (``coco/bbox_mAP``) at the step of the epoch they ended, and their
    own timings (``val_data_time``, ``val_time``, as the console's ``Epoch(val)`` lines
    name them: not the training iterations' ``time``)."""
    entries: list[Any] = []
    trained: dict[str, Any] = {}  # the last training line's epoch and step
    for entry in _json_lines(data):
        entries.append(_mmengine_entry(entry, trained))
        if isinstance(entry, dict) and "iter" in entry:
            trained = entry
    return _entries_observations(entries, _MMENGINE_SKIP)


def _mmengine_entry(entry: Any, trained: dict[str, Any]) -> Any:
    """A validation line (no ``iter``: the training loop's lines carry it) with its timing
    keys named for validation. An epoch-based loop (its training lines carry ``epoch``)
    logs validation at ``step`` = the epoch just trained (``log_metric_by_epoch``): that
    epoch, at the last training line's step."""
    if not isinstance(entry, dict) or "iter" in entry:
        return entry
    named = {f"val_{key}" if key in _MMENGINE_TIMINGS else key: value
             for key, value in entry.items()}
    if "epoch" not in entry and "epoch" in trained and entry.get("step") == trained["epoch"]:
        named["epoch"], named["step"] = entry["step"], trained.get("step")
    return named

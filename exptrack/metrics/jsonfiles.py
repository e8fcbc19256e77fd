"""The JSON records frameworks keep their metrics in, read for ``files``: Hugging Face's
``trainer_state.json``, MMEngine's ``scalars.json``, Detectron2's ``metrics.json``,
Sacred's ``metrics.json``, FLAML's AutoML log and each Ray Tune trial's ``result.json``;
and the helpers every file reader shares (a cell's number, a step's axis, the complete
lines of a file being appended to). Pure functions of the bytes read.
"""

from __future__ import annotations

import itertools
import json
import math
import re
from collections.abc import Iterable, Iterator
from typing import Any

from exptrack.metrics.observation import Observation

MAX_ROWS = 200_000
_HF_SKIP = frozenset({"epoch", "step", "iter", "total_flos", "num_input_tokens_seen",
                      "global_step", "progress_or_epoch"})  # (PaddleNLP's Trainer's axes)
_MMENGINE_SKIP = frozenset({"epoch", "step", "iter"})
_MMENGINE_TIMINGS = frozenset({"data_time", "time"})
_DETECTRON2_SKIP = frozenset({"iteration", "step"})
# FLAML's AutoML log (``log_file_name=``): a JSON line a trial that bettered the search
# ('{"record_id": 0, "iter_per_learner": 1, "logged_metric": {"pred_time": 0.0001},
# "trial_time": 2.97, "wall_clock_time": 2.99, "validation_loss": 0.085, "config": {...},
# "learner": "lgbm", "sample_size": 750}'), then '{"curr_best_record_id": 6}'
FLAML_HEAD = b'{"record_id": '
_FLAML_MEASURED = ("validation_loss", "trial_time", "wall_clock_time")
# Ray Tune's own keys in a trial's result.json beside what the trainable reported: its
# counters, clocks and identity (``time_this_iter_s`` and ``time_total_s`` are timings; a
# restored trial's ``time_since_restore`` restates ``time_total_s`` until it is restored)
_RAY_SKIP = frozenset({"training_iteration", "trial_id", "timestamp", "done", "date", "pid",
                       "hostname", "node_ip", "config", "time_since_restore",
                       "iterations_since_restore", "timesteps_since_restore",
                       "checkpoint_dir_name", "should_checkpoint", "experiment_tag",
                       "timesteps_total", "episodes_total", "warmup_time"})
_RAY_DEPTH = 6  # nested dicts (RLlib's results) are flattened this deep, keys joined by "/"


def number(text: Any) -> float | None:
    """A cell's or a field's number (a JSON number, or a text that reads as one); None for
    anything else, ``True``/``False`` included."""
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


def axis(value: float | None) -> int | float | None:
    """A step's or an epoch's value: whole numbers as ``int``, none where it is not finite."""
    if value is None or not math.isfinite(value):
        return None
    return int(value) if value.is_integer() else value


def complete_text(data: bytes) -> str:
    """The complete lines of a file being appended to."""
    cut = data.rfind(b"\n")
    return data[:cut + 1].decode("utf-8", "replace") if cut >= 0 else ""


def lines(data: bytes) -> Iterator[str]:
    """The complete lines of a file being appended to, the first ``MAX_ROWS`` of them."""
    return itertools.islice(complete_text(data).splitlines(), MAX_ROWS)


def flaml(data: bytes) -> list[Observation]:
    """FLAML's AutoML log: each trial's ``validation_loss`` (the search's error: ``1 -
    accuracy``), ``trial_time`` and ``wall_clock_time`` and what it logged besides
    (``logged_metric/pred_time``), at the learner's own iteration (``iter_per_learner``,
    from 1). The trial's ``config`` is its settings; ``record_id`` and ``sample_size`` count."""
    out: list[Observation] = []
    for entry in _json_lines(data):
        if not isinstance(entry, dict) or "record_id" not in entry:
            continue  # ({"curr_best_record_id": 6}: which record was best)
        step = axis(number(entry.get("iter_per_learner")))
        logged = entry.get("logged_metric")
        pairs = [(key, entry.get(key)) for key in _FLAML_MEASURED]
        if isinstance(logged, dict):
            pairs += [(f"logged_metric/{key}", raw) for key, raw in logged.items()]
        out += [Observation(name, value, step, None) for name, raw in pairs
                if (value := number(raw)) is not None]
    return out


def ray_tune(data: bytes, folder: str | None = None) -> list[Observation]:
    """A Ray Tune trial's ``result.json``: a JSON object a reported result, at its
    ``training_iteration`` (the step, from 1). Each value is named for its trial as Ray's
    status table names the trial (``train_fn_10226_00000/loss``): the trial's folder
    (``folder``, ``<trainable>_<trial id>_<tag>_<date>``) up to its trial id, or the id
    alone where the folder is named otherwise. Nested results (RLlib's) are flattened,
    keys joined by ``/``."""
    out: list[Observation] = []
    names: dict[str, str] = {}
    for entry in _json_lines(data):
        if not isinstance(entry, dict):
            continue
        trial, step = entry.get("trial_id"), axis(number(entry.get("training_iteration")))
        if not isinstance(trial, str) or not trial or step is None:
            continue
        if trial not in names:
            names[trial] = trial_name(trial, folder)
        prefix = names[trial]
        out += [Observation(f"{prefix}/{key}", value, step, None)
                for key, value in _flat(entry, "", _RAY_DEPTH) if key not in _RAY_SKIP]
    return out


def trial_name(trial_id: str, folder: str | None) -> str:
    """A Ray Tune trial's name from its id and its folder's name (``train_fn_10226_00000_
    0_lr=0.0030_2026-12-05_03-00-48`` -> ``train_fn_10226_00000``)."""
    at = folder.find(f"_{trial_id}") if folder else -1
    end = at + 1 + len(trial_id)
    if folder and at > 0 and (end == len(folder) or folder[end] == "_"):
        return folder[:end]
    return trial_id


def _flat(entry: dict[Any, Any], prefix: str, depth: int) -> Iterator[tuple[str, float]]:
    for key, raw in entry.items():
        if isinstance(raw, dict):
            if depth > 1 and f"{prefix}{key}" not in _RAY_SKIP:
                yield from _flat(raw, f"{prefix}{key}/", depth - 1)
        elif (value := number(raw)) is not None and not isinstance(raw, str):
            yield f"{prefix}{key}", value


def document(data: str | bytes) -> Any:
    """A whole JSON document's value; None when it is cut short, no JSON, or nested past
    the parser's depth."""
    try:
        return json.loads(data)
    except (ValueError, RecursionError):
        return None


def sacred(data: bytes) -> list[Observation]:
    """Sacred's ``FileStorageObserver`` ``<run id>/metrics.json``: ``{"<name>": {"steps":
    [...], "values": [...], "timestamps": [...]}}``, every ``log_scalar`` at its step (the
    observer rewrites the whole file at each heartbeat: one cut short gives nothing)."""
    record = document(data)  # (None: cut short)
    out: list[Observation] = []
    for name, logged in record.items() if isinstance(record, dict) else ():
        if not isinstance(logged, dict) or not isinstance(logged.get("steps"), list) \
                or not isinstance(logged.get("values"), list):
            continue
        for step, value in itertools.islice(zip(logged["steps"], logged["values"],
                                                strict=False), MAX_ROWS):
            position, found = axis(number(step)), number(value)
            if position is not None and found is not None:
                out.append(Observation(str(name), found, position, None))
    return out


SMAC_HEAD = re.compile(rb'^\{\s{0,40}"stats":\s{0,4}\{[^{}]{0,400}\},\s{0,40}"data":\s{0,4}\[')
_SMAC_VALUES = ("cost", "time", "cpu_time")
_SMAC_SUCCESS = 1  # StatusType.SUCCESS (a crash's cost is SMAC's crash cost, no measure)


def smac(data: bytes) -> list[Observation]:
    """SMAC3's ``runhistory.json`` (SMAC 2.x, ``<output_directory>/<name>/<seed>/``): each
    trial's ``cost`` (a multi-objective run's ``cost_0``, ``cost_1``, ...), ``time`` and
    ``cpu_time``, at its position in the run history (from 1, SMAC's trial count); a trial
    that did not succeed (crashed, timed out, still running) gives nothing. SMAC rewrites
    the whole file: one cut short gives nothing."""
    record = document(data)
    trials = record.get("data") if isinstance(record, dict) else None
    out: list[Observation] = []
    for position, trial in enumerate(trials[:MAX_ROWS] if isinstance(trials, list) else (), 1):
        if not isinstance(trial, dict) or trial.get("status") != _SMAC_SUCCESS:
            continue
        for key in _SMAC_VALUES:
            value = trial.get(key)
            if isinstance(value, list):
                out += [Observation(f"{key}_{i}", found, position, None)
                        for i, found in enumerate(map(number, value)) if found is not None]
            elif (found := number(value)) is not None:
                out.append(Observation(key, found, position, None))
    return out


def detectron2(data: bytes) -> list[Observation]:
    """Detectron2's ``metrics.json``: a JSON object a line, its ``iteration`` the step (the
    console's ``iter: 19``); the evaluation's ``bbox/AP`` joins the line of its iteration."""
    return entries_observations(({**entry, "step": entry.get("iteration")}
                                 for entry in _json_lines(data)
                                 if isinstance(entry, dict)), _DETECTRON2_SKIP)


def entries_observations(entries: Iterable[Any], skip: frozenset[str]) -> list[Observation]:
    """Logged dicts (``{"loss": 0.5, "step": 10, "epoch": 1.0}``) as observations at their
    own step (or ``iter``) and epoch; keys in ``skip`` and values that are no numbers are
    left out."""
    out: list[Observation] = []
    for entry in entries:
        if not isinstance(entry, dict):
            continue
        step = axis(number(entry.get("step", entry.get("iter"))))
        epoch = axis(number(entry.get("epoch", entry.get("progress_or_epoch"))))
        for key, raw in entry.items():
            value = number(raw)
            if key not in skip and value is not None:
                out.append(Observation(str(key), value, step, epoch))
    return out


def hf_trainer(data: bytes) -> list[Observation]:
    """Hugging Face's ``trainer_state.json``: its ``log_history``, an entry a log."""
    state = document(data.decode("utf-8", "replace"))
    history = state.get("log_history") if isinstance(state, dict) else None
    if not isinstance(history, list):
        return []
    return entries_observations(history[:MAX_ROWS], _HF_SKIP)


def ultralytics_tune(data: bytes) -> list[Observation]:
    """Ultralytics' tuner record, a row an iteration: ``tune_results.ndjson`` (8.4's
    ``{"iteration": 1, "fitness": 0.0029, "hyperparameters": {...}, ...}``) or the older
    ``tune_results.csv`` (``fitness`` first, then the iteration's hyperparameters): each
    iteration's ``fitness`` at the iteration, the step (from 1). The hyperparameters are the
    iteration's settings, no metrics."""
    out: list[Observation] = []
    if data.lstrip()[:1] == b"{":
        for entry in _json_lines(data):
            if isinstance(entry, dict) and (value := number(entry.get("fitness"))) is not None:
                out.append(Observation("fitness", value, axis(number(entry.get("iteration"))),
                                       None))
        return out
    rows = list(lines(data))
    for index, row in enumerate(rows[1:], 1):
        value = number(row.split(",", 1)[0])
        if value is not None:
            out.append(Observation("fitness", value, index, None))
    return out


def _json_lines(data: bytes) -> Iterable[Any]:
    for line in lines(data):
        try:
            yield json.loads(line)
        except (ValueError, RecursionError):
            continue


# FAIR's reference trainers' log.txt: the axes and the model's size are no metrics
_FAIR_SKIP = frozenset({"epoch", "n_parameters", "step", "iter"})


def fair_log(data: bytes) -> list[Observation]:
    """The ``log.txt`` of FAIR's reference trainers (DETR, Deformable DETR, DINO, DeiT,
    MAE, ConvNeXt: ``utils.MetricLogger`` code): a JSON object an epoch, ``{"train_lr":
    0.0001, "train_loss": 24.7, ..., "test_loss": 22.8, "epoch": 0, "n_parameters": ...}``,
    each value the epoch's mean; its lists (DETR's ``test_coco_eval_bbox``, pycocotools'
    twelve numbers, read from its printed summary instead) left out."""
    return entries_observations(_json_lines(data), _FAIR_SKIP)


def mmengine(data: bytes) -> list[Observation]:
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
    return entries_observations(entries, _MMENGINE_SKIP)


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

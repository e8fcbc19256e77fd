"""Shared by the zoo cases: truth from a framework's own record file (see bench/zoo/README.md).

Not a case itself (its name starts with ``_``); imported as ``from _records import ...``.
"""

from __future__ import annotations

import csv
import glob
import json
import math
import os
from collections.abc import Collection, Sequence
from typing import Any

from _truth import series, write_truth


def hf_log_history(path: str = "output/trainer_state.json") -> dict[str, dict[str, Any]]:
    """Hugging Face ``trainer_state.json``'s ``log_history`` (``Trainer``, and the trainers
    built on it: ``Seq2SeqTrainer``, TRL, sentence-transformers), every key at its ``step``;
    ``epoch`` and ``step`` are the axis, ``total_flos`` counts operations and is never
    printed. The log prints each value as ``f"{value:.4g}"``: half a unit of the 4th
    significant digit."""
    with open(path, encoding="utf-8") as handle:
        history = json.load(handle)["log_history"]
    values: dict[str, list[tuple[Any, Any]]] = {}
    for entry in history:
        for name, value in entry.items():
            if name not in ("epoch", "step", "total_flos"):
                values.setdefault(name, []).append((entry["step"], value))
    return {name: series(pairs, "step", rel_tolerance=5e-4) for name, pairs in values.items()}


def hf_history_and_results(results: Sequence[str], not_metrics: Collection[str],
                           folder: str = "output") -> dict[str, list[tuple[Any, Any]]]:
    """Each metric's (step, value) pairs: ``trainer_state.json``'s log history (saved before a
    closing ``evaluate()``), then each ``results`` file (``eval_results.json``, what
    ``save_metrics`` writes after it) at the run's last step; ``not_metrics`` left out."""
    with open(f"{folder}/trainer_state.json", encoding="utf-8") as handle:
        state = json.load(handle)
    pairs: dict[str, list[tuple[Any, Any]]] = {}
    for entry in state["log_history"]:
        for name, value in entry.items():
            if name not in not_metrics:
                pairs.setdefault(name, []).append((entry["step"], value))
    for name_of_file in results:
        with open(f"{folder}/{name_of_file}", encoding="utf-8") as handle:
            for name, value in json.load(handle).items():
                if name not in not_metrics:
                    pairs.setdefault(name, []).append((state["global_step"], value))
    return pairs


def hf_printed_series(pairs: dict[str, list[tuple[Any, Any]]]) -> dict[str, dict[str, Any]]:
    """``hf_history_and_results``' pairs as truth series at their step: 4 significant digits
    as the log prints them, and a ``*_runtime`` to the hundredth the closing block's clock
    (``0:00:00.01``) shows."""
    return {name: series(values, "step", tolerance=1e-2 if name.endswith("_runtime") else 5e-5,
                         rel_tolerance=5e-4) for name, values in pairs.items()}


def write_hf_truth(trainer: Any, framework: str, version: str,
                   also_ok: tuple[str, ...] = ("it/s",)) -> None:
    """Save a finished Hugging Face trainer's state and write ``truth.yaml`` from its
    ``log_history`` (``hf_log_history``), the state file listed for run.py to copy."""
    trainer.save_state()
    path = f"{trainer.args.output_dir}/trainer_state.json"
    write_truth(framework, version, f"{path} log_history", hf_log_history(path), files=[path],
                also_ok=list(also_ok))


def sb3_progress(folder: str, counters: set[str]) -> dict[str, dict[str, Any]]:
    """Stable-Baselines3's ``progress.csv`` (its logger's ``csv`` format), one row a dump,
    keyed by ``time/total_timesteps``; ``counters`` (the step itself, iteration, episode and
    update counts) are no metrics. ``time/fps`` and ``time/time_elapsed`` are in the record
    (timing): metrics like the others. The box table shows Python floats as ``"%.3g"``."""
    with open(f"{folder}/progress.csv", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    metrics = {}
    for name in rows[0]:
        if name in counters:
            continue
        pairs = [(row["time/total_timesteps"], row[name]) for row in rows if row[name] != ""]
        if pairs and all(math.isfinite(float(value)) for _, value in pairs):
            metrics[name] = series(pairs, "step", rel_tolerance=5e-3)
    return metrics


def tb_scalars(paths: list[str]) -> dict[str, list[tuple[int, float]]]:
    """tag -> [(step, value)] of the scalars of TensorBoard event files, in the files' order,
    read with TensorBoard's own loader: ``simple_value`` scalars (PyTorch's ``SummaryWriter``,
    Hugging Face's trackers) and TF2's scalar tensors (``tf.summary``, Keras' callback,
    Flax's and CLU's writers); other plugins' summaries (hparams, text) are left out."""
    from tensorboard.backend.event_processing.event_file_loader import RawEventFileLoader
    from tensorboard.compat.proto import event_pb2
    from tensorboard.util import tensor_util

    found: dict[str, list[tuple[int, float]]] = {}
    for path in paths:
        for record in RawEventFileLoader(path).Load():
            event = event_pb2.Event.FromString(record)
            for value in event.summary.value:
                if value.metadata.plugin_data.plugin_name not in ("", "scalars"):
                    continue
                if value.HasField("tensor"):
                    number = float(tensor_util.make_ndarray(value.tensor))
                elif value.HasField("simple_value"):
                    number = value.simple_value
                else:
                    continue
                found.setdefault(value.tag, []).append((event.step, number))
    return found


def tb_folder(folder: str) -> tuple[list[str], dict[str, list[tuple[int, float]]]]:
    """(the event files directly in ``folder``, their scalars: ``tb_scalars``)."""
    paths = sorted(glob.glob(os.path.join(folder, "events.out.tfevents.*")))
    return paths, tb_scalars(paths)


def vdl_scalars(pattern: str) -> tuple[list[str], dict[str, list[tuple[int, float]]]]:
    """The one VisualDL log matching ``pattern`` (what PaddlePaddle's suites write with
    ``use_visualdl``), as a list, and its scalars read back with VisualDL's own
    ``LogReader``: each tag's (step, value) pairs."""
    from visualdl import LogReader

    logs = sorted(glob.glob(pattern))
    assert len(logs) == 1, logs
    reader = LogReader(file_path=logs[0])
    return logs, {tag: [(int(v.id), float(v.value)) for v in reader.get_data("scalar", tag)]
                  for tag in reader.get_tags()["scalar"]}

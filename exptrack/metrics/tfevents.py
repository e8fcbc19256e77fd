"""TensorBoard event files (``events.out.tfevents.*``) -> observations, through TensorBoard's
own reader: the optional extra ``pip install 'exptrack[tensorboard]'``.

Both kinds of scalar are read: ``simple_value`` scalars (PyTorch's ``SummaryWriter``,
Lightning's ``TensorBoardLogger``, tensorboardX) and TF2's scalar tensors (Keras'
``TensorBoard`` callback, ``tf.summary.scalar``).

A file in a folder named for a phase other than training is that phase's run, as
TensorBoard shows it: TensorFlow's tutorials write ``logs/.../train`` and ``logs/.../test``
with the same tags, Keras' callback ``train`` and ``validation``. Its tags take the phase
(``test/`` ``loss`` -> ``test_loss``), but for a tag whose first word names that phase
already (Orbit's ``eval/`` ``evaluation_loss``); a training folder's keep their names (the
printed ``Loss`` of the same loop is its ``loss``).

PyTorch's ``SummaryWriter.add_scalars("Loss", {"train": a, "val": b}, step)`` writes each
key's series to a folder of its own, ``Loss_train`` and ``Loss_val``, under the one tag
``Loss``: the series are named as those folders (TensorBoard's runs), not pooled under
``Loss``; tensorboardX 2.6 writes them to ``Loss/train`` and ``Loss/val``: the same names.
fairseq's ``train`` folder, beside its ``train_inner``, holds the epochs' averages of the
inner run's tags: named ``train_<tag>``.
"""

from __future__ import annotations

import itertools
import logging
import re
from pathlib import Path
from typing import Any

from exptrack.errors import MissingExtra
from exptrack.metrics.observation import Observation

HINT = "pip install 'exptrack[tensorboard]'"
# Lightning logs its epoch counter as a scalar and a -1 placeholder as hp_metric; Hugging
# Face's no-Trainer examples log "epoch" and "step" beside their metrics, its Trainer
# "train/epoch": a counter's tag, alone or under a phase, is no metric; under another group
# it is one when its values count (whole numbers that never go down: Tianshou's
# "info/epoch"), and otherwise names the axis a quantity was plotted against (rl_games'
# "rewards/step", beside "rewards/iter" and "rewards/time", is the mean reward)
_COUNTER_TAGS = frozenset({"epoch", "step", "global_step"})
# folder names of an evaluation phase's run (lower case)
_PHASE_RUNS = frozenset({"test", "val", "valid", "validation", "eval", "evaluation", "dev"})
_PHASE_PARTS = _PHASE_RUNS | {"train", "training"}


def _skipped(tag: str) -> bool | None:
    """True: never a metric; None: a counter's name under a group (``_kept``)."""
    head, _, last = tag.rpartition("/")
    if last == "hp_metric":
        return True
    if last not in _COUNTER_TAGS:
        return False
    return True if not head or head.rpartition("/")[2].lower() in _PHASE_PARTS else None


def _kept(tag: str, found: list[Observation]) -> list[Observation]:
    """A tag's series, or none for a counter's name under a group whose values count (whole
    numbers that never go down)."""
    values = [o.value for o in found]
    counts = all(v.is_integer() for v in values) \
        and all(a <= b for a, b in itertools.pairwise(values))
    return [] if _skipped(tag) is None and counts else found


def _in_phase(prefix: str, tag: str) -> str:
    """A tag of a phase's run under the phase's name, unless its first word names that
    phase itself (Orbit's ``eval/`` run's ``evaluation_loss``, not ``eval_evaluation_loss``;
    Keras' ``validation/`` run's ``evaluation_loss_vs_iterations`` names another word)."""
    first = tag.lower().replace("/", "_").partition("_")[0]
    phase = prefix[:-1]
    return tag if phase and first in _PHASE_RUNS \
        and (first.startswith(phase) or phase.startswith(first)) else prefix + tag


# the characters tensorboardX's ``_clean_tag`` replaces with "_" in a tag (not in its folders)
_TAG_CLEAN = re.compile(r"[^-/\w.]")


def _scalars_keys(folder: Path, scalars: list[str]) -> dict[str, str]:
    """The names of ``add_scalars``' series: a folder named ``<tag>_<key>`` (the tag's ``/``
    as ``_``; PyTorch's ``SummaryWriter``) or ``<key>`` inside the tag's folders
    (tensorboardX 2.6's ``Loss/train``) holding that one tag (``scalars``: the file's) names
    it ``<tag>_<key>``."""
    if len(set(scalars)) != 1:
        return {}
    tag = scalars[0]
    stem = tag.replace("/", "_") + "_"
    if folder.name.startswith(stem) and len(folder.name) > len(stem):
        return {tag: tag + "_" + folder.name[len(stem):]}
    parts = tag.split("/")
    if [_TAG_CLEAN.sub("_", part) for part in folder.parent.parts[-len(parts):]] == parts \
            and folder.name != parts[-1]:  # (the folders keep the characters tensorboardX
        # cleans from the tag: LightGCN's "Test/Recall@[20]" folder, "Test/Recall__20_" tag)
        return {tag: tag + "_" + folder.name}  # (MAPPO's "policy_loss/policy_loss": a key
        # that repeats its tag names nothing more)
    return {}


def _beside_inner(folder: Path) -> bool:
    """A training run's folder beside its ``<name>_inner`` run (fairseq's ``train`` of each
    epoch's averages beside ``train_inner``'s values every ``--log-interval`` updates, the
    same tags): the epoch's (``train_loss``, as fairseq's printed ``| train | epoch 001 |
    loss 6.355`` is named), apart from the inner run's (``loss``)."""
    return folder.name.lower() in ("train", "training") \
        and (folder.parent / f"{folder.name}_inner").is_dir()


def _plugin(accumulator: Any, tag: str) -> str:
    """The plugin a tensor tag's summaries are for; "" for a tag written with no metadata (a
    TensorFlow 1 Estimator's ``checkpoint_path``, a string: "Saving 'checkpoint_path' summary
    for global step 100"), whose values are no scalars."""
    try:
        return str(accumulator.SummaryMetadata(tag).plugin_data.plugin_name)
    except KeyError:
        return ""


def read_events(path: Path) -> list[Observation]:
    """Every scalar of an event file, by tag, in step order within a tag."""
    try:
        from tensorboard.backend.event_processing import event_accumulator
        from tensorboard.util import tensor_util
    except ImportError:
        raise MissingExtra(f"reading TensorBoard event files needs TensorBoard: {HINT}") \
            from None
    # (its notices of a graph written twice, as every TensorFlow 1 Estimator does, are no
    # news to the user of ``track``: errors only)
    logging.getLogger("tensorboard").setLevel(logging.ERROR)
    accumulator = event_accumulator.EventAccumulator(
        str(path), size_guidance={event_accumulator.SCALARS: 0, event_accumulator.TENSORS: 0},
        purge_orphaned_data=False)
    accumulator.Reload()
    tags = accumulator.Tags()
    phase = path.parent.name.lower()
    prefix = f"{phase}_" if phase in _PHASE_RUNS or _beside_inner(path.parent) else ""
    named = _scalars_keys(path.parent, [*tags.get(event_accumulator.SCALARS, []),
                                        *tags.get(event_accumulator.TENSORS, [])])
    out: list[Observation] = []
    for tag in tags.get(event_accumulator.SCALARS, []):
        if _skipped(tag) is not True:
            name = named.get(tag, _in_phase(prefix, tag))
            out += _kept(tag, [Observation(name, float(event.value), event.step, None)
                               for event in accumulator.Scalars(tag)])
    for tag in tags.get(event_accumulator.TENSORS, []):
        if _skipped(tag) is True or _plugin(accumulator, tag) != "scalars":
            continue
        name = named.get(tag, _in_phase(prefix, tag))
        found = []
        for event in accumulator.Tensors(tag):
            array = tensor_util.make_ndarray(event.tensor_proto)
            if array.size == 1:
                found.append(Observation(name, float(array.reshape(())), event.step, None))
        out += _kept(tag, found)
    return out

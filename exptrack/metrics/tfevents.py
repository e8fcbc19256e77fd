"""TensorBoard event files (``events.out.tfevents.*``) -> observations, through TensorBoard's
own reader: the optional extra ``pip install 'exptrack[tensorboard]'``.

Both kinds of scalar are read: ``simple_value`` scalars (PyTorch's ``SummaryWriter``,
Lightning's ``TensorBoardLogger``, tensorboardX) and TF2's scalar tensors (Keras'
``TensorBoard`` callback, ``tf.summary.scalar``).

A file in a folder named for a phase other than training is that phase's run, as
TensorBoard shows it: TensorFlow's tutorials write ``logs/.../train`` and ``logs/.../test``
with the same tags, Keras' callback ``train`` and ``validation``. Its tags take the phase
(``test/`` ``loss`` -> ``test_loss``); a training folder's keep their names (the printed
``Loss`` of the same loop is its ``loss``).
"""

from __future__ import annotations

from pathlib import Path

from exptrack.errors import MissingExtra
from exptrack.metrics.observation import Observation

HINT = "pip install 'exptrack[tensorboard]'"
# Lightning logs its epoch counter as a scalar and a -1 placeholder as hp_metric; Hugging
# Face's no-Trainer examples log "epoch" and "step" beside their metrics, its Trainer
# "train/epoch": a tag whose last part is a counter is none
_SKIP_TAGS = frozenset({"epoch", "step", "global_step", "hp_metric"})
# folder names of an evaluation phase's run (lower case)
_PHASE_RUNS = frozenset({"test", "val", "valid", "validation", "eval", "evaluation", "dev"})


def _skipped(tag: str) -> bool:
    return tag.rpartition("/")[2] in _SKIP_TAGS


def read_events(path: Path) -> list[Observation]:
    """Every scalar of an event file, by tag, in step order within a tag."""
    try:
        from tensorboard.backend.event_processing import event_accumulator
        from tensorboard.util import tensor_util
    except ImportError:
        raise MissingExtra(f"reading TensorBoard event files needs TensorBoard: {HINT}") \
            from None
    accumulator = event_accumulator.EventAccumulator(
        str(path), size_guidance={event_accumulator.SCALARS: 0, event_accumulator.TENSORS: 0},
        purge_orphaned_data=False)
    accumulator.Reload()
    tags = accumulator.Tags()
    phase = path.parent.name.lower()
    prefix = f"{phase}_" if phase in _PHASE_RUNS else ""
    out: list[Observation] = []
    for tag in tags.get(event_accumulator.SCALARS, []):
        if _skipped(tag):
            continue
        for event in accumulator.Scalars(tag):
            out.append(Observation(prefix + tag, float(event.value), event.step, None))
    for tag in tags.get(event_accumulator.TENSORS, []):
        if _skipped(tag):
            continue
        metadata = accumulator.SummaryMetadata(tag)
        if metadata.plugin_data.plugin_name != "scalars":
            continue
        for event in accumulator.Tensors(tag):
            array = tensor_util.make_ndarray(event.tensor_proto)
            if array.size != 1:
                continue
            out.append(Observation(prefix + tag, float(array.reshape(())), event.step, None))
    return out

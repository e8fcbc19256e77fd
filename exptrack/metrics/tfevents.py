"""TensorBoard event files (``events.out.tfevents.*``) -> observations, through TensorBoard's
own reader: the optional extra ``pip install 'exptrack[tensorboard]'``.

Both kinds of scalar are read: ``simple_value`` scalars (PyTorch's ``SummaryWriter``,
Lightning's ``TensorBoardLogger``, tensorboardX) and TF2's scalar tensors (Keras'
``TensorBoard`` callback, ``tf.summary.scalar``).
"""

from __future__ import annotations

from pathlib import Path

from exptrack.errors import ExptrackError
from exptrack.metrics.observation import Observation

HINT = "pip install 'exptrack[tensorboard]'"
# Lightning logs its epoch counter as a scalar and a -1 placeholder as hp_metric.
_SKIP_TAGS = frozenset({"epoch", "hp_metric"})


class MissingExtra(ExptrackError):
    """TensorBoard's reader is not installed."""


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
    out: list[Observation] = []
    for tag in tags.get(event_accumulator.SCALARS, []):
        if tag in _SKIP_TAGS:
            continue
        for event in accumulator.Scalars(tag):
            out.append(Observation(tag, float(event.value), event.step, None))
    for tag in tags.get(event_accumulator.TENSORS, []):
        if tag in _SKIP_TAGS:
            continue
        metadata = accumulator.SummaryMetadata(tag)
        if metadata.plugin_data.plugin_name != "scalars":
            continue
        for event in accumulator.Tensors(tag):
            array = tensor_util.make_ndarray(event.tensor_proto)
            if array.size != 1:
                continue
            out.append(Observation(tag, float(array.reshape(())), event.step, None))
    return out

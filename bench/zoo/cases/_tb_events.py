"""Scalars of the TensorBoard event files a case's writer left in a folder, read back with
TensorFlow's own record reader (the ``tf`` venv group's cases: Flax's and CLU's writers)."""

import glob
import os

import tensorflow as tf


def read_events(workdir):
    """(the event files' paths, tag -> [(step, value)]): each scalar summary (a simple value
    or a TF2 scalar tensor); other plugins' summaries (the hparams one) are left out."""
    paths = sorted(glob.glob(os.path.join(workdir, "events.out.tfevents.*")))
    found = {}
    for path in paths:
        for record in tf.data.TFRecordDataset(path):
            event = tf.compat.v1.Event.FromString(record.numpy())
            for value in event.summary.value:
                if value.metadata.plugin_data.plugin_name not in ("", "scalars"):
                    continue  # the hparams summary
                number = (float(tf.make_ndarray(value.tensor)) if value.HasField("tensor")
                          else float(value.simple_value))
                found.setdefault(value.tag, []).append((event.step, number))
    return paths, found

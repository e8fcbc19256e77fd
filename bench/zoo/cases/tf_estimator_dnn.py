"""TensorFlow 2.15 Estimators (tensorflow-estimator 2.15.0, the last release that ships
``tf.estimator``): a premade ``tf.estimator.DNNClassifier`` as TensorFlow's "Premade
Estimators" tutorial builds it (four ``tf.feature_column.numeric_column`` features named as
its Iris CSV's columns, ``hidden_units=[30, 10]``, ``n_classes=3``; ``optimizer="Adam"``,
one of the names its docs list, as the default Adagrad at 0.05 barely moves in 300 steps;
its ``input_fn``: ``tf.data.Dataset.from_tensor_slices((dict(features),
labels))``, shuffled and repeated for training, batched), trained with
``tf.estimator.train_and_evaluate`` as its API docs show it (``TrainSpec(max_steps=300)``,
``EvalSpec(steps=None, throttle_secs=0)``) under ``tf.compat.v1.logging.set_verbosity(
tf.compat.v1.logging.INFO)``, the tutorials' first line. ``RunConfig(model_dir="model",
tf_random_seed=0, save_checkpoints_steps=100)``: checkpoints at steps 0, 100, 200 and 300,
the local executor evaluating after each but the first (3 evaluations on the 30 held-out
rows). Data: an Iris-shaped synthetic set (150 rows, three Gaussian classes around Iris'
class means, seeded), nothing downloaded. About 10 seconds of training on one core.

What it prints (TensorFlow's absl logging, all on stderr): the start-up lines (oneDNN,
cpu_feature_guard), deprecation WARNINGs with their "Instructions for updating", the
``Using config: {...}`` dict, a graph type-inference warning, then every 100 steps the
default hooks' lines, ``INFO:tensorflow:loss = 1.3533988, step = 0`` (``LoggingTensorHook``:
``loss`` as the float32's ``str``, from step 100 on with ``(0.848 sec)`` since the last) and
``INFO:tensorflow:global_step/sec: 117.916`` (``StepCounterHook``, ``%g``), checkpoint
messages, and per evaluation ``Starting evaluation at <time>``, ``Inference Time :
0.5861s``, ``Finished evaluation at <time>`` and ``Saving dict for global step 100:
accuracy = 0.6, average_loss = 0.8438494, global_step = 100, loss = 0.8438494``; at the end
``Loss for final step: 0.38555878.``. The case prints nothing of its own (the docs' example
does not print ``train_and_evaluate``'s return).

Truth: the event files the Estimator writes itself (``files``): ``model/events.out.tfevents.*``
(the training run: ``SummarySaverHook``'s summaries every ``save_summary_steps=100`` and
``StepCounterHook``'s ``global_step/sec``) and ``model/eval/events.out.tfevents.*`` (the
evaluation run: each evaluation dict's values, ``_write_dict_to_summary``), read with
TensorBoard's record reader; the last evaluation dict ``train_and_evaluate`` returns is
asserted to equal the eval run's last values. Which printed names are the record's:
- ``loss`` (``loss = ..., step = N``): the training run's ``loss`` tag (the same tensor,
  the model_fn's training loss, fetched in the same ``session.run``); 3 values, steps 0,
  100, 200.
- ``global_step/sec``: the training run's ``global_step/sec`` tag, as printed; 2 values
  (100 and 200 steps in: the first print needs a previous one). Throughput, but the
  Estimator records it, so a metric; ``%g`` prints 6 significant digits: rel_tolerance 1e-5.
- the ``Saving dict for global step N:`` keys: the eval run's tags ``accuracy``,
  ``average_loss`` and ``loss`` (``global_step`` is the counter, no metric). Judged: the
  eval run's ``loss`` and the training run's ``loss`` share a tag (TensorBoard tells them
  apart by run), so the eval run's tags take the run's name as a prefix, as the phase-folder
  rule of docs/format.md and the zoo's ``keras_tensorboard``/``tf_custom_loop`` cases name a
  phase run's tags: ``eval_accuracy``, ``eval_average_loss``, ``eval_loss`` (the Estimator's
  own folder name, ``eval``: ``EvalSpec(name=None)``); 3 values each at the dict's global
  step (100, 200, 300). The alternatives (the keys bare, or only the colliding ``loss``
  prefixed) are what the collectors split on (docs/metrics.md).
- key ``step``: the printed global step. The training run's summaries are written at the
  step after the one the hook prints (``SummarySaverHook`` and ``StepCounterHook`` count
  ``stale_global_step + 1``: ``loss`` at 1, 101, 201, printed ``step = 0, 100, 200``); the
  truth's axis is that step - 1, the eval run's its own step.
- values: float32 in the files, printed as the float32's shortest repr (``loss``, the eval
  dict): rel_tolerance 1e-6.
- never printed (``file_metrics``): the DNN's ``dnn/hiddenlayer_0/fraction_of_zero_values``,
  ``dnn/hiddenlayer_1/...`` and ``dnn/logits/fraction_of_zero_values`` scalars of the
  training run, at the steps the file holds (1, 101, 201). Histograms (``.../activation``)
  and the eval run's ``checkpoint_path`` summary (a string tensor written with no summary
  metadata, each evaluation) are no scalars.
- printed, not recorded: ``Inference Time : 0.5861s`` and the ``(0.848 sec)`` after a loss
  line are timings (``also_ok``: ``Inference_Time`` as printed, ``sec`` as the collectors
  name such a duration); ``Loss for final step: 0.38555878.`` is the last step's training
  loss, which no summary holds (step 299 is no summary step) and the Estimator keeps
  nowhere: no truth metric.
- Determinism: ``tf_random_seed=0`` seeds the graph (initialisers, the shuffle): the losses
  and evaluations repeat across runs; only the timings and the evaluations' clock times
  differ.
"""
# zoo-venv: tfestimator

import glob
import os
from importlib.metadata import version

import numpy as np
import tensorflow as tf
from _truth import series, write_truth

tf.compat.v1.logging.set_verbosity(tf.compat.v1.logging.INFO)

CSV_COLUMN_NAMES = ["SepalLength", "SepalWidth", "PetalLength", "PetalWidth"]
rng = np.random.default_rng(0)
class_means = np.array([[5.0, 3.4, 1.5, 0.2], [5.9, 2.8, 4.3, 1.3], [6.6, 3.0, 5.6, 2.0]])
labels = rng.integers(0, 3, size=150)
values = (class_means[labels] + rng.normal(scale=0.35, size=(150, 4))).astype("float32")
train = {name: values[:120, i] for i, name in enumerate(CSV_COLUMN_NAMES)}
test = {name: values[120:, i] for i, name in enumerate(CSV_COLUMN_NAMES)}
train_y, test_y = labels[:120], labels[120:]


def input_fn(features, labels, training=True, batch_size=32):
    """An input function for training or evaluating"""
    # Convert the inputs to a Dataset.
    dataset = tf.data.Dataset.from_tensor_slices((dict(features), labels))

    # Shuffle and repeat if you are in training mode.
    if training:
        dataset = dataset.shuffle(1000).repeat()

    return dataset.batch(batch_size)


# Feature columns describe how to use the input.
my_feature_columns = []
for key in CSV_COLUMN_NAMES:
    my_feature_columns.append(tf.feature_column.numeric_column(key=key))

config = tf.estimator.RunConfig(model_dir="model", tf_random_seed=0,
                                save_checkpoints_steps=100)
# Build a DNN with 2 hidden layers with 30 and 10 hidden nodes each.
classifier = tf.estimator.DNNClassifier(
    feature_columns=my_feature_columns,
    # Two hidden layers of 30 and 10 nodes respectively.
    hidden_units=[30, 10],
    # The model must choose between 3 classes.
    n_classes=3,
    optimizer="Adam",
    config=config)

train_spec = tf.estimator.TrainSpec(input_fn=lambda: input_fn(train, train_y, training=True),
                                    max_steps=300)
eval_spec = tf.estimator.EvalSpec(input_fn=lambda: input_fn(test, test_y, training=False),
                                  steps=None, throttle_secs=0)
eval_result, _ = tf.estimator.train_and_evaluate(classifier, train_spec, eval_spec)


def read_scalars(folder: str) -> tuple[list[str], dict[str, list[tuple[int, float]]]]:
    """The event files directly in ``folder`` and their scalars, tag -> [(step, value)],
    read with TensorBoard's record reader: ``simple_value`` scalars (all an Estimator
    writes) and numeric scalar tensors; string tensors (the ``checkpoint_path`` text) and
    histograms are left out."""
    from tensorboard.backend.event_processing.event_file_loader import RawEventFileLoader
    from tensorboard.compat.proto import event_pb2
    from tensorboard.util import tensor_util

    paths = sorted(glob.glob(os.path.join(folder, "events.out.tfevents.*")))
    found: dict[str, list[tuple[int, float]]] = {}
    for path in paths:
        for record in RawEventFileLoader(path).Load():
            event = event_pb2.Event.FromString(record)
            for value in event.summary.value:
                if value.HasField("simple_value"):
                    number = value.simple_value
                elif value.HasField("tensor"):
                    array = tensor_util.make_ndarray(value.tensor)
                    if array.dtype.kind not in "fiu" or array.size != 1:
                        continue
                    number = float(array)
                else:
                    continue
                found.setdefault(value.tag, []).append((event.step, number))
    return paths, found


train_files, train_scalars = read_scalars("model")
eval_files, eval_scalars = read_scalars(os.path.join("model", "eval"))

for key in ("accuracy", "average_loss", "loss"):
    step, value = eval_scalars[key][-1]
    assert step == eval_result["global_step"], (key, step, eval_result)
    assert np.float32(value) == np.float32(eval_result[key]), (key, value, eval_result)

tol = {"rel_tolerance": 1e-6}
metrics = {
    "loss": series(((s - 1, v) for s, v in train_scalars["loss"]), "step", **tol),
    "global_step/sec": series(((s - 1, v) for s, v in train_scalars["global_step/sec"]),
                              "step", rel_tolerance=1e-5),
    **{f"eval_{key}": series(eval_scalars[key], "step", **tol)
       for key in ("accuracy", "average_loss", "loss")},
}
file_metrics = {tag: series(pairs, "step", **tol) for tag, pairs in sorted(train_scalars.items())
                if tag not in ("loss", "global_step/sec")}
write_truth("tensorflow-estimator", version("tensorflow-estimator"),
            "the Estimator's event files: model/ (training run: loss, global_step/sec, step "
            "= summary step - 1 as the hook prints it) and model/eval/ (evaluation dicts, "
            "tags prefixed eval_); train_and_evaluate's returned dict checked against the "
            "last evaluation", metrics, files=train_files + eval_files,
            file_metrics=file_metrics,
            also_ok=["Inference_Time", "sec"],
            notes=f"tensorflow {tf.__version__}; "
                  f"train_and_evaluate returned {eval_result}")

"""TensorFlow 2 custom training loop as in TensorFlow's "TensorBoard: using TensorBoard with
custom training loops" and "quickstart for experts" tutorials: ``tf.GradientTape`` train and
test steps under ``@tf.function``, ``tf.keras.metrics.Mean`` /
``SparseCategoricalAccuracy`` per epoch, ``tf.summary.create_file_writer`` train and test
writers (``logs/gradient_tape/<time>/{train,test}``) writing ``tf.summary.scalar('loss')``
and ``('accuracy')`` at ``step=epoch`` (0-based), and the tutorial's print template
``Epoch {}, Loss: {}, Accuracy: {}, Test Loss: {}, Test Accuracy: {}`` with
``epoch+1`` and the accuracies times 100, each value a scalar tensor formatted by ``{}``
(``Epoch 1, Loss: 0.6593..., Accuracy: 62.5, Test Loss: ..., Test Accuracy: ...``).

Truth: the TensorBoard event files the two writers wrote, read back with TensorBoard's
``EventAccumulator`` (listed in ``files``). Judgements:
- names: the writers' own tags are ``loss`` and ``accuracy`` in both runs (``train``,
  ``test``), so the tags cannot name the four printed series apart; the truth takes the
  names the docs' naming rule gives the printed words (docs/metrics.md, "Names: as
  printed" and "Phases"): ``Loss`` -> ``Loss``, ``Accuracy`` -> ``Accuracy`` (the train
  writer's), ``Test Loss`` -> ``test_loss``, ``Test Accuracy`` -> ``test_accuracy`` (the
  test writer's).
- values: loss as recorded; the accuracies are printed as the tutorial prints them, in
  percent (``result() * 100`` in float32), while the event files keep the fraction: the
  printed series (``metrics``) are the event value times 100 in float32, the number the line
  shows.
- the event files' own series (``file_metrics``): the record's values under the names
  TensorBoard shows them by, each writer's folder being a run (``train``: ``loss``,
  ``accuracy``; ``test``: ``test_loss``, ``test_accuracy``), fractions for the accuracies.
  When the files are read they stand for the printed series of the same name key (the
  exact value of the framework's file wins: issue #11's contract; bench/zoo/score.py).
- key: ``epoch``, the 1-based epoch the line prints (the summaries' step is ``epoch``,
  0-based; the truth's axis is that step + 1).
- tolerance: ``{}`` of a float32 scalar tensor prints its float64 repr (17 digits), so
  rel_tolerance 1e-6 only covers the float32 round-trip.
TensorFlow's own start-up log lines (absl, cuda, cpu_feature_guard) are printed as a user
sees them."""
# zoo-venv: tf

import datetime
import glob
import os

import numpy as np
import tensorflow as tf
from _truth import series, write_truth
from tensorboard.backend.event_processing.event_accumulator import EventAccumulator

tf.keras.utils.set_random_seed(0)
rng = np.random.default_rng(0)
x = rng.normal(size=(640, 28, 28)).astype("float32")
y = np.argmax(x[:, 0, :10], axis=1).astype("int64")
x_train, y_train, x_test, y_test = x[:512], y[:512], x[512:], y[512:]

train_dataset = tf.data.Dataset.from_tensor_slices((x_train, y_train)).shuffle(512, seed=0) \
    .batch(64)
test_dataset = tf.data.Dataset.from_tensor_slices((x_test, y_test)).batch(64)

model = tf.keras.models.Sequential([
    tf.keras.layers.Flatten(input_shape=(28, 28)),
    tf.keras.layers.Dense(128, activation="relu"),
    tf.keras.layers.Dropout(0.2),
    tf.keras.layers.Dense(10, activation="softmax"),
])
loss_object = tf.keras.losses.SparseCategoricalCrossentropy()
optimizer = tf.keras.optimizers.Adam()

train_loss = tf.keras.metrics.Mean("train_loss", dtype=tf.float32)
train_accuracy = tf.keras.metrics.SparseCategoricalAccuracy("train_accuracy")
test_loss = tf.keras.metrics.Mean("test_loss", dtype=tf.float32)
test_accuracy = tf.keras.metrics.SparseCategoricalAccuracy("test_accuracy")


@tf.function
def train_step(x_batch, y_batch):
    with tf.GradientTape() as tape:
        predictions = model(x_batch, training=True)
        loss = loss_object(y_batch, predictions)
    grads = tape.gradient(loss, model.trainable_variables)
    optimizer.apply_gradients(zip(grads, model.trainable_variables, strict=True))
    train_loss(loss)
    train_accuracy(y_batch, predictions)


@tf.function
def test_step(x_batch, y_batch):
    predictions = model(x_batch, training=False)
    loss = loss_object(y_batch, predictions)
    test_loss(loss)
    test_accuracy(y_batch, predictions)


current_time = datetime.datetime.now().strftime("%Y%m%d-%H%M%S")
train_log_dir = "logs/gradient_tape/" + current_time + "/train"
test_log_dir = "logs/gradient_tape/" + current_time + "/test"
train_summary_writer = tf.summary.create_file_writer(train_log_dir)
test_summary_writer = tf.summary.create_file_writer(test_log_dir)

EPOCHS = 5
for epoch in range(EPOCHS):
    for (x_batch, y_batch) in train_dataset:
        train_step(x_batch, y_batch)
    with train_summary_writer.as_default():
        tf.summary.scalar("loss", train_loss.result(), step=epoch)
        tf.summary.scalar("accuracy", train_accuracy.result(), step=epoch)

    for (x_batch, y_batch) in test_dataset:
        test_step(x_batch, y_batch)
    with test_summary_writer.as_default():
        tf.summary.scalar("loss", test_loss.result(), step=epoch)
        tf.summary.scalar("accuracy", test_accuracy.result(), step=epoch)

    template = "Epoch {}, Loss: {}, Accuracy: {}, Test Loss: {}, Test Accuracy: {}"
    print(template.format(epoch + 1,
                          train_loss.result(),
                          train_accuracy.result() * 100,
                          test_loss.result(),
                          test_accuracy.result() * 100))

    # Reset metrics every epoch
    train_loss.reset_state()
    test_loss.reset_state()
    train_accuracy.reset_state()
    test_accuracy.reset_state()

train_summary_writer.close()
test_summary_writer.close()


def read_scalars(log_dir: str) -> tuple[list[str], dict[str, list[tuple[int, float]]]]:
    """The scalars one writer wrote: tag -> [(step, value)], read back with TensorBoard's
    ``EventAccumulator`` (TF2's ``tf.summary.scalar`` stores them as tensors)."""
    paths = sorted(glob.glob(os.path.join(log_dir, "events.out.tfevents.*")))
    accumulator = EventAccumulator(log_dir, size_guidance={"tensors": 0, "scalars": 0})
    accumulator.Reload()
    found: dict[str, list[tuple[int, float]]] = {}
    for tag in accumulator.Tags()["tensors"]:
        found[tag] = [(event.step, float(tf.make_ndarray(event.tensor_proto)))
                      for event in accumulator.Tensors(tag)]
    for tag in accumulator.Tags()["scalars"]:
        found[tag] = [(event.step, event.value) for event in accumulator.Scalars(tag)]
    return paths, found


def percent(value: float) -> float:
    return float(np.float32(value) * np.float32(100))


train_files, train_scalars = read_scalars(train_log_dir)
test_files, test_scalars = read_scalars(test_log_dir)
tol = {"rel_tolerance": 1e-6}
metrics = {
    "Loss": series(((s + 1, v) for s, v in train_scalars["loss"]), "epoch", **tol),
    "Accuracy": series(((s + 1, percent(v)) for s, v in train_scalars["accuracy"]), "epoch",
                       **tol),
    "test_loss": series(((s + 1, v) for s, v in test_scalars["loss"]), "epoch", **tol),
    "test_accuracy": series(((s + 1, percent(v)) for s, v in test_scalars["accuracy"]),
                            "epoch", **tol),
}
recorded = {
    **{tag: series(((s + 1, v) for s, v in train_scalars[tag]), "epoch", **tol)
       for tag in ("loss", "accuracy")},
    **{f"test_{tag}": series(((s + 1, v) for s, v in test_scalars[tag]), "epoch", **tol)
       for tag in ("loss", "accuracy")},
}
write_truth("tensorflow", tf.__version__,
            f"tf.summary event files ({train_log_dir}, {test_log_dir}) read with "
            "TensorBoard's EventAccumulator; printed: accuracies x100; file_metrics: as "
            "recorded, the test writer's under test_", metrics, files=train_files + test_files,
            file_metrics=recorded)

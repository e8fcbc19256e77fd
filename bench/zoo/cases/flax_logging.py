"""JAX/Flax (linen) in the style of the older google/flax ``examples/mnist`` (``train.py`` +
``main.py``): ``absl.app.run(main)``, ``train_epoch`` over shuffled batches, a full-set test
evaluation each epoch, then one absl ``logging.info('epoch:% 3d, train_loss: %.4f,
train_accuracy: %.2f, test_loss: %.4f, test_accuracy: %.2f' % (...))`` line (INFO goes to
stderr under ``app.run``) and ``flax.metrics.tensorboard.SummaryWriter.scalar`` per metric
and epoch (plus ``hparams`` of the config). A small CNN on synthetic 8x8 "images" of 4
classes, 4 epochs.

Truth: the TensorBoard event files the SummaryWriter wrote under ``workdir/`` (read back as
``Event`` protos). Judgement calls:
- keyed by ``epoch`` (the example writes ``scalar(name, value, epoch)``, epochs from 1);
- the example prints the accuracies times 100 (``train_accuracy * 100``) while it writes the
  fraction to TensorBoard: the printed series (``metrics``) are the recorded fraction scaled
  by 100 as the line prints it (the same computation in float64); the event file's own
  series (``file_metrics``, under the same tags) are the record's values, fractions, which
  stand for the printed ones when the file is read (exact values from the framework's file
  win over the printed ones: issue #11's contract; bench/zoo/score.py);
- tolerance from the ``%.4f`` / ``%.2f`` rounding (plus float32 noise via ``rel_tolerance``).
"""
# zoo-venv: tf

import importlib.metadata

import flax
import jax
import jax.numpy as jnp
import ml_collections
import numpy as np
import optax
import tensorflow as tf
from _records import tb_folder
from _truth import series, write_truth
from absl import app, flags, logging
from clu import platform
from flax import linen as nn
from flax.metrics import tensorboard
from flax.training import train_state

FLAGS = flags.FLAGS
flags.DEFINE_string("workdir", "workdir", "Directory to store model data.")


def get_config():
    config = ml_collections.ConfigDict()
    config.learning_rate = 0.1
    config.momentum = 0.9
    config.batch_size = 32
    config.num_epochs = 4
    return config


class CNN(nn.Module):
    """A simple CNN model."""

    @nn.compact
    def __call__(self, x):
        x = nn.Conv(features=8, kernel_size=(3, 3))(x)
        x = nn.relu(x)
        x = nn.avg_pool(x, window_shape=(2, 2), strides=(2, 2))
        x = x.reshape((x.shape[0], -1))
        x = nn.Dense(features=32)(x)
        x = nn.relu(x)
        x = nn.Dense(features=4)(x)
        return x


@jax.jit
def apply_model(state, images, labels):
    """Computes gradients, loss and accuracy for a single batch."""

    def loss_fn(params):
        logits = state.apply_fn({"params": params}, images)
        one_hot = jax.nn.one_hot(labels, 4)
        loss = jnp.mean(optax.softmax_cross_entropy(logits=logits, labels=one_hot))
        return loss, logits

    grad_fn = jax.value_and_grad(loss_fn, has_aux=True)
    (loss, logits), grads = grad_fn(state.params)
    accuracy = jnp.mean(jnp.argmax(logits, -1) == labels)
    return grads, loss, accuracy


@jax.jit
def update_model(state, grads):
    return state.apply_gradients(grads=grads)


def train_epoch(state, train_ds, batch_size, rng):
    """Train for a single epoch."""
    train_ds_size = len(train_ds["image"])
    steps_per_epoch = train_ds_size // batch_size

    perms = jax.random.permutation(rng, len(train_ds["image"]))
    perms = perms[: steps_per_epoch * batch_size]  # skip incomplete batch
    perms = perms.reshape((steps_per_epoch, batch_size))

    epoch_loss = []
    epoch_accuracy = []

    for perm in perms:
        batch_images = train_ds["image"][perm, ...]
        batch_labels = train_ds["label"][perm, ...]
        grads, loss, accuracy = apply_model(state, batch_images, batch_labels)
        state = update_model(state, grads)
        epoch_loss.append(loss)
        epoch_accuracy.append(accuracy)
    train_loss = np.mean(epoch_loss)
    train_accuracy = np.mean(epoch_accuracy)
    return state, train_loss, train_accuracy


def get_datasets():
    """Synthetic stand-in for tfds mnist: 8x8x1 images whose class sets a bright quadrant."""
    rng = np.random.default_rng(0)

    def make(n):
        labels = rng.integers(0, 4, size=n).astype(np.int32)
        images = rng.normal(scale=1.0, size=(n, 8, 8, 1)).astype(np.float32)
        for i, label in enumerate(labels):
            r, c = divmod(int(label), 2)
            images[i, r * 4:(r + 1) * 4, c * 4:(c + 1) * 4, 0] += 0.8
        return {"image": jnp.asarray(images), "label": jnp.asarray(labels)}

    return make(512), make(128)


def create_train_state(rng, config):
    """Creates initial `TrainState`."""
    cnn = CNN()
    params = cnn.init(rng, jnp.ones([1, 8, 8, 1]))["params"]
    tx = optax.sgd(config.learning_rate, config.momentum)
    return train_state.TrainState.create(apply_fn=cnn.apply, params=params, tx=tx)


def train_and_evaluate(config, workdir):
    """Execute model training and evaluation loop."""
    train_ds, test_ds = get_datasets()
    rng = jax.random.key(0)

    summary_writer = tensorboard.SummaryWriter(workdir)
    summary_writer.hparams(dict(config))

    rng, init_rng = jax.random.split(rng)
    state = create_train_state(init_rng, config)

    for epoch in range(1, config.num_epochs + 1):
        rng, input_rng = jax.random.split(rng)
        state, train_loss, train_accuracy = train_epoch(state, train_ds, config.batch_size,
                                                        input_rng)
        _, test_loss, test_accuracy = apply_model(state, test_ds["image"], test_ds["label"])

        logging.info(
            "epoch:% 3d, train_loss: %.4f, train_accuracy: %.2f, test_loss: %.4f,"
            " test_accuracy: %.2f",  # (the example formats with %, the same text)
            epoch, train_loss, train_accuracy * 100, test_loss, test_accuracy * 100
        )

        summary_writer.scalar("train_loss", train_loss, epoch)
        summary_writer.scalar("train_accuracy", train_accuracy, epoch)
        summary_writer.scalar("test_loss", test_loss, epoch)
        summary_writer.scalar("test_accuracy", test_accuracy, epoch)

    summary_writer.flush()
    return state


def main(argv):
    if len(argv) > 1:
        raise app.UsageError("Too many command-line arguments.")

    # Hide any GPUs from TensorFlow. Otherwise TF might reserve memory and make
    # it unavailable to JAX.
    tf.config.experimental.set_visible_devices([], "GPU")

    logging.info("JAX process: %d / %d", jax.process_index(), jax.process_count())
    logging.info("JAX local devices: %r", jax.local_devices())

    platform.work_unit().set_task_status(
        f"process_index: {jax.process_index()}, process_count: {jax.process_count()}"
    )
    platform.work_unit().create_artifact(platform.ArtifactType.DIRECTORY, FLAGS.workdir,
                                         "workdir")

    train_and_evaluate(get_config(), FLAGS.workdir)

    paths, found = tb_folder(FLAGS.workdir)
    truth = {}
    recorded = {tag: series(pairs, "epoch", rel_tolerance=1e-6)
                for tag, pairs in sorted(found.items())}
    for tag, pairs in sorted(found.items()):
        if tag.endswith("accuracy"):  # printed as "%.2f" of value * 100
            truth[tag] = series(((e, v * 100) for e, v in pairs), "epoch", tolerance=0.005,
                                rel_tolerance=1e-6)
        else:  # printed as "%.4f"
            truth[tag] = series(pairs, "epoch", tolerance=5e-5, rel_tolerance=1e-6)
    write_truth("flax", flax.__version__,
                f"flax.metrics.tensorboard.SummaryWriter event files in {FLAGS.workdir}/"
                " (printed: accuracies x100; file_metrics: as recorded)", truth, files=paths,
                file_metrics=recorded,
                notes=f"jax {jax.__version__}, clu {importlib.metadata.version('clu')}")


if __name__ == "__main__":
    app.run(main)

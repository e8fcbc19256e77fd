"""JAX/Flax (linen) training loop in the style of the google/flax examples (ogbg_molpcba, wmt,
imagenet) with CLU: ``absl.app.run(main)``, ``clu.metrics.Collection`` for train/eval metrics,
``clu.metric_writers.create_default_writer(workdir)`` (a ``LoggingWriter`` that logs
``[step] name=value, ...`` through absl, which writes INFO to stderr under ``app.run``, and a
TensorBoard ``SummaryWriter``), ``periodic_actions.ReportProgress(num_train_steps=...,
writer=writer)`` called each step with its ``timed('eval')``. A small MLP on synthetic
3-class data, 3 epochs of 16 steps; train metrics written every 8 steps, eval metrics at the
end of each epoch, keyed by the global step.

Truth: the TensorBoard event files the writer wrote under ``workdir/`` (read back with
``tf.data.TFRecordDataset`` as ``Event`` protos). Judgement calls:
- every scalar is keyed by ``step`` (CLU's ``write_scalars(step, ...)``);
- ``steps_per_sec`` and ``uptime`` (ReportProgress, written once at the last step with the
  default ``every_secs=60``) are timing, so they go in ``also_ok``, not in the truth;
- values from ``Collection.compute()`` are jax float32 arrays, which the LoggingWriter prints
  with ``str()`` (shortest float32 repr); python floats print as ``%.6g``: ``rel_tolerance``
  5e-6 covers both.
"""
# zoo-venv: tf

import importlib.metadata

import flax
import flax.linen as nn
import jax
import jax.numpy as jnp
import numpy as np
import optax
import tensorflow as tf
from _records import tb_folder
from _truth import series, write_truth
from absl import app, flags, logging
from clu import metric_writers, metrics, periodic_actions, platform
from flax.training import train_state

FLAGS = flags.FLAGS
flags.DEFINE_string("workdir", "workdir", "Directory to store model data and summaries.")

NUM_EPOCHS, BATCH, LOG_EVERY = 3, 32, 8


@flax.struct.dataclass
class TrainMetrics(metrics.Collection):
    loss: metrics.Average.from_output("loss")
    accuracy: metrics.Accuracy


@flax.struct.dataclass
class EvalMetrics(metrics.Collection):
    loss: metrics.Average.from_output("loss")
    accuracy: metrics.Accuracy


class MLP(nn.Module):
    @nn.compact
    def __call__(self, x):
        x = nn.relu(nn.Dense(32)(x))
        return nn.Dense(3)(x)


def make_data(seed, n):
    rng = np.random.default_rng(seed)
    x = rng.normal(size=(n, 8)).astype(np.float32)
    w = np.random.default_rng(42).normal(size=(8, 3)).astype(np.float32)
    y = np.argmax(x @ w + rng.normal(scale=0.5, size=(n, 3)), axis=1).astype(np.int32)
    return x, y


@jax.jit
def train_step(state, x, y):
    def loss_fn(params):
        logits = state.apply_fn({"params": params}, x)
        return optax.softmax_cross_entropy_with_integer_labels(logits, y).mean(), logits

    (loss, logits), grads = jax.value_and_grad(loss_fn, has_aux=True)(state.params)
    state = state.apply_gradients(grads=grads)
    return state, TrainMetrics.single_from_model_output(loss=loss, logits=logits, labels=y)


@jax.jit
def eval_step(state, x, y):
    logits = state.apply_fn({"params": state.params}, x)
    loss = optax.softmax_cross_entropy_with_integer_labels(logits, y).mean()
    return EvalMetrics.single_from_model_output(loss=loss, logits=logits, labels=y)


def add_prefix_to_keys(result, prefix):
    return {f"{prefix}_{key}": val for key, val in result.items()}


def train_and_evaluate(workdir):
    x_train, y_train = make_data(0, 512)
    x_eval, y_eval = make_data(1, 128)
    steps_per_epoch = len(x_train) // BATCH
    num_train_steps = NUM_EPOCHS * steps_per_epoch

    writer = metric_writers.create_default_writer(workdir)
    rng = jax.random.key(0)
    model = MLP()
    params = model.init(rng, jnp.ones((1, 8)))["params"]
    state = train_state.TrainState.create(apply_fn=model.apply, params=params,
                                          tx=optax.adam(1e-2))
    report_progress = periodic_actions.ReportProgress(num_train_steps=num_train_steps,
                                                      writer=writer)
    perm_rng = np.random.default_rng(0)
    train_metrics = None
    logging.info("Starting training.")
    for step in range(1, num_train_steps + 1):
        if (step - 1) % steps_per_epoch == 0:
            perm = perm_rng.permutation(len(x_train))
        idx = perm[((step - 1) % steps_per_epoch) * BATCH:][:BATCH]
        state, batch_metrics = train_step(state, x_train[idx], y_train[idx])
        train_metrics = (batch_metrics if train_metrics is None
                         else train_metrics.merge(batch_metrics))
        report_progress(step)
        if step % LOG_EVERY == 0 or step == num_train_steps:
            writer.write_scalars(step, add_prefix_to_keys(train_metrics.compute(), "train"))
            train_metrics = None
        if step % steps_per_epoch == 0:
            with report_progress.timed("eval"):
                eval_metrics = None
                for start in range(0, len(x_eval), BATCH):
                    batch = eval_step(state, x_eval[start:start + BATCH],
                                      y_eval[start:start + BATCH])
                    eval_metrics = batch if eval_metrics is None else eval_metrics.merge(batch)
                writer.write_scalars(step, add_prefix_to_keys(eval_metrics.compute(), "eval"))
            writer.flush()
    writer.close()
    return state


def main(argv):
    if len(argv) > 1:
        raise app.UsageError("Too many command-line arguments.")
    # Hide any GPUs from TensorFlow. Otherwise TF might reserve memory and make
    # it unavailable to JAX.
    tf.config.experimental.set_visible_devices([], "GPU")
    logging.info("JAX process: %d / %d", jax.process_index(), jax.process_count())
    logging.info("JAX local devices: %r", jax.local_devices())
    platform.work_unit().set_task_status(f"process_index: {jax.process_index()}, "
                                         f"process_count: {jax.process_count()}")
    platform.work_unit().create_artifact(platform.ArtifactType.DIRECTORY, FLAGS.workdir,
                                         "workdir")
    train_and_evaluate(FLAGS.workdir)

    paths, found = tb_folder(FLAGS.workdir)
    timing = ("steps_per_sec", "uptime")
    truth = {tag: series(pairs, "step", rel_tolerance=5e-6)
             for tag, pairs in sorted(found.items()) if tag not in timing}
    write_truth("clu", importlib.metadata.version("clu"),
                f"TensorBoard event files in {FLAGS.workdir}/ (clu SummaryWriter)", truth,
                files=paths, also_ok=list(timing),
                notes=f"flax {flax.__version__} (linen), jax {jax.__version__}")


if __name__ == "__main__":
    app.run(main)

"""Haiku (dm-haiku 0.0.17, DeepMind's neural-network library on JAX; jax 0.10.2, optax 0.2.8,
CPU): the training loop of Haiku's own MNIST example, ``examples/mnist.py`` of
google-deepmind/dm-haiku at commit f4d858a5cbb29140855d68f81f5fd625e078a5ae (2026-07-09, the
newest of the snapshot read; git blob 153e5ed7ab13e27aacb88153991b126a1c90af2f, last changed by
466000be, 2026-07-02, a lint comment; the same loop as at the tag v0.0.16). The wheel ships no
``examples/``, and the script imports ``tensorflow_datasets``, so its code is reproduced here
as written (``net_fn``'s LeNet-300-100 ``hk.Sequential`` MLP, ``hk.without_apply_rng(
hk.transform(net_fn))``, ``optax.adam(1e-3)``, the cross-entropy + ``1e-4`` L2 ``loss``, the
``@jax.jit`` ``evaluate`` and ``update`` with ``optax.incremental_update(..., step_size=0.001)``
for ``avg_params``, ``network.init(jax.random.PRNGKey(seed=0), ...)``, ``range(3001)`` with an
evaluation of both splits every 100 steps, run by ``absl.app.run(main)``). Changes:
- the data: ``load_dataset`` yields the same ``Batch(image, label)`` (uint8 ``[B, 28, 28, 1]``,
  int64 ``[B]``) from synthetic MNIST-shaped splits made with numpy (seed 0) instead of
  ``tfds.load("mnist:3.*.*")``: ten fixed random 7x7 patterns upsampled to 28x28, shifted by
  up to two pixels, plus Gaussian noise, 15% of the labels redrawn at random (so that the test
  accuracy stays short of 1). The pipeline as the example builds it: the training split
  shuffled whole with ``seed=0`` (reshuffled each pass, as ``tf.data`` does by default),
  repeated and batched; the evaluation splits unshuffled, repeated, batched;
- the sizes, a tenth of MNIST's: 6,000 training and 1,000 test examples, training batches of
  100 and evaluation batches of 1,000 (the example's ``1_000`` and ``10_000``), so that each
  test evaluation covers the test split and each train evaluation a sixth of the training
  split, as in the example. The loop's own ``3001`` steps and ``step % 100`` are kept (about
  15 s of CPU, most of it the 3,000 jitted updates);
- the loop appends ``(step, accuracy)`` to a list of its split beside the print (the case's
  record) and ``main`` writes the truth after the loop (``app.run`` exits when ``main``
  returns); the ``# pyrefly: ignore`` comment on ``TrainingState(...)`` is dropped.

What it prints, on stdout, two lines an evaluation (62 lines), the ``repr`` of the dict the
example prints, its accuracy a string formatted ``.3f``::

    {'step': 0, 'split': 'train', 'accuracy': '0.088'}
    {'step': 0, 'split': 'test', 'accuracy': '0.091'}
    ...
    {'step': 3000, 'split': 'train', 'accuracy': '0.996'}
    {'step': 3000, 'split': 'test', 'accuracy': '0.788'}

and, on stderr, one absl log line from JAX (``absl.app.run`` routes Python logging through
absl's handler at INFO): ``I1207 ... xla_bridge.py:849] Unable to initialize backend 'tpu':
INTERNAL: Failed to open libtpu.so: ...``, as a user of the example sees it on a machine
without a TPU (its date, time and thread id differ from run to run).

Truth: the example keeps no file, history or logger of its own (it only prints), so the truth
is the accuracies its loop computes, ``np.array(evaluate(state.avg_params, next(dataset)))
.item()`` (the float32 mean of correct predictions as a Python float), recorded by the case in
a list beside the print. Judgement calls:
- names: one key, ``accuracy``, per ``split``; a ``split`` key whose value is a phase names
  its line's phase (docs/metrics.md, "Round ``tune16`` forms"), so ``train_accuracy`` and
  ``test_accuracy``, the two series the loop computes;
- axis: the printed ``step`` (the loop's 0-based counter; step 0 evaluates the initial
  parameters, before any update): 0, 100, ..., 3000, 31 points each;
- tolerance 5e-4 (``.3f``, half the last printed digit); the quotes of the formatted string
  make it no less the value;
- not metrics: ``step`` (counter), ``split`` (label); nothing is timed; the loss is computed
  but never printed, so it is in no truth;
- determinism: the seeded data, ``PRNGKey(0)`` and XLA's CPU kernels repeat the printed
  values exactly, pipe and pty alike; only the absl line's timestamp differs.
"""
# zoo-venv: haiku

from collections.abc import Iterator
from typing import NamedTuple

import haiku as hk
import jax
import jax.numpy as jnp
import numpy as np
import optax
from _truth import series, write_truth
from absl import app

SOURCE_REPO = "google-deepmind/dm-haiku"
SOURCE_COMMIT = "f4d858a5cbb29140855d68f81f5fd625e078a5ae"
EXAMPLE_PATH = "examples/mnist.py"

NUM_CLASSES = 10  # MNIST has 10 classes (hand-written digits).

# -- the case's stand-in for tfds' MNIST (no TensorFlow here, nothing downloaded) ------------
SPLIT_SIZES = {"train": 6_000, "test": 1_000}  # MNIST's 60,000 / 10,000, a tenth of each
TRAIN_BATCH, EVAL_BATCH = 100, 1_000  # the example's 1_000 / 10_000, a tenth of each
NUM_STEPS, EVAL_EVERY = 3001, 100  # the example's own
LABEL_NOISE = 0.15


def _synthetic_mnist() -> dict[str, tuple[np.ndarray, np.ndarray]]:
  """Ten fixed random 7x7 patterns upsampled to 28x28, shifted by up to two pixels, plus
  noise: uint8 images [N, 28, 28, 1] and int64 labels [N], as tfds' mnist gives them."""
  rng = np.random.default_rng(0)
  patterns = np.kron(rng.uniform(0, 1, size=(NUM_CLASSES, 7, 7)), np.ones((4, 4)))
  splits = {}
  for split, size in SPLIT_SIZES.items():
    labels = rng.integers(0, NUM_CLASSES, size=size)
    shifts = rng.integers(-2, 3, size=(size, 2))
    clean = np.stack([np.roll(patterns[label], tuple(shift), axis=(0, 1))
                      for label, shift in zip(labels, shifts, strict=True)])
    images = np.clip(0.5 * clean + rng.normal(0.25, 0.3, size=clean.shape), 0, 1)
    noisy = rng.uniform(size=size) < LABEL_NOISE
    labels = np.where(noisy, rng.integers(0, NUM_CLASSES, size=size), labels)
    splits[split] = ((images * 255).astype(np.uint8)[..., None], labels.astype(np.int64))
  return splits


SYNTHETIC = _synthetic_mnist()
recorded: dict[str, list[tuple[int, float]]] = {"train": [], "test": []}


class Batch(NamedTuple):
  image: np.ndarray  # [B, H, W, 1]
  label: np.ndarray  # [B]


class TrainingState(NamedTuple):
  params: hk.Params
  avg_params: hk.Params
  opt_state: optax.OptState


def net_fn(images: jax.Array) -> jax.Array:
  """Standard LeNet-300-100 MLP network."""
  x = images.astype(jnp.float32) / 255.
  mlp = hk.Sequential([
      hk.Flatten(),
      hk.Linear(300), jax.nn.relu,
      hk.Linear(100), jax.nn.relu,
      hk.Linear(NUM_CLASSES),
  ])
  return mlp(x)


def load_dataset(
    split: str,
    *,
    shuffle: bool,
    batch_size: int,
) -> Iterator[Batch]:
  """Loads the (synthetic) MNIST dataset: tfds' ``shuffle(num_examples, seed=0)`` (reshuffled
  each pass), ``repeat()``, ``batch(batch_size)`` as a numpy generator."""
  images, labels = SYNTHETIC[split]
  rng = np.random.default_rng(0)
  num_examples = len(labels)

  def examples() -> Iterator[int]:
    while True:
      yield from (rng.permutation(num_examples) if shuffle else range(num_examples))

  order = examples()
  while True:
    index = np.fromiter(order, dtype=np.int64, count=batch_size)
    yield Batch(image=images[index], label=labels[index])


def main(_):
  # First, make the network and optimiser.
  network = hk.without_apply_rng(hk.transform(net_fn))
  optimiser = optax.adam(1e-3)

  def loss(params: hk.Params, batch: Batch) -> jax.Array:
    """Cross-entropy classification loss, regularised by L2 weight decay."""
    batch_size, *_ = batch.image.shape
    logits = network.apply(params, batch.image)
    labels = jax.nn.one_hot(batch.label, NUM_CLASSES)

    l2_regulariser = 0.5 * sum(
        jnp.sum(jnp.square(p)) for p in jax.tree.leaves(params)
    )
    log_likelihood = jnp.sum(labels * jax.nn.log_softmax(logits))

    return -log_likelihood / batch_size + 1e-4 * l2_regulariser

  @jax.jit
  def evaluate(params: hk.Params, batch: Batch) -> jax.Array:
    """Evaluation metric (classification accuracy)."""
    logits = network.apply(params, batch.image)
    predictions = jnp.argmax(logits, axis=-1)
    return jnp.mean(predictions == batch.label)

  @jax.jit
  def update(state: TrainingState, batch: Batch) -> TrainingState:
    """Learning rule (stochastic gradient descent)."""
    grads = jax.grad(loss)(state.params, batch)
    updates, opt_state = optimiser.update(grads, state.opt_state)
    params = optax.apply_updates(state.params, updates)
    # Compute avg_params, the exponential moving average of the "live" params.
    # We use this only for evaluation (cf. https://doi.org/10.1137/0330046).
    avg_params = optax.incremental_update(
        params, state.avg_params, step_size=0.001)
    return TrainingState(params, avg_params, opt_state)

  # Make datasets.
  train_dataset = load_dataset("train", shuffle=True, batch_size=TRAIN_BATCH)
  eval_datasets = {
      split: load_dataset(split, shuffle=False, batch_size=EVAL_BATCH)
      for split in ("train", "test")
  }

  # Initialise network and optimiser; note we draw an input to get shapes.
  initial_params = network.init(
      jax.random.PRNGKey(seed=0), next(train_dataset).image)
  initial_opt_state = optimiser.init(initial_params)
  state = TrainingState(initial_params, initial_params, initial_opt_state)

  # Training & evaluation loop.
  for step in range(NUM_STEPS):
    if step % EVAL_EVERY == 0:
      # Periodically evaluate classification accuracy on train & test sets.
      # Note that each evaluation is only on a (large) batch.
      for split, dataset in eval_datasets.items():
        accuracy = np.array(evaluate(state.avg_params, next(dataset))).item()
        print({"step": step, "split": split, "accuracy": f"{accuracy:.3f}"})
        recorded[split].append((step, accuracy))  # the case's record, beside the print

    # Do SGD on a batch of training examples.
    state = update(state, next(train_dataset))

  write_truth(
      "haiku", hk.__version__,
      "the accuracies the example's loop computes (evaluate(state.avg_params, batch) of each "
      "split every 100 steps), recorded by the case beside the print; the example keeps no "
      "file or history of its own",
      {f"{split}_accuracy": series(points, "step", tolerance=5e-4)
       for split, points in recorded.items()},
      notes=f"{SOURCE_REPO} {EXAMPLE_PATH} at {SOURCE_COMMIT}; jax {jax.__version__}, "
            f"optax {optax.__version__}; synthetic MNIST-shaped data {SPLIT_SIZES}, batches "
            f"{TRAIN_BATCH}/{EVAL_BATCH}",
  )


if __name__ == "__main__":
  app.run(main)

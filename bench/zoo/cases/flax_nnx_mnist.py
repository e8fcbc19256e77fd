"""Flax NNX (flax 0.12.8, jax 0.10.2, optax 0.2.8, CPU): the docs' ``mnist_tutorial``
(``docs_nnx/mnist_tutorial.md``) in the version that prints its metrics, google/flax commit
62688664e8060e2b4598948b9e0700632ee13f85 (January 2025; later versions plot with matplotlib
and, from April 2026, write TensorBoard scalars instead of printing). Its cells in order: the
``CNN(nnx.Module)`` (two ``nnx.Conv``, ``nnx.avg_pool``, two ``nnx.Linear``),
``nnx.display(model)``, a forward pass on ones and ``nnx.display(y)``,
``nnx.Optimizer(model, optax.adamw(0.005, 0.9))``, ``nnx.MultiMetric(accuracy=
nnx.metrics.Accuracy(), loss=nnx.metrics.Average('loss'))``, ``nnx.display(optimizer)``,
``@nnx.jit`` ``train_step``/``eval_step`` and the loop that fills ``metrics_history`` and
prints every ``eval_every`` steps (and at the last step):

    [train] step: 100, loss: 1.264696717262268, accuracy: 68.31682586669922
    [test] step: 100, loss: 0.7325298190116882, accuracy: 87.3046875

Outside ``IPython``, ``nnx.display`` prints the object (the model's and optimizer's reprs,
the logits array), so those lines are part of the output as a script prints them; under a
terminal NNX colours those reprs (24-bit ANSI colour codes), through a pipe it does not, and
the reprs' function addresses (``at 0x7f...``) differ from run to run.

Changes: no TensorFlow here, so no tfds MNIST and no ``tf.data``: synthetic 28x28
one-channel "digits" (10 classes: a fixed random 7x7 pattern per class upsampled to 28x28,
shifted by up to a pixel, plus Gaussian noise, clipped to [0, 1]; 15% of the labels redrawn at
random so that neither accuracy reaches 100% nor the loss 0), 2048 training and 512 test
images, fed as the tutorial's pipeline does (``repeat().shuffle().batch(32,
drop_remainder=True).take(train_steps)`` for training, ``batch(32, drop_remainder=True)`` for
test) by a seeded numpy generator of the same ``{'image', 'label'}`` dicts; ``train_steps`` 300
and ``eval_every`` 100 instead of 1200 and 200 (seconds on a CPU). Flax 0.11 made ``wrt``
required and ``update`` take the model, so the two calls are ``nnx.Optimizer(model,
optax.adamw(...), wrt=nnx.Param)`` and ``optimizer.update(model, grads)`` (as the tutorial
itself writes them from commit cdf9ff88, September 2025, on).

Truth: the tutorial's own ``metrics_history`` dict (``MultiMetric.compute()`` per eval),
keys ``train_loss``, ``train_accuracy``, ``test_loss``, ``test_accuracy``, at the loop's
``step`` (0-based; evaluations at 100, 200, 299: 3 points each). Judgement calls:
- names: the dict's keys, which are also what the printed words give (``[train]`` a phase
  before ``loss`` -> ``train_loss``);
- axis ``step``: the line prints ``step: {step}``;
- values are 0-d float32 ``jax.Array``s; the f-string's ``format()`` of one formats its
  numpy float32 scalar as a Python float (``repr``, 17 significant digits at most): the
  float32 value in full, the same number the dict holds (``rel_tolerance`` 1e-6: slack only);
- accuracy: ``metrics_history`` keeps the fraction, the line prints ``value * 100`` (a
  float32 product computed by JAX): the truth is that printed product (the same operation on
  the recorded value), as for ``flax_logging``; the fractions are in ``notes``;
- not metrics: ``step`` (counter); the model summary's parameter counts and byte sizes and
  the forward-pass logits that ``nnx.display`` prints; learning rate and momentum (settings).
"""
# zoo-venv: jax

from functools import partial

import flax
import jax
import jax.numpy as jnp  # JAX NumPy
import numpy as np
import optax
from _truth import series, write_truth
from flax import nnx  # The Flax NNX API.

# -- data: synthetic stand-in for tfds MNIST (no TensorFlow in this venv) --------------------
data_rng = np.random.default_rng(0)
TEMPLATES = (data_rng.random((10, 7, 7)) > 0.6).astype(np.float32)


def make_images(count):
    labels = data_rng.integers(0, 10, size=count)
    coarse = TEMPLATES[labels].repeat(4, axis=1).repeat(4, axis=2)  # 28x28 strokes
    shifts = data_rng.integers(-1, 2, size=(count, 2))  # digits are not centred alike
    coarse = np.stack([np.roll(image, tuple(shift), axis=(0, 1))
                       for image, shift in zip(coarse, shifts, strict=True)])
    images = np.clip(0.5 * coarse + data_rng.normal(0.2, 0.5, coarse.shape), 0.0, 1.0)
    mislabelled = data_rng.random(count) < 0.15  # as if some digits were badly written
    labels = np.where(mislabelled, data_rng.integers(0, 10, size=count), labels)
    return images[..., None].astype(np.float32), labels.astype(np.int32)


train_images, train_labels = make_images(2048)
test_images, test_labels = make_images(512)

train_steps = 300
eval_every = 100
batch_size = 32


def train_batches():
    """repeat().shuffle(...).batch(batch_size, drop_remainder=True).take(train_steps)"""
    order_rng = np.random.default_rng(1)
    step = 0
    while True:
        order = order_rng.permutation(len(train_images))
        for start in range(0, len(order) - batch_size + 1, batch_size):
            if step == train_steps:
                return
            index = order[start:start + batch_size]
            yield {'image': train_images[index], 'label': train_labels[index]}
            step += 1


def test_batches():
    """batch(batch_size, drop_remainder=True)"""
    for start in range(0, len(test_images) - batch_size + 1, batch_size):
        yield {'image': test_images[start:start + batch_size],
               'label': test_labels[start:start + batch_size]}


# -- the tutorial --------------------------------------------------------------------------
class CNN(nnx.Module):
  """A simple CNN model."""

  def __init__(self, *, rngs: nnx.Rngs):
    self.conv1 = nnx.Conv(1, 32, kernel_size=(3, 3), rngs=rngs)
    self.conv2 = nnx.Conv(32, 64, kernel_size=(3, 3), rngs=rngs)
    self.avg_pool = partial(nnx.avg_pool, window_shape=(2, 2), strides=(2, 2))
    self.linear1 = nnx.Linear(3136, 256, rngs=rngs)
    self.linear2 = nnx.Linear(256, 10, rngs=rngs)

  def __call__(self, x):
    x = self.avg_pool(nnx.relu(self.conv1(x)))
    x = self.avg_pool(nnx.relu(self.conv2(x)))
    x = x.reshape(x.shape[0], -1)  # flatten
    x = nnx.relu(self.linear1(x))
    x = self.linear2(x)
    return x


# Instantiate the model.
model = CNN(rngs=nnx.Rngs(0))
# Visualize it.
nnx.display(model)

y = model(jnp.ones((1, 28, 28, 1)))
nnx.display(y)

learning_rate = 0.005
momentum = 0.9

optimizer = nnx.Optimizer(model, optax.adamw(learning_rate, momentum), wrt=nnx.Param)
metrics = nnx.MultiMetric(
  accuracy=nnx.metrics.Accuracy(),
  loss=nnx.metrics.Average('loss'),
)

nnx.display(optimizer)


def loss_fn(model: CNN, batch):
  logits = model(batch['image'])
  loss = optax.softmax_cross_entropy_with_integer_labels(
    logits=logits, labels=batch['label']
  ).mean()
  return loss, logits


@nnx.jit
def train_step(model: CNN, optimizer: nnx.Optimizer, metrics: nnx.MultiMetric, batch):
  """Train for a single step."""
  grad_fn = nnx.value_and_grad(loss_fn, has_aux=True)
  (loss, logits), grads = grad_fn(model, batch)
  metrics.update(loss=loss, logits=logits, labels=batch['label'])  # In-place updates.
  optimizer.update(model, grads)  # In-place updates.


@nnx.jit
def eval_step(model: CNN, metrics: nnx.MultiMetric, batch):
  loss, logits = loss_fn(model, batch)
  metrics.update(loss=loss, logits=logits, labels=batch['label'])  # In-place updates.


metrics_history = {
  'train_loss': [],
  'train_accuracy': [],
  'test_loss': [],
  'test_accuracy': [],
}
eval_steps = []  # the case's own bookkeeping: the step of each metrics_history entry

for step, batch in enumerate(train_batches()):
  # Run the optimization for one step and make a stateful update to the following:
  # - The train state's model parameters
  # - The optimizer state
  # - The training loss and accuracy batch metrics
  train_step(model, optimizer, metrics, batch)

  # One training epoch has passed.
  if step > 0 and (step % eval_every == 0 or step == train_steps - 1):
    # Log the training metrics.
    for metric, value in metrics.compute().items():  # Compute the metrics.
      metrics_history[f'train_{metric}'].append(value)  # Record the metrics.
    metrics.reset()  # Reset the metrics for the test set.

    # Compute the metrics on the test set after each training epoch.
    for test_batch in test_batches():
      eval_step(model, metrics, test_batch)

    # Log the test metrics.
    for metric, value in metrics.compute().items():
      metrics_history[f'test_{metric}'].append(value)
    metrics.reset()  # Reset the metrics for the next training epoch.
    eval_steps.append(step)

    print(
      f"[train] step: {step}, "
      f"loss: {metrics_history['train_loss'][-1]}, "
      f"accuracy: {metrics_history['train_accuracy'][-1] * 100}"
    )
    print(
      f"[test] step: {step}, "
      f"loss: {metrics_history['test_loss'][-1]}, "
      f"accuracy: {metrics_history['test_accuracy'][-1] * 100}"
    )

# -- truth: metrics_history ------------------------------------------------------------------
PRINTED_TIMES_100 = ("train_accuracy", "test_accuracy")
truth = {}
for name, values in metrics_history.items():
    printed = [value * 100 if name in PRINTED_TIMES_100 else value for value in values]
    truth[name] = series(zip(eval_steps, printed, strict=True), "step", rel_tolerance=1e-6)
fractions = {name: [float(value) for value in metrics_history[name]]
             for name in PRINTED_TIMES_100}
write_truth(
    "flax", flax.__version__,
    "the tutorial's metrics_history dict (nnx.MultiMetric.compute() per evaluation); "
    "accuracies as printed (x100)",
    truth,
    notes=f"jax {jax.__version__}, optax {optax.__version__}; docs_nnx/mnist_tutorial.md at "
          "google/flax 62688664e8060e2b4598948b9e0700632ee13f85 on synthetic 28x28 images; "
          f"metrics_history accuracies as fractions (steps {eval_steps}): {fractions}",
)

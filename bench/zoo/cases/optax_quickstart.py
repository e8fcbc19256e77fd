"""Optax (optax 0.2.8, jax 0.10.2, CPU): the "Fitting a MLP" example of Optax's own getting
started notebook (``docs/getting_started.ipynb`` at the tag v0.2.8 of google-deepmind/optax),
the section its README's quickstart sends readers on to. Its code as written: batches of
random 8-bit integers unpacked to bits (``np.unpackbits``), one-hot "odd"/"even" labels, a
1-hidden-layer MLP on a params dict (``jax.random.normal`` weights), the loss
``optax.sigmoid_binary_cross_entropy(...).sum(axis=-1).mean()``, and ``fit(params,
optimizer)``: ``optimizer.init(params)``, a ``@jax.jit`` ``step`` with ``jax.value_and_grad``,
``optimizer.update`` and ``optax.apply_updates``, printing every 100 steps::

    step 0, loss: 5.689767360687256
    step 100, loss: 0.17374931275844574

run with ``optax.adam(learning_rate=1e-2)``, ``BATCH_SIZE`` 5, ``NUM_TRAIN_STEPS`` 1000 (the
notebook's own numbers; the whole script takes seconds).

Changes: ``np.random.seed(0)`` before the data (the notebook draws it unseeded); the loop
appends ``(i, loss_value)`` to a list where it prints (the case's record); only this first
``fit`` runs: the notebook's next cells call ``fit`` again with other optimizers (a clipped
``adamw`` with a warmup-cosine schedule, then ``inject_hyperparams``), each printing ``step 0``
... ``step 900`` again from step 0, a second and third run of the same series in one log.

Truth: the loss values the loop computed and printed, at the loop's ``i`` (0-based: steps 0,
100, ..., 900; 10 points), named ``loss`` as printed (``loss: {loss_value}``). Judgement
calls:
- ``loss_value`` is a 0-d float32 ``jax.Array``; the f-string formats its numpy float32 as a
  Python float (``repr``): the float32 in full (``rel_tolerance`` 1e-6: slack only);
- the losses of the 990 steps the loop does not print are in no record and not in the truth;
- ``step`` is the counter, not a metric.
"""
# zoo-venv: jax

import jax
import jax.numpy as jnp
import numpy as np
import optax
from _truth import series, write_truth

np.random.seed(0)  # the case's addition: the notebook draws its data unseeded

BATCH_SIZE = 5
NUM_TRAIN_STEPS = 1_000
RAW_TRAINING_DATA = np.random.randint(255, size=(NUM_TRAIN_STEPS, BATCH_SIZE, 1))

TRAINING_DATA = np.unpackbits(RAW_TRAINING_DATA.astype(np.uint8), axis=-1)
LABELS = jax.nn.one_hot(RAW_TRAINING_DATA % 2, 2).astype(jnp.float32).reshape(
    NUM_TRAIN_STEPS, BATCH_SIZE, 2)

initial_params = {
    'hidden': jax.random.normal(shape=[8, 32], key=jax.random.PRNGKey(0)),
    'output': jax.random.normal(shape=[32, 2], key=jax.random.PRNGKey(1)),
}


def net(x: jnp.ndarray, params: optax.Params) -> jnp.ndarray:
  x = jnp.dot(x, params['hidden'])
  x = jax.nn.relu(x)
  x = jnp.dot(x, params['output'])
  return x


def loss(params: optax.Params, batch: jnp.ndarray, labels: jnp.ndarray) -> jnp.ndarray:
  y_hat = net(batch, params)

  # optax also provides a number of common loss functions.
  loss_value = optax.sigmoid_binary_cross_entropy(y_hat, labels).sum(axis=-1)

  return loss_value.mean()


recorded = []  # the case's record of what the loop prints: (i, loss_value)


def fit(params: optax.Params, optimizer: optax.GradientTransformation) -> optax.Params:
  opt_state = optimizer.init(params)

  @jax.jit
  def step(params, opt_state, batch, labels):
    loss_value, grads = jax.value_and_grad(loss)(params, batch, labels)
    updates, opt_state = optimizer.update(grads, opt_state, params)
    params = optax.apply_updates(params, updates)
    return params, opt_state, loss_value

  for i, (batch, labels) in enumerate(zip(TRAINING_DATA, LABELS, strict=True)):
    params, opt_state, loss_value = step(params, opt_state, batch, labels)
    if i % 100 == 0:
      print(f'step {i}, loss: {loss_value}')
      recorded.append((i, float(loss_value)))

  return params, opt_state

# Finally, we can fit our parametrized function using the Adam optimizer
# provided by optax.
optimizer = optax.adam(learning_rate=1e-2)
_ = fit(initial_params, optimizer)

write_truth(
    "optax", optax.__version__,
    "the loss values the getting-started loop computed and printed (recorded by the case)",
    {"loss": series(recorded, "step", rel_tolerance=1e-6)},
    notes=f"jax {jax.__version__}; docs/getting_started.ipynb 'Fitting a MLP' at "
          "google-deepmind/optax v0.2.8, first fit (optax.adam(1e-2)) only, data seeded",
)

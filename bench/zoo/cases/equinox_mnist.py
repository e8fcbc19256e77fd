"""Equinox 0.13.8 (patrick-kidger's neural networks on JAX; with Optax 0.2.8 and jaxtyping
0.3.11 on the CPU build of JAX 0.10.2), its docs' introductory example "Convolutional Neural
Network on MNIST", the notebook ``docs/examples/mnist.ipynb`` (git blob
c81bfd186cb72916fe9b4c9f2a8e9d72af855c27 at tag v0.13.8, commit
dfadb04884a0fc067fb85282c994f8e5c106941f, 2026-05-05, the release installed; the same blob at
main's 9336d820; last changed by 76d697c1, "Update examples"; it was ``examples/mnist.ipynb``
before ec62ea11 moved the examples under ``docs/``). Its code cells 2 (hyperparameters), 5
(the data check), 8 (the ``CNN`` module), 10 (``print(model)``), 12 (``loss``,
``cross_entropy`` and the example calls), 16 and 18 (the filtered gradients), 21 (the jitted
``loss`` and ``compute_accuracy``), 22 (``evaluate``), 23, 25 (``optax.adamw``), 26
(``train``) and 27 (the call) are held verbatim below (``CELLS``), each checked against git's
id of the cell's source text, and run in order in one namespace (``exec``), as a notebook runs
its cells; batch 64, AdamW at 3e-4, ``SEED = 5678``. About 15 s of CPU (most of it importing
torch and JAX and compiling).

Cells not run: 1 (the imports: the case imports the same names, but torchvision, which only
cell 4 uses), 4 (the data: ``torchvision.datasets.MNIST(..., download=True)`` downloads
MNIST) and 14 (``# This is an error!``: the notebook's deliberate failing
``jax.value_and_grad`` call). In cell 4's place the case builds what it leaves in the
namespace: ``train_dataset``/``test_dataset``, torch ``TensorDataset``s of 1,280 and 640
synthetic MNIST-shaped images (MNIST: 60,000 and 10,000) as cell 4's transform yields them
([1, 28, 28] float32 in [-1, 1], ``ToTensor`` then ``Normalize((0.5,), (0.5,))`` of uint8
pixels; int64 labels 0..9), each its label's random template plus heavy noise (numpy
``default_rng(0)``), so the loss falls slowly; and ``trainloader``/``testloader``, made as
cell 4 makes them (``torch.utils.data.DataLoader(..., batch_size=BATCH_SIZE, shuffle=True)``,
torch seeded with 0: the notebook seeds no shuffle). The cut: after cell 2, ``STEPS`` and
``PRINT_EVERY`` are set to 100 and 10 (the notebook's 300 and 30), as a user edits cell 2;
the loop, its prints and everything else are the notebook's, unchanged.

What it prints (stdout only; nothing on stderr): cell 5's ``(64, 1, 28, 28)``, ``(64,)`` and
the first batch's labels (``[1 8 9 4 7 2 9 1 8 5 2 8 ...]``, two lines), cell 10's model
repr (53 lines: ``CNN(``, ``layers=[``, ``Conv2d(``, ``num_spatial_dims=2,``,
``weight=f32[3,1,4,4],``, ``in_channels=1,``, ``out_channels=3,``, ``kernel_size=(4, 4),``,
... ``in_features=1728,``, ``out_features=512,``, ``use_bias=True``; the activations print
as ``<PjitFunction of <function relu at 0x7f42184d4040>>`` under JAX 0.10, where the notebook
shows ``<wrapped function relu>``), cell 12's ``()`` and ``(64, 10)``, cells 16 and 18's
loss ``2.2883215`` (a bare float32, twice), then train()'s line at steps 0, 10, .., 90 and
99 (``(step % print_every) == 0 or (step == steps - 1)``)::

 step=0, train_loss=2.3315372467041016, test_loss=2.3080649375915527,
   test_accuracy=0.10312499850988388
 step=10, train_loss=2.290436029434204, test_loss=2.299999475479126,
   test_accuracy=0.11093749850988388
 ...
 step=99, train_loss=2.0051987171173096, test_loss=2.057281017303467,
   test_accuracy=0.45625001192092896

(one line each, wrapped here; ``f"{step=}, train_loss={train_loss.item()}, "
f"test_loss={test_loss.item()}, test_accuracy={test_accuracy.item()}"``: Python's repr of
each float32 scalar's ``.item()``, full precision).

Truth: the notebook keeps no record (no logger, no history; ``train`` returns only the
model), so the values it computes are the record: one line added to the stock text
(``RECORD_LINES``, no line changed), right after train()'s ``print``, appends ``(step,
train_loss.item(), test_loss.item(), test_accuracy.item())`` to a list the case puts in the
namespace; nothing is parsed from stdout. Judgement calls (docs/metrics.md):
- Names, as printed: ``train_loss``, ``test_loss``, ``test_accuracy`` (already keys), 11
  points each.
- ``train_loss`` is that step's batch loss (``make_step``'s ``loss_value``, taken before the
  update is applied), not a running mean; ``test_loss``/``test_accuracy`` are ``evaluate``'s
  means of the 10 test batches' means, after the step's update.
- Axis ``step``: the printed ``step=`` (0-based; the last point is 99, ``steps - 1``); not a
  metric.
- Tolerance: none (exact): the line prints each float's repr, which round-trips.
- Not metrics: the shapes, the labels, the model repr's ``name=value`` fields
  (``in_channels=1``, ``out_features=512``, ``groups=1``: configuration) and the bare
  ``2.2883215`` lines (no name). No timing or throughput is printed, so no ``also_ok``.
- Determinism: the notebook's ``jax.random.PRNGKey(5678)`` makes the model; the case seeds the
  data and the DataLoaders' shuffles, so the values repeat on the CPU (two captures gave the
  same lines); only the repr's function addresses vary.
"""
# zoo-venv: equinox

import numpy as np
import torch
from _truth import series, write_truth
from _verbatim import git_blob_id, with_lines

SOURCE_REPO = "patrick-kidger/equinox"
SOURCE_COMMIT = "dfadb04884a0fc067fb85282c994f8e5c106941f"  # tag v0.13.8
NOTEBOOK = "docs/examples/mnist.ipynb"
NOTEBOOK_BLOB = "c81bfd186cb72916fe9b4c9f2a8e9d72af855c27"
STEPS, PRINT_EVERY = 100, 10  # cell 2's are 300 and 30
TRAIN, TEST = 1280, 640  # images (MNIST: 60,000 and 10,000); batches of 64: 20 and 10
DATA_SEED = 0

# the record: a line added right after the print it keeps (cell -> anchor -> the line after
# it); no line of the notebook's text changed
RECORD_LINES = {
    26: {'                f"test_loss={test_loss.item()}, test_accuracy={test_accuracy.item()}"\n'
         '            )':
         "\n            ZOO_RECORD.append((step, train_loss.item(), test_loss.item(),"
         " test_accuracy.item()))  # zoo: the values just printed"},
}


def mnist_like(count: int, templates: np.ndarray, rng: np.random.Generator
               ) -> torch.utils.data.TensorDataset:
    """What cell 4's ``torchvision.datasets.MNIST(..., transform=normalise_data)`` yields,
    as a ``TensorDataset``: images [1, 28, 28] float32 in [-1, 1] (``ToTensor`` then
    ``Normalize((0.5,), (0.5,))`` of uint8 pixels) and int64 labels 0..9 (MNIST's
    ``targets``). Each image is its label's template plus noise, so there is something to
    learn."""
    labels = rng.integers(0, 10, count)
    pixels = np.clip(templates[labels] + rng.normal(0, 255, (count, 28, 28)), 0, 255)
    images = (pixels.astype(np.uint8).astype(np.float32) / 255 - 0.5) / 0.5
    return torch.utils.data.TensorDataset(torch.from_numpy(images[:, None]),
                                          torch.from_numpy(labels.astype(np.int64)))


def main() -> None:
    for index, (blob, text) in CELLS.items():
        if git_blob_id(text) != blob:
            raise SystemExit(f"cell {index} is not {NOTEBOOK}'s at {SOURCE_COMMIT}")
    # cell 1's imports (but torchvision, which only cell 4 uses)
    import equinox as eqx
    import jax
    import jax.numpy as jnp
    import optax
    from jaxtyping import Array, Float, Int, PyTree

    torch.manual_seed(DATA_SEED)  # the DataLoaders' shuffles (the notebook seeds none)
    rng = np.random.default_rng(DATA_SEED)
    templates = rng.integers(0, 256, (10, 28, 28)).astype(np.float64)
    record: list[tuple] = []
    namespace = {
        "__name__": "__main__", "ZOO_RECORD": record, "eqx": eqx, "jax": jax, "jnp": jnp,
        "optax": optax, "torch": torch, "Array": Array, "Float": Float, "Int": Int,
        "PyTree": PyTree,
    }
    for index, (_, text) in CELLS.items():
        text = with_lines(text, RECORD_LINES.get(index, {}))
        exec(compile(text, f"<cell {index}>", "exec"), namespace)
        if index == 2:  # the cut: fewer steps, printed more often
            namespace["STEPS"], namespace["PRINT_EVERY"] = STEPS, PRINT_EVERY
            # cell 4's stand-in: its DataLoaders, on the synthetic data
            train_dataset = mnist_like(TRAIN, templates, rng)
            test_dataset = mnist_like(TEST, templates, rng)
            namespace.update(
                train_dataset=train_dataset, test_dataset=test_dataset,
                trainloader=torch.utils.data.DataLoader(
                    train_dataset, batch_size=namespace["BATCH_SIZE"], shuffle=True),
                testloader=torch.utils.data.DataLoader(
                    test_dataset, batch_size=namespace["BATCH_SIZE"], shuffle=True))
    printed = [step for step in range(STEPS) if step % PRINT_EVERY == 0 or step == STEPS - 1]
    assert [row[0] for row in record] == printed, record

    # --- the truth: the values each print formats, at full precision ---
    write_truth(
        "equinox",
        f"{eqx.__version__} ({SOURCE_REPO}@{SOURCE_COMMIT[:8]} {NOTEBOOK}; jax "
        f"{jax.__version__}, optax {optax.__version__})",
        "the notebook's train_loss, test_loss and test_accuracy (float32 scalars' .item()) "
        "after train()'s print (a line the case adds after it); printed with repr, so exact",
        {"train_loss": series([(s, v) for s, v, _, _ in record], key="step"),
         "test_loss": series([(s, v) for s, _, v, _ in record], key="step"),
         "test_accuracy": series([(s, v) for s, _, _, v in record], key="step")})


# the notebook's code cells run (cell index -> (git's id of the cell's source text, the
# source)), verbatim at SOURCE_COMMIT
CELLS: dict[int, tuple[str, str]] = {
    2: (
        'b3d6ed10a8ed43e26b4a54f6fcb48d2bdce0a079',
        r'''# Hyperparameters

BATCH_SIZE = 64
LEARNING_RATE = 3e-4
STEPS = 300
PRINT_EVERY = 30
SEED = 5678

key = jax.random.PRNGKey(SEED)'''),
    5: (
        'f9ca8e349ceb0c61f6d3063dc06ebe243e896416',
        r'''# Checking our data a bit (by now, everyone knows what the MNIST dataset looks like)
dummy_x, dummy_y = next(iter(trainloader))
dummy_x = dummy_x.numpy()
dummy_y = dummy_y.numpy()
print(dummy_x.shape)  # 64x1x28x28
print(dummy_y.shape)  # 64
print(dummy_y)'''),
    8: (
        '3437e8fcbe6fec5189ea133dc9f9d30a7e381620',
        r'''class CNN(eqx.Module):
    layers: list

    def __init__(self, key):
        key1, key2, key3, key4 = jax.random.split(key, 4)
        # Standard CNN setup: convolutional layer, followed by flattening,
        # with a small MLP on top.
        self.layers = [
            eqx.nn.Conv2d(1, 3, kernel_size=4, key=key1),
            eqx.nn.MaxPool2d(kernel_size=2),
            jax.nn.relu,
            jnp.ravel,
            eqx.nn.Linear(1728, 512, key=key2),
            jax.nn.sigmoid,
            eqx.nn.Linear(512, 64, key=key3),
            jax.nn.relu,
            eqx.nn.Linear(64, 10, key=key4),
            jax.nn.log_softmax,
        ]

    def __call__(self, x: Float[Array, "1 28 28"]) -> Float[Array, "10"]:
        for layer in self.layers:
            x = layer(x)
        return x


key, subkey = jax.random.split(key, 2)
model = CNN(subkey)'''),
    10: (
        '4c09dc3dff6af4bbea2059f6fb019d1bee0040c9',
        r'''print(model)'''),
    12: (
        '198e82d5df78c59b13820965a0ddaa952bb096c0',
        r'''def loss(
    model: CNN, x: Float[Array, "batch 1 28 28"], y: Int[Array, " batch"]
) -> Float[Array, ""]:
    # Our input has the shape (BATCH_SIZE, 1, 28, 28), but our model operations on
    # a single input input image of shape (1, 28, 28).
    #
    # Therefore, we have to use jax.vmap, which in this case maps our model over the
    # leading (batch) axis.
    pred_y = jax.vmap(model)(x)
    return cross_entropy(y, pred_y)


def cross_entropy(
    y: Int[Array, " batch"], pred_y: Float[Array, "batch 10"]
) -> Float[Array, ""]:
    # y are the true targets, and should be integers 0-9.
    # pred_y are the log-softmax'd predictions.
    pred_y = jnp.take_along_axis(pred_y, jnp.expand_dims(y, 1), axis=1)
    return -jnp.mean(pred_y)


# Example loss
loss_value = loss(model, dummy_x, dummy_y)
print(loss_value.shape)  # scalar loss
# Example inference
output = jax.vmap(model)(dummy_x)
print(output.shape)  # batch of predictions'''),
    16: (
        'e68e429d63dcfc77f6730536a8856f1614174b0a',
        r'''# This will work!
params, static = eqx.partition(model, eqx.is_array)


def loss2(params, static, x, y):
    model = eqx.combine(params, static)
    return loss(model, x, y)


loss_value, grads = jax.value_and_grad(loss2)(params, static, dummy_x, dummy_y)
print(loss_value)'''),
    18: (
        '0a9e33c2a0ed394d378edaa0f4de5893f7645edf',
        r'''# This will work too!
value, grads = eqx.filter_value_and_grad(loss)(model, dummy_x, dummy_y)
print(value)'''),
    21: (
        'b3795a6d0128ff5fa0559e73e5fe39ee19d5d2fe',
        r'''loss = eqx.filter_jit(loss)  # JIT our loss function from earlier!


@eqx.filter_jit
def compute_accuracy(
    model: CNN, x: Float[Array, "batch 1 28 28"], y: Int[Array, " batch"]
) -> Float[Array, ""]:
    """This function takes as input the current model
    and computes the average accuracy on a batch.
    """
    pred_y = jax.vmap(model)(x)
    pred_y = jnp.argmax(pred_y, axis=1)
    return jnp.mean(y == pred_y)'''),
    22: (
        '80b74902710ca8cb22d20678f8e45acedd53b9f2',
        r'''def evaluate(model: CNN, testloader: torch.utils.data.DataLoader):
    """This function evaluates the model on the test dataset,
    computing both the average loss and the average accuracy.
    """
    avg_loss = 0
    avg_acc = 0
    for x, y in testloader:
        x = x.numpy()
        y = y.numpy()
        # Note that all the JAX operations happen inside `loss` and `compute_accuracy`,
        # and both have JIT wrappers, so this is fast.
        avg_loss += loss(model, x, y)
        avg_acc += compute_accuracy(model, x, y)
    return avg_loss / len(testloader), avg_acc / len(testloader)'''),
    23: (
        'c91443b6efe5ecad4820699b6e835628a7b150b1',
        r'''evaluate(model, testloader)'''),
    25: (
        '61cd6832aa810ace1e5f2989d39fce8b109eb772',
        r'''optim = optax.adamw(LEARNING_RATE)'''),
    26: (
        'e30698a9aed37ef077aac28090136684d26cb89b',
        r'''def train(
    model: CNN,
    trainloader: torch.utils.data.DataLoader,
    testloader: torch.utils.data.DataLoader,
    optim: optax.GradientTransformation,
    steps: int,
    print_every: int,
) -> CNN:
    # Just like earlier: It only makes sense to train the arrays in our model,
    # so filter out everything else.
    opt_state = optim.init(eqx.filter(model, eqx.is_array))

    # Always wrap everything -- computing gradients, running the optimiser, updating
    # the model -- into a single JIT region. This ensures things run as fast as
    # possible.
    @eqx.filter_jit
    def make_step(
        model: CNN,
        opt_state: PyTree,
        x: Float[Array, "batch 1 28 28"],
        y: Int[Array, " batch"],
    ):
        loss_value, grads = eqx.filter_value_and_grad(loss)(model, x, y)
        updates, opt_state = optim.update(
            grads, opt_state, eqx.filter(model, eqx.is_array)
        )
        model = eqx.apply_updates(model, updates)
        return model, opt_state, loss_value

    # Loop over our training dataset as many times as we need.
    def infinite_trainloader():
        while True:
            yield from trainloader

    for step, (x, y) in zip(range(steps), infinite_trainloader()):
        # PyTorch dataloaders give PyTorch tensors by default,
        # so convert them to NumPy arrays.
        x = x.numpy()
        y = y.numpy()
        model, opt_state, train_loss = make_step(model, opt_state, x, y)
        if (step % print_every) == 0 or (step == steps - 1):
            test_loss, test_accuracy = evaluate(model, testloader)
            print(
                f"{step=}, train_loss={train_loss.item()}, "
                f"test_loss={test_loss.item()}, test_accuracy={test_accuracy.item()}"
            )
    return model'''),
    27: (
        '7326cfa3684e381504fae893c1ed7f7d9d181031',
        r'''model = train(model, trainloader, testloader, optim, STEPS, PRINT_EVERY)'''),
}


if __name__ == "__main__":
    main()

"""Dive into Deep Learning's ``d2l`` package 1.0.3 (PyPI ``d2l``, its PyTorch flavour
``from d2l import torch as d2l``): the book's LeNet section ("Convolutional Neural Networks
(LeNet)", the PyTorch edition's chapter 6.6) run as the book runs it: LeNet as the book
defines it (``nn.Sequential`` of ``Conv2d(1, 6, kernel_size=5, padding=2)``, ``Sigmoid``,
``AvgPool2d(kernel_size=2, stride=2)``, ``Conv2d(6, 16, kernel_size=5)``, ``Sigmoid``,
``AvgPool2d``, ``Flatten``, ``Linear(16 * 5 * 5, 120)``, ``Sigmoid``, ``Linear(120, 84)``,
``Sigmoid``, ``Linear(84, 10)``), ``batch_size = 256``, ``lr = 0.9`` and
``d2l.train_ch6(net, train_iter, test_iter, num_epochs, lr, device)`` (d2l 1.0.3 still ships
it, "Defined in :numref:`sec_utils`": Xavier init, SGD, ``CrossEntropyLoss``, a
``d2l.Animator`` plot, ``d2l.evaluate_accuracy_gpu`` on the test loader after each epoch).
Changes, all judgement calls:
- 3 epochs, not the book's 10; the device is ``d2l.cpu()`` (the book's ``d2l.try_gpu()``
  gives the same ``cpu`` on a machine without a GPU; named so the run stays on the CPU).
- ``d2l.load_data_fashion_mnist`` downloads Fashion-MNIST; the case builds the two
  ``DataLoader``s itself as that function does (train shuffled, test not, ``batch_size``
  256) over a synthetic data set of Fashion-MNIST's shape and types: ``TensorDataset``s of
  1x28x28 float images in [0, 1] with int64 labels 0-9 (20000 train, 2000 test). Each class
  has a fixed coarse binary mask (a random 7x7 grid, each cell 4x4 pixels); an image is its
  class's mask times ``0.65 + 0.35 * noise``, uniform noise a pixel. Sigmoid LeNet sits on
  the loss plateau near ln(10) for a few hundred SGD steps (as it does on the first epoch of
  the real data); this data lets it leave the plateau within the 237 steps of 3 epochs, so
  the printed values move (about loss 2.17, train acc 0.21, test acc 0.60). ``num_workers``
  0 (the book's ``get_dataloader_workers()`` is 4 processes: same batches, less CPU), and
  seeds fixed (the book sets none): ``torch.manual_seed(0)`` (the weights) and seeded
  ``torch.Generator``s for the data and the shuffle.
- ``matplotlib.use("Agg")`` before d2l imports pyplot, so the Animator's figure opens no
  window; nothing else is set.

What it prints (stdout): ``training on cpu``; then, at each ``animator.add`` (six times an
epoch: every ``num_batches // 5`` = 15 of the 79 batches and at the last one, then once for
the epoch's test accuracy: 21 in all), the Animator's ``display.display(self.fig)`` and
``display.clear_output(wait=True)``. Outside Jupyter IPython's ``display`` prints the figure's
repr, ``<Figure size 350x250 with 1 Axes>``, and ``clear_output`` prints ``\\033[2K\\r`` twice
(without newlines), so the next figure line starts with them. Then train_ch6's two lines:
``loss 2.169, train acc 0.207, test acc 0.601`` (``:.3f`` each) and
``7054.2 examples/sec on cpu`` (``:.1f``). No stderr.

Truth: d2l keeps no record of its own but the Animator's data: ``animator.X``/``animator.Y``,
one list a legend entry (``['train loss', 'train acc', 'test acc']``): the running training
loss and accuracy of the epoch at each plotted batch (x ``epoch + (i + 1) / num_batches``)
and the test accuracy at each epoch's end (x ``epoch + 1``). train_ch6 makes its Animator
as a local, ``d2l.Animator(...)`` looked up on the module at call time; the case replaces
``d2l.Animator`` with a subclass whose ``__init__`` calls d2l's and keeps the instance (no
other change, nothing printed), then reads ``X``/``Y`` after training. The printed line is
the last point of each list (``train_l``, ``train_acc`` after the last batch of the last
epoch, x 3.0; ``test_acc`` of the last epoch, x 3); the case asserts those x values.
Judgement calls:
- Names as printed, one value each, keyed ``epoch`` 3: ``loss`` (the Animator's legend calls
  the curve ``train loss``, but the printed line, the only place a user sees the value, says
  ``loss``; its variable is ``train_l``), ``train_acc`` and ``test_acc`` (legend and print
  agree). The Animator's other points (18 training points and 3 test accuracies) are plotted,
  never printed: no truth (their counts go in ``notes``). Tolerance 5e-4 (``:.3f``).
- ``examples/sec`` (``metric[2] * num_epochs / timer.sum()``: throughput, named by its unit,
  ``on cpu`` the device) is printed, not recorded: ``also_ok``.
- ``training on cpu`` and the figure reprs (``350x250`` is the figure size in pixels, ``1
  Axes`` its axes count) are no metrics.
- Determinism: the seeded data, weights and shuffle on the CPU (``OMP_NUM_THREADS=1``) repeat
  the values exactly, pipe and pty alike; only the throughput varies.
"""

# zoo-venv: d2l

import matplotlib

matplotlib.use("Agg")

import d2l as d2l_package
import torch
from _truth import series, write_truth
from d2l import torch as d2l
from torch import nn
from torch.utils.data import DataLoader, TensorDataset

torch.manual_seed(0)

# the record: train_ch6's Animator, kept when d2l makes it (see the docstring)
animators = []


class RecordedAnimator(d2l.Animator):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        animators.append(self)


d2l.Animator = RecordedAnimator

# Fashion-MNIST's shapes and types, built here (d2l.load_data_fashion_mnist downloads it)
generator = torch.Generator().manual_seed(0)
masks = torch.rand(10, 1, 7, 7, generator=generator) > 0.5
patterns = masks.float().repeat_interleave(4, dim=2).repeat_interleave(4, dim=3)


def synthetic_fashion_mnist(n):
    labels = torch.randint(0, 10, (n,), generator=generator)
    noise = torch.rand(n, 1, 28, 28, generator=generator)
    return TensorDataset(patterns[labels] * (0.65 + 0.35 * noise), labels)


mnist_train = synthetic_fashion_mnist(20000)
mnist_test = synthetic_fashion_mnist(2000)

# --- the book's LeNet section from here ---

net = nn.Sequential(
    nn.Conv2d(1, 6, kernel_size=5, padding=2), nn.Sigmoid(),
    nn.AvgPool2d(kernel_size=2, stride=2),
    nn.Conv2d(6, 16, kernel_size=5), nn.Sigmoid(),
    nn.AvgPool2d(kernel_size=2, stride=2),
    nn.Flatten(),
    nn.Linear(16 * 5 * 5, 120), nn.Sigmoid(),
    nn.Linear(120, 84), nn.Sigmoid(),
    nn.Linear(84, 10))

batch_size = 256
train_iter = DataLoader(mnist_train, batch_size, shuffle=True,
                        generator=torch.Generator().manual_seed(1))
test_iter = DataLoader(mnist_test, batch_size, shuffle=False)

lr, num_epochs = 0.9, 3
d2l.train_ch6(net, train_iter, test_iter, num_epochs, lr, d2l.cpu())

# --- the truth: the Animator's data ---
(animator,) = animators
(loss_x, train_acc_x, test_acc_x), (loss_y, train_acc_y, test_acc_y) = animator.X, animator.Y
assert loss_x[-1] == train_acc_x[-1] == num_epochs and test_acc_x[-1] == num_epochs, \
    (loss_x, train_acc_x, test_acc_x)
metrics = {name: series([(num_epochs, ys[-1])], "epoch", tolerance=5e-4)
           for name, ys in (("loss", loss_y), ("train_acc", train_acc_y),
                            ("test_acc", test_acc_y))}
write_truth("d2l", d2l_package.__version__,
            "train_ch6's d2l.Animator (kept by a subclass), animator.X/Y: the last point of "
            "'train loss', 'train acc' (x 3.0) and 'test acc' (x 3), the values printed",
            metrics, also_ok=["examples/sec"],
            notes=f"Animator points: {len(loss_y)} train loss/acc at x {loss_x}, "
                  f"{len(test_acc_y)} test acc {test_acc_y}; train loss {loss_y}, "
                  f"train acc {train_acc_y}")

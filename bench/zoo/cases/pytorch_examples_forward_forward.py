"""PyTorch's official examples' Forward-Forward MNIST, ``mnist_forward_forward/main.py`` of
pytorch/examples at 77f55b91 (77f55b912142e11fcfdf5b530231fb9c52f181e8, 2025-08-25,
"silence destroy_proces_group() warning (#1387)"; the file last changed in 65722fe3, "Use
torch.accelerator API in mnist examples (#1334)"), held verbatim below and checked against
its git blob id, on torch 2.14.1 with torchvision 0.29.1 (PyPI's CUDA builds, run on the
CPU: main.py imports ``torchvision.datasets.MNIST`` and ``torchvision.transforms`` at its
top, and PyPI's torchvision does not import beside the CPU torch 2.13.0). Hinton's
Forward-Forward algorithm: a ``Net([784, 500, 500])`` of two ``Layer``s (``nn.Linear`` +
ReLU on the L2-normalised input), each trained greedily with its own Adam on a softplus
loss of its "goodness" (mean squared activation) against ``--threshold``, positives being
images with their true label written over the first 10 pixels, negatives with a random
wrong one (``get_y_neg``); ``predict`` picks the label of the largest summed goodness.

Run as its README runs it (``python main.py``), smaller: ``python main.py --epochs 300
--log-interval 50 --train_size 1000 --test_size 500`` (``--lr 0.03``, ``--threshold 2``
at their defaults; no accelerator here, so ``torch.accelerator.is_available()`` is False and
it runs on the CPU), in-process (``runpy`` as ``__main__``, ``sys.argv`` as above). The
training set is one batch of ``--train_size`` images (``next(iter(train_loader))``), each
layer trained ``--epochs`` full-batch steps on it in turn; the test set one batch of
``--test_size``. main.py parses ``--seed`` (default 1) but never uses it, so the case calls
``torch.manual_seed(1)`` (that default) before running it: the weights and ``get_y_neg``'s
``torch.randint`` then repeat on the CPU. About 25 s of CPU, most of it the ten-label
``predict`` passes and torch's import.

Data: ``MNIST("./data/", train=..., download=True, ...)`` finds its four raw files already
in ``data/MNIST/raw/`` (torchvision's ``_check_exists`` only asks that they exist) and
downloads nothing. The case writes them there in MNIST's IDX format (``_verbatim.write_idx``):
``N_TRAIN`` = 1000 training and ``N_TEST`` = 500 test images (the batches main.py takes),
each one of ten fixed random stroke patterns (one a class) shifted by up to two pixels, with
noise, from numpy's ``default_rng(0)`` (as ``pytorch_mnist_example``'s).

What it prints (stdout)::

    training layer:  0
    Loss:  1.1267480850219727
    Loss:  0.6927506327629089
    ...
    Loss:  0.42136773467063904
    training layer:  1
    Loss:  1.1266852617263794
    ...
    Loss:  0.5456650853157043
    train error: 0.018999993801116943
    test error: 0.03200000524520874

(``print("Loss: ", loss.item())`` every ``--log-interval`` epochs of each layer, ``i = 0, 50,
.., 250``, and the two error rates, ``1.0 - accuracy``: all Python's shortest float repr, no
rounding).

Truth: main.py keeps no record (no logger, no history, no file; ``--save_model`` would save
only the weights), so the values it computes are the record: lines added to the stock
main.py (``RECORD_LINES``, no line changed) right after its prints append what each
printed to lists the case passes in (``runpy``'s ``init_globals``): ``loss.item()`` with
``i``; the two error rates (each line recomputes ``1.0 -
net.predict(...).eq(...).float().mean().item()``, the printed expression, since main.py
keeps it in no variable; ``predict`` is deterministic: no dropout, no sampling); nothing is
parsed from stdout. Judgement calls (docs/metrics.md):
- ``Loss``, as printed: one series holding both layers' lines in print order (layer 0's
  six, then layer 1's six; 12 values): the line names no layer (the layer is only which
  ``Layer.train`` runs, printed once before as ``training layer:  0``), as
  ``pytorch_cifar_main`` pools its two bars' ``Loss``. Axis ``step``: the layer's epoch
  ``i`` (0, 50, .., 250), starting again for layer 1; the layer of each point is in
  ``notes``.
- ``train error: 0.0189...`` and ``test error: 0.0320...``: main.py keys nothing, so the names are
  the naming rule's for the printed words (a phase word before a name prefixes it):
  ``train_error`` and ``test_error``, one value each, put at step ``--epochs`` (printed
  after both layers' training, with no step of its own).
- Tolerances: none (exact): every value prints at full precision.
- Not metrics: ``training layer:  0`` (the index of the layer whose training starts).
- ``also_ok``: none (nothing timed is printed).
"""
# zoo-venv: ptff

import runpy
import sys
from pathlib import Path

import numpy as np
import torch
import torchvision
from _truth import series, write_truth
from _verbatim import git_blob_id, with_lines
from _verbatim import write_mnist as synthetic_mnist

SOURCE_REPO = "pytorch/examples"
SOURCE_COMMIT = "77f55b912142e11fcfdf5b530231fb9c52f181e8"
MAIN_BLOB = "25bc187b2928e7e58f7a85332849a724a24dd47e"  # mnist_forward_forward/main.py
EPOCHS, LOG_INTERVAL, N_TRAIN, N_TEST = 300, 50, 1000, 500
ARGS = ["--epochs", str(EPOCHS), "--log-interval", str(LOG_INTERVAL),
        "--train_size", str(N_TRAIN), "--test_size", str(N_TEST)]
SEED = 1  # main.py's --seed default, which it parses but never uses

# the record: lines added to main.py right after its prints (anchor -> the anchor and the
# line after it); no line of the stock text changed
RECORD_LINES = {
    '                print("Loss: ", loss.item())\n':
        "                ZOO_LOSS.append((i, loss.item()))  # zoo: the value just printed\n",
    '    print("train error:", 1.0 - net.predict(x).eq(y).float().mean().item())\n':
        "    ZOO_ERRORS.append(('train', 1.0 - net.predict(x).eq(y).float().mean().item()))"
        "  # zoo: the value just printed\n",
    '    print("test error:", 1.0 - net.predict(x_te).eq(y_te).float().mean().item())\n':
        "    ZOO_ERRORS.append(('test', 1.0 - net.predict(x_te).eq(y_te).float().mean()"
        ".item()))  # zoo: the value just printed\n",
}


def write_mnist(raw: Path) -> None:
    """``_verbatim.write_mnist``'s synthetic MNIST, this case's sizes."""
    synthetic_mnist(raw, N_TRAIN, N_TEST)


def main() -> None:
    if git_blob_id(MAIN_PY) != MAIN_BLOB:
        sys.exit(f"main.py is not mnist_forward_forward/main.py of {SOURCE_REPO} at "
                 f"{SOURCE_COMMIT}")
    Path("main.py").write_text(with_lines(MAIN_PY, RECORD_LINES), encoding="utf-8")
    write_mnist(Path("data") / "MNIST" / "raw")
    losses: list[tuple[int, float]] = []
    errors: list[tuple[str, float]] = []
    sys.argv = ["main.py", *ARGS]
    torch.manual_seed(SEED)
    runpy.run_path("main.py", init_globals={"ZOO_LOSS": losses, "ZOO_ERRORS": errors},
                   run_name="__main__")
    sys.stdout.flush()
    per_layer = list(range(0, EPOCHS, LOG_INTERVAL))
    assert [i for i, _ in losses] == per_layer * 2, losses
    assert [phase for phase, _ in errors] == ["train", "test"], errors
    metrics = {"Loss": series(losses, "step")}
    for phase, value in errors:
        metrics[f"{phase}_error"] = series([(EPOCHS, value)], "step")
    write_truth(
        "pytorch (pytorch/examples mnist_forward_forward)", torch.__version__,
        f"{SOURCE_REPO} mnist_forward_forward/main.py at {SOURCE_COMMIT[:8]}: the values "
        "it prints, kept by lines added after its prints (RECORD_LINES): it keeps no record "
        "of its own",
        metrics,
        notes=f"{SOURCE_REPO} at {SOURCE_COMMIT}, torch {torch.__version__}, torchvision "
              f"{torchvision.__version__}, numpy {np.__version__}; torch.manual_seed({SEED}) "
              f"by the case; synthetic MNIST-shaped data: {N_TRAIN} training, {N_TEST} test "
              "images; Loss print order: "
              + ", ".join(f"layer {n // len(per_layer)} epoch {i}"
                          for n, (i, _) in enumerate(losses)))


# pytorch/examples mnist_forward_forward/main.py at SOURCE_COMMIT, verbatim (blob MAIN_BLOB)
MAIN_PY = r'''# This code is based on the implementation of Mohammad Pezeshki available at
# https://github.com/mohammadpz/pytorch_forward_forward and licensed under the MIT License.
# Modifications/Improvements to the original code have been made by Vivek V Patel.

import argparse
import torch
import torch.nn as nn
from torchvision.datasets import MNIST
from torchvision.transforms import Compose, ToTensor, Normalize, Lambda
from torch.utils.data import DataLoader
from torch.optim import Adam


def get_y_neg(y):
    y_neg = y.clone()
    for idx, y_samp in enumerate(y):
        allowed_indices = list(range(10))
        allowed_indices.remove(y_samp.item())
        y_neg[idx] = torch.tensor(allowed_indices)[
            torch.randint(len(allowed_indices), size=(1,))
        ].item()
    return y_neg.to(device)


def overlay_y_on_x(x, y, classes=10):
    x_ = x.clone()
    x_[:, :classes] *= 0.0
    x_[range(x.shape[0]), y] = x.max()
    return x_


class Net(torch.nn.Module):
    def __init__(self, dims):

        super().__init__()
        self.layers = []
        for d in range(len(dims) - 1):
            self.layers = self.layers + [Layer(dims[d], dims[d + 1]).to(device)]

    def predict(self, x):
        goodness_per_label = []
        for label in range(10):
            h = overlay_y_on_x(x, label)
            goodness = []
            for layer in self.layers:
                h = layer(h)
                goodness = goodness + [h.pow(2).mean(1)]
            goodness_per_label += [sum(goodness).unsqueeze(1)]
        goodness_per_label = torch.cat(goodness_per_label, 1)
        return goodness_per_label.argmax(1)

    def train(self, x_pos, x_neg):
        h_pos, h_neg = x_pos, x_neg
        for i, layer in enumerate(self.layers):
            print("training layer: ", i)
            h_pos, h_neg = layer.train(h_pos, h_neg)


class Layer(nn.Linear):
    def __init__(self, in_features, out_features, bias=True, device=None, dtype=None):
        super().__init__(in_features, out_features, bias, device, dtype)
        self.relu = torch.nn.ReLU()
        self.opt = Adam(self.parameters(), lr=args.lr)
        self.threshold = args.threshold
        self.num_epochs = args.epochs

    def forward(self, x):
        x_direction = x / (x.norm(2, 1, keepdim=True) + 1e-4)
        return self.relu(torch.mm(x_direction, self.weight.T) + self.bias.unsqueeze(0))

    def train(self, x_pos, x_neg):
        for i in range(self.num_epochs):
            g_pos = self.forward(x_pos).pow(2).mean(1)
            g_neg = self.forward(x_neg).pow(2).mean(1)
            loss = torch.log1p(
                torch.exp(
                    torch.cat([-g_pos + self.threshold, g_neg - self.threshold])
                )
            ).mean()
            self.opt.zero_grad()
            loss.backward()
            self.opt.step()
            if i % args.log_interval == 0:
                print("Loss: ", loss.item())
        return self.forward(x_pos).detach(), self.forward(x_neg).detach()


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument(
        "--epochs",
        type=int,
        default=1000,
        metavar="N",
        help="number of epochs to train (default: 1000)",
    )
    parser.add_argument(
        "--lr",
        type=float,
        default=0.03,
        metavar="LR",
        help="learning rate (default: 0.03)",
    )
    parser.add_argument(
        "--no_accel", action="store_true", help="disables accelerator"
    )
    parser.add_argument(
        "--seed", type=int, default=1, metavar="S", help="random seed (default: 1)"
    )
    parser.add_argument(
        "--save_model",
        action="store_true",
        help="For saving the current Model",
    )
    parser.add_argument(
        "--train_size", type=int, default=50000, help="size of training set"
    )
    parser.add_argument(
        "--threshold", type=float, default=2, help="threshold for training"
    )
    parser.add_argument("--test_size", type=int, default=10000, help="size of test set")
    parser.add_argument(
        "--save-model",
        action="store_true",
        help="For Saving the current Model",
    )
    parser.add_argument(
        "--log-interval",
        type=int,
        default=10,
        metavar="N",
        help="how many batches to wait before logging training status",
    )
    args = parser.parse_args()
    use_accel = not args.no_accel and torch.accelerator.is_available()
    if use_accel:
        device = torch.accelerator.current_accelerator()
    else:
        device = torch.device("cpu")

    train_kwargs = {"batch_size": args.train_size}
    test_kwargs = {"batch_size": args.test_size}

    if use_accel:
        accel_kwargs = {"num_workers": 1, "pin_memory": True, "shuffle": True}
        train_kwargs.update(accel_kwargs)
        test_kwargs.update(accel_kwargs)

    transform = Compose(
        [
            ToTensor(),
            Normalize((0.1307,), (0.3081,)),
            Lambda(lambda x: torch.flatten(x)),
        ]
    )
    train_loader = DataLoader(
        MNIST("./data/", train=True, download=True, transform=transform), **train_kwargs
    )
    test_loader = DataLoader(
        MNIST("./data/", train=False, download=True, transform=transform), **test_kwargs
    )
    net = Net([784, 500, 500])
    x, y = next(iter(train_loader))
    x, y = x.to(device), y.to(device)
    x_pos = overlay_y_on_x(x, y)
    y_neg = get_y_neg(y)
    x_neg = overlay_y_on_x(x, y_neg)
    net.train(x_pos, x_neg)
    print("train error:", 1.0 - net.predict(x).eq(y).float().mean().item())
    x_te, y_te = next(iter(test_loader))
    x_te, y_te = x_te.to(device), y_te.to(device)
    if args.save_model:
        torch.save(net.state_dict(), "mnist_ff.pt")
    print("test error:", 1.0 - net.predict(x_te).eq(y_te).float().mean().item())
'''


if __name__ == "__main__":
    main()

r"""PyTorch's official VAE example, ``vae/main.py`` of pytorch/examples at 77f55b91
(77f55b912142e11fcfdf5b530231fb9c52f181e8, 2025-08-25; held verbatim below, checked against
its git blob id), run as its README runs it, on the CPU, for two epochs: ``python main.py
--epochs 2 --no-accel`` (the README's flag that forces the CPU); every other argument at its
default (``--batch-size 128``, ``--log-interval 10``, ``--seed 1``): the 784-400-20 VAE with
Adam (lr 1e-3), BCE + KL summed over the batch. torchvision is installed (the example's own
requirement), so its ``datasets.MNIST``, ``transforms.ToTensor`` and ``save_image`` run
unchanged: ``results/reconstruction_<epoch>.png`` and ``results/sample_<epoch>.png`` are
written (in ``vae/results/``, which the repository holds).
The one change is the data: MNIST (``datasets.MNIST('../data', download=True)``, a download)
is replaced by synthetic files in MNIST's own idx format, written where torchvision looks
for them (``../data/MNIST/raw/train-images-idx3-ubyte`` ...: the case lays out the
repository's ``vae/`` and ``data/`` folders in its cwd and runs ``main.py`` in ``vae/``), so
torchvision finds them and downloads nothing: 12800 train and 2000 test 28x28 uint8 images
(MNIST has 60000 and 10000), each its class's fixed random "strokes" in the centre 20x20
with a few dropped and a few stray pixels (``numpy.random.default_rng(0)``). ``main.py``
runs in-process (``runpy``, ``sys.argv`` as above), printing what ``python main.py``
prints. About 5 s of training; deterministic (seeded weights, shuffling and sampling, one
thread).

What it prints (stdout): ``Using device: cpu``; per epoch ten lines, every 10 batches of
100::

    Train Epoch: 1 [0/12800 (0%)]\tLoss: 551.111450
    Train Epoch: 1 [1280/12800 (10%)]\tLoss: 256.269043

then ``====> Epoch: 1 Average loss: 196.4054`` and ``====> Test set loss: 113.0815``.

Truth: the example keeps no record file (no logger, no history; the PNGs are images), so
its own values are the record, as in ``pytorch_word_lm``: three lines added to ``main.py``
(``RECORD_LINES``, marked ``# zoo:``; nothing else changed), each after the example has
computed the value and before its print, keep ``loss.item() / len(data)`` at each logged
batch, ``train_loss / len(train_loader.dataset)`` each epoch and ``test_loss`` after its
division by the test set's size, in a dict the case passes in (``runpy``'s
``init_globals``); nothing is parsed from stdout.
Judgement calls (docs/metrics.md):
- ``Train Epoch: 1 [0/12800 (0%)]\tLoss: ...``: PyTorch MNIST's form; docs: "PyTorch
  MNIST's ``Train Epoch: 1 [0/60000 (0%)]`` stays the loop's mode", so the name is ``Loss``
  as printed (no ``train_`` prefix), as in ``jittor_mnist``. Keyed ``epoch`` (1-based, as
  printed); the bracket counts samples within the epoch, restarting each epoch (a progress
  counter, ``[640/60000]``: no step, no metric), so ten values share each epoch (the
  counts are in ``notes``). The value is the batch's summed loss over its 128 images, a
  per-image loss, as printed. ``{:.6f}``: tolerance 5e-7.
- ``====> Epoch: 1 Average loss: 196.4054``: the epoch's report (``====>`` is decoration);
  ``Average loss`` is a phrase named as printed, its words joined (docs "Phrases", and "A
  name at its step keeps an average's word") -> ``Average_loss``, keyed ``epoch``; no phase
  word before it (a training value). ``{:.4f}``: tolerance 5e-5.
- ``====> Test set loss: 93.5618``: a phase word before the name prefixes it, ``set``
  dropped (docs: ``Training set accuracy 0.94`` -> ``training_accuracy``, ``Test set
  accuracy``) -> ``test_loss``, keyed ``epoch`` (the epoch the ``====> Epoch:`` line above
  it printed; ``test(epoch)`` is called with it). ``{:.4f}``: tolerance 5e-5.
- ``Using device: cpu`` and the bracket's counters and percentages are no metrics; the
  example prints no time. No metric file (``files`` empty).
"""
# zoo-venv: ptexcpu

import os
import runpy
import sys
from pathlib import Path

import numpy as np
import torch
from _truth import series, write_truth
from _verbatim import git_blob_id, with_lines, write_idx

SOURCE_REPO, SOURCE_COMMIT = "pytorch/examples", "77f55b912142e11fcfdf5b530231fb9c52f181e8"
BLOB = "63909658102e8f7e0ab7f2ee12d229841cc45e02"  # vae/main.py at SOURCE_COMMIT
ARGV = ["main.py", "--epochs", "2", "--no-accel"]
N_TRAIN, N_TEST = 12800, 2000  # MNIST's are 60000 and 10000
# the record: three lines added to main.py, each where the example has computed the value
# it prints, before its print (anchor -> the anchor and the line after it)
RECORD_LINES = {
    "        if batch_idx % args.log_interval == 0:\n":
        "            RECORD['Loss'].append((epoch, batch_idx * len(data),"
        " loss.item() / len(data)))  # zoo:\n",
    "                loss.item() / len(data)))\n\n":
        "    RECORD['Average_loss'].append((epoch,"
        " train_loss / len(train_loader.dataset)))  # zoo:\n",
    "    test_loss /= len(test_loader.dataset)\n":
        "    RECORD['test_loss'].append((epoch, test_loss))  # zoo:\n",
}



# pytorch/examples vae/main.py at SOURCE_COMMIT, verbatim (blob id above)
MAIN_PY = r'''from __future__ import print_function
import argparse
import torch
import torch.utils.data
from torch import nn, optim
from torch.nn import functional as F
from torchvision import datasets, transforms
from torchvision.utils import save_image


parser = argparse.ArgumentParser(description='VAE MNIST Example')
parser.add_argument('--batch-size', type=int, default=128, metavar='N',
                    help='input batch size for training (default: 128)')
parser.add_argument('--epochs', type=int, default=10, metavar='N',
                    help='number of epochs to train (default: 10)')
parser.add_argument('--no-accel', action='store_true', 
                    help='disables accelerator')
parser.add_argument('--seed', type=int, default=1, metavar='S',
                    help='random seed (default: 1)')
parser.add_argument('--log-interval', type=int, default=10, metavar='N',
                    help='how many batches to wait before logging training status')
args = parser.parse_args()

use_accel = not args.no_accel and torch.accelerator.is_available()

torch.manual_seed(args.seed)


if use_accel:
    device = torch.accelerator.current_accelerator()
else:
    device = torch.device("cpu")

print(f"Using device: {device}")

kwargs = {'num_workers': 1, 'pin_memory': True} if use_accel else {}
train_loader = torch.utils.data.DataLoader(
    datasets.MNIST('../data', train=True, download=True,
                   transform=transforms.ToTensor()),
    batch_size=args.batch_size, shuffle=True, **kwargs)
test_loader = torch.utils.data.DataLoader(
    datasets.MNIST('../data', train=False, transform=transforms.ToTensor()),
    batch_size=args.batch_size, shuffle=False, **kwargs)


class VAE(nn.Module):
    def __init__(self):
        super(VAE, self).__init__()

        self.fc1 = nn.Linear(784, 400)
        self.fc21 = nn.Linear(400, 20)
        self.fc22 = nn.Linear(400, 20)
        self.fc3 = nn.Linear(20, 400)
        self.fc4 = nn.Linear(400, 784)

    def encode(self, x):
        h1 = F.relu(self.fc1(x))
        return self.fc21(h1), self.fc22(h1)

    def reparameterize(self, mu, logvar):
        std = torch.exp(0.5*logvar)
        eps = torch.randn_like(std)
        return mu + eps*std

    def decode(self, z):
        h3 = F.relu(self.fc3(z))
        return torch.sigmoid(self.fc4(h3))

    def forward(self, x):
        mu, logvar = self.encode(x.view(-1, 784))
        z = self.reparameterize(mu, logvar)
        return self.decode(z), mu, logvar


model = VAE().to(device)
optimizer = optim.Adam(model.parameters(), lr=1e-3)


# Reconstruction + KL divergence losses summed over all elements and batch
def loss_function(recon_x, x, mu, logvar):
    BCE = F.binary_cross_entropy(recon_x, x.view(-1, 784), reduction='sum')

    # see Appendix B from VAE paper:
    # Kingma and Welling. Auto-Encoding Variational Bayes. ICLR, 2014
    # https://arxiv.org/abs/1312.6114
    # 0.5 * sum(1 + log(sigma^2) - mu^2 - sigma^2)
    KLD = -0.5 * torch.sum(1 + logvar - mu.pow(2) - logvar.exp())

    return BCE + KLD


def train(epoch):
    model.train()
    train_loss = 0
    for batch_idx, (data, _) in enumerate(train_loader):
        data = data.to(device)
        optimizer.zero_grad()
        recon_batch, mu, logvar = model(data)
        loss = loss_function(recon_batch, data, mu, logvar)
        loss.backward()
        train_loss += loss.item()
        optimizer.step()
        if batch_idx % args.log_interval == 0:
            print('Train Epoch: {} [{}/{} ({:.0f}%)]\tLoss: {:.6f}'.format(
                epoch, batch_idx * len(data), len(train_loader.dataset),
                100. * batch_idx / len(train_loader),
                loss.item() / len(data)))

    print('====> Epoch: {} Average loss: {:.4f}'.format(
          epoch, train_loss / len(train_loader.dataset)))


def test(epoch):
    model.eval()
    test_loss = 0
    with torch.no_grad():
        for i, (data, _) in enumerate(test_loader):
            data = data.to(device)
            recon_batch, mu, logvar = model(data)
            test_loss += loss_function(recon_batch, data, mu, logvar).item()
            if i == 0:
                n = min(data.size(0), 8)
                comparison = torch.cat([data[:n],
                                      recon_batch.view(args.batch_size, 1, 28, 28)[:n]])
                save_image(comparison.cpu(),
                         'results/reconstruction_' + str(epoch) + '.png', nrow=n)

    test_loss /= len(test_loader.dataset)
    print('====> Test set loss: {:.4f}'.format(test_loss))

if __name__ == "__main__":
    for epoch in range(1, args.epochs + 1):
        train(epoch)
        test(epoch)
        with torch.no_grad():
            sample = torch.randn(64, 20).to(device)
            sample = model.decode(sample).cpu()
            save_image(sample.view(64, 1, 28, 28),
                       'results/sample_' + str(epoch) + '.png')
'''  # noqa: W291


# --- MNIST's four files, synthetic, where torchvision's MNIST('../data') looks for them ---

rng = np.random.default_rng(0)
centre = np.zeros((28, 28), dtype=bool)
centre[4:24, 4:24] = True  # MNIST's digits sit in the centre 20x20 of a black 28x28 image
patterns = (rng.random((10, 28, 28)) < 0.2) & centre  # a class's "strokes"


def synthetic_mnist(count: int) -> tuple[np.ndarray, np.ndarray]:
    labels = rng.integers(0, 10, count).astype(np.uint8)
    strokes = patterns[labels] & (rng.random((count, 28, 28)) > 0.1)  # a few dropped
    specks = centre & (rng.random((count, 28, 28)) < 0.02)  # and a few stray pixels
    ink = rng.uniform(160, 255, (count, 28, 28))
    return ((strokes | specks) * ink).astype(np.uint8), labels



raw = Path("data/MNIST/raw")
raw.mkdir(parents=True)
for prefix, count in (("train", N_TRAIN), ("t10k", N_TEST)):
    images, labels = synthetic_mnist(count)
    write_idx(raw / f"{prefix}-images-idx3-ubyte", images)
    write_idx(raw / f"{prefix}-labels-idx1-ubyte", labels)

# the repository's layout: vae/main.py beside vae/results/, the data in ../data
if git_blob_id(MAIN_PY) != BLOB:
    sys.exit(f"main.py is not vae/main.py as stored at {SOURCE_COMMIT}")
Path("vae/results").mkdir(parents=True)
Path("vae/main.py").write_text(with_lines(MAIN_PY, RECORD_LINES), encoding="utf-8")

RECORD: dict[str, list[tuple]] = {"Loss": [], "Average_loss": [], "test_loss": []}
sys.argv = ARGV
os.chdir("vae")  # `cd vae; python main.py --epochs 2 --no-accel`
runpy.run_path("main.py", init_globals={"RECORD": RECORD}, run_name="__main__")
os.chdir("..")

# --- the truth: the example's own values, as its loop computed them ---

batches, averages, tests = RECORD["Loss"], RECORD["Average_loss"], RECORD["test_loss"]
epochs = int(ARGV[2])
assert len(averages) == len(tests) == epochs and batches, RECORD
images_written = sorted(os.listdir("vae/results"))
assert len(images_written) == 2 * epochs, images_written
write_truth(
    "pytorch", torch.__version__,
    f"{SOURCE_REPO} vae/main.py at {SOURCE_COMMIT[:8]}: the values its loop computes and "
    "prints (it keeps no record file), kept by three lines added beside the prints: "
    "loss.item() / len(data) at each log interval, train_loss / len(train_loader.dataset) "
    "each epoch, test_loss after its division each epoch",
    {
        "Loss": series([(epoch, loss) for epoch, _, loss in batches], "epoch",
                       tolerance=5e-7),
        "Average_loss": series(averages, "epoch", tolerance=5e-5),
        "test_loss": series(tests, "epoch", tolerance=5e-5),
    },
    notes=f"synthetic MNIST: {N_TRAIN} train and {N_TEST} test images; Train Epoch lines at "
          f"(epoch, samples) {[(epoch, seen) for epoch, seen, _ in batches]}; results/ "
          f"written: {', '.join(images_written)}")

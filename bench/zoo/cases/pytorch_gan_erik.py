"""Erik Linder-Norén's PyTorch-GAN (eriklindernoren/PyTorch-GAN, no pip package, no release:
repository commit 36d3c77e5ff20ebe0aeefd322326a134a279b93e, 2021-01-06, its last; the file
last changed by c5d6be17, 2019-03-28, "MNIST normalization. Black refactoring."), its
original GAN, ``implementations/gan/gan.py``, held verbatim below as ``GAN_PY`` and checked
against its git blob id d6f1d935e9273d3c692a1ad33082d54c69ec8507, run on torch 2.14.1 and
torchvision 0.29.1 (PyPI's CUDA builds; ``torch.cuda.is_available()`` is False here, so it
runs on the CPU) as its README runs it (``cd implementations/gan/ && python3 gan.py``),
shorter: ``python3 gan.py --n_epochs 2 --batch_size 64`` (``--batch_size 64`` is its
default; every other option at its default: Adam ``--lr 0.0002``, ``--b1 0.5``, ``--b2
0.999``, ``--latent_dim 100``, ``--img_size 28``, ``--channels 1``, ``--sample_interval
400``; ``--n_cpu`` is parsed and never used). The generator is an MLP 100 -> 128 -> 256 ->
512 -> 1024 -> 784 with BatchNorm1d and Tanh, the discriminator 784 -> 512 -> 256 -> 1 with
a Sigmoid; ``BCELoss`` for both; each batch trains the generator, then the discriminator.
Layout as in the repository: the script at ``implementations/gan/gan.py`` under the run's
cwd, run in-process from ``implementations/gan/`` (``runpy`` as ``__main__``, ``sys.argv``
as above), so its ``../../data/mnist`` is the cwd's ``data/mnist`` and its ``images/`` (one
``0.png``: ``batches_done % 400 == 0`` only at batch 0) is ``implementations/gan/images/``.

Data: ``datasets.MNIST("../../data/mnist", train=True, download=True, ...)``; torchvision's
``MNIST.download()`` returns at once when ``_check_exists()`` finds the four raw files of
``MNIST.resources`` (``train-images-idx3-ubyte``, ``train-labels-idx1-ubyte``,
``t10k-images-idx3-ubyte``, ``t10k-labels-idx1-ubyte``, uncompressed, as the download
leaves them) under ``<root>/MNIST/raw/``: it checks only that they exist (no md5; the
legacy ``<root>/MNIST/processed/`` of old torchvision is read only where it exists, and the
case writes none), then ``_load_data`` reads the training pair with ``read_image_file`` and
``read_label_file`` (IDX magic, dims, uint8). The
case writes the four there in MNIST's IDX format: 1000 training and 100 test images, 28x28
uint8, labels 0..9, each image one of ten fixed random stroke patterns shifted by up to two
pixels, with noise (numpy ``default_rng(0)``), so nothing is downloaded and the script runs
unchanged. 1000 images in batches of 64 (shuffled): 15 of 64 and one of 40, so
``len(dataloader)`` is 16. gan.py seeds nothing (its noise is ``np.random.normal``, its
shuffling and initialisation torch's): the case seeds ``random``, numpy and torch before it
runs, so the run repeats on the CPU, pipe and pty alike; nothing printed is a time. About
5 s of training on one thread.

What it prints (stdout): ``print(opt)``'s ``Namespace(n_epochs=2, batch_size=64,
lr=0.0002, b1=0.5, b2=0.999, n_cpu=8, latent_dim=100, img_size=28, channels=1,
sample_interval=400)``, then one line a batch, 32 in all::

    [Epoch 0/2] [Batch 0/16] [D loss: 0.701298] [G loss: 0.676120]
    [Epoch 0/2] [Batch 1/16] [D loss: 0.617131] [G loss: 0.673438]
    ...
    [Epoch 1/2] [Batch 15/16] [D loss: 0.501150] [G loss: 0.574137]

(``"[Epoch %d/%d] [Batch %d/%d] [D loss: %f] [G loss: %f]"``: the 0-based epoch of
``--n_epochs``, the 0-based batch ``i`` of ``len(dataloader)``, ``d_loss.item()`` and
``g_loss.item()`` at six decimals.)

Truth: gan.py keeps no record (no logger, no history, no checkpoint; only the sample
images), so the values its loop computes are the record, as in ``pytorch_mnist_example``:
one line added to the stock text (``RECORD_LINES``, marked ``# zoo:``; no line changed),
right after ``batches_done = epoch * len(dataloader) + i`` (which follows the print), keeps
``(epoch, i, batches_done, d_loss.item(), g_loss.item())`` in a list the case passes in
(``runpy``'s ``init_globals``); nothing is parsed from stdout. Judgement calls
(docs/metrics.md):
- Names: the script keeps no keys, so each is named as its printed words by the docs' rule:
  ``D loss`` -> ``D_loss``, ``G loss`` -> ``G_loss`` (the network letter is part of the
  name, as Keras-GAN's ``[D loss: 0.5, ...]`` and docs' ``D Loss: 1.33 G Loss: 0.71``: a
  capital naming the next value, no multiplier).
- Values: ``d_loss.item()`` (the mean of the real and the fake BCE of the batch) and
  ``g_loss.item()`` (the generator's BCE against "valid") of each printed batch, not running
  means; 32 points each, tolerance 5e-7 (``%f``, six decimals).
- Axis ``step``: the script's own batch counter ``batches_done`` (``epoch *
  len(dataloader) + i``, 0..31), which it computes right after the print (and names the
  sample images by); the printed ``[Batch i/16]`` starts again each epoch. The epoch and
  batch of each point are in ``notes``. ``[Epoch 0/2]`` and ``[Batch 0/16]`` are counters,
  no metrics; the ``Namespace(...)`` line is the options, no metrics.
- Nothing is timed and ``lr`` is only in the options: ``also_ok`` is empty.
"""
# zoo-venv: ptganerik

import os
import random
import runpy
import sys
from pathlib import Path

import numpy as np
import torch
import torchvision
from _truth import series, write_truth
from _verbatim import git_blob_id, with_lines
from _verbatim import write_mnist as synthetic_mnist

SOURCE_REPO = "eriklindernoren/PyTorch-GAN"
SOURCE_COMMIT = "36d3c77e5ff20ebe0aeefd322326a134a279b93e"
BLOB = "d6f1d935e9273d3c692a1ad33082d54c69ec8507"  # implementations/gan/gan.py at SOURCE_COMMIT
ARGV = ["gan.py", "--n_epochs", "2", "--batch_size", "64"]
N_TRAIN, N_TEST = 1000, 100  # 16 training batches of 64 (the last 40)
# the record: one line added to gan.py after the batch counter it computes right after its
# print (anchor -> the anchor and the line after it); no line of the stock text changed
RECORD_LINES = {
    "        batches_done = epoch * len(dataloader) + i\n":
        "        ZOO_RECORD.append((epoch, i, batches_done, d_loss.item(), g_loss.item()))"
        "  # zoo: the record\n",
}


def write_mnist(raw: Path) -> None:
    """``_verbatim.write_mnist``'s synthetic MNIST, this case's sizes."""
    synthetic_mnist(raw, N_TRAIN, N_TEST)


# eriklindernoren/PyTorch-GAN implementations/gan/gan.py at SOURCE_COMMIT, verbatim (blob id
# above)
GAN_PY = r'''import argparse
import os
import numpy as np
import math

import torchvision.transforms as transforms
from torchvision.utils import save_image

from torch.utils.data import DataLoader
from torchvision import datasets
from torch.autograd import Variable

import torch.nn as nn
import torch.nn.functional as F
import torch

os.makedirs("images", exist_ok=True)

parser = argparse.ArgumentParser()
parser.add_argument("--n_epochs", type=int, default=200, help="number of epochs of training")
parser.add_argument("--batch_size", type=int, default=64, help="size of the batches")
parser.add_argument("--lr", type=float, default=0.0002, help="adam: learning rate")
parser.add_argument("--b1", type=float, default=0.5, help="adam: decay of first order momentum of gradient")
parser.add_argument("--b2", type=float, default=0.999, help="adam: decay of first order momentum of gradient")
parser.add_argument("--n_cpu", type=int, default=8, help="number of cpu threads to use during batch generation")
parser.add_argument("--latent_dim", type=int, default=100, help="dimensionality of the latent space")
parser.add_argument("--img_size", type=int, default=28, help="size of each image dimension")
parser.add_argument("--channels", type=int, default=1, help="number of image channels")
parser.add_argument("--sample_interval", type=int, default=400, help="interval betwen image samples")
opt = parser.parse_args()
print(opt)

img_shape = (opt.channels, opt.img_size, opt.img_size)

cuda = True if torch.cuda.is_available() else False


class Generator(nn.Module):
    def __init__(self):
        super(Generator, self).__init__()

        def block(in_feat, out_feat, normalize=True):
            layers = [nn.Linear(in_feat, out_feat)]
            if normalize:
                layers.append(nn.BatchNorm1d(out_feat, 0.8))
            layers.append(nn.LeakyReLU(0.2, inplace=True))
            return layers

        self.model = nn.Sequential(
            *block(opt.latent_dim, 128, normalize=False),
            *block(128, 256),
            *block(256, 512),
            *block(512, 1024),
            nn.Linear(1024, int(np.prod(img_shape))),
            nn.Tanh()
        )

    def forward(self, z):
        img = self.model(z)
        img = img.view(img.size(0), *img_shape)
        return img


class Discriminator(nn.Module):
    def __init__(self):
        super(Discriminator, self).__init__()

        self.model = nn.Sequential(
            nn.Linear(int(np.prod(img_shape)), 512),
            nn.LeakyReLU(0.2, inplace=True),
            nn.Linear(512, 256),
            nn.LeakyReLU(0.2, inplace=True),
            nn.Linear(256, 1),
            nn.Sigmoid(),
        )

    def forward(self, img):
        img_flat = img.view(img.size(0), -1)
        validity = self.model(img_flat)

        return validity


# Loss function
adversarial_loss = torch.nn.BCELoss()

# Initialize generator and discriminator
generator = Generator()
discriminator = Discriminator()

if cuda:
    generator.cuda()
    discriminator.cuda()
    adversarial_loss.cuda()

# Configure data loader
os.makedirs("../../data/mnist", exist_ok=True)
dataloader = torch.utils.data.DataLoader(
    datasets.MNIST(
        "../../data/mnist",
        train=True,
        download=True,
        transform=transforms.Compose(
            [transforms.Resize(opt.img_size), transforms.ToTensor(), transforms.Normalize([0.5], [0.5])]
        ),
    ),
    batch_size=opt.batch_size,
    shuffle=True,
)

# Optimizers
optimizer_G = torch.optim.Adam(generator.parameters(), lr=opt.lr, betas=(opt.b1, opt.b2))
optimizer_D = torch.optim.Adam(discriminator.parameters(), lr=opt.lr, betas=(opt.b1, opt.b2))

Tensor = torch.cuda.FloatTensor if cuda else torch.FloatTensor

# ----------
#  Training
# ----------

for epoch in range(opt.n_epochs):
    for i, (imgs, _) in enumerate(dataloader):

        # Adversarial ground truths
        valid = Variable(Tensor(imgs.size(0), 1).fill_(1.0), requires_grad=False)
        fake = Variable(Tensor(imgs.size(0), 1).fill_(0.0), requires_grad=False)

        # Configure input
        real_imgs = Variable(imgs.type(Tensor))

        # -----------------
        #  Train Generator
        # -----------------

        optimizer_G.zero_grad()

        # Sample noise as generator input
        z = Variable(Tensor(np.random.normal(0, 1, (imgs.shape[0], opt.latent_dim))))

        # Generate a batch of images
        gen_imgs = generator(z)

        # Loss measures generator's ability to fool the discriminator
        g_loss = adversarial_loss(discriminator(gen_imgs), valid)

        g_loss.backward()
        optimizer_G.step()

        # ---------------------
        #  Train Discriminator
        # ---------------------

        optimizer_D.zero_grad()

        # Measure discriminator's ability to classify real from generated samples
        real_loss = adversarial_loss(discriminator(real_imgs), valid)
        fake_loss = adversarial_loss(discriminator(gen_imgs.detach()), fake)
        d_loss = (real_loss + fake_loss) / 2

        d_loss.backward()
        optimizer_D.step()

        print(
            "[Epoch %d/%d] [Batch %d/%d] [D loss: %f] [G loss: %f]"
            % (epoch, opt.n_epochs, i, len(dataloader), d_loss.item(), g_loss.item())
        )

        batches_done = epoch * len(dataloader) + i
        if batches_done % opt.sample_interval == 0:
            save_image(gen_imgs.data[:25], "images/%d.png" % batches_done, nrow=5, normalize=True)
'''  # noqa: E501


def main() -> None:
    if git_blob_id(GAN_PY) != BLOB:
        sys.exit(f"gan.py is not implementations/gan/gan.py at {SOURCE_COMMIT}")
    run_dir = Path.cwd()
    write_mnist(run_dir / "data" / "mnist" / "MNIST" / "raw")
    gan_dir = run_dir / "implementations" / "gan"
    gan_dir.mkdir(parents=True)
    (gan_dir / "gan.py").write_text(with_lines(GAN_PY, RECORD_LINES), encoding="utf-8")

    random.seed(0)  # gan.py seeds nothing: the case does, for a run that repeats
    np.random.seed(0)
    torch.manual_seed(0)
    record: list[tuple[int, int, int, float, float]] = []
    sys.argv = ARGV
    os.chdir(gan_dir)  # the repository's layout: ../../data/mnist is the cwd's data/mnist
    runpy.run_path("gan.py", init_globals={"ZOO_RECORD": record}, run_name="__main__")
    os.chdir(run_dir)

    # --- the truth: the values gan.py's loop computed and printed, batch by batch ---
    assert len(record) == 2 * 16, record
    write_truth(
        "PyTorch-GAN", f"{SOURCE_COMMIT[:8]} (torch {torch.__version__}, torchvision "
        f"{torchvision.__version__})",
        f"{SOURCE_REPO} implementations/gan/gan.py at {SOURCE_COMMIT[:8]}: d_loss.item() and "
        "g_loss.item() of each batch with its batches_done, kept by one line added after the "
        "script computes batches_done (it keeps no record file)",
        {"D_loss": series([(done, d_loss) for _, _, done, d_loss, _ in record], "step",
                          tolerance=5e-7),
         "G_loss": series([(done, g_loss) for _, _, done, _, g_loss in record], "step",
                          tolerance=5e-7)},
        notes=f"synthetic MNIST-shaped data: {N_TRAIN} training images (16 batches of 64, the "
              f"last 40); step = batches_done = epoch * 16 + i; (epoch, i) of each point: "
              f"{[(epoch, i) for epoch, i, _, _, _ in record]}")


if __name__ == "__main__":
    main()

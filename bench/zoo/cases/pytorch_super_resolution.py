r"""PyTorch's official super-resolution example, ``super_resolution/`` of pytorch/examples at
77f55b91 (77f55b912142e11fcfdf5b530231fb9c52f181e8, 2025-08-25, master's head as stored;
the folder's last change is 6f616144, 2025-06-23, "Add accelerate API support for Super
Resolution example"): ``main.py``, ``model.py``, ``data.py`` and ``dataset.py`` held
verbatim below, each checked against its git blob id, written into the cwd in the
repository's layout and run in-process (``runpy``, as ``__main__``, the cwd first on
``sys.path`` as ``python main.py`` has it), on torch 2.14.1 with torchvision 0.29.1 (PyPI's
CUDA builds, run on the CPU) and pillow 13.0.0, as its README's training command runs it with
a smaller test batch and fewer epochs::

    python main.py --upscale_factor 3 --batchSize 4 --testBatchSize 10 --nEpochs 3 --lr 0.001

The README adds ``--accel``; main.py has no ``--cpu`` flag: without ``--accel`` it runs on
``torch.device("cpu")``. Other arguments at their defaults (``--threads 4`` DataLoader
workers, ``--seed 123``): the ESPCN sub-pixel network (conv 5x5/64, 3x3/64, 3x3/32, 3x3/9,
``PixelShuffle(3)``, orthogonal init), MSE loss, Adam; each epoch ``train(epoch)``,
``test()`` (mean PSNR over the test batches, ``10 * log10(1 / mse)``) and
``checkpoint(epoch)`` (``torch.save(model, "model_epoch_N.pth")``, in the cwd).
Data: ``data.py``'s ``download_bsd300(dest="dataset")`` downloads and unpacks BSDS300 only
when ``dataset/BSDS300/images`` does not exist; the case writes that folder first, so
nothing is downloaded: ``train/`` (24 images; BSDS300 has 200) and ``test/`` (20; it has 100),
481x321 or 321x481 RGB JPEGs (BSDS300's sizes) named by numbers, each a coarse random field
scaled up bicubically with a few flat rectangles and a little noise (``numpy.random.
default_rng(0)``). ``dataset.py`` keeps their Y channel; ``data.py`` centre-crops 255 pixels
(256 less 256 % 3) and shrinks the input to 85. Train batches of 4 (6 iterations an epoch),
test batches of 10 (2). About 10 s of CPU, 20-40 s of wall time here (the DataLoader's four
worker processes are forked twice an epoch); deterministic (main.py seeds torch: weights and
shuffling; the transforms draw nothing), so the pipe and pty runs record the same values.

What it prints (stdout): ``print(opt)``, ``Namespace(upscale_factor=3, batchSize=4,
testBatchSize=10, nEpochs=3, lr=0.001, accel=False, threads=4, seed=123)``; ``===> Loading
datasets``, ``===> Building model``; then per epoch::

    ===> Epoch[1](1/6): Loss: 0.4707
    ...
    ===> Epoch[1](6/6): Loss: 0.0485
    ===> Epoch 1 Complete: Avg. Loss: 0.1402
    ===> Avg. PSNR: 14.3442 dB
    Checkpoint saved to model_epoch_1.pth

On stderr torch warns twice that 4 workers exceed this machine's 2 cores (``UserWarning:
This DataLoader will create 4 worker processes in total. Our suggested max number of worker
in current system is 2, ...`` and the ``self.check_worker_number_rationality()`` line under
it): from ``dataloader.py:431`` when the first DataLoader is built and from ``:437`` when
the first iterator starts (Python shows a warning once a location). Under the pty the first
comes after ``===> Loading datasets``, the second after ``===> Building model``; under the
pipe (stdout block-buffered, flushed as the workers are forked) both after ``===> Building
model``.

Truth: the example keeps no record (no logger, no history; the checkpoints pickle the
model alone), so its own values are the record, as in ``pytorch_vae_example``: three lines
added to ``main.py`` (``RECORD_LINES``, marked ``# zoo:``; no line of the stock text
changed), each right after the print of what it keeps: ``loss.item()`` each iteration,
``epoch_loss / len(training_data_loader)`` each epoch and ``avg_psnr /
len(testing_data_loader)`` after each ``test()``, in a dict the case passes in (``runpy``'s
``init_globals``), at full precision; nothing is parsed from stdout.
Judgement calls (docs/metrics.md):
- ``===> Epoch[1](1/6): Loss: 0.4707``: ``Loss`` as printed (no phase word; ``===>`` is
  decoration), one value an iteration, keyed ``epoch`` (1-based, as printed) as
  ``pytorch_vae_example`` keys its ``Train Epoch:`` lines; the ``(1/6)`` is the iteration
  within the epoch, restarting each epoch (in ``notes``; the score checks values and count,
  not the axis). 18 values. ``{:.4f}``: tolerance 5e-5.
- ``===> Epoch 1 Complete: Avg. Loss: 0.1402``: the epoch's mean of those losses; the
  statistic's word is part of the name as printed, ``Avg. Loss`` -> ``Avg_Loss`` (docs:
  ``avg.`` is a statistic's word, no sentence's end, NumPyro's ``avg. loss`` ->
  ``avg_loss``; exptrack names this script's own ``Avg. PSNR`` ``Avg_PSNR``; and an epoch
  average kept apart from the iterations' values, as ``pytorch_vae_example``'s
  ``Average_loss`` beside its ``Loss``). ``Complete`` is no phase word and no metric. Keyed
  ``epoch``. 3 values, ``{:.4f}``: tolerance 5e-5.
- ``===> Avg. PSNR: 14.3442 dB``: ``Avg_PSNR`` (no phase word on the line: ``test()`` is
  the phase only by the function's name, so no ``test_`` prefix), in decibels as printed,
  keyed ``epoch`` (the loop's ``epoch``: ``test()`` runs after ``train(epoch)``). 3 values,
  ``{:.4f}``: tolerance 5e-5.
- Not metrics: the ``Namespace(...)`` line (configuration: ``lr=0.001``, ``seed=123``),
  ``Checkpoint saved to model_epoch_1.pth``, the warning's worker counts. The example prints
  no time or throughput (``also_ok`` empty) and writes no metric file (``files`` empty).
"""
# zoo-venv: superres

import os
import runpy
import sys
from pathlib import Path

import numpy as np
import torch
from _truth import series, write_truth
from _verbatim import git_blob_id, with_lines
from PIL import Image

SOURCE_REPO, SOURCE_COMMIT = "pytorch/examples", "77f55b912142e11fcfdf5b530231fb9c52f181e8"
ARGV = ["main.py", "--upscale_factor", "3", "--batchSize", "4", "--testBatchSize", "10",
        "--nEpochs", "3", "--lr", "0.001"]
N_TRAIN, N_TEST = 24, 20  # BSDS300 has 200 and 100
# the record: three lines added to main.py, each right after the print of what it keeps
# (anchor -> the anchor and the line after it); no line of the stock text changed
RECORD_LINES = {
    '        print("===> Epoch[{}]({}/{}): Loss: {:.4f}".format(epoch, iteration,'
    ' len(training_data_loader), loss.item()))\n':
        "        ZOO_RECORD['Loss'].append((epoch, iteration, loss.item()))  # zoo:\n",
    '    print("===> Epoch {} Complete: Avg. Loss: {:.4f}".format(epoch,'
    ' epoch_loss / len(training_data_loader)))\n':
        "    ZOO_RECORD['Avg_Loss'].append((epoch,"
        " epoch_loss / len(training_data_loader)))  # zoo:\n",
    '    print("===> Avg. PSNR: {:.4f} dB".format(avg_psnr / len(testing_data_loader)))\n':
        "    ZOO_RECORD['Avg_PSNR'].append((epoch,"
        " avg_psnr / len(testing_data_loader)))  # zoo: epoch, the loop's\n",
}

# pytorch/examples super_resolution/main.py at SOURCE_COMMIT, verbatim (blob id in FILES)
MAIN_PY = r'''from __future__ import print_function
import argparse
from math import log10

import torch
import torch.nn as nn
import torch.optim as optim
from torch.utils.data import DataLoader
from model import Net
from data import get_training_set, get_test_set

# Training settings
parser = argparse.ArgumentParser(description='PyTorch Super Res Example')
parser.add_argument('--upscale_factor', type=int, required=True, help="super resolution upscale factor")
parser.add_argument('--batchSize', type=int, default=64, help='training batch size')
parser.add_argument('--testBatchSize', type=int, default=10, help='testing batch size')
parser.add_argument('--nEpochs', type=int, default=2, help='number of epochs to train for')
parser.add_argument('--lr', type=float, default=0.01, help='Learning Rate. Default=0.01')
parser.add_argument('--accel', action='store_true', help='Enables acceleration for training, if available')
parser.add_argument('--threads', type=int, default=4, help='number of threads for data loader to use')
parser.add_argument('--seed', type=int, default=123, help='random seed to use. Default=123')
opt = parser.parse_args()

print(opt)

torch.manual_seed(opt.seed)


if opt.accel and torch.accelerator.is_available():
    device = torch.accelerator.current_accelerator()
else:
    device = torch.device("cpu")

print('===> Loading datasets')
train_set = get_training_set(opt.upscale_factor)
test_set = get_test_set(opt.upscale_factor)
training_data_loader = DataLoader(dataset=train_set, num_workers=opt.threads, batch_size=opt.batchSize, shuffle=True)
testing_data_loader = DataLoader(dataset=test_set, num_workers=opt.threads, batch_size=opt.testBatchSize, shuffle=False)

print('===> Building model')
model = Net(upscale_factor=opt.upscale_factor).to(device)
criterion = nn.MSELoss()

optimizer = optim.Adam(model.parameters(), lr=opt.lr)


def train(epoch):
    epoch_loss = 0
    for iteration, batch in enumerate(training_data_loader, 1):
        input, target = batch[0].to(device), batch[1].to(device)

        optimizer.zero_grad()
        loss = criterion(model(input), target)
        epoch_loss += loss.item()
        loss.backward()
        optimizer.step()

        print("===> Epoch[{}]({}/{}): Loss: {:.4f}".format(epoch, iteration, len(training_data_loader), loss.item()))

    print("===> Epoch {} Complete: Avg. Loss: {:.4f}".format(epoch, epoch_loss / len(training_data_loader)))


def test():
    avg_psnr = 0
    with torch.no_grad():
        for batch in testing_data_loader:
            input, target = batch[0].to(device), batch[1].to(device)

            prediction = model(input)
            mse = criterion(prediction, target)
            psnr = 10 * log10(1 / mse.item())
            avg_psnr += psnr
    print("===> Avg. PSNR: {:.4f} dB".format(avg_psnr / len(testing_data_loader)))


def checkpoint(epoch):
    model_out_path = "model_epoch_{}.pth".format(epoch)
    torch.save(model, model_out_path)
    print("Checkpoint saved to {}".format(model_out_path))

for epoch in range(1, opt.nEpochs + 1):
    train(epoch)
    test()
    checkpoint(epoch)
'''  # noqa: E501

# pytorch/examples super_resolution/model.py at SOURCE_COMMIT, verbatim (blob id in FILES)
MODEL_PY = r'''import torch
import torch.nn as nn
import torch.nn.init as init


class Net(nn.Module):
    def __init__(self, upscale_factor):
        super(Net, self).__init__()

        self.relu = nn.ReLU()
        self.conv1 = nn.Conv2d(1, 64, (5, 5), (1, 1), (2, 2))
        self.conv2 = nn.Conv2d(64, 64, (3, 3), (1, 1), (1, 1))
        self.conv3 = nn.Conv2d(64, 32, (3, 3), (1, 1), (1, 1))
        self.conv4 = nn.Conv2d(32, upscale_factor ** 2, (3, 3), (1, 1), (1, 1))
        self.pixel_shuffle = nn.PixelShuffle(upscale_factor)

        self._initialize_weights()

    def forward(self, x):
        x = self.relu(self.conv1(x))
        x = self.relu(self.conv2(x))
        x = self.relu(self.conv3(x))
        x = self.pixel_shuffle(self.conv4(x))
        return x

    def _initialize_weights(self):
        init.orthogonal_(self.conv1.weight, init.calculate_gain('relu'))
        init.orthogonal_(self.conv2.weight, init.calculate_gain('relu'))
        init.orthogonal_(self.conv3.weight, init.calculate_gain('relu'))
        init.orthogonal_(self.conv4.weight)
'''

# pytorch/examples super_resolution/data.py at SOURCE_COMMIT, verbatim (blob id in FILES)
DATA_PY = r'''from os.path import exists, join, basename
from os import makedirs, remove
from six.moves import urllib
import tarfile
from torchvision.transforms import Compose, CenterCrop, ToTensor, Resize

from dataset import DatasetFromFolder


def download_bsd300(dest="dataset"):
    output_image_dir = join(dest, "BSDS300/images")

    if not exists(output_image_dir):
        makedirs(dest)
        url = "http://www2.eecs.berkeley.edu/Research/Projects/CS/vision/bsds/BSDS300-images.tgz"
        print("downloading url ", url)

        data = urllib.request.urlopen(url)

        file_path = join(dest, basename(url))
        with open(file_path, 'wb') as f:
            f.write(data.read())

        print("Extracting data")
        with tarfile.open(file_path) as tar:
            for item in tar:
                tar.extract(item, dest)

        remove(file_path)

    return output_image_dir


def calculate_valid_crop_size(crop_size, upscale_factor):
    return crop_size - (crop_size % upscale_factor)


def input_transform(crop_size, upscale_factor):
    return Compose([
        CenterCrop(crop_size),
        Resize(crop_size // upscale_factor),
        ToTensor(),
    ])


def target_transform(crop_size):
    return Compose([
        CenterCrop(crop_size),
        ToTensor(),
    ])


def get_training_set(upscale_factor):
    root_dir = download_bsd300()
    train_dir = join(root_dir, "train")
    crop_size = calculate_valid_crop_size(256, upscale_factor)

    return DatasetFromFolder(train_dir,
                             input_transform=input_transform(crop_size, upscale_factor),
                             target_transform=target_transform(crop_size))


def get_test_set(upscale_factor):
    root_dir = download_bsd300()
    test_dir = join(root_dir, "test")
    crop_size = calculate_valid_crop_size(256, upscale_factor)

    return DatasetFromFolder(test_dir,
                             input_transform=input_transform(crop_size, upscale_factor),
                             target_transform=target_transform(crop_size))
'''

# pytorch/examples super_resolution/dataset.py at SOURCE_COMMIT, verbatim (blob id in FILES)
DATASET_PY = r'''import torch.utils.data as data

from os import listdir
from os.path import join
from PIL import Image


def is_image_file(filename):
    return any(filename.endswith(extension) for extension in [".png", ".jpg", ".jpeg"])


def load_img(filepath):
    img = Image.open(filepath).convert('YCbCr')
    y, _, _ = img.split()
    return y


class DatasetFromFolder(data.Dataset):
    def __init__(self, image_dir, input_transform=None, target_transform=None):
        super(DatasetFromFolder, self).__init__()
        self.image_filenames = [join(image_dir, x) for x in listdir(image_dir) if is_image_file(x)]

        self.input_transform = input_transform
        self.target_transform = target_transform

    def __getitem__(self, index):
        input = load_img(self.image_filenames[index])
        target = input.copy()
        if self.input_transform:
            input = self.input_transform(input)
        if self.target_transform:
            target = self.target_transform(target)

        return input, target

    def __len__(self):
        return len(self.image_filenames)
'''

FILES = {  # path in the repository's super_resolution/ -> (text, git blob id at the commit)
    "main.py": (MAIN_PY, "1112f52d173fa7fbf0b6404ac83d9add933d87e7"),
    "model.py": (MODEL_PY, "f7aab498a62b3419de494f61204303f0ebb03fb0"),
    "data.py": (DATA_PY, "54cca7fa614d29a6e30070184016c505c6129129"),
    "dataset.py": (DATASET_PY, "324f34ae6c34b76e16083bea05bf71e2af809779"),
}


# --- BSDS300, synthetic, where data.py's download_bsd300() looks first ---

rng = np.random.default_rng(0)


def synthetic_photo(width: int, height: int) -> Image.Image:
    """A smooth "scene": a coarse random field scaled up bicubically, per channel, with a
    few sharp-edged rectangles (edges for the network to restore)."""
    coarse = rng.uniform(0, 255, (height // 40 + 2, width // 40 + 2, 3)).astype(np.uint8)
    image = np.asarray(Image.fromarray(coarse).resize((width, height), Image.BICUBIC),
                       dtype=np.float64)
    for _ in range(6):
        x0, y0 = int(rng.integers(0, width - 40)), int(rng.integers(0, height - 40))
        w, h = int(rng.integers(20, 120)), int(rng.integers(20, 120))
        image[y0:y0 + h, x0:x0 + w] = rng.uniform(0, 255, 3)
    image += rng.normal(0, 4, image.shape)  # sensor noise
    return Image.fromarray(np.clip(image, 0, 255).astype(np.uint8))


images = Path("dataset/BSDS300/images")  # download_bsd300(dest="dataset")'s output_image_dir
for split, count, first_id in (("train", N_TRAIN, 2092), ("test", N_TEST, 3096)):
    (images / split).mkdir(parents=True)
    for index in range(count):
        # BSDS300's photos are 481x321, landscape or portrait, JPEG, named by a number
        size = (481, 321) if index % 3 else (321, 481)
        synthetic_photo(*size).save(images / split / f"{first_id + 37 * index}.jpg",
                                    quality=90)

for rel, (text, blob) in FILES.items():
    if git_blob_id(text) != blob:
        sys.exit(f"{rel} is not super_resolution/{rel} as stored at {SOURCE_COMMIT}")
    if rel == "main.py":
        text = with_lines(text, RECORD_LINES)
    Path(rel).write_text(text, encoding="utf-8")

ZOO_RECORD: dict[str, list[tuple]] = {"Loss": [], "Avg_Loss": [], "Avg_PSNR": []}
sys.argv = ARGV
sys.path.insert(0, os.getcwd())  # `python main.py` puts main.py's folder first
runpy.run_path("main.py", init_globals={"ZOO_RECORD": ZOO_RECORD}, run_name="__main__")

# --- the truth: the example's own values, as its loop computed them ---

epochs = int(ARGV[ARGV.index("--nEpochs") + 1])
losses, averages, psnrs = ZOO_RECORD["Loss"], ZOO_RECORD["Avg_Loss"], ZOO_RECORD["Avg_PSNR"]
assert len(averages) == len(psnrs) == epochs and len(losses) == epochs * N_TRAIN // 4, ZOO_RECORD
checkpoints = sorted(name for name in os.listdir(".") if name.endswith(".pth"))
assert checkpoints == [f"model_epoch_{epoch}.pth" for epoch in range(1, epochs + 1)]
write_truth(
    "pytorch", torch.__version__,
    f"{SOURCE_REPO} super_resolution/main.py at {SOURCE_COMMIT[:8]}: the values its loop "
    "computes and prints (it keeps no record file), kept by three lines added after the "
    "prints: loss.item() each iteration, epoch_loss / len(training_data_loader) each "
    "epoch, avg_psnr / len(testing_data_loader) after each epoch's test()",
    {
        "Loss": series([(epoch, loss) for epoch, _, loss in losses], "epoch",
                       tolerance=5e-5),
        "Avg_Loss": series(averages, "epoch", tolerance=5e-5),
        "Avg_PSNR": series(psnrs, "epoch", tolerance=5e-5),
    },
    notes=f"synthetic BSDS300: {N_TRAIN} train and {N_TEST} test JPEGs; Loss lines at "
          f"(epoch, iteration) {[(epoch, it) for epoch, it, _ in losses]}; checkpoints "
          f"written: {', '.join(checkpoints)}")

"""Holmeyoung/crnn-pytorch (no pip package, no release: repository commit
dc2f21afc14464e57add768956ed5aaa72983a51, 2019-11-06, its last, "Merge pull request #33"):
a CRNN text recognizer (VGG-style CNN, two BiLSTMs) trained with PyTorch's own
``torch.nn.CTCLoss`` (the fork's change from meijieru/crnn.pytorch's warp-ctc), on torch
2.14.1 and torchvision 0.29.1 (PyPI's CUDA builds, run on the CPU: ``dataset.py`` imports
``torchvision.transforms``) with lmdb 3.0.0, Pillow 13.0.0, numpy 2.2.6 and
opencv-python-headless 5.1.0.95 (requirements-crnn.txt). Its ``train.py`` run as the README
runs it, ``python train.py --trainroot path/to/train/dataset --valroot path/to/val/dataset``,
on LMDB data sets its own ``tool/create_dataset.py`` builds.
Files: ``train.py``, ``params.py``, ``dataset.py``, ``utils.py``, ``models/crnn.py``,
``models/__init__.py`` and ``tool/create_dataset.py`` at that commit, held verbatim below, each
checked against its git blob id (train.py before the case's lines are added, params.py before
its settings), written into the cwd in the repository's layout. Two things a user of today's
stack does too:
- ``alphabets.py`` (the repository's holds 6,000-odd Chinese characters, no digit) is written
  as ``alphabet = "0123456789"``: the README's "Change alphabets: Please put all the alphabets
  appeared in your labels to alphabets.py".
- train.py takes no option beyond the two data paths; its README's "Change parameters" is an
  edit of params.py's constants, and the case changes four (``PARAMS_SETTINGS``, each line
  found once): ``nepoch`` 1000 -> 2, ``batchSize`` 64 -> 8, ``displayInterval`` 100 -> 5,
  ``valInterval`` 1000 -> 10. The rest at their defaults: RMSprop at lr 1e-4, 32x100 grayscale
  input, ``nh`` 256 (8.3M parameters), ``manualSeed`` 1234, ``random_sample`` True (shuffled
  batches), ``workers`` 0, ``n_val_disp`` 10, ``dealwith_lossnan`` False, ``saveInterval``
  1000 (never reached: no checkpoint is written), ``cuda`` True (no CUDA device here, so the
  CPU: train.py checks ``torch.cuda.is_available()``).
- train.py calls ``train_iter.next()`` and ``val_iter.next()``, the DataLoader iterator's
  Python 2 alias that torch dropped (1.13): the case restores it (``_BaseDataLoaderIter.next =
  __next__``) before it runs train.py in-process (``runpy`` as ``__main__``, ``sys.argv =
  ['train.py', '--trainroot', 'lmdb/train', '--valroot', 'lmdb/val']``, the cwd first on
  ``sys.path`` for its ``import utils, dataset, params``).
Data: Pillow draws 160 training and 32 validation text-line images of 3-6 digit strings
(its built-in font at sizes 20-26, random offsets and grey levels; ``random.Random(0)`` and
``(1)``), listed in the README's file mode (the image's absolute path on one line, its label
on the next), then ``python tool/create_dataset.py --out lmdb/train --file data/train.txt``
(and ``val``), a subprocess each, as the README runs it: numpy's ``DeprecationWarning: The
binary mode of fromstring is deprecated`` on stderr (its ``checkImageIsValid``; numpy 2.3
removed that mode, hence the numpy pin), ``Created dataset with 160 samples`` and its
``show_demo`` of the first two (``image: /tmp/.../data/train/0.png``, ``label: 604876``).
About 25 s of CPU in all.

What train.py prints (stdout; no progress bar: pipe and pty print the same lines):
``print(crnn)`` (the ``CRNN(`` module repr), then every ``displayInterval`` batches::

 [0/2][5/20] Loss: 0.769020

(``[epoch/nepoch][i/len(train_loader)]``) and every ``valInterval`` batches, right after the
display line of the same ``i``, a validation::

 Start val
 -------------------------- =>                     , gt: 570704
 ...
 Val loss: 0.343560, accuray: 0.000000

with one ``'%-20s => %-20s, gt: %-20s'`` line for each of the last validation batch's 8
samples (the raw CTC path over 26 frames, the decoded text, the ground truth; padded with
spaces). In 40 batches the network only learns to emit blanks (the usual first plateau of
CTC training; Adam at lr 1e-3 for 120 batches did no better), so every decoded text is empty
and the accuracy 0: the sample lines read ``----...-- =>  (spaces), gt: 570704``, not the
``0123 => 0123, gt: 0123`` of a trained model. 8 display lines and 4 validations.

Truth: the repository keeps no record (no logger, no history; ``expr/`` gets only
``netCRNN_<epoch>_<i>.pth`` weights every ``saveInterval`` batches), so the values train.py
computes are the record: two lines added to the stock text (``RECORD_LINES``, no line
changed), right after the display print (``loss_avg.val()``, before ``loss_avg.reset()``)
and right after val()'s last print (its local ``loss_avg.val()`` and ``accuracy``), append
them at full precision to a list the case passes in (``runpy``'s ``init_globals``); nothing
is parsed from stdout. Judgement calls (docs/metrics.md):
- Names: ``Loss`` as printed (the display line has no phase word): the mean over the last 5
  batches of ``CTCLoss()(...) / batch_size`` (CTCLoss' default ``mean`` reduction, then
  divided by the batch again, as train.py does). ``Val loss: ..., accuray: ...``: the phase
  word ``Val`` opens the line and is its only one, so it prefixes every name on it (the
  "Phases" rule, ``train Loss: 2.47 Top-1 Acc: 4.86`` -> ``train_loss``, ``train_Top-1_Acc``):
  ``val_loss`` (the mean of the 4 validation batches' costs) and ``val_accuray`` (the
  repository's typo, as printed: exact matches over ``max_iter * batchSize``, 0..1).
- Axis ``step``: the printed ``i`` of ``[epoch/nepoch][i/20]``, 1-based and starting again
  each epoch (5, 10, 15, 20 in epochs 0 and 1); a validation at the ``i`` of the display line
  before it (10, 20). Epochs in ``notes``; ``2`` and ``20`` are totals, no metrics.
- Tolerance 5e-7 for all three (``%f``, six decimals).
- ``also_ok``: none (nothing is timed; the learning rate is not printed).
- Not metrics: ``gt: 570704`` (a sample's ground-truth text, a digit string: ``gt: 0388``
  keeps its leading zero on screen), create_dataset.py's ``label: 604876`` and ``Created
  dataset with 160 samples``, the module repr's sizes.
- Determinism: train.py seeds ``random``, numpy and torch with ``manualSeed``; data loads in
  the main process and the images are seeded, so the values repeat on the CPU.
"""
# zoo-venv: crnn

import random
import runpy
import subprocess
import sys
from pathlib import Path

import lmdb
import PIL
import torch
import torch.utils.data.dataloader
import torchvision
from _truth import series, write_truth
from _verbatim import git_blob_id, with_lines
from PIL import Image, ImageDraw, ImageFont

SOURCE_REPO = "Holmeyoung/crnn-pytorch"
SOURCE_COMMIT = "dc2f21afc14464e57add768956ed5aaa72983a51"
TRAIN_IMAGES, VAL_IMAGES = 160, 32
NEPOCH, BATCH_SIZE, DISPLAY_INTERVAL, VAL_INTERVAL = 2, 8, 5, 10

# params.py's constants the case sets (the file's own way to configure a run: train.py takes
# no option beyond the two data paths); each line found exactly once, nothing else changed
PARAMS_SETTINGS = {
    "displayInterval = 100 # interval to be print the train loss\n":
        f"displayInterval = {DISPLAY_INTERVAL} # interval to be print the train loss\n",
    "valInterval = 1000 # interval to val the model loss and accuray\n":
        f"valInterval = {VAL_INTERVAL} # interval to val the model loss and accuray\n",
    "nepoch = 1000 # number of epochs to train for\n":
        f"nepoch = {NEPOCH} # number of epochs to train for\n",
    "batchSize = 64 # input batch size\n": f"batchSize = {BATCH_SIZE} # input batch size\n",
}
# the README's "Change alphabets": every character of the labels, in alphabets.py (the
# repository's holds 6,000-odd Chinese characters and no digit)
ALPHABETS_PY = 'alphabet = "0123456789"\n'

# the record: lines added to train.py right after its two prints of values (anchor -> the
# anchor and the lines after it); no line of the stock text changed. The training loss the
# display line prints (loss_avg.val(), before loss_avg.reset()), and val()'s local
# loss_avg.val() and accuracy
RECORD_LINES = {
    "                      (epoch, params.nepoch, i, len(train_loader), loss_avg.val()))\n":
        "                ZOO_RECORD.append(('train', epoch, i, float(loss_avg.val())))"
        "  # zoo: the value just printed\n",
    "    print('Val loss: %f, accuray: %f' % (loss_avg.val(), accuracy))\n":
        "    ZOO_RECORD.append(('val', epoch, None, float(loss_avg.val()), accuracy))"
        "  # zoo: the values just printed\n",
}


def draw_digits(folder: Path, list_file: Path, count: int, seed: int) -> None:
    """``count`` text-line images of digit strings (3 to 6 digits; grayscale PNG, 32 pixels
    high) drawn with Pillow's built-in font at random sizes, offsets and grey levels, and the
    README's file-mode list: the image's absolute path on one line, its label on the next."""
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    lines = []
    for index in range(count):
        label = "".join(rng.choice("0123456789") for _ in range(rng.randint(3, 6)))
        font = ImageFont.load_default(size=rng.randint(20, 26))
        left, top, right, bottom = font.getbbox(label)
        width = right - left + rng.randint(6, 20)
        background = rng.randint(170, 255)
        image = Image.new("L", (width, 32), background)
        ImageDraw.Draw(image).text((rng.randint(2, 5) - left, (32 - bottom - top) // 2
                                    + rng.randint(-2, 2)), label, font=font,
                                   fill=rng.randint(0, background - 120))
        path = (folder / f"{index}.png").resolve()
        image.save(path)
        lines.append(f"{path}\n{label}\n")
    list_file.write_text("".join(lines), encoding="utf-8")


def main() -> None:
    for name, (text, blob) in FILES.items():
        if git_blob_id(text) != blob:
            sys.exit(f"{name} is not {SOURCE_REPO}'s at {SOURCE_COMMIT}")
        if name == "train.py":
            text = with_lines(text, RECORD_LINES)
        elif name == "params.py":
            for old, new in PARAMS_SETTINGS.items():
                assert text.count(old) == 1, old
                text = text.replace(old, new)
        Path(name).parent.mkdir(parents=True, exist_ok=True)
        Path(name).write_text(text, encoding="utf-8")
    Path("alphabets.py").write_text(ALPHABETS_PY, encoding="utf-8")

    data = Path("data")
    draw_digits(data / "train", data / "train.txt", TRAIN_IMAGES, seed=0)
    draw_digits(data / "val", data / "val.txt", VAL_IMAGES, seed=1)
    for split in ("train", "val"):  # as the README's file mode runs it, one data set each
        subprocess.run([sys.executable, "tool/create_dataset.py", "--out", f"lmdb/{split}",
                        "--file", f"data/{split}.txt"], check=True)

    # train.py calls `train_iter.next()` and `val_iter.next()`: the DataLoader iterator's
    # Python 2 alias, which torch dropped (torch 1.13); restored as older torch had it
    loader_iter = torch.utils.data.dataloader._BaseDataLoaderIter
    loader_iter.next = loader_iter.__next__
    sys.path.insert(0, str(Path.cwd()))  # train.py's `import utils, dataset, params`
    record: list[tuple] = []
    sys.argv = ["train.py", "--trainroot", "lmdb/train", "--valroot", "lmdb/val"]
    runpy.run_path("train.py", init_globals={"ZOO_RECORD": record}, run_name="__main__")

    # --- the truth: the values train.py printed, in print order ---
    train, val, step = [], [], None
    for row in record:
        if row[0] == "train":
            step = row[2]
            train.append((row[1], step, row[3]))
        else:  # val() runs right after the display line of the same i
            val.append((row[1], step, row[3], row[4]))
    per_epoch = TRAIN_IMAGES // BATCH_SIZE
    assert len(train) == NEPOCH * (per_epoch // DISPLAY_INTERVAL), record
    assert len(val) == NEPOCH * (per_epoch // VAL_INTERVAL), record
    source = (f"{SOURCE_REPO}@{SOURCE_COMMIT[:8]} (no release; torch {torch.__version__}, "
              f"torchvision {torchvision.__version__}, lmdb {lmdb.__version__}, "
              f"Pillow {PIL.__version__})")
    write_truth(
        "crnn-pytorch", source,
        "train.py's loss_avg.val() at each display line, and val()'s loss_avg.val() and "
        "accuracy (lines the case adds right after those prints)",
        {"Loss": series([(s, v) for _, s, v in train], "step", tolerance=5e-7),
         "val_loss": series([(s, v) for _, s, v, _ in val], "step", tolerance=5e-7),
         "val_accuray": series([(s, a) for _, s, _, a in val], "step", tolerance=5e-7)},
        notes="print order: " + ", ".join(
            f"{row[0]} epoch {row[1]}" + (f" i {row[2]}" if row[2] is not None else "")
            for row in record))


# train.py at SOURCE_COMMIT, verbatim
TRAIN_PY = r'''from __future__ import print_function
from __future__ import division

import argparse
import random
import torch
import torch.backends.cudnn as cudnn
import torch.optim as optim
import torch.utils.data
from torch.autograd import Variable
import numpy as np
# from warpctc_pytorch import CTCLoss
from torch.nn import CTCLoss
import os
import utils
import dataset

import models.crnn as net
import params

parser = argparse.ArgumentParser()
parser.add_argument('-train', '--trainroot', required=True, help='path to train dataset')
parser.add_argument('-val', '--valroot', required=True, help='path to val dataset')
args = parser.parse_args()

if not os.path.exists(params.expr_dir):
    os.makedirs(params.expr_dir)

# ensure everytime the random is the same
random.seed(params.manualSeed)
np.random.seed(params.manualSeed)
torch.manual_seed(params.manualSeed)

cudnn.benchmark = True

if torch.cuda.is_available() and not params.cuda:
    print("WARNING: You have a CUDA device, so you should probably set cuda in params.py to True")

# -----------------------------------------------
"""
In this block
    Get train and val data_loader
"""
def data_loader():
    # train
    train_dataset = dataset.lmdbDataset(root=args.trainroot)
    assert train_dataset
    if not params.random_sample:
        sampler = dataset.randomSequentialSampler(train_dataset, params.batchSize)
    else:
        sampler = None
    train_loader = torch.utils.data.DataLoader(train_dataset, batch_size=params.batchSize, \
            shuffle=True, sampler=sampler, num_workers=int(params.workers), \
            collate_fn=dataset.alignCollate(imgH=params.imgH, imgW=params.imgW, keep_ratio=params.keep_ratio))
    
    # val
    val_dataset = dataset.lmdbDataset(root=args.valroot, transform=dataset.resizeNormalize((params.imgW, params.imgH)))
    assert val_dataset
    val_loader = torch.utils.data.DataLoader(val_dataset, shuffle=True, batch_size=params.batchSize, num_workers=int(params.workers))
    
    return train_loader, val_loader

train_loader, val_loader = data_loader()

# -----------------------------------------------
"""
In this block
    Net init
    Weight init
    Load pretrained model
"""
def weights_init(m):
    classname = m.__class__.__name__
    if classname.find('Conv') != -1:
        m.weight.data.normal_(0.0, 0.02)
    elif classname.find('BatchNorm') != -1:
        m.weight.data.normal_(1.0, 0.02)
        m.bias.data.fill_(0)

def net_init():
    nclass = len(params.alphabet) + 1
    crnn = net.CRNN(params.imgH, params.nc, nclass, params.nh)
    crnn.apply(weights_init)
    if params.pretrained != '':
        print('loading pretrained model from %s' % params.pretrained)
        if params.multi_gpu:
            crnn = torch.nn.DataParallel(crnn)
        crnn.load_state_dict(torch.load(params.pretrained))
    
    return crnn

crnn = net_init()
print(crnn)

# -----------------------------------------------
"""
In this block
    Init some utils defined in utils.py
"""
# Compute average for `torch.Variable` and `torch.Tensor`.
loss_avg = utils.averager()

# Convert between str and label.
converter = utils.strLabelConverter(params.alphabet)

# -----------------------------------------------
"""
In this block
    criterion define
"""
criterion = CTCLoss()

# -----------------------------------------------
"""
In this block
    Init some tensor
    Put tensor and net on cuda
    NOTE:
        image, text, length is used by both val and train
        becaues train and val will never use it at the same time.
"""
image = torch.FloatTensor(params.batchSize, 3, params.imgH, params.imgH)
text = torch.LongTensor(params.batchSize * 5)
length = torch.LongTensor(params.batchSize)

if params.cuda and torch.cuda.is_available():
    criterion = criterion.cuda()
    image = image.cuda()
    text = text.cuda()

    crnn = crnn.cuda()
    if params.multi_gpu:
        crnn = torch.nn.DataParallel(crnn, device_ids=range(params.ngpu))

image = Variable(image)
text = Variable(text)
length = Variable(length)

# -----------------------------------------------
"""
In this block
    Setup optimizer
"""
if params.adam:
    optimizer = optim.Adam(crnn.parameters(), lr=params.lr, betas=(params.beta1, 0.999))
elif params.adadelta:
    optimizer = optim.Adadelta(crnn.parameters())
else:
    optimizer = optim.RMSprop(crnn.parameters(), lr=params.lr)

# -----------------------------------------------
"""
In this block
    Dealwith lossnan
    NOTE:
        I use different way to dealwith loss nan according to the torch version. 
"""
if params.dealwith_lossnan:
    if torch.__version__ >= '1.1.0':
        """
        zero_infinity (bool, optional):
            Whether to zero infinite losses and the associated gradients.
            Default: ``False``
            Infinite losses mainly occur when the inputs are too short
            to be aligned to the targets.
        Pytorch add this param after v1.1.0 
        """
        criterion = CTCLoss(zero_infinity = True)
    else:
        """
        only when
            torch.__version__ < '1.1.0'
        we use this way to change the inf to zero
        """
        crnn.register_backward_hook(crnn.backward_hook)

# -----------------------------------------------

def val(net, criterion):
    print('Start val')

    for p in crnn.parameters():
        p.requires_grad = False

    net.eval()
    val_iter = iter(val_loader)

    i = 0
    n_correct = 0
    loss_avg = utils.averager() # The blobal loss_avg is used by train

    max_iter = len(val_loader)
    for i in range(max_iter):
        data = val_iter.next()
        i += 1
        cpu_images, cpu_texts = data
        batch_size = cpu_images.size(0)
        utils.loadData(image, cpu_images)
        t, l = converter.encode(cpu_texts)
        utils.loadData(text, t)
        utils.loadData(length, l)

        preds = crnn(image)
        preds_size = Variable(torch.LongTensor([preds.size(0)] * batch_size))
        cost = criterion(preds, text, preds_size, length) / batch_size
        loss_avg.add(cost)

        _, preds = preds.max(2)
        preds = preds.transpose(1, 0).contiguous().view(-1)
        sim_preds = converter.decode(preds.data, preds_size.data, raw=False)
        cpu_texts_decode = []
        for i in cpu_texts:
            cpu_texts_decode.append(i.decode('utf-8', 'strict'))
        for pred, target in zip(sim_preds, cpu_texts_decode):
            if pred == target:
                n_correct += 1

    raw_preds = converter.decode(preds.data, preds_size.data, raw=True)[:params.n_val_disp]
    for raw_pred, pred, gt in zip(raw_preds, sim_preds, cpu_texts_decode):
        print('%-20s => %-20s, gt: %-20s' % (raw_pred, pred, gt))

    accuracy = n_correct / float(max_iter * params.batchSize)
    print('Val loss: %f, accuray: %f' % (loss_avg.val(), accuracy))


def train(net, criterion, optimizer, train_iter):
    for p in crnn.parameters():
        p.requires_grad = True
    crnn.train()

    data = train_iter.next()
    cpu_images, cpu_texts = data
    batch_size = cpu_images.size(0)
    utils.loadData(image, cpu_images)
    t, l = converter.encode(cpu_texts)
    utils.loadData(text, t)
    utils.loadData(length, l)
    
    optimizer.zero_grad()
    preds = crnn(image)
    preds_size = Variable(torch.LongTensor([preds.size(0)] * batch_size))
    cost = criterion(preds, text, preds_size, length) / batch_size
    # crnn.zero_grad()
    cost.backward()
    optimizer.step()
    return cost


if __name__ == "__main__":
    for epoch in range(params.nepoch):
        train_iter = iter(train_loader)
        i = 0
        while i < len(train_loader):
            cost = train(crnn, criterion, optimizer, train_iter)
            loss_avg.add(cost)
            i += 1

            if i % params.displayInterval == 0:
                print('[%d/%d][%d/%d] Loss: %f' %
                      (epoch, params.nepoch, i, len(train_loader), loss_avg.val()))
                loss_avg.reset()

            if i % params.valInterval == 0:
                val(crnn, criterion)

            # do checkpointing
            if i % params.saveInterval == 0:
                torch.save(crnn.state_dict(), '{0}/netCRNN_{1}_{2}.pth'.format(params.expr_dir, epoch, i))
'''  # noqa: E501, W291, W293


# params.py at SOURCE_COMMIT, verbatim
PARAMS_PY = r'''import alphabets

# about data and net
alphabet = alphabets.alphabet
keep_ratio = False # whether to keep ratio for image resize
manualSeed = 1234 # reproduce experiemnt
random_sample = True # whether to sample the dataset with random sampler
imgH = 32 # the height of the input image to network
imgW = 100 # the width of the input image to network
nh = 256 # size of the lstm hidden state
nc = 1
pretrained = '' # path to pretrained model (to continue training)
expr_dir = 'expr' # where to store samples and models
dealwith_lossnan = False # whether to replace all nan/inf in gradients to zero

# hardware
cuda = True # enables cuda
multi_gpu = False # whether to use multi gpu
ngpu = 1 # number of GPUs to use. Do remember to set multi_gpu to True!
workers = 0 # number of data loading workers

# training process
displayInterval = 100 # interval to be print the train loss
valInterval = 1000 # interval to val the model loss and accuray
saveInterval = 1000 # interval to save model
n_val_disp = 10 # number of samples to display when val the model

# finetune
nepoch = 1000 # number of epochs to train for
batchSize = 64 # input batch size
lr = 0.0001 # learning rate for Critic, not used by adadealta
beta1 = 0.5 # beta1 for adam. default=0.5
adam = False # whether to use adam (default is rmsprop)
adadelta = False # whether to use adadelta (default is rmsprop)
'''


# dataset.py at SOURCE_COMMIT, verbatim
DATASET_PY = r'''#!/usr/bin/python
# encoding: utf-8

import random
import torch
from torch.utils.data import Dataset
from torch.utils.data import sampler
import torchvision.transforms as transforms
import lmdb
import six
import sys
from PIL import Image
import numpy as np


class lmdbDataset(Dataset):

    def __init__(self, root=None, transform=None, target_transform=None):
        self.env = lmdb.open(
            root,
            max_readers=1,
            readonly=True,
            lock=False,
            readahead=False,
            meminit=False)

        if not self.env:
            print('cannot creat lmdb from %s' % (root))
            sys.exit(0)

        with self.env.begin(write=False) as txn:
            nSamples = int(txn.get('num-samples'.encode('utf-8')))
            self.nSamples = nSamples

        self.transform = transform
        self.target_transform = target_transform

    def __len__(self):
        return self.nSamples

    def __getitem__(self, index):
        assert index <= len(self), 'index range error'
        index += 1
        with self.env.begin(write=False) as txn:
            img_key = 'image-%09d' % index
            imgbuf = txn.get(img_key.encode('utf-8'))

            buf = six.BytesIO()
            buf.write(imgbuf)
            buf.seek(0)
            try:
                img = Image.open(buf).convert('L')
            except IOError:
                print('Corrupted image for %d' % index)
                return self[index + 1]

            if self.transform is not None:
                img = self.transform(img)

            label_key = 'label-%09d' % index
            label = txn.get(label_key.encode('utf-8'))

            if self.target_transform is not None:
                label = self.target_transform(label)

        return (img, label)


class resizeNormalize(object):

    def __init__(self, size, interpolation=Image.BILINEAR):
        self.size = size
        self.interpolation = interpolation
        self.toTensor = transforms.ToTensor()

    def __call__(self, img):
        img = img.resize(self.size, self.interpolation)
        img = self.toTensor(img)
        img.sub_(0.5).div_(0.5)
        return img


class randomSequentialSampler(sampler.Sampler):

    def __init__(self, data_source, batch_size):
        self.num_samples = len(data_source)
        self.batch_size = batch_size

    def __iter__(self):
        n_batch = len(self) // self.batch_size
        tail = len(self) % self.batch_size
        index = torch.LongTensor(len(self)).fill_(0)
        for i in range(n_batch):
            random_start = random.randint(0, len(self) - self.batch_size)
            batch_index = random_start + torch.range(0, self.batch_size - 1)
            index[i * self.batch_size:(i + 1) * self.batch_size] = batch_index
        # deal with tail
        if tail:
            random_start = random.randint(0, len(self) - self.batch_size)
            tail_index = random_start + torch.range(0, tail - 1)
            index[(i + 1) * self.batch_size:] = tail_index

        return iter(index)

    def __len__(self):
        return self.num_samples


class alignCollate(object):

    def __init__(self, imgH=32, imgW=100, keep_ratio=False, min_ratio=1):
        self.imgH = imgH
        self.imgW = imgW
        self.keep_ratio = keep_ratio
        self.min_ratio = min_ratio

    def __call__(self, batch):
        images, labels = zip(*batch)

        imgH = self.imgH
        imgW = self.imgW
        if self.keep_ratio:
            ratios = []
            for image in images:
                w, h = image.size
                ratios.append(w / float(h))
            ratios.sort()
            max_ratio = ratios[-1]
            imgW = int(np.floor(max_ratio * imgH))
            imgW = max(imgH * self.min_ratio, imgW)  # assure imgH >= imgW

        transform = resizeNormalize((imgW, imgH))
        images = [transform(image) for image in images]
        images = torch.cat([t.unsqueeze(0) for t in images], 0)

        return images, labels
'''


# utils.py at SOURCE_COMMIT, verbatim
UTILS_PY = r'''#!/usr/bin/python
# encoding: utf-8

import torch
import torch.nn as nn
from torch.autograd import Variable
import collections


class strLabelConverter(object):
    """Convert between str and label.

    NOTE:
        Insert `blank` to the alphabet for CTC.

    Args:
        alphabet (str): set of the possible characters.
        ignore_case (bool, default=True): whether or not to ignore all of the case.
    """

    def __init__(self, alphabet, ignore_case=False):
        self._ignore_case = ignore_case
        if self._ignore_case:
            alphabet = alphabet.lower()
        self.alphabet = alphabet + '-'  # for `-1` index

        self.dict = {}
        for i, char in enumerate(alphabet):
            # NOTE: 0 is reserved for 'blank' required by wrap_ctc
            self.dict[char] = i + 1
    
    def encode(self, text):
        """Support batch or single str.

        Args:
            text (str or list of str): texts to convert.

        Returns:
            torch.LongTensor [length_0 + length_1 + ... length_{n - 1}]: encoded texts.
            torch.LongTensor [n]: length of each text.
        """

        length = []
        result = []
        for item in text:            
            item = item.decode('utf-8','strict')
            length.append(len(item))
            r = []
            for char in item:
                index = self.dict[char]
                # result.append(index)
                r.append(index)
            result.append(r)
        
        max_len = 0
        for r in result:
            if len(r) > max_len:
                max_len = len(r)
        
        result_temp = []
        for r in result:
            for i in range(max_len - len(r)):
                r.append(0)
            result_temp.append(r)

        text = result_temp
        return (torch.LongTensor(text), torch.LongTensor(length))


    def decode(self, t, length, raw=False):
        """Decode encoded texts back into strs.

        Args:
            torch.LongTensor [length_0 + length_1 + ... length_{n - 1}]: encoded texts.
            torch.LongTensor [n]: length of each text.

        Raises:
            AssertionError: when the texts and its length does not match.

        Returns:
            text (str or list of str): texts to convert.
        """
        if length.numel() == 1:
            length = length[0]
            assert t.numel() == length, "text with length: {} does not match declared length: {}".format(t.numel(), length)
            if raw:
                return ''.join([self.alphabet[i - 1] for i in t])
            else:
                char_list = []
                for i in range(length):
                    if t[i] != 0 and (not (i > 0 and t[i - 1] == t[i])):
                        char_list.append(self.alphabet[t[i] - 1])
                return ''.join(char_list)
        else:
            # batch mode
            assert t.numel() == length.sum(), "texts with length: {} does not match declared length: {}".format(t.numel(), length.sum())
            texts = []
            index = 0
            for i in range(length.numel()):
                l = length[i]
                texts.append(
                    self.decode(
                        t[index:index + l], torch.LongTensor([l]), raw=raw))
                index += l
            return texts


class averager(object):
    """Compute average for `torch.Variable` and `torch.Tensor`. """

    def __init__(self):
        self.reset()

    def add(self, v):
        if isinstance(v, Variable):
            count = v.data.numel()
            v = v.data.sum()
        elif isinstance(v, torch.Tensor):
            count = v.numel()
            v = v.sum()

        self.n_count += count
        self.sum += v

    def reset(self):
        self.n_count = 0
        self.sum = 0

    def val(self):
        res = 0
        if self.n_count != 0:
            res = self.sum / float(self.n_count)
        return res


def oneHot(v, v_length, nc):
    batchSize = v_length.size(0)
    maxLength = v_length.max()
    v_onehot = torch.FloatTensor(batchSize, maxLength, nc).fill_(0)
    acc = 0
    for i in range(batchSize):
        length = v_length[i]
        label = v[acc:acc + length].view(-1, 1).long()
        v_onehot[i, :length].scatter_(1, label, 1.0)
        acc += length
    return v_onehot


def loadData(v, data):
    with torch.no_grad():
        v.resize_(data.size()).copy_(data)


def prettyPrint(v):
    print('Size {0}, Type: {1}'.format(str(v.size()), v.data.type()))
    print('| Max: %f | Min: %f | Mean: %f' % (v.max().data[0], v.min().data[0],
                                              v.mean().data[0]))


def assureRatio(img):
    """Ensure imgH <= imgW."""
    b, c, h, w = img.size()
    if h > w:
        main = nn.UpsamplingBilinear2d(size=(h, h), scale_factor=None)
        img = main(img)
    return img
'''  # noqa: E501, W291, W293


# models/crnn.py at SOURCE_COMMIT, verbatim
MODELS_CRNN_PY = r'''import torch.nn as nn
import params
import torch.nn.functional as F

class BidirectionalLSTM(nn.Module):

    def __init__(self, nIn, nHidden, nOut):
        super(BidirectionalLSTM, self).__init__()

        self.rnn = nn.LSTM(nIn, nHidden, bidirectional=True)
        self.embedding = nn.Linear(nHidden * 2, nOut)

    def forward(self, input):
        recurrent, _ = self.rnn(input)
        T, b, h = recurrent.size()
        t_rec = recurrent.view(T * b, h)

        output = self.embedding(t_rec)  # [T * b, nOut]
        output = output.view(T, b, -1)

        return output


class CRNN(nn.Module):

    def __init__(self, imgH, nc, nclass, nh, n_rnn=2, leakyRelu=False):
        super(CRNN, self).__init__()
        assert imgH % 16 == 0, 'imgH has to be a multiple of 16'

        ks = [3, 3, 3, 3, 3, 3, 2]
        ps = [1, 1, 1, 1, 1, 1, 0]
        ss = [1, 1, 1, 1, 1, 1, 1]
        nm = [64, 128, 256, 256, 512, 512, 512]

        cnn = nn.Sequential()

        def convRelu(i, batchNormalization=False):
            nIn = nc if i == 0 else nm[i - 1]
            nOut = nm[i]
            cnn.add_module('conv{0}'.format(i),
                           nn.Conv2d(nIn, nOut, ks[i], ss[i], ps[i]))
            if batchNormalization:
                cnn.add_module('batchnorm{0}'.format(i), nn.BatchNorm2d(nOut))
            if leakyRelu:
                cnn.add_module('relu{0}'.format(i),
                               nn.LeakyReLU(0.2, inplace=True))
            else:
                cnn.add_module('relu{0}'.format(i), nn.ReLU(True))

        convRelu(0)
        cnn.add_module('pooling{0}'.format(0), nn.MaxPool2d(2, 2))  # 64x16x64
        convRelu(1)
        cnn.add_module('pooling{0}'.format(1), nn.MaxPool2d(2, 2))  # 128x8x32
        convRelu(2, True)
        convRelu(3)
        cnn.add_module('pooling{0}'.format(2),
                       nn.MaxPool2d((2, 2), (2, 1), (0, 1)))  # 256x4x16
        convRelu(4, True)
        convRelu(5)
        cnn.add_module('pooling{0}'.format(3),
                       nn.MaxPool2d((2, 2), (2, 1), (0, 1)))  # 512x2x16
        convRelu(6, True)  # 512x1x16

        self.cnn = cnn
        self.rnn = nn.Sequential(
            BidirectionalLSTM(512, nh, nh),
            BidirectionalLSTM(nh, nh, nclass))


    def forward(self, input):
        # conv features
        conv = self.cnn(input)
        b, c, h, w = conv.size()
        assert h == 1, "the height of conv must be 1"
        conv = conv.squeeze(2)
        conv = conv.permute(2, 0, 1)  # [w, b, c]

        # rnn features
        output = self.rnn(conv)
        
        # add log_softmax to converge output
        output = F.log_softmax(output, dim=2)

        return output


    def backward_hook(self, module, grad_input, grad_output):
        for g in grad_input:
            g[g != g] = 0   # replace all nan/inf in gradients to zero

'''  # noqa: W293


# models/__init__.py at SOURCE_COMMIT, verbatim
MODELS___INIT___PY = r''''''


# tool/create_dataset.py at SOURCE_COMMIT, verbatim
TOOL_CREATE_DATASET_PY = r'''import os
import lmdb
import cv2
import numpy as np
import argparse
import shutil
import sys

def checkImageIsValid(imageBin):
    if imageBin is None:
        return False
    
    try:
        imageBuf = np.fromstring(imageBin, dtype=np.uint8)
        img = cv2.imdecode(imageBuf, cv2.IMREAD_GRAYSCALE)
        imgH, imgW = img.shape[0], img.shape[1]
    except:
        return False
    else:
        if imgH * imgW == 0:
            return False
    
    return True


def writeCache(env, cache):
    with env.begin(write=True) as txn:
        for k, v in cache.items():
            if type(k) == str:
                k = k.encode()
            if type(v) == str:
                v = v.encode()
            txn.put(k,v)

def createDataset(outputPath, imagePathList, labelList, lexiconList=None, checkValid=True):
    """
    Create LMDB dataset for CRNN training.

    ARGS:
        outputPath    : LMDB output path
        imagePathList : list of image path
        labelList     : list of corresponding groundtruth texts
        lexiconList   : (optional) list of lexicon lists
        checkValid    : if true, check the validity of every image
    """
    # If lmdb file already exists, remove it. Or the new data will add to it.
    if os.path.exists(outputPath):
        shutil.rmtree(outputPath)
        os.makedirs(outputPath)
    else:
        os.makedirs(outputPath)

    assert (len(imagePathList) == len(labelList))
    nSamples = len(imagePathList)
    env = lmdb.open(outputPath, map_size=1099511627776)
    cache = {}
    cnt = 1
    for i in range(nSamples):
        imagePath = imagePathList[i]
        label = labelList[i]
        
        if not os.path.exists(imagePath):
            print('%s does not exist' % imagePath)
            continue
        with open(imagePath, 'rb') as f:
            imageBin = f.read()
        if checkValid:
            if not checkImageIsValid(imageBin):
                print('%s is not a valid image' % imagePath)
                continue

        imageKey = 'image-%09d' % cnt
        labelKey = 'label-%09d' % cnt
        cache[imageKey] = imageBin
        cache[labelKey] = label
        if lexiconList:
            lexiconKey = 'lexicon-%09d' % cnt
            cache[lexiconKey] = ' '.join(lexiconList[i])
        if cnt % 1000 == 0:
            writeCache(env, cache)
            cache = {}
            print('Written %d / %d' % (cnt, nSamples))
        cnt += 1
    nSamples = cnt-1
    cache['num-samples'] = str(nSamples)
    writeCache(env, cache)
    env.close()
    print('Created dataset with %d samples' % nSamples)

def read_data_from_folder(folder_path):
    image_path_list = []
    label_list = []
    pics = os.listdir(folder_path)
    pics.sort(key = lambda i: len(i))
    for pic in pics:
        image_path_list.append(folder_path + '/' + pic)
        label_list.append(pic.split('_')[0])
    return image_path_list, label_list

def read_data_from_file(file_path):
    image_path_list = []
    label_list = []
    f = open(file_path)
    while True:
        line1 = f.readline()
        line2 = f.readline() 
        if not line1 or not line2:
            break
        line1 = line1.replace('\r', '').replace('\n', '')
        line2 = line2.replace('\r', '').replace('\n', '')
        image_path_list.append(line1)
        label_list.append(line2)

    return image_path_list, label_list

def show_demo(demo_number, image_path_list, label_list):
    print ('\nShow some demo to prevent creating wrong lmdb data')
    print ('The first line is the path to image and the second line is the image label')
    for i in range(demo_number):
        print ('image: %s\nlabel: %s\n' % (image_path_list[i], label_list[i]))

if __name__ == '__main__':
    parser = argparse.ArgumentParser()
    parser.add_argument('--out', type = str, required = True, help = 'lmdb data output path')
    parser.add_argument('--folder', type = str, help = 'path to folder which contains the images')
    parser.add_argument('--file', type = str, help = 'path to file which contains the image path and label')
    args = parser.parse_args()
    
    if args.file is not None:
        image_path_list, label_list = read_data_from_file(args.file)
        createDataset(args.out, image_path_list, label_list)
        show_demo(2, image_path_list, label_list)
    elif args.folder is not None:
        image_path_list, label_list = read_data_from_folder(args.folder)
        createDataset(args.out, image_path_list, label_list)
        show_demo(2, image_path_list, label_list)
    else:
        print ('Please use --floder or --file to assign the input. Use -h to see more.')
        sys.exit()
'''  # noqa: E501, W291, W293


# what the case writes into the cwd, as the repository lays it out: path -> (its text at
# SOURCE_COMMIT, its git blob id there)
FILES = {
    "train.py": (TRAIN_PY, "10b41d91c1fef74a76b3102a5e777fb7da335a7b"),
    "params.py": (PARAMS_PY, "d151c84ccabb7f02821f0be67a99548282789df7"),
    "dataset.py": (DATASET_PY, "6a47f458fd326c430554b67deb834913e1ff891d"),
    "utils.py": (UTILS_PY, "4772a8e2ddbc79cc5e0f742574458bcbd44c484a"),
    "models/crnn.py": (MODELS_CRNN_PY, "b3f1155eb7daab8e67f9c57b0c5d2b024a379739"),
    "models/__init__.py": (MODELS___INIT___PY, "e69de29bb2d1d6434b8b29ae775ad8c2e48c5391"),
    "tool/create_dataset.py": (TOOL_CREATE_DATASET_PY, "b3bbad33b073d667f35d3f4bf5f343f76ba1edbb"),
}


if __name__ == "__main__":
    main()

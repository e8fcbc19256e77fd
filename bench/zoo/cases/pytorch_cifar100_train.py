"""weiaicunzai's pytorch-cifar100 (no pip package, no release: repository commit
11d8418f415b261e4ae3cb1ffe20d06ec95b98e4, 2022-03-27, master's last; torch 2.14.1 and
torchvision 0.29.1, PyPI's CUDA builds, run on the CPU, with TensorBoard 2.21.0 for the
``torch.utils.tensorboard.SummaryWriter`` train.py writes with): its ``train.py``, run as
its README runs it, ``python train.py -net squeezenet`` (no ``-gpu``; ``-b 128``, ``-warm
1``, ``-lr 0.1``, no ``-resume``: its defaults). SqueezeNet (the repository's
``models/squeezenet.py``, about 0.78M parameters, one of its smallest nets) for a short CPU
run; SGD momentum 0.9 weight decay 5e-4, ``WarmUpLR`` (utils.py: ``base_lr * last_epoch /
(total_iters + 1e-8)``, stepped after every batch of the first ``-warm`` epoch), then
``MultiStepLR(milestones=settings.MILESTONES, gamma=0.2)`` stepped as
``train_scheduler.step(epoch)`` from epoch 2; train and test loaders of 4 workers each,
both shuffled. Files: ``train.py``, ``utils.py``,
``conf/__init__.py``, ``conf/global_settings.py`` and ``models/squeezenet.py`` at that
commit (the only net utils.get_network imports for ``-net squeezenet``; ``models/`` has no
``__init__.py`` there: a namespace package), held verbatim below, each checked against its
git blob id, written into the cwd in the repository's layout and run in-process
(``runpy``, as ``__main__``, ``sys.argv = ['train.py', '-net', 'squeezenet']``, the cwd
first on ``sys.path``).
Scaled down (the change recorded): ``conf/global_settings.py``'s ``EPOCH = 200`` is
``EPOCH = 1`` in the case's copy (``SETTINGS_CHANGES``: one line replaced, marked ``#
zoo:``), and the data is a small subset (below). One epoch, the warm-up's: ``MultiStepLR``
is never stepped (its ``MILESTONES``, unchanged, never reached), nor are ``SAVE_EPOCH = 10``
and the best-weights save after ``MILESTONES[1]`` (no checkpoint written, no ``saving
weights`` line). Why one: the event file the truth comes from holds, besides its scalars,
a histogram of each of SqueezeNet's 102 parameter tensors each epoch (``add_histogram``,
about 0.6 MB an epoch) and the traced graph (0.1 MB), and the fixture keeps it byte for
byte, once a mode: 0.75 MB with one epoch, 1.4 MB with two (a two-epoch run, tried, prints
and scores as below, but for the second epoch's ``LR: 0.004000``, the schedule's
closed form after the warm-up, with ``MILESTONES`` lowered).
Data: utils.py calls ``torchvision.datasets.CIFAR100(root='./data', ..., download=True)``;
the case writes torchvision's on-disk CIFAR-100 where that finds it,
``data/cifar-100-python/`` with ``train`` (448 images: batches of 3 x 128 and 64),
``test`` (200: 128 and 72) and ``meta``, pickled dicts in the real files' layout (``data``
uint8 rows of 3072, ``fine_labels``, ``coarse_labels``, ``filenames``, ``batch_label``;
``fine_label_names``, ``coarse_label_names``), random pixels and labels from numpy's
``default_rng(0)``. torchvision checks each file's md5 against the real CIFAR-100's
(``CIFAR100.train_list``, ``test_list``, ``meta``) and, where one differs, downloads the
161 MB archive (offline: an error), so the case writes its files' md5s into those class
attributes before train.py runs: the check still runs, on this data; nothing is
downloaded. About 30 s on this 2-core machine (SqueezeNet's batch of 128 takes 2-4 s).

What it prints (stdout), per epoch a line a batch, the epoch's training time, then the
test set's line and an empty line::

    Training Epoch: 1 [128/448]	Loss: 4.6391	LR: 0.000000
    Training Epoch: 1 [256/448]	Loss: 4.6288	LR: 0.025000
    Training Epoch: 1 [384/448]	Loss: 4.6509	LR: 0.050000
    Training Epoch: 1 [448/448]	Loss: 4.6059	LR: 0.075000
    epoch 1 training time consumed: 12.86s
    Evaluating Network.....
    Test set: Epoch: 1, Average loss: 0.0461, Accuracy: 0.0050, Time consumed:3.03s

(tab-separated; ``LR`` is the optimizer's after ``optimizer.step()``, before the warm-up
steps it: 0 at the first batch, as ``WarmUpLR``'s constructor takes torch's initial step,
``last_epoch`` 0, then ``0.1 * n / 4``). On stderr, before those: torch's DataLoader
warning (4 workers, 2 suggested; once a loader) and ``torch.jit.trace``'s FutureWarnings
(``writer.add_graph``). Nothing differs between pipe and pty but the times.

Truth: train.py's own ``SummaryWriter`` event file under
``runs/squeezenet/<TIME_NOW>/`` (``_records.tb_folder``; listed in ``files``, with the
histograms of every parameter and the traced graph it also writes, 0.75 MB):
``Train/loss`` (``loss.item()`` at ``n_iter``, each batch), ``Test/Average loss`` and
``Test/Accuracy`` (each epoch). Its ``LastLayerGradients/*`` scalars are never written:
``list(net.children())[-1]`` is SqueezeNet's ``MaxPool2d``, which has no parameters. The
repository writes no ``Train/lr`` (its train.py at this commit only prints the LR), so the
printed ``LR`` is kept by one line added to train.py right after the training print
(``RECORD_LINES``, marked ``# zoo:``; no line of the stock text changed), which appends
``optimizer.param_groups[0]['lr']`` (the value just printed) to a list the case passes in
(``runpy``'s ``init_globals``); nothing is parsed from stdout. Judgement calls
(docs/metrics.md):
- Names: the training line's ``Training Epoch: 1 [128/320]`` is the label of the loop's
  progress line, naming its mode, which prefixes nothing (docs, "Phases"; the PyTorch MNIST
  example's ``Train Epoch:``), so ``Loss`` and ``LR`` as printed. ``Test set:`` labels the
  values after it as the MNIST example's ``Test set: Average loss: 0.03, Accuracy: ...``
  does (docs/config.md and metrics.md: ``test_loss``, ``test_accuracy``; ``Epoch: 1,``
  between the label and them is the epoch's key), so ``test_loss`` (``Test/Average loss``)
  and ``test_accuracy`` (``Test/Accuracy``). A call that could go the other way:
  ``test_average_loss``, the words as printed.
- Every scalar tag is also a ``file_metrics`` series under its tag, exact float32
  (``rel_tolerance=1e-6``): with the file read, its series stands for the printed one
  (``Train/loss`` for ``Loss``, as cleanrl_dqn's ``charts/episodic_return``).
- Counts and axes: ``Loss`` and ``LR`` one a batch, 4, keyed ``step`` at train.py's
  ``n_iter`` (``(epoch - 1) * len(loader) + batch_index + 1``, the step ``Train/loss`` is
  written at; the line prints the epoch's sample count ``[128/448]``, and ``448`` is the
  data set's size, no metric); ``test_loss`` and ``test_accuracy`` one an epoch, 1, keyed
  ``epoch`` (1-based, as printed, and the step the event file writes them at).
- Values: ``test_loss`` is the repository's ``test_loss / len(dataset)`` (the sum of the
  batches' mean losses over the image count, hence 0.046 for a loss of 4.6, as printed);
  ``test_accuracy`` a fraction, ``correct / len(dataset)``, as printed.
- Tolerances: ``{:0.4f}`` -> 5e-5 for ``Loss``, ``test_loss``, ``test_accuracy``, plus
  ``rel_tolerance=1e-6`` for the event file's float32; ``{:0.6f}`` -> 5e-7 for ``LR``.
- ``also_ok``: ``training_time_consumed`` (``epoch 1 training time consumed: 12.86s``) and
  ``test_time_consumed`` (the test line's ``Time consumed:3.03s``), wall times named by the
  docs' rule for a phase's words (pyGAT's ``training_time_elapsed``) and the ``Test set:``
  label; kept nowhere.
- Not metrics: ``Epoch: 1`` and the ``[128/320]`` counts.
- Determinism: train.py seeds nothing; the case seeds ``random``, numpy and torch before
  running it (initialisation, both loaders' shuffling, the workers' crops, flips and
  rotations), so the values repeat on the CPU, pipe and pty alike; only the times vary.
"""
# zoo-venv: cifar100

import glob
import hashlib
import pickle
import random
import runpy
import sys
from pathlib import Path

import numpy as np
import torch
import torchvision
from _records import tb_folder
from _truth import series, write_truth
from _verbatim import git_blob_id, with_lines

SOURCE_REPO = "weiaicunzai/pytorch-cifar100"
SOURCE_COMMIT = "11d8418f415b261e4ae3cb1ffe20d06ec95b98e4"
NET = "squeezenet"
TRAIN_IMAGES, TEST_IMAGES = 448, 200  # batches of 128: train 3 x 128 + 64, test 128 + 72

# conf/global_settings.py, scaled down: the change replaces one line of the stock text
SETTINGS_CHANGES = {
    "EPOCH = 200\n": "EPOCH = 1  # zoo: 200 in the repository\n",
}

# the record: a line added to train.py right after the training print (anchor -> the line
# after it); no line of the stock text changed. train() prints the optimizer's LR with each
# batch's loss but writes only the loss (`Train/loss`) to TensorBoard: the line keeps the LR
# just printed, at the step `Train/loss` is written at (n_iter)
RECORD_LINES = {
    "            total_samples=len(cifar100_training_loader.dataset)\n        ))\n":
        "        ZOO_RECORD.append((epoch, n_iter, optimizer.param_groups[0]['lr']))"
        "  # zoo: the LR just printed\n",
}
# TensorBoard tags that train.py also prints, with the name the printed line gives them
PRINTED = {"Train/loss": "Loss", "Test/Average loss": "test_loss",
           "Test/Accuracy": "test_accuracy"}


def write_cifar100(root: Path, seed: int = 0) -> dict[str, str]:
    """torchvision's CIFAR100 on-disk layout, ``cifar-100-python/`` as the real archive
    unpacks it: ``train`` and ``test`` (pickled dicts of ``data``, uint8 rows of 3072 =
    3x32x32 channel-major, ``fine_labels``, ``coarse_labels``, ``batch_label``,
    ``filenames``) and ``meta`` (``fine_label_names``, ``coarse_label_names``). Random pixels
    and labels, seeded. Returns each file's md5."""
    rng = np.random.default_rng(seed)
    folder = root / "cifar-100-python"
    folder.mkdir(parents=True, exist_ok=True)

    def split(count: int, label: str) -> dict:
        fine = rng.integers(0, 100, count)
        return {"filenames": [f"synthetic_{label}_{i:05d}.png" for i in range(count)],
                "batch_label": f"{label}ing batch 1 of 1",
                "fine_labels": [int(v) for v in fine],
                "coarse_labels": [int(v) // 5 for v in fine],
                "data": rng.integers(0, 256, (count, 3072), dtype=np.uint8)}

    contents = {"train": split(TRAIN_IMAGES, "train"), "test": split(TEST_IMAGES, "test"),
                "meta": {"fine_label_names": [f"class_{i:02d}" for i in range(100)],
                         "coarse_label_names": [f"superclass_{i:02d}" for i in range(20)]}}
    md5 = {}
    for name, content in contents.items():
        data = pickle.dumps(content, protocol=2)
        (folder / name).write_bytes(data)
        md5[name] = hashlib.md5(data).hexdigest()
    return md5


def main() -> None:
    for name, (text, blob) in FILES.items():
        if git_blob_id(text) != blob:
            sys.exit(f"{name} is not {SOURCE_REPO}'s at {SOURCE_COMMIT}")
        if name == "train.py":
            text = with_lines(text, RECORD_LINES)
        if name == "conf/global_settings.py":
            for stock, scaled in SETTINGS_CHANGES.items():
                assert text.count(stock) == 1, stock
                text = text.replace(stock, scaled)
        Path(name).parent.mkdir(parents=True, exist_ok=True)
        Path(name).write_text(text, encoding="utf-8")
    md5 = write_cifar100(Path("data"))
    # torchvision checks each file against the real CIFAR-100's md5 (and would download the
    # archive where one differs): its lists name this data's instead
    cifar = torchvision.datasets.CIFAR100
    cifar.train_list = [[name, md5[name]] for name, _ in cifar.train_list]
    cifar.test_list = [[name, md5[name]] for name, _ in cifar.test_list]
    cifar.meta = dict(cifar.meta, md5=md5[cifar.meta["filename"]])

    sys.path.insert(0, str(Path.cwd()))  # train.py's `from conf import settings`, as in its repo
    random.seed(0)  # train.py seeds nothing: the case does, for a run that repeats
    np.random.seed(0)
    torch.manual_seed(0)
    record: list[tuple[int, int, float]] = []
    sys.argv = ["train.py", "-net", NET]
    runpy.run_path("train.py", init_globals={"ZOO_RECORD": record}, run_name="__main__")

    # --- the truth: train.py's own SummaryWriter event file, and the recorded LR ---
    folders = glob.glob(f"runs/{NET}/*/")
    assert len(folders) == 1, folders
    event_files, found = tb_folder(folders[0])
    metrics = {PRINTED["Train/loss"]: series(found["Train/loss"], "step", tolerance=5e-5,
                                             rel_tolerance=1e-6),
               "LR": series([(n_iter, lr) for _, n_iter, lr in record], "step",
                            tolerance=5e-7),
               PRINTED["Test/Average loss"]: series(found["Test/Average loss"], "epoch",
                                                    tolerance=5e-5, rel_tolerance=1e-6),
               PRINTED["Test/Accuracy"]: series(found["Test/Accuracy"], "epoch",
                                                tolerance=5e-5, rel_tolerance=1e-6)}
    file_metrics = {tag: series(pairs, "epoch" if tag.startswith("Test/") else "step",
                                rel_tolerance=1e-6)
                    for tag, pairs in found.items()}  # the printed ones' tags too (PRINTED)
    write_truth("pytorch-cifar100",
                f"{SOURCE_REPO}@{SOURCE_COMMIT[:8]} (no release; torch {torch.__version__}, "
                f"torchvision {torchvision.__version__})",
                f"train.py's SummaryWriter event file under {folders[0]} (tb_folder); LR from a "
                "line the case adds after the training print (train.py prints it, writes it "
                "nowhere)", metrics, files=event_files, file_metrics=file_metrics,
                also_ok=ALSO_OK,
                notes="LR: epoch of each point: " + ", ".join(
                    f"{n_iter}: epoch {epoch}" for epoch, n_iter, _ in record)
                + "; scalar tags found: " + ", ".join(sorted(found)))


# wall times the run prints and keeps nowhere, named by the docs' rule (see the docstring)
ALSO_OK = ["training_time_consumed", "test_time_consumed"]


# train.py at SOURCE_COMMIT, verbatim
TRAIN_PY = r'''# train.py
#!/usr/bin/env	python3

""" train network using pytorch

author baiyu
"""

import os
import sys
import argparse
import time
from datetime import datetime

import numpy as np
import torch
import torch.nn as nn
import torch.optim as optim
import torchvision
import torchvision.transforms as transforms

from torch.utils.data import DataLoader
from torch.utils.tensorboard import SummaryWriter

from conf import settings
from utils import get_network, get_training_dataloader, get_test_dataloader, WarmUpLR, \
    most_recent_folder, most_recent_weights, last_epoch, best_acc_weights

def train(epoch):

    start = time.time()
    net.train()
    for batch_index, (images, labels) in enumerate(cifar100_training_loader):

        if args.gpu:
            labels = labels.cuda()
            images = images.cuda()

        optimizer.zero_grad()
        outputs = net(images)
        loss = loss_function(outputs, labels)
        loss.backward()
        optimizer.step()

        n_iter = (epoch - 1) * len(cifar100_training_loader) + batch_index + 1

        last_layer = list(net.children())[-1]
        for name, para in last_layer.named_parameters():
            if 'weight' in name:
                writer.add_scalar('LastLayerGradients/grad_norm2_weights', para.grad.norm(), n_iter)
            if 'bias' in name:
                writer.add_scalar('LastLayerGradients/grad_norm2_bias', para.grad.norm(), n_iter)

        print('Training Epoch: {epoch} [{trained_samples}/{total_samples}]\tLoss: {:0.4f}\tLR: {:0.6f}'.format(
            loss.item(),
            optimizer.param_groups[0]['lr'],
            epoch=epoch,
            trained_samples=batch_index * args.b + len(images),
            total_samples=len(cifar100_training_loader.dataset)
        ))

        #update training loss for each iteration
        writer.add_scalar('Train/loss', loss.item(), n_iter)

        if epoch <= args.warm:
            warmup_scheduler.step()

    for name, param in net.named_parameters():
        layer, attr = os.path.splitext(name)
        attr = attr[1:]
        writer.add_histogram("{}/{}".format(layer, attr), param, epoch)

    finish = time.time()

    print('epoch {} training time consumed: {:.2f}s'.format(epoch, finish - start))

@torch.no_grad()
def eval_training(epoch=0, tb=True):

    start = time.time()
    net.eval()

    test_loss = 0.0 # cost function error
    correct = 0.0

    for (images, labels) in cifar100_test_loader:

        if args.gpu:
            images = images.cuda()
            labels = labels.cuda()

        outputs = net(images)
        loss = loss_function(outputs, labels)

        test_loss += loss.item()
        _, preds = outputs.max(1)
        correct += preds.eq(labels).sum()

    finish = time.time()
    if args.gpu:
        print('GPU INFO.....')
        print(torch.cuda.memory_summary(), end='')
    print('Evaluating Network.....')
    print('Test set: Epoch: {}, Average loss: {:.4f}, Accuracy: {:.4f}, Time consumed:{:.2f}s'.format(
        epoch,
        test_loss / len(cifar100_test_loader.dataset),
        correct.float() / len(cifar100_test_loader.dataset),
        finish - start
    ))
    print()

    #add informations to tensorboard
    if tb:
        writer.add_scalar('Test/Average loss', test_loss / len(cifar100_test_loader.dataset), epoch)
        writer.add_scalar('Test/Accuracy', correct.float() / len(cifar100_test_loader.dataset), epoch)

    return correct.float() / len(cifar100_test_loader.dataset)

if __name__ == '__main__':

    parser = argparse.ArgumentParser()
    parser.add_argument('-net', type=str, required=True, help='net type')
    parser.add_argument('-gpu', action='store_true', default=False, help='use gpu or not')
    parser.add_argument('-b', type=int, default=128, help='batch size for dataloader')
    parser.add_argument('-warm', type=int, default=1, help='warm up training phase')
    parser.add_argument('-lr', type=float, default=0.1, help='initial learning rate')
    parser.add_argument('-resume', action='store_true', default=False, help='resume training')
    args = parser.parse_args()

    net = get_network(args)

    #data preprocessing:
    cifar100_training_loader = get_training_dataloader(
        settings.CIFAR100_TRAIN_MEAN,
        settings.CIFAR100_TRAIN_STD,
        num_workers=4,
        batch_size=args.b,
        shuffle=True
    )

    cifar100_test_loader = get_test_dataloader(
        settings.CIFAR100_TRAIN_MEAN,
        settings.CIFAR100_TRAIN_STD,
        num_workers=4,
        batch_size=args.b,
        shuffle=True
    )

    loss_function = nn.CrossEntropyLoss()
    optimizer = optim.SGD(net.parameters(), lr=args.lr, momentum=0.9, weight_decay=5e-4)
    train_scheduler = optim.lr_scheduler.MultiStepLR(optimizer, milestones=settings.MILESTONES, gamma=0.2) #learning rate decay
    iter_per_epoch = len(cifar100_training_loader)
    warmup_scheduler = WarmUpLR(optimizer, iter_per_epoch * args.warm)

    if args.resume:
        recent_folder = most_recent_folder(os.path.join(settings.CHECKPOINT_PATH, args.net), fmt=settings.DATE_FORMAT)
        if not recent_folder:
            raise Exception('no recent folder were found')

        checkpoint_path = os.path.join(settings.CHECKPOINT_PATH, args.net, recent_folder)

    else:
        checkpoint_path = os.path.join(settings.CHECKPOINT_PATH, args.net, settings.TIME_NOW)

    #use tensorboard
    if not os.path.exists(settings.LOG_DIR):
        os.mkdir(settings.LOG_DIR)

    #since tensorboard can't overwrite old values
    #so the only way is to create a new tensorboard log
    writer = SummaryWriter(log_dir=os.path.join(
            settings.LOG_DIR, args.net, settings.TIME_NOW))
    input_tensor = torch.Tensor(1, 3, 32, 32)
    if args.gpu:
        input_tensor = input_tensor.cuda()
    writer.add_graph(net, input_tensor)

    #create checkpoint folder to save model
    if not os.path.exists(checkpoint_path):
        os.makedirs(checkpoint_path)
    checkpoint_path = os.path.join(checkpoint_path, '{net}-{epoch}-{type}.pth')

    best_acc = 0.0
    if args.resume:
        best_weights = best_acc_weights(os.path.join(settings.CHECKPOINT_PATH, args.net, recent_folder))
        if best_weights:
            weights_path = os.path.join(settings.CHECKPOINT_PATH, args.net, recent_folder, best_weights)
            print('found best acc weights file:{}'.format(weights_path))
            print('load best training file to test acc...')
            net.load_state_dict(torch.load(weights_path))
            best_acc = eval_training(tb=False)
            print('best acc is {:0.2f}'.format(best_acc))

        recent_weights_file = most_recent_weights(os.path.join(settings.CHECKPOINT_PATH, args.net, recent_folder))
        if not recent_weights_file:
            raise Exception('no recent weights file were found')
        weights_path = os.path.join(settings.CHECKPOINT_PATH, args.net, recent_folder, recent_weights_file)
        print('loading weights file {} to resume training.....'.format(weights_path))
        net.load_state_dict(torch.load(weights_path))

        resume_epoch = last_epoch(os.path.join(settings.CHECKPOINT_PATH, args.net, recent_folder))


    for epoch in range(1, settings.EPOCH + 1):
        if epoch > args.warm:
            train_scheduler.step(epoch)

        if args.resume:
            if epoch <= resume_epoch:
                continue

        train(epoch)
        acc = eval_training(epoch)

        #start to save best performance model after learning rate decay to 0.01
        if epoch > settings.MILESTONES[1] and best_acc < acc:
            weights_path = checkpoint_path.format(net=args.net, epoch=epoch, type='best')
            print('saving weights file to {}'.format(weights_path))
            torch.save(net.state_dict(), weights_path)
            best_acc = acc
            continue

        if not epoch % settings.SAVE_EPOCH:
            weights_path = checkpoint_path.format(net=args.net, epoch=epoch, type='regular')
            print('saving weights file to {}'.format(weights_path))
            torch.save(net.state_dict(), weights_path)

    writer.close()
'''  # noqa: E501


# utils.py at SOURCE_COMMIT, verbatim
UTILS_PY = r'''""" helper function

author baiyu
"""
import os
import sys
import re
import datetime

import numpy

import torch
from torch.optim.lr_scheduler import _LRScheduler
import torchvision
import torchvision.transforms as transforms
from torch.utils.data import DataLoader


def get_network(args):
    """ return given network
    """

    if args.net == 'vgg16':
        from models.vgg import vgg16_bn
        net = vgg16_bn()
    elif args.net == 'vgg13':
        from models.vgg import vgg13_bn
        net = vgg13_bn()
    elif args.net == 'vgg11':
        from models.vgg import vgg11_bn
        net = vgg11_bn()
    elif args.net == 'vgg19':
        from models.vgg import vgg19_bn
        net = vgg19_bn()
    elif args.net == 'densenet121':
        from models.densenet import densenet121
        net = densenet121()
    elif args.net == 'densenet161':
        from models.densenet import densenet161
        net = densenet161()
    elif args.net == 'densenet169':
        from models.densenet import densenet169
        net = densenet169()
    elif args.net == 'densenet201':
        from models.densenet import densenet201
        net = densenet201()
    elif args.net == 'googlenet':
        from models.googlenet import googlenet
        net = googlenet()
    elif args.net == 'inceptionv3':
        from models.inceptionv3 import inceptionv3
        net = inceptionv3()
    elif args.net == 'inceptionv4':
        from models.inceptionv4 import inceptionv4
        net = inceptionv4()
    elif args.net == 'inceptionresnetv2':
        from models.inceptionv4 import inception_resnet_v2
        net = inception_resnet_v2()
    elif args.net == 'xception':
        from models.xception import xception
        net = xception()
    elif args.net == 'resnet18':
        from models.resnet import resnet18
        net = resnet18()
    elif args.net == 'resnet34':
        from models.resnet import resnet34
        net = resnet34()
    elif args.net == 'resnet50':
        from models.resnet import resnet50
        net = resnet50()
    elif args.net == 'resnet101':
        from models.resnet import resnet101
        net = resnet101()
    elif args.net == 'resnet152':
        from models.resnet import resnet152
        net = resnet152()
    elif args.net == 'preactresnet18':
        from models.preactresnet import preactresnet18
        net = preactresnet18()
    elif args.net == 'preactresnet34':
        from models.preactresnet import preactresnet34
        net = preactresnet34()
    elif args.net == 'preactresnet50':
        from models.preactresnet import preactresnet50
        net = preactresnet50()
    elif args.net == 'preactresnet101':
        from models.preactresnet import preactresnet101
        net = preactresnet101()
    elif args.net == 'preactresnet152':
        from models.preactresnet import preactresnet152
        net = preactresnet152()
    elif args.net == 'resnext50':
        from models.resnext import resnext50
        net = resnext50()
    elif args.net == 'resnext101':
        from models.resnext import resnext101
        net = resnext101()
    elif args.net == 'resnext152':
        from models.resnext import resnext152
        net = resnext152()
    elif args.net == 'shufflenet':
        from models.shufflenet import shufflenet
        net = shufflenet()
    elif args.net == 'shufflenetv2':
        from models.shufflenetv2 import shufflenetv2
        net = shufflenetv2()
    elif args.net == 'squeezenet':
        from models.squeezenet import squeezenet
        net = squeezenet()
    elif args.net == 'mobilenet':
        from models.mobilenet import mobilenet
        net = mobilenet()
    elif args.net == 'mobilenetv2':
        from models.mobilenetv2 import mobilenetv2
        net = mobilenetv2()
    elif args.net == 'nasnet':
        from models.nasnet import nasnet
        net = nasnet()
    elif args.net == 'attention56':
        from models.attention import attention56
        net = attention56()
    elif args.net == 'attention92':
        from models.attention import attention92
        net = attention92()
    elif args.net == 'seresnet18':
        from models.senet import seresnet18
        net = seresnet18()
    elif args.net == 'seresnet34':
        from models.senet import seresnet34
        net = seresnet34()
    elif args.net == 'seresnet50':
        from models.senet import seresnet50
        net = seresnet50()
    elif args.net == 'seresnet101':
        from models.senet import seresnet101
        net = seresnet101()
    elif args.net == 'seresnet152':
        from models.senet import seresnet152
        net = seresnet152()
    elif args.net == 'wideresnet':
        from models.wideresidual import wideresnet
        net = wideresnet()
    elif args.net == 'stochasticdepth18':
        from models.stochasticdepth import stochastic_depth_resnet18
        net = stochastic_depth_resnet18()
    elif args.net == 'stochasticdepth34':
        from models.stochasticdepth import stochastic_depth_resnet34
        net = stochastic_depth_resnet34()
    elif args.net == 'stochasticdepth50':
        from models.stochasticdepth import stochastic_depth_resnet50
        net = stochastic_depth_resnet50()
    elif args.net == 'stochasticdepth101':
        from models.stochasticdepth import stochastic_depth_resnet101
        net = stochastic_depth_resnet101()

    else:
        print('the network name you have entered is not supported yet')
        sys.exit()

    if args.gpu: #use_gpu
        net = net.cuda()

    return net


def get_training_dataloader(mean, std, batch_size=16, num_workers=2, shuffle=True):
    """ return training dataloader
    Args:
        mean: mean of cifar100 training dataset
        std: std of cifar100 training dataset
        path: path to cifar100 training python dataset
        batch_size: dataloader batchsize
        num_workers: dataloader num_works
        shuffle: whether to shuffle
    Returns: train_data_loader:torch dataloader object
    """

    transform_train = transforms.Compose([
        #transforms.ToPILImage(),
        transforms.RandomCrop(32, padding=4),
        transforms.RandomHorizontalFlip(),
        transforms.RandomRotation(15),
        transforms.ToTensor(),
        transforms.Normalize(mean, std)
    ])
    #cifar100_training = CIFAR100Train(path, transform=transform_train)
    cifar100_training = torchvision.datasets.CIFAR100(root='./data', train=True, download=True, transform=transform_train)
    cifar100_training_loader = DataLoader(
        cifar100_training, shuffle=shuffle, num_workers=num_workers, batch_size=batch_size)

    return cifar100_training_loader

def get_test_dataloader(mean, std, batch_size=16, num_workers=2, shuffle=True):
    """ return training dataloader
    Args:
        mean: mean of cifar100 test dataset
        std: std of cifar100 test dataset
        path: path to cifar100 test python dataset
        batch_size: dataloader batchsize
        num_workers: dataloader num_works
        shuffle: whether to shuffle
    Returns: cifar100_test_loader:torch dataloader object
    """

    transform_test = transforms.Compose([
        transforms.ToTensor(),
        transforms.Normalize(mean, std)
    ])
    #cifar100_test = CIFAR100Test(path, transform=transform_test)
    cifar100_test = torchvision.datasets.CIFAR100(root='./data', train=False, download=True, transform=transform_test)
    cifar100_test_loader = DataLoader(
        cifar100_test, shuffle=shuffle, num_workers=num_workers, batch_size=batch_size)

    return cifar100_test_loader

def compute_mean_std(cifar100_dataset):
    """compute the mean and std of cifar100 dataset
    Args:
        cifar100_training_dataset or cifar100_test_dataset
        witch derived from class torch.utils.data

    Returns:
        a tuple contains mean, std value of entire dataset
    """

    data_r = numpy.dstack([cifar100_dataset[i][1][:, :, 0] for i in range(len(cifar100_dataset))])
    data_g = numpy.dstack([cifar100_dataset[i][1][:, :, 1] for i in range(len(cifar100_dataset))])
    data_b = numpy.dstack([cifar100_dataset[i][1][:, :, 2] for i in range(len(cifar100_dataset))])
    mean = numpy.mean(data_r), numpy.mean(data_g), numpy.mean(data_b)
    std = numpy.std(data_r), numpy.std(data_g), numpy.std(data_b)

    return mean, std

class WarmUpLR(_LRScheduler):
    """warmup_training learning rate scheduler
    Args:
        optimizer: optimzier(e.g. SGD)
        total_iters: totoal_iters of warmup phase
    """
    def __init__(self, optimizer, total_iters, last_epoch=-1):

        self.total_iters = total_iters
        super().__init__(optimizer, last_epoch)

    def get_lr(self):
        """we will use the first m batches, and set the learning
        rate to base_lr * m / total_iters
        """
        return [base_lr * self.last_epoch / (self.total_iters + 1e-8) for base_lr in self.base_lrs]


def most_recent_folder(net_weights, fmt):
    """
        return most recent created folder under net_weights
        if no none-empty folder were found, return empty folder
    """
    # get subfolders in net_weights
    folders = os.listdir(net_weights)

    # filter out empty folders
    folders = [f for f in folders if len(os.listdir(os.path.join(net_weights, f)))]
    if len(folders) == 0:
        return ''

    # sort folders by folder created time
    folders = sorted(folders, key=lambda f: datetime.datetime.strptime(f, fmt))
    return folders[-1]

def most_recent_weights(weights_folder):
    """
        return most recent created weights file
        if folder is empty return empty string
    """
    weight_files = os.listdir(weights_folder)
    if len(weights_folder) == 0:
        return ''

    regex_str = r'([A-Za-z0-9]+)-([0-9]+)-(regular|best)'

    # sort files by epoch
    weight_files = sorted(weight_files, key=lambda w: int(re.search(regex_str, w).groups()[1]))

    return weight_files[-1]

def last_epoch(weights_folder):
    weight_file = most_recent_weights(weights_folder)
    if not weight_file:
       raise Exception('no recent weights were found')
    resume_epoch = int(weight_file.split('-')[1])

    return resume_epoch

def best_acc_weights(weights_folder):
    """
        return the best acc .pth file in given folder, if no
        best acc weights file were found, return empty string
    """
    files = os.listdir(weights_folder)
    if len(files) == 0:
        return ''

    regex_str = r'([A-Za-z0-9]+)-([0-9]+)-(regular|best)'
    best_files = [w for w in files if re.search(regex_str, w).groups()[2] == 'best']
    if len(best_files) == 0:
        return ''

    best_files = sorted(best_files, key=lambda w: int(re.search(regex_str, w).groups()[1]))
    return best_files[-1]'''  # noqa: E501


# conf/__init__.py at SOURCE_COMMIT, verbatim
CONF___INIT___PY = r'''""" dynamically load settings

author baiyu
"""
import conf.global_settings as settings

class Settings:
    def __init__(self, settings):

        for attr in dir(settings):
            if attr.isupper():
                setattr(self, attr, getattr(settings, attr))

settings = Settings(settings)'''


# conf/global_settings.py at SOURCE_COMMIT, verbatim
CONF_GLOBAL_SETTINGS_PY = r'''""" configurations for this project

author baiyu
"""
import os
from datetime import datetime

#CIFAR100 dataset path (python version)
#CIFAR100_PATH = '/nfs/private/cifar100/cifar-100-python'

#mean and std of cifar100 dataset
CIFAR100_TRAIN_MEAN = (0.5070751592371323, 0.48654887331495095, 0.4409178433670343)
CIFAR100_TRAIN_STD = (0.2673342858792401, 0.2564384629170883, 0.27615047132568404)

#CIFAR100_TEST_MEAN = (0.5088964127604166, 0.48739301317401956, 0.44194221124387256)
#CIFAR100_TEST_STD = (0.2682515741720801, 0.2573637364478126, 0.2770957707973042)

#directory to save weights file
CHECKPOINT_PATH = 'checkpoint'

#total training epoches
EPOCH = 200
MILESTONES = [60, 120, 160]

#initial learning rate
#INIT_LR = 0.1

DATE_FORMAT = '%A_%d_%B_%Y_%Hh_%Mm_%Ss'
#time of we run the script
TIME_NOW = datetime.now().strftime(DATE_FORMAT)

#tensorboard log dir
LOG_DIR = 'runs'

#save weights file per SAVE_EPOCH epoch
SAVE_EPOCH = 10








'''


# models/squeezenet.py at SOURCE_COMMIT, verbatim
MODELS_SQUEEZENET_PY = r'''"""squeezenet in pytorch



[1] Song Han, Jeff Pool, John Tran, William J. Dally

    squeezenet: Learning both Weights and Connections for Efficient Neural Networks
    https://arxiv.org/abs/1506.02626
"""

import torch
import torch.nn as nn


class Fire(nn.Module):

    def __init__(self, in_channel, out_channel, squzee_channel):

        super().__init__()
        self.squeeze = nn.Sequential(
            nn.Conv2d(in_channel, squzee_channel, 1),
            nn.BatchNorm2d(squzee_channel),
            nn.ReLU(inplace=True)
        )

        self.expand_1x1 = nn.Sequential(
            nn.Conv2d(squzee_channel, int(out_channel / 2), 1),
            nn.BatchNorm2d(int(out_channel / 2)),
            nn.ReLU(inplace=True)
        )

        self.expand_3x3 = nn.Sequential(
            nn.Conv2d(squzee_channel, int(out_channel / 2), 3, padding=1),
            nn.BatchNorm2d(int(out_channel / 2)),
            nn.ReLU(inplace=True)
        )

    def forward(self, x):

        x = self.squeeze(x)
        x = torch.cat([
            self.expand_1x1(x),
            self.expand_3x3(x)
        ], 1)

        return x

class SqueezeNet(nn.Module):

    """mobile net with simple bypass"""
    def __init__(self, class_num=100):

        super().__init__()
        self.stem = nn.Sequential(
            nn.Conv2d(3, 96, 3, padding=1),
            nn.BatchNorm2d(96),
            nn.ReLU(inplace=True),
            nn.MaxPool2d(2, 2)
        )

        self.fire2 = Fire(96, 128, 16)
        self.fire3 = Fire(128, 128, 16)
        self.fire4 = Fire(128, 256, 32)
        self.fire5 = Fire(256, 256, 32)
        self.fire6 = Fire(256, 384, 48)
        self.fire7 = Fire(384, 384, 48)
        self.fire8 = Fire(384, 512, 64)
        self.fire9 = Fire(512, 512, 64)

        self.conv10 = nn.Conv2d(512, class_num, 1)
        self.avg = nn.AdaptiveAvgPool2d(1)
        self.maxpool = nn.MaxPool2d(2, 2)

    def forward(self, x):
        x = self.stem(x)

        f2 = self.fire2(x)
        f3 = self.fire3(f2) + f2
        f4 = self.fire4(f3)
        f4 = self.maxpool(f4)

        f5 = self.fire5(f4) + f4
        f6 = self.fire6(f5)
        f7 = self.fire7(f6) + f6
        f8 = self.fire8(f7)
        f8 = self.maxpool(f8)

        f9 = self.fire9(f8)
        c10 = self.conv10(f9)

        x = self.avg(c10)
        x = x.view(x.size(0), -1)

        return x

def squeezenet(class_num=100):
    return SqueezeNet(class_num=class_num)
'''


# what the case writes into the cwd, as the repository lays it out: path -> (its text at
# SOURCE_COMMIT, its git blob id there)
FILES = {
    "train.py": (TRAIN_PY, "c5034606788fc8b4c49e076cd90ef50fcfe30181"),
    "utils.py": (UTILS_PY, "f2cfac38f27dd21ba43bd8e6f76ce17205999f20"),
    "conf/__init__.py": (CONF___INIT___PY, "ace580b59bc6ea347d0c240bf46803d22ed9bd73"),
    "conf/global_settings.py":
        (CONF_GLOBAL_SETTINGS_PY, "8077b3635cb847c4e5232c9e73c3eaa67a22aa6e"),
    "models/squeezenet.py": (MODELS_SQUEEZENET_PY, "a8821eb59e60e8022e1ede9c76f263c9a4e3d8d0"),
}


if __name__ == "__main__":
    main()

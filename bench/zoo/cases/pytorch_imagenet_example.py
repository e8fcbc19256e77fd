"""PyTorch's official ImageNet training example, ``imagenet/main.py`` of pytorch/examples at
77f55b91 (77f55b912142e11fcfdf5b530231fb9c52f181e8, 2025-08-25; the file last changed by
42068585, 2025-07-07; held verbatim below as ``MAIN_PY``, checked against its git blob id
42e5e9fa64f023f019689ab871332d5e3ffa2ab8), run as its README runs it (``python main.py -a
resnet18 [imagenet-folder with train and val folders]``), small and on the CPU: ``python
main.py -a resnet18 --epochs 2 -b 4 -p 2 -j 0 --seed 1 imagenet``. ResNet-18 from scratch
(no ``--pretrained``: nothing downloaded), SGD at the default ``--lr 0.1``, momentum 0.9,
weight decay 1e-4, ``StepLR(step_size=30)``; ``--seed 1`` seeds ``random`` and torch (the
weights, ``RandomResizedCrop``/``RandomHorizontalFlip`` and the shuffling), so a rerun
repeats every loss and accuracy, only the times vary; ``-j 0`` loads in the main process.
The data: a tiny ImageFolder in ImageNet's layout, written to ``imagenet/train/<wnid>/`` and
``imagenet/val/<wnid>/`` under the run's cwd: four classes (the first four ImageNet wnids),
16 training and 8 validation 64x64 RGB JPEGs, each its class's colour with noise (numpy
seed 0, Pillow), which the example's own transforms resize and crop to 224 (train:
``RandomResizedCrop(224)``, flip; val: ``Resize(256)``, ``CenterCrop(224)``). The script
runs in-process (``runpy`` as ``__main__``, ``sys.argv`` as above) and writes its
``checkpoint.pth.tar``/``model_best.pth.tar`` into the cwd, as a user's run does. About 20 s
of ResNet-18 on one CPU thread.

What it prints: on stdout ``Using device: cpu``, ``=> creating model 'resnet18'``, ``using
CPU, this will be slow``; then per epoch the training progress at every second batch
(``i % 2 == 0``: batches 1 and 3 of 4; ``ProgressMeter.display`` joins its meters by tabs,
each ``name val (avg)``; each line broken in two here), the validation's first batch (of
2) and its summary::

    Epoch: [0][1/4]	Time  2.114 ( 2.114)	Data  0.064 ( 0.064)	Loss 7.2411e+00 (7.2411e+00)
        Acc@1   0.00 (  0.00)	Acc@5   0.00 (  0.00)
    Epoch: [0][3/4]	Time  1.509 ( 1.692)	Data  0.020 ( 0.035)	Loss 2.8802e+01 (1.3208e+01)
        Acc@1  25.00 ( 16.67)	Acc@5  25.00 ( 41.67)
    Test: [1/2]	Time  0.537 ( 0.537)	Loss 8.8352e+05 (8.8352e+05)	Acc@1   0.00 (  0.00)
        Acc@5 100.00 (100.00)
     *   Acc@1 25.000 Acc@5 75.000

(the summary's three spaces: ``display_summary`` joins ``" *"`` and each meter's summary by
spaces, and ``Time`` and ``Loss`` summarise to ``''``). The loss is large (lr 0.1 on batches
of 4 with BatchNorm; the validation's runs to 1e5-1e7): the example's own arithmetic. On
stderr Python's warnings: ``--seed``'s ``UserWarning: You have chosen to seed training...``
and the DataLoader's that ``pin_memory`` finds no accelerator.

Truth: the example keeps no record of its metrics (no logger; its checkpoint keeps only
``best_acc1``), so its own ``AverageMeter`` values are the record: three lines added to
``main.py`` (marked ``# zoo:``; nothing else changed), each right after the example prints,
keep the printed batch's ``losses.val``, ``top1.val``, ``top5.val`` (``loss.item()`` and
``accuracy()``'s percentages of that batch) in ``train()`` and in ``validate()``, and
``top1.avg``, ``top5.avg`` after ``display_summary()``, in a dict the case passes in
(``runpy``'s ``init_globals``); nothing is parsed from stdout. Judgement calls
(docs/metrics.md):
- Names: the meters' own names, as printed. The training line's ``Epoch: [0][1/4]`` is the
  epoch and the batch, no phase: ``Loss``, ``Acc@1``, ``Acc@5``. The validation line's
  ``Test:`` is a phase label, which prefixes every name after it (docs: "``Test: [10/100]
  Loss 1.2`` -> ``test_loss``"): ``test_loss``, ``test_acc@1``, ``test_acc@5`` (lower case as
  the docs write them, and as ``torchvision_classification_ref``'s ``Test:  Acc@1`` ->
  ``test_acc@1``).
- Each value is the printed batch's (``val``); the running average in parentheses is a
  remark (docs, "Values": "``loss 6.95 (6.96)``: the running average in parentheses is a
  remark, not recorded").
- The summary `` *   Acc@1 25.000 Acc@5 75.000`` is the validation set's ``top1.avg``,
  ``top5.avg`` (what ``validate`` returns as ``acc1``). Its line has no phase word (the
  ``Test: `` prefix is not printed on it), and the docs read it as the line's message
  ("a lone name and value after a bullet (`` * Acc@1 84.369``, the PyTorch ImageNet
  example's summary)"), named as printed: ``Acc@1``, ``Acc@5``, the very names of the
  training meters. Two quantities (a training batch's accuracy, the validation set's mean)
  under one printed name with no phase to tell them apart: by the naming rule they are one
  series, so ``Acc@1`` and ``Acc@5`` hold, in print order, the training batches' values and
  each epoch's validation summary (6 points each; the summaries keyed at step 4, the
  epoch's last batch, the training they follow). A questionable call, flagged in the report
  of session 102: naming the summaries ``test_acc@1`` instead would collide with the
  ``Test:`` lines' batch values.
- Steps: ``[1/4]`` is the batch count after the epoch (``i + 1``), keyed ``step``, starting
  again each epoch (docs: "an unnamed index after the epoch's bracket is the iteration");
  the epoch of each (``[0]``, ``[1]``, 0-based as printed) is in ``notes``; ``Test: [1/2]``
  likewise the validation's batch.
- Tolerances: ``Loss`` ``{:.4e}``: relative 5e-5 (half the mantissa's last digit); the
  accuracies ``{:6.2f}``: 0.005 (the summaries' ``{:.3f}`` within it).
- ``Time`` and ``Data`` (the batch's time and data-loading time, with their averages) and
  the validation's ``Time`` (``test_time``) are timings the example prints but keeps
  nowhere: ``also_ok``.
"""
# zoo-venv: ptvision

import runpy
import sys
from pathlib import Path

import numpy as np
import torch
from _truth import series, write_truth
from _verbatim import git_blob_id, with_lines
from PIL import Image

SOURCE_REPO, SOURCE_COMMIT = "pytorch/examples", "77f55b912142e11fcfdf5b530231fb9c52f181e8"
BLOB = "42e5e9fa64f023f019689ab871332d5e3ffa2ab8"  # imagenet/main.py at SOURCE_COMMIT
ARGV = ["main.py", "-a", "resnet18", "--epochs", "2", "-b", "4", "-p", "2", "-j", "0",
        "--seed", "1", "imagenet"]
WNIDS = ["n01440764", "n01443537", "n01484850", "n01491361"]  # ImageNet's first four classes
N_TRAIN, N_VAL = 4, 2  # images a class
BATCHES = N_TRAIN * len(WNIDS) // 4  # -b 4: training batches an epoch
# the record: three lines added to main.py, each right after the example prints the values
# (anchor, with the line before it -> the anchor and the line after it)
RECORD_LINES = {
    "\n        if i % args.print_freq == 0:\n            progress.display(i + 1)\n":
        "            RECORD[\"train\"].append((epoch, i + 1, losses.val, float(top1.val), "
        "float(top5.val)))  # zoo: the record\n",
    "\n                if i % args.print_freq == 0:\n                    progress.display(i + 1)\n":
        "                    RECORD[\"test\"].append((i + 1, losses.val, float(top1.val), "
        "float(top5.val)))  # zoo: the record\n",
    "\n    progress.display_summary()\n":
        "    RECORD[\"summary\"].append((float(top1.avg), float(top5.avg)))  # zoo: the record\n",
}



def write_image_folder(root: Path) -> None:
    """ImageNet's layout (``train/<wnid>/*.JPEG``, ``val/<wnid>/*.JPEG``): 64x64 RGB JPEGs,
    each its class's colour with noise."""
    rng = np.random.default_rng(0)
    colours = rng.integers(40, 216, (len(WNIDS), 3))
    for split, count in (("train", N_TRAIN), ("val", N_VAL)):
        for label, wnid in enumerate(WNIDS):
            folder = root / split / wnid
            folder.mkdir(parents=True)
            for index in range(count):
                pixels = colours[label] + rng.normal(0, 30, (64, 64, 3))
                Image.fromarray(np.clip(pixels, 0, 255).astype(np.uint8)).save(
                    folder / f"{wnid}_{index}.JPEG", quality=90)


# pytorch/examples imagenet/main.py at SOURCE_COMMIT, verbatim (blob id above)
MAIN_PY = r'''import argparse
import os
import random
import shutil
import time
import warnings
from enum import Enum

import torch
import torch.backends.cudnn as cudnn
import torch.distributed as dist
import torch.multiprocessing as mp
import torch.nn as nn
import torch.nn.parallel
import torch.optim
import torch.utils.data
import torch.utils.data.distributed
import torchvision.datasets as datasets
import torchvision.models as models
import torchvision.transforms as transforms
from torch.optim.lr_scheduler import StepLR
from torch.utils.data import Subset

model_names = sorted(name for name in models.__dict__
    if name.islower() and not name.startswith("__")
    and callable(models.__dict__[name]))

parser = argparse.ArgumentParser(description='PyTorch ImageNet Training')
parser.add_argument('data', metavar='DIR', nargs='?', default='imagenet',
                    help='path to dataset (default: imagenet)')
parser.add_argument('-a', '--arch', metavar='ARCH', default='resnet18',
                    choices=model_names,
                    help='model architecture: ' +
                        ' | '.join(model_names) +
                        ' (default: resnet18)')
parser.add_argument('-j', '--workers', default=4, type=int, metavar='N',
                    help='number of data loading workers (default: 4)')
parser.add_argument('--epochs', default=90, type=int, metavar='N',
                    help='number of total epochs to run')
parser.add_argument('--start-epoch', default=0, type=int, metavar='N',
                    help='manual epoch number (useful on restarts)')
parser.add_argument('-b', '--batch-size', default=256, type=int,
                    metavar='N',
                    help='mini-batch size (default: 256), this is the total '
                         'batch size of all GPUs on the current node when '
                         'using Data Parallel or Distributed Data Parallel')
parser.add_argument('--lr', '--learning-rate', default=0.1, type=float,
                    metavar='LR', help='initial learning rate', dest='lr')
parser.add_argument('--momentum', default=0.9, type=float, metavar='M',
                    help='momentum')
parser.add_argument('--wd', '--weight-decay', default=1e-4, type=float,
                    metavar='W', help='weight decay (default: 1e-4)',
                    dest='weight_decay')
parser.add_argument('-p', '--print-freq', default=10, type=int,
                    metavar='N', help='print frequency (default: 10)')
parser.add_argument('--resume', default='', type=str, metavar='PATH',
                    help='path to latest checkpoint (default: none)')
parser.add_argument('-e', '--evaluate', dest='evaluate', action='store_true',
                    help='evaluate model on validation set')
parser.add_argument('--pretrained', dest='pretrained', action='store_true',
                    help='use pre-trained model')
parser.add_argument('--world-size', default=-1, type=int,
                    help='number of nodes for distributed training')
parser.add_argument('--rank', default=-1, type=int,
                    help='node rank for distributed training')
parser.add_argument('--dist-url', default='tcp://224.66.41.62:23456', type=str,
                    help='url used to set up distributed training')
parser.add_argument('--dist-backend', default='nccl', type=str,
                    help='distributed backend')
parser.add_argument('--seed', default=None, type=int,
                    help='seed for initializing training. ')
parser.add_argument('--gpu', default=None, type=int,
                    help='GPU id to use.')
parser.add_argument('--no-accel', action='store_true',
                    help='disables accelerator')
parser.add_argument('--multiprocessing-distributed', action='store_true',
                    help='Use multi-processing distributed training to launch '
                         'N processes per node, which has N GPUs. This is the '
                         'fastest way to use PyTorch for either single node or '
                         'multi node data parallel training')
parser.add_argument('--dummy', action='store_true', help="use fake data to benchmark")

best_acc1 = 0


def main():
    args = parser.parse_args()

    if args.seed is not None:
        random.seed(args.seed)
        torch.manual_seed(args.seed)
        cudnn.deterministic = True
        cudnn.benchmark = False
        warnings.warn('You have chosen to seed training. '
                      'This will turn on the CUDNN deterministic setting, '
                      'which can slow down your training considerably! '
                      'You may see unexpected behavior when restarting '
                      'from checkpoints.')

    if args.gpu is not None:
        warnings.warn('You have chosen a specific GPU. This will completely '
                      'disable data parallelism.')

    if args.dist_url == "env://" and args.world_size == -1:
        args.world_size = int(os.environ["WORLD_SIZE"])

    args.distributed = args.world_size > 1 or args.multiprocessing_distributed

    use_accel = not args.no_accel and torch.accelerator.is_available()

    if use_accel:
        device = torch.accelerator.current_accelerator()
    else:
        device = torch.device("cpu")

    print(f"Using device: {device}")

    if device.type =='cuda':
        ngpus_per_node = torch.accelerator.device_count()
        if ngpus_per_node == 1 and args.dist_backend == "nccl":
            warnings.warn("nccl backend >=2.5 requires GPU count>1, see https://github.com/NVIDIA/nccl/issues/103 perhaps use 'gloo'")
    else:
        ngpus_per_node = 1

    if args.multiprocessing_distributed:
        # Since we have ngpus_per_node processes per node, the total world_size
        # needs to be adjusted accordingly
        args.world_size = ngpus_per_node * args.world_size
        # Use torch.multiprocessing.spawn to launch distributed processes: the
        # main_worker process function
        mp.spawn(main_worker, nprocs=ngpus_per_node, args=(ngpus_per_node, args))
    else:
        # Simply call main_worker function
        main_worker(args.gpu, ngpus_per_node, args)


def main_worker(gpu, ngpus_per_node, args):
    global best_acc1
    args.gpu = gpu

    use_accel = not args.no_accel and torch.accelerator.is_available()

    if use_accel:
        if args.gpu is not None:
            torch.accelerator.set_device_index(args.gpu)
        device = torch.accelerator.current_accelerator()
    else:
        device = torch.device("cpu")

    if args.distributed:
        if args.dist_url == "env://" and args.rank == -1:
            args.rank = int(os.environ["RANK"])
        if args.multiprocessing_distributed:
            # For multiprocessing distributed training, rank needs to be the
            # global rank among all the processes
            args.rank = args.rank * ngpus_per_node + gpu
        dist.init_process_group(backend=args.dist_backend, init_method=args.dist_url,
                                world_size=args.world_size, rank=args.rank)
    # create model
    if args.pretrained:
        print("=> using pre-trained model '{}'".format(args.arch))
        model = models.__dict__[args.arch](pretrained=True)
    else:
        print("=> creating model '{}'".format(args.arch))
        model = models.__dict__[args.arch]()

    if not use_accel:
        print('using CPU, this will be slow')
    elif args.distributed:
        # For multiprocessing distributed, DistributedDataParallel constructor
        # should always set the single device scope, otherwise,
        # DistributedDataParallel will use all available devices.
        if device.type == 'cuda':
            if args.gpu is not None:
                torch.cuda.set_device(args.gpu)
                model.cuda(device)
                # When using a single GPU per process and per
                # DistributedDataParallel, we need to divide the batch size
                # ourselves based on the total number of GPUs of the current node.
                args.batch_size = int(args.batch_size / ngpus_per_node)
                args.workers = int((args.workers + ngpus_per_node - 1) / ngpus_per_node)
                model = torch.nn.parallel.DistributedDataParallel(model, device_ids=[args.gpu])
            else:
                model.cuda()
                # DistributedDataParallel will divide and allocate batch_size to all
                # available GPUs if device_ids are not set
                model = torch.nn.parallel.DistributedDataParallel(model)
    elif device.type == 'cuda':
        # DataParallel will divide and allocate batch_size to all available GPUs
        if args.arch.startswith('alexnet') or args.arch.startswith('vgg'):
            model.features = torch.nn.DataParallel(model.features)
            model.cuda()
        else:
            model = torch.nn.DataParallel(model).cuda()
    else:
        model.to(device)


    # define loss function (criterion), optimizer, and learning rate scheduler
    criterion = nn.CrossEntropyLoss().to(device)

    optimizer = torch.optim.SGD(model.parameters(), args.lr,
                                momentum=args.momentum,
                                weight_decay=args.weight_decay)
    
    """Sets the learning rate to the initial LR decayed by 10 every 30 epochs"""
    scheduler = StepLR(optimizer, step_size=30, gamma=0.1)
    
    # optionally resume from a checkpoint
    if args.resume:
        if os.path.isfile(args.resume):
            print("=> loading checkpoint '{}'".format(args.resume))
            if args.gpu is None:
                checkpoint = torch.load(args.resume)
            else:
                # Map model to be loaded to specified single gpu.
                loc = f'{device.type}:{args.gpu}'
                checkpoint = torch.load(args.resume, map_location=loc)
            args.start_epoch = checkpoint['epoch']
            best_acc1 = checkpoint['best_acc1']
            if args.gpu is not None:
                # best_acc1 may be from a checkpoint from a different GPU
                best_acc1 = best_acc1.to(args.gpu)
            model.load_state_dict(checkpoint['state_dict'])
            optimizer.load_state_dict(checkpoint['optimizer'])
            scheduler.load_state_dict(checkpoint['scheduler'])
            print("=> loaded checkpoint '{}' (epoch {})"
                  .format(args.resume, checkpoint['epoch']))
        else:
            print("=> no checkpoint found at '{}'".format(args.resume))


    # Data loading code
    if args.dummy:
        print("=> Dummy data is used!")
        train_dataset = datasets.FakeData(1281167, (3, 224, 224), 1000, transforms.ToTensor())
        val_dataset = datasets.FakeData(50000, (3, 224, 224), 1000, transforms.ToTensor())
    else:
        traindir = os.path.join(args.data, 'train')
        valdir = os.path.join(args.data, 'val')
        normalize = transforms.Normalize(mean=[0.485, 0.456, 0.406],
                                     std=[0.229, 0.224, 0.225])

        train_dataset = datasets.ImageFolder(
            traindir,
            transforms.Compose([
                transforms.RandomResizedCrop(224),
                transforms.RandomHorizontalFlip(),
                transforms.ToTensor(),
                normalize,
            ]))

        val_dataset = datasets.ImageFolder(
            valdir,
            transforms.Compose([
                transforms.Resize(256),
                transforms.CenterCrop(224),
                transforms.ToTensor(),
                normalize,
            ]))

    if args.distributed:
        train_sampler = torch.utils.data.distributed.DistributedSampler(train_dataset)
        val_sampler = torch.utils.data.distributed.DistributedSampler(val_dataset, shuffle=False, drop_last=True)
    else:
        train_sampler = None
        val_sampler = None

    train_loader = torch.utils.data.DataLoader(
        train_dataset, batch_size=args.batch_size, shuffle=(train_sampler is None),
        num_workers=args.workers, pin_memory=True, sampler=train_sampler)

    val_loader = torch.utils.data.DataLoader(
        val_dataset, batch_size=args.batch_size, shuffle=False,
        num_workers=args.workers, pin_memory=True, sampler=val_sampler)

    if args.evaluate:
        validate(val_loader, model, criterion, args)
        return

    for epoch in range(args.start_epoch, args.epochs):
        if args.distributed:
            train_sampler.set_epoch(epoch)

        # train for one epoch
        train(train_loader, model, criterion, optimizer, epoch, device, args)

        # evaluate on validation set
        acc1 = validate(val_loader, model, criterion, args)
        
        scheduler.step()
        
        # remember best acc@1 and save checkpoint
        is_best = acc1 > best_acc1
        best_acc1 = max(acc1, best_acc1)

        if not args.multiprocessing_distributed or (args.multiprocessing_distributed
                and args.rank % ngpus_per_node == 0):
            save_checkpoint({
                'epoch': epoch + 1,
                'arch': args.arch,
                'state_dict': model.state_dict(),
                'best_acc1': best_acc1,
                'optimizer' : optimizer.state_dict(),
                'scheduler' : scheduler.state_dict()
            }, is_best)


def train(train_loader, model, criterion, optimizer, epoch, device, args):
    
    use_accel = not args.no_accel and torch.accelerator.is_available()

    batch_time = AverageMeter('Time', use_accel, ':6.3f', Summary.NONE)
    data_time = AverageMeter('Data', use_accel, ':6.3f', Summary.NONE)
    losses = AverageMeter('Loss', use_accel, ':.4e', Summary.NONE)
    top1 = AverageMeter('Acc@1', use_accel, ':6.2f', Summary.NONE)
    top5 = AverageMeter('Acc@5', use_accel, ':6.2f', Summary.NONE)
    progress = ProgressMeter(
        len(train_loader),
        [batch_time, data_time, losses, top1, top5],
        prefix="Epoch: [{}]".format(epoch))

    # switch to train mode
    model.train()

    end = time.time()
    for i, (images, target) in enumerate(train_loader):
        # measure data loading time
        data_time.update(time.time() - end)

        # move data to the same device as model
        images = images.to(device, non_blocking=True)
        target = target.to(device, non_blocking=True)

        # compute output
        output = model(images)
        loss = criterion(output, target)

        # measure accuracy and record loss
        acc1, acc5 = accuracy(output, target, topk=(1, 5))
        losses.update(loss.item(), images.size(0))
        top1.update(acc1[0], images.size(0))
        top5.update(acc5[0], images.size(0))

        # compute gradient and do SGD step
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()

        # measure elapsed time
        batch_time.update(time.time() - end)
        end = time.time()

        if i % args.print_freq == 0:
            progress.display(i + 1)


def validate(val_loader, model, criterion, args):

    use_accel = not args.no_accel and torch.accelerator.is_available()

    def run_validate(loader, base_progress=0):

        if use_accel:
            device = torch.accelerator.current_accelerator()
        else:
            device = torch.device("cpu")

        with torch.no_grad():
            end = time.time()
            for i, (images, target) in enumerate(loader):
                i = base_progress + i
                if use_accel:
                    if args.gpu is not None and device.type=='cuda':
                        torch.accelerator.set_device_index(args.gpu)
                        images = images.cuda(args.gpu, non_blocking=True)
                        target = target.cuda(args.gpu, non_blocking=True)
                    else:
                        images = images.to(device)
                        target = target.to(device)

                # compute output
                output = model(images)
                loss = criterion(output, target)

                # measure accuracy and record loss
                acc1, acc5 = accuracy(output, target, topk=(1, 5))
                losses.update(loss.item(), images.size(0))
                top1.update(acc1[0], images.size(0))
                top5.update(acc5[0], images.size(0))

                # measure elapsed time
                batch_time.update(time.time() - end)
                end = time.time()

                if i % args.print_freq == 0:
                    progress.display(i + 1)

    batch_time = AverageMeter('Time', use_accel, ':6.3f', Summary.NONE)
    losses = AverageMeter('Loss', use_accel, ':.4e', Summary.NONE)
    top1 = AverageMeter('Acc@1', use_accel, ':6.2f', Summary.AVERAGE)
    top5 = AverageMeter('Acc@5', use_accel, ':6.2f', Summary.AVERAGE)
    progress = ProgressMeter(
        len(val_loader) + (args.distributed and (len(val_loader.sampler) * args.world_size < len(val_loader.dataset))),
        [batch_time, losses, top1, top5],
        prefix='Test: ')

    # switch to evaluate mode
    model.eval()

    run_validate(val_loader)
    if args.distributed:
        top1.all_reduce()
        top5.all_reduce()

    if args.distributed and (len(val_loader.sampler) * args.world_size < len(val_loader.dataset)):
        aux_val_dataset = Subset(val_loader.dataset,
                                 range(len(val_loader.sampler) * args.world_size, len(val_loader.dataset)))
        aux_val_loader = torch.utils.data.DataLoader(
            aux_val_dataset, batch_size=args.batch_size, shuffle=False,
            num_workers=args.workers, pin_memory=True)
        run_validate(aux_val_loader, len(val_loader))

    progress.display_summary()

    return top1.avg


def save_checkpoint(state, is_best, filename='checkpoint.pth.tar'):
    torch.save(state, filename)
    if is_best:
        shutil.copyfile(filename, 'model_best.pth.tar')

class Summary(Enum):
    NONE = 0
    AVERAGE = 1
    SUM = 2
    COUNT = 3

class AverageMeter(object):
    """Computes and stores the average and current value"""
    def __init__(self, name, use_accel, fmt=':f', summary_type=Summary.AVERAGE):
        self.name = name
        self.use_accel = use_accel
        self.fmt = fmt
        self.summary_type = summary_type
        self.reset()

    def reset(self):
        self.val = 0
        self.avg = 0
        self.sum = 0
        self.count = 0

    def update(self, val, n=1):
        self.val = val
        self.sum += val * n
        self.count += n
        self.avg = self.sum / self.count

    def all_reduce(self):    
        if self.use_accel:
            device = torch.accelerator.current_accelerator()
        else:
            device = torch.device("cpu")
        total = torch.tensor([self.sum, self.count], dtype=torch.float32, device=device)
        dist.all_reduce(total, dist.ReduceOp.SUM, async_op=False)
        self.sum, self.count = total.tolist()
        self.avg = self.sum / self.count

    def __str__(self):
        fmtstr = '{name} {val' + self.fmt + '} ({avg' + self.fmt + '})'
        return fmtstr.format(**self.__dict__)
    
    def summary(self):
        fmtstr = ''
        if self.summary_type is Summary.NONE:
            fmtstr = ''
        elif self.summary_type is Summary.AVERAGE:
            fmtstr = '{name} {avg:.3f}'
        elif self.summary_type is Summary.SUM:
            fmtstr = '{name} {sum:.3f}'
        elif self.summary_type is Summary.COUNT:
            fmtstr = '{name} {count:.3f}'
        else:
            raise ValueError('invalid summary type %r' % self.summary_type)
        
        return fmtstr.format(**self.__dict__)


class ProgressMeter(object):
    def __init__(self, num_batches, meters, prefix=""):
        self.batch_fmtstr = self._get_batch_fmtstr(num_batches)
        self.meters = meters
        self.prefix = prefix

    def display(self, batch):
        entries = [self.prefix + self.batch_fmtstr.format(batch)]
        entries += [str(meter) for meter in self.meters]
        print('\t'.join(entries))
        
    def display_summary(self):
        entries = [" *"]
        entries += [meter.summary() for meter in self.meters]
        print(' '.join(entries))

    def _get_batch_fmtstr(self, num_batches):
        num_digits = len(str(num_batches // 1))
        fmt = '{:' + str(num_digits) + 'd}'
        return '[' + fmt + '/' + fmt.format(num_batches) + ']'

def accuracy(output, target, topk=(1,)):
    """Computes the accuracy over the k top predictions for the specified values of k"""
    with torch.no_grad():
        maxk = max(topk)
        batch_size = target.size(0)

        _, pred = output.topk(maxk, 1, True, True)
        pred = pred.t()
        correct = pred.eq(target.view(1, -1).expand_as(pred))

        res = []
        for k in topk:
            correct_k = correct[:k].reshape(-1).float().sum(0, keepdim=True)
            res.append(correct_k.mul_(100.0 / batch_size))
        return res


if __name__ == '__main__':
    main()
'''  # noqa: E501, W291, W293


if git_blob_id(MAIN_PY) != BLOB:
    sys.exit(f"main.py is not imagenet/main.py as stored at {SOURCE_COMMIT}")
write_image_folder(Path("imagenet"))
Path("main.py").write_text(with_lines(MAIN_PY, RECORD_LINES), encoding="utf-8")

RECORD: dict[str, list[tuple]] = {"train": [], "test": [], "summary": []}
sys.argv = ARGV
runpy.run_path("main.py", init_globals={"RECORD": RECORD}, run_name="__main__")

# --- the truth: the example's own values, as its loop computed them ---


def with_summaries(train: list[tuple], summary: list[tuple], column: int,
                   index: int) -> list[tuple[int, float]]:
    """A training meter's printed values with each epoch's validation summary after them,
    in print order (one printed name, ``Acc@1``/``Acc@5``), the summary at the epoch's last
    batch."""
    pairs = []
    for epoch, averages in enumerate(summary):
        pairs += [(row[1], row[column]) for row in train if row[0] == epoch]
        pairs.append((BATCHES, averages[index]))
    return pairs


train, test, summary = RECORD["train"], RECORD["test"], RECORD["summary"]
assert len(summary) == 2 and len(train) == 4 and len(test) == 2, RECORD
loss_digits = 5e-5  # {:.4e}: half the mantissa's last digit, relative
acc_digits = 0.005  # {:6.2f}
write_truth(
    "pytorch", torch.__version__,
    f"{SOURCE_REPO} imagenet/main.py at {SOURCE_COMMIT[:8]}: the values its loops compute and "
    "print (it keeps no record file; its checkpoint keeps only best_acc1), kept by three lines "
    "added beside the prints: each printed batch's AverageMeter val (loss.item(), acc1, acc5) "
    "in train() and validate(), and validate()'s top1.avg, top5.avg at its summary",
    {
        "Loss": series([(step, loss) for _, step, loss, _, _ in train], "step",
                       rel_tolerance=loss_digits),
        "Acc@1": series(with_summaries(train, summary, 3, 0), "step", tolerance=acc_digits),
        "Acc@5": series(with_summaries(train, summary, 4, 1), "step", tolerance=acc_digits),
        "test_loss": series([(step, loss) for step, loss, _, _ in test], "step",
                            rel_tolerance=loss_digits),
        "test_acc@1": series([(step, acc1) for step, _, acc1, _ in test], "step",
                             tolerance=acc_digits),
        "test_acc@5": series([(step, acc5) for step, _, _, acc5 in test], "step",
                             tolerance=acc_digits),
    },
    also_ok=["Time", "Data", "test_time"],
    notes=f"{len(WNIDS)} classes, {N_TRAIN * len(WNIDS)} training and {N_VAL * len(WNIDS)} "
          f"validation images; training prints at (epoch, batch) "
          f"{[(epoch, step) for epoch, step, _, _, _ in train]}; validation summaries "
          f"(top1.avg, top5.avg) by epoch {summary}")

"""OpenMMLab's MMClassification 0.25.0 (PyPI ``mmcls==0.25.0``, the last 0.x release,
2022-12-06) on MMCV 1.7.2 lite (PyPI ``mmcv==1.7.2``: pure Python, no compiled ops, not
mmcv-full), torch 1.13.1 and torchvision 0.14.1 (PyPI's CUDA 11.7 builds, run on the CPU)
on Python 3.8: its ``tools/train.py``, which no wheel ships, from open-mmlab/mmclassification
(now open-mmlab/mmpretrain, whose history keeps the 0.x tags) at the ``v0.25.0`` tag, commit
2495400a98a3da9bd8cfb3731a711f4c77cc56a3, held verbatim below and checked against its git
blob id (8837188c). The case writes it as ``tools/train.py``, a config in mmcls 0.x style as
``configs/resnet18_tiny_synthetic.py`` and a small image folder under ``data/``, then runs,
with subprocess (its stdout and stderr inherited), train.py as mmcls' getting-started guide
runs it ("Train with a single GPU"; "Train with CPU" is the same script with the GPUs
hidden, and this machine has none, so ``auto_select_device()`` gives ``cpu`` in any case;
train.py's own ``--device cpu`` says so outright)::

    python tools/train.py configs/resnet18_tiny_synthetic.py --device cpu --seed 0 --deterministic

(no ``--work-dir``: train.py's default, ``./work_dirs/resnet18_tiny_synthetic``).

The config (``CONFIG``): ``ImageClassifier`` with a ``ResNet_CIFAR`` depth 18 backbone made
tiny by ``stem_channels=16, base_channels=16`` (stages of 16, 32, 64, 128 channels, about
0.70M parameters), ``GlobalAveragePooling`` and a ``LinearClsHead`` over 10 classes with
``CrossEntropyLoss``; ``CustomDataset`` on ImageNet-style folders (``data/train/class0/
000.png``: class from the folder's name), 6 training and 3 validation 32x32 RGB PNGs a
class (60 and 30), each class its own colour plus Gaussian noise from numpy's
``default_rng(0)``; pipelines after mmcls' CIFAR-10 config (its ``img_norm_cfg``,
``RandomFlip``, ``Normalize``, ``ImageToTensor``, ``ToTensor``, ``Collect``; no
``RandomCrop``) with ``LoadImageFromFile`` first, as the file-reading ImageNet configs
have it; ``samples_per_gpu=8`` (8 training iterations an epoch, 4 validation ones),
``workers_per_gpu=2``; SGD lr 0.1 momentum 0.9, ``lr_config = dict(policy='step',
step=[2])`` (lr 0.01 in the third epoch), ``runner = dict(type='EpochBasedRunner',
max_epochs=3)``, ``log_config`` with ``TextLoggerHook`` at ``interval=2``, ``evaluation =
dict(interval=1, metric='accuracy')``, ``checkpoint_config = dict(interval=1)``. Nothing
is downloaded: no pretrained weights, the data is the case's. About 20 s on two cores.

What it prints (mmcv's ``get_logger``: a ``StreamHandler`` on stderr, format ``%(asctime)s -
%(name)s - %(levelname)s - %(message)s``): the import's own lines (torch's ``No CUDA runtime
is found, using CUDA_HOME='/usr/local'``, MMCV's ``UserWarning`` that 2.0 will drop the
training components, its warning that it fails to import ``MultiScaleDeformableAttention``,
a compiled op the lite build lacks), git's ``fatal: not a git repository`` (``collect_env``
asks git for mmcls' hash; the temp cwd is no repository), ``Environment info:`` (a dashed
block), ``Distributed training: False``, the whole config (``Config:`` then
``cfg.pretty_text``), ``Set random seed to 0, deterministic: True``, the hook table,
``workflow: [('train', 1)], max: 3 epochs``, then every 2 iterations a line (here split in two)::

    2026-12-07 18:06:35,120 - mmcls - INFO - Epoch [1][2/8]\\tlr: 1.000e-01, eta: 0:00:27,
    time: 1.254, data_time: 1.098, loss: 2.4014

(``TextLoggerHook._log_info``: ``lr`` ``.3e``, ``time`` and ``data_time`` ``.3f``, then
every other float of the record ``.4f``; no ``memory:``, which it prints only when
``torch.cuda.is_available()``), ``Saving checkpoint at 1 epochs``, then the evaluation's
``mmcv.ProgressBar`` on stdout, from ``[      ] 0/30, elapsed: 0s, ETA:`` through ``[>>>>
] 8/30, 40.5 task/s, elapsed: 0s, ETA:     1s`` to ``30/30``, redrawn with ``\\r`` and
left without a newline, so that the epoch's val record follows the bar's last frame on
its line (in the pipe too: stdout and stderr both reach the run's output)::

    ...] 30/30, 102.7 task/s, elapsed: 0s, ETA:     0s2026-12-07 18:06:35,761 - mmcls -
    INFO - Epoch(val) [1][4]\\taccuracy_top-1: 33.3333, accuracy_top-5: 86.6667

(``[1][4]``: the epoch and the number of validation iterations, ``eval_iter_num``).

Truth: MMCV's own JSON log, ``work_dirs/resnet18_tiny_synthetic/<timestamp>.log.json``,
which ``TextLoggerHook._dump_log`` writes from the very ``log_dict`` each printed line is
formatted from: one JSON record a logged line (after a first record of ``runner.meta``:
environment, config, seed, classes; no metric), ``{"mode": "train", "epoch": 1, "iter":
2, "lr": 0.1, "data_time": 1.09834, "loss": 2.4014, "time": 1.25407}`` and ``{"mode":
"val", "epoch": 1, "iter": 4, "lr": 0.1, "accuracy_top-1": 33.33333, "accuracy_top-5":
86.66666}``. It is kept in ``files`` (exptrack reads no such file). Judgement calls:
- Names as MMCV keys them and prints them: ``loss`` (the train records': the mean of the
  ``interval`` iterations' losses, ``LogBuffer.average(interval)``), ``lr`` (the first
  param group's, train records), and ``accuracy_top-1``, ``accuracy_top-5`` (mmcls'
  ``accuracy`` metric at its default ``topk=(1, 5)``, in percent, the val records'). The
  val line's ``Epoch(val)`` is its mode, no phase of the evaluator's keys (docs/metrics.md:
  they keep the runner's names). The val records also carry ``lr``, which the val line
  does not print: the truth's ``lr`` holds the train records' alone.
- Counts: 4 train lines an epoch (iterations 2, 4, 6, 8 of 8), 12 in all, for ``loss`` and
  ``lr``; 3 val lines, one an epoch, for each accuracy.
- Axes: ``loss`` and ``lr`` at ``step``, the global iteration ``(epoch - 1) * 8 + iter``
  (the record keeps ``epoch`` and the epoch's ``iter``); the accuracies at ``epoch``.
- Tolerances: the line prints ``.4f`` and the JSON keeps ``round(v, 5)``, so a printed
  value is within 5e-5 of the value and the record within 5e-6: 5.5e-5 for ``loss`` and
  the accuracies; ``lr`` is printed ``.3e`` (four significant digits): ``rel_tolerance``
  5e-4 (0.1 and 0.01 are kept exactly).
- ``also_ok``: ``time``, ``data_time`` (the iteration's and its data loading's seconds, in
  the record but timings), ``eta`` (printed only), and the progress bar's ``task/s``,
  ``elapsed`` and ``ETA`` (no record); ``memory`` in case (printed only with CUDA).
- Not metrics: ``Epoch [1][2/8]`` (position), ``Set random seed to 0``, the config's and
  the environment's numbers, the bar's ``8/30`` count.
- Determinism: ``--seed 0 --deterministic`` (``set_random_seed``: ``random``, numpy,
  torch, and each DataLoader worker's seed from mmcls' ``worker_init_fn``), so the losses
  and accuracies repeat on the CPU; the times vary, and so the run's timestamp, the JSON
  log's name.
"""
# zoo-venv: mmcls0

import glob
import json
import subprocess
import sys
from importlib.metadata import version
from pathlib import Path

import numpy as np
from _truth import series, write_truth
from _verbatim import git_blob_id
from PIL import Image

SOURCE_REPO = "open-mmlab/mmclassification"  # now open-mmlab/mmpretrain
SOURCE_TAG, SOURCE_COMMIT = "v0.25.0", "2495400a98a3da9bd8cfb3731a711f4c77cc56a3"
TRAIN_PY_BLOB = "8837188c9c1cd6919809665fc9f5dd7472955cad"  # tools/train.py at the tag
CONFIG_NAME = "resnet18_tiny_synthetic"
CLASSES = [f"class{i}" for i in range(10)]
PER_CLASS = {"train": 6, "val": 3}
ITERS_PER_EPOCH = 8  # 60 training images, samples_per_gpu=8 (the last batch of 4)

# mmcls 0.x config style (configs/_base_/{models,datasets,schedules}, flattened into one file)
CONFIG = """\
# model settings
model = dict(
    type='ImageClassifier',
    backbone=dict(
        type='ResNet_CIFAR',
        depth=18,
        stem_channels=16,
        base_channels=16,
        num_stages=4,
        out_indices=(3, ),
        style='pytorch'),
    neck=dict(type='GlobalAveragePooling'),
    head=dict(
        type='LinearClsHead',
        num_classes=10,
        in_channels=128,
        loss=dict(type='CrossEntropyLoss', loss_weight=1.0),
    ))

# dataset settings: ImageNet-style folders, one a class
dataset_type = 'CustomDataset'
img_norm_cfg = dict(
    mean=[125.307, 122.961, 113.8575],
    std=[51.5865, 50.847, 51.255],
    to_rgb=False)
train_pipeline = [
    dict(type='LoadImageFromFile'),
    dict(type='RandomFlip', flip_prob=0.5, direction='horizontal'),
    dict(type='Normalize', **img_norm_cfg),
    dict(type='ImageToTensor', keys=['img']),
    dict(type='ToTensor', keys=['gt_label']),
    dict(type='Collect', keys=['img', 'gt_label'])
]
test_pipeline = [
    dict(type='LoadImageFromFile'),
    dict(type='Normalize', **img_norm_cfg),
    dict(type='ImageToTensor', keys=['img']),
    dict(type='Collect', keys=['img'])
]
data = dict(
    samples_per_gpu=8,
    workers_per_gpu=2,
    train=dict(
        type=dataset_type, data_prefix='data/train', pipeline=train_pipeline),
    val=dict(
        type=dataset_type,
        data_prefix='data/val',
        pipeline=test_pipeline,
        test_mode=True),
    test=dict(
        type=dataset_type,
        data_prefix='data/val',
        pipeline=test_pipeline,
        test_mode=True))
evaluation = dict(interval=1, metric='accuracy')

# optimizer
optimizer = dict(type='SGD', lr=0.1, momentum=0.9, weight_decay=0.0001)
optimizer_config = dict(grad_clip=None)
# learning policy
lr_config = dict(policy='step', step=[2])
runner = dict(type='EpochBasedRunner', max_epochs=3)

# runtime settings
checkpoint_config = dict(interval=1)
log_config = dict(
    interval=2,
    hooks=[
        dict(type='TextLoggerHook'),
    ])
dist_params = dict(backend='nccl')
log_level = 'INFO'
load_from = None
resume_from = None
workflow = [('train', 1)]
"""


def write_images(root: Path, seed: int = 0) -> None:
    """``root/<split>/<class>/NNN.png``: 32x32 RGB, each class its own colour plus noise."""
    rng = np.random.default_rng(seed)
    for split, count in PER_CLASS.items():
        for index, name in enumerate(CLASSES):
            folder = root / split / name
            folder.mkdir(parents=True, exist_ok=True)
            colour = np.array([index * 25, (index * 80) % 256, 255 - index * 25])
            for i in range(count):
                pixels = colour + rng.normal(0, 90, (32, 32, 3))
                Image.fromarray(np.clip(pixels, 0, 255).astype(np.uint8)).save(
                    folder / f"{i:03d}.png")


def main() -> None:
    if git_blob_id(TRAIN_PY) != TRAIN_PY_BLOB:
        sys.exit(f"tools/train.py is not {SOURCE_REPO}'s at {SOURCE_TAG}")
    Path("tools").mkdir()
    Path("tools/train.py").write_text(TRAIN_PY, encoding="utf-8")
    Path("configs").mkdir()
    Path(f"configs/{CONFIG_NAME}.py").write_text(CONFIG, encoding="utf-8")
    write_images(Path("data"))
    subprocess.run([sys.executable, "tools/train.py", f"configs/{CONFIG_NAME}.py",
                    "--device", "cpu", "--seed", "0", "--deterministic"], check=True)

    # --- the truth: MMCV's JSON log, one record a logged line ---
    (path,) = glob.glob(f"work_dirs/{CONFIG_NAME}/*.log.json")
    with open(path, encoding="utf-8") as handle:
        records = [json.loads(line) for line in handle if line.strip()]
    train = [r for r in records if r.get("mode") == "train"]
    val = [r for r in records if r.get("mode") == "val"]
    assert len(train) == 12 and len(val) == 3, records[1:]

    def step(record: dict) -> int:
        return (record["epoch"] - 1) * ITERS_PER_EPOCH + record["iter"]

    metrics = {
        "loss": series([(step(r), r["loss"]) for r in train], "step", tolerance=5.5e-5),
        "lr": series([(step(r), r["lr"]) for r in train], "step", rel_tolerance=5e-4),
        "accuracy_top-1": series([(r["epoch"], r["accuracy_top-1"]) for r in val], "epoch",
                                 tolerance=5.5e-5),
        "accuracy_top-5": series([(r["epoch"], r["accuracy_top-5"]) for r in val], "epoch",
                                 tolerance=5.5e-5),
    }
    write_truth("mmcls", version("mmcls"),
                f"MMCV's TextLoggerHook JSON log {path} (train records: loss, lr; val "
                "records: accuracy_top-1, accuracy_top-5)", metrics, files=[path],
                also_ok=["time", "data_time", "eta", "memory", "task/s", "elapsed", "ETA"],
                notes=f"{SOURCE_REPO} tools/train.py at {SOURCE_TAG} ({SOURCE_COMMIT[:8]}) on "
                      f"mmcv {version('mmcv')} (lite), torch {version('torch')}, torchvision "
                      f"{version('torchvision')}, CPU")


# tools/train.py at SOURCE_TAG, verbatim
TRAIN_PY = r"""# Copyright (c) OpenMMLab. All rights reserved.
import argparse
import copy
import os
import os.path as osp
import time
import warnings

import mmcv
import torch
import torch.distributed as dist
from mmcv import Config, DictAction
from mmcv.runner import get_dist_info, init_dist

from mmcls import __version__
from mmcls.apis import init_random_seed, set_random_seed, train_model
from mmcls.datasets import build_dataset
from mmcls.models import build_classifier
from mmcls.utils import (auto_select_device, collect_env, get_root_logger,
                         setup_multi_processes)


def parse_args():
    parser = argparse.ArgumentParser(description='Train a model')
    parser.add_argument('config', help='train config file path')
    parser.add_argument('--work-dir', help='the dir to save logs and models')
    parser.add_argument(
        '--resume-from', help='the checkpoint file to resume from')
    parser.add_argument(
        '--no-validate',
        action='store_true',
        help='whether not to evaluate the checkpoint during training')
    group_gpus = parser.add_mutually_exclusive_group()
    group_gpus.add_argument(
        '--device', help='device used for training. (Deprecated)')
    group_gpus.add_argument(
        '--gpus',
        type=int,
        help='(Deprecated, please use --gpu-id) number of gpus to use '
        '(only applicable to non-distributed training)')
    group_gpus.add_argument(
        '--gpu-ids',
        type=int,
        nargs='+',
        help='(Deprecated, please use --gpu-id) ids of gpus to use '
        '(only applicable to non-distributed training)')
    group_gpus.add_argument(
        '--gpu-id',
        type=int,
        default=0,
        help='id of gpu to use '
        '(only applicable to non-distributed training)')
    parser.add_argument(
        '--ipu-replicas',
        type=int,
        default=None,
        help='num of ipu replicas to use')
    parser.add_argument('--seed', type=int, default=None, help='random seed')
    parser.add_argument(
        '--diff-seed',
        action='store_true',
        help='Whether or not set different seeds for different ranks')
    parser.add_argument(
        '--deterministic',
        action='store_true',
        help='whether to set deterministic options for CUDNN backend.')
    parser.add_argument(
        '--cfg-options',
        nargs='+',
        action=DictAction,
        help='override some settings in the used config, the key-value pair '
        'in xxx=yyy format will be merged into config file. If the value to '
        'be overwritten is a list, it should be like key="[a,b]" or key=a,b '
        'It also allows nested list/tuple values, e.g. key="[(a,b),(c,d)]" '
        'Note that the quotation marks are necessary and that no white space '
        'is allowed.')
    parser.add_argument(
        '--launcher',
        choices=['none', 'pytorch', 'slurm', 'mpi'],
        default='none',
        help='job launcher')
    parser.add_argument('--local_rank', type=int, default=0)
    args = parser.parse_args()
    if 'LOCAL_RANK' not in os.environ:
        os.environ['LOCAL_RANK'] = str(args.local_rank)

    return args


def main():
    args = parse_args()

    cfg = Config.fromfile(args.config)
    if args.cfg_options is not None:
        cfg.merge_from_dict(args.cfg_options)

    # set multi-process settings
    setup_multi_processes(cfg)

    # set cudnn_benchmark
    if cfg.get('cudnn_benchmark', False):
        torch.backends.cudnn.benchmark = True

    # work_dir is determined in this priority: CLI > segment in file > filename
    if args.work_dir is not None:
        # update configs according to CLI args if args.work_dir is not None
        cfg.work_dir = args.work_dir
    elif cfg.get('work_dir', None) is None:
        # use config filename as default work_dir if cfg.work_dir is None
        cfg.work_dir = osp.join('./work_dirs',
                                osp.splitext(osp.basename(args.config))[0])
    if args.resume_from is not None:
        cfg.resume_from = args.resume_from
    if args.gpus is not None:
        cfg.gpu_ids = range(1)
        warnings.warn('`--gpus` is deprecated because we only support '
                      'single GPU mode in non-distributed training. '
                      'Use `gpus=1` now.')
    if args.gpu_ids is not None:
        cfg.gpu_ids = args.gpu_ids[0:1]
        warnings.warn('`--gpu-ids` is deprecated, please use `--gpu-id`. '
                      'Because we only support single GPU mode in '
                      'non-distributed training. Use the first GPU '
                      'in `gpu_ids` now.')
    if args.gpus is None and args.gpu_ids is None:
        cfg.gpu_ids = [args.gpu_id]

    if args.ipu_replicas is not None:
        cfg.ipu_replicas = args.ipu_replicas
        args.device = 'ipu'

    # init distributed env first, since logger depends on the dist info.
    if args.launcher == 'none':
        distributed = False
    else:
        distributed = True
        init_dist(args.launcher, **cfg.dist_params)
        _, world_size = get_dist_info()
        cfg.gpu_ids = range(world_size)

    # create work_dir
    mmcv.mkdir_or_exist(osp.abspath(cfg.work_dir))
    # dump config
    cfg.dump(osp.join(cfg.work_dir, osp.basename(args.config)))
    # init the logger before other steps
    timestamp = time.strftime('%Y%m%d_%H%M%S', time.localtime())
    log_file = osp.join(cfg.work_dir, f'{timestamp}.log')
    logger = get_root_logger(log_file=log_file, log_level=cfg.log_level)

    # init the meta dict to record some important information such as
    # environment info and seed, which will be logged
    meta = dict()
    # log env info
    env_info_dict = collect_env()
    env_info = '\n'.join([(f'{k}: {v}') for k, v in env_info_dict.items()])
    dash_line = '-' * 60 + '\n'
    logger.info('Environment info:\n' + dash_line + env_info + '\n' +
                dash_line)
    meta['env_info'] = env_info

    # log some basic info
    logger.info(f'Distributed training: {distributed}')
    logger.info(f'Config:\n{cfg.pretty_text}')

    # set random seeds
    cfg.device = args.device or auto_select_device()
    seed = init_random_seed(args.seed, device=cfg.device)
    seed = seed + dist.get_rank() if args.diff_seed else seed
    logger.info(f'Set random seed to {seed}, '
                f'deterministic: {args.deterministic}')
    set_random_seed(seed, deterministic=args.deterministic)
    cfg.seed = seed
    meta['seed'] = seed

    model = build_classifier(cfg.model)
    model.init_weights()

    datasets = [build_dataset(cfg.data.train)]
    if len(cfg.workflow) == 2:
        val_dataset = copy.deepcopy(cfg.data.val)
        val_dataset.pipeline = cfg.data.train.pipeline
        datasets.append(build_dataset(val_dataset))

    # save mmcls version, config file content and class names in
    # runner as meta data
    meta.update(
        dict(
            mmcls_version=__version__,
            config=cfg.pretty_text,
            CLASSES=datasets[0].CLASSES))

    # add an attribute for visualization convenience
    train_model(
        model,
        datasets,
        cfg,
        distributed=distributed,
        validate=(not args.no_validate),
        timestamp=timestamp,
        device=cfg.device,
        meta=meta)


if __name__ == '__main__':
    main()
"""


if __name__ == "__main__":
    main()

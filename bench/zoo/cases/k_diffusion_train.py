"""Katherine Crowson's k-diffusion 0.1.1.post1 (PyPI ``k-diffusion``, its latest release:
Karras et al. (2022) diffusion models for PyTorch), torch 2.14.1 and torchvision 0.29.1
(PyPI's CUDA builds, run on the CPU), accelerate 1.16.0: the repository's ``train.py``,
"Trains Karras et al. (2022) diffusion models", which no wheel carries, held verbatim below
at tag v0.1.1.post1 (commit 0c6cc822e050e59d3e59128c57d350074969b267, the commit the PyPI
release was built from: the wheel's 14 ``k_diffusion/*.py`` files have that commit's blob
ids), checked against its git blob id before the case's line is added, written into the cwd
and run in-process (``runpy``, as ``__main__``) as its README runs it, ``python train.py
--config CONFIG --name NAME``, with these options of its own::

    --config config_tiny.json --batch-size 4 --end-step 201 --evaluate-every 0
    --sample-n 4 --num-workers 1 --start-method fork --seed 0 --name tiny

Config: ``config_tiny.json``, which the case writes after ``configs/config_32x32_small.json``
(the same keys, loss ``karras`` with ``soft-min-snr`` weighting, ``cosine-interpolated``
sigma density, the augment wrapper at 0.12, AdamW 1e-4, constant LR, inverse EMA) but tiny:
``image_v1`` at 16x16, ``depths [1, 1]``, ``channels [16, 32]``, no self-attention,
``mapping_out 32`` (56,067 parameters); dataset ``{"type": "imagefolder", "location":
"images"}``, 32 synthetic 16x16 RGB PNGs the case writes (smooth colour ramps with noise,
numpy ``default_rng(0)``), read by k-diffusion's ``FolderOfImages``. Batch 4 with
``drop_last``: 8 steps an epoch; ``--end-step 201`` stops after 201 steps (step 0 .. 200,
epochs 0 .. 25), saving ``tiny_00000201.pth`` and ``tiny_state.json``. Nothing is
downloaded: ``--evaluate-every 0`` leaves FID/KID off (no Inception, CLIP or DINOv2
weights), W&B is off (no ``--wandb-project``), and ``--demo-every`` (500) is past the end,
so no demo grid is sampled (``--sample-n 4`` would keep it small). accelerate finds no GPU
and runs on the CPU; ``ensure_distributed`` makes its one-process gloo group on a
``HashStore``. ``--start-method fork`` (train.py's option; its default ``spawn`` would start
the data loader's worker by importing the case again): ``--num-workers 1``, because train.py
builds its DataLoader with ``persistent_workers=True``, which needs a worker. About 7 s.

One shim (``accept_verbose``): k-diffusion 0.1.1's LR schedulers call
``super().__init__(optimizer, last_epoch, verbose)``, and torch's ``LRScheduler`` no longer
takes ``verbose`` (torch 2.13 and 2.14: ``(optimizer, last_epoch=-1)``), so train.py stops at
``sched = K.utils.ConstantLRWithWarmup(...)`` with ``TypeError: LRScheduler.__init__() takes
from 2 to 3 positional arguments but 4 were given``. The case wraps ``LRScheduler.__init__``
to take the third argument and drop it, as older torch did with ``verbose=False``; nothing
else changes. And ``import k_diffusion`` imports clip-anytorch, whose ``from pkg_resources
import packaging`` needs setuptools < 81 (requirements-kdiff.txt pins 80.8.0).

What it prints: ``Process 0 using device: cpu``, ``Parameters: 56,067``, ``Number of items
in dataset: 32`` (stdout), then, through ``tqdm.write`` every 25 steps (``step % 25 ==
0``, before the step counter moves on)::

    Epoch: 0, step: 0, loss: 0.186809, avg loss: 0.186809
    Epoch: 3, step: 25, loss: 0.225183, avg loss: 0.22876
    ...
    Epoch: 25, step: 200, loss: 0.100875, avg loss: 0.103496

then ``Saving to tiny_00000201.pth...`` and ``Done!``. Each epoch draws a tqdm bar over the
data loader on stderr (``tqdm(train_dl, smoothing=0.1)``, no description, no postfix), kept
when it ends: `` 62%|██████▎   | 5/8 [00:00<00:00, 46.52it/s]`` and ``100%|█...█| 8/8
[00:00<00:00, 54.71it/s]``; 10 columns of bar under a pipe, the terminal's width under the
pty. ``tqdm.write`` clears the bar, prints, and redraws it.

Truth: k-diffusion keeps no record of these values but W&B (``wandb.log`` of the step's
``loss``, ``lr``, ``ema_decay``, off here) and, with evaluation on, ``{name}_metrics.csv``
(step, loss, fid, kid; off here: it needs the Inception weights); the checkpoint holds
``ema_stats`` at the end only. So the values train.py formats are the record: one line added
to the stock text (``RECORD_LINES``, no line changed), right after the non-GNS
``tqdm.write(f'Epoch: {epoch}, step: {step}, loss: {loss_disp:g}, avg loss:
{avg_loss:g}')``, appends ``(epoch, step, loss_disp, avg_loss)`` to a list the case passes
in (``runpy``'s ``init_globals``); nothing is parsed from stdout. Judgement calls
(docs/metrics.md):
- Names as printed: ``loss`` and ``avg_loss`` (printed ``avg loss``; one quantity, one name:
  the space is ``_``, as darknet_train's ``avg loss``). ``loss`` is ``loss_disp``, the mean
  of the per-step losses since the last print (the first print's mean of one step);
  ``avg_loss`` is ``ema_stats['loss']``, the EMA of the step losses with the EMA warmup's
  decay. 9 points each (steps 0, 25, ..., 200).
- Axis ``step``: train.py's ``step`` as printed, from 0. ``Epoch: N`` is the loop's epoch
  counter, not a metric (the epoch of each point is in ``notes``).
- Tolerances: ``:g`` prints 6 significant digits -> ``rel_tolerance`` 5e-6.
- ``also_ok``: ``it/s`` and ``s/it`` (the tqdm bar's rate, which nothing records).
- Not metrics: ``Parameters: 56,067``, ``Number of items in dataset: 32``, the bar's counts.
- Determinism: ``--seed 0`` seeds torch (train.py draws its per-process seed from it); the
  case seeds ``random`` and numpy too. The data loader's worker is seeded from torch's
  generator, so the values repeat on the CPU; only the times vary.
"""
# zoo-venv: kdiff

import inspect
import json
import random
import runpy
import sys
from importlib import metadata
from pathlib import Path

import numpy as np
import torch
from _truth import series, write_truth
from _verbatim import git_blob_id, with_lines
from PIL import Image
from torch.optim import lr_scheduler

SOURCE_REPO = "crowsonkb/k-diffusion"
SOURCE_TAG = "v0.1.1.post1"
SOURCE_COMMIT = "0c6cc822e050e59d3e59128c57d350074969b267"
TRAIN_PY_BLOB = "27182a7e2e0828cce1d2f4eafa1918eb9ecd824d"
IMAGES, SIZE = 32, 16  # synthetic 16x16 RGB PNGs
ALSO_OK = ["it/s", "s/it"]  # the tqdm bar's rate, never recorded
ARGS = ["--config", "config_tiny.json", "--batch-size", "4", "--end-step", "201",
        "--evaluate-every", "0", "--sample-n", "4", "--num-workers", "1",
        "--start-method", "fork", "--seed", "0", "--name", "tiny"]

# a tiny image_v1 U-Net after configs/config_32x32_small.json (same keys and schedules; two
# narrow stages, no self-attention, 16x16), on the case's folder of PNGs
CONFIG = {
    "model": {
        "type": "image_v1",
        "input_channels": 3,
        "input_size": [SIZE, SIZE],
        "patch_size": 1,
        "mapping_out": 32,
        "depths": [1, 1],
        "channels": [16, 32],
        "self_attn_depths": [False, False],
        "has_variance": False,
        "loss_config": "karras",
        "loss_weighting": "soft-min-snr",
        "dropout_rate": 0.05,
        "augment_wrapper": True,
        "augment_prob": 0.12,
        "sigma_data": 0.5,
        "sigma_min": 1e-2,
        "sigma_max": 80,
        "sigma_sample_density": {"type": "cosine-interpolated"},
    },
    "dataset": {"type": "imagefolder", "location": "images"},
    "optimizer": {"type": "adamw", "lr": 1e-4, "betas": [0.95, 0.999], "eps": 1e-6,
                  "weight_decay": 1e-3},
    "lr_sched": {"type": "constant", "warmup": 0.0},
    "ema_sched": {"type": "inverse", "power": 0.6667, "max_value": 0.9999},
}

# the record: a line added right after the print it keeps (no line of the stock text
# changed): the values the non-GNS `Epoch: ..., step: ..., loss: ..., avg loss: ...` line
# just formatted (W&B, train.py's only logger, is off: no --wandb-project)
RECORD_LINES = {
    "                            tqdm.write(f'Epoch: {epoch}, step: {step}, loss: {loss_disp:g},"
    " avg loss: {avg_loss:g}')\n":
        "                            ZOO_RECORD.append((epoch, step, loss_disp, avg_loss))"
        "  # zoo: the values just printed\n",
}


def write_images(folder: Path, seed: int = 0) -> None:
    """A folder of IMAGES synthetic PNGs (smooth colour gradients with noise), seeded."""
    rng = np.random.default_rng(seed)
    folder.mkdir(parents=True, exist_ok=True)
    ramp = np.linspace(0.0, 1.0, SIZE)
    for index in range(IMAGES):
        colour = rng.uniform(0, 1, 3)
        base = np.outer(ramp, ramp[::-1])[..., None] * colour
        pixels = np.clip(base + rng.normal(0, 0.1, (SIZE, SIZE, 3)), 0, 1)
        Image.fromarray((pixels * 255).astype(np.uint8), "RGB").save(folder / f"{index:03d}.png")


def accept_verbose() -> None:
    """k-diffusion 0.1.1's schedulers (``K.utils.InverseLR``, ``ExponentialLR``,
    ``ConstantLRWithWarmup``) call ``super().__init__(optimizer, last_epoch, verbose)``;
    torch's ``LRScheduler`` dropped its deprecated ``verbose`` argument (torch 2.13 and
    2.14 take ``(optimizer, last_epoch=-1)``), so train.py stops with ``TypeError:
    LRScheduler.__init__() takes from 2 to 3 positional arguments but 4 were given``. The
    shim takes the third argument and drops it, as older torch did with ``verbose=False``
    (nothing printed); nothing else of the scheduler changes."""
    original = lr_scheduler.LRScheduler.__init__
    if "verbose" in inspect.signature(original).parameters:
        return

    def init(self, optimizer, last_epoch=-1, verbose=False):
        original(self, optimizer, last_epoch)

    lr_scheduler.LRScheduler.__init__ = init


def main() -> None:
    if git_blob_id(TRAIN_PY) != TRAIN_PY_BLOB:
        sys.exit(f"train.py is not {SOURCE_REPO}'s at {SOURCE_TAG}")
    Path("train.py").write_text(with_lines(TRAIN_PY, RECORD_LINES), encoding="utf-8")
    Path("config_tiny.json").write_text(json.dumps(CONFIG, indent=4) + "\n", encoding="utf-8")
    write_images(Path("images"))
    random.seed(0)  # train.py seeds torch from --seed; the case seeds the rest
    np.random.seed(0)
    accept_verbose()
    record: list[tuple[int, int, float, float]] = []
    sys.argv = ["train.py", *ARGS]
    runpy.run_path("train.py", init_globals={"ZOO_RECORD": record}, run_name="__main__")

    assert record, "train.py printed no loss line"
    version = (f"{metadata.version('k-diffusion')} (train.py of {SOURCE_REPO} at {SOURCE_TAG}, "
               f"{SOURCE_COMMIT[:8]}; torch {torch.__version__})")
    write_truth("k-diffusion", version,
                "train.py's loss_disp and ema_stats['loss'] (avg_loss) at each "
                "`Epoch: .., step: .., loss: .., avg loss: ..` tqdm.write (a line the case "
                "adds after it)",
                {"loss": series([(step, loss) for _, step, loss, _ in record], "step",
                                rel_tolerance=5e-6),
                 "avg_loss": series([(step, avg) for _, step, _, avg in record], "step",
                                    rel_tolerance=5e-6)},
                also_ok=ALSO_OK,
                notes="epochs of the printed steps: " + ", ".join(
                    f"step {step} epoch {epoch}" for epoch, step, _, _ in record))


# train.py at SOURCE_TAG, verbatim
TRAIN_PY = r'''#!/usr/bin/env python3

"""Trains Karras et al. (2022) diffusion models."""

import argparse
from copy import deepcopy
from functools import partial
import importlib.util
import math
import json
from pathlib import Path

import accelerate
import safetensors.torch as safetorch
import torch
import torch._dynamo
from torch import distributed as dist
from torch import multiprocessing as mp
from torch import optim
from torch.utils import data
from torchvision import datasets, transforms, utils
from tqdm.auto import tqdm

import k_diffusion as K


def ensure_distributed():
    if not dist.is_initialized():
        dist.init_process_group(world_size=1, rank=0, store=dist.HashStore())


def main():
    p = argparse.ArgumentParser(description=__doc__,
                                formatter_class=argparse.ArgumentDefaultsHelpFormatter)
    p.add_argument('--batch-size', type=int, default=64,
                   help='the batch size')
    p.add_argument('--checkpointing', action='store_true',
                   help='enable gradient checkpointing')
    p.add_argument('--clip-model', type=str, default='ViT-B/16',
                   choices=K.evaluation.CLIPFeatureExtractor.available_models(),
                   help='the CLIP model to use to evaluate')
    p.add_argument('--compile', action='store_true',
                   help='compile the model')
    p.add_argument('--config', type=str, required=True,
                   help='the configuration file')
    p.add_argument('--demo-every', type=int, default=500,
                   help='save a demo grid every this many steps')
    p.add_argument('--dinov2-model', type=str, default='vitl14',
                   choices=K.evaluation.DINOv2FeatureExtractor.available_models(),
                   help='the DINOv2 model to use to evaluate')
    p.add_argument('--end-step', type=int, default=None,
                   help='the step to end training at')
    p.add_argument('--evaluate-every', type=int, default=10000,
                   help='save a demo grid every this many steps')
    p.add_argument('--evaluate-with', type=str, default='inception',
                   choices=['inception', 'clip', 'dinov2'],
                   help='the feature extractor to use for evaluation')
    p.add_argument('--evaluate-n', type=int, default=2000,
                   help='the number of samples to draw to evaluate')
    p.add_argument('--gns', action='store_true',
                   help='measure the gradient noise scale (DDP only, disables stratified sampling)')
    p.add_argument('--grad-accum-steps', type=int, default=1,
                   help='the number of gradient accumulation steps')
    p.add_argument('--lr', type=float,
                   help='the learning rate')
    p.add_argument('--mixed-precision', type=str,
                   help='the mixed precision type')
    p.add_argument('--name', type=str, default='model',
                   help='the name of the run')
    p.add_argument('--num-workers', type=int, default=8,
                   help='the number of data loader workers')
    p.add_argument('--reset-ema', action='store_true',
                   help='reset the EMA')
    p.add_argument('--resume', type=str,
                   help='the checkpoint to resume from')
    p.add_argument('--resume-inference', type=str,
                   help='the inference checkpoint to resume from')
    p.add_argument('--sample-n', type=int, default=64,
                   help='the number of images to sample for demo grids')
    p.add_argument('--save-every', type=int, default=10000,
                   help='save every this many steps')
    p.add_argument('--seed', type=int,
                   help='the random seed')
    p.add_argument('--start-method', type=str, default='spawn',
                   choices=['fork', 'forkserver', 'spawn'],
                   help='the multiprocessing start method')
    p.add_argument('--wandb-entity', type=str,
                   help='the wandb entity name')
    p.add_argument('--wandb-group', type=str,
                   help='the wandb group name')
    p.add_argument('--wandb-project', type=str,
                   help='the wandb project name (specify this to enable wandb)')
    p.add_argument('--wandb-save-model', action='store_true',
                   help='save model to wandb')
    args = p.parse_args()

    mp.set_start_method(args.start_method)
    torch.backends.cuda.matmul.allow_tf32 = True
    try:
        torch._dynamo.config.automatic_dynamic_shapes = False
    except AttributeError:
        pass

    config = K.config.load_config(args.config)
    model_config = config['model']
    dataset_config = config['dataset']
    opt_config = config['optimizer']
    sched_config = config['lr_sched']
    ema_sched_config = config['ema_sched']

    # TODO: allow non-square input sizes
    assert len(model_config['input_size']) == 2 and model_config['input_size'][0] == model_config['input_size'][1]
    size = model_config['input_size']

    accelerator = accelerate.Accelerator(gradient_accumulation_steps=args.grad_accum_steps, mixed_precision=args.mixed_precision)
    ensure_distributed()
    device = accelerator.device
    unwrap = accelerator.unwrap_model
    print(f'Process {accelerator.process_index} using device: {device}', flush=True)

    if args.seed is not None:
        seeds = torch.randint(-2 ** 63, 2 ** 63 - 1, [accelerator.num_processes], generator=torch.Generator().manual_seed(args.seed))
        torch.manual_seed(seeds[accelerator.process_index])
    demo_gen = torch.Generator().manual_seed(torch.randint(-2 ** 63, 2 ** 63 - 1, ()).item())

    inner_model = K.config.make_model(config)
    inner_model_ema = deepcopy(inner_model)

    if args.compile:
        inner_model.compile()
        # inner_model_ema.compile()

    if accelerator.is_main_process:
        print(f'Parameters: {K.utils.n_params(inner_model):,}')

    # If logging to wandb, initialize the run
    use_wandb = accelerator.is_main_process and args.wandb_project
    if use_wandb:
        import wandb
        log_config = vars(args)
        log_config['config'] = config
        log_config['parameters'] = K.utils.n_params(inner_model)
        wandb.init(project=args.wandb_project, entity=args.wandb_entity, group=args.wandb_group, config=log_config, save_code=True)

    lr = opt_config['lr'] if args.lr is None else args.lr
    groups = inner_model.param_groups(lr)
    if opt_config['type'] == 'adamw':
        opt = optim.AdamW(groups,
                          lr=lr,
                          betas=tuple(opt_config['betas']),
                          eps=opt_config['eps'],
                          weight_decay=opt_config['weight_decay'])
    elif opt_config['type'] == 'sgd':
        opt = optim.SGD(groups,
                        lr=lr,
                        momentum=opt_config.get('momentum', 0.),
                        nesterov=opt_config.get('nesterov', False),
                        weight_decay=opt_config.get('weight_decay', 0.))
    else:
        raise ValueError('Invalid optimizer type')

    if sched_config['type'] == 'inverse':
        sched = K.utils.InverseLR(opt,
                                  inv_gamma=sched_config['inv_gamma'],
                                  power=sched_config['power'],
                                  warmup=sched_config['warmup'])
    elif sched_config['type'] == 'exponential':
        sched = K.utils.ExponentialLR(opt,
                                      num_steps=sched_config['num_steps'],
                                      decay=sched_config['decay'],
                                      warmup=sched_config['warmup'])
    elif sched_config['type'] == 'constant':
        sched = K.utils.ConstantLRWithWarmup(opt, warmup=sched_config['warmup'])
    else:
        raise ValueError('Invalid schedule type')

    assert ema_sched_config['type'] == 'inverse'
    ema_sched = K.utils.EMAWarmup(power=ema_sched_config['power'],
                                  max_value=ema_sched_config['max_value'])
    ema_stats = {}

    tf = transforms.Compose([
        transforms.Resize(size[0], interpolation=transforms.InterpolationMode.BICUBIC),
        transforms.CenterCrop(size[0]),
        K.augmentation.KarrasAugmentationPipeline(model_config['augment_prob'], disable_all=model_config['augment_prob'] == 0),
    ])

    if dataset_config['type'] == 'imagefolder':
        train_set = K.utils.FolderOfImages(dataset_config['location'], transform=tf)
    elif dataset_config['type'] == 'imagefolder-class':
        train_set = datasets.ImageFolder(dataset_config['location'], transform=tf)
    elif dataset_config['type'] == 'cifar10':
        train_set = datasets.CIFAR10(dataset_config['location'], train=True, download=True, transform=tf)
    elif dataset_config['type'] == 'mnist':
        train_set = datasets.MNIST(dataset_config['location'], train=True, download=True, transform=tf)
    elif dataset_config['type'] == 'huggingface':
        from datasets import load_dataset
        train_set = load_dataset(dataset_config['location'])
        train_set.set_transform(partial(K.utils.hf_datasets_augs_helper, transform=tf, image_key=dataset_config['image_key']))
        train_set = train_set['train']
    elif dataset_config['type'] == 'custom':
        location = (Path(args.config).parent / dataset_config['location']).resolve()
        spec = importlib.util.spec_from_file_location('custom_dataset', location)
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        get_dataset = getattr(module, dataset_config.get('get_dataset', 'get_dataset'))
        custom_dataset_config = dataset_config.get('config', {})
        train_set = get_dataset(custom_dataset_config, transform=tf)
    else:
        raise ValueError('Invalid dataset type')

    if accelerator.is_main_process:
        try:
            print(f'Number of items in dataset: {len(train_set):,}')
        except TypeError:
            pass

    image_key = dataset_config.get('image_key', 0)
    num_classes = dataset_config.get('num_classes', 0)
    cond_dropout_rate = dataset_config.get('cond_dropout_rate', 0.1)
    class_key = dataset_config.get('class_key', 1)

    train_dl = data.DataLoader(train_set, args.batch_size, shuffle=True, drop_last=True,
                               num_workers=args.num_workers, persistent_workers=True)

    inner_model, inner_model_ema, opt, train_dl = accelerator.prepare(inner_model, inner_model_ema, opt, train_dl)
    if use_wandb:
        wandb.watch(inner_model)
    if accelerator.num_processes == 1:
        args.gns = False
    if args.gns:
        gns_stats_hook = K.gns.DDPGradientStatsHook(inner_model)
        gns_stats = K.gns.GradientNoiseScale()
    else:
        gns_stats = None
    sigma_min = model_config['sigma_min']
    sigma_max = model_config['sigma_max']
    sample_density = K.config.make_sample_density(model_config)

    model = K.config.make_denoiser_wrapper(config)(inner_model)
    model_ema = K.config.make_denoiser_wrapper(config)(inner_model_ema)

    state_path = Path(f'{args.name}_state.json')

    if state_path.exists() or args.resume:
        if args.resume:
            ckpt_path = args.resume
        if not args.resume:
            state = json.load(open(state_path))
            ckpt_path = state['latest_checkpoint']
        if accelerator.is_main_process:
            print(f'Resuming from {ckpt_path}...')
        ckpt = torch.load(ckpt_path, map_location='cpu')
        unwrap(model.inner_model).load_state_dict(ckpt['model'])
        unwrap(model_ema.inner_model).load_state_dict(ckpt['model_ema'])
        opt.load_state_dict(ckpt['opt'])
        sched.load_state_dict(ckpt['sched'])
        ema_sched.load_state_dict(ckpt['ema_sched'])
        ema_stats = ckpt.get('ema_stats', ema_stats)
        epoch = ckpt['epoch'] + 1
        step = ckpt['step'] + 1
        if args.gns and ckpt.get('gns_stats', None) is not None:
            gns_stats.load_state_dict(ckpt['gns_stats'])
        demo_gen.set_state(ckpt['demo_gen'])

        del ckpt
    else:
        epoch = 0
        step = 0

    if args.reset_ema:
        unwrap(model.inner_model).load_state_dict(unwrap(model_ema.inner_model).state_dict())
        ema_sched = K.utils.EMAWarmup(power=ema_sched_config['power'],
                                      max_value=ema_sched_config['max_value'])
        ema_stats = {}

    if args.resume_inference:
        if accelerator.is_main_process:
            print(f'Loading {args.resume_inference}...')
        ckpt = safetorch.load_file(args.resume_inference)
        unwrap(model.inner_model).load_state_dict(ckpt)
        unwrap(model_ema.inner_model).load_state_dict(ckpt)
        del ckpt

    evaluate_enabled = args.evaluate_every > 0 and args.evaluate_n > 0
    if evaluate_enabled:
        if args.evaluate_with == 'inception':
            extractor = K.evaluation.InceptionV3FeatureExtractor(device=device)
        elif args.evaluate_with == 'clip':
            extractor = K.evaluation.CLIPFeatureExtractor(args.clip_model, device=device)
        elif args.evaluate_with == 'dinov2':
            extractor = K.evaluation.DINOv2FeatureExtractor(args.dinov2_model, device=device)
        else:
            raise ValueError('Invalid evaluation feature extractor')
        train_iter = iter(train_dl)
        if accelerator.is_main_process:
            print('Computing features for reals...')
        reals_features = K.evaluation.compute_features(accelerator, lambda x: next(train_iter)[image_key][1], extractor, args.evaluate_n, args.batch_size)
        if accelerator.is_main_process:
            metrics_log = K.utils.CSVLogger(f'{args.name}_metrics.csv', ['step', 'loss', 'fid', 'kid'])
        del train_iter

    cfg_scale = 1.

    def make_cfg_model_fn(model):
        def cfg_model_fn(x, sigma, class_cond):
            x_in = torch.cat([x, x])
            sigma_in = torch.cat([sigma, sigma])
            class_uncond = torch.full_like(class_cond, num_classes)
            class_cond_in = torch.cat([class_uncond, class_cond])
            out = model(x_in, sigma_in, class_cond=class_cond_in)
            out_uncond, out_cond = out.chunk(2)
            return out_uncond + (out_cond - out_uncond) * cfg_scale
        if cfg_scale != 1:
            return cfg_model_fn
        return model

    @torch.no_grad()
    @K.utils.eval_mode(model_ema)
    def demo():
        if accelerator.is_main_process:
            tqdm.write('Sampling...')
        filename = f'{args.name}_demo_{step:08}.png'
        n_per_proc = math.ceil(args.sample_n / accelerator.num_processes)
        x = torch.randn([accelerator.num_processes, n_per_proc, model_config['input_channels'], size[0], size[1]], generator=demo_gen).to(device)
        dist.broadcast(x, 0)
        x = x[accelerator.process_index] * sigma_max
        model_fn, extra_args = model_ema, {}
        if num_classes:
            class_cond = torch.randint(0, num_classes, [accelerator.num_processes, n_per_proc], generator=demo_gen).to(device)
            dist.broadcast(class_cond, 0)
            extra_args['class_cond'] = class_cond[accelerator.process_index]
            model_fn = make_cfg_model_fn(model_ema)
        sigmas = K.sampling.get_sigmas_karras(50, sigma_min, sigma_max, rho=7., device=device)
        x_0 = K.sampling.sample_dpmpp_2m_sde(model_fn, x, sigmas, extra_args=extra_args, eta=0.0, solver_type='heun', disable=not accelerator.is_main_process)
        x_0 = accelerator.gather(x_0)[:args.sample_n]
        if accelerator.is_main_process:
            grid = utils.make_grid(x_0, nrow=math.ceil(args.sample_n ** 0.5), padding=0)
            K.utils.to_pil_image(grid).save(filename)
            if use_wandb:
                wandb.log({'demo_grid': wandb.Image(filename)}, step=step)

    @torch.no_grad()
    @K.utils.eval_mode(model_ema)
    def evaluate():
        if not evaluate_enabled:
            return
        if accelerator.is_main_process:
            tqdm.write('Evaluating...')
        sigmas = K.sampling.get_sigmas_karras(50, sigma_min, sigma_max, rho=7., device=device)
        def sample_fn(n):
            x = torch.randn([n, model_config['input_channels'], size[0], size[1]], device=device) * sigma_max
            model_fn, extra_args = model_ema, {}
            if num_classes:
                extra_args['class_cond'] = torch.randint(0, num_classes, [n], device=device)
                model_fn = make_cfg_model_fn(model_ema)
            x_0 = K.sampling.sample_dpmpp_2m_sde(model_fn, x, sigmas, extra_args=extra_args, eta=0.0, solver_type='heun', disable=True)
            return x_0
        fakes_features = K.evaluation.compute_features(accelerator, sample_fn, extractor, args.evaluate_n, args.batch_size)
        if accelerator.is_main_process:
            fid = K.evaluation.fid(fakes_features, reals_features)
            kid = K.evaluation.kid(fakes_features, reals_features)
            print(f'FID: {fid.item():g}, KID: {kid.item():g}')
            if accelerator.is_main_process:
                metrics_log.write(step, ema_stats['loss'], fid.item(), kid.item())
            if use_wandb:
                wandb.log({'FID': fid.item(), 'KID': kid.item()}, step=step)

    def save():
        accelerator.wait_for_everyone()
        filename = f'{args.name}_{step:08}.pth'
        if accelerator.is_main_process:
            tqdm.write(f'Saving to {filename}...')
        inner_model = unwrap(model.inner_model)
        inner_model_ema = unwrap(model_ema.inner_model)
        obj = {
            'config': config,
            'model': inner_model.state_dict(),
            'model_ema': inner_model_ema.state_dict(),
            'opt': opt.state_dict(),
            'sched': sched.state_dict(),
            'ema_sched': ema_sched.state_dict(),
            'epoch': epoch,
            'step': step,
            'gns_stats': gns_stats.state_dict() if gns_stats is not None else None,
            'ema_stats': ema_stats,
            'demo_gen': demo_gen.get_state(),
        }
        accelerator.save(obj, filename)
        if accelerator.is_main_process:
            state_obj = {'latest_checkpoint': filename}
            json.dump(state_obj, open(state_path, 'w'))
        if args.wandb_save_model and use_wandb:
            wandb.save(filename)

    losses_since_last_print = []

    try:
        while True:
            for batch in tqdm(train_dl, smoothing=0.1, disable=not accelerator.is_main_process):
                with accelerator.accumulate(model):
                    reals, _, aug_cond = batch[image_key]
                    class_cond, extra_args = None, {}
                    if num_classes:
                        class_cond = batch[class_key]
                        drop = torch.rand(class_cond.shape, device=class_cond.device)
                        class_cond.masked_fill_(drop < cond_dropout_rate, num_classes)
                        extra_args['class_cond'] = class_cond
                    noise = torch.randn_like(reals)
                    with K.utils.enable_stratified_accelerate(accelerator, disable=args.gns):
                        sigma = sample_density([reals.shape[0]], device=device)
                    with K.models.checkpointing(args.checkpointing):
                        losses = model.loss(reals, noise, sigma, aug_cond=aug_cond, **extra_args)
                    loss = accelerator.gather(losses).mean().item()
                    losses_since_last_print.append(loss)
                    accelerator.backward(losses.mean())
                    if args.gns:
                        sq_norm_small_batch, sq_norm_large_batch = gns_stats_hook.get_stats()
                        gns_stats.update(sq_norm_small_batch, sq_norm_large_batch, reals.shape[0], reals.shape[0] * accelerator.num_processes)
                    if accelerator.sync_gradients:
                        accelerator.clip_grad_norm_(model.parameters(), 1.)
                    opt.step()
                    sched.step()
                    opt.zero_grad()

                    ema_decay = ema_sched.get_value()
                    K.utils.ema_update_dict(ema_stats, {'loss': loss}, ema_decay ** (1 / args.grad_accum_steps))
                    if accelerator.sync_gradients:
                        K.utils.ema_update(model, model_ema, ema_decay)
                        ema_sched.step()

                if step % 25 == 0:
                    loss_disp = sum(losses_since_last_print) / len(losses_since_last_print)
                    losses_since_last_print.clear()
                    avg_loss = ema_stats['loss']
                    if accelerator.is_main_process:
                        if args.gns:
                            tqdm.write(f'Epoch: {epoch}, step: {step}, loss: {loss_disp:g}, avg loss: {avg_loss:g}, gns: {gns_stats.get_gns():g}')
                        else:
                            tqdm.write(f'Epoch: {epoch}, step: {step}, loss: {loss_disp:g}, avg loss: {avg_loss:g}')

                if use_wandb:
                    log_dict = {
                        'epoch': epoch,
                        'loss': loss,
                        'lr': sched.get_last_lr()[0],
                        'ema_decay': ema_decay,
                    }
                    if args.gns:
                        log_dict['gradient_noise_scale'] = gns_stats.get_gns()
                    wandb.log(log_dict, step=step)

                step += 1

                if step % args.demo_every == 0:
                    demo()

                if evaluate_enabled and step > 0 and step % args.evaluate_every == 0:
                    evaluate()

                if step == args.end_step or (step > 0 and step % args.save_every == 0):
                    save()

                if step == args.end_step:
                    if accelerator.is_main_process:
                        tqdm.write('Done!')
                    return

            epoch += 1
    except KeyboardInterrupt:
        pass


if __name__ == '__main__':
    main()
'''  # noqa: E501


if __name__ == "__main__":
    main()

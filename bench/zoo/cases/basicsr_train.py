"""BasicSR (XPixelGroup's open-source image and video restoration toolbox on PyTorch) at
XPixelGroup/BasicSR master 8d56e3a045f9fb3e1d8872f92ee4a4f07f886b0a (2024-05-17, "change
functional_tensor to functional (#650)"; ``basicsr.__version__`` still 1.4.2, its last
release), on torch 2.14.1 and torchvision 0.29.1 (PyPI's CUDA builds, run on the CPU).
PyPI's ``basicsr`` 1.4.2 (2022, an sdist) cannot be imported with today's torchvision:
``basicsr/data/__init__.py`` imports every data set module, and ``degradations.py`` does
``from torchvision.transforms.functional_tensor import rgb_to_grayscale``, a module
torchvision 0.17 removed. The repository's own fix is that commit, master's last, 18
commits after 1.4.2's tag (2022-08-30): the case runs BasicSR installed from it (unpacked
under ``$ZOO_REPOS/BasicSR`` with ``git archive``, ``pip install --no-deps
--no-build-isolation``; see requirements-basicsr.txt), no line of BasicSR changed; the case
checks the installed ``degradations.py``, ``train.py``, ``utils/logger.py``,
``models/base_model.py`` and ``models/sr_model.py`` against their git blob ids at that
commit.

The run: BasicSR's training entry point as its own ``basicsr/train.py`` ``__main__`` calls
it, ``train_pipeline(root_path)`` with ``sys.argv = ['train.py', '-opt', <yml>]`` (as
Real-ESRGAN's and GFPGAN's ``train.py`` call it with the pip package), in-process, with the
run's folder as ``root_path`` (``experiments/<name>/`` and ``tb_logger/<name>/`` land there;
``python basicsr/train.py`` would put them in the clone). The option file the case writes is
the repository's ``options/train/SRResNet_SRGAN/train_MSRResNet_x2.yml`` cut down: name
``001_MSRResNet_x2_f32b4_Tiny_200_B8G0`` (no ``debug``, which would turn the TensorBoard
logger off), ``num_gpu: 0`` (the option file's own "set num_gpu: 0 for cpu mode"),
``manual_seed: 0``, ``PairedImageDataset`` on disk for train (``gt_size: 32``, hflip and
rotation, 2 loader workers, batch 8, ``dataset_enlarge_ratio: 5``) and val; ``MSRResNet``
with ``num_feat: 32``, ``num_block: 4`` (the stock 64 and 16), ``upscale: 2``; no pretrained
network (the stock file loads the x4 model's weights); Adam at 2e-4 with
``CosineAnnealingRestartLR`` over one period of ``total_iter: 200`` (the stock four of
250000); L1 ``pixel_opt``; ``ema_decay: 0`` (the stock 0.999 averages over about 1000
iterations, five times this run, so validation would see an almost untrained copy); ``val``
with ``val_freq: 50`` and the metrics ``psnr`` (``calculate_psnr``) and ``ssim``
(``calculate_ssim``), ``crop_border: 2``, ``test_y_channel: false``; ``logger`` with
``print_freq: 20``, ``save_checkpoint_freq: 100``, ``use_tb_logger: true`` (wandb off).
Data: synthetic paired folders in DIV2K's layout, ``datasets/Tiny/train_HR/0000.png`` ..
(32 training and 5 validation 32x32 colour pictures: plane waves, a gradient and two flat
rectangles, a little noise; numpy ``default_rng(0)``) and ``train_LR_bicubic/X2/`` (16x16,
BasicSR's own MATLAB-style bicubic ``basicsr.utils.matlab_functions.imresize``), written by
cv2. 32 x 5 / 8 = 20 iterations an epoch, 10 epochs; about 15 s on two cores.

What it prints: ``Disable distributed.`` on stdout, then BasicSR's logger (a
``StreamHandler`` on stderr, ``%(asctime)s %(levelname)s: %(message)s``; the same lines go
to ``experiments/<name>/train_<name>_<time>.log``): the ASCII banner with ``Version
Information`` (``BasicSR: 1.4.2``, ``PyTorch: 2.14.1+cu130``), the whole option dict
(``dict2str``: ``lr: 0.0002``, ``val_freq: 50``, ``crop_border: 2``, ...), the data sets'
statistics (``Number of train images: 32``, ``Require iter number per epoch: 20``, ``Total
epochs: 10; iters: 200.``), the network's repr and parameter count, then every
``print_freq`` iterations MessageLogger's line::

    2026-12-07 14:25:21,454 INFO: [001_M..][epoch:  0, iter:      20, lr:(1.956e-04,)] [eta:
    0:00:12, time (data): 0.092 (0.020)] l_pix: 3.3592e-02

(one line), ``Saving models and training states.`` at each ``save_checkpoint_freq``, and
each ``val_freq`` iterations SRModel's validation block::

    2026-12-07 14:25:24,018 INFO: Validation TinyVal
    \t # psnr: 26.1856\tBest: 26.1856 @ 50 iter
    \t # ssim: 0.9108\tBest: 0.9108 @ 50 iter

(then an empty line). After the loop ``End of training. Time consumed: 0:00:15``, ``Save the
latest model.`` and a closing validation of the same model at iteration 201: the loop's
``current_iter`` ends one past ``total_iter`` (it is incremented before the ``> total_iters``
check), so with ``val_freq`` dividing ``total_iter`` (as in every stock option file) the last
model is validated twice, at 200 and at 201, with the same values (``Best: ... @ 201 iter``:
the best is updated on ``>=``).

Truth: BasicSR's TensorBoard record, the event file that ``init_tb_logger``'s
``torch.utils.tensorboard.SummaryWriter(log_dir=<root>/tb_logger/<name>)`` writes (listed in
``files``), read back with TensorBoard's own loader (``_records.tb_folder``): MessageLogger
adds each printed value that is not the epoch, iteration, learning rates or times at the
printed iteration, a loss (a key starting ``l_``) as ``losses/<key>``: ``losses/l_pix`` at
20, 40, ..., 200; SRModel's ``_log_validation_metric_values`` adds
``metrics/<data set>/<metric>`` at each validation's iteration: ``metrics/TinyVal/psnr`` and
``metrics/TinyVal/ssim`` at 50, 100, 150, 200 and 201. The case asserts those tags and
steps. Judgement calls:
- Names as printed, which are the framework's keys: ``l_pix`` (the loss dict's key,
  ``SRModel.optimize_parameters``' ``loss_dict['l_pix']``), ``psnr`` and ``ssim`` (the
  option file's metric names, "metric name, can be arbitrary", as SRModel prints and keys
  them); the validation heading names the data set (``Validation TinyVal``), which the
  file's tag carries and the printed name does not (docs/metrics.md: BasicSR's multi-line
  validation keeps bare names). ``file_metrics``: every tag of the event file under its own
  name, as read (``rel_tolerance=1e-6``).
- Counts: ``l_pix`` 10 points (one a printed line), ``psnr`` and ``ssim`` 5 each (the closing
  validation at 201 is a print and a record of its own, equal to the one at 200).
- Tolerances: ``l_pix`` ``{:.4e}``: relative 5e-5 (the printed value is the float32 loss's
  ``.item()``, the number the file keeps); ``psnr``/``ssim`` ``{:.4f}`` of the float64 mean:
  5e-5, plus relative 1e-7 for the file's float32.
- Axis ``step``, the iteration: MessageLogger's ``iter:`` and each validation's
  ``current_iter`` (printed only in ``Best: ... @ 50 iter``).
- ``also_ok``: ``lr`` (the schedule's value, ``get_current_learning_rate()``, printed as a
  one-value tuple and kept by no record: MessageLogger pops ``lrs`` before its
  ``add_scalar`` loop), ``eta``, ``time`` and ``data`` (``time (data)``: the iteration's and
  the data loading's mean seconds, popped too), and ``Best`` (the running best printed again
  beside each metric, no series of its own).
- Not metrics: ``epoch`` and ``iter`` (counters), the option dump's settings, the data set
  statistics, ``Time consumed``.
- Determinism: seeded (``manual_seed: 0``: random, numpy, torch; the loader workers' seeds
  derive from it); the values repeat run to run, pipe and pty alike, except the timings.
"""
# zoo-venv: basicsr

import os
import sys
from pathlib import Path

import basicsr
import cv2
import numpy as np
from _records import tb_folder
from _truth import series, write_truth
from _verbatim import first_changed
from basicsr.train import train_pipeline
from basicsr.utils.matlab_functions import imresize

COMMIT = "8d56e3a045f9fb3e1d8872f92ee4a4f07f886b0a"  # XPixelGroup/BasicSR master, 2024-05-17
# the installed files that make the run and its record, at their blob ids at COMMIT
BLOBS = {
    "data/degradations.py": "14319605d73149bb0b0cfe86294a89a102a9dac2",
    "train.py": "e02d98fe07f8c2924dda5b49f95adfa21990fa91",
    "utils/logger.py": "73553dc664781a061737e94880ea1c6788c09043",
    "models/base_model.py": "fbf8229f59dee86a7f9f95c1d07da785fb5f15b3",
    "models/sr_model.py": "787f1fd2eab5963579c764c1bfb87199b7dd196f",
}
NAME = "001_MSRResNet_x2_f32b4_Tiny_200_B8G0"
TRAIN_IMAGES, VAL_IMAGES, HR_SIZE, SCALE = 32, 5, 32, 2
TOTAL_ITER, PRINT_FREQ, VAL_FREQ, SAVE_FREQ = 200, 20, 50, 100

OPTIONS = f"""\
# general settings
name: {NAME}
model_type: SRModel
scale: {SCALE}
num_gpu: 0  # set num_gpu: 0 for cpu mode
manual_seed: 0

# dataset and data loader settings
datasets:
  train:
    name: TinyTrain
    type: PairedImageDataset
    dataroot_gt: datasets/Tiny/train_HR
    dataroot_lq: datasets/Tiny/train_LR_bicubic/X{SCALE}
    filename_tmpl: '{{}}'
    io_backend:
      type: disk

    gt_size: {HR_SIZE}
    use_hflip: true
    use_rot: true

    # data loader
    num_worker_per_gpu: 2
    batch_size_per_gpu: 8
    dataset_enlarge_ratio: 5
    prefetch_mode: ~

  val:
    name: TinyVal
    type: PairedImageDataset
    dataroot_gt: datasets/Tiny/val_HR
    dataroot_lq: datasets/Tiny/val_LR_bicubic/X{SCALE}
    io_backend:
      type: disk

# network structures
network_g:
  type: MSRResNet
  num_in_ch: 3
  num_out_ch: 3
  num_feat: 32
  num_block: 4
  upscale: {SCALE}

# path
path:
  pretrain_network_g: ~
  strict_load_g: true
  resume_state: ~

# training settings
train:
  ema_decay: 0  # the stock options' 0.999 averages over ~1000 iterations, 5x this run
  optim_g:
    type: Adam
    lr: !!float 2e-4
    weight_decay: 0
    betas: [0.9, 0.99]

  scheduler:
    type: CosineAnnealingRestartLR
    periods: [{TOTAL_ITER}]
    restart_weights: [1]
    eta_min: !!float 1e-7

  total_iter: {TOTAL_ITER}
  warmup_iter: -1  # no warm up

  # losses
  pixel_opt:
    type: L1Loss
    loss_weight: 1.0
    reduction: mean

# validation settings
val:
  val_freq: {VAL_FREQ}
  save_img: false

  metrics:
    psnr: # metric name, can be arbitrary
      type: calculate_psnr
      crop_border: {SCALE}
      test_y_channel: false
    ssim:
      type: calculate_ssim
      crop_border: {SCALE}
      test_y_channel: false

# logging settings
logger:
  print_freq: {PRINT_FREQ}
  save_checkpoint_freq: {SAVE_FREQ}
  use_tb_logger: true
  wandb:
    project: ~
    resume_id: ~

# dist training settings
dist_params:
  backend: nccl
  port: 29500
"""


def synthetic_image(rng: np.random.Generator) -> np.ndarray:
    """A smooth 32x32 colour picture (BGR uint8, as cv2 writes it): a few random plane
    waves, a gradient and two flat rectangles, with a little noise."""
    y, x = np.mgrid[0:HR_SIZE, 0:HR_SIZE] / HR_SIZE
    image = np.zeros((HR_SIZE, HR_SIZE, 3))
    for channel in range(3):
        image[..., channel] = rng.uniform(0.2, 0.6) + rng.uniform(-0.3, 0.3) * x
        for _ in range(3):
            fx, fy = rng.uniform(-4, 4, size=2)
            image[..., channel] += rng.uniform(0.05, 0.2) * np.sin(
                2 * np.pi * (fx * x + fy * y) + rng.uniform(0, 2 * np.pi))
    for _ in range(2):
        top, left = rng.integers(0, HR_SIZE - 8, size=2)
        height, width = rng.integers(4, 16, size=2)
        image[top:top + height, left:left + width] = rng.uniform(0, 1, size=3)
    image += rng.normal(0, 0.01, size=image.shape)
    return (np.clip(image, 0, 1) * 255).round().astype(np.uint8)


def write_pairs(rng: np.random.Generator, folder: str, count: int) -> None:
    """HR PNGs and their x2 LR PNGs, BasicSR's MATLAB-style bicubic (``imresize``)."""
    hr_dir = Path("datasets/Tiny") / f"{folder}_HR"
    lr_dir = Path("datasets/Tiny") / f"{folder}_LR_bicubic" / f"X{SCALE}"
    hr_dir.mkdir(parents=True)
    lr_dir.mkdir(parents=True)
    for index in range(count):
        hr = synthetic_image(rng)
        lr = imresize(hr.astype(np.float64) / 255.0, 1 / SCALE)
        lr = (np.clip(lr, 0, 1) * 255).round().astype(np.uint8)
        cv2.imwrite(str(hr_dir / f"{index:04d}.png"), hr)
        cv2.imwrite(str(lr_dir / f"{index:04d}.png"), lr)


if (changed := first_changed(Path(basicsr.__file__).parent, BLOBS)) is not None:
    sys.exit(f"basicsr/{changed} is not BasicSR's at {COMMIT[:7]}: install it from that commit "
             "(see bench/zoo/requirements-basicsr.txt)")

rng = np.random.default_rng(0)
write_pairs(rng, "train", TRAIN_IMAGES)
write_pairs(rng, "val", VAL_IMAGES)
Path("options").mkdir()
Path("options/train_MSRResNet_x2_tiny.yml").write_text(OPTIONS, encoding="utf-8")

# as basicsr/train.py's __main__ runs it, with this folder as the root (experiments/,
# tb_logger/)
sys.argv = ["train.py", "-opt", "options/train_MSRResNet_x2_tiny.yml"]
train_pipeline(os.getcwd())

# truth: the event file BasicSR's tb_logger (torch's SummaryWriter) writes in
# tb_logger/<name>/: MessageLogger's add_scalar of each printed loss ("losses/l_pix" at the
# printed iteration), SRModel's of each validation's metrics ("metrics/<set>/<metric>" at
# its iteration; the closing validation after the loop at total_iter + 1)
paths, scalars = tb_folder(f"tb_logger/{NAME}")
VAL_SET = "TinyVal"
printed_iters = list(range(PRINT_FREQ, TOTAL_ITER + 1, PRINT_FREQ))
val_iters = [*range(VAL_FREQ, TOTAL_ITER + 1, VAL_FREQ), TOTAL_ITER + 1]
assert sorted(scalars) == ["losses/l_pix", f"metrics/{VAL_SET}/psnr",
                           f"metrics/{VAL_SET}/ssim"], sorted(scalars)
assert [step for step, _ in scalars["losses/l_pix"]] == printed_iters, scalars["losses/l_pix"]
metrics = {
    # "l_pix: {v:.4e}": 5 significant digits (the value is the float32 loss's .item(), the
    # same number the event file keeps)
    "l_pix": series(scalars["losses/l_pix"], "step", rel_tolerance=5e-5),
}
for metric in ("psnr", "ssim"):
    pairs = scalars[f"metrics/{VAL_SET}/{metric}"]
    assert [step for step, _ in pairs] == val_iters, pairs
    # "# psnr: {value:.4f}" of the float64 mean; the file keeps it as float32
    metrics[metric] = series(pairs, "step", tolerance=5e-5, rel_tolerance=1e-7)
file_metrics = {tag: series(pairs, "step", rel_tolerance=1e-6) for tag, pairs in scalars.items()}
write_truth(
    "BasicSR", f"{basicsr.__version__} (XPixelGroup/BasicSR@{COMMIT[:7]})",
    f"tb_logger/{NAME}/events.out.tfevents.* (BasicSR's init_tb_logger SummaryWriter: "
    "MessageLogger's losses/l_pix at each printed iteration, SRModel's "
    f"metrics/{VAL_SET}/psnr and ssim at each validation)",
    metrics, files=[os.path.relpath(path) for path in paths],
    also_ok=["lr", "eta", "time", "data", "Best"],
    file_metrics=file_metrics,
    notes=f"BasicSR master at {COMMIT} (basicsr.__version__ {basicsr.__version__}); "
          f"{TRAIN_IMAGES} training pairs x dataset_enlarge_ratio 5 / batch 8 = 20 iterations "
          "an epoch",
)

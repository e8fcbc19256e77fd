"""Niantic's monodepth2 (no pip package, no release: repository nianticlabs/monodepth2 at
b676244e5a1ca55564eb5d16ab521a48f823af31, its master; torch 2.14.1 and torchvision 0.29.1,
PyPI's CUDA builds, run on the CPU; tensorboardX, scikit-image, IPython as trainer.py
imports them): ``train.py`` as its README trains a monocular model, ``python train.py
--model_name ... --data_path ...``, here shrunk to half a minute of CPU::

    python train.py --model_name tiny --no_cuda --height 64 --width 64 --batch_size 1
        --num_epochs 1 --log_frequency 3 --num_layers 18 --weights_init scratch
        --num_workers 0 --data_path kitti_data --split eigen_zhou --log_dir logs

(64x64, batch 1 and two logged batches: each log also writes images, up to four a batch item
at each of the 4 scales, ``color_*``, ``color_pred_*``, ``disp_*``, ``automask_*``, into the
same event files; at 64x192 and batch 2 one log costs about 110 KB a run, so the event files
of the fixture's two modes would pass 1 MB. 64 is the smallest height the networks take: at
32 the ResNet's last feature map is one row, narrower than the decoder's reflection padding.)

(``--weights_init scratch``: the default ``pretrained`` would download ImageNet ResNet
weights; ``--log_dir logs``: the default is ``~/tmp``; everything else at options.py's
defaults: ``--frame_ids 0 -1 1``, ``--scales 0 1 2 3``, ``--pose_model_type
separate_resnet``, Adam at 1e-4, ``--dataset kitti``, ``--png`` off, so ``.jpg`` frames).
Files: ``train.py``, ``trainer.py``, ``options.py``, ``layers.py``, ``utils.py``,
``kitti_utils.py``, ``datasets/`` and ``networks/`` (14 files) from
``$ZOO_REPOS/monodepth2`` (default ``~/.cache/exptrack-zoo/repos``; ``git archive b676244e
train.py trainer.py options.py layers.py utils.py kitti_utils.py datasets networks splits |
tar -x -C ~/.cache/exptrack-zoo/repos/monodepth2`` of a fetched copy), each checked against
its git blob id and copied unchanged into ``monodepth2/`` in the cwd, beside which the case
writes its split: trainer.py reads ``splits/<split>/{train,val}_files.txt`` next to itself
(``os.path.dirname(__file__)``) and options.py lets ``--split`` name only its four stock
splits, so the case's lists take the default's place, the copy's ``splits/eigen_zhou/`` (the
stock lists, 39810 + 4424 lines of the real KITTI, are not copied). It
runs in-process (``runpy``, ``train.py`` as ``__main__``, ``sys.argv`` as above, the copy
first on ``sys.path``), for two compatibility shims (below).

Data: a tiny KITTI raw layout under ``kitti_data/`` as ``datasets/kitti_dataset.py``'s
``KITTIRAWDataset`` reads it: ``2011_09_26/2011_09_26_drive_0001_sync/image_02/data/
0000000000.jpg`` .. (7 frames, the training sequence) and ``..._drive_0002_sync`` (4 frames,
validation), 416x128 JPEGs of a smooth synthetic road scene that slides a little each frame
(seeded); the split lines are KITTI's ``<folder> <frame> l`` (``l``: ``image_02``), frames 1
.. 5 for training (5 items, 5 batches of 1) and 1 .. 2 for validation, so that every item's
-1/+1 neighbours exist. Ground truth depth: ``check_depth()`` finds
``velodyne_points/data/<frame>.bin`` of the first item, so the case writes a velodyne scan
for every frame (4000 random points 4-60 m ahead, seeded) and the two calibration files
``generate_depth_map`` reads from the date folder, ``calib_cam_to_cam.txt`` (``S_rect_02``
1242x375, ``R_rect_00`` the identity, ``P_rect_02`` KITTI's 2011_09_26 camera 2 projection)
and ``calib_velo_to_cam.txt`` (``R``, ``T``: an idealised axis swap and offset); with it
the loader returns ``depth_gt`` and the trainer computes and writes its depth metrics.
``kitti_utils.generate_depth_map`` indexes with ``astype(np.int)``, gone since numpy 1.24,
hence numpy 1.23.5 in the venv; ``mono_dataset.py``'s ``Image.ANTIALIAS``, gone since
Pillow 10, hence Pillow 9.5.0 (requirements-monodepth2.txt).

The shims, for what today's torch and torchvision dropped (monodepth2's README names
PyTorch 0.4.1 and torchvision 0.2.1), set by the case before it runs train.py; no line of
the repository is changed:
- trainer.py's ``val()`` calls ``self.val_iter.next()``, the Python 2 spelling that
  torch's DataLoader iterators kept as ``next = __next__`` in the torch 0.4.1 of
  monodepth2's README and dropped later; on torch 2.14 the first log would stop with
  ``AttributeError: '_SingleProcessDataLoaderIter' object has no attribute 'next'``. The
  case sets that alias again on ``torch.utils.data.dataloader._BaseDataLoaderIter``, as the
  old torch had it.
- ``mono_dataset.__getitem__`` calls ``transforms.ColorJitter.get_params(...)`` and applies
  what it returns to each frame (``color_aug(f)``): torchvision 0.2's returned that sampled
  transform, today's return its order and factors (a tuple: ``TypeError: 'tuple' object is
  not callable`` at the first batch, as monodepth2's users meet it on torchvision 0.8 and
  later). The case wraps ``get_params`` to return the old kind of callable, the adjustments
  applied in the sampled order with the sampled factors
  (``torchvision.transforms.functional``).

What it prints (stdout): ``Training model named:`` / ``   tiny``, ``Models and tensorboard
events files are saved to:`` / ``   logs``, ``Training is using:`` / ``   cpu``, ``Using
split:`` / ``   eigen_zhou``, ``There are 5 training items and 2 validation items``, then
``Training`` and, at every batch whose index is a multiple of ``--log_frequency`` (3: batches
0 and 3; ``self.step < 2000``), ``log_time``'s line::

    epoch   0 | batch      3 | examples/s:   1.7 | loss: 0.04596 | time elapsed: 00h00m03s |
    time left: 00h00m02s

(one line, broken here: ``"epoch {:>3} | batch {:>6} | examples/s: {:5.1f}" + " | loss:
{:.5f} | time elapsed: {} | time left: {}"``). On stderr, the warnings of torchvision
(``resnet_encoder``'s positional ``pretrained`` argument) and torch (``pin_memory`` with no
accelerator; ``lr_scheduler.step()`` before ``optimizer.step()``, as run_epoch steps the
scheduler first; ``grid_sample``'s ``align_corners`` default), as a user sees them.

Truth: monodepth2's own record, its TensorBoard event files (tensorboardX's
``SummaryWriter`` of ``logs/tiny/train`` and ``logs/tiny/val``, listed in ``files``), read
back with TensorBoard's loader (``_records.tb_folder``). At each printed batch ``log("train",
...)`` writes every entry of the batch's ``losses`` dict with ``add_scalar`` at
``self.step``: ``loss/0`` .. ``loss/3`` (each scale's), ``loss`` (their mean: the value
printed) and, with ground truth, ``de/abs_rel``, ``de/sq_rel``, ``de/rms``, ``de/log_rms``,
``da/a1``, ``da/a2``, ``da/a3`` (``compute_depth_losses``, median-scaled); then ``val()``
runs one validation batch and ``log("val", ...)`` writes the same tags for it at the same
step. Images (``color_*``, ``disp_*``, ``automask_*``) are not scalars. Nothing is parsed
from stdout and no line is added: the printed ``loss`` is the train file's ``loss`` (the
same ``losses["loss"]`` tensor), and the rest it prints are times. Judgement calls:
- Names: the printed ``loss`` is the train run's ``loss`` tag, which is its own name.
  ``file_metrics``: every tag of the two files; the train run's under their own names
  (``loss/0``, ``de/abs_rel``), the val run's with the folder's name as a prefix
  (``val_loss``, ``val_loss/0``, ``val_de/abs_rel``), as TensorBoard tells the two runs apart
  by their folder and as the zoo's keras_tensorboard case names Keras' ``validation`` run
  (docs/format.md's phase-folder rule).
- Counts: ``loss`` 2 points (batches 0 and 3 of 5), each file tag 2 in each run.
- Axis ``step``: ``self.step`` (the global batch count, from 0), printed as ``batch``
  (``batch_idx``, the same number in the one epoch).
- Tolerances: ``loss`` ``{:.5f}``: 5e-6, plus relative 1e-7 (the file's float32 and the
  printed float32 tensor are the same number); file tags relative 1e-6.
- ``also_ok``: ``examples/s`` (``batch_size / duration``), ``time elapsed``, ``time left``
  (timings, kept by no record).
- Not metrics: ``epoch`` and ``batch`` (counters), the option lines above.
- Determinism: train.py seeds nothing; the case seeds ``random``, numpy and torch before
  running it (initialisation, the loader's shuffle, flips and colour jitter), so the values
  repeat on the CPU; only the times vary. The models are saved at the epoch's end
  (``logs/tiny/models/weights_0``), not read.
"""
# zoo-venv: monodepth2

import os
import random
import runpy
import shutil
import sys
from pathlib import Path

import numpy as np
import torch
import torchvision
from _records import tb_folder
from _truth import series, write_truth
from _verbatim import first_changed
from PIL import Image, ImageDraw
from torchvision.transforms import ColorJitter
from torchvision.transforms import functional as F

REPO = "nianticlabs/monodepth2"
COMMIT = "b676244e5a1ca55564eb5d16ab521a48f823af31"
BLOBS = {"train.py": "ee1425eac9896186244d6c3e76b0c89938181654",
         "trainer.py": "f370603dc7d52e0ab06982561017cb9c8196b18a",
         "options.py": "f8c6aa1a8945d99407f5dc6b2975fb984e593c97",
         "layers.py": "070cadb6dac216dbe87faa796f825fcac1fb9b63",
         "utils.py": "e309cf7ec2a2cb4bb32254006b8337f96ba5117d",
         "kitti_utils.py": "ac2fdc9201ca8eb08b14cf72371d3c3173be4d34",
         "datasets/__init__.py": "5b91734f2b76285981e1f4fe9c9b70aa467d1237",
         "datasets/kitti_dataset.py": "120ca35fcc28d90ef941319fd3765ac9fc979b1a",
         "datasets/mono_dataset.py": "a381934ca8055fc224cde43743a819fba2135479",
         "networks/__init__.py": "238687080e7e1b67a0a56c4340572804ef281934",
         "networks/depth_decoder.py": "498ec385d2a6b7322a55f190bd6ab76330b55da7",
         "networks/pose_cnn.py": "16baec78904050cde4d155a053c22b38b5e45584",
         "networks/pose_decoder.py": "4b03b60ea839c366126a0adf94fda445c231143f",
         "networks/resnet_encoder.py": "9c94418d383e5c48acb64e946e54f607ea9c2861"}
DATE = "2011_09_26"
SEQUENCES = {"train": (f"{DATE}/{DATE}_drive_0001_sync", 7),  # frames 1..5 used as items
             "val": (f"{DATE}/{DATE}_drive_0002_sync", 4)}  # frames 1..2
SPLIT = "eigen_zhou"  # the default split's name (options.py allows only its four)
LOG_FREQUENCY = 3
BATCH_SIZE = 1
# KITTI's 2011_09_26 camera 2 projection; identity rectification (the loader reads only these)
CAM_TO_CAM = ("calib_time: 09-Jan-2012 13:57:47\n"
              "S_rect_02: 1.242000e+03 3.750000e+02\n"
              "R_rect_00: 1.000000e+00 0.000000e+00 0.000000e+00 0.000000e+00 1.000000e+00 "
              "0.000000e+00 0.000000e+00 0.000000e+00 1.000000e+00\n"
              "P_rect_02: 7.215377e+02 0.000000e+00 6.095593e+02 4.485728e+01 0.000000e+00 "
              "7.215377e+02 1.728540e+02 2.163791e-01 0.000000e+00 0.000000e+00 1.000000e+00 "
              "2.745884e-03\n")
# velodyne (x forward, y left, z up) to camera (x right, y down, z forward)
VELO_TO_CAM = ("calib_time: 15-Mar-2012 11:37:16\n"
               "R: 0.000000e+00 -1.000000e+00 0.000000e+00 0.000000e+00 0.000000e+00 "
               "-1.000000e+00 1.000000e+00 0.000000e+00 0.000000e+00\n"
               "T: 0.000000e+00 -8.000000e-02 -2.700000e-01\n")

repos = Path(os.environ.get("ZOO_REPOS", Path.home() / ".cache" / "exptrack-zoo" / "repos"))
repo = repos.expanduser() / "monodepth2"
if (rel := first_changed(repo, BLOBS)) is not None:
    sys.exit(f"{repo / rel} is not {REPO}'s at {COMMIT} (git archive {COMMIT[:8]} train.py "
             f"trainer.py options.py layers.py utils.py kitti_utils.py datasets networks | "
             f"tar -x -C {repo})")


def scene(frame: int, rng: np.random.Generator) -> Image.Image:
    """A smooth synthetic road scene, 416x128, the camera moving forward a little a frame."""
    width, height = 416, 128
    ys = np.linspace(0.0, 1.0, height)[:, None, None]
    sky = np.array([120, 160, 220]) * (1 - ys) + np.array([200, 210, 230]) * ys
    ground = np.array([90, 90, 80]) + 60 * ys
    pixels = np.where(ys < 0.45, sky, ground) * np.ones((1, width, 1))
    image = Image.fromarray(pixels.clip(0, 255).astype(np.uint8))
    draw = ImageDraw.Draw(image)
    for index in range(6):  # roadside boxes drifting outwards as the camera moves
        side = -1 if index % 2 else 1
        x = width / 2 + side * (40 + 30 * index + 3 * frame)
        size = 10 + 4 * index + frame // 2
        shade = int(rng.integers(40, 200))
        draw.rectangle([x - size, 58 - size, x + size, 58 + size],
                       fill=(shade, 255 - shade, 120))
    return image


def write_kitti(root: Path) -> None:
    """KITTI raw's layout: <date>/<drive>/image_02/data/<frame:010d>.jpg, the scans in
    <drive>/velodyne_points/data/<frame:010d>.bin (float32 x, y, z, reflectance) and the
    date folder's calibration files."""
    rng = np.random.default_rng(0)
    (root / DATE).mkdir(parents=True)
    (root / DATE / "calib_cam_to_cam.txt").write_text(CAM_TO_CAM, encoding="utf-8")
    (root / DATE / "calib_velo_to_cam.txt").write_text(VELO_TO_CAM, encoding="utf-8")
    for folder, frames in SEQUENCES.values():
        images = root / folder / "image_02" / "data"
        scans = root / folder / "velodyne_points" / "data"
        images.mkdir(parents=True)
        scans.mkdir(parents=True)
        for frame in range(frames):
            scene(frame, np.random.default_rng(frame)).save(images / f"{frame:010d}.jpg",
                                                            quality=90)
            count = 4000
            points = np.stack([rng.uniform(4, 60, count), rng.uniform(-15, 15, count),
                               rng.uniform(-1.7, 1.5, count), rng.uniform(0, 1, count)], 1)
            points.astype(np.float32).tofile(scans / f"{frame:010d}.bin")


# --- the repository's files, unchanged, and the split beside them ---
code = Path("monodepth2")
for rel in BLOBS:
    (code / rel).parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(repo / rel, code / rel)
split = code / "splits" / SPLIT
split.mkdir(parents=True)
for mode, (folder, frames) in SEQUENCES.items():
    lines = [f"{folder} {frame} l" for frame in range(1, frames - 1)]
    (split / f"{mode}_files.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
write_kitti(Path("kitti_data"))

# the shims (docstring): torch 0.4's DataLoader iterators had `next = __next__` (trainer.val()
# calls it); torchvision 0.2's ColorJitter.get_params returned the sampled transform, which
# mono_dataset.__getitem__ applies (newer ones return its order and factors)
_iter = torch.utils.data.dataloader._BaseDataLoaderIter
if not hasattr(_iter, "next"):
    _iter.next = _iter.__next__
_sample_jitter = ColorJitter.get_params


def _jitter_transform(brightness, contrast, saturation, hue):
    """torchvision 0.2's ``ColorJitter.get_params``: the sampled adjustments, in their random
    order, as one callable (the factors and order sampled by the installed torchvision)."""
    order, *factors = _sample_jitter(brightness, contrast, saturation, hue)
    adjust = [F.adjust_brightness, F.adjust_contrast, F.adjust_saturation, F.adjust_hue]

    def apply(image):
        for index in order.tolist():
            if factors[index] is not None:
                image = adjust[index](image, factors[index])
        return image

    return apply


ColorJitter.get_params = staticmethod(_jitter_transform)

random.seed(0)  # train.py seeds nothing: the case does, for a run that repeats
np.random.seed(0)
torch.manual_seed(0)
sys.path.insert(0, str(code.resolve()))
sys.argv = ["train.py", "--model_name", "tiny", "--no_cuda", "--height", "64", "--width", "64",
            "--batch_size", str(BATCH_SIZE), "--num_epochs", "1",
            "--log_frequency", str(LOG_FREQUENCY), "--num_layers", "18",
            "--weights_init", "scratch", "--num_workers", "0", "--data_path", "kitti_data",
            "--split", SPLIT, "--log_dir", "logs"]
runpy.run_path(str(code / "train.py"), run_name="__main__")
sys.stdout.flush()

# --- the truth: the two SummaryWriters' event files ---
train_items = SEQUENCES["train"][1] - 2
printed_steps = list(range(0, train_items // BATCH_SIZE, LOG_FREQUENCY))
depth_tags = ["de/abs_rel", "de/sq_rel", "de/rms", "de/log_rms", "da/a1", "da/a2", "da/a3"]
expected_tags = sorted([*(f"loss/{s}" for s in range(4)), "loss", *depth_tags])
files = []
file_metrics = {}
scalars = {}
for run, prefix in (("train", ""), ("val", "val_")):
    paths, found = tb_folder(os.path.join("logs", "tiny", run))
    assert sorted(found) == expected_tags, sorted(found)
    for tag, pairs in found.items():
        assert [step for step, _ in pairs] == printed_steps, (run, tag, pairs)
    files += [os.path.relpath(path) for path in paths]
    scalars[run] = found
    for tag, pairs in sorted(found.items()):
        file_metrics[prefix + tag] = series(pairs, "step", rel_tolerance=1e-6)

# "loss: {:.5f}" of the same float32 tensor the train file keeps
metrics = {"loss": series(scalars["train"]["loss"], "step", tolerance=5e-6, rel_tolerance=1e-7)}
write_truth(
    "monodepth2", f"{COMMIT[:8]} (no release)",
    "logs/tiny/{train,val}/events.out.tfevents.* (trainer.log's tensorboardX SummaryWriter: "
    "each entry of the losses dict, loss/0..3, loss and the depth metrics, at self.step of "
    "each printed batch, the val run's for one validation batch; val tags prefixed val_)",
    metrics, files=files, file_metrics=file_metrics,
    also_ok=["examples/s", "time elapsed", "time left"],
    notes=f"{REPO} at {COMMIT}, run from $ZOO_REPOS/monodepth2 copied to the cwd; torch "
          f"{torch.__version__}, torchvision {torchvision.__version__}, numpy "
          f"{np.__version__}; {train_items} training items / batch {BATCH_SIZE} = "
          f"{train_items // BATCH_SIZE} batches, printed at batches {printed_steps}",
)

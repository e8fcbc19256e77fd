"""nnU-Net v2: a tiny synthetic 2D dataset (12 grayscale 32x32 images, background + one
foreground label: a bright disc) written in the nnU-Net raw format (``dataset.json``,
``imagesTr``/``labelsTr`` as ``.nii.gz``) under the cwd, with ``nnUNet_raw``,
``nnUNet_preprocessed`` and ``nnUNet_results`` pointing under the cwd, then what a user runs:
the CLI ``nnUNetv2_plan_and_preprocess -d 501 -c 2d``, then training as
``nnUNetv2_train 501 2d 0 -tr nnUNetTrainer_5epochs -device cpu`` builds it, in-process through
the Python API (``trainer = Cls(plans, "2d", 0, dataset_json, torch.device("cpu"));
trainer.run_training()``) with OUR OWN subclass of the shipped ``nnUNetTrainer_5epochs``
that only cuts the iterations per epoch (250 train / 50 val -> 10 / 5): no shipped trainer
has fewer iterations, 250 took ~3 min an epoch on 2 busy cores (~20 s unloaded: ~2.5 min a
run), and ``nnUNetv2_train`` only finds trainer classes inside the installed package. The
final sliding-window validation the CLI runs after training (``perform_actual_validation``)
is left out for time.
Default printing: ``print_to_log_file`` lines with a timestamp,
``2026-01-01 00:00:00.000000: train_loss -0.6114`` (``np.round(value, 4)``), ``val_loss``,
``Pseudo dice [np.float32(0.9123)]`` (one value per foreground class, rounded to 4 decimals),
``Epoch time: 9.1 s``, ``Current learning rate: 0.00818``, ``Yayy! New best EMA pseudo Dice:``.

Truth: the trainer's own logger, ``torch.load(checkpoint_final.pth)['logging']`` (the
``LocalLogger``'s ``my_fantastic_logging`` dict, one entry per epoch, epochs 0-based as
printed by ``Epoch N``). Judgements: names follow the labels nnU-Net prints for the values
(``train_loss``, ``val_loss``: the logger's list names ``train_losses``/``val_losses`` are
container names never printed); ``Pseudo dice`` is a list of per-class dice with a single
entry here (one foreground label), named by the documented rule (docs/metrics.md "Phrases":
the printed words joined with ``_``, case kept) as printed (``Pseudo_dice``,
the logger's ``dice_per_class_or_region[0]``, equal to its ``mean_fg_dice``). The running
best EMA dice (printed only when it improves), the epoch time and the learning rate go in
``also_ok``, named by the same rule (``Epoch_time``, ``Current_learning_rate``). nnU-Net's
``training_log_<date>.txt`` in the results folder is a copy of the same timestamped lines,
not a metric file, so it is not listed in ``files``; the checkpoint is binary. Values differ
between the pipe and pty runs (nnU-Net's multiprocess augmentation is not deterministic even
with the seeded data); each mode's truth comes from its own run.
"""
# zoo-venv: alt

import json
import multiprocessing
import os
import subprocess
import sys
from importlib.metadata import version

import numpy as np
import SimpleITK as sitk
import torch
from _truth import series, write_truth
from batchgenerators.utilities.file_and_folder_operations import load_json
from nnunetv2.training.nnUNetTrainer.variants.training_length.nnUNetTrainer_Xepochs import (
    nnUNetTrainer_5epochs,
)

CWD = os.getcwd()
for var, folder in (("nnUNet_raw", "nnUNet_raw"), ("nnUNet_preprocessed", "nnUNet_preprocessed"),
                    ("nnUNet_results", "nnUNet_results")):
    os.environ[var] = os.path.join(CWD, folder)
    os.makedirs(os.environ[var], exist_ok=True)

DATASET = "Dataset501_Blobs"
raw = os.path.join(os.environ["nnUNet_raw"], DATASET)  # noqa: SIM112
os.makedirs(os.path.join(raw, "imagesTr"))
os.makedirs(os.path.join(raw, "labelsTr"))

rng = np.random.default_rng(0)
yy, xx = np.mgrid[:32, :32]
n_cases = 12
for i in range(n_cases):
    cy, cx = rng.integers(9, 23, size=2)
    radius = rng.integers(4, 8)
    label = ((yy - cy) ** 2 + (xx - cx) ** 2 <= radius ** 2).astype(np.uint8)
    image = (label * 1.0 + rng.normal(scale=0.4, size=label.shape)).astype(np.float32)
    for array, path in ((image, f"imagesTr/blob_{i:03d}_0000.nii.gz"),
                        (label, f"labelsTr/blob_{i:03d}.nii.gz")):
        sitk.WriteImage(sitk.GetImageFromArray(array), os.path.join(raw, path))
with open(os.path.join(raw, "dataset.json"), "w", encoding="utf-8") as handle:
    json.dump({"channel_names": {"0": "intensity"},
               "labels": {"background": 0, "blob": 1},
               "numTraining": n_cases, "file_ending": ".nii.gz"}, handle, indent=2)

bindir = os.path.dirname(sys.executable)
subprocess.run([os.path.join(bindir, "nnUNetv2_plan_and_preprocess"), "-d", "501", "-c", "2d"],
               check=True)

# nnUNetTrainer_5epochs keeps 250 train + 50 val iterations an epoch (~3 min an epoch on 2 busy
# CPU cores); no shipped trainer has fewer, so a subclass cuts them, run in-process the way
# nnunetv2.run.run_training builds a trainer (nnUNetv2_train only finds trainer classes inside
# the nnunetv2 package)
class nnUNetTrainer_5epochs_10iters(nnUNetTrainer_5epochs):
    def __init__(self, plans, configuration, fold, dataset_json, device):
        super().__init__(plans, configuration, fold, dataset_json, device)
        self.num_iterations_per_epoch = 10
        self.num_val_iterations_per_epoch = 5


torch.set_num_threads(multiprocessing.cpu_count())  # what nnUNetv2_train -device cpu does
preprocessed = os.path.join(os.environ["nnUNet_preprocessed"], DATASET)  # noqa: SIM112
plans = load_json(os.path.join(preprocessed, "nnUNetPlans.json"))
plans["continue_training"] = False  # set by run_training.get_trainer_from_args
trainer = nnUNetTrainer_5epochs_10iters(
    plans=plans, configuration="2d", fold=0,
    dataset_json=load_json(os.path.join(preprocessed, "dataset.json")),
    device=torch.device("cpu"))
trainer.run_training()

fold = os.path.join(os.environ["nnUNet_results"], DATASET,  # noqa: SIM112
                    "nnUNetTrainer_5epochs_10iters__nnUNetPlans__2d", "fold_0")
logging = torch.load(os.path.join(fold, "checkpoint_final.pth"), map_location="cpu",
                     weights_only=False)["logging"]
# printed with np.round(value, decimals=4)
metrics = {
    "train_loss": series(enumerate(logging["train_losses"]), "epoch", tolerance=5e-5),
    "val_loss": series(enumerate(logging["val_losses"]), "epoch", tolerance=5e-5),
    "Pseudo_dice": series(enumerate(d[0] for d in logging["dice_per_class_or_region"]), "epoch",
                          tolerance=5e-5),
}
write_truth("nnunetv2", version("nnunetv2"),
            "torch.load(checkpoint_final.pth)['logging'] (nnU-Net LocalLogger)", metrics,
            also_ok=["Epoch_time", "Current_learning_rate", "New_best_EMA_pseudo_Dice",
                     "best_EMA_pseudo_Dice", "EMA_pseudo_Dice"])

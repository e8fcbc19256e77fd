"""TorchANI's training example (aiqm/torchani ``examples/training.py`` at commit
800dcdd368bed6952e79c745bc23ef5ba4f81dfa, 2025-08-07, held verbatim below and checked
against its git blob id) on TorchANI 2.9.0 (PyPI ``torchani``, the release that installs
beside the CPU build of torch 2.13.0) with TensorBoard 2.21.0, h5py 3.16 and numpy 2.4
(``requirements-torchani.txt``). The example is ``training.py``: the repository has no
``nnp_training.py`` at that commit.

Data: a synthetic ``sample.h5`` the case writes with TorchANI's own ``ANIDataset``
(``append_conformers``): 48 conformers of CH4, H2O and NH3 (16 each, seeded random
coordinates, energies near -40 Ha), the layout ``ANIDataset`` reads. Nothing downloaded.

Changes to the verbatim script (a documented minimal change, three literal substitutions):
the data path ``"../dataset/ani-1x/sample.h5"`` -> ``"sample.h5"``, the prebatching
``batch_size=2560`` -> ``batch_size=16`` (3 training batches, 1 validation batch) and
``max_epochs = 5`` -> ``max_epochs = 3``. One shim outside the file: the script calls
``scheduler.is_better(...)``, which torch 2.13's ``ReduceLROnPlateau`` keeps only as
``_is_better``; the case sets ``ReduceLROnPlateau.is_better = ReduceLROnPlateau._is_better``
before running it (``runpy``, as ``__main__``). ``TORCHANI_NO_WARN_EXTENSIONS=1`` is set to
quiet the import warning about the CUDA extensions.

What it prints: tqdm bars on stderr (``training: Collecting packet 1/1``, ``Cacheing
training, ...``, ``Epoch 1: 100%|...| 3/3``) and on stdout::

    Before training starts: Validation RMSE (kcal/mol) 14433.56676840119
    After epoch 1: Validation RMSE (kcal/mol) 14418.38690261405

(torch's seed is fixed, but ``create_batched_dataset`` draws its own split and batch seeds
from fresh ``torch.Generator().seed()`` calls the script cannot pass without a change, so
the training/validation split and the figures differ from run to run; each mode's truth is
that run's own record.)

Truth: the script's own ``SummaryWriter`` event file under ``runs/<date>_<host>/``
(``_records.tb_folder``, listed in ``files``): after each epoch 1..3 it adds
``validation_rmse_kcalpermol``, ``best_validation_rmse_kcalpermol``, ``learning_rate`` and
``epoch_loss_square_ha`` at step ``epoch``. Judgement calls:
- the printed ``Validation RMSE (kcal/mol)`` is named ``validation_RMSE_(kcal/mol)``
  (docs/metrics.md: the phase word prefixes the name, a unit in parentheses after a key
  stays in it), as the HiFi-GAN case names its printed values; keyed by epoch, 4 values.
- the ``Before training starts`` value (epoch 0) is printed but never written to the event
  file, so one line is added after that print (``ADDED``) writing it to
  ``zoo_epoch0.txt``; epochs 1-3 come from the tag ``validation_rmse_kcalpermol``. The
  event file keeps float32 while stdout prints the float64 in full: rel_tolerance 1e-6.
- all four tags (exptrack reads the event file too) are ``file_metrics`` under the tags'
  names; three of them are never printed.
- ``also_ok``: tqdm's ``it/s`` rate.
"""
# zoo-venv: torchani
import os
import runpy
import sys
from pathlib import Path

os.environ.setdefault("TORCHANI_NO_WARN_EXTENSIONS", "1")

import numpy as np
import torch
import torchani
from _records import tb_folder
from _truth import series, write_truth
from _verbatim import git_blob_id
from torchani.datasets import ANIDataset

SOURCE_REPO = "aiqm/torchani"
SOURCE_COMMIT = "800dcdd368bed6952e79c745bc23ef5ba4f81dfa"
SCRIPT_BLOB = "634c29f68746a14caba7fe8665fabf2b0da2c97d"  # examples/training.py
CHANGES = [('"../dataset/ani-1x/sample.h5"', '"sample.h5"'),
           ("batch_size=2560", "batch_size=16"),
           ("max_epochs = 5", "max_epochs = 3")]
EPOCHS = 3
TAGS = {"validation_rmse_kcalpermol": "validation_RMSE_(kcal/mol)"}
# the one line added to training.py (after its anchor; no line of the stock text changed):
# the value printed before training, which the event file never keeps, written out as is
ANCHOR = '    print(f"Before training starts: Validation RMSE (kcal/mol) {rmse}")\n'
ADDED = '    Path("zoo_epoch0.txt").write_text(repr(rmse))  # zoo: record line\n'
ALSO_OK = ["it/s"]


def write_data() -> None:
    rng = np.random.default_rng(0)
    ds = ANIDataset("sample.h5")
    with ds.keep_open("r+") as handle:
        for formula, species in (("CH4", [6, 1, 1, 1, 1]), ("H2O", [8, 1, 1]),
                                 ("NH3", [7, 1, 1, 1])):
            n = 16
            coords = rng.normal(0, 0.6, (n, len(species), 3))
            coords[:, 0] = 0
            energies = -40.0 + 0.01 * rng.normal(size=n)
            handle.append_conformers(formula, {
                "species": torch.tensor([species] * n),
                "coordinates": torch.tensor(coords, dtype=torch.float32),
                "energies": torch.tensor(energies)})


def main() -> None:
    torch.manual_seed(0)
    assert git_blob_id(TRAINING_PY) == SCRIPT_BLOB
    text = TRAINING_PY
    for old, new in CHANGES:
        assert text.count(old) == 1, old
        text = text.replace(old, new)
    assert text.count(ANCHOR) == 1
    text = text.replace(ANCHOR, ANCHOR + ADDED)
    Path("training.py").write_text(text, encoding="utf-8")
    write_data()
    scheduler_class = torch.optim.lr_scheduler.ReduceLROnPlateau
    if not hasattr(scheduler_class, "is_better"):
        scheduler_class.is_better = scheduler_class._is_better
    sys.path.insert(0, str(Path.cwd()))
    runpy.run_path("training.py", run_name="__main__")

    runs = sorted(Path("runs").iterdir())
    assert len(runs) == 1, runs
    event_files, found = tb_folder(str(runs[0]))
    for tag in found:
        assert [s for s, _ in found[tag]] == list(range(1, EPOCHS + 1)), (tag, found[tag])
    before = float(Path("zoo_epoch0.txt").read_text())
    metrics = {printed: series([(0, before)] + found[tag], "epoch", rel_tolerance=1e-6)
               for tag, printed in TAGS.items()}
    file_metrics = {tag: series(pairs, "epoch", rel_tolerance=1e-6)
                    for tag, pairs in found.items()}
    write_truth("TorchANI", f"{torchani.__version__} ({SOURCE_REPO}@{SOURCE_COMMIT[:8]} "
                f"examples/training.py; torch {torch.__version__})",
                "training.py's SummaryWriter event file under runs/ (tb_folder)",
                metrics, files=event_files, file_metrics=file_metrics, also_ok=ALSO_OK,
                notes="scalar tags found: " + ", ".join(sorted(found)))


# examples/training.py at 800dcdd3, verbatim
TRAINING_PY = r'''r"""
Training an ANI network using a custom script
=============================================

This example shows how to use TorchANI to train a neural network potential.
"""
# %% To begin with, let's first import the modules and setup devices we will use
import math
from pathlib import Path

import torch
import torch.utils.tensorboard
from tqdm import tqdm

import torchani
from torchani.arch import ANI, simple_ani
from torchani.datasets import ANIDataset, ANIBatchedDataset, BatchedDataset
from torchani.units import hartree2kcalpermol
from torchani.grad import forces_for_training
# %%
# Device and dataset to run the training
device = torch.device("cuda" if torch.cuda.is_available() else "cpu")
ds = ANIDataset("../dataset/ani-1x/sample.h5")
# %%
# We prebatch the dataset to train with memory efficiency, keeping a good
# performance.
batched_dataset_path = Path("./batched_dataset").resolve()
if not batched_dataset_path.exists():
    torchani.datasets.create_batched_dataset(
        ds,
        dest_path=batched_dataset_path,
        batch_size=2560,
        splits={"training": 0.8, "validation": 0.2},
    )

train_ds: BatchedDataset = ANIBatchedDataset(batched_dataset_path, split="training")
valid_ds: BatchedDataset = ANIBatchedDataset(batched_dataset_path, split="validation")
# %%
# We use the pytorch DataLoader with multiprocessing to load the batches while we train
#
# For more info about the DataLoader and multiprocessing read
# https://pytorch.org/docs/stable/data.html
#
# CACHE saves all data in memory. It is very memory intensive but faster.
# Also, pin_memory is automatically performed by ANIBatchedDataset in the CACHE
# case, so it should be set to False for the DataLoader.
CACHE: bool = True
if CACHE:
    train_ds = train_ds.cache()
    valid_ds = valid_ds.cache()

training = train_ds.as_dataloader(num_workers=0)
validation = valid_ds.as_dataloader(num_workers=0)
# %%
# We can use the transforms module to modify the batches, the API for transforms is very
# similar to `torchvision's API <https://pytorch.org/vision/stable/transforms.html>`_
# with the difference that the transforms are applied to both target and inputs in all
# cases.
#
# Transform can be passed to the "transform" argument of ANIBatchedDataset to
# to be performed on-the-fly on CPU (slow if no CACHE)
#
# Transform can also be applied directly when training on GPU
#
# Transform can also be applied to a dataset when batching it, by using the
# inplace_transform argument of create_batched_dataset (Be careful, this may be
# error prone)
#
# In this case we wont apply any transform
#
# Lets generate a model from scratch. For simplicity we use PyTorch's default random
# initialization for the weights.
model = simple_ani(("H", "C", "N", "O"), lot="wb97x-631gd", repulsion=True)
# %%
# Set up of optimizer and lr-scheduler
optimizer = torch.optim.AdamW(
    params=model.neural_networks.parameters(),
    lr=0.5e-3,
    weight_decay=1e-6,
)
scheduler = torch.optim.lr_scheduler.ReduceLROnPlateau(
    optimizer,
    factor=0.5,
    patience=100,
    threshold=0,
)
# %%
# We first read the checkpoint files to restart training. We use ``latest_traininig.pt``
# to store current training state.
latest_training_state_checkpoint_path = Path("./latest_training_state.pt").resolve()
best_model_state_checkpoint_path = Path("./best_model_state.pt").resolve()
if latest_training_state_checkpoint_path.exists():
    checkpoint = torch.load(latest_training_state_checkpoint_path)
    model.load_state_dict(checkpoint["model"])
    scheduler.load_state_dict(checkpoint["scheduler"])
    optimizer.load_state_dict(checkpoint["optimizer"])

model.to(dtype=torch.float32, device=device)
# %%
# During training, we need to validate on validation set and if validation error
# is better than the best, then save the new best model to a checkpoint


def validate(model: ANI, validation: torch.utils.data.DataLoader) -> float:
    squared_error = 0.0
    count = 0
    model.train(False)
    with torch.no_grad():
        for properties in validation:
            properties = {
                k: v.to(device, non_blocking=True) for k, v in properties.items()
            }
            species = properties["species"]
            coordinates = properties["coordinates"].float()
            target_energies = properties["energies"].float()
            output = model((species, coordinates))
            predicted_energies = output.energies
            squared_error += (predicted_energies - target_energies).pow(2).sum().item()
            count += predicted_energies.shape[0]
    model.train(True)
    rmse = math.sqrt(squared_error / count)
    return hartree2kcalpermol(rmse)


# %%
# We will also use TensorBoard to visualize our training process
tensorboard = torch.utils.tensorboard.SummaryWriter()
# %%
# Criteria for stopping training
max_epochs = 5
min_learning_rate = 1.0e-10
# %%
# Epoch 0 is right before training starts
if scheduler.last_epoch == 0:
    rmse = validate(model, validation)
    print(f"Before training starts: Validation RMSE (kcal/mol) {rmse}")
    scheduler.step(rmse)
    torch.save(
        {
            "model": model.state_dict(),
            "optimizer": optimizer.state_dict(),
            "scheduler": scheduler.state_dict(),
        },
        latest_training_state_checkpoint_path,
    )
# %%
# Finally, we come to the training loop.
mse = torch.nn.MSELoss(reduction="none")
force_training = False
force_coefficient = 0.1
for epoch in range(scheduler.last_epoch, max_epochs + 1):
    # Stop training if the lr is below a given threshold
    if optimizer.param_groups[0]["lr"] < min_learning_rate:
        break

    # Loop over batches
    for batch in tqdm(
        training,
        total=len(training),
        desc=f"Epoch {epoch}",
    ):
        batch = {k: v.to(device, non_blocking=True) for k, v in batch.items()}
        species = batch["species"]
        coordinates = batch["coordinates"].float()
        target_energies = batch["energies"].float()
        num_atoms = (species >= 0).sum(dim=1, dtype=target_energies.dtype)
        output = model((species, coordinates))
        predicted_energies = output.energies
        if force_training:
            target_forces = batch["forces"].float()
            predicted_forces = forces_for_training(predicted_energies, coordinates)
            energy_loss = (
                mse(predicted_energies, target_energies) / num_atoms.sqrt()
            ).mean()
            force_loss = (
                mse(predicted_forces, target_forces).sum(dim=(1, 2)) / num_atoms
            ).mean()
            loss = energy_loss + force_coefficient * force_loss
        else:
            loss = (mse(predicted_energies, target_energies) / num_atoms.sqrt()).mean()

        optimizer.zero_grad()
        loss.backward()
        optimizer.step()

    # Validate
    rmse = validate(model, validation)
    print(f"After epoch {epoch}: Validation RMSE (kcal/mol) {rmse}")

    # Checkpoint the model if the RMSE; improved
    if scheduler.is_better(rmse, scheduler.best):
        torch.save(model.state_dict(), best_model_state_checkpoint_path)

    # Step the epoch-scheduler
    scheduler.step(rmse)

    # Checkpoint the training state
    torch.save(
        {
            "model": model.state_dict(),
            "optimizer": optimizer.state_dict(),
            "scheduler": scheduler.state_dict(),
        },
        latest_training_state_checkpoint_path,
    )

    # Log scalars
    tensorboard.add_scalar("validation_rmse_kcalpermol", rmse, epoch)
    tensorboard.add_scalar("best_validation_rmse_kcalpermol", scheduler.best, epoch)
    tensorboard.add_scalar("learning_rate", optimizer.param_groups[0]["lr"], epoch)
    tensorboard.add_scalar("epoch_loss_square_ha", loss, epoch)
'''

if __name__ == "__main__":
    main()

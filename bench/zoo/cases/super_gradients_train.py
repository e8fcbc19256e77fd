"""SuperGradients 3.7.1 (Deci's training library, YOLO-NAS's; torch 2.14.1 run on the CPU):
``Trainer.train`` as its documentation's classification example
(documentation/source/Example_Classification.md, "Training a classification model and
transfer learning") trains it: ``trainer = Trainer(experiment_name=..., ckpt_root_dir=...)``,
``model = models.get(model_name=Models.RESNET18, num_classes=10)`` (no pretrained weights),
``training_params = training_hyperparams.get(config_name="training_hyperparams/
cifar10_resnet_train_params")`` (the CIFAR10 ResNet recipe: SGD, lr 0.1 with momentum 0.9,
``cross_entropy``, ``Accuracy`` and ``Top5`` as train and valid metrics, ``metric_to_watch:
Accuracy``, ``average_best_models: True``, seed 42), ``training_params["max_epochs"] = 3`` (the
example's own way to shorten it, there 15) and ``trainer.train(model=..., training_params=...,
train_loader=..., valid_loader=...)``. The data is the change: the example's
``dataloaders.get("cifar10_train")`` downloads CIFAR10, so the case builds CIFAR-shaped
synthetic tensors (3x32x32 noise shifted by the label, 10 classes; 128 train and 64
validation images) in plain torch ``DataLoader``s (batch 32, the train loader shuffled), as the
example's note says any torch loader may stand in. ``torch.manual_seed(0)`` before
``models.get`` (SuperGradients seeds with the recipe's ``seed: 42`` only inside ``train``,
after the model's weights are drawn). Two environment switches before the import, each as its
own message tells a user to set it: ``NO_ALBUMENTATIONS_UPDATE=1`` (albumentations, imported by
super_gradients, otherwise asks PyPI for its latest version at import and warns) and
``TORCH_FORCE_NO_WEIGHTS_ONLY_LOAD=1`` (SuperGradients 3.7.1 predates torch 2.6's
``weights_only=True`` default: its ``average_best_models`` snapshot file holds numpy values,
so ``torch.load`` of it fails at the end of epoch 0 without the switch, which torch's error
names; torch then warns once a load). No print of the case's own: ``train`` returns None.

What it prints: SuperGradients' logger on stdout (``[2026-12-07 01:31:19] INFO -
sg_trainer.py - ...``: its run id, checkpoints folder, ``The console stream is now moved
to ...``, the ``TRAINING PARAMETERS:`` block with dataset size, batch sizes, iterations per
epoch, the model's 11.18M parameters and its LR/WD groups, ``Started training for 3 epochs
(0/2)``, checkpoint saves, ``Best checkpoint overriden: validation Accuracy: 0.125``), its
``[WARNING]No module named 'pycocotools'`` at import, warnings (hydra's ``_self_``, torch's
``GradScaler``/``autocast``/``weights_only``) on stderr; a tqdm bar a train epoch on stderr,
``Train epoch 0: 100%|...| 4/4 [00:02<00:00,  1.59it/s, Accuracy=0.141,
CrossEntropyLoss=4.55, Top5=0.555, gpu_mem=0]`` (the running means of the epoch so far, tqdm's
``.3g``), and a ``Validating`` bar with no values; after each epoch its summary tree
(``display_epoch_summary``, ``str(round(value, 4))``)::

    ===========================================================
    SUMMARY OF EPOCH 1
    ├── Train
    │   ├── Crossentropyloss = 10.6012
    │   │   ├── Epoch N-1      = 4.5524 (↗ 6.0488)
    │   │   └── Best until now = 4.5524 (↗ 6.0488)
    │   ├── Accuracy = 0.1797
    ...
    └── Validation
        ├── Crossentropyloss = 9631898.0
        ...
    ===========================================================

(epoch 0's tree has no ``Epoch N-1``/``Best until now`` lines; the arrows and differences are
coloured with ANSI escapes, by termcolor, under a pipe too). At the end ``RUNNING ADDITIONAL
TEST ON THE AVERAGED MODEL...`` with one more ``Validating`` bar; its results are not printed.

Truth: SuperGradients' own record, the TensorBoard event file its default ``base_sg_logger``
writes in ``<ckpt_root_dir>/<experiment>/<run id>/`` (listed in ``files``; the case's
``ckpt_root_dir``, the example's ``CHECKPOINT_DIR`` of the user's choice, is
``sg_checkpoints``: the repository's .gitignore keeps out any ``checkpoints/`` folder, the
fixture's copy too; the docs' "Local
Logging" page names it the record of "all of your training and validation metrics"), read
with ``tb_folder``, and checked against the plain-text twin it writes beside it,
``experiment_logs_<date>.txt`` (``Epoch 0 (1/3)  - Train_Inference_Time: ...\\t
Train_CrossEntropyLoss: 4.299389839172363\\t...``). Judgement calls:
- The printed series are the summary tree's leaves, one value an epoch, keyed ``epoch`` as
  the tree and the file count it (0, 1, 2). Named as the documented phase rule reads the
  printed words: the branch ``Train`` or ``Validation`` is the phase word of the leaves under
  it (docs/metrics.md, "Phases"; ``dumpheads.BRANCH`` reads SuperGradients' branches so), the
  leaf's name SuperGradients' own key: the tree prints ``value_name.capitalize()``
  (``Crossentropyloss``) of the key its bar, its experiment log (``Train_CrossEntropyLoss``)
  and its loss's ``loss_logging_items_names`` spell ``CrossEntropyLoss`` (``Accuracy`` and
  ``Top5`` print unchanged): ``train_CrossEntropyLoss``, ``train_Accuracy``, ``train_Top5``,
  ``validation_CrossEntropyLoss``, ``validation_Accuracy``, ``validation_Top5`` (the event
  file's ``train_crossentropyloss`` ... ``valid_top5``). Printed ``str(round(v, 4))`` of a
  float32: tolerance 5e-5, and rel_tolerance 1e-7 for float32's own rounding
  (``9631898.0``).
- ``Epoch N-1 = ...`` repeats the previous epoch's value and ``Best until now = ...`` the
  running best, each with its difference in parentheses: reprints, no series of their own
  (README, docs/metrics.md "Running bests"); not in ``also_ok`` (nothing the framework keeps
  is named so).
- The train bar's postfix (``Accuracy=``, ``CrossEntropyLoss=``, ``Top5=``) shows the running
  mean of the epoch so far after each batch, which SuperGradients keeps nowhere (its record
  has the epoch's value, which the bar's last render shows to 3 significant digits and the
  tree prints again): no truth series. ``CrossEntropyLoss``, ``Accuracy`` and ``Top5`` are
  in ``also_ok`` (a reader that takes the bar's last render an epoch gets the train series
  under SuperGradients' key, a duplicate, not junk); ``gpu_mem`` (0 on the CPU) is a
  resource reading, ``it/s``/``s/it`` the bar's rate: ``also_ok``.
- ``file_metrics``: every scalar of the event file under its tag, keyed ``step`` at the
  file's step: the six series above (``train_*``, ``valid_*``), ``train_inference_time``
  and ``valid_inference_time`` (milliseconds an epoch: timing), ``lr`` (the epoch's
  learning rate, 0.1 throughout: the recipe's step schedule decays at epoch 100), and the
  averaged model's test, ``crossentropyloss``, ``accuracy``, ``top5`` at step 3
  (``max_epochs``), never printed. rel_tolerance 1e-6 (float32).
- The ``TRAINING PARAMETERS`` block (sizes, counts, ``LR: 0.1``, ``WD: 0.0001``) holds
  settings. ``Best checkpoint overriden: validation Accuracy: 0.125`` (printed when the
  watched metric improves, here at epoch 0 only) reprints the running best of
  ``validation_Accuracy``: no series of its own, and not in ``also_ok``.
- The recipe as it is (lr 0.1, momentum 0.9, no warm-up) on 4 steps an epoch leaves the
  BatchNorm running statistics far off, so the validation loss reads in the millions
  (``1561474.8``) while its accuracy stays at chance: what this recipe does on so little data,
  kept rather than tuned.
- Determinism: seeded model init, recipe seed 42 (SuperGradients' ``random_seed``, which also
  seeds the loader's shuffle), one thread; timings, dates, run ids and paths vary.
"""
# zoo-venv: supergrad

import glob
import os
import re

os.environ["NO_ALBUMENTATIONS_UPDATE"] = "1"
os.environ["TORCH_FORCE_NO_WEIGHTS_ONLY_LOAD"] = "1"

import super_gradients
import torch
from _records import tb_folder
from _truth import series, write_truth
from super_gradients import Trainer
from super_gradients.common.object_names import Models
from super_gradients.training import models, training_hyperparams
from torch.utils.data import DataLoader, TensorDataset


def synthetic(count, seed):
    """CIFAR10-shaped images: noise shifted by the label, so the classes can be told apart."""
    generator = torch.Generator().manual_seed(seed)
    labels = torch.randint(0, 10, (count,), generator=generator)
    images = torch.randn(count, 3, 32, 32, generator=generator) * 0.5
    images += (labels.float() / 10).view(-1, 1, 1, 1)
    return TensorDataset(images, labels)


torch.manual_seed(0)
train_dataloader = DataLoader(synthetic(128, 0), batch_size=32, shuffle=True)
valid_dataloader = DataLoader(synthetic(64, 1), batch_size=32)

experiment_name = "resnet18_synthetic_example"
CHECKPOINT_DIR = "sg_checkpoints"
trainer = Trainer(experiment_name=experiment_name, ckpt_root_dir=CHECKPOINT_DIR)

model = models.get(model_name=Models.RESNET18, num_classes=10)

training_params = training_hyperparams.get(
    config_name="training_hyperparams/cifar10_resnet_train_params")
training_params["max_epochs"] = 3

trainer.train(model=model,
              training_params=training_params,
              train_loader=train_dataloader,
              valid_loader=valid_dataloader)

# the truth: the event file SuperGradients' base_sg_logger wrote, checked against its text twin
[run_dir] = glob.glob(os.path.join(CHECKPOINT_DIR, experiment_name, "RUN_*"))
event_files, found = tb_folder(run_dir)
[experiment_log] = glob.glob(os.path.join(run_dir, "experiment_logs_*.txt"))
logged: dict[str, list[tuple[int, float]]] = {}
with open(experiment_log, encoding="utf-8") as handle:
    for line in handle:
        epoch_line = re.match(r"Epoch (\d+) \(\d+/\d+\)  - (.*)$", line)
        if epoch_line is None:
            continue
        for pair in epoch_line.group(2).split("\t"):
            if pair.strip():
                key, _, value = pair.partition(": ")
                logged.setdefault(key.strip().lower(), []).append(
                    (int(epoch_line.group(1)), float(value)))
for key, pairs in logged.items():
    assert [step for step, _ in found[key]] == [step for step, _ in pairs], key
    assert all(abs(got - want) <= 1e-6 * abs(want) + 1e-9
               for (_, got), (_, want) in zip(found[key], pairs, strict=True)), key

epochs = training_params["max_epochs"]
PRINTED = {"train_CrossEntropyLoss": "train_crossentropyloss",
           "train_Accuracy": "train_accuracy", "train_Top5": "train_top5",
           "validation_CrossEntropyLoss": "valid_crossentropyloss",
           "validation_Accuracy": "valid_accuracy", "validation_Top5": "valid_top5"}
metrics = {}
for name, tag in PRINTED.items():
    assert [step for step, _ in found[tag]] == list(range(epochs)), (tag, found[tag])
    metrics[name] = series(found[tag], "epoch", tolerance=5e-5, rel_tolerance=1e-7)
file_metrics = {tag: series(pairs, "step", rel_tolerance=1e-6) for tag, pairs in found.items()}
write_truth("super-gradients",
            f"{super_gradients.__version__} (torch {torch.__version__})",
            f"TensorBoard events of base_sg_logger in {run_dir} (tb_folder), checked against "
            f"{os.path.basename(experiment_log)}",
            metrics, files=event_files, file_metrics=file_metrics,
            also_ok=["CrossEntropyLoss", "Accuracy", "Top5", "gpu_mem", "it/s", "s/it"],
            notes=f"ResNet18, {epochs} epochs of {len(train_dataloader)} batches; the averaged "
                  "model's test (step 3 in the file) is not printed")

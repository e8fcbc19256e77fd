"""milesial's Pytorch-UNet (no pip package, no release: milesial/Pytorch-UNet at
21d7850f2af30a9695bbeea75f3136aa538cfc4a, 2024-02-10, master's last commit; its training
files last changed at 52b4f14e): ``train.py``, ``evaluate.py``, ``unet/`` and ``utils/`` held
verbatim below (each checked against its git blob id), written into the cwd in the
repository's layout and run in-process (``runpy``, as ``__main__``) as its README runs it,
smaller: ``python train.py --epochs 2 --batch-size 2 --scale 0.25 --validation 20`` (its
defaults otherwise: RMSprop lr 1e-5, momentum 0.999, ``ReduceLROnPlateau('max',
patience=5)``, 2 classes, transposed-conv upscaling, no AMP; ``num_workers=os.cpu_count()``,
2 here). Stack: torch 2.14.1 and torchvision 0.29.1 (PyPI's CUDA builds, run on the CPU:
train.py imports ``torchvision.transforms``), wandb 0.13.5, tqdm 4.64.1, Pillow 9.3.0 and
numpy 1.23.5, the versions the repository's ``requirements.txt`` pins (matplotlib, for
``utils/utils.py``'s plot that training never imports, left out). wandb 0.13.5 rather than
today's: wandb 0.31's ``wandb.Image`` permutes a torch tensor as CHW and fails on train.py's
2-D mask tensors (``wandb.Image(true_masks[0].float().cpu())``), which train.py's bare
``except: pass`` around its validation ``experiment.log`` swallows, so no validation Dice and
no learning rate were ever logged; 0.13.5 renders them with torchvision's ``make_grid``.
W&B runs offline (``WANDB_MODE=offline`` set by the case, ``WANDB_DIR`` the cwd): nothing is
sent; ``anonymous='must'`` and ``resume='allow'`` stay as train.py passes them.
Data: Carvana's layout, which train.py's ``CarvanaDataset`` reads (``data/imgs/<id>.jpg``,
``data/masks/<id>_mask.gif``): 12 synthetic 128x128 JPEGs of a noisy coloured ellipse on a
noisy background and its 0/1 palette GIF mask, from numpy's ``default_rng(0)``; at scale
0.25 each is 32x32. ``--validation 20`` splits 10 training and 2 validation images
(``random_split`` under train.py's own ``manual_seed(0)``). train.py seeds nothing else: the
case seeds ``random``, numpy and torch before running it (initialisation, shuffling), so the
values repeat; only times vary. About 45 s here, most of it W&B's histograms (below).

What it prints (logging's ``INFO: ...`` on stderr): ``INFO: Using device cpu``, the network
(``INFO: Network:`` and three tab-indented lines), ``INFO: Creating dataset with 12
examples``, ``INFO: Scanning mask files to determine unique values`` with a tqdm bar of the
12 masks, ``INFO: Unique mask values: [0, 1]``; W&B's banner (``wandb: WARNING `resume` will
be ignored since W&B syncing is set to `offline`...``, ``wandb: Tracking run with wandb
version 0.13.5``, ``wandb: W&B syncing is set to `offline` in this directory.``); then::

    INFO: Starting training:
            Epochs:          2
            Batch size:      2
            Learning rate:   1e-05
            Training size:   10
            ...

torch's ``GradScaler`` FutureWarning and the DataLoader's ``'pin_memory' argument is set as
true but no accelerator is found``; each epoch a tqdm bar ``Epoch 1/2: 20%|...| 2/10
[00:01<00:06, 1.20img/s, loss (batch)=1.43]`` (images, not batches; ``set_postfix`` after
each batch, 3 significant digits), and after every batch (``division_step = n_train // (5 *
batch_size)`` is 1 here) a ``Validation round`` bar (``leave=False``, erased) and
``INFO: Validation Dice score: 0.8128634691238403`` (the Dice tensor formatted with ``{}``:
its float's repr); ``INFO: Checkpoint 1 saved!`` after each epoch. At the end W&B's footer
(printed by ``wandb.finish``): ``wandb: Run history:`` (sparklines, no numbers) and ``wandb:
Run summary:`` with one line a key, each the last logged value rounded to 5 decimals
(``wandb:      train loss 0.34256``, ``wandb: validation Dice 0.81286``, ``wandb:   learning
rate 1e-05``, ``wandb:           epoch 2``, ``wandb:            step 10``), then the ``wandb
sync`` hint.

Truth: the run's own W&B record, its transaction log ``wandb/offline-run-*/run-<id>.wandb``,
read with wandb 0.13.5's own reader (``wandb.sdk.internal.datastore.DataStore``, what ``wandb
sync`` reads it with) and ``wandb_internal_pb2.Record``: its ``history`` rows are the
``experiment.log`` calls, ``train loss`` with ``step`` and ``epoch`` after each batch, and at
each validation ``learning rate``, ``validation Dice``, ``step``, ``epoch`` (with images and
histograms, no metrics). Nothing is parsed from stdout; no line of train.py is changed.
train.py ends without ``wandb.finish()`` (W&B's atexit hook finishes the run as the
interpreter exits); in-process the case calls ``wandb.finish()`` when the script returns,
what that hook calls, so the footer prints as at exit and the log is whole before it is read.
The log is not kept in the fixture: it is 2.6 MB, nearly all of it the 128 ``wandb.Histogram``
of the 64 parameter tensors' weights and gradients logged at each of the 10 validations
and the fixture scores the output alone. (Nor did exptrack read it at capture: wandb 0.13.5
opens the log with its 7-byte header in a buffered file, empty on disk until 8 KB of records,
and exptrack's file watcher, finding it empty, rejects it by its head and never looks again;
``recorded.yaml`` holds the output's series only.)
Judgement calls (docs/metrics.md):
- ``loss``: the bar's ``loss (batch)=1.43`` (a label in parentheses is no part of the name),
  W&B's ``train loss``, one point a batch (10, key ``step``: W&B's logged ``step``, the
  global step); every batch's value shows once (set_postfix redraws; the bar's later frames
  repeat it); ``rel_tolerance=5e-3`` (3 significant digits).
- ``validation_dice_score``: the ``INFO: Validation Dice score: ...`` lines (the phase word
  and the phrase joined, lower-cased as docs/metrics.md's ``Training Loss: 0.18`` ->
  ``training_loss``), W&B's ``validation Dice``, 10 points at the logged ``step``; exact
  (the repr of the float W&B logs).
- The footer's Run summary is each key's last logged value again (docs/metrics.md, round
  ``tune18``: an entry that repeats a value the run printed is no new series):
  ``train loss 0.34256`` repeats the bar's last ``loss`` and ``validation Dice 0.81286`` the
  last ``Validation Dice score``, so ``train_loss`` and ``validation_dice`` are ``also_ok``,
  not metrics. ``learning rate 1e-05`` is printed nowhere else: ``learning_rate`` (as
  ``epoch 0, learning rate 0.001`` is named), one point, W&B's last logged ``learning
  rate`` at the last validation's ``step``, ``tolerance=5e-6`` (rounded to 5 decimals).
  ``epoch`` and ``step`` (logged alongside, printed in the summary) are the loop's
  counters: no metrics.
- The ``Training size``/``Learning rate`` settings block is configuration, no metric; the
  bars' ``s/img``, ``img/s`` and the validation bar's ``batch/s`` are timings: ``also_ok``.
"""
# zoo-venv: unet

import json
import os
import random
import runpy
import sys
import time
from pathlib import Path

os.environ["WANDB_MODE"] = "offline"  # nothing sent; the run's record stays in ./wandb
os.environ["WANDB_DIR"] = os.getcwd()

import numpy as np
import torch
from _truth import series, write_truth
from _verbatim import git_blob_id
from PIL import Image

SOURCE_REPO = "milesial/Pytorch-UNet"
SOURCE_COMMIT = "21d7850f2af30a9695bbeea75f3136aa538cfc4a"
ARGV = ["train.py", "--epochs", "2", "--batch-size", "2", "--scale", "0.25",
        "--validation", "20"]
IMAGES, SIDE = 12, 128


def write_carvana(root: Path, seed: int = 0) -> None:
    """Carvana's layout: ``imgs/<id>.jpg`` and ``masks/<id>_mask.gif`` (0/1, palette): a
    noisy coloured ellipse on a noisy background, its mask the ellipse."""
    rng = np.random.default_rng(seed)
    (root / "imgs").mkdir(parents=True)
    (root / "masks").mkdir(parents=True)
    yy, xx = np.mgrid[:SIDE, :SIDE]
    for index in range(IMAGES):
        cy, cx = rng.integers(48, 80, 2)
        ry, rx = rng.integers(24, 44, 2)
        mask = (((yy - cy) / ry) ** 2 + ((xx - cx) / rx) ** 2 < 1).astype(np.uint8)
        image = rng.integers(0, 90, (SIDE, SIDE, 3))
        image[mask == 1] += rng.integers(80, 160, 3)
        name = f"{index:08x}"
        Image.fromarray(image.clip(0, 255).astype(np.uint8)).save(root / "imgs" / f"{name}.jpg")
        Image.fromarray(mask, mode="L").convert("P").save(root / "masks" / f"{name}_mask.gif")


def wandb_log(path: Path) -> list:
    """The records of W&B's transaction log, read with wandb's own DataStore; waits (up to a
    minute) for its ``exit`` record (wandb 0.13.5 writes ``stats``, ``summary``, ``final`` and
    ``footer`` after it)."""
    from wandb.proto import wandb_internal_pb2
    from wandb.sdk.internal import datastore

    for _ in range(600):
        store = datastore.DataStore()
        store.open_for_scan(str(path))
        found = []
        while (data := store.scan_data()) is not None:
            record = wandb_internal_pb2.Record()
            record.ParseFromString(data)
            found.append(record)
        if any(record.WhichOneof("record_type") == "exit" for record in found):
            return found
        time.sleep(0.1)
    raise SystemExit(f"{path}: no exit record after a minute")


def main() -> None:
    for name, (text, blob) in FILES.items():
        if git_blob_id(text) != blob:
            sys.exit(f"{name} is not {SOURCE_REPO}'s at {SOURCE_COMMIT}")
        Path(name).parent.mkdir(parents=True, exist_ok=True)
        Path(name).write_text(text, encoding="utf-8")
    write_carvana(Path("data"))

    sys.path.insert(0, str(Path.cwd()))  # train.py's `from evaluate import ...`, as in its repo
    random.seed(0)  # train.py seeds only random_split: the case seeds the rest
    np.random.seed(0)
    torch.manual_seed(0)
    sys.argv = list(ARGV)
    runpy.run_path("train.py", run_name="__main__")
    import wandb

    wandb.finish()  # what W&B's atexit hook calls when `python train.py` exits

    (log_path,) = Path("wandb").glob("offline-run-*/run-*.wandb")
    rows = []
    for record in wandb_log(log_path):
        if record.WhichOneof("record_type") == "history":
            rows.append({item.key: json.loads(item.value_json) for item in record.history.item})
    losses = [(row["step"], row["train loss"]) for row in rows if "train loss" in row]
    dice = [(row["step"], row["validation Dice"]) for row in rows if "validation Dice" in row]
    rates = [(row["step"], row["learning rate"]) for row in rows if "learning rate" in row]
    # 10 training images, batches of 2: 5 steps an epoch; division_step = 10 // (5 * 2) = 1,
    # so a validation after every step (a failed validation log would be missing here)
    assert [step for step, _ in losses] == list(range(1, 11)), losses
    assert [step for step, _ in dice] == list(range(1, 11)), dice
    assert [step for step, _ in rates] == list(range(1, 11)), rates
    write_truth(
        "Pytorch-UNet",
        f"{SOURCE_REPO}@{SOURCE_COMMIT[:8]} (no release; torch {torch.__version__}, "
        f"wandb {wandb.__version__})",
        f"the run's W&B offline log {log_path} (history rows of experiment.log: train loss, "
        "validation Dice, learning rate at the logged step), read with wandb's DataStore",
        {"loss": series(losses, "step", rel_tolerance=5e-3),
         "validation_dice_score": series(dice, "step"),
         # the Run summary's "learning rate 1e-05": W&B's last logged value, printed nowhere
         # else
         "learning_rate": series(rates[-1:], "step", tolerance=5e-6)},
        # the Run summary's "train loss" and "validation Dice" repeat the last values of the
        # two series above: reprints, no series of their own; then timings
        also_ok=["train_loss", "validation_dice", "s/img", "img/s", "batch/s", "it/s", "s/it"],
        notes=f"the .wandb log ({log_path.stat().st_size} bytes, mostly histograms) is not "
              "kept; loss is W&B's 'train loss' as the bar's postfix prints it")


# train.py at SOURCE_COMMIT, verbatim
TRAIN_PY = r"""import argparse
import logging
import os
import random
import sys
import torch
import torch.nn as nn
import torch.nn.functional as F
import torchvision.transforms as transforms
import torchvision.transforms.functional as TF
from pathlib import Path
from torch import optim
from torch.utils.data import DataLoader, random_split
from tqdm import tqdm

import wandb
from evaluate import evaluate
from unet import UNet
from utils.data_loading import BasicDataset, CarvanaDataset
from utils.dice_score import dice_loss

dir_img = Path('./data/imgs/')
dir_mask = Path('./data/masks/')
dir_checkpoint = Path('./checkpoints/')


def train_model(
        model,
        device,
        epochs: int = 5,
        batch_size: int = 1,
        learning_rate: float = 1e-5,
        val_percent: float = 0.1,
        save_checkpoint: bool = True,
        img_scale: float = 0.5,
        amp: bool = False,
        weight_decay: float = 1e-8,
        momentum: float = 0.999,
        gradient_clipping: float = 1.0,
):
    # 1. Create dataset
    try:
        dataset = CarvanaDataset(dir_img, dir_mask, img_scale)
    except (AssertionError, RuntimeError, IndexError):
        dataset = BasicDataset(dir_img, dir_mask, img_scale)

    # 2. Split into train / validation partitions
    n_val = int(len(dataset) * val_percent)
    n_train = len(dataset) - n_val
    train_set, val_set = random_split(dataset, [n_train, n_val], generator=torch.Generator().manual_seed(0))

    # 3. Create data loaders
    loader_args = dict(batch_size=batch_size, num_workers=os.cpu_count(), pin_memory=True)
    train_loader = DataLoader(train_set, shuffle=True, **loader_args)
    val_loader = DataLoader(val_set, shuffle=False, drop_last=True, **loader_args)

    # (Initialize logging)
    experiment = wandb.init(project='U-Net', resume='allow', anonymous='must')
    experiment.config.update(
        dict(epochs=epochs, batch_size=batch_size, learning_rate=learning_rate,
             val_percent=val_percent, save_checkpoint=save_checkpoint, img_scale=img_scale, amp=amp)
    )

    logging.info(f'''Starting training:
        Epochs:          {epochs}
        Batch size:      {batch_size}
        Learning rate:   {learning_rate}
        Training size:   {n_train}
        Validation size: {n_val}
        Checkpoints:     {save_checkpoint}
        Device:          {device.type}
        Images scaling:  {img_scale}
        Mixed Precision: {amp}
    ''')

    # 4. Set up the optimizer, the loss, the learning rate scheduler and the loss scaling for AMP
    optimizer = optim.RMSprop(model.parameters(),
                              lr=learning_rate, weight_decay=weight_decay, momentum=momentum, foreach=True)
    scheduler = optim.lr_scheduler.ReduceLROnPlateau(optimizer, 'max', patience=5)  # goal: maximize Dice score
    grad_scaler = torch.cuda.amp.GradScaler(enabled=amp)
    criterion = nn.CrossEntropyLoss() if model.n_classes > 1 else nn.BCEWithLogitsLoss()
    global_step = 0

    # 5. Begin training
    for epoch in range(1, epochs + 1):
        model.train()
        epoch_loss = 0
        with tqdm(total=n_train, desc=f'Epoch {epoch}/{epochs}', unit='img') as pbar:
            for batch in train_loader:
                images, true_masks = batch['image'], batch['mask']

                assert images.shape[1] == model.n_channels, \
                    f'Network has been defined with {model.n_channels} input channels, ' \
                    f'but loaded images have {images.shape[1]} channels. Please check that ' \
                    'the images are loaded correctly.'

                images = images.to(device=device, dtype=torch.float32, memory_format=torch.channels_last)
                true_masks = true_masks.to(device=device, dtype=torch.long)

                with torch.autocast(device.type if device.type != 'mps' else 'cpu', enabled=amp):
                    masks_pred = model(images)
                    if model.n_classes == 1:
                        loss = criterion(masks_pred.squeeze(1), true_masks.float())
                        loss += dice_loss(F.sigmoid(masks_pred.squeeze(1)), true_masks.float(), multiclass=False)
                    else:
                        loss = criterion(masks_pred, true_masks)
                        loss += dice_loss(
                            F.softmax(masks_pred, dim=1).float(),
                            F.one_hot(true_masks, model.n_classes).permute(0, 3, 1, 2).float(),
                            multiclass=True
                        )

                optimizer.zero_grad(set_to_none=True)
                grad_scaler.scale(loss).backward()
                grad_scaler.unscale_(optimizer)
                torch.nn.utils.clip_grad_norm_(model.parameters(), gradient_clipping)
                grad_scaler.step(optimizer)
                grad_scaler.update()

                pbar.update(images.shape[0])
                global_step += 1
                epoch_loss += loss.item()
                experiment.log({
                    'train loss': loss.item(),
                    'step': global_step,
                    'epoch': epoch
                })
                pbar.set_postfix(**{'loss (batch)': loss.item()})

                # Evaluation round
                division_step = (n_train // (5 * batch_size))
                if division_step > 0:
                    if global_step % division_step == 0:
                        histograms = {}
                        for tag, value in model.named_parameters():
                            tag = tag.replace('/', '.')
                            if not (torch.isinf(value) | torch.isnan(value)).any():
                                histograms['Weights/' + tag] = wandb.Histogram(value.data.cpu())
                            if not (torch.isinf(value.grad) | torch.isnan(value.grad)).any():
                                histograms['Gradients/' + tag] = wandb.Histogram(value.grad.data.cpu())

                        val_score = evaluate(model, val_loader, device, amp)
                        scheduler.step(val_score)

                        logging.info('Validation Dice score: {}'.format(val_score))
                        try:
                            experiment.log({
                                'learning rate': optimizer.param_groups[0]['lr'],
                                'validation Dice': val_score,
                                'images': wandb.Image(images[0].cpu()),
                                'masks': {
                                    'true': wandb.Image(true_masks[0].float().cpu()),
                                    'pred': wandb.Image(masks_pred.argmax(dim=1)[0].float().cpu()),
                                },
                                'step': global_step,
                                'epoch': epoch,
                                **histograms
                            })
                        except:
                            pass

        if save_checkpoint:
            Path(dir_checkpoint).mkdir(parents=True, exist_ok=True)
            state_dict = model.state_dict()
            state_dict['mask_values'] = dataset.mask_values
            torch.save(state_dict, str(dir_checkpoint / 'checkpoint_epoch{}.pth'.format(epoch)))
            logging.info(f'Checkpoint {epoch} saved!')


def get_args():
    parser = argparse.ArgumentParser(description='Train the UNet on images and target masks')
    parser.add_argument('--epochs', '-e', metavar='E', type=int, default=5, help='Number of epochs')
    parser.add_argument('--batch-size', '-b', dest='batch_size', metavar='B', type=int, default=1, help='Batch size')
    parser.add_argument('--learning-rate', '-l', metavar='LR', type=float, default=1e-5,
                        help='Learning rate', dest='lr')
    parser.add_argument('--load', '-f', type=str, default=False, help='Load model from a .pth file')
    parser.add_argument('--scale', '-s', type=float, default=0.5, help='Downscaling factor of the images')
    parser.add_argument('--validation', '-v', dest='val', type=float, default=10.0,
                        help='Percent of the data that is used as validation (0-100)')
    parser.add_argument('--amp', action='store_true', default=False, help='Use mixed precision')
    parser.add_argument('--bilinear', action='store_true', default=False, help='Use bilinear upsampling')
    parser.add_argument('--classes', '-c', type=int, default=2, help='Number of classes')

    return parser.parse_args()


if __name__ == '__main__':
    args = get_args()

    logging.basicConfig(level=logging.INFO, format='%(levelname)s: %(message)s')
    device = torch.device('cuda' if torch.cuda.is_available() else 'cpu')
    logging.info(f'Using device {device}')

    # Change here to adapt to your data
    # n_channels=3 for RGB images
    # n_classes is the number of probabilities you want to get per pixel
    model = UNet(n_channels=3, n_classes=args.classes, bilinear=args.bilinear)
    model = model.to(memory_format=torch.channels_last)

    logging.info(f'Network:\n'
                 f'\t{model.n_channels} input channels\n'
                 f'\t{model.n_classes} output channels (classes)\n'
                 f'\t{"Bilinear" if model.bilinear else "Transposed conv"} upscaling')

    if args.load:
        state_dict = torch.load(args.load, map_location=device)
        del state_dict['mask_values']
        model.load_state_dict(state_dict)
        logging.info(f'Model loaded from {args.load}')

    model.to(device=device)
    try:
        train_model(
            model=model,
            epochs=args.epochs,
            batch_size=args.batch_size,
            learning_rate=args.lr,
            device=device,
            img_scale=args.scale,
            val_percent=args.val / 100,
            amp=args.amp
        )
    except torch.cuda.OutOfMemoryError:
        logging.error('Detected OutOfMemoryError! '
                      'Enabling checkpointing to reduce memory usage, but this slows down training. '
                      'Consider enabling AMP (--amp) for fast and memory efficient training')
        torch.cuda.empty_cache()
        model.use_checkpointing()
        train_model(
            model=model,
            epochs=args.epochs,
            batch_size=args.batch_size,
            learning_rate=args.lr,
            device=device,
            img_scale=args.scale,
            val_percent=args.val / 100,
            amp=args.amp
        )
"""  # noqa: E501

# evaluate.py at SOURCE_COMMIT, verbatim
EVALUATE_PY = r"""import torch
import torch.nn.functional as F
from tqdm import tqdm

from utils.dice_score import multiclass_dice_coeff, dice_coeff


@torch.inference_mode()
def evaluate(net, dataloader, device, amp):
    net.eval()
    num_val_batches = len(dataloader)
    dice_score = 0

    # iterate over the validation set
    with torch.autocast(device.type if device.type != 'mps' else 'cpu', enabled=amp):
        for batch in tqdm(dataloader, total=num_val_batches, desc='Validation round', unit='batch', leave=False):
            image, mask_true = batch['image'], batch['mask']

            # move images and labels to correct device and type
            image = image.to(device=device, dtype=torch.float32, memory_format=torch.channels_last)
            mask_true = mask_true.to(device=device, dtype=torch.long)

            # predict the mask
            mask_pred = net(image)

            if net.n_classes == 1:
                assert mask_true.min() >= 0 and mask_true.max() <= 1, 'True mask indices should be in [0, 1]'
                mask_pred = (F.sigmoid(mask_pred) > 0.5).float()
                # compute the Dice score
                dice_score += dice_coeff(mask_pred, mask_true, reduce_batch_first=False)
            else:
                assert mask_true.min() >= 0 and mask_true.max() < net.n_classes, 'True mask indices should be in [0, n_classes['
                # convert to one-hot format
                mask_true = F.one_hot(mask_true, net.n_classes).permute(0, 3, 1, 2).float()
                mask_pred = F.one_hot(mask_pred.argmax(dim=1), net.n_classes).permute(0, 3, 1, 2).float()
                # compute the Dice score, ignoring background
                dice_score += multiclass_dice_coeff(mask_pred[:, 1:], mask_true[:, 1:], reduce_batch_first=False)

    net.train()
    return dice_score / max(num_val_batches, 1)
"""  # noqa: E501

# unet/__init__.py at SOURCE_COMMIT, verbatim
UNET___INIT___PY = r"""from .unet_model import UNet
"""

# unet/unet_model.py at SOURCE_COMMIT, verbatim
UNET_UNET_MODEL_PY = r'''""" Full assembly of the parts to form the complete network """

from .unet_parts import *


class UNet(nn.Module):
    def __init__(self, n_channels, n_classes, bilinear=False):
        super(UNet, self).__init__()
        self.n_channels = n_channels
        self.n_classes = n_classes
        self.bilinear = bilinear

        self.inc = (DoubleConv(n_channels, 64))
        self.down1 = (Down(64, 128))
        self.down2 = (Down(128, 256))
        self.down3 = (Down(256, 512))
        factor = 2 if bilinear else 1
        self.down4 = (Down(512, 1024 // factor))
        self.up1 = (Up(1024, 512 // factor, bilinear))
        self.up2 = (Up(512, 256 // factor, bilinear))
        self.up3 = (Up(256, 128 // factor, bilinear))
        self.up4 = (Up(128, 64, bilinear))
        self.outc = (OutConv(64, n_classes))

    def forward(self, x):
        x1 = self.inc(x)
        x2 = self.down1(x1)
        x3 = self.down2(x2)
        x4 = self.down3(x3)
        x5 = self.down4(x4)
        x = self.up1(x5, x4)
        x = self.up2(x, x3)
        x = self.up3(x, x2)
        x = self.up4(x, x1)
        logits = self.outc(x)
        return logits

    def use_checkpointing(self):
        self.inc = torch.utils.checkpoint(self.inc)
        self.down1 = torch.utils.checkpoint(self.down1)
        self.down2 = torch.utils.checkpoint(self.down2)
        self.down3 = torch.utils.checkpoint(self.down3)
        self.down4 = torch.utils.checkpoint(self.down4)
        self.up1 = torch.utils.checkpoint(self.up1)
        self.up2 = torch.utils.checkpoint(self.up2)
        self.up3 = torch.utils.checkpoint(self.up3)
        self.up4 = torch.utils.checkpoint(self.up4)
        self.outc = torch.utils.checkpoint(self.outc)'''

# unet/unet_parts.py at SOURCE_COMMIT, verbatim
UNET_UNET_PARTS_PY = r'''""" Parts of the U-Net model """

import torch
import torch.nn as nn
import torch.nn.functional as F


class DoubleConv(nn.Module):
    """(convolution => [BN] => ReLU) * 2"""

    def __init__(self, in_channels, out_channels, mid_channels=None):
        super().__init__()
        if not mid_channels:
            mid_channels = out_channels
        self.double_conv = nn.Sequential(
            nn.Conv2d(in_channels, mid_channels, kernel_size=3, padding=1, bias=False),
            nn.BatchNorm2d(mid_channels),
            nn.ReLU(inplace=True),
            nn.Conv2d(mid_channels, out_channels, kernel_size=3, padding=1, bias=False),
            nn.BatchNorm2d(out_channels),
            nn.ReLU(inplace=True)
        )

    def forward(self, x):
        return self.double_conv(x)


class Down(nn.Module):
    """Downscaling with maxpool then double conv"""

    def __init__(self, in_channels, out_channels):
        super().__init__()
        self.maxpool_conv = nn.Sequential(
            nn.MaxPool2d(2),
            DoubleConv(in_channels, out_channels)
        )

    def forward(self, x):
        return self.maxpool_conv(x)


class Up(nn.Module):
    """Upscaling then double conv"""

    def __init__(self, in_channels, out_channels, bilinear=True):
        super().__init__()

        # if bilinear, use the normal convolutions to reduce the number of channels
        if bilinear:
            self.up = nn.Upsample(scale_factor=2, mode='bilinear', align_corners=True)
            self.conv = DoubleConv(in_channels, out_channels, in_channels // 2)
        else:
            self.up = nn.ConvTranspose2d(in_channels, in_channels // 2, kernel_size=2, stride=2)
            self.conv = DoubleConv(in_channels, out_channels)

    def forward(self, x1, x2):
        x1 = self.up(x1)
        # input is CHW
        diffY = x2.size()[2] - x1.size()[2]
        diffX = x2.size()[3] - x1.size()[3]

        x1 = F.pad(x1, [diffX // 2, diffX - diffX // 2,
                        diffY // 2, diffY - diffY // 2])
        # if you have padding issues, see
        # https://github.com/HaiyongJiang/U-Net-Pytorch-Unstructured-Buggy/commit/0e854509c2cea854e247a9c615f175f76fbb2e3a
        # https://github.com/xiaopeng-liao/Pytorch-UNet/commit/8ebac70e633bac59fc22bb5195e513d5832fb3bd
        x = torch.cat([x2, x1], dim=1)
        return self.conv(x)


class OutConv(nn.Module):
    def __init__(self, in_channels, out_channels):
        super(OutConv, self).__init__()
        self.conv = nn.Conv2d(in_channels, out_channels, kernel_size=1)

    def forward(self, x):
        return self.conv(x)
'''

# utils/__init__.py at SOURCE_COMMIT, verbatim
UTILS___INIT___PY = r""""""

# utils/data_loading.py at SOURCE_COMMIT, verbatim
UTILS_DATA_LOADING_PY = r"""import logging
import numpy as np
import torch
from PIL import Image
from functools import lru_cache
from functools import partial
from itertools import repeat
from multiprocessing import Pool
from os import listdir
from os.path import splitext, isfile, join
from pathlib import Path
from torch.utils.data import Dataset
from tqdm import tqdm


def load_image(filename):
    ext = splitext(filename)[1]
    if ext == '.npy':
        return Image.fromarray(np.load(filename))
    elif ext in ['.pt', '.pth']:
        return Image.fromarray(torch.load(filename).numpy())
    else:
        return Image.open(filename)


def unique_mask_values(idx, mask_dir, mask_suffix):
    mask_file = list(mask_dir.glob(idx + mask_suffix + '.*'))[0]
    mask = np.asarray(load_image(mask_file))
    if mask.ndim == 2:
        return np.unique(mask)
    elif mask.ndim == 3:
        mask = mask.reshape(-1, mask.shape[-1])
        return np.unique(mask, axis=0)
    else:
        raise ValueError(f'Loaded masks should have 2 or 3 dimensions, found {mask.ndim}')


class BasicDataset(Dataset):
    def __init__(self, images_dir: str, mask_dir: str, scale: float = 1.0, mask_suffix: str = ''):
        self.images_dir = Path(images_dir)
        self.mask_dir = Path(mask_dir)
        assert 0 < scale <= 1, 'Scale must be between 0 and 1'
        self.scale = scale
        self.mask_suffix = mask_suffix

        self.ids = [splitext(file)[0] for file in listdir(images_dir) if isfile(join(images_dir, file)) and not file.startswith('.')]
        if not self.ids:
            raise RuntimeError(f'No input file found in {images_dir}, make sure you put your images there')

        logging.info(f'Creating dataset with {len(self.ids)} examples')
        logging.info('Scanning mask files to determine unique values')
        with Pool() as p:
            unique = list(tqdm(
                p.imap(partial(unique_mask_values, mask_dir=self.mask_dir, mask_suffix=self.mask_suffix), self.ids),
                total=len(self.ids)
            ))

        self.mask_values = list(sorted(np.unique(np.concatenate(unique), axis=0).tolist()))
        logging.info(f'Unique mask values: {self.mask_values}')

    def __len__(self):
        return len(self.ids)

    @staticmethod
    def preprocess(mask_values, pil_img, scale, is_mask):
        w, h = pil_img.size
        newW, newH = int(scale * w), int(scale * h)
        assert newW > 0 and newH > 0, 'Scale is too small, resized images would have no pixel'
        pil_img = pil_img.resize((newW, newH), resample=Image.NEAREST if is_mask else Image.BICUBIC)
        img = np.asarray(pil_img)

        if is_mask:
            mask = np.zeros((newH, newW), dtype=np.int64)
            for i, v in enumerate(mask_values):
                if img.ndim == 2:
                    mask[img == v] = i
                else:
                    mask[(img == v).all(-1)] = i

            return mask

        else:
            if img.ndim == 2:
                img = img[np.newaxis, ...]
            else:
                img = img.transpose((2, 0, 1))

            if (img > 1).any():
                img = img / 255.0

            return img

    def __getitem__(self, idx):
        name = self.ids[idx]
        mask_file = list(self.mask_dir.glob(name + self.mask_suffix + '.*'))
        img_file = list(self.images_dir.glob(name + '.*'))

        assert len(img_file) == 1, f'Either no image or multiple images found for the ID {name}: {img_file}'
        assert len(mask_file) == 1, f'Either no mask or multiple masks found for the ID {name}: {mask_file}'
        mask = load_image(mask_file[0])
        img = load_image(img_file[0])

        assert img.size == mask.size, \
            f'Image and mask {name} should be the same size, but are {img.size} and {mask.size}'

        img = self.preprocess(self.mask_values, img, self.scale, is_mask=False)
        mask = self.preprocess(self.mask_values, mask, self.scale, is_mask=True)

        return {
            'image': torch.as_tensor(img.copy()).float().contiguous(),
            'mask': torch.as_tensor(mask.copy()).long().contiguous()
        }


class CarvanaDataset(BasicDataset):
    def __init__(self, images_dir, mask_dir, scale=1):
        super().__init__(images_dir, mask_dir, scale, mask_suffix='_mask')
"""  # noqa: E501

# utils/dice_score.py at SOURCE_COMMIT, verbatim
UTILS_DICE_SCORE_PY = r"""import torch
from torch import Tensor


def dice_coeff(input: Tensor, target: Tensor, reduce_batch_first: bool = False, epsilon: float = 1e-6):
    # Average of Dice coefficient for all batches, or for a single mask
    assert input.size() == target.size()
    assert input.dim() == 3 or not reduce_batch_first

    sum_dim = (-1, -2) if input.dim() == 2 or not reduce_batch_first else (-1, -2, -3)

    inter = 2 * (input * target).sum(dim=sum_dim)
    sets_sum = input.sum(dim=sum_dim) + target.sum(dim=sum_dim)
    sets_sum = torch.where(sets_sum == 0, inter, sets_sum)

    dice = (inter + epsilon) / (sets_sum + epsilon)
    return dice.mean()


def multiclass_dice_coeff(input: Tensor, target: Tensor, reduce_batch_first: bool = False, epsilon: float = 1e-6):
    # Average of Dice coefficient for all classes
    return dice_coeff(input.flatten(0, 1), target.flatten(0, 1), reduce_batch_first, epsilon)


def dice_loss(input: Tensor, target: Tensor, multiclass: bool = False):
    # Dice loss (objective to minimize) between 0 and 1
    fn = multiclass_dice_coeff if multiclass else dice_coeff
    return 1 - fn(input, target, reduce_batch_first=True)
"""  # noqa: E501

# utils/utils.py at SOURCE_COMMIT, verbatim (its lines end in CRLF: restored when it is written)
UTILS_UTILS_PY = r"""import matplotlib.pyplot as plt


def plot_img_and_mask(img, mask):
    classes = mask.max() + 1
    fig, ax = plt.subplots(1, classes + 1)
    ax[0].set_title('Input image')
    ax[0].imshow(img)
    for i in range(classes):
        ax[i + 1].set_title(f'Mask (class {i + 1})')
        ax[i + 1].imshow(mask == i)
    plt.xticks([]), plt.yticks([])
    plt.show()
"""

FILES = {
    "train.py": (TRAIN_PY,
                "6c5a51a29c640ebe1ec7a5c3ba323cf425871a69"),
    "evaluate.py": (EVALUATE_PY,
                   "9a4e3ba2b5719cdb0641a961d56fe45ab189ca9a"),
    "unet/__init__.py": (UNET___INIT___PY,
                        "2e9b63b67a398e4ce88663e59505447f74065e67"),
    "unet/unet_model.py": (UNET_UNET_MODEL_PY,
                          "caf79f47ffbed0033821a109376fecf9ff0bfc41"),
    "unet/unet_parts.py": (UNET_UNET_PARTS_PY,
                          "986ba251f4b15aadd5261093074d2581f3d3f5b8"),
    "utils/__init__.py": (UTILS___INIT___PY,
                         "e69de29bb2d1d6434b8b29ae775ad8c2e48c5391"),
    "utils/data_loading.py": (UTILS_DATA_LOADING_PY,
                             "11296e78bb4ca67678e6b31a7adef06d15d505cf"),
    "utils/dice_score.py": (UTILS_DICE_SCORE_PY,
                           "c89eebee749969ef43a90c03506a3d38a19a70fd"),
    "utils/utils.py": (UTILS_UTILS_PY.replace("\n", "\r\n"),
                      "5e6e0412877fbefc1f2cd9b0bce7326064aa469b"),
}

if __name__ == "__main__":
    main()

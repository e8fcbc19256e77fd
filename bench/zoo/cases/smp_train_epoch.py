"""segmentation_models_pytorch 0.6.0 (smp): its classic training loop, the one the README pointed
to up to 0.3.x (``examples/cars segmentation (camvid).ipynb``), with
``smp.utils.train.TrainEpoch``/``ValidEpoch``. 0.6.0 is the newest release and still ships
``smp.utils`` (deprecated: its import warns with a ``DeprecationWarning``, which Python's
default filters hide, so nothing shows). The notebook's code as it stands, with its settings
shrunk: ``smp.FPN(encoder_name="resnet18", encoder_weights=None, classes=1,
activation="sigmoid")`` (the notebook: ``se_resnext50_32x4d`` with ImageNet weights, which would
be downloaded), ``smp.utils.losses.DiceLoss()``, ``metrics=[smp.utils.metrics.IoU(
threshold=0.5)]``, ``Adam(lr=0.0001)``, ``device="cpu"``, ``verbose=True``, and its loop
(``print('\\nEpoch: {}'.format(i))``, here as the same f-string;
``train_epoch.run(train_loader)``, ``valid_epoch.run(valid_loader)``; ``torch.save(model,
'./best_model.pth')`` and ``print('Model saved!')`` when the valid ``iou_score`` beats the best;
the lr drop at ``i == 25``) for 3 epochs instead of 40. The data: the notebook's CamVid
``Dataset`` replaced by a synthetic one of the same shape (an ``(image, mask)`` pair: noisy
3x64x64 images with a few bright rectangles and ellipses, the 1x64x64 mask marking them, one
class "car"; 96 training images in batches of 8, shuffled, 12 validation images in batches of 1,
as the notebook's loaders; ``num_workers=0`` where the notebook has 12 and 4: two cores here).
Nothing downloaded; about 15 s on one thread.

What it prints (stdout: ``Epoch.run`` gives tqdm ``file=sys.stdout``): ``Epoch: 0`` after an
empty line, then a bar a runner, described by its ``stage_name`` and redrawn with
``set_postfix_str`` after every batch with the running means so far, ``"{} - {:.4}"`` a key
(4 significant digits, ``5.208e-10`` for a tiny IoU)::

    train: 100%|██████████| 12/12 [00:03<00:00,  3.79it/s, dice_loss - 0.5966, iou_score - 0.3015]
    valid: 100%|██████████| 12/12 [00:00<00:00, 74.45it/s, dice_loss - 0.8203, iou_score - 0.05538]
    Model saved!

(a bar's close may draw its last frame again; under a pipe each frame is a line ending in
``\\r``, under the pty the frames overwrite one line). Nothing on stderr.

Truth: smp's own record, the ``logs`` dict each ``run()`` returns (``{loss.__name__:
loss_meter.mean, metric.__name__: meter.mean}``: ``AverageValueMeter`` means over the epoch's
batches, float32, the values the bar's last frame shows). Judgement calls:
- Names: the framework's keys, ``dice_loss`` (``DiceLoss``'s ``__name__``) and ``iou_score``
  (``IoU``'s). Both runners return the same keys, told apart only by their ``stage_name``,
  which the bar prints as its label: the training run's keep the keys as they are
  (``dice_loss``, ``iou_score``: the training values are the loop's default, and a bar
  label naming the mode of a training progress line is no prefix, docs/metrics.md
  "Phases"), the validation run's take the ``valid_`` label (``valid_dice_loss``,
  ``valid_iou_score``), as the zoo's ``widedeep_tabmlp`` names its ``valid:`` bar.
- Axis: ``epoch``, the loop's 0-based ``i`` as ``Epoch: 0`` prints it; one value an epoch.
  The bar's earlier frames (running means part-way through an epoch) are kept by no record
  of smp's and are not truth (as ``widedeep_tabmlp`` decides for its running-mean bars), so a
  series that also counts them is judged a miss.
- Tolerance: relative 5e-4 (``{:.4}``: half a unit of the 4th significant digit).
- ``it/s``/``s/it`` are the bar's timing (``also_ok``); ``Model saved!`` holds no value.
- Determinism: ``torch.manual_seed(0)`` (weights, shuffling) and seeded numpy data; CPU ops
  on one thread repeat, pipe and pty alike; only the bar's timings vary.
"""
# zoo-venv: smp

import numpy as np
import segmentation_models_pytorch as smp
import segmentation_models_pytorch.utils
import torch
from _truth import series, write_truth
from torch.utils.data import DataLoader
from torch.utils.data import Dataset as BaseDataset

torch.manual_seed(0)


class Dataset(BaseDataset):
    """Synthetic "cars": noisy 64x64 RGB images with a few bright rectangles and ellipses,
    the mask marking them (one class), as the notebook's CamVid ``Dataset`` returns an
    ``(image, mask)`` pair: image ``3xHxW`` float, mask ``1xHxW`` float in {0, 1}."""

    def __init__(self, count, seed, size=64):
        rng = np.random.default_rng(seed)
        self.images = []
        self.masks = []
        rows, cols = np.mgrid[0:size, 0:size]
        for _ in range(count):
            image = rng.normal(0.0, 0.35, (3, size, size)).astype(np.float32)
            mask = np.zeros((size, size), dtype=bool)
            for _ in range(rng.integers(1, 4)):
                top, left = rng.integers(0, size - 12, 2)
                height, width = rng.integers(8, 24, 2)
                if rng.random() < 0.5:
                    mask[top:top + height, left:left + width] = True
                else:
                    center_r, center_c = top + height / 2, left + width / 2
                    mask |= (((rows - center_r) / (height / 2)) ** 2
                             + ((cols - center_c) / (width / 2)) ** 2) <= 1.0
            color = rng.uniform(0.6, 1.2, 3).astype(np.float32)
            image += mask[None] * color[:, None, None]
            self.images.append(image)
            self.masks.append(mask[None].astype(np.float32))

    def __getitem__(self, i):
        return self.images[i], self.masks[i]

    def __len__(self):
        return len(self.images)


ENCODER = "resnet18"
ENCODER_WEIGHTS = None
CLASSES = ["car"]
ACTIVATION = "sigmoid"  # could be None for logits or 'softmax2d' for multiclass segmentation
DEVICE = "cpu"

# create segmentation model with pretrained encoder
model = smp.FPN(
    encoder_name=ENCODER,
    encoder_weights=ENCODER_WEIGHTS,
    classes=len(CLASSES),
    activation=ACTIVATION,
)

train_dataset = Dataset(96, seed=1)
valid_dataset = Dataset(12, seed=2)

train_loader = DataLoader(train_dataset, batch_size=8, shuffle=True, num_workers=0)
valid_loader = DataLoader(valid_dataset, batch_size=1, shuffle=False, num_workers=0)

loss = smp.utils.losses.DiceLoss()
metrics = [
    smp.utils.metrics.IoU(threshold=0.5),
]

optimizer = torch.optim.Adam([
    dict(params=model.parameters(), lr=0.0001),
])

# create epoch runners
# it is a simple loop of iterating over dataloader`s samples
train_epoch = smp.utils.train.TrainEpoch(
    model,
    loss=loss,
    metrics=metrics,
    optimizer=optimizer,
    device=DEVICE,
    verbose=True,
)

valid_epoch = smp.utils.train.ValidEpoch(
    model,
    loss=loss,
    metrics=metrics,
    device=DEVICE,
    verbose=True,
)

# train model for 3 epochs (the notebook: 40)

max_score = 0
history = []

for i in range(0, 3):

    print(f'\nEpoch: {i}')
    train_logs = train_epoch.run(train_loader)
    valid_logs = valid_epoch.run(valid_loader)
    history.append((i, train_logs, valid_logs))

    # do something (save model, change lr, etc.)
    if max_score < valid_logs['iou_score']:
        max_score = valid_logs['iou_score']
        torch.save(model, './best_model.pth')
        print('Model saved!')

    if i == 25:
        optimizer.param_groups[0]['lr'] = 1e-5
        print('Decrease decoder learning rate to 1e-5!')

# truth: the logs dicts run() returned; the validation runner's keys under its stage_name
metrics_truth = {}
for column, prefix in ((1, ""), (2, f"{valid_epoch.stage_name}_")):
    for key in history[0][column]:
        metrics_truth[prefix + key] = series(
            ((entry[0], float(entry[column][key])) for entry in history), "epoch",
            rel_tolerance=5e-4)
write_truth("segmentation_models_pytorch", smp.__version__,
            "the logs dicts smp.utils.train.TrainEpoch.run() and ValidEpoch.run() return an "
            "epoch (AverageValueMeter means over the epoch's batches); the valid runner's keys "
            "prefixed with its stage_name", metrics_truth, also_ok=["it/s", "s/it"])

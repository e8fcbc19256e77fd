"""MONAI: the ignite-based workflow as MONAI's ``unet_training_workflows`` tutorial shows it:
``logging.basicConfig(stream=sys.stdout, level=logging.INFO)``, a ``SupervisedTrainer`` with
``StatsHandler(tag_name="train_loss", output_transform=from_engine(["loss"], first=True))`` and
``ValidationHandler(interval=1, validator=evaluator)``, a ``SupervisedEvaluator`` with
``StatsHandler(iteration_log=False)``, ``key_val_metric={"val_mean_dice": MeanDice(...)}`` and
``additional_metrics={"val_acc": Accuracy(...)}`` (ignite's ``Accuracy``, as the tutorial), a
tiny 2D ``UNet`` (channels 4/8/16) with ``DiceLoss(sigmoid=True)`` on synthetic images from
``monai.data.create_test_image_2d`` (16 train, 8 val, batch 4), 3 epochs.

Prints (stdout): StatsHandler's lines through its logger ``monai.handlers.StatsHandler``
(``monai.apps.get_logger``, format ``%(asctime)s - %(levelname)s - %(message)s``), per iteration
``2026-12-05 03:25:11,598 - INFO - Epoch: 1/3, Iter: 1/4 -- train_loss: 0.5438 ``, per
validation ``... - INFO - Epoch[1] Metrics -- val_acc: 0.8232 val_mean_dice: 0.7420 `` and
``... - INFO - Key metric: val_mean_dice best value: 0.7419877052307129 at epoch: 1``; through
the root handler that ``basicConfig`` sets, the engines' ignite loggers:
``INFO:ignite.engine.engine.SupervisedEvaluator:Got new best metric of val_mean_dice:
0.7419877052307129``, ``...:Engine run resuming from iteration 0, epoch 1 until 2 epochs``,
``...:Epoch[1] Complete. Time taken: 00:00:00.032``, ``...:Engine run finished. Time taken:
00:00:00.033``.

Truth: handlers of ours that print nothing: ``from_engine(["loss"], first=True)`` of the
trainer's ``engine.state.output`` (the decollated list; what StatsHandler prints) at each
``ITERATION_COMPLETED`` (key ``step``: ``trainer.state.iteration``, global and 1-based; the
printed ``Iter`` is within the epoch), and the evaluator's ``engine.state.metrics`` at each
evaluator ``COMPLETED`` (key ``epoch``: the evaluator's ``state.epoch``, which
``ValidationHandler`` sets to the trainer's epoch, 1-based).

Judgement: names are MONAI's own keys (``train_loss`` is the ``tag_name``; ``val_mean_dice``,
``val_acc`` the metric dict keys). ``engine.state.best_metric`` (printed as ``Key metric: ...
best value: ...`` and ``Got new best metric of ...``) is a running best, not a metric
(docs/metrics.md: running bests are no metrics); it is not in truth. ``state.metric_details``
(MeanDice's per-image dice, ``save_details=True``) is never printed and not in truth.
No ``key_train_metric`` (the tutorial's ``train_acc``): its running best would be a second
``Key metric ... best value`` line. ``monai.config.print_config()`` (which the tutorial calls
first) is left out: it prints installed versions and paths, not training output.
``Time taken`` (ignite's per-epoch and per-run timing) is in ``also_ok``.
Tolerances: StatsHandler formats ``{:.4f}`` (abs 5e-5)."""

import logging
import sys

import monai
import numpy as np
import torch
from _truth import series, write_truth
from ignite.engine import Events
from ignite.metrics import Accuracy
from monai.data import DataLoader, Dataset, create_test_image_2d
from monai.engines import SupervisedEvaluator, SupervisedTrainer
from monai.handlers import MeanDice, StatsHandler, ValidationHandler, from_engine
from monai.inferers import SimpleInferer
from monai.losses import DiceLoss
from monai.networks.nets import UNet
from monai.transforms import Activationsd, AsDiscreted, Compose

logging.basicConfig(stream=sys.stdout, level=logging.INFO)
monai.utils.set_determinism(seed=0)
torch.set_num_threads(1)


def images(count: int, seed: int) -> list[dict]:
    state = np.random.RandomState(seed)
    items = []
    for _ in range(count):
        image, label = create_test_image_2d(32, 32, num_objs=3, rad_max=8, noise_max=0.3,
                                            num_seg_classes=1, random_state=state)
        items.append({"image": image[None].astype(np.float32),
                      "label": label[None].astype(np.float32)})
    return items


train_loader = DataLoader(Dataset(images(16, 0)), batch_size=4, shuffle=True, num_workers=0)
val_loader = DataLoader(Dataset(images(8, 1)), batch_size=4, num_workers=0)
net = UNet(spatial_dims=2, in_channels=1, out_channels=1, channels=(4, 8, 16), strides=(2, 2),
           num_res_units=1)
post = Compose([Activationsd(keys="pred", sigmoid=True), AsDiscreted(keys="pred", threshold=0.5)])

evaluator = SupervisedEvaluator(
    device=torch.device("cpu"), val_data_loader=val_loader, network=net,
    inferer=SimpleInferer(), postprocessing=post,
    key_val_metric={"val_mean_dice": MeanDice(include_background=True,
                                              output_transform=from_engine(["pred", "label"]))},
    additional_metrics={"val_acc": Accuracy(output_transform=from_engine(["pred", "label"]))},
    val_handlers=[StatsHandler(iteration_log=False)])
trainer = SupervisedTrainer(
    device=torch.device("cpu"), max_epochs=3, train_data_loader=train_loader, network=net,
    optimizer=torch.optim.Adam(net.parameters(), 1e-2), loss_function=DiceLoss(sigmoid=True),
    inferer=SimpleInferer(), postprocessing=post,
    train_handlers=[ValidationHandler(interval=1, validator=evaluator),
                    StatsHandler(tag_name="train_loss",
                                 output_transform=from_engine(["loss"], first=True))])

losses: list = []
val_metrics: dict = {}
loss_of = from_engine(["loss"], first=True)
trainer.add_event_handler(Events.ITERATION_COMPLETED, lambda engine: losses.append(
    (engine.state.iteration, float(loss_of(engine.state.output)))))


def record_validation(engine) -> None:
    for name, value in engine.state.metrics.items():
        val_metrics.setdefault(name, []).append((engine.state.epoch, float(value)))


evaluator.add_event_handler(Events.COMPLETED, record_validation)
trainer.run()

metrics = {"train_loss": series(losses, "step", tolerance=5e-5)}
for name, pairs in val_metrics.items():
    metrics[name] = series(pairs, "epoch", tolerance=5e-5)
write_truth("monai", monai.__version__,
            "handlers on the engines: trainer state.output loss per iteration, evaluator "
            "state.metrics per validation", metrics, also_ok=["time_taken"])

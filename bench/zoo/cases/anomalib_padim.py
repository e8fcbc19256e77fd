"""anomalib 2.7.0 (Intel's anomaly-detection library on Lightning 2.6): its quick start,
``engine = Engine(); engine.fit(datamodule=datamodule, model=model)`` then ``test_results =
engine.test(datamodule=datamodule, model=model,
ckpt_path=engine.trainer.checkpoint_callback.best_model_path)``, with the ``Folder``
datamodule of its "Custom Data" guide (``Folder(name=..., root=..., normal_dir="good",
abnormal_dir="crack", mask_dir="mask/crack")``) in place of the MVTec AD download, and
``Padim(backbone="resnet18", pre_trained=False)``: PaDiM, a Gaussian a feature position of a
ResNet-18 (timm, built from its config with random weights: nothing downloaded). The case
writes the data set first (``datasets/toy``, seeded numpy): 20 "good" 64x64 RGB PNGs (a
sine texture plus Gaussian noise) and 10 "crack" ones, each with a faint (+14 grey levels)
rectangle and its binary mask. Folder's defaults split them (``normal_split_ratio=0.2``: 4
good images go to the test set with the 10 cracks; ``val_split_mode="from_test"``,
``val_split_ratio=0.5``: half of those become the validation set): 16 training images, 7
validation and 7 test images, one batch each. Padim's ``trainer_arguments`` make it one
epoch with no optimizer and no sanity check; validation then fits the adaptive F1 thresholds
the test's F1 scores use. About 35 s, mostly imports.

What it prints: on stdout Lightning's default Rich model summary (anomalib requires rich, so
Lightning 2.6 picks ``RichModelSummary`` and ``RichProgressBar``: ``┃ Name ┃ Type ┃ Params ┃
Mode ┃ FLOPs ┃`` and ``Trainable params: 2.8 M`` ...), the Rich bars (``Epoch 0/0
━━━━ 1/1 0:00:01 • 0:00:00 ...it/s``, then ``Testing ━━━━ 1/1 ...``; the validation bar is
transient; on a pipe Rich prints each bar's last frame only, under the pty it redraws it),
and Lightning's test results table (``┃ Test metric ┃ DataLoader 0 ┃``, one row a metric:
``│ image_AUROC │ 0.75 │``, values as Python's ``str`` of the float). On stderr: timm's and
anomalib's import-time FutureWarnings, ``Seed set to 0``, the GPU/TPU lines, Lightning's
``💡 Tip`` line, its notes on ``val_check_interval=1.0`` and on ``configure_optimizers``
returning ``None``, torch's DataLoader warning (twice) that 8 workers exceed the 2 it
suggests on this machine, a torch ``_pytree`` deprecation warning, the eval-mode modules
warning, ``Trainer.fit stopped: max_epochs=1 reached.``, the ``configure_callbacks`` override note
and the checkpoint restore/load lines. The Engine's ``TimerCallback`` logs its timings at
INFO, which Python's logging does not show by default.

Truth: the return value of ``engine.test`` (Lightning's ``trainer.test`` results: a list with
one dict, ``{metric: float}``, the very values its table prints), anomalib's default
``Evaluator`` metrics for an image model: ``image_AUROC``, ``image_F1Score``,
``pixel_AUROC``, ``pixel_F1Score`` (its own keys, the AUROC/F1Score ``prefix`` plus the
metric's class name). Judgement calls:
- The Engine's default ``logger=False`` (anomalib turns Lightning's default logger off), as the
  quick start runs it, so no metrics file is written: the returned dict is the record.
- The axis: the test runs once after the one-epoch fit; key ``epoch`` 1, the
  ``trainer.current_epoch`` the test ran at (the epoch a Lightning CSVLogger would index the
  test row by, as in the lightning_* cases). Exact values (the table prints ``str(float)``).
- ``it/s`` (the bars' speed) is printed and not recorded: ``also_ok``. The summary's
  parameter counts and sizes are no metrics.
- ``num_workers`` and the batch sizes stay at Folder's defaults (8 workers, 32 images a
  batch); ``lightning.seed_everything(0)`` (anomalib's ``seed_everything`` is Lightning's)
  and ``seed=0`` for the splits make the run repeat exactly, pipe and pty alike.
"""
# zoo-venv: anomalib

from pathlib import Path

import anomalib
import lightning
import numpy as np
from _truth import series, write_truth
from anomalib.data import Folder
from anomalib.engine import Engine
from anomalib.models import Padim
from PIL import Image


def write_dataset(root: Path) -> None:
    """A tiny MVTec-style folder: ``good/``, ``crack/`` and ``mask/crack/`` (same names)."""
    rng = np.random.default_rng(0)
    for sub in ("good", "crack", "mask/crack"):
        (root / sub).mkdir(parents=True, exist_ok=True)
    rows, cols = np.arange(64)[:, None], np.arange(64)[None, :]
    base = 120 + 20 * np.sin(rows / 3.0) * np.cos(cols / 4.0)

    def texture() -> np.ndarray:
        return np.clip(base[..., None] + rng.normal(0, 12, (64, 64, 3)), 0, 255)

    for index in range(20):
        Image.fromarray(texture().astype(np.uint8)).save(root / "good" / f"{index:03d}.png")
    for index in range(10):
        image, mask = texture(), np.zeros((64, 64), np.uint8)
        y, x = rng.integers(8, 44, 2)
        h, w = rng.integers(3, 8, 2)
        image[y:y + h, x:x + w] += 14
        mask[y:y + h, x:x + w] = 255
        Image.fromarray(np.clip(image, 0, 255).astype(np.uint8)).save(
            root / "crack" / f"{index:03d}.png")
        Image.fromarray(mask).save(root / "mask" / "crack" / f"{index:03d}.png")


if __name__ == "__main__":
    write_dataset(Path("datasets/toy"))
    lightning.seed_everything(0)

    datamodule = Folder(name="toy", root="datasets/toy", normal_dir="good",
                        abnormal_dir="crack", mask_dir="mask/crack", seed=0)
    model = Padim(backbone="resnet18", pre_trained=False)
    engine = Engine()
    engine.fit(datamodule=datamodule, model=model)
    test_results = engine.test(datamodule=datamodule, model=model,
                               ckpt_path=engine.trainer.checkpoint_callback.best_model_path)

    epoch = engine.trainer.current_epoch
    (results,) = test_results
    write_truth("anomalib", anomalib.__version__,
                "engine.test(...) return value (Lightning's trainer.test results, one dict)",
                {name: series([(epoch, value)], "epoch") for name, value in results.items()},
                also_ok=["it/s"],
                notes=f"test at trainer.current_epoch {epoch}, global_step "
                      f"{engine.trainer.global_step}; datamodule splits: train "
                      f"{len(datamodule.train_data)}, val {len(datamodule.val_data)}, test "
                      f"{len(datamodule.test_data)} images")

"""Kraken OCR's ``ketos train`` (PyPI's ``kraken`` 7.1.1, its newest release, on Lightning
2.6.1 with torch 2.14.1, run on the CPU) training a tiny VGSL text-recognition model from
scratch, as kraken's docs train one from line images with ``.gt.txt`` transcriptions:
``ketos -d cpu -s 42 --workers 0 train -f path -o model -q fixed --epochs 3 --min-epochs 3
-B 4 -r 0.02 --spec '[1,48,0,1 Cr3,3,16 Mp3,3 S1(1x0)1,3 Lbx32 Do]' --logger tensorboard
--log-dir tb lines/*.png``, the console script run with subprocess, stdout and stderr
inherited. The case renders 40 lines of three random words (a 12-word vocabulary) in DejaVu
Sans 28 px, black on white, 48 px high (Pillow; ``fonts-dejavu-core`` from Debian); ``-p``
stays at 0.9, so 36 train lines (9 batches of 4) and 4 validation lines. About 15 s.

What it prints: on stderr Lightning's ``GPU available: False, used: False``, ``TPU available:
False, using: 0 TPU cores``, a ``💡 Tip`` line, ``Trainer(val_check_interval=1.0)`` ..., kraken's
``Initializing new model.``; on stdout Rich's model summary (``┃   ┃ Name ┃ Type ┃ Params ┃
Mode ┃ FLOPs ┃ In sizes ┃ Out sizes ┃``, ``Trainable params: 75.4 K``, ``Total FLOPs: 5.8 M``)
and kraken's ``KrakenTrainProgressBar``, Lightning's ``RichProgressBar`` with the epoch
task named ``stage N/M`` (``stage 0/∞`` under early stopping; ``-q fixed --epochs 3`` gives
``stage 0/2``). Its metrics column is Lightning's ``f"{name}: {value:.3f}"`` of the
progress-bar dict, which Rich wraps to the console width; on a pipe (width 80) the last
frame of each stage is printed once, wrapped over eight lines:
``stage 2/2 ━━━━ 9/9 0:00:00 • 0:00:00 17.30it/s v_num: 0.000`` / ``train_loss_step:`` /
``94.872`` / ``val_accuracy: 0.190`` / ``val_word_accuracy:`` / ``0.083`` /
``train_loss_epoch:`` / ``110.342`` (the names and values aligned under the metrics column;
the wrap points move with the width of the it/s text: another run's last frame wrapped as
``train_loss_step:`` / ``94.872 val_accuracy:`` / ``0.190``);
under the 120-column pty Rich redraws the bar in place after every batch (``ESC[2K``,
``ESC[1A``), three lines a frame: ``... 8.22it/s v_num: 0.000 train_loss_step: 94.872`` /
``val_accuracy: 0.190 val_word_accuracy:`` / ``0.083 train_loss_epoch: 110.342``. Then
Lightning's ``Trainer.fit stopped: max_epochs=3 reached.`` and kraken's ``Converting best
model .../model/checkpoint_02-0.1905.ckpt (score: 0.1905) to weights file
.../model/best_0.1905.safetensors``. Kraken 7 prints no accuracy report of its own at the
default verbosity (its ``validation run: total chars ... accuracy ...`` is a ``logger.info``
line, shown only with ``-v``).

Truth: the event file of Lightning's ``TensorBoardLogger``, which ``--logger tensorboard``
attaches (kraken offers ``tensorboard`` or ``wandb``, no CSV logger), read back with
TensorBoard's own loader (``_records.tb_scalars``): ``train_loss_epoch``, ``val_accuracy``
and ``val_word_accuracy`` at the step of each epoch's end, paired with the ``epoch`` scalar
Lightning logs at the same step. The model file keeps no history here: the
``kraken_meta`` of ``model/best_0.1905.safetensors`` has ``"accuracy": []`` and ``"metrics":
[]`` (kraken 7 appends the ``val_*`` callback metrics to the network's ``metrics`` list as a
checkpoint is saved, but the weights converted from the best checkpoint carry empty lists;
older kraken's ``metadata['accuracy']`` history is gone). Judgement calls:
- Names as kraken logs them (``self.log``) and the bar prints them: ``train_loss_epoch`` (the
  epoch mean of ``train_loss``, logged ``on_step=True, on_epoch=True``), ``val_accuracy`` (1 -
  character error rate) and ``val_word_accuracy`` (1 - word error rate); axis ``epoch``,
  0-based as Lightning counts it and as ``stage N/2`` prints it.
- ``val_metric`` (the same value as ``val_accuracy``, ``prog_bar=False``) is in the event file
  but never printed: no truth metric; ``hp_metric`` (-1, Lightning's placeholder) neither.
- ``train_loss_step`` (the bar's loss of the last batch) has no record: Lightning writes step
  values every ``log_every_n_steps`` (50, which ``ketos`` does not expose) and the run has 27
  steps, so the file holds none; it is in ``also_ok``, with ``it/s`` (throughput) and
  ``v_num`` (the logger's version, printed ``0.000``).
- Tolerance 5e-4: the bar's ``.3f``.
- The event file (about 150 KB: kraken adds the validation line images and their predicted
  text to it each epoch) is not copied into the fixture (``files`` is empty), to keep the
  fixture small; its scalars are in the truth at full precision.
- ``-r 0.02`` (kraken's default is 1e-3): with 3 epochs of a model this small, the default
  leaves ``val_accuracy`` unchanged over the run; ``-q fixed`` because ``-q early`` (the
  default) ignores ``--epochs`` and runs until its ``--lag`` of 10 evaluations;
  ``--workers 0`` keeps data loading in the main process on the 2-core runner; ``-s 42``
  seeds numpy and torch.
- The spec is the brief's ``[1,48,0,1 Cr3,3,16 Mp3,3 Lbx32 Do]`` with ``S1(1x0)1,3``
  added: without it the LSTM gets height 16 and kraken raises ``Height has to be 1``.
"""
# zoo-venv: kraken

import glob
import os
import random
import subprocess
import sys
from importlib.metadata import version

from _records import tb_scalars
from _truth import series, write_truth
from PIL import Image, ImageDraw, ImageFont

FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
WORDS = ["the", "cat", "sat", "on", "a", "mat", "dog", "ran", "far", "and", "red", "sun"]
SPEC = "[1,48,0,1 Cr3,3,16 Mp3,3 S1(1x0)1,3 Lbx32 Do]"

if not os.path.exists(FONT):
    sys.exit("needs DejaVu Sans (apt-get install -y fonts-dejavu-core)")

# 40 synthetic text lines: black DejaVu Sans on white, 48 px high, each PNG with its .gt.txt
rng = random.Random(0)
font = ImageFont.truetype(FONT, 28)
os.makedirs("lines")
for i in range(40):
    text = " ".join(rng.choice(WORDS) for _ in range(3))
    image = Image.new("L", (int(font.getlength(text)) + 20, 48), 255)
    ImageDraw.Draw(image).text((10, 8), text, font=font, fill=0)
    image.save(f"lines/{i:03d}.png")
    with open(f"lines/{i:03d}.gt.txt", "w", encoding="utf-8") as handle:
        handle.write(text)

os.makedirs("tb")
ketos = os.path.join(os.path.dirname(sys.executable), "ketos")
subprocess.run([ketos, "-d", "cpu", "-s", "42", "--workers", "0", "train", "-f", "path",
                "-o", "model", "-q", "fixed", "--epochs", "3", "--min-epochs", "3", "-B", "4",
                "-r", "0.02", "--spec", SPEC, "--logger", "tensorboard", "--log-dir", "tb",
                *sorted(glob.glob("lines/*.png"))], check=True)

# truth: the event file of the TensorBoardLogger that --logger tensorboard attaches
paths = sorted(glob.glob("tb/lightning_logs/version_0/events.out.tfevents.*"))
assert len(paths) == 1, paths
scalars = tb_scalars(paths)
epoch_at = {step: int(value) for step, value in scalars["epoch"]}
metrics = {}
for name in ("train_loss_epoch", "val_accuracy", "val_word_accuracy"):
    pairs = [(epoch_at[step], value) for step, value in scalars[name]]
    assert [epoch for epoch, _ in pairs] == [0, 1, 2], (name, pairs)
    metrics[name] = series(pairs, "epoch", tolerance=5e-4)

write_truth(
    "kraken (ketos train)", version("kraken"),
    f"Lightning's TensorBoardLogger event file {paths[0]} (ketos train --logger tensorboard), "
    "read with TensorBoard's own loader: train_loss_epoch, val_accuracy, val_word_accuracy "
    "by the `epoch` scalar logged at the same step",
    metrics,
    also_ok=["it/s", "v_num", "train_loss_step"],
    notes=f"kraken {version('kraken')}, lightning {version('lightning')}, torch "
          f"{version('torch')}, tensorboard {version('tensorboard')}",
)

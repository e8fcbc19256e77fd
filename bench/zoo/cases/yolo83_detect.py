"""Ultralytics 8.3.253 (the last 8.3.x release on PyPI) YOLO11 detect: the zoo's
``yolo_detect`` training on an older release, which prints differently from 8.4.
``_yolo_data.train("yolo11n.yaml", "detect")``: ``YOLO("yolo11n.yaml", task="detect")``
built from its config (no pretrained weights), then ``model.train(...)`` as Ultralytics'
quick start calls it, with the zoo's settings (32 training and 8 validation 64x64 images of
coloured boxes drawn by ``_yolo_data``, ``imgsz=64``, ``epochs=3``, ``batch=4``, ``nbs=4``,
``workers=0``, ``device="cpu"``, SGD ``lr0=0.05``, no warm-up, ``seed=0``,
``deterministic=True``, ``plots=False``, ``amp=False``). The case prints nothing of its own.

Old release on today's stack (judgement calls):
- 8.3.253 loads checkpoints through its own ``torch_load`` patch, which passes
  ``weights_only=False``, so torch 2.14's ``weights_only=True`` default breaks nothing: no
  ``TORCH_FORCE_NO_WEIGHTS_ONLY_LOAD`` here (``yolo80_detect`` needs it).
- ``_yolo_data`` points ``YOLO_CONFIG_DIR`` at ``<cwd>/yolo-config``. 8.3.253's
  ``get_user_config_dir`` uses ``$YOLO_CONFIG_DIR/Ultralytics`` only if that folder exists
  or its parent (``yolo-config``) is writable, which a folder that does not exist is not; it
  then warns ``user config directory '.../yolo-config/Ultralytics' is not writable, using
  '/tmp/Ultralytics'`` and keeps its settings in ``/tmp``, shared between runs (the second
  capture would then not print ``Creating new Ultralytics Settings``). The case creates
  ``yolo-config`` before Ultralytics is imported, as a user who sets ``YOLO_CONFIG_DIR``
  points it at a folder that exists; Ultralytics then creates ``Ultralytics/`` in it and
  prints its first-run settings notice (three lines, ``Creating new Ultralytics Settings
  v0.0.6 file ✅`` ...).
- 8.3.253 honours ``YOLO_OFFLINE`` only when it is ``true``; the zoo's ``YOLO_OFFLINE=1``
  does nothing here. Its ``is_online()`` resolves ``one.one.one.one`` / ``dns.google``,
  which the capture machine cannot, so it runs offline anyway: no PyPI update check, no
  usage events. ``check_det_dataset``'s ``check_font("Arial.ttf")`` (on every training,
  plots or not) fetches the font only if ``is_url(..., check=True)`` reaches
  ultralytics.com, which it does not here: nothing is downloaded. ``amp=False`` skips the
  AMP check's ``yolo11n.pt`` download.

What it prints: the settings notice, the ``Ultralytics 8.3.253 🚀 Python-3.11.7
torch-2.14.1+cu130 CPU`` banner, the ``engine/trainer: agnostic_nms=False, amp=False, ...``
settings line (alphabetical, as 8.3 prints it), ``Overriding model.yaml nc=80 with nc=2``,
the layer table and ``YOLO11n summary: 181 layers, 2,590,230 parameters, ...``, ``Freezing
layer``, ``Fast image access ✅`` and the data scans, the ``optimizer: SGD(lr=0.05, ...)``
line, ``Image sizes 64 train, 64 val`` ... ``Starting training for 3 epochs...``, then per
epoch the ``Epoch GPU_mem box_loss cls_loss dfl_loss Instances Size`` header and 8.3's own
progress bar (rows ``1/3  0G  4.424  2.78  2.64  13  64: 100% ━━━━━━━━━━━━ 8/8 12.8it/s
0.6s``: running mean losses, ``%11.4g``; 8.3 draws its own bar, no tqdm, redrawn in place
with ``\\r`` and ``ESC[K``) and the validation bar with its ``all`` row (``Class Images
Instances Box(P R mAP50 mAP50-95)``, ``%11.3g``), ``3 epochs completed in 0.00x hours.``,
``Optimizer stripped from ...``, ``Validating .../best.pt...`` with the ``all`` and
per-class rows, and ``Speed: ...ms preprocess, ...ms inference, ...ms loss, ...ms
postprocess per image``. YOLO11n from scratch on this data finds nothing in three epochs:
every validation metric is 0 (as the ``all`` rows print).

Truth (no stdout parsed): ``_yolo_data.write_truth``, as every Ultralytics zoo case: 8.3's
own ``results.csv`` (one row an epoch, with its ``time`` column, not a metric) and
``model.trainer.metrics`` (the closing validation of best.pt, one more observation at no
epoch). Names as in ``yolo_detect``: ``box_loss``, ``cls_loss``, ``dfl_loss`` (epoch bar),
``P``, ``R``, ``mAP50``, ``mAP50-95`` (the ``all`` row, named as its header prints them);
validation losses and learning rates (``val_*``, ``lr/pg*``) are file metrics only, not
printed; ``it/s``, ``GPU_mem`` and the ``Speed:`` figures are ``also_ok``.
"""
# zoo-venv: yolo83

import os

import _yolo_data  # sets YOLO_OFFLINE and YOLO_CONFIG_DIR before Ultralytics is imported

# the folder YOLO_CONFIG_DIR names must exist for 8.3.253 to use it (see the docstring)
os.makedirs(os.environ["YOLO_CONFIG_DIR"], exist_ok=True)

if __name__ == "__main__":
    _yolo_data.train("yolo11n.yaml", "detect")

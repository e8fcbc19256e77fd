"""Ultralytics 8.0.238 (the last 8.0.x release, January 2024) YOLOv8 detect: the zoo's
``yolo_detect`` training on an older release, which prints differently from 8.4.
``_yolo_data.train("yolov8n.yaml", "detect")``: ``YOLO("yolov8n.yaml", task="detect")``
built from its config (no pretrained weights), then ``model.train(...)`` as Ultralytics'
quick start calls it, with the zoo's settings (32 training and 8 validation 64x64 images of
coloured boxes drawn by ``_yolo_data``, ``imgsz=64``, ``epochs=3``, ``batch=4``, ``nbs=4``,
``workers=0``, ``device="cpu"``, SGD ``lr0=0.05``, no warm-up, ``seed=0``,
``deterministic=True``, ``plots=False``, ``amp=False``). The case prints nothing of its own.

Old release on today's stack (judgement calls, each needed for the run to finish):
- torch 2.14.1 loads with ``weights_only=True`` by default (since torch 2.6); 8.0.238's
  ``strip_optimizer`` and ``attempt_load_one_weight`` call ``torch.load`` without the
  argument, so the closing ``final_eval`` of ``best.pt`` fails with ``UnpicklingError:
  Weights only load failed ... Unsupported global: ultralytics.nn.tasks.DetectionModel``.
  The case sets ``TORCH_FORCE_NO_WEIGHTS_ONLY_LOAD=1`` (torch's own documented switch)
  before importing Ultralytics; torch then warns once a load on stderr (``UserWarning:
  Environment variable TORCH_FORCE_NO_WEIGHTS_ONLY_LOAD detected ...``), in the capture.
- numpy is held below 2.4 (``requirements-yolo80.txt``: 2.3.5): 8.0.238's ``compute_ap``
  calls ``np.trapz``, which numpy 2.4 removed.
- 8.0.238 has no ``YOLO_OFFLINE``: its ``check_det_dataset`` calls
  ``check_font("Arial.ttf")`` on every training (plots or not), which looks in
  ``YOLO_CONFIG_DIR`` (the case's cwd, set by ``_yolo_data``) and the system fonts, then
  fetches the font only if ``is_url("https://ultralytics.com/assets/Arial.ttf")`` answers;
  ultralytics.com is out of the capture machine's reach, so the check fails quietly and
  nothing is downloaded. ``amp=False`` skips the AMP check's ``yolov8n.pt`` download. The
  capture machine reaches 1.1.1.1:53 and PyPI, so 8.0.238's ``is_online()`` is true and
  ``model.train`` asks PyPI for the newest release: it prints ``New
  https://pypi.org/project/ultralytics/8.4.190 available 😃 Update with 'pip install -U
  ultralytics'`` before the banner, as an online user of the old release sees it (left in:
  it is what the release prints; a machine without PyPI would not print it). Its anonymous
  usage events (settings ``sync: true``, the default) go out, if at all, from a background
  thread and print nothing.
- torch 2.14 prints its own FutureWarnings about ``torch.cuda.amp.GradScaler`` and
  ``torch.cuda.amp.autocast`` (once a run and once an epoch, on stderr), and a
  ``pin_memory`` UserWarning; they are in the capture as a user sees them.

What it prints: the layer table of the 80-class ``yolov8n.yaml`` (``YOLO(...)``'s build),
the update line above, the ``Ultralytics YOLOv8.0.238 🚀 Python-3.11.7 torch-2.14.1+cu130
CPU`` banner, the ``engine/trainer: task=detect, mode=train, ...`` settings line,
``Overriding model.yaml nc=80 with nc=2``, the 2-class layer table and ``YOLOv8n summary:
225 layers, ...``, ``Freezing layer 'model.22.dfl.conv.weight'``, the data scans, the
``optimizer: SGD(lr=0.05, ...)`` line, a bare ``3 epochs...`` (8.0.238's ``Image sizes ...
Starting training for `` banner is the true branch of a conditional expression that binds
the whole concatenation, so with ``time=None`` only its else branch prints: a bug of the
release, kept), then a tqdm bar per epoch (``Epoch GPU_mem box_loss cls_loss dfl_loss
Instances Size``, rows ``1/3  0G  5.799  3.471  3.436  10  64``: the running mean losses,
``%11.4g``) and a validation bar with its ``all`` row (``Class Images Instances Box(P R
mAP50 mAP50-95)``, ``%11.3g``), ``3 epochs completed in 0.00x hours.``, ``Optimizer stripped
from ...``, ``Validating .../best.pt...`` with the ``all`` and per-class rows, and ``Speed:
...ms preprocess, ...ms inference, ...ms loss, ...ms postprocess per image``, its last line
(8.0 prints no ``Results saved to`` with ``plots=False``).

Truth (no stdout parsed): ``_yolo_data.write_truth``, as every Ultralytics zoo case: 8.0's
own ``results.csv`` (one row an epoch; its columns padded to 23 characters, stripped) and
``model.trainer.metrics`` (the closing validation of best.pt, one more observation at no
epoch). Names as in ``yolo_detect``: ``box_loss``, ``cls_loss``, ``dfl_loss`` (epoch bar),
``P``, ``R``, ``mAP50``, ``mAP50-95`` (the ``all`` row, named as its header prints them);
validation losses and learning rates (``val_*``, ``lr/pg*``) are file metrics only, not
printed; ``it/s``, ``GPU_mem`` and the ``Speed:`` figures are ``also_ok``.
"""
# zoo-venv: yolo80

import os

# before Ultralytics (and torch) are imported: see the docstring's first judgement call
os.environ["TORCH_FORCE_NO_WEIGHTS_ONLY_LOAD"] = "1"

import _yolo_data

if __name__ == "__main__":
    _yolo_data.train("yolov8n.yaml", "detect")

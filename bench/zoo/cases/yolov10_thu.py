"""THU-MIG YOLOv10 (github.com/THU-MIG/yolov10 at commit
453c6e38a51e9d1d5a2aa5fb7f1014a711913397, March 2025; an Ultralytics fork that reports
``ultralytics.__version__ == "8.1.34"``) detect: ``_yolo_data.train("yolov10n.yaml",
"detect", model_class="YOLOv10")``: ``YOLOv10("yolov10n.yaml")`` built from the fork's own
config (no pretrained weights), then ``model.train(...)`` as the fork's README calls it,
with the zoo's settings (32 training and 8 validation 64x64 images of coloured boxes drawn
by ``_yolo_data``, ``imgsz=64``, ``epochs=3``, ``batch=4``, ``nbs=4``, ``workers=0``,
``device="cpu"``, SGD ``lr0=0.05``, no warm-up, ``seed=0``, ``deterministic=True``,
``plots=False``, ``amp=False``). The case prints nothing of its own. The fork is installed
with pip from its source tree (``requirements-yolov10.txt``).

Old fork on today's stack (judgement calls, each needed for the run to finish):
- torch 2.14.1 loads with ``weights_only=True`` by default; the fork's
  ``torch_safe_load`` and ``strip_optimizer`` call ``torch.load`` without the argument, so
  the closing validation of ``best.pt`` would fail. The case sets
  ``TORCH_FORCE_NO_WEIGHTS_ONLY_LOAD=1`` (torch's documented switch) before importing it;
  torch's warnings about it are in the capture on stderr, as a user sees them.
- ``max_det=64`` (a documented train/val setting; the default is 300): the fork's
  ``v10postprocess`` takes ``torch.topk(scores, max_det)`` over the one-to-one head's
  anchors, and at ``imgsz=64`` there are only 8x8 + 4x4 + 2x2 = 84 of them, so the first
  validation fails with ``RuntimeError: selected index k out of range``. 64 < 84.
- numpy is held below 2.4 (2.3.5): the fork's ``compute_ap`` calls ``np.trapz``.
- ``huggingface-hub`` is installed: ``ultralytics/models/yolov10/model.py`` imports
  ``PyTorchModelHubMixin`` at import time (nothing is fetched from the Hub).

What it prints: see the capture. YOLOv10's trainer names six losses
(``self.loss_names = "box_om", "cls_om", "dfl_om", "box_oo", "cls_oo", "dfl_oo"``: the
one-to-many and the one-to-one head), so the epoch bar's header is ``Epoch GPU_mem box_om
cls_om dfl_om box_oo cls_oo dfl_oo Instances Size`` (running mean losses, ``%11.4g``), the
validation bar's ``all`` row ``Class Images Instances Box(P R mAP50 mAP50-95)``
(``%11.3g``), then ``Validating .../best.pt...`` with its ``all`` and per-class rows and the
``Speed:`` line. In three tiny epochs the validation rows stay at ``0 0 0 0`` (no box
passes yet): the truth records those zeros, as results.csv has them.

Truth (no stdout parsed): ``_yolo_data.write_truth``, as every Ultralytics zoo case: the
fork's own ``results.csv`` (one row an epoch: ``train/box_om`` ... ``train/dfl_oo``,
``metrics/precision(B)`` ..., ``val/box_om`` ... ``val/dfl_oo``, ``lr/pg0..2``) and
``model.trainer.metrics`` (the closing validation of best.pt, one more observation at no
epoch). ``_yolo_data.metric_name`` already maps the six-loss columns generically
(``train/box_om`` -> ``box_om``, as the bar's header prints it; ``val/box_om`` ->
``val_box_om``, a file metric), so no case-side mapping was needed. ``P``, ``R``,
``mAP50``, ``mAP50-95`` are named as the validation header prints them; tolerances from the
printed rounding (``_yolo_data.LOSS_REL``/``METRIC_REL``); ``it/s``, ``GPU_mem`` and the
``Speed:`` figures are ``also_ok``.
"""
# zoo-venv: yolov10

import os

# before Ultralytics (and torch) are imported: see the docstring's first judgement call
os.environ["TORCH_FORCE_NO_WEIGHTS_ONLY_LOAD"] = "1"

import _yolo_data

if __name__ == "__main__":
    _yolo_data.train("yolov10n.yaml", "detect", model_class="YOLOv10", max_det=64)

"""Ultralytics 8.4.190 through its command line, as most users run it: ``yolo detect train``
then ``yolo detect val``, on the zoo's synthetic detect shapes (``_yolo_data``: 32 training
and 8 validation images of 64x64 drawn here, classes ``red`` and ``green``).

The case writes ``shapes.yaml`` and its images, then runs, as subprocesses of the venv's
``yolo`` entry point whose output is the case's output (stdout and stderr inherited)::

    yolo detect train data=shapes.yaml model=yolov8n.yaml epochs=3 imgsz=64 batch=8 \
        device=cpu workers=0 seed=0 deterministic=True
    yolo detect val model=runs/detect/train/weights/best.pt data=shapes.yaml imgsz=64 device=cpu

with Ultralytics' defaults for everything else (optimizer ``auto``, warm-up, ``nbs=64``,
``plots=True``, ``project`` = the settings' ``runs_dir``, here ``<cwd>/runs``).
``YOLO_OFFLINE=1`` and ``YOLO_CONFIG_DIR=<cwd>/yolo-config`` (set by ``_yolo_data``,
inherited by both commands): nothing is downloaded (the model is built from its ``.yaml``;
the plots' Arial font is not fetched offline). The case prints nothing of its own.

What it prints: the train command's settings notice, the ``engine/trainer:`` argument line,
the model summary, the optimizer line (``optimizer='auto'`` picks AdamW and its lr), the
data-loader lines, then per epoch the epoch bar (``1/3  0G  box_loss cls_loss dfl_loss
Instances Size``, 4 batches) and the validation bar with its ``all`` row ``Images Instances
Box(P R mAP50 mAP50-95)``, ``3 epochs completed in ...``, ``Validating .../best.pt...`` with
its ``all`` and per-class rows and the ``Speed:`` line, ``Results saved to ...``; then the
val command: its own banner, the fused model summary, the val scan, the validation bar, the
``all`` and per-class rows, ``Speed:`` and ``Results saved to <cwd>/runs/detect/val``.
With the CLI's defaults (AdamW at lr 0.001667 chosen by ``optimizer=auto``, a warm-up longer
than the run, 3 epochs of 4 batches from scratch) the model finds nothing yet: every
``all`` row is ``8  10  0  0  0  0``; the command is left as users type it, not tuned.
About 26 s on 2 CPU cores.

Truth (no stdout parsed):
- Training: ``_yolo_data.write_truth``, as every Ultralytics zoo case: ``results.csv`` (one
  row an epoch: the losses and ``P``/``R``/``mAP50``/``mAP50-95``; validation losses and
  learning rates as file metrics) and the closing validation of best.pt, one more
  observation at no epoch.
- The CLI keeps no ``trainer.metrics`` and ``yolo val`` writes no metrics file, so the closing
  validation of best.pt and the standalone val are read through the Python API after the
  CLI runs: a child process (its output to ``revalidation.log`` in the cwd, not to stdout)
  runs ``YOLO("runs/detect/train/weights/best.pt").val(data=shapes.yaml, imgsz=64,
  device="cpu", plots=False, ...)`` -- the val command's own arguments, batch 16 as both the
  trainer's validation loader and ``yolo val`` use -- and returns its ``results_dict``. Both
  the trainer's closing validation and the val command evaluate that same best.pt on the
  same 8 images with the same settings on the CPU, deterministically, so that one
  ``results_dict`` is both observations (the case asserts nothing about stdout; compare the
  two ``all`` rows in output.log: they are identical). So ``P``, ``R``, ``mAP50`` and
  ``mAP50-95`` have 3 epoch values and 2 values at no epoch.
- ``also_ok``: the bars' ``it/s`` and ``GPU_mem``, the ``Speed:`` lines' ms per image.
"""
# zoo-venv: yolocli

import json
import subprocess
import sys
from pathlib import Path

import _yolo_data  # sets YOLO_OFFLINE and YOLO_CONFIG_DIR (inherited by the commands)
import yaml

BEST = "runs/detect/train/weights/best.pt"
RESULTS = Path("runs/detect/train/results.csv")


def revalidate(data: str) -> None:
    """best.pt validated again through the Python API; its results_dict to revalidation.json."""
    from ultralytics import YOLO

    metrics = YOLO(BEST).val(data=data, imgsz=64, device="cpu", plots=False,
                             project=str(Path.cwd() / "revalidation"), name="val")
    Path("revalidation.json").write_text(json.dumps(metrics.results_dict))


if __name__ == "__main__":
    if sys.argv[1:] == ["--revalidate"]:
        revalidate(str(Path.cwd() / "shapes.yaml"))
        sys.exit(0)
    data = _yolo_data.make_dataset("detect", size=64, train=32)
    yolo = str(Path(sys.executable).parent / "yolo")
    subprocess.run([yolo, "detect", "train", f"data={data}", "model=yolov8n.yaml", "epochs=3",
                    "imgsz=64", "batch=8", "device=cpu", "workers=0", "seed=0",
                    "deterministic=True"], check=True)
    subprocess.run([yolo, "detect", "val", f"model={BEST}", f"data={data}", "imgsz=64",
                    "device=cpu"], check=True)

    with open("revalidation.log", "wb") as log:
        subprocess.run([sys.executable, __file__, "--revalidate"], stdout=log,
                       stderr=subprocess.STDOUT, check=True)
    finals = json.loads(Path("revalidation.json").read_text())
    import ultralytics

    # the trainer's closing validation of best.pt, then the val command's: the same numbers
    _yolo_data.write_truth(RESULTS.resolve(), [finals, finals], ultralytics.__version__)
    truth = yaml.safe_load(Path("truth.yaml").read_text(encoding="utf-8"))
    truth["source"] = ("results.csv (yolo detect train) + the results_dict of best.pt validated "
                       "again through the Python API (YOLO(best.pt).val(), silent): the closing "
                       "validation of best.pt and the yolo detect val run, same weights, data "
                       "and settings")
    with open("truth.yaml", "w", encoding="utf-8") as handle:
        yaml.safe_dump(truth, handle, sort_keys=False, default_flow_style=None, width=100)

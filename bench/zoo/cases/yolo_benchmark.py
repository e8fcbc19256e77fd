"""Ultralytics 8.4.190 benchmark: ``ultralytics.utils.benchmarks.benchmark`` (what ``yolo
benchmark`` and ``model.benchmark()`` run) on a detect model trained here for one epoch.
First ``YOLO("yolov8n.yaml").train(...)`` on the zoo's synthetic shapes (``_yolo_data``:
128 training and 8 validation images of 64x64, one epoch, ``YOLO_OFFLINE=1``, ``plots=False``,
the zoo's SGD settings), then, as Benchmark mode's docs call it (with its ``format``
argument: one export format instead of all), ``benchmark(model=best.pt, data=shapes.yaml,
imgsz=64, device="cpu", format=...)`` once per format: ``"-"`` (PyTorch, the format's argument in
``export_formats()``, which ``format`` accepts), ``"torchscript"`` and ``"onnx"`` (onnx,
onnxruntime and onnxslim are in the venv, so nothing is installed at run time). With no
``format`` it would try every export (OpenVINO, TensorFlow, ...), which this venv lacks; one
call a format is how the API limits it. The case prints nothing of its own (the docs call
``benchmark(...)`` without printing its return: it logs its table itself). Nothing is
downloaded: the model is built from its ``.yaml``, the images are drawn, and the benchmark's
predict step reads the ``bus.jpg`` the wheel ships.

What it prints: the training as every Ultralytics case does (settings, the model summary,
the epoch bar (``1/1  0G  5.503  3.476 ...  64``, 32 batches) with ``box_loss``, ``cls_loss``,
``dfl_loss``, the validation bar and its ``all`` row ``P R mAP50 mAP50-95``, then
``Validating .../best.pt...`` with its ``all`` and per-class rows and the ``Speed:`` line);
then per format: the export log (TorchScript's and ONNX's ``export success``, PyTorch's
FutureWarnings for ``torch.jit``), one more validation of the exported model (``conf=0.001``,
``batch=1``, ``verbose=False``: the bar, the ``all`` row, ``Speed:``), ``Setup complete``
(CPU count, RAM, disk) and the table::

    Benchmarks complete for .../best.pt on .../shapes.yaml at imgsz=64 (2.00s)
    Benchmarks legend:  - ✅ Success  - ❎ Export passed but validation failed  - ❌️ Export failed
    +-------------------------------------------------------------------------------------------+
    |     Format   Status❔   Size (MB)   metrics/mAP50-95(B)   Inference time (ms/im)   FPS    |
    +===========================================================================================+
    | 1   ONNX     ✅         11.5        0.0049                3.11                     321.36 |
    +-------------------------------------------------------------------------------------------+

(one epoch leaves the model weak but not at zero: ``all  8  8  0.012  0.833  0.0129
0.00486`` in each benchmark validation). About 13 s on 2 CPU cores.

Truth (no stdout parsed):
- The training: ``results.csv`` (epoch 1: the losses, ``P``/``R``/``mAP50``/``mAP50-95``;
  validation losses and learning rates as file metrics) and ``trainer.metrics`` (the closing
  validation of best.pt), named and toleranced as in every Ultralytics zoo case
  (``_yolo_data.write_truth``).
- The benchmark's three validations: each ``all`` row is one more observation at no epoch
  of ``P``, ``R``, ``mAP50``, ``mAP50-95``, from the validator's own ``metrics.results_dict``
  (the object ``benchmark()`` reads its metric from), taken by an ``on_val_end`` callback
  added to Ultralytics' ``default_callbacks`` after training (every model ``benchmark()``
  builds copies them; ``model.add_callback`` cannot reach those models).
- The tables: the ``polars.DataFrame`` each ``benchmark()`` returns (string cells, as
  printed), one value a format at no step (a format is no step; the row index is always 1):
  ``metrics/mAP50-95(B)`` (the framework's own key and column, ``round(metric, 4)``),
  ``Inference_time_(ms/im)`` (``round(speed, 2)``) and ``FPS`` (``round(1000 / speed, 2)``),
  the column names with their spaces as underscores (docs/metrics.md's table rule); they are
  recorded there, so they are metrics, not ``also_ok``. ``Size (MB)`` is the exported file's
  size and ``Status❔``/``Format`` are labels: no metrics.
- ``also_ok``: the bars' ``it/s`` and ``GPU_mem``, the ``Speed:`` lines' ms per image.
- Determinism: seeded, ``deterministic=True``; the metrics repeat exactly, the timings and
  ``Setup complete``'s disk figures do not (the truth takes each run's own).
"""
# zoo-venv: yolobench

from pathlib import Path

import _yolo_data  # sets YOLO_OFFLINE and YOLO_CONFIG_DIR before Ultralytics is imported
import ultralytics
import yaml
from ultralytics import YOLO
from ultralytics.utils.benchmarks import benchmark
from ultralytics.utils.callbacks import default_callbacks

IMGSZ = 64
FORMATS = ("-", "torchscript", "onnx")  # PyTorch, TorchScript, ONNX
TABLE = {"metrics/mAP50-95(B)": ("metrics/mAP50-95(B)", 5e-5),  # column -> (name, tolerance)
         "Inference time (ms/im)": ("Inference_time_(ms/im)", 5e-3),
         "FPS": ("FPS", 5e-3)}

data = _yolo_data.make_dataset("detect", size=IMGSZ, train=128)
model = YOLO("yolov8n.yaml")
model.train(data=data, epochs=1, imgsz=IMGSZ, batch=4, nbs=4, workers=0, device="cpu",
            seed=_yolo_data.SEED, deterministic=True, plots=False, amp=False, exist_ok=True,
            optimizer="SGD", lr0=0.05, warmup_epochs=0,
            project=str(Path.cwd() / "runs" / "detect"), name="train")
trainer = model.trainer
best = str(trainer.best)

validations: list[dict] = []  # the benchmark's validations, in order
default_callbacks["on_val_end"].append(
    lambda validator: validations.append(dict(validator.metrics.results_dict)))

tables = [benchmark(model=best, data=data, imgsz=IMGSZ, device="cpu", format=fmt)
          for fmt in FORMATS]

assert len(validations) == len(FORMATS), validations
_yolo_data.write_truth(Path(trainer.csv), [dict(trainer.metrics), *validations],
                       ultralytics.__version__)
with open("truth.yaml", encoding="utf-8") as handle:
    truth = yaml.safe_load(handle)
for column, (name, tolerance) in TABLE.items():
    values = []
    for fmt, table in zip(FORMATS, tables, strict=True):
        assert table.height == 1 and table["Status❔"][0] == "✅", (fmt, table)
        values.append([None, float(table[column][0])])
    truth["metrics"][name] = {"key": "step", "values": values, "tolerance": tolerance}
truth["source"] = ("results.csv + model.trainer.metrics (the closing validation of best.pt) + "
                   "each benchmark() validation's metrics.results_dict (an on_val_end callback) "
                   "+ the DataFrame each benchmark() returns (formats: "
                   + ", ".join(table["Format"][0] for table in tables) + ")")
with open("truth.yaml", "w", encoding="utf-8") as handle:
    yaml.safe_dump(truth, handle, sort_keys=False, default_flow_style=None, width=100,
                   allow_unicode=True)

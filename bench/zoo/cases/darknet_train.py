"""AlexeyAB's Darknet (no pip package: AlexeyAB/darknet at its last commit,
59596d7880f6504768df41d6daa586f5cb2b932f, 2025-12-15, version 0.2.5.7 as its
``vcpkg.json`` and CMake call it), training a YOLOv3-tiny detector as its README's "How to
train (to detect your custom objects)" section says: ``./darknet detector train
data/obj.data cfg/yolov3-tiny_obj.cfg -dont_show -map``, no pre-trained weights (the
README: "you can train it without pre-trained weights, then will be used random initial
weights"; nothing is downloaded). The binary is built with the repository's Makefile as
its README says for a CPU (``make GPU=0 CUDNN=0 OPENCV=0 OPENMP=0 AVX=1``; OPENMP off as
``bench/zoo/run.py`` sets ``OMP_NUM_THREADS=1`` anyway) from the repository unpacked under
``$ZOO_REPOS/darknet`` (default ``~/.cache/exptrack-zoo/repos/darknet``: ``git archive
59596d78 | tar -x``), with recording lines added to two C files (below). The case builds
it when the binary is missing or older than the patched sources (``python
darknet_train.py --build`` forces it; about a minute on two cores; make's output goes
to ``$ZOO_REPOS/darknet/zoo_build.log``, not to the run's output). The binary runs with
subprocess, its stdout and stderr inherited.

Data and config (written by the case, seeded ``random.Random(0)``): 32 training and 8
validation JPEG images of 96x96 (Pillow, quality 95), each a grey background with one to three
filled rectangles, red (class 0, ``red``) or blue (class 1, ``blue``), 20 to 44 pixels a
side, and the YOLO label file beside each (``<class> <x_center> <y_center> <width>
<height>``, relative, ``%.6f``) in ``data/obj/``; ``data/train.txt``, ``data/valid.txt``,
``data/obj.names`` and ``data/obj.data`` (``classes = 2``, ``train``, ``valid``,
``names``, ``backup = backup/``) as README steps 2-6 write them. The cfg is
``cfg/yolov3-tiny.cfg`` at that commit (checked against its git blob id) with what the
README's step 1 changes: ``batch=8``, ``subdivisions=2`` (the README's 64 and 16, cut down),
``width=96 height=96``, ``max_batches = 30`` (README: ``classes*2000``, at least 6000),
``steps=24,27`` (80% and 90% of max_batches), ``classes=2`` in both ``[yolo]`` layers,
``filters=21`` (``(classes + 5)x3``) in the ``[convolutional]`` before each; and
``burn_in=100`` (the cfg's 1000 keeps the rate at 0.000000 for 30 iterations; with 10 the
loss went to nan by iteration 17 and the run aborted with glibc's ``realloc(): invalid next
size``). Everything else stays as the cfg has it, ``random=1`` included: every 10th
iteration prints ``Resizing, random_coef = 1.40`` and, near the end of training (within
100 iterations of max_batches, here always), trains at the largest size, ``160 x 160``.
About 40 s of CPU.

What it prints (stdout, block-buffered on a pipe with an ``fflush`` after each iteration's
summary; stderr unbuffered): the layer table twice (the training net and ``-map``'s
``net_map``: `` 0 conv 16 3 x 3/ 1 96 x 96 x 3 -> 96 x 96 x 16 0.008 BF``, ``Total
BFLOPS 0.290``, ``avg_outputs = 17310``), then per mini-batch (two an iteration) one line
per ``[yolo]`` layer on stderr (``forward_yolo_layer``, ``show_details=1`` by default)::

 v3 (mse loss, Normalizer: (iou: 0.75, obj: 1.00, cls: 1.00) Region 16 Avg (IOU: 0.333830),
   count: 1, class_loss = 18.003235, iou_loss = 0.458527, total_loss = 18.461761

(one line, wrapped here), then, after both layers' lines, from ``train_network_datum``::

 total_bbox = 17, rewritten_bbox = 0.000000 %

and per iteration on stdout (``train_detector``)::

 Loaded: 0.002335 seconds

  (next mAP calculation at 100 iterations) \\033[H\\033[J1/30: loss=60.5 hours left=-1.0\\a
  1: 60.540447, 60.540447 avg loss, 0.000000 rate, 1.914024 seconds, 8 images, -1.000000 hours left

(the escape clears the screen on a terminal; the title ``1/30: loss=60.5 ...`` ends in a
BEL). After iteration 30 (``iteration == net.max_batches``; the next scheduled one, "at 100
iterations", never comes) ``-map`` evaluates ``net_map`` on the 8 validation images
(``validate_detector_map``): ``class_id = 0, name = red, ap = 0.15%  (TP = 1, FP = 187)``
per class, `` for conf_thresh = 0.25, precision = 0.00, recall = 0.08, F1-score = 0.01``,
`` for conf_thresh = 0.25, TP = 1, FP = 376, FN = 11, average IoU = 0.14 %``, `` mean
average precision (mAP@0.50) = 0.000862, or 0.09 %`` and, back in ``train_detector``, ``
mean_average_precision (mAP@0.50) = 0.000862`` and ``New best mAP!``.

Truth: Darknet keeps no numeric record (with OpenCV it draws ``chart.png``; without, not
even that; the weights files hold no metric), so, as ``pytorch_cifar_main`` adds lines to
a verbatim script, the case adds C lines to the verbatim source (``RECORD_LINES``: each
block right after the ``printf``/``fprintf`` whose arguments it records, no line of the
stock text changed, the stock files checked against their git blob ids) that append the
same variables, ``%.9g`` (a float's full precision), as tab-separated rows to the file
named by the environment variable ``ZOO_DARKNET_RECORD`` (unset: they do nothing):
``src/detector.c``: after the iteration summary (``iteration``, ``loss``, ``avg_loss``,
``get_current_rate(net)``), after ``train_detector``'s ``mean_average_precision`` line, and
in ``validate_detector_map`` after the per-class row (``i``, ``names[i]``,
``avg_precision``, TP, FP), the precision/recall/F1 line, the TP/FP/FN/average-IoU line and
the mAP line; ``src/yolo_layer.c``: after each of ``forward_yolo_layer``'s two ``v3 (...)``
lines (``*state.net.cur_iteration``, ``state.index``, ``tot_iou / count``, ``count``,
``classification_loss``, ``iou_loss``, ``loss``). Nothing is parsed from stdout.
Judgement calls (docs/metrics.md, Darknet's forms):
- The iteration summary: ``loss`` (the first value, unnamed on the line; detector.c's
  variable, the batch's mean loss, also printed as the title's ``loss=60.5``, the same
  value again) and ``avg_loss`` (printed ``avg loss``: the running mean ``avg_loss*.9 +
  loss*.1``), 30 points each, axis ``step`` = the iteration. Tolerance 1e-6 (``%f``).
- Each ``[yolo]`` layer's line names its values after the layer, as printed: ``Region 16
  Avg (IOU: ...)`` -> ``Region_16_Avg_IOU``, ``Region_16_class_loss``,
  ``Region_16_iou_loss``, ``Region_16_total_loss`` (and ``Region_23_...``): the two layers
  print the same words, so a name without the layer would pool two series. 60 points each
  (two mini-batches an iteration), every printed line a value; axis ``step``, the
  iteration the mini-batch belongs to (``cur_iteration + 1``: the line prints before its
  iteration's summary). Tolerance 1e-6 (``%f``). ``count`` (the number of ground-truth
  boxes the layer matched) is a count, not a metric; so are ``total_bbox`` and the
  normaliser's weights.
- ``-map``'s evaluation, one point at step 30: ``mAP@0.50`` (named as printed in the
  parenthesis; printed twice, by ``validate_detector_map`` and again by ``train_detector``,
  the same value of the same evaluation: one point), tolerance 1e-6 (``%f``);
  ``precision``, ``recall`` and ``F1-score`` at ``conf_thresh = 0.25``, printed ``%1.2f``:
  tolerance 0.005 (they may be nan when nothing is detected: then nan); ``average_IoU``
  (``average IoU = 0.14 %``), in percent as printed, ``%2.2f``: tolerance 0.005. The
  per-class ``ap`` rows are a table of the classes (``mAP`` is their mean), their TP/FP
  and TP/FP/FN counts no metrics: kept in ``notes``, ``ap`` allowed in ``also_ok``.
- ``also_ok``: ``rate`` (the learning rate the schedule gives, a setting), ``seconds``
  (the iteration's wall time), ``Loaded`` (the wait for the data loader), ``hours_left``
  and ``Total_Detection_Time`` (``Total Detection Time: 0 Seconds``, the evaluation's
  whole seconds): timing; ``rewritten_bbox`` (the running share of ground-truth boxes
  overwritten by another in the same cell, a statistic of the labels, kept by nothing);
  ``ap``.
- Not metrics: ``images`` (the images seen), ``1/30`` (the iteration count),
  ``total_bbox`` (the running count of ground-truth boxes), the layer table (`` 0 conv
  16 3 x 3/ 1 ...``: filters, sizes, BFLOPS; `` 17 route 13``: the layers routed),
  ``Resizing, random_coef = 1.40``, ``160 x 160``, ``detections_count``,
  ``unique_truth_count``, ``rank``.
- On a pipe, the evaluation's image counter (``\\r%d`` on stderr, every 4th image) runs
  into the next line: ``\\r4\\r8Total Detection Time: 1 Seconds``; stdout's blocks and
  stderr's lines interleave as they were flushed (stdout's `` Prepare additional network
  for mAP calculation...`` and what follows it up to the first summary come after the
  first iteration's ``v3`` lines).
- Determinism: ``train_detector`` seeds C's ``rand`` with ``time(0)`` (initial weights,
  augmentation, the loader's picks), so values differ between runs; each run's truth is
  that run's own record. The data set is the same every run.
"""
# zoo-venv: darknet

from __future__ import annotations

import os
import random
import subprocess
import sys
from pathlib import Path

from _truth import series, write_truth
from _verbatim import git_blob_id, with_lines
from PIL import Image, ImageDraw

SOURCE_REPO = "AlexeyAB/darknet"
SOURCE_COMMIT = "59596d7880f6504768df41d6daa586f5cb2b932f"
VERSION = "0.2.5.7"
REPOS = Path(os.environ.get("ZOO_REPOS", Path.home() / ".cache" / "exptrack-zoo" / "repos"))
DARKNET = REPOS / "darknet"
MAKE_ARGS = ["GPU=0", "CUDNN=0", "OPENCV=0", "OPENMP=0", "AVX=1"]
RECORD_ENV = "ZOO_DARKNET_RECORD"
# git blob ids of the stock files at SOURCE_COMMIT
BLOBS = {
    "src/detector.c": "115e9323c453569215a7a8fbd520f7628166e3e8",
    "src/yolo_layer.c": "de9d0990455ffc11614edde3816daac371ecd60f",
    "cfg/yolov3-tiny.cfg": "cfca3cfa6415b7b61eae238aa71107dedbe5d607",
}


def _record(indent: str, fmt: str, args: str) -> str:
    """C lines appending one tab-separated row to $ZOO_DARKNET_RECORD (if set)."""
    return (f"{indent}{{ FILE *zoo_fp = getenv(\"{RECORD_ENV}\") ? "
            f"fopen(getenv(\"{RECORD_ENV}\"), \"a\") : NULL;  // zoo: the values just printed\n"
            f"{indent}  if (zoo_fp) {{ fprintf(zoo_fp, \"{fmt}\\n\", {args}); "
            f"fclose(zoo_fp); }} }}\n")


# the record: C lines added right after the print whose values they keep (anchor -> lines);
# no line of the stock text changed
RECORD_LINES = {
    "src/detector.c": {
        # train_detector: the iteration's summary
        '        printf("\\n %d: %f, %f avg loss, %f rate, %lf seconds, %d images, %f hours '
        'left\\n", iteration, loss, avg_loss, get_current_rate(net), (what_time_is_it_now() - '
        'time), iteration*imgs, avg_time);\n':
            _record("        ", "iteration\\t%d\\t%.9g\\t%.9g\\t%.9g",
                    "iteration, loss, avg_loss, get_current_rate(net)"),
        # train_detector: -map's result
        '            printf("\\n mean_average_precision (mAP@%0.2f) = %f \\n", iou_thresh, '
        'mean_average_precision);\n':
            _record("            ", "train_map\\t%d\\t%.9g\\t%.9g",
                    "iteration, iou_thresh, mean_average_precision"),
        # validate_detector_map: a class's row
        '            i, names[i], avg_precision * 100, tp_for_thresh_per_class[i], '
        'fp_for_thresh_per_class[i]);\n':
            _record("        ", "class\\t%d\\t%s\\t%.9g\\t%d\\t%d",
                    "i, names[i], avg_precision, tp_for_thresh_per_class[i], "
                    "fp_for_thresh_per_class[i]"),
        "        thresh_calc_avg_iou, cur_precision, cur_recall, f1_score);\n":
            _record("    ", "prf\\t%.9g\\t%.9g\\t%.9g\\t%.9g",
                    "thresh_calc_avg_iou, cur_precision, cur_recall, f1_score"),
        "        thresh_calc_avg_iou, tp_for_thresh, fp_for_thresh, unique_truth_count - "
        "tp_for_thresh, avg_iou * 100);\n":
            _record("    ", "iou\\t%.9g\\t%d\\t%d\\t%d\\t%.9g",
                    "thresh_calc_avg_iou, tp_for_thresh, fp_for_thresh, "
                    "unique_truth_count - tp_for_thresh, avg_iou"),
        '    printf(" mean average precision (mAP@%0.2f) = %f, or %2.2f %% \\n", iou_thresh, '
        'mean_average_precision, mean_average_precision * 100);\n':
            _record("    ", "map\\t%.9g\\t%.9g", "iou_thresh, mean_average_precision"),
    },
    "src/yolo_layer.c": {
        # forward_yolo_layer, show_details=0
        '            (l.iou_loss == MSE ? "mse" : (l.iou_loss == GIOU ? "giou" : "iou")), '
        'l.iou_normalizer, l.obj_normalizer, l.cls_normalizer, state.index, tot_iou / count, '
        'count, loss);\n':
            _record("        ", "region\\t%d\\t%d\\t%.9g\\t%d\\tnan\\tnan\\t%.9g",
                    "*state.net.cur_iteration, state.index, tot_iou / count, count, loss"),
        # forward_yolo_layer, show_details=1 (the default)
        '            (l.iou_loss == MSE ? "mse" : (l.iou_loss == GIOU ? "giou" : "iou")), '
        'l.iou_normalizer, l.obj_normalizer, l.cls_normalizer, state.index, tot_iou / count, '
        'count, classification_loss, iou_loss, loss);\n':
            _record("        ", "region\\t%d\\t%d\\t%.9g\\t%d\\t%.9g\\t%.9g\\t%.9g",
                    "*state.net.cur_iteration, state.index, tot_iou / count, count, "
                    "classification_loss, iou_loss, loss"),
    },
}

CLASSES = ["red", "blue"]
COLOURS = [(220, 30, 30), (30, 60, 220)]
SIZE = 96
TRAIN_IMAGES, VALID_IMAGES = 32, 8
MAX_BATCHES = 30
# README step 1's changes to cfg/yolov3-tiny.cfg (old -> new, each found the times given)
CFG_CHANGES = [
    ("batch=1\nsubdivisions=1\n", "batch=8\nsubdivisions=2\n", 1),
    ("width=416\nheight=416\n", f"width={SIZE}\nheight={SIZE}\n", 1),
    ("burn_in=1000\n", "burn_in=100\n", 1),
    ("max_batches = 500200\n", f"max_batches = {MAX_BATCHES}\n", 1),
    ("steps=400000,450000\n", "steps=24,27\n", 1),
    ("filters=255\n", "filters=21\n", 2),
    ("classes=80\n", "classes=2\n", 2),
]


def stock_text(rel: str, text: str) -> str:
    """The file's text without the case's lines (the stock text when they are all in)."""
    for anchor, lines in RECORD_LINES.get(rel, {}).items():
        text = text.replace(anchor + lines, anchor)
    return text


def check_stock(rel: str) -> str:
    text = (DARKNET / rel).read_text(encoding="utf-8")
    if git_blob_id(stock_text(rel, text)) != BLOBS[rel]:
        sys.exit(f"{DARKNET / rel} is not {SOURCE_REPO}'s at {SOURCE_COMMIT} (unpack it with "
                 f"git archive {SOURCE_COMMIT[:8]})")
    return text


def build(force: bool = False) -> Path:
    """Add the record lines to the unpacked repository (once) and make the binary when it
    is missing or older than the sources; make's output to zoo_build.log."""
    binary = DARKNET / "darknet"
    changed = force
    for rel in RECORD_LINES:
        text = check_stock(rel)
        patched = with_lines(stock_text(rel, text), RECORD_LINES[rel])
        if text != patched:
            (DARKNET / rel).write_text(patched, encoding="utf-8")
            changed = True
        if binary.exists() and (DARKNET / rel).stat().st_mtime > binary.stat().st_mtime:
            changed = True
    if changed or not binary.exists():
        with open(DARKNET / "zoo_build.log", "w", encoding="utf-8") as log:
            subprocess.run(["make", "clean"], cwd=DARKNET, stdout=log, stderr=log, check=True)
            subprocess.run(["make", f"-j{os.cpu_count() or 2}", *MAKE_ARGS], cwd=DARKNET,
                           stdout=log, stderr=log, check=True)
    return binary


def write_data(seed: int = 0) -> None:
    """README steps 2-6: images with their YOLO label files, the lists, names and data."""
    rng = random.Random(seed)
    folder = Path("data") / "obj"
    folder.mkdir(parents=True, exist_ok=True)

    def images(count: int, prefix: str) -> list[str]:
        paths = []
        for index in range(count):
            image = Image.new("RGB", (SIZE, SIZE), tuple(rng.randint(90, 160) for _ in range(3)))
            draw = ImageDraw.Draw(image)
            labels = []
            for _ in range(rng.randint(1, 3)):
                cls = rng.randrange(len(CLASSES))
                w, h = rng.randint(20, 44), rng.randint(20, 44)
                x0, y0 = rng.randint(0, SIZE - w), rng.randint(0, SIZE - h)
                draw.rectangle([x0, y0, x0 + w - 1, y0 + h - 1], fill=COLOURS[cls])
                labels.append(f"{cls} {(x0 + w / 2) / SIZE:.6f} {(y0 + h / 2) / SIZE:.6f} "
                              f"{w / SIZE:.6f} {h / SIZE:.6f}\n")
            path = folder / f"{prefix}{index:03d}.jpg"
            image.save(path, quality=95)
            path.with_suffix(".txt").write_text("".join(labels))
            paths.append(f"{path.as_posix()}\n")
        return paths

    Path("data/train.txt").write_text("".join(images(TRAIN_IMAGES, "train")))
    Path("data/valid.txt").write_text("".join(images(VALID_IMAGES, "valid")))
    Path("data/obj.names").write_text("".join(f"{name}\n" for name in CLASSES))
    Path("data/obj.data").write_text(f"classes = {len(CLASSES)}\ntrain  = data/train.txt\n"
                                     "valid  = data/valid.txt\nnames = data/obj.names\n"
                                     "backup = backup/\n")
    Path("backup").mkdir(exist_ok=True)


def write_cfg() -> None:
    text = check_stock("cfg/yolov3-tiny.cfg")
    for old, new, times in CFG_CHANGES:
        assert text.count(old) == times, old
        text = text.replace(old, new)
    Path("cfg").mkdir(exist_ok=True)
    Path("cfg/yolov3-tiny_obj.cfg").write_text(text)


def read_record(path: Path) -> dict[str, list[list[str]]]:
    rows: dict[str, list[list[str]]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        kind, *fields = line.split("\t")
        rows.setdefault(kind, []).append(fields)
    return rows


def main() -> None:
    if not (DARKNET / "Makefile").exists():
        sys.exit(f"needs {SOURCE_REPO} at {SOURCE_COMMIT} unpacked under {DARKNET}")
    binary = build(force="--build" in sys.argv[1:])
    if "--build" in sys.argv[1:]:
        return
    write_data()
    write_cfg()
    record = Path("zoo_record.tsv").resolve()
    record.unlink(missing_ok=True)
    env = dict(os.environ, **{RECORD_ENV: str(record)})
    sys.stdout.flush()
    subprocess.run([str(binary), "detector", "train", "data/obj.data",
                    "cfg/yolov3-tiny_obj.cfg", "-dont_show", "-map"], env=env, check=True)

    rows = read_record(record)
    iterations = [(int(it), float(loss), float(avg), float(rate))
                  for it, loss, avg, rate in rows["iteration"]]
    assert [it for it, *_ in iterations] == list(range(1, MAX_BATCHES + 1)), iterations
    metrics = {
        "loss": series([(it, loss) for it, loss, _, _ in iterations], "step", tolerance=1e-6),
        "avg_loss": series([(it, avg) for it, _, avg, _ in iterations], "step", tolerance=1e-6),
    }
    layers: dict[int, list[tuple[int, float, float, float, float]]] = {}
    for cur, index, iou, _count, class_loss, iou_loss, total in rows["region"]:
        layers.setdefault(int(index), []).append(
            (int(cur) + 1, float(iou), float(class_loss), float(iou_loss), float(total)))
    for index, points in layers.items():
        assert len(points) == 2 * MAX_BATCHES, (index, len(points))
        for column, name in enumerate(["Avg_IOU", "class_loss", "iou_loss", "total_loss"], 1):
            metrics[f"Region_{index}_{name}"] = series(
                [(point[0], point[column]) for point in points], "step", tolerance=1e-6)
    # -map: one evaluation, after the last iteration
    (map_thresh, mean_ap), = [(float(a), float(b)) for a, b in rows["map"]]
    (train_iteration, _, train_map), = [(int(a), float(b), float(c))
                                        for a, b, c in rows["train_map"]]
    # validate_detector_map's double, returned to train_detector as a float: the same value
    assert train_iteration == MAX_BATCHES and abs(train_map - mean_ap) < 1e-9, rows["train_map"]
    (_, precision, recall, f1), = [[float(v) for v in row] for row in rows["prf"]]
    (_, tp, fp, fn, avg_iou), = rows["iou"]
    step = MAX_BATCHES
    metrics[f"mAP@{map_thresh:.2f}"] = series([(step, mean_ap)], "step", tolerance=1e-6)
    metrics["precision"] = series([(step, precision)], "step", tolerance=0.005)
    metrics["recall"] = series([(step, recall)], "step", tolerance=0.005)
    metrics["F1-score"] = series([(step, f1)], "step", tolerance=0.005)
    metrics["average_IoU"] = series([(step, 100 * float(avg_iou))], "step", tolerance=0.005)
    per_class = "; ".join(f"class {i} {name}: ap {float(ap):.6f} (TP {t}, FP {f})"
                          for i, name, ap, t, f in rows["class"])

    write_truth(
        "darknet (AlexeyAB)", f"{VERSION} ({SOURCE_COMMIT[:8]})",
        "the values darknet prints, appended by lines the case adds to its C source "
        "(src/detector.c: train_detector's iteration summary and mAP, validate_detector_map's "
        "rows; src/yolo_layer.c: forward_yolo_layer's per-layer line) to "
        f"${RECORD_ENV} (zoo_record.tsv)",
        metrics,
        also_ok=["rate", "seconds", "Loaded", "hours_left", "Total_Detection_Time",
                 "rewritten_bbox", "ap"],
        notes=f"binary: make {' '.join(MAKE_ARGS)} at {SOURCE_COMMIT[:8]} with the record "
              f"lines; -map at iteration {step} on {VALID_IMAGES} images: {per_class}; "
              f"conf_thresh 0.25: TP {tp}, FP {fp}, FN {fn}. Region_N_* points: two per "
              "iteration (subdivisions=2), step = the iteration the mini-batch belongs to",
    )


if __name__ == "__main__":
    main()

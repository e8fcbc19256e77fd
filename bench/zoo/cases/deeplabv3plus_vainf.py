"""VainF's DeepLabV3Plus-Pytorch (no pip package, no release: repository commit
4e1087de98bc49d55b9239ae92810ef7368660db, 2022-10-11, master's last; torch 2.14.1 and
torchvision 0.29.1, PyPI's CUDA builds, run on the CPU): its ``main.py``, run as its README
trains on Pascal VOC (``python main.py --model deeplabv3plus_mobilenet --enable_vis
--vis_port 28333 --gpu_id 0 --year 2012_aug --crop_val --lr 0.01 --crop_size 513
--batch_size 16 --output_stride 16``) less visdom's ``--enable_vis``/``--vis_port``, on
plain VOC 2012 (``--year 2012``, main.py's default: the ``SegmentationClass`` masks;
``2012_aug`` needs the extra ``SegmentationClassAug`` set) without ``--crop_val`` (its
default: whole validation images), with the options a tiny CPU run needs: ``--crop_size
64``, ``--batch_size 4``, ``--total_itrs 60`` (of 30k), ``--val_interval 20`` (of 100) and
``--lr 0.1`` (the README's Cityscapes command's; with the VOC command's 0.01 a MobileNetV2
from random weights still calls every pixel background after 60 iterations, and the three
validation blocks print the same four values). The data root is main.py's default,
``./datasets/data``; the ``poly`` schedule, ``cross_entropy`` loss and ``--random_seed 1``
are main.py's defaults. main.py also takes ``--print_interval`` (default 10) but never
reads it: the loop prints ``if (cur_itrs) % 10 == 0``, so the case does not pass it
(``--print_interval 5`` would still print every 10 iterations).
Files: ``main.py`` and the folders ``network/``, ``datasets/``, ``utils/`` and ``metrics/``
(main.py's imports), from ``$ZOO_REPOS/DeepLabV3Plus-Pytorch`` (default
``~/.cache/exptrack-zoo/repos/DeepLabV3Plus-Pytorch``, unpacked with ``git archive 4e1087de
main.py network datasets utils metrics requirements.txt | tar -x -C ...``), copied into the
cwd in the repository's layout and checked against git's blob id (main.py, before the
case's lines are added) and tree ids (the folders). main.py runs in-process (``runpy``, as
``__main__``, ``sys.argv`` as above, the cwd first on ``sys.path``). It seeds torch, numpy
and ``random`` with ``--random_seed`` 1 itself, and the two DataLoader workers of each
loader are seeded from torch's generator, so the values repeat on the CPU (the pipe and pty
runs record the same); only the times vary. ``utils/__init__.py`` imports
``utils/visualizer.py``, which imports ``visdom`` at the top, so visdom is installed though
no server is started or reached.
No pretrained backbone: main.py builds the model as ``network.modeling.__dict__[opts.model]
(num_classes=opts.num_classes, output_stride=opts.output_stride)``, and
``deeplabv3plus_mobilenet``'s own default is ``pretrained_backbone=True``, which
``mobilenet_v2`` turns into ``load_state_dict_from_url`` of torchvision's ImageNet
MobileNetV2 (``mobilenet_v2-b0353104.pth``; offline: an error). main.py has no option for it
(the README's way is the download), so the case imports the cwd's ``network`` package first
and puts in ``network.modeling`` a ``deeplabv3plus_mobilenet`` that calls the stock one with
``pretrained_backbone=False`` (random initialisation): no line of the verbatim text is
changed for it, and nothing is downloaded.
Data: ``VOCSegmentation(root='./datasets/data', year='2012')`` reads
``VOCdevkit/VOC2012/ImageSets/Segmentation/{train,val}.txt``, ``JPEGImages/<id>.jpg`` and
``SegmentationClass/<id>.png``; the case writes that layout (after the tree check of
``datasets/``): 40 training and 8 validation images of 80x60 (ids ``2012_000001`` ..), JPEGs
of a noisy grey background with one or two filled rectangles or ellipses of three VOC
classes (1 aeroplane, 7 car, 15 person), each class its own colour, and palette PNG masks as
VOC's (``voc_cmap``: 0 background, 255 a 2-pixel "void" border round each object), from
numpy's ``default_rng(0)``. Training batches of 4 (``drop_last=True``): 10 iterations an
epoch, 6 epochs for 60; validation one whole image a batch (main.py sets ``val_batch_size =
1`` for VOC without ``--crop_val``). About 16 s of CPU (20-55 s of wall time on a
2-core machine, most of it importing torch and saving the 42 MB checkpoints).

What it prints: ``Device: cpu``, ``Dataset: voc, Train set: 40, Val set: 8``, ``[!]
Retrain``, then every 10 iterations ``Epoch 1, Itrs 10/60, Loss=1.666046`` (the mean of the
last 10 batch losses, ``%f``), and every 20 iterations ``Model saved as
checkpoints/latest_deeplabv3plus_mobilenet_voc_os16.pth``, ``validation...``, validate()'s
tqdm bar on stderr (``tqdm(enumerate(loader))``, no total: ``0it [00:00, ?it/s]`` ..
``8it [00:00, 13.65it/s]``, each frame after a ``\\r``), then ``StreamSegMetrics.to_str``'s
block, which starts and ends with a newline::

    Overall Acc: 0.294811
    Mean Acc: 0.671581
    FreqW Acc: 0.148625
    Mean IoU: 0.387067

and ``Model saved as checkpoints/best_deeplabv3plus_mobilenet_voc_os16.pth`` when ``Mean
IoU`` beats the best so far (after the blocks at 20 and 40 here, not 60: 0.384760 <
0.406472). numpy warns once each on stderr (``.../metrics/stream_metrics.py:66:
RuntimeWarning: invalid value encountered in divide`` and the line it warns of; line 68 the
same) of the classes with no pixel in the validation images (0/0 in ``acc_cls`` and ``iu``,
which ``np.nanmean`` then skips). Under the pipe the bar's frames and the warnings (stderr)
fall among the stdout lines in another order than under the pty.

Truth: DeepLabV3Plus-Pytorch keeps no metrics file (its values go to visdom only with
``--enable_vis``, off here; the checkpoints hold ``best_score`` alone), so the values main.py
computes are the record: two lines added to the stock text (``RECORD_LINES``, no line
changed), each right after a print, append what it printed (``interval_loss`` of the
``Loss=`` line; ``val_score``, the dict ``StreamSegMetrics.get_results()`` returned, of the
validation block) to a list the case passes in (``runpy``'s ``init_globals``); nothing is
parsed from stdout. Judgement calls (docs/metrics.md):
- Names: ``Loss`` as printed; the four validation keys are ``get_results()``' own, printed
  as they are keyed (``"%s: %f" % (k, v)``), their space joined by ``_`` as the naming rule
  joins a phrase (``Overall Acc`` -> ``Overall_Acc``, ``Mean_Acc``, ``FreqW_Acc``,
  ``Mean_IoU``; one quantity whatever its spacing, docs "One quantity, one name"). No
  ``val_`` prefix: the block has no phase word before its names (``validation...`` is a
  line of its own, no label of the block's lines), and the keys carry none.
- ``Class IoU`` (the per-class dict) is in ``val_score`` but ``to_str`` skips it (its lines
  are commented out): not printed, not in the truth.
- Axis ``step``: ``cur_itrs``, the printed ``Itrs 10/60`` (counted from 1 over the whole
  run, not again each epoch), for ``Loss`` (10 .. 60, 6 points) and the validation keys
  (20, 40, 60, 3 points each; the block prints no step, the ``Itrs`` line just before it
  does); each point's epoch (``Epoch N``, ``cur_epochs``) is in ``notes``.
- Tolerances: every value prints ``%f`` -> 5e-7. ``Loss`` is the float32 numpy scalar
  ``interval_loss`` (the sum of 10 ``loss.detach().cpu().numpy()`` over 10), its float the
  value ``%f`` rounds.
- ``also_ok``: ``it/s`` (tqdm's rate of the validation bar), though docs/metrics.md keeps a
  bar's ``it/s`` no metric.
- Not metrics: ``Train set: 40``, ``Val set: 8`` (data set sizes), ``Epoch 1`` (the epoch
  counter), ``Itrs 10/60`` (the step and ``--total_itrs``), the bar's ``8it`` count.
"""
# zoo-venv: deeplabv3

import os
import runpy
import shutil
import sys
from pathlib import Path

import numpy as np
import torch
import torchvision
from _truth import series, write_truth
from _verbatim import git_blob_id, tree_id, with_lines
from PIL import Image, ImageDraw

SOURCE_REPO = "VainF/DeepLabV3Plus-Pytorch"
SOURCE_COMMIT = "4e1087de98bc49d55b9239ae92810ef7368660db"
MAIN_PY_BLOB = "129edaebac8bfc0c362f17d24615484f17360b1f"
TREES = {  # git's tree id of each folder at SOURCE_COMMIT
    "network": "370e98150c770d0a69c2e4065bdf1c12c8956ddb",
    "datasets": "456cac112a5d5307c4142ab39779348a807575b3",
    "utils": "83c91976d7b4c4f703b5ad3fa3a6cce8d639f305",
    "metrics": "18fa04c38b45db73fd28318c3458a27ea9296fd3",
}
TOTAL_ITRS, VAL_INTERVAL, BATCH = 60, 20, 4
TRAIN_IMAGES, VAL_IMAGES = 40, 8
WIDTH, HEIGHT = 80, 60
VAL_KEYS = ("Overall Acc", "Mean Acc", "FreqW Acc", "Mean IoU")
# three VOC classes (1 aeroplane, 7 car, 15 person), each drawn in its own colour
CLASS_COLOURS = {1: (200, 60, 40), 7: (40, 180, 70), 15: (60, 80, 210)}

# the record: lines added to main.py right after the prints whose values they keep (anchor ->
# the line after it); no line of the stock text changed. The loss line prints
# interval_loss; the validation block prints val_score, StreamSegMetrics.get_results()'s dict
RECORD_LINES = {
    "                      (cur_epochs, cur_itrs, opts.total_itrs, interval_loss))\n":
        "                ZOO_RECORD.append(('loss', cur_epochs, cur_itrs, float(interval_loss)))"
        "  # zoo: the values just printed\n",
    "                    ret_samples_ids=vis_sample_id)\n"
    "                print(metrics.to_str(val_score))\n":
        "                ZOO_RECORD.append(('val', cur_epochs, cur_itrs, {k: float(v) for k, v in"
        " val_score.items() if k != 'Class IoU'}))  # zoo: the values just printed\n",
}


def write_voc(root: Path, seed: int = 0) -> None:
    """Pascal VOC 2012's segmentation layout under ``root`` (``VOCdevkit/VOC2012``):
    ``JPEGImages/<id>.jpg``, ``SegmentationClass/<id>.png`` (palette PNGs, VOC's colour
    map: class indices, 255 the void border), ``ImageSets/Segmentation/{train,val}.txt``."""
    rng = np.random.default_rng(seed)
    voc = root / "VOCdevkit" / "VOC2012"
    images, masks = voc / "JPEGImages", voc / "SegmentationClass"
    splits = voc / "ImageSets" / "Segmentation"
    for folder in (images, masks, splits):
        folder.mkdir(parents=True, exist_ok=True)
    cmap = np.zeros((256, 3), dtype=np.uint8)  # voc_cmap(): bit-interleaved colours
    for i in range(256):
        r = g = b = 0
        c = i
        for j in range(8):
            r |= ((c >> 0) & 1) << (7 - j)
            g |= ((c >> 1) & 1) << (7 - j)
            b |= ((c >> 2) & 1) << (7 - j)
            c >>= 3
        cmap[i] = (r, g, b)
    ids = [f"2012_{i:06d}" for i in range(1, TRAIN_IMAGES + VAL_IMAGES + 1)]
    for name in ids:
        pixels = rng.normal(120, 25, (HEIGHT, WIDTH, 3))
        image = Image.fromarray(np.clip(pixels, 0, 255).astype(np.uint8))
        mask = Image.new("L", (WIDTH, HEIGHT), 0)
        draw, mask_draw = ImageDraw.Draw(image), ImageDraw.Draw(mask)
        for _ in range(int(rng.integers(1, 3))):
            cls = int(rng.choice(list(CLASS_COLOURS)))
            w, h = int(rng.integers(28, 60)), int(rng.integers(24, 46))
            x, y = int(rng.integers(0, WIDTH - w)), int(rng.integers(0, HEIGHT - h))
            box = (x, y, x + w, y + h)
            shape = "ellipse" if rng.random() < 0.5 else "rectangle"
            getattr(draw, shape)(box, fill=CLASS_COLOURS[cls])
            getattr(mask_draw, shape)(box, fill=255)  # VOC's void border round the object
            inner = (x + 2, y + 2, x + w - 2, y + h - 2)
            getattr(mask_draw, shape)(inner, fill=cls)
        image.save(images / f"{name}.jpg", quality=90)
        mask = mask.convert("P")
        mask.putpalette(cmap.flatten().tolist())
        mask.save(masks / f"{name}.png")
    (splits / "train.txt").write_text("\n".join(ids[:TRAIN_IMAGES]) + "\n")
    (splits / "val.txt").write_text("\n".join(ids[TRAIN_IMAGES:]) + "\n")


def main() -> None:
    repos = Path(os.environ.get("ZOO_REPOS", Path.home() / ".cache" / "exptrack-zoo" / "repos"))
    repo = repos / "DeepLabV3Plus-Pytorch"
    source = f"{SOURCE_REPO}@{SOURCE_COMMIT[:8]}"
    if not (repo / "main.py").is_file():
        sys.exit(f"needs {source} unpacked under {repo} (see this case's docstring)")
    text = (repo / "main.py").read_text(encoding="utf-8")
    if git_blob_id(text) != MAIN_PY_BLOB:
        sys.exit(f"{repo}/main.py is not {source}'s")
    Path("main.py").write_text(with_lines(text, RECORD_LINES), encoding="utf-8")
    for folder, tree in TREES.items():
        shutil.copytree(repo / folder, folder, ignore=shutil.ignore_patterns("__pycache__"))
        if tree_id(Path(folder)) != tree:
            sys.exit(f"{repo}/{folder} is not {source}'s")
    write_voc(Path("datasets/data"))  # main.py's default --data_root

    sys.path.insert(0, str(Path.cwd()))  # main.py's `import network`, as in its repo
    import network  # the cwd's package, as main.py imports it

    stock = network.modeling.deeplabv3plus_mobilenet

    def deeplabv3plus_mobilenet(num_classes=21, output_stride=8, pretrained_backbone=False):
        # main.py passes no pretrained_backbone (stock default True: an ImageNet download)
        return stock(num_classes=num_classes, output_stride=output_stride,
                     pretrained_backbone=pretrained_backbone)

    network.modeling.deeplabv3plus_mobilenet = deeplabv3plus_mobilenet

    record: list[tuple] = []
    sys.argv = ["main.py", "--model", "deeplabv3plus_mobilenet", "--dataset", "voc",
                "--year", "2012", "--crop_size", "64", "--batch_size", str(BATCH),
                "--total_itrs", str(TOTAL_ITRS), "--val_interval", str(VAL_INTERVAL),
                "--lr", "0.1", "--output_stride", "16", "--gpu_id", "0"]
    runpy.run_path("main.py", init_globals={"ZOO_RECORD": record}, run_name="__main__")

    # --- the truth: the values main.py printed, as its own variables held them ---
    losses = [row for row in record if row[0] == "loss"]
    vals = [row for row in record if row[0] == "val"]
    assert len(losses) == TOTAL_ITRS // 10 and len(vals) == TOTAL_ITRS // VAL_INTERVAL, record
    metrics = {"Loss": series([(itrs, loss) for _, _, itrs, loss in losses], "step",
                              tolerance=5e-7)}
    for key in VAL_KEYS:
        metrics[key.replace(" ", "_")] = series(
            [(itrs, score[key]) for _, _, itrs, score in vals], "step", tolerance=5e-7)
    write_truth(
        "DeepLabV3Plus-Pytorch", f"{source} (no release; torch {torch.__version__}, "
        f"torchvision {torchvision.__version__})",
        "main.py's interval_loss after each 'Loss=' print and val_score "
        "(StreamSegMetrics.get_results()) after each metrics.to_str print (lines the case "
        "adds after them)",
        metrics, also_ok=["it/s"],
        notes="epoch of each point: Loss " + ", ".join(
            f"itrs {itrs} epoch {epoch}" for _, epoch, itrs, _ in losses)
        + "; validation " + ", ".join(f"itrs {itrs} epoch {epoch}"
                                      for _, epoch, itrs, _ in vals))


if __name__ == "__main__":
    main()

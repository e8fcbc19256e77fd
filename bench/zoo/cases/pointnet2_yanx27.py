"""Pointnet_Pointnet2_pytorch (Xu Yan's PointNet/PointNet++ in PyTorch,
github.com/yanx27/Pointnet_Pointnet2_pytorch; no PyPI release, no tags: master at commit
eb64fe0b4c24055559cea26299cb485dcb43d8dd, 2022-08-30, its last) on the CPU build of torch
2.13.0 with tqdm 4.70.1 and numpy 2.4.6 (Python 3.11: the code needs nothing older; its
README tested PyTorch 1.6 on Python 3.7). Its ``train_classification.py``, ``provider.py``,
``data_utils/ModelNetDataLoader.py``, ``models/pointnet2_cls_ssg.py`` and
``models/pointnet2_utils.py`` at that commit are read from
``$ZOO_REPOS/Pointnet_Pointnet2_pytorch`` (default ``~/.cache/exptrack-zoo/repos``; ``git
--git-dir=<mirror> archive eb64fe0b -- train_classification.py provider.py data_utils models
| tar -x -C $ZOO_REPOS/Pointnet_Pointnet2_pytorch``), each checked against its git blob id
(229f49db, 56046916, b9cd9f56, 4e14ba6a, d13986ed), copied into the cwd in the repository's
layout and run in-process as the README runs it (``python train_classification.py --model
pointnet2_cls_ssg --log_dir pointnet2_cls_ssg``, with ``--num_category 10`` for ModelNet10):
``runpy`` of ``train_classification.py`` as ``__main__``, the cwd first on ``sys.path`` (as
``python train_classification.py`` puts its folder), ``sys.argv = [script, '--model',
'pointnet2_cls_ssg', '--use_cpu', '--epoch', '3', '--num_point', '256', '--batch_size', '8',
'--num_category', '10', '--log_dir', 'pointnet2_cls_ssg']``; every other flag at its default
(Adam at 0.001 with weight decay 1e-4, StepLR(20, 0.7), ``num_workers=10`` in both
DataLoaders, hard-coded). PointNet++ SSG (three set-abstraction levels, 512 and 128
centroids, then a global one) costs about 0.7 s of CPU a shape a training step here, so the
run is kept to 2 training batches an epoch: ``--num_category 10`` (one of the script's two
choices, the README's ModelNet10 setting) rather than 40, because ``test()`` averages the
per-class accuracy over all ``num_category`` rows and a category missing from the test set
makes it 0/0 (``Class Accuracy: nan``): 40 categories would need 40 test shapes an epoch.
No line of the script is changed for the CPU: ``--use_cpu`` skips every ``.cuda()``.
Seeds: the script seeds nothing; the case calls ``torch.manual_seed(0)`` (the weights, the
training loader's shuffle, its workers' seeds, the farthest-point sampling's random start,
dropout) and ``np.random.seed(0)`` (``provider``'s point dropout, scaling and shift, drawn
in the main process) first, so the run repeats. ``torch.load`` of a ``best_model.pth`` that
is not there fails into its ``except`` (``No existing model, starting training from
scratch...``); ``torch.save`` writes ``checkpoints/best_model.pth`` (about 17 MB) when the
test instance accuracy is at least the best so far.
Data: the case writes ModelNet's resampled layout under ``data/modelnet40_normal_resampled/``
(the folder the script hard-codes): ``modelnet10_shape_names.txt`` (ModelNet10's ten
categories, bathtub .. toilet), ``modelnet10_train.txt`` and ``modelnet10_test.txt``
(``chair_0001`` a line; the loader takes the category from the id before its last ``_``)
and ``<category>/<id>.txt`` files of ``x,y,z,nx,ny,nz`` lines, comma-separated as
``np.loadtxt(..., delimiter=',')`` reads them: 2 training shapes and 1 test shape a
category, 300 points a shape (the loader keeps the first ``--num_point``, 256), jittered
ellipsoids whose radii the category fixes, from numpy's ``default_rng(0)``. The loader
reads those text files in its ``__getitem__``; it caches a pickle
(``modelnet10_<split>_256pts.dat``) only with ``--process_data``, not given, so none is
written. 20 training shapes make 2 batches of 8 (``drop_last=True`` drops 4); the 10 test
shapes make batches of 8 and 2. Nothing is downloaded. About 20-60 s here (2 cores, shared),
most of it the model's forward and backward passes on one thread.

What it prints: its ``log_string`` (``logger.info`` to the log file, then ``print``) gives
``PARAMETER ...``, the ``Namespace(use_cpu=True, gpu='0', batch_size=8, ...)``, ``Load
dataset ...``; the loader prints ``The size of train data is 20`` and ``The size of test
data is 10``; ``No existing model, starting training from scratch...``. Then an epoch::

    Epoch 1 (1/3):
    Train Instance Accuracy: 0.062500
    Test Instance Accuracy: 0.250000, Class Accuracy: 0.100000
    Best Instance Accuracy: 0.250000, Class Accuracy: 0.100000
    Saving at log/classification/pointnet2_cls_ssg/checkpoints/best_model.pth

(``Epoch %d (%d/%s):`` with ``global_epoch + 1`` and ``epoch + 1``, the same here; the
``Saving at`` line only when the test instance accuracy reached the best), with tqdm bars
on stderr for the training batches (``tqdm(..., total=len(trainDataLoader),
smoothing=0.9)``: ``100%|██████████| 2/2 [00:10<00:00,  5.24s/it]``) and the test batches,
``\\r``-redrawn: under a pipe a bar's last redraw and the next stdout line may share a line
(one capture held ``...5.25s/it]Train Instance Accuracy: 0.187500``). The logger's
``Start training...``, ``Save model...`` and ``End of training...`` go to the log file only.
``data_utils/ModelNetDataLoader.py`` calls ``warnings.filterwarnings('ignore')`` at import,
so torch's warnings (ten DataLoader workers on two cores, ``lr_scheduler.step()`` before
``optimizer.step()``) print nothing.

Truth: the script's logger writes ``log/classification/pointnet2_cls_ssg/logs/
pointnet2_cls_ssg.txt`` (``2026-12-07 22:48:24,971 - Model - INFO - Train Instance
Accuracy: 0.062500``), the framework's own record, kept in ``files/`` byte for byte; but it
holds the values as printed, ``%f``. So the values themselves come from three lines added to
the stock text (``RECORD_LINES``, no line changed), each right after a ``log_string`` call,
appending what that call formats (``train_instance_acc``; ``instance_acc, class_acc``;
``best_instance_acc, best_class_acc``) at full precision to a list the case passes in
(``runpy``'s ``init_globals``); nothing is parsed from stdout. Judgement calls
(docs/metrics.md):
- Names: Pointnet_Pointnet2_pytorch keeps no keys, so the names are what the documented
  rules give the printed words: the phase word ``Train``/``Test`` opening the line prefixes
  its names, lower-cased ("Phases": ``Training Loss`` -> ``training_loss``), and the words
  of a phrase are joined as printed ("Phrases": ``Epoch Time(s)`` -> ``Epoch_Time(s)``):
  ``train_Instance_Accuracy``, ``test_Instance_Accuracy``, and ``test_Class_Accuracy`` (the
  line's phase word labels both of its pairs, as ``Test: ... Loss ...`` does).
- ``Best Instance Accuracy: ..., Class Accuracy: ...`` repeats the running bests (the
  maxima of the test values so far; the case checks this against the record): no series of
  their own (bench/zoo/README.md), so ``Best_Instance_Accuracy`` and ``Best_Class_Accuracy``
  are in ``also_ok``. The line's second pair is the best class accuracy too: a name
  ``Class_Accuracy`` taken from it without its ``Best`` is no truth name.
- Counts: 3 of each, one an epoch; axis ``epoch``, the printed ``Epoch N`` (from 1).
- Values as computed: ``Train Instance Accuracy`` is the mean of the batches' accuracies
  (correct / 8); ``Test Instance Accuracy`` the mean of the test batches' accuracies, the
  batch of 2 weighted as the batch of 8 (so 0.0625 is one right of 8 and none of 2);
  ``Class Accuracy`` the mean over the ten categories of each category's mean batch
  accuracy.
- Tolerances: ``%f`` -> 5e-7.
- ``also_ok``: ``it/s`` and ``s/it``, the tqdm bars' rates.
- Not metrics: the ``Namespace`` settings, ``The size of train data is 20``, ``Epoch 1
  (1/3)`` (the epoch, and the epoch of the 3), the bars' counts, the checkpoint path.
"""
# zoo-venv: pointnet2

import os
import runpy
import sys
from pathlib import Path

import numpy as np
import torch
import tqdm
from _truth import series, write_truth
from _verbatim import git_blob_id, with_lines

SOURCE_REPO = "yanx27/Pointnet_Pointnet2_pytorch"
SOURCE_COMMIT = "eb64fe0b4c24055559cea26299cb485dcb43d8dd"
SCRIPT = "train_classification.py"
MODEL, LOG_DIR = "pointnet2_cls_ssg", "pointnet2_cls_ssg"
EPOCHS, BATCH, NUM_POINT, SEED = 3, 8, 256, 0
ARGS = ["--model", MODEL, "--use_cpu", "--epoch", str(EPOCHS), "--num_point", str(NUM_POINT),
        "--batch_size", str(BATCH), "--num_category", "10", "--log_dir", LOG_DIR]
DATA = Path("data/modelnet40_normal_resampled")
LOG_FILE = f"log/classification/{LOG_DIR}/logs/{MODEL}.txt"
# ModelNet10's 10 categories, in modelnet10_shape_names.txt's order
CLASSES = ["bathtub", "bed", "chair", "desk", "dresser", "monitor", "night_stand", "sofa",
           "table", "toilet"]
SPLITS = {"train": 2, "test": 1}  # shapes a category: 20 train (2 batches of 8, 4 dropped),
# 10 test (batches of 8 and 2): every category in the test set, or its class accuracy is nan
POINTS = 300  # points a shape file holds (the real ones hold 10,000); the first 256 are read

# the files at SOURCE_COMMIT train_classification.py needs, each with its git blob id
BLOBS = {
    "train_classification.py": "229f49db4a16377643d6eb9156eabf2b8d4fd094",
    "provider.py": "56046916e0797eaad5eeb040bb8b447e966554fd",
    "data_utils/ModelNetDataLoader.py": "b9cd9f5636eb2c90fce4660049686faf8462e38e",
    "models/pointnet2_cls_ssg.py": "4e14ba6a5ed6c7787c060c12aeeba8f6e1c01b2a",
    "models/pointnet2_utils.py": "d13986ed62f891f3676691a84d992f4265f80c25",
}
# the record: lines added to train_classification.py right after the log_string calls whose
# values they keep (anchor -> the line after it); no line of it changed
RECORD_LINES = {
    "        log_string('Train Instance Accuracy: %f' % train_instance_acc)\n":
        "        ZOO_RECORD.append(('train', epoch, float(train_instance_acc)))"
        "  # zoo: the value just printed\n",
    "            log_string('Test Instance Accuracy: %f, Class Accuracy: %f' % "
    "(instance_acc, class_acc))\n":
        "            ZOO_RECORD.append(('test', epoch, float(instance_acc), float(class_acc)))"
        "  # zoo: the values just printed\n",
    "            log_string('Best Instance Accuracy: %f, Class Accuracy: %f' % "
    "(best_instance_acc, best_class_acc))\n":
        "            ZOO_RECORD.append(('best', epoch, float(best_instance_acc), "
        "float(best_class_acc)))  # zoo: the values just printed\n",
}


def copy_repository(repo: Path) -> None:
    """The repository's files into the cwd, checked, with RECORD_LINES."""
    for rel, blob in BLOBS.items():
        text = (repo / rel).read_text(encoding="utf-8")
        if git_blob_id(text) != blob:
            sys.exit(f"{repo / rel} is not {SOURCE_REPO}'s at {SOURCE_COMMIT}")
        if rel == SCRIPT:
            text = with_lines(text, RECORD_LINES)
        Path(rel).parent.mkdir(parents=True, exist_ok=True)
        Path(rel).write_text(text, encoding="utf-8")


def write_modelnet(root: Path, seed: int = SEED) -> None:
    """ModelNet10's files in the resampled layout (modelnet40_normal_resampled):
    ``modelnet10_shape_names.txt`` (a category a line), ``modelnet10_{train,test}.txt``
    (``<category>_<NNNN>`` a line) and ``<category>/<category>_<NNNN>.txt``,
    ``x,y,z,nx,ny,nz`` a line (``%.6f``, as the real files). Shape of category c: points on
    an ellipsoid whose radii the category fixes, jittered, with the ellipsoid's normals."""
    rng = np.random.default_rng(seed)
    radii = 0.2 + 0.8 * np.random.default_rng(seed + 1).random((len(CLASSES), 3))
    root.mkdir(parents=True)
    (root / "modelnet10_shape_names.txt").write_text(
        "".join(f"{name}\n" for name in CLASSES), encoding="utf-8")
    lists: dict[str, list[str]] = {split: [] for split in SPLITS}
    for c, name in enumerate(CLASSES):
        (root / name).mkdir()
        number = 0
        for split, count in SPLITS.items():
            for _ in range(count):
                number += 1
                shape_id = f"{name}_{number:04d}"
                sphere = rng.normal(size=(POINTS, 3))
                sphere /= np.linalg.norm(sphere, axis=1, keepdims=True)
                cloud = sphere * radii[c] + 0.02 * rng.normal(size=(POINTS, 3))
                normal = sphere / radii[c]
                normal /= np.linalg.norm(normal, axis=1, keepdims=True)
                (root / name / f"{shape_id}.txt").write_text(
                    "".join(",".join(f"{v:.6f}" for v in row) + "\n"
                            for row in np.hstack([cloud, normal])), encoding="utf-8")
                lists[split].append(shape_id)
    for split, entries in lists.items():
        (root / f"modelnet10_{split}.txt").write_text(
            "".join(f"{entry}\n" for entry in entries), encoding="utf-8")


def main() -> None:
    repos = Path(os.environ.get("ZOO_REPOS", Path.home() / ".cache" / "exptrack-zoo" / "repos"))
    copy_repository(repos / "Pointnet_Pointnet2_pytorch")
    write_modelnet(DATA)

    # the script seeds nothing: torch's seed fixes the weights, the loaders' shuffle and
    # workers, the farthest-point sampling's start and dropout; numpy's the augmentations
    torch.manual_seed(SEED)
    np.random.seed(SEED)
    record: list[tuple] = []
    sys.path.insert(0, str(Path.cwd()))  # `python train_classification.py` puts its folder first
    sys.argv = [SCRIPT, *ARGS]
    runpy.run_path(SCRIPT, init_globals={"ZOO_RECORD": record}, run_name="__main__")

    rows = {phase: [row for row in record if row[0] == phase]
            for phase in ("train", "test", "best")}
    for phase in rows:
        assert [row[1] for row in rows[phase]] == list(range(EPOCHS)), rows
    # "Epoch 1 (1/3):" opens each epoch: its lines are at the epoch printed, from 1; "%f"
    tol = 5e-7
    metrics = {
        # "Train Instance Accuracy: 0.062500": the phase word, then the phrase as printed
        "train_Instance_Accuracy": series([(e + 1, v) for _, e, v in rows["train"]],
                                          tolerance=tol),
        # "Test Instance Accuracy: 0.250000, Class Accuracy: 0.100000": the line's phase
        # word labels both of its pairs
        "test_Instance_Accuracy": series([(e + 1, v) for _, e, v, _ in rows["test"]],
                                         tolerance=tol),
        "test_Class_Accuracy": series([(e + 1, v) for _, e, _, v in rows["test"]],
                                      tolerance=tol),
    }
    # "Best Instance Accuracy: ..., Class Accuracy: ...": the running bests, no series of
    # their own (bench/zoo/README.md); the record keeps them to check they are the maxima
    for k, (_, _, inst, cls) in enumerate(rows["best"]):
        assert inst == max(row[2] for row in rows["test"][:k + 1]), rows
        assert cls == max(row[3] for row in rows["test"][:k + 1]), rows
    write_truth(
        "Pointnet_Pointnet2_pytorch (yanx27)", f"repo {SOURCE_COMMIT[:12]}",
        "the values train_classification.py's log_string calls format (its logger file "
        f"{LOG_FILE} holds them as printed, %f), kept at full precision by lines added after "
        "them (RECORD_LINES)",
        metrics, files=[LOG_FILE],
        also_ok=["Best_Instance_Accuracy", "Best_Class_Accuracy", "it/s", "s/it"],
        notes=f"{SOURCE_REPO} at {SOURCE_COMMIT} (no release), torch {torch.__version__}, "
              f"tqdm {tqdm.__version__}, numpy {np.__version__}; {' '.join(ARGS)}")


if __name__ == "__main__":
    main()

"""Torchreid (KaiyangZhou/deep-person-reid: person re-identification on PyTorch) as PyPI has it,
``torchreid`` 0.2.5 ("Torchreid-Pip", upstream's 1.4.0 code repackaged under ``torchreid.reid``),
on torch 2.14.1 and torchvision 0.29.1 (CPU). The README's "30 seconds to Torchreid" quick
start as written (``torchreid.data.ImageDataManager(root="reid-data", ..., batch_size_test=100,
transforms=["random_flip", "random_crop"])``, ``build_model(..., loss="softmax")``, Adam at
lr 0.0003, ``single_step`` scheduler with ``stepsize=20``, ``ImageSoftmaxEngine(...,
label_smooth=True)``, ``engine.run(save_dir=..., eval_freq=10, print_freq=10,
test_only=False)``) on a data set of its own, registered as the user guide's "Use your own
dataset" says (its ``NewDataset(ImageDataset)`` template, ``dataset_dir = 'new_dataset'``,
``register_image_dataset('new_dataset', NewDataset)``, ``sources``/``targets``
``"new_dataset"``). Changes, for a tiny CPU run with nothing downloaded: ``osnet_x1_0`` (the
repository's own model) with ``pretrained=False`` for the quick start's ImageNet ``resnet50``,
no ``model.cuda()`` (the engine falls back to the CPU), 64x32 images (``height``/``width``) for
256x128, ``batch_size_train=8`` for 32 (so that ``print_freq=10`` prints: 20 batches an
epoch), ``max_epoch=2`` for 60 (``eval_freq=10`` then tests once, at the end), and
``torchreid.utils.set_random_seed(0)`` first (as upstream's ``scripts/main.py`` seeds). The
data: Market-1501's layout and names (``bounding_box_train/0003_c1_04.jpg``, ``query/``,
``bounding_box_test/``) written by the case before the data manager reads them: 16 training
identities with 5 shots from each of 2 cameras, 30 test identities with 1 query shot (camera
0) and 2 gallery shots (camera 1); each identity a 3-stripe "outfit" of a 5-colour palette
(colours repeat across identities), each shot with its own lighting, stripe edges and noise
(seeded numpy). ``NewDataset`` builds the three ``(img_path, pid, camid)`` lists from the
file names (training pids relabelled 0-15). The import is the PyPI package's path,
``from torchreid.reid.data import ImageDataset`` (the user guide's ``from torchreid.data
import ImageDataset`` fails there: ``torchreid.data`` is an attribute, not a module);
``torchreid.data.register_image_dataset`` etc. work as documented. Defaults otherwise (4
loader workers, so torch warns twice that 2 CPUs suggest 2). About 6 s of training.

What it prints (stdout; warnings on stderr): at import ``UserWarning: Cython evaluation (very
fast so highly recommended) is unavailable, now use python evaluation.`` (the sdist has no
compiled ``rank_cy``); the transforms (``Building train transforms ...``, ``+ resize to
64x32``, ``+ random crop (enlarge to 72x36 and crop 64x32)``, ``+ normalization (mean=[0.485,
...])``); the data set's table twice (train and test loading) and a summary::

    => Loaded NewDataset
      ----------------------------------------
      subset   | # ids | # images | # cameras
      ----------------------------------------
      train    |    16 |      160 |         2
      query    |    30 |       30 |         1
      gallery  |    30 |       60 |         1
      ----------------------------------------
      **************** Summary ****************
      source            : ['new_dataset']
      # source datasets : 1
      # source ids      : 16
      ...

then ``=> Start training`` and every 10th batch (tab-separated; ``time``/``data`` the batch's
seconds and their running mean, ``eta`` the time left, ``loss``/``acc`` the ``MetricMeter``'s
``'{} {:.4f} ({:.4f})'.format(name, meter.val, meter.avg)``: this batch's value, then the
epoch's running mean)::

    epoch: [1/2][10/20]  time 0.107 (0.122)  data 0.003 (0.010)  eta 0:00:03
        loss 2.6456 (2.7473)  acc 37.5000 (7.5000)  lr 0.000300

(one line; 4 of them), then ``=> Final test``, ``##### Evaluating new_dataset (source)
#####``, ``Extracting features from query set ...``, ``Done, obtained 30-by-512 matrix``, the
same for the gallery, ``Speed: 0.1721 sec/batch``, ``Computing distance matrix with
metric=euclidean ...``, ``Computing CMC and mAP ...`` and the results::

    ** Results **
    mAP: 58.4%
    CMC curve
    Rank-1  : 73.3%
    Rank-5  : 86.7%
    Rank-10 : 86.7%
    Rank-20 : 93.3%

and ``Checkpoint saved to "log/osnet_x1_0/model/model.pth.tar-2"``, ``Elapsed 0:00:05``.

Truth: the Engine's TensorBoard record, the event file its ``SummaryWriter(log_dir=save_dir)``
writes in ``log/osnet_x1_0/`` (listed in ``files``): after every batch ``Train/time``,
``Train/data`` (the running means of the batch and loading times), ``Train/loss``,
``Train/acc`` (``losses.meters[name].avg``: the epoch's running mean, the value in
parentheses) and ``Train/lr``, at step ``epoch * num_batches + batch_idx`` (0-39); at the
final test ``Test/new_dataset/rank1`` and ``Test/new_dataset/mAP`` (fractions) at step
``self.epoch``, the last epoch counted from 0 (1). Two printed quantities are in no file; the
case takes them from the framework's own returns, wrapped (nothing printed):
``ImageSoftmaxEngine.forward_backward``'s ``loss_summary`` (``{'loss': loss.item(), 'acc':
accuracy(...)}``, the batch's values the meter prints first), checked against the file (its
running means recomputed from them match ``Train/loss``/``Train/acc``), and
``metrics.evaluate_rank``'s ``(cmc, mAP)``, checked against ``Test/new_dataset/*``.
Judgements:
- ``loss``, ``acc``, ``lr`` (the ``loss_summary`` keys, the meter's and ``Train/``'s names, as
  printed), one point a printed line (steps 9, 19, 29, 39). ``loss`` and ``acc`` are the value
  printed right after the name, the batch's own (``meter.val``); the running mean in
  parentheses after it is the same quantity averaged over the epoch so far, the file's
  ``Train/loss``/``Train/acc`` (there at every batch). ``%.4f``: tolerance 5e-5. ``acc`` is
  top-1 training accuracy in percent (``correct * 100.0 / batch_size``). ``lr`` is the
  schedule's value (constant here: ``stepsize=20`` lies past the 2 epochs), the file's float32,
  ``%.6f``: 5e-7.
- ``mAP``, ``Rank-1``, ``Rank-5``, ``Rank-10``, ``Rank-20`` (the printed keys; docs/metrics.md:
  "Torchreid's ``Rank-1  : 13.2%``"), one point each at the final test (epoch 1 as the file
  keys it): ``evaluate_rank``'s mAP and ``cmc[r - 1]`` times 100 as ``{:.1%}`` prints them,
  tolerance 0.05. Only rank1 and mAP are in the file (as fractions: ``file_metrics``).
- ``file_metrics``: every scalar tag of the event file under its tag, its values as read
  (``rel_tolerance=1e-6``): ``Train/loss``, ``Train/acc``, ``Train/lr``, ``Train/time``,
  ``Train/data`` (40 points each; the last two are timings and change run to run, the file
  copied beside the output is the same run's), ``Test/new_dataset/rank1``,
  ``Test/new_dataset/mAP``.
- ``also_ok``: ``time``, ``data``, ``eta`` (seconds, timings and the time left),
  ``Speed`` (``sec/batch`` of feature extraction) and ``Elapsed`` (the run's wall time).
- Not metrics: the data set table's counts (``# ids``, ``# images``, ``# cameras``), the
  summary's, the transform sizes and normalisation constants, ``30-by-512``, ``[1/2][10/20]``
  (the epoch and batch counters), the checkpoint's name.
- Determinism: seeded (``set_random_seed(0)``: random, numpy, torch; the loader workers'
  seeds derive from torch's), every value repeats run to run, pipe and pty alike, except the
  timings (``time``, ``data``, ``eta``, ``Speed``, ``Elapsed``).
"""
# zoo-venv: torchreid

import glob
import os
import os.path as osp
import re

import numpy as np
import torchreid
from _records import tb_folder
from _truth import series, write_truth
from PIL import Image
from torchreid.reid.data import ImageDataset

torchreid.utils.set_random_seed(0)

# The data on disk, as a user's own set would be: Market-1501's layout and file names
# ("<pid>_c<camid>_<index>.jpg"), tiny synthetic people (below).
TRAIN_IDS, TRAIN_PER_CAM = 16, 5  # two cameras
TEST_IDS, QUERY_PER_ID, GALLERY_PER_ID = 30, 1, 2  # query from camera 0, gallery camera 1
HEIGHT, WIDTH = 64, 32
PALETTE = np.array([[200, 40, 40], [40, 160, 40], [40, 40, 200], [180, 180, 180], [60, 60, 60]])
rng = np.random.RandomState(0)


def write_person(pid, shots, root="reid-data/new_dataset"):
    """One person: a 3-stripe "outfit" (head, upper body, legs) from a 5-colour palette;
    each shot that outfit under its own lighting, stripe edges and noise."""
    outfit = PALETTE[rng.randint(0, len(PALETTE), size=3)]
    for folder, camid, count in shots:
        os.makedirs(osp.join(root, folder), exist_ok=True)
        for index in range(count):
            image = np.empty((HEIGHT, WIDTH, 3))
            cut1 = HEIGHT // 4 + rng.randint(-3, 4)
            cut2 = HEIGHT // 2 + rng.randint(-4, 5)
            image[:cut1], image[cut1:cut2], image[cut2:] = outfit
            image *= rng.uniform(0.6, 1.4)
            image += rng.normal(0, 60, size=image.shape)
            Image.fromarray(np.clip(image, 0, 255).astype(np.uint8)).save(
                osp.join(root, folder, f"{pid:04d}_c{camid}_{index:02d}.jpg"))


for pid in range(TRAIN_IDS):
    write_person(pid, [("bounding_box_train", 0, TRAIN_PER_CAM),
                       ("bounding_box_train", 1, TRAIN_PER_CAM)])
for pid in range(TRAIN_IDS, TRAIN_IDS + TEST_IDS):
    write_person(pid, [("query", 0, QUERY_PER_ID), ("bounding_box_test", 1, GALLERY_PER_ID)])


class NewDataset(ImageDataset):
    dataset_dir = 'new_dataset'

    def __init__(self, root='', **kwargs):
        self.root = osp.abspath(osp.expanduser(root))
        self.dataset_dir = osp.join(self.root, self.dataset_dir)

        def read(folder, relabel=False):
            paths = sorted(glob.glob(osp.join(self.dataset_dir, folder, '*.jpg')))
            items = [(path, *map(int, re.match(r'(\d+)_c(\d+)_', osp.basename(path)).groups()))
                     for path in paths]
            pids = {pid: label for label, pid in enumerate(sorted({p for _, p, _ in items}))}
            return [(path, pids[pid] if relabel else pid, camid) for path, pid, camid in items]

        train = read('bounding_box_train', relabel=True)
        query = read('query')
        gallery = read('bounding_box_test')

        super().__init__(train, query, gallery, **kwargs)


torchreid.data.register_image_dataset('new_dataset', NewDataset)

datamanager = torchreid.data.ImageDataManager(
    root="reid-data",
    sources="new_dataset",
    targets="new_dataset",
    height=HEIGHT,
    width=WIDTH,
    batch_size_train=8,
    batch_size_test=100,
    transforms=["random_flip", "random_crop"]
)

model = torchreid.models.build_model(
    name="osnet_x1_0",
    num_classes=datamanager.num_train_pids,
    loss="softmax",
    pretrained=False
)

optimizer = torchreid.optim.build_optimizer(
    model,
    optim="adam",
    lr=0.0003
)

scheduler = torchreid.optim.build_lr_scheduler(
    optimizer,
    lr_scheduler="single_step",
    stepsize=20
)

engine = torchreid.engine.ImageSoftmaxEngine(
    datamanager,
    model,
    optimizer=optimizer,
    scheduler=scheduler,
    label_smooth=True
)

# The truth's two values the event file lacks (nothing printed): each batch's
# ``loss_summary`` (the value a line prints before the running mean) and the CMC curve.
batch_summaries = []
forward_backward = engine.forward_backward


def recording_forward_backward(data):
    summary = forward_backward(data)
    batch_summaries.append(dict(summary))
    return summary


engine.forward_backward = recording_forward_backward
evaluations = []
evaluate_rank = torchreid.metrics.evaluate_rank


def recording_evaluate_rank(*args, **kwargs):
    cmc, mAP = evaluate_rank(*args, **kwargs)
    evaluations.append((cmc.copy(), float(mAP)))
    return cmc, mAP


torchreid.metrics.evaluate_rank = recording_evaluate_rank

engine.run(
    save_dir="log/osnet_x1_0",
    max_epoch=2,
    eval_freq=10,
    print_freq=10,
    test_only=False
)

SAVE_DIR = "log/osnet_x1_0"
MAX_EPOCH, PRINT_FREQ, RANKS, DATASET = 2, 10, (1, 5, 10, 20), "new_dataset"
paths, scalars = tb_folder(SAVE_DIR)
num_batches = engine.num_batches
assert len(batch_summaries) == MAX_EPOCH * num_batches, len(batch_summaries)

# Train/<key> at step epoch * num_batches + batch_idx is the epoch's running mean (the
# meter's avg) of the loss_summary values: check the event file against the batches.
for key in ("loss", "acc"):
    steps, means = zip(*scalars["Train/" + key], strict=True)
    assert list(steps) == list(range(MAX_EPOCH * num_batches)), steps
    for epoch in range(MAX_EPOCH):
        total = 0.0
        for batch_idx in range(num_batches):
            step = epoch * num_batches + batch_idx
            total += batch_summaries[step][key]
            assert abs(means[step] - total / (batch_idx + 1)) <= 1e-6 * abs(means[step]) + 1e-9

printed = [epoch * num_batches + batch_idx for epoch in range(MAX_EPOCH)
           for batch_idx in range(num_batches) if (batch_idx + 1) % PRINT_FREQ == 0]
lr = dict(scalars["Train/lr"])
metrics = {
    # "{} {:.4f} ({:.4f})": the batch's value, then the running mean
    "loss": series(((step, batch_summaries[step]["loss"]) for step in printed), "step",
                   tolerance=5e-5),
    "acc": series(((step, batch_summaries[step]["acc"]) for step in printed), "step",
                  tolerance=5e-5),
    # "lr {lr:.6f}", the event file's float32
    "lr": series(((step, lr[step]) for step in printed), "step", tolerance=5e-7,
                 rel_tolerance=1e-6),
}
assert len(evaluations) == 1, len(evaluations)
cmc, mAP = evaluations[0]
(test_epoch, rank1), = scalars[f"Test/{DATASET}/rank1"]
(map_epoch, map_value), = scalars[f"Test/{DATASET}/mAP"]
assert test_epoch == map_epoch == MAX_EPOCH - 1, (test_epoch, map_epoch)
assert abs(rank1 - cmc[0]) <= 1e-6 and abs(map_value - mAP) <= 1e-6, (rank1, cmc[0], mAP)
# "mAP: {:.1%}", "Rank-{:<3}: {:.1%}": the fraction in percent, one decimal
metrics["mAP"] = series([(test_epoch, 100 * mAP)], "epoch", tolerance=0.05, rel_tolerance=1e-6)
for rank in RANKS:
    metrics[f"Rank-{rank}"] = series([(test_epoch, 100 * float(cmc[rank - 1]))], "epoch",
                                     tolerance=0.05, rel_tolerance=1e-6)
file_metrics = {tag: series(pairs, "step", rel_tolerance=1e-6) for tag, pairs in scalars.items()}
write_truth("torchreid", torchreid.__version__,
            f"{SAVE_DIR}/events.out.tfevents.* (the Engine's SummaryWriter: Train/* each batch, "
            f"Test/{DATASET}/rank1 and mAP at the final test); the batches' own loss_summary "
            "(ImageSoftmaxEngine.forward_backward's return) and the CMC curve "
            "(metrics.evaluate_rank's return), checked against the event file",
            metrics, files=[os.path.relpath(path) for path in paths],
            also_ok=["time", "data", "eta", "Speed", "Elapsed"],
            file_metrics=file_metrics,
            notes=f"pip package torchreid {torchreid.__version__} (torchreid.reid "
                  f"{torchreid.reid.__version__}); {num_batches} batches an epoch")

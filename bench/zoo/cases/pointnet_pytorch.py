"""Fei Xia's pointnet.pytorch (github.com/fxia22/pointnet.pytorch; no PyPI release, its
``setup.py`` says version 0.0.1 for ``pip install -e .``: master at commit
bafbf401e0af19be3262e448c59313fd2be0e421, 2023-03-23, its last) on the CPU build of torch
2.13.0 with tqdm 4.70.1, plyfile 1.1.5 (``pointnet/dataset.py`` imports it at the top; only
``ModelNetDataset`` reads .ply files) and numpy 2.4.6. Its ``utils/train_classification.py``,
``pointnet/__init__.py`` (empty), ``pointnet/dataset.py``, ``pointnet/model.py`` and
``misc/num_seg_classes.txt`` (which ``ShapeNetDataset`` reads from ``../misc/`` beside the
package) at that commit are held verbatim below (git blobs 9302eca7, e69de29b, 678460a3,
48de610c, bf3dd635), each checked against its git blob id (the script before the case's
changes), written into the cwd in the repository's layout and run in-process as the README
runs it (``python train_classification.py --dataset <dataset path> --nepoch=<number epochs>
--dataset_type <modelnet40 | shapenet>``): ``runpy`` of ``utils/train_classification.py`` as
``__main__`` with the cwd first on ``sys.path`` (what ``pip install -e .`` gives) and
``sys.argv = [script, '--dataset', 'shapenetcore_partanno_segmentation_benchmark_v0',
'--dataset_type', 'shapenet', '--nepoch', '2', '--batchSize', '8', '--num_points', '256']``;
every other flag at its default (``--workers 4``, ``--outf cls``, no ``--feature_transform``):
PointNetCls with its input transform net, Adam at 0.001, StepLR(20, 0.5), NLL loss. It
saves ``cls/cls_model_N.pth`` (6.5 MB each, state dicts) after each epoch.
The one change for the CPU: the script calls ``classifier.cuda()`` and, for each batch,
``points.cuda(), target.cuda()`` (three lines: training, the test batch, the final
evaluation), which the CPU build of torch refuses (``Torch not compiled with CUDA
enabled``); the case writes those 7 calls ``.cpu()`` (a no-op on CPU tensors) and changes
nothing else. ``model.py``'s ``iden.cuda()`` sits under ``if x.is_cuda:`` and is never
reached: unchanged. Seeds: the script seeds from ``opt.manualSeed = random.randint(1,
10000)`` (``random.seed`` and ``torch.manual_seed`` with it); the case seeds ``random`` with
0 first, so it prints ``Random Seed:  6312`` and the run repeats: torch's seed fixes the
initial weights, both loaders' shuffles and the four DataLoader workers' numpy seeds, which
draw ``ShapeNetDataset``'s point resampling, rotation and jitter.
Data: the case writes ShapeNet-part's layout (``shapenetcore_partanno_segmentation_
benchmark_v0/``: ``synsetoffset2category.txt`` with its 16 categories, ``Airplane
02691156`` .. ``Table 04379243``, the names ``misc/num_seg_classes.txt`` keys;
``train_test_split/shuffled_{train,val,test}_file_list.json`` of ``shape_data/<synset>/<id>``
entries; ``<synset>/points/<id>.pts``, ``x y z`` a line, and ``<synset>/points_label/<id>.seg``,
a part label a point, which ``__getitem__`` loads even for classification): 6 train, 1 val
and 2 test shapes a category (96 and 32: 12 training batches of 8, 4 test batches), 400
points a shape, jittered ellipsoids whose radii the category fixes, from numpy's
``default_rng(0)``. Nothing is downloaded. About 30-45 s here (2 cores), most of it the
DataLoader's four workers started for each test batch.

What it prints: ``print(opt)`` (``Namespace(batchSize=8, num_points=256, workers=4, ...)``),
``Random Seed:  6312``, for each data set ``ShapeNetDataset``'s ``{'Airplane': 0, 'Bag':
1, ...}`` (class indices) and ``{'Airplane': 4, 'Bag': 2, ...} 4`` (parts a category),
``96 32`` (the data sets' sizes), ``classes 16``; on stderr torch's ``UserWarning: This
DataLoader will create 4 worker processes in total. Our suggested max number of worker in
current system is 2, ...`` and ``UserWarning: Detected call of `lr_scheduler.step()` before
`optimizer.step()`...`` (the script steps its scheduler first). Then a line a batch, and
after batches 0 and 10 of each epoch (``i % 10 == 0``) one test batch of 8, its word in
ANSI blue (``blue = lambda x: '\\033[94m' + x + '\\033[0m'``), the same bytes in both modes::

    [0: 0/12] train loss: 2.837017 accuracy: 0.125000
    [0: 0/12] \\x1b[94mtest\\x1b[0m loss: 2.773920 accuracy: 0.000000
    [0: 1/12] train loss: 2.994166 accuracy: 0.000000

(``num_batch = len(dataset) / opt.batchSize``, 12.0, printed ``%d``), then the final
evaluation over the whole test set under a tqdm bar on stderr with no total
(``tqdm(enumerate(testdataloader, 0))``: ``4it [00:00,  4.20it/s]``, ``\\r``-redrawn) and
``final accuracy 0.0625``.

Truth: pointnet.pytorch keeps no record (no logger, no history; the checkpoints hold only
the weights), so the values the script computes are the record: three lines added to the
stock text (``RECORD_LINES``, beside the ``.cpu()`` change, no other line changed), each
right after a print, append what that print formats (``loss.item()``, ``correct.item() /
float(opt.batchSize)``; ``total_correct / float(total_testset)``) at full precision to a list
the case passes in (``runpy``'s ``init_globals``); nothing is parsed from stdout. Judgement
calls (docs/metrics.md):
- Names: ``train_loss``, ``train_accuracy``, ``test_loss``, ``test_accuracy``: each line's
  phase word opens it after its ``[epoch: batch/total]`` counter and is its only one, so it
  labels both of the line's names (the "Phases" rule, and "a phase word opening the first
  pair after a step's colon is the line's phase"); the test word's colour codes are no part
  of it. ``final_accuracy`` for ``final accuracy 0.0625`` ("Phrases": the words before a
  name that belong to it, a lone pair with a fraction).
- Counts: ``train_*`` 24 (12 batches x 2 epochs), ``test_*`` 4 (batches 0 and 10 of each
  epoch, each one test batch: ``next(enumerate(testdataloader, 0))``), ``final_accuracy`` 1.
- Axis: ``step`` for the batch lines, the printed batch ``i`` (from 0, starting again each
  epoch; the epoch is the bracket's first number, in ``notes``); ``epoch`` 1 for
  ``final_accuracy`` (the model after the last epoch, from 0).
- Accuracies as printed: fractions, the batch's correct count over ``opt.batchSize`` (every
  batch here is full).
- Tolerances: ``%f`` -> 5e-7 for the batch lines; ``final accuracy`` is ``"{}".format`` of a
  float, Python's repr, so exact.
- ``also_ok``: ``it/s`` and ``s/it``, the final tqdm bar's rate.
- Not metrics: the ``[0: 0/12]`` counter (epoch, batch, batches an epoch), ``Random Seed``,
  ``96 32``, ``classes 16``, the class-index and parts dicts, tqdm's ``4it`` count.
"""
# zoo-venv: pointnetpt

import json
import random
import runpy
import sys
from importlib.metadata import version
from pathlib import Path

import numpy as np
import torch
import tqdm
from _truth import series, write_truth
from _verbatim import git_blob_id, with_lines

SOURCE_REPO = "fxia22/pointnet.pytorch"
SOURCE_COMMIT = "bafbf401e0af19be3262e448c59313fd2be0e421"
SCRIPT = "utils/train_classification.py"
DATA = Path("shapenetcore_partanno_segmentation_benchmark_v0")
ARGS = ["--dataset", str(DATA), "--dataset_type", "shapenet", "--nepoch", "2", "--batchSize",
        "8", "--num_points", "256"]
EPOCHS, BATCH, SEED = 2, 8, 0
# ShapeNet-part's 16 categories and their synset offsets (synsetoffset2category.txt), as
# misc/num_seg_classes.txt names them; shapes a category in each split
CATEGORIES = [("Airplane", "02691156"), ("Bag", "02773838"), ("Cap", "02954340"),
              ("Car", "02958343"), ("Chair", "03001627"), ("Earphone", "03261776"),
              ("Guitar", "03467517"), ("Knife", "03624134"), ("Lamp", "03636649"),
              ("Laptop", "03642806"), ("Motorbike", "03790512"), ("Mug", "03797390"),
              ("Pistol", "03948459"), ("Rocket", "04099429"), ("Skateboard", "04225987"),
              ("Table", "04379243")]
SPLITS = {"train": 6, "val": 1, "test": 2}  # 96 train shapes: 12 batches; 32 test: 4
POINTS = 400  # points a shape (the real .pts files hold about 2,000-3,000)

# the record: lines added to train_classification.py right after what they keep (anchor ->
# the line after it); each appends the values the print before it formats, as computed
RECORD_LINES = {
    "        print('[%d: %d/%d] train loss: %f accuracy: %f' % (epoch, i, num_batch, "
    "loss.item(), correct.item() / float(opt.batchSize)))\n":
        "        ZOO_RECORD.append(('train', epoch, i, loss.item(), correct.item() / "
        "float(opt.batchSize)))  # zoo: the values just printed\n",
    "            print('[%d: %d/%d] %s loss: %f accuracy: %f' % (epoch, i, num_batch, "
    "blue('test'), loss.item(), correct.item()/float(opt.batchSize)))\n":
        "            ZOO_RECORD.append(('test', epoch, i, loss.item(), "
        "correct.item()/float(opt.batchSize)))  # zoo: the values just printed\n",
    'print("final accuracy {}".format(total_correct / float(total_testset)))':
        "\nZOO_RECORD.append(('final', epoch, None, None, total_correct / "
        "float(total_testset)))  # zoo: the value just printed\n",
}
# the one change for the CPU build of torch: each `.cuda()` (the model once, each batch's
# points and targets three times) is `.cpu()`, a no-op on CPU tensors
CUDA, CPU, CUDA_CALLS = ".cuda()", ".cpu()", 7


def write_shapenet(root: Path, seed: int = SEED) -> None:
    """ShapeNet-part's layout (shapenetcore_partanno_segmentation_benchmark_v0):
    ``synsetoffset2category.txt``, ``train_test_split/shuffled_{train,val,test}_file_list
    .json`` (``shape_data/<synset>/<id>`` entries) and, a category, ``<synset>/points/<id>.pts``
    (``x y z`` a line) and ``<synset>/points_label/<id>.seg`` (a part label a point, 1 up).
    Shape of category c: points on an ellipsoid whose radii the category fixes, jittered;
    each point's part the band of its height, up to the category's count of parts."""
    rng = np.random.default_rng(seed)
    radii = 0.2 + 0.8 * np.random.default_rng(seed + 1).random((len(CATEGORIES), 3))
    parts = dict(line.split("\t") for line in NUM_SEG_CLASSES_TXT.splitlines())
    (root / "train_test_split").mkdir(parents=True)
    (root / "synsetoffset2category.txt").write_text(
        "".join(f"{name}\t{synset}\n" for name, synset in CATEGORIES), encoding="utf-8")
    lists: dict[str, list[str]] = {split: [] for split in SPLITS}
    for c, (name, synset) in enumerate(CATEGORIES):
        (root / synset / "points").mkdir(parents=True)
        (root / synset / "points_label").mkdir(parents=True)
        for split, count in SPLITS.items():
            for _ in range(count):
                shape_id = "".join(rng.choice(list("0123456789abcdef"), 32))
                sphere = rng.normal(size=(POINTS, 3))
                sphere /= np.linalg.norm(sphere, axis=1, keepdims=True)
                cloud = sphere * radii[c] + 0.02 * rng.normal(size=(POINTS, 3))
                height = cloud[:, 1] / np.abs(cloud[:, 1]).max()
                label = 1 + np.minimum(((height + 1) / 2 * int(parts[name])).astype(int),
                                       int(parts[name]) - 1)
                (root / synset / "points" / f"{shape_id}.pts").write_text(
                    "".join(f"{x:.5f} {y:.5f} {z:.5f}\n" for x, y, z in cloud),
                    encoding="utf-8")
                (root / synset / "points_label" / f"{shape_id}.seg").write_text(
                    "".join(f"{v}\n" for v in label), encoding="utf-8")
                lists[split].append(f"shape_data/{synset}/{shape_id}")
    for split, entries in lists.items():
        order = rng.permutation(len(entries))
        (root / "train_test_split" / f"shuffled_{split}_file_list.json").write_text(
            json.dumps([entries[k] for k in order]), encoding="utf-8")


def main() -> None:
    for name, (text, blob) in FILES.items():
        if git_blob_id(text) != blob:
            sys.exit(f"{name} is not {SOURCE_REPO}'s at {SOURCE_COMMIT}")
        if name == SCRIPT:
            assert text.count(CUDA) == CUDA_CALLS, text.count(CUDA)
            text = with_lines(text.replace(CUDA, CPU), RECORD_LINES)
        Path(name).parent.mkdir(parents=True, exist_ok=True)
        Path(name).write_text(text, encoding="utf-8")
    write_shapenet(DATA)

    # the README's `pip install -e .` makes `pointnet` importable: the cwd holds it
    sys.path.insert(0, str(Path.cwd()))
    random.seed(SEED)  # train_classification.py draws its seed from random: fixed here
    record: list[tuple[str, int, int | None, float | None, float]] = []
    sys.argv = [SCRIPT, *ARGS]
    runpy.run_path(SCRIPT, init_globals={"ZOO_RECORD": record}, run_name="__main__")

    rows = {phase: [row for row in record if row[0] == phase]
            for phase in ("train", "test", "final")}
    batches = -(-SPLITS["train"] * len(CATEGORIES) // BATCH)  # 12, the last one full
    assert [row[1:3] for row in rows["train"]] == [
        (epoch, i) for epoch in range(EPOCHS) for i in range(batches)], rows
    assert [row[1:3] for row in rows["test"]] == [  # after batches 0 and 10: i % 10 == 0
        (epoch, i) for epoch in range(EPOCHS) for i in range(0, batches, 10)], rows
    assert len(rows["final"]) == 1, rows
    metrics = {}
    for phase in ("train", "test"):
        # "[0: 0/12] train loss: 2.837017 accuracy: 0.125000": the step, the printed i
        metrics[f"{phase}_loss"] = series([(i, loss) for _, _, i, loss, _ in rows[phase]],
                                          "step", tolerance=5e-7)
        metrics[f"{phase}_accuracy"] = series([(i, acc) for _, _, i, _, acc in rows[phase]],
                                              "step", tolerance=5e-7)
    # "final accuracy 0.0625": Python's repr of the float, after the last epoch
    metrics["final_accuracy"] = series([(EPOCHS - 1, rows["final"][0][4])], "epoch")
    write_truth(
        "pointnet.pytorch (fxia22)", f"repo {SOURCE_COMMIT[:12]}",
        "the values train_classification.py's train and test prints and its final accuracy "
        "print format, kept at full precision by lines added after them (RECORD_LINES)",
        metrics, also_ok=["it/s", "s/it"],
        notes=f"{SOURCE_REPO} at {SOURCE_COMMIT} (no release), torch {torch.__version__}, "
              f"tqdm {tqdm.__version__}, plyfile {version('plyfile')}, "
              f"numpy {np.__version__}; {' '.join(ARGS)}; `.cuda()` made `.cpu()`; "
              "steps are the printed batch i, from 0 each epoch: train_* at epoch 0 "
              "batches 0-11, then epoch 1 batches 0-11; test_* at epoch 0 batches 0 and "
              "10, then epoch 1 batches 0 and 10")


# utils/train_classification.py at SOURCE_COMMIT, verbatim (git blob 9302eca7)
TRAIN_CLASSIFICATION_PY = r'''from __future__ import print_function
import argparse
import os
import random
import torch
import torch.nn.parallel
import torch.optim as optim
import torch.utils.data
from pointnet.dataset import ShapeNetDataset, ModelNetDataset
from pointnet.model import PointNetCls, feature_transform_regularizer
import torch.nn.functional as F
from tqdm import tqdm


parser = argparse.ArgumentParser()
parser.add_argument(
    '--batchSize', type=int, default=32, help='input batch size')
parser.add_argument(
    '--num_points', type=int, default=2500, help='input batch size')
parser.add_argument(
    '--workers', type=int, help='number of data loading workers', default=4)
parser.add_argument(
    '--nepoch', type=int, default=250, help='number of epochs to train for')
parser.add_argument('--outf', type=str, default='cls', help='output folder')
parser.add_argument('--model', type=str, default='', help='model path')
parser.add_argument('--dataset', type=str, required=True, help="dataset path")
parser.add_argument('--dataset_type', type=str, default='shapenet', help="dataset type shapenet|modelnet40")
parser.add_argument('--feature_transform', action='store_true', help="use feature transform")

opt = parser.parse_args()
print(opt)

blue = lambda x: '\033[94m' + x + '\033[0m'

opt.manualSeed = random.randint(1, 10000)  # fix seed
print("Random Seed: ", opt.manualSeed)
random.seed(opt.manualSeed)
torch.manual_seed(opt.manualSeed)

if opt.dataset_type == 'shapenet':
    dataset = ShapeNetDataset(
        root=opt.dataset,
        classification=True,
        npoints=opt.num_points)

    test_dataset = ShapeNetDataset(
        root=opt.dataset,
        classification=True,
        split='test',
        npoints=opt.num_points,
        data_augmentation=False)
elif opt.dataset_type == 'modelnet40':
    dataset = ModelNetDataset(
        root=opt.dataset,
        npoints=opt.num_points,
        split='trainval')

    test_dataset = ModelNetDataset(
        root=opt.dataset,
        split='test',
        npoints=opt.num_points,
        data_augmentation=False)
else:
    exit('wrong dataset type')


dataloader = torch.utils.data.DataLoader(
    dataset,
    batch_size=opt.batchSize,
    shuffle=True,
    num_workers=int(opt.workers))

testdataloader = torch.utils.data.DataLoader(
        test_dataset,
        batch_size=opt.batchSize,
        shuffle=True,
        num_workers=int(opt.workers))

print(len(dataset), len(test_dataset))
num_classes = len(dataset.classes)
print('classes', num_classes)

try:
    os.makedirs(opt.outf)
except OSError:
    pass

classifier = PointNetCls(k=num_classes, feature_transform=opt.feature_transform)

if opt.model != '':
    classifier.load_state_dict(torch.load(opt.model))


optimizer = optim.Adam(classifier.parameters(), lr=0.001, betas=(0.9, 0.999))
scheduler = optim.lr_scheduler.StepLR(optimizer, step_size=20, gamma=0.5)
classifier.cuda()

num_batch = len(dataset) / opt.batchSize

for epoch in range(opt.nepoch):
    scheduler.step()
    for i, data in enumerate(dataloader, 0):
        points, target = data
        target = target[:, 0]
        points = points.transpose(2, 1)
        points, target = points.cuda(), target.cuda()
        optimizer.zero_grad()
        classifier = classifier.train()
        pred, trans, trans_feat = classifier(points)
        loss = F.nll_loss(pred, target)
        if opt.feature_transform:
            loss += feature_transform_regularizer(trans_feat) * 0.001
        loss.backward()
        optimizer.step()
        pred_choice = pred.data.max(1)[1]
        correct = pred_choice.eq(target.data).cpu().sum()
        print('[%d: %d/%d] train loss: %f accuracy: %f' % (epoch, i, num_batch, loss.item(), correct.item() / float(opt.batchSize)))

        if i % 10 == 0:
            j, data = next(enumerate(testdataloader, 0))
            points, target = data
            target = target[:, 0]
            points = points.transpose(2, 1)
            points, target = points.cuda(), target.cuda()
            classifier = classifier.eval()
            pred, _, _ = classifier(points)
            loss = F.nll_loss(pred, target)
            pred_choice = pred.data.max(1)[1]
            correct = pred_choice.eq(target.data).cpu().sum()
            print('[%d: %d/%d] %s loss: %f accuracy: %f' % (epoch, i, num_batch, blue('test'), loss.item(), correct.item()/float(opt.batchSize)))

    torch.save(classifier.state_dict(), '%s/cls_model_%d.pth' % (opt.outf, epoch))

total_correct = 0
total_testset = 0
for i,data in tqdm(enumerate(testdataloader, 0)):
    points, target = data
    target = target[:, 0]
    points = points.transpose(2, 1)
    points, target = points.cuda(), target.cuda()
    classifier = classifier.eval()
    pred, _, _ = classifier(points)
    pred_choice = pred.data.max(1)[1]
    correct = pred_choice.eq(target.data).cpu().sum()
    total_correct += correct.item()
    total_testset += points.size()[0]

print("final accuracy {}".format(total_correct / float(total_testset)))'''  # noqa: E501


# pointnet/__init__.py at SOURCE_COMMIT, verbatim (git blob e69de29b)
POINTNET_INIT_PY = r''''''


# pointnet/dataset.py at SOURCE_COMMIT, verbatim (git blob 678460a3)
POINTNET_DATASET_PY = r'''from __future__ import print_function
import torch.utils.data as data
import os
import os.path
import torch
import numpy as np
import sys
from tqdm import tqdm 
import json
from plyfile import PlyData, PlyElement

def get_segmentation_classes(root):
    catfile = os.path.join(root, 'synsetoffset2category.txt')
    cat = {}
    meta = {}

    with open(catfile, 'r') as f:
        for line in f:
            ls = line.strip().split()
            cat[ls[0]] = ls[1]

    for item in cat:
        dir_seg = os.path.join(root, cat[item], 'points_label')
        dir_point = os.path.join(root, cat[item], 'points')
        fns = sorted(os.listdir(dir_point))
        meta[item] = []
        for fn in fns:
            token = (os.path.splitext(os.path.basename(fn))[0])
            meta[item].append((os.path.join(dir_point, token + '.pts'), os.path.join(dir_seg, token + '.seg')))
    
    with open(os.path.join(os.path.dirname(os.path.realpath(__file__)), '../misc/num_seg_classes.txt'), 'w') as f:
        for item in cat:
            datapath = []
            num_seg_classes = 0
            for fn in meta[item]:
                datapath.append((item, fn[0], fn[1]))

            for i in tqdm(range(len(datapath))):
                l = len(np.unique(np.loadtxt(datapath[i][-1]).astype(np.uint8)))
                if l > num_seg_classes:
                    num_seg_classes = l

            print("category {} num segmentation classes {}".format(item, num_seg_classes))
            f.write("{}\t{}\n".format(item, num_seg_classes))

def gen_modelnet_id(root):
    classes = []
    with open(os.path.join(root, 'train.txt'), 'r') as f:
        for line in f:
            classes.append(line.strip().split('/')[0])
    classes = np.unique(classes)
    with open(os.path.join(os.path.dirname(os.path.realpath(__file__)), '../misc/modelnet_id.txt'), 'w') as f:
        for i in range(len(classes)):
            f.write('{}\t{}\n'.format(classes[i], i))

class ShapeNetDataset(data.Dataset):
    def __init__(self,
                 root,
                 npoints=2500,
                 classification=False,
                 class_choice=None,
                 split='train',
                 data_augmentation=True):
        self.npoints = npoints
        self.root = root
        self.catfile = os.path.join(self.root, 'synsetoffset2category.txt')
        self.cat = {}
        self.data_augmentation = data_augmentation
        self.classification = classification
        self.seg_classes = {}
        
        with open(self.catfile, 'r') as f:
            for line in f:
                ls = line.strip().split()
                self.cat[ls[0]] = ls[1]
        #print(self.cat)
        if not class_choice is None:
            self.cat = {k: v for k, v in self.cat.items() if k in class_choice}

        self.id2cat = {v: k for k, v in self.cat.items()}

        self.meta = {}
        splitfile = os.path.join(self.root, 'train_test_split', 'shuffled_{}_file_list.json'.format(split))
        #from IPython import embed; embed()
        filelist = json.load(open(splitfile, 'r'))
        for item in self.cat:
            self.meta[item] = []

        for file in filelist:
            _, category, uuid = file.split('/')
            if category in self.cat.values():
                self.meta[self.id2cat[category]].append((os.path.join(self.root, category, 'points', uuid+'.pts'),
                                        os.path.join(self.root, category, 'points_label', uuid+'.seg')))

        self.datapath = []
        for item in self.cat:
            for fn in self.meta[item]:
                self.datapath.append((item, fn[0], fn[1]))

        self.classes = dict(zip(sorted(self.cat), range(len(self.cat))))
        print(self.classes)
        with open(os.path.join(os.path.dirname(os.path.realpath(__file__)), '../misc/num_seg_classes.txt'), 'r') as f:
            for line in f:
                ls = line.strip().split()
                self.seg_classes[ls[0]] = int(ls[1])
        self.num_seg_classes = self.seg_classes[list(self.cat.keys())[0]]
        print(self.seg_classes, self.num_seg_classes)

    def __getitem__(self, index):
        fn = self.datapath[index]
        cls = self.classes[self.datapath[index][0]]
        point_set = np.loadtxt(fn[1]).astype(np.float32)
        seg = np.loadtxt(fn[2]).astype(np.int64)
        #print(point_set.shape, seg.shape)

        choice = np.random.choice(len(seg), self.npoints, replace=True)
        #resample
        point_set = point_set[choice, :]

        point_set = point_set - np.expand_dims(np.mean(point_set, axis = 0), 0) # center
        dist = np.max(np.sqrt(np.sum(point_set ** 2, axis = 1)),0)
        point_set = point_set / dist #scale

        if self.data_augmentation:
            theta = np.random.uniform(0,np.pi*2)
            rotation_matrix = np.array([[np.cos(theta), -np.sin(theta)],[np.sin(theta), np.cos(theta)]])
            point_set[:,[0,2]] = point_set[:,[0,2]].dot(rotation_matrix) # random rotation
            point_set += np.random.normal(0, 0.02, size=point_set.shape) # random jitter

        seg = seg[choice]
        point_set = torch.from_numpy(point_set)
        seg = torch.from_numpy(seg)
        cls = torch.from_numpy(np.array([cls]).astype(np.int64))

        if self.classification:
            return point_set, cls
        else:
            return point_set, seg

    def __len__(self):
        return len(self.datapath)

class ModelNetDataset(data.Dataset):
    def __init__(self,
                 root,
                 npoints=2500,
                 split='train',
                 data_augmentation=True):
        self.npoints = npoints
        self.root = root
        self.split = split
        self.data_augmentation = data_augmentation
        self.fns = []
        with open(os.path.join(root, '{}.txt'.format(self.split)), 'r') as f:
            for line in f:
                self.fns.append(line.strip())

        self.cat = {}
        with open(os.path.join(os.path.dirname(os.path.realpath(__file__)), '../misc/modelnet_id.txt'), 'r') as f:
            for line in f:
                ls = line.strip().split()
                self.cat[ls[0]] = int(ls[1])

        print(self.cat)
        self.classes = list(self.cat.keys())

    def __getitem__(self, index):
        fn = self.fns[index]
        cls = self.cat[fn.split('/')[0]]
        with open(os.path.join(self.root, fn), 'rb') as f:
            plydata = PlyData.read(f)
        pts = np.vstack([plydata['vertex']['x'], plydata['vertex']['y'], plydata['vertex']['z']]).T
        choice = np.random.choice(len(pts), self.npoints, replace=True)
        point_set = pts[choice, :]

        point_set = point_set - np.expand_dims(np.mean(point_set, axis=0), 0)  # center
        dist = np.max(np.sqrt(np.sum(point_set ** 2, axis=1)), 0)
        point_set = point_set / dist  # scale

        if self.data_augmentation:
            theta = np.random.uniform(0, np.pi * 2)
            rotation_matrix = np.array([[np.cos(theta), -np.sin(theta)], [np.sin(theta), np.cos(theta)]])
            point_set[:, [0, 2]] = point_set[:, [0, 2]].dot(rotation_matrix)  # random rotation
            point_set += np.random.normal(0, 0.02, size=point_set.shape)  # random jitter

        point_set = torch.from_numpy(point_set.astype(np.float32))
        cls = torch.from_numpy(np.array([cls]).astype(np.int64))
        return point_set, cls


    def __len__(self):
        return len(self.fns)

if __name__ == '__main__':
    dataset = sys.argv[1]
    datapath = sys.argv[2]

    if dataset == 'shapenet':
        d = ShapeNetDataset(root = datapath, class_choice = ['Chair'])
        print(len(d))
        ps, seg = d[0]
        print(ps.size(), ps.type(), seg.size(),seg.type())

        d = ShapeNetDataset(root = datapath, classification = True)
        print(len(d))
        ps, cls = d[0]
        print(ps.size(), ps.type(), cls.size(),cls.type())
        # get_segmentation_classes(datapath)

    if dataset == 'modelnet':
        gen_modelnet_id(datapath)
        d = ModelNetDataset(root=datapath)
        print(len(d))
        print(d[0])

'''  # noqa: E501, W291, W293


# pointnet/model.py at SOURCE_COMMIT, verbatim (git blob 48de610c)
POINTNET_MODEL_PY = r'''from __future__ import print_function
import torch
import torch.nn as nn
import torch.nn.parallel
import torch.utils.data
from torch.autograd import Variable
import numpy as np
import torch.nn.functional as F


class STN3d(nn.Module):
    def __init__(self):
        super(STN3d, self).__init__()
        self.conv1 = torch.nn.Conv1d(3, 64, 1)
        self.conv2 = torch.nn.Conv1d(64, 128, 1)
        self.conv3 = torch.nn.Conv1d(128, 1024, 1)
        self.fc1 = nn.Linear(1024, 512)
        self.fc2 = nn.Linear(512, 256)
        self.fc3 = nn.Linear(256, 9)
        self.relu = nn.ReLU()

        self.bn1 = nn.BatchNorm1d(64)
        self.bn2 = nn.BatchNorm1d(128)
        self.bn3 = nn.BatchNorm1d(1024)
        self.bn4 = nn.BatchNorm1d(512)
        self.bn5 = nn.BatchNorm1d(256)


    def forward(self, x):
        batchsize = x.size()[0]
        x = F.relu(self.bn1(self.conv1(x)))
        x = F.relu(self.bn2(self.conv2(x)))
        x = F.relu(self.bn3(self.conv3(x)))
        x = torch.max(x, 2, keepdim=True)[0]
        x = x.view(-1, 1024)

        x = F.relu(self.bn4(self.fc1(x)))
        x = F.relu(self.bn5(self.fc2(x)))
        x = self.fc3(x)

        iden = Variable(torch.from_numpy(np.array([1,0,0,0,1,0,0,0,1]).astype(np.float32))).view(1,9).repeat(batchsize,1)
        if x.is_cuda:
            iden = iden.cuda()
        x = x + iden
        x = x.view(-1, 3, 3)
        return x


class STNkd(nn.Module):
    def __init__(self, k=64):
        super(STNkd, self).__init__()
        self.conv1 = torch.nn.Conv1d(k, 64, 1)
        self.conv2 = torch.nn.Conv1d(64, 128, 1)
        self.conv3 = torch.nn.Conv1d(128, 1024, 1)
        self.fc1 = nn.Linear(1024, 512)
        self.fc2 = nn.Linear(512, 256)
        self.fc3 = nn.Linear(256, k*k)
        self.relu = nn.ReLU()

        self.bn1 = nn.BatchNorm1d(64)
        self.bn2 = nn.BatchNorm1d(128)
        self.bn3 = nn.BatchNorm1d(1024)
        self.bn4 = nn.BatchNorm1d(512)
        self.bn5 = nn.BatchNorm1d(256)

        self.k = k

    def forward(self, x):
        batchsize = x.size()[0]
        x = F.relu(self.bn1(self.conv1(x)))
        x = F.relu(self.bn2(self.conv2(x)))
        x = F.relu(self.bn3(self.conv3(x)))
        x = torch.max(x, 2, keepdim=True)[0]
        x = x.view(-1, 1024)

        x = F.relu(self.bn4(self.fc1(x)))
        x = F.relu(self.bn5(self.fc2(x)))
        x = self.fc3(x)

        iden = Variable(torch.from_numpy(np.eye(self.k).flatten().astype(np.float32))).view(1,self.k*self.k).repeat(batchsize,1)
        if x.is_cuda:
            iden = iden.cuda()
        x = x + iden
        x = x.view(-1, self.k, self.k)
        return x

class PointNetfeat(nn.Module):
    def __init__(self, global_feat = True, feature_transform = False):
        super(PointNetfeat, self).__init__()
        self.stn = STN3d()
        self.conv1 = torch.nn.Conv1d(3, 64, 1)
        self.conv2 = torch.nn.Conv1d(64, 128, 1)
        self.conv3 = torch.nn.Conv1d(128, 1024, 1)
        self.bn1 = nn.BatchNorm1d(64)
        self.bn2 = nn.BatchNorm1d(128)
        self.bn3 = nn.BatchNorm1d(1024)
        self.global_feat = global_feat
        self.feature_transform = feature_transform
        if self.feature_transform:
            self.fstn = STNkd(k=64)

    def forward(self, x):
        n_pts = x.size()[2]
        trans = self.stn(x)
        x = x.transpose(2, 1)
        x = torch.bmm(x, trans)
        x = x.transpose(2, 1)
        x = F.relu(self.bn1(self.conv1(x)))

        if self.feature_transform:
            trans_feat = self.fstn(x)
            x = x.transpose(2,1)
            x = torch.bmm(x, trans_feat)
            x = x.transpose(2,1)
        else:
            trans_feat = None

        pointfeat = x
        x = F.relu(self.bn2(self.conv2(x)))
        x = self.bn3(self.conv3(x))
        x = torch.max(x, 2, keepdim=True)[0]
        x = x.view(-1, 1024)
        if self.global_feat:
            return x, trans, trans_feat
        else:
            x = x.view(-1, 1024, 1).repeat(1, 1, n_pts)
            return torch.cat([x, pointfeat], 1), trans, trans_feat

class PointNetCls(nn.Module):
    def __init__(self, k=2, feature_transform=False):
        super(PointNetCls, self).__init__()
        self.feature_transform = feature_transform
        self.feat = PointNetfeat(global_feat=True, feature_transform=feature_transform)
        self.fc1 = nn.Linear(1024, 512)
        self.fc2 = nn.Linear(512, 256)
        self.fc3 = nn.Linear(256, k)
        self.dropout = nn.Dropout(p=0.3)
        self.bn1 = nn.BatchNorm1d(512)
        self.bn2 = nn.BatchNorm1d(256)
        self.relu = nn.ReLU()

    def forward(self, x):
        x, trans, trans_feat = self.feat(x)
        x = F.relu(self.bn1(self.fc1(x)))
        x = F.relu(self.bn2(self.dropout(self.fc2(x))))
        x = self.fc3(x)
        return F.log_softmax(x, dim=1), trans, trans_feat


class PointNetDenseCls(nn.Module):
    def __init__(self, k = 2, feature_transform=False):
        super(PointNetDenseCls, self).__init__()
        self.k = k
        self.feature_transform=feature_transform
        self.feat = PointNetfeat(global_feat=False, feature_transform=feature_transform)
        self.conv1 = torch.nn.Conv1d(1088, 512, 1)
        self.conv2 = torch.nn.Conv1d(512, 256, 1)
        self.conv3 = torch.nn.Conv1d(256, 128, 1)
        self.conv4 = torch.nn.Conv1d(128, self.k, 1)
        self.bn1 = nn.BatchNorm1d(512)
        self.bn2 = nn.BatchNorm1d(256)
        self.bn3 = nn.BatchNorm1d(128)

    def forward(self, x):
        batchsize = x.size()[0]
        n_pts = x.size()[2]
        x, trans, trans_feat = self.feat(x)
        x = F.relu(self.bn1(self.conv1(x)))
        x = F.relu(self.bn2(self.conv2(x)))
        x = F.relu(self.bn3(self.conv3(x)))
        x = self.conv4(x)
        x = x.transpose(2,1).contiguous()
        x = F.log_softmax(x.view(-1,self.k), dim=-1)
        x = x.view(batchsize, n_pts, self.k)
        return x, trans, trans_feat

def feature_transform_regularizer(trans):
    d = trans.size()[1]
    batchsize = trans.size()[0]
    I = torch.eye(d)[None, :, :]
    if trans.is_cuda:
        I = I.cuda()
    loss = torch.mean(torch.norm(torch.bmm(trans, trans.transpose(2,1)) - I, dim=(1,2)))
    return loss

if __name__ == '__main__':
    sim_data = Variable(torch.rand(32,3,2500))
    trans = STN3d()
    out = trans(sim_data)
    print('stn', out.size())
    print('loss', feature_transform_regularizer(out))

    sim_data_64d = Variable(torch.rand(32, 64, 2500))
    trans = STNkd(k=64)
    out = trans(sim_data_64d)
    print('stn64d', out.size())
    print('loss', feature_transform_regularizer(out))

    pointfeat = PointNetfeat(global_feat=True)
    out, _, _ = pointfeat(sim_data)
    print('global feat', out.size())

    pointfeat = PointNetfeat(global_feat=False)
    out, _, _ = pointfeat(sim_data)
    print('point feat', out.size())

    cls = PointNetCls(k = 5)
    out, _, _ = cls(sim_data)
    print('class', out.size())

    seg = PointNetDenseCls(k = 3)
    out, _, _ = seg(sim_data)
    print('seg', out.size())
'''  # noqa: E501


# misc/num_seg_classes.txt at SOURCE_COMMIT, verbatim (git blob bf3dd635)
NUM_SEG_CLASSES_TXT = r'''Airplane	4
Bag	2
Cap	2
Car	4
Chair	4
Earphone	3
Guitar	3
Knife	2
Lamp	4
Laptop	2
Motorbike	6
Mug	2
Pistol	3
Rocket	3
Skateboard	3
Table	3
'''


# what the case writes into the cwd, as the repository lays it out: path -> (its text at
# SOURCE_COMMIT, its git blob id there)
FILES = {
    "utils/train_classification.py":
        (TRAIN_CLASSIFICATION_PY, "9302eca7cc6bd420eb8830cf42830b03e3f01c2f"),
    "pointnet/__init__.py": (POINTNET_INIT_PY, "e69de29bb2d1d6434b8b29ae775ad8c2e48c5391"),
    "pointnet/dataset.py": (POINTNET_DATASET_PY, "678460a3644735c94eb464f4ad6b688efc05b2f3"),
    "pointnet/model.py": (POINTNET_MODEL_PY, "48de610c2f3cd882220eedd7734fca450c245fb6"),
    "misc/num_seg_classes.txt": (NUM_SEG_CLASSES_TXT, "bf3dd635817e98eceb0276b1d2699d49f13e6c47"),
}


if __name__ == "__main__":
    main()

"""zylo117's Yet-Another-EfficientDet-Pytorch (no release, no PyPI package: repository commit
15403b5371a64defb2a7c74e162c6e880a7f462c, 2020-12-22, master's last), its ``train.py``
training EfficientDet-D0 from scratch on the CPU, on torch 2.14.1 and torchvision 0.29.1
(PyPI's CUDA builds, run on the CPU) with tensorboardX 2.6.5 and tqdm 4.70.1.
Files: ``train.py`` held verbatim below (checked against its git blob id), written into the
cwd; the modules it imports (``backbone.py``, ``efficientdet/{dataset,loss,model,utils}.py``,
``efficientnet/*.py``, ``utils/utils.py``, ``utils/sync_batchnorm/{__init__,batchnorm,comm,
replicate}.py``) copied into the cwd from the repository unpacked under
``$ZOO_REPOS/Yet-Another-EfficientDet-Pytorch`` (``git archive 15403b53``; see
requirements-effdet.txt), each checked against its blob id. Run in-process as the README's
"Train a custom dataset from scratch" runs it (``runpy``, as ``__main__``, the cwd first on
``sys.path``)::

    python train.py -c 0 -p tiny -n 0 --batch_size 2 --num_epochs 2 --val_interval 1

- ``-c 0``: EfficientDet-D0, whose input size train.py fixes at 512 (``input_sizes[0]``; no
  option changes it: the 64x64 images are resized and padded to 512x512). From scratch: no
  ``--load_weights``, so train.py builds ``EfficientDetBackbone(...)`` with its default
  ``load_weights=False`` and the EfficientNet-B0 backbone is ``EffNet.from_pretrained(...,
  False)``, which skips ``load_pretrained_weights`` (nothing downloaded), then
  ``init_weights(model)`` (``[Info] initializing weights...``).
- The CPU: the project file's ``num_gpus: 0`` (the README's "0 means using cpu"; train.py
  has no ``--num_gpus`` option): it sets ``CUDA_VISIBLE_DEVICES=-1`` and leaves the model
  and batches on the CPU. No line of train.py or its modules is changed. One call is
  adapted outside them: train.py's ``ReduceLROnPlateau(optimizer, patience=3,
  verbose=True)`` names an argument torch 2.14 no longer has (``TypeError``), so the case
  puts a subclass in ``torch.optim.lr_scheduler`` that takes ``verbose`` and drops it
  (``verbose`` printed a line when the rate was cut, after 3 epochs without improvement:
  never in 2 epochs; later torch 2.x releases warned it was deprecated, then dropped it).
- ``-n 0``: the loader in the main process (the default 12 workers suit no 2-core runner);
  batch 2 (the default 12), lr 1e-4 AdamW (defaults), ``--save_interval`` 500 (never
  reached; the best validation's checkpoint goes to ``logs/tiny/``), 2 epochs of the
  default 500.
Data: ``datasets/tiny/`` in the README's layout (``train2017/``, ``val2017/``,
``annotations/instances_{train2017,val2017}.json``), written by ``_coco_images.write_coco``
(6 training and 2 validation 64x64 JPEGs, one or two coloured rectangles each, categories
``red``, ``green``, ``blue``), and ``projects/tiny.yml`` laid out as the repository's
``projects/coco.yml`` (its mean/std and anchors, ``obj_list: ['red', 'green', 'blue']``).
6 / 2 = 3 iterations an epoch, one validation batch. 20-35 s here (2-5 s an iteration).

What it prints: pycocotools' ``loading annotations into memory...`` / ``Done (t=0.00s)`` /
``creating index...`` / ``index created!`` for each set, ``[Info] initializing weights...``,
torch's ``UserWarning: Converting a tensor with requires_grad=True to a scalar may lead to
unexpected behavior.`` (train.py's ``float(loss)``, once), then per epoch a tqdm bar on
stderr (``from tqdm.autonotebook import tqdm``: the plain bar outside a notebook) whose
description train.py sets after each iteration, drawn again at the bar's update::

    Step: 1. Epoch: 0/2. Iteration: 2/3. Cls loss: 3.36242. Reg loss: 44.31105. Total loss:
    47.67347:  67%|██████▋   | 2/3 [00:08<00:03,  3.96s/it]

(one line; under the 120-column pty the bar is squeezed and its tail cut at the width,
``38.90271:  33%|▎| 1/3 [00:05<00``), and after each epoch's bar, on stdout::

    Val. Epoch: 0/2. Classification loss: 1.13197. Regression loss: 5.68322. Total loss: 6.81519

Truth: the framework's own record, train.py's tensorboardX ``SummaryWriter`` in
``logs/tiny/tensorboard/<time>/`` (every event file in ``files``), read back with
TensorBoard's loader (``_records.tb_scalars``): each training iteration
``add_scalars('Loss', {'train': loss}, step)``, ``Regression_loss`` and
``Classfication_loss`` (train.py's spelling) likewise, and ``add_scalar('learning_rate',
...)``; after each epoch's validation the same three with ``{'val': ...}`` at the step
reached. tensorboardX writes each ``add_scalars`` key to a run of its own,
``<time>/Loss/train/`` and ``<time>/Loss/val/``, under the one tag ``Loss`` (PyTorch's own
``SummaryWriter`` names the same runs ``Loss_train``, ``Loss_val``); the writer's own file
holds ``learning_rate``. The case asserts the tags, folders and steps. Judgement calls:
- ``file_metrics``, named as ``add_scalars``' series are (docs/metrics.md, TensorBoard
  files: one series a key, ``<tag>_<key>``, as ``torch_add_scalars``' ``Loss_train``;
  tensorboardX's folders ``Loss/train`` are the same call's series): ``Loss_train``,
  ``Regression_loss_train``, ``Classfication_loss_train`` (6 points, steps 0-5),
  ``Loss_val``, ``Regression_loss_val``, ``Classfication_loss_val`` (2 points, steps 3 and
  6), and ``learning_rate`` (6 points, never printed), exact as the files keep them.
- Printed names (``metrics``: what the output alone should give, by the naming rule; with
  the files read a printed name the merge ties to a file's series stands for it): the
  bar's ``Cls loss``, ``Reg loss``, ``Total loss`` -> ``Cls_loss``, ``Reg_loss``,
  ``Total_loss`` (phrases joined with ``_``), 6 points each at the printed ``Step:`` (the
  record's step), one an iteration however often the bar redraws it; the validation line's
  ``Val.`` opens the line and prefixes every name on it (docs/metrics.md, Phases;
  ``Training Loss`` -> ``training_loss``): ``val_classification_loss``,
  ``val_regression_loss``, ``val_total_loss``, 2 points each, axis ``epoch`` (the printed
  ``Epoch: 0/2``; the record keeps them at the step reached). The printed values are the
  same quantities as the file's (``Cls loss`` is ``Classfication_loss``/train, ``Total
  loss`` is ``Loss``/train), in other words: no naming rule ties the two spellings, so with
  the files read each is expected under its printed name as well, but for
  ``val_regression_loss``, which the file's ``Regression_loss_val`` answers to
  (``merge.file_keys``: a phase written last).
- Tolerances: the bar's ``{:.5f}`` of the float32 losses' ``.item()`` (the file keeps the
  same float32): 5e-6; the validation line's ``{:1.5f}`` of the float64 ``np.mean`` (the
  file keeps its float32): 5e-6 plus relative 1e-7.
- ``also_ok``: none needed; tqdm's ``s/it`` and times are the bar's timing.
- Not metrics: ``Step``, ``Epoch: 0/2`` and ``Iteration: 2/3`` (counters), pycocotools'
  ``Done (t=0.00s)`` (loading time).
- Determinism: train.py seeds torch (``torch.manual_seed(42)``: the initialisation and the
  loader's shuffle); the case seeds numpy (``Augmenter``'s flips), so the values repeat, pipe
  and pty alike.
"""
# zoo-venv: effdet

import glob
import os
import runpy
import shutil
import sys
from importlib.metadata import version
from pathlib import Path

import numpy as np
import torch
from _coco_images import CATEGORIES, write_coco
from _records import tb_scalars
from _truth import series, write_truth
from _verbatim import first_changed, git_blob_id

SOURCE_REPO = "zylo117/Yet-Another-EfficientDet-Pytorch"
SOURCE_COMMIT = "15403b5371a64defb2a7c74e162c6e880a7f462c"  # master's last, 2020-12-22
TRAIN_BLOB = "04133cb0c5cb47fe9d34680bdef02b5315f96b6e"  # train.py at SOURCE_COMMIT
# the modules train.py imports, copied from $ZOO_REPOS into the cwd, at their blob ids
MODULES = {
    "backbone.py": "26fdcf8c15d24608d9e616ff0f71c28bfcd09559",
    "efficientdet/dataset.py": "3c3de10446c87001bd96568f2d02b1c182253b16",
    "efficientdet/loss.py": "be7cac0a3b0b25e832aa83debe9d873cd81501d9",
    "efficientdet/model.py": "20dfaf2f28a50ccbd21c52a14c1fb80e201942d7",
    "efficientdet/utils.py": "50559b2d6e5c4bcf57e1540a5fe2d89ca5685c18",
    "efficientnet/__init__.py": "4c935605c27b6d6bdbb44a4cb80b46b5c7a15db3",
    "efficientnet/model.py": "743ccbbda15e0a3d17708af3ed67852d15988370",
    "efficientnet/utils.py": "d4bda2025c880be3653812dee753ee64ebb4fc7b",
    "efficientnet/utils_extra.py": "9b4227c0bbefd5e3c02ef968da7565641c590e47",
    "utils/sync_batchnorm/__init__.py": "a10989fbef38485841fdbd1af72f53062a7b556d",
    "utils/sync_batchnorm/batchnorm.py": "e1bf74feb5fa27f659110be91e97f99d862ad492",
    "utils/sync_batchnorm/comm.py": "922f8c4a3adaa9b32fdcaef09583be03b0d7eb2b",
    "utils/sync_batchnorm/replicate.py": "b71c7b8ed51a1d6c55b1f753bdd8d90bad79bd06",
    "utils/utils.py": "58a07fd453ff0b079b9baa772f8a4c3af08f8333",
}
PROJECT = "tiny"
TRAIN_IMAGES, VAL_IMAGES, BATCH, EPOCHS = 6, 2, 2, 2
ITERATIONS = TRAIN_IMAGES // BATCH  # an epoch (drop_last)
COMMAND = ["train.py", "-c", "0", "-p", PROJECT, "-n", "0", "--batch_size", str(BATCH),
           "--num_epochs", str(EPOCHS), "--val_interval", "1"]
# projects/<project>.yml as the repository's projects/coco.yml lays it out, on the CPU
# (the README: "num_gpus: 4  # 0 means using cpu, 1-N means using gpus"); obj_list in
# category_id order (one-indexed ids)
PROJECT_YML = f"""project_name: {PROJECT}  # also the folder name of the dataset that under data_path folder
train_set: train2017
val_set: val2017
num_gpus: 0

# mean and std in RGB order, actually this part should remain unchanged as long as your dataset is similar to coco.
mean: [0.485, 0.456, 0.406]
std: [0.229, 0.224, 0.225]

# this is coco anchors, change it if necessary
anchors_scales: '[2 ** 0, 2 ** (1.0 / 3.0), 2 ** (2.0 / 3.0)]'
anchors_ratios: '[(1.0, 1.0), (1.4, 0.7), (0.7, 1.4)]'

obj_list: {[name for _, name, _ in CATEGORIES]}
"""  # noqa: E501
TAGS = ("Loss", "Regression_loss", "Classfication_loss")  # train.py's add_scalars tags
# printed name -> the add_scalars tag of the same value (the bar's, the validation line's)
PRINTED_TRAIN = {"Cls_loss": "Classfication_loss", "Reg_loss": "Regression_loss",
                 "Total_loss": "Loss"}
PRINTED_VAL = {"val_classification_loss": "Classfication_loss",
               "val_regression_loss": "Regression_loss", "val_total_loss": "Loss"}


class ReduceLROnPlateau(torch.optim.lr_scheduler.ReduceLROnPlateau):
    """torch's scheduler, taking the ``verbose=True`` that train.py passes and torch 2.14 no
    longer has (it printed each cut of the rate: none in this run)."""

    def __init__(self, optimizer, *args, verbose=False, **kwargs):
        super().__init__(optimizer, *args, **kwargs)


def main() -> None:
    if git_blob_id(TRAIN_PY) != TRAIN_BLOB:
        sys.exit(f"train.py is not {SOURCE_REPO}'s at {SOURCE_COMMIT}")
    repos = Path(os.environ.get("ZOO_REPOS", Path.home() / ".cache" / "exptrack-zoo" / "repos"))
    repo = repos / "Yet-Another-EfficientDet-Pytorch"
    if (rel := first_changed(repo, MODULES)) is not None:
        sys.exit(f"{repo / rel} is not {SOURCE_REPO}'s at {SOURCE_COMMIT[:8]} (git archive "
                 f"{SOURCE_COMMIT[:8]} | tar -x -C {repo}; see requirements-effdet.txt)")
    for rel in MODULES:  # the repository's layout in the cwd, train.py beside them
        Path(rel).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(repo / rel, rel)
    Path("train.py").write_text(TRAIN_PY, encoding="utf-8")
    Path("projects").mkdir()
    Path(f"projects/{PROJECT}.yml").write_text(PROJECT_YML, encoding="utf-8")
    write_coco(Path("datasets") / PROJECT, {"train": TRAIN_IMAGES, "val": VAL_IMAGES}, ".jpg",
               polygons=False)

    torch.optim.lr_scheduler.ReduceLROnPlateau = ReduceLROnPlateau  # (see the class)
    np.random.seed(0)  # Augmenter's flips; train.py seeds torch itself
    sys.path.insert(0, str(Path.cwd()))  # train.py's `from backbone import ...`, as in its repo
    sys.argv = COMMAND
    runpy.run_path("train.py", run_name="__main__")

    # --- the truth: train.py's tensorboardX event files ---
    writers = glob.glob(f"logs/{PROJECT}/tensorboard/*/")
    assert len(writers) == 1, writers
    files = sorted(glob.glob(f"{writers[0]}**/events.out.tfevents.*", recursive=True))
    found: dict[str, list[tuple[int, float]]] = {}
    for path in files:
        run = Path(os.path.relpath(os.path.dirname(path), writers[0]))
        scalars = tb_scalars([path])
        if run == Path("."):  # the writer's own file: add_scalar('learning_rate', ...)
            assert list(scalars) == ["learning_rate"], sorted(scalars)
            found.update(scalars)
            continue
        # add_scalars(tag, {key: value}, step): tensorboardX's run <tag>/<key>/, the one tag
        ((tag, pairs),) = scalars.items()
        assert tag in TAGS and run.parts == (tag, run.name), (path, tag)
        found[f"{tag}_{run.name}"] = pairs
    train_steps = list(range(EPOCHS * ITERATIONS))
    val_steps = [ITERATIONS * (epoch + 1) for epoch in range(EPOCHS)]
    assert sorted(found) == sorted([*(f"{tag}_{key}" for tag in TAGS for key in ("train", "val")),
                                    "learning_rate"]), sorted(found)
    for name, pairs in found.items():
        assert [step for step, _ in pairs] == (val_steps if name.endswith("_val")
                                               else train_steps), (name, pairs)

    # the bar's "{:.5f}" of the float32 loss (the file's own number); the validation line's
    # "{:1.5f}" of the float64 mean (the file keeps its float32)
    metrics = {name: series(found[f"{tag}_train"], "step", tolerance=5e-6)
               for name, tag in PRINTED_TRAIN.items()}
    metrics.update({name: series([(epoch, value) for epoch, (_, value)
                                  in enumerate(found[f"{tag}_val"])], "epoch",
                                 tolerance=5e-6, rel_tolerance=1e-7)
                    for name, tag in PRINTED_VAL.items()})
    file_metrics = {name: series(pairs, "step") for name, pairs in found.items()}
    write_truth(
        "Yet-Another-EfficientDet-Pytorch", f"{SOURCE_COMMIT[:8]} (no release)",
        f"train.py's tensorboardX SummaryWriter, {writers[0].rstrip('/')}: add_scalars' runs "
        "<tag>/train/ (each iteration) and <tag>/val/ (each validation) for Loss, "
        "Regression_loss and Classfication_loss, and learning_rate in the writer's own file",
        metrics, files=files, file_metrics=file_metrics,
        notes=f"{SOURCE_REPO} at {SOURCE_COMMIT}; torch {torch.__version__}, torchvision "
              f"{version('torchvision')}, tensorboardX {version('tensorboardX')}, tqdm "
              f"{version('tqdm')}, pycocotools {version('pycocotools')}; command: python "
              f"{' '.join(COMMAND)}; {ITERATIONS} iterations an epoch")


# train.py at SOURCE_COMMIT, verbatim
TRAIN_PY = r"""# original author: signatrix
# adapted from https://github.com/signatrix/efficientdet/blob/master/train.py
# modified by Zylo117

import argparse
import datetime
import os
import traceback

import numpy as np
import torch
import yaml
from tensorboardX import SummaryWriter
from torch import nn
from torch.utils.data import DataLoader
from torchvision import transforms
from tqdm.autonotebook import tqdm

from backbone import EfficientDetBackbone
from efficientdet.dataset import CocoDataset, Resizer, Normalizer, Augmenter, collater
from efficientdet.loss import FocalLoss
from utils.sync_batchnorm import patch_replication_callback
from utils.utils import replace_w_sync_bn, CustomDataParallel, get_last_weights, init_weights, boolean_string


class Params:
    def __init__(self, project_file):
        self.params = yaml.safe_load(open(project_file).read())

    def __getattr__(self, item):
        return self.params.get(item, None)


def get_args():
    parser = argparse.ArgumentParser('Yet Another EfficientDet Pytorch: SOTA object detection network - Zylo117')
    parser.add_argument('-p', '--project', type=str, default='coco', help='project file that contains parameters')
    parser.add_argument('-c', '--compound_coef', type=int, default=0, help='coefficients of efficientdet')
    parser.add_argument('-n', '--num_workers', type=int, default=12, help='num_workers of dataloader')
    parser.add_argument('--batch_size', type=int, default=12, help='The number of images per batch among all devices')
    parser.add_argument('--head_only', type=boolean_string, default=False,
                        help='whether finetunes only the regressor and the classifier, '
                             'useful in early stage convergence or small/easy dataset')
    parser.add_argument('--lr', type=float, default=1e-4)
    parser.add_argument('--optim', type=str, default='adamw', help='select optimizer for training, '
                                                                   'suggest using \'admaw\' until the'
                                                                   ' very final stage then switch to \'sgd\'')
    parser.add_argument('--num_epochs', type=int, default=500)
    parser.add_argument('--val_interval', type=int, default=1, help='Number of epoches between valing phases')
    parser.add_argument('--save_interval', type=int, default=500, help='Number of steps between saving')
    parser.add_argument('--es_min_delta', type=float, default=0.0,
                        help='Early stopping\'s parameter: minimum change loss to qualify as an improvement')
    parser.add_argument('--es_patience', type=int, default=0,
                        help='Early stopping\'s parameter: number of epochs with no improvement after which training will be stopped. Set to 0 to disable this technique.')
    parser.add_argument('--data_path', type=str, default='datasets/', help='the root folder of dataset')
    parser.add_argument('--log_path', type=str, default='logs/')
    parser.add_argument('-w', '--load_weights', type=str, default=None,
                        help='whether to load weights from a checkpoint, set None to initialize, set \'last\' to load last checkpoint')
    parser.add_argument('--saved_path', type=str, default='logs/')
    parser.add_argument('--debug', type=boolean_string, default=False,
                        help='whether visualize the predicted boxes of training, '
                             'the output images will be in test/')

    args = parser.parse_args()
    return args


class ModelWithLoss(nn.Module):
    def __init__(self, model, debug=False):
        super().__init__()
        self.criterion = FocalLoss()
        self.model = model
        self.debug = debug

    def forward(self, imgs, annotations, obj_list=None):
        _, regression, classification, anchors = self.model(imgs)
        if self.debug:
            cls_loss, reg_loss = self.criterion(classification, regression, anchors, annotations,
                                                imgs=imgs, obj_list=obj_list)
        else:
            cls_loss, reg_loss = self.criterion(classification, regression, anchors, annotations)
        return cls_loss, reg_loss


def train(opt):
    params = Params(f'projects/{opt.project}.yml')

    if params.num_gpus == 0:
        os.environ['CUDA_VISIBLE_DEVICES'] = '-1'

    if torch.cuda.is_available():
        torch.cuda.manual_seed(42)
    else:
        torch.manual_seed(42)

    opt.saved_path = opt.saved_path + f'/{params.project_name}/'
    opt.log_path = opt.log_path + f'/{params.project_name}/tensorboard/'
    os.makedirs(opt.log_path, exist_ok=True)
    os.makedirs(opt.saved_path, exist_ok=True)

    training_params = {'batch_size': opt.batch_size,
                       'shuffle': True,
                       'drop_last': True,
                       'collate_fn': collater,
                       'num_workers': opt.num_workers}

    val_params = {'batch_size': opt.batch_size,
                  'shuffle': False,
                  'drop_last': True,
                  'collate_fn': collater,
                  'num_workers': opt.num_workers}

    input_sizes = [512, 640, 768, 896, 1024, 1280, 1280, 1536, 1536]
    training_set = CocoDataset(root_dir=os.path.join(opt.data_path, params.project_name), set=params.train_set,
                               transform=transforms.Compose([Normalizer(mean=params.mean, std=params.std),
                                                             Augmenter(),
                                                             Resizer(input_sizes[opt.compound_coef])]))
    training_generator = DataLoader(training_set, **training_params)

    val_set = CocoDataset(root_dir=os.path.join(opt.data_path, params.project_name), set=params.val_set,
                          transform=transforms.Compose([Normalizer(mean=params.mean, std=params.std),
                                                        Resizer(input_sizes[opt.compound_coef])]))
    val_generator = DataLoader(val_set, **val_params)

    model = EfficientDetBackbone(num_classes=len(params.obj_list), compound_coef=opt.compound_coef,
                                 ratios=eval(params.anchors_ratios), scales=eval(params.anchors_scales))

    # load last weights
    if opt.load_weights is not None:
        if opt.load_weights.endswith('.pth'):
            weights_path = opt.load_weights
        else:
            weights_path = get_last_weights(opt.saved_path)
        try:
            last_step = int(os.path.basename(weights_path).split('_')[-1].split('.')[0])
        except:
            last_step = 0

        try:
            ret = model.load_state_dict(torch.load(weights_path), strict=False)
        except RuntimeError as e:
            print(f'[Warning] Ignoring {e}')
            print(
                '[Warning] Don\'t panic if you see this, this might be because you load a pretrained weights with different number of classes. The rest of the weights should be loaded already.')

        print(f'[Info] loaded weights: {os.path.basename(weights_path)}, resuming checkpoint from step: {last_step}')
    else:
        last_step = 0
        print('[Info] initializing weights...')
        init_weights(model)

    # freeze backbone if train head_only
    if opt.head_only:
        def freeze_backbone(m):
            classname = m.__class__.__name__
            for ntl in ['EfficientNet', 'BiFPN']:
                if ntl in classname:
                    for param in m.parameters():
                        param.requires_grad = False

        model.apply(freeze_backbone)
        print('[Info] freezed backbone')

    # https://github.com/vacancy/Synchronized-BatchNorm-PyTorch
    # apply sync_bn when using multiple gpu and batch_size per gpu is lower than 4
    #  useful when gpu memory is limited.
    # because when bn is disable, the training will be very unstable or slow to converge,
    # apply sync_bn can solve it,
    # by packing all mini-batch across all gpus as one batch and normalize, then send it back to all gpus.
    # but it would also slow down the training by a little bit.
    if params.num_gpus > 1 and opt.batch_size // params.num_gpus < 4:
        model.apply(replace_w_sync_bn)
        use_sync_bn = True
    else:
        use_sync_bn = False

    writer = SummaryWriter(opt.log_path + f'/{datetime.datetime.now().strftime("%Y%m%d-%H%M%S")}/')

    # warp the model with loss function, to reduce the memory usage on gpu0 and speedup
    model = ModelWithLoss(model, debug=opt.debug)

    if params.num_gpus > 0:
        model = model.cuda()
        if params.num_gpus > 1:
            model = CustomDataParallel(model, params.num_gpus)
            if use_sync_bn:
                patch_replication_callback(model)

    if opt.optim == 'adamw':
        optimizer = torch.optim.AdamW(model.parameters(), opt.lr)
    else:
        optimizer = torch.optim.SGD(model.parameters(), opt.lr, momentum=0.9, nesterov=True)

    scheduler = torch.optim.lr_scheduler.ReduceLROnPlateau(optimizer, patience=3, verbose=True)

    epoch = 0
    best_loss = 1e5
    best_epoch = 0
    step = max(0, last_step)
    model.train()

    num_iter_per_epoch = len(training_generator)

    try:
        for epoch in range(opt.num_epochs):
            last_epoch = step // num_iter_per_epoch
            if epoch < last_epoch:
                continue

            epoch_loss = []
            progress_bar = tqdm(training_generator)
            for iter, data in enumerate(progress_bar):
                if iter < step - last_epoch * num_iter_per_epoch:
                    progress_bar.update()
                    continue
                try:
                    imgs = data['img']
                    annot = data['annot']

                    if params.num_gpus == 1:
                        # if only one gpu, just send it to cuda:0
                        # elif multiple gpus, send it to multiple gpus in CustomDataParallel, not here
                        imgs = imgs.cuda()
                        annot = annot.cuda()

                    optimizer.zero_grad()
                    cls_loss, reg_loss = model(imgs, annot, obj_list=params.obj_list)
                    cls_loss = cls_loss.mean()
                    reg_loss = reg_loss.mean()

                    loss = cls_loss + reg_loss
                    if loss == 0 or not torch.isfinite(loss):
                        continue

                    loss.backward()
                    # torch.nn.utils.clip_grad_norm_(model.parameters(), 0.1)
                    optimizer.step()

                    epoch_loss.append(float(loss))

                    progress_bar.set_description(
                        'Step: {}. Epoch: {}/{}. Iteration: {}/{}. Cls loss: {:.5f}. Reg loss: {:.5f}. Total loss: {:.5f}'.format(
                            step, epoch, opt.num_epochs, iter + 1, num_iter_per_epoch, cls_loss.item(),
                            reg_loss.item(), loss.item()))
                    writer.add_scalars('Loss', {'train': loss}, step)
                    writer.add_scalars('Regression_loss', {'train': reg_loss}, step)
                    writer.add_scalars('Classfication_loss', {'train': cls_loss}, step)

                    # log learning_rate
                    current_lr = optimizer.param_groups[0]['lr']
                    writer.add_scalar('learning_rate', current_lr, step)

                    step += 1

                    if step % opt.save_interval == 0 and step > 0:
                        save_checkpoint(model, f'efficientdet-d{opt.compound_coef}_{epoch}_{step}.pth')
                        print('checkpoint...')

                except Exception as e:
                    print('[Error]', traceback.format_exc())
                    print(e)
                    continue
            scheduler.step(np.mean(epoch_loss))

            if epoch % opt.val_interval == 0:
                model.eval()
                loss_regression_ls = []
                loss_classification_ls = []
                for iter, data in enumerate(val_generator):
                    with torch.no_grad():
                        imgs = data['img']
                        annot = data['annot']

                        if params.num_gpus == 1:
                            imgs = imgs.cuda()
                            annot = annot.cuda()

                        cls_loss, reg_loss = model(imgs, annot, obj_list=params.obj_list)
                        cls_loss = cls_loss.mean()
                        reg_loss = reg_loss.mean()

                        loss = cls_loss + reg_loss
                        if loss == 0 or not torch.isfinite(loss):
                            continue

                        loss_classification_ls.append(cls_loss.item())
                        loss_regression_ls.append(reg_loss.item())

                cls_loss = np.mean(loss_classification_ls)
                reg_loss = np.mean(loss_regression_ls)
                loss = cls_loss + reg_loss

                print(
                    'Val. Epoch: {}/{}. Classification loss: {:1.5f}. Regression loss: {:1.5f}. Total loss: {:1.5f}'.format(
                        epoch, opt.num_epochs, cls_loss, reg_loss, loss))
                writer.add_scalars('Loss', {'val': loss}, step)
                writer.add_scalars('Regression_loss', {'val': reg_loss}, step)
                writer.add_scalars('Classfication_loss', {'val': cls_loss}, step)

                if loss + opt.es_min_delta < best_loss:
                    best_loss = loss
                    best_epoch = epoch

                    save_checkpoint(model, f'efficientdet-d{opt.compound_coef}_{epoch}_{step}.pth')

                model.train()

                # Early stopping
                if epoch - best_epoch > opt.es_patience > 0:
                    print('[Info] Stop training at epoch {}. The lowest loss achieved is {}'.format(epoch, best_loss))
                    break
    except KeyboardInterrupt:
        save_checkpoint(model, f'efficientdet-d{opt.compound_coef}_{epoch}_{step}.pth')
        writer.close()
    writer.close()


def save_checkpoint(model, name):
    if isinstance(model, CustomDataParallel):
        torch.save(model.module.model.state_dict(), os.path.join(opt.saved_path, name))
    else:
        torch.save(model.model.state_dict(), os.path.join(opt.saved_path, name))


if __name__ == '__main__':
    opt = get_args()
    train(opt)
"""  # noqa: E501


if __name__ == "__main__":
    main()

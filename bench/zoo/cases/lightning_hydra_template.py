"""ashleve's lightning-hydra-template (no pip package, no release: repository commit
bddbc24b82ab6ccfa6243e815a49dc5bfe8d4144, 2023-09-25, "Add FSDP support to
`MNISTLitModule` (#604)", its last) on Lightning 2.6.6, Hydra 1.3.2 with hydra-colorlog
1.2.0, rootutils 1.0.7 and Rich 15, with torch 2.14.1 and torchvision 0.29.1 (PyPI's CUDA
builds, run on the CPU). Its ``src/train.py`` run as its README runs it, with Hydra
overrides::

    python src/train.py trainer=cpu trainer.max_epochs=3 logger=csv data.batch_size=32 \\
        data.train_val_test_split=[200,50,50] seed=12345 test=True

(``test=True`` is the config's default; ``seed=12345`` as its experiment config sets one:
``seed: null``, the default, seeds nothing). Files: the repository's ``src/`` (16 files) and
``configs/`` (36) and ``.project-root`` (rootutils' marker of the project root), from
``$ZOO_REPOS/lightning-hydra-template`` (default ``~/.cache/exptrack-zoo/repos``; ``git
archive bddbc24b | tar -x -C ...``), copied into the cwd and checked against git's tree ids
(``git rev-parse bddbc24b:src``, ``:configs``) and the blob id; run with this venv's python
as a child process (``subprocess``, output inherited), then the case reads the record.
The stock configs: ``train.yaml``'s defaults (``data: mnist``, ``model: mnist``: Adam lr
1e-3, ``ReduceLROnPlateau``, ``SimpleDenseNet`` 784-64-128-64-10 with BatchNorm, 68.0 K
parameters), ``callbacks: default`` (``ModelCheckpoint`` on ``val/acc`` max with
``save_last``, ``EarlyStopping`` on ``val/acc`` with patience 100, ``RichModelSummary``
``max_depth: -1``, ``RichProgressBar``), ``hydra: default`` (colorlog for Hydra's and the
job's logging, run dir ``logs/train/runs/<%Y-%m-%d_%H-%M-%S>``, kept: the fixture's file
path carries the capture's time), ``extras: default`` (``print_config``: the Rich config
tree). ``logger=csv`` is ``configs/logger/csv.yaml``: Lightning's ``CSVLogger`` with
``save_dir: ${paths.output_dir}``, ``name: "csv/"``. About 20 s here, mostly imports.

Data: ``MNISTDataModule.prepare_data`` calls ``MNIST(data_dir, train=..., download=True)``
(``data_dir`` is ``${paths.root_dir}/data/``, the project root); torchvision downloads only
when a raw file is missing (no checksum of files already there), so the case writes
``data/MNIST/raw/{train,t10k}-{images-idx3,labels-idx1}-ubyte`` in IDX format
(``_verbatim.write_idx``): 200 train and 100 test images of random 28x28 pixels with random
labels (numpy ``default_rng(0)``). ``setup`` concatenates the two (300) and
``random_split``s them by ``train_val_test_split`` with its own generator seeded 42: the
override ``[200,50,50]`` (the default ``[55_000, 5_000, 10_000]`` must add up to the real
70 000). Batch 32: 7 training batches an epoch, 2 validation, 2 test. Random labels: the
model learns the 200 training images (train/acc 0.765 by epoch 2), not the others.

torch >= 2.6: after the fit, ``train.py`` calls ``trainer.test(..., ckpt_path=
trainer.checkpoint_callback.best_model_path)``, and Lightning's ``torch.load`` of that
checkpoint defaults to ``weights_only=True``; the template's module calls
``self.save_hyperparameters(logger=False)`` with its ``net`` (an ``nn.Module``) among
them, so the stock run fails there: ``_pickle.UnpicklingError: Weights only load failed.
... Unsupported global: GLOBAL src.models.components.simple_dense_net.SimpleDenseNet``
(the template predates torch 2.6). The case sets torch's documented switch
``TORCH_FORCE_NO_WEIGHTS_ONLY_LOAD=1`` in the child's environment (no file changed), so the
test runs; torch warns once on stderr: ``cloud_io.py:73: Environment variable
TORCH_FORCE_NO_WEIGHTS_ONLY_LOAD detected, since the`weights_only` argument was not
explicitly passed to `torch.load`, forcing weights_only=False.``

What it prints: Hydra-prefixed colorlog lines, coloured even on a pipe (hydra-colorlog's
format carries the colour codes), e.g. ``[2026-12-07 17:12:14,414][src.utils.utils][INFO] -
[rank: 0] Enforcing tags! <cfg.extras.enforce_tags=True>``, ``[...][__main__][INFO] - [rank:
0] Instantiating datamodule <src.data.mnist_datamodule.MNISTDataModule>``, ``Starting
training!``, ``Starting testing!``, ``Best ckpt path: .../checkpoints/epoch_001.ckpt``,
``Output dir: ...`` and ``Metric name is None! Skipping metric value retrieval...``; the Rich
``CONFIG`` tree (``├── data`` ... ``└── seed`` / ``12345``); Lightning's ``Seed set to
12345``, ``Trainer already configured with model summary callbacks: [...]``, the GPU/TPU
lines, a ``💡 Tip`` line, the ``parsing.py:213: Attribute 'net' is an instance of
`nn.Module```, ``_pytree.py`` and ``The number of training batches (7) is smaller than the
logging interval Trainer(log_every_n_steps=50)`` warnings, ``Trainer.fit stopped:
max_epochs=3 reached.``; the RichModelSummary table (``┃    ┃ Name         ┃ Type ...``,
20 rows, ``Trainable params: 68.0 K``); the Rich bar, a task a loop, its metrics column
``f"{name}: {value:.3f}"`` (every ``prog_bar=True`` value: the module logs
``train/loss``, ``train/acc``, ``val/loss``, ``val/acc`` with ``on_step=False,
on_epoch=True``, ``val/acc_best`` in ``on_validation_epoch_end``), wrapped by Rich to
the console width. Under the pty (120 columns) Rich redraws it in place, three lines a
frame::

    Epoch 2/2  ━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━ 7/7 0:00:00 • 0:00:00 22.16it/s <cut>
    <cut> v_num: 0.000 val/loss: 2.320 val/acc:
    <82 spaces>0.120 val/acc_best: 0.140 train/loss:
    <82 spaces>1.540 train/acc: 0.765

(the first screen line is cut here at ``<cut>``; a name at the end of one line, its value
at the start of the next; the frames during an epoch show the previous epoch's values,
the first epoch's the sanity check's val/loss, val/acc and val/acc_best);
on the pipe (no terminal: width 80) Rich prints only each task's last frame, the metrics
column wrapped narrower::

    Epoch 2/2  ━━━━━━━━━━━━━━━━━━ 7/7 0:00:00 • 0:00:00 25.92it/s v_num: 0.000
                                                                  val/loss: 2.320
                                                                  val/acc: 0.120
                                                                  val/acc_best:
                                                                  0.140 train/loss:
                                                                  1.540 train/acc:
                                                                  0.765

After the test, Lightning's Rich results table, values as Python's ``str`` of the float::

    ┃        Test metric        ┃       DataLoader 0        ┃
    │         test/acc          │    0.07999999821186066    │
    │         test/loss         │    2.3135077953338623     │

then ``Testing ━━━━ 2/2 0:00:00 • 0:00:00 46.15it/s``.

Truth: the CSVLogger's ``metrics.csv`` under the run's log dir
(``logs/train/runs/<time>/csv/version_0/metrics.csv``), the framework's own record; nothing
is parsed from stdout. Judgement calls:
- Names as the module logs them and the file keys them (``train/loss``, ``val/acc_best``,
  ...: the slash is part of the name).
- All seven keyed by ``epoch`` as the file has them: three rows each for ``train/*`` and
  ``val/*`` (epochs 0-2; the file writes no per-step training row: the module logs
  ``on_step=False``), and one ``test/*`` row at epoch 3 (``current_epoch`` after the fit, as
  Lightning writes it). The sanity check's values (shown in the bar's first frames, not
  logged) are no point of the record.
- Tolerance 5e-4 for every metric (the bar's ``.3f``); the results table prints full
  precision.
- ``also_ok``: ``it/s`` (the bar's throughput) and ``v_num`` (the logger's version, printed
  ``0.000``: no metric).
- Not metrics: the bar's ``7/7`` counts and times, ``Epoch 2/2``, the summary's parameter
  counts, ``seed: 12345`` and the other config values of the Rich tree.
- Determinism: ``seed=12345`` makes ``seed_everything`` seed initialisation and shuffling;
  the values repeat on the CPU, only times vary.
"""
# zoo-venv: lhtemplate

import csv
import os
import shutil
import subprocess
import sys
from pathlib import Path

import lightning
import numpy as np
from _truth import series, write_truth
from _verbatim import git_blob_id, tree_id, write_idx

SOURCE_REPO = "ashleve/lightning-hydra-template"
SOURCE_COMMIT = "bddbc24b82ab6ccfa6243e815a49dc5bfe8d4144"
# git's ids at SOURCE_COMMIT: `git rev-parse <commit>:src`, `<commit>:configs`, and the blob
# of `.project-root` (rootutils' indicator of the project root)
TREES = {"src": "3d8f8510afd8dee58f91aeaa0391ea440865e7a0",
         "configs": "757af3b3639a0a7f3684d9878fe96dd37c236592"}
PROJECT_ROOT_BLOB = "63eab774b9e36aa1a46cbd31b59cbd373bc5477f"
TRAIN_IMAGES, TEST_IMAGES = 200, 100  # MNIST's train and t10k files; 300 in all
SPLIT = "[200,50,50]"  # data.train_val_test_split: must add up to the 300
OVERRIDES = ["trainer=cpu", "trainer.max_epochs=3", "logger=csv", "data.batch_size=32",
             f"data.train_val_test_split={SPLIT}", "seed=12345", "test=True"]
NAMES = ("train/loss", "train/acc", "val/loss", "val/acc", "val/acc_best", "test/loss",
         "test/acc")

repos = Path(os.environ.get("ZOO_REPOS", Path.home() / ".cache" / "exptrack-zoo" / "repos"))
REPO = repos / "lightning-hydra-template"


def write_mnist(root: Path, seed: int = 0) -> None:
    """torchvision's raw MNIST, ``MNIST/raw/{train,t10k}-{images-idx3,labels-idx1}-ubyte``,
    where ``MNIST(data_dir, download=True)`` finds it (it downloads only a file that is
    missing): random 28x28 pixels and labels, seeded."""
    rng = np.random.default_rng(seed)
    raw = root / "MNIST" / "raw"
    raw.mkdir(parents=True, exist_ok=True)
    for prefix, count in (("train", TRAIN_IMAGES), ("t10k", TEST_IMAGES)):
        write_idx(raw / f"{prefix}-images-idx3-ubyte", rng.integers(0, 256, (count, 28, 28)))
        write_idx(raw / f"{prefix}-labels-idx1-ubyte", rng.integers(0, 10, count))


def main() -> None:
    for name, tree in TREES.items():
        shutil.copytree(REPO / name, name, ignore=shutil.ignore_patterns("__pycache__"))
        if tree_id(Path(name)) != tree:
            sys.exit(f"{REPO / name} is not {SOURCE_REPO}'s {name}/ at {SOURCE_COMMIT}")
    shutil.copy(REPO / ".project-root", ".project-root")
    if git_blob_id(Path(".project-root").read_text(encoding="utf-8")) != PROJECT_ROOT_BLOB:
        sys.exit(f"{REPO / '.project-root'} is not {SOURCE_REPO}'s at {SOURCE_COMMIT}")
    write_mnist(Path("data"))
    # torch >= 2.6 loads checkpoints weights_only by default; the template's checkpoint
    # holds its `net` (a module, in the hyperparameters), so trainer.test(ckpt_path="best")
    # fails without this documented switch (see the docstring)
    env = dict(os.environ, TORCH_FORCE_NO_WEIGHTS_ONLY_LOAD="1")
    code = subprocess.run([sys.executable, "src/train.py", *OVERRIDES], env=env).returncode
    if code:
        sys.exit(code)
    found = sorted(Path("logs/train/runs").glob("*/csv/version_0/metrics.csv"))
    assert len(found) == 1, found
    path = found[0].as_posix()
    with open(path, encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    metrics = {name: series([(row["epoch"], row[name]) for row in rows if row.get(name)],
                            "epoch", tolerance=5e-4) for name in NAMES}
    write_truth("lightning-hydra-template", f"{SOURCE_COMMIT[:8]} (lightning "
                f"{lightning.__version__})", f"CSVLogger {path}", metrics, files=[path],
                also_ok=["it/s", "v_num"],
                notes=f"{SOURCE_REPO} at {SOURCE_COMMIT}, src/ and configs/ from "
                      f"$ZOO_REPOS/lightning-hydra-template; python src/train.py "
                      f"{' '.join(OVERRIDES)}")


if __name__ == "__main__":
    main()

"""EDSR-PyTorch (Sanghyun Son's official EDSR/MDSR code, no pip package, no release:
repository sanghyun-son/EDSR-PyTorch at 8dba5581a7502b92de9641eb431130d6c8ca5d7f, its
master, 2023-01-02, "Allow for GPU usage on M1 mac (#347)"; on the CPU build of torch
2.13.0 with imageio, scikit-image, matplotlib and tqdm, no torchvision: only the VGG loss
imports it): ``src/main.py`` as its README and ``demo.sh`` train an EDSR baseline, shrunk to
a few seconds of CPU::

    python main.py --model EDSR --scale 2 --patch_size 48 --n_resblocks 4 --n_feats 16
        --epochs 3 --batch_size 4 --cpu --data_train DIV2K --data_test DIV2K
        --data_range 1-16/17-18 --dir_data ../dataset --print_every 2 --test_every 8
        --ext img --n_threads 0 --save edsr_x2

Files: the whole ``src/`` folder from ``$ZOO_REPOS/EDSR-PyTorch`` (default
``~/.cache/exptrack-zoo/repos``; ``git archive 8dba5581 src | tar -x -C
~/.cache/exptrack-zoo/repos/EDSR-PyTorch`` of a fetched copy: the repository's own snapshot
is over 2 GB, past what the fetch tool brings, so a small fork whose master holds 8dba5581
serves, e.g. hxtruong6/EDSR-PyTorch), checked against git's tree id of ``src`` at that
commit (``8a41bb9e``) and copied into ``src/`` in the cwd, where it runs in-process
(``runpy``, ``main.py`` as ``__main__`` with ``sys.argv`` as above, the cwd ``src/`` and
``src/`` first on ``sys.path``, as ``cd src; python main.py`` runs it). One thing differs
from the stock text: the record lines below, added to the copy's ``trainer.py``.

Flags (option.py's defaults otherwise: ADAM at ``--lr 1e-4``, ``--decay 200``, ``--loss
1*L1``, ``--rgb_range 255``, ``--seed 1``):
- ``--epochs 3`` trains 2 epochs: ``Trainer.terminate()`` stops once
  ``scheduler.last_epoch + 1 >= args.epochs``, and ``last_epoch`` is 1 after the first
  epoch's ``optimizer.schedule()``, so ``--epochs N`` trains N-1 (``--epochs 2`` one).
- ``--test_every 8`` is the epoch's length: SRData repeats the 16 training images
  ``batch_size * test_every // 16`` = 2 times, 32 patches, 8 batches of 4; ``--print_every
  2`` prints 4 lines an epoch.
- ``--ext img`` reads the PNGs as they are; the default ``sep`` first pickles each image into
  ``DIV2K/bin/`` (``Making a binary: ...`` a file) and reads those.
- ``--n_threads 0`` loads in the main process (the default 6 forks 6 workers an epoch for
  each loader on this 2-core machine).
- ``--dir_data ../dataset``, ``--save edsr_x2``: checkpoint() writes into ``../experiment/
  <save>`` from the cwd ``src/``, i.e. ``experiment/edsr_x2/`` in the case's cwd.

Data: a tiny DIV2K layout as ``data/div2k.py`` reads it (``<dir_data>/DIV2K/
DIV2K_train_HR/0001.png`` .. ``0018.png``, their x2 bicubic downscales
``DIV2K_train_LR_bicubic/X2/0001x2.png`` ..); ``--data_range 1-16/17-18`` trains on the
first 16 (sorted) and tests on 17-18, both from the train folders as DIV2K's own split
does. 96x96 RGB images of smooth waves with noise (numpy ``default_rng(0)``), the LR by
Pillow's bicubic resize to 48x48.

What it prints (stdout; ``ckp.write_log`` prints each line and writes it to
``experiment/edsr_x2/log.txt``): ``Making model...``, ``Preparing loss function:``, ``1.000
* L1``, then each epoch::

    [Epoch 1]\\tLearning rate: 1.00e-4
    [8/32]\\t[L1: 60.8010]\\t0.1+0.0s
    ...
    [32/32]\\t[L1: 60.5322]\\t0.0+0.0s

    Evaluation:
    [DIV2K x2]\\tPSNR: 11.570 (Best: 11.570 @epoch 1)
    Forward: 0.07s

    Saving...
    Total: 0.73s

with tqdm's test bar (``ncols=80``, ``2/2 [00:00<00:00, 32.14it/s]``) on stderr between
``Evaluation:`` and the PSNR line, and once torch's ``UserWarning`` that
``scheduler.get_lr()`` (utility.py's ``get_lr``) should be ``get_last_lr()``.

Truth: EDSR's own record where it keeps one, else lines added to record what it prints:
- ``PSNR``: ``experiment/edsr_x2/psnr_log.pt``, ``checkpoint.log`` saved by
  ``checkpoint.save`` after each test (a float tensor epochs x test sets x scales,
  ``[:, 0, 0]`` here), the very numbers the PSNR line formats (``{:.3f}``).
- ``L1``: EDSR keeps the loss only per epoch, ``experiment/edsr_x2/loss_log.pt``
  (``Loss.log``, epochs x loss terms, each the mean over the epoch's batches); the printed
  values are the running mean so far (``Loss.display_loss``: ``log[-1] / (batch + 1)``),
  which nothing keeps. So one line (``RECORD_LINES``, no line changed) added to
  ``trainer.py`` right after the ``write_log`` of the progress line appends what that line
  printed (``float(c / (batch + 1))`` for each loss term) to a list the case puts into the
  ``trainer`` module before main.py imports it; nothing is parsed from stdout. The case
  checks each epoch's last printed value against ``loss_log.pt`` (the same mean when the
  epoch's batch count is a multiple of ``--print_every``, as here).
Both ``.pt`` files and ``log.txt`` are listed in ``files``. Judgement calls
(docs/metrics.md):
- Names as printed: ``L1`` (the loss term's type, ``[L1: ...]``; with more terms the line
  prints each, and ``Total``) and ``PSNR``. The line's ``[DIV2K x2]`` names the test set and
  scale: not a phase word of the name.
- Counts: ``L1`` 8 (4 prints in each of 2 epochs), ``PSNR`` 2 (one test an epoch).
- Axes: ``L1`` ``step``, the printed sample count ``(batch + 1) * batch_size`` (8 .. 32,
  from 8 again each epoch; the epochs are in ``notes``); ``PSNR`` ``epoch`` from 1, as
  printed.
- Tolerances from the printed rounding: ``L1`` ``{:.4f}``: 5e-5; ``PSNR`` ``{:.3f}``: 5e-4.
- ``also_ok``: ``Learning_rate`` (``[Epoch 1]\\tLearning rate: 1.00e-4``: the scheduler's
  lr, which EDSR logs nowhere but this line; ``optimizer.pt`` keeps only the last state),
  ``Forward`` and ``Total`` (the test's times), ``Best`` (the running best PSNR printed
  again, no series of its own).
- Not metrics: ``[Epoch 1]``, ``[8/32]`` (counters), ``0.1+0.0s`` (model and data times,
  unnamed), ``@epoch 1``, ``1.000 * L1`` (the loss weight).
- Determinism: main.py seeds torch (``--seed 1``: the initialisation, the loader's shuffle);
  the patches and flips come from Python's ``random`` in ``data/common.py``, which nothing
  seeds with ``--n_threads 0``, so the case seeds it; only the times vary.
The models, ``optimizer.pt``, ``loss.pt``, ``config.txt`` and the loss/PSNR plots (PDFs)
are written too, not read.
"""
# zoo-venv: edsr

import os
import random
import runpy
import shutil
import sys
from pathlib import Path

import numpy as np
import torch
from _truth import series, write_truth
from _verbatim import tree_id, with_lines
from PIL import Image

REPO = "sanghyun-son/EDSR-PyTorch"
COMMIT = "8dba5581a7502b92de9641eb431130d6c8ca5d7f"
SRC_TREE = "8a41bb9e26236f659a7524355b509aa51743c417"  # git rev-parse 8dba5581:src
SAVE = "edsr_x2"
BATCH_SIZE = 4
N_TRAIN, N_TEST = 16, 2
HR_SIZE, SCALE = 96, 2
ARGV = ["main.py", "--model", "EDSR", "--scale", str(SCALE), "--patch_size", "48",
        "--n_resblocks", "4", "--n_feats", "16", "--epochs", "3",
        "--batch_size", str(BATCH_SIZE), "--cpu", "--data_train", "DIV2K",
        "--data_test", "DIV2K", "--data_range", f"1-{N_TRAIN}/{N_TRAIN + 1}-{N_TRAIN + N_TEST}",
        "--dir_data", "../dataset", "--print_every", "2", "--test_every", "8",
        "--ext", "img", "--n_threads", "0", "--save", SAVE]

# the record: a line added to trainer.py right after the progress line's write_log (inside
# its `if (batch + 1) % print_every == 0:`), the values display_loss just formatted
RECORD_LINES = {
    "                    timer_data.release()))\n":
        "                ZOO_RECORD.append((epoch, (batch + 1) * self.args.batch_size, "
        "[float(c / (batch + 1)) for c in self.loss.log[-1]]))  # zoo: the values printed\n",
}

repos = Path(os.environ.get("ZOO_REPOS", Path.home() / ".cache" / "exptrack-zoo" / "repos"))
repo_src = repos.expanduser() / "EDSR-PyTorch" / "src"
if not repo_src.is_dir() or tree_id(repo_src) != SRC_TREE:
    sys.exit(f"{repo_src} is not {REPO}'s src/ at {COMMIT} (git archive {COMMIT[:8]} src | "
             f"tar -x -C {repo_src.parent})")


def write_div2k(root: Path) -> None:
    """DIV2K's layout as data/div2k.py reads it: DIV2K_train_HR/NNNN.png and
    DIV2K_train_LR_bicubic/X2/NNNNx2.png (bicubic downscales), seeded."""
    rng = np.random.default_rng(0)
    hr_dir = root / "DIV2K" / "DIV2K_train_HR"
    lr_dir = root / "DIV2K" / "DIV2K_train_LR_bicubic" / f"X{SCALE}"
    hr_dir.mkdir(parents=True)
    lr_dir.mkdir(parents=True)
    ys, xs = np.mgrid[0:HR_SIZE, 0:HR_SIZE] / HR_SIZE
    for index in range(1, N_TRAIN + N_TEST + 1):
        phase = rng.uniform(0, 2 * np.pi, 3)
        waves = np.stack([np.sin(6 * xs + phase[0]), np.cos(5 * ys + phase[1]),
                          np.sin(4 * (xs + ys) + phase[2])], axis=-1) * 0.5 + 0.5
        pixels = (waves * 200 + 25 + rng.normal(0, 8, waves.shape)).clip(0, 255)
        image = Image.fromarray(pixels.astype(np.uint8))
        image.save(hr_dir / f"{index:04d}.png")
        low = image.resize((HR_SIZE // SCALE, HR_SIZE // SCALE), Image.BICUBIC)
        low.save(lr_dir / f"{index:04d}x{SCALE}.png")


def main() -> None:
    home = Path.cwd()
    src = home / "src"
    shutil.copytree(repo_src, src, ignore=shutil.ignore_patterns("__pycache__"))
    trainer_py = src / "trainer.py"
    trainer_py.write_text(with_lines(trainer_py.read_text(encoding="utf-8"), RECORD_LINES),
                          encoding="utf-8")
    write_div2k(home / "dataset")

    random.seed(0)  # data/common.py's crops and flips (main.py seeds only torch)
    np.random.seed(0)
    record: list[tuple[int, int, list[float]]] = []
    os.chdir(src)  # as `cd src; python main.py`: the experiment goes to ../experiment
    sys.path.insert(0, str(src))
    import trainer  # main.py's `from trainer import Trainer` finds this module
    trainer.ZOO_RECORD = record
    sys.argv = list(ARGV)
    try:
        runpy.run_path("main.py", run_name="__main__")
    finally:
        os.chdir(home)

    # --- the truth: EDSR's own tensors, and the record lines' values ---
    folder = Path("experiment") / SAVE
    psnr_log = torch.load(folder / "psnr_log.pt")  # epochs x test sets x scales
    loss_log = torch.load(folder / "loss_log.pt")  # epochs x loss terms
    epochs = psnr_log.shape[0]
    assert epochs == 2 and loss_log.shape == (2, 1), (psnr_log, loss_log)
    assert len(record) == 4 * epochs, record
    for epoch in range(1, epochs + 1):  # the epoch's last print is its mean, loss_log's row
        last = [row for row in record if row[0] == epoch][-1]
        assert abs(last[2][0] - float(loss_log[epoch - 1, 0])) < 1e-4, (last, loss_log)
    metrics = {
        "L1": series([(samples, values[0]) for _, samples, values in record], "step",
                     tolerance=5e-5),
        "PSNR": series([(epoch + 1, float(psnr_log[epoch, 0, 0])) for epoch in range(epochs)],
                       "epoch", tolerance=5e-4),
    }
    write_truth(
        "EDSR-PyTorch", f"{COMMIT[:8]} (master, no release)",
        f"{folder}/psnr_log.pt (checkpoint.log, PSNR a test) and the running mean L1 each "
        "progress line prints (Loss.log[-1] / (batch + 1), a line the case adds to "
        f"trainer.py; each epoch's last equals {folder}/loss_log.pt's row)",
        metrics, files=[f"{folder}/psnr_log.pt", f"{folder}/loss_log.pt", f"{folder}/log.txt"],
        also_ok=["Learning_rate", "Forward", "Total", "Best"],
        notes=f"{REPO} at {COMMIT}, src/ copied from $ZOO_REPOS/EDSR-PyTorch; torch "
              f"{torch.__version__}, numpy {np.__version__}; --epochs 3 trains 2 epochs "
              "(Trainer.terminate); L1 printed at epoch/samples: "
              + ", ".join(f"{epoch}/{samples}" for epoch, samples, _ in record),
    )


if __name__ == "__main__":
    main()

"""codertimo's BERT-pytorch (github.com/codertimo/BERT-pytorch at commit
d10dc4f9d5a6f2ca74380f62039526eb7277c671, 2018-10-30, its last; PyPI's ``bert-pytorch``
0.0.1a4 is the same code, not used here) on the CPU build of torch 2.13.0 with tqdm and
numpy. Its ``bert_pytorch/`` package is unpacked under ``$ZOO_REPOS/BERT-pytorch``
(default ``~/.cache/exptrack-zoo/repos/BERT-pytorch``; ``git archive <commit> | tar -x``),
checked against git's tree id of ``bert_pytorch/`` at that commit, and copied into the cwd;
the copy's ``trainer/pretrain.py`` gets the case's record lines (below), no stock line
changed. Both of its console scripts run in-process as the entry points in its
``setup.py`` call them (``sys.argv`` set, the function called):

- ``bert-vocab -c corpus.txt -o vocab.pkl`` (``bert_pytorch.dataset.vocab:build``), which
  prints ``Building Vocab``, its tqdm count and ``VOCAB SIZE: 96``;
- ``bert -c corpus.txt -t corpus.txt -v vocab.pkl -o output/bert.model -hs 32 -l 2 -a 2
  -s 20 -b 8 -e 2 -w 0 --log_freq 2 --with_cuda False`` (``bert_pytorch.__main__:train``).
  ``-w 0``: its default of 5 DataLoader workers only costs start-up time on this 2-core
  machine; ``--log_freq 2`` (default 10) so that the 5 batches of an epoch print 3 dict
  lines. ``--with_cuda`` is ``type=bool``, so ``False`` reads as True: harmless, torch's CPU
  build has no CUDA and the trainer takes the CPU.

Data: ``corpus.txt``, 40 lines ``sentence A\\tsentence B`` of 3-6 words from a 53-word
list, written by the case from ``random.Random(0)``; train and test are the same file, as
the README's example runs it. Seeds: BERT-pytorch seeds nothing; the case seeds ``random``
(the dataset's masking and next-sentence draws), numpy and torch before training, so the
values repeat. Under 10 s of CPU.

What it prints (stdout; tqdm's bars on stderr)::

 Loading Vocab vocab.pkl
 Vocab Size:  96
 ...
 Total Parameters: 31810
 Training Start
 {'epoch': 0, 'iter': 0, 'avg_loss': 7.109793663024902, 'avg_acc': 50.0, 'loss': 7.109793663024902}
 {'epoch': 0, 'iter': 2, 'avg_loss': 6.655268510182698, 'avg_acc': 45.83333333333333, ...}
 EP_train:0: 100%|| 5/5 [00:00<00:00, 136.47it/s]   (tqdm on stderr, "{l_bar}{r_bar}")
 EP0_train, avg_loss= 6.7806846618652346 total_acc= 42.5
 EP:0 Model Saved on: output/bert.model.ep0
 {'epoch': 0, 'iter': 0, 'avg_loss': 6.594507217407227, 'avg_acc': 75.0, ...}  (test pass)
 EP0_test, avg_loss= 6.6530351638793945 total_acc= 65.0

(under a terminal tqdm.write clears the bar and redraws it after each dict line; the dict
lines through ``tqdm.write``, every ``log_freq`` iterations, values Python's
``repr`` of floats, full precision; the epoch line by ``print``, also full precision).

Truth: BERT-pytorch keeps no record (no logger, no history; the ``.ep<N>`` files hold the
model only), so the values ``BERTTrainer.iteration`` computes are the record: two lines
added to a copy of ``trainer/pretrain.py`` (``RECORD_LINES``), one right after
``data_iter.write(str(post_fix))`` keeping the ``post_fix`` dict just written (with
``str_code``), one right after the epoch's ``print`` keeping ``avg_loss / len(data_iter)``
and ``total_correct * 100.0 / total_element``; nothing is parsed from stdout. Judgement
calls (docs/metrics.md):

- The dict lines, train's and test's, print the same keys with no phase word (the phase is
  only in tqdm's ``EP_train:0``/``EP_test:0`` description on the bar, a separate line on
  stderr): names as keyed, ``avg_loss``, ``avg_acc`` and ``loss``, each one series holding
  both passes' lines in print order (per epoch 3 train lines, then 3 test lines; 12 points),
  as ``pytorch_cifar_main`` pools its two bars. ``epoch`` and ``iter`` in the dict are the
  axes, not metrics (axis ``step``: ``iter``; the phase and epoch of each point in
  ``notes``). A call that could go the other way (``train_``/``test_`` from the bar).
- The epoch lines ``EP0_train, avg_loss= ... total_acc= ...`` carry the phase word before
  the names (``EP<epoch>_<phase>``): ``train_avg_loss``, ``train_total_acc``,
  ``test_avg_loss``, ``test_total_acc``, 2 points each, axis ``epoch``.
- Tolerances: the values are printed at full precision (``repr``): 1e-9.
- ``also_ok``: tqdm's ``it/s`` rate (the bar's throughput). ``Total Parameters`` and
  ``Vocab Size``/``VOCAB SIZE`` are counts, not metrics; not in the truth (if exptrack
  records them they show as junk).
"""
# zoo-venv: bertpt

import os
import random
import shutil
import sys
from pathlib import Path

import numpy as np
import torch
from _truth import series, write_truth
from _verbatim import git_blob_id, tree_id, with_lines

SOURCE_REPO = "codertimo/BERT-pytorch"
SOURCE_COMMIT = "d10dc4f9d5a6f2ca74380f62039526eb7277c671"
PACKAGE_TREE = "632321b7a286b514b38ee180ecb14278f4d8b453"  # git rev-parse <commit>:bert_pytorch
PRETRAIN_BLOB = "0b882dd6cffb368ab392ee0849bc32ba3af460dc"
REPOS = Path(os.environ.get("ZOO_REPOS", Path.home() / ".cache" / "exptrack-zoo" / "repos"))

# the record: lines added to trainer/pretrain.py right after what they keep (anchor -> the
# anchor and the lines after it); no line of the stock text changed
RECORD_LINES = {
    "                data_iter.write(str(post_fix))\n":
        "                ZOO_RECORD.append(('line', str_code, dict(post_fix)))"
        "  # zoo: the dict just written\n",
    "              total_correct * 100.0 / total_element)\n":
        "        ZOO_RECORD.append(('epoch', str_code, epoch, avg_loss / len(data_iter),"
        " total_correct * 100.0 / total_element))  # zoo: the values just printed\n",
}

WORDS = [
    "the", "a", "cat", "dog", "bird", "fish", "tree", "house", "river", "stone", "light",
    "night", "day", "sun", "moon", "star", "runs", "walks", "sees", "eats", "finds", "makes",
    "takes", "gives", "holds", "keeps", "red", "blue", "green", "small", "big", "old", "new",
    "fast", "slow", "quiet", "loud", "warm", "cold", "over", "under", "near", "far", "into",
    "from", "with", "and", "but", "then", "now", "here", "there", "always",
]


def write_corpus(path: Path, lines: int = 40) -> None:
    """``sentence A\\tsentence B`` lines, as BERT-pytorch's README lays out its corpus."""
    rng = random.Random(0)

    def sentence() -> str:
        return " ".join(rng.choice(WORDS) for _ in range(rng.randint(3, 6)))

    path.write_text("".join(f"{sentence()}\t{sentence()}\n" for _ in range(lines)),
                    encoding="utf-8")


def main() -> None:
    source_pkg = REPOS / "BERT-pytorch" / "bert_pytorch"
    if not source_pkg.is_dir() or tree_id(source_pkg) != PACKAGE_TREE:
        sys.exit(f"{source_pkg} is not {SOURCE_REPO}'s bert_pytorch/ at {SOURCE_COMMIT}")
    shutil.copytree(source_pkg, "bert_pytorch", ignore=shutil.ignore_patterns("__pycache__"))
    pretrain = Path("bert_pytorch/trainer/pretrain.py")
    text = pretrain.read_text(encoding="utf-8")
    assert git_blob_id(text) == PRETRAIN_BLOB, pretrain
    pretrain.write_text(with_lines(text, RECORD_LINES), encoding="utf-8")
    sys.path.insert(0, str(Path.cwd()))
    write_corpus(Path("corpus.txt"))

    import bert_pytorch.trainer.pretrain as pretrain_module
    from bert_pytorch.__main__ import train
    from bert_pytorch.dataset.vocab import build

    record: list[tuple] = []
    pretrain_module.ZOO_RECORD = record

    sys.argv = ["bert-vocab", "-c", "corpus.txt", "-o", "vocab.pkl"]
    build()
    random.seed(0)  # BERT-pytorch seeds nothing: the case does, for a run that repeats
    np.random.seed(0)
    torch.manual_seed(0)
    sys.argv = ["bert", "-c", "corpus.txt", "-t", "corpus.txt", "-v", "vocab.pkl",
                "-o", "output/bert.model", "-hs", "32", "-l", "2", "-a", "2", "-s", "20",
                "-b", "8", "-e", "2", "-w", "0", "--log_freq", "2", "--with_cuda", "False"]
    Path("output").mkdir()
    train()
    sys.stdout.flush()

    # --- the truth: what iteration() computed and printed, in print order ---
    lines = [row for row in record if row[0] == "line"]
    epochs = [row for row in record if row[0] == "epoch"]
    assert len(lines) == 12 and len(epochs) == 4, record
    metrics = {name: series([(post["iter"], post[name]) for _, _, post in lines], "step",
                            tolerance=1e-9)
               for name in ("avg_loss", "avg_acc", "loss")}
    for phase in ("train", "test"):
        rows = [row for row in epochs if row[1] == phase]
        metrics[f"{phase}_avg_loss"] = series([(row[2], row[3]) for row in rows], "epoch",
                                              tolerance=1e-9)
        metrics[f"{phase}_total_acc"] = series([(row[2], row[4]) for row in rows], "epoch",
                                               tolerance=1e-9)
    write_truth(
        "BERT-pytorch", f"{SOURCE_REPO}@{SOURCE_COMMIT[:8]} (torch {torch.__version__})",
        "BERTTrainer.iteration's post_fix dicts and epoch averages (lines the case adds to "
        "a copy of trainer/pretrain.py after its data_iter.write and print)",
        metrics, also_ok=["it/s"],
        notes="dict lines in print order: " + ", ".join(
            f"{phase} epoch {post['epoch']} iter {post['iter']}" for _, phase, post in lines))


if __name__ == "__main__":
    main()

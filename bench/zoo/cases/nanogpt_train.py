"""karpathy's nanoGPT (repo commit 3adf61e154c3fe3fca428ad6bc3818b27a3b8291, Nov 2025; no pip
package, no version of its own: torch 2.14.1 runs it) trained the way its README's "I only
have a macbook" section does, scaled down: ``python data/shakespeare_char/prepare.py``, then
``python train.py config/train_shakespeare_char.py --device=cpu --compile=False
--eval_iters=20 --log_interval=1 --block_size=64 --batch_size=12 --n_layer=4 --n_head=4
--n_embd=128 --max_iters=200 --lr_decay_iters=200 --dropout=0.0 --eval_interval=50``
(README's CPU command with 200 iterations instead of 2000 and an ``--eval_interval`` of 50:
five evaluations, at iterations 0, 50, 100, 150, 200). Subprocesses with the venv's python,
stdout/stderr inherited, in the run's cwd (``train.py`` reads ``configurator.py`` and
``data/`` relative to it).

Files: ``train.py``, ``model.py``, ``configurator.py``, ``config/train_shakespeare_char.py``
and ``data/shakespeare_char/prepare.py`` from ``$ZOO_REPOS/nanoGPT`` (default
``~/.cache/exptrack-zoo/repos``; materialise it with ``git archive`` of the commit above),
copied into the cwd unchanged but for ``train.py`` (below). Data: a generated play-like
``data/shakespeare_char/input.txt`` (speaker names and lines from word lists, about 300 KB)
written before the stock ``prepare.py`` runs, so it downloads nothing; ``prepare.py`` does
``import requests`` at the top (used only when ``input.txt`` is missing) and the llm venv
has no ``requests``: a stub ``requests.py`` next to it whose ``get`` raises lets the stock
file run unchanged.

It prints ``prepare.py``'s sizes (``length of dataset in characters: 300,217``, ``vocab
size: 55``), the config file and its ``Overriding: ...`` lines, ``tokens per iteration will
be: 768``, ``number of parameters: 0.79M``, torch's FutureWarning/UserWarning about
``torch.cuda.amp.GradScaler`` on stderr, then ``step 0: train loss 4.0515, val loss 4.0521``
at each evaluation (``saving checkpoint to out-shakespeare-char`` after each later one: val
improved), and ``iter 0: loss 4.0763, time 2140.37ms, mfu -100.00%`` every iteration
(``mfu`` is -100.00% for iterations 0-4, a placeholder, then ``0.01%``).

Truth: nanoGPT keeps no record of its own but wandb, off by default (``wandb_log =
False``). The values ``train.py`` computed, taken with four lines added to the stock text,
no line changed: ``_zoo = {"iter": [], "eval": []}`` before the training loop,
``_zoo["eval"].append((iter_num, losses['train'].item(), losses['val'].item()))`` after
the ``step ...`` print, ``_zoo["iter"].append((iter_num, lossf))`` after the ``iter ...``
print, and a ``json.dump`` of ``_zoo`` to ``zoo_losses.json`` at the end. Judgements:
- names by the printed words (the phase rule): ``loss`` (``iter N: loss``), ``train_loss``
  and ``val_loss`` (``step N: train loss ..., val loss ...``); wandb would key the latter
  ``train/loss`` and ``val/loss``, but it is off and nothing in this run uses those keys;
- axis ``step``: ``iter_num``, which both lines print (``iter N`` / ``step N``), from 0:
  ``loss`` 201 points (iterations 0 to 200: the loop breaks once ``iter_num > max_iters``),
  ``train_loss`` / ``val_loss`` 5 points;
- tolerance: all three printed ``:.4f`` -> ``tolerance=5e-5`` (``lossf`` a Python float,
  ``losses[...]`` a float32 mean of ``eval_iters`` batch losses);
- ``also_ok``: ``time`` (ms an iteration) and ``mfu`` (model flops utilisation, a
  throughput, %); neither is recorded (wandb would log ``mfu`` at evaluations only);
- not metrics: ``prepare.py``'s character and token counts, ``vocab size``, ``tokens per
  iteration``, the parameter counts, the config and ``Overriding`` lines (settings).
"""
# zoo-venv: llm

import json
import os
import random
import shutil
import subprocess
import sys
from pathlib import Path

import torch
from _truth import series, write_truth

REPO_COMMIT = "3adf61e154c3fe3fca428ad6bc3818b27a3b8291"
repos = Path(os.environ.get("ZOO_REPOS", Path.home() / ".cache" / "exptrack-zoo" / "repos"))
repo = repos.expanduser() / "nanoGPT"
if not (repo / "train.py").is_file():
    sys.exit(f"no nanoGPT repo at {repo} (git archive {REPO_COMMIT} of karpathy/nanoGPT)")

for name in ("model.py", "configurator.py", "config/train_shakespeare_char.py",
             "data/shakespeare_char/prepare.py"):
    Path(name).parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(repo / name, name)

# train.py: the stock text with four lines added (see the docstring), no line changed
ADDED = [
    ("# training loop\n", '_zoo = {"iter": [], "eval": []}\n'),
    ("""        print(f"step {iter_num}: train loss {losses['train']:.4f}, """
     """val loss {losses['val']:.4f}")\n""",
     """        _zoo["eval"].append((iter_num, losses['train'].item(), """
     """losses['val'].item()))\n"""),
    ("""        print(f"iter {iter_num}: loss {lossf:.4f}, time {dt*1000:.2f}ms, """
     """mfu {running_mfu*100:.2f}%")\n""",
     """        _zoo["iter"].append((iter_num, lossf))\n"""),
]
text = (repo / "train.py").read_text(encoding="utf-8")
for anchor, line in ADDED:
    if text.count(anchor) != 1:
        sys.exit(f"train.py at {REPO_COMMIT}: anchor not found once: {anchor!r}")
    text = text.replace(anchor, anchor + line)
text += 'import json; json.dump(_zoo, open("zoo_losses.json", "w"))\n'
Path("train.py").write_text(text, encoding="utf-8")

# a stub for prepare.py's top-level `import requests` (used only to download a missing
# input.txt; the venv has no requests): nothing can be downloaded
Path("data/shakespeare_char/requests.py").write_text(
    "def get(*args, **kwargs):\n"
    "    raise RuntimeError('offline zoo case: nothing is downloaded')\n",
    encoding="utf-8")

# a generated play in tiny-shakespeare's layout: "NAME:\nline\nline\n\n"
rng = random.Random(0)
SPEAKERS = ["FIRST CITIZEN", "MENENIUS", "MARCIUS", "VOLUMNIA", "CORIOLANUS", "SICINIUS",
            "BRUTUS", "LADY ANNE", "GLOUCESTER", "KING RICHARD", "QUEEN ELIZABETH", "ROMEO",
            "JULIET", "NURSE", "FRIAR LAURENCE", "MERCUTIO"]
WORDS = ["thou", "thee", "thy", "my", "lord", "good", "sir", "what", "say", "speak", "come", "go",
         "hence", "now", "let", "us", "not", "the", "a", "and", "of", "to", "in", "is", "be",
         "her", "his", "our", "your", "noble", "heart", "love", "death", "blood", "king", "crown",
         "fair", "sweet", "night", "day", "heaven", "grace", "honour", "shall", "will", "would",
         "must", "here", "there", "why", "for", "with", "this", "that", "so", "no", "yet", "o",
         "gentle", "most", "well", "tell", "me", "hear", "friend", "father", "son", "daughter",
         "mother", "brother", "people", "rome", "city", "war", "peace"]


def line() -> str:
    words = [rng.choice(WORDS) for _ in range(rng.randint(4, 10))]
    words[0] = words[0].capitalize()
    return " ".join(words) + rng.choice([",", ".", ";", "!", "?", ":"])


speeches = []
size = 0
while size < 300_000:
    speech = f"{rng.choice(SPEAKERS)}:\n" + "\n".join(line() for _ in range(rng.randint(1, 6)))
    speeches.append(speech)
    size += len(speech) + 2
Path("data/shakespeare_char/input.txt").write_text("\n\n".join(speeches) + "\n",
                                                    encoding="utf-8")

subprocess.run([sys.executable, "data/shakespeare_char/prepare.py"], check=True)
subprocess.run([sys.executable, "train.py", "config/train_shakespeare_char.py", "--device=cpu",
                "--compile=False", "--eval_iters=20", "--log_interval=1", "--block_size=64",
                "--batch_size=12", "--n_layer=4", "--n_head=4", "--n_embd=128",
                "--max_iters=200", "--lr_decay_iters=200", "--dropout=0.0",
                "--eval_interval=50"], check=True)

with open("zoo_losses.json", encoding="utf-8") as handle:
    computed = json.load(handle)
write_truth(
    "nanoGPT", f"{REPO_COMMIT[:12]} (torch {torch.__version__})",
    "the values train.py computed (lossf; estimate_loss()'s losses), appended by four lines "
    "added to the stock train.py",
    {
        "loss": series(computed["iter"], "step", tolerance=5e-5),
        "train_loss": series([(step, train) for step, train, _ in computed["eval"]], "step",
                             tolerance=5e-5),
        "val_loss": series([(step, val) for step, _, val in computed["eval"]], "step",
                           tolerance=5e-5),
    },
    also_ok=["time", "mfu"],
)

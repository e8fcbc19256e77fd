"""karpathy's nanochat ("the minimal full-stack ChatGPT clone"; no PyPI release and no version
of its own, pyproject says 0.1.0: repository commit 92d63d4e8bb4df75c3b71618f31ddde2378b2bcd,
2026-07-03) pretraining a tiny base model on the CPU as its ``runs/runcpu.sh`` does, scaled
down: ``python -m scripts.tok_train --vocab-size=512`` (its BPE tokenizer, trained with
rustbpe 0.1.0), then ``python -m scripts.base_train --depth=4 --max-seq-len=256
--device-batch-size=1 --eval-tokens=512 --core-metric-every=-1 --total-batch-size=256
--num-iterations=20 --eval-every=5 --run=dummy``: base_train.py's own CPU example (its
docstring: ``--depth=4 --max-seq-len=512 --device-batch-size=1 --eval-tokens=512
--core-metric-every=-1 --total-batch-size=512 --num-iterations=20``) at half the sequence and
batch, with a validation every 5 steps (runcpu.sh: every 100) and W&B off (``--run=dummy``,
nanochat's ``DummyWandb``, runcpu.sh's default). The model: 4 layers, width 256, 2 heads,
3.67M parameters, window pattern ``SSSL`` (the default), float32 on the CPU; 20 steps of one
micro-batch of 256 tokens, warmup 40 steps (the default: the run ends inside it); the default
``--sample-every=2000`` still samples at the last step (seven greedy completions of its stock
prompts), and the checkpoint is written at the end, both under ``NANOCHAT_BASE_DIR``.
Files: the whole ``nanochat/`` package and ``scripts/tok_train.py``, ``scripts/base_train.py``
and ``scripts/base_eval.py`` (which base_train imports) from ``$ZOO_REPOS/nanochat`` (default
``~/.cache/exptrack-zoo/repos``; ``git archive`` of the commit above), each checked against
its git blob id, copied into the cwd in the repository's layout; both scripts run in-process
as ``python -m scripts.<name>`` runs them from the repository root (``runpy.run_module``,
``__main__``, ``sys.argv`` as above), one after the other.
Data (nothing downloaded): ``NANOCHAT_BASE_DIR`` is ``./nanochat_base``; the case writes
ClimbMix's shard layout where ``nanochat.dataset`` reads it, ``base_data_climbmix/
shard_00000.parquet`` .. ``shard_00002.parquet`` (one ``text`` column, 600 documents each in
row groups of 200; the last shard is the validation split, as nanochat takes it), documents of
2-8 sentences of words drawn from a 60-word list (``random.Random(0)``). tok_train.py reads the
two training shards and writes ``tokenizer/tokenizer.pkl`` and ``token_bytes.pt`` there (the
word list allows only 247 merges: vocab 512 with the 9 special tokens); base_train reads them.
torch.compile: base_train compiles the model (``torch.compile(model, dynamic=False)``) and
nanochat/optim.py its fused AdamW and Muon steps (``@torch.compile(dynamic=False,
fullgraph=True)``); with inductor, the default, the first training step had not finished after
5 minutes on this 2-core runner (C++ code generation and gcc for forward, backward and both
optimizer steps), and ``TORCH_COMPILE_DISABLE=1`` fails (``fullgraph=True found no compiled
frames``). So the case gives ``torch.compile`` the ``backend="eager"`` default before either
script runs (``functools.partial``): Dynamo still traces every graph (fullgraph checks
included) and runs it with PyTorch's eager kernels; the numbers are the eager model's. About 45
s on the CPU. Determinism: nanochat's ``compute_init`` seeds ``torch.manual_seed(42)``; one
thread (``OMP_NUM_THREADS=1``): the values repeat, pipe and pty alike; only the times vary.

What it prints (stdout, print0; stderr for Python logging): tok_train's ``max_chars:
2,000,000,000``, ``doc_cap: 10,000``, ``vocab_size: 512``, rustbpe's coloured INFO lines on
stderr (``Progress: 100% (247/247 merges) - Last merge: (73, 110) -> 502 (frequency: 18)``),
``Training time: 0.07s``, ``Saved tokenizer encoding to ...``; then base_train's ASCII-art
banner, ``Autodetected device type: cpu``, ``COMPUTE_DTYPE: torch.float32 (auto-detected: no
CUDA (CPU/MPS))``, the Flash Attention 3/SDPA warnings, ``Vocab size: 512``, the model config
as JSON, the parameter counts (``total                   : 3,670,098``), ``Estimated FLOPs
per token: 2.162731e+07``, the scaling lines (``Scaling LRs by 0.0221 for batch size 256
(reference: 524,288)``, ``Scaling weight decay from 0.280000 to 0.161113 for depth 4``), token
counts, and then, every 5 steps and at the end::

  Step 00000 | Validation bpb: 2.202340

and every step (one line each, wrapped here)::

  step 00000/00020 (0.00%) | loss: 6.237974 | lrm: 0.03 | dt: 7781.36ms | tok/sec: 32 |
      bf16_mfu: 0.00 | epoch: 1 pq: 1 rg: 2 | total time: 0.00m
  step 00011/00020 (55.00%) | loss: 6.231779 | lrm: 0.30 | dt: 1380.53ms | tok/sec: 185 |
      bf16_mfu: 0.00 | epoch: 1 pq: 1 rg: 2 | total time: 0.02m | eta: 0.2m

(`` | eta: ..m`` from step 11 on, after the 10 untimed steps), the seven samples
(``<|bos|>The capital of France is from their great year city an.``), the checkpoint
manager's INFO lines on stderr, ``Peak memory usage: 0.00MiB`` (CUDA's; 0 on the CPU),
``Total training time: 0.22m`` and ``Minimum validation bpb: 2.173875``.

Truth: nanochat's records are W&B (``wandb_run.log`` of ``val/bpb`` at each evaluation and of
``train/loss``, ``train/lrm``, ... only every 100 steps; off here) and the checkpoint's
``meta_000020.json`` (the last ``val_bpb`` and the loop state: one number); neither keeps the
printed series. So, as ``pytorch_cifar_main`` does, two lines added to the stock
base_train.py (``RECORD_LINES``, no line changed), each right after its print, append the
value the print formats (``debiased_smooth_loss``; ``val_bpb``) to a list the case passes in
(``runpy``'s ``init_globals``); nothing is parsed from stdout. Judgement calls:
- Names as printed, by the naming rule (W&B, off, would key them ``train/loss`` and
  ``val/bpb``, as nanoGPT's case also keeps the printed names): ``loss`` (the step line's:
  the debiased EMA of the training loss, beta 0.9, not the step's raw loss) and
  ``validation_bpb`` (``Validation bpb``: the phase word prefixes the name).
- Axis ``step``: the printed step (``step 00000/00020``, ``Step 00000``); ``loss`` 20 points
  (steps 0-19: the loop's last pass, step 20, evaluates and saves but does not train),
  ``validation_bpb`` 5 (steps 0, 5, 10, 15, 20).
- Tolerances: both printed ``:.6f`` -> 5e-7.
- ``also_ok``: ``lrm`` (the LR multiplier, a schedule), ``dt``, ``tok/sec``, ``bf16_mfu``,
  ``total_time``, ``eta`` (timing and throughput; W&B would log ``train/lrm``, ``train/dt``,
  ``train/tok_per_sec``, ``train/mfu`` every 100 steps), ``Total_training_time``,
  ``Training_time`` (tok_train's) and ``Peak_memory_usage`` (timing, memory), and
  ``Minimum_validation_bpb`` (the running best printed again at the end: no series of its own).
- Not metrics: ``epoch: 1 pq: 1 rg: 2`` is the data loader's position (data epoch, parquet
  file index, row-group index: base_train builds it as one string, W&B's ``train/epoch``), so
  ``pq`` and ``rg`` are no metrics (nor in ``also_ok``); the parameter and token counts, FLOPs
  estimates and the scaling lines are settings; the samples are text.
"""
# zoo-venv: nanochat

import functools
import os
import random
import runpy
import shutil
import sys
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import torch
from _truth import series, write_truth
from _verbatim import first_changed, with_lines

SOURCE_REPO = "karpathy/nanochat"
SOURCE_COMMIT = "92d63d4e8bb4df75c3b71618f31ddde2378b2bcd"
REPOS = Path(os.environ.get("ZOO_REPOS", Path.home() / ".cache" / "exptrack-zoo" / "repos"))
REPO = REPOS.expanduser() / "nanochat"

# what the case copies into the cwd, in the repository's layout: path -> git blob id at
# SOURCE_COMMIT (the whole `nanochat` package and the three scripts base_train imports/runs)
BLOBS = {
    "nanochat/__init__.py": "e69de29bb2d1d6434b8b29ae775ad8c2e48c5391",
    "nanochat/checkpoint_manager.py": "bafcdeec05b7965fd194dbab5295ce7965ff8099",
    "nanochat/common.py": "1310ddf2986f9b541b677c155603201ca61f6743",
    "nanochat/core_eval.py": "f3c9a9f1f0f7e99abbe83d380913d07a3c0429ad",
    "nanochat/dataloader.py": "4cb227966c98febd72b4da27b5c1a6605ce8eb55",
    "nanochat/dataset.py": "fffe722ef17ccff47d3117e69dd13a1dce9b0167",
    "nanochat/engine.py": "9680d830fa8ebcd5d365482dc85eaec576757997",
    "nanochat/execution.py": "e6e93685b7996dfbd54ea494c2cfcf6ad44d9c2c",
    "nanochat/flash_attention.py": "7412b91a7bbbe4ad81bd022621459ff246bbdc86",
    "nanochat/fp8.py": "f9bf8d53b1aed9ec9bfc55a84c6d22c8c2c1d0de",
    "nanochat/gpt.py": "1e89378b1ae4fcba97462960b5a11695b1fe6a8e",
    "nanochat/loss_eval.py": "5a556e6c2c8f4409b04d3dba08f487d1fed176a5",
    "nanochat/optim.py": "45d8c01581f2548157c5ec2832a066da7d7cf812",
    "nanochat/tokenizer.py": "36880f58dc168e45d947313739b697304a4e00ed",
    "scripts/base_eval.py": "d9bf021c3a4fcbdf9bcba06e66205109e8cd98d2",
    "scripts/base_train.py": "d1af271a4fd70411dd844d4bc7f46a3ce068f730",
    "scripts/tok_train.py": "13d8f85d31ccfbe95abb07c66518f7592c61cd98",
}

# the record: lines added to base_train.py right after the two prints, appending the values
# each formats (no line of the stock text changed)
RECORD_LINES = {
    '        print0(f"Step {step:05d} | Validation bpb: {val_bpb:.6f}")\n':
        '        ZOO_RECORD.append(("val_bpb", step, val_bpb))  # zoo: the value just printed\n',
    '    print0(f"step {step:05d}/{num_iterations:05d} ({pct_done:.2f}%) | loss: '
    '{debiased_smooth_loss:.6f} | lrm: {lrm:.2f} | dt: {dt * 1000:.2f}ms | tok/sec: '
    '{tok_per_sec:,} | bf16_mfu: {mfu:.2f} | epoch: {epoch} | total time: '
    '{total_training_time/60:.2f}m{eta_str}")\n':
        '    ZOO_RECORD.append(("loss", step, debiased_smooth_loss))  # zoo: the value just'
        ' printed\n',
}

TOK_TRAIN_ARGS = ["--vocab-size=512"]
BASE_TRAIN_ARGS = ["--depth=4", "--max-seq-len=256", "--device-batch-size=1",
                   "--eval-tokens=512", "--core-metric-every=-1", "--total-batch-size=256",
                   "--num-iterations=20", "--eval-every=5", "--run=dummy"]
WORDS = ("the a of and to in is was for on with as by at from that this it he she they we "
         "you are were be been has have had not but or an which their his her its one two "
         "three new first time year people world city river king water light small large old "
         "long great")  # split on spaces


def write_shards(folder: Path, seed: int = 0, shards: int = 3, docs: int = 600,
                 row_group: int = 200) -> None:
    """ClimbMix's shard layout as nanochat.dataset reads it: ``shard_00000.parquet`` ..., one
    ``text`` column, row groups of documents; the last shard is the validation split."""
    rng = random.Random(seed)
    words_list = WORDS.split()

    def document() -> str:
        sentences = []
        for _ in range(rng.randint(2, 8)):
            words = [rng.choice(words_list) for _ in range(rng.randint(5, 14))]
            words[0] = words[0].capitalize()
            sentences.append(" ".join(words) + rng.choice([".", ".", "!", "?"]))
        return " ".join(sentences)

    folder.mkdir(parents=True, exist_ok=True)
    for index in range(shards):
        table = pa.table({"text": [document() for _ in range(docs)]})
        pq.write_table(table, folder / f"shard_{index:05d}.parquet", row_group_size=row_group)


def run_script(module: str, args: list[str], init_globals: dict | None = None) -> None:
    """``python -m scripts.<name> ARGS`` from the repository root, in-process."""
    sys.argv = [f"{module.replace('.', '/')}.py", *args]
    runpy.run_module(module, init_globals=init_globals, run_name="__main__", alter_sys=True)


def main() -> None:
    changed = first_changed(REPO, BLOBS)
    if changed:
        sys.exit(f"{REPO / changed} is not {SOURCE_REPO}'s at {SOURCE_COMMIT} (git archive "
                 f"it under $ZOO_REPOS/nanochat)")
    for rel in BLOBS:
        Path(rel).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(REPO / rel, rel)
    train = Path("scripts/base_train.py")
    train.write_text(with_lines(train.read_text(encoding="utf-8"), RECORD_LINES),
                     encoding="utf-8")
    base = Path("nanochat_base").resolve()
    os.environ["NANOCHAT_BASE_DIR"] = str(base)
    write_shards(base / "base_data_climbmix")
    sys.path.insert(0, str(Path.cwd()))  # `python -m scripts.base_train` from the repo root
    # inductor's C++ compile of the model and of the optimizer's fused steps takes minutes on
    # this 2-core runner: torch.compile keeps tracing (fullgraph checks included) but runs
    # the traced graphs eagerly
    torch.compile = functools.partial(torch.compile, backend="eager")

    run_script("scripts.tok_train", TOK_TRAIN_ARGS)
    record: list[tuple[str, int, float]] = []
    run_script("scripts.base_train", BASE_TRAIN_ARGS, {"ZOO_RECORD": record})

    loss = [(step, value) for name, step, value in record if name == "loss"]
    val_bpb = [(step, value) for name, step, value in record if name == "val_bpb"]
    assert len(loss) == 20 and len(val_bpb) == 5, record
    write_truth(
        "nanochat", f"{SOURCE_COMMIT[:8]} (no release; torch {torch.__version__})",
        "base_train.py's debiased_smooth_loss and val_bpb, appended right after the prints "
        "that format them (lines the case adds to the stock script; wandb is off, "
        "--run=dummy)",
        {"loss": series(loss, "step", tolerance=5e-7),
         "validation_bpb": series(val_bpb, "step", tolerance=5e-7)},
        also_ok=["lrm", "dt", "tok/sec", "bf16_mfu", "total_time", "eta",
                 "Total_training_time", "Minimum_validation_bpb", "Peak_memory_usage",
                 "Training_time"],
    )


if __name__ == "__main__":
    main()

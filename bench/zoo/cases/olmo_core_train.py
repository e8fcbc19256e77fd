"""AI2's OLMo-core 3.0.0 (``ai2-olmo-core``, PyPI's py3-none-any wheel, the newest release;
the repository allenai/OLMo-core keeps its examples under ``src/examples/``, which the wheel
does not ship) on the CPU build of torch 2.13.0: its ``Trainer`` pretraining a tiny
llama-like ``TransformerConfig`` the way ``src/examples/llm/train.py`` builds one (read at
fa6c5014, the repository's 2.5.0 line; 3.0.0 keeps the same API): a ``TransformerConfig``
factory, a ``NumpyFSLDatasetConfig`` over token arrays on disk, a ``NumpyDataLoaderConfig``
(global batch in tokens), a ``TransformerTrainModuleConfig`` (AdamW at lr 1e-3 with the
example's no-weight-decay group for ``embeddings.weight``, ``max_grad_norm=1.0``,
``CosWithWarmup``), a ``TrainerConfig`` (``metrics_collect_interval=5``,
``cancel_check_interval=5``, ``save_overwrite=True``), then ``model = ...build(init_device=
"meta")``, ``train_module``, ``dataset``, ``data_loader``, ``trainer = ...build(...)`` and
``trainer.fit()`` between ``prepare_training_environment`` and
``teardown_training_environment``, in one process.
Scaled down from the example: ``TransformerConfig.llama_like(d_model=64, vocab_size=256,
n_layers=2, n_heads=4)`` (164,160 parameters, its ``torch`` attention backend),
``sequence_length=64``, global and micro batch 8 sequences (512 tokens),
``CosWithWarmup(warmup_steps=4)`` (the example's 100 is more than the run), ``num_workers=0``,
``compile_model=False`` (no ``torch.compile`` on the CPU) and no FSDP ``dp_config``, no
evaluator, W&B, Comet, profiler or GPU-memory callbacks (the example's are off or need data
from the internet). ``prepare_training_environment(backend=None)``: its documented
"non-distributed training"; the trainer runs without a process group (torch's distributed
checkpoint warns once "torch.distributed is disabled ... assuming the intent is to save in a
single process"). The trainer's default duration, one epoch, is 30 steps of the data.
Data: ``tokens.npy``, 15,360 tokens (240 sequences of 64) the case writes as the raw numpy
token file the example's C4 files are: a seeded first-order Markov chain over the 256-token
vocabulary (each token four likely successors; token 0, the tokenizer config's EOS, about
every 128), uint8 because OLMo-core takes that dtype for a vocabulary of 256 ("Assuming dtype
'uint8' based on vocab size"). Tokenizer: a ``TokenizerConfig(vocab_size=256,
eos_token_id=0, pad_token_id=0)``, no tokenizer file. Checkpoints (step 0 and step 30, the
trainer's defaults) go to ``checkpoints/`` in the cwd. Nothing is downloaded; about 10 s.

Environment: OLMo-core's ``prepare_cli_environment`` logs through its Rich handler when stdout
is a terminal unless ``DEBIAN_FRONTEND=noninteractive`` is set; this sandbox sets it (a
user's shell does not), so the case removes it from its environment first, as ``run.py``
unsets the sandbox's ``PYTHONUNBUFFERED``. Pipe: the plain format.

What it prints (stdout; ``transformer_engine unavailable, disabling TE attention`` first):
- pipe: ``logging`` records ``%(asctime)s<TAB>%(hostname)s:%(local_rank)s<TAB>%(name)s:
  %(lineno)s<TAB>%(levelname)s<TAB>%(message)s``: ``2026-12-07 15:05:53.662<TAB>vm:0<TAB>
  olmo_core.nn.transformer.config:383<TAB>INFO<TAB>Building transformer with 164,160 total
  params, 147,776 non-embedding params``, the model's ``repr``, the AdamW groups' settings
  (`` - lr: 0.001``, `` - weight_decay: 0.01``), ``Training for 30 steps``, checkpoint and
  data-order lines; then ``ConsoleLoggerCallback``'s (the trainer adds it, with
  ``metrics_log_interval`` = the collect interval, 5): a bare progress marker each step
  (``[step=2/30,epoch=1]``) and, at step 1 and every 5th step, the marker (with
  ``,eta=1m`` from step 5) followed by the logged metrics its patterns select, one
  ``    name=value`` a line in ``format_float``'s form::

   ...console_logger:71<TAB>INFO<TAB>[step=5/30,epoch=1,eta=1m]
       train/CE loss=5.445
       optim/total grad norm=0.7293
       optim/LR (group 0)=0.0010
       optim/LR (group 1)=0.0010
       throughput/device/data loading (s)=0.0012
       throughput/device/TPS=29,924
       throughput/device/TPS (actual avg)=26,620
       throughput/total tokens=2,560
       throughput/chinchilla multiple=0.0009
       throughput/device/flopsPS=27.98B
       throughput/device/flopsPS (actual avg)=24.89B
       throughput/device/TFLOPs_per_GPU=0.0280
       throughput/total petaflops=2.39E-06
       throughput/device/BPS=58.45
       throughput/device/BPS (actual avg)=51.99
       throughput/device/data loading (%)=6.850
       train/PPL=231.6

  (step 1 has no throughput lines but ``data loading (s)``: the speed monitor needs a
  previous step). After ``Epoch complete`` and ``Saving checkpoint for step 30``, the
  checkpointer's metric at step 30 under a second marker, ``[step=30/30,epoch=2]`` then
  ``    checkpoint/save_duration_s=0.0611``, and ``Training complete``.
- pty: the same messages through OLMo-core's ``_RichHandler``, ANSI-coloured:
  ``[2026-12-07 15:05:28] INFO     [olmo_core.train.callbacks.console_logger:71, vm, rank=0]
  [step=5/30,epoch=1,eta=1m]`` and the same indented metric lines.

Truth: the trainer's own record of its metrics, as a callback receives it: ``Trainer``
reduces each step's recorded metrics and hands the dict, in one loop, to every callback's
``log_metrics(step, metrics)`` (``_check_and_pass_on_metrics``, which adds ``train/PPL`` =
exp(CE loss) first); ``ConsoleLoggerCallback`` prints from that dict, and the case's
``ZooRecordCallback`` (a ``Callback`` subclass, the trainer's documented way to extend it)
appends the same dict, full precision, as a JSON line to ``zoo_olmo_record.jsonl``. Nothing
is parsed from stdout. OLMo-core writes no metric file of its own by default (its
``MetricSaverCallback`` keeps only the last values), so the record is not in ``files``.
The truth keeps what the console logger prints of it: the steps its ``_should_log_metrics``
prints metrics at (1, 5, 10, ..., 30) and the keys its ``metrics`` patterns select
(``train/CE loss``, ``train/PPL``, ``optim/total grad norm``, ``optim/LR*``,
``throughput/*``, ``checkpoint/*``, ...), read from the trainer's own callback. Judgement
calls:
- Names: the trainer's keys, which the console prints as they are, with their spaces as
  ``_`` (docs/metrics.md; as ``keras_imbalanced_metrics`` names ``Brier score``):
  ``train/CE_loss``, ``optim/total_grad_norm``, ``throughput/device/TPS_(actual_avg)``. A
  unit in parentheses stays (``throughput/device/data_loading_(s)``); a percent sign in
  parentheses is no part of the name (docs: ``acc (%)`` -> ``acc``), so ``data loading
  (%)`` is ``throughput/device/data_loading``. A label in parentheses that tells two of the
  trainer's series apart stays, though the docs drop ``loss (train)``'s: ``TPS`` and ``TPS
  (actual avg)`` (the step's and the run's average) are two series, and so are ``optim/LR
  (group 0)`` and ``(group 1)``, the two AdamW parameter groups (the embeddings without
  weight decay, the rest), ``optim/LR_(group_0)``, ``optim/LR_(group_1)``.
- Every printed key the trainer records is a truth metric, throughput and timing included
  (as in ``torchtitan_llama``: they are in the record): ``train/CE_loss``, ``train/PPL``,
  ``optim/total_grad_norm`` and the two LRs (7 points: steps 1, 5, ..., 30),
  ``throughput/device/data_loading_(s)`` (7), ``throughput/device/TPS``, ``..._(actual_avg)``,
  ``flopsPS``, ``flopsPS_(actual_avg)``, ``TFLOPs_per_GPU``, ``BPS``, ``BPS_(actual_avg)``,
  ``data_loading`` (6: steps 5..30) and ``checkpoint/save_duration_s`` (1, step 30). Key
  ``step``: the marker's ``step=``.
- Counts, no metric: ``throughput/total tokens`` (512 a step, the run's running token count)
  and ``throughput/total petaflops`` (its running total of FLOPs; docs: a total of flops is
  a count). ``throughput/chinchilla multiple`` is that token count over 20 tokens a
  parameter (0.0052 at the end): a scaled count, in ``also_ok``, as is ``eta`` (the
  marker's time left, ``1m``: no record holds it). Not metrics either: ``epoch=`` in the
  marker (the epoch; the checkpoint marker's ``epoch=2`` is the count after the epoch ends),
  the start-up sizes (``164,160 total params``, ``Group 1, 20 parameter(s)``), the AdamW
  settings and the ``hostname:local_rank`` field of each record (``vm:0``, ``rank=0``).
- Tolerances from ``format_float``: per series the widest of its values' half units,
  ``.4f`` -> 5e-5 (the LRs, ``0.0010``, grad norm, ``TFLOPs_per_GPU``), ``.3f`` -> 5e-4
  (CE loss), ``.2f`` -> 5e-3, ``.1f`` -> 0.05 (PPL from 253.5 to 133.7); ``int()`` with
  thousands commas (``29,924``, truncated) -> 1e-3 relative; the ``B`` suffix (``27.98B``,
  four significant digits at least) -> 5e-4 relative; ``E`` notation below 1e-4 -> 5e-3
  relative.
- Logged, never printed (in ``notes``): ``train/masked labels (%)`` (not in the console
  logger's patterns), ``checkpoint/save_async_duration_s`` (step 0's), and every metric at
  the steps between the console's (2-4, 6-9, ...).
- Determinism: ``seed_all(12536)`` (the example's ``init_seed``) and the data loader's
  ``seed=0``; with ``OMP_NUM_THREADS=1`` the losses, norms and LRs repeat run to run and in
  both modes; the throughput and timing values vary with each run, each run's truth its own
  record. (``Will skip setting env var 'OMP_NUM_THREADS' since it's already set to '8'``:
  OLMo-core's message names its own default, 8, where the variable is 1.)
"""
# zoo-venv: olmocore

import fnmatch
import json
import math
import os
from importlib.metadata import version
from pathlib import Path

import numpy as np
from _truth import series, write_truth
from olmo_core.data import NumpyDataLoaderConfig, NumpyFSLDatasetConfig, TokenizerConfig
from olmo_core.nn.transformer import TransformerConfig
from olmo_core.optim import AdamWConfig, CosWithWarmup, OptimGroupOverride
from olmo_core.train import (
    TrainerConfig,
    prepare_training_environment,
    teardown_training_environment,
)
from olmo_core.train.callbacks import Callback, ConsoleLoggerCallback
from olmo_core.train.train_module import TransformerTrainModuleConfig
from olmo_core.utils import seed_all

VOCAB = 256  # the synthetic tokenizer's vocabulary (a multiple of 128: no padding)
SEQ_LEN = 64
BATCH_INSTANCES = 8  # global batch: 8 sequences of 64 tokens
INSTANCES = 240  # one epoch (the trainer's default duration) of 30 steps
RECORD = "zoo_olmo_record.jsonl"  # the case's callback's file (no framework metric file)
# printed running totals: counts, not metrics (docs/metrics.md: "a total of flops ... is a
# count"), and the token count over 20 tokens a parameter, named in also_ok
COUNTS = ("throughput/total tokens", "throughput/total petaflops")
RATIO_OF_COUNT = ("throughput/chinchilla multiple",)


class ZooRecordCallback(Callback):
    """The record: every ``log_metrics(step, metrics)`` call the trainer makes (the very
    dict it hands ``ConsoleLoggerCallback`` in the same loop), one JSON line a call."""

    def log_metrics(self, step, metrics):
        with open(RECORD, "a", encoding="utf-8") as handle:
            handle.write(json.dumps({"step": step, "metrics": dict(metrics)}) + "\n")


def write_tokens(path: str, seed: int = 0) -> None:
    """A synthetic token stream, uint8 (the dtype the numpy dataset assumes for a vocabulary
    of 256): a seeded
    first-order Markov chain in which each token has four likely successors, so the loss
    falls from ln(256) towards ln(4); token 0 (EOS) ends a document about every 128 tokens."""
    rng = np.random.default_rng(seed)
    successors = rng.integers(1, VOCAB, (VOCAB, 4))
    tokens = np.empty(INSTANCES * SEQ_LEN, dtype=np.uint8)
    current = 1
    for i in range(tokens.size):
        ends = rng.random() < 1 / 128
        current = 0 if ends else int(successors[current, rng.integers(0, 4)])
        tokens[i] = current
    tokens.tofile(path)


def half_unit(value: float) -> tuple[float, float]:
    """(absolute, relative) half unit of ``olmo_core.utils.format_float(value)``, the console
    logger's format: ``.4f`` up to 1, ``.3f`` to 10, ``.2f`` to 100, ``.1f`` to 1000, then
    ``int(value)`` with thousands commas (truncated: under a unit, so under 1e-3 relative)
    up to 1e9, ``6.582B`` (four significant digits or more) from 1e9, ``2.39E-06`` below
    1e-4."""
    size = abs(value)
    if size == 0 or not math.isfinite(value):
        return 0.0, 0.0
    if size < 1e-4:
        return 0.0, 5e-3
    if size >= 1e9:
        return 0.0, 5e-4
    if size >= 1000:  # int() truncates: less than a unit, below a thousandth of the value
        return 0.0, 1e-3
    if size > 100:
        return 0.05, 0.0
    if size > 10:
        return 0.005, 0.0
    if size > 1:
        return 5e-4, 0.0
    return 5e-5, 0.0


def metric_name(key: str) -> str:
    """The trainer's key as docs/metrics.md names printed words: spaces as ``_``, a percent
    sign in parentheses no part of the name (``data loading (%)`` -> ``data_loading``); a
    unit or label in parentheses stays (``data_loading_(s)``, ``TPS_(actual_avg)``,
    ``LR_(group_0)``: each tells one of the trainer's series from another)."""
    return key.removesuffix(" (%)").replace(" ", "_")


def main() -> None:
    # set by this sandbox, not by a user's shell: with it OLMo-core logs to a terminal as to a
    # pipe (its plain tab-separated format), without it through its Rich handler
    os.environ.pop("DEBIAN_FRONTEND", None)
    write_tokens("tokens.npy")
    prepare_training_environment(backend=None)  # one process, no process group
    seed_all(12536)  # the example's init_seed

    tokenizer_config = TokenizerConfig(vocab_size=VOCAB, eos_token_id=0, pad_token_id=0)
    model_config = TransformerConfig.llama_like(
        d_model=64, vocab_size=tokenizer_config.padded_vocab_size(), n_layers=2, n_heads=4)
    dataset_config = NumpyFSLDatasetConfig(
        paths=["tokens.npy"], sequence_length=SEQ_LEN, tokenizer=tokenizer_config,
        work_dir="dataset-cache")
    data_loader_config = NumpyDataLoaderConfig(
        global_batch_size=BATCH_INSTANCES * SEQ_LEN,  # in tokens, not instances
        seed=0, num_workers=0)
    train_module_config = TransformerTrainModuleConfig(
        rank_microbatch_size=BATCH_INSTANCES * SEQ_LEN,  # in tokens, not instances
        max_sequence_length=SEQ_LEN,
        optim=AdamWConfig(lr=1e-3, group_overrides=[
            OptimGroupOverride(params=["embeddings.weight"], opts=dict(weight_decay=0.0))]),
        compile_model=False,
        max_grad_norm=1.0,
        scheduler=CosWithWarmup(warmup_steps=4),
    )
    trainer_config = TrainerConfig(
        save_folder="checkpoints", save_overwrite=True, metrics_collect_interval=5,
        cancel_check_interval=5,
    ).with_callback("zoo_record", ZooRecordCallback())

    # the example's train(): build the components, then fit
    model = model_config.build(init_device="meta")
    train_module = train_module_config.build(model)
    dataset = dataset_config.build()
    data_loader = data_loader_config.build(dataset,
                                           dp_process_group=train_module.dp_process_group)
    trainer = trainer_config.build(train_module, data_loader)
    trainer.fit()
    console = next(cb for cb in trainer.callbacks.values()
                   if isinstance(cb, ConsoleLoggerCallback))
    teardown_training_environment()

    # truth: the record at the steps and of the names the console logger prints
    values: dict[str, list[tuple[int, float]]] = {}
    logged: set[str] = set()
    for line in Path(RECORD).read_text(encoding="utf-8").splitlines():
        entry = json.loads(line)
        step = entry["step"]
        for key, value in entry["metrics"].items():
            logged.add(key)
            if console._should_log_metrics(step) and any(
                    fnmatch.fnmatch(key, pattern) for pattern in console.metrics):
                values.setdefault(key, []).append((step, value))
    unprinted = sorted(logged - set(values))
    counts = [key for key in COUNTS if key in values]
    metrics = {}
    for key, pairs in values.items():
        if key in COUNTS or key in RATIO_OF_COUNT:
            continue
        units = [half_unit(value) for _, value in pairs]
        metrics[metric_name(key)] = series(
            pairs, "step", tolerance=max(unit[0] for unit in units) or None,
            rel_tolerance=max(unit[1] for unit in units) or None)
    write_truth(
        "OLMo-core", version("ai2-olmo-core"),
        "a Callback of the case's (ZooRecordCallback) that receives every Trainer "
        "log_metrics(step, metrics) call, the same dict ConsoleLoggerCallback prints from, "
        f"written to {RECORD} (JSON lines); kept at the steps the console logger prints "
        "metrics at (its _should_log_metrics) and for the keys its metrics patterns select",
        metrics,
        also_ok=["eta", *(metric_name(key) for key in RATIO_OF_COUNT)],
        notes=f"names: the trainer's keys, spaces as '_', ' (%)' dropped. Printed counts, no "
              f"metric: {', '.join(counts)}. Logged but never printed (not in the console "
              f"logger's patterns, or at a step it prints no metrics at): "
              f"{', '.join(unprinted)}",
    )

if __name__ == "__main__":
    main()

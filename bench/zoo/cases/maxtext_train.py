"""Google's MaxText (AI-Hypercomputer/maxtext, "a simple, performant and scalable Jax LLM"),
pretraining with its own trainer, ``python -m MaxText.train src/MaxText/configs/base.yml
...`` as its README runs it, on the CPU build of JAX 0.7.1 (jaxlib 0.7.1) with Flax 0.11.2,
Optax 0.2.5 and TensorFlow 2.20.0.

Which MaxText: the repository at commit 9fefc15165e5d3ea029d984329d8ec502628940f
(2025-09-08, ``MaxText.__version__`` "2025.09.03" in ``src/MaxText/__init__.py``), unpacked under
``$ZOO_REPOS/maxtext`` (default ``~/.cache/exptrack-zoo/repos/maxtext``; see
``requirements-maxtext.txt`` for the ``git archive`` line) and run from there with its
``src/`` on ``PYTHONPATH``. Not PyPI's ``maxtext``: every release there (0.1.0 .. 0.2.5)
requires Python >= 3.12 and the zoo runs 3.11; this is the last commit whose
``pyproject.toml`` still says ``requires-python = ">=3.10"`` (the next, 978e5858, raised it).
Five of its files are checked against their git blob ids (``BLOBS``).

The run: ``python -m MaxText.train <repo>/src/MaxText/configs/base.yml`` (the stock config,
``model_name: default``, ``decoder_block: llama2``) with the command-line overrides
``run_name=zoo base_output_directory=maxtext_output dataset_type=synthetic steps=20
hardware=cpu skip_jax_distributed_system=True enable_checkpointing=False
attention=dot_product base_emb_dim=128 base_num_query_heads=4 base_num_kv_heads=4
head_dim=32 base_mlp_dim=512 base_num_decoder_layers=2 vocab_size=512
max_target_length=128 per_device_batch_size=4 metrics_file=metrics.txt
jax_cache_dir=jax_cache``, run by the case with subprocess, its stdout and stderr
inherited. The decoder is tiny (two layers, width 128: ``number parameters: 0.001
billion``); one device (``Num_devices: 1``), a global batch of 4 x 128 tokens. Everything
else is base.yml's: bfloat16 activations, AdamW (weight decay 0.1) at ``learning_rate``
3e-5 with a warm-up over 10% of the steps and cosine decay to a tenth, gradient clipping at
1.0, ``init_weights_seed`` 0, TensorBoard on (``enable_tensorboard: True``, ``log_period``
100). Judgement calls of the command:
- ``hardware=cpu`` alone makes MaxText call ``jax.distributed.initialize`` for an XPK CPU
  cluster (it reads ``JOB_INDEX`` and friends from the environment and fails without them);
  ``skip_jax_distributed_system=True`` is the flag MaxText's own CPU tests pass for one
  process.
- ``attention=dot_product``: base.yml's ``autoselected`` picks the Pallas flash kernel at 128
  tokens, which on a CPU fails with "Only interpret mode is supported on CPU backend";
  dot_product is MaxText's plain XLA attention.
- ``jax_cache_dir=jax_cache``: base.yml keeps JAX's persistent compilation cache in
  ``~/jax_cache``, so a second run would skip the first step's compile (its ``seconds``
  shrank from 7.8 to 0.7 here); a folder in the run's own cwd keeps each run fresh and the home
  folder clean.
- ``dataset_type=synthetic``: MaxText's ``SyntheticDataIterator``, one batch of
  ``jax.random.randint(PRNGKey(0), ...)`` tokens handed out again at every step (so the loss
  falls as the model learns that batch); no tokenizer, nothing downloaded.
About 30 s of CPU, half of it the first step's XLA compile.

What it prints (``max_logging.log``: ``print(..., flush=True)`` to stdout; JAX's and
TensorFlow's own warnings on stderr): ``Updating keys from env and command line: [...]``,
``Running Model: default``, one ``Config param <key>: <value>`` line for each of its ~400
settings (``Config param learning_rate: 3e-05``, ``Config param steps: 20``, ...), ``System
Information: Jax Version: 0.7.1``, ``Num_devices: 1, shape (1, 1, ...)``, ``Total memory
size: 0.0 GB, Output size: 0.0 GB, ...``, ``Per train step:`` / `` Total TFLOPs: 0.00`` / ``
split as 94.74% learnable weight flops and 5.26% attention flops``, ``number parameters:
0.001 billion``, then one line a step from ``MetricLogger.log_metrics``::

 completed step: 3, seconds: 0.053, TFLOP/s/device: 0.036, Tokens/s/device: 9588.015, \
total_weights: 512, loss: 6.707

(``f"completed step: {step}, seconds: {step_time:.3f}, TFLOP/s/device: {...:.3f},
Tokens/s/device: {...:.3f}, total_weights: {total_weights}, loss: {loss:.3f}"``; the
weights are a JAX integer array, printed as such), and once, after step 0, ``To see full
metrics 'tensorboard --logdir=maxtext_output/zoo/tensorboard/'``. Step 0's ``seconds``
include the compile (``completed step: 0, seconds: 4.216, TFLOP/s/device: 0.000,
Tokens/s/device: 121.434, ...``). On stderr: transformers' ``PyTorch was not found``
note, XLA's ``failed call to cuInit``, JAX's ``Unable to initialize backend 'tpu'`` (twice,
through absl), TensorFlow's cudart/oneDNN/CPU-instructions lines.

Truth: MaxText's own metrics record. ``metrics_file=metrics.txt`` makes
``MetricLogger.write_metrics_locally`` append a JSON line a step of every scalar it logs,
``float()`` of each (full precision) with ``step`` and ``run_name`` (in ``files``): the
record of the printed values under MaxText's keys. With TensorBoard on (base.yml's
default), ``write_metrics_to_tensorboard`` writes the same scalars at each step with
tensorboardX's ``SummaryWriter.add_scalar`` to ``maxtext_output/zoo/tensorboard/zoo/
events.out.tfevents.*`` (also in ``files``; float32), read back with TensorBoard's loader
(``_records.tb_scalars``), and the case checks the two records agree. Judgement calls:
- Names as printed, each the metrics file's key behind it: ``loss`` is
  ``learning/loss``, ``seconds`` ``perf/step_time_seconds``, ``TFLOP/s/device``
  ``perf/per_device_tflops_per_sec``, ``Tokens/s/device``
  ``perf/per_device_tokens_per_sec``, ``total_weights`` ``learning/total_weights``. MaxText
  records every one of them, so each is a truth metric, time and throughput included (no
  ``also_ok``). ``total_weights`` (the number of target tokens the loss is averaged over, 512
  at every step here: no padding in synthetic data) is a count, but MaxText keys it as a
  ``learning/`` metric and records it each step, as it prints it.
- 20 points each, key ``step``, MaxText's own 0-based step (``completed step: 0`` .. 19).
- Tolerances from the print: ``%.3f`` -> 5e-4 for ``loss``, ``seconds``, ``TFLOP/s/device``
  and ``Tokens/s/device``; ``total_weights`` is printed whole (exact).
- The event file under its own tags (what reading that file yields) is ``file_metrics``,
  every scalar at float32 (rel 1e-6): the printed ones' tags and the never printed
  ``learning/grad_norm``, ``learning/raw_grad_norm``, ``learning/param_norm``,
  ``learning/moe_lb_loss``, ``learning/mtp_loss`` (0: no MoE, no multi-token prediction),
  ``learning/current_learning_rate``, ``perf/per_device_tflops`` and
  ``perf/per_device_tokens`` (constants per step). Its text summaries (the config,
  ``num_model_parameters``, ``libtpu_init_args``) are not scalars.
- Not metrics: the ``Config param`` lines (settings), ``Total TFLOPs: 0.00``, the
  ``split as 94.74% ... 5.26%`` line, ``number parameters: 0.001 billion``, the memory sizes
  (``0.0 GB``), the versions and device counts.
- Determinism: the weights' seed (``init_weights_seed`` 0) and the synthetic batch's
  ``PRNGKey(0)`` are fixed, so the losses repeat run to run on this machine
  (``OMP_NUM_THREADS=1``); the times and throughputs vary, and each run's truth is that
  run's record.
"""
# zoo-venv: maxtext

import glob
import json
import math
import os
import subprocess
import sys
from importlib.metadata import version
from pathlib import Path

from _records import tb_scalars
from _truth import series, write_truth
from _verbatim import first_changed

COMMIT = "9fefc15165e5d3ea029d984329d8ec502628940f"
BLOBS = {
    "src/MaxText/train.py": "3ab9b3d7754725f40a2940f87498005df4f40bb6",
    "src/MaxText/metric_logger.py": "18331685ec79ae76930fe2750fb3a0a404e4b3f8",
    "src/MaxText/configs/base.yml": "4d5510d1159adb60eed6b5713750eaae49068686",
    "src/MaxText/max_utils.py": "e75661e0ee5a108cf0bc2a1721ec0df6bc11749b",
    "src/MaxText/input_pipeline/synthetic_data_processing.py":
        "852c839dd357a6200623e93c44a84dcbf5d5f5ed",
}
STEPS = 20
METRICS_FILE = "metrics.txt"
OVERRIDES = [
    "run_name=zoo", "base_output_directory=maxtext_output", "dataset_type=synthetic",
    f"steps={STEPS}", "hardware=cpu", "skip_jax_distributed_system=True",
    "enable_checkpointing=False", "attention=dot_product", "base_emb_dim=128",
    "base_num_query_heads=4", "base_num_kv_heads=4", "head_dim=32", "base_mlp_dim=512",
    "base_num_decoder_layers=2", "vocab_size=512", "max_target_length=128",
    "per_device_batch_size=4", f"metrics_file={METRICS_FILE}", "jax_cache_dir=jax_cache",
]

repo = Path(os.environ.get("ZOO_REPOS", Path.home() / ".cache" / "exptrack-zoo" / "repos"))
repo = repo / "maxtext"
if (rel := first_changed(repo, BLOBS)) is not None:
    sys.exit(f"{repo / rel} is not AI-Hypercomputer/maxtext's at {COMMIT} (see the docstring)")

env = dict(os.environ)
env["PYTHONPATH"] = os.pathsep.join(
    [str(repo / "src"), *filter(None, [os.environ.get("PYTHONPATH")])])
subprocess.run([sys.executable, "-m", "MaxText.train",
                str(repo / "src" / "MaxText" / "configs" / "base.yml"), *OVERRIDES],
               env=env, check=True)

# truth: MaxText's metrics file (a JSON line a step) and its TensorBoard event file
with open(METRICS_FILE, encoding="utf-8") as handle:
    rows = [json.loads(line) for line in handle if line.strip()]
assert [int(row["step"]) for row in rows] == list(range(STEPS)), [row["step"] for row in rows]
(event_file,) = glob.glob("maxtext_output/zoo/tensorboard/zoo/events.out.tfevents.*")
scalars = tb_scalars([event_file])
for tag, pairs in scalars.items():  # the two records hold the same values
    assert [step for step, _ in pairs] == list(range(STEPS)), (tag, pairs)
    for (step, value), row in zip(pairs, rows, strict=True):
        assert math.isclose(value, row[tag], rel_tol=1e-6, abs_tol=1e-12), (tag, step, value)

PRINTED = {  # printed name: (MaxText's key, half a unit of the printed last digit)
    "seconds": ("perf/step_time_seconds", 5e-4),
    "TFLOP/s/device": ("perf/per_device_tflops_per_sec", 5e-4),
    "Tokens/s/device": ("perf/per_device_tokens_per_sec", 5e-4),
    "total_weights": ("learning/total_weights", None),
    "loss": ("learning/loss", 5e-4),
}
metrics = {name: series([(row["step"], row[key]) for row in rows], "step", tolerance=tolerance)
           for name, (key, tolerance) in PRINTED.items()}
file_metrics = {tag: series(pairs, "step", rel_tolerance=1e-6) for tag, pairs in scalars.items()}
write_truth(
    "MaxText", f"2025.09.03 ({COMMIT[:8]})",
    f"MaxText's metrics_file {METRICS_FILE} (MetricLogger.write_metrics_locally: a JSON line "
    "of every scalar a step, full precision); the same scalars in its TensorBoard event file "
    f"{event_file} (tensorboardX add_scalar, float32) as file_metrics",
    metrics, files=[METRICS_FILE, event_file], file_metrics=file_metrics,
    notes=f"AI-Hypercomputer/maxtext at {COMMIT} (2025-09-08), src/ on PYTHONPATH; "
          f"jax {version('jax')}, jaxlib {version('jaxlib')}, flax {version('flax')}, "
          f"tensorflow {version('tensorflow')}, tensorboardX {version('tensorboardX')}; "
          "synthetic data, CPU, one device",
)

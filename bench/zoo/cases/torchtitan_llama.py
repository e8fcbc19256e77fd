"""torchtitan 0.2.2 (``torchtitan``, PyTorch's native LLM pretraining platform; PyPI's wheel,
repository tag v0.2.2 at 73a0e6979dd10b6b1904098eb3c8f62c18ab87ce) on the CPU build of torch
2.13.0: its own trainer, ``torchtitan/train.py``, run as its ``run_train.sh`` runs it
(``python -m torchtitan.train --job.config_file
./torchtitan/models/llama3/train_configs/debug_model.toml``, here with one process and no
torchrun: the case sets the variables torchrun sets, ``RANK=0 LOCAL_RANK=0 WORLD_SIZE=1
LOCAL_WORLD_SIZE=1 MASTER_ADDR/MASTER_PORT`` and run_train.sh's ``LOG_RANK=0``, and runs the
module in-process with ``runpy`` as ``__main__``) with its llama3 ``debugmodel`` (6 layers,
dim 256, 16 heads, vocab 2048: 6,163,712 parameters, SDPA attention, selective activation
checkpointing, AdamW lr 8e-4 with 2 warm-up steps and linear decay, grad clipping at 1.0;
all from the stock ``debug_model.toml``) and the options ``--training.steps 20
--training.seq_len 128 --metrics.log_freq 1 --metrics.enable_tensorboard --debug.seed 0``
(the toml's own ``seq_len`` is 2048: 128 keeps 20 steps of batch 8 within about 20 s on two
cores). The communication backend is gloo (torch's default for the ``cpu`` device);
no parallelism (``dp_shard`` -1 resolves to 1 with one rank), no checkpoint, no validation
(the toml's defaults).

Why 0.2.2 and not PyPI's newest, 0.3.0 (which installs with torch 2.13.0): 0.3.0's language
models accept only the ``flex``, ``flex_flash`` and ``varlen`` attention backends (``sdpa`` is
refused: "sdpa is no longer supported for language models"), and none of them trains on a
CPU: ``torch.nn.attention.flex_attention`` raises "FlexAttention does not support backward on
CPU", ``flex_flash`` needs CUDA capability 9.0 and ``varlen`` CUDA's flash attention. 0.2.2's
``debugmodel`` flavour still uses ``attn_type="sdpa"``, which runs on the CPU.

CPU: torchtitan has no device option (no ``--training.device``): ``torchtitan/tools/utils.py``
takes ``device_type = torch._utils._get_available_device_type() or "cuda"`` and
``device_module = getattr(torch, device_type)`` at import, so on a CPU-only torch it picks
``cuda`` and fails in ``torch.cuda.set_device``. Before torchtitan is imported the case
(1) makes ``_get_available_device_type`` answer ``"cpu"`` (torchtitan then uses
``torch.cpu`` and ``torch.device("cpu:0")``, and torch's gloo for ``cpu``), (2) gives
``torch.cpu`` the five device queries torch.cpu lacks and torchtitan's
``DeviceMemoryMonitor`` calls (``get_device_name`` -> ``"CPU"``, ``get_device_properties``
-> the machine's physical memory as ``total_memory``, ``memory_stats`` -> the process's peak
resident set size, ``getrusage``'s ``ru_maxrss``, as both ``active_bytes.all.peak`` and
``reserved_bytes.all.peak``, no retries or OOMs; ``reset_peak_memory_stats`` and
``empty_cache`` do nothing), and (3) makes ``torch.cpu.current_device()`` answer 0, not
``"cpu"`` (``set_pg_timeouts`` passes it to ``barrier(device_ids=[...])``, which takes ints).
Nothing else is changed: the model, data loader, loss, optimizer, scheduler, metrics
processor and TensorBoard logger are torchtitan's. Its MFU falls back to an A100's peak
(it says so: ``Peak flops undefined for: CPU, fallback to A100``), and its ``lspci`` probe
warns that the program is missing.

Files: the stock ``debug_model.toml`` and the bundled test tokenizer
(``tests/assets/tokenizer/tokenizer.json``, ``tokenizer_config.json``: the toml's
``hf_assets_path = "./tests/assets/tokenizer"``), none of which the wheel ships, come from
the repository at v0.2.2, unpacked under ``$ZOO_REPOS/torchtitan`` (default
``~/.cache/exptrack-zoo/repos/torchtitan``: ``git archive v0.2.2 run_train.sh
torchtitan/models/llama3/train_configs/debug_model.toml tests/assets/tokenizer``), each
checked against its git blob id; the tokenizer is copied into the cwd, which stands for the
repository root. Data: the toml's ``dataset = "c4_test"`` is loaded by
``load_dataset("tests/assets/c4_test", split="train")``; the repository's 2K-document C4
sample (``tests/assets/c4_test/data.json``) is not in the stored mirror (its blob is absent),
so the case writes a synthetic one in its layout (JSON lines with ``text``, ``timestamp``,
``url``): 600 documents of seeded English-like sentences from a small word list. Nothing is
downloaded. About 30 s in all; 0.6-0.8 GiB of memory.

What it prints (its ``logging`` to stderr, ``[titan] <date> - root - INFO - ``...): the
start-up lines (``torchtitan version: 0.2.2 ...``, ``Starting job: Llama 3 debug training``,
``Loading tokenizer from tokenizer.json``, ``Preparing c4_test dataset from
tests/assets/c4_test``, datasets' ``Generating train split`` bar, torchdata's ``set_vital``
UserWarning, ``Building llama3 debugmodelwith {`` and the model's arguments as indented JSON
(``"dim": 256,``, ``"n_layers": 6,``, ``"norm_eps": 1e-05,``, ``"max_seq_len": 128,``, ...),
``TensorBoard logging enabled. Logs will be saved at ./outputs/tb/<date>``, ``CPU capacity:
CPU with 23.54GiB memory``, the lspci and A100 warnings, ``Model llama3 debugmodel size:
6,163,712 total parameters``, ``Peak FLOPS used for computing MFU: 3.120e+14``, ``CPU memory
usage for model: 0.57GiB(2.43%)``, ``Trainer is initialized with local batch size 8, global
batch size 8, gradient accumulation steps 1, sequence length 128, total steps 20 (warmup
2)``, ``Training starts at step 1``, the device mesh lines, ``Synchronizing and adjusting
timeout for all ProcessGroups to 0:01:40``) and a line a step, with ANSI colours always
(``disable_color_printing = false``; shown here without them and cut at ``|``)::

 [titan] 2026-12-07 12:10:41,596 - root - INFO - step: 20  loss:  2.37127  grad_norm:  |
 0.9331  memory:  0.76GiB(3.22%)  tps: 1,957  tflops: 0.07  mfu: 0.02%

(``f"step: {step:2}  loss: {loss:8.5f}  grad_norm: {grad_norm:7.4f}  memory:
{max_reserved_gib:5.2f}GiB({max_reserved_pct:.2f}%)  tps: {round(tps):,}  tflops:
{tflops:,.2f}  mfu: {mfu:.2f}%"``), then ``Sleeping 2 seconds for other ranks to
complete``, ``Training completed``, ``Process group destroyed``.

Truth: torchtitan's own TensorBoard record: ``MetricsProcessor.log`` hands the same numbers
it prints to its ``TensorBoardLogger`` (``SummaryWriter.add_scalar`` of every key at the
step), one event file under ``outputs/tb/<date>/`` (in ``files``), read back with
tensorboard's ``EventAccumulator``. Judgement calls:
- Names as printed (eole's rule): ``loss`` is the file's ``loss_metrics/global_avg_loss``
  (the line prints that one, not ``global_max_loss``; with one rank they are equal),
  ``grad_norm`` its ``grad_norm``, ``memory`` its ``memory/max_reserved(GiB)``, ``tps`` its
  ``throughput(tps)``, ``tflops`` and ``mfu`` its ``tflops`` and ``mfu(%)``. Each is recorded,
  so each is a truth metric, throughput included; 20 points, key ``step`` (1..20).
- Tolerances from the print: ``loss`` ``%8.5f`` -> 5e-6, ``grad_norm`` ``%7.4f`` -> 5e-5,
  ``memory``, ``tflops``, ``mfu`` ``%.2f`` -> 5e-3, ``tps`` ``round()`` -> 0.5 (printed with
  a thousands comma, ``1,957``); plus 1e-6 relative for TensorBoard's float32.
- The percent in parentheses after ``memory`` (``(3.22%)``, the file's
  ``memory/max_reserved(%)``) is unnamed on the line: no metric of its own.
- ``memory`` here is the process's peak resident set size through the case's stand-in for
  CUDA's memory statistics (above), as torchtitan records and prints it.
- The event file under its own tags (what reading the file yields) is ``file_metrics``, every
  scalar at float32 (rel 1e-6): the printed ones' tags and the never printed
  ``loss_metrics/global_max_loss``, ``time_metrics/end_to_end(s)``,
  ``time_metrics/data_loading(s)``, ``time_metrics/data_loading(%)``,
  ``memory/max_active(GiB)``, ``memory/max_active(%)``, ``memory/max_reserved(%)``,
  ``memory/num_alloc_retries``, ``memory/num_ooms``, ``n_tokens_seen`` and ``lr``.
- Not metrics: ``step`` (the axis), the start-up lines' sizes and counts (``size: 6,163,712
  total parameters``, ``23.54GiB memory``, ``memory usage for model: 0.57GiB(2.43%)``, batch
  sizes, ``total steps 20 (warmup 2)``), the model arguments' JSON (``"dim": 256``, settings),
  ``Peak FLOPS used for computing MFU: 3.120e+14`` (a constant), the timeout (``0:01:40``)
  and datasets' ``600 examples [00:00, 207143.17 examples/s]`` bar.
- Determinism: ``--debug.seed 0`` seeds the model's initialisation; the data loader reads the
  documents in order; so the losses and gradient norms repeat run to run on this machine
  (``OMP_NUM_THREADS=1``); ``memory``, ``tps``, ``tflops``, ``mfu`` vary with each run, and
  each run's truth is that run's record.
"""
# zoo-venv: torchtitan

import glob
import json
import os
import random
import resource
import runpy
import shutil
import socket
import sys
import types
from importlib.metadata import version
from pathlib import Path

import torch
import torch._utils
from _truth import series, write_truth
from _verbatim import first_changed
from tensorboard.backend.event_processing.event_accumulator import EventAccumulator

COMMIT = "73a0e6979dd10b6b1904098eb3c8f62c18ab87ce"  # tag v0.2.2
CONFIG = "torchtitan/models/llama3/train_configs/debug_model.toml"
BLOBS = {
    CONFIG: "7760667edd1bb6f6f647c07939b4c223ed245446",
    "tests/assets/tokenizer/tokenizer.json": "7eed211ed092f413541518ba1bd0e71d3789502e",
    "tests/assets/tokenizer/tokenizer_config.json": "c2aad203a522950fa1c16d585680d4e2d6ee16a5",
}
STEPS = 20

repo = Path(os.environ.get("ZOO_REPOS", Path.home() / ".cache" / "exptrack-zoo" / "repos"))
repo = repo / "torchtitan"
if (rel := first_changed(repo, BLOBS)) is not None:
    sys.exit(f"{repo / rel} is not pytorch/torchtitan's at {COMMIT} (see the docstring)")
shutil.copytree(repo / "tests" / "assets" / "tokenizer", "tests/assets/tokenizer")

# the c4_test sample's layout (JSON lines of C4 records), synthetic English-like text
rng = random.Random(0)
SUBJECTS = ["the city", "our team", "a new study", "the old house", "this recipe", "the river",
            "my neighbour", "the market", "the school board", "a small company", "the garden",
            "the museum", "every student", "the local paper", "the weather"]
VERBS = ["shows", "needs", "brings", "offers", "changes", "follows", "opens", "keeps",
         "makes", "finds", "helps", "covers", "starts", "builds", "leaves"]
OBJECTS = ["a better plan", "more time", "fresh bread", "the best results", "new ideas",
           "a long walk", "the summer season", "simple tools", "a quiet morning",
           "many visitors", "the whole family", "clear water", "good prices", "the next step",
           "a warm welcome"]
TAILS = ["", " this year", " every day", " in the spring", " for everyone", " at night",
         " after the rain", " near the station", " without a doubt", " on the weekend"]
os.makedirs("tests/assets/c4_test", exist_ok=True)
with open("tests/assets/c4_test/data.json", "w", encoding="utf-8") as handle:
    for doc in range(600):
        sentences = [f"{rng.choice(SUBJECTS)} {rng.choice(VERBS)} {rng.choice(OBJECTS)}"
                     f"{rng.choice(TAILS)}." for _ in range(rng.randint(4, 12))]
        text = " ".join(s[0].upper() + s[1:] for s in sentences)
        handle.write(json.dumps({"text": text, "timestamp": "2019-04-25T12:00:00Z",
                                 "url": f"https://example.org/{doc}"}) + "\n")

# one process as torchrun would start it (run_train.sh: NGPU=1, LOG_RANK=0)
with socket.socket() as probe:
    probe.bind(("127.0.0.1", 0))
    port = probe.getsockname()[1]
os.environ.update(RANK="0", LOCAL_RANK="0", WORLD_SIZE="1", LOCAL_WORLD_SIZE="1",
                  MASTER_ADDR="127.0.0.1", MASTER_PORT=str(port), LOG_RANK="0")

# the CPU as torchtitan's device (see the docstring): torch.cpu plus the memory queries
TOTAL_MEMORY = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES")


def memory_stats(device=None):
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024  # KiB on Linux
    return {"active_bytes.all.peak": peak, "reserved_bytes.all.peak": peak,
            "num_alloc_retries": 0, "num_ooms": 0}


STAND_INS = {
    "get_device_name": lambda device=None: "CPU",
    "get_device_properties": lambda device=None: types.SimpleNamespace(
        name="CPU", total_memory=TOTAL_MEMORY),
    "memory_stats": memory_stats,
    "reset_peak_memory_stats": lambda device=None: None,
    "empty_cache": lambda: None,
}
for name, function in STAND_INS.items():
    assert not hasattr(torch.cpu, name), name
    setattr(torch.cpu, name, function)
torch.cpu.current_device = lambda: 0
torch._utils._get_available_device_type = lambda: "cpu"

sys.argv = ["torchtitan.train", "--job.config_file", str(repo / CONFIG),
            "--training.steps", str(STEPS), "--training.seq_len", "128",
            "--metrics.log_freq", "1", "--metrics.enable_tensorboard", "--debug.seed", "0"]
runpy.run_module("torchtitan.train", run_name="__main__", alter_sys=True)

# truth: torchtitan's TensorBoard event file
(event_file,) = glob.glob("outputs/tb/*/events.out.tfevents.*")
events = EventAccumulator(event_file, size_guidance={"scalars": 0})
events.Reload()


def scalars(tag):
    pairs = [(e.step, e.value) for e in events.Scalars(tag)]
    assert [step for step, _ in pairs] == list(range(1, STEPS + 1)), (tag, pairs)
    return pairs


PRINTED = {  # printed name: (TensorBoard tag, half a unit of the printed last digit)
    "loss": ("loss_metrics/global_avg_loss", 5e-6),
    "grad_norm": ("grad_norm", 5e-5),
    "memory": ("memory/max_reserved(GiB)", 5e-3),
    "tps": ("throughput(tps)", 0.5),
    "tflops": ("tflops", 5e-3),
    "mfu": ("mfu(%)", 5e-3),
}
metrics = {name: series(scalars(tag), "step", tolerance=tolerance, rel_tolerance=1e-6)
           for name, (tag, tolerance) in PRINTED.items()}
file_metrics = {tag: series(scalars(tag), "step", rel_tolerance=1e-6)
                for tag in events.Tags()["scalars"]}
write_truth(
    "torchtitan", version("torchtitan"),
    f"torchtitan's TensorBoardLogger event file {event_file} (MetricsProcessor.log's "
    "scalars at each step), read with tensorboard's EventAccumulator",
    metrics, files=[event_file], file_metrics=file_metrics,
    notes=f"torch {torch.__version__}, on the CPU through the case's device stand-ins "
          f"(docstring); config and tokenizer from pytorch/torchtitan {COMMIT} (v0.2.2); "
          "synthetic c4_test data; memory is the process's peak RSS",
)

"""NVIDIA Megatron-LM core_v0.9.0 (github.com/NVIDIA/Megatron-LM, tag core_v0.9.0 at
1afee592e85ac7994887eb5f4ef3998f76384333, 2024-10-24; no PyPI wheel carries the training
scripts: ``pretrain_gpt.py`` and ``megatron/`` are unpacked under ``$ZOO_REPOS/Megatron-LM``
with ``git archive core_v0.9.0 pretrain_gpt.py megatron``, ``pretrain_gpt.py`` checked against
its git blob id) on the CPU build of torch 2.13.0: its own ``pretrain_gpt.py``, unchanged,
started as one process by ``torchrun --nproc_per_node 1`` (the case runs torchrun on itself
with ``--worker``; the worker puts the CPU stand-ins below in place and runs the script with
``runpy`` as ``__main__``), training a 2-layer GPT (hidden 64, 2 heads, seq 64, position
embeddings 64, micro and global batch 2, vocab 8192 of the ``NullTokenizer``, lr 1e-4 with
Megatron's default linear decay to 0 over the 30 iterations) on ``--mock-data`` (its
``MockGPTDataset``: synthetic token sequences, split 949,50,1), ``--train-iters 30
--log-interval 5 --eval-interval 10 --eval-iters 2 --seed 1234``, with
``--distributed-backend gloo --use-cpu-initialization --transformer-impl local
--no-gradient-accumulation-fusion --no-masked-softmax-fusion --no-bias-gelu-fusion
--no-bias-dropout-fusion --no-persist-layer-norm`` (the local spec's torch LayerNorm refuses
the default persistent layer norm) and ``--tensorboard-dir tb``
(``--log-timers-to-tensorboard`` off, the default). ``CUDA_DEVICE_MAX_CONNECTIONS=1`` is set
as Megatron's argument check demands. The vocabulary is 8192, not smaller, because the mock
data's token ids run up to its 4096-token documents' lengths. About 20 s.

CPU: no Megatron-LM release trains on a CPU as shipped. ``initialize_megatron`` asserts
``torch.cuda.is_available()`` ("Megatron requires CUDA.") unless called with
``allow_no_cuda=True``, which ``pretrain`` never passes (the same at every core_v0.x tag and at
main); tensors are made with ``device=torch.cuda.current_device()`` or ``device='cuda'``,
moved with ``.cuda()``, gradients asserted to be ``torch.cuda.FloatTensor`` in
``clip_grads.py``, and ``_compile_dependencies`` always loads the legacy fused kernels (which
look for nvcc) at this tag. The worker therefore, before ``pretrain_gpt.py`` runs, (1) makes
``torch.cuda`` answer as one device that is the CPU: ``is_available`` True, ``device_count``
1, ``current_device`` ``'cpu'``, ``set_device``/``synchronize``/``manual_seed`` do nothing, the
memory queries 0, ``get_rng_state``/``set_rng_state`` the CPU generator's, and
``torch.cuda.FloatTensor``-style constructors the CPU ones; ``Tensor.cuda`` and ``Module.cuda``
return the object itself; (2) enters a ``TorchFunctionMode`` that maps a ``cuda`` (or integer)
``device=`` to ``cpu`` and makes ``Tensor.type()`` name the CUDA type
(``torch.cuda.FloatTensor``) for ``clip_grads.py``'s assertion; (3) skips
``megatron.legacy.fused_kernels.load`` (nothing to compile: every fusion is off) and
``set_jit_fusion_options`` (its warm-up makes CUDA tensors for the nvfuser/TorchScript fusers,
which none of the unfused paths use). The model, mock data, loss, optimizer (Megatron's
``FP32Optimizer`` over Adam from torch: neither Apex nor Transformer Engine is installed, so
it falls back to its local ``multi_tensor_applier``, and says so in a UserWarning), gradient
clipping (1.0), scheduler, logging and TensorBoard writer are Megatron's. The dataset index
helper (``megatron/core/datasets/helpers.cpp``) is compiled by Megatron's own ``make`` at
start-up (the first run; later runs print ``make: Nothing to be done for 'default'.``) with
the venv's pybind11 (the case puts the venv's ``bin`` first on ``PATH`` so its
Makefile's ``python3`` is the venv's).

What it prints (stdout): the arguments block (``------------------------ arguments
------------------------``, ``  accumulate_allreduce_grads_in_fp32 .............. False``, ...
one setting a line), the start-up (``> initializing torch distributed ...``, ``> compiling
dataset index builder ...`` with make's lines, ``time to initialize megatron (seconds):
0.246``, ``building GPT model ...``, `` > number of parameters on (tensor, pipeline) model
parallel rank (0, 0): 636672``, ``> building train, validation, and test datasets ...``,
datasets' INFO lines, timers' ``(min, max) time across ranks (ms):``), then a line a log
interval::

 [2026-12-07 20:34:56] iteration        5/      30 | consumed samples:           10 |
 elapsed time per iteration (ms): 104.5 | learning rate: 8.333333E-05 | global batch size:
 2 | lm loss: 9.031531E+00 | loss scale: 1.0 | grad norm: 1.649 | number of skipped
 iterations:   0 | number of nan iterations:   0 |

(one line, cut here), after the first interval also ``Theoretical memory footprints: weight
and optimizer=10.84 MB`` and ``[Rank 0] (after 5 iterations) memory
(MB) | allocated: 0.0 | max allocated: 0.0 | reserved: 0.0 | max reserved: 0.0`` (the
stand-in's zeros), and an evaluation each ``--eval-interval``, framed by dashes::

 validation loss at iteration 10 | lm loss value: 9.032869E+00 | lm loss PPL: 8.373853E+03 |

and at the end ``validation loss at iteration 30 on validation set | ...`` and ``validation
loss at iteration 30 on test set | ...``. stderr: torch's FutureWarnings about
``torch.cuda.amp.custom_fwd``, Megatron's warnings (no Apex/Transformer Engine,
``async_grad_allreduce is deprecated``, ``CPU RNG state changed within GPU RNG context`` 60
times: the stand-in's CUDA generator is the CPU's), torch's ``pin_memory`` UserWarning.

Truth: Megatron's own TensorBoard writer (``--tensorboard-dir tb``; ``training_log`` writes
every iteration, ``--tensorboard-log-interval`` 1, and ``evaluate_and_print_results`` each
evaluation), one event file under ``tb/`` (in ``files``), read back with tensorboard's
``EventAccumulator`` (``_records.tb_folder``). Judgement calls:
- Names by exptrack's phrase rule for the printed words (docs/metrics.md "Phrases", whose
  own example is this line: ``lm loss: 8.4`` -> ``lm_loss``): ``lm_loss``, ``grad_norm``,
  ``loss_scale``, ``learning_rate``; Megatron's tags are ``lm loss``, ``grad-norm``,
  ``loss-scale``, ``learning-rate``.
- ``lm_loss``: the print is the mean over the log interval (``total_loss_dict`` sums the
  five iterations' ``lm loss`` and divides by their count), while the event file has each
  iteration's value; the truth at iteration 5 is the mean of the file's iterations 1-5, and
  so on: 6 points, key ``step`` (the iteration). ``%E`` with 6 decimals -> rel 5e-7, plus
  1e-6 for the float32 file.
- ``grad_norm`` (``%.3f`` -> 5e-4), ``loss_scale`` (``%.1f`` -> 0.05) and ``learning_rate``
  (``%E`` -> rel 5e-7 + 1e-6): the iteration's own value, which is what the line prints: the
  file's value at iterations 5, 10, ..., 30.
- ``global batch size: 2``: the file's ``batch-size`` is the same constant, a setting, not a
  metric; it is in ``also_ok`` (as is the line's ``consumed samples``, a counter).
- Evaluations: the file's ``lm loss validation`` holds 5 points (iterations 10, 20, 30 and the
  final evaluations on the validation and on the test set, both at 30: Megatron writes the
  test set's loss under the same ``validation`` tag). Named as printed, the phase label
  prefixing the phrase (``validation loss at iteration 10 | lm loss value:`` ->
  ``validation_lm_loss_value``, as docs/metrics.md names Megatron's ``lm loss value``
  (``naming._FILLERS``) and the tuning logs' collectors wrote it): the three periodic ones and
  the closing ``on validation set`` one, 4 points at iterations 10, 20, 30, 30; the ``on
  test set`` line, the test split's, is ``test_lm_loss_value``, 1 point at 30.
  ``lm loss PPL`` is ``exp`` of the same loss, never recorded (``--log-validation-ppl-to-
  tensorboard`` off): ``validation_lm_loss_PPL`` and ``test_lm_loss_PPL`` are in ``also_ok``.
- The event file under its own tags (what reading the file yields) is ``file_metrics``, key
  ``step`` (TensorBoard's step: the iteration, or the consumed samples for the ``... vs
  samples`` twins Megatron writes beside each tag), float32 (rel 1e-6): ``lm loss``,
  ``learning-rate``, ``loss-scale``, ``grad-norm``, ``batch-size`` (30 points each), ``lm
  loss validation`` (5), and each one's ``vs samples`` twin. With the file read, its tags
  stand for the printed names they merge with (score.py's rule, as torchtitan's case).
- ``also_ok``: ``elapsed time per iteration (ms)`` (timing; the timers are not written to the
  file), the memory report's four values (zeros from the stand-in) and the theoretical
  footprint, ``number of skipped
  iterations``/``number of nan iterations`` (counters, 0), ``time to initialize megatron``,
  ``Compilation time``.
- Not metrics: the arguments block, ``number of parameters``, dataset sizes, timers' (min,
  max) rows.
- Determinism: ``--seed 1234`` seeds the initialisation and the mock data; the losses repeat
  run to run on this machine (``OMP_NUM_THREADS=1``).
"""
# zoo-venv: megatron
import os
import runpy
import shutil
import socket
import subprocess
import sys
from pathlib import Path

COMMIT = "1afee592e85ac7994887eb5f4ef3998f76384333"  # tag core_v0.9.0
BLOBS = {"pretrain_gpt.py": "0bd85b76e1d090f2ea9eeb13863a07badc028ca4"}
ITERS, LOG_INTERVAL = 30, 5
repo = Path(os.environ.get("ZOO_REPOS", Path.home() / ".cache" / "exptrack-zoo" / "repos"))
repo = repo / "Megatron-LM"
ARGS = [
    "--num-layers", "2", "--hidden-size", "64", "--num-attention-heads", "2",
    "--seq-length", "64", "--max-position-embeddings", "64",
    "--micro-batch-size", "2", "--global-batch-size", "2", "--lr", "1e-4",
    "--train-iters", str(ITERS), "--log-interval", str(LOG_INTERVAL),
    "--eval-interval", "10", "--eval-iters", "2", "--split", "949,50,1", "--seed", "1234",
    "--mock-data", "--tokenizer-type", "NullTokenizer", "--vocab-size", "8192",
    "--distributed-backend", "gloo", "--use-cpu-initialization", "--transformer-impl", "local",
    "--no-gradient-accumulation-fusion", "--no-masked-softmax-fusion",
    "--no-bias-gelu-fusion", "--no-bias-dropout-fusion", "--no-persist-layer-norm",
    "--tensorboard-dir", "tb",
]


def cpu_stand_ins() -> None:
    """torch.cuda as one device that is the CPU (see the docstring)."""
    import torch
    from torch.overrides import TorchFunctionMode

    cuda = torch.cuda
    cuda.is_available = lambda: True
    cuda.device_count = lambda: 1
    cuda.current_device = lambda: "cpu"
    for name in ("set_device", "synchronize", "manual_seed", "manual_seed_all"):
        setattr(cuda, name, lambda *a, **k: None)
    for name in ("memory_allocated", "max_memory_allocated", "memory_reserved",
                 "max_memory_reserved"):
        setattr(cuda, name, lambda *a, **k: 0)
    cuda.get_rng_state = lambda *a, **k: torch.get_rng_state()
    cuda.set_rng_state = lambda state, *a, **k: torch.set_rng_state(state)
    for name in ("FloatTensor", "LongTensor", "IntTensor", "ByteTensor"):
        setattr(cuda, name, getattr(torch, name))
    torch.Tensor.cuda = lambda self, *a, **k: self
    torch.nn.Module.cuda = lambda self, *a, **k: self

    def on_cpu(device):
        if isinstance(device, int) or (isinstance(device, str) and device.startswith("cuda")):
            return "cpu"
        if isinstance(device, torch.device) and device.type == "cuda":
            return torch.device("cpu")
        return device

    class CPUMode(TorchFunctionMode):
        def __torch_function__(self, func, types, args=(), kwargs=None):
            kwargs = kwargs or {}
            if "device" in kwargs:
                kwargs["device"] = on_cpu(kwargs["device"])
            out = func(*args, **kwargs)
            if getattr(func, "__name__", "") == "type" and len(args) == 1 and not kwargs \
                    and isinstance(out, str) and ".cuda." not in out:
                out = out.replace("torch.", "torch.cuda.", 1)
            return out

    CPUMode().__enter__()
    import megatron.legacy.fused_kernels as fused_kernels
    import megatron.training.training as training
    fused_kernels.load = lambda args: None
    training.set_jit_fusion_options = lambda *a, **k: None


if sys.argv[1:2] == ["--worker"]:
    cpu_stand_ins()
    sys.argv = [str(repo / "pretrain_gpt.py"), *sys.argv[2:]]
    runpy.run_path(sys.argv[0], run_name="__main__")
    sys.exit(0)

from _records import tb_folder  # noqa: E402
from _truth import series, write_truth  # noqa: E402
from _verbatim import first_changed  # noqa: E402

if (rel := first_changed(repo, BLOBS)) is not None:
    sys.exit(f"{repo / rel} is not NVIDIA/Megatron-LM's at {COMMIT} (see the docstring)")
bindir = str(Path(sys.executable).parent)
env = dict(os.environ, CUDA_DEVICE_MAX_CONNECTIONS="1",
           PYTHONPATH=os.pathsep.join(filter(None, [str(repo), os.environ.get("PYTHONPATH")])),
           PATH=os.pathsep.join([bindir, os.environ.get("PATH", "")]))
torchrun = shutil.which("torchrun", path=bindir) or "torchrun"
with socket.socket() as probe:
    probe.bind(("127.0.0.1", 0))
    port = probe.getsockname()[1]
subprocess.run([torchrun, "--nproc_per_node", "1", "--master_port", str(port),
                os.path.abspath(__file__), "--worker", *ARGS], env=env, check=True)

# truth: Megatron's TensorBoard event file
files, scalars = tb_folder("tb")
per_iteration = dict(scalars["lm loss"])
assert sorted(per_iteration) == list(range(1, ITERS + 1)), scalars["lm loss"]
logged = list(range(LOG_INTERVAL, ITERS + 1, LOG_INTERVAL))
interval_means = [(it, sum(per_iteration[i] for i in range(it - LOG_INTERVAL + 1, it + 1))
                   / LOG_INTERVAL) for it in logged]


def at_logged(tag):
    values = dict(scalars[tag])
    return [(it, values[it]) for it in logged]


evaluations = scalars["lm loss validation"]
assert [it for it, _ in evaluations] == [10, 20, 30, 30, 30], evaluations
metrics = {
    "lm_loss": series(interval_means, "step", rel_tolerance=1.5e-6),
    "learning_rate": series(at_logged("learning-rate"), "step", rel_tolerance=1.5e-6),
    "loss_scale": series(at_logged("loss-scale"), "step", tolerance=0.05),
    "grad_norm": series(at_logged("grad-norm"), "step", tolerance=5e-4,
                        rel_tolerance=1e-6),
    "validation_lm_loss_value": series(evaluations[:4], "step", rel_tolerance=1.5e-6),
    "test_lm_loss_value": series(evaluations[4:], "step", rel_tolerance=1.5e-6),
}
file_metrics = {tag: series(pairs, "step", rel_tolerance=1e-6)
                for tag, pairs in scalars.items()}
also_ok = ["elapsed_time_per_iteration_(ms)", "elapsed_time_per_iteration", "global_batch_size",
           "consumed_samples", "number_of_skipped_iterations", "number_of_nan_iterations",
           "validation_lm_loss_PPL", "test_lm_loss_PPL", "lm_loss_PPL", "allocated",
           "max_allocated", "reserved", "max_reserved", "time_to_initialize_megatron",
           "weight_and_optimizer",
           "Compilation_time"]
write_truth(
    "megatron-lm", "core_v0.9.0",
    f"Megatron's TensorBoard event file {files[0]} (training_log's scalars every iteration, "
    "evaluate_and_print_results' 'lm loss validation'), read with tensorboard's "
    "EventAccumulator; lm_loss is the mean of each log interval's per-iteration values, "
    "as Megatron prints it",
    metrics, files=files, also_ok=also_ok, file_metrics=file_metrics,
    notes=f"NVIDIA/Megatron-LM {COMMIT} (core_v0.9.0) pretrain_gpt.py unchanged, on the CPU "
          "through the case's torch.cuda stand-ins (docstring); mock data",
)

"""tinygrad 0.14.0 on its CPU device (``DEV=CPU``, which compiles its kernels with clang): its
own MNIST example, ``examples/beautiful_mnist.py`` of ``tinygrad/tinygrad`` at commit
a9069c177a9da9cca18593edf55acd2e6073cca6 (2026-08-22, the newest commit of the snapshot
read; git blob 3826e6251fe84194e71e1dcfc4f1c8a0a5b11bf9, last changed by 33b635d2,
2026-06-22, "Tensor.train -> TRAINING"). That commit's ``pyproject.toml`` still reads 0.13.0:
the 0.14.0 wheel was cut a few commits later (its ``tinygrad/`` differs from a9069c17's in
about a dozen files, none the example's own code; the wheel ships no ``examples/``). The
script is kept verbatim below as ``EXAMPLE_PY``, checked against its blob id, written to the
cwd and run in-process (``runpy``, as ``__main__``). Two things differ from a user's run:
- the data: ``tinygrad.nn.datasets.mnist`` (four downloads) is swapped, before the script
  imports it, for a function returning a tiny synthetic set of the same shapes and dtypes
  (images ``(N, 1, 28, 28)`` uint8, labels ``(N,)`` uint8 in 0..9, as ``mnist()`` returns
  them): 512 training and 128 test images, each one of ten fixed random 28x28 patterns
  blended with noise (numpy, seed 0);
- the length, through the script's own ``getenv`` knobs: ``STEPS=20`` (of 70) and ``BS=32``
  (of 512: a 512-image step takes ~15 s on this CPU). ``DEV=CPU`` picks the device
  (``CPU=1`` is deprecated in this tinygrad: ``Device`` asserts "CPU=1 is deprecated, use
  DEV=CPU instead"). ``Tensor.manual_seed(0)`` fixes the seed that tinygrad otherwise takes
  from ``time.time()`` (the weights' init and the ``Tensor.randint`` batch sampling).
Defaults otherwise: Adam, JIT on, ``DEBUG=0``. Most of its ~35 s of CPU (a minute of wall
time on a busy two-core machine) is compiling, in tinygrad's pool of spawned workers (the
first step, the JIT capture of the second, the first test evaluation); tinygrad keeps the
compiled kernels in ``~/.cache/tinygrad/cache.db``, which speeds a rerun but prints nothing.

What it prints: only tinygrad's own progress bar (``tinygrad.helpers.trange``, its
tqdm-like class), on stderr, a frame per ``update`` drawn with ``print('\\r' + ..., end='')``,
the width ``shutil.get_terminal_size()`` gives (80 columns under a pipe, 120 under the pty);
``t.set_description(f"loss: {loss.item():6.2f} test_accuracy: {test_acc:5.2f}%")`` each step,
drawn by the next frame with ``": "`` appended (frames shown one a line, from a pipe)::

      0%|                                                    | 0/20 [00:00<?, ?it/s]
    loss:   2.49 test_accuracy:   nan%:   5%|▍       | 1/20 [00:37<11:52,  0.03it/s]
    ...
    loss:   0.19 test_accuracy: 17.97%:  50%|███▌   | 10/20 [01:01<01:01,  0.16it/s]
    ...
    loss:   0.02 test_accuracy: 17.97%:  95%|██████▋| 19/20 [01:06<00:03,  0.28it/s]
    loss:   0.02 test_accuracy: 64.06%: 100%|███████| 20/20 [01:08<00:00,  0.29it/s]
    loss:   0.02 test_accuracy: 64.06%: 100%|███████| 20/20 [01:08<00:00,  0.29it/s]

(the last frame twice: ``__iter__``'s last ``update(1)``, then its ``update(close=True)``,
which ends the line with ``\\n``). Nothing on stdout.

Truth: the values the loop computes, taken by the case as it computes them, printing nothing:
``tinygrad.engine.jit._TinyJit.__call__`` (the class of ``@TinyJit``, whose ``__get__`` binds
the example's ``train_step`` and ``get_test_acc``) is wrapped to read ``.item()`` of the
Tensor each call returns, at once, as the loop itself does (a JIT's output buffer is reused
by its next call): ``train_step``'s loss (``sparse_categorical_crossentropy`` of the sampled
batch) each step, ``get_test_acc``'s accuracy on the test set in percent when ``i%10 == 9``.
``tinygrad.helpers.tqdm.update`` is wrapped to note which frames draw (tinygrad's bar skips
frames above ``rate=100`` it/s); the case asserts every step's frame drew. Judgement calls:
- ``loss``: the printed key and the example's variable; 20 points keyed ``step`` by the
  bar's count ``n`` (the steps done: ``i + 1``, 1 to 20, as the frame that draws it shows
  ``n/20``). The closing frame prints the last one again: one value. Tolerance 5e-3
  (``:6.2f``).
- ``test_accuracy``: the example's printed key (``test_acc``/``get_test_acc`` in its code),
  a percentage as printed (``(...).mean()*100``); computed twice, after steps 10 and 20 (the
  ``i%10 == 9`` steps), keyed ``step`` 10 and 20, tolerance 5e-3 (``:5.2f``). Every later
  frame prints the last computed value again until the next evaluation (frames 11-19 show
  step 10's): reprints, one value each. Frames 1-9 print ``nan%``: the placeholder
  ``test_acc = float('nan')`` before any evaluation, no value.
- ``it/s``: the bar's rate (``{n/elapsed:5.2f}it/s``; tinygrad's bar never prints ``s/it``),
  ``also_ok``. The percentage, the count ``n/20`` and the elapsed/remaining times are the
  bar's progress.
- Repeats: the seeded run repeats its values, pipe and pty alike; only the bar's timings
  (and the frames' width between pipe and pty) differ.
"""
# zoo-venv: tinygrad

import importlib.metadata
import os
import runpy
import sys
from pathlib import Path

# the example's own knobs (tinygrad's getenv reads and caches them at first use)
os.environ["DEV"] = "CPU"
os.environ["STEPS"] = "20"
os.environ["BS"] = "32"

import numpy as np
import tinygrad.engine.jit
import tinygrad.helpers
import tinygrad.nn.datasets
from _truth import series, write_truth
from _verbatim import git_blob_id
from tinygrad import Tensor

SOURCE_REPO = "tinygrad/tinygrad"
SOURCE_COMMIT = "a9069c177a9da9cca18593edf55acd2e6073cca6"
EXAMPLE_PATH = "examples/beautiful_mnist.py"
EXAMPLE_BLOB = "3826e6251fe84194e71e1dcfc4f1c8a0a5b11bf9"  # EXAMPLE_PATH at SOURCE_COMMIT
N_TRAIN, N_TEST = 512, 128


def synthetic_mnist(device=None, fashion=False):
    """``mnist()``'s four tensors, same shapes and dtypes, made here: ten fixed 28x28
    patterns, each image one of them blended with noise."""
    rng = np.random.default_rng(0)
    labels = rng.integers(0, 10, size=N_TRAIN + N_TEST).astype(np.uint8)
    patterns = rng.integers(0, 256, size=(10, 1, 28, 28))
    noise = rng.integers(0, 256, size=(N_TRAIN + N_TEST, 1, 28, 28))
    images = (0.6 * patterns[labels] + 0.4 * noise).astype(np.uint8)
    return (Tensor(images[:N_TRAIN]).to(device), Tensor(labels[:N_TRAIN]).to(device),
            Tensor(images[N_TRAIN:]).to(device), Tensor(labels[N_TRAIN:]).to(device))


calls: dict[str, list[float]] = {"train_step": [], "get_test_acc": []}
test_steps: list[int] = []
_jit_call = tinygrad.engine.jit._TinyJit.__call__


def recording_jit_call(self, *args, **kwargs):
    ret = _jit_call(self, *args, **kwargs)
    name = getattr(self.fxn, "__name__", "")
    if name in calls:
        calls[name].append(ret.item())
        if name == "get_test_acc":
            test_steps.append(len(calls["train_step"]))
    return ret


frames: list[tuple[int, bool]] = []  # (count after the update, drawn) of enabled bars
_update = tinygrad.helpers.tqdm.update


def noting_update(self, n=0, close=False):
    if not self.disable:
        frames.append((self.n + n, close or (self.i + 1) % self.skip == 0))
    return _update(self, n, close)


def main() -> None:
    if git_blob_id(EXAMPLE_PY) != EXAMPLE_BLOB:
        sys.exit(f"{EXAMPLE_PATH} is not as stored at {SOURCE_COMMIT}")
    script = Path("beautiful_mnist.py")
    script.write_text(EXAMPLE_PY, encoding="utf-8")
    tinygrad.nn.datasets.mnist = synthetic_mnist
    tinygrad.engine.jit._TinyJit.__call__ = recording_jit_call
    tinygrad.helpers.tqdm.update = noting_update
    Tensor.manual_seed(0)
    sys.argv = [str(script)]
    runpy.run_path(str(script), run_name="__main__")
    sys.stderr.flush()

    losses, accuracies = calls["train_step"], calls["get_test_acc"]
    assert len(losses) == 20 and test_steps == [10, 20], (len(losses), test_steps)
    # the bar: the opening 0/20 frame, a frame per step, the closing frame; all drawn
    assert [n for n, _ in frames] == [*range(21), 20], frames
    assert all(drawn for _, drawn in frames), frames
    write_truth("tinygrad", importlib.metadata.version("tinygrad"),
                "the values the example's loop computes: .item() of the Tensor each TinyJit "
                "call of Model.train_step (the loss) and Model.get_test_acc (the test "
                "accuracy in percent) returns, read by the case as the call returns",
                {"loss": series(enumerate(losses, 1), "step", tolerance=5e-3),
                 "test_accuracy": series(zip(test_steps, accuracies, strict=True), "step",
                                         tolerance=5e-3)},
                also_ok=["it/s"],
                notes=f"{SOURCE_REPO} {EXAMPLE_PATH} at {SOURCE_COMMIT} (blob {EXAMPLE_BLOB}); "
                      f"DEV=CPU STEPS=20 BS=32, synthetic {N_TRAIN}/{N_TEST} images, "
                      f"Tensor.manual_seed(0)")


# EXAMPLE_PATH at SOURCE_COMMIT, verbatim
EXAMPLE_PY = r'''# model based off https://medium.com/data-science/going-beyond-99-mnist-handwritten-digits-recognition-cfff96337392
from typing import Callable
from tinygrad import Tensor, TinyJit, nn, GlobalCounters, function, Context
from tinygrad.helpers import getenv, colored, trange
from tinygrad.nn.datasets import mnist

class Model:
  def __init__(self):
    self.layers: list[Callable[[Tensor], Tensor]] = [
      nn.Conv2d(1, 32, 5), Tensor.relu,
      nn.Conv2d(32, 32, 5), Tensor.relu,
      nn.BatchNorm(32), Tensor.max_pool2d,
      nn.Conv2d(32, 64, 3), Tensor.relu,
      nn.Conv2d(64, 64, 3), Tensor.relu,
      nn.BatchNorm(64), Tensor.max_pool2d,
      lambda x: x.flatten(1), nn.Linear(576, 10)]

  @function
  def __call__(self, x:Tensor) -> Tensor: return x.sequential(self.layers)

  @TinyJit
  @Context(TRAINING=1)
  def train_step(self, X_train:Tensor, Y_train:Tensor) -> Tensor:
    opt.zero_grad()
    samples = Tensor.randint(getenv("BS", 512), high=X_train.shape[0])
    loss = self(X_train[samples]).sparse_categorical_crossentropy(Y_train[samples]).backward()
    return loss.realize(*opt.schedule_step())

  @TinyJit
  def get_test_acc(self, X_test:Tensor, Y_test:Tensor) -> Tensor: return (self(X_test).argmax(axis=1) == Y_test).mean()*100

if __name__ == "__main__":
  X_train, Y_train, X_test, Y_test = mnist(fashion=getenv("FASHION"))

  model = Model()
  opt = (nn.optim.Muon if getenv("MUON") else nn.optim.SGD if getenv("SGD") else nn.optim.Adam)(nn.state.get_parameters(model))

  test_acc = float('nan')
  for i in (t:=trange(getenv("STEPS", 70))):
    GlobalCounters.reset()   # NOTE: this makes it nice for DEBUG=2 timing
    loss = model.train_step(X_train, Y_train)
    if i%10 == 9: test_acc = model.get_test_acc(X_test, Y_test).item()
    t.set_description(f"loss: {loss.item():6.2f} test_accuracy: {test_acc:5.2f}%")

  # verify eval acc
  if target := getenv("TARGET_EVAL_ACC_PCT", 0.0):
    if test_acc >= target and test_acc != 100.0: print(colored(f"{test_acc=} >= {target}", "green"))
    else: raise ValueError(colored(f"{test_acc=} < {target}", "red"))
'''  # noqa: E501

if __name__ == "__main__":
    main()

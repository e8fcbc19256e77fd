"""Google's Trax 1.4.1 (PyPI's ``trax``, its last release, 2021-10-26) training a tiny
classifier with its supervised training loop, ``trax.supervised.training.Loop``, on the CPU
(JAX 0.4.13 / jaxlib 0.4.13, TensorFlow 2.13.1, tensorflow-text 2.13.0, tensorflow-datasets
4.9.2, Python 3.8; see ``requirements-trax.txt`` for why not the JAX of trax's own era),
the way Trax's README and its "Trax Quick Intro" notebook train: a ``TrainTask`` (labeled
data, ``tl.CrossEntropyLoss()``, ``trax.optimizers.Adam(0.01)``,
``n_steps_per_checkpoint=50``), an ``EvalTask`` with ``metrics=[tl.CrossEntropyLoss(),
tl.Accuracy()]`` (``n_eval_batches=4``), ``Loop(model, train_task, eval_tasks=[eval_task],
output_dir="output", random_seed=0)`` and ``loop.run(200)``.
Data: no TFDS download; a Python generator the case writes yields ``(x, label)`` examples
(20 float32 features, 10 classes: fixed class centres from numpy's ``default_rng(0)`` plus
Gaussian noise of sd 1.5, its own seeded ``default_rng`` for training (1) and evaluation
(2)), batched by Trax's own data pipeline, ``trax.data.Serial(trax.data.Batch(16),
trax.data.AddLossWeights())``, as the intro batches its TFDS stream. Model:
``tl.Serial(tl.Dense(32), tl.Relu(), tl.Dense(10), tl.LogSoftmax())``, 1002 weights
(``CrossEntropyLoss`` wants log-probabilities, hence the intro's ``LogSoftmax``). About
40 s here, most of it importing TensorFlow and Trax; the 200 steps take about a second.

What it prints (stdout, ``training._log``: ``print`` then ``sys.stdout.flush``), an empty
line and then, at step 1 and every 50th step (``eval_at`` and the training report both
default to ``_at_step_1_and_every_nth_step(n_steps_per_checkpoint)``)::

    Step      1: Total number of trainable weights: 1002
    Step      1: Ran 1 train steps in 0.55 secs
    Step      1: train CrossEntropyLoss |  2.96570206
    Step      1: eval  CrossEntropyLoss |  2.81166893
    Step      1: eval          Accuracy |  0.12500000

    Step     50: Ran 49 train steps in 0.11 secs
    Step     50: train CrossEntropyLoss |  1.22765481
    Step     50: eval  CrossEntropyLoss |  0.50283010
    Step     50: eval          Accuracy |  0.82812500

(``'Step % 6d: %s'``, then ``'%s %s | % .8f' % (log_prefix.ljust(5),
name.rjust(self._rjust_len), value)``: the phase ``train``/``eval`` padded to 5, the name
right-justified to the longest metric name, the value with 8 decimals after a sign's space).
The weights count is printed once, at step 1 only. On stderr, before training, TensorFlow's
``TF-TRT Warning: Could not find TensorRT``, gym 0.26.2's notice that Gym is unmaintained
(``import trax`` reaches ``trax.rl``, which imports gym, through
``trax.supervised.callbacks``), JAX's ``No GPU/TPU found, falling back to
CPU.`` and a ``UserWarning`` that ``jax.host_count`` has been renamed (trax calls it).
Checkpoints (``output/model.pkl.gz`` and friends, every 50 steps) are written silently
(``_log(..., stdout=False)``: absl logging at INFO, which absl does not show by default).

Truth: Trax's own TensorBoard record. ``Loop`` opens a ``trax.jaxboard.SummaryWriter`` for
``output/train`` and one a task for ``output/eval`` and, in ``log_summary``, writes every
value it prints there as ``summary_writer.scalar('metrics/' + name, value, step)``
(``simple_value``, a float32) before printing it; the case reads both event files back with
TensorBoard's own reader (``_records.tb_folder``: ``RawEventFileLoader`` and ``event_pb2``).
``output/train``: ``metrics/CrossEntropyLoss``; ``output/eval``: ``metrics/CrossEntropyLoss``
and ``metrics/Accuracy``; each at steps 1, 50, 100, 150, 200. Judgement calls:
- Names: Trax keys a value by its folder (the task's phase, ``train``/``eval``, also
  ``log_prefix`` of the printed line) and its tag ``metrics/<metric name>``; the printed
  line is ``<phase> <Name> | <value>``. By the documented rule for a phase word before a
  name (docs/metrics.md, "Phases", and its Trax example, ``Step 100: eval CategoryAccuracy
  | 0.6125`` -> ``eval_CategoryAccuracy``): ``train_CrossEntropyLoss``,
  ``eval_CrossEntropyLoss`` and ``eval_Accuracy``, the metric names as Trax spells them
  (the layers' ``name``). The ``metrics/`` group is the writer's ``value_prefix``, never
  printed.
- Axis ``step`` (``Loop.step``, the count of training steps done, the event's ``step``):
  5 points a series. The training value at step N is the mean of the loss over the steps
  since the last report (``total_loss / n_steps``: 1 step at step 1, then 49, then 50s),
  the evaluation values the mean over the 4 evaluation batches of 16 (so accuracies are
  multiples of 1/64).
- Tolerances: the print rounds to 8 decimals (half a unit: 5e-9, absolute) and the event
  file keeps a float32 (``simple_value``: half a unit in the last place, 2**-24 relative,
  rounded up to 6e-8); both are given, and add up.
- Never printed, only in the training event file (``stdout=False``): ``training/learning_rate``
  (the schedule's rate, 0.01 throughout), ``training/steps per second`` and the optimizer's
  ``training/loss``, ``training/gradients_l2`` and ``training/weights_l2``, averaged over the
  same steps: ``file_metrics`` under the file's own tags (a training folder's tags keep
  their names), expected only when the files are read.
- ``also_ok``: ``secs`` (``Ran 49 train steps in 0.11 secs``: the wall time of those steps,
  which Trax keeps only as the ``steps per second`` it divides by it; timing).
- Not metrics: ``Total number of trainable weights: 1002`` (a count of the model's
  weights, printed once) and ``Ran 49 train steps`` (the number of steps being reported).
- Determinism: ``Loop(random_seed=0)`` seeds the initialisation and the per-step keys, the
  generator and the centres are seeded, and JAX on one CPU device is deterministic here:
  the values repeat between runs (pipe and pty); only the times vary.
"""
# zoo-venv: trax

import glob
from importlib.metadata import version

import numpy as np
import trax
from _records import tb_folder
from _truth import series, write_truth
from trax import layers as tl
from trax.supervised import training

N_STEPS = 200
CHECKPOINT_EVERY = 50
FEATURES, CLASSES = 20, 10


def examples(seed):
    """An endless stream of ``(x, label)`` examples: the class's centre plus noise."""
    centres = np.random.default_rng(0).normal(0.0, 1.0, (CLASSES, FEATURES))
    rng = np.random.default_rng(seed)
    while True:
        label = int(rng.integers(CLASSES))
        x = centres[label] + rng.normal(0.0, 1.5, FEATURES)
        yield x.astype(np.float32), np.int64(label)


batches = trax.data.Serial(trax.data.Batch(16), trax.data.AddLossWeights())
model = tl.Serial(tl.Dense(32), tl.Relu(), tl.Dense(CLASSES), tl.LogSoftmax())
train_task = training.TrainTask(
    labeled_data=batches(examples(1)),
    loss_layer=tl.CrossEntropyLoss(),
    optimizer=trax.optimizers.Adam(0.01),
    n_steps_per_checkpoint=CHECKPOINT_EVERY,
)
eval_task = training.EvalTask(
    labeled_data=batches(examples(2)),
    metrics=[tl.CrossEntropyLoss(), tl.Accuracy()],
    n_eval_batches=4,
)
loop = training.Loop(model, train_task, eval_tasks=[eval_task], output_dir="output",
                     random_seed=0)
loop.run(N_STEPS)

# truth: Trax's own TensorBoard event files, one for output/train and one for output/eval
STEPS = [1, *range(CHECKPOINT_EVERY, N_STEPS + 1, CHECKPOINT_EVERY)]
TOLERANCE, REL_TOLERANCE = 5e-9, 6e-8  # printed % .8f; the file's float32 simple_value
files = []
metrics = {}
file_metrics = {}
for phase in ("train", "eval"):
    paths, scalars = tb_folder(f"output/{phase}")
    assert len(paths) == 1, glob.glob(f"output/{phase}/*")
    files += paths
    for tag, pairs in scalars.items():
        assert [step for step, _ in pairs] == STEPS, (tag, pairs)
        if tag.startswith("metrics/"):  # written by log_summary with the printed line
            name = f"{phase}_{tag[len('metrics/'):]}"
            metrics[name] = series(pairs, "step", tolerance=TOLERANCE,
                                   rel_tolerance=REL_TOLERANCE)
        else:  # training/...: log_summary(..., stdout=False), never printed
            assert phase == "train" and tag.startswith("training/"), tag
            file_metrics[tag] = series(pairs, "step", rel_tolerance=REL_TOLERANCE)
assert sorted(metrics) == ["eval_Accuracy", "eval_CrossEntropyLoss",
                           "train_CrossEntropyLoss"], sorted(metrics)

write_truth(
    "trax", version("trax"),
    "Trax's TensorBoard event files (trax.jaxboard.SummaryWriter, written by "
    "Loop.log_summary): output/train metrics/CrossEntropyLoss, output/eval "
    "metrics/CrossEntropyLoss and metrics/Accuracy, read with TensorBoard's reader",
    metrics, files=files, file_metrics=file_metrics, also_ok=["secs"],
    notes=f"jax {version('jax')}, jaxlib {version('jaxlib')}, tensorflow "
          f"{version('tensorflow')}; names: the folder's phase and the tag's metric name, as "
          "printed ('Step 1: eval  CrossEntropyLoss |  2.81'); the training/ tags "
          "(learning rate, steps per second, the optimizer's loss and l2 norms) are never "
          "printed",
)

"""AllenNLP 2.10.1 (PyPI ``allennlp``, its last release) on torch 1.12.1 (PyPI's wheel, the
newest its ``torch<1.13.0`` pin allows, run on the CPU), Python 3.9.18:
``allennlp train config.jsonnet -s out`` on a synthetic two-label text classification set the
case writes.

Setup: ``train.jsonl`` (160 lines) and ``valid.jsonl`` (48) in the format of AllenNLP's
``text_classification_json`` reader (``{"text": "w12 good3 w40 ...", "label": "pos"}``), from
``random.Random(0)``: 6-12 words of 60 neutral ones, one or two of ten cue words of the
line's label and, in three lines of ten, one cue word of the other label. ``config.jsonnet``
(plain JSON, which jsonnet reads) has the shape of AllenNLP's text-classification configs:
that reader with the ``whitespace`` tokenizer and a ``single_id`` indexer, a
``basic_classifier`` over a randomly initialised 16-dimensional ``embedding`` (no pretrained
file, nothing downloaded) and an averaged ``bag_of_embeddings`` encoder, ``data_loader``
batches of 16 (shuffled: 10 training and 3 validation batches), the trainer's ``adam`` at lr
0.01, 4 epochs, ``cuda_device: -1``, no ``patience``, ``validation_metric`` its default
``-loss``. AllenNLP seeds itself (``prepare_environment``'s defaults: ``random_seed`` 13370,
``numpy_seed`` 1337, ``pytorch_seed`` 133), so the values repeat from run to run; only the
memory readings and the timing change. The command runs in this process as the ``allennlp``
console script runs it (``from allennlp.__main__ import run``, ``sys.argv`` the command line,
``run()``), so that the case can keep what the progress bars draw (below); what it prints is
the command's own. About 12 s under ``track``, most of it importing AllenNLP.

What it prints: AllenNLP's logging (``%(asctime)s - %(levelname)s - %(name)s -
%(message)s``; ``allennlp.__main__``'s ``basicConfig`` on stderr until ``train`` sets up
``prepare_global_logging``: INFO and up on stdout, errors on stderr, the same text in
``out/out.log``): every parameter of the config (``allennlp.common.params -
trainer.num_epochs = 4``, 126 lines), the vocabulary and the model, the first batches'
tensors (``ConsoleLoggerCallback``'s ``Batch inputs``, ``tensor([[35, 49, 75,  ...,  0,  0,
0], ...``), a WARNING that ``patience`` is None, then each epoch (``... - INFO -`` and the
logger's name left out)::

    Epoch 1/3
    Worker 0 memory usage: 423M
    Training
    Validating
                           Training |  Validation
    accuracy           |     0.625  |     0.604
    loss               |     0.646  |     0.656
    worker_0_memory_MB |   423.246  |       N/A
    Epoch duration: 0:00:00.163427
    Estimated training time remaining: 0:00:00

(the table is ``ConsoleLoggerCallback.on_epoch``, ``%8.3f``), and at the end
``allennlp.common.util - Metrics: {`` and ``metrics.json`` as ``json.dumps(indent=2)``
writes it (``"best_epoch": 3,``, ``"training_accuracy": 0.8875,``, ... ``}``), then
``archiving weights and vocabulary to out/model.tar.gz``. On stderr tqdm's bars
(``allennlp.common.tqdm``'s ``TqdmToLogsWriter``, redrawn with ``\\r`` at most every 0.1 s,
ASCII ``#`` blocks, no width): ``loading instances: 160it [00:00, 5162.38it/s]``, again for
the 48 validation lines, ``building vocab: 208it ...``, then each epoch the training bar and
the validation bar (each frame one line, cut here after its count)::

    accuracy: 0.6071, batch_loss: 0.6103, loss: 0.6531 ||:  70%|#######   | 7/10
        [00:00<00:00, 65.27it/s]
    accuracy: 0.6250, batch_loss: 0.6394, loss: 0.6456 ||: 100%|##########| 10/10
        [00:00<00:00, 82.34it/s]
    accuracy: 0.6042, batch_loss: 0.6390, loss: 0.6564 ||: 100%|##########| 3/3
        [00:00<00:00, 162.98it/s]

(``description_from_metrics``: ``%.4f``; each bar opens with ``  0%|          | 0/10
[00:00<?, ?it/s]``), and once, in the first training bar, torch 1.12's ``UserWarning: User
provided device_type of 'cuda', but CUDA is not available. Disabling`` (AllenNLP's
``amp.autocast`` on the CPU).

Truth: AllenNLP's own record in its serialization dir, ``out/metrics_epoch_N.json`` (the
trainer's ``metrics`` dict after each epoch, full precision), for the four epochs; all four
and ``out/metrics.json`` (the final dict: the last epoch's again, which the case checks) are
in ``files``. The bars' values are in no file: each frame draws the ``get_metrics`` dict of
the batch just done (the epoch's running ``accuracy`` and mean ``loss`` so far, and that
batch's ``batch_loss``). So the case wraps AllenNLP's ``allennlp.training.util.get_metrics``
(the trainer calls it through that module) to keep each batch's dict with its bar, and makes
the tqdm class that ``allennlp.common.tqdm`` builds its bars from a subclass whose
``display()`` (every frame tqdm draws goes through it; its output unchanged) keeps the dict
of the frame it drew. Nothing is parsed from stdout. Judgement calls (docs/metrics.md):
- The table's names as AllenNLP keys them in its metrics files, which are also what its
  phase columns give the rows (column ``Training`` + row ``accuracy`` =
  ``training_accuracy``): ``training_accuracy``, ``validation_accuracy``,
  ``training_loss``, ``validation_loss`` and ``training_worker_0_memory_MB`` (its ``N/A``
  validation cell is no value). The process's memory is a resource reading, but AllenNLP
  keys it as a metric of each epoch in its own file and prints it in the table, so it is a
  truth metric here. Axis ``epoch``, from 0 as AllenNLP counts (``metrics_epoch_0.json``,
  ``"epoch": 0``, ``Epoch 0/3``); tolerance 5e-4 (``%8.3f``).
- Four points each: the closing ``Metrics: {...}`` dict is the last epoch's dict again, its
  own ``"epoch": 3`` with it (a summary restating it, no fifth point; ``metrics.json`` adds
  nothing to the ``metrics_epoch_3.json`` it copies).
- The bars print ``accuracy``, ``batch_loss`` and ``loss`` with no phase word (the training
  and the validation bar look alike), so by the naming rule each name is one series of every
  frame drawn with values, in print order: per epoch the training bar's, then the
  validation bar's. A bar draws its last frame (the batch-end dict of its last batch, whose
  ``accuracy`` and ``loss`` equal the epoch's ``training_``/``validation_`` values in the
  file: the case checks it) and, when 0.1 s have passed, frames between; which ones depends
  on the machine's speed (under ``track`` on this busy 2-core machine some runs' first
  training bars drew one at batch 4, 7 or 8, others none), and the truth, read from
  ``display()``, follows: 8 points a name (two bars an epoch) and one a frame between. The
  opening ``0%`` frame has no description, so no values. Axis ``epoch`` (the bar's epoch);
  each frame's phase, epoch and batch count are in ``notes``. Tolerance 5e-5 (``%.4f``).
  ``batch_loss`` (a batch's own loss) is kept by no file: these dicts are its only record.
- ``also_ok``: ``best_validation_accuracy`` and ``best_validation_loss`` (the closing
  dict's copies of the best epoch's validation values: a running best printed again),
  ``peak_worker_0_memory_MB`` (the closing dict's running peak of the memory row) and
  ``Worker_0_memory_usage`` (``Worker 0 memory usage: 423M`` at each epoch's start: the
  same reading as that epoch's ``worker_0_memory_MB`` row, which the file keeps as
  ``training_worker_0_memory_MB``, printed again rounded to a whole MiB; a resource
  reading, named by its printed words).
- Not metrics: ``best_epoch`` and ``epoch`` in the closing dict; ``training_duration`` and
  ``Epoch duration`` (text, ``0:00:00.163427``); ``Number of trainable parameters: 1346``;
  the batch tensors; the counts and ``it/s`` of the bars.
"""
# zoo-venv: allennlp

import json
import random
import sys
from importlib.metadata import version
from pathlib import Path

from allennlp.__main__ import run  # the console script's import: logging.basicConfig first

import allennlp.common.tqdm as allennlp_tqdm  # isort: skip
import allennlp.training.util as training_util  # isort: skip
from _truth import series, write_truth  # isort: skip

EPOCHS = 4
SERIALIZATION_DIR = "out"
TRAIN_LINES, VALID_LINES = 160, 48

CONFIG = {
    "dataset_reader": {
        "type": "text_classification_json",
        "tokenizer": {"type": "whitespace"},
        "token_indexers": {"tokens": {"type": "single_id"}},
    },
    "train_data_path": "train.jsonl",
    "validation_data_path": "valid.jsonl",
    "model": {
        "type": "basic_classifier",
        "text_field_embedder": {
            "token_embedders": {"tokens": {"type": "embedding", "embedding_dim": 16}},
        },
        "seq2vec_encoder": {"type": "bag_of_embeddings", "embedding_dim": 16, "averaged": True},
    },
    "data_loader": {"batch_size": 16, "shuffle": True},
    "trainer": {
        "optimizer": {"type": "adam", "lr": 0.01},
        "num_epochs": EPOCHS,
        "cuda_device": -1,
    },
}


def write_data(seed: int = 0) -> None:
    """The two JSON-lines files of the ``text_classification_json`` reader."""
    rng = random.Random(seed)
    cues = {"pos": [f"good{i}" for i in range(10)], "neg": [f"bad{i}" for i in range(10)]}
    neutral = [f"w{i}" for i in range(60)]
    for name, count in (("train.jsonl", TRAIN_LINES), ("valid.jsonl", VALID_LINES)):
        with open(name, "w", encoding="utf-8") as handle:
            for _ in range(count):
                label = rng.choice(["pos", "neg"])
                other = "neg" if label == "pos" else "pos"
                words = [rng.choice(neutral) for _ in range(rng.randint(6, 12))]
                for _ in range(rng.randint(1, 2)):
                    words.insert(rng.randrange(len(words) + 1), rng.choice(cues[label]))
                if rng.random() < 0.3:
                    words.insert(rng.randrange(len(words) + 1), rng.choice(cues[other]))
                handle.write(json.dumps({"text": " ".join(words), "label": label}) + "\n")


# the record of the bars: each batch's get_metrics dict kept with its bar, and the dict of
# every frame a bar draws
BAR_OF = {"_train_epoch": ("training", "batch_group_generator_tqdm"),
          "_validation_loss": ("validation", "val_generator_tqdm")}
LATEST = {}  # id(bar) -> (bar, phase, epoch, the latest batch's metrics dict)
FRAMES = []  # (phase, epoch, batches done, metrics dict) of each frame drawn with values
_get_metrics = training_util.get_metrics


def get_metrics(*args, **kwargs):
    metrics = _get_metrics(*args, **kwargs)
    caller = sys._getframe(1)
    phase, bar_name = BAR_OF.get(caller.f_code.co_name, (None, None))
    bar = caller.f_locals.get(bar_name) if phase else None
    if bar is not None and "batch_loss" in metrics:  # a batch's dict, not the epoch's
        LATEST[id(bar)] = (bar, phase, caller.f_locals["epoch"], dict(metrics))
    return metrics


class RecordedTqdm(allennlp_tqdm._tqdm):
    def display(self, *args, **kwargs):
        drawn = super().display(*args, **kwargs)
        latest = LATEST.get(id(self))
        if latest is not None and latest[0] is self and self.desc:
            FRAMES.append((latest[1], latest[2], self.n, latest[3]))
        return drawn


training_util.get_metrics = get_metrics
allennlp_tqdm._tqdm = RecordedTqdm

write_data()
Path("config.jsonnet").write_text(json.dumps(CONFIG, indent=2) + "\n", encoding="utf-8")

sys.argv = ["allennlp", "train", "config.jsonnet", "-s", SERIALIZATION_DIR]
run()

# truth: AllenNLP's metrics_epoch_N.json files
out = Path(SERIALIZATION_DIR)
epoch_files = [f"{SERIALIZATION_DIR}/metrics_epoch_{epoch}.json" for epoch in range(EPOCHS)]
records = [json.loads(Path(name).read_text()) for name in epoch_files]
assert [record["epoch"] for record in records] == list(range(EPOCHS))
final = json.loads((out / "metrics.json").read_text())
assert final == records[-1], "metrics.json is the last epoch's dict"
metrics = {}
for name in ("training_accuracy", "validation_accuracy", "training_loss", "validation_loss",
             "training_worker_0_memory_MB"):
    metrics[name] = series([(r["epoch"], r[name]) for r in records], "epoch", tolerance=5e-4)

# the bars: every frame drawn, in print order; the last frame of each bar is checked
# against the epoch's values in the file
last_frames = {}
for phase, epoch, _batch, values in FRAMES:
    last_frames[(phase, epoch)] = values
assert sorted(last_frames) == sorted((phase, epoch) for phase in ("training", "validation")
                                     for epoch in range(EPOCHS)), sorted(last_frames)
for (phase, epoch), values in last_frames.items():
    for name in ("accuracy", "loss"):
        assert abs(values[name] - records[epoch][f"{phase}_{name}"]) < 1e-9, (phase, epoch)
for name in ("accuracy", "batch_loss", "loss"):
    metrics[name] = series([(epoch, values[name]) for _, epoch, _, values in FRAMES], "epoch",
                           tolerance=5e-5)

write_truth(
    "allennlp", version("allennlp"),
    "AllenNLP's serialization dir: out/metrics_epoch_N.json (the trainer's metrics after each "
    "epoch; out/metrics.json is the last one again); the bars' frames from the "
    "allennlp.training.util.get_metrics dict each frame draws",
    metrics,
    files=[*epoch_files, f"{SERIALIZATION_DIR}/metrics.json"],
    also_ok=["best_validation_accuracy", "best_validation_loss", "peak_worker_0_memory_MB",
             "Worker_0_memory_usage"],
    notes="bar frames (phase, epoch, batches done): "
          + ", ".join(f"{phase} {epoch} {batch}" for phase, epoch, batch, _ in FRAMES)
          + f"; torch {version('torch')}",
)

"""gpt-2-simple 0.7.2 (PyPI ``gpt-2-simple``, Max Woolf's wrapper of OpenAI's GPT-2 code,
its last release for TensorFlow 1.x: 0.8 requires tensorflow>=2.5.1) on TensorFlow 1.15.5
(PyPI's ``tensorflow`` wheel, on the CPU) under Python 3.7: ``gpt2.finetune(sess,
"corpus.txt", model_name="tiny", steps=40, print_every=5, sample_every=100,
sample_length=64, save_every=20)`` after ``sess = gpt2.start_tf_sess()``, as its README's
fine-tuning example runs it (there ``model_name="124M"``, ``steps=1000``), on a model and
a text the case makes itself (nothing downloaded: no ``download_gpt2``).
Model: ``models/tiny/`` in the layout ``download_gpt2`` leaves (``hparams.json``,
``encoder.json``, ``vocab.bpe``, a TF checkpoint ``model.ckpt.*`` with its ``checkpoint``
index), a GPT-2 of ``n_layer`` 1, ``n_embd`` 32, ``n_head`` 2, built with the package's own
``src/model.model`` under a fixed graph seed and saved, randomly initialised, with
``tf.compat.v1.train.Saver``. ``n_ctx`` is GPT-2's 1024, not a smaller one: finetune's
``sample_batch()`` always feeds ``data_sampler.sample(1024)`` (1024 tokens, whatever the
model's window), and TF's CPU ``gather`` of positions past ``n_ctx`` in ``wpe`` fails.
The vocabulary (``n_vocab`` 427) is GPT-2's byte alphabet (``encoder.bytes_to_unicode``,
256 symbols), the tokens of 170 merges that spell the corpus' 24 words with and without
GPT-2's leading-space symbol ``\u0120`` (``vocab.bpe``: a ``#version: 0.2`` line, then one
``a b`` merge a line, ending in a newline, as GPT-2's), and ``<|endoftext|>``, which
``load_dataset`` appends to a text shorter than ``combine``.
Corpus: ``corpus.txt``, 600 sentences of 5-12 of those words (``random.Random(0)``), 27 413
characters, 11 526 tokens. The name ``tiny`` is not ``124M``/``117M``, so finetune takes
its path for the larger models: ``use_memory_saving_gradients``,
``only_train_transformer_layers``, ``accumulate_gradients=1`` (Adam, learning rate 1e-4,
batch 1). ``sample_every=100`` (its default) never comes in 40 steps;
``sample_length=64`` only gets under finetune's ``n_ctx`` check (its default is 1023).
About 15 s here.

What it prints: TensorFlow 1.15's contrib notice, its CPU/XLA log lines and deprecation
warnings (stderr), ``Loading checkpoint models/tiny/model.ckpt``, ``Loading dataset...``,
a tqdm bar over the one data file (stderr), ``dataset has 11526 tokens``, ``Training...``,
then every ``print_every`` steps::

    [5 | 2.24] loss=6.04 avg=6.04
    [10 | 3.12] loss=6.01 avg=6.02

(``'[{counter} | {time:2.2f}] loss={loss:2.2f} avg={avg:2.2f}'``: the step, the seconds
since training began, the step's loss and a running average), and ``Saving
checkpoint/run1/model-20`` at steps 20 and 40 (``model-40`` when ``steps`` ends it).

Truth:
- ``metrics``: the print's values, recorded where it formats them. gpt-2-simple keeps no
  record of ``avg`` and of which steps it printed, so, as ``pytorch_cifar_main`` does for a
  script that keeps none, one line is added to ``gpt_2.py`` (the installed module,
  ``gpt_2_simple/gpt_2.py`` of the 0.7.2 distribution, checked against its git blob id
  ``SOURCE_BLOB`` before the line is added; no line of it changed) right after the print:
  it appends ``(counter, v_loss, avg_loss[0] / avg_loss[1])`` to a list; the module is run
  again with that line (``_verbatim.load_with_lines``) before ``finetune`` is called.
- ``file_metrics`` (``files``): gpt-2-simple's own record, the TensorBoard event file
  ``checkpoint/run1/events.out.tfevents.*`` (``summary_log.add_summary(v_summary,
  counter)``): ``loss`` at every step, 1 to 40, from the file (float32,
  ``rel_tolerance=1e-6``). Each recorded ``loss`` is checked against the file's at its
  step. finetune never flushes or closes that ``FileWriter``: during the run the file
  holds only step 1 (TF flushes every 120 s), and the rest is written when Python exits; so
  the case waits for TF's writer thread and flushes it before reading the file back (the
  file on disk after the run is the same as without the flush: all 40 steps).
Judgement calls:
- Names as printed: ``loss`` (the step's loss; the event file's tag too) and ``avg`` (the
  running average, ``avg_loss[0] / avg_loss[1]``, decay 0.99 over the printed steps only).
- Counts: printed, 8 points each, at steps 5, 10, ..., 40 (axis ``step``: the ``counter``
  first in the brackets). With the file read, ``loss`` is the file's 40 points (the
  printed 8 are among them); ``avg`` stays the printed 8.
- Tolerances: ``{:2.2f}`` -> 0.005 for both printed series.
- ``also_ok``: none. The bracket's second number is the wall time in seconds, printed with
  no name; ``dataset has 11526 tokens`` and the tqdm bar's ``1/1`` are counts, no metrics.
- Determinism: the case seeds ``random`` (the Sampler's windows), numpy and the graph; the
  model has no dropout; TF's thread pool (``start_tf_sess``' default) moves the losses in
  the sixth decimal at most, far inside the printed rounding; the times vary.
"""
# zoo-venv: gpt2simple

from __future__ import annotations

import json
import random
import threading
from pathlib import Path

import gpt_2_simple as gpt2
import gpt_2_simple.gpt_2 as gpt_2_module
import importlib_metadata
import numpy as np
import tensorflow as tf
from _truth import series, write_truth
from _verbatim import load_with_lines
from gpt_2_simple.src import encoder, model

VERSION = "0.7.2"
SOURCE_BLOB = "37297a2df10386121a18f630afb764d95c32bde1"  # git hash-object of the 0.7.2 file
MODEL = "tiny"
HPARAMS = {"n_vocab": 0, "n_ctx": 1024, "n_embd": 32, "n_head": 2, "n_layer": 1}
STEPS, PRINT_EVERY, SAVE_EVERY = 40, 5, 20
WORDS = ["the", "model", "learns", "to", "write", "short", "sentences", "about", "cats",
         "and", "dogs", "that", "run", "in", "a", "green", "field", "under", "blue", "sky",
         "while", "birds", "sing", "softly"]

# the record: one line added right after finetune's progress print (anchor: its last line)
RECORD_LINES = {
    "                        avg=avg_loss[0] / avg_loss[1]))\n":
        "                ZOO_RECORD.append((counter, float(v_loss),"
        " avg_loss[0] / avg_loss[1]))  # zoo: the values just printed\n",
}


def write_model(folder: Path) -> None:
    """A GPT-2 in ``download_gpt2``'s layout: byte-level BPE files and a random checkpoint."""
    folder.mkdir(parents=True)
    symbols = list(encoder.bytes_to_unicode().values())
    vocab = {symbol: index for index, symbol in enumerate(symbols)}
    merges = []
    for word in WORDS:
        pieces = ["\u0120", *word]  # "Ġ": the space before a word, as GPT-2 maps it
        for start in (1, 0):
            token = pieces[start]
            for piece in pieces[start + 1:]:
                if (token, piece) not in merges:
                    merges.append((token, piece))
                token += piece
                vocab.setdefault(token, len(vocab))
    vocab["<|endoftext|>"] = len(vocab)
    (folder / "encoder.json").write_text(json.dumps(vocab), encoding="utf-8")
    (folder / "vocab.bpe").write_text(
        "#version: 0.2\n" + "".join(f"{a} {b}\n" for a, b in merges), encoding="utf-8")
    hparams = dict(HPARAMS, n_vocab=len(vocab))
    (folder / "hparams.json").write_text(json.dumps(hparams, indent=2), encoding="utf-8")
    graph = tf.Graph()
    with graph.as_default():
        tf.compat.v1.set_random_seed(0)
        params = model.default_hparams()
        params.override_from_dict(hparams)
        context = tf.compat.v1.placeholder(tf.int32, [1, None])
        model.model(hparams=params, X=context)
        with tf.compat.v1.Session(graph=graph) as sess:
            sess.run(tf.compat.v1.global_variables_initializer())
            tf.compat.v1.train.Saver().save(sess, str(folder / "model.ckpt"))


def event_losses(folder: Path) -> dict[int, float]:
    """gpt-2-simple's own record: the ``loss`` scalar of each step in its event file."""
    losses = {}
    for path in sorted(folder.glob("events.out.tfevents.*")):
        for event in tf.compat.v1.train.summary_iterator(str(path)):
            for value in event.summary.value:
                if value.tag == "loss":
                    losses[event.step] = value.simple_value
    return losses


def main() -> None:
    random.seed(0)
    np.random.seed(0)
    write_model(Path("models") / MODEL)
    rng = random.Random(0)
    sentences = []
    for _ in range(600):
        words = [rng.choice(WORDS) for _ in range(rng.randint(5, 12))]
        sentences.append(" ".join(words).capitalize() + ".")
    Path("corpus.txt").write_text("\n".join(sentences) + "\n", encoding="utf-8")

    record: list = []
    load_with_lines(gpt_2_module, Path(gpt_2_module.__file__), SOURCE_BLOB, RECORD_LINES,
                    record, f"gpt-2-simple {VERSION}")
    tf.compat.v1.reset_default_graph()
    tf.compat.v1.set_random_seed(0)
    sess = gpt2.start_tf_sess()
    gpt_2_module.finetune(sess, "corpus.txt", model_name=MODEL, steps=STEPS,
                          print_every=PRINT_EVERY, sample_every=100, sample_length=64,
                          save_every=SAVE_EVERY)

    # finetune never flushes or closes its FileWriter (a local, gone when it returns): TF's
    # writer thread, still alive, flushes only every 120 s; the case waits for its queue and
    # flushes its events writer before reading the file back
    for thread in threading.enumerate():
        if hasattr(thread, "_ev_writer") and hasattr(thread, "_queue"):
            thread._queue.join()
            thread._ev_writer.Flush()
    tf.compat.v1.logging.set_verbosity(tf.compat.v1.logging.ERROR)  # the reader's own warning
    logged = event_losses(Path("checkpoint") / "run1")
    assert len(logged) == STEPS, sorted(logged)
    for step, loss, _ in record:
        assert abs(logged[step] - loss) <= 1e-6 * max(1.0, abs(loss)), (step, loss, logged[step])
    assert [step for step, _, _ in record] == list(range(PRINT_EVERY, STEPS + 1, PRINT_EVERY))
    [event_file] = [str(path) for path in (Path("checkpoint") / "run1").glob("events.out.*")]
    write_truth(
        framework="gpt-2-simple", version=importlib_metadata.version("gpt-2-simple"),
        source="gpt_2.py's finetune: the values its progress print formats (a line added after"
               " it); file_metrics: the loss of every step in its TensorBoard event file",
        metrics={"loss": series([(s, v) for s, v, _ in record], key="step", tolerance=0.005),
                 "avg": series([(s, a) for s, _, a in record], key="step", tolerance=0.005)},
        files=[event_file],
        file_metrics={"loss": series(sorted(logged.items()), key="step", rel_tolerance=1e-6)},
        also_ok=[],
        notes=f"tensorflow {tf.__version__}; n_layer 1, n_embd 32, n_head 2, n_ctx 1024;"
              " printed every 5 of 40 steps; the event file holds all 40")


if __name__ == "__main__":
    main()

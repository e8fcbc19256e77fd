"""Mozilla DeepSpeech 0.9.3's training code (``deepspeech_training`` 0.9.3, the ``training/``
package of mozilla/DeepSpeech at tag v0.9.3, commit f2e9c858; its ``setup.py`` installed with
``--no-deps`` from the tag's source unpacked under ``$ZOO_REPOS/DeepSpeech``) on TensorFlow
1.15.5's CPU wheel with PyPI's ``ds_ctcdecoder`` 0.9.3 (Python 3.7), run as the repository's
``DeepSpeech.py`` runs it (``from deepspeech_training import train; train.run_script()``,
absl flags from ``sys.argv``) with

    --train_files train.csv --dev_files dev.csv --test_files test.csv --epochs 3
    --n_hidden 32 --train_batch_size 2 --dev_batch_size 2 --test_batch_size 2
    --alphabet_config_path alphabet.txt --checkpoint_dir ckpt --export_dir ''
    --summary_dir summaries --test_output_file test_output.json

on 16 synthetic one-second 16 kHz mono wav files (a tone and seeded noise each; 8 train, 4
dev, 4 test) whose transcripts are single words (``yes``, ``no``, ``up``, ...), with the
English alphabet of the repository's ``data/alphabet.txt`` written by the case.

What it prints (all on stdout, nothing on stderr in these runs): ``I STARTING
Optimization``, then for each epoch the progressbar2 lines of ``run_set``: ``Epoch 0 |
Training | Elapsed Time: 0:00:00 | Steps: 4 | Loss: 149.840668`` (the epoch's running mean
CTC loss, ``%f``; a pipe gets a line at some updates and at the end, a terminal the bar
redrawn with ``\\r``), ``Epoch 0 | Validation | Elapsed Time: 0:00:00 | Steps: 2 | Loss:
146.130630 | Dataset: dev.csv``, ``I Saved new best validating model with loss 146.130630 to:
ckpt/best_dev-4`` and a rule of dashes; after training ``I FINISHED optimization in
0:00:02.311725``, the checkpoint loading lines, ``Testing model on test.csv``, the bar
``Test epoch | Steps: 2 | Elapsed Time: 0:00:00``, then the WER report: ``Test on test.csv -
WER: 1.000000, CER: 1.000000, loss: 135.523514`` and the best, median and worst samples
(``--report_count`` 5 by default: with 4 test files each section lists all four), each
``WER: 1.000000, CER: 4.600000, loss: 145.298615`` with its ``- wav:``, ``- src:`` and
``- res:`` lines.

Truth: DeepSpeech keeps no per-epoch record of the losses it prints (its TensorBoard
summaries under ``--summary_dir`` hold ``step_loss``, each batch's loss at the global step,
not the epoch means the bar shows; nothing else is written but checkpoints), so the values
``train()`` computes are the record: two lines added to the installed ``train.py``
(``RECORD_LINES``, no line changed), each right after the ``run_set`` call whose mean loss it
keeps, and the module run again with them (``_verbatim.load_with_lines``, its text checked
against git's blob id at the tag first). The test report is backed by the framework's own
``--test_output_file`` JSON (``save_samples_json`` of the samples ``calculate_and_print_report``
sorted): WER and CER are ``wer_cer_batch``'s (summed word/char edit distances over summed
lengths, capped at 1.0 as DeepSpeech caps them) and the loss ``np.mean`` of the samples'
losses, as ``print_report`` computes them. The summaries' event files are listed in
``files`` and their ``step_loss`` series kept as ``file_metrics``, each batch's loss at the
global step (the dev run's two batches of an epoch both at the epoch's last training step),
flushed first (``flush_summaries``: ``train()`` leaves its writers open), named as
TensorBoard's runs show them and as ``catalyst_runner`` names its ``valid`` run's: the
``train`` run's tag as it is, ``step_loss``, the ``dev`` run's prefixed, ``dev_step_loss``.
Judgement calls:
- Names: the bar prints a bare ``Loss`` after the phase word of the line's prefix
  (``Training``, ``Validation``; ``human_readable_set_names`` of the keys ``train`` and
  ``dev``), so the phase rule of docs/metrics.md (the phase word prefixes the name as
  printed) gives ``training_loss`` and ``validation_loss``;
  axis ``epoch``, 0-based as printed. One value an epoch, the epoch's mean loss that
  ``run_set`` returns and its bar's last frame prints: the frames before it are the running
  mean part-way through the epoch, the first of them ``Steps: 0 | Loss: 0.000000`` drawn
  before any batch (``LossWidget`` prints 0.0 for no steps), and how many a pipe gets
  depends on timing (progressbar2 writes a line at some updates). The test report's
  ``Test on test.csv - WER: ..., CER: ..., loss: ...`` is ``test_WER``, ``test_CER`` and
  ``test_loss`` (the phase word ``Test`` before names printed in DeepSpeech's own case),
  one point at epoch 2, the model of the last epoch (the best validating checkpoint, which
  is the last here: the dev loss falls every epoch in these runs).
- The sample lines of the report (``WER: 1.000000, CER: 10.500000, loss: 143.666595``, each
  sample printed up to three times, as best, median and worst) list single samples, not a
  series of the run; they are in ``test_output.json`` but no metric, and their names are
  the test metrics' bare names, so exptrack recording ``WER``, ``CER`` or ``loss`` from them
  is junk.
- Tolerance 5e-7 on every printed value: ``%f`` prints six decimals. The test loss is the
  float32 mean ``print_report`` takes of the float32 losses (the JSON keeps each as a
  Python float); the epoch means are ``run_set``'s own Python sums. ``file_metrics``:
  rel_tolerance 1e-6 (TensorBoard keeps float32).
- ``Elapsed Time`` (the bar's timer), ``Steps`` (a batch counter) and the ``FINISHED
  optimization in`` duration are timing and counts: ``also_ok`` for the timer and duration.
- ``Saved new best validating model with loss 146.130630`` repeats the epoch's validation
  loss: a running best, no series of its own (README), not in the truth.
- ``--summary_dir summaries`` and ``--test_output_file``: left out, DeepSpeech writes its
  summaries under the XDG data home (``~/.local/share/deepspeech/summaries``) and keeps no
  test record; named here so both land in the run's cwd. ``--export_dir ''`` skips the
  export, ``--n_hidden 32`` keeps the model tiny (2048 by default): the run takes about 15
  seconds on two cores.
"""
# zoo-venv: deepspeech

import json
import sys
import wave
from pathlib import Path

import deepspeech_training.train as ds_train
import numpy as np
from _truth import series, write_truth
from _verbatim import load_with_lines
from pkg_resources import get_distribution

SOURCE_COMMIT = "f2e9c85880dff94115ab510cde9ca4af7ee51c19"  # tag v0.9.3
TRAIN_BLOB = "94ca7c04d394c6e37a52d1873eb3f93224588178"  # training/deepspeech_training/train.py
EPOCHS = 3
RECORD_LINES = {
    "                train_loss, _ = run_set('train', epoch, train_init_op)\n":
        "                ZOO_RECORD.append(('train', epoch, train_loss))  # zoo: record\n",
    "                        set_loss, steps = run_set('dev', epoch, init_op, dataset=source)\n":
        "                        ZOO_RECORD.append(('dev', epoch, set_loss))  # zoo: record\n",
}
ALPHABET = "".join(f"{c}\n" for c in " abcdefghijklmnopqrstuvwxyz'")
WORDS = ["yes", "no", "up", "down", "left", "right", "go", "stop"]
TOL = 5e-7  # "%f"


def write_set(name: str, count: int, offset: int, rng: np.random.RandomState) -> None:
    rows = ["wav_filename,wav_filesize,transcript"]
    time_axis = np.arange(16000) / 16000.0
    for index in range(count):
        word = WORDS[(index + offset) % len(WORDS)]
        tone = 200 + 60 * ((index + offset) % len(WORDS))
        signal = 0.3 * np.sin(2 * np.pi * tone * time_axis) + 0.05 * rng.randn(16000)
        path = Path(f"{name}_{index}.wav").resolve()
        with wave.open(str(path), "wb") as handle:
            handle.setnchannels(1)
            handle.setsampwidth(2)
            handle.setframerate(16000)
            handle.writeframes((signal * 32767).astype("<i2").tobytes())
        rows.append(f"{path},{path.stat().st_size},{word}")
    Path(f"{name}.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")


def main() -> None:
    rng = np.random.RandomState(0)
    write_set("train", 8, 0, rng)
    write_set("dev", 4, 1, rng)
    write_set("test", 4, 2, rng)
    Path("alphabet.txt").write_text(ALPHABET, encoding="utf-8")

    record: list = []
    load_with_lines(ds_train, Path(ds_train.__file__), TRAIN_BLOB, RECORD_LINES, record,
                    f"mozilla/DeepSpeech {SOURCE_COMMIT}")
    sys.argv = ["DeepSpeech.py", "--train_files", "train.csv", "--dev_files", "dev.csv",
                "--test_files", "test.csv", "--epochs", str(EPOCHS), "--n_hidden", "32",
                "--train_batch_size", "2", "--dev_batch_size", "2", "--test_batch_size", "2",
                "--alphabet_config_path", "alphabet.txt", "--checkpoint_dir", "ckpt",
                "--export_dir", "", "--summary_dir", "summaries",
                "--test_output_file", "test_output.json"]
    try:
        ds_train.run_script()  # DeepSpeech.py's body; absl.app.run ends with sys.exit
    except SystemExit as stop:
        if stop.code:
            raise

    train = [(epoch, loss) for phase, epoch, loss in record if phase == "train"]
    dev = [(epoch, loss) for phase, epoch, loss in record if phase == "dev"]
    assert len(train) == EPOCHS and len(dev) == EPOCHS, record
    samples = json.loads(Path("test_output.json").read_text(encoding="utf-8"))
    wer = min(sum(s["word_distance"] for s in samples) / sum(s["word_length"] for s in samples),
              1.0)
    cer = min(sum(s["char_distance"] for s in samples) / sum(s["char_length"] for s in samples),
              1.0)
    # print_report's np.mean of the float32 losses the session returned: a float32 mean
    test_loss = float(np.mean(np.array([s["loss"] for s in samples], dtype=np.float32)))
    last = EPOCHS - 1

    files = ["test_output.json"]
    file_metrics = {}
    flush_summaries()
    for phase in ("train", "dev"):
        events = sorted(Path("summaries", phase).glob("events.out.tfevents.*"))
        files.extend(str(path) for path in events)
        steps = []
        for path in events:
            steps.extend(read_step_loss(path))
        if steps:
            name = "step_loss" if phase == "train" else f"{phase}_step_loss"
            file_metrics[name] = series(steps, "step", rel_tolerance=1e-6)

    write_truth(
        "deepspeech_training", get_distribution("deepspeech_training").version,
        f"train.py's per-epoch mean losses (record lines, mozilla/DeepSpeech {SOURCE_COMMIT}); "
        "test WER/CER/loss from --test_output_file's samples",
        {"training_loss": series(train, "epoch", tolerance=TOL),
         "validation_loss": series(dev, "epoch", tolerance=TOL),
         "test_WER": series([(last, wer)], "epoch", tolerance=TOL),
         "test_CER": series([(last, cer)], "epoch", tolerance=TOL),
         "test_loss": series([(last, test_loss)], "epoch", tolerance=TOL)},
        files=files, also_ok=["Elapsed Time", "elapsed_time", "FINISHED optimization in"],
        file_metrics=file_metrics)


def flush_summaries() -> None:
    """train() never closes its three ``FileWriter``s: TensorFlow flushes their files every
    120 s or when the process ends. Flush them now, through the logger threads that keep
    them (``EventFileWriter.flush``'s two calls), before reading the files."""
    import threading

    from tensorflow.python.summary.writer.event_file_writer import _EventLoggerThread
    for thread in threading.enumerate():
        if isinstance(thread, _EventLoggerThread):
            thread._queue.join()
            thread._ev_writer.Flush()


def read_step_loss(path: Path) -> list:
    import tensorflow.compat.v1 as tfv1
    values = []
    for event in tfv1.train.summary_iterator(str(path)):
        for value in event.summary.value:
            if value.tag == "step_loss":
                values.append((event.step, value.simple_value))
    return values


main()

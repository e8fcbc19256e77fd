"""NVIDIA's Tacotron 2 (github.com/NVIDIA/tacotron2, no pip package, no release: repository
commit 185cd24e046cc1304b4f8e564734d2498c6e2e6f, 2020-06-11, master's last) on PyTorch 1.4.0
and TensorFlow 1.15.5 (its ``hparams.py`` builds ``tf.contrib.training.HParams``), both PyPI's
wheels run on the CPU, in a Python 3.7 venv (see ``requirements-tacotron2.txt``).
Files: ``train.py``, ``model.py``, ``layers.py``, ``loss_function.py``, ``logger.py``,
``hparams.py``, ``data_utils.py``, ``stft.py``, ``audio_processing.py``, ``utils.py``,
``plotting_utils.py``, ``distributed.py`` and ``text/`` at that commit, unpacked under
``$ZOO_REPOS/tacotron2`` (default ``~/.cache/exptrack-zoo/repos``; ``git archive 185cd24e |
tar -x -C ~/.cache/exptrack-zoo/repos/tacotron2``), each file checked against its git blob
id and ``text/`` against its tree id, none changed. ``train.py`` runs in-process (``runpy``,
as ``__main__``, the repository folder first on ``sys.path``) as its README runs it::

    python train.py --output_directory=outdir --log_directory=logdir \\
        --hparams=epochs=2,batch_size=2,iters_per_checkpoint=2,<smaller model>

CPU shim (the only change to how it runs; no line of the repository is edited): Tacotron 2
assumes CUDA in two places, ``train.py``'s ``load_model`` (``Tacotron2(hparams).cuda()``)
and ``utils.py``'s ``get_mask_from_lengths`` (``torch.arange(0, max_len,
out=torch.cuda.LongTensor(max_len))``). Before ``train.py`` runs the case sets
``torch.nn.Module.cuda`` to return the module unchanged and ``torch.cuda.LongTensor`` to
``torch.LongTensor``, so both stay on the CPU; ``utils.to_gpu`` already moves a batch only
where ``torch.cuda.is_available()``, and ``torch.cuda.manual_seed`` is a no-op without CUDA.
``fp16_run`` and ``distributed_run`` stay False (their defaults), so apex and NCCL are never
imported.

Data: a tiny synthetic LJSpeech-like set the case writes: ``wavs/LJ001-000N.wav``, 6 mono
16-bit 22050 Hz wavs of 0.6-0.9 s (a few sine partials and noise, numpy ``RandomState(0)``),
and ``filelists/ljs_audio_text_{train,val}_filelist.txt`` in the repository's format
(``wavs/LJ001-0001.wav|Printing, in the only sense with which we are at present
concerned,``; LJSpeech's first sentences, cut short): 4 training pairs (2 batches of 2 an
epoch) and 2 validation pairs. ``training_files``/``validation_files`` keep their default
paths (relative to the cwd). Hyperparameters (``--hparams``, parsed by ``HParams.parse``):
``epochs=2,batch_size=2,iters_per_checkpoint=2`` and a smaller model
(``symbols_embedding_dim``/``encoder_embedding_dim`` 64, ``decoder_rnn_dim`` and
``attention_rnn_dim`` 128, ``prenet_dim`` 32, ``attention_dim`` 32,
``postnet_embedding_dim`` 64, ``attention_location_n_filters`` 8,
``n_mel_channels`` 40); the audio parameters and the rest stay its defaults. 4 iterations,
a validation (and checkpoint) at iterations 0 and 2; seeds: ``hparams.seed`` 1234, which
train.py gives torch and data_utils ``random`` (the filelist shuffle); the case also seeds
``random`` and numpy (``log_validation``'s ``random.randint`` picks the plotted sample).

What it prints (stdout): ``FP16 Run: False``, ``Dynamic Loss Scaling: True``, ``Distributed
Run: False``, ``cuDNN Enabled: True``, ``cuDNN Benchmark: False``, then ``Epoch: 0``, a line
an iteration::

    Train loss 0 31.634853 Grad Norm 9.817098 0.51s/it

(``"Train loss {} {:.6f} Grad Norm {:.6f} {:.2f}s/it"``: the iteration, the loss, the
gradient norm before clipping, the iteration's seconds), after iterations 0 and 2
``Validation loss 0: 30.366158  `` (``"Validation loss {}: {:9f}  "``: the iteration, the
mean validation loss, two trailing spaces) and ``Saving model and optimizer state at
iteration 0 to outdir/checkpoint_0``. Before them TensorFlow 1.15 warns on stderr
(``tf.contrib``'s sunset, ``tf.logging.info`` deprecated).

Truth: the framework's own record, the TensorBoard event file its ``Tacotron2Logger`` (a
``torch.utils.tensorboard.SummaryWriter``) writes in ``outdir/logdir``: ``log_training``
adds ``training.loss``, ``grad.norm``, ``learning.rate`` and ``duration`` each iteration,
``log_validation`` adds ``validation.loss`` (and histograms of every parameter and four
images, not metrics) at each validation; read back with TensorBoard's own loader
(``_records.tb_folder``). train.py never closes its logger, so the case flushes the
writer's thread after ``train()`` returns (its queue, as the writer's close would) before
reading. The event file is not copied into the fixture (``files`` is empty): its images and
histograms make it about 1 MB a run; its scalars are the truth below. Judgement calls:
- Names: as printed, the run's only naming, by the documented rules (docs/metrics.md):
  ``Train loss`` -> ``train_loss`` and ``Validation loss`` -> ``validation_loss`` (a phase
  word before a name prefixes it), ``Grad Norm`` -> ``Grad_Norm`` (a phrase's words before
  its value, each capitalised, kept as printed: ``Learning Rate`` -> ``Learning_Rate``).
  The logger's keys (``training.loss``, ``grad.norm``, ``validation.loss``) hold the same
  values, but nothing prints them and the event file is not in the fixture, so the
  printed names stand (a judgement call: a reader of this output sees only these).
- Axis ``step``: the iteration train.py prints (the event's step). Counts: 4 training
  points, 2 validation points.
- Values: the event file stores float32 (``simple_value``); stdout prints ``{:.6f}``/
  ``{:9f}`` of the float64 values: tolerance 5e-7 plus rel_tolerance 1e-6 (float32).
- ``learning.rate`` (constant 1e-3) and ``duration`` are logged but never printed as
  names: ``duration`` is the ``0.51s/it`` printed bare after the gradient norm, so
  ``also_ok`` allows ``duration`` and ``s/it``; ``learning.rate`` is left out (nothing
  prints it). Both are in ``notes``.
- Values are large (a loss near 30): the synthetic wavs' log-mel frames are far from the
  untrained decoder's output; the run is 4 iterations of a cut-down model.
- Not metrics: ``Epoch: 0``, the iteration numbers, the hparams flags.
"""
# zoo-venv: tacotron2

import os
import random
import runpy
import sys
import threading
from pathlib import Path

import numpy as np
import torch
from _records import tb_folder
from _truth import series, write_truth
from _verbatim import first_changed, tree_id
from scipy.io import wavfile

SOURCE_REPO = "NVIDIA/tacotron2"
SOURCE_COMMIT = "185cd24e046cc1304b4f8e564734d2498c6e2e6f"
BLOBS = {"train.py": "88b09494ce5dfc77e267aacd50c71f22a3ee66f4",
         "model.py": "ec0e9cea43e1b23f89934d85298b8f9d1883d13f",
         "layers.py": "615a64a4394cb7482cc19bd0bd26f842d38d9b3d",
         "loss_function.py": "99cae952bbc38cb5d89a5686b07a8dd458725e22",
         "logger.py": "ad327383a24484476801ea7f6d840b9fdb49786b",
         "hparams.py": "8886f18fec85090c1a1e307c457995fdd751aa8b",
         "data_utils.py": "ed8723864d405de92f9f85ef304c4b3f07d27d97",
         "stft.py": "edfc44ae8bdec2887920a1ffab012432ca09a33d",
         "audio_processing.py": "b5af7f723eb8047bc58db2f85234aea161fbc659",
         "utils.py": "43952018447c94684b3821b759aa50e001c0bd1b",
         "plotting_utils.py": "ca7e16880ea01ca3a03b8842a5d885e0285ed489",
         "distributed.py": "cce74944bfec6a69ac50921ec82a74d4874d6070"}
TEXT_TREE = "6577692d37a4411f1d5ded0e68f85fde0f428b79"
HPARAMS = ("epochs=2,batch_size=2,iters_per_checkpoint=2,symbols_embedding_dim=64,"
           "encoder_embedding_dim=64,decoder_rnn_dim=128,attention_rnn_dim=128,prenet_dim=32,"
           "attention_dim=32,attention_location_n_filters=8,postnet_embedding_dim=64,"
           "n_mel_channels=40")
SENTENCES = [
    "Printing, in the only sense with which we are at present concerned,",
    "in being comparatively modern.",
    "For although the Chinese took impressions from wood blocks engraved in relief",
    "produced the block books, which were the immediate predecessors of the true printed book,",
    "the invention of movable metal letters in the middle of the fifteenth century",
    "And it is worth mention in passing that, as an example of fine typography,",
]
RATE = 22050
TOL, REL = 5e-7, 1e-6  # "{:.6f}" of the loss; float32 in the event file


def write_data() -> None:
    """6 wavs and LJSpeech's filelist format (path|text): 4 for training, 2 for validation."""
    rng = np.random.RandomState(0)
    Path("wavs").mkdir()
    Path("filelists").mkdir()
    rows = []
    for index, text in enumerate(SENTENCES):
        seconds = 0.6 + 0.06 * index
        t = np.arange(int(RATE * seconds)) / RATE
        signal = sum(0.2 / (k + 1) * np.sin(2 * np.pi * (140 + 25 * index) * (k + 1) * t)
                     for k in range(4)) + 0.02 * rng.randn(t.size)
        path = f"wavs/LJ001-{index + 1:04d}.wav"
        wavfile.write(path, RATE, (signal * 32767 * 0.8).astype(np.int16))
        rows.append(f"{path}|{text}\n")
    Path("filelists/ljs_audio_text_train_filelist.txt").write_text("".join(rows[:4]))
    Path("filelists/ljs_audio_text_val_filelist.txt").write_text("".join(rows[4:]))


def flush_logger() -> None:
    """train.py never closes its Tacotron2Logger: wait for the writer's thread to write what
    it queued, then flush the file (what ``SummaryWriter.close`` does)."""
    from tensorboard.summary.writer.event_file_writer import _AsyncWriterThread

    for thread in threading.enumerate():
        if isinstance(thread, _AsyncWriterThread):
            thread._queue.join()
            thread._record_writer.flush()


def main() -> None:
    repos = Path(os.environ.get("ZOO_REPOS", Path.home() / ".cache" / "exptrack-zoo" / "repos"))
    repo = repos / "tacotron2"
    rel = first_changed(repo, BLOBS)
    if rel is not None:
        sys.exit(f"{repo / rel} is not {SOURCE_REPO}'s at {SOURCE_COMMIT}")
    if tree_id(repo / "text") != TEXT_TREE:
        sys.exit(f"{repo / 'text'} is not {SOURCE_REPO}'s at {SOURCE_COMMIT}")
    write_data()
    random.seed(0)
    np.random.seed(0)
    # the CPU shim (see the docstring): .cuda() keeps a module where it is, and
    # get_mask_from_lengths' torch.cuda.LongTensor buffer is a CPU one
    torch.nn.Module.cuda = lambda self, device=None: self
    torch.cuda.LongTensor = torch.LongTensor
    sys.path.insert(0, str(repo))
    sys.argv = ["train.py", "--output_directory=outdir", "--log_directory=logdir",
                f"--hparams={HPARAMS}"]
    runpy.run_path(str(repo / "train.py"), run_name="__main__")
    sys.stdout.flush()
    flush_logger()

    _, scalars = tb_folder("outdir/logdir")
    metrics = {
        "train_loss": series(scalars["training.loss"], "step", TOL, REL),
        "Grad_Norm": series(scalars["grad.norm"], "step", TOL, REL),
        "validation_loss": series(scalars["validation.loss"], "step", TOL, REL),
    }
    write_truth(
        "tacotron2", f"{SOURCE_COMMIT[:8]} (torch {torch.__version__})",
        f"Tacotron2Logger's TensorBoard event file outdir/logdir ({SOURCE_REPO} at "
        f"{SOURCE_COMMIT})", metrics, also_ok=["s/it", "duration"],
        notes="event file not copied (images and histograms); its learning.rate "
              f"{[v for _, v in scalars['learning.rate']]} and duration "
              f"{[round(v, 3) for _, v in scalars['duration']]} are never printed as names")


if __name__ == "__main__":
    main()

"""k2-fsa's icefall (no PyPI release: k2-fsa/icefall at
36e0420c7e3e849a25b3d24dbf913c424f3d23c9, its master on 2026-06-11; the yesno files last
changed 2025-09-22) on k2 1.23.4 (PyPI's newest wheel, a CUDA 11.7 build for torch 1.13.1
and CPython 3.9, run on the CPU), lhotse 1.32.1 and torch 1.13.1: the ``egs/yesno/ASR``
recipe's data preparation (``prepare.sh`` stages 1 to 3) and its ``tdnn/train.py``, the
tiny TDNN trained with k2's CTC loss, run as the recipe's README runs it (``./tdnn/train.py``
from ``egs/yesno/ASR``) with ``--num-epochs 3`` (of its 15) and its other defaults (SGD lr
1e-2, ``--max-duration 30``, 2 DataLoader workers, seed 42, ``log_interval`` and
``valid_interval`` 10, ``reset_interval`` 20, ``--tensorboard true``).
Files: the recipe's files the case runs, ``tdnn/train.py``, ``tdnn/asr_datamodule.py``,
``tdnn/model.py``, ``local/compute_fbank_yesno.py`` and ``local/prepare_lang.py``, are
copied from ``$ZOO_REPOS/icefall/egs/yesno/ASR`` (see requirements-icefall.txt) into the cwd
in the recipe's layout and run unchanged, each checked against its git blob id; the
``icefall`` package is imported from ``$ZOO_REPOS/icefall`` (``PYTHONPATH``, as icefall's
installation guide sets it), its eight modules these scripts use checked by blob id too.
Data: prepare.sh's stage 0 downloads the 60 ``waves_yesno/*.wav`` of OpenSLR 1 (``lhotse
download yesno``); the case writes 60 synthetic yesno-like files in their place instead,
``download/waves_yesno/<8 digits of 0 and 1>.wav`` (the real names: 1 for "yes", 0 for
"no"; 60 distinct patterns from numpy's ``default_rng(0)``), 8 kHz 16-bit mono, 6.1 s each:
0.5 s of silence, then per word 0.45 s of a tone (``YES`` about 330 Hz, ``NO`` about 660 Hz,
with a harmonic, its pitch jittered) and 0.25 s of silence, with a little noise. Then the
recipe's stages, unchanged: 1, ``lhotse prepare yesno download/waves_yesno data/manifests``
(the venv's ``lhotse`` command; train = the sorted files' even ones, test = the odd ones, 30
each); 2, ``./local/compute_fbank_yesno.py`` (23-dim fbank, the train cuts with speed
perturbation 0.9 and 1.1: 90 train cuts); 3, the four-line ``data/lang_phone/lexicon.txt``
prepare.sh writes and ``./local/prepare_lang.py``. Stage 3's last command,
``./local/prepare_lang_fst.py`` (kaldifst), and stages 4-5 (G and HLG) only serve decoding,
so they are left out. Nothing is downloaded. About 40 s here, most of it imports (``import
icefall`` takes about 12 s on this machine, once for each of the three scripts).

What it prints (stderr; stdout is empty): the data preparation's own lines
(compute_fbank_yesno.py's ``Processing train``/``Processing test`` records and lhotse's tqdm
bar ``Extracting and storing features``; ``lhotse prepare yesno`` and prepare_lang.py print
nothing), then train.py's logging records (``setup_logger``: ``%(asctime)s %(levelname)s
[%(filename)s:%(lineno)d] %(message)s``, also written to ``tdnn/exp/log/log-train-*``):
``Training started``, the ``params`` dict as indented JSON (55 lines, with ``env_info``;
``get_env_info`` first lets ``git`` print ``fatal: not a git repository`` three times: the
unpacked repository has no ``.git``), ``device: cpu``, the data module's lines (``Using
SimpleCutSampler.``), then per epoch (21 batches of 4 or 5 cuts, up to 30 s each, the same
order every epoch: ``--shuffle`` is off by default) a line at batches 0, 10 and 20 and a
validation after batches 10 and 20 (real lines of this run, each one line, wrapped here)::

    2026-12-07 17:15:02,146 INFO [train.py:422] Epoch 0, batch 0, loss[loss=1.004, over
    2336.00 frames. ], tot_loss[loss=1.004, over 2336.00 frames. ], batch size: 4
    2026-12-07 17:15:03,403 INFO [train.py:444] Epoch 0, validation loss=0.7287, over
    17520.00 frames.

(the validation line ends in a space after ``frames.``), ``Saving checkpoint to
tdnn/exp/epoch-0.pt`` after each epoch, then ``Done!``. Each ``loss=`` is
``MetricsTracker.__str__``'s ``%.4g`` of the loss per frame (``norm_items``: the summed CTC
loss over the frames); ``over ... frames`` and ``batch size`` are its counts.

Truth: icefall's own record, the TensorBoard event file train.py's ``SummaryWriter`` writes
under ``tdnn/exp/tensorboard/`` (listed in ``files``), read with ``_records.tb_folder``
(TensorBoard's loader): at each printed training line ``loss_info.write_summary(tb_writer,
"train/current_", params.batch_idx_train)`` and ``tot_loss.write_summary(tb_writer,
"train/tot_", ...)``, at each validation ``valid_info.write_summary(tb_writer,
"train/valid_", ...)`` (``write_summary`` adds ``prefix + k`` for each of ``norm_items()``,
the very values the lines format), and ``train/epoch`` at each epoch's start. Nothing is
parsed from the output. Judgement calls:
- Names as printed: ``loss`` (the batch's ``loss[loss=...]``, the record's
  ``train/current_loss``), ``tot_loss`` (``tot_loss[loss=...]``, the record's
  ``train/tot_loss``: the running loss, decayed by ``1 - 1/reset_interval`` a batch) and
  ``validation_loss`` (``Epoch 0, validation loss=...``: the phase word before the name, the
  record's ``train/valid_loss``). A bracketed group of one key is named by its head
  (docs/metrics.md: icefall's trackers), so ``loss[loss=..]`` is ``loss`` and
  ``tot_loss[loss=..]`` is ``tot_loss``, not ``tot_loss_loss``. 9 values each of ``loss``
  and ``tot_loss`` (batches 0, 10 and 20 of 3 epochs), 6 of ``validation_loss``.
- The three loss tags are also ``file_metrics`` series under their tags
  (``train/current_loss``, ``train/tot_loss``, ``train/valid_loss``), as ``dlrm_random``
  keeps its tags. ``train/epoch`` (the epoch counter, ``add_scalar("train/epoch", epoch,
  ...)`` at each epoch's first step) is no metric, as in ``hf_trainer_tb``.
- Axis ``step``: the record's ``params.batch_idx_train``, the batch counted over all epochs
  from 1 (the lines print the batch within the epoch from 0: ``batch 10`` of epoch 0 is step
  11, ``batch 0`` of epoch 1 is step 22); a validation shares its training line's step.
- Tolerances: ``%.4g`` -> ``rel_tolerance`` 5e-4 (half a unit of the fourth significant
  digit, relative to the value: at most 5e-4), which also covers the event file's float32.
- ``also_ok``: none (icefall's yesno train.py prints no timing, throughput or learning rate).
- Not metrics: ``over 2370.00 frames`` and ``batch size: 4`` (counts), ``Epoch 0, batch 10``
  (counters), the ``params`` dict (settings: ``best_train_loss``, ``best_valid_loss`` are
  ``inf`` there at the start) and the data preparation's lines.
- Determinism: train.py seeds through lhotse's ``fix_random_seed`` (``--seed 42``, and
  ``seed + epoch`` each epoch); the waves are seeded; so the values repeat on the CPU.
"""
# zoo-venv: icefall

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import wave
from importlib.metadata import version
from pathlib import Path

import numpy as np
from _records import tb_folder
from _truth import series, write_truth
from _verbatim import first_changed

REPO_NAME = "k2-fsa/icefall"
COMMIT = "36e0420c7e3e849a25b3d24dbf913c424f3d23c9"
REPO = Path(os.environ.get("ZOO_REPOS", Path.home() / ".cache" / "exptrack-zoo" / "repos")) \
    / "icefall"
RECIPE = REPO / "egs" / "yesno" / "ASR"
# the files the case runs (paths under egs/yesno/ASR), each to its git blob id at COMMIT
BLOBS = {"tdnn/train.py": "335493491a52ced47960c8903b213834e8ef9d40",
         "tdnn/asr_datamodule.py": "99f2a6d08f9e008509544cf3b40ba60eea06f85f",
         "tdnn/model.py": "52cff37e0c7ded693577ed1ca03f3275a4d17116",
         "local/compute_fbank_yesno.py": "75d95df687584ff04737274cada9911f29234378",
         "local/prepare_lang.py": "29202eeaffdeebcadddce4e8f4ebbf2d417979ad"}
# the icefall/ modules train.py and the local/ scripts use (paths under the repository)
ICEFALL_BLOBS = {"icefall/__init__.py": "3077b8162cecc8819fa2d1af920d5778b8395579",
                 "icefall/utils.py": "0d4e24db53687a3028566e2d40215aba9a48f8ac",
                 "icefall/checkpoint.py": "4ab685684b254307f08d72483a0294649ad4c026",
                 "icefall/dist.py": "ee76e994aaa7c5a4a6b281d20d4a96926de798bc",
                 "icefall/env.py": "6ebc30f6b09b1c72a750b60a038e79a69e1d21d5",
                 "icefall/graph_compiler.py": "d26ddbbd1ef7d61f87fe5ad9e37474b4f4304e08",
                 "icefall/lexicon.py": "6a157ffeaf5c73d4387c19cc8d1d415af24a855b",
                 "icefall/dataset/datamodule.py": "97918ffd861515fb14c7cb4ccee458088acd88b5"}
EPOCHS = 3  # of train.py's 15
RATE = 8000
LEXICON = "<SIL> SIL\nYES Y\nNO N\n<UNK> SIL\n"  # prepare.sh's stage 3, as it writes it
NOT_METRICS = ("train/epoch",)  # the epoch counter, logged at each epoch's first step
FLOAT_REL = 5e-4  # "%.4g": half a unit of the 4th significant digit, relative


def write_waves(folder: Path, seed: int = 0) -> None:
    """60 yesno-like waves named as OpenSLR 1's (``1_0_1_1_1_0_1_0.wav``): per word a
    tone, lower for YES (1) than for NO (0), between silences; 8 kHz, 16-bit mono."""
    rng = np.random.default_rng(seed)
    folder.mkdir(parents=True, exist_ok=True)
    patterns = rng.choice(256, size=60, replace=False)
    word, gap, lead = int(0.45 * RATE), int(0.25 * RATE), int(0.5 * RATE)
    for pattern in patterns:
        digits = [(int(pattern) >> (7 - i)) & 1 for i in range(8)]
        pieces = [np.zeros(lead)]
        for digit in digits:
            pitch = (330.0 if digit else 660.0) * rng.uniform(0.95, 1.05)
            t = np.arange(word) / RATE
            tone = np.sin(2 * np.pi * pitch * t) + 0.3 * np.sin(4 * np.pi * pitch * t)
            pieces += [tone * np.hanning(word) * rng.uniform(0.3, 0.6), np.zeros(gap)]
        audio = np.concatenate(pieces)
        audio += rng.normal(0, 0.005, audio.size)
        samples = (np.clip(audio, -1, 1) * 32767).astype("<i2")
        name = "_".join(str(d) for d in digits)
        with wave.open(str(folder / f"{name}.wav"), "wb") as handle:
            handle.setnchannels(1)
            handle.setsampwidth(2)
            handle.setframerate(RATE)
            handle.writeframes(samples.tobytes())


def run(cmd: list[str], env: dict[str, str]) -> None:
    sys.stdout.flush()
    sys.stderr.flush()
    subprocess.run(cmd, env=env, check=True)


def main() -> None:
    changed = first_changed(RECIPE, BLOBS)
    if changed is not None:
        sys.exit(f"{RECIPE / changed} is missing or not {REPO_NAME}'s at {COMMIT}")
    changed = first_changed(REPO, ICEFALL_BLOBS)
    if changed is not None:
        sys.exit(f"{REPO / changed} is missing or not {REPO_NAME}'s at {COMMIT}")
    for rel in BLOBS:  # the recipe's layout (its other files, some links into other
        Path(rel).parent.mkdir(exist_ok=True)  # recipes, are not needed)
        shutil.copy2(RECIPE / rel, rel)
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(REPO), env.get("PYTHONPATH")]))
    prep = dict(env, PROTOCOL_BUFFERS_PYTHON_IMPLEMENTATION="python")  # prepare.sh's export
    python = sys.executable
    write_waves(Path("download") / "waves_yesno")  # in place of stage 0's download
    # stage 1: lhotse prepare yesno $dl_dir/waves_yesno data/manifests
    Path("data/manifests").mkdir(parents=True)
    run([str(Path(python).parent / "lhotse"), "prepare", "yesno", "download/waves_yesno",
         "data/manifests"], prep)
    # stage 2: ./local/compute_fbank_yesno.py
    Path("data/fbank").mkdir(parents=True)
    run([python, "local/compute_fbank_yesno.py"], prep)
    # stage 3: the lexicon, ./local/prepare_lang.py
    Path("data/lang_phone").mkdir(parents=True)
    Path("data/lm").mkdir(parents=True)
    Path("data/lang_phone/lexicon.txt").write_text(LEXICON, encoding="utf-8")
    run([python, "local/prepare_lang.py"], prep)
    # the training, as the README runs it
    run([python, "tdnn/train.py", "--num-epochs", str(EPOCHS)], env)

    # --- the truth: the SummaryWriter's event file ---
    event_files, found = tb_folder("tdnn/exp/tensorboard")
    train_steps = [step for step, _ in found["train/current_loss"]]
    assert [step for step, _ in found["train/tot_loss"]] == train_steps, found
    assert len(train_steps) == 3 * EPOCHS, train_steps  # batches 0, 10, 20 of 21 an epoch
    assert len(found["train/valid_loss"]) == 2 * EPOCHS, found["train/valid_loss"]
    metrics = {
        "loss": series(found["train/current_loss"], "step", rel_tolerance=FLOAT_REL),
        "tot_loss": series(found["train/tot_loss"], "step", rel_tolerance=FLOAT_REL),
        "validation_loss": series(found["train/valid_loss"], "step",
                                  rel_tolerance=FLOAT_REL),
    }
    file_metrics = {tag: series(pairs, "step", rel_tolerance=1e-7)
                    for tag, pairs in found.items() if tag not in NOT_METRICS}
    write_truth(
        "icefall (egs/yesno/ASR tdnn/train.py)", f"{COMMIT[:8]} (no release)",
        "train.py's own SummaryWriter event file under tdnn/exp/tensorboard/ (tb_folder): "
        "MetricsTracker.write_summary's train/current_loss (each printed loss[...]), "
        "train/tot_loss (tot_loss[...]) and train/valid_loss (each validation line), at "
        "params.batch_idx_train",
        metrics, files=event_files, file_metrics=file_metrics,
        notes=f"{REPO_NAME} at {COMMIT}, egs/yesno/ASR's tdnn/ and local/ copied from "
              f"$ZOO_REPOS/icefall (blob ids checked), icefall/ imported from there (tree id "
              f"checked); k2 {version('k2')}, torch {version('torch')}, lhotse "
              f"{version('lhotse')}, tensorboard {version('tensorboard')}; "
              f"train.py --num-epochs {EPOCHS}; synthetic waves; scalar tags found: "
              + ", ".join(sorted(found)))


if __name__ == "__main__":
    main()

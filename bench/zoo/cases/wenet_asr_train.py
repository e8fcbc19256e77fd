"""WeNet (wenet-e2e/wenet at 015469960db73eb19c49a48c020d5ac9db69bae5, 2025-12-19, its main
branch; no ``wenet`` package on PyPI; torch 2.9.1 with torchaudio 2.9.1 and torchcodec 0.8.1,
PyPI's CUDA build run on the CPU) training a tiny CTC/attention conformer with
``wenet/bin/train.py`` as ``examples/aishell/s0/run.sh`` stage 4 runs it: ``torchrun
--nnodes=1 --nproc_per_node=1 --rdzv_id=2023 --rdzv_backend=c10d
--rdzv_endpoint=localhost:0 wenet/bin/train.py --train_engine torch_ddp --config
conf/train_conformer.yaml --data_type raw --train_data data/train/data.list --cv_data
data/dev/data.list --model_dir exp/conformer --tensorboard_dir tensorboard --ddp.dist_backend
gloo --num_workers 1 --prefetch 10 --pin_memory``, a subprocess with its stdout and stderr
inherited, in the case's cwd (the recipe folder), ``PYTHONPATH`` the cwd (run.sh's
``path.sh``: ``PYTHONPATH=../../../``). Departures from run.sh, each for the CPU or the tiny
data: ``--device cpu`` (this version has it; its default is ``cuda``), ``gloo`` for run.sh's
``nccl``, one process, one DataLoader worker for its 8 (``persistent_workers=True`` needs at
least one), and no ``--deepspeed_config``/``--deepspeed.save_states`` (read only with
``--train_engine deepspeed``). The ``wenet`` package (the repository's 144 files, unpacked
under ``$ZOO_REPOS/wenet``, see requirements-wenet.txt) is copied into the cwd; two of its
files get record lines (below), each checked against its git blob id first.
Data (run.sh stages 0-3 for a tiny corpus, numpy's ``default_rng(0)``): 16 training and 8
dev utterances, each 0.6-1.2 s of 16 kHz 16-bit Gaussian noise (Python's ``wave``), its text
2-5 letters of ``ABCDEF``; ``data/<set>/wav.scp`` and ``text``, ``data.list`` in WeNet's raw
format (``tools/make_raw_list.py``'s JSON lines ``{"key", "wav", "txt"}``),
``data/dict/lang_char.txt`` as stage 2 writes it (``<blank> 0``, ``<unk> 1``, ``<sos/eos>
2``, the letters from 3), and ``data/train/global_cmvn`` as stage 1's
``tools/compute_cmvn_stats.py`` writes it (JSON ``mean_stat``, ``var_stat``, ``frame_num``
of ``kaldi.fbank`` with dither 0 over the training wavs).
Config (``conf/train_conformer.yaml`` made tiny, CONFIG below): a 2-block conformer encoder
(32 units, 2 heads, 64 feed-forward units, conv2d subsampling, rel_pos, kernel 15) and a
1-block transformer decoder, CTC weight 0.3, label smoothing 0.1, 40 fbank bins, SpecAugment
on, ``speed_perturb: false`` (its ``torchaudio.sox_effects`` is gone from torchaudio 2.9),
static batches of 4 (4 training and 2 dev batches an epoch), ``accum_grad: 1`` (the
recipe's 4 would write the TensorBoard point every 4th batch only), ``max_epoch: 2``,
``log_interval: 1`` (its 100 would print no batch line), Adam at 0.002 with ``warmuplr``
over 4 steps (the recipe's 25000 would keep the rate near 0). About 12 s here.

What it prints (stderr; ``logging`` at DEBUG, ``%(asctime)s %(levelname)s %(message)s``),
after deepspeed's and torch_npu's import notes, ``ERROR not supported device: cpu``
(``init_distributed`` says so and goes on with gloo), gloo's ``[Gloo] Rank 0 is connected to
0 peer ranks`` and torch's warnings::

    2026-12-07 11:33:23,544 INFO Epoch 0 Step 0 TRAIN info lr 5.0000e-04 rank 0
    2026-12-07 11:33:23,844 DEBUG TRAIN | steps/sec 0.000| Batch 0/1 loss 14.406368
      loss_att 8.073956 loss_ctc 29.181995 th_accuracy 0.055556 lr 5.0000e-04
      grad_norm 27.797523 rank 0
    ...
    2026-12-07 11:33:24,141 DEBUG CV | steps/sec 0.000| Batch 0/1 loss 11.641815
      loss_att 6.836926 loss_ctc 22.853222 th_accuracy 0.333333
    2026-12-07 11:33:24,151 DEBUG CV | steps/sec 101.469| Batch 0/2 loss 17.578072 ...
    2026-12-07 11:33:24,153 INFO Epoch 0 Step 4 CV info lr 2.0000e-03 cv_loss
      12.98661634657118 rank 0 acc 0.19166667200624943

(``train_utils.log_per_step``: ``Batch <epoch>/<batch_idx + 1>``, values ``{:.6f}``, ``lr``
``{:.4e}``; ``log_per_epoch``: ``cv_loss`` and ``acc`` as Python prints a float), and
``Checkpoint: save to checkpoint exp/conformer/epoch_0.pt`` after each epoch.

Truth: WeNet's own record, the TensorBoard event file ``tensorboard/conformer/`` that its
tensorboardX ``SummaryWriter`` writes (``--tensorboard_dir``), read back with TensorBoard's
loader (``_records.tb_folder``); the file is copied into the fixture (``files``, 3 kB) and
its every tag is a ``file_metrics`` series under its own name. Per training batch (step
0..7) ``train/train_loss``, ``train/loss_att``, ``train/loss_ctc``, ``train/th_accuracy``,
``train/grad_norm``, ``train/lr_0``; per epoch (step = epoch) ``epoch/loss``,
``epoch/loss_att``, ``epoch/loss_ctc``, ``epoch/acc``, ``epoch/lr_0``. WeNet keeps no record
of two things it prints, so the case adds lines (RECORD_LINES, marked ``# zoo:``; none
changed) that append them, as Python literals, to ``exp/conformer/zoo_record.txt``:
in ``wenet/utils/executor.py``'s ``Executor.cv``, after its ``log_per_step`` call, each dev
batch's loss dict (what the ``CV | ... Batch`` line prints, under the same
``log_interval`` test); in ``wenet/bin/train.py``, after the ``TRAIN info`` line, the
learning rates it prints. Judgement calls (docs/metrics.md):
- Names as printed. The training lines' ``TRAIN |`` is an all-capital tag naming the
  line's mode, so their names stay bare: ``loss`` (``train/train_loss``), ``loss_att``,
  ``loss_ctc``, ``th_accuracy``, ``grad_norm``, 8 points each (2 epochs x 4 batches), axis
  ``step`` (TensorBoard's). The dev batch lines are the cross-validation's values apart from
  the training's: docs/metrics.md names WeNet's ``CV Batch e/b`` values ``CV_*``, and this
  version prints ``CV | steps/sec 0.000| Batch 0/1`` for the same loop, so ``CV_loss``,
  ``CV_loss_att``, ``CV_loss_ctc``, ``CV_th_accuracy``, 4 points each (2 epochs x 2
  batches; axis the batch number, from the record lines).
- The epoch line ``Epoch 0 Step 4 CV info lr ... cv_loss ... rank 0 acc ...``: ``cv_loss``
  as printed (``epoch/loss``) and ``acc`` (``epoch/acc``, the dev batches' mean
  ``th_accuracy``), 2 points each, axis ``epoch``. ``CV info`` is a label before ``lr``, not
  a phase word right before a name: ``lr`` and ``acc`` are not prefixed.
- ``lr``: one series of every printed ``lr`` in print order, 12 points (6 an epoch):
  each epoch's ``TRAIN info lr`` (the record line; for epoch 1 the same value as
  ``epoch/lr_0`` of epoch 0), its 4 batch lines (``train/lr_0``) and its ``CV info lr``
  (``epoch/lr_0``). ``{:.4e}``: relative tolerance 5e-5.
- Not metrics: ``rank 0``, ``Batch 0/3`` (epoch and batch counters), ``Step 4``.
  ``steps/sec`` (a throughput, kept by nothing) is in ``also_ok``.
- Tolerances: ``{:.6f}`` values 5e-7 absolute plus 2e-6 relative (float32 in the event
  file); ``cv_loss``/``acc`` (printed in full) 1e-6 relative; the file's own series 1e-6.
- ``loss`` on the training lines is ``loss * accum_grad`` (accum_grad 1); CV's
  ``cv_loss`` divides by the utterances seen plus one (``num_seen_utts`` starts at 1 in
  ``Executor.cv``), so it is no mean of the printed CV batch losses: WeNet computes it so.
- Determinism: train.py seeds torch (777) and its DataLoaders' generator; the values repeat
  between runs on the CPU, ``steps/sec`` and the times do not.
"""
# zoo-venv: wenet

import ast
import json
import os
import shutil
import subprocess
import sys
import wave
from importlib.metadata import version
from pathlib import Path

import numpy as np
import torch
import torchaudio.compliance.kaldi as kaldi
import yaml
from _records import tb_folder
from _truth import series, write_truth
from _verbatim import git_blob_id, with_lines

COMMIT = "015469960db73eb19c49a48c020d5ac9db69bae5"
REPO = Path(os.environ.get("ZOO_REPOS", Path.home() / ".cache" / "exptrack-zoo" / "repos")) \
    / "wenet"
RATE = 16000
LETTERS = "ABCDEF"
TRAIN, DEV = 16, 8
DIR = "exp/conformer"
RECORD = f"{DIR}/zoo_record.txt"

# The files the case adds lines to (each checked against its git blob id at COMMIT), and
# the lines: each appends what the line above it prints, as a Python literal, to RECORD.
BLOBS = {"wenet/utils/executor.py": "e7a61f22cf1d45a2dbf6b0fd7251cbf83a9cbb7c",
         "wenet/bin/train.py": "bcd2363508e2739cf601db27ffd42f011911c3d2"}
RECORD_LINES = {
    "wenet/utils/executor.py": {
        "                log_per_step(writer=None,\n"
        "                             info_dict=info_dict,\n"
        "                             timer=self.cv_step_timer)\n":
        "                if (batch_idx + 1) % info_dict.get('log_interval', 10) == 0:  # zoo:\n"
        "                    with open(configs['model_dir'] + '/zoo_record.txt', 'a') as zoo:\n"
        "                        zoo.write(repr(('cv_batch', info_dict['epoch'], batch_idx,\n"
        "                                        {k: float(v) for k, v in _dict.items()\n"
        "                                         if v is not None})) + '\\n')  # zoo:\n",
    },
    "wenet/bin/train.py": {
        "        logging.info('Epoch {} Step {} TRAIN info lr {} rank {}'.format(\n"
        "            epoch, executor.step, lrs_to_str(lrs), rank))\n":
        "        with open(args.model_dir + '/zoo_record.txt', 'a') as zoo:  # zoo:\n"
        "            zoo.write(repr(('train_info', epoch, executor.step, lrs)) + '\\n')  # zoo:\n",
    },
}

CONFIG = {  # examples/aishell/s0/conf/train_conformer.yaml, made tiny
    "encoder": "conformer",
    "encoder_conf": {"output_size": 32, "attention_heads": 2, "linear_units": 64,
                     "num_blocks": 2, "dropout_rate": 0.1, "positional_dropout_rate": 0.1,
                     "attention_dropout_rate": 0.0, "input_layer": "conv2d",
                     "normalize_before": True, "cnn_module_kernel": 15, "use_cnn_module": True,
                     "activation_type": "swish", "pos_enc_layer_type": "rel_pos",
                     "selfattention_layer_type": "rel_selfattn"},
    "decoder": "transformer",
    "decoder_conf": {"attention_heads": 2, "linear_units": 64, "num_blocks": 1,
                     "dropout_rate": 0.1, "positional_dropout_rate": 0.1,
                     "self_attention_dropout_rate": 0.0, "src_attention_dropout_rate": 0.0},
    "tokenizer": "char",
    "tokenizer_conf": {"symbol_table_path": "data/dict/lang_char.txt", "split_with_space": False,
                       "bpe_path": None, "non_lang_syms_path": None, "is_multilingual": False,
                       "num_languages": 1,
                       "special_tokens": {"<blank>": 0, "<unk>": 1, "<sos>": 2, "<eos>": 2}},
    "ctc": "ctc",
    "ctc_conf": {"ctc_blank_id": 0},
    "cmvn": "global_cmvn",
    "cmvn_conf": {"cmvn_file": "data/train/global_cmvn", "is_json_cmvn": True},
    "model": "asr_model",
    "model_conf": {"ctc_weight": 0.3, "lsm_weight": 0.1, "length_normalized_loss": False},
    "dataset": "asr",
    "dataset_conf": {
        "filter_conf": {"max_length": 40960, "min_length": 0, "token_max_length": 200,
                        "token_min_length": 1},
        "resample_conf": {"resample_rate": RATE},
        "speed_perturb": False,
        "fbank_conf": {"num_mel_bins": 40, "frame_shift": 10, "frame_length": 25,
                       "dither": 0.1},
        "spec_aug": True,
        "spec_aug_conf": {"num_t_mask": 2, "num_f_mask": 2, "max_t": 10, "max_f": 5},
        "shuffle": True,
        "shuffle_conf": {"shuffle_size": 1500},
        "sort": True,
        "sort_conf": {"sort_size": 500},
        "batch_conf": {"batch_type": "static", "batch_size": 4},
    },
    "grad_clip": 5,
    "accum_grad": 1,
    "max_epoch": 2,
    "log_interval": 1,
    "optim": "adam",
    "optim_conf": {"lr": 0.002},
    "scheduler": "warmuplr",
    "scheduler_conf": {"warmup_steps": 4},
}


def write_data(rng: np.random.Generator) -> None:
    """run.sh's stages 0-3 for a tiny corpus: ``data/<set>/wav.scp`` and ``text``, the raw
    ``data.list`` (``tools/make_raw_list.py``'s JSON lines), the char dictionary (stage 2)
    and ``data/train/global_cmvn`` (``tools/compute_cmvn_stats.py``'s JSON)."""
    for part, count in (("train", TRAIN), ("dev", DEV)):
        folder = Path("data") / part
        (folder / "wav").mkdir(parents=True)
        rows = []
        for index in range(count):
            key = f"{part}{index:03d}"
            samples = int(RATE * rng.uniform(0.6, 1.2))
            noise = np.clip(rng.standard_normal(samples) * 2000, -32768, 32767).astype("<i2")
            path = (folder / "wav" / f"{key}.wav").resolve()
            with wave.open(str(path), "wb") as handle:
                handle.setnchannels(1)
                handle.setsampwidth(2)
                handle.setframerate(RATE)
                handle.writeframes(noise.tobytes())
            text = "".join(LETTERS[i] for i in rng.integers(0, len(LETTERS),
                                                            int(rng.integers(2, 6))))
            rows.append((key, str(path), text))
        (folder / "wav.scp").write_text("".join(f"{k} {w}\n" for k, w, _ in rows))
        (folder / "text").write_text("".join(f"{k} {t}\n" for k, _, t in rows))
        (folder / "data.list").write_text("".join(
            json.dumps({"key": k, "wav": w, "txt": t}, ensure_ascii=False) + "\n"
            for k, w, t in rows))
    Path("data/dict").mkdir()
    units = ["<blank> 0", "<unk> 1", "<sos/eos> 2"]
    units += [f"{c} {i + 3}" for i, c in enumerate(sorted(set(LETTERS)))]
    Path("data/dict/lang_char.txt").write_text("\n".join(units) + "\n")
    bins = CONFIG["dataset_conf"]["fbank_conf"]["num_mel_bins"]
    mean, var, frames = torch.zeros(bins), torch.zeros(bins), 0
    for line in Path("data/train/wav.scp").read_text().splitlines():
        with wave.open(line.split()[1], "rb") as handle:
            pcm = np.frombuffer(handle.readframes(handle.getnframes()), dtype="<i2")
        mat = kaldi.fbank(torch.from_numpy(pcm.astype(np.float32))[None], num_mel_bins=bins,
                          dither=0.0, energy_floor=0.0, sample_frequency=RATE)
        mean += mat.sum(0)
        var += mat.square().sum(0)
        frames += mat.shape[0]
    Path("data/train/global_cmvn").write_text(json.dumps(
        {"mean_stat": mean.tolist(), "var_stat": var.tolist(), "frame_num": frames}))


def copy_wenet() -> None:
    """The repository's ``wenet`` package into the cwd (run.sh's ``PYTHONPATH=../../../``),
    with RECORD_LINES added to the two files, each checked first."""
    shutil.copytree(REPO / "wenet", "wenet")
    for rel, blob in BLOBS.items():
        text = Path(rel).read_text(encoding="utf-8")
        if git_blob_id(text) != blob:
            sys.exit(f"{REPO / rel} is not wenet-e2e/wenet's at {COMMIT}")
        Path(rel).write_text(with_lines(text, RECORD_LINES[rel]), encoding="utf-8")


def main() -> None:
    rng = np.random.default_rng(0)
    write_data(rng)
    copy_wenet()
    Path("conf").mkdir()
    Path("conf/train_conformer.yaml").write_text(yaml.safe_dump(CONFIG, sort_keys=False))
    Path(DIR).mkdir(parents=True)
    env = dict(os.environ, PYTHONPATH=os.getcwd(), PYTHONIOENCODING="UTF-8")
    torchrun = Path(sys.executable).with_name("torchrun")
    code = subprocess.call([
        str(torchrun), "--nnodes=1", "--nproc_per_node=1", "--rdzv_id=2023",
        "--rdzv_backend=c10d", "--rdzv_endpoint=localhost:0",
        "wenet/bin/train.py", "--train_engine", "torch_ddp", "--device", "cpu",
        "--config", "conf/train_conformer.yaml", "--data_type", "raw",
        "--train_data", "data/train/data.list", "--cv_data", "data/dev/data.list",
        "--model_dir", DIR, "--tensorboard_dir", "tensorboard",
        "--ddp.dist_backend", "gloo", "--num_workers", "1", "--prefetch", "10",
        "--pin_memory"], env=env)
    if code:
        sys.exit(code)
    write_truth_file()


def write_truth_file() -> None:
    paths, tb = tb_folder(f"tensorboard/{Path(DIR).name}")
    record = [ast.literal_eval(line) for line in Path(RECORD).read_text().splitlines()]
    tol, rel = 5e-7, 2e-6  # "{:.6f}", and float32 in the event file
    train_steps = [step for step, _ in tb["train/train_loss"]]
    metrics = {
        "loss": series(tb["train/train_loss"], "step", tol, rel),
        "loss_att": series(tb["train/loss_att"], "step", tol, rel),
        "loss_ctc": series(tb["train/loss_ctc"], "step", tol, rel),
        "th_accuracy": series(tb["train/th_accuracy"], "step", tol, rel),
        "grad_norm": series(tb["train/grad_norm"], "step", tol, rel),
    }
    cv_batches = [(epoch, batch, values) for tag, epoch, batch, values in record
                  if tag == "cv_batch"]
    for key in ("loss", "loss_att", "loss_ctc", "th_accuracy"):
        metrics[f"CV_{key}"] = series([(batch + 1, values[key])
                                       for _, batch, values in cv_batches], "step", tol)
    # lr, in print order: each epoch's "TRAIN info lr" line, its batch lines, its "CV info"
    starts = {epoch: (step, lrs[0]) for tag, epoch, step, lrs in record if tag == "train_info"}
    lr_points = []
    batch_lrs = list(tb["train/lr_0"])
    epoch_lrs = dict(tb["epoch/lr_0"])
    per_epoch = len(train_steps) // len(starts)
    for epoch in sorted(starts):
        lr_points.append(starts[epoch])
        lr_points.extend(batch_lrs[epoch * per_epoch:(epoch + 1) * per_epoch])
        lr_points.append((batch_lrs[(epoch + 1) * per_epoch - 1][0] + 1, epoch_lrs[epoch]))
    metrics["lr"] = series(lr_points, "step", rel_tolerance=5e-5)  # "{:.4e}"
    metrics["cv_loss"] = series(tb["epoch/loss"], "epoch", rel_tolerance=1e-6)
    metrics["acc"] = series(tb["epoch/acc"], "epoch", rel_tolerance=1e-6)
    write_truth(
        "wenet", f"{COMMIT[:8]} (torch {version('torch')}, torchaudio {version('torchaudio')})",
        f"TensorBoard event file tensorboard/{Path(DIR).name}/ (tensorboardX SummaryWriter); "
        f"CV batch lines and epoch-start lr from lines added to executor.py and train.py",
        metrics, files=paths, also_ok=["steps/sec"],
        file_metrics={tag: series(points, tag.split("/")[0] if tag.startswith("epoch/")
                                  else "step", rel_tolerance=1e-6)
                      for tag, points in tb.items()})


if __name__ == "__main__":
    main()

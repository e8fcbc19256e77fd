"""ESPnet2 (``espnet`` 202511, the latest release, on torch 2.9.1 and torchaudio 2.9.1, run on
the CPU) training a tiny ASR model with its trainer entry point, ``python -m
espnet2.bin.asr_train``, as egs2's ``asr.sh`` calls it for a char-token recipe: stage 10
(``--collect_stats true``, one job, then ``python -m espnet2.bin.aggregate_stats_dirs`` and
the ``text_shape.char`` files asr.sh's awk writes: ``<key> <length>,<vocabulary size>``), then
stage 11 (the training, with asr.sh's options: ``--use_preprocessor true --bpemodel none
--token_type char --token_list tokens.txt --non_linguistic_symbols none --cleaner none --g2p
none --frontend_conf fs=16k``, ``--normalize global_mvn`` with the collected
``feats_stats.npz``, the shape files, ``--fold_length 80000 --fold_length 150``, ``--resume
true``, ``--ngpu 0 --num_workers 0``). Each command runs as its own process (subprocess, its
stdout and stderr inherited), in the case's cwd.
Data, written by the case in Kaldi's layout (asr.sh's ``data/<set>/``): ``wav.scp``, ``text``,
``utt2spk`` for 40 training and 8 validation utterances, each a 1-second 16 kHz 16-bit wav
(soundfile) of two half-second two-tone chords with a little noise, one chord a word of four
(``YES``, ``NO``, ``UP``, ``GO``), the text the two words (``spk0-train000 YES UP``); numpy's
``default_rng(0)``. ``tokens.txt`` as ``espnet2.bin.tokenize_text --token_type char
--write_vocabulary true`` writes it in asr.sh's stage 5: ``<blank>``, ``<unk>``, the characters
by falling count (``<space>`` for a space), ``<sos/eos>``.
Model (``conf/train_asr.yaml``, egs2's ``train_asr_transformer.yaml`` layout made small): a
2-block transformer encoder (``conv2d`` subsampling, 32 units, 2 heads) and a 1-block
transformer decoder, CTC weight 0.3, label smoothing 0.1, 40 mel bins; Adam at 0.002 with
``warmuplr`` (10 warm-up steps); ``batch_type: folded``, ``batch_size: 4`` (10 batches an
epoch), ``max_epoch: 3``, ``log_interval: 5`` (its default is ``max(batches // 20, 10)``,
which would print no batch line for 10 batches), ``num_att_plot: 1`` (of 3: each plotted
utterance costs a second of matplotlib an epoch), ``seed: 0``. 50.04 K parameters; about 30 s.
Stand-ins: ``espnet2.text.phoneme_tokenizer`` imports ``g2p_en`` whatever the token type, and
g2p_en looks for two NLTK resources at import, downloading each it does not find
(``[nltk_data] Error loading cmudict: <urlopen error ...>`` offline); the case points
``NLTK_DATA`` at a folder holding empty zip archives under those names
(``taggers/averaged_perceptron_tagger_eng.zip``, ``corpora/cmudict.zip``), which the import
finds and the char tokenizer never opens. Nothing is downloaded.

What it prints (Python logging on stderr, ``[<host>] <date> (<module>:<line>) INFO: ...``):
the collect-stats run's command line, ``Vocabulary size: 12``, the model's repr, the argument
``Namespace(...)``, ``(collect_stats:107) INFO: Niter: 5`` and ``Niter: 10`` (its batch
count); then the training run's command line, model, ``Model summary``, optimizer, scheduler
and config, ``1/3epoch started``, per 5 batches (torch's ``FutureWarning`` about
``torch.cuda.amp.autocast`` between them)::

    (trainer:811) INFO: 1epoch:train:1-5batch: iter_time=0.002, forward_time=0.008,
      loss_ctc=30.755, loss_att=15.008, acc=0.052loss=19.732, backward_time=0.004,
      grad_norm=36.321, clip=100.000, loss_scale=1.000, optim_step_time=0.003,
      optim0_lr0=8.000e-04, train_time=0.019
    (trainer:811) INFO: 1epoch:train:6-10batch: ... loss_scale=1.000optim_step_time=0.002, ...

(sic: ``SubReporter.log_message`` writes the ``", "`` before a key unless the key's index
equals ``len(stats_list)``, the number of batches so far, not of keys: so the 6th key
(``loss``, index 5) is glued to ``acc`` in the line ending at batch 5 and the 11th
(``optim_step_time``) to ``loss_scale`` in the line ending at batch 10; ESPnet prints it so),
and after each epoch::

    (trainer:394) INFO: 1epoch results: [train] iter_time=0.002, ..., loss=17.246, ...,
      train_time=0.019, time=0.17 seconds, total_count=10, [valid] loss_ctc=14.860,
      cer_ctc=1.000, loss_att=13.705, acc=0.113, cer=2.018, wer=1.000, loss=14.052,
      time=0.02 seconds, total_count=2, [att_plot] time=1.21 seconds, total_count=0

then ``2/3epoch started. Estimated time to finish: 5.95 seconds``, ``The model files were
removed: exp/asr_train/1epoch.pth``, and at the end ``The training was finished at 3
epochs``. Values are ``%.3f`` (``%.3e`` below 1e-3 or above 1e3); times
``humanfriendly.format_timespan`` (``0.17 seconds``: two decimals under a minute).

Truth: ESPnet's own record. Its ``Reporter`` keeps every epoch's summary (``stats[epoch][key1]
[key2]``, the values ``Nepoch results`` prints, ``time`` as a timedelta) and the trainer saves
it in ``exp/asr_train/checkpoint.pth`` (``"reporter"``); the case reads it back with espnet2's
``Reporter().load_state_dict``. The batch-interval values (means over the 5 batches) are kept
by nothing but the trainer's TensorBoard file (``--use_tensorboard true``, the default):
``exp/asr_train/tensorboard/train/events.out.tfevents.*``, where each batch line's values go
under their keys (``SubReporter.tensorboard_add_scalar``, step = batches so far) and each
epoch's train summary after them under the same tags (``Reporter.tensorboard_add_scalar``),
so each tag's points are, in order, the train values as printed: 2 batch lines and the
summary an epoch. The case checks each summary point against the Reporter. Neither file is
copied into the fixture (``files`` is empty): checkpoint.pth holds the model and optimizer
(about 730 kB), the TensorBoard file the attention images (about 375 kB). Judgement calls:
- Names: the trainer's keys under their section, as the held-out ESPnet2 logs name them
  (docs/metrics.md, "Phases"): the batch lines (``1epoch:train:...``) and the ``[train]``
  summary are both ``train_<key>`` (``train_loss``, ``train_acc``, ``train_optim0_lr0``, ...;
  ``train_time``, already led by the section word, is not prefixed again), 9 points each
  (3 epochs x (2 batch lines + the summary)), axis ``step`` (the TensorBoard step: 5, 10, 10,
  15, ...); ``[valid]`` -> ``valid_<key>`` (``valid_loss``, ``valid_cer``, ``valid_cer_ctc``,
  ``valid_wer``, ...), 3 points, axis ``epoch``.
- Every key the Reporter keeps and prints is a metric, timings included (``iter_time``,
  ``forward_time``, ``backward_time``, ``optim_step_time``, ``train_time``: seconds per batch,
  kept by the Reporter and TensorBoard), ``grad_norm``, ``clip`` (percent of clipped steps),
  ``loss_scale`` (AMP's scale, 1.0 without AMP) and ``optim0_lr0`` (the warm-up schedule's
  learning rate). The sections' ``time=`` (an epoch's wall time) is a metric for ``[valid]``
  and ``[att_plot]`` (``valid_time``, ``att_plot_time``, tolerance 0.005 from the two printed
  decimals). The ``[train]`` section's ``time=0.17 seconds`` would by the same rule be
  ``train_time``, the name of the printed key ``train_time=0.019`` on the same line: the
  key keeps the name (it is printed as ``train_time``), and the epoch's train wall time is
  no truth metric (a parser that lets it overwrite the key's value gets that point wrong).
- Not metrics: ``total_count`` (a counter), ``Niter`` (collect_stats' batch counter),
  ``Vocabulary size``, parameter counts, ``1/3epoch started``, the TensorBoard-only
  ``iter_epoch``. ``Estimated time to finish: 5.95 seconds`` (an ETA, kept by nothing) is in
  ``also_ok``.
- Tolerances: 5e-4 absolute plus 5e-4 relative (``%.3f`` values; ``%.3e`` ones such as
  ``optim0_lr0=8.000e-04``; float32 in TensorBoard).
- ``cer`` above 1 (``cer=2.018``: the barely trained decoder inserts characters) and
  ``cer_ctc``/``wer`` at 1.0 are what 3 epochs on 40 utterances give.
- Determinism: the config's ``seed: 0`` seeds ESPnet's data order and model; the values
  repeat between runs on the CPU, the times do not.
"""
# zoo-venv: espnet

import os
import subprocess
import sys
import zipfile
from collections import Counter
from importlib.metadata import version
from pathlib import Path

import numpy as np
import soundfile
import torch
from _records import tb_folder
from _truth import series, write_truth
from espnet2.train.reporter import Reporter

RATE = 16000
WORDS = {"YES": (440.0, 660.0), "NO": (300.0, 900.0), "UP": (520.0, 780.0),
         "GO": (350.0, 1050.0)}  # each word: the two tones of its half second
TRAIN, VALID = 40, 8
SEED = 0
OUT = "exp/asr_train"


def write_data(rng: np.random.Generator) -> None:
    """Kaldi-style data dirs as asr.sh's stage 1-4 leave them: ``wav.scp``, ``text``,
    ``utt2spk`` (and ``spk2utt``), one-second 16 kHz mono wav files."""
    words = sorted(WORDS)
    for part, count in (("train", TRAIN), ("valid", VALID)):
        folder = Path("data") / part
        (folder / "wav").mkdir(parents=True)
        rows = []
        for index in range(count):
            spk = f"spk{index % 4}"
            utt = f"{spk}-{part}{index:03d}"
            pair = [words[i] for i in rng.integers(0, len(words), 2)]
            t = np.arange(RATE // 2) / RATE
            halves = []
            for word in pair:
                low, high = WORDS[word]
                tone = 0.3 * np.sin(2 * np.pi * low * t) + 0.2 * np.sin(2 * np.pi * high * t)
                halves.append(tone + 0.02 * rng.standard_normal(t.size))
            wav = folder / "wav" / f"{utt}.wav"
            soundfile.write(wav, np.concatenate(halves).astype(np.float32), RATE,
                            subtype="PCM_16")
            rows.append((utt, spk, str(wav.resolve()), " ".join(pair)))
        rows.sort()
        (folder / "wav.scp").write_text("".join(f"{u} {w}\n" for u, _, w, _ in rows))
        (folder / "text").write_text("".join(f"{u} {t}\n" for u, _, _, t in rows))
        (folder / "utt2spk").write_text("".join(f"{u} {s}\n" for u, s, _, _ in rows))


def write_tokens() -> None:
    """``tokens.txt`` as asr.sh's stage 5 writes it for ``--token_type char``
    (``espnet2.bin.tokenize_text --write_vocabulary true``: ``<blank>``, ``<unk>``, the
    characters by falling count, ``<sos/eos>``; a space is ``<space>``)."""
    counts: Counter[str] = Counter()
    for line in Path("data/train/text").read_text().splitlines():
        counts.update("<space>" if c == " " else c for c in line.split(" ", 1)[1])
    tokens = ["<blank>", "<unk>", *(t for t, _ in sorted(counts.items(),
                                                           key=lambda kv: (-kv[1], kv[0]))),
              "<sos/eos>"]
    Path("tokens.txt").write_text("".join(f"{t}\n" for t in tokens))


CONFIG = """\
# a tiny transformer encoder-decoder with CTC (egs2/*/asr1/conf/train_asr_transformer.yaml's
# layout, made small)
batch_type: folded
batch_size: 4
max_epoch: 3
log_interval: 5
num_workers: 0
seed: 0
patience: none
best_model_criterion:
-   - valid
    - acc
    - max
keep_nbest_models: 1
num_att_plot: 1

encoder: transformer
encoder_conf:
    output_size: 32
    attention_heads: 2
    linear_units: 64
    num_blocks: 2
    dropout_rate: 0.1
    input_layer: conv2d
decoder: transformer
decoder_conf:
    attention_heads: 2
    linear_units: 64
    num_blocks: 1
    dropout_rate: 0.1
model_conf:
    ctc_weight: 0.3
    lsm_weight: 0.1
    length_normalized_loss: false

frontend_conf:
    n_fft: 512
    hop_length: 160
    n_mels: 40

optim: adam
optim_conf:
    lr: 0.002
scheduler: warmuplr
scheduler_conf:
    warmup_steps: 10
"""


def nltk_stand_ins() -> dict[str, str]:
    """g2p_en (imported by espnet2.text.phoneme_tokenizer whatever the token type) looks for
    two NLTK resources at import and downloads each one it does not find: empty zip archives
    under those names, on ``NLTK_DATA``, let the import pass offline; the char tokenizer never
    opens them."""
    for resource in ("taggers/averaged_perceptron_tagger_eng.zip", "corpora/cmudict.zip"):
        path = Path("nltk_data") / resource
        path.parent.mkdir(parents=True, exist_ok=True)
        zipfile.ZipFile(path, "w").close()
    return {**os.environ, "NLTK_DATA": str(Path("nltk_data").resolve())}


def run(args: list[str]) -> None:
    subprocess.run([sys.executable, *args], check=True, env=ENV)


def common(train: str, valid: str) -> list[str]:
    """asr.sh's ``_opts`` shared by stages 10 and 11."""
    out = ["--use_preprocessor", "true", "--bpemodel", "none", "--token_type", "char",
           "--token_list", "tokens.txt", "--non_linguistic_symbols", "none", "--cleaner",
           "none", "--g2p", "none", "--config", "conf/train_asr.yaml",
           "--frontend_conf", "fs=16k"]
    for part, folder in (("train", train), ("valid", valid)):
        out += [f"--{part}_data_path_and_name_and_type", f"{folder}/wav.scp,speech,sound",
                f"--{part}_data_path_and_name_and_type", f"{folder}/text,text,text"]
    return out


ENV = nltk_stand_ins()
rng = np.random.default_rng(SEED)
write_data(rng)
write_tokens()
Path("conf").mkdir()
Path("conf/train_asr.yaml").write_text(CONFIG)
Path("exp/asr_stats/logdir").mkdir(parents=True)

# stage 10: collect the shapes and the feature statistics (one job: nj=1)
for part in ("train", "valid"):
    keys = Path(f"data/{part}/wav.scp").read_text().splitlines()
    Path(f"exp/asr_stats/logdir/{part}.1.scp").write_text("".join(f"{k}\n" for k in keys))
run(["-m", "espnet2.bin.asr_train", "--collect_stats", "true", *common("data/train", "data/valid"),
     "--train_shape_file", "exp/asr_stats/logdir/train.1.scp",
     "--valid_shape_file", "exp/asr_stats/logdir/valid.1.scp",
     "--output_dir", "exp/asr_stats/logdir/stats.1"])
run(["-m", "espnet2.bin.aggregate_stats_dirs", "--input_dir", "exp/asr_stats/logdir/stats.1",
     "--output_dir", "exp/asr_stats"])
vocab = len(Path("tokens.txt").read_text().splitlines())
for part in ("train", "valid"):  # asr.sh: awk -v N=<vocab> '{ print $0 "," N }'
    shape = Path(f"exp/asr_stats/{part}/text_shape")
    Path(f"{shape}.char").write_text("".join(
        f"{line},{vocab}\n" for line in shape.read_text().splitlines()))

# stage 11: training
run(["-m", "espnet2.bin.asr_train", *common("data/train", "data/valid"),
     "--ngpu", "0", "--num_workers", "0", "--resume", "true",
     "--output_dir", OUT, "--fold_length", "80000", "--fold_length", "150",
     "--normalize", "global_mvn", "--normalize_conf",
     "stats_file=exp/asr_stats/train/feats_stats.npz",
     "--train_shape_file", "exp/asr_stats/train/speech_shape",
     "--train_shape_file", "exp/asr_stats/train/text_shape.char",
     "--valid_shape_file", "exp/asr_stats/valid/speech_shape",
     "--valid_shape_file", "exp/asr_stats/valid/text_shape.char"])

# truth: ESPnet's own record. The Reporter's stats (checkpoint.pth's "reporter", read back
# with espnet2's Reporter) hold every epoch's summary; the batch-interval values are kept
# only in the train SummaryWriter's event file (SubReporter.tensorboard_add_scalar with each
# log line, then Reporter.tensorboard_add_scalar with the epoch's summary, same tags).
reporter = Reporter()
reporter.load_state_dict(torch.load(f"{OUT}/checkpoint.pth", map_location="cpu",
                                    weights_only=False)["reporter"])
epochs = list(range(1, reporter.get_epoch() + 1))
train_tb = tb_folder(f"{OUT}/tensorboard/train")[1]
PRINTED = {"tolerance": 5e-4, "rel_tolerance": 5e-4}  # %.3f, or %.3e below 1e-3
metrics = {}
for key2 in reporter.get_keys2("train", epochs[-1]):
    if key2 in ("time", "total_count"):  # the epoch's wall time; a counter
        continue
    points = train_tb[key2]
    per_epoch = len(points) // len(epochs)  # the log lines of an epoch, then its summary
    for index, epoch in enumerate(epochs):
        summary = points[(index + 1) * per_epoch - 1]
        assert summary[0] == reporter.get_value("train", "total_count", epoch), summary
        assert abs(summary[1] - reporter.get_value("train", key2, epoch)) \
            <= 1e-6 * max(1.0, abs(summary[1])), (key2, epoch, summary)
    name = key2 if key2.startswith("train_") else f"train_{key2}"
    metrics[name] = series(points, "step", **PRINTED)
for key1 in ("valid", "att_plot"):
    # get_keys2 leaves out "time" and "total_count"; stats[epoch][key1] has them all
    for key2 in reporter.stats[epochs[-1]][key1]:
        if key2 == "total_count":
            continue
        values = [reporter.get_value(key1, key2, epoch) for epoch in epochs]
        if key2 == "time":  # humanfriendly.format_timespan: "0.06 seconds"
            metrics[f"{key1}_time"] = series(
                [(e, v.total_seconds()) for e, v in zip(epochs, values, strict=True)], "epoch",
                tolerance=0.005)
        else:
            metrics[f"{key1}_{key2}"] = series(zip(epochs, values, strict=True), "epoch", **PRINTED)

write_truth(
    "ESPnet2 (espnet2.bin.asr_train)", version("espnet"),
    "ESPnet's Reporter stats saved in exp/asr_train/checkpoint.pth ('reporter', read back with "
    "espnet2.train.reporter.Reporter) for the epoch summaries; the batch-interval values from "
    "the trainer's own TensorBoard file exp/asr_train/tensorboard/train/events.out.tfevents.*",
    metrics,
    also_ok=["Estimated_time_to_finish"],
)

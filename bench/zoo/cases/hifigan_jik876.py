"""HiFi-GAN's reference training (jik876/hifi-gan: no pip package, no release; repository
commit 4769534d45265d52a904b850da5a622601885777, 2020-12-02, its last), ``train.py`` run
as its README runs it (``python train.py --config config_v1.json``) with the flags it takes
for a short run: ``--training_epochs 2 --stdout_interval 1 --summary_interval 1
--validation_interval 5`` (``--checkpoint_interval`` keeps its 5000: no checkpoint is
written). On the CPU build of torch 2.13.0 with librosa 0.11.0, scipy 1.17.1, soundfile,
matplotlib and TensorBoard 2.21 from PyPI (``requirements-hifigan.txt``).
Files: ``train.py``, ``models.py``, ``meldataset.py``, ``env.py``, ``utils.py`` and
``config_v1.json`` at that commit, held verbatim below, each checked against its git blob
id, written into the cwd in the repository's layout; train.py runs in-process (``runpy``, as
``__main__``, the cwd first on ``sys.path``).
Config: config_v1.json (V1, ``resblock`` 1) with its sizes cut where the config allows
(``CONFIG_CHANGES``, written as ``config_zoo.json``, which train.py copies to
``cp_hifigan/config.json`` as it does any config): ``batch_size`` 16 -> 1,
``upsample_initial_channel`` 512 -> 32, ``segment_size`` 8192 -> 2048 samples,
``num_workers`` 4 -> 0; every other key as committed (seed 1234, AdamW 2e-4, n_fft 1024,
hop 256, 80 mels, 22050 Hz). The discriminators (MPD, MSD) have no size in the config and
are the full ones, most of the run's time: a step takes 3-7 s here, the run about 25-50 s.
Data: train.py's default paths, ``LJSpeech-1.1/wavs/<id>.wav`` and
``LJSpeech-1.1/training.txt``/``validation.txt`` (``id|text|normalized text`` lines, the
repository's own lists' format; get_dataset_filelist reads the first column): 3 training
wavs of 0.5 s (3 steps an epoch, 6 in all) and 1 validation wav of 0.25 s, 16-bit mono at
22050 Hz (LJSpeech's), a gliding harmonic tone under a syllable envelope with a little
noise from numpy's ``default_rng(0)``. Nothing is downloaded.

Changes for today's torch and librosa (torch 1.7 and librosa 0.8 ran it in 2020), every one
named; the verbatim texts are the committed ones but for one added line:
- train.py's ``device = torch.device('cuda:{:d}'.format(rank))``: a CPU build cannot put a
  module there, so one line is added right after it (``ADDED_LINES``, marked ``# zoo:``; no
  line of the stock text changed), ``device = torch.device('cpu')``. Its other CUDA calls
  (``torch.cuda.manual_seed``, ``empty_cache``) are no-ops on the CPU; ``pin_memory=True``
  warns once a loader (stderr, below).
- meldataset.py's ``librosa_mel_fn(sampling_rate, n_fft, num_mels, fmin, fmax)``
  (``from librosa.filters import mel as librosa_mel_fn``): librosa 0.10 made the arguments
  keyword-only, so the case sets ``meldataset.librosa_mel_fn`` to the same call by keyword
  before train.py imports from meldataset (shim outside the verbatim file).
- meldataset.py's ``torch.stft(...)`` without ``return_complex``: torch 2 raises ("stft
  requires the return_complex parameter be given for real inputs"); the case wraps
  ``torch.stft`` so that such a call returns ``torch.view_as_real`` of the complex result,
  the real tensor (..., 2) torch 1.7 returned, which meldataset.py's
  ``spec.pow(2).sum(-1)`` expects (shim outside the verbatim file).

What it prints (stdout): ``Initializing Training Process..``, the generator's module
repr (``print(generator)``, 132 lines), ``checkpoints directory :  cp_hifigan``, then each
epoch::

    Epoch: 1
    Steps : 0, Gen Loss Total : 136.035, Mel-Spec. Error : 2.813, s/b : 3.392
    Steps : 1, Gen Loss Total : 125.330, Mel-Spec. Error : 2.623, s/b : 3.078
    Steps : 2, Gen Loss Total : 102.208, Mel-Spec. Error : 2.151, s/b : 3.559
    Time taken for epoch 1 is 10 sec

(and an empty line). The validation (steps 0 and 5) prints nothing. On stderr: torch's
DataLoader ``UserWarning: 'pin_memory' argument is set as true but no accelerator is
found`` for the training loader and for the validation loader (at its first use, step 0).
Pipe and pty print the same lines in the same order (the warnings after ``Epoch: 1`` and
after step 0's line); only the times differ (and the pty's ``\\r\\n``).

Truth: train.py's own ``SummaryWriter`` event file under ``cp_hifigan/logs/``
(``_records.tb_folder``; listed in ``files``, about 80 KB with the audio and spectrogram
figures it also writes at the validations): ``training/gen_loss_total`` (``loss_gen_all``,
the same tensor the step line prints) and ``training/mel_spec_error`` (``mel_error``, the
printed ``F.l1_loss(y_mel, y_g_hat_mel).item()``) at every step (``--summary_interval
1``), and ``validation/mel_spec_error`` (the mean L1 mel error over the validation set) at
steps 0 and 5 (``steps % validation_interval == 0``, step 0 included as committed: ``#
and steps != 0`` is commented out). Nothing is parsed from stdout. Judgement calls
(docs/metrics.md):
- Names: the printed ones as the docs name HiFi-GAN's line: ``Gen Loss Total : 25.9`` ->
  ``Gen_Loss_Total`` (words before a count word join it when the phrase names a metric),
  ``Mel-Spec. Error : 0.376`` -> ``Mel-Spec_Error``. Each event-file tag is also a
  ``file_metrics`` series under its own name, exact float32 (``rel_tolerance=1e-6``): with
  the file read, ``training/gen_loss_total`` and ``training/mel_spec_error`` stand for the
  printed two (one name key), and ``validation/mel_spec_error``, never printed, is the
  file's alone.
- Counts and axes: 6 points each for the printed two, keyed ``step`` as printed (from 0,
  the step the event file writes them at); 2 for ``validation/mel_spec_error`` (steps 0
  and 5).
- Tolerances: ``{:4.3f}`` -> 5e-4 for the printed two, plus ``rel_tolerance=1e-6`` for the
  event file's float32.
- ``also_ok``: ``s/b`` (``s/b : 3.392``, the batch's wall time) and ``Time_taken``
  (``Time taken for epoch 1 is 10 sec``, docs: a duration's phrase before ``for epoch N
  is``), wall times kept nowhere.
- Not metrics: ``Steps : 0`` (the step), ``Epoch: 1``, the module repr's sizes.
- Determinism: train.py seeds torch (``torch.manual_seed(h.seed)``, 1234) and
  MelDataset seeds ``random`` (1234: the shuffle and the segments' starts); the validation
  loader's one worker takes its seed from torch's. So the values repeat on the CPU, pipe
  and pty alike; only the times vary.
"""
# zoo-venv: hifigan

import json
import runpy
import sys
from pathlib import Path

import librosa
import numpy as np
import scipy
import torch
from _records import tb_folder
from _truth import series, write_truth
from _verbatim import git_blob_id, with_lines
from scipy.io import wavfile

SOURCE_REPO = "jik876/hifi-gan"
SOURCE_COMMIT = "4769534d45265d52a904b850da5a622601885777"
SAMPLING_RATE = 22050  # config_v1.json's, LJSpeech's
TRAIN_WAVS, VALID_WAVS = 3, 1  # batches of 1: 3 steps an epoch
TRAIN_SECONDS, VALID_SECONDS = 0.5, 0.25
EPOCHS = 2
ARGV = ["train.py", "--config", "config_zoo.json", "--training_epochs", str(EPOCHS),
        "--stdout_interval", "1", "--summary_interval", "1", "--validation_interval", "5"]

# config_v1.json's sizes cut for a CPU run of seconds (every other key as committed)
CONFIG_CHANGES = {"batch_size": 1,  # of 16
                  "upsample_initial_channel": 32,  # of 512 (halved by each of 4 upsamplings)
                  "segment_size": 2048,  # of 8192 samples (8 hops of 256)
                  "num_workers": 0}  # of 4: the training loader loads in the main process

# the only line added to train.py (anchor -> anchor and the line after it; no line of the
# stock text changed): train() puts everything on `cuda:{rank}`, which a CPU build of torch
# cannot place a module on, so the device is set again right after, to the CPU
ADDED_LINES = {
    "    device = torch.device('cuda:{:d}'.format(rank))\n":
        "    device = torch.device('cpu')  # zoo: no CUDA here, train on the CPU\n",
}


def librosa_mel_fn(sr, n_fft, n_mels, fmin, fmax):
    """meldataset.py's ``librosa_mel_fn(sampling_rate, n_fft, num_mels, fmin, fmax)``: librosa
    0.10 made ``librosa.filters.mel``'s arguments keyword-only; the same call by keyword."""
    return librosa.filters.mel(sr=sr, n_fft=n_fft, n_mels=n_mels, fmin=fmin, fmax=fmax)


_stft = torch.stft


def stft(input, *args, return_complex=None, **kwargs):
    """torch.stft as torch 1.7 ran meldataset.py's call (no ``return_complex``: a real
    tensor, the last dimension (real, imaginary)); torch 2 requires the argument, so the
    complex result is viewed as real, the same numbers."""
    if return_complex is None and not input.is_complex():
        return torch.view_as_real(_stft(input, *args, return_complex=True, **kwargs))
    return _stft(input, *args, return_complex=return_complex, **kwargs)


def speech_like(rng: np.random.Generator, seconds: float) -> np.ndarray:
    """A voiced-sounding int16 signal: a gliding fundamental with harmonics under a syllable
    envelope, plus a little noise (LJSpeech's wavs are 16-bit mono at 22050 Hz)."""
    t = np.arange(int(seconds * SAMPLING_RATE)) / SAMPLING_RATE
    f0 = rng.uniform(100, 220) * (1 + 0.1 * np.sin(2 * np.pi * rng.uniform(0.5, 2) * t))
    phase = 2 * np.pi * np.cumsum(f0) / SAMPLING_RATE
    voice = sum(np.sin(k * phase) / k for k in range(1, 9))
    envelope = 0.5 * (1 - np.cos(2 * np.pi * rng.uniform(2, 4) * t))
    audio = voice * envelope + 0.05 * rng.standard_normal(t.size)
    return (0.5 * audio / np.abs(audio).max() * 32767).astype(np.int16)


def write_ljspeech(root: Path, seed: int = 0) -> None:
    """train.py's default data layout, ``LJSpeech-1.1/wavs/<id>.wav`` with
    ``LJSpeech-1.1/training.txt`` and ``validation.txt``: ``id|text|normalized text`` lines,
    as the repository's lists (whose first column is all get_dataset_filelist reads)."""
    rng = np.random.default_rng(seed)
    (root / "wavs").mkdir(parents=True, exist_ok=True)
    lists = {"training.txt": [f"LJ001-{i:04d}" for i in range(1, TRAIN_WAVS + 1)],
             "validation.txt": [f"LJ050-{i:04d}" for i in range(1, VALID_WAVS + 1)]}
    for name, ids in lists.items():
        seconds = TRAIN_SECONDS if name == "training.txt" else VALID_SECONDS
        for wav_id in ids:
            wavfile.write(root / "wavs" / f"{wav_id}.wav", SAMPLING_RATE, speech_like(rng, seconds))
        text = "".join(f"{wav_id}|Synthetic utterance {wav_id}.|Synthetic utterance {wav_id}.\n"
                       for wav_id in ids)
        (root / name).write_text(text, encoding="utf-8")


def main() -> None:
    for name, (text, blob) in FILES.items():
        if git_blob_id(text) != blob:
            sys.exit(f"{name} is not {SOURCE_REPO}'s at {SOURCE_COMMIT}")
        if name == "train.py":
            text = with_lines(text, ADDED_LINES)
        Path(name).write_text(text, encoding="utf-8")
    if git_blob_id(CONFIG_V1_JSON) != CONFIG_V1_BLOB:
        sys.exit(f"config_v1.json is not {SOURCE_REPO}'s at {SOURCE_COMMIT}")
    config = json.loads(CONFIG_V1_JSON)
    config.update(CONFIG_CHANGES)
    Path("config_zoo.json").write_text(json.dumps(config, indent=4), encoding="utf-8")
    write_ljspeech(Path("LJSpeech-1.1"))

    # the shims for today's torch and librosa (see the docstring), set before train.py runs
    sys.path.insert(0, str(Path.cwd()))  # train.py's `from meldataset import ...`
    import meldataset
    meldataset.librosa_mel_fn = librosa_mel_fn
    torch.stft = stft
    sys.argv = ARGV
    runpy.run_path("train.py", run_name="__main__")

    # --- the truth: train.py's own SummaryWriter event file, cp_hifigan/logs/ ---
    event_files, found = tb_folder("cp_hifigan/logs")
    assert sorted(found) == sorted(TAGS), sorted(found)
    steps = EPOCHS * TRAIN_WAVS // CONFIG_CHANGES["batch_size"]
    assert [s for s, _ in found["training/gen_loss_total"]] == list(range(steps))
    assert [s for s, _ in found["validation/mel_spec_error"]] == list(range(0, steps, 5))
    metrics = {printed: series(found[tag], "step", tolerance=5e-4, rel_tolerance=1e-6)
               for tag, printed in TAGS.items() if printed}
    file_metrics = {tag: series(pairs, "step", rel_tolerance=1e-6)
                    for tag, pairs in found.items()}
    write_truth("HiFi-GAN",
                f"{SOURCE_REPO}@{SOURCE_COMMIT[:8]} (no release; torch {torch.__version__}, "
                f"librosa {librosa.__version__}, scipy {scipy.__version__})",
                "train.py's SummaryWriter event file under cp_hifigan/logs (tb_folder)",
                metrics, files=event_files, file_metrics=file_metrics, also_ok=ALSO_OK,
                notes="scalar tags found: " + ", ".join(sorted(found)))


# the event file's scalar tags -> the name of the printed value they keep (docs/metrics.md:
# `Gen Loss Total : 25.9` -> `Gen_Loss_Total`, `Mel-Spec. Error : 0.376` -> `Mel-Spec_Error`);
# validation/mel_spec_error is never printed
TAGS = {"training/gen_loss_total": "Gen_Loss_Total",
        "training/mel_spec_error": "Mel-Spec_Error",
        "validation/mel_spec_error": None}
# wall times the run prints and keeps nowhere: the step line's `s/b : 2.345` and the
# epoch's `Time taken for epoch 1 is 12 sec`
ALSO_OK = ["s/b", "Time_taken"]


# train.py at SOURCE_COMMIT, verbatim
TRAIN_PY = r"""import warnings
warnings.simplefilter(action='ignore', category=FutureWarning)
import itertools
import os
import time
import argparse
import json
import torch
import torch.nn.functional as F
from torch.utils.tensorboard import SummaryWriter
from torch.utils.data import DistributedSampler, DataLoader
import torch.multiprocessing as mp
from torch.distributed import init_process_group
from torch.nn.parallel import DistributedDataParallel
from env import AttrDict, build_env
from meldataset import MelDataset, mel_spectrogram, get_dataset_filelist
from models import Generator, MultiPeriodDiscriminator, MultiScaleDiscriminator, feature_loss, generator_loss,\
    discriminator_loss
from utils import plot_spectrogram, scan_checkpoint, load_checkpoint, save_checkpoint

torch.backends.cudnn.benchmark = True


def train(rank, a, h):
    if h.num_gpus > 1:
        init_process_group(backend=h.dist_config['dist_backend'], init_method=h.dist_config['dist_url'],
                           world_size=h.dist_config['world_size'] * h.num_gpus, rank=rank)

    torch.cuda.manual_seed(h.seed)
    device = torch.device('cuda:{:d}'.format(rank))

    generator = Generator(h).to(device)
    mpd = MultiPeriodDiscriminator().to(device)
    msd = MultiScaleDiscriminator().to(device)

    if rank == 0:
        print(generator)
        os.makedirs(a.checkpoint_path, exist_ok=True)
        print("checkpoints directory : ", a.checkpoint_path)

    if os.path.isdir(a.checkpoint_path):
        cp_g = scan_checkpoint(a.checkpoint_path, 'g_')
        cp_do = scan_checkpoint(a.checkpoint_path, 'do_')

    steps = 0
    if cp_g is None or cp_do is None:
        state_dict_do = None
        last_epoch = -1
    else:
        state_dict_g = load_checkpoint(cp_g, device)
        state_dict_do = load_checkpoint(cp_do, device)
        generator.load_state_dict(state_dict_g['generator'])
        mpd.load_state_dict(state_dict_do['mpd'])
        msd.load_state_dict(state_dict_do['msd'])
        steps = state_dict_do['steps'] + 1
        last_epoch = state_dict_do['epoch']

    if h.num_gpus > 1:
        generator = DistributedDataParallel(generator, device_ids=[rank]).to(device)
        mpd = DistributedDataParallel(mpd, device_ids=[rank]).to(device)
        msd = DistributedDataParallel(msd, device_ids=[rank]).to(device)

    optim_g = torch.optim.AdamW(generator.parameters(), h.learning_rate, betas=[h.adam_b1, h.adam_b2])
    optim_d = torch.optim.AdamW(itertools.chain(msd.parameters(), mpd.parameters()),
                                h.learning_rate, betas=[h.adam_b1, h.adam_b2])

    if state_dict_do is not None:
        optim_g.load_state_dict(state_dict_do['optim_g'])
        optim_d.load_state_dict(state_dict_do['optim_d'])

    scheduler_g = torch.optim.lr_scheduler.ExponentialLR(optim_g, gamma=h.lr_decay, last_epoch=last_epoch)
    scheduler_d = torch.optim.lr_scheduler.ExponentialLR(optim_d, gamma=h.lr_decay, last_epoch=last_epoch)

    training_filelist, validation_filelist = get_dataset_filelist(a)

    trainset = MelDataset(training_filelist, h.segment_size, h.n_fft, h.num_mels,
                          h.hop_size, h.win_size, h.sampling_rate, h.fmin, h.fmax, n_cache_reuse=0,
                          shuffle=False if h.num_gpus > 1 else True, fmax_loss=h.fmax_for_loss, device=device,
                          fine_tuning=a.fine_tuning, base_mels_path=a.input_mels_dir)

    train_sampler = DistributedSampler(trainset) if h.num_gpus > 1 else None

    train_loader = DataLoader(trainset, num_workers=h.num_workers, shuffle=False,
                              sampler=train_sampler,
                              batch_size=h.batch_size,
                              pin_memory=True,
                              drop_last=True)

    if rank == 0:
        validset = MelDataset(validation_filelist, h.segment_size, h.n_fft, h.num_mels,
                              h.hop_size, h.win_size, h.sampling_rate, h.fmin, h.fmax, False, False, n_cache_reuse=0,
                              fmax_loss=h.fmax_for_loss, device=device, fine_tuning=a.fine_tuning,
                              base_mels_path=a.input_mels_dir)
        validation_loader = DataLoader(validset, num_workers=1, shuffle=False,
                                       sampler=None,
                                       batch_size=1,
                                       pin_memory=True,
                                       drop_last=True)

        sw = SummaryWriter(os.path.join(a.checkpoint_path, 'logs'))

    generator.train()
    mpd.train()
    msd.train()
    for epoch in range(max(0, last_epoch), a.training_epochs):
        if rank == 0:
            start = time.time()
            print("Epoch: {}".format(epoch+1))

        if h.num_gpus > 1:
            train_sampler.set_epoch(epoch)

        for i, batch in enumerate(train_loader):
            if rank == 0:
                start_b = time.time()
            x, y, _, y_mel = batch
            x = torch.autograd.Variable(x.to(device, non_blocking=True))
            y = torch.autograd.Variable(y.to(device, non_blocking=True))
            y_mel = torch.autograd.Variable(y_mel.to(device, non_blocking=True))
            y = y.unsqueeze(1)

            y_g_hat = generator(x)
            y_g_hat_mel = mel_spectrogram(y_g_hat.squeeze(1), h.n_fft, h.num_mels, h.sampling_rate, h.hop_size, h.win_size,
                                          h.fmin, h.fmax_for_loss)

            optim_d.zero_grad()

            # MPD
            y_df_hat_r, y_df_hat_g, _, _ = mpd(y, y_g_hat.detach())
            loss_disc_f, losses_disc_f_r, losses_disc_f_g = discriminator_loss(y_df_hat_r, y_df_hat_g)

            # MSD
            y_ds_hat_r, y_ds_hat_g, _, _ = msd(y, y_g_hat.detach())
            loss_disc_s, losses_disc_s_r, losses_disc_s_g = discriminator_loss(y_ds_hat_r, y_ds_hat_g)

            loss_disc_all = loss_disc_s + loss_disc_f

            loss_disc_all.backward()
            optim_d.step()

            # Generator
            optim_g.zero_grad()

            # L1 Mel-Spectrogram Loss
            loss_mel = F.l1_loss(y_mel, y_g_hat_mel) * 45

            y_df_hat_r, y_df_hat_g, fmap_f_r, fmap_f_g = mpd(y, y_g_hat)
            y_ds_hat_r, y_ds_hat_g, fmap_s_r, fmap_s_g = msd(y, y_g_hat)
            loss_fm_f = feature_loss(fmap_f_r, fmap_f_g)
            loss_fm_s = feature_loss(fmap_s_r, fmap_s_g)
            loss_gen_f, losses_gen_f = generator_loss(y_df_hat_g)
            loss_gen_s, losses_gen_s = generator_loss(y_ds_hat_g)
            loss_gen_all = loss_gen_s + loss_gen_f + loss_fm_s + loss_fm_f + loss_mel

            loss_gen_all.backward()
            optim_g.step()

            if rank == 0:
                # STDOUT logging
                if steps % a.stdout_interval == 0:
                    with torch.no_grad():
                        mel_error = F.l1_loss(y_mel, y_g_hat_mel).item()

                    print('Steps : {:d}, Gen Loss Total : {:4.3f}, Mel-Spec. Error : {:4.3f}, s/b : {:4.3f}'.
                          format(steps, loss_gen_all, mel_error, time.time() - start_b))

                # checkpointing
                if steps % a.checkpoint_interval == 0 and steps != 0:
                    checkpoint_path = "{}/g_{:08d}".format(a.checkpoint_path, steps)
                    save_checkpoint(checkpoint_path,
                                    {'generator': (generator.module if h.num_gpus > 1 else generator).state_dict()})
                    checkpoint_path = "{}/do_{:08d}".format(a.checkpoint_path, steps)
                    save_checkpoint(checkpoint_path, 
                                    {'mpd': (mpd.module if h.num_gpus > 1
                                                         else mpd).state_dict(),
                                     'msd': (msd.module if h.num_gpus > 1
                                                         else msd).state_dict(),
                                     'optim_g': optim_g.state_dict(), 'optim_d': optim_d.state_dict(), 'steps': steps,
                                     'epoch': epoch})

                # Tensorboard summary logging
                if steps % a.summary_interval == 0:
                    sw.add_scalar("training/gen_loss_total", loss_gen_all, steps)
                    sw.add_scalar("training/mel_spec_error", mel_error, steps)

                # Validation
                if steps % a.validation_interval == 0:  # and steps != 0:
                    generator.eval()
                    torch.cuda.empty_cache()
                    val_err_tot = 0
                    with torch.no_grad():
                        for j, batch in enumerate(validation_loader):
                            x, y, _, y_mel = batch
                            y_g_hat = generator(x.to(device))
                            y_mel = torch.autograd.Variable(y_mel.to(device, non_blocking=True))
                            y_g_hat_mel = mel_spectrogram(y_g_hat.squeeze(1), h.n_fft, h.num_mels, h.sampling_rate,
                                                          h.hop_size, h.win_size,
                                                          h.fmin, h.fmax_for_loss)
                            val_err_tot += F.l1_loss(y_mel, y_g_hat_mel).item()

                            if j <= 4:
                                if steps == 0:
                                    sw.add_audio('gt/y_{}'.format(j), y[0], steps, h.sampling_rate)
                                    sw.add_figure('gt/y_spec_{}'.format(j), plot_spectrogram(x[0]), steps)

                                sw.add_audio('generated/y_hat_{}'.format(j), y_g_hat[0], steps, h.sampling_rate)
                                y_hat_spec = mel_spectrogram(y_g_hat.squeeze(1), h.n_fft, h.num_mels,
                                                             h.sampling_rate, h.hop_size, h.win_size,
                                                             h.fmin, h.fmax)
                                sw.add_figure('generated/y_hat_spec_{}'.format(j),
                                              plot_spectrogram(y_hat_spec.squeeze(0).cpu().numpy()), steps)

                        val_err = val_err_tot / (j+1)
                        sw.add_scalar("validation/mel_spec_error", val_err, steps)

                    generator.train()

            steps += 1

        scheduler_g.step()
        scheduler_d.step()
        
        if rank == 0:
            print('Time taken for epoch {} is {} sec\n'.format(epoch + 1, int(time.time() - start)))


def main():
    print('Initializing Training Process..')

    parser = argparse.ArgumentParser()

    parser.add_argument('--group_name', default=None)
    parser.add_argument('--input_wavs_dir', default='LJSpeech-1.1/wavs')
    parser.add_argument('--input_mels_dir', default='ft_dataset')
    parser.add_argument('--input_training_file', default='LJSpeech-1.1/training.txt')
    parser.add_argument('--input_validation_file', default='LJSpeech-1.1/validation.txt')
    parser.add_argument('--checkpoint_path', default='cp_hifigan')
    parser.add_argument('--config', default='')
    parser.add_argument('--training_epochs', default=3100, type=int)
    parser.add_argument('--stdout_interval', default=5, type=int)
    parser.add_argument('--checkpoint_interval', default=5000, type=int)
    parser.add_argument('--summary_interval', default=100, type=int)
    parser.add_argument('--validation_interval', default=1000, type=int)
    parser.add_argument('--fine_tuning', default=False, type=bool)

    a = parser.parse_args()

    with open(a.config) as f:
        data = f.read()

    json_config = json.loads(data)
    h = AttrDict(json_config)
    build_env(a.config, 'config.json', a.checkpoint_path)

    torch.manual_seed(h.seed)
    if torch.cuda.is_available():
        torch.cuda.manual_seed(h.seed)
        h.num_gpus = torch.cuda.device_count()
        h.batch_size = int(h.batch_size / h.num_gpus)
        print('Batch size per GPU :', h.batch_size)
    else:
        pass

    if h.num_gpus > 1:
        mp.spawn(train, nprocs=h.num_gpus, args=(a, h,))
    else:
        train(0, a, h)


if __name__ == '__main__':
    main()
"""  # noqa: E501, W291, W293


# models.py at SOURCE_COMMIT, verbatim
MODELS_PY = r"""import torch
import torch.nn.functional as F
import torch.nn as nn
from torch.nn import Conv1d, ConvTranspose1d, AvgPool1d, Conv2d
from torch.nn.utils import weight_norm, remove_weight_norm, spectral_norm
from utils import init_weights, get_padding

LRELU_SLOPE = 0.1


class ResBlock1(torch.nn.Module):
    def __init__(self, h, channels, kernel_size=3, dilation=(1, 3, 5)):
        super(ResBlock1, self).__init__()
        self.h = h
        self.convs1 = nn.ModuleList([
            weight_norm(Conv1d(channels, channels, kernel_size, 1, dilation=dilation[0],
                               padding=get_padding(kernel_size, dilation[0]))),
            weight_norm(Conv1d(channels, channels, kernel_size, 1, dilation=dilation[1],
                               padding=get_padding(kernel_size, dilation[1]))),
            weight_norm(Conv1d(channels, channels, kernel_size, 1, dilation=dilation[2],
                               padding=get_padding(kernel_size, dilation[2])))
        ])
        self.convs1.apply(init_weights)

        self.convs2 = nn.ModuleList([
            weight_norm(Conv1d(channels, channels, kernel_size, 1, dilation=1,
                               padding=get_padding(kernel_size, 1))),
            weight_norm(Conv1d(channels, channels, kernel_size, 1, dilation=1,
                               padding=get_padding(kernel_size, 1))),
            weight_norm(Conv1d(channels, channels, kernel_size, 1, dilation=1,
                               padding=get_padding(kernel_size, 1)))
        ])
        self.convs2.apply(init_weights)

    def forward(self, x):
        for c1, c2 in zip(self.convs1, self.convs2):
            xt = F.leaky_relu(x, LRELU_SLOPE)
            xt = c1(xt)
            xt = F.leaky_relu(xt, LRELU_SLOPE)
            xt = c2(xt)
            x = xt + x
        return x

    def remove_weight_norm(self):
        for l in self.convs1:
            remove_weight_norm(l)
        for l in self.convs2:
            remove_weight_norm(l)


class ResBlock2(torch.nn.Module):
    def __init__(self, h, channels, kernel_size=3, dilation=(1, 3)):
        super(ResBlock2, self).__init__()
        self.h = h
        self.convs = nn.ModuleList([
            weight_norm(Conv1d(channels, channels, kernel_size, 1, dilation=dilation[0],
                               padding=get_padding(kernel_size, dilation[0]))),
            weight_norm(Conv1d(channels, channels, kernel_size, 1, dilation=dilation[1],
                               padding=get_padding(kernel_size, dilation[1])))
        ])
        self.convs.apply(init_weights)

    def forward(self, x):
        for c in self.convs:
            xt = F.leaky_relu(x, LRELU_SLOPE)
            xt = c(xt)
            x = xt + x
        return x

    def remove_weight_norm(self):
        for l in self.convs:
            remove_weight_norm(l)


class Generator(torch.nn.Module):
    def __init__(self, h):
        super(Generator, self).__init__()
        self.h = h
        self.num_kernels = len(h.resblock_kernel_sizes)
        self.num_upsamples = len(h.upsample_rates)
        self.conv_pre = weight_norm(Conv1d(80, h.upsample_initial_channel, 7, 1, padding=3))
        resblock = ResBlock1 if h.resblock == '1' else ResBlock2

        self.ups = nn.ModuleList()
        for i, (u, k) in enumerate(zip(h.upsample_rates, h.upsample_kernel_sizes)):
            self.ups.append(weight_norm(
                ConvTranspose1d(h.upsample_initial_channel//(2**i), h.upsample_initial_channel//(2**(i+1)),
                                k, u, padding=(k-u)//2)))

        self.resblocks = nn.ModuleList()
        for i in range(len(self.ups)):
            ch = h.upsample_initial_channel//(2**(i+1))
            for j, (k, d) in enumerate(zip(h.resblock_kernel_sizes, h.resblock_dilation_sizes)):
                self.resblocks.append(resblock(h, ch, k, d))

        self.conv_post = weight_norm(Conv1d(ch, 1, 7, 1, padding=3))
        self.ups.apply(init_weights)
        self.conv_post.apply(init_weights)

    def forward(self, x):
        x = self.conv_pre(x)
        for i in range(self.num_upsamples):
            x = F.leaky_relu(x, LRELU_SLOPE)
            x = self.ups[i](x)
            xs = None
            for j in range(self.num_kernels):
                if xs is None:
                    xs = self.resblocks[i*self.num_kernels+j](x)
                else:
                    xs += self.resblocks[i*self.num_kernels+j](x)
            x = xs / self.num_kernels
        x = F.leaky_relu(x)
        x = self.conv_post(x)
        x = torch.tanh(x)

        return x

    def remove_weight_norm(self):
        print('Removing weight norm...')
        for l in self.ups:
            remove_weight_norm(l)
        for l in self.resblocks:
            l.remove_weight_norm()
        remove_weight_norm(self.conv_pre)
        remove_weight_norm(self.conv_post)


class DiscriminatorP(torch.nn.Module):
    def __init__(self, period, kernel_size=5, stride=3, use_spectral_norm=False):
        super(DiscriminatorP, self).__init__()
        self.period = period
        norm_f = weight_norm if use_spectral_norm == False else spectral_norm
        self.convs = nn.ModuleList([
            norm_f(Conv2d(1, 32, (kernel_size, 1), (stride, 1), padding=(get_padding(5, 1), 0))),
            norm_f(Conv2d(32, 128, (kernel_size, 1), (stride, 1), padding=(get_padding(5, 1), 0))),
            norm_f(Conv2d(128, 512, (kernel_size, 1), (stride, 1), padding=(get_padding(5, 1), 0))),
            norm_f(Conv2d(512, 1024, (kernel_size, 1), (stride, 1), padding=(get_padding(5, 1), 0))),
            norm_f(Conv2d(1024, 1024, (kernel_size, 1), 1, padding=(2, 0))),
        ])
        self.conv_post = norm_f(Conv2d(1024, 1, (3, 1), 1, padding=(1, 0)))

    def forward(self, x):
        fmap = []

        # 1d to 2d
        b, c, t = x.shape
        if t % self.period != 0: # pad first
            n_pad = self.period - (t % self.period)
            x = F.pad(x, (0, n_pad), "reflect")
            t = t + n_pad
        x = x.view(b, c, t // self.period, self.period)

        for l in self.convs:
            x = l(x)
            x = F.leaky_relu(x, LRELU_SLOPE)
            fmap.append(x)
        x = self.conv_post(x)
        fmap.append(x)
        x = torch.flatten(x, 1, -1)

        return x, fmap


class MultiPeriodDiscriminator(torch.nn.Module):
    def __init__(self):
        super(MultiPeriodDiscriminator, self).__init__()
        self.discriminators = nn.ModuleList([
            DiscriminatorP(2),
            DiscriminatorP(3),
            DiscriminatorP(5),
            DiscriminatorP(7),
            DiscriminatorP(11),
        ])

    def forward(self, y, y_hat):
        y_d_rs = []
        y_d_gs = []
        fmap_rs = []
        fmap_gs = []
        for i, d in enumerate(self.discriminators):
            y_d_r, fmap_r = d(y)
            y_d_g, fmap_g = d(y_hat)
            y_d_rs.append(y_d_r)
            fmap_rs.append(fmap_r)
            y_d_gs.append(y_d_g)
            fmap_gs.append(fmap_g)

        return y_d_rs, y_d_gs, fmap_rs, fmap_gs


class DiscriminatorS(torch.nn.Module):
    def __init__(self, use_spectral_norm=False):
        super(DiscriminatorS, self).__init__()
        norm_f = weight_norm if use_spectral_norm == False else spectral_norm
        self.convs = nn.ModuleList([
            norm_f(Conv1d(1, 128, 15, 1, padding=7)),
            norm_f(Conv1d(128, 128, 41, 2, groups=4, padding=20)),
            norm_f(Conv1d(128, 256, 41, 2, groups=16, padding=20)),
            norm_f(Conv1d(256, 512, 41, 4, groups=16, padding=20)),
            norm_f(Conv1d(512, 1024, 41, 4, groups=16, padding=20)),
            norm_f(Conv1d(1024, 1024, 41, 1, groups=16, padding=20)),
            norm_f(Conv1d(1024, 1024, 5, 1, padding=2)),
        ])
        self.conv_post = norm_f(Conv1d(1024, 1, 3, 1, padding=1))

    def forward(self, x):
        fmap = []
        for l in self.convs:
            x = l(x)
            x = F.leaky_relu(x, LRELU_SLOPE)
            fmap.append(x)
        x = self.conv_post(x)
        fmap.append(x)
        x = torch.flatten(x, 1, -1)

        return x, fmap


class MultiScaleDiscriminator(torch.nn.Module):
    def __init__(self):
        super(MultiScaleDiscriminator, self).__init__()
        self.discriminators = nn.ModuleList([
            DiscriminatorS(use_spectral_norm=True),
            DiscriminatorS(),
            DiscriminatorS(),
        ])
        self.meanpools = nn.ModuleList([
            AvgPool1d(4, 2, padding=2),
            AvgPool1d(4, 2, padding=2)
        ])

    def forward(self, y, y_hat):
        y_d_rs = []
        y_d_gs = []
        fmap_rs = []
        fmap_gs = []
        for i, d in enumerate(self.discriminators):
            if i != 0:
                y = self.meanpools[i-1](y)
                y_hat = self.meanpools[i-1](y_hat)
            y_d_r, fmap_r = d(y)
            y_d_g, fmap_g = d(y_hat)
            y_d_rs.append(y_d_r)
            fmap_rs.append(fmap_r)
            y_d_gs.append(y_d_g)
            fmap_gs.append(fmap_g)

        return y_d_rs, y_d_gs, fmap_rs, fmap_gs


def feature_loss(fmap_r, fmap_g):
    loss = 0
    for dr, dg in zip(fmap_r, fmap_g):
        for rl, gl in zip(dr, dg):
            loss += torch.mean(torch.abs(rl - gl))

    return loss*2


def discriminator_loss(disc_real_outputs, disc_generated_outputs):
    loss = 0
    r_losses = []
    g_losses = []
    for dr, dg in zip(disc_real_outputs, disc_generated_outputs):
        r_loss = torch.mean((1-dr)**2)
        g_loss = torch.mean(dg**2)
        loss += (r_loss + g_loss)
        r_losses.append(r_loss.item())
        g_losses.append(g_loss.item())

    return loss, r_losses, g_losses


def generator_loss(disc_outputs):
    loss = 0
    gen_losses = []
    for dg in disc_outputs:
        l = torch.mean((1-dg)**2)
        gen_losses.append(l)
        loss += l

    return loss, gen_losses

"""  # noqa: E501


# meldataset.py at SOURCE_COMMIT, verbatim
MELDATASET_PY = r"""import math
import os
import random
import torch
import torch.utils.data
import numpy as np
from librosa.util import normalize
from scipy.io.wavfile import read
from librosa.filters import mel as librosa_mel_fn

MAX_WAV_VALUE = 32768.0


def load_wav(full_path):
    sampling_rate, data = read(full_path)
    return data, sampling_rate


def dynamic_range_compression(x, C=1, clip_val=1e-5):
    return np.log(np.clip(x, a_min=clip_val, a_max=None) * C)


def dynamic_range_decompression(x, C=1):
    return np.exp(x) / C


def dynamic_range_compression_torch(x, C=1, clip_val=1e-5):
    return torch.log(torch.clamp(x, min=clip_val) * C)


def dynamic_range_decompression_torch(x, C=1):
    return torch.exp(x) / C


def spectral_normalize_torch(magnitudes):
    output = dynamic_range_compression_torch(magnitudes)
    return output


def spectral_de_normalize_torch(magnitudes):
    output = dynamic_range_decompression_torch(magnitudes)
    return output


mel_basis = {}
hann_window = {}


def mel_spectrogram(y, n_fft, num_mels, sampling_rate, hop_size, win_size, fmin, fmax, center=False):
    if torch.min(y) < -1.:
        print('min value is ', torch.min(y))
    if torch.max(y) > 1.:
        print('max value is ', torch.max(y))

    global mel_basis, hann_window
    if fmax not in mel_basis:
        mel = librosa_mel_fn(sampling_rate, n_fft, num_mels, fmin, fmax)
        mel_basis[str(fmax)+'_'+str(y.device)] = torch.from_numpy(mel).float().to(y.device)
        hann_window[str(y.device)] = torch.hann_window(win_size).to(y.device)

    y = torch.nn.functional.pad(y.unsqueeze(1), (int((n_fft-hop_size)/2), int((n_fft-hop_size)/2)), mode='reflect')
    y = y.squeeze(1)

    spec = torch.stft(y, n_fft, hop_length=hop_size, win_length=win_size, window=hann_window[str(y.device)],
                      center=center, pad_mode='reflect', normalized=False, onesided=True)

    spec = torch.sqrt(spec.pow(2).sum(-1)+(1e-9))

    spec = torch.matmul(mel_basis[str(fmax)+'_'+str(y.device)], spec)
    spec = spectral_normalize_torch(spec)

    return spec


def get_dataset_filelist(a):
    with open(a.input_training_file, 'r', encoding='utf-8') as fi:
        training_files = [os.path.join(a.input_wavs_dir, x.split('|')[0] + '.wav')
                          for x in fi.read().split('\n') if len(x) > 0]

    with open(a.input_validation_file, 'r', encoding='utf-8') as fi:
        validation_files = [os.path.join(a.input_wavs_dir, x.split('|')[0] + '.wav')
                            for x in fi.read().split('\n') if len(x) > 0]
    return training_files, validation_files


class MelDataset(torch.utils.data.Dataset):
    def __init__(self, training_files, segment_size, n_fft, num_mels,
                 hop_size, win_size, sampling_rate,  fmin, fmax, split=True, shuffle=True, n_cache_reuse=1,
                 device=None, fmax_loss=None, fine_tuning=False, base_mels_path=None):
        self.audio_files = training_files
        random.seed(1234)
        if shuffle:
            random.shuffle(self.audio_files)
        self.segment_size = segment_size
        self.sampling_rate = sampling_rate
        self.split = split
        self.n_fft = n_fft
        self.num_mels = num_mels
        self.hop_size = hop_size
        self.win_size = win_size
        self.fmin = fmin
        self.fmax = fmax
        self.fmax_loss = fmax_loss
        self.cached_wav = None
        self.n_cache_reuse = n_cache_reuse
        self._cache_ref_count = 0
        self.device = device
        self.fine_tuning = fine_tuning
        self.base_mels_path = base_mels_path

    def __getitem__(self, index):
        filename = self.audio_files[index]
        if self._cache_ref_count == 0:
            audio, sampling_rate = load_wav(filename)
            audio = audio / MAX_WAV_VALUE
            if not self.fine_tuning:
                audio = normalize(audio) * 0.95
            self.cached_wav = audio
            if sampling_rate != self.sampling_rate:
                raise ValueError("{} SR doesn't match target {} SR".format(
                    sampling_rate, self.sampling_rate))
            self._cache_ref_count = self.n_cache_reuse
        else:
            audio = self.cached_wav
            self._cache_ref_count -= 1

        audio = torch.FloatTensor(audio)
        audio = audio.unsqueeze(0)

        if not self.fine_tuning:
            if self.split:
                if audio.size(1) >= self.segment_size:
                    max_audio_start = audio.size(1) - self.segment_size
                    audio_start = random.randint(0, max_audio_start)
                    audio = audio[:, audio_start:audio_start+self.segment_size]
                else:
                    audio = torch.nn.functional.pad(audio, (0, self.segment_size - audio.size(1)), 'constant')

            mel = mel_spectrogram(audio, self.n_fft, self.num_mels,
                                  self.sampling_rate, self.hop_size, self.win_size, self.fmin, self.fmax,
                                  center=False)
        else:
            mel = np.load(
                os.path.join(self.base_mels_path, os.path.splitext(os.path.split(filename)[-1])[0] + '.npy'))
            mel = torch.from_numpy(mel)

            if len(mel.shape) < 3:
                mel = mel.unsqueeze(0)

            if self.split:
                frames_per_seg = math.ceil(self.segment_size / self.hop_size)

                if audio.size(1) >= self.segment_size:
                    mel_start = random.randint(0, mel.size(2) - frames_per_seg - 1)
                    mel = mel[:, :, mel_start:mel_start + frames_per_seg]
                    audio = audio[:, mel_start * self.hop_size:(mel_start + frames_per_seg) * self.hop_size]
                else:
                    mel = torch.nn.functional.pad(mel, (0, frames_per_seg - mel.size(2)), 'constant')
                    audio = torch.nn.functional.pad(audio, (0, self.segment_size - audio.size(1)), 'constant')

        mel_loss = mel_spectrogram(audio, self.n_fft, self.num_mels,
                                   self.sampling_rate, self.hop_size, self.win_size, self.fmin, self.fmax_loss,
                                   center=False)

        return (mel.squeeze(), audio.squeeze(0), filename, mel_loss.squeeze())

    def __len__(self):
        return len(self.audio_files)
"""  # noqa: E501


# env.py at SOURCE_COMMIT, verbatim
ENV_PY = r"""import os
import shutil


class AttrDict(dict):
    def __init__(self, *args, **kwargs):
        super(AttrDict, self).__init__(*args, **kwargs)
        self.__dict__ = self


def build_env(config, config_name, path):
    t_path = os.path.join(path, config_name)
    if config != t_path:
        os.makedirs(path, exist_ok=True)
        shutil.copyfile(config, os.path.join(path, config_name))
"""


# utils.py at SOURCE_COMMIT, verbatim
UTILS_PY = r"""import glob
import os
import matplotlib
import torch
from torch.nn.utils import weight_norm
matplotlib.use("Agg")
import matplotlib.pylab as plt


def plot_spectrogram(spectrogram):
    fig, ax = plt.subplots(figsize=(10, 2))
    im = ax.imshow(spectrogram, aspect="auto", origin="lower",
                   interpolation='none')
    plt.colorbar(im, ax=ax)

    fig.canvas.draw()
    plt.close()

    return fig


def init_weights(m, mean=0.0, std=0.01):
    classname = m.__class__.__name__
    if classname.find("Conv") != -1:
        m.weight.data.normal_(mean, std)


def apply_weight_norm(m):
    classname = m.__class__.__name__
    if classname.find("Conv") != -1:
        weight_norm(m)


def get_padding(kernel_size, dilation=1):
    return int((kernel_size*dilation - dilation)/2)


def load_checkpoint(filepath, device):
    assert os.path.isfile(filepath)
    print("Loading '{}'".format(filepath))
    checkpoint_dict = torch.load(filepath, map_location=device)
    print("Complete.")
    return checkpoint_dict


def save_checkpoint(filepath, obj):
    print("Saving checkpoint to {}".format(filepath))
    torch.save(obj, filepath)
    print("Complete.")


def scan_checkpoint(cp_dir, prefix):
    pattern = os.path.join(cp_dir, prefix + '????????')
    cp_list = glob.glob(pattern)
    if len(cp_list) == 0:
        return None
    return sorted(cp_list)[-1]

"""


# config_v1.json at SOURCE_COMMIT, verbatim
CONFIG_V1_JSON = r"""{
    "resblock": "1",
    "num_gpus": 0,
    "batch_size": 16,
    "learning_rate": 0.0002,
    "adam_b1": 0.8,
    "adam_b2": 0.99,
    "lr_decay": 0.999,
    "seed": 1234,

    "upsample_rates": [8,8,2,2],
    "upsample_kernel_sizes": [16,16,4,4],
    "upsample_initial_channel": 512,
    "resblock_kernel_sizes": [3,7,11],
    "resblock_dilation_sizes": [[1,3,5], [1,3,5], [1,3,5]],

    "segment_size": 8192,
    "num_mels": 80,
    "num_freq": 1025,
    "n_fft": 1024,
    "hop_size": 256,
    "win_size": 1024,

    "sampling_rate": 22050,

    "fmin": 0,
    "fmax": 8000,
    "fmax_for_loss": null,

    "num_workers": 4,

    "dist_config": {
        "dist_backend": "nccl",
        "dist_url": "tcp://localhost:54321",
        "world_size": 1
    }
}
"""


# what the case writes into the cwd, as the repository lays it out: name -> (its text at
# SOURCE_COMMIT, its git blob id there); config_v1.json is read, cut, written as config_zoo.json
FILES = {
    "train.py": (TRAIN_PY, "3b55094289d8649b5cde18f9675700d1f6ab5ba9"),
    "models.py": (MODELS_PY, "da233d02d4df993c101277506f7ac6e1286fb8bd"),
    "meldataset.py": (MELDATASET_PY, "4502924513ce20fe972732c000b9d81dc6989480"),
    "env.py": (ENV_PY, "2bdbc95d4f7a8bad8fd4f5eef657e2b51d946056"),
    "utils.py": (UTILS_PY, "aa2a536e6205ba4252b41bdfe05b491908b500be"),
}
CONFIG_V1_BLOB = "ce97366f7dee6dd4148ac1e0e369a33cd4f200f7"


if __name__ == "__main__":
    main()

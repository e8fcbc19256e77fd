"""diffusers' example ``examples/unconditional_image_generation/train_unconditional.py``
(diffusers 0.42.1, accelerate 1.16.0, datasets 5.2.0), a DDPM training on a local image folder,
run as its README's "Provide the dataset as a folder" section shows, tiny: ``python
train_unconditional.py --train_data_dir images --cache_dir hf_cache --model_config_name_or_path
unet_cfg --resolution 16 --train_batch_size 4 --num_epochs 3 --lr_warmup_steps 5
--save_images_epochs 100 --eval_batch_size 2 --ddpm_num_inference_steps 20 --logger
tensorboard --output_dir out`` (every other option default: AdamW lr 1e-4, cosine schedule,
1000 training timesteps, ``--save_model_epochs 10``). The README starts it with ``accelerate
launch``, which for one CPU process runs the same script in one process; the script has no
seed flag, so the case seeds torch and ``random`` with 0 and runs it in-process (``runpy``,
``sys.argv`` as above), which prints what the script prints (without the launcher's own
warning about its unset defaults). ``--lr_warmup_steps 5`` (default 500, longer than the whole
run) lets the lr rise and fall; ``--ddpm_num_inference_steps 20``/``--eval_batch_size 2``
shrink the sampling the script always does after the last epoch; ``--cache_dir`` keeps the
datasets cache in the run's folder (a warm cache would change what ``datasets`` prints).

The script: huggingface/diffusers' file at commit 58eb52c0803ea9af3abec60841c2a093bdf1f951
(2026-08-23; the file last changed at c56add8081be60b7e8794e011f1790d0e37aeced, 2026-07-08,
``check_min_version("0.40.0.dev0")``), unmodified, from the ``fetch`` snapshot of
huggingface/diffusers (the file index keeps this file at other commits only). No pip package
carries it: the case finds it under ``$ZOO_REPOS/diffusers/examples/
unconditional_image_generation/`` (default ``~/.cache/exptrack-zoo/repos``; ``git archive
58eb52c0 examples/unconditional_image_generation``). The venv needs ``datasets`` (the script
imports it and loads the folder with ``load_dataset("imagefolder", ...)``): pinned in
requirements-misc.txt.

Data and model, made here: 32 PNGs of 16x16 (a coloured square on grey noise) in ``images/``;
``unet_cfg/config.json``, a tiny ``UNet2DModel`` config (sample_size 16, block_out_channels
(32, 64), one layer a block, one attention block), saved by ``UNet2DModel.save_config``.

Default printing: the logging module's ``MM/DD/YYYY HH:MM:SS - INFO - __main__ - [RANK 0] ...``
lines (accelerator state, ``Dataset size: 32``, ``***** Running training *****`` and its
counts), datasets' ``Downloading data`` (local files, ``files/s``) and ``Generating train
split`` (``examples/s``) bars (under a terminal also a ``Resolving data files`` bar,
``it/s``), one tqdm bar an epoch whose postfix the script sets each step:
``Epoch 1:  25%|██▌       | 2/8 [00:00<00:00, 17.43it/s, loss=0.997, lr=8.39e-5, step=10]``,
after epoch 0 and the last the sampling's own bar (``20/20``, ``it/s``) and diffusers' info
logs (``Configuration saved in out/unet/config.json``, ``Model weights saved in ...``).

Truth: accelerate's TensorBoard tracker, the event file under ``out/logs/train_unconditional/``
(``accelerator.log({"loss", "lr", "step"}, step=global_step)`` each optimisation step,
``add_scalar``: float32), read with ``_records.tb_scalars``. Judgements:
- ``loss`` and ``lr``, key ``step`` (global step 1..24: 3 epochs x 8 batches), both printed in
  the bar's postfix, which tqdm formats as ``{:.3g}`` (``lr=0.0001``, ``lr=6.82e-7``,
  ``loss=1``; the last lr is 0): rel_tolerance 5e-3. Each step's ``set_postfix`` draws a frame
  with its values; the next step's ``update(1)`` frame repeats them when tqdm's 0.1 s
  ``mininterval`` has passed (timing, so about every other step, differing between runs), and
  the epoch's closing frame repeats the last step's;
- ``step`` is the loop's counter, logged as a scalar and printed in the postfix: no metric;
- the ``test_samples`` images (``add_images`` after the last epoch) are no scalars;
- ``also_ok``: tqdm's ``it/s``/``s/it`` and datasets' ``files/s``/``examples/s`` (throughput).
"""
# zoo-venv: misc

import os
import random
import runpy
import sys
from pathlib import Path

import diffusers
import torch
from _records import tb_scalars
from _truth import series, write_truth
from diffusers import UNet2DModel
from PIL import Image, ImageDraw

SOURCE_COMMIT = "58eb52c0803ea9af3abec60841c2a093bdf1f951"
repos = Path(os.environ.get("ZOO_REPOS", Path.home() / ".cache" / "exptrack-zoo" / "repos"))
script = (repos.expanduser() / "diffusers" / "examples" / "unconditional_image_generation"
          / "train_unconditional.py")
if not script.is_file():
    sys.exit(f"no train_unconditional.py at {script} (huggingface/diffusers at {SOURCE_COMMIT})")

COLOURS = [(220, 30, 30), (30, 200, 30), (40, 40, 220), (230, 210, 20)]
rng = random.Random(0)
Path("images").mkdir()
for i in range(32):
    image = Image.new("RGB", (16, 16))
    image.putdata([(v, v, v) for v in (rng.randint(90, 140) for _ in range(16 * 16))])
    x0, y0 = rng.randint(0, 7), rng.randint(0, 7)
    size = rng.randint(4, 8)
    ImageDraw.Draw(image).rectangle((x0, y0, x0 + size, y0 + size), fill=COLOURS[i % 4])
    image.save(f"images/{i:02d}.png")

UNet2DModel(sample_size=16, in_channels=3, out_channels=3, layers_per_block=1,
            block_out_channels=(32, 64), down_block_types=("DownBlock2D", "AttnDownBlock2D"),
            up_block_types=("AttnUpBlock2D", "UpBlock2D")).save_config("unet_cfg")

random.seed(0)
torch.manual_seed(0)
sys.argv = [str(script), "--train_data_dir", "images", "--cache_dir", "hf_cache",
            "--model_config_name_or_path", "unet_cfg", "--resolution", "16",
            "--train_batch_size", "4", "--num_epochs", "3", "--lr_warmup_steps", "5",
            "--save_images_epochs", "100", "--eval_batch_size", "2",
            "--ddpm_num_inference_steps", "20", "--logger", "tensorboard", "--output_dir", "out"]
runpy.run_path(str(script), run_name="__main__")

event_files = sorted(str(p) for p in Path("out/logs").rglob("events.out.tfevents.*"))
found = tb_scalars(event_files)
# the postfix shows floats as "{:.3g}" (tqdm's format_num)
metrics = {name: series(found[name], "step", rel_tolerance=5e-3) for name in ("loss", "lr")}
write_truth("diffusers", diffusers.__version__,
            "accelerate TensorBoardTracker events under out/logs/train_unconditional/", metrics,
            files=event_files, also_ok=["it/s", "s/it", "files/s", "examples/s"],
            notes=f"examples/unconditional_image_generation/train_unconditional.py of "
                  f"huggingface/diffusers at {SOURCE_COMMIT}; scalar tags found: "
                  + ", ".join(sorted(found)))

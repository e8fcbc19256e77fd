"""clovaai's deep-text-recognition-benchmark (no pip package, no release: repository commit
e2117f2fb882b3c6085030500a260c113be27a63, 2023-07-16, its last; torch 2.2.2 and torchvision
0.17.2, PyPI's CUDA 12.1 builds, run on the CPU): the scene-text-recognition framework of
"What Is Wrong With Scene Text Recognition Model Comparisons?" (ICCV 2019), its ``train.py``
run as its README trains CRNN, ``python3 train.py --train_data ... --valid_data ...
--select_data MJ-ST --batch_ratio 0.5-0.5 --Transformation None --FeatureExtraction VGG
--SequenceModeling BiLSTM --Prediction CTC``, with ``--select_data / --batch_ratio 1`` (its
README's "train on your own dataset": one lmdb data set, the whole batch from it) and small
sizes from its documented options: ``--num_iter 300 --valInterval 100 --batch_size 16
--workers 0 --output_channel 128 --hidden_size 64`` (VGG's channels 16..128, BiLSTM 64:
532,389 parameters; the defaults, 512 and 256, take about 1 s a batch here). Adadelta at
lr 1, gradient clip 5, ``--manualSeed 1111``, 32x100 grayscale input, the 36 lower-case
alphanumerics: all defaults. About 25 s of CPU.

Files: ``train.py`` and what it imports (``dataset.py``, ``model.py``, ``test.py``,
``utils.py``, ``modules/{transformation,feature_extraction,sequence_modeling,
prediction}.py``) and ``create_lmdb_dataset.py``, read from ``$ZOO_REPOS/
deep-text-recognition-benchmark`` (default ``~/.cache/exptrack-zoo/repos``; unpack it with
``git archive e2117f2f | tar -x -C ...``), each checked against its git blob id at that
commit (``BLOBS``; train.py before the case's lines are added) and written into the cwd in
the repository's layout, where the case runs them with the venv's python as a user does, in
two steps, stdout and stderr inherited:
- data: Pillow draws 192 training and 48 validation word images (16 words such as
  ``house``, ``2019``; its built-in font at sizes 18-24, random offsets and grey levels,
  ``random.Random(0)`` and ``(1)``) under ``data/training/``, ``data/validation/`` with the
  README's ``gt.txt`` (``{imagepath}\\t{label}``), then the README's ``python3
  create_lmdb_dataset.py --inputPath data/ --gtFile data/gt_training.txt --outputPath
  lmdb/training/`` (and ``validation``), which prints ``Created dataset with 192 samples``;
- training: ``python train.py --train_data lmdb/training --valid_data lmdb/validation ...``;
  train.py names the run ``None-VGG-BiLSTM-CTC-Seed1111`` and ends with ``end the training``
  and ``sys.exit()`` (exit 0).
On today's torch the repository does not import: ``dataset.py`` line 13, ``from torch._utils
import _accumulate``, raises ``ImportError: cannot import name '_accumulate' from
'torch._utils'`` on torch 2.14.1 (torch 2.3 removed it; the repository's open issue #416,
whose one reply says "your version of pytorch is higher than requirement"). The repository
stays verbatim: the venv pins torch 2.2.2, the newest that still has it (the README says it
was tested with PyTorch 1.3.1), with numpy 1.26 (requirements-str.txt); no option of
train.py avoids the import.

What it prints: its data-set summary (``dataset_root: lmdb/training``, ``sub-directory:\\t/.\\t
num samples: 192``, ``num total samples of /: 192 x 1.0 (total_data_usage_ratio) = 192``,
``num samples of / per batch: 16 x 1.0 (batch_ratio) = 16``, ``Total_batch_size: 16 = 16``),
``model input parameters 32 100 20 1 128 64 37 25 None VGG BiLSTM CTC``, ``print(model)``
(the DataParallel-wrapped module), ``Trainable params num :  532389``, the Adadelta repr, the
``------------ Options -------------`` dump (``lr: 1``, ``batch_size: 16``, ...; also
written to ``saved_models/<name>/opt.txt``), then at iteration 1 and every ``valInterval``
iterations a validation block (also appended to ``saved_models/<name>/log_train.txt``)::

 [100/300] Train loss: 3.37270, Valid loss: 2.51246, Elapsed_time: 7.07634
 Current_accuracy : 6.250, Current_norm_ED  : 0.24
 Best_accuracy    : 6.250, Best_norm_ED     : 0.24

and a table of five validation predictions (``Ground Truth | Prediction | Confidence Score &
T/F``, rows ``house | roe | 0.0005\\tFalse``). Four blocks: ``[1/300]``, ``[100/300]``,
``[200/300]``, ``[300/300]``. No progress bar: pipe and pty print the same lines.

Truth: the repository keeps no numeric record (``log_train.txt`` is the printed text;
``opt.txt`` the options; ``best_accuracy.pth``/``best_norm_ED.pth`` hold weights only), so
the values train.py computes are the record: two lines added to the stock text
(``RECORD_LINES``, no line changed), right after the line that formats ``loss_log`` (before
``loss_avg.reset()``), append ``(iteration + 1, loss_avg.val(), valid_loss, elapsed_time,
current_accuracy, current_norm_ED)`` as floats, at full precision, to
``saved_models/<name>/zoo_record.txt``, which the case reads back; nothing is parsed from
stdout. ``log_train.txt`` is not listed in ``files``: exptrack reads no such file, and it
is the printed text. Judgement calls (docs/metrics.md):
- Names: ``Train loss`` and ``Valid loss`` by the phase rule (a phase word before a name
  prefixes it): ``train_loss``, ``valid_loss``; ``Current_accuracy`` and ``Current_norm_ED``
  as printed (no phase word; ``Current`` is part of the printed key). ``train_loss`` is the
  mean of the batch losses since the last validation (one batch at ``[1/300]``, 99 after),
  ``valid_loss`` the mean of the validation batches' losses (3 batches of 16),
  ``Current_accuracy`` the percentage of exact matches, ``Current_norm_ED`` the mean
  ICDAR2019 normalised edit-distance similarity (0..1).
- Axis ``step``: the printed ``[N/300]`` (``iteration + 1``): 1, 100, 200, 300.
- Tolerances from the printed rounding: ``%0.5f`` -> 5e-6 for the losses, ``%0.3f`` -> 5e-4
  for ``Current_accuracy``, ``%0.2f`` -> 5e-3 for ``Current_norm_ED``.
- ``also_ok``: ``Elapsed_time`` (wall seconds since training began) and ``Best_accuracy``,
  ``Best_norm_ED`` (running bests printed again: no series of their own).
- Not metrics: ``Trainable params num``, the options dump, the Adadelta repr, the data-set
  counts, the prediction table's confidence scores (a per-sample column).
- Determinism: train.py seeds ``random``, numpy and torch with ``--manualSeed`` (default
  1111) and loads data in the main process (``--workers 0``); the images are seeded: the
  values repeat on the CPU; only ``Elapsed_time`` varies.
"""
# zoo-venv: str

import ast
import os
import random
import subprocess
import sys
from pathlib import Path

import PIL
import torch
import torchvision
from _truth import series, write_truth
from _verbatim import git_blob_id, with_lines
from PIL import Image, ImageDraw, ImageFont

SOURCE_REPO = "clovaai/deep-text-recognition-benchmark"
SOURCE_COMMIT = "e2117f2fb882b3c6085030500a260c113be27a63"
repos = Path(os.environ.get("ZOO_REPOS", Path.home() / ".cache" / "exptrack-zoo" / "repos"))
repo = repos.expanduser() / "deep-text-recognition-benchmark"

# the files train.py and create_lmdb_dataset.py import, and their git blob ids at SOURCE_COMMIT
BLOBS = {
    "train.py": "7f3a66bf00a185d0f8194322a2e32162fd629874",
    "dataset.py": "42ede25c16e785a3810376cdcb92032d877fd2db",
    "model.py": "be0c612b7eca400ede9684a646af17b985373e31",
    "test.py": "68ac5da84967e0ed6a3f7b35ef444839f9f47395",
    "utils.py": "e576358418b844d2371aa99673f76c459ca780d9",
    "modules/feature_extraction.py": "b5f3004202f175db2ea1494807ea2dbab1aaec76",
    "modules/prediction.py": "b6c3cb32541ea4ea5f22377ce5062e5ea34ff2f7",
    "modules/sequence_modeling.py": "af32c59b2cc981be1b43412ddf4ac853d0611210",
    "modules/transformation.py": "875d1ae96ec31a186c3782c070886d100326fcf6",
    "create_lmdb_dataset.py": "a58d1374efe6c2b6427e5b6a253aad15e02942a9",
}

# the record: lines added to train.py right after the line that formats what the validation
# block prints (before `loss_avg.reset()`); no line of the stock text changed. They append
# the printed values at full precision (a Python tuple a line) to a file beside log_train.txt
RECORD_LINES = {
    "                loss_log = f'[{iteration+1}/{opt.num_iter}] Train loss: "
    "{loss_avg.val():0.5f}, Valid loss: {valid_loss:0.5f}, Elapsed_time: {elapsed_time:0.5f}'\n":
        "                with open(f'./saved_models/{opt.exp_name}/zoo_record.txt', 'a') as "
        "zoo_record:  # zoo: the values printed below\n"
        "                    zoo_record.write(repr((iteration + 1, float(loss_avg.val()), "
        "float(valid_loss), elapsed_time, float(current_accuracy), float(current_norm_ED)))"
        " + '\\n')  # zoo\n",
}

WORDS = ["cat", "dog", "tree", "house", "river", "stone", "light", "music", "paper", "green",
         "42", "2019", "apple", "night", "bird", "road"]
NUM_ITER, VAL_INTERVAL, BATCH_SIZE = 300, 100, 16
TRAIN_OPTIONS = [
    "--train_data", "lmdb/training", "--valid_data", "lmdb/validation",
    "--select_data", "/", "--batch_ratio", "1",
    "--Transformation", "None", "--FeatureExtraction", "VGG", "--SequenceModeling", "BiLSTM",
    "--Prediction", "CTC",
    "--num_iter", str(NUM_ITER), "--valInterval", str(VAL_INTERVAL),
    "--batch_size", str(BATCH_SIZE), "--workers", "0",
    "--output_channel", "128", "--hidden_size", "64",
]
EXP_NAME = "None-VGG-BiLSTM-CTC-Seed1111"  # train.py's default name for these options


def draw_words(folder: Path, gt_file: Path, count: int, seed: int) -> None:
    """``count`` word images (grayscale PNG, 32 pixels high), drawn with Pillow's built-in
    font at random sizes, offsets and grey levels, and the README's ``gt.txt``:
    ``{imagepath}\\t{label}`` a line, the path relative to the input folder."""
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    lines = []
    for index in range(1, count + 1):
        word = WORDS[(index - 1) % len(WORDS)]
        font = ImageFont.load_default(size=rng.randint(18, 24))
        left, top, right, bottom = font.getbbox(word)
        width = right - left + rng.randint(6, 20)
        background = rng.randint(170, 255)
        image = Image.new("L", (width, 32), background)
        ImageDraw.Draw(image).text((rng.randint(2, 5) - left, (32 - bottom - top) // 2
                                    + rng.randint(-2, 2)), word, font=font,
                                   fill=rng.randint(0, background - 120))
        name = f"word_{index}.png"
        image.save(folder / name)
        lines.append(f"{folder.name}/{name}\t{word}\n")
    gt_file.write_text("".join(lines), encoding="utf-8")


def main() -> None:
    for name, blob in BLOBS.items():
        source = repo / name
        if not source.is_file():
            sys.exit(f"no {SOURCE_REPO} at {repo} (git archive {SOURCE_COMMIT})")
        text = source.read_text(encoding="utf-8")
        if git_blob_id(text) != blob:
            sys.exit(f"{source} is not {SOURCE_REPO}'s at {SOURCE_COMMIT}")
        if name == "train.py":
            text = with_lines(text, RECORD_LINES)
        Path(name).parent.mkdir(parents=True, exist_ok=True)
        Path(name).write_text(text, encoding="utf-8")

    data = Path("data")
    draw_words(data / "training", data / "gt_training.txt", 192, seed=0)
    draw_words(data / "validation", data / "gt_validation.txt", 48, seed=1)
    python = sys.executable
    for split in ("training", "validation"):
        subprocess.run([python, "create_lmdb_dataset.py", "--inputPath", "data/",
                        "--gtFile", f"data/gt_{split}.txt", "--outputPath", f"lmdb/{split}/"],
                       check=True)
    subprocess.run([python, "train.py", *TRAIN_OPTIONS], check=True)

    record_file = Path("saved_models") / EXP_NAME / "zoo_record.txt"
    record = [ast.literal_eval(line) for line in
              record_file.read_text(encoding="utf-8").splitlines()]
    steps = [row[0] for row in record]
    assert steps == [1, *range(VAL_INTERVAL, NUM_ITER + 1, VAL_INTERVAL)], steps
    source = (f"{SOURCE_REPO}@{SOURCE_COMMIT[:8]} (no release; torch {torch.__version__}, "
              f"torchvision {torchvision.__version__}, Pillow {PIL.__version__})")
    write_truth(
        "deep-text-recognition-benchmark", source,
        "train.py's loss_avg.val(), valid_loss, current_accuracy and current_norm_ED at each "
        "validation (lines the case adds right after the loss_log line; zoo_record.txt)",
        {"train_loss": series([(r[0], r[1]) for r in record], "step", tolerance=5e-6),
         "valid_loss": series([(r[0], r[2]) for r in record], "step", tolerance=5e-6),
         "Current_accuracy": series([(r[0], r[4]) for r in record], "step", tolerance=5e-4),
         "Current_norm_ED": series([(r[0], r[5]) for r in record], "step", tolerance=5e-3)},
        also_ok=["Elapsed_time", "Best_accuracy", "Best_norm_ED"])


if __name__ == "__main__":
    main()

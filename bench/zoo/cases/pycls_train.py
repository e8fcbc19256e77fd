"""Facebook AI Research's pycls (PyPI's ``pycls`` 0.1.1, its last release, 2020-09-05: the
package of facebookresearch/pycls at 3747e12c, 2020-09-04, every module that commit's file
but ``models/model_zoo.py``, the one of its parent 4449e4a; on the CPU build of torch 2.13.0
with numpy 2.4.6, opencv-python 5.1.0.95, simplejson 4.3.0 and yacs 0.1.8), trained as its
GETTING_STARTED.md trains a model: ``python tools/train_net.py --cfg <config>.yaml``, the
checkout on ``PYTHONPATH``. The wheel ships no ``tools/``: ``tools/train_net.py`` at 3747e12c
is held verbatim below (checked against its git blob id). The config is the repository's
``configs/archive/cifar/anynet/R-56_nds_1gpu.yaml`` cut down (``CONFIG_YAML``): AnyNet with
the CIFAR stem and one basic residual block a stage (R-8, 78,042 parameters), ``NUM_GPUS:
1``, ``OPTIM.MAX_EPOCH: 2`` (cosine schedule from ``BASE_LR`` 0.1, Nesterov SGD),
``TRAIN.BATCH_SIZE: 16``, ``TEST.BATCH_SIZE: 20``, ``LOG_PERIOD: 2``, 2 loader workers (the
2-core runner) without pinned memory, and ``PREC_TIME.NUM_ITER: 0`` (the timing run before
training is CUDA-only); precise BN statistics stay on, as in the repository's config.
Data: pycls reads CIFAR-10's python batches from ``pycls/datasets/data/cifar10/``
(docs/DATA.md); the case writes ``data_batch_1`` .. ``data_batch_5`` (32 images each: 10
training iterations of 16 an epoch, ``drop_last``) and ``test_batch`` (100: 5 test
iterations of 20) there, pickled dicts whose keys load as bytes as the real files' do,
random pixels and labels from numpy's ``default_rng(0)``. Nothing is downloaded (no
``TRAIN.WEIGHTS``). About 11 s here.

CPU and torch: pycls assumes CUDA. The case copies the installed package into the cwd (each
module checked against its git blob id, ``WHEEL_BLOBS``), changes these lines of the copy
(``CHANGED_LINES``, each marked ``# zoo:``) and runs the copy:
- ``core/trainer.py`` ``setup_model``: ``assert cfg.NUM_GPUS <= torch.cuda.device_count()``
  (0 here) -> ``assert cfg.NUM_GPUS == 1``; ``cur_device = torch.cuda.current_device()``
  (raises without CUDA) -> ``torch.device("cpu")``; ``model.cuda(device=cur_device)`` ->
  ``model.to(device=cur_device)``;
- ``core/trainer.py``: ``builders.build_loss_fun().cuda()`` -> ``build_loss_fun()`` (its 3
  places); ``inputs.cuda(), labels.cuda(non_blocking=True)`` -> ``inputs.cpu(),
  labels.cpu()`` (``train_epoch`` and ``test_epoch``);
- ``core/net.py`` ``compute_precise_bn_stats``: ``model(inputs.cuda())`` -> ``model(inputs)``;
- ``core/meters.py`` ``topk_errors``: ``.view(-1)`` -> ``.reshape(-1)``, not for the CPU:
  today's torch refuses ``view`` of the transposed slice ("view size is not compatible with
  input tensor's size and stride"); pycls' own fix, its commit 35429e8 (2020-10-03).
``gpu_mem_usage()`` (``torch.cuda.max_memory_allocated()``) is left as it is: the CPU build
returns 0, printed ``"mem": 0``.

What it prints (``logging`` to stdout, ``LOG_DEST: stdout``, format ``[%(filename)s:
%(lineno)3d]: %(message)s``; nothing on stderr): ``[trainer.py:  40]: Config:`` and the
config as YAML, the config again as one ``json_stats:`` JSON line (``"_type": "cfg"``), the
model's repr, ``[trainer.py:  55]: json_stats: {"_type": "complexity", "acts": 86026,
"flops": 12501642, "params": 78042}``, the data paths, ``Start epoch: 1``, then each epoch
(each record one line here wrapped)::

 [meters.py: 159]: json_stats: {"_type": "train_iter", "epoch": "1/2", "eta": "00,00:00:04",
   "iter": "2/10", "loss": 2.3653, "lr": 0.1000, "mem": 0, "time_avg": 0.2721, "time_diff":
   0.1159, "top1_err": 100.0000, "top5_err": 62.5000}
 [meters.py: 183]: json_stats: {"_type": "train_epoch", "epoch": "1/2", "eta": "00,00:00:01",
   "loss": 2.4349, "lr": 0.1000, "mem": 0, "time_avg": 0.1481, "top1_err": 95.0000,
   "top5_err": 54.3750}
 [trainer.py: 175]: Wrote checkpoint to: ./output/checkpoints/model_epoch_0001.pyth
 [meters.py: 245]: json_stats: {"_type": "test_iter", "epoch": "1/2", "iter": "2/5", "mem": 0,
   "time_avg": 0.1451, "time_diff": 0.0490, "top1_err": 85.0000, "top5_err": 50.0000}
 [meters.py: 267]: json_stats: {"_type": "test_epoch", "epoch": "1/2", "mem": 0,
   "min_top1_err": 89.0000, "min_top5_err": 51.0000, "time_avg": 0.0798, "top1_err":
   89.0000, "top5_err": 51.0000}

(5 ``train_iter`` lines an epoch, at iterations 2, 4, .., 10, then ``train_epoch``; 2
``test_iter`` lines, at 2 and 4 of 5, then ``test_epoch``). Keys sorted, floats with 4
decimals (``logging.float_to_decimal``: ``Decimal("{:.4f}".format(x))``).

Truth: the printed ``json_stats`` lines are pycls' log itself (with ``LOG_DEST: file`` the
same lines go to ``OUT_DIR/stdout.log`` instead, which ``logging.load_log_data`` reads back),
so the record is the meters' own stats dicts: lines added to the copy's ``core/meters.py``
(``RECORD_LINES``, no line changed) write the dict each of the four log methods
(``TrainMeter.log_iter_stats``, ``.log_epoch_stats``, ``TestMeter``'s) has just logged, full
precision, as a JSON line to a file the case reads back (``zoo_meters.jsonl``); nothing is
parsed from stdout. Judgement calls (docs/metrics.md):
- Names as pycls keys them: ``top1_err``, ``top5_err``, ``loss``, ``lr``. The four record
  types share keys; the phase is the value of the record's ``"_type"`` key, and a JSON
  record's own phase-valued key names no phase (the naming rule for MMCV's ``"mode"`` and
  ``"split"``), so each key is one series, the records pooled in print order: ``top1_err``
  and ``top5_err`` 18 points (per epoch 5 training windows, the training epoch, 2 test
  windows, the test epoch), ``loss`` and ``lr`` 12 (the training records). A call that
  could go the other way: pycls' own reader keys its data by ``_type`` first
  (``data["test_epoch"]["top1_err"]``), which would give a series per record type.
- Values: an iteration record's ``top1_err``, ``top5_err`` and ``loss`` are the median over
  the last ``LOG_PERIOD`` (2) iterations (``ScalarMeter.get_win_median``); an epoch record's
  are the epoch's sample-weighted means. Errors in percent, as pycls keeps them.
- ``lr`` is in the stats dicts pycls logs (the epoch's learning rate: 0.1, then 0.05 on the
  cosine schedule), so it is a metric here.
- Axis ``epoch``: each record's ``"epoch": "1/2"`` numerator; each point's record type and
  iteration are in ``notes``.
- Tolerance 5e-5 for all: four decimals.
- ``also_ok``: ``time_avg``, ``time_diff``, ``eta`` (timing), ``mem`` (the GPU's peak memory
  in MB, 0 on the CPU: a resource reading), and ``min_top1_err``/``min_top5_err`` (the test
  records' running best of ``top1_err``/``top5_err``, printed again: no series of its own).
- Not metrics: the config's ``json_stats`` line (settings) and the ``complexity`` line
  (``acts``, ``flops``, ``params``: the model's size); ``iter`` and ``epoch`` are the axes.
- Determinism: pycls seeds numpy and torch with ``RNG_SEED`` 1 (``setup_env``); the loader's
  workers fork from that state, so the values repeat; only the times vary.
"""
# zoo-venv: pycls

import json
import os
import pickle
import subprocess
import sys
from importlib.metadata import version
from pathlib import Path

import numpy as np
import pycls
from _truth import series, write_truth
from _verbatim import git_blob_id, with_lines

SOURCE_REPO = "facebookresearch/pycls"
SOURCE_COMMIT = "3747e12c13812043801f6be0c2b990f39947ea09"  # 2020-09-04, what 0.1.1 ships
EPOCHS = 2
TRAIN_IMAGES, TEST_IMAGES = 160, 100  # 32 a data_batch_N; 10 batches of 16, 5 of 20
RECORD = "zoo_meters.jsonl"
CONFIG = "configs/anynet_R-8_cifar_cpu.yaml"

# the installed wheel's modules, each to its git blob id: every one is the file at
# SOURCE_COMMIT but models/model_zoo.py, the wheel's that of its parent 4449e4a
WHEEL_BLOBS = {
    "__init__.py": "e69de29bb2d1d6434b8b29ae775ad8c2e48c5391",
    "core/__init__.py": "e69de29bb2d1d6434b8b29ae775ad8c2e48c5391",
    "core/benchmark.py": "f17815f09935e8034f812456f78062309513e41b",
    "core/builders.py": "7fbbeec65af6ff654b003ddbcccdcbebcb905b3b",
    "core/checkpoint.py": "86d0c6040550c319749297cc14ddd10045a4ff8f",
    "core/config.py": "87fee9f77857e033e1a42331c1b146bcd4ed257b",
    "core/distributed.py": "13ad3ae86ba1f8690ac16987ad496d65ed3fd626",
    "core/io.py": "ae5049eacf7b90e44c5bbca26f7ebe1fcd66f364",
    "core/logging.py": "31750b2daaee778a628f14cfa512cf5a6625553c",
    "core/meters.py": "a397ae1b110db310f90944c97daa418da8274757",
    "core/net.py": "86d4588124754dac87e25e932390e2629347ca6a",
    "core/optimizer.py": "766a9845b355d6978467e6060fd5420670e14155",
    "core/plotting.py": "c310df72480fa638c3462ea9efcfe812bfcbb715",
    "core/timer.py": "0dcf7dea79c1fca136a98663ca3626dd463f7f6a",
    "core/trainer.py": "bec8b0a8da1e8c1bebb78234deb70a3b38abdb67",
    "datasets/__init__.py": "e69de29bb2d1d6434b8b29ae775ad8c2e48c5391",
    "datasets/cifar10.py": "a15293b155f899853104e4baaefbe329244ea502",
    "datasets/imagenet.py": "720a75f667f0d2cd84fe6de9ec1de3e67e67b33e",
    "datasets/loader.py": "9470d1568370b3b96c502251faaef9843c9a58ad",
    "datasets/transforms.py": "f98d815246c034e90afcd9f4ae8729a9df803751",
    "models/__init__.py": "9995f91fe8876cf4fe8e6f96163d6dc61083d2ad",
    "models/anynet.py": "b338ca5edd19da4385a0f357d0a1de14e912542d",
    "models/effnet.py": "7eb6f94eeca9d58e5964e3f72fb1f19ac29529a4",
    "models/model_zoo.py": "2ed54a87bbf438f8bce7a81242680c54480be8ec",
    "models/regnet.py": "62c9b69b4be2abede588683bfbff2094937d0b01",
    "models/resnet.py": "428e1271ae4006f9d3d40c4be830d0fb522ed590",
}

# the lines changed (pycls assumes CUDA): file -> {line: (its replacement, how many times
# the line occurs)}
CHANGED_LINES = {
    "core/trainer.py": {
        "    assert cfg.NUM_GPUS <= torch.cuda.device_count(), err_str\n":
            ("    assert cfg.NUM_GPUS == 1, err_str  # zoo: CPU (was: <= "
             "torch.cuda.device_count())\n", 1),
        "    cur_device = torch.cuda.current_device()\n":
            ('    cur_device = torch.device("cpu")  # zoo: CPU (was: '
             "torch.cuda.current_device())\n", 1),
        "    model = model.cuda(device=cur_device)\n":
            ("    model = model.to(device=cur_device)  # zoo: CPU (was: .cuda(...))\n", 1),
        "    loss_fun = builders.build_loss_fun().cuda()\n":
            ("    loss_fun = builders.build_loss_fun()  # zoo: CPU (was: .cuda())\n", 3),
        "        inputs, labels = inputs.cuda(), labels.cuda(non_blocking=True)\n":
            ("        inputs, labels = inputs.cpu(), labels.cpu()  # zoo: CPU (was: .cuda())\n",
             2),
    },
    "core/net.py": {
        "        model(inputs.cuda())\n":
            ("        model(inputs)  # zoo: CPU (was: inputs.cuda())\n", 1),
    },
    # not the CPU: today's torch refuses view() of the transposed slice; pycls' own fix
    # (35429e8, 2020-10-03, "replaced view() w reshape(), was causing issue in nightly")
    "core/meters.py": {
        "    topks_correct = [top_max_k_correct[:k, :].view(-1).float().sum() for k in ks]\n":
            ("    topks_correct = [top_max_k_correct[:k, :].reshape(-1).float().sum() for k in ks]"
             "  # zoo: pycls 35429e8\n", 1),
    },
}

# the record: lines added to meters.py (anchor -> the lines after it), no line changed:
# each log method's stats dict, as logged (with its "_type"), full precision, a JSON line
RECORD_LINES = {
    "logger = logging.get_logger(__name__)\n":
        "\n\ndef _zoo_record(stats):  # zoo: the stats dict just logged, to a JSON-lines file\n"
        "    import json, os  # zoo\n"
        '    with open(os.environ["ZOO_PYCLS_RECORD"], "a") as f:  # zoo\n'
        '        f.write(json.dumps(stats) + "\\n")  # zoo\n',
    **{f'        logger.info(logging.dump_log_data(stats, "{kind}"))\n':
       f"        _zoo_record(stats)  # zoo: the {kind} stats just logged\n"
       for kind in ("train_iter", "train_epoch", "test_iter", "test_epoch")},
}

# configs/archive/cifar/anynet/R-56_nds_1gpu.yaml at SOURCE_COMMIT cut down: one block a
# stage, 2 epochs, small batches, a log line every 2 iterations; the loader's workers
# for the 2-core runner, no pinned memory (no GPU) and no timing run (CUDA only)
CONFIG_YAML = """\
MODEL:
  TYPE: anynet
  NUM_CLASSES: 10
ANYNET:
  STEM_TYPE: res_stem_cifar
  STEM_W: 16
  BLOCK_TYPE: res_basic_block
  DEPTHS: [1, 1, 1]
  WIDTHS: [16, 32, 64]
  STRIDES: [1, 2, 2]
BN:
  USE_PRECISE_STATS: True
  NUM_SAMPLES_PRECISE: 1024
OPTIM:
  BASE_LR: 0.1
  LR_POLICY: cos
  MAX_EPOCH: 2
  MOMENTUM: 0.9
  NESTEROV: True
  WEIGHT_DECAY: 0.0005
TRAIN:
  DATASET: cifar10
  SPLIT: train
  BATCH_SIZE: 16
  IM_SIZE: 32
  EVAL_PERIOD: 1
TEST:
  DATASET: cifar10
  SPLIT: test
  BATCH_SIZE: 20
  IM_SIZE: 32
NUM_GPUS: 1
DATA_LOADER:
  NUM_WORKERS: 2
  PIN_MEMORY: False
CUDNN:
  BENCHMARK: False
PREC_TIME:
  NUM_ITER: 0
LOG_PERIOD: 2
OUT_DIR: ./output
"""

# tools/train_net.py at SOURCE_COMMIT, verbatim (the wheel ships no tools/)
TRAIN_NET_PY = '''\
#!/usr/bin/env python3

# Copyright (c) Facebook, Inc. and its affiliates.
#
# This source code is licensed under the MIT license found in the
# LICENSE file in the root directory of this source tree.

"""Train a classification model."""

import pycls.core.config as config
import pycls.core.distributed as dist
import pycls.core.trainer as trainer
from pycls.core.config import cfg


def main():
    config.load_cfg_fom_args("Train a classification model.")
    config.assert_and_infer_cfg()
    cfg.freeze()
    dist.multi_proc_run(num_proc=cfg.NUM_GPUS, fun=trainer.train_model)


if __name__ == "__main__":
    main()
'''
TRAIN_NET_BLOB = "1f940482403c7886b76cf1b5e41d5b2f4b6e859b"


def changed(text: str, lines: dict[str, tuple[str, int]]) -> str:
    """``text`` with each line replaced, found exactly the times given."""
    for old, (new, times) in lines.items():
        assert text.count(old) == times, old
        text = text.replace(old, new)
    return text


def copy_pycls(target: Path) -> None:
    """The installed package copied to ``target``, each module checked, then the changed
    lines changed and the record lines added."""
    installed = Path(pycls.__file__).parent
    for rel, blob in WHEEL_BLOBS.items():
        text = (installed / rel).read_text(encoding="utf-8")
        if git_blob_id(text) != blob:
            sys.exit(f"{installed / rel} is not pycls 0.1.1's")
        if rel in CHANGED_LINES:
            text = changed(text, CHANGED_LINES[rel])
        if rel == "core/meters.py":
            text = with_lines(text, RECORD_LINES)
        (target / rel).parent.mkdir(parents=True, exist_ok=True)
        (target / rel).write_text(text, encoding="utf-8")


def write_cifar10(folder: Path, seed: int = 0) -> None:
    """pycls' CIFAR-10 layout (``pycls/datasets/data/cifar10/``, docs/DATA.md): the python
    version's ``data_batch_1`` .. ``data_batch_5`` and ``test_batch``, pickled dicts whose
    keys load as bytes (``pickle.load(f, encoding="bytes")``: ``b"data"``, uint8 rows of
    3072 = 3x32x32 channel-major, ``b"labels"``), random pixels and labels, seeded."""
    rng = np.random.default_rng(seed)
    folder.mkdir(parents=True, exist_ok=True)

    def batch(count: int, label: str) -> dict:
        return {b"batch_label": label.encode(),
                b"labels": [int(v) for v in rng.integers(0, 10, count)],
                b"data": rng.integers(0, 256, (count, 3072), dtype=np.uint8),
                b"filenames": [f"synthetic_{i:04d}.png".encode() for i in range(count)]}

    for i in range(1, 6):
        data = batch(TRAIN_IMAGES // 5, f"training batch {i} of 5")
        (folder / f"data_batch_{i}").write_bytes(pickle.dumps(data, protocol=2))
    data = batch(TEST_IMAGES, "testing batch 1 of 1")
    (folder / "test_batch").write_bytes(pickle.dumps(data, protocol=2))


def main() -> None:
    if git_blob_id(TRAIN_NET_PY) != TRAIN_NET_BLOB:
        sys.exit(f"tools/train_net.py is not {SOURCE_REPO}'s at {SOURCE_COMMIT}")
    copy_pycls(Path("pycls"))
    Path("tools").mkdir()
    Path("tools/train_net.py").write_text(TRAIN_NET_PY, encoding="utf-8")
    Path(CONFIG).parent.mkdir()
    Path(CONFIG).write_text(CONFIG_YAML, encoding="utf-8")
    write_cifar10(Path("pycls/datasets/data/cifar10"))

    # as GETTING_STARTED.md runs it, the checkout (here: the copy) on PYTHONPATH
    env = dict(os.environ, PYTHONPATH=str(Path.cwd()),
               ZOO_PYCLS_RECORD=str(Path.cwd() / RECORD))
    code = subprocess.run([sys.executable, "tools/train_net.py", "--cfg", CONFIG], env=env,
                          check=False).returncode
    if code:
        sys.exit(code)

    # --- the truth: the meters' stats dicts, as logged, in print order ---
    rows = [json.loads(line) for line in Path(RECORD).read_text(encoding="utf-8").splitlines()]
    kinds = [row["_type"] for row in rows]
    assert kinds == (["train_iter"] * 5 + ["train_epoch"] + ["test_iter"] * 2
                     + ["test_epoch"]) * EPOCHS, kinds

    # one series a key, the four record types pooled in print order; axis: the epoch
    def points(key: str) -> list[tuple[int, float]]:
        return [(int(row["epoch"].split("/")[0]), row[key]) for row in rows if key in row]

    order = ", ".join(f"{row['_type']} {row['epoch']}"
                      + (f" iter {row['iter']}" if "iter" in row else "") for row in rows)
    write_truth("pycls", version("pycls"),
                "the stats dicts of pycls' meters (TrainMeter and TestMeter log_iter_stats, "
                "log_epoch_stats), each written as logged by lines the case adds to "
                "core/meters.py",
                {key: series(points(key), "epoch", tolerance=5e-5)
                 for key in ("top1_err", "top5_err", "loss", "lr")},
                also_ok=["time_avg", "time_diff", "eta", "mem", "min_top1_err",
                         "min_top5_err"],
                notes=f"pycls 0.1.1 from PyPI, tools/train_net.py of {SOURCE_REPO} at "
                      f"{SOURCE_COMMIT[:8]}; torch {version('torch')}. Points in print "
                      f"order: {order}")


if __name__ == "__main__":
    main()

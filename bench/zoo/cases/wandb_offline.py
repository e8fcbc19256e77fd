"""Weights & Biases 0.31.0 (``wandb``, torch 2.14.1) in offline mode: a plain PyTorch loop (a
8-16-2 MLP on synthetic data, SGD, 3 epochs of 14 batches) logging the way W&B's quickstart
does: ``WANDB_MODE=offline`` and ``WANDB_DIR`` (the cwd) set in the script's environment,
``wandb.init(project="zoo-mlp", config={...})``, ``wandb.log({"train/loss": ..., "epoch":
...})`` every 4th batch, ``wandb.log({"val/loss": ..., "val/acc": ..., "epoch": ...})`` after
each epoch, ``wandb.finish()``; ``WANDB_SILENT`` unset (W&B's default printing). Nothing
leaves the machine (offline: no login, no sync).

What it prints (stderr, each line prefixed ``wandb:``): the banner at ``init`` (``wandb:
Tracking run with wandb version 0.31.0``, ``W&B syncing is set to `offline` ...``, ``Run data is
saved locally in <cwd>/wandb/offline-run-<time>-<id>``, ``View this run in the terminal with
`wandb leet```), and at ``finish`` the footer: ``wandb: Run history:`` (one sparkline a key,
no numbers), ``wandb: Run summary:`` with one line a key (``wandb:      epoch 3``,
``wandb: train/loss 0.16722``, ``wandb:    val/acc 0.95312``, ``wandb:   val/loss 0.18197``),
then the ``wandb sync`` hint and the logs folder. The loop itself prints nothing.

The summary lines are W&B's run summary: for each key the last value logged (W&B's default
summary), printed once at the end, keys sorted, floats as ``round(value, 5)``
(``Run._footer_summary``); the summary is not a series: one value a key.

Truth: the values passed to ``wandb.log`` (kept by the script) and W&B's own record of them.
``files/wandb-summary.json`` is not written in offline mode by wandb 0.31 (its run folder holds
only ``files/requirements.txt``, ``logs/`` and the transaction log; the summary and
metadata files are written by wandb-core's sender, which offline mode does not run), so the
record read is the run's transaction log ``wandb/offline-run-*/run-<id>.wandb`` (listed in
``files``: a LevelDB-style log of protobuf ``Record``s; read here with W&B's own
``wandb.proto.wandb_internal_pb2.Record``, each chunk's CRC checked; wandb 0.31 no longer ships
a Python reader for it; ``wandb.finish()`` can return before wandb-core has flushed it, so
the script waits for its closing ``exit`` record). The script checks that its history rows
are exactly the logged dicts and that its last summary update per key is the last logged
value. Judgement calls:
- metrics: the printed summary, ``train/loss``, ``val/loss``, ``val/acc``, one point each (the
  last logged value), keyed ``step`` at W&B's ``_step`` of the row that logged it (11 for
  ``train/loss``, 12 for the val keys; the line prints no step); ``tolerance=5e-6`` (printed
  rounded to 5 decimals; the record is the exact float).
- ``epoch`` (logged alongside and printed in the summary as ``epoch 3``) is the loop's counter:
  no metric.
- file_metrics: the history the transaction log keeps, every row of each key under W&B's key,
  keyed ``step`` at ``_step`` (exact): ``train/loss`` (10 rows, every 4th batch), ``val/loss``,
  ``val/acc`` (3 rows, one an epoch). With the file read its series stands for the printed
  one-point summary. W&B's reserved keys in each row: ``_step`` (the row counter), ``_timestamp``
  (a wall-clock reading) are no metrics; ``_runtime`` (seconds since init, W&B's own timing,
  hidden from its footer like every ``_`` key) is a timing: ``also_ok``.
"""
# zoo-venv: misc2

import glob
import json
import os
import struct
import time
import zlib

os.environ["WANDB_MODE"] = "offline"
os.environ["WANDB_DIR"] = os.getcwd()

import torch
import wandb
from _truth import series, write_truth
from torch import nn
from wandb.proto import wandb_internal_pb2

torch.manual_seed(0)
x = torch.randn(512, 8)
y = (x[:, 0] - x[:, 1] > 0).long()
x_train, y_train, x_val, y_val = x[:448], y[:448], x[448:], y[448:]
model = nn.Sequential(nn.Linear(8, 16), nn.ReLU(), nn.Linear(16, 2))
config = {"lr": 0.2, "batch_size": 32, "epochs": 3, "hidden": 16}
optimizer = torch.optim.SGD(model.parameters(), lr=config["lr"])

run = wandb.init(project="zoo-mlp", config=config)
logged: list[dict] = []  # what was passed to wandb.log, in order


def log(values: dict) -> None:
    logged.append(values)
    wandb.log(values)


step = 0
for epoch in range(1, config["epochs"] + 1):
    model.train()
    for start in range(0, len(x_train), config["batch_size"]):
        batch = slice(start, start + config["batch_size"])
        loss = nn.functional.cross_entropy(model(x_train[batch]), y_train[batch])
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
        step += 1
        if step % 4 == 0:
            log({"train/loss": loss.item(), "epoch": epoch})
    model.eval()
    with torch.no_grad():
        logits = model(x_val)
        val_loss = nn.functional.cross_entropy(logits, y_val).item()
        val_acc = (logits.argmax(-1) == y_val).float().mean().item()
    log({"val/loss": val_loss, "val/acc": val_acc, "epoch": epoch})
wandb.finish()


def wandb_records(path: str) -> list[bytes]:
    """The records of a ``.wandb`` transaction log: a 7-byte header (``:W&B``, magic, version),
    then LevelDB log chunks in 32 KiB blocks (crc32 of type+data, length, type: 1 full, 2 first,
    3 middle, 4 last)."""
    with open(path, "rb") as handle:
        data = handle.read()
    assert data[:4] == b":W&B", data[:7]
    pos, pending, found = 7, b"", []
    while pos + 7 <= len(data):
        if 32768 - pos % 32768 < 7:  # a block's tail too short for a chunk header: padding
            pos += 32768 - pos % 32768
            continue
        crc, length, kind = struct.unpack("<IHB", data[pos:pos + 7])
        if pos + 7 + length > len(data):  # a chunk still being written
            break
        chunk = data[pos + 7:pos + 7 + length]
        pos += 7 + length
        if kind == 0 and length == 0:
            continue
        assert zlib.crc32(bytes([kind]) + chunk) & 0xFFFFFFFF == crc, f"bad chunk at {pos}"
        if kind == 1:
            found.append(chunk)
        elif kind == 2:
            pending = chunk
        elif kind == 3:
            pending += chunk
        elif kind == 4:
            found.append(pending + chunk)
    return found


def parsed_records(path: str) -> list:
    """The log's records once wandb-core has written its closing ``exit`` record:
    ``wandb.finish()`` can return before wandb-core flushes the log (seen about one run in
    twenty reading a log with no history yet), so wait for it, up to a minute."""
    for _ in range(600):
        found = []
        for raw in wandb_records(path):
            record = wandb_internal_pb2.Record()
            record.ParseFromString(raw)
            found.append(record)
        if found and found[-1].WhichOneof("record_type") == "exit":
            return found
        time.sleep(0.1)
    raise SystemExit(f"{path}: no exit record after a minute")


(log_path,) = glob.glob("wandb/offline-run-*/run-*.wandb")
history: list[dict] = []
summary: dict = {}
for record in parsed_records(log_path):
    kind = record.WhichOneof("record_type")
    if kind == "history":
        history.append({item.key or "/".join(item.nested_key): json.loads(item.value_json)
                        for item in record.history.item})
    elif kind == "summary":
        for item in record.summary.update:
            summary[item.key or "/".join(item.nested_key)] = json.loads(item.value_json)

RESERVED = ("_step", "_timestamp", "_runtime")
assert [row["_step"] for row in history] == list(range(len(logged))), history
for row, values in zip(history, logged, strict=True):
    assert {k: v for k, v in row.items() if k not in RESERVED} == values, (row, values)
KEYS = ("train/loss", "val/loss", "val/acc")  # epoch: the loop's counter
rows = {key: [(row["_step"], row[key]) for row in history if key in row] for key in KEYS}
for key in KEYS:
    assert summary[key] == rows[key][-1][1], (key, summary[key])

write_truth(
    "wandb", wandb.__version__,
    f"the values passed to wandb.log, as {log_path} keeps them (history rows; the printed "
    "Run summary is each key's last value)",
    {key: series(rows[key][-1:], "step", tolerance=5e-6) for key in KEYS},
    files=[log_path], also_ok=["_runtime"],
    file_metrics={key: series(rows[key], "step") for key in KEYS},
    notes="wandb 0.31 offline writes no files/wandb-summary.json; the record is the .wandb log")

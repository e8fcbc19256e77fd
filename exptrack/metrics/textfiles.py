"""Framework metric files kept as plain text lines (see ``files``): torchtune's
``DiskLogger``, SpeechBrain's ``FileTrainLogger`` and DeePMD-kit's ``lcurve.out``."""

from __future__ import annotations

import re

from exptrack.metrics.jsonfiles import axis, lines, number
from exptrack.metrics.observation import Observation

# torchtune's DiskLogger: "Step 1 | loss:5.02 lr:0.00075 tokens_per_second_per_gpu:403.7 "
_TORCHTUNE_LINE = re.compile(r"Step (\d{1,12}) \| (.{0,4000})")
_TORCHTUNE_PAIR = re.compile(r"([A-Za-z_][\w./\-]{0,200}):(\S{1,64})")
# SpeechBrain's FileTrainLogger: "epoch: 1, lr: 1.00e-01 - train loss: 9.18e-01 - valid loss:
# 7.17e-01, valid error_rate: 2.81e-01" a line, its test "Epoch loaded: 4 - test loss: ..."
_SPEECHBRAIN_STAT = re.compile(r"([A-Za-z]\w{0,40}) ([A-Za-z][\w.\- ]{0,60}?): ([^\s,]{1,64})")
_SPEECHBRAIN_EPOCH = frozenset({"epoch", "epoch loaded"})
# DeePMD-kit's learning curve: a commented header ("#  step  rmse_val  rmse_trn  rmse_e_val
# ...  lr"), then a row of numbers a display step
DEEPMD_NAME = "lcurve.out"


def torchtune(data: bytes) -> list[Observation]:
    """torchtune's DiskLogger: ``Step N | key:value key:value`` a line, each at its step
    (the global step its recipes' bar prints as ``1|N|Loss: ...``)."""
    out: list[Observation] = []
    for line in lines(data):
        found = _TORCHTUNE_LINE.match(line)
        if found is None:
            continue
        step = int(found.group(1))
        for key, text in _TORCHTUNE_PAIR.findall(found.group(2)):
            value = number(text)
            if value is not None:
                out.append(Observation(key, value, step, None))
    return out


def speechbrain(data: bytes) -> list[Observation]:
    """SpeechBrain's ``train_log.txt``: a line an epoch, ``" - "`` between its parts, the first
    the epoch's own (``epoch: 1, lr: 1.00e-01``), each other a data set's statistics
    (``valid loss: 7.17e-01, valid error_rate: 2.81e-01``: ``valid_loss``,
    ``valid_error_rate``), at the epoch; the test's line names the epoch it loaded."""
    out: list[Observation] = []
    for line in lines(data):
        meta, *parts = line[:4000].split(" - ")
        pairs = [pair.partition(": ") for pair in meta.split(", ")]
        epoch = next((axis(number(value)) for key, _, value in pairs
                      if key.strip().lower() in _SPEECHBRAIN_EPOCH), None)
        if epoch is None:
            continue
        out += [Observation(key.strip(), value, None, epoch) for key, _, text in pairs
                if key.strip().lower() not in _SPEECHBRAIN_EPOCH
                and (value := number(text)) is not None]
        out += [Observation(f"{stage}_{key.replace(' ', '_')}", value, None, epoch)
                for part in parts for stage, key, text in _SPEECHBRAIN_STAT.findall(part)
                if (value := number(text)) is not None]
    return out


def deepmd(data: bytes) -> list[Observation]:
    """DeePMD-kit's ``lcurve.out``: each column of a row at the row's ``step``, named as the
    header names it (``rmse_e_val``, ``rmse_f_trn``, ``lr``; as ``dp`` prints the file's
    table). A restarted training writes its header again; a row of another width than
    its header (cut short) is left out."""
    out: list[Observation] = []
    names: list[str] = []
    for line in lines(data):
        if line.startswith("#"):
            words = line[1:].split()
            if words[:1] == ["step"]:
                names = words
            continue
        cells = line.split()
        if not names or len(cells) != len(names):
            continue
        step = axis(number(cells[0]))
        out += [Observation(name, value, step, None)
                for name, text in zip(names[1:], cells[1:], strict=True)
                if (value := number(text)) is not None]
    return out

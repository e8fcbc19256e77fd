"""Whole lines a program prints about itself rather than about its training: configuration
(``task=detect, model=yolov8n.pt, epochs=2``), settings assigned with spaced signs
(``dropout = 0.2``, ``Num examples = 3668``) and the rows of a matrix of bare numbers
(``  Wife   56.0   75.0``). ``rules`` asks these before it reads a line's numbers.

The regexes are anchored or bounded by a line's text: linear.
"""

from __future__ import annotations

import re

from exptrack.metrics import forms, names, remarks
from exptrack.metrics.phasewords import EPOCH_KEYS, STEP_KEYS

# the label of a row of bare numbers in aligned columns ("  Wife   56.0   75.0")
_ROW_LABEL = re.compile(r"^\s*[\[A-Za-z][\w.\-\]]*(?: [\w.\-\]]+)*(?:\s\s|\t)\s*$")
# a key and its number: an evaluation's record with a few text fields among many numbers
# ("teacher/coco/bbox_mAP: 0.0350 ... teacher/coco/mv_aggregation_method: none") reports
_NUMBER_ASSIGN = re.compile(r"[A-Za-z_][\w./\-]{0,80}\s?[=:]\s{0,2}[+-]?\.?\d")
# a feature switched on and its settings ("[LR] MultiStepLR enabled | initial=0.0002
# milestones=[16, 27] gamma=0.3", "[MaskAug] enabled | acc=[4, 8] random_ratio=0.0")
_SWITCHED_ON = re.compile(r"^\s{0,8}(?:\[[\w\- ]{1,30}\]\s{1,4})?(?:[\w\-.]{1,40} ){0,3}"
                          r"(?:enabled|disabled|activated|ON|OFF)\s?[|:,]\s")

# an object set up with its settings: torchtitan's "Trainer is initialized with local batch
# size 8, global batch size 8, ..., sequence length 128, total steps 20 (warmup 2)"
_INITIALIZED = re.compile(r"(?i)\binitiali[sz]ed with (?:[a-z][a-z ]{0,40} )?\d"
                          r"|\bused for computing [A-Za-z]{1,20}: "  # (its "Peak FLOPS used for
                          # computing MFU: 3.120e+14": the device's figure the MFU is computed
                          # with; UDPipe's "Parser network options: iterations=3, ...")
                          r"|\boptions: [A-Za-z_]\w{0,40}=")


# Printed configuration: "lr = 0.1", "learning_rate : 0.001", "hyperparameters: lr0=0.01, ..."
SPACED_ASSIGN = re.compile(  # not a bar "Evaluate   : 100%|"; not "learning rate = 1e-4",
    r"(?<![\w./\-)\]])(?<!(?i:learning) )"  # the schedule's value printed as it changes;
    r"(?<!(?i:test) )(?<!(?i:val) )(?<!(?i:valid) )(?<!(?i:eval) )"  # a phase's value: "Test
    r"(?<!(?i:train) )(?<!(?i:training) )(?<!(?i:validation) )"  # AMRI      : -0.00855"
    r"([A-Za-z_)\]][\w./\-)\]]*)\s+[=:]\s+[+-]?\.?\d(?![\d.]*%\|)")
# ... unless a name is a metric's ("loss = 0.53, acc = 0.91", "bestTest = 0.28")
METRIC_END = re.compile(
    r"(?:^|(?<=[_/.\-])|(?<=[a-z])(?=[A-Z]))"
    r"(?i:loss|acc|accuracy|err|error|score|test|f1|auc|map|iou|reward|rmse|mae|mse|bleu|"
    r"wer|cer|ppl|perplexity|precision|recall)$")
_VALUE = re.compile(r"\s+[=:]\s+[+-]?(\d+\.\d+)(?![\d.eE])")
_BEST = re.compile(r"(?i)\bbest\b")
_PERCENT_PAIR = re.compile(r"[=:]\s?[+-]?\d{1,12}(?:\.\d{1,12})?%")


def _measured(text: str, end: int) -> bool:
    """Whether the value assigned after a name ending at ``end`` is printed with four
    significant digits or more ("medium spl = 0.2584"), as a measurement is, where a
    setting is a round figure ("lr = 0.01", "cutoff = 5.5")."""
    value = _VALUE.match(text, end)
    return value is not None and len(value.group(1).replace(".", "").lstrip("0")) >= 4


# a pair's value before a spaced sign, and the words between them (a key of its own)
_VALUE_PAIR = re.compile(r"[:=]\s?[+-]?\d[\d.]*\s")
# (one space between the words: no word splits two ways, linear per start)
_AFTER_VALUE_WORDS = re.compile(r"(?:^|\d\s)([A-Za-z][\w@\-]{0,30}"
                                r"(?: [A-Za-z][\w@\-]{0,30}){0,3}) ?$")


def settings(line: str) -> bool:
    """Whether ``line`` assigns with spaced signs and none of its names is a metric's, a
    step's or an epoch's: ``dropout = 0.2``, ``learning_rate : 0.001`` (not ``Ep. 3 : Up.
    5300 : ce-mean-words : 0.81``, nor ``0.46 [beam size = 5]``'s remark)."""
    if " = " not in line and " : " not in line:
        return False
    text = remarks.AFTER_VALUE.sub("", line)
    found = list(SPACED_ASSIGN.finditer(text))
    spaced = [m.group(1) for m in found]
    # a line's key of two words ("Sq Rel : 0.04", depth estimation's squared relative error)
    phrases = [text[:m.end(1)] for m in found[:1]
               if len(text[:m.start(1)].split()) == 1 and m.start(1) < 40]
    for m in found:  # StarSpace's "hit@1: 0.48 hit@10: 1 mean ranks : 1.52": a report's
        words = _AFTER_VALUE_WORDS.search(text, 0, m.end(1)) \
            if _VALUE_PAIR.search(text, 0, m.start(1)) else None  # key, its words after
        if words is not None:  # the value before it (a plural's mean: "mean ranks")
            phrases += [words.group(1).strip(), words.group(1).strip().removesuffix("s")]
    if len(_PERCENT_PAIR.findall(text, 0, 400)) >= 2:
        return False  # percentages assigned: a report's (Tesseract's "At iteration 100/100/100,
        # Mean rms=7.383000%, delta=40.118000%, ..., New best BCER = 99.939000 wrote ...")
    if any(_measured(text, m.end(1)) and not _BEST.search(text, max(0, m.start(1) - 40),
                                                            m.end(1)) for m in found):
        # (not a best so far, nor YOLOv5's "Best Possible Recall (BPR) = 0.9946" of anchors)
        return False
    return bool(spaced) and not any(
        METRIC_END.search(name) or names.metric_like(name) or name.lower() in EPOCH_KEYS
        or name.lower() in STEP_KEYS for name in spaced) \
        and not any(names.metric_like(phrase) for phrase in phrases)


# a line that opens with its step or epoch ("step: 0 train_loss: 7.45 prediction: ['<img_alt=
# Towards a New Vision: A ...']"): a record, whatever text assignments its sample output holds
_LEADING_COUNTER = re.compile(r"(?i)\s{0,8}(?:step|epoch|iter|iteration)\s?[:=]?\s?\d{1,12}[\s,|]")


def configuration(line: str) -> bool:
    """Whether ``line`` is printed configuration: two ``name=text`` pairs or more, not a
    stepped record (nor a line that opens with its step), counted texts or a results
    record."""
    if _SWITCHED_ON.match(line) or _INITIALIZED.search(line):
        return True
    texts = len(forms.TEXT_ASSIGN.findall(forms.without_for_remark(line)))
    return texts >= 2 and not forms.STEPPED_RECORD.match(line) \
        and not _LEADING_COUNTER.match(line) \
        and not forms.RAY_RESULT.search(line) \
        and not forms.COUNTED_TEXTS.search(line) and not forms.RESULTS_RECORD.search(line) \
        and len(_NUMBER_ASSIGN.findall(line)) < 6 * texts


def matrix_row(pieces: list[str]) -> bool:
    """Whether a line split by ``forms.TOKEN`` is a label and bare numbers in aligned columns
    (``  Wife   56.0   75.0``; a metric's label too: a per-class row, Weka's model's
    ``  precision   1388.875  1388.875``, pandas' report's ``accuracy  0.66  0.66  0.66``)."""
    return len(pieces) >= 5 and _ROW_LABEL.match(pieces[0]) is not None \
        and all(not text.strip() for text in pieces[2::2])

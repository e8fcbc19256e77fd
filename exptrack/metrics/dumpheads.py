"""The headings over a block of ``key: value`` lines (``dumps`` reads the block, ``slowpath``
the lines under them): a log record's message behind its prefix (``message``), the phase a
section heading names for its keys (``heading_phase``), a phase's error as a heading
(``error_heading``), an epoch's summary (``epoch_heading``), a report of its own
(``fresh_report``), a rule under a heading (``is_rule``), a tree's branch (``BRANCH``).
Regexes anchored or bounded, no nested quantifiers: linear."""

from __future__ import annotations

import re

from exptrack.metrics.phases import generic

# a log record's prefix before its message: "INFO:__main__:", "2024-01-02 ... - INFO - "
_LEVEL = re.compile(r"\b(?:INFO|WARNING|DEBUG)(?::[\w.\-]{1,60}:|\s[-:|]\s|\]\s)")
# ... and the logger's name after it ("... - INFO - __main__ -   ***** Eval results *****",
# Hugging Face examples': a heading of results, whose keys keep their names)
LOGGER = re.compile(r"^[\w.]{1,60}\s[-:|]\s+")


# a record's time alone before its message (TorchDrug's "%(asctime)-10s %(message)s" with
# "%H:%M:%S": "06:10:58   hits@1: 0.0871711")
# (ParlAI's under a terminal, a bar after it: "17:52:37 |     adam_eps: 1e-08", its "Opt:"
# listing; not a level's column after the bar, "15:20:34 | INFO     |     Mean stops: 1.29")
CLOCK = re.compile(r"^\d\d:\d\d:\d\d\s{1,8}(?:\|\s{1,8}(?!INFO|WARNING|DEBUG|ERROR))?(?=\S)")


def message(line: str) -> str:
    """A log record's message: the line after a logging prefix ("INFO:__main__:", "... -
    INFO - ", a time alone), stripped."""
    text = CLOCK.sub("", line.strip(), count=1)
    level = _LEVEL.search(text[:80])
    return text[level.end():].strip() if level else text


# Hugging Face's ``trainer.log_metrics(split, metrics)`` heading (its example scripts')
_LOG_METRICS = re.compile(r"\*{5} (\w{1,40}) metrics \*{5}")


def fresh_report(line: str) -> bool:
    """Does this heading open a report of its own, though its values may repeat earlier
    ones? Hugging Face's ``***** eval metrics *****`` (``predict``, ``test``, ...) is the
    closing ``evaluate()``'s, an evaluation of its own (it repeats the last epoch's loss
    when the model is unchanged, with a runtime of its own), whose dict line the Trainer
    prints only without bars (``disable_tqdm``: then the block repeats that line);
    ``***** train metrics *****`` prints ``train()``'s last logged dict again."""
    found = _LOG_METRICS.fullmatch(message(line))
    return found is not None and found.group(1) != "train"


def is_rule(line: str) -> bool:
    """A rule drawn between a heading and its keys ("=====", after a log prefix too)."""
    text = message(line)
    return len(text) >= 3 and not text.strip("=-*#~_")


_PHASE_HEADING = re.compile(
    r"(?i)^(?:[\W_]{0,8}|[-=*#]{9,40})(?:(?:train|training|val|valid|validation|test|testing|dev)-[A-Za-z0-9]{1,5}\s"
    r"|[A-Za-z]+\s){0,3}(?:\d{1,7}(?:/\d{1,7})?\s)?(?:[-:]\s)?"  # "Epoch 15 -
    r"(?<!cross\s)"
    r"(?P<phase>training|train|evaluation|eval|validation|valid|val|testing|test|dev)"
    r"(?:\s(?:set|split|results?|metrics|scores?|error))?"  # ("Test Error:", PyTorch's
    # Quickstart tutorial, over " Accuracy: 12.5%, Avg loss: 2.298702"; not EvalML's "Starting
    # cross validation", over its folds' "Finished cross validation - mean Log Loss Binary")
    # PyHealth's Trainer: "--- Eval epoch-0, step-1 ---" over "f1_samples: 0.19", "loss: 12.2"
    r"(?:\s(?:epoch|step)-\d{1,7}(?:,\sstep-\d{1,9})?)?"
    r"\s?:?(?:[\W_]{0,8}|[-=*#]{9,40})$")  # Val metrics:"; CHGNet's "---------Evaluate Model
# on Test Set---------------" over its test line
_PHASE_NAMES = {"training": "train", "train": "train", "testing": "test"}
# a phase's error as a heading, no value after it: PyTorch's Quickstart tutorial prints
# "Test Error: \n Accuracy: 12.5%, Avg loss: 2.298702 \n", the values on the next line
_ERROR_HEADING = re.compile(r"(?i)^\s{0,8}(?:train|training|val|valid|validation|test|testing"
                            r"|dev|eval)\s+error\s?:\s*$")


def error_heading(text: str) -> bool:
    """Is ``text`` a phase's error as a heading over the next line's values (``_ERROR_HEADING``)?"""
    return _ERROR_HEADING.match(text) is not None


# a banner between long rules that names a phase: CHGNet's "---------Evaluate Model on Test
# Set---------------" over its "**  e_MAE (0.440) <TAB>f_MAE (0.807) ..." line
_BANNER = re.compile(r"^\s{0,8}[-=*#]{5,40}[A-Za-z][A-Za-z ]{0,60}[-=*#]{5,40}\s*$")


def labels_next(text: str) -> bool:
    """Does a heading name the phase of the next line's values: a phase's error ("Test
    Error: "), a banner between rules ("-----Evaluate Model on Test Set-----")?"""
    return error_heading(text) or _BANNER.match(text) is not None


_SET_BEFORE = re.compile(r"(?i)\b(?P<phase>(?:training|train|validation|valid|val|testing|test|dev)"
                         r"(?:-[A-Za-z0-9]{1,5})?) set ")  # (LibriSpeech's "test-clean", "Test-II")
# a phase's tag and its epoch alone on a line, over that phase's keys (the Flax NNX
# segmentation tutorial's "[val] epoch: 1/50", then " - Mean IoU: 0.3287")
_TAG_EPOCH = re.compile(r"(?i)^\[(?P<phase>train|training|val|valid|validation|test|eval)\]\s{1,4}"
                        r"epoch\s?:?\s?\d{1,7}(?:/\d{1,7})?\s*$")
# sentence-transformers' retrieval evaluator: "Score-Function: cosine" over that similarity's
# "Accuracy@1: 75.22%", ... (its own keys: "cosine_accuracy@1")
_SCORE_FUNCTION = re.compile(r"(?:^|\s-\s)Score-Function: ([A-Za-z][\w\-]{0,30})$")


# a tree's branch: "│   ├── ", "└── " (the parser reads "│" as " | ")
BRANCH = re.compile(r"[\s\u2502|]{0,16}[\u251c\u2514]\u2500\u2500 ")


def heading_phase(line: str) -> str | None:
    """The phase a section heading names for the keys under it ("📊 Evaluation Results:",
    "Validation metrics:", "... - Evaluation Results - Train Set"), as printed but for
    ``training``/``testing`` (``train``/``test``, as a phase word before a name gives them);
    None for other headings."""
    text = message(line)
    scored = _SCORE_FUNCTION.search(text) if "Score-Function: " in text else None
    if scored is not None:
        return scored.group(1)
    tagged = _TAG_EPOCH.match(text) if text[:1] == "[" else None
    if tagged is not None:  # "[val] epoch: 1/50" over " - total loss: 1.4837"
        return _PHASE_NAMES.get(tagged.group("phase").lower(), tagged.group("phase").lower())
    branch = BRANCH.match(text)  # a tree's branch: SuperGradients' "├── Train" over its keys
    text = text[branch.end():] if branch is not None else text
    found = _PHASE_HEADING.match(text) if len(line) < 120 else None
    if found is None or not (text.endswith(":") or found.group(0) != found.group(0).rstrip(
            "=-*#: ") or " - " in text or len(found.group(0).split()) > 1
            or line[:1] == "\t" or branch):  # (ProtoPNet's "\ttrain" over "\tcross ent: \t0.18")
        return None  # a lone word ("Training") is no heading of a block of keys
    named = _SET_BEFORE.search(text)  # "Dev set evaluation": the data set's phase, not
    if named is None and generic(text, found.start("phase")):  # the evaluation's
        return ""  # "CLASSIFIER EVALUATION METRICS": a heading over keys named as printed
    phase = (named or found).group("phase").lower()
    return _PHASE_NAMES.get(phase, phase)


_EPOCH_HEADING = re.compile(r"(?i)(?:^|\s|\])(?:this|the|end of|whole)\s(?:the\s)?epoch"
                            r"(?:'s)?(?:\s(?:summary|results?|stats|metrics))?\s?:$")


def epoch_heading(line: str) -> bool:
    """A heading over an epoch's summary ("this epoch:", "End of epoch:")."""
    return len(line) < 120 and _EPOCH_HEADING.search(line.rstrip()) is not None

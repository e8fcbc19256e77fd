"""The name of a value: the text right before a number that names it, with the words and
the phase phrase before it that belong to it (``find_name``), a word in brackets before its
value as a key (``bracketed_key``). Regexes run on bounded text (the 120 characters before a
number) with no nested quantifiers over the same characters.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from exptrack.metrics import abbrev, names, qualifiers
from exptrack.metrics.around import (
    STOPWORDS,
    WORDS_BEFORE,
    measure_unit,
    words_before,
)
from exptrack.metrics.counterkeys import INDEX_WORDS
from exptrack.metrics.kinds import EPOCH, STEP
from exptrack.metrics.phases import PHASE_WORDS_BEFORE
from exptrack.metrics.phasewords import COUNTER_KEYS, EPOCH_KEYS, STEP_KEYS, WORD_PHASES

is_denied = names.denied

# two phases glued in parentheses after a name, a pair of values after it (BCNN's
# "Accuracy(Train/Valid):97.7/78.6%": ``slashpairs`` splits it)
_PHASE_WORD = r"(?:[Tt]rain|[Tt]raining|[Vv]al|[Vv]alid|[Vv]alidation|[Tt]est|[Dd]ev|[Ee]val)"
_PHASE_PAIR = _PHASE_WORD + "/" + _PHASE_WORD
# a unit in square brackets after a name, no part of it: OpenGS-SLAM's "RMSE ATE [m] 1.0073",
# "PSNR [dB]: 30.1" (``settle.lone_pair`` drops it from the field it compares)
BRACKET_UNIT = r"\s\[(?:[cmk]?m|m?s|sec|min|h|dB|%|px|deg|rad|[KMG]i?B|Hz)\]"
_NAME_BEFORE = re.compile(
    r"""(?:^|(?<=[\s{(\[\],;|*<>])|(?<=^/)|(?<=^-)|(?<=---)|(?<===)|(?<=\s@)|(?<=^#)|(?<=\s#)|(?<=\.\.))['"]?"""
    # "epoch=0/global_step=5": after "N/"; after a rule's dashes ("---Epoch:200/200") or a
    # banner's "==" ("==epoch: 0==");
    # FuxiCTR's "Train loss @epoch 1": after " @"; libFM's "#Iter=  0": after a word's "#";
    # insightface's "03:09:46,211-Speed 726.28": after a timestamp's "-" or "]"; a key path
    # may open with "_" (Catalyst's "_base/lr=0.005"; not W&B's "_runtime"); after an
    # ellipsis, and never across one (gotch's "Start eval...Epoch: 0")
    r"""(?P<name>(?:[A-Za-z][\w.\-/@]*'s\s)?(?:_(?=[^\W\d_]\w{0,30}/))?(?:\d{1,3}(?=[a-z]{1,8}[=:])|\d{1,4}_(?=[a-z][a-z0-9]{0,8}[=:]))?[^\W\d_]"""
    r"""(?:(?:[\w\-/@]|\.(?!\.)|(?<=[\d.]):(?=[\d.])|(?<=[a-z]):(?=[a-z]))*[\w@])?(?:(?<=[A-Za-z])\.(?=\s))?"""
    # a unit or a qualifier glued to the name: "bch(ms)", "PSNR(no-noise)", a GAN's D(G(z))
    r"""(?:(?<=[A-Za-z])\((?:[A-Za-z%/](?:[A-Za-z%/\-]{0,7}[A-Za-z%/])?"""
    r"""|[A-Za-z]{1,3}\([A-Za-z]{1,3}\)|""" + _PHASE_PAIR
    # a class's name: PaddleClas' "lr(LinearWarmup)", "lr(Exponential)" (its scheduler's)
    + r"""|[A-Z][a-z]{1,15}(?:[A-Z][a-z0-9]{0,15}){0,4})\))?"""
    r"""(?:(?<=[A-Za-z])(?!""" + BRACKET_UNIT + r""")\s?\[\d{0,4}[A-Za-z]\w{0,7}\]"""
    r"""(?=\s{0,2}[:=]))?"""  # JoeyNMT's "bleu[13a]:", TorchDrug's "mean absolute error
    # [alpha]:" (a task's, in a multi-task metric's key; not a unit's "[m]")
    r"""(?:\s\((?:[SML]|small|medium|large)\)(?=\s?[:=]))?)"""  # COCO's object sizes:
    # "coco/AP (M): -1.0", the TF Object Detection API's "DetectionBoxes_Precision/mAP (large) ="
    r"""(?:(?<=[A-Za-z])\.(?=:\s))?"""  # an abbreviation's dot before a colon: "Acc.: 12.7"
    r"""(?P<shut>(?<=[\w@])\](?=[:=]|\s$))?"""  # "[epoch]: 199, [loss]: 4.85": a bracketed key
    r"""#?['"]?(?P<unit>\s\((?:[A-Za-z%/]{1,6}\.?|in %|in [A-Za-z]{1,12}(?:\^\{\d\}|\^?\d)?"""
    r"""|(?:weighted|samples|micro|macro) avg"""  # "MSE (in L^{2}):", "PSNR (in dB):"
    r"""|(?i:normali[sz]ed|unscaled|uncentered|adjusted|overall|average|top-\d{1,2})"""
    r"""|weighted|samples"""  # "(in %)": TAO's
    r"""|[A-Za-z]{1,12}/[A-Za-z/]{1,12})\)"""
    # ... or a qualifier's words ("F1 (Rec only):", "training loss (in-iteration):", "Fold
    # score (accuracy):"), kept with a metric's name (``find_name``)
    r"""|(?P<phrase>\s\([A-Za-z][A-Za-z0-9_\-]{0,20}(?: [A-Za-z][A-Za-z0-9_\-]{0,20}){0,3}\)"""
    r"""(?=\s*[:=])))?"""
    r"""(?:""" + BRACKET_UNIT + r""")?"""  # a unit in square brackets, dropped
    r"""(?P<sep>\s*(?:[:=]|::)\s*|\s->?\s|(?<=[A-Za-z])->\s|(?<=\w)>>\s|\s+|(?<=[Ee]poch)-|(?<=EPOCH)-|(?<=[Ss]tep)-|(?<=STEP)-"""
    r"""|(?<=[A-Za-z])---)"""
    r"""['"]?$""")  # dlib's
# "step#:", XLM's "valid_en-fr_mt_ppl -> 9790.19", ImageAI's "box loss-> 0.087",
# deformableLKA's "Loss>> 0.19", AST's "Epoch-1 lr:", "step-146352, lr=...",
# LESPS' "Epoch---141, total_loss---0.58"
_SUBSCRIPT = re.compile(r"\w\[$")
_TASK = re.compile(r"\s?\[\w{1,12}\]$")  # the bracket the name's pattern takes: "bleu[13a]"
# a counter's word after "for the next": what a value is for, not the counter's key
_NEXT_BEFORE = re.compile(r"(?i)\bfor (?:the )?next $")
# an environment variable, whatever its name says ("Set the environment variable
# HYDRA_FULL_ERROR=1 for a complete stack trace.")
_ENV_BEFORE = re.compile(r"(?i)\benv(?:ironment)?[ _]var(?:iable)?s?\s$")
_PER_WORD = re.compile(r"(?:^|(?<=\s))(per-[A-Za-z]{1,20}) $")  # "per-step time": qualifies
# names that only point at the value: "loss is 2.5" is loss; "value" stays a word of the name
# ("lm loss value: 8.4" is lm_loss_value, as six held-out sets name Megatron's)
_FILLERS = frozenset({"value", "values"})
# a bracketed tag's end and a few words before a name ("[ Epoch 450 (train) ]: train ")
_TAG_END = re.compile(r"[\])]:\s(?:[A-Za-z][\w\-]{0,30}\s){0,2}$")
# "train loss in this epoch: 0.77": the period a quantity was measured over, not its key
# memory "allocated so far": the peak, the figure itself (icefall's "Maximum memory
# allocated so far is 6633MB" is maximum_memory_allocated, as three held-out sets name it)
_PEAKS = frozenset({"allocated", "reserved", "memory", "mem", "used"})
_PERIODS = frozenset({"epoch", "iteration", "iter", "step", "batch", "round"})
_OVER_PERIOD = re.compile(r"(?i)(?:^|(?<=\s))(?:in|for|of|during|over) (?:this|the current) $")
_FIELD_START = re.compile(r"(?:^\W*|[|,;\t]\s*|\s\s|\s-\s)$")
_JULIA_INFO = re.compile(r"^\W{0,4}Info:\s$")  # "[ Info: Loss is 2.291", "┌ Info: Loss is 1.1"

# "NAME in UNIT: value" (BioNeMo's "train_step_timing in s"): the name keeps its unit
_UNITS = frozenset({"s", "ms", "us", "sec", "secs", "seconds", "min", "mins", "minutes", "h",
                    "hours", "mb", "gb", "kb", "mib", "gib", "bytes", "percent"})
_SPACED_RATE = re.compile(r"(?:^|(?<=[\s,;|]))(?P<name>(?:[A-Za-z]{2,12}\.? )?[A-Za-z][\w\-]*) / $")
_IN_UNIT = re.compile(r"(?:^|(?<=[\s,;|]))(?P<name>[A-Za-z][\w./\-]*) in $")
# a duration's unit or the epochs' word before its participle, opening a field or a sentence
# ("Seconds required: 0.001", CRFsuite's; "Training neural network. Epochs trained: 12",
# sbi's): the word names it with it
_UNIT_FIRST = re.compile(r"(?i)(?:^\s*|[,;|]\s?|\.\s)(?P<unit>seconds|secs|minutes|hours"
                         r"|epochs) $")
_PARTICIPLES = frozenset({"required", "elapsed", "taken", "spent", "trained"})
# a snake_case name before a phase word ("val_loss valid: 13.879"), after a field boundary
_SNAKE_BEFORE = re.compile(
    r"(?:^\s*|[,;|\t]\s?|\s\s)(?P<word>[A-Za-z][A-Za-z0-9]*(?:_[A-Za-z0-9]+)+) $")
_TOP_BEFORE = re.compile(r"(?i)(?:^|\W)top[\s\-]$")  # "top 5 accuracy": a name round a number
_GLUED_UNIT = re.compile(r"\((?:in )?[A-Za-z%/]{1,25}\.?\)$|\([A-Za-z]{1,3}\([A-Za-z]{1,3}\)\)$")
# "Epoch Time(s)", "GPU (TFLOP/s/GPU)", a GAN's "Mean D(G(z))"


def at_field_start(before: str) -> bool:
    """Does a name start a field (after a separator, not after other words)?"""
    return _FIELD_START.search(before) is not None


def at_end(pattern: re.Pattern[str], text: str, group: str | int,
            bound: int = 80) -> tuple[str, int] | None:
    """``pattern`` searched in the last ``bound`` characters of ``text``: its ``group``
    and where that starts in ``text``."""
    tail = text[-bound:]
    found = pattern.search(tail)
    return None if found is None else (found.group(group),
                                       len(text) - len(tail) + found.start(group))


def counted(name: str) -> tuple[int, ...]:
    """The kinds of the two numbers of a "N/M" value whose key names them: an epoch and a
    step (fastreid's "epoch/iter: 19/5159"), or a step over its total (ms-swift's
    "'global_step/max_steps': '46/176'", the total no metric), or a loop's index over its
    total (char-rnn's "i = 822990 / 973300"); () for other keys."""
    first, _, second = name.lower().partition("/")
    if first in EPOCH_KEYS and second in STEP_KEYS:
        return EPOCH, STEP
    return (STEP,) if (first in STEP_KEYS and second.startswith(("max_", "total_", "num_"))) \
        or name == "i" else ()


# "time (data): ", "Discriminator Accuracy (Loss): ": a second name in parentheses, for a
# second value in parentheses after the first
_PAIRED = re.compile(r"(?P<head>(?:[A-Za-z]\w* ){0,3})[A-Za-z]\w* \((?P<second>[A-Za-z]\w{0,30})"
                     r"\)\s?[:=]\s*$")


def paired_name(pieces: list[str], index: int, left_at: int) -> tuple[str, int, int] | None:
    """The name of the value in parentheses after the one at ``index`` ("time (data): 1.923
    (0.442)" -> ``data``; "Discriminator Accuracy (Loss): 1.0 (0.008)" ->
    ``Discriminator_Loss``), with where it stands in the line; ``left_at`` is where the text
    before the first value starts."""
    left = pieces[index - 1]
    if index + 3 >= len(pieces) or pieces[index + 1] != " (" \
            or not pieces[index + 3].startswith(")") or ")" not in left:
        return None
    found = _PAIRED.search(left, max(0, len(left) - 80))
    if found is None:
        return None
    at = left_at + found.start("second")
    return (normalize_name(found.group("head") + found.group("second")), at,
            at + len(found.group("second")))


def index_between(pieces: list[str], index: int) -> bool:
    """Is the number at ``index`` an iteration printed between a name and its value
    (Tacotron 2's "Train loss 64999 0.314525", "Validation loss 64000: 0.31")?"""
    return index + 2 < len(pieces) and pieces[index].isdigit() \
        and pieces[index + 1] in (" ", ": ", ":  ") and "." in pieces[index + 2] \
        and not pieces[index + 2].startswith(".") \
        and (index + 3 >= len(pieces) or pieces[index + 3][:1] in ("", " ", "\t", ",", "|"))


def normalize_name(name: str) -> str:
    name = name.strip("'\"")
    if "'s " in name:
        name = name.replace("'s ", "_")
    return name.replace(" ", "_")


# a quoted key of words (a dict's, a JSON object's), its name whole
_SPACED_KEY = re.compile(r"""(?:^|(?<=[\s{,]))(?P<q>['"])(?P<name>[A-Za-z][\w\-/@.]{0,30}"""
                         r"""(?: [\w\-/@.]{1,30}){1,6})(?P=q)(?P<sep>\s?:\s{0,8})['"]?$""")
# (its value quoted too: MONAI's "{'Epoch': 50, 'Avg Epoch Loss': '0.0821'}")


_NORM = re.compile(r"(?:^|(?<=\s))\|(?P<name>[A-Za-z]\w{0,10}(?: [A-Za-z]\w{0,10})?)\|"
                   r"(?P<sep>\s?=?\s{1,4})$")


class Name(NamedTuple):
    name: str
    sep: str
    start: int  # where the name's text starts in the tail (words, phase phrase included)
    end: int
    before: str  # the tail before the name's text
    phase: str | None  # a phase phrase right before it ("train loss", "Test set accuracy")


def find_name(tail: str, first: bool, pieces: list[str], index: int) -> Name | None:
    """The name of the number after ``tail`` (the text before it), with the words and
    phase phrase before it that belong to it; None when there is none or it is a phrase."""
    if " " in tail and (key := _SPACED_KEY.search(tail)) is not None:  # JSON's "Average
        before = tail[:key.start()]  # Median Error": 2.37, a dict's 'Test Accuracy': 0.91
        whole = normalize_name(key.group("name"))
        if not names.metric_like(whole) or whole[:11].lower() == "cumulative_":
            return None  # "Bony Fish": 314, "dataset length": a count; a running sum
        return Name(whole, key.group("sep"), len(before), key.end("name"), before, None)
    if tail[-2:-1] == "|" or tail[-3:-2] == "|" or tail[-4:-3] == "|":
        norm = _NORM.search(tail)  # a norm's bars: LIBLINEAR's "f 3.5e+02 |g| 5.6e+04",
        if norm is not None and not tail[:norm.start()].strip():  # L-BFGS-B's "|proj g|=
            # 5.17D-01": a field of its own after a value (not a phrase's "max |r_H| = ")
            return Name(f"|{normalize_name(norm.group('name'))}|", norm.group("sep"), norm.start(),
                        norm.end("name") + 1, tail[:norm.start()], None)
    match = _NAME_BEFORE.search(tail)
    if match is None:
        return None
    raw_name, sep, end = match.group("name"), match.group("sep"), match.end("name")
    if raw_name in ("AM", "PM", "am", "pm") and index >= 3 and pieces[index - 3].endswith(":") \
            and not tail[:match.start()].strip():
        return None  # "Epoch 42 @ 01:04 PM : 0.9488 C.E. Loss": a clock's half of the day
    if raw_name[-1:] == "." and raw_name[:-1].lower() in INDEX_WORDS:
        raw_name = raw_name[:-1]  # "## Epoch no. = 1": the index word, its dot an abbreviation's
    if match.group("phrase") is None and match.group("unit") is not None \
            and raw_name.lower() not in _FILLERS \
            and qualifiers.kept_unit(match.group("unit"), tail[:end]):  # "Data (t):",
        raw_name, end = raw_name + match.group("unit"), match.end("unit")  # "time (ms):"
    if match.group("phrase") is not None:  # a qualifier's words: a metric's own ("Average CV
        if not names.metric_like(raw_name) and not names.metric_like(  # RMSLE (excluding
                match.group("phrase").strip(" ()")):  # fold 4):", "Kesinlik (Precision):");
            return None  # else unsure ("Number of epochs (encoder):", "World size (gpu number):")
        end = match.end("phrase")  # (joined to the name with its words, at the end)
    if tail[match.start() - 1:match.start()] == "]" and index >= 3 \
            and _SUBSCRIPT.search(pieces[index - 3]):
        return None  # "EvalErr[0]PerSample": a subscript, not a timestamp's "[...]"
    counter = raw_name.lower() in COUNTER_KEYS  # a step's or an epoch's key
    if counter and _NEXT_BEFORE.search(tail[max(0, match.start() - 30):match.start()]):
        return None  # "Learning rate for next epoch: 0.003": a phrase's word, no counter
    if match.group("shut") and (tail[match.start("name") - 1:match.start("name")] != "[" or (
            not sep.strip() and not counter and not bracketed_key(raw_name, pieces[index]))):
        return None  # "Epoch[1/3]:" is no key; "[loss]:" is, and QD-DETR's "[Epoch] 001"
    if match.group("shut") and not sep.strip() and not counter:
        sep = "] "  # "[lr] 0.0002": its brackets mark the key as a colon would
    if (names.constant(raw_name) or _ENV_BEFORE.search(tail[max(0, match.start() - 40):
                                                           match.start()])) \
            and measure_unit(pieces[index + 1], pieces[index]) is None:
        return None  # "set the environment variable RAY_AIR_NEW_OUTPUT=0" (a time or a
        # memory figure is a measure whatever its name: "BS_TO_DEVICE: 19.9ms")
    if raw_name[:1].isdigit() and not at_field_start(tail[:match.start()]) \
            and not (sep == "=" and tail[:match.start()].endswith(": ")):
        return None  # "3px=0.24" starts a field (RAFT's "epe=48.96    3px=0.24"); not
        # "pharmacophore match 2d: 76.95%", "lambda_lap 10x: +0.1", a phrase's last word
    if not sep.strip() and not raw_name[:1].isascii() and not counter:
        return None  # a name in another script only before ":" or "=" ("成功率: 15.0%"),
        # but for a step's or an epoch's word ("Эпоха 1", "エポック 3")
    before = tail[:match.start()]
    if before.endswith("#") and not counter:
        return None  # "#relations: 0", "#params": a number of things; libFM's "#Iter=" a key
    if not sep.strip() and before in ("", " ") and index >= 2 and abbrev.is_rate_unit(raw_name):
        return None  # Sockeye's "Speed: 235.15 samples/sec 4504.66 tokens/sec": the unit of
        # the value before it, not the name of the value after it (two spaces part fields:
        # pix2pix's "step 602  image/sec 35.7  remaining 0m" names its rate)
    if len(sep) > 1 and not sep.strip() and before == " " and index >= 2 \
            and raw_name.lower() in ("s", "sec", "secs", "seconds", "ms"):
        return None  # H2O's scoring history "0.417 sec   1.0": the unit of the value before
        # it, in its column; no name of the next column's
    period = _OVER_PERIOD.search(before) if raw_name.lower() in _PERIODS else None
    if period is not None:
        before = before[:period.start()]
    if period is not None or normalize_name(raw_name).lower() in _FILLERS or (
            raw_name.lower() in names.COPULAS and not (raw_name == "IS" and sep.strip()
                                                   and not before.rstrip()[-1:].isalpha())):
        # "lm loss value: 8.4", "loss is:", "lr is 1e-4"; a GAN's "IS: 8.51" (Inception Score)
        inner = _NAME_BEFORE.search(before)
        if inner is None or inner.group("sep").strip():
            return None
        raw_name, before = inner.group("name"), before[:inner.start()]
        sep = sep if sep.strip() else f" {match.group('name')} "  # "Top-1 accuracy is 55.5"
        again = _NAME_BEFORE.search(before[:-3]) if raw_name == "far" and before.endswith(
            " so ") else None  # "avg loss so far is 0.02": the name, so far
        if again is not None and not again.group("sep").strip():
            raw_name, before = again.group("name") if again.group("name").lower() in _PEAKS \
                else f"{again.group('name')} so far", before[:again.start()]
        if match.group("name").lower() in _FILLERS:  # "lm loss value", "mean target value",
            raw_name += " " + match.group("name")  # kernlab's "Objective Function Value":
            # printed so
        joined = WORDS_BEFORE.search(before)
        if (joined is not None
                and any(w.lower() in STOPWORDS for w in joined["words"].split())) \
                or (_FIELD_START.search(field := before[:joined.start("words")] if joined
                                        else before) is None
                    and not (index == 1 and _JULIA_INFO.match(field))
                    and not _TAG_END.search(field)):  # (EasyTPP's "[ Epoch 450 (train) ]:
            return None  # train loglike is 0.34"); "found at epoch 2 with valid_loss value:
            # 0.01": prose
    unit = _IN_UNIT.search(before) if raw_name.lower() in _UNITS else None
    if unit is not None:  # "train_step_timing in s: 0.03": the unit is part of the name
        raw_name, before = f"{unit.group('name')} in {raw_name}", before[:unit.start()]
    unit = _UNIT_FIRST.search(before) if raw_name.lower() in _PARTICIPLES else None
    if unit is not None:  # "Seconds required: 0.001": the time, named by its phrase
        raw_name, before = f"{unit.group('unit')} {raw_name}", before[:unit.start("unit")]
        before = "" if before.endswith(". ") else before  # (a sentence before: no phrase's)
    spaced = _SPACED_RATE.search(before) if raw_name.lower() in _UNITS else None
    if spaced is not None:  # MLPerf SSD's "avg. samples / sec: 4035.66": a rate's name
        raw_name, before = f"{spaced.group('name')}/{raw_name}", before[:spaced.start("name")]
    snake = _SNAKE_BEFORE.search(before) if raw_name.lower() in WORD_PHASES else None
    if snake is not None:  # "val_loss valid: 13.9": the phase word qualifies the name
        raw_name, before = f"{snake.group('word')} {raw_name}", before[:snake.start("word")]
    phase = None
    phrase = PHASE_WORDS_BEFORE.search(before)
    phrased = ""
    if phrase is not None:  # "train loss", "Training set accuracy"
        phase = _phrase_phase(phrase)
        before, phrased = before[:phrase.start()], before[phrase.start():]
    single = normalize_name(raw_name).lower()
    rate = before.endswith(" per ")  # "approx flops per GPU": a rate, named by its words
    # a log-level word ends a phrase's name ("Mean absolute error  0.49"): the whole is judged
    indexed = single in INDEX_WORDS and before.rstrip().rpartition(" ")[2].lower() \
        in COUNTER_KEYS  # "Batch ID=10", "epoch no: 3": the key's index
    quoted = tail[match.start():match.start() + 1] in ("'", '"')  # "metric 'epoch_loss'="
    bare = _GLUED_UNIT.sub("", _TASK.sub("", raw_name)).replace("@", "").replace(":", "") \
        .replace(" ", "_")  # (a task's "[alpha]" aside: "mean absolute error [alpha]")
    if "_" not in bare:  # AutoAttack's "robust accuracy after APGD-CE:": a hyphened name
        bare = bare.replace("-", "_")  # takes words before it (not "Train-Flow_L2Loss")
    words = "" if quoted or not bare.replace("/", "_").isidentifier() \
        else words_before(before, bool(sep.strip()), first,
                          aligned="\t" in sep or sep.endswith("  "), name=single)
    if is_denied(single) and not rate and single not in names.NEVER_NAMES and not indexed \
            and not (words and (names.metric_like(normalize_name(words + raw_name))
                                or _REPORTED.fullmatch(words.strip()) is not None
                                or (single == "best" and words.strip().lower() == "current"))):
        # (mealpy's "Current best: 2.7e12, Global best: ...": this generation's best)
        words = ""  # "Gen Loss Total : 25.9" is a loss, "batch total: 16" a count
    if words is None or (before == " " and index >= 3 and pieces[index - 2].isalpha()
                         and re.search(r"[A-Za-z] $", pieces[index - 3]) is not None):
        return None  # "number of skipped iterations: 0", "of nan iterations: 0": a phrase
    if before == " " and index >= 3 and _TOP_BEFORE.search(pieces[index - 3][-40:]):
        return None  # "Test top 5 accuracy: 80.9%": the number is inside the name
    if words and words.strip().lower() in _SET_STATISTICS and pieces \
            and _SET_LABEL.match(pieces[0]):
        words = ""  # pytorch-cifar100's "Test set: Epoch: 1, Average loss: 0.0461": the set's
        # mean, as the MNIST example's "Test set: Average loss:" (test_loss)
    if words:
        before = before[:len(before) - len(words)]
        lead = words.split()[0].lower().rstrip(".")  # "Train. Total Loss:"
        if lead == "best" and not before.strip() and any(
                w.lower() in WORD_PHASES and not w.lower().startswith("train")
                for w in (words + phrased).split()[1:]):
            return None  # "Best validation set accuracy: 0.93": a running best
        if lead in WORD_PHASES and phase is None:  # "Test loss:", "Train Epoch:"
            phase = WORD_PHASES[lead]
            words = words.split(None, 1)[1] if len(words.split()) > 1 else ""
        elif phase is not None and words.strip():  # "Mean training loss": as printed
            words, phase = words + phrased, None
        raw_name = words.replace(". ", " ") + raw_name
        late = PHASE_WORDS_BEFORE.search(before) if phase is None else None
        if late is not None and not before[:late.start()].strip():  # "VAL  median NSE:", its
            phase = _phrase_phase(late)
            before = before[:late.start()]  # phase word in a column of its own
    if indexed and not words:  # "Epoch number 0/9", "Epoch no 3": the key and its index word
        head = before.rstrip().rpartition(" ")[2]
        raw_name, before = f"{head} {raw_name}", before[:len(before.rstrip()) - len(head)]
    if before[-5:].lower() == "best " and (len(before) == 5 or not before[-6].isalnum()):
        return None  # "Training complete! Best val loss: 0.0282": a running best
    per = _PER_WORD.search(before) if not words and before.endswith(" ") else None
    if per is not None:  # "per-step time 0.83s": the quantity is per step
        raw_name, before = f"{per.group(1)} {raw_name}", before[:per.start(1)]
    if raw_name.rpartition(" ")[2].lower() in PREPOSITIONS:
        return None  # "Found learning rate of: 0.0001": a sentence's words, no name
    return Name(normalize_name(raw_name + qualifiers.kept_phrase(match.group("phrase"), raw_name)),
                sep, len(before), end, before, phase)


PREPOSITIONS = frozenset({"of", "to", "for", "by", "with", "from"})  # a sentence's, no name's
# a data set's label opening the line, and the statistic word a value's name opens with
_SET_LABEL = re.compile(r"(?i)^\s{0,8}(?:train|training|val|valid|validation|test|eval|dev) set: ")
_SET_STATISTICS = frozenset({"average", "avg", "mean", "avg."})
# the one word that makes a result a reported value: NNI's "Intermediate result: 0.288
# (Index 0)" and "Final result: 0.238" (a bare "result: 3" names nothing)
_REPORTED = re.compile(r"(?i)final|intermediate|overall")


def _phrase_phase(phrase: re.Match[str]) -> str:
    """The phase a phrase before a name says (``PHASE_WORDS_BEFORE``): "Training set " is
    train's, "test_2 " test_2's."""
    index = phrase.group("index") or ""
    return WORD_PHASES[phrase.group("phase").lower()] + (
        f"_{index[1:-1]}" if index.startswith("(") else index)  # "Val(step1) ": val_step1


def bracketed_key(name: str, value: str) -> bool:
    """Is a word in brackets before its ``value``, no colon between ("[lr] 0.0002", "[val]
    -0.599", "[topic_diversity] 0.93"), a key: a metric's word, a phase's, or a snake_case
    identifier before a fraction? (Not a tag: "[INFO] 3", "[rank0] 12", "[GPU] 0"; nor a
    label's index, "[fold_0] 039/200", nor a code or a count, "[return_code] 0".)"""
    low = name.lower()
    if low in WORD_PHASES or low in ("lr", "learning_rate"):
        return True
    if "." not in value:  # a whole number: a metric's own word alone ("[score] 5")
        return "_" not in name and names.metric_like(name)
    return names.metric_like(name) or ("_" in name.strip("_") and name.islower()
                                       and not any(c.isdigit() for c in name)
                                       and not names.denied(name))

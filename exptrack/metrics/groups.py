"""Keys a line groups under a name, and unit words that are a key.

``group_spans``: icefall/k2 prints ``loss[ctc_loss=0.76, att_loss=0.73, loss=0.74, over
2223 frames.], tot_loss[ctc_loss=1.09, ...]``: the keys inside ``NAME[...]`` belong to that
group (``ctc_loss``, ``tot_ctc_loss``); without the prefix the two groups' keys collide.
``duration_key``: MaxText's ``completed step: 15107, seconds: 2.167`` names the
step time by its unit, a key with ``:``/``=`` at a field's start ("took 3 seconds" does
not). Regexes have no nested quantifiers and brackets bound each group: linear time.
"""

from __future__ import annotations

import re

from exptrack.metrics import forms, names
from exptrack.metrics.around import STOPWORDS

# "loss[ctc_loss=0.7, ...]": a word glued to "[", then no bracket up to the closing one
_GROUP = re.compile(
    r"(?<![\w.\-/])(?P<name>[A-Za-z][A-Za-z0-9_]{0,40})\[(?P<body>[^\[\]]{1,400})\]")
_KEY_IN_BODY = re.compile(r"[A-Za-z][\w]*=")
_DURATION_WORDS = frozenset({"seconds", "secs", "minutes", "mins", "hours"})
_FIELD_START = re.compile(r"(?:^|[,;|]|\s\s)\s*$")


# OpenSpiel's "Losses(total: 3.257, policy: 2.470, value: 0.750)": a quantity's parts,
# "key: value" in parentheses after its name (a call's "SGD(lr=0.01)" is configuration)
_PAREN_GROUP = re.compile(
    r"(?<![\w.\-/])(?P<name>[A-Za-z][A-Za-z0-9_]{0,40})\((?P<body>[^()=]{1,400})\)")
_COLON_KEY = re.compile(r"[A-Za-z]\w*:\s")
_PARTS_OF = frozenset({"loss", "losses", "metrics"})  # (BigDL's "Accuracy(correct: 991,
# count: 10000, accuracy: 0.0991)" counts, the accuracy its last part)


def has_parts(name: str) -> bool:
    """Does ``name`` print its parts in parentheses after it ("Losses(total: ...)")?"""
    words = names.words(name)
    return bool(words) and words[-1] in _PARTS_OF


def results_call(text: str) -> bool:
    """Is ``text`` (``NAME(...)``) a quantity's parts, not an object's configuration?"""
    found = _PAREN_GROUP.fullmatch(text)
    return found is not None and has_parts(found.group("name")) \
        and len(_COLON_KEY.findall(found.group("body"))) >= 2


def group_spans(text: str) -> list[tuple[int, int, str]]:
    """The ``NAME[key=value, ...]`` groups of ``text``: (body start, body end, name), only
    where the body holds at least two ``key=`` pairs, or one in a quantity's group
    (``lr[0.1]`` is a value, not a group);
    and a quantity's ``NAME(key: value, ...)`` parts (``results_call``)."""
    found: list[tuple[int, int, str]] = []
    if "[" in text and "=" in text:
        found = [(m.start("body"), m.end("body"), m.group("name"))
                 for m in _GROUP.finditer(text)
                 if len(_KEY_IN_BODY.findall(m.group("body"))) >= (
                     1 if names.metric_like(m.group("name")) else 2)]  # icefall's yesno recipe:
        # "loss[loss=0.4561, over 2828.00 frames. ], tot_loss[loss=0.7076, ...]"
    if "(" in text and ": " in text:
        found.extend((m.start("body"), m.end("body"), m.group("name"))
                     for m in _PAREN_GROUP.finditer(text) if results_call(m.group()))
    return found


def grouped(name: str, at: int, spans: list[tuple[int, int, str]]) -> str:
    """``name`` qualified by the group whose body holds offset ``at``, if any. A key that
    names the group's own quantity does not repeat it: in ``tot_loss[loss=.., ctc_loss=..]``
    the keys are ``tot_loss`` and ``tot_ctc_loss``, in ``loss[loss=.., ctc_loss=..]`` they
    are ``loss`` and ``ctc_loss``; icefall's two trackers qualify every key so
    (HuBERT's ``tot_loss[loss_m_0=.., correct_m_0=..]``: ``tot_loss_m_0``, ``tot_correct_m_0``);
    any other key takes the whole group name (``stats[acc=..]`` -> ``stats_acc``)."""
    for start, end, group in spans:
        if start <= at < end:
            head, _, last = group.rpartition("_")
            if name == last or name.endswith("_" + last) or name.startswith(last + "_") \
                    or group in ("loss", "tot_loss"):  # (icefall's trackers: every key's)
                return f"{head}_{name}" if head else name
            return f"{group}_{name}"
    return name


def duration_key(low: str, sep: str, before: str) -> bool:
    """Is a unit word ("seconds") the key of a value, ``seconds: 2.167`` at a field's start?"""
    return low in _DURATION_WORDS and sep.strip() in (":", "=") \
        and _FIELD_START.search(before) is not None


# "Val took 5.265s", "Epoch 6 of 500 took 494.4s", "loading data took 0.0057[s]": a
# duration named by what took it (up to three words: not a count's "after 3 epochs took")
_TOOK_UNIT = re.compile(r"^\s?(?:\[s\]|(?:ms|s|sec|secs|seconds|min|mins|minutes)(?![\w/]))")
_TOOK_WORDS = re.compile(r"(?:^|(?<=[\s\]|,;:(]))((?:[A-Za-z][\w/.\-]{0,30} ){0,3})$")
_COUNTED = re.compile(r"(?i)(?:epochs|iterations|iters|steps|batches) $")


def took_name(before: str, after: str) -> str | None:
    """The name of the duration after "took" (``before``: the text before that word), or
    None when what follows is no time unit, or the words before count something or are
    prose."""
    if _TOOK_UNIT.match(after) is None or _COUNTED.search(before):
        return None
    words = _TOOK_WORDS.search(before)
    kept = words.group(1).split() if words else []
    if any(word.lower() in STOPWORDS for word in kept):
        return None  # "Generation of step-events took 0 ms": a sentence of a library's
    return "_".join([*kept, "took"])


# a key over a short list of numbers: "D-Loss=[0.76, 0.43]", "recall=[0.124, 0.268]"
_LIST = re.compile(r"(?<![\w.\-])(?P<key>[A-Za-z][\w.\-@/]{0,40})\s?[=:]\s?"
                   r"\[(?P<body>[^\[\]]{1,200})\]")
_CURVE = re.compile(r"(?<![\w.\-])(?P<key>(?:[A-Za-z][\w\-]{0,20} ){0,3}[Cc]urve)\s?[=:]\s?"
                    r"\[(?P<body>[^\[\]]{1,400})\]")
# a learning rate's keys (``rules``: a rate takes no phrased name's phase); here, one per
# parameter group
LR_KEYS = frozenset({"lr", "learning_rate"})
_ITEM = re.compile(rf"\s?{forms.DECIMAL}\s?")


def _numbers_in(offsets: list[int], start: int, end: int) -> list[int]:
    """The piece indices of the numbers that begin between ``start`` and ``end``."""
    return [i for i in range(1, len(offsets) - 1, 2) if start <= offsets[i] < end]


def has_lists(line: str) -> bool:
    """Might the line hold a list or a tuple of values (``list_items``)?"""
    return "=[" in line or ": [" in line or "curve" in line or "[(" in line or ")/(" in line \
        or ") = (" in line or (", " in line[:120] and "(" in line)


def list_items(line: str, offsets: list[int]) -> dict[int, tuple[str, int, int]]:
    """The numbers of a metric's short list (2 to 8 of them), each a series of its own
    named by its position: ``recall=[0.124, 0.268]`` is ``recall_0`` and ``recall_1``.
    (piece index -> name, where the key starts and ends in ``line``)."""
    found: dict[int, tuple[str, int, int]] = {}
    for listed in _LIST.finditer(line):
        items = listed.group("body").split(",")
        key = listed.group("key")
        rate = key.lower() in LR_KEYS
        if not 2 <= len(items) <= 8 or not (rate or names.metric_like(key)) \
                or not all(_ITEM.fullmatch(item) for item in items):
            continue
        inside = _numbers_in(offsets, listed.start("body"), listed.end("body"))
        if len(inside) != len(items):
            continue
        if rate and len({item.strip() for item in items}) == 1:
            # DeepSpeed's "lr=[5e-05, 5e-05]": every parameter group at one rate
            found[inside[0]] = (key, listed.start("key"), listed.end("key"))
            continue
        for position, index in enumerate(inside):
            found[index] = (f"{key}_{position}", listed.start("key"), listed.end("key"))
    if "curve" in line:  # PyCIL's "CNN top1 curve: [89.3, 76.35, 68.7]": a task's accuracy
        for curve in _CURVE.finditer(line):  # after each task so far; the last is the new one
            inside = _numbers_in(offsets, curve.start("body"), curve.end("body"))
            if inside and all(_ITEM.fullmatch(item) for item in curve.group("body").split(",")):
                found[inside[-1]] = (curve.group("key").replace(" ", "_"), curve.start("key"),
                                     curve.end("key"))
    if "[(" in line:
        found.update(_pairs(line, offsets))
    if ")/(" in line or ") = (" in line or _BARE_NAMES.search(line, 0, 200):
        found.update(_named_tuple(line, offsets))
    return found


# a tuple of names, then one of their values: Hopenet's "Loss:(pitch, yaw, roll)/(83.274,
# 202.202, 55.781)" (loss_pitch, loss_yaw, loss_roll), "(mse, mae) = (0.51, 0.42)"
_NAME_LIST = r"[A-Za-z]\w{0,15}(?:,\s?[A-Za-z]\w{0,15}){1,7}"  # "pitch, yaw, roll"
_BARE_OPEN = r"(?:\s\((?:%|[A-Za-z]{1,6})\))?\s?[:=]\s?\("  # "loss, accuracy (%): ("
_NAMED_TUPLE = re.compile(r"(?:(?P<key>[A-Za-z]\w{0,20}):?\s?)?\((?P<names>" + _NAME_LIST
                          + r")\)(?:/| = )\((?P<body>[^()]{1,200})\)"
                          # or a message that opens with the names, bare (LESPS' "pixAcc, mIoU:\t
                          # (0.6847, np.float64(0.5742))"), after a phase ("Test set loss,
                          # accuracy (%): (0.67, 78.10)"), its values decimals
                          r"|(?:^\s*|(?<=INFO )|(?<=INFO: )|(?<=\] ))"
                          r"(?:(?P<phase>(?i:train|training|test|val|valid|validation|eval))"
                          r"(?:\sset)?\s)?"
                          r"(?P<bare>" + _NAME_LIST + ")" + _BARE_OPEN
                          + r"(?P<decimals>(?=[^()]{0,199}\.)[^()]{1,200})\)")
_BARE_NAMES = re.compile(_NAME_LIST + _BARE_OPEN)  # (where to look for the bare form)


def _named_tuple(line: str, offsets: list[int]) -> dict[int, tuple[str, int, int]]:
    found: dict[int, tuple[str, int, int]] = {}
    for listed in _NAMED_TUPLE.finditer(line):
        bare = listed.group("bare") is not None
        labels = [n.strip() for n in listed.group("bare" if bare else "names").split(",")]
        body = "decimals" if bare else "body"
        items = listed.group(body).split(",")
        inside = _numbers_in(offsets, listed.start(body), listed.end(body))
        if len(items) != len(labels) or len(inside) != len(items) \
                or not all(_ITEM.fullmatch(item) for item in items):
            continue
        key = listed.group("key")
        named = "bare" if bare else "names"
        start = listed.start("key") if key else listed.start(named)
        key = key or (listed.group("phase") or "").lower()  # "Test set loss, ...": test_loss
        for label, index in zip(labels, inside, strict=True):
            found[index] = (f"{key}_{label}" if key else label, start, listed.end(named))
    return found


# a list of (name, value) pairs, Python's print of ``list(d.items())``: "training metric:
# [('Acc@1', 62.26), ('Acc@5', 100.0)]" (the key's phase word qualifies each name); a
# name that is no metric's is a label ("OrderedDict([('caltech', 1311.0)])": a count)
_PAIRS = re.compile(r"(?:(?P<key>[A-Za-z][\w]{0,20})(?: [A-Za-z]\w{0,20})?\s?[=:]\s?)?\[\(")
_PAIR = re.compile(r"\(\s?(?P<q>['\"])(?P<name>[A-Za-z][^'\"()]{0,40})(?P=q),\s?(?=[+-]?\.?\d)")


def _pairs(line: str, offsets: list[int]) -> dict[int, tuple[str, int, int]]:
    starts = {offsets[i]: i for i in range(1, len(offsets) - 1, 2)}
    found: dict[int, tuple[str, int, int]] = {}
    for listed in _PAIRS.finditer(line):
        key = (listed.group("key") or "").lower()
        phase = key if key in _PHASE_KEYS else ""
        end = line.find("]", listed.end())
        for pair in _PAIR.finditer(line, listed.end() - 1, end if end > 0 else len(line)):
            index = starts.get(pair.end())
            if index is not None and names.metric_like(pair.group("name")):
                name = f"{phase}_{pair.group('name')}" if phase else pair.group("name")
                found[index] = (name, pair.start("name"), pair.end("name"))
    return found


_PHASE_KEYS = frozenset({"train", "training", "val", "valid", "validation", "test", "eval",
                         "evaluation", "dev"})

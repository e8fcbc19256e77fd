"""Names ahead of a value: a number inside a value's name ("coco/AP .5: 1.0", "R @ 20:
0.1", "NDCG(k=20): 0.2", "Mean test loss of 62 batches: 1.11"), the name then being for the
value after it (``name_ahead``); and a name printed ahead of a step for the value after the
step ("Loss at step 100: 0.5", ``at_step``). Regexes run on bounded text, no nested
quantifiers.
"""

from __future__ import annotations

import re

from exptrack.metrics import names
from exptrack.metrics.around import STOPWORDS
from exptrack.metrics.counterkeys import key_kind
from exptrack.metrics.naming import at_end, find_name

_BRACKET_KEY = re.compile(r"(?<![\w\[])[A-Za-z][\w.\-/]{0,40}\[$")  # "QuantileLoss[" (not "x[0][")
_BRACKET_END = re.compile(r"\]['\"]?(?::\s|\s?=)")
_PARAM_KEY = re.compile(r"(?:^|(?<=[\s|,\]]))[A-Za-z][\w@\-]{0,40}\([A-Za-z_]{1,10}=$")
_TENSOR_NAME = re.compile(r"(?:^|(?<=[\s|,]))[A-Za-z][\w.\-]*/[\w./\-]*[A-Za-z_]:$")
# a number that ends a quoted key ('"recall@thr=0.5": 0.87'): part of the key
_QUOTED_KEY = re.compile(r"(?P<q>[\"'])(?P<key>[A-Za-z_][^\"'\s,:{}]{0,60})$")
_QUOTE_COLON = re.compile(r"[\"']\s?:\s?$")
# the steps a value is the mean over, between its name and its colon: NumPyro's bar's "avg.
# loss [1901-2000]: 73.7639" (the window's first step, then this)
_WINDOW_END = re.compile(r"-\d{1,12}\]:\s")


def name_ahead(pieces: list[str], index: int, left_at: int,
               right_at: int) -> tuple[int, str, int, int] | None:
    """A name that the number at ``index`` is part of, for the value after it: MMPose's
    "coco/AP .5: 1.0", a label's index ("eval: bucket 0 perplexity 4.88"). Returns (the
    value's index, its name, where the name starts and ends in the line); ``left_at`` and
    ``right_at`` are where the texts around the number start in the line."""
    if index + 2 >= len(pieces):
        return None
    left, number, right = pieces[index - 1], pieces[index], pieces[index + 1]
    window = _WINDOW_END.match(right) if left.endswith(" [") and number.isdigit() else None
    found = find_name(left[-80:-2] + ": ", False, pieces, index) if window else None
    if found is not None:  # "avg. loss [1901-2000]: 73.76": the loss's mean over the window
        start = left_at + len(left) - len(left[-80:])
        return index + 2, found.name, start + found.start, start + found.end
    key = spaced_key(left) if right.startswith(": ") and number[:1] == "." else None
    if key is not None:
        return index + 2, f"{key[0]}_{number}", left_at + key[1], right_at
    param = _PARAM_KEY.search(left[-80:]) if right.startswith(("): ", ")=")) else None
    if param is not None:  # FuxiCTR's "NDCG(k=20): 0.228": the parameter is in the name
        return (index + 2, f"{param.group()}{number})", left_at + len(left) - len(param.group()),
                right_at + 1)
    bracket = _BRACKET_KEY.search(left[-80:]) if "." in number and _BRACKET_END.match(right) \
        else None  # (not an index: "layer[0]", "argv[1]")
    if bracket is not None:  # GluonTS's "'QuantileLoss[0.1]': 1264.5": a quantile's loss
        return (index + 2, f"{bracket.group()}{number}]",
                left_at + len(left) - len(bracket.group()), right_at + 1)
    tensor = _TENSOR_NAME.search(left[-80:]) if right.startswith(": ") \
        and number.isdigit() and len(number) < 3 else None
    if tensor is not None:  # a TF tensor's name, "words_per_sec/features:0: 3275.1"
        return (index + 2, tensor.group() + number, left_at + len(left) - len(tensor.group()),
                right_at)
    quoted = _QUOTED_KEY.search(left[-62:]) if _QUOTE_COLON.match(right) else None
    if quoted is not None and quoted.group("q") == right[0]:  # '"recall@thr=0.5": 0.87'
        start = left_at + len(left) - len(quoted.group("key"))
        return index + 2, quoted.group("key") + number, start, right_at
    power = _POWER_KEY.search(left[-40:]) if number in ("2", "²") \
        and right.lstrip().startswith((":", "=")) else None
    if power is not None:  # "R^2: 0.7434", "Test R^2 = 0.81": the coefficient of determination
        at = len(left) - len(left[-40:]) + power.start("name")
        said = _SAID_BEFORE.search(left, max(0, at - 40), at)
        phase = f"{said.group('phase').lower()}_" if said is not None and said.group("phase") \
            else ""
        return index + 2, f"{phase}{power.group('name')}^2", left_at + at, right_at
    cutoff = _AT_KEY.search(left[-40:]) if right.startswith((": ", "=")) else None
    if cutoff is not None:  # Scene-Graph-Benchmark's "ng-mR @ 50: 0.0829": a recall at 50
        start = left_at + len(left) - len(left[-40:]) + cutoff.start("name")
        return index + 2, f"{cutoff.group('name')}@{number}", start, right_at
    counted = _OF_COUNT.search(left[-120:]) if number.isdigit() \
        and _COUNTED_UNIT.match(right) else None
    if counted is not None:  # CTR-GCN's "Mean test loss of 62 batches: 1.11": over 62 batches
        start = left_at + len(left) - len(left[-120:]) + counted.start("name")
        return (index + 2, counted.group("name").replace(" ", "_"), start,
                start + len(counted.group("name")))
    fold = _FOR_FOLD.search(left[-80:]) if number.isdigit() and right.strip() in (":", "=") \
        else None
    if fold is not None:  # Keras k-fold's "Validation Accuracy for Split 1: 0.7782"
        start = left_at + len(left) - len(left[-80:]) + fold.start("name")
        return index + 2, fold.group("name").replace(" ", "_"), start, start + len(
            fold.group("name"))
    top = _TOP_K.search(left[-40:]) if number.isdigit() and len(number) <= 3 \
        and right.strip() in (":", "=") else None
    if top is not None:  # SimCLR's "Loss: 0.68 Top 1: 0.84": the top-1 accuracy
        at = len(left) - len(left[-40:]) + top.start("name")
        said = _SAID_BEFORE.search(left, max(0, at - 40), at)
        if said is not None and said.group("best"):
            return None  # "Best Top 1: 0.9": a running best
        phase = f"{said.group('phase').lower()}_" if said is not None else ""
        return index + 2, f"{phase}{top.group('name')}_{number}", left_at + at, right_at
    indexed = indexed_label(left, right) if number.isdigit() else None
    if indexed is not None:
        said = _SAID_BEFORE.search(left, max(0, indexed[1] - 40), indexed[1])
        if said is not None and said.group("best"):
            return None  # "Best Testing Top 1 Accuracy: 65.41": a running best
        phase, start = "", left_at + indexed[1]
        if said is not None:  # the name starts at the phase word
            phase, start = f"{said.group('phase').lower()}_", left_at + said.start("phase")
        return (index + 2, f"{phase}{indexed[0]}_{number}_{indexed[2]}", start,
                right_at + len(indexed[2]) + 1)
    return None


# the words before a label and its index: its phase ("Test top 5 accuracy: 80.87%":
# test_top_5_accuracy), or a running best's word ("Best Testing Top 1 Accuracy:")
_SAID_BEFORE = re.compile(r"(?i)(?:^|\s)(?:(?P<best>best)\s(?:\w+\s)?"
                          r"|(?P<phase>train|training|test|testing|val|valid|validation|eval"
                          r"|evaluation|dev)\s)$")


# "Top " before its k, then the value ("Top 1: 0.84", "top 5 = 0.97"): an accuracy's cut-off
_TOP_K = re.compile(r"(?:^|(?<=[\s|,;\]]))(?P<name>[Tt]op) $")
# a name squared: "R^" before its 2 ("R^2: 0.74", sklearn's r2_score as scripts print it)
_POWER_KEY = re.compile(r"(?:^|(?<=[\s;,|(\[]))(?P<name>[A-Za-z]{1,3})\^$")
# a name at a cutoff, the cutoff's number after it: "R @ ", "ng-zR @ ", "hits@"
_AT_KEY = re.compile(r"(?:^|(?<=[\s;,|(\[]))(?P<name>[A-Za-z][\w\-]{0,30}) ?@ ?$")
# a value's name, then what it was computed over: "Mean test loss of " 62 " batches: "
_OF_COUNT = re.compile(r"(?:^|(?<=[\s|,;\]]))(?P<name>(?:[A-Za-z][\w\-]{0,30} ){0,4}"
                       r"[A-Za-z][\w\-]{0,30}) (?:of|over) $")  # ("Validity over 1024 molecules:
# 68.65%", "Mean loss over 10 batches: 0.3")
_COUNTED_UNIT = re.compile(r"^ [a-z]{2,20}s\s?[:=]\s")
# "Validation Accuracy for Split ", "test loss for fold ": a metric of one of several runs
_FOR_FOLD = re.compile(r"(?:^|(?<=[\s|,;\-]))(?P<name>(?:[A-Za-z][\w@\-]{0,30} ){0,3}"
                       r"[A-Za-z][\w@\-]{0,30}) for (?i:split|fold|run|trial|repeat) {1,3}$")
# (aligned too: "AUC for fold  6 :  0.89")


# "Score at iteration 10 is 0.61" (DL4J), "Loss at step 100: 0.5": the name before the step
_AT_STEP = re.compile(
    r"(?:^|[\s\-:|])(?P<name>(?:(?:train|training|valid|validation|val|test|testing|eval"
    r"|evaluation) )?(?:(?:average|mean|avg) )?"  # word2vec's "Average loss at step"
    r"(?:time (?=taken|spent|elapsed)|(?:total|elapsed) (?=time))?"  # "Time taken for epoch 1 is"
    r"(?!(?:at|for|after|in) )[A-Za-z][\w@]{0,40}(?:[./][A-Za-z][\w@]{0,40}){0,4}) "
    r"(?P<at>at |@ ?|for |after |in )?(?:iteration|iter|step|epoch|batch) {1,3}$",  # (a key path:
    # T5X's "eval/xnli.ar/accuracy at step 1005700:"; deeplearning.ai's "Cost after iteration
    # 1000: 0.62"; SLAYER's "loss in epoch 9500 : 38587.348")
    re.IGNORECASE)
# the second of two counters after a name, "loss in epoch 1 iteration 0: 0.69": the name is
# before the first
SECOND_COUNTER = re.compile(r",?\s(?:iteration|iter|step|batch)\s{1,3}")
_KEY_BEFORE = re.compile(r"(?:^|\s)([A-Za-z][\w/\-]{0,60}) $")  # MMPose's "coco/AP .5:"
_LEADING_LABEL = re.compile(r"^\s*([A-Z][a-z]{2,20}) $")  # a line's first word, capitalised
# ... not a run's, a process's or a stage's index ("Round 3 loss: 0.5"), nor a stopword
_NOT_LABELS = STOPWORDS | frozenset({"round", "episode", "generation", "trial", "run", "client",
                                     "worker", "rank", "gpu", "process", "stage", "phase",
                                     "cycle", "pass", "part", "fold"})
_INDEXED_LABEL = re.compile(r"(?i)(?:^|[\s:,|])(bucket|head|task|level|scale|layer|top) $")
_NAME_AFTER = re.compile(r" ([A-Za-z][\w\-]{0,40}(?: [A-Za-z][\w\-]{0,40}){0,2})\s?[:=]?\s$")


def at_step(text: str) -> tuple[str, int] | None:
    """The name before "at iteration" that ends ``text`` (a value follows the step), and
    where it starts in ``text``."""
    tail = text[-80:]  # "The training loss for Epoch 1 is 7.4"
    found = _AT_STEP.search(tail)
    if found is None or (found.group("at") is None and not names.metric_like(found.group("name"))):
        return None  # Flax's "Loss step 10: 0.29" has no "at"; a metric's name says so
    if found.group("at") == "after " and tail[:found.start("name")].strip():
        return None  # "Cost after iteration 1000:" at the line's start, not "Nash conv after"
    return found.group("name").replace(" ", "_"), len(text) - len(tail) + found.start("name")


def spaced_key(text: str) -> tuple[str, int] | None:
    """The key that ends ``text`` before a space and a number that is part of its name
    (MMPose's "coco/AP .5: 1.0"), and where it starts in ``text``."""
    return at_end(_KEY_BEFORE, text, 1)


def indexed_label(left: str, right: str) -> tuple[str, int, str] | None:
    """A label and its index before a metric's name ("bucket 0 perplexity 4.88", "head 3
    acc: 0.9"): (the label, where it starts in ``left``, the name); the index is part of
    the name, so each index is a series of its own."""
    label = at_end(_INDEXED_LABEL, left, 1, bound=40)
    if label is None:  # neural-style's "  Content 1 loss: 7962.4", "  Style 4 loss: 4904.0"
        lead = _LEADING_LABEL.match(left)
        label = (lead.group(1), lead.start(1)) if lead is not None and right.endswith(
            (": ", "= ")) and key_kind(lead.group(1).lower()) is None \
            and lead.group(1).lower() not in _NOT_LABELS else None
    name = _NAME_AFTER.match(right) if label is not None else None
    if label is None or name is None or not names.metric_like(name.group(1)):
        return None
    return label[0], label[1], name.group(1).replace(" ", "_")  # GEARS' "Top 20 DE MSE:"

"""The default rules: which numbers of a line are metrics, steps or epochs, and their names.

A line is split into number tokens and the text between them. Every decision depends on
that text only (the line's *shape*), never on the numbers, so a plan made once for a shape
is reused for every line of the same shape: the hot loop is one regex split, one dict
lookup and a few ``float`` calls.
"""

from __future__ import annotations

import re
from typing import NamedTuple

# A number that stands alone: not part of a word, a version (1.2.3), a date (2024-01-05),
# a time (12:30:01), a thousands-grouped count (101,770) or a size with a unit (2.6G, 5s).
TOKEN = re.compile(
    r"(?<![\w.\-@])(?<![A-Za-z_.]/)(?<!\d,)"
    r"([+-]?(?:\d+(?:\.\d+)?|\.\d+)(?:[eE][+-]?\d+)?|[+-]?(?:[Nn]a[Nn]|[Ii]nf(?:inity)?))"
    r"(?![\w]|\.\w|-\d|:\d|,\d{3})"
)

STEP_KEYS = frozenset({"step", "global_step", "iter", "iters", "iteration", "it",
                       "batch", "num_updates", "update", "n_iter", "#", "trainer/global_step"})
EPOCH_KEYS = frozenset({"epoch", "ep", "e"})
PHASES = {"train": None, "training": None, "test": "test", "val": "val", "valid": "valid",
          "validation": "val", "eval": "eval", "evaluation": "eval", "dev": "dev"}

# Names that are configuration or identity printed near metrics, never metrics.
_DENY_NAMES = frozenset({
    "version", "seed", "pid", "ppid", "port", "rank", "local_rank", "global_rank",
    "node_rank", "world_size", "v_num", "best", "epochs", "params", "parameters", "gpu",
    "gpus", "device", "devices", "cuda", "python", "class", "classes", "images", "instances",
    "size", "gpu_mem", "workers", "eta", "total", "count", "id", "page", "line", "pytorch",
    "torch", "tensorflow", "numpy", "driver", "trainable", "dim", "layers", "heads",
    "metric", "value", "values", "result", "capability", "capabilities", "bestiteration",
    "best_iteration", "patience", "verbose", "imgsz",
})
_DENY_PATTERN = re.compile(
    r"(?:^|[_\-./])(?:seed|version|pid|port|rank|size|id|idx|index|dim|workers|gpus?)$"
    r"|^(?:num|n|max)_|^(?:max|total|num)_?(?:epochs?|steps|iters?|updates)$|_epochs$"
    r"|copypaste|\.(?:py|pyc|cpp|cc|cu|c|h|hpp|js|java|go|rs|rb|sh|json|yaml|yml|log|txt|csv)$",
    re.IGNORECASE)
_STOPWORDS = frozenset({
    "a", "an", "and", "are", "as", "at", "after", "be", "been", "before", "by", "down", "each",
    "every", "for", "from", "in", "is", "of", "on", "or", "over", "per", "set", "than", "the",
    "to", "under", "up", "using", "use", "was", "were", "with", "x", "only", "all", "image",
    "images", "file", "files", "item", "items", "sample", "samples", "example", "examples",
    "seconds", "minutes", "hours", "times", "jan", "feb", "mar", "apr", "may", "jun", "jul",
    "aug", "sep", "sept", "oct", "nov", "dec", "mon", "tue", "wed", "thu", "fri", "sat", "sun",
    "day", "days", "node", "process", "worker", "thread", "chunk", "part", "shard", "level",
    "layer", "block", "stage", "round", "run", "runs", "trial", "fold", "job", "task", "rank",
    "gpu", "cpu", "core", "cores", "batch_size",
})
_UNIT_AFTER = re.compile(
    r"\s?(?:days?|hours?|hrs?|mins?|minutes?|secs?|seconds?|ms|us|ns|[KMGT]i?B|bytes?|"
    r"items?|samples?|examples?|images?|files?|tokens?|steps?|epochs?|batches|iterations?|"
    r"iters?|it/s|[mun]?s(?:/\w+)?)(?![\w/])")
_NAME_BEFORE = re.compile(
    r"""(?:^|(?<=[\s{(\[,;|]))['"]?"""
    r"""(?P<name>(?:[A-Za-z][\w.\-/@]*'s\s)?[A-Za-z](?:[\w.\-/@]*[\w@])?)"""
    r"""['"]?(?P<sep>\s*[:=]\s*|\s+)['"]?$""")
_STEP_BRACKET = re.compile(
    r"(?i)\b(?P<key>epoch|iter|iteration|step)\s*(?:\(\w+\))?\s*[:#]?\s*\[\s*$")
_PHASE = re.compile(
    r"(?i)(?:^|[\s|(\-:])(?P<phase>valid|validation|val|test|eval|evaluation|dev)"
    r"(?:\s+on\s+'[^']*'\s+subset|\s+set)?\s*(?:[:|\[)]|$)(?!\s*[-+.\d])")
_PHASE_LABEL = re.compile(
    r"(?i)^\W*(?P<phase>train|training|test|val|valid|validation|eval)\s*:\s*$")
_CONFIG_LINE = re.compile(r"^\s*\w+=[^,=]*,\s*$|Namespace\(|^\s*\w+Arguments\(|^\s*\w+Config\(")
_LIBRARY_LOG = re.compile(r"^\s*\[\w+\]\s*\[(?:Info|Warning|Debug|Fatal)\]")
_YAML_CONFIG = re.compile(r"^(?:\s{2,}|\t)['\"]?[A-Za-z][\w.\-]*['\"]?: [^:,|]*$")
_TEXT_ASSIGN = re.compile(
    r"(?<![\w.])['\"]?[A-Za-z_][\w.\-]*['\"]?\s*[=:]\s*"
    r"(?![+-]?(?:\d|\.\d|nan\b|inf\b|NaN\b|Inf\b|['\"][+-]?\d))(?:['\"][^'\"]|[A-Za-z/~])")
_CALL = re.compile(r"[A-Za-z_]\w*\([^()]*\)")
_PROSE_BEFORE = re.compile(r"(?:^|[\s|,;\]\-])[A-Za-z]\w*\s+[A-Za-z]\w*\s+$")
_PHASE_WORD_BEFORE = re.compile(
    r"(?i)(?:^|[\s|,;])(train|training|test|val|valid|validation|eval)\s+$")
_WEAK_RIGHT_OK = re.compile(r"\s*(?:$|[|,;\])}%]|\s\s|\t|\s-\s)")
_COUNTER_SEP = re.compile(r"^\s*/\s*$")
STEP, EPOCH, METRIC, RATIO = 0, 1, 2, 3


class Action(NamedTuple):
    kind: int
    token: int  # index into the split pieces of the line
    name: str = ""
    denominator: int = 0  # RATIO: index of the denominator token
    scale: float = 1.0


def is_denied(name: str) -> bool:
    low = name.lower()
    return low in _DENY_NAMES or _DENY_PATTERN.search(low) is not None


def normalize_name(name: str) -> str:
    name = name.strip("'\"")
    if "'s " in name:
        name = name.replace("'s ", "_")
    return name.replace(" ", "_")


def phase_of(line: str) -> str | None:
    match = _PHASE.search(line[:120])
    if match is None:
        return None
    return PHASES.get(match.group("phase").lower())


def with_phase(name: str, phase: str | None) -> str:
    if phase is None or "/" in name:
        return name
    low = name.lower()
    if low.startswith(("val", "test", "eval", "dev", "train")):
        return name
    if name[:1].isupper() and name[1:] == name[1:].lower():
        name = low
    return f"{phase}_{name}"


def plan_line(pieces: list[str]) -> tuple[Action, ...]:
    """The actions for a line split by ``TOKEN`` (texts at even, numbers at odd indices)."""
    line = "".join(pieces)
    if _CONFIG_LINE.search(line) or _LIBRARY_LOG.search(line):
        return ()
    if len(_TEXT_ASSIGN.findall(line)) >= 2:
        return ()  # "task=detect, model=yolov8n.pt, epochs=2": printed configuration
    phase = phase_of(line)
    calls = [m.span() for m in _CALL.finditer(line)] if "(" in line else []
    offsets = [0]
    for piece in pieces:
        offsets.append(offsets[-1] + len(piece))
    count = len(pieces) // 2
    candidates: list[tuple[int, str, str]] = []  # (piece index, name, sep)
    actions: list[Action] = []
    skip: set[int] = set()
    for k in range(count):
        index = 2 * k + 1
        if index in skip:
            continue
        left, right = pieces[index - 1], pieces[index + 1]
        if calls and any(a < offsets[index] < b for a, b in calls):
            continue  # inside "SGD(lr=0.01, momentum=0.9)": an object's configuration
        if right.startswith("%|"):
            continue  # a progress bar's percentage
        counter = (index + 2 < len(pieces) and _COUNTER_SEP.match(right) is not None)
        if counter:
            skip.add(index + 2)
        after = pieces[index + 3] if counter and index + 3 < len(pieces) else right
        tail = left[-120:]
        bracket = _STEP_BRACKET.search(tail)
        if bracket is not None:
            kind = EPOCH if bracket.group("key").lower() == "epoch" else STEP
            actions.append(Action(kind, index))
            continue
        match = _NAME_BEFORE.search(tail)
        if match is None:
            unnamed = _unnamed_kind(k == 0, left, right, counter, after)
            if unnamed is not None:
                actions.append(Action(unnamed, index))
            continue
        raw_name, sep = match.group("name"), match.group("sep")
        name = normalize_name(raw_name)
        before = tail[:match.start()]
        word_phase = _PHASE_WORD_BEFORE.search(before)
        low = name.lower()
        if low in EPOCH_KEYS or low in ("train/epoch", "trainer/epoch", "current_epoch"):
            actions.append(Action(EPOCH, index))
            continue
        if low in STEP_KEYS:
            actions.append(Action(STEP, index))
            continue
        if _PHASE_LABEL.match(tail[match.start():]) and re.match(r"\s*\[", after):
            actions.append(Action(EPOCH, index))  # timm "Train: 3 [ 50/1251 ...]"
            continue
        if right.startswith(":") and not counter:
            continue  # "DataLoader 0:", a label's index
        if low in _STOPWORDS:
            continue
        weak = not sep.strip()
        if weak and not _weak_pair_ok(name, sep, after):
            continue
        if weak and counter:
            continue  # "retry 2/5": progress, not a ratio
        if _inside_parentheses(pieces, index):
            continue  # "(epoch 1 @ 1102 updates, score 9.8)", "(arch=7.5)": a remark
        if is_denied(name) or _UNIT_AFTER.match(after):
            continue
        if word_phase is not None:
            word = word_phase.group(1).lower()
            name = with_phase(name, {"training": "train", "validation": "val"}.get(word, word))
        else:
            if _PROSE_BEFORE.search(before) and count == 1:
                continue  # "Initial learn rate: 0.001": a sentence, not a metric
            name = with_phase(name, phase)
        if counter:
            scale = 100.0 if re.match(r"\s*\(\s*$", after) else 1.0
            candidates.append((index, name, sep))
            actions.append(Action(RATIO, index, name, index + 2, scale))
        else:
            candidates.append((index, name, sep))
            actions.append(Action(METRIC, index, name))
    if (len(candidates) == 1 and not any(a.kind != METRIC for a in actions)
            and _YAML_CONFIG.match(line) and "=" not in candidates[0][2]):
        return ()  # an indented "key: value" alone: a printed configuration
    weak_only = [c for c in candidates if not c[2].strip()]
    if weak_only and len(candidates) + sum(a.kind != METRIC for a in actions) < 2:
        # a lone "word 12" counts only when it reads as a table cell ("test_acc    0.88")
        index, name, sep = weak_only[0]
        if "\t" not in sep and len(sep) < 2:
            return tuple(a for a in actions if a.token != index)
    return tuple(actions)


def _unnamed_kind(first: bool, left: str, right: str, counter: bool, after: str) -> int | None:
    """A number with no name before it can still be a step or an epoch."""
    stripped = left.strip()
    if first and stripped == "[" and right.startswith("]"):
        return STEP  # XGBoost/LightGBM "[10]\t..."
    if first and not stripped and right.startswith(":") and not counter:
        return STEP  # CatBoost "10:\tlearn: ..."
    if counter and stripped.endswith("[") and re.match(r"\s*[\])(]", after):
        return STEP  # "[640/60000 (1%)]", "Epoch [1][50/7330]"
    if first and _PHASE_LABEL.match(left) and re.match(r"\s*\[", after):
        return EPOCH  # timm "Train: 3 [ 50/1251 ...]"
    return None


def _inside_parentheses(pieces: list[str], index: int) -> bool:
    prefix = "".join(pieces[:index])
    return prefix.count("(") > prefix.count(")")


def _weak_pair_ok(name: str, sep: str, after: str) -> bool:
    low = name.lower()
    if low in _STOPWORDS or "'" in name:
        return False
    if any(c.isupper() for c in name[1:]) and not name.isupper():
        return False  # "DataLoader 0", "TensorBoard 2": a CamelCase word is a label
    return _WEAK_RIGHT_OK.match(after) is not None

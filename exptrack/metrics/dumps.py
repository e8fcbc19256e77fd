"""Printed configuration: a block of ``key: value`` lines is a setting dump, not metrics.

Programs print their configuration once at start-up as a *block*: consecutive lines that
each hold one key and one value (argparse, DeepSpeed and Megatron ``key ....... value``
listings, YAML, pretty-printed JSON, ``key = value``), often under a header
(``---- arguments ----``, ``Config:``) and mixed with non-numeric values (``True``,
``adam``, paths). Metrics are printed again and again, next to a step or an epoch.

The parser recognises a block while it streams: each line shape is classified once
(``classify``); a block is the run of consecutive listing lines (and section or structure
lines) with no step or epoch; ``Block`` holds back the values whose names are not metric
names until the block ends, then ``Block.judge`` says whether it was configuration.
A key printed twice in a block (within one section) makes it a stream of metrics
(``loss: 0.5`` per line), and values whose name is a metric's (``val_loss``) are never
dropped (nor held back unless a value before them was).

Regexes run on one line of at most ``MAX_LINE`` characters, once per line shape; none
has nested quantifiers over the same characters (linear per start position, so at worst
quadratic in that bound).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from exptrack.metrics import forms, names, spelling
from exptrack.metrics.dumpheads import BRANCH, CLOCK, LOGGER, heading_phase, is_rule, message
from exptrack.metrics.phasewords import COUNTER_KEYS

if TYPE_CHECKING:
    from exptrack.metrics.observation import Observation

MAX_LINE = 240  # longer lines are not listing lines
MAX_HELD = 10_000  # a block holding more values is judged then and there
# flags of a line shape (the parser keeps them in its plan)
LISTING = 1 << 1  # one key, one value: part of a block; its values may be held back
CONTINUES = 1 << 2  # a section or structure line: continues a block, holds no value
EVIDENCE = 1 << 3  # only configuration prints this (a header, ``True``, a path, dots)
NUMERIC = 1 << 4  # a listing whose value is a number
PERCENT = 1 << 17  # ... a percentage: a result ("SUN397:75.2%"), seldom a setting
MEASURED = 1 << 19  # a section's heading that names results ("Evaluation Statistics")
METRICS = 1 << 22  # ... that says "metrics" ("Daily metrics:"): every number under it is one
BEST = 1 << 21  # a heading over the best epoch's values again ("Best results (w.r.t BLEU_4)
# in validation set:", R2Gen's): its block repeats values already recorded
MESSAGE = 1 << 32  # a message's text format opened ("trainer_spec {", SentencePiece's
# options): its fields are settings, whatever their names (``Settings.keep``)
PLACES = 1 << 23  # four bits from here: the decimal places of a listing's plain number
# (an integer's: 15), whose sharing makes a block results (``Block.places``)
# a Block's modes: it reads the lines after it
REPRINT, RESULTS, PARTIAL, OBJECT, SUMMARY, COCO, ROWS, FLOWER, BAR = 1, 2, 3, 4, 5, 6, 7, 8, 9
REPORT = 10  # a tool's report of no training measure, to its closing rule (``lineplan``)

_KEY_VALUE = re.compile(
    r"(?:^\s*|(?<=[\]:|])\s*|(?<=-)(?<![A-Za-z_]-)\s*)(?P<q>['\"]?)"
    r"(?P<key>[A-Za-z_][\w.\-/@]{0,60}(?: [A-Za-z_][\w.\-/@]{0,60}){0,3}"
    r"(?:(?: [A-Za-z_][\w.\-/@]{0,30})? ?\[\w{1,12}\])?)(?P=q)"  # (a task's "[alpha]" after)
    r"(?P<sep>\s*[:=]\s*|\s+\.{2,}:?\s*|\s{2,}|\t+)(?P<value>\S.*)$")
_VALUE_SEP = re.compile(r":\s|\s=|=\s|\s[|\-]\s|\s\s|\t")  # a second pair or cell
_NUMBER = re.compile(
    r"^[+-]?(?:\d[\d,]*(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+|f[+-]?\d+)?\s?(?:%|[A-Za-z/]{1,8})?$"
    r"|^\d+:\d\d(?::\d\d)?(?:\.\d+)?$|^[+-]?(?i:nan|inf)$")
_SECTION = re.compile(r"(?:^|[\s\]:|])\s*['\"]?[A-Za-z_][\w.\-]{0,60}['\"]?\s*[:=]\s*[{\[(]?$")
# a heading over measured values: "Evaluation Statistics", "=== Test metrics ===",
# "PERFORMANCE METRICS:", spaCy's divider "=====... Results =====..." (its block's numbers
# are results, whatever their names)
_MEASURED = re.compile(r"(?i)^[\W_]{0,80}(?:[A-Za-z][\w\-]{0,30}\s){0,3}"
                       r"(?:results?|metrics|statistics|stats|performance|scores)"
                       r"\s?:?[\W_]{0,80}$")
# ... whose words say metrics ("Daily metrics:", "KEY METRICS:"; a YAML "metrics:" key is no
# heading of results)
_METRICS_HEADING = re.compile(r"(?i)^\s{0,8}(?:[A-Za-z][\w\-]{0,30}\s){1,2}metrics\s?:$")
# a heading over figures of the data a run trains on: the data's, not the run's
_DATA_STATISTICS = re.compile(r"(?i)(?:^|\s)(?:data|dataset|data set|training data|train data)"
                              r"\s(?:statistics|stats)\s?:$")
_BEST_HEADING = re.compile(r"(?i)^[\W_]{0,8}best\s[A-Za-z(][^:=]{0,80}:\s*$"
                           # fastNLP's "In Epoch:3/Step:30, got best dev performance:"
                           r"|^.{0,80}[\s,]got best\s[A-Za-z][^:=]{0,60}:\s*$")


def best_heading(text: str) -> bool:
    """Is ``text`` a heading over the best epoch's values again ("Best model at step 3000:",
    DeepXDE's): its step is the best one's, not the run's now."""
    return _BEST_HEADING.match(message(text)) is not None


_MESSAGE_OPEN = re.compile(r"^\s{0,8}[A-Za-z_]\w{0,60} \{\s*$")  # protobuf's text format
_PAIR_INSIDE = re.compile(r"\)\s?[:=]\s[+-]?\.?\d")  # a value's own "(name): number"
_STRUCTURE = re.compile(r"^\s*(?:[{\[(]|[}\])]+,?)$")
# a table's header whose names end with ":" (pagmo's "Gen:   Fevals:   Best:   dx:"): no section
_COLON_HEADER = re.compile(r"^\s*(?:[A-Za-z][\w.]{0,24}(?: [A-Za-z][\w.]{0,24})?:\s{2,}){2,}"
                           r"(?:[A-Za-z][\w.]{0,24}(?: [A-Za-z][\w.]{0,24})?|\.{3}) ?:$")
_HEADER = re.compile(
    r"(?i)(?:^|[^\w])(?:hyper-?param(?:eter)?s?|hparams|config(?:uration)?|args|arguments|options|"
    r"settings|flags)(?:[^\w]|$)")


def measured(line: str) -> tuple[str, float] | None:
    """The key and number of a listing line under a heading of results, whatever its name
    ("Correlation         :     0.9816" under "Evaluation Statistics"), else None."""
    found = _KEY_VALUE.search(line.rstrip())
    if found is None or not forms.PLAIN_NUMBER.match(found.group("value")):
        return None
    key = found.group("key").replace(" ", "_")
    last = key.rpartition("_")[2].lower()
    if last in COUNTER_KEYS or last in ("threshold", "thresh") or names.running_best(key) \
            or names.denied(key):
        return None  # "best_epoch = 23" under "***** best metrics *****", "eval_samples = 408",
        # LineVul's "eval_threshold = 0.5" (the decision's setting) under "***** Eval results"
    return key, float(found.group("value").rstrip("%"))


_STATISTICS = names.STATISTICS | {"minimum", "maximum"}
_TABLE_KEYS = frozenset({"step", "Step", "epoch", "Epoch", "iter", "iteration", "Iteration"})
_PLACES = re.compile(r"^[+-]?\d{1,9}(?:\.(\d{1,20}))?$")  # a plain number's decimals
_A_NAME = re.compile(r"[A-Za-z][\w./@\-]{0,60}$")


# Time-Series-Library's print_args: two "Key:" cells a line, each padded to a column
# ("  Seq Len:            168                 Label Len:          48")
_TWO_CELLS = re.compile(r"^\s{1,4}(?P<key>[A-Za-z][\w()]*(?: [A-Za-z][\w()]*){0,3}):\s{2,}"
                        r"(?P<value>\S+(?:, \S+)*)\s{2,}[A-Za-z][\w()]*(?: [A-Za-z][\w()]*){0,3}"
                        r":\s{2,}(?P<other>\S+(?:, \S+)*)\s*$")  # (TSLib's "128, 128")


# a setting printed with its Python type after its value
_TYPED = re.compile(r"^\s*(?P<key>[A-Za-z_][\w.\-]{0,60})\s+\S[^<>]{0,160}"
                    r"\s<class '[\w.]{1,60}'>\s*$")


def two_cells(line: str) -> bool:
    """A listing line of two padded ``Key: value`` cells (see ``_TWO_CELLS``)?"""
    return len(line) <= MAX_LINE and _TWO_CELLS.match(line) is not None


_NO_VALUE = frozenset({"-", "--", "n/a", "N/A"})  # a value a report leaves out


def classify(line: str) -> tuple[int, str]:
    """The block flags of a line (0: not part of a block) and its key, for a listing."""
    text = CLOCK.sub("", line.rstrip(), count=1)
    if not text or len(text) > MAX_LINE:
        return 0, ""
    branch = BRANCH.match(text)  # a tree's leaf ("│   ├── loss = 0.65"): as if indented
    if branch is not None and heading_phase(text) is None:
        text = " " * branch.end() + text[branch.end():]
    if text.endswith(","):
        text = text[:-1].rstrip()
    if text.lstrip().startswith("|") or len(forms.GROUP_EDGE.findall(text)) > 1:
        return 0, ""  # a table's row (its columns in groups: " IDF1  IDP  IDR| Rcll ...")
    if _STRUCTURE.match(text):
        return CONTINUES, ""
    if _MESSAGE_OPEN.match(text):
        return CONTINUES | EVIDENCE | MESSAGE, ""
    if not any(c.isdigit() for c in text) and _HEADER.search(text) \
            and (text.endswith((":", "(", "{")) or text.lstrip()[:1] in "-=*#<[("):
        return CONTINUES | EVIDENCE, ""  # "---- arguments ----", "Config:", "Namespace("
    said = message(text)
    if _DATA_STATISTICS.search(said):  # NequIP's "Computed data statistics:" over its
        return CONTINUES | EVIDENCE, ""  # "forces_rms: 1.15": the data set's, no result
    if _BEST_HEADING.match(said):
        return CONTINUES | BEST, ""
    if _COLON_HEADER.match(text):
        return 0, ""
    if _SECTION.search(text):  # "Daily metrics:" names results, "model:" a section,
        return CONTINUES | (EVIDENCE if text.endswith(("{", "[", "(")) else MEASURED | METRICS
                            if _METRICS_HEADING.match(said) else MEASURED  # "Eval results:"
                            if " " in said and _MEASURED.match(said) else 0), ""  # too
    if heading_phase(text) is not None or is_rule(text):  # "... INFO - Evaluation Results
        return CONTINUES | (MEASURED if _MEASURED.match(said) else 0), ""  # - Train
    if _MEASURED.match(LOGGER.sub("", said, count=1)):  # Set", then "... INFO -
        # ==========", "... - INFO - __main__ -   ***** Eval results *****"
        return CONTINUES | MEASURED, ""
    typed = _TYPED.match(text)
    if typed is not None:  # MVSNet's print_args: "lr \t 0.0007 \t <class 'float'>"
        return LISTING | EVIDENCE, typed.group("key")
    cells = _TWO_CELLS.match(text)
    if cells is not None:
        numeric = _NUMBER.match(cells.group("value")) and _NUMBER.match(cells.group("other"))
        return LISTING | (NUMERIC if numeric else EVIDENCE), cells.group("key").replace(" ", "_")
    position = 0
    while True:
        found = _KEY_VALUE.search(text, position)
        if found is None:
            return 0, ""
        value = found.group("value")
        if value[:1] in "{[(" or _VALUE_SEP.search(value) is None:
            break
        position = found.start("key") + 1
    key = found.group("key")
    if names.never_a_name(key.split()[0]) or (key in _TABLE_KEYS and _A_NAME.match(value)):
        return 0, ""  # (a table's header: "step<TAB>loss")
    if value[:1] == "(" and _PAIR_INSIDE.search(value):
        return 0, ""  # T2M's "R_precision: (top 1): 0.41 (top 2): 0.61": a line of values
    flags = LISTING
    if _NUMBER.match(value):
        flags |= NUMERIC | (PERCENT if value.endswith("%") else 0)
        places = _PLACES.match(value) if found.group("sep").strip()[:1] in (":", "=") \
            and not any(c.isdigit() for c in key) else None
        if places is not None:  # (an integer's: 15, no share of a float's)
            flags |= PLACES * (min(len(places.group(1)), 14) if places.group(1) else 15)
    elif value.strip() not in _NO_VALUE and _PER_CLASS.match(value) is None:  # (a score
        flags |= EVIDENCE  # a report could not compute: "TOK  -"; True, None, adam,
        # /data/x, [0.9, 0.95], {...} are a configuration's)
    if ".." in found.group("sep"):
        flags |= EVIDENCE  # "key ......... value": an argument listing
    return flags, key.replace(" ", "_")


# a list of numbers formatted as strings, a value a class (torchvision's segmentation
# reference: "IoU: ['51.7', '0.0', '5.5', ...]"): an evaluation's, no configuration's
_PER_CLASS = re.compile(r"\['[-+]?\d{1,6}(?:\.\d{1,8})?'(?:, '[-+]?\d{1,6}(?:\.\d{1,8})?'){2,}")


class Block:
    """A block being read: its keys, what it showed, and the values held back."""

    __slots__ = ("best", "computed", "copied", "depth", "epoch", "evidence", "fresh", "held",
                 "in_run", "keys", "labels_next", "liked", "lines", "lone", "measured",
                 "message", "metrics", "mode",
                 "numeric", "percent", "phase", "places", "renewed", "reprinted", "series",
                 "step", "stream", "waited")

    def __init__(self, stream: bool = False, mode: int = 0, in_run: bool = False) -> None:
        # REPRINT: after "best iteration is:", the next line repeats a round; RESULTS: under
        # Detectron2's "Evaluation results for bbox:", its tables repeat the copypaste lines;
        # PARTIAL: a Keras bar's render before the epoch is done, replaced by the next one;
        # OBJECT: a dict or JSON object printed over lines, read as one line once it closes;
        # SUMMARY: W&B's run summary, its entries new values only when they repeat none;
        # COCO: pycocotools' summary rows, until the next line shows who records them;
        # ROWS: a per-class breakdown's rows under its heading, to a blank line or a rule;
        # FLOWER: Flower's run summary, its lines read by ``flower.Reader``; BAR: a finished
        # tqdm bar's postfix values, until a line shows whether it reports them again
        self.mode = mode
        self.lines: list[str] = []  # OBJECT: its lines so far
        self.depth = 0  # OBJECT: the brackets still open
        self.step: float | None = None  # SUMMARY: its own counter rows ("epoch 9")
        self.epoch: float | None = None
        self.labels_next = False  # "Test Error: ": its phase names the next line's values
        self.phase: str | None = None  # a heading's phase ("Evaluation Results:"): its keys'
        self.lone: str | None = None  # a key alone ("SCORE:"): the next line's bare number's
        self.waited = 0  # ... lines of no value since (``lonekey.waits``)
        self.copied = False  # COCO: MMDetection's copypaste seen, its named keys may follow
        self.keys: set[str] = set()
        self.held: list[Observation] = []
        self.evidence = False
        self.message = False  # a message's text format ("trainer_spec {"): settings all
        self.numeric = 0  # listing lines whose value is a number
        self.liked = 0  # ... whose key is a metric's name
        self.percent = 0  # ... whose value is a percentage
        # ... the decimal places all its plain numbers share (0: none yet, -1: they differ)
        self.places = 0
        self.computed = 0  # ... plain numbers of ten decimals or more: computed, not typed
        self.stream = stream  # a key came twice: metrics, nothing is held back
        self.measured = False  # under a heading of results ("Evaluation Statistics")
        self.metrics = False  # ... of metrics ("Daily metrics:"): nothing under it held back
        self.best = False  # under a heading of the best epoch's values (``BEST``)
        self.series = False  # a printed pandas Series ("... dtype: float32"): a table
        # begun after a step or an epoch (rsl_rl's "Learning iteration 156025/10000000" over
        # its block): a statistic's name ("Mean episode length") is a metric's there
        self.in_run = in_run
        self.fresh = False  # under a heading of a report of its own (``fresh_report``)
        # ... its values so far, each with its line and whether it repeats its name's last
        # print (None: a name never printed), held until one of them shows a new value
        # (``renewed``: the report is new, all of them count) or the block ends (a reprint
        # of the closing evaluate()'s dict line: only names never printed count)
        self.reprinted: list[tuple[Observation, str | bytes, bool | None]] = []
        self.renewed = False

    def add(self, flags: int, key: str) -> bool:
        """Count one line of the block; True when it turned the block into a stream (the
        caller then releases what is held)."""
        if flags & EVIDENCE:
            self.evidence = True
            self.message = self.message or bool(flags & MESSAGE)
            self.series = self.series or key == "dtype"  # "Name: x, dtype: float64"
        if flags & CONTINUES:
            self.keys.clear()  # a new section: its keys may repeat the last one's ("type")
            self.measured = self.measured or bool(flags & MEASURED)
            self.metrics = self.metrics or bool(flags & METRICS)
            self.best = bool(flags & BEST)
        if not flags & LISTING or self.stream:
            return False
        folded = spelling.key(key)
        if folded in self.keys and not self.message:  # (a message's field may repeat:
            self.stream = True  # SentencePiece's "user_defined_symbols: <blk>" twice)
            return True
        self.keys.add(folded)
        if flags & NUMERIC:
            self.numeric += 1
            self.percent += bool(flags & PERCENT)
            places = flags // PLACES & 15
            if places and self.places != places:
                self.places = places if not self.places else -1
            self.computed += 10 <= places <= 14  # "331.7538650000001": a float as computed
            self.liked += names.metric_like(key) or (
                self.in_run and key.split("_", 1)[0].split(" ", 1)[0].lower() in _STATISTICS)
        return False

    def is_configuration(self) -> bool:
        return not self.stream and (
            self.evidence
            or (self.numeric >= 3 and not self.measured and not 3 <= self.places <= 14
                and 2 * self.computed <= self.numeric
                and 2 * max(self.liked, self.percent) < self.numeric))

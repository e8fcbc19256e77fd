"""What a line's plan is made of (``Action``: a number's kind and name), and the judgements
``rules`` makes over a line's actions once they are all known: a name printed twice in
sections, a family of per-class keys, a printed dict that is configuration, a new best
checkpoint's event.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import NamedTuple

from exptrack.metrics import forms, knownheaders, names
from exptrack.metrics.kinds import (
    EPOCH,
    METRIC,
    PER_CLASS,
    PER_ITEM,
    RATIO,
    STEP,
    TIMED,
)
from exptrack.metrics.phasename import with_phase

_C = tuple[int, str, str, bool]  # a named value of a line: (piece index, name, sep, phrased)


_PHASE_TOOK = re.compile(r"(?i)(?:train|training|val|valid|validation|test|eval|dev)_took$")


def only_timed(actions: list[Action], candidates: list[_C], durations: set[int],
          measures: set[int]) -> tuple[list[Action], list[_C]]:
    """The actions and candidates of a line with no step or epoch of its own, whose
    ``durations`` (tokens named by a duration's word) or ``measures`` (values with a time or
    memory unit) are reports only inside a run's epochs or steps ("Time elapsed: 126.1
    seconds," in an epoch's block), not one-offs ("Elapsed: 3.2s" at start-up): TIMED,
    decided where the line prints."""
    if durations:
        alone = len(durations) == sum(a.kind in (METRIC, RATIO) for a in actions)
        actions = [a._replace(kind=TIMED) for a in actions if a.token in durations] if alone \
            else [a for a in actions if a.token not in durations  # beside other values: a
                  or _PHASE_TOOK.match(a.name)]  # one-off, dropped; not a phase's ("valid
        candidates = [c for c in candidates if c[0] not in durations]  # took 4.19 sec |
        # loss = 0.65": the phase's time)
    if measures and len(measures) == sum(a.kind in (METRIC, RATIO) for a in actions):
        actions = [a._replace(kind=TIMED) if a.token in measures else a for a in actions]
        candidates = [c for c in candidates if c[0] not in measures]
    return actions, candidates


def counted_again(low: str, actions: list[Action]) -> bool:
    """"Steps: 61" after the line's own step ("Episode 4945/5000 | Reward: 70.1 | Steps:
    61"): a count of steps (the episode's length), a metric, not the step."""
    return low == "steps" and any(a.kind == STEP for a in actions)


class Action(NamedTuple):
    kind: int  # BAR_STEP: a tqdm bar's count, the step of its postfix when none is known
    token: int  # index into the split pieces of the line
    name: str = ""
    denominator: int = 0  # RATIO: index of the denominator token
    scale: float = 1.0
    source: tuple[int, int] = (0, 0)  # where the name's text is in the line (characters)


# "*** New best AUC=0.45 F1=0.53 -> saved", "Save best model: monitor(max): 0.2367": a new
# best checkpoint's event repeats values the run just printed (a running best)
_NEW_BEST = re.compile(
    r"(?i)(?:^|\s)[\W_]{0,8}(?:new best\b|(?:sav|stor)(?:e|ed|ing) (?:the )?(?:new )?best\b"
    r"|best so far:\s?epoch\b|best model with\b)")  # GraphGym's "| Best so far: epoch 12
# train_loss: ...", scGPT's "Best model with score 1.1115" (the validation loss again)


def sections(actions: list[Action], sectioned: dict[int, str]) -> list[Action]:
    """Names printed twice on a line, each after a phrased name ("Train Loss", "Val Loss"):
    the phrase's phase is theirs; a line whose names are all distinct keeps them."""
    named = [a.name.casefold() for a in actions if a.kind in (METRIC, RATIO)]
    if len(set(named)) == len(named):  # ("Loss" and "loss" are one name: one series)
        return actions
    return [a._replace(name=with_phase(a.name, sectioned[a.token]))
            if a.token in sectioned else a for a in actions]


def without_per_class(actions: list[Action]) -> list[Action]:
    """MMSegmentation's "IoU.wall: 0.70, IoU.building: 0.78, ... Acc.wall: 0.85": a metric
    per class, a family of ``METRIC.CLASS`` keys (many, or a few classes shared by several
    metrics; the class no metric's name): the per-class results, not aggregates (``aAcc``,
    ``mIoU`` on the line stay)."""
    families: dict[str, set[str]] = {}
    for action in actions:
        head, tail, scored = _family(action.name)  # "AP_hold_obj": a score's family by "_"
        if tail and (scored or not names.metric_like(tail)):  # (its class "hit_obj" is no
            families.setdefault(head, set()).add(tail)  # hit rate)
    classes = {head for head, tails in families.items() if len(tails) >= PER_CLASS}
    for head, tails in families.items():  # "IoU.car ... Acc.car ... Fscore.car": a few
        if any(len(tails & other) >= 3 for name, other in families.items() if name != head):
            classes.add(head)  # classes, several metrics of each
    if not classes:
        return actions
    members = [a.token for a in actions if _family(a.name)[0] in classes]
    first, last = min(members), max(members)  # "IoU.chest of drawers: 0.38" among them
    return [a for a in actions if not first <= a.token <= last or _kept(a.name, classes)]


def _kept(name: str, classes: set[str]) -> bool:
    """Whether a key among per-class results is no class's: an aggregate ("aAcc", "mIoU",
    "IoU.mean", "AP_all")."""
    head, tail, scored = _family(name)
    if head not in classes:
        return names.metric_like(name)
    if scored:  # a score's "_" family: only its aggregates
        return tail.lower() in _AGGREGATES
    return names.metric_like(tail)


# a score computed per class, whose "SCORE_class" keys are a family (loss_* are a loss's
# parts, metrics all), its phase's too ("test_AP_hold_obj")
_SCORE_FAMILY = re.compile(r"(?i)(?P<head>(?:(?:test|val|valid|eval|dev)_)?(?:ap|iou|acc|f1|dice))_"
                           r"(?P<tail>.+)")
_AGGREGATES = frozenset({"all", "mean", "avg", "average", "macro", "micro", "weighted",
                         "overall", "total"})


def _family(name: str) -> tuple[str, str, bool]:
    """A per-class key's (metric, class, whether a score's "_" family named it): "IoU.wall",
    "AP_hold_obj"; else (name, "", False)."""
    if name.endswith("]"):
        return name, "", False  # a parameter's dot: GluonTS's "QuantileLoss[0.1]"
    head, dot, tail = name.partition(".")
    if not dot and (score := _SCORE_FAMILY.fullmatch(name)) is not None:
        return score.group("head"), score.group("tail"), True
    return head, tail, False


_ITEM = re.compile(r"(.+?)_\d+$")  # a name and the number of its item


def without_per_item(actions: list[Action]) -> list[Action]:
    """A line's actions but a breakdown over items: ``PER_ITEM`` or more names that differ
    only by a number after "_" ("test/sim_max_reward_100000" ... "_100049": one evaluation's
    episodes, by seed; "acc_0" ... "acc_9": by class) are its rows, not metrics (Mask2Former's
    nine deep-supervision losses, "loss_ce_0" ... "loss_ce_8", are fewer)."""
    stems = Counter(m.group(1) for a in actions if (m := _ITEM.match(a.name)) is not None)
    many = {stem for stem, count in stems.items() if count >= PER_ITEM}
    return [a for a in actions if (m := _ITEM.match(a.name)) is None
            or m.group(1) not in many] if many else actions


# what labels a printed dict as results: "Valid results: {", "eval metrics = {", "test {"
_RESULTS_LABEL = re.compile(r"(?i)\b(?:results?|metrics|scores|stats|test|val|valid|validation|"
                            r"eval|evaluation|dev)\s?[:=]?\s?$")


# an acronym that labels a printed dict: the classifier or score its values are of (PyCIL's
# "CNN: {", "NME: {")
_FAMILY = re.compile(r"(?:^|[\s>\]])(?!(?:CFG|CONF|CONFIG|ARGS|OPTS?|HPS?|KWARGS):)"
                     r"([A-Z]{2,8}):\s?$")


def _nests(line: str) -> bool:
    """Does a dict open inside another ("{'a': {'b': 1}}"; not two side by side: "acc:{...},
    mf1:{...}")?"""
    depth = 0
    for char in line:
        if char == "{":
            depth += 1
            if depth > 1:
                return True
        elif char == "}":
            depth = max(depth - 1, 0)
    return False


def judge_dict(line: str, actions: list[Action]) -> list[Action]:
    """A ``{...}`` printed without a step or epoch whose names mostly are not metrics'
    (``{'warmup_min_lr': 0, 'warmup_num_steps': 1000}``), or with a nested dict, is a
    configuration: only the values a metric's name holds are kept."""
    values = [a for a in actions if a.kind in (METRIC, RATIO)]
    label = line[:max(line.find("{"), 0)]  # what is printed before the dict
    if _RESULTS_LABEL.search(label[-60:]):
        return actions  # ProDiff's "Valid results: {'total_loss': 1.44, 'pdur': 0.03}"
    nested = _nests(line)
    liked = [a for a in values if names.metric_like(a.name)]
    if len(values) >= 2 and (nested or 2 * len(liked) < len(values)):
        family = _FAMILY.search(label[-40:]) if not nested else None
        if family is not None:  # PyCIL's "CNN: {'total': 59.04, 'old': 51.78, 'new': 88.1}"
            return [a._replace(name=f"{family.group(1)}_{a.name}")
                    if a.kind in (METRIC, RATIO) else a for a in actions]
        return [a for a in actions if a.kind not in (METRIC, RATIO) or a in liked]
    return actions


_QUOTED_COUNTER = re.compile(r"(\d{1,12})/\d{1,12}")  # a string of a count over its total


def top_level(line: str, offsets: list[int], actions: list[Action]) -> list[Action]:
    """A JSON record's values of its own keys: not those inside its strings ("src": "...
    August 2015 ...") or its nested objects and lists (a breakdown: "buckets": {...})."""
    depth, quoted, escaped, opened = 0, False, False, 0
    top = bytearray(len(line))
    for at, char in enumerate(line):
        if quoted:
            quoted = escaped or char != '"'
            escaped = not escaped and char == "\\"
            if not quoted and depth == 1 and forms.PLAIN_NUMBER.match(line, opened, at):
                top[opened:at] = b"\x01" * (at - opened)  # fairseq's "loss": "3.097"
            elif not quoted and depth == 1 and (counted := _QUOTED_COUNTER.fullmatch(
                    line, opened, at)) is not None:  # ms-swift's "global_step/max_steps":
                top[opened:counted.end(1)] = b"\x02" * (counted.end(1) - opened)  # "46/176"
        elif char == '"':
            quoted, opened = True, at + 1
        elif char in "{[":
            depth += 1
        elif char in "}]":
            depth -= 1
        elif depth == 1:
            top[at] = 1
    return [a for a in actions if top[offsets[a.token]] == 1
            or (top[offsets[a.token]] == 2 and a.kind in (STEP, EPOCH))]  # (a counter only)


def new_best_event(line: str) -> bool:
    """A new best checkpoint's event before the values it repeats (not Marian's "... :
    67.9 : new best", which marks the value it follows)."""
    found = _NEW_BEST.search(line[:160]) if "best" in line[:160].lower() else None
    return found is not None and any(c.isdigit() for c in line[found.end():]) \
        and _PAIR_BEFORE.search(line, 0, found.start()) is None


# a value's pair before a new best's notice: the line's own values, the notice after them
# (Tesseract's "At iteration 100/100/100, Mean rms=7.383%, ..., skip ratio=0%,  New best
# BCER = 99.939 wrote checkpoint.")
_PAIR_BEFORE = re.compile(r"[A-Za-z)\]]\s?[=:]\s?[+-]?\.?\d")


# lines that report no metric: printed configuration ("Config:", "Namespace(...)", after a
# logger's prefix too: "... - Training parameters: 30 epochs, LR=0.001"; not DeepSpeed-Chat's
# "Model Parameters: 0.331 B, Latency: 0.54s")
_CONFIG_LABEL = re.compile(
    r"(?i)^\W*(?:[\w.,: \-]{0,80}?\s-\s)?(?:(?:\w+\s)?(?:hyper-?parameters?|hparams"
    r"|config(?:uration)?|args|arguments|options|settings)"
    r"|(?:training|train|run|experiment)\s(?:parameters|params))\s*[:|]")
_CONFIG_LINE = re.compile(r"^\s*\w+=[^,=]*,\s*$|Namespace\(|^\s*\w+Arguments\(|^\s*\w+Config\("
                          r"|^#(?:SBATCH|BSUB|PBS)\s"  # a batch job's directives
                          r"|\sparamwise_options -- "  # MMEngine's per-parameter lr and decay
                          # MMEngine's weight init ("NormalInit: mean=0, std=0.01, bias=0"
                          r"|^\s*[A-Z][A-Za-z]{0,20}Init: [a-z_]+="  # for each parameter); a
                          # settings table's row ending in its type ("lr  0.0001  <class
                          # 'float'>": joyrl's and easy-rl's "Name Value Type" table)
                          r"|\s<class '[\w.]{1,40}'>\s*$"
                          # a stage's settings before it runs (openTSNE's "===> Running
                          # optimization with exaggeration=12.00, lr=25.00 for 250 iterations")
                          r"|\bwith (?:[a-z_]{1,30}=[\w.]{1,20}, ){1,8}[a-z_]{1,30}=[\w.]{1,20}"
                          r" for \d{1,9} (?:iterations|epochs|steps)\b")
# LSF's "Resource usage summary:" after a job: "    CPU time :     67232.37 sec."
_JOB_SUMMARY = re.compile(r"^\s+(?:CPU time|Max Memory|Average Memory|Total Requested Memory|"
                          r"Delta Memory|Max Swap|Max Processes|Max Threads|Run time|"
                          r"Turnaround time) :\s"  # ... and IPython's %%time after a cell:
                          r"|^(?:CPU times: user |Wall time: )")  # "Wall time: 3.19 s"
# a per-class row: "Class 0: precision 0.91", "class 'cat': AP 0.52" (not the aggregate)
_CLASS_ROW = re.compile(
    r"(?i)(?:^|[\]|]\s*)\W*(?:per[-\s](?:class|category|cls)(?:\s+[A-Za-z][\w\-]*)?\s*[:|=\]]|"
    r"(?:class|category|cls)"  # ("Per-class accuracy: cat 0.91 dog 0.88")
    r"(?:\s+(?:\d+|'[^']*'|\"[^\"]*\"|(?!(?i:loss|acc|accuracy|precision|recall|f1|iou|miou"
    r"|error|score|average|mean)\b)[A-Za-z][\w\-]*)\s*[:|=\]]"  # ("Class Accuracy: 70.6%":
    # the mean of the classes' accuracies, no class called "Accuracy")
    # (a bare word names no class: "[Cls] ROC-AUC: 0.93" is a classification head's tag and
    # "box: 0.5 | cls: 0.3" a loss, where "Class: 3 | precision 0.5" names class 3)
    r"|\s*[:|=](?!\s*[+-]?\d*\.\d)))"
    # the PyTorch tutorial's "Accuracy of  frog : 93 %" and "Accuracy for class: plane is 57.0 %"
    # (not its aggregate "Accuracy of the network on the 10000 test images: 54 %")
    r"|(?i:accuracy of)\s+(?!the\b)[\w\-]{1,30} : |(?i:accuracy for class):? "
    # PointNet++'s per-class table, its label padded: "class ceiling        weight: 0.091,
    # IoU: 0.900"
    r"|^\s{0,8}(?i:class)\s(?!(?i:loss|acc|accuracy|precision|recall|f1|iou|miou|error|score"
    r"|average|mean)\b)[A-Za-z][\w\-]{0,30}\s{2,}[A-Za-z]\w{0,30}\s?:\s")
# conlleval's per-type rows, its type right-aligned in capitals: "     LOC: precision:  94.52%;
# recall:  95.10%; FB1:  94.81  1848" (not a log level's or a phase's "  INFO: loss: 0.3")
_TYPE_ROW = re.compile(
    r"\s\s(?!(?:INFO|DEBUG|WARNING|WARN|ERROR|CRITICAL|TRAIN|TEST|VAL|VALID|EVAL|DEV)\b)"
    r"[A-Z][A-Z0-9_\-]{1,30}:\s(?!(?i:train|training|val|valid|validation|test|eval|dev):)"
    r"[A-Za-z][\w\-@]{0,30}:\s")  # ("    MAE: train: 0.3 val: 0.4" is one metric's)
# Flair's per-class rows: "animal     tp: 50 - fp: 18 - fn: 32 - tn: 50 - precision: 0.7353"
# (a class's confusion counts after its label)
_COUNTS_ROW = re.compile(r"^\s*[^\s:]{1,40}\s+tp:\s?\d+\s-\sfp:\s?\d+")
# a posterior summary's header, its quantiles' columns named by their percent (NumPyro's and
# Pyro's print_summary: "mean  std  median  5.0%  95.0%  n_eff  r_hat"): names, no values
_QUANTILE_HEADER = re.compile(r"^\s{0,40}(?:[A-Za-z_]\w{0,30}\s{1,20}){1,8}\d{1,2}\.\d%\s{1,20}"
                              r"\d{1,2}\.\d%(?:\s{1,20}[A-Za-z_]\w{0,30}){0,8}\s*$")
# a test's p-value on a log scale (lifelines' "-log2(p) of ll-ratio test = 15.37"): how
# sure a test is, no measure of the model; and a caption of the data's rates
_NO_MEASURE = re.compile(r"^\s{0,8}-log(?:2|10)?\(p\) of "
                    # H2O's caption over its Gains/Lift table: the data's response rate
                    r"|^Gains/Lift Table: "
                    # caret's verboseIter marks, a resample's start and end with the tuning
                    # parameters it fits ("+ Fold1: k=5 ", "- Fold3.Rep2: mtry=2 ")
                    r"|^[+-] (?:Fold|Resample)\d{1,4}(?:\.Rep\d{1,4})?: "
                    # H2O AutoML's event log: "02:33:17.551: New leader: XGBoost_1_AutoML_1,
                    # auc: 0.808", the best model so far's score (its leaderboard holds it);
                    # "Setting stopping tolerance adaptively based on the training frame:
                    # 0.05", a setting
                    r"|^\d\d:\d\d:\d\d\.\d{1,3}: (?:New leader: |Setting stopping )"
                    # R randomForest's do.trace header ("ntree      OOB      1      2"): the
                    # classes' numbers over their columns (``tables``), no values
                    r"|^" + knownheaders.FOREST_TRACE + r"\s*$")
# YDF's (TF-DF's) data spec, a column a row: its index, quoted name and type in capitals, then
# the column's statistics ("1: "f1" NUMERICAL mean:-0.0044 min:-2.94 max:2.12 sd:0.97"): the
# data, no measurement of the model
_COLUMN_SPEC = re.compile(r"^\s{0,8}\d{1,6}: \"[^\"]{1,200}\" [A-Z][A-Z_]{2,30}(?:\s|$)")
# "Total number of train params, training full: 2395779": a line of counts
_COUNT_LINE = re.compile(r"(?i)^\W*(?:total\s)?(?:number|num)\sof\s"
                         r"|\d[\d,]{3,20}\s?/\s?\d[\d,]{3,20}\s(?:trainable|params|parameters)\b")
# ("LoRA applied: 15,335,424 / 8,206,070,784 trainable (0.19%)": parameters counted)

# events, not measurements: a setting changed by the framework (DeepSpeed's "Overflow
# detected. Skipping step. Attempted loss scale: 65536, reducing to 32768.0") and a
# start-up's step ("Time to load utils op: 0.45 seconds": DeepSpeed building an extension)
_EVENT = re.compile(r"(?i)\d,? (?:reducing|increasing|reduced|increased) to [+-]?\.?\d"
                    # PyTorch's "Epoch    86: reducing learning rate of group 0 to 9.7e-05."
                    # (the scheduler's own count, no epoch of the run's)
                    r"|: (?:reducing|increasing) learning rate of group \d"
                    r"|\bTime to (?:load|build|compile) [\w ]{1,60}: "
                    # TensorFlow's "Summary name dense/bias:0 is illegal; using dense/bias_0
                    # instead", a job's "Exited with exit code 130", FuxiCTR's early stopping
                    # ("Monitor(max) STOP: 0.98 !"; its "Save best model: monitor(max): 0.94"
                    # is a new best's event, see _NEW_BEST)
                    r"|\bis (?:illegal|invalid|not supported)\b|\bexit (?:code|status)\b"
                    r"|\bmonitor\((?:max|min)\)"
                    # pycma's "termination on {'maxfevals': 3000}": the stopping rules met, with
                    # their thresholds (settings)
                    r"|^termination on \{")

# a network's table of layers: StyleGAN2-ADA's "mapping.fc0   262656   -   [32, 512]   float32"
# (parameters, buffers, output shape, data type)
_LAYER_ROW = re.compile(r"\[\d+(?:, \d+){0,7}\]\s+(?:b?float|u?int)(?:8|16|32|64)\s*$")


# scikit-learn's classification_report: its "accuracy" row is one of the table's summary rows
# (with "macro avg" and "weighted avg"), its value the table's rounding, its last number the
# support (a count): "    accuracy                           0.99      5360"
_REPORT_ACCURACY = re.compile(r"^\s{2,}accuracy\s{5,}\d?\.\d{2,4}\s{2,}\d{1,12}\s*$")


# NCCL's debug records, after its "host:pid:tid [device]" prefix: "node01:2802954:2803010 [1]
# NCCL INFO NET/Socket : Using [0]eno1:10.26.1.136<0>" (a network's set-up, no metric)
_NCCL = re.compile(r"^\S{1,64}:\d{1,10}:\d{1,10} \[\d{1,4}\] NCCL (?:INFO|WARN) ")


def not_a_report(line: str) -> bool:
    """A whole line that reports no metric: printed configuration (`Namespace(...)`,
    `Config:`), a count (`Total number of ...`), a per-class row, a new best's event."""
    return bool(_CONFIG_LINE.search(line) or _CONFIG_LABEL.search(line)
                or _COUNT_LINE.search(line) or _CLASS_ROW.search(line[:80])
                or _TYPE_ROW.search(line[:120]) or _COUNTS_ROW.match(line)
                or _EVENT.search(line) or _LAYER_ROW.search(line[-80:])
                or _JOB_SUMMARY.match(line) or _REPORT_ACCURACY.match(line)
                or _COLUMN_SPEC.match(line) or _QUANTILE_HEADER.match(line)
                or _NO_MEASURE.match(line)
                or (" NCCL " in line and _NCCL.match(line) is not None)
                or new_best_event(line))


# Lightning's ModelCheckpoint: "Epoch 0, global step 352: 'val/acc' reached 0.18400 (best
# 0.18400), saving model to '...' as top 1", "... 'val/acc' was not in top 1"; before 1.3 the
# name was not quoted ("Epoch 00000: val_loss reached 2.12986 (best 2.12986), ...")
_REACHED = re.compile(r"(?:(['\"])(?P<quoted>[^'\"\s]{1,80})\1"
                      r"|(?<![^\s:])(?P<bare>[A-Za-z_][\w./\-]{0,79})) reached $")
_TOP_K = re.compile(r"\s(?:as|in) top $")


def checkpoint_event(pieces: list[str], actions: tuple[Action, ...]) -> tuple[Action, ...]:
    """A checkpoint's line: the value it ``reached`` is the quoted quantity's at that step;
    ``as top 1`` (or ``in top 3``) is the checkpoint's rank, not a metric."""
    kept: list[Action] = []
    for action in actions:
        left = pieces[action.token - 1]
        if action.kind == METRIC and action.name == "top" and _TOP_K.search(left):
            continue
        found = _REACHED.search(left) if action.kind == METRIC and action.name == "reached" \
            else None
        if found is not None:
            at = sum(len(piece) for piece in pieces[:action.token - 1])
            group = "quoted" if found.group("quoted") else "bare"
            action = action._replace(name=found.group(group),
                                     source=(at + found.start(group), at + found.end(group)))
        kept.append(action)
    return tuple(kept)

"""A line shape's plan: where its numbers are and what each one is (see ``parser``)."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import NamedTuple

from exptrack.metrics import (
    barrenders,
    darknet,
    detectron,
    distiller,
    dumpheads,
    dumps,
    flower,
    forms,
    headings,
    knownheaders,
    linepasses,
    logrecord,
    rules,
    tablecells,
    toolplans,
    xgbrounds,
)

_DIGITS = re.compile(rb"\d+")
_UNDECODED = re.compile("[\udc80-\udcff]")  # bytes that are no UTF-8 (``surrogateescape``)
_SIGN = re.compile("(?<=[0-9])[\udc80-\udcff]{1,2}(?=[0-9])")
# a tab as syslog escapes it (SageMaker's training logs through CloudWatch: "Step #50#011Loss:
# 0.265"), read as the tab it was (the same length: offsets stay the bytes')
_ESCAPED_TAB = re.compile(r"(?<=\S)#011(?=\S)")
# a terminal's colour code whose escape byte a paste dropped (Coqui's "avg_loss_kl:[91m 1.68
# [0m(+0.03)"), blanked as its whole code is (not a duration's "[1m 00s]")
_BARE_SGR = re.compile(r"(?<!\x1b)\[(?:[0-9]|[1-9][0-9]|10[0-7])(?:;[0-9]{1,3}){0,4}m"
                       r"(?!\s?[0-9]{1,2}s\b)")
# the tag a launcher puts before each line of a process: Open MPI's (Horovod's)
# "[1,0]<stdout>:", torchrun's "[default0]:", PyTorch's "[rank0]:", Ray's "(main_task
# pid=2105103) ", "(WorkerDict pid=123, ip=10.0.0.2) ", Slurm's "srun --label" padded to the
# widest task's (" 0: " beside "31: "), or before a padded stamp ("3:  [2026-04-28 06:59:57]");
# an unpadded "3: " before a word or a tag is as often an iteration: CatBoost's "3:  learn:
# 0.95", a GAN's "283: [D] real 0.05"
_PROCESS_TAG = re.compile(r"^(?:\[\d{1,6},\d{1,6}\]<std(?:out|err)>|\[(?:default|rank)\d{1,6}\]):"
                          r"|^ {1,4}\d{1,4}: (?=[ \[A-Za-z])|^\d{1,4}: (?= \[\d)"
                          r"|^\((?:[\w.:]{1,60} )?pid=\d{1,9}(?:, ip=[\d.]{7,15})?\) ")
# PaddleOCR's "best metric, hmean: 0.88, precision: 0.83, ...": the best evaluation so far,
# its values printed again (a running best, not a report)
# and the geo-localization benchmark's "Improved: previous best R@5 = 87.3, current R@5 = 88.6"
# (the current one is the recall just reported)
_RUNNING_BEST = re.compile(r"(?i)(?:^|[\s:\]])best (?:metrics?, [A-Za-z]|[^\s,=:]{1,30} ?[=:] ?"
                           r"[-+]?[\d.]{1,20}, current |[a-z]{1,20} metrics are \{)")
# (Ultralytics' tuner: "Best fitness metrics are {'metrics/precision(B)': 0.5, ...}", the
# best iteration's so far)
# a best epoch's values again, named by its epoch: MetaRec's "[Best score at epoch 5] Prec@100 =
# 0.0886", "New best model at epoch 2 with val_acc = 0.1773", "Loaded best model from epoch 185
# (val_loss=1.669072)"; the best so far ("best test loss till now: 0.090534")
_BEST_AT = re.compile(r"(?i)(?:^|[\s:\]\[(])best(?: [A-Za-z]{1,12}){0,3} (?:(?:at|from) "
                      r"(?:epoch|step|iteration|iter|round) ?:? ?#?\d"
                      r"|(?:till|until|so) (?:now|far)\b)"
                      # the checkpoint of the best so far: "New best model saved with val
                      # loss: 0.39", "best model saved! Val Acc: 74.86%", "Best Model Saved
                      # with F_beta: 0.0105", "best model saved, Val IoU = 0.89"
                      r"|(?:^|[\s:\]\[(])best (?:model|checkpoint|weights) saved\b[!,.]?"
                      r" (?:with )?[A-Za-z]"
                      # a line of the best value, then its epoch: "Best Test acc: 0.769261(Epoch
                      # 130)" (not "current dice: 0.78 best dice: 0.91 at epoch: 12": a report)
                      r"|^\W{0,4}best(?: [A-Za-z]{1,12}){0,3} ?[:=]? ?[-+]?\d[\d.]{0,19}"
                      r"%? ?(?:\(|at |@ ?)(?:epoch|step|iteration|iter)\b"
                      r"|^\W{0,4}the (?:current|running) best\s"  # "The Current
                      r"|(?:completed|finished|done),\s{1,3}best[\w ]{0,24}?\s?[:=]\s?[-+]?\d"
                      r"[\d.]{0,19}%?\s(?:at|@)\s?(?:epoch|step|iteration|iter)\b"
                      r"|(?:^|\s)best \[[^\[\]]{1,160}?\bon epoch: ?\d"
                      r"|^\W{0,4}exceed(?:s|ed)? previous best\b")  # NCRF++'s "Exceed previous
# best f score: 0.7855", the best before this epoch's
# Best Test Result: precision = 91.36%" (pytorch_NER_BiLSTM_CNN_CRF); MONAI's tutorials'
# closing "train completed, best_metric: 0.1952 at epoch: 42"; Distiller's "==> Best [Top1:
# 75.527   Sparsity:0.00   Params: 375264 on epoch: 139]"
# ... after a report of the line's own counter and a value: the report stands
_COUNTED_REPORT = re.compile(r"(?i)\b(?:epoch|step|iter|iteration)\b\W{0,3}\d{1,9}\b.{0,200}?"
                             r"[A-Za-z]\w{0,40}\s?[:=]\s?[-+]?\.?\d")
# YOLOX's "Model Summary: Params: 54.15M, Gflops: 155.65": the model's size, no metric
_MODEL_SUMMARY = re.compile(r"(?i)\bmodel summary: ")
# NCRF++'s settings under "Hyperparameters:" ("     Hyper              lr: 0.015")
_HYPER_SETTING = re.compile(r"^\s{1,8}Hyper\s{1,20}[A-Za-z]\w{0,30}: ")
# a record stamped to the second: the same bytes again are the same record (two handlers)
_STAMPED = re.compile(rb"\[?\d{4}-\d\d-\d\d[ T]\d\d:\d\d:\d\d")
# plan flags beyond ``dumps``' (a plan with any flag leaves the hot loop: ``slowpath``)
KEYED = 1  # a name holds digits of the line ("top1"): lines of the shape differ by them
SLOW = 1 << 5  # a tqdm bar's step, or a number ``float`` does not read ("0.0363f0")
TIMING = 1 << 6  # timings only (``rules.TIMED``): recorded only under a step or an epoch
REPRINT = 1 << 7  # "Early stopping, best iteration is:": the next line re-prints a round
COPYPASTE = 1 << 8  # Detectron2's "copypaste:" results (``detectron``)
RESULTS = 1 << 9  # Detectron2's "Evaluation results for bbox:": its tables repeat them
OBJECT = 1 << 11  # a "{" that opens an object printed over lines (pprint, JSON indent)
DONE = 1 << 12  # "Training completed", "Validating best.pt...": the run's steps are over
CLOSES = 1 << 16  # "Optimization Finished!", "Final summary": after a line of metrics, likewise
SUMMARY = 1 << 13  # W&B's "wandb: Run summary:": its entries repeat values (``wandbsummary``)
COCO_ROW = 1 << 14  # a row of pycocotools' summary, held until the next line (``detectron``)
COCO_TYPE = 1 << 15  # "Evaluate annotation type *segm*": the type of the summary that follows
ROWS = 1 << 18  # "Per-class details:": each line under it is one class's (no aggregate)
MAX_OBJECT_LINES = 200  # an object printed over more lines is read line by line
LR_REDUCED = 1 << 20  # Keras' ReduceLROnPlateau notice: a learning rate when no line prints one
FLOWER = 1 << 28  # a line of Flower's rounds or its summary's heading (``flower``)
RANKED = 1 << 29  # a line of metrics a process of a rank printed (``rank_of``)
TRIAL = 1 << 30  # Optuna's "Trial 3 finished with value": its step is the trial's alone
VALIDATING = 1 << 31  # Distiller's "--- validate (epoch=3)---": a section of its phase
EVALUATING = 1 << 34  # "***** Running Evaluation *****": a new evaluation's values follow
REPORT = 1 << 33  # a tool's report of its own (DeepSpeed's flops profile): none of it measures
# training; read past to its closing rule (``modes``)
EPOCH_REPORT = 1 << 27  # "epoch time: 194366.22 ms, per step time: 498.375 ms": the epoch's
# report after its batches' lines (MindSpore's TimeMonitor, DGL's "Epoch Time(s)"): no step
KERAS_BAR = 1 << 10  # a Keras bar ("235/285 [====>...] - ETA: 0s - loss: 0.11"): see KERAS
# a Keras progress bar's line, Keras 2 ("[====>....]") or 3 ("━━━━"): "count/total bar"
KERAS = barrenders.KERAS_BAR
# a value the epoch reports of itself: "epoch time", DGL's "Epoch_Time(s)", "epoch_loss"
_EPOCH_NAME = re.compile(r"(?i)epoch[_ \-(]")
# a pipeline's stage announced by its count ("[4/5] Training model...", "[Step 2/4] Computing
# scores on test set..."): words after the count, no other number, an ellipsis; no step
_STAGE = re.compile(r"\s*\[(?:(?i:step|stage|phase) ?)?\d{1,2}/\d{1,2}\] [A-Za-z][^\d]{0,200}?"
                    r"(?:\.\.\.|\u2026)\s*$"
                    # OpenVINO's benchmark_app: "[Step 4/11] Reading model files", "[Step
                    # 10/11] Measuring performance (..., limits: 200 iterations)": the stage's
                    # word, then a verb and words, a remark in parentheses at most
                    r"|\s*\[(?i:step|stage|phase) ?\d{1,2}/\d{1,2}\] [A-Z][a-z]{2,20}ing\b"
                    r"[^:=(\d.]{0,200}(?:\([^()]{0,200}\))?\s*$")
# Keras' ReduceLROnPlateau(verbose=1): "Epoch 00004: ReduceLROnPlateau reducing learning rate to
# 4.999999873689376e-06." The run's learning rate where its epoch lines print none; where they
# do (Keras 3's "- learning_rate: 1.2500e-04"), an event already in that series (``slowpath``)
_LR_REDUCED = re.compile(r"^\s*Epoch (\d{1,9}): ReduceLROnPlateau reducing learning rate to "
                         r"(\d{1,20}(?:\.\d{1,40})?(?:e[-+]?\d{1,3})?)\.?\s*$")
_BLEU_COUNTS = b"{'testlen': "  # ({'testlen': 122, 'reflen': 123, 'guess': [...], ...})


class Plan(NamedTuple):
    # (STEP | BATCH | EPOCH | EPOCH_ALONE | BAR_STEP, start, end): byte offsets
    context: tuple[tuple[int, int, int], ...]
    # (name, start, end, denominator start, denominator end (0: none), scale)
    metrics: tuple[tuple[str, int, int, int, int, float], ...]
    flags: int = 0  # KEYED, SLOW and ``dumps`` flags
    keyed: tuple[tuple[int, int], ...] = ()  # KEYED: byte spans of the digits in names
    key: str = ""  # dumps.LISTING: the listing's key
    # the bytes from the line's own step or epoch to its last metric: a line printed again
    # right after itself with the same bytes there is the same report again
    report: tuple[int, int] = (0, 0)


EMPTY = Plan((), ())
# what a record's message may be planned alone with (not an object printed over lines, a
# Keras bar or Flower's lines, whose handlers read the line as printed)
_MESSAGE_FLAGS = (dumps.LISTING | dumps.NUMERIC | dumps.PERCENT | dumps.PLACES * 15
                  | dumps.EVIDENCE | dumps.CONTINUES | dumps.MEASURED | dumps.METRICS
                  | dumps.BEST | dumps.MESSAGE | EPOCH_REPORT | DONE | CLOSES | TRIAL
                  | LR_REDUCED | REPRINT | COCO_ROW | COCO_TYPE | ROWS | RESULTS | COPYPASTE
                  | SUMMARY | RANKED | EVALUATING)
_CONTEXT = frozenset({rules.STEP, rules.EPOCH, rules.BAR_STEP, rules.BATCH})


def _shifted(plan: Plan, cut: int, raw: bytes) -> Plan:
    """The plan of a record's message (``raw[cut:]``) as the plan of the whole line: its
    byte offsets moved past the record's prefix; a stamped record's report is the line."""
    if plan is EMPTY or not (plan.context or plan.metrics):
        return plan
    low, high = plan.report
    return plan._replace(
        context=tuple((kind, start + cut, end + cut) for kind, start, end in plan.context),
        metrics=tuple((m[0], m[1] + cut, m[2] + cut, m[3] + cut if m[4] else 0,
                       m[4] + cut if m[4] else 0, m[5]) for m in plan.metrics),
        keyed=tuple((start + cut, end + cut) for start, end in plan.keyed),
        report=(low + cut, high + cut) if high else _stamped_report(raw, bool(plan.metrics)))


def _stamped_report(raw: bytes, metrics: bool) -> tuple[int, int]:
    """The report of a line of metrics and no step of its own: the whole line when a record's
    time stamps it (two handlers printing one record print the same bytes), else none."""
    return (0, len(raw)) if metrics and _STAMPED.match(raw) else (0, 0)


def make_plan(raw: bytes, name: Callable[[str], str], peek: Callable[[str], str],
              objects: bool = True, records: bool = True) -> Plan:
    """The plan of a line (``raw``), its metrics named through ``name``, or through
    ``peek`` for a line that may be a printed setting (its name is taken only once a value
    is recorded: see ``slowpath``); ``records``: a Python logging record's message is
    planned alone."""
    if raw[:12] == _BLEU_COUNTS:  # pycocoevalcap's BLEU counts, then "ratio: 0.9918...", its
        return Plan((), (), REPRINT)  # length ratio: neither is a score (its "Bleu_1: ..." are)
    text = raw.decode("utf-8", "surrogateescape")
    if not text.isascii():  # another encoding's sign between numbers (GBK's "±" in "74.14±1.33"):
        text = _SIGN.sub(lambda m: "?" * len(m.group()), text)  # "?"s (the same offsets); its
        if _UNDECODED.search(text):  # words leave the line unread (``EMPTY`` below)
            text = raw.decode("utf-8", "replace")
    if "#011" in text:
        text = _ESCAPED_TAB.sub("   \t", text)
    if "m" in text and "[" in text and _BARE_SGR.search(text):
        text = _BARE_SGR.sub(lambda m: " " * len(m.group()), text)
    printed = untagged(text)
    if len(printed) < len(text):  # read as the line the process printed (the same offsets)
        text = " " * (len(text) - len(printed)) + printed
    if text[-1:] == ":" and tablecells.phase_label(text) is not None:
        return EMPTY  # ParlAI's "... REPORT   | valid:": a label over the table below it
    record = logrecord.prefix(text)
    if records and record is None and (found := logrecord.python_prefix(text)) is not None \
            and found.end() < len(raw):
        message = make_plan(raw[found.end():], name, peek, objects)
        if not message.flags & ~(KEYED | SLOW | TIMING):  # (a block's line reads whole: a
            return _shifted(message, found.end(), raw)  # dict over lines)
        if not message.flags & ~(KEYED | SLOW | TIMING | _MESSAGE_FLAGS):  # a listing's
            whole = make_plan(raw, name, peek, objects, records=False)  # line, a heading, a
            return _shifted(message, found.end(), raw) \
                if len(message.context) >= len(whole.context) else whole  # report: its
            # phrase read alone, where the prefix hides no counter of the line ("[time]
            # PRINT [15,  2000] loss: 1.5")
    if record is not None:  # the message alone (the same offsets)
        text = " " * record.end() + text[record.end():]
    marked = _marked(raw, text, objects)
    if marked is not None:
        return marked
    if "ReduceLROnPlateau reducing" in text:
        reduced = _LR_REDUCED.match(text) if text.isascii() else None
        return EMPTY if reduced is None else Plan(
            ((rules.EPOCH_ALONE, *reduced.span(1)),),
            ((peek("learning_rate"), *reduced.span(2), 0, 0, 1.0),), LR_REDUCED)
    best = _BEST_AT.search(text, 0, 200) if "est " in text or "best_" in text else None
    if best is not None and _COUNTED_REPORT.search(text, 0, best.start()):
        text, best = text[:best.start()] + " " * (len(text) - best.start()), None  # "[Epoch
        # 20] loss=0.5 (best at epoch 10)": the epoch's report, then the best so far's
    if (best is not None or " got best " in text) and text.rstrip().endswith(":") \
            and dumps.best_heading(text):
        return Plan((), (), dumps.CONTINUES | dumps.BEST)  # "Best model at step 3000:"
        # (DeepXDE's), fastNLP's "In Epoch:3/Step:30, got best dev performance:": its lines
        # repeat the best step's values
    if _RUNNING_BEST.search(text, 0, 200) or _MODEL_SUMMARY.search(text, 0, 200) \
            or _HYPER_SETTING.match(text) \
            or best is not None or ("==> " in text and distiller.SUMMARY.search(text)) \
            or ((text[-1:] in ".\u2026" or "ing " in text[:60])
                and _STAGE.match(text, record.end() if record else 0)):
        return EMPTY
    if "RESULTS" in text and headings.RESULTS_HEADER.match(text):
        return Plan((), (), DONE)
    pieces = (xgbrounds.pieces(text) if text[:1] == "[" and "@" in text else None) \
        or rules.TOKEN.split(text)
    dark = darknet.plan(pieces, text) if len(pieces) > 2 else None
    tool = toolplans.plan(pieces, text) if dark is None else toolplans.NONE
    if tool.empty:
        return EMPTY
    dark = dark if dark is not None else tool.actions
    trial = TRIAL if tool.trial else 0
    actions = dark if dark is not None else linepasses.plan_line(pieces) if len(pieces) > 1 else ()
    if not actions:
        return listing_plan(raw, text)
    if headings.EARLY_STOP.search(text) and all(a.kind != rules.METRIC for a in actions):
        return Plan((), (), DONE)  # "Early stopping at epoch 44": what follows is a final test
    offsets = [0]  # byte offset of each piece
    for piece in pieces:
        offsets.append(offsets[-1] + (len(piece) if piece.isascii()
                                      else len(piece.encode("utf-8", "surrogateescape"))))
    if offsets[-1] != len(raw):
        return EMPTY  # invalid UTF-8: offsets would not match the bytes

    def span(index: int) -> tuple[int, int]:
        return offsets[index], offsets[index + 1]

    def at(char: int) -> int:  # a character position of ``text`` as a byte offset
        return char if text.isascii() else len(text[:char].encode("utf-8", "replace"))

    kinds = {a.kind for a in actions}
    alone = rules.EPOCH_ALONE if rules.EPOCH in kinds and not kinds & {
        rules.STEP, rules.BATCH, rules.BAR_STEP} else rules.EPOCH
    context = tuple((alone if a.kind == rules.EPOCH else a.kind, *span(a.token))
                    for a in actions if a.kind in _CONTEXT)
    values = [a for a in actions if a.kind in (rules.METRIC, rules.RATIO, rules.TIMED)]
    listing, key = dumps.classify(text) if not tool.traced and not context and (
        len(values) < 2 or (len(values) == 2 and dumps.two_cells(text))) else (
        dumps.CONTINUES, "") if not values and dumpheads.heading_phase(text) else (0, "")
    # ("Epoch 15 - Val metrics:": the epoch, and a heading over the keys that follow)
    naming = peek if listing else name
    metrics = tuple((naming(a.name), *span(a.token),
                     *(span(a.denominator) if a.kind == rules.RATIO else (0, 0)), a.scale)
                    for a in values)
    keyed = tuple(m.span() for a in values
                  for m in _DIGITS.finditer(raw, at(a.source[0]), at(a.source[1])))
    flags = (KEYED if keyed else 0) | trial
    if any(a.kind == rules.TIMED for a in values):
        flags |= TIMING
    tokens = [a.token for a in actions] + [a.denominator for a in values if a.denominator]
    if any(a.kind == rules.BAR_STEP for a in actions) \
            or not all(forms.is_plain(pieces[t]) for t in tokens) \
            or (context and barrenders.unsized_bar(text) >= 0):  # (a bar's renders: ``slowpath``)
        flags |= SLOW
    if metrics and KERAS.match(text):
        flags |= KERAS_BAR
    if metrics and not any(c[0] in (rules.STEP, rules.BATCH, rules.BAR_STEP) for c in context) \
            and any(_EPOCH_NAME.match(m[0]) for m in metrics):
        flags |= EPOCH_REPORT
    if len(values) == 1 and detectron.is_summary(values[0].name):
        flags |= COCO_ROW
    if context and not values and distiller.BANNER.search(text):
        flags |= VALIDATING
    own = [c for c in context if c[0] in (rules.STEP, rules.EPOCH, rules.EPOCH_ALONE)]  # (a
    # dict's own "'epoch': 1" too: Ray Train V2 prints a worker's dict twice in a row)
    report = (min(own[0][1], metrics[0][1]), max(own[-1][2], metrics[-1][2])) \
        if own and metrics else _stamped_report(raw, bool(metrics))
    return Plan(context, metrics, flags | listing, keyed, key, report)


def listing_plan(raw: bytes, text: str | None = None) -> Plan:
    """The plan of a line without metrics: empty, but for a printed configuration's line
    (``dumps``)."""
    if len(raw) > dumps.MAX_LINE * 4:
        return EMPTY
    text = raw.decode("utf-8", "replace") if text is None else text
    if headings.BEST_NEXT.search(text[-60:]):
        return Plan((), (), REPRINT)
    if "wandb:" in text[:80] and headings.WANDB_SUMMARY.match(untagged(text).lstrip()):
        return Plan((), (), SUMMARY)  # (under Ray: "(TaskRunner pid=1) wandb: Run summary:")
    marked = _marked(raw, text)
    if marked is not None:
        return marked
    if detectron.RESULTS.search(text[-80:]):
        return Plan((), (), RESULTS)
    if detectron.summary_type(text) is not None:
        return Plan((), (), COCO_TYPE)
    if headings.DONE_LINE.search(text[:200]):
        return Plan((), (), DONE)
    if headings.EVALUATION_START.search(text[-100:]):
        return Plan((), (), EVALUATING)
    if headings.PER_CLASS.match(text.strip()) or headings.EACH_CLASS.search(text[-60:]) \
            or headings.PROFILE.search(text[-60:]):
        return Plan((), (), ROWS)
    if text[:5] == "-----" and headings.PROFILE_BANNER.match(text.strip()):
        return Plan((), (), REPORT)
    if (text.rstrip().endswith(knownheaders.R_TAILS) or text[:9] == knownheaders.MLR_MEASURES) \
            and knownheaders.known_header(text.strip()) is not None:
        return EMPTY  # R's result table's header (cv.glmnet's "Lambda Index Measure ..."),
        # no heading of a configuration's
    flags, key = dumps.classify(text)
    if not flags and (headings.CLOSING.search(text[:200]) or headings.DONE_ALONE.match(text)):
        return Plan((), (), CLOSES)
    if flags & dumps.CONTINUES and headings.FINAL_HEADING.search(text[:200]):
        flags |= CLOSES  # "🏁 Final evaluation...": a heading after the run's steps
    return Plan((), (), flags, (), key) if flags else EMPTY


# Hugging Face's "... >> Model config LlamaConfig {" (and "Generate config GenerationConfig {"):
# a configuration object printed over the lines after it, as JSON
_CONFIG_OBJECT = re.compile(r"\b[A-Z]\w{0,60}Config \{\s*$")


def _marked(raw: bytes, text: str, objects: bool = True) -> Plan | None:
    """The plan of a line that a reader of its own takes, digits or not: Detectron2's
    ``copypaste:`` line, Flower's rounds and summary headings, the first line of an object
    printed over lines."""
    if b"copypaste: " in raw and detectron.COPYPASTE.search(text):
        return Plan((), (), COPYPASTE)
    if any(marker in text for marker in flower.MARKERS) and flower.marked(text):
        return Plan((), (), FLOWER)
    if objects and (text.lstrip()[:1] == "{" or _CONFIG_OBJECT.search(text)
                    or _record_object(text)) and depth(text) > 0:
        return Plan((), (), OBJECT)
    return None


def _record_object(text: str) -> bool:
    """Does a log record's message open an object printed over lines? (LeRobot's "INFO
    2026-12-07 15:07:41 ot_train.py:197 {'batch_size': 8,": its configuration, pprinted)"""
    if "{" not in text[:200]:
        return False
    record = logrecord.python_prefix(text)
    return record is not None and text[record.end():record.end() + 1] == "{"


def depth(text: str) -> int:
    """How many brackets a line opens and leaves open (a pprinted dict's first line: 1)."""
    return text.count("{") + text.count("[") - text.count("}") - text.count("]")


def bar_finished(raw: bytes, start: int, end: int) -> bool:
    """Does a bar's count (``raw[start:end]``) equal its total ("| 7673/7673 [")?"""
    count = raw[start:end]
    return raw[end:end + 1] == b"/" and raw.startswith(count, end + 1) \
        and not raw[end + 1 + len(count):end + 2 + len(count)].isdigit()


# the rank a line's process tag names: PyTorch's "[rank1]:", torchrun's "[default1]:", Open
# MPI's "[1,1]<stdout>:", a script's own "[Rank 1] " or "GPU/rank 1 step 500: train loss" (not
# a retrieval's "Rank 1 accuracy": only before a step's or an epoch's counter)
_RANK_TAG = re.compile(r"^(?:\[(?:rank|default)(\d{1,6})\]:|\[\d{1,6},(\d{1,6})\]<std(?:out|err)>:"
                       r"|\[Rank (\d{1,6})\] "
                       r"|(?:GPU/)?[Rr]ank (\d{1,6}) (?=(?i:step|epoch|iter|batch)))")


def rank_of(raw: str | bytes) -> int | None:
    """The rank of the process that printed a line, when its tag names one (``_RANK_TAG``,
    icefall's "(1/2)"): each process of a distributed run prints its own copy of the
    run's lines, and only the lowest rank's are the run's series (as the frameworks that
    log from rank zero only record them); None for a line of no rank."""
    text = text_of(raw[:300])
    tag = _RANK_TAG.match(text) if text[:1] in "[GRr" else None
    if tag is None and ") " in text[:160]:
        tag = logrecord.RANK_RECORD.match(text)
    if tag is None:
        return None
    return int(next(group for group in tag.groups() if group is not None))


def untagged(text: str) -> str:
    """The line a process printed, without the tag its launcher put before it."""
    tag = _PROCESS_TAG.match(text) if text[:1] in "[( 0123456789" else None
    return text if tag is None else text[tag.end():]


def text_of(raw: str | bytes) -> str:
    """A line as the parser holds it (str when its chunk was ASCII, else bytes), as text."""
    return raw if isinstance(raw, str) else raw.decode("utf-8", "replace")

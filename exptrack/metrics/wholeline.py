"""Whole lines of one form that the per-number rules (``rules``) do not read:

- ``<step> <split> <value>`` (build-nanogpt's log.txt: ``1712 train 3.634902``), when the
  word is a split's (``train``, ``val``) or a metric's; Trax's ``Step N: train Name |  value``;
- pycocotools' summary rows, named by their query (``detectron``);
- a phrase with small words in it and its value, alone on its line, which the rules take
  for prose (Unsloth's ``Peak reserved memory for training = 0.828 GB.``, scikit-learn's
  ``Accuracy on test set: 0.9583``), when the phrase names a measure;
- a step, then fields of a value and its name after it (tinygrad's ``   10 4.40 s run,
  11.8750 loss, 0.000000000005 LR, 1454.57 GB used``).

The regexes are anchored, over words separated by single spaces: linear.
"""

from __future__ import annotations

import re

from exptrack.metrics import detectron, listed, lrprints, names
from exptrack.metrics.actions import Action, not_a_report
from exptrack.metrics.around import STOPWORDS, TIME_UNITS
from exptrack.metrics.kinds import EPOCH, METRIC, STEP, TIMED
from exptrack.metrics.lrprints import UNIT_AFTER
from exptrack.metrics.naming import PREPOSITIONS, normalize_name
from exptrack.metrics.phasewords import WORD_PHASES

# a data frame's row: its index, an item's label, its value ("17   season_onehot_2   0.10",
# feature importances; a row of a metric's name is a metric's: "0   accuracy   0.93")
_INDEXED_ITEM = re.compile(r"\s{2,}([A-Za-z][\w\-]{0,60})\s{2,}")


# mmcv's ProgressBar ("[>>>>>>] 764/764, 8.9 task/s, elapsed: 86s, ETA:     0s"): its count,
# rate and times are the bar's, not the run's (a log record may follow, glued to its end)
_MMCV_BAR = re.compile(r"\] \d{1,9}/\d{1,9}, \d{1,9}(?:\.\d{1,9})? task/s, elapsed: \d{1,9}s, "
                       r"ETA: {0,12}\d{1,9}s")


def without_mmcv_bar(pieces: list[str], actions: tuple[Action, ...]) -> tuple[Action, ...]:
    """The actions of a line but those of the numbers inside an mmcv progress bar."""
    bar = _MMCV_BAR.search("".join(pieces))
    if bar is None:
        return actions
    ends = [0]
    for piece in pieces:
        ends.append(ends[-1] + len(piece))
    return tuple(a for a in actions if not bar.start() <= ends[a.token] < bar.end())


# a raised exception's line: its class (maybe dotted) and a message of words
_RAISED = re.compile(r"^\s{0,8}(?:[a-z_]{1,20}\.){0,4}[A-Z][A-Za-z]{0,40}(?:Error|Exception)"
                     r": [A-Za-z]")


def whole_form(pieces: list[str]) -> tuple[Action, ...] | None:
    """The actions of a line of one of the whole-line forms below that come before the
    per-number rules, or None."""
    if _RAISED.match(pieces[0]):  # an exception's message ("AssertionError: Expected
        return ()  # throughput to be at least 560000.0, instead found 289619.68")
    row = coco_row(pieces)  # pycocotools' summary row
    if row is not None:
        return (row,)
    if len(pieces) == 5 and not pieces[0].strip() and pieces[1].isdigit() \
            and not pieces[4].strip() and (item := _INDEXED_ITEM.fullmatch(pieces[2])) \
            and not names.metric_like(item.group(1)):
        return ()  # a pandas row of one item's value: "23   lag_1_values_GSMAP    0.360407"
    named = named_value(pieces)
    if named is not None:  # '{"group": "test", "iter": 0, "name": "loss", "value": 3.03}'
        return named
    values = listed.listed(pieces) or listed.indexed_values(pieces) or listed.key_value(pieces)
    if values is not None:  # "Reward Stats (min, max, median, mean):  -1.0 5.0 0.0 0.27"
        return values
    taken = time_taken(pieces)
    if taken is not None:  # "Time taken for 1 epoch: 138.47 secs"
        return (taken,)
    split = split_value(pieces) or step_phase_value(pieces)
    if split is not None:  # build-nanogpt's "1712 train 3.634902", Trax's "Step 1: eval
        return Action(STEP, 1), Action(METRIC, 3, split[0], source=split[1])  # Acc | 0.1"
    return None


def few_actions(pieces: list[str], actions: tuple[Action, ...]) -> tuple[Action, ...]:
    """The actions of a line in which the per-number rules found one action or none: a
    whole-line form of values named after them, a phrase's value, or what they found."""
    first = values_first(pieces)
    if first is not None:  # tinygrad's "   10 4.40 s run, 11.8750 loss, 5e-12 LR"
        return first
    if not actions and not_a_report("".join(pieces)):
        return ()
    return phrase_plan(pieces, actions) or actions


# TensorFlow's tutorials' "Time taken for 1 epoch: 138.47 secs" (the NMT one's "... 1 epoch
# 183.36 sec"): one epoch's time, named by its phrase; its "1" is no index
_TAKEN_FOR = re.compile(r"(?i)^\s{0,8}time taken for $")
_TAKEN_UNIT = re.compile(r"^ (?:epoch|step|batch|iteration|iter)s?\s?:?\s{1,4}$")
_TAKEN_SECONDS = re.compile(r"^\s?(?:s|sec|secs|seconds)\.?\s*$")


def time_taken(pieces: list[str]) -> Action | None:
    """The action of a "Time taken for N <unit>[:] X sec" line (see ``_TAKEN_FOR``)."""
    if len(pieces) != 5 or not _TAKEN_FOR.match(pieces[0]) or not pieces[1].isdigit() \
            or not _TAKEN_UNIT.match(pieces[2]) or not _TAKEN_SECONDS.match(pieces[4]):
        return None
    unit = pieces[2].strip(" :\t")
    name = f"{pieces[0].strip().replace(' ', '_')}_{pieces[1]}_{unit}"
    end = len(pieces[0]) + len(pieces[1]) + len(pieces[2].rstrip(" :\t"))
    return Action(METRIC, 3, name, source=(len(pieces[0]) - len(pieces[0].lstrip()), end))


def coco_row(pieces: list[str]) -> Action | None:
    """The metric of a pycocotools summary row (``Average Precision  (AP) @[ IoU=0.50:0.95
    | area=   all | maxDets=100 ] = 0.026``), named by its query (``detectron``)."""
    if not any("@[ IoU=" in text for text in pieces[::2]):
        return None
    row = detectron.summary_row("".join(pieces))
    return None if row is None else Action(METRIC, len(pieces) - 2, row[0], source=row[1])


_SPLIT_WORD = re.compile(r" [a-z][a-z_]{1,20} ")
_EVAL_WORDS = frozenset({"hella"})  # build-nanogpt's "19250 hella 0.2976": HellaSwag accuracy
_PHRASE_LINE = re.compile(r"^\s*(?:[Tt]he )?(?![Tt]he )(?P<phrase>[A-Za-z][\w\-]*(?:@\d{1,5})?"
                          r"(?: (?:[A-Za-z][\w\-]*|%)){1,9})(?<! is)(?<! was)(?: is| was)?"
                          r"(?:\s?[=:]| is)\s*$")  # ("The average accuracy is: 0.79")
# (RankLib's "NDCG@10 on test data: 0.7898": a measure at its cutoff opens it; "The valid loss
# is 5.38", TLlib's "Top-1 accuracy on source_val_loader: 85.79"); prose's
# one word after its article ("The accuracy is 0.91", "The loss was: 0.5")
_THE_WORD = re.compile(r"^\s*[Tt]he (?P<phrase>[A-Za-z][\w\-]*) (?:is|was)(?:\s?[=:])?\s*$")
_PHRASE_UNIT = UNIT_AFTER
# a sentence's last words before its value, no name's ("setting loss scale to: 64.0")
_ENDS = PREPOSITIONS | {"at", "as"}
# the end of a log record's prefix: "... - INFO - ", "... — INFO — ", "[INFO] "
_LEVEL_END = re.compile(r"\b(?:INFO|DEBUG|WARNING)(?:\]|\s?[-:|\u2014]\s)\s?")

Source = tuple[int, int]  # where the name is in the line (characters)
# a Python warning glued to a line ("Loss: 19.47 || /src/aug.py:238: VisibleDeprecation
# Warning: Creating an ndarray ... 'dtype=object' ..."): not part of the line's report
_WARNING_PATH = re.compile(r"(?:^|\s)(?P<path>/?[\w.\-/]{1,200}\.py:)$")
_WARNING_KIND = re.compile(r":\s[A-Z]\w{0,60}(?:Warning|Error):\s")


def without_warning(pieces: list[str]) -> list[str]:
    """``pieces`` with a glued Python warning's text blanked (same length, so positions in
    the line still hold), when the rest of the line is ASCII."""
    for j in range(0, len(pieces) - 2, 2):
        found = _WARNING_PATH.search(pieces[j][-210:])
        if found is None or not pieces[j + 1].isdigit() or not _WARNING_KIND.match(pieces[j + 2]):
            continue
        start = len(pieces[j]) - len(found.group("path"))
        rest = pieces[j][start:] + "".join(pieces[j + 1:])
        if j == 0 or not rest.isascii():
            return pieces
        return [*pieces[:j], pieces[j][:start] + " " * len(rest)]
    return pieces


def split_value(pieces: list[str]) -> tuple[str, Source] | None:
    """The metric of a ``<step> <word> <value>`` line (split by ``forms.TOKEN``)."""
    if len(pieces) != 5 or pieces[0] or pieces[4] or not pieces[1].isdigit() \
            or "." not in pieces[3] or not _SPLIT_WORD.fullmatch(pieces[2]):
        return None
    word = pieces[2].strip()
    if word not in WORD_PHASES and word not in _EVAL_WORDS and not names.metric_like(word):
        return None
    start = len(pieces[1]) + 1
    return word, (start, start + len(word))


# Trax's training loop: "Step    100: train CategoryCrossEntropy |  33.01021576"
_TRAX_STEP = re.compile(r"^\s*Step\s+$")
_TRAX_VALUE = re.compile(r"^: (?P<phase>train|eval)\s+(?P<name>[A-Za-z][\w.\-/]{0,80}) \|\s+$")


def step_phase_value(pieces: list[str]) -> tuple[str, Source] | None:
    """The metric of Trax's ``Step N: <train|eval> <Name> |  <value>`` line."""
    if len(pieces) != 5 or pieces[4].strip() or not _TRAX_STEP.match(pieces[0]) \
            or not pieces[1].isdigit():
        return None
    found = _TRAX_VALUE.match(pieces[2])
    if found is None:
        return None
    start = len(pieces[0]) + len(pieces[1])
    return f"{found.group('phase')}_{found.group('name')}", (start + found.start("name"),
                                                            start + found.end("name"))


# a step (or an epoch), then fields of a value and its name, a unit between them:
# tinygrad's "   10 4.40 s run, 11.8750 loss, 0.000000000005 LR, 1454.57 GB used, 39 GFLOPS"
_COUNTER_FIRST = re.compile(r"^\s*(?:(?P<key>[Ss]tep|[Ii]ter|[Ii]teration|[Ee]poch)\s?)?$")
_VALUE_THEN_NAME = re.compile(r" (?:(?P<unit>s|ms|us|sec|min|h|[KMGT]i?B|%) )?(?P<name>[A-Za-z]"
                              r"[\w/\-]{0,30}(?: [a-z][\w\-]{0,20}){0,2})(?:,|\s\|)?\s*")


def values_first(pieces: list[str]) -> tuple[Action, ...] | None:
    """The actions of a line of a counter and fields of a value, then its name (see
    ``_VALUE_THEN_NAME``); None when it is not one. Two fields or more, one a metric's."""
    lead = _COUNTER_FIRST.match(pieces[0])
    if len(pieces) < 7 or lead is None or not pieces[1].isdigit() \
            or pieces[2].strip() not in ("", ":"):
        return None
    key = lead.group("key") or ""
    actions = [Action(EPOCH if key.lower().startswith("e") else STEP, 1)]
    at = len(pieces[0]) + len(pieces[1]) + len(pieces[2])
    for index in range(3, len(pieces) - 1, 2):
        at += len(pieces[index])
        field = _VALUE_THEN_NAME.fullmatch(pieces[index + 1])
        if field is None:
            return None
        name = normalize_name(field.group("name").replace(" ", "_"))
        if names.denied(name):
            return None
        actions.append(Action(METRIC, index, name,
                              source=(at + field.start("name"), at + field.end("name"))))
        at += len(pieces[index + 1])
    return tuple(actions) if any(names.metric_like(a.name) for a in actions[1:]) else None


def phrase(pieces: list[str]) -> tuple[str, bool, Source] | None:
    """(name, whether it is a timing, source) of a one-value line that is a phrase."""
    one = _PHRASE_LINE.match(pieces[0]) or _THE_WORD.match(pieces[0])
    if one is None or not _PHRASE_UNIT.match(pieces[2]):
        return None
    words = one.group("phrase")
    name = normalize_name(words.replace(" ", "_"))
    head = re.split(" of | on ", words)[0]  # "Loss of the current value function": a loss;
    # Nielsen's "Cost on training data: 0.37": a cost
    article = one.group().lstrip()[:4].lower() == "the "  # "The valid loss is": prose
    measured = head != words and names.metric_like(head.replace(" ", "_")) \
        and not names.denied(head.replace(" ", "_"))  # "train accuracy on labels": what it
    # was measured on names no count
    if not (article or any(w in STOPWORDS for w in words.lower().split())) \
            or (names.denied(name) and not measured) \
            or "best" in words.lower().split() or words.rpartition(" ")[2].lower() in _ENDS \
            or not (names.metric_like(name) or names.metric_like(head.replace(" ", "_"))
                    or head == "Cost"):
        return None
    return name, pieces[2].strip(" .") in TIME_UNITS, (one.start("phrase"), one.end("phrase"))


def logged_phrase(pieces: list[str]) -> tuple[str, bool, Source] | None:
    """``phrase`` for a log record whose message is the phrase and its one value (the
    numbers before it are the record's prefix: a timestamp)."""
    text = pieces[-3]
    levels = list(_LEVEL_END.finditer(text))
    if not levels:
        return None
    level = levels[-1]
    found = phrase([text[level.end():], pieces[-2], pieces[-1]])
    if found is None:
        return None
    at = sum(len(piece) for piece in pieces[:-3]) + level.end()
    name, timed, (start, end) = found
    return name, timed, (at + start, at + end)


# AutoGluon's per-model lines, the value first, then its name ("\t0.8563\t = Validation
# score   (accuracy)", "\t213.24  s     = Training runtime", "= Validation (prediction)
# runtime"): the name's words; a last word in parentheses is the metric used, no part of it
_NAMED_AFTER = re.compile(r"^\s{0,8}(?:s|ms)?\s*= (?P<name>[A-Za-z]+(?:\s{1,4}(?:[A-Za-z]+|"
                          r"\([A-Za-z]+\)(?=\s{1,4}[A-Za-z]))){0,5})(?:\s{1,4}\([^()]{1,30}\))?\s*$")


def named_after(pieces: list[str]) -> tuple[str, bool, Source] | None:
    """(name, timed, source) of a line that is a value and ``= Name`` after it (see
    ``_NAMED_AFTER``; never timed: its runtimes are a model's report); None when it is not
    one."""
    found = _NAMED_AFTER.match(pieces[2]) if not pieces[0].strip() else None
    if found is None:
        return None
    words = found.group("name").replace("(", "").replace(")", "").split()
    if words[0].lower() in names.PHASE_WORDS:
        words[0] = words[0].lower()  # a phase word as the phrase rules write it: "Validation
        # score" -> validation_score
    name = normalize_name("_".join(words))
    if names.denied(name) or not names.metric_like(name):
        return None  # ("   1 = enabled": an option's meaning)
    at = len(pieces[0]) + len(pieces[1])
    # (a model's runtime, "0.23s = Training runtime", is its report, not a one-off timing)
    return name, False, (at + found.start("name"), at + found.end("name"))


# a count of what the value was measured on after it: "Accuracy on Test-Set: 71.38% (7138 /
# 10000)", the value's own remark
_COUNT_AFTER = re.compile(r"^\s?%?\s{0,2}\(\d{1,12}\s?/\s?\d{1,12}\)\.?\s*$")
# a label and its index, or a counter, before the phrase: "Fold 10, AUC Score on Validation
# Set: 0.877", "Epoch 3, accuracy on test set: 0.87"
_LABEL_BEFORE = re.compile(r"^\s{0,8}\[?[A-Za-z]{2,12}\s?$")
_AFTER_INDEX = re.compile(r"^\]?(?:,|:| \||\s-)\s{1,3}")


def phrase_plan(pieces: list[str], actions: tuple[Action, ...]) -> tuple[Action, ...]:
    """The action of a line whose message is a phrase and its one value (``rules`` found at
    most one action in it): empty when it is not one."""
    if len(pieces) == 7 and not actions and _COUNT_AFTER.match("".join(pieces[2:])):
        pieces = [pieces[0], pieces[1], pieces[2].partition("(")[0]]
    if len(pieces) == 5 and all(a.kind in (STEP, EPOCH) for a in actions) \
            and _LABEL_BEFORE.match(pieces[0]) and (lead := _AFTER_INDEX.match(pieces[2])):
        found = phrase([pieces[2][lead.end():], pieces[3], pieces[4]])
        if found is None:
            return ()
        name, timed, (start, end) = found
        at = len(pieces[0]) + len(pieces[1]) + lead.end()
        return (*actions, Action(TIMED if timed else METRIC, 3, name,
                                 source=(at + start, at + end)))
    if len(actions) == 1 and actions[0].kind == TIMED and actions[0].token == len(pieces) - 2 \
            and (update := lrprints.lr_update(pieces)) is not None:  # a sentence's value
        return (Action(METRIC, update[2], update[0], source=update[1]),)  # that is the
    # learning rate it set (FuxiCTR's "Reduce learning rate on plateau: 0.000100")
    if len(pieces) == 3 and len(actions) == 1 and "@" in pieces[0]:  # RankLib's "NDCG@10
        found = phrase(pieces)  # on test data: 0.79": a measure at its cutoff opens the phrase
        if found is not None and found[0].endswith(actions[0].name):
            return (actions[0]._replace(name=found[0], source=found[2]),)
    if len(pieces) == 3 and not actions:
        found = phrase(pieces) or named_after(pieces)  # "Peak reserved memory for training =
        # 0.8 GB.", AutoGluon's "0.8563  = Validation score   (accuracy)"
        update = lrprints.lr_update(pieces) if found is None else None
        if update is not None:  # "Updating learning rate to 5e-05"
            return (Action(METRIC, update[2], update[0], source=update[1]),)
    elif len(pieces) > 3:  # the same after a log record's prefix ("... — INFO — Loss of
        found = logged_phrase(pieces)  # the current value function: 108")
        update = lrprints.lr_update(pieces) if found is None and (
            not actions or (len(pieces) == 5 and actions[0].token == 3)) else None
        if update is not None:  # (Marian's "... after having stalled 1 time(s)": its count)
            return (Action(METRIC, update[2], update[0], source=update[1]),)
        if found is not None and actions and not found[0].endswith(actions[0].name):
            return ()
        if found is None and len(pieces) >= 5 and all(a.kind in (STEP, EPOCH) for a in actions):
            # "Accuracy of the network on the 10000 test images: 54 %" (after its epoch's
            # counter too: "Epoch [13/200] Test Accuracy on the 10000 test images: 78.99 %")
            found = counted_phrase(pieces)
            if found is not None and actions:
                name, _, source = found
                return (*actions, Action(METRIC, len(pieces) - 2, name, source=source))
    else:
        return ()
    if found is None:
        return ()
    name, timed, source = found
    return (Action(TIMED if timed else METRIC, len(pieces) - 2, name, source=source),)


# "Accuracy of the network on the " before a count, then " test images: " and the value
_COUNTED_HEAD = re.compile(r"(?:^\s*|^:\s|\]\s+(?:[A-Z]{2,10}\s+)?|\b(?:INFO|DEBUG)\]?\s?[-:|]?\s)"
                           r"(?:[Tt]he )?(?P<head>[A-Za-z]+(?: [A-Za-z]+){0,2})"
                           r" (?:of|on|over|for) (?:[a-z]+ ){1,6}$")
_COUNTED_TAIL = re.compile(r"^ [a-z]+(?: [a-z]+){0,2}(?:\s?[=:]| is)\s*$")


def counted_phrase(pieces: list[str]) -> tuple[str, bool, Source] | None:
    """(name, False, source) of a phrase that counts what it was measured on and ends the
    line with its value: the PyTorch tutorials' ``Accuracy of the network on the 10000 test
    images: 54 %`` is an ``Accuracy`` (the count is not part of the name)."""
    text = pieces[-5][-120:]
    head = _COUNTED_HEAD.search(text)
    if head is None or not pieces[-4].isdigit() or not _COUNTED_TAIL.match(pieces[-3]) \
            or not _PHRASE_UNIT.match(pieces[-1]):
        return None
    name = normalize_name(head.group("head").replace(" ", "_"))
    if names.denied(name) or not names.metric_like(name):
        return None
    at = sum(len(piece) for piece in pieces[:-4]) - len(text)
    return name, False, (at + head.start("head"), at + head.end("head"))


# "name": "acc_taw", "value": 60.96}', FACIL's raw_log.txt; TensorBoard's exported scalars'
# "tag")
_NAMED_FIELD = re.compile(r'"(?:name|tag|metric|key)"\s?:\s?"(?P<name>[A-Za-z][\w./\-]{0,80})"')
_GROUP_FIELD = re.compile(r'"(?:group|split|phase|mode)"\s?:\s?"(?P<group>[A-Za-z]\w{0,20})"')
_COUNTER_FIELD = re.compile(r'"(?P<key>step|global_step|iter|iteration|epoch)"\s?:\s?$')


def named_value(pieces: list[str]) -> tuple[Action, ...] | None:
    """The actions of a long-format JSON record (``_NAMED_FIELD``): its value named by its
    name field, after its group's ("test_acc_taw"), at its step or epoch field."""
    line = "".join(pieces)
    named = _NAMED_FIELD.search(line) if '"value"' in line else None
    if named is None or not line.lstrip().startswith("{"):
        return None
    group = _GROUP_FIELD.search(line)
    name = f"{group['group']}_{named['name']}" if group is not None else named["name"]
    actions: list[Action] = []
    for index in range(1, len(pieces), 2):
        if pieces[index - 1].endswith(('"value": ', '"value":')):
            actions.append(Action(METRIC, index, name, source=named.span("name")))
        elif (counter := _COUNTER_FIELD.search(pieces[index - 1][-30:])) is not None:
            actions.append(Action(EPOCH if counter["key"] == "epoch" else STEP, index))
    return tuple(actions) if any(a.kind == METRIC for a in actions) else None

"""The default rules: which numbers of a line are metrics, steps or epochs, and their names.

A line is split into number tokens and the text between them. Every decision depends on
that text only (the line's *shape*), never on the numbers, so a plan made once for a shape
is reused for every line of the same shape: the hot loop is one regex split, one dict
lookup and a few ``float`` calls. Digits inside a name (``top1``, ``gpu0``) are text, not
numbers: each action says where its name came from in the line (``source``), so the parser
can tell lines that differ only there apart.

Regexes here run on bounded text (a line's first 120 characters, the 120 characters before
a number) and have no nested quantifiers over the same characters: linear, or at worst
quadratic in that bound.
"""

from __future__ import annotations

import re
from bisect import insort

from exptrack.metrics import (
    abbrev,
    afterloops,
    around,
    counterkeys,
    fielded,
    forms,
    groups,
    names,
    naming,
    passover,
    positions,
    printed,
    remarks,
    slashpairs,
    wholeline,
)
from exptrack.metrics.actions import Action, counted_again, not_a_report
from exptrack.metrics.ahead import SECOND_COUNTER, name_ahead
from exptrack.metrics.ahead import at_step as name_at_step
from exptrack.metrics.around import STOPWORDS, unit_after, weak_pair_ok
from exptrack.metrics.forms import TOKEN, unwrap
from exptrack.metrics.kinds import BAR_STEP, BATCH, EPOCH, EPOCH_ALONE, METRIC, RATIO, STEP, TIMED
from exptrack.metrics.phasename import stat_phase, with_phase
from exptrack.metrics.phases import phase_at, phase_from, phases_of
from exptrack.metrics.phasewords import (
    ANY_PHASE,
    EPOCH_KEYS,
    PHASES,
    QUANTITY_PHASE,
    STEP_KEYS,
    WORD_PHASES,
)
from exptrack.metrics.settings import HYPER_NAMES
from exptrack.metrics.settle import conclude
from exptrack.metrics.unnamed import PHASE_LABEL, epoch_batch_pair, unnamed_actions

__all__ = ["BAR_STEP", "BATCH", "EPOCH", "EPOCH_ALONE", "EPOCH_KEYS", "METRIC", "PHASES",
           "RATIO", "STEP", "STEP_KEYS", "TIMED", "TOKEN", "Action", "is_denied", "plan_numbers"]
is_denied = names.denied

_LIBRARY_LOG = re.compile(r"^\s*\[\w+\]\s*\[(?:Info|Warning|Debug|Fatal)\]")
_CALL = re.compile(r"(?<!\w)[A-Za-z_]\w*\([^()]*\)")
# a word's parenthesis that opens with "name: ": no call's arguments (those are "name=")
# but a remark's values: OpenPCDet's "Generate label finished(sec_per_example: 0.0117 second)."
_PHASE_SNAKE = re.compile(r"^(train|training|val|valid|validation|test|eval)_[a-z]", re.I)
_COLON_CALL = re.compile(r"[A-Za-z_]\w*\(\s?[A-Za-z][\w@./\-]{0,40}: ")
_PROSE_BEFORE = re.compile(r"(?:^|[\s|,;\]\-])[A-Za-z]\w*\s+[A-Za-z]\w*\s+$")
_SECONDS = re.compile(r"(?:s|ms|secs?)\b")
_COUNTER_SEP = re.compile(r"^\s*/\s*$")
_NEXT_NAME = re.compile(r" [A-Za-z]")
_BEST = re.compile(r"(?i)\bbest\b")  # a best so far's epoch after the line's own
# a log record's level and logger right before a message ("... - INFO - __main__ - Train.")
_AFTER_LEVEL = re.compile(r"\b(?:INFO|DEBUG|WARNING)(?:\s?[-:|]\s[\w.]{1,60})?\s?[-:|]\s(?:\*\s)?$")

# a number glued by a hyphen to the word after it ("1-accuracy", "5-fold"), not to a key's
# next pair ("0.5-acc: 0.9", "Epoch 1-Train loss: 0.5")
_GLUED_WORD = re.compile(r"-[A-Za-z]{1,30}(?=$|[\s,;.)\]])(?!\s{0,2}[A-Za-z]\w{0,30}\s?[:=])")


def plan_numbers(pieces: list[str]) -> tuple[Action, ...]:
    """Each number's actions by the rules (``linepasses.plan_line`` adds the line's passes)."""
    original = [0]
    for piece in pieces:
        original.append(original[-1] + len(piece))
    texts = "".join(pieces[::2])
    pieces = remarks.tidied(pieces, texts)  # (rules, bold, remarks blanked: the same offsets)
    pieces, cut, wrapped = unwrap(pieces) if "(" in texts or "[" in texts or "<" in texts \
        else (pieces, [0] * len(pieces), set())
    line = "".join(pieces)
    if not_a_report(line):
        return ()
    settings = printed.settings(line)  # "dropout = 0.2", "Num examples = 3668"
    if printed.configuration(line):
        return ()  # "task=detect, model=yolov8n.pt, epochs=2": printed configuration
    if printed.matrix_row(pieces):
        return ()  # "  Wife   56.0   75.0": a matrix row (a metric's row keeps its value)
    phases = phases_of(line)
    calls = [m.span() for m in _CALL.finditer(line) if not groups.results_call(m.group())
             and "metrics={" not in m.group() and not _COLON_CALL.match(m.group())] \
        if "(" in line else []  # (Hugging Face's
    # "TrainOutput(global_step=25, training_loss=2.22, metrics={'train_runtime': 21.3, ...})")
    offsets = [0]
    for piece in pieces:
        offsets.append(offsets[-1] + len(piece))
    count = len(pieces) // 2
    remarked = remarks.of(line, offsets)
    spans = groups.group_spans("".join(pieces))
    candidates: list[tuple[int, str, str, bool]] = []  # (piece index, name, sep, phrased)
    measures: set[int] = set()  # metrics whose value carries a time or memory unit
    durations: set[int] = set()  # durations named by their participle ("seconds elapsed")
    actions: list[Action] = []
    phrased_steps: list[int] = []  # "<qualifier> steps N": a step only beside metrics
    per_phase: str | None = None  # the quantity of "loss train: 2.85, val: 2.86"
    labelled: str | None = None  # a field's label over its keys ("| MAE e 4.3  f 0.8")
    section: str | None = None  # the phase of the last phrased name ("Train Loss: 11.2 |")
    fields = 0  # the names since it, in its "|" field
    sectioned: dict[int, str] = {}  # names after it without a phase of their own
    section_sep = ""  # (printed as it is: "Train Loss: 11.2, Acc: 0.5")
    # such a name's phase, the line's (where, phase, its sign, opened after a step's colon)
    line_phase: tuple[int, str | None, str, bool] = (-1, None, "", False)
    skip: set[int] = set(wrapped) | remarks.not_reported(line, offsets)  # "epoch=7-...ckpt"
    # names found ahead ("coco/AP .5: 1.0"), a list's positions ("recall=[0.12, 0.27]")
    keyed = groups.list_items(line, offsets) if groups.has_lists(line) else {}
    hyper = False  # a hyperparameter's name: configuration, unless a metric's is too
    for k in range(count):
        index = 2 * k + 1
        if index in skip:
            continue
        left, right = pieces[index - 1], pieces[index + 1]
        if passover.no_value(pieces, index, line, offsets, calls):
            continue  # a call's argument, a mean loss printed again, a bar's percentage
        counter = (index + 2 < len(pieces) and _COUNTER_SEP.match(right) is not None)
        if counter:
            skip.add(index + 2)
        after = pieces[index + 3] if counter and index + 3 < len(pieces) else right
        if counter and after.lstrip().startswith("/"):
            skip.add(index + 4)
            actions += slashpairs.phase_triple(pieces, index, original[index - 1] + cut[index - 1])
            continue  # "bsz: 1024/1024/32": a shape, not a ratio
        if counter and "." in pieces[index] and "." in pieces[index + 2] \
                and (not after[:1].isalpha() or _SECONDS.match(after)):  # (not "RAM 13.90/
            # 187.58G": used of a total; "feat_D: 75.09 / 72.6s": a value, then its time)
            if both := slashpairs.pair_before(pieces, index, original[index - 1] + cut[index - 1]):
                actions += both  # "min/max reward 9.0/24.0": both named by the pair before
                continue
            counter = False  # "Loss: 0.1778/0.1220": two values (train/val), not a count of
            after = right  # a whole: the first is the name's
        tail = left[-120:]
        where = positions.position(pieces, index, counter, phases, offsets)
        if where is not None:  # "Epoch [3/10]", "[E03] loss", "2nd epoch", "finished 9 steps"
            actions += where
            continue
        if right[:1] == "-" and right[1:2].isalpha() and _GLUED_WORD.match(right):
            continue  # FLAML's "Minimizing error metric: 1-accuracy": a word, no value
        ahead = name_ahead(pieces, index, original[index - 1] + cut[index - 1],
                                  original[index + 1] + cut[index + 1])
        if ahead is not None:  # "coco/AP .5: 1.0", "eval: bucket 0 perplexity 4.88"
            keyed[ahead[0]] = ahead[1:]
            continue
        counted_at = index - 2 if actions and actions[-1][:2] in (
            (STEP, index - 2), (EPOCH, index - 2)) else index - 4 if index >= 5 and actions \
            and actions[-1][:2] in ((STEP, index - 4), (EPOCH, index - 4)) \
            and pieces[index - 3].strip() == "/" else 0  # ("Loss at iteration 4999 / 5000 is")
        if counted_at and left.strip() in ("is", ":", "=", "-") and index >= 3:
            if counted_at >= 3 and SECOND_COUNTER.fullmatch(pieces[counted_at - 1]):
                counted_at -= 2  # SASRec's "loss in epoch 1 iteration 0: 0.69": both counters'
            at_step = name_at_step(pieces[counted_at - 1])  # DL4J's "Score at iteration 10
            if at_step is not None:  # is 0.61", "Loss at step 100: 0.5"
                begin = original[counted_at - 1] + cut[counted_at - 1] + at_step[1]
                keyed[index] = (at_step[0], begin, begin + len(at_step[0]))
        if index >= 3 and pieces[index - 2].isdigit() and left[:1] == " " and (
                counted_after := afterloops.after_count(pieces[index - 3], left)) is not None:
            actions.append(Action(EPOCH if counted_after[2] else STEP, index - 2))
            begin = original[index - 3] + cut[index - 3] + counted_after[1]  # ("KL divergence
            keyed[index] = (counted_after[0], begin, begin + len(counted_after[0]))  # after
            # 500 iterations: 0.74", t-SNE's)
        if k > 0 and index not in keyed and pieces[index - 2].isdigit():  # "GPU 0 memory
            keyed.update(around.device_quantity(pieces, index, original[index - 3] + cut[
                index - 3], original[index - 1] + cut[index - 1]))  # usage: 37G": the GPU's
        if index in keyed:
            name, begin, end = keyed[index]
            if forms.SOURCE_LINE.search(name):
                continue  # "matplotlib/rcsetup.py:20: ... since Python 3.3": a file's line
            name = with_phase(name, phase_at(phases, offsets[index]))
            actions.append(Action(METRIC, index, name, source=(begin, end)))
            candidates.append((index, name, ":", False))
            continue
        pair = epoch_batch_pair(pieces, index)  # "[2,  4000] loss: 1.31"
        if pair:
            actions += (Action(EPOCH, index), Action(STEP, index + 2))
            skip.update(pair)
            continue
        found = naming.find_name(tail, k == 0, pieces, index)
        if found is not None and k > 0 and found.start == 0 and len(tail) == len(left) \
                and left[:1].isalpha() and not (found.sep == "=" and pieces[index - 3][-1:] == "="):
            found = None  # "Time 123.45s : 12.3": the letters after a number are its unit
            # (not ESPnet 202511's "acc=0.052loss=19.732": a pair glued to a pair)
        if found is not None and found.sep == " - " and (counter or "." not in pieces[index]):
            found = None  # "apgd-ce - 1/7 - 59 out of 128": a label's count ("loss - 4.28")
        rate = abbrev.unit_named(left, right) if found is None and not counter else None
        if rate is not None:  # "3599 src tok/s": named by its unit
            actions.append(Action(METRIC, index, with_phase(rate, phase_at(phases,
                                                                           offsets[index]))))
            candidates.append((index, rate, ":", True))
            continue
        timed = None
        if found is None and not counter:
            timed = abbrev.timed_name(right) or abbrev.field_duration(left, right)
        elif found is not None and found.name == "in":  # "Epoch 3 in 1.61 sec"
            timed = abbrev.in_duration(left, right, any(
                a.token == index - 2 and a.kind in (STEP, EPOCH) for a in actions))
        if timed is not None:  # "3.70 seconds elapsed, finished iteration 1"
            actions.append(Action(METRIC, index, timed))
            candidates.append((index, timed, ":", True))
            durations.add(index)
            continue
        if found is None:  # no name: a step, a batch or an epoch, or nothing
            actions += unnamed_actions(pieces, index, k == 0, counter, after, actions)
            continue
        name, sep = found.name, found.sep
        if sep == ":" and pieces[index] == "0" and after.startswith(", (") and "/" in name:
            continue  # TensorFlow's variable listing: "  dynamic_seq2seq/decoder/memory_layer/
            # kernel:0, (32, 32), ": a tensor's name (its output's index), then its shape
        low = counterkeys.index_key(name.lower())  # "batch i:2972", "epoch_idx": the key
        short = abbrev.key_of(low) if low.endswith(".") else None
        if short is not None:  # "Ep. 3 : Up. 5300 : Sen. 299,352": abbreviated keys
            if short != abbrev.COUNT:
                actions.append(Action(EPOCH if short == abbrev.EPOCH else STEP, index))
            continue
        hyper = hyper or low in HYPER_NAMES  # "LR: 0.2, batch_size: 8, weight_decay: 1e-05"
        if k == 0 and counter and low in WORD_PHASES and after.strip() == ":" \
                and pieces[index + 5:index + 6] and pieces[index + 5].startswith("%|"):
            actions.append(Action(EPOCH, index))  # a bar's "Train  3/30: 100%|##| 805/805"
            if WORD_PHASES[low] not in ("train", "training"):
                insort(phases, (offsets[index], WORD_PHASES[low]))
            continue
        if low in WORD_PHASES and pieces[index].replace(",", "").isdigit():
            continue  # "train=113 (pos=33) | val=29": a split's size
        if low == "steps" and ((actions and actions[-1][:2] == (EPOCH, index - 2)) or (
                found.phase is not None and (found.phase not in ("train", "training") or any(
                    a.kind == EPOCH for a in actions)))):
            continue  # Time-Series-Library's "Epoch: 3, Steps: 384 |", Poutyne's "Train
            # steps: 2500 Val steps: 625": an epoch's (a phase's) length, not the step
        if low == "steps" and found.before.rstrip().lower().endswith(" episode"):
            continue  # pranz24's SAC "Episode: 3, total numsteps: 600, episode steps: 200":
            # the episode's length, not the step
        if low == "steps" and not naming.at_field_start(found.before):
            phrased_steps.append(index)  # "total steps 994", "Learner Steps = 2": the step
            continue  # of a line that reports metrics; "Gradient Accumulation steps = 1" not
        if counter and naming.counted(low):  # "epoch/iter: 19/5159", "step/max_steps: 4/9"
            actions.extend(Action(k, index + 2 * i) for i, k in enumerate(naming.counted(low)))
            continue
        keyed_as = counterkeys.key_kind(low)
        if keyed_as is None and counter and low.replace("_", " ").rsplit(" ", 1)[-1] in (
                "time", "times") and pieces[index].isdigit() and pieces[index + 2].isdigit():
            keyed_as = EPOCH  # Tip-Adapter's "Train time: 3 / 30": the pass, not a duration
        if keyed_as is not None and "." in pieces[index] and _SECONDS.match(right):
            keyed_as = None  # YDF's "[total:0.00s iter:0.00s]": the iteration's time, no step
        if keyed_as is not None and not forms.to_float(pieces[index]).is_integer():
            if keyed_as == STEP and (low != "steps" or found.before.lstrip("%") == " "):
                continue  # fairseq's "update": 2.689: the epoch's progress; "steps=27.7" is a
                # mean (an episode's length), a metric, but not "Time to run 1000 steps = 9.3"
            keyed_as = None if keyed_as == STEP else keyed_as
            keyed_as = None if len(low) <= 2 else keyed_as  # ProDiff's "'e': 0.02" (energy)
        if counterkeys.no_counter(keyed_as, low, found.before, counter, after, line, count):
            continue  # a setting, a count of steps, an epoch's size, an inner loop's counter
        if keyed_as is not None and not counted_again(low, actions):
            if low == "batch" and not counter and candidates and actions[0].kind == STEP:
                continue  # "[025500/50000] loss 0.07 | batch 16": the batch's size
            if low == "batch" and right.strip() == "of":
                keyed_as = BATCH  # "Batch 40 of 241.": the batch within its epoch
            if any(a.kind == keyed_as and _BEST.search("".join(pieces[a.token + 1:index]))
                   for a in actions):
                continue  # "Epoch: 20 Loss 0.5 (Best AUROC 0.56 at Epoch 10)": the best's
            actions.append(Action(keyed_as, index))
            if found.phase not in (None, "train", "training"):  # "eval epoch: 1, loss: 0.07"
                insort(phases, (offsets[index], found.phase))
            elif (counted_phase := counterkeys.key_phase(low)) is not None:  # "val_epoch: 1,
                insort(phases, (offsets[index], counted_phase))  # loss: 0.07"
            continue
        if PHASE_LABEL.match(tail[found.start:]) and re.match(r"\s*\[", after):
            actions.append(Action(EPOCH, index))  # timm "Train: 3 [ 50/1251 ...]"
            continue
        if not sep.strip() and naming.index_between(pieces, index) and names.metric_like(name):
            actions.append(Action(STEP, index))  # Tacotron 2's "Train loss 64999 0.3145"
            at = original[index - 1] + cut[index - 1] + len(left) - len(tail)
            keyed[index + 2] = (with_phase(name, found.phase), at + found.start,
                                at + found.end)
            continue
        # a rate at an operating point names the value after it ("TPR@FPR=10E-2: 0.945", a
        # face anti-spoofing model's); not a bar's description ("LR@1=0.001: 100%|")
        if sep == "=" and right == ": " and "@" in name and index + 3 < len(pieces) \
                and not pieces[index + 3].startswith("%") and "=" not in found.before[-60:]:
            at = original[index - 1] + cut[index - 1] + len(left) - len(tail)
            keyed[index + 2] = (with_phase(f"{name}={pieces[index]}", found.phase),
                                at + found.start, original[index + 1] + cut[index + 1])
            continue
        if right.startswith(":") and not counter \
                and not (sep.strip() and right[1:2] in (" ", "\t")) \
                and (sep.strip() or "." not in pieces[index]):
            continue  # "DataLoader 0:", a label's index; not tqdm's "Loss: 0.52: : 11it"
            # nor a bar's description "epoch 0 loss 0.16104: 100%|"
        took = groups.took_name(found.before, after) if low == "took" and not sep.strip() \
            and index not in remarked else None
        if took is not None:  # "Val took 5.265s": a duration, named by what took it
            actions.append(Action(METRIC, index, with_phase(took, found.phase)))
            durations.add(index)
            continue
        memory = around.device_memory(low, after)  # "GPU 4211.0 MB": not a device's index
        if (low in STOPWORDS and not groups.duration_key(low, sep, found.before) and not memory
                and not (name.isupper() and sep.strip() in (":", "="))) \
                or (sep == ":" and "." in name and pieces[index].isdigit()):
            continue  # "yolox.core.trainer:246": a source location; "OR: 0.73" (overall
            # recall), "IS: 8.51" (Inception Score): capitals and a key's colon, an acronym
        weak = not sep.strip()
        unit = around.measure_unit(after, pieces[index])
        times = around.thousands(unit.group() if unit else "", name)  # "16.2K": 16200
        if times is None:
            continue  # "5M", "81.5G": a size or a count in millions; a memory name's "433M"
            # is its figure
        if weak and not memory and not weak_pair_ok(
                name, sep, after[unit.end():] if unit else after,
                "." in pieces[index] and found.before.endswith("| "), "." in pieces[index]) \
                and not (found.phase is not None and names.metric_like(name)
                         and _NEXT_NAME.match(after)):
            continue  # but "train loss 2.02 train acc: 0.16": a phase's metric, then a name
        if weak and right.startswith(" - ") and pieces[index].isdigit() \
                and name[:1].isupper() and name.isalpha() and not names.metric_like(name):
            continue  # "Experiment 1 - Test score: 0.15": a label and its index
        if weak and counter:
            continue  # "retry 2/5": progress, not a ratio
        if index in remarked \
                or remarks.inside_at_bracket(left, len(left) - len(tail) + found.start):
            continue  # "(epoch 1 @ 1102 updates, score 9.8)", "(arch=7.5)": a remark
        measured = unit is not None and times == 1  # (thousands are no unit)
        if measured and around.estimate(found.before):
            continue  # "remaining time: 184.18 hours": the time left, no duration
        if not candidates and found.phase is None and name[:5] == "Best_" and "Best " in left \
                and names.running_best(name) and (not found.before.strip(" \t)]|-,*=>")
                                                  or _AFTER_LEVEL.search(found.before)):
            insort(phases, (offsets[index], "|best|"))  # PointNet++'s "Best Instance
            # Accuracy: 0.75, Class Accuracy: 0.62": the line's values are running bests
        if not memory and passover.denied_value(name, found.phase, low, unit, times,
                                                pieces[index], line):
            continue  # configuration, identity, a count: no metric
        if not measured and unit_after(after, index + 2 < len(pieces)):
            continue
        if not weak and not measured and around.count_noun(after, index + 2 < len(pieces)):
            continue
        name = abbrev.speed_name(groups.grouped(name, offsets[index], spans),  # icefall's
                                 pieces, index)  # "tot_loss[loss=0.7]"
        if "|" in left:  # a field of its own: a section of two names or more ends at its "|"
            per_phase, section, labelled = None, section if fields < 2 else None, None
        labelled, name = fielded.label(name, labelled, weak)  # CHGNet's "| MAE e 4.366(4.320)
        # f 0.869(0.751)": the field's label over each one-letter key
        phased = QUANTITY_PHASE.match(name) if not weak else None
        if phased is not None and names.metric_like(phased.group(1)):
            per_phase = phased.group(1)  # litgpt "loss train: 2.85, val: 2.86": one quantity
        elif per_phase is not None and low in WORD_PHASES and not weak:  # per phase, named
            name = f"{per_phase}_{name}"  # as its first one is: loss_train, loss_val
        fields = fields + 1 if "|" not in left else 1
        if found.phase is None and "|" in left and (snake := _PHASE_SNAKE.match(name)):
            section, fields, section_sep = snake.group(1), 2, found.sep.strip()  # "| train_loss=
            # 0.72 acc=0.90 | val_loss=0.76 acc=0.86": a phase's key opens its field's section
        if found.phase is not None:
            section, fields, section_sep = found.phase, 1, found.sep.strip()
            name = with_phase(name, found.phase)
            lead = found.before.strip(" \t)]|-,*=>")
            colon = lead == ":" and bool(found.sep.strip())  # "Epoch 3: test psnr = 34.2"
            if not candidates and (not lead or colon or _AFTER_LEVEL.search(found.before)) \
                    and len(ANY_PHASE.findall(line)) == 1:  # "train Loss: 2.47 Top-1 Acc:
                insort(phases, (offsets[index], found.phase))  # 4.86": the line's phase
                line_phase = (offsets[index], found.phase, section_sep, colon)
        else:
            if _PROSE_BEFORE.search(found.before) and count == 1:
                if len(pieces) == 3 and wholeline.phrase(pieces) is not None:
                    continue  # "Time taken by an epoch by Timer: 73.7": the whole phrase
                durations.add(index)  # "Initial learn rate: 0.001": a sentence (in a run only)
            labelled_at, phase = phase_from(phases, offsets[index])
            if (labelled_at, phase) == line_phase[:2] and found.sep.strip() != line_phase[2] \
                    and not (weak and found.before.endswith(", ") and names.metric_like(name)):
                phase = None  # "Training cost: 146.7, ObjLoss=68.4": a phrase, not a label
                # (Ecole's "Train loss: 4.116, accuracy 0.294": the label's, a measure's word)
            if found.sep == "] ":
                phase = None  # "[val] loss=5.31 [lr] 0.0002": a bracketed key is a field of its own
            if low in groups.LR_KEYS and (labelled_at, phase) == line_phase[:2]:
                phase = None  # "Train Loss: 35691.2  LR: 5e-05": a phrased name's phase is
                # not the learning rate's (a label's is: "Train: [0] lr: 0.01" is train_lr)
            if phase == "|best|":
                continue  # a value on a running best's line ("Best Instance Accuracy: ...")
            name = with_phase(name, phase)
            if phase is None and section is not None and found.sep.strip() == section_sep:
                sectioned[index] = section  # ("Training cost: 146.7, ObjLoss=68.4": not)
            if (inner := stat_phase(name)) and not candidates and len(ANY_PHASE.findall(line)) == 1:
                insort(phases, (offsets[index], inner))  # "Avg. Training Loss: 0.79, mIoU:
                line_phase = (offsets[index], inner, found.sep.strip(), False)  # 0.36": the line's
        at = original[index - 1] + cut[index - 1] + len(left) - len(tail)
        source = (at + found.start, at + found.end)
        share = forms.printed_share(pieces, index, after) if counter else None
        candidates.append((share or index, name, sep,
                           found.phase is not None and names.metric_like(name)))
        if share is not None:  # "Accuracy: 9016/10000 (90%)": the share as printed
            skip.add(share)
            actions.append(Action(METRIC, share, name, source=source))
        elif counter:
            actions.append(Action(RATIO, index, name, index + 2,
                                  forms.ratio_scale(after), source))
        else:
            actions.append(Action(METRIC, index, name, scale=times, source=source))
            paired = naming.paired_name(pieces, index, original[index - 1] + cut[index - 1])
            if paired is not None:  # "time (data): 1.923 (0.442)": the second value's name
                keyed[index + 2] = paired
            if measured:
                measures.add(index)
    return conclude(pieces, line, offsets, actions, candidates, hyper=hyper,
                    sectioned=sectioned, phrased_steps=phrased_steps, settings=settings,
                    durations=durations, measures=measures,
                    library=_LIBRARY_LOG.search(line) is not None)

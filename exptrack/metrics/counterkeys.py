"""Which key names a step or an epoch: ``iter``, ``epoch``, ``completed step``,
``current_epoch``, ``global iter``, ``train_num_updates`` (``key_kind``), a key with an index
word after it (``epoch_idx``), a count of steps that is no step (``number of skipped
iterations``), an inner loop's counter (``ppo epoch: 1/ 4``). Pure; ``rules`` places the
line's values by them, ``naming`` keeps them out of names.
"""

from __future__ import annotations

import re

from exptrack.metrics.kinds import EPOCH, STEP
from exptrack.metrics.phasewords import EPOCH_KEYS, STEP_KEYS, WORD_PHASES

INDEX_WORDS = frozenset({"i", "id", "idx", "index", "no", "num", "number"})


def index_key(low: str) -> str:
    """A step's or epoch's key with an index word after it ("batch i", "epoch_idx",
    "iter_num"): the key; other names as they are."""
    cut = max(low.rfind(" "), low.rfind("_"))
    key = low[:cut]
    if cut > 0 and low[cut + 1:] in INDEX_WORDS and (key in STEP_KEYS or key in EPOCH_KEYS):
        return key
    return low


_STEP_QUALIFIERS = frozenset({"completed", "current", "cur", "global", "micro", "train", "training",
                              "iteration",  # "Iteration step: 1300"
                              "trainer", "optimizer", "opt", "update", "env", "environment",
                              "end", "finished", "done", "start", "starting", "begin",
                              "grad", "gradient",  # N-BEATS' "grad_step = 000311"
                              "local"})  # SambaNova's "epoch:0|local_step:501|global_step:501"
# ("END epoch:8", PaddleVideo's summary of the epoch, is the epoch)
_KEY_WORDS = ("step", "steps", "timestep", "epoch", "iter", "iteration")
_RUN_GROUPS = frozenset({"train", "training", "trainer", "counters"})  # a logger's group of
# the run's keys (HALOs' "counters/updates": 4)


# a progress word printed with no newline before a line's key: SASRec's print('Evaluating',
# end='') glued to its "epoch:20, time: ...": "Evaluatingepoch"
_GLUED_PROGRESS = re.compile(r"[a-z]{3,20}ing(epoch|step|iter|iteration)")


def key_kind(low: str) -> int | None:
    """STEP or EPOCH when a name is a step's or an epoch's key: "iter", "epoch", "completed
    step", "current_epoch", "global iter", "train_num_updates"; else None."""
    if low[-4:] in ("poch", "step", "iter", "tion") and (glued := _GLUED_PROGRESS.fullmatch(low)):
        low = glued.group(1)
    group, slash, leaf = low.partition("/")
    if slash and group in _RUN_GROUPS:  # verl's "training/global_step:1", SAM 2's
        counted, _, phase = leaf.partition("_")  # "Trainer/steps_train: 630"
        leaf = counted if phase in WORD_PHASES else leaf
        if leaf in STEP_KEYS or leaf in EPOCH_KEYS:
            return STEP if leaf in STEP_KEYS else EPOCH
    word = low[max(low.rfind(" "), low.rfind("_")) + 1:]
    if "-" in word and word != low and word in STEP_KEYS:
        return STEP  # YDF's "Final model num-trees:18": the words' last is the key
    if low in ("epochs trained", "epochs_trained"):  # sbi's "Training neural network. Epochs
        return EPOCH  # trained: 12": the epochs so far (not "num_epochs_trained", a count)
    first, _, last = _parts(low)
    phased = first in WORD_PHASES and last in STEP_KEYS  # "train_num_updates"
    if (first in WORD_PHASES and last in ("epoch", "ep")) or (
            first in ("epoch", "ep") and last in WORD_PHASES):  # (BERT-pytorch's bar
        return EPOCH  # "val_epoch: 3", "Valid-Epoch: 0": the phase's pass over the epoch
        # "EP_train:0: 100%|...|", "EP_test:0")
    qualified = last in _KEY_WORDS and (first in _STEP_QUALIFIERS or (  # "Predicted timestep
        len(first) > 4 and first.endswith("ed") and not first.endswith("eed")))  # 3 of 8"
    if last in ("loaded", "restored", "resumed") and (first in EPOCH_KEYS or first in STEP_KEYS):
        low = first  # SpeechBrain's test line "Epoch loaded: 100 - test loss: 0.09": the
        # checkpoint's epoch
    if first in _STEP_QUALIFIERS and "_" in last and not (phased or qualified):
        return key_kind(last)  # "Start training epoch: 00": a qualified phase's key
    if not (low in EPOCH_KEYS or low in STEP_KEYS or phased or qualified):
        return None
    epoch = low not in STEP_KEYS and not phased \
        and last not in ("step", "steps", "timestep", "iter", "iteration")
    return EPOCH if epoch else STEP


# an evaluation's step key set alone to a number in a printed configuration ("eval_step = 1",
# "val_steps = 500"): how often the run evaluates, not where it is
_EVAL_EVERY = re.compile(r"(?i)^\s{0,8}(?:eval|val|valid|validation|test)_steps?\s=\s\d{1,9}\s*$")


def eval_interval(line: str) -> bool:
    """Is the line an evaluation's interval alone (``eval_step = 1``), a setting?"""
    return _EVAL_EVERY.match(line) is not None


# "number of skipped iterations: 0", "nan steps: 2": a count of steps, not the step
_COUNT_OF = re.compile(r"(?i)(?:\b(?:number|count|num) of (?:[a-z]+ )?|\b(?:skipped|nan|inf|"
                       r"failed|dropped|overflow(?:ed)?) )$")


def count_of_steps(before: str) -> bool:
    """Do the words before a step's key make it a count ("number of skipped iterations")?"""
    return _COUNT_OF.search(before[-40:]) is not None


def sub_counter(low: str) -> bool:
    """An inner loop's position ("inner iter: 0/ 4", "ppo epoch: 1/ 4"): neither the
    line's step nor a metric."""
    head, _, last = low.rpartition("_")
    pair = head.rpartition("_")[2] + "_" + last  # PyMARL's "my_main t_env: 193894 / 2050000"
    return bool(head) and (last in _KEY_WORDS or last in STEP_KEYS or last in EPOCH_KEYS
                           or (pair != low and pair in STEP_KEYS))


def key_phase(low: str) -> str | None:
    """The phase a counter's key names before it ("valid_epoch", "Test-Epoch"; not a
    training's), which the line's values after it take, as after "Valid Epoch: 0"."""
    first, sep, _ = _parts(low)
    phase = WORD_PHASES.get(first) if sep else None
    return None if phase in ("train", "training") else phase


def _parts(low: str) -> tuple[str, str, str]:
    """A key's first word, its separator and the rest, a hyphen read as an underscore
    ("Valid-Epoch": "valid", "_", "epoch")."""
    return low.replace("-", "_", 1).partition("_")


_ITEMS_AFTER = re.compile(r"^ (?:samples|examples|images|sequences|items)\b(?!\s*[:=/\d])")


def no_counter(kind: int | None, low: str, before: str, counter: bool, after: str, line: str,
               count: int) -> bool:
    """Is the number after the key ``low`` (of the kind ``key_kind`` gives, if any; ``before``
    the text before the key, ``after`` the text after the number or its counter, ``count``
    the line's numbers) no step or epoch of the line's, though its key may name one?"""
    if kind == STEP and count == 1 and eval_interval(line):
        return True  # RecBole's configuration: "eval_step = 1", how often it evaluates
    if kind is not None and count_of_steps(before):
        return True  # "number of skipped iterations: 0": a count of steps
    if kind is not None and not counter and _ITEMS_AFTER.match(after):
        return True  # Distiller's "Training epoch: 50000 samples (256 per mini-batch)": the
        # epoch's size, no epoch
    return kind is None and counter and sub_counter(low)  # "inner iter: 0/ 4 | ppo epoch: 1/
    # 4 | global iter: 69/ 160"

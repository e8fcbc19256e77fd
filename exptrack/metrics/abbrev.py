"""Keys written short, and values named by the unit printed after them.

Some programs abbreviate their keys with a trailing dot (Marian's ``Ep. 3 : Up. 5300 :
Sen. 299,352 : ... L.r. 2.5e-06``): an abbreviation is read as the key word it starts
(``Ep.`` is the epoch, ``Up.`` an update: the step, ``Sen.`` counts sentences), and kept as
printed otherwise (``L.r.``). Others print a rate with no name before it, only its unit
after it (OpenNMT's ``3599 src tok/s``, Marian's ``27242.83 words/s``): the unit names it.
A duration printed as a value, its time unit and a participle that says what the time is
(LightGBM's ``3.70 seconds elapsed, finished iteration 1``) is named by that word.
"""

from __future__ import annotations

import re

from exptrack.metrics import names

STEP, EPOCH, COUNT = "step", "epoch", "count"
_STEP_WORDS = ("update", "step", "iteration", "batch")
_COUNT_WORDS = ("sentences", "samples", "examples", "tokens", "words", "instances",
                "images", "objects", "episodes", "documents", "sequences", "batches")
# a value's rate unit, alone in its field: "3599 src tok/s;", "27242.83 words/s :", or
# before the next value or key ("4504.66 tokens/sec 1.68 updates/sec\tperplexity=", its tab
# a space in a paste: "updates/sec perplexity=") (not a
# download's or a progress bar's "12.3 MB/s", "4.5 it/s")
_RATE = r"[A-Za-z]{1,12}/(?:s|sec)"  # a rate's unit: "tokens/sec", "words/s"
_RATE_AFTER = re.compile(r"^\s(?![KMGT]?i?B/|it/)(?P<unit>(?:[A-Za-z]{1,12}\s)?" + _RATE
                         + r")(?=\s*(?:$|[;,|]|\s[:|-]\s)|\t|\s[+-]?\d"
                         r"|\s{1,4}[A-Za-z][\w\-]{0,30}=)")
_RATE_UNIT = re.compile(_RATE)

# a time per unit after its value, alone in its field: "| 2.057s/batch |", nanoGPT's
# "9240 ms/iter" (not a
# progress bar's "s/it", nor Keras' "77us/step", "6s/epoch": ``forms.TOKEN`` skips those)
_PER_UNIT_AFTER = re.compile(
    r"^\s?(?P<unit>(?:ms|s|us|sec)/[A-Za-z]{1,12})(?=\s*(?:$|[;,|)]|\s[:|-]\s))")
# a duration's unit, then one participle closing the field: " seconds elapsed," (the
# letters run is anchored after the unit's space, so the match is linear)
_TIMED_AFTER = re.compile(
    r"^\s(?P<unit>seconds|secs?|s|ms|milliseconds|minutes|mins?|hours|hrs?)\s"
    r"(?P<word>[a-z]{2,20}ed)(?:\s(?P<what>for\s[a-z]{2,20}))?(?=\s*(?:$|[;,|]|\.\s*$))")
# (Unsloth's notebooks: "1470.99 seconds used for training.", "24.52 minutes used for
# training.": what the time was used for, named with its unit, as two figures are printed)


def key_of(low: str) -> str | None:
    """What an abbreviated key (lowercase, ending in ``.``) stands for: ``STEP``,
    ``EPOCH``, ``COUNT``, or None (a metric's abbreviation, named as printed)."""
    short = low.replace(".", "")
    if len(short) < 2 or not short.isalpha():
        return None
    if "epoch".startswith(short):
        return EPOCH
    if any(word.startswith(short) for word in _STEP_WORDS):
        return STEP
    if any(word.startswith(short) for word in _COUNT_WORDS):
        return COUNT
    return None


def rate_name(after: str) -> str | None:
    """The name a rate takes from its unit (``" src tok/s; ..."`` -> ``src_tok/s``,
    ``"s/batch | ..."`` -> ``s/batch``), or None when no rate unit follows the value."""
    found = _RATE_AFTER.match(after) or _PER_UNIT_AFTER.match(after)
    if found is None:
        return None
    return found.group("unit").replace(" ", "_")


_SPEED_WORDS = frozenset({"speed", "throughput"})
_ANOTHER_RATE = re.compile(r"\s[+-]?\d[\d.]*\s" + _RATE + r"\b")


def is_rate_unit(word: str) -> bool:
    """Is ``word`` a rate's unit ("tokens/sec")?"""
    return _RATE_UNIT.fullmatch(word) is not None


def speed_name(name: str, pieces: list[str], index: int) -> str:
    """A speed's value (``pieces[index]``) named by its rate unit when more rates follow it
    (Sockeye's "Speed: 235.15 samples/sec 4504.66 tokens/sec": ``samples/sec``, as the
    others are); ``name`` otherwise ("Speed 726.28 samples/sec   Loss" stays ``Speed``)."""
    if name.lower() not in _SPEED_WORDS:
        return name
    after = "".join(pieces[index + 1:index + 4])
    found = _RATE_AFTER.match(after)
    if found is None or _ANOTHER_RATE.match(after, found.end()) is None:
        return name
    return found.group("unit").replace(" ", "_")


def timed_name(after: str) -> str | None:
    """The name a duration takes from the participle after its unit (``" seconds elapsed,
    finished iteration 1"`` -> ``elapsed``), or None."""
    found = _TIMED_AFTER.match(after)
    if found is None:
        return None
    if found.group("what"):  # "seconds used for training"
        what = found.group("what").replace(" ", "_")
        return f"{found.group('unit')}_{found.group('word')}_{what}"
    return found.group("word")


# OpenNMT-py's "...; 35454/35879 tok/s;   2888 sec": a field of a semicolon list that is a
# duration alone, the time since the run started: named by its unit as printed; likewise a
# field of a "|" list (llm.c's "| lr 3.00e-04 | 44.57 ms | ...", a fold loop's "... |
# val_score = 0.4858 | 3.23 min": the step's or the epoch's time)
_FIELD_DURATION = re.compile(r"^ (?P<unit>sec|secs|seconds|ms|min|mins|minutes)\s*(?:[;|]|$)")


# JAX's MNIST example's "Epoch 3 in 1.61 sec" (the epoch's time, named by its unit as
# printed), the JAX in Action book's "Evaluation in 5.05 sec" (what took it, then the unit):
# a duration that ends its line after "in"
_IN_DURATION_LEFT = re.compile(r"(?:^|(?<=\s))(?:(?P<what>(?i:evaluation|validation|eval|test"
                               r"|testing|inference)) )?in $")  # (not "Training completed in
# 12.5 seconds": a run's end)
_IN_DURATION_RIGHT = re.compile(r"^ (?P<unit>s|sec|secs|seconds|ms|min|mins|minutes)\.?\s*$")


def in_duration(left: str, right: str, counted: bool) -> str | None:
    """The name of a duration alone at its line's end after "in" (``counted``: a counter's
    number before "in", "Epoch 3 in"), or None."""
    unit = _IN_DURATION_RIGHT.match(right)
    found = _IN_DURATION_LEFT.search(left[-30:]) if unit is not None else None
    if unit is None or found is None or (found["what"] is None) != counted \
            or (counted and left != " in "):
        return None  # (not "Iteration 1 completed in 1217.8 seconds.")
    return unit["unit"] if counted else f"{found['what'].lower()}_{unit['unit']}"


# a value, then the words naming it, closing a "|" field (llm.c's "| 38.2% bf16 MFU |")
_FIELD_NAME_AFTER = re.compile(r"^%?\s(?P<name>[A-Za-z]\w{0,15}(?: [A-Za-z]\w{0,15}){0,2})"
                               r"\s*(?:\||$)")


def field_name_after(left: str, right: str) -> str | None:
    """The words after a value that close its ``|`` field and name it, or None (the caller
    asks whether they name a metric)."""
    if not left.rstrip().endswith("|"):
        return None
    found = _FIELD_NAME_AFTER.match(right)
    return None if found is None else found.group("name").replace(" ", "_")


def field_duration(left: str, right: str) -> str | None:
    """The unit naming a duration that is a whole field of a ``;`` or ``|`` list, or None."""
    if not left.rstrip().endswith((";", "|")):
        return None
    found = _FIELD_DURATION.match(right)
    return None if found is None else found.group("unit")


def unit_named(left: str, right: str) -> str | None:
    """The name of a number with no name before it and no counter, given by its unit after
    it (``rate_name``: "3599 src tok/s") or by a metric's name after it in a ``|`` field
    (``field_name_after``: "| 38.2% bf16 MFU |")."""
    rate = rate_name(right)
    if rate is None and "|" in left:
        rate = field_name_after(left, right)  # "| 38.2% bf16 MFU |"
        rate = rate if rate is not None and names.metric_like(rate) \
            and not names.denied(rate) else None
    return rate

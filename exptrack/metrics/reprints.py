"""Values printed again: one quantity reported twice for the same step is one observation.

Hugging Face's example scripts print the end-of-training figures as a dict and then again
in a ``***** train metrics *****`` block (``train_loss`` 6.569518616199494, then 6.5695);
two loggers' formats of one report print the same batch twice. A line is a reprint, and
its values are dropped (the first print stands), when every value on it repeats its name's
last value (or most do, and the others name what was never printed: those stay): the same
step and epoch (one of them known; an epoch's line with no step, MetricLogger's ``Averaged
stats: lr: 0.000415  loss: 2.557741``, repeats the epoch's last batch's; a line of another
format that adds the step to an epoch's value, Lightning's checkpoint message ``Epoch 0,
global step 351: 'val_acc' reached 0.84879``, repeats the bar's ``val_acc=0.849``), the
same value to the digits the shorter print shows (at least three decimals when they differ;
Poutyne prints its best epoch's 0.073298 again as 0.0732985, with the ``lr`` it printed
nowhere else), from a line of another format (numbers and runs of spaces aside), or from a
line of the same format with every value the same at the same known step (a ``\r`` status
line printed again with ``\n``). A line of the same format with a new value or no step (the
next report of a stuck loss, a padded dict with a rounded epoch), or with one new value
among its values (another process's loss, a new iteration time), reports anew. A result of
no step and no epoch printed again to its digits in another format (pygaggle's rounded log
lines, then its tab-separated figures in full) is one result too. TensorFlow 1.x under absl
prints each record twice, by two handlers: ``INFO:tensorflow:global_step/sec: 133.157``, then
the same message behind absl's ``I1207 19:57:05.941692 140459371789184 tpu_estimator.py:2307]``
(``_twin``): the second is no new value, step or none.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from exptrack.metrics import columns, spelling
from exptrack.metrics.barrenders import KERAS_BAR
from exptrack.metrics.logrecord import GLOG
from exptrack.metrics.observation import Observation

# a line's format: each number one "0", each run of spaces one space (a padded dict, a
# longer number, is the same format; a dict and a ``key = value`` block are not)
_NUMBER_OR_SPACE = re.compile(r"[+-]?\d[\w.+-]*|\s+")
_NUMBER_OR_SPACE_BYTES = re.compile(rb"[+-]?\d[\w.+-]*|\s+")

# TensorFlow's own handler's record prefix, and absl's glog-style one
_TF_RECORD = re.compile(r"(?:INFO|WARNING|ERROR):tensorflow:")
_GLOG_RECORD = re.compile(GLOG)
_LEVEL_HEADS = ("I", "W", "E", b"I", b"W", b"E")  # the first letter of either

_RECAP = 3  # values a line needs for its new names to be a recap of values printed before
_DISTINCT = 2  # ... and the distinctive values among them
_PLACES = 12  # past this many decimals a print is not a rounding of another
_FEWEST = 3  # 0.5 after 0.52 is a new value, not the same one rounded
_SIGNIFICANT = 4  # ... unless printed to this many significant digits (424.5 of 424.503)


def printed_alike(before: float, value: float, raw: str | bytes = "") -> bool:
    """Is ``value`` ``before`` as printed with fewer digits (6.5695 of 6.569518616199494)?
    ``raw``, the line that printed ``value``, tells its trailing zeros (``0.680``, the float
    0.68): the digits it was printed with, not the float's."""
    if before == value:
        return True
    text = repr(value)
    point = text.find(".")
    if point < 0 or "e" in text or "n" in text:
        return False
    shown = _shown_places(text, raw) if raw else 0
    if shown > max(len(text) - point - 1, _FEWEST):  # PaddleClas' "CELoss: 48.00000", no
        return abs(before - value) <= 0.5000001 * 10.0 ** -shown  # rounding of 48.00146 to
    # four digits (a bar's "val_loss=3.350" pads 3.35074's ".3g" to three places: it is one)
    if _significant_rounding(before, value) or (raw and _lightning_bar(raw)
                                                 and float(f"{before:.3g}") == value):
        return True  # (Lightning's bar prints tqdm's ".3g", padded: "3.350" of 3.35074)
    places = len(text) - point - 1
    if places < _FEWEST and raw and _printed_padded(text, places, raw):
        text += "0" * (_FEWEST - places)
        places = _FEWEST
    return _FEWEST <= places < _PLACES and len(repr(before)) > len(text) \
        and abs(before - value) <= 0.5000001 * 10.0 ** -places  # (0.0732985 printed
    # 0.073298: its binary value is a hair under the half)


def _lightning_bar(raw: str | bytes) -> bool:
    return ("v_num=" in raw) if isinstance(raw, str) else (b"v_num=" in raw)


def _significant_rounding(before: float, value: float) -> bool:
    """Is ``value`` ``before`` rounded to ``_SIGNIFICANT`` or more significant digits, as
    ``%g`` prints it (Transformers 5 logs its dicts so: ``'424.5'`` of the 424.503 its
    metrics block prints, ``'705'`` of 705.044, ``'2.299e+04'`` of 22992.33)?"""
    return any(float(f"{before:.{digits}g}") == value for digits in range(_SIGNIFICANT, _PLACES))


# a name's last observation, the line it came from, and how many closing lines had come then
_Seen = tuple[Observation, str | bytes, int]


def _repeated(before: _Seen, obs: Observation,
              raw: str | bytes) -> bool:
    """Is ``obs`` (of the line ``raw``) the value ``before`` (an observation and its line)
    printed again: the same step and epoch (one of them known), the same value to the
    digits the shorter print shows?"""
    seen = before[0]
    if (seen.step != obs.step and obs.step is not None
            and (seen.step is not None or seen.epoch is None)) \
            or seen.epoch != obs.epoch \
            or (obs.epoch is None and (obs.step is None or seen.step != obs.step)):
        return False
    return printed_alike(seen.value, obs.value, raw) \
        or printed_alike(obs.value, seen.value, before[1])


def _shown_places(text: str, raw: str | bytes) -> int:
    """The decimals ``raw`` prints the number ``text`` with, its trailing zeros counted
    (``48.00000`` for 48.0: five), as a number of its own; 0 where it has no such print."""
    point = text.find(".")
    return max((end - start - point - 1 for start, end in _prints(text, raw)), default=0)


def _printed_padded(text: str, places: int, raw: str | bytes) -> bool:
    """Does ``raw`` print the number ``text`` with trailing zeros up to ``_FEWEST`` decimals
    or more (``0.680`` for 0.68), as a number of its own (not the end of ``10.680``)?"""
    return any(True for _ in _prints(text + "0" * (_FEWEST - places), raw))


def _prints(digits: str, raw: str | bytes) -> Iterator[tuple[int, int]]:
    """Where ``raw`` prints ``digits``, maybe with more zeros after, as a number of its own
    (not the end of ``10.680``, nor the start of ``0.6801``): each print's start and end."""
    line = raw if isinstance(raw, str) else raw.decode("ascii", "replace")
    start = line.find(digits)
    while start >= 0:
        end = start + len(digits)
        while line[end:end + 1] == "0":
            end += 1
        if (start == 0 or not (line[start - 1].isdigit() or line[start - 1] == ".")) \
                and not line[end:end + 1].isdigit():
            yield start, end
        start = line.find(digits, start + 1)


class Reprints:
    """Each name's last observation and the line it came from, to tell a reprint (another
    format's line) from a new value (a line of the same format: the next report)."""

    LIMIT = spelling.NameRegistry.LIMIT  # names remembered: as many as the parser names

    def __init__(self) -> None:
        self._last: dict[str, _Seen] = {}
        self._by_value: dict[float, _Seen] = {}  # each value's last print (``_restated``)
        self._noted: dict[str, float] = {}
        # the lines so far that said training was over ("Training completed!", "SUMMARY"),
        # each name's last print remembering how many had come: a value of no step printed
        # again after one, in another format, is the run's summary restating it
        self.closings = 0

    def check(self, out: list[Observation], first: int, raw: str | bytes) -> None:
        """Drop ``out[first:]`` (one line's values) when every one of them is a reprint of
        an earlier line's value, or most are and the rest name what was never printed (those
        stay); a line with one new value of a known name among them reports anew."""
        last = self._last
        end = len(out)
        index = first
        same: bool | None = None  # the earlier line's format (only the same values repeat it)
        new: list[Observation] = []  # values of names never printed before
        sources: set[str] = set()  # ... that restate these names' values (``_restated``)
        while index < end:  # (most lines fail at their first value)
            obs = out[index]
            before = last.get(obs.name.casefold())
            if before is None:
                if end - first >= _RECAP and (source := self._restated(obs, raw)) is not None:
                    sources.add(source)  # "Epoch 1 Results: Train Loss = 90.4892, Train Acc =
                    index += 1  # 0.5702, Val Loss = ...": the epoch's values again, named
                    continue  # otherwise
                new.append(obs)  # Poutyne's "lr: 0.1, loss: 0.0732985, ...": the best
                index += 1  # epoch's values again, and the learning rate it printed nowhere
                continue
            seen = before[0]
            if seen.value == obs.value and _twin(before[1], raw):
                index += 1  # absl's print of TensorFlow's record
                continue
            if not _repeated(before, obs, raw) and not self._summarized(before, obs, raw):
                return
            if same is None:
                same = _format(before[1]) == _format(raw, before[1])
            if same and (seen.value != obs.value or obs.step is None or seen.step is None):
                return  # (a step newly known repeats only another format's line: the
                # bar's epoch value in Lightning's checkpoint message, "reached 0.84879")
            index += 1
        if sources and len(sources - {""}) < _DISTINCT:  # a recap restates distinctive values
            new = [o for o in out[first:end] if o.name.casefold() not in last]  # of several names
        if len(new) * 2 < end - first:
            out[first:] = new

    def _restated(self, obs: Observation, raw: str | bytes) -> str | None:
        """Is ``obs``, of a name never printed, a value another name printed at the same
        epoch (no step), exactly, in a line of another format (a recap of the epoch's values
        under names of its own)? That name when the value is distinctive (seldom met by
        chance), "" when it is not (``Recall = 1.0000``), None when it is no restatement."""
        before = self._by_value.get(obs.value)
        if before is None or obs.step is not None or before[0].step is not None \
                or not _repeated(before, obs, raw) or _format(before[1]) == _format(raw, before[1]):
            return None
        return before[0].name if _distinctive(obs.value) else ""

    def _summarized(self, before: _Seen, obs: Observation,
                    raw: str | bytes) -> bool:
        """Is ``obs``, of no step, a summary's restatement of ``before``, a value printed
        before a line said training was over ("Final test accuracy: 85.08%" after
        "Training completed successfully!"), in another format, to its digits?"""
        seen = before[0]
        if obs.step is not None or obs.epoch is not None:
            return False
        if seen.step is None and seen.epoch is None and _keras_bar(before[1]):
            return printed_alike(seen.value, obs.value, raw) \
                or printed_alike(obs.value, seen.value, before[1])  # Keras' evaluate()
            # bar, then the user's "Test accuracy: 0.94" of what it returned: one value
        return _distinctive(min(seen.value, obs.value, key=lambda v: len(repr(v)))) \
            and (before[2] < self.closings or (seen.step is None and seen.epoch is None
                                               and seen.value != obs.value)) \
            and _loose_format(before[1]) != _loose_format(raw) \
            and (printed_alike(seen.value, obs.value, raw)
                 or printed_alike(obs.value, seen.value, before[1]))

    def repeats(self, obs: Observation, raw: str | bytes) -> bool | None:
        """Does ``obs`` (of the line ``raw``) print its name's last value again, at the same
        step and epoch (``check``'s test for one value)? None: the name was never printed."""
        before = self._last.get(obs.name.casefold())
        return None if before is None else _repeated(before, obs, raw)

    def take(self, out: list[Observation], first: int, raw: str | bytes) -> None:
        """``check`` one line's values (``out[first:]``), then remember those that stay."""
        self.check(out, first, raw)
        self.record(out, first, len(out), raw)

    def last_values(self) -> list[tuple[str, float]]:
        """Each remembered name with its last value (a recognizer's too, see ``note``)."""
        return [*((name, seen[0].value) for name, seen in self._last.items()),
                *self._noted.items()]

    def note(self, found: list[Observation]) -> None:
        """Remember the values a recognizer of its own (Ultralytics') found: no line's."""
        if len(self._noted) < self.LIMIT:
            self._noted.update((o.name, o.value) for o in found)

    def record(self, out: list[Observation], start: int, end: int, raw: str | bytes) -> None:
        """Remember ``out[start:end]``, the values of the line ``raw``."""
        last, by_value = self._last, self._by_value
        full = len(last) >= self.LIMIT
        if len(by_value) >= self.LIMIT:
            by_value.clear()
        for index in range(start, min(end, len(out))):
            obs = out[index]
            key = obs.name.casefold()  # ("Test accuracy: 0.9548" of the bar's test_accuracy)
            if not full or key in last:
                last[key] = by_value[obs.value] = (obs, raw, self.closings)

    def forget(self) -> None:
        """Forget every print: an evaluation starts (Hugging Face's "***** Running
        Evaluation *****"), and what it prints is new even where it repeats a value."""
        self._last.clear()
        self._by_value.clear()

    def remember(self, block: columns.Block, raw: str | bytes) -> None:
        """Remember the last line (``raw``) of a column block, as the line path would."""
        step, epoch = columns.last(block.steps), columns.last(block.epochs)
        row = [Observation(metric.name, float(str(metric.form).strip('"')) if metric.column < 0
                           else float(block.texts[metric.column][-1]), step, epoch)
               for metric in block.plan.metrics]
        self.record(row, 0, len(row), raw)


def _keras_bar(line: str | bytes) -> bool:
    """A Keras bar's line: evaluate()'s, whose values a script prints again ("Test accuracy:
    0.9808" after "7/7 ━━━━ 0s 23ms/step - accuracy: 0.9808")."""
    text = line if isinstance(line, str) else line.decode("utf-8", "replace")
    return KERAS_BAR.match(text) is not None


def _distinctive(value: float) -> bool:
    """Is ``value`` printed with three significant digits or more (91.22, 0.0809), seldom
    met again by chance (not 0.0 or 1.0, which a rerun's accuracy may well be again)?"""
    text = repr(abs(value))
    return "e" not in text and len(text.replace(".", "").strip("0")) >= 3


# a word (one token of a line's format) or a run of spaces
_WORD_OR_SPACE = re.compile(r"[\w.+-]+|\s+")


def _loose_format(line: str | bytes) -> str:
    """``line``'s format with every word that holds a digit one "0", indents aside: a run's
    line printed again by a rerun (another session's id in its prefix) is of the same format."""
    text = (line if isinstance(line, str) else line.decode("utf-8", "surrogateescape")).strip()
    return _WORD_OR_SPACE.sub(lambda m: " " if m.group()[0].isspace() else "0" if any(
        c.isdigit() for c in m.group()) else m.group(), text)


def _format(line: str | bytes, like: str | bytes | None = None) -> str | bytes:
    """``line``'s format, as bytes when ``like`` is (a chunk's lines are str when ASCII)."""
    if isinstance(line, str) and isinstance(like, bytes):
        line = line.encode("utf-8", "surrogateescape")
    elif isinstance(line, bytes) and isinstance(like, str):
        line = line.decode("utf-8", "surrogateescape")
    line = line.rstrip()  # (a shorter redraw of a bar, tqdm's, padded with spaces)
    if isinstance(line, str):
        return _NUMBER_OR_SPACE.sub(lambda m: " " if m.group()[0].isspace() else "0", line)
    return _NUMBER_OR_SPACE_BYTES.sub(lambda m: b" " if m.group()[:1].isspace() else b"0", line)


def _twin(first: str | bytes, line: str | bytes) -> bool:
    """Is ``line`` absl's glog-style print of the TensorFlow record ``first``, the same
    message?"""
    if first[:1] not in _LEVEL_HEADS or line[:1] not in _LEVEL_HEADS:
        return False  # (most lines: no record of either, told by their first letter)
    if isinstance(first, bytes):
        first = first.decode("utf-8", "surrogateescape")
    if isinstance(line, bytes):
        line = line.decode("utf-8", "surrogateescape")
    tf, glog = _TF_RECORD.match(first), _GLOG_RECORD.match(line)
    return tf is not None and glog is not None \
        and first[tf.end():].rstrip() == line[glog.end():].rstrip()

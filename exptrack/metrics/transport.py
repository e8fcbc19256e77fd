"""The tags a launcher or a log collector puts before every line a process printed, taken
off before any line is planned, so that a table, a block or a dump reads as the process
printed it (a tag on each line of Stable-Baselines3's table hid the whole table).

- a collector's time stamp, RFC 3339 in UTC (``docker logs -t``, ``kubectl logs
  --timestamps``, GitHub Actions): ``2024-11-25T10:31:15.542123456Z ``;
- a syslog record's head, as journald (``journalctl -u train``, its ``short`` and
  ``short-iso`` formats) and rsyslog write a service's output: ``Nov 25 10:31:15 gpu-3
  python[12345]: ``;
- Ray's worker tag: ``(RayTrainWorker pid=2105, ip=10.0.0.2) ``, ``(pid=2105) ``, coloured
  under a terminal (``ESC[36m(pid=2105)ESC[0m ``);
- a Kaggle kernel's log (its "Download log": a JSON array, one ``{"stream_name": "stdout",
  "time": 49.57, "data": "Epoch 1: loss=0.58\\n"}`` record a line): the records' ``data``
  is the output, read as printed (a record may hold part of a line: the rest waits for the
  next);
- a process's rank: Open MPI's (Horovod's) ``[1,0]<stdout>:``, torchrun's ``[default0]:``,
  PyTorch's ``[rank0]: ``. Each process of a distributed run prints its own copy of the
  run's lines and only the lowest rank's are the run's series (as the frameworks that log
  from rank zero alone record them): the lowest rank's lines lose their tag; another rank's
  line of a shape the lowest rank printed (the same line, its own numbers) is dropped; any
  other line keeps its tag (a pipeline's last stage prints the loss alone, read per line as
  before: ``lineplan.rank_of``).

- a Kaggle notebook's log pane copied as text (its time, its line's number, the message):
  ``13129.7s | 202 | [365]	valid_0's auc: 0.610046``;
- icefall's (k2's) rank after its logging record's head: ``2023-09-07 22:40:05,549 INFO
  [train.py:927] (0/2) Epoch 1, validation: loss=6.915``: every rank prints the run's lines
  (its batches' own numbers), and the run's series are rank 0's (as icefall's TensorBoard
  writer records them): the rank goes, and once rank 0 has printed, another rank's lines
  are dropped (before it, they are read: a log of one rank alone keeps its lines).

- a paste's quoting, output copied into an issue or a README: Markdown's block quote
  (``> Epoch 1: loss 0.5``, ``>`` alone on a blank line) and a shell's or Python's comment
  (``# Epoch 1: loss 0.5``, the output pasted under the command that printed it), before
  the other tags or behind them; a ``#`` glued to a word stays (libFM's ``#Iter=  0``,
  ``#params: 3``).

A Slurm label (``srun --label``'s `` 0: ``) is not taken here: an unpadded ``3: `` before
a word is as often an iteration (``lineplan.untagged`` reads it per line).
All patterns are anchored and bounded (linear time).
"""

from __future__ import annotations

import json
import re

from exptrack.metrics.replay import MAX_LINE_BYTES

_STAMP = re.compile(rb"(?m)^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d{1,9})?Z ")
_SYSLOG = re.compile(rb"(?m)^(?:[A-Z][a-z]{2} [ \d]\d \d\d:\d\d:\d\d"
                     rb"|\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d{1,9})?(?:Z|[+-]\d\d:?\d\d))"
                     rb" [\w.\-]{1,64} [\w.\-/@]{1,64}\[\d{1,9}\]: ")
_RAY = re.compile(rb"(?m)^(?:\x1b\[[\d;]{1,12}m)?\((?:[\w.:\-]{1,60} )?pid=\d{1,9}"
                  rb"(?:, ip=[\w.:\-]{3,64})?\)(?:\x1b\[0m)? ")
_RANKED = re.compile(rb"(?m)^\[(?:\d{1,6},\d{1,6}\]<std(?:out|err)>|default\d|rank\d)")
_RANK = re.compile(rb"\[(?:\d{1,6},(\d{1,6})\]<std(?:out|err)>:|default(\d{1,6})\]:"
                   rb"|rank(\d{1,6})\]: ?)")
# a Kaggle kernel log's record: '[{"stream_name":"stdout","time":49.5,"data":"..."}', then
# ',{...}' a line, ']' last
_KAGGLE = re.compile(rb'(?m)^[\[,]\{"stream_name": ?"std(?:out|err)", ?"time": ?[\d.eE+\-]{1,40}, ?'
                     rb'"data": ?"')
_PANE = re.compile(rb"(?m)^\d{1,7}\.\d{1,3}s \| \d{1,7} \| ")
_ICEFALL = re.compile(rb"(?m)^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d{3} [A-Z]{4,8} "
                      rb"\[[\w.\-]{1,80}:\d{1,6}\] (\((\d{1,4})/\d{1,4}\) )")
# a paste's quoting: Markdown's block quote ("> Epoch 1: loss 0.5"), a shell or Python
# comment ("# Epoch 1: loss 0.5", output pasted under the command that printed it)
_QUOTE = re.compile(rb"(?m)^(?:> ?|# )(?=[^\n])|^>(?=\n)")
_DIGITS = bytes.maketrans(b"0123456789", b"0000000000")
MAX_SHAPES = 4096  # the lowest rank's line shapes remembered (a bound on memory)


def _ends_match(pattern: re.Pattern[bytes], complete: bytes) -> bool:
    """Does ``pattern`` match at the first or the last of the lines in ``complete``?"""
    return any(pattern.match(complete, start) is not None
               for start in (0, complete.rfind(b"\n", 0, len(complete) - 1) + 1))


class Tags:
    """Takes the tags off a stream's complete lines; remembers which tags the stream has
    shown, the lowest rank seen and the shapes of its lines, across chunks."""

    def __init__(self) -> None:
        self._stamps = self._syslog = self._ray = self._ranked = self._pane = False  # (a tag once
        # seen: every chunk)
        self._kaggle = self._icefall = self._quoted = False
        self._zero = False  # icefall's rank 0 has printed
        self._held = b""  # a Kaggle record's text after its last line end
        self._low: int | None = None
        self._shapes: set[bytes] = set()

    def __call__(self, complete: bytes) -> bytes:
        """``complete`` (whole lines, each ending in ``\\n``) without its lines' tags. A
        stream's tags are looked for at its chunks' first and last lines (a collector or a
        launcher tags every line): a search of every chunk would cost a tagless stream a
        third of the recorder's speed (measured: 3.25 -> 2.24 M lines/s)."""
        if not self._kaggle and _KAGGLE.match(complete) is not None:
            self._kaggle = True
        if self._kaggle:
            complete = self._unwrapped(complete)
        if not (self._stamps and self._syslog and self._ray and self._pane):
            self._stamps = self._stamps or _ends_match(_STAMP, complete)
            self._syslog = self._syslog or _ends_match(_SYSLOG, complete)
            self._ray = self._ray or _ends_match(_RAY, complete)
            self._pane = self._pane or _ends_match(_PANE, complete)
        complete = self._unquoted(complete)  # (a paste of output: its quote outermost)
        if self._stamps:
            complete = _STAMP.sub(b"", complete)
        if self._syslog:
            complete = _SYSLOG.sub(b"", complete)
        if self._ray:
            complete = _RAY.sub(b"", complete)
        if self._pane:
            complete = _PANE.sub(b"", complete)
        # a rank's tag is looked for behind the collector's (``docker logs -t`` of a
        # torchrun job: "2024-11-25T10:31:15Z [default0]:step 1 ..."), icefall's behind both
        self._ranked = self._ranked or _ends_match(_RANKED, complete)
        if self._ranked:
            complete = self._ranks(complete)
        self._icefall = self._icefall or _ends_match(_ICEFALL, complete)
        if self._icefall:
            complete = self._icefall_ranks(complete)
        if self._stamps or self._syslog or self._ray or self._pane or self._ranked:
            complete = self._unquoted(complete)  # (a paste quoted under a tag:
            # "2024-11-25T10:31:15Z # Epoch 1: loss 0.5")
        return complete

    def _unquoted(self, complete: bytes) -> bytes:
        """``complete`` without a paste's quoting, once the stream has shown a quoted line
        (at a chunk's first or last line)."""
        self._quoted = self._quoted or _ends_match(_QUOTE, complete)
        return _QUOTE.sub(b"", complete) if self._quoted else complete

    def close(self, rest: bytes) -> bytes:
        """The stream's last lines (``rest``, maybe empty) and what waited for a line end."""
        done = self(rest) if rest else b""
        held, self._held = self._held, b""
        return done + self(held + b"\n") if held else done

    def _unwrapped(self, complete: bytes) -> bytes:
        """A Kaggle log's records' text, whole lines of it; any other line as it is, but the
        array's closing ``]``."""
        out = [self._held]
        for line in complete.splitlines(True):
            if _KAGGLE.match(line) is None:
                if line.strip() != b"]":
                    out.append(line)
                continue
            body = line.strip()[1:].removesuffix(b"]")
            try:
                data = json.loads(body).get("data")
            except (ValueError, AttributeError, RecursionError):  # (a damaged or hostile
                data = None  # record is a line as it is)
            if isinstance(data, str):
                out.append(data.encode("utf-8", "replace"))  # (a lone surrogate: "?")
            else:
                out.append(line)
        text = b"".join(out)
        cut = max(text.rfind(b"\n"), text.rfind(b"\r")) + 1
        self._held = text[cut:] if len(text) - cut <= MAX_LINE_BYTES else b""  # (a line
        return text[:cut]  # longer is not parsed: ``replay.MAX_LINE_BYTES``)

    def _ranks(self, complete: bytes) -> bytes:
        lines = complete.split(b"\n")
        kept: list[bytes] = []
        for line in lines:
            tag = _RANK.match(line) if line[:1] == b"[" else None
            if tag is None:
                kept.append(line)
                continue
            rank = int(tag.group(1) or tag.group(2) or tag.group(3))
            message = line[tag.end():]
            shape = message.translate(_DIGITS)
            if self._low is None or rank < self._low:
                self._low, self._shapes = rank, set()
            if rank == self._low:
                if len(self._shapes) < MAX_SHAPES:
                    self._shapes.add(shape)
                kept.append(message)
            elif shape not in self._shapes:
                kept.append(line)  # (no copy of the lowest rank's: read with its tag)
        return b"\n".join(kept)

    def _icefall_ranks(self, complete: bytes) -> bytes:
        kept: list[bytes] = []
        for line in complete.split(b"\n"):
            tag = _ICEFALL.match(line) if line[:1].isdigit() else None
            if tag is None:
                kept.append(line)
                continue
            rank = int(tag.group(2))
            self._zero = self._zero or rank == 0
            if rank == 0 or not self._zero:
                kept.append(line[:tag.start(1)] + line[tag.end(1):])
        return b"\n".join(kept)

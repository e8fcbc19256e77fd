"""The slow part of the parser's line loop, for the few line shapes that need more than
the hot loop's ``float`` calls (a plan with flags, see ``lineplan``):

- names that hold digits of the line (``top1``/``top5``, ``gpu0``/``gpu1``): the shape
  plan is KEYED by the byte spans of those digits, and each set of digits gets its own plan
  (``_variant``), so lines that differ only there keep their own names while every other
  line of the shape still costs one dict lookup;
- numbers ``float`` does not read (``0.0363f0``, ``1,234.5``) and a tqdm bar's count as the
  step of its postfix (SLOW, ``placing``);
- printed configuration blocks (``dumps``): their values are held back until the block
  ends, then dropped when it was a configuration; Keras bar renders and pycocotools'
  summary rows are held too (``heldlines``), and blocks that read on (``modes``); a
  block's end is ``dumpblocks``'.

It also makes and caches the plan of each line shape the hot loop has not seen
(``_new_plan``). ``SlowPath`` is a mixin of ``MetricParser``: it shares the parser's state.
"""

from __future__ import annotations

import re

from exptrack.metrics import (
    columns,
    detectron,
    dumpheads,
    dumps,
    dumpsettings,
    lonekey,
    names,
    reprints,
    spelling,
    statheads,
)
from exptrack.metrics.columns import ColumnPlan
from exptrack.metrics.dumpblocks import DumpBlocks
from exptrack.metrics.kinds import EPOCH, EPOCH_ALONE
from exptrack.metrics.lineplan import (
    CLOSES,
    COCO_ROW,
    COCO_TYPE,
    COPYPASTE,
    DONE,
    EMPTY,
    EVALUATING,
    FLOWER,
    KERAS_BAR,
    KEYED,
    LR_REDUCED,
    OBJECT,
    RANKED,
    REPORT,
    REPRINT,
    RESULTS,
    ROWS,
    SLOW,
    SUMMARY,
    TIMING,
    TRIAL,
    VALIDATING,
    Plan,
    listing_plan,
    make_plan,
    rank_of,
    text_of,
)
from exptrack.metrics.observation import Carried, Observation
from exptrack.metrics.phasename import with_phase
from exptrack.metrics.placing import Placing
from exptrack.metrics.replay import MAX_LINE_BYTES
from exptrack.metrics.runnames import RunNames

MAX_PLANS = 4096  # line shapes whose plans are cached; past it, the cache starts over
_NAN_INF = re.compile(rb"(?i)nan|inf")
MAX_VARIANTS = 4096
MAX_ONE_OFFS = 256  # timings held while no step has come (``MetricParser.finish``)
MAX_PER_SHAPE = 256  # digit sets of one shape's names told apart; past it, one name


class SlowPath(RunNames, Placing, DumpBlocks):
    """KEYED and SLOW plans, and configuration blocks (see the module docstring)."""

    step: int | float | None
    epoch: int | float | None
    batch: bool
    _counted: bool
    _trained: bool
    _rank: int | None  # the lowest rank whose lines the run's series are (``RANKED``)
    _rank_names: set[str]  # the names its lines printed
    _one_offs: list[Observation]
    _stat_head: str | None
    _values_shape: bytes
    _names: spelling.NameRegistry
    _dump: dumps.Block | None
    _settings: dumpsettings.Settings
    _variants: dict[tuple[bytes, str | bytes], Plan]
    _variant_counts: dict[bytes, int]
    _plans: dict[bytes, Plan]
    _columns: dict[bytes, ColumnPlan | None]
    _kv_rows: list[tuple[str, float]]
    _kv_settings: bool  # a configuration's key-value table is open (``tablelines``)
    _copypaste: detectron.Copypaste  # Detectron2's results (``detectron``)
    _reprints: reprints.Reprints  # values printed again in another format
    _said: str | bytes  # the last report's step-to-metrics bytes, its shape (``parser``)
    _said_shape: bytes

    def _said_before(self, shape: bytes) -> str | bytes:
        return self._said if shape == self._said_shape else b""

    def _said_after(self, last: str | bytes, report: tuple[int, int], shape: bytes) -> None:
        """A column block's last line is the line before the next one (``report``)."""
        self._said, self._said_shape = last[report[0]:report[1]], shape if report[1] else b""

    def _reprinted(self, column: ColumnPlan, first: str | bytes,
                   shape: bytes) -> bool:
        """Would the line path drop the values of ``first``, a run's first line with its
        newline, as a print of the line before it (``reprints``)?"""
        if shape == self._values_shape:
            return False  # the format of the last values again: a new report (line path)
        row = columns.extract(column, first, 1, self.step, self.epoch, self._said_before(shape))
        found = [Observation(*o) for o in columns.observations(row)] if row is not None else []
        if not found:
            return False
        self._reprints.check(found, 0, first[:-1])
        return not found

    def _new_plan(self, shape: bytes, raw: str | bytes) -> Plan:
        """The plan of a line shape the parser has not seen, cached (a line that holds no
        number is a listing's: see ``dumps``)."""
        data = raw.encode("ascii") if isinstance(raw, str) else raw
        no_number = shape == data and _NAN_INF.search(data) is None
        plan = listing_plan(data) if no_number else self._make_plan(data)
        if plan.metrics and rank_of(data) is not None:
            plan = plan._replace(flags=plan.flags | RANKED)
        if len(self._plans) >= MAX_PLANS:
            self._plans.clear()
            self._columns.clear()
            self._variants.clear()
            self._variant_counts.clear()
        self._plans[shape] = plan
        return plan

    def _make_plan(self, raw: bytes) -> Plan:
        if len(raw) > MAX_LINE_BYTES:
            return EMPTY
        return make_plan(raw, self._name, self._peek)

    def _flush_kv(self, out: list[Observation]) -> None:
        raise NotImplementedError

    def _kv_ends(self, plan: Plan, raw: str | bytes) -> None:
        raise NotImplementedError  # ``tablelines.TableLines``

    def _table_line(self, text: str, out: list[Observation]) -> None:
        raise NotImplementedError

    def _gate(self, plan: Plan, shape: bytes, raw: str | bytes,
              out: list[Observation]) -> Plan | None:
        """Lines whose names hold digits (KEYED), whose numbers need more than ``float``
        or whose step is a bar's count (SLOW), and printed-configuration blocks (``dumps``).
        Returns the plan for the hot loop to apply, or None when the line is done."""
        if plan.flags & VALIDATING:  # Distiller's banner: the section's epoch (``distiller``)
            epochs = [raw[start:end] for kind, start, end in plan.context
                      if kind in (EPOCH, EPOCH_ALONE) and raw[start:end].isdigit()]
            self._validating = int(epochs[0]) if epochs else None
            plan = plan._replace(flags=plan.flags & ~VALIDATING)
            if not plan.flags and self._dump is None:
                return plan
        if plan.flags & RANKED:  # (a distributed run's: the lowest rank's lines count)
            rank = rank_of(raw)
            printed = {m[0] for m in plan.metrics}
            if rank is not None and self._rank is not None and rank > self._rank:
                if printed <= self._rank_names:
                    return None  # another process's copy of what the lowest rank prints
            elif rank is not None:
                if rank != self._rank:
                    self._rank, self._rank_names = rank, set()
                self._rank_names |= printed
            plan = plan._replace(flags=plan.flags & ~RANKED)
            if not plan.flags and self._dump is None:
                return plan
        if (plan.flags & FLOWER or (self._dump is not None and self._dump.mode == dumps.FLOWER)) \
                and self._flower_line(raw, out):
            return None
        if self._dump is not None and self._dump.mode == dumps.OBJECT:
            self._object_line(self._dump, text_of(raw), out)
            return None
        if plan.flags & OBJECT:
            if self._dump is not None:
                self._close_dump(out)
            self._dump = dumps.Block(mode=dumps.OBJECT)
            self._object_line(self._dump, text_of(raw), out)
            return None
        if plan.flags & KERAS_BAR:
            done = self._keras_bar(plan, raw, out)
            if done is None:
                return None
            plan = done
        if (plan.flags & (COCO_ROW | COCO_TYPE) or (
                self._dump is not None and self._dump.mode == dumps.COCO)) \
                and self._summary(plan, shape, raw, out):
            return None
        if self._dump is not None and self._dump.mode:
            moded = self._dump
            verdict = self._moded(moded, plan, raw, out)
            if verdict:
                return None
            if verdict is None:  # a line between Detectron2's tables and their copypaste
                self._dump = None
                gated = self._gate(plan, shape, raw, out)
                if self._dump is not None:  # a listing line ("INFO: Note: ...") is no block
                    self._close_dump(out)  # here: judged at once
                self._dump = moded
                return gated
        elif plan.flags & (REPRINT | RESULTS | COPYPASTE | SUMMARY | ROWS | REPORT):
            if self._dump is not None:
                self._close_dump(out)
            self._moded(dumps.Block(), plan, raw, out)
            return None
        self._epoch_lines(plan, None)
        if plan.flags & (DONE | CLOSES):
            self._reprints.closings += 1  # (a summary after it restates: ``reprints``)
        if plan.flags & EVALUATING:  # what the evaluation prints is its own, though it may
            self._reprints.forget()  # repeat the last one's values (an unchanged model's)
            return None
        if plan.flags & DONE:  # a final evaluation belongs to no step of the run
            self._trained = self._trained or self.step is not None or self.epoch is not None
            self.step = self.epoch = None
            return None
        if plan.flags & CLOSES:  # likewise, once a line of metrics set the step
            if self._counted:
                self.step = self.epoch = None
            if plan.flags == CLOSES:
                return EMPTY  # (it may head a table)
            plan = plan._replace(flags=plan.flags & ~CLOSES)  # ("Final evaluation:" a heading)
        if plan.flags & LR_REDUCED:
            if self._keras3 or self._names.seen("learning_rate") or self._names.seen("lr"):
                return None  # the run's lines print its learning rate: this is an event
            plan = plan._replace(flags=plan.flags & ~LR_REDUCED)
        if plan.flags & KEYED:
            plan = self._variant(plan, shape, raw)
        if self._stat_head is not None:  # the statistics under a quantity's heading
            plan = self._under_head(plan)
        if plan.flags & TIMING:  # (Deep Netts' "TRAINING COMPLETED", "Total Training Time:
            if self.step is None and self.epoch is None and not self._trained:  # 1877ms")
                if self._dump is not None:  # a one-off timing: no report of the run's
                    self._close_dump(out)
                if len(self._one_offs) < MAX_ONE_OFFS:  # ... unless the output has no run
                    self._apply(plan._replace(flags=plan.flags & ~TIMING, context=()),  # at
                                raw, self._one_offs)  # all (a benchmark's: ``finish``)
                return None
            plan = plan._replace(flags=plan.flags & ~TIMING)
        flags = plan.flags
        if self._kv_rows and (plan.metrics or plan.context or b"|" not in shape):
            self._flush_kv(out)
        if self._kv_settings:
            self._kv_ends(plan, raw)
        block = self._dump
        if block is not None and block.best and plan.context and not plan.metrics \
                and raw[:1] in (" ", "\t", b" ", b"\t"):  # "\tepoch : 26" under "Best
            return None  # results ...:": the best epoch's, not the run's now
        if block is not None and block.lone is not None and not plan.metrics \
                and lonekey.BARE.match(text := text_of(raw)):  # "SCORE:", then "0.83"
            name, value = block.lone, float(text)
            self._close_dump(out)
            out.extend(self._recorded([Carried(name, value, self.step, self.epoch)]))
            return None
        if not flags & (dumps.LISTING | dumps.CONTINUES):
            if block is not None and block.measured and plan.context and not plan.metrics:
                block.phase = None  # an "epoch = 1.0" line under "***** Eval results *****"
                # places the values around it, as one of them (keys as printed)
            elif block is not None and block.measured and not block.keys \
                    and not text_of(raw).strip():
                return None  # a blank line between a heading of results and its keys
                # (spaCy's "=== Results ===", a blank line, "TAG  100.00")
            elif block is not None and not lonekey.waits(block, text_of(raw)):
                phase = block.phase if block.labels_next and not block.keys \
                    and plan.metrics and not plan.context else None  # PyTorch's Quickstart:
                # "Test Error: ", then " Accuracy: 12.5%, Avg loss: 2.298702 "
                self._close_dump(out)  # (hyperopt's bar redrawn between "SCORE:" and "0.8")
                if phase:
                    plan = plan._replace(metrics=tuple((with_phase(m[0], phase), *m[1:])
                                                       for m in plan.metrics))
            if flags & (SLOW | TRIAL):  # (a bar's values: its description, then the
                first = len(out)  # epoch's summary line prints them again, or the other way
                self._apply(plan, raw, out)  # round; two handlers print a trial twice)
                self._reprints.take(out, first, raw)
                if flags & TRIAL:  # Optuna's trial value at its number; the lines after it
                    self.step = None  # (the next trial's training) are at no step of it
                elif len(out) > first and self._dump is None:
                    self._hold_bar(plan, raw, out, first)
                return None
            return plan if plan.metrics or plan.context else EMPTY
        if block is None:
            block = self._dump = dumps.Block(in_run=self.step is not None
                                             or self.epoch is not None)
        if flags & dumps.CONTINUES:  # a section: "📊 Evaluation Results:" names its keys'
            text = text_of(raw)
            if not dumpheads.is_rule(text):  # a rule under the heading keeps its phase
                block.phase = dumpheads.heading_phase(text)
                block.labels_next = dumpheads.labels_next(text)
                self._stat_head = statheads.block_head(dumpheads.message(text)) \
                    if block.phase is None else None
                block.fresh = dumpheads.fresh_report(text)
                block.lone = lonekey.name(text)
            if dumpheads.epoch_heading(text):  # "this epoch:": the epoch's values follow, not
                self.step = None  # a batch's
        key = plan.key
        if flags & dumps.LISTING and any(c.isdigit() for c in key):  # "lambda_l1: 0.0001"
            key = dumps.classify(text_of(raw))[1]  # and "lambda_l2: ..." share a shape only
        if block.add(flags, key):
            self._release(out)
        if block.best and flags & dumps.LISTING:
            return None  # the best epoch's values again, its epoch too
        if block.series:  # a pandas Series's last line ends it
            self._close_dump(out)
            return None
        kv = dumps.measured(text_of(raw)) if not plan.metrics and block.measured \
            and flags & dumps.NUMERIC else None  # "Bias   :   9.84" under "Evaluation Statistics"
        if not plan.metrics and kv is None:  # ("Epoch 15 - Val metrics:": a heading's epoch
            return plan if plan.context else None  # still counts)
        if block.stream and not flags & SLOW and block.phase is None and kv is None \
                and all(self._final(m[0]) for m in plan.metrics):
            return plan  # a stream of metrics: the hot loop records it
        found: list[Observation] = []
        if kv is None:
            self._apply(plan, raw, found)
        else:
            found.append(Carried(kv[0], kv[1], self.step, self.epoch))
        if block.fresh:  # "***** eval metrics *****": the closing evaluate()'s
            found = self._fresh_values(block, found, raw)
        else:  # "***** train metrics *****": the dict again (TF's two handlers print a
            self._reprints.take(found, 0, raw)  # dict twice)
        if block.phase is not None:
            found = [o._replace(name=with_phase(o.name, block.phase)) for o in found]
        if block.stream or block.metrics or not (
                block.held or any(not names.metric_like(o.name) for o in found)):
            out.extend(self._recorded(found))  # nothing held back before, nor now; under a
            # heading of metrics every value is one ("Daily metrics:" over "  NSE: 0.790")
        else:
            block.held.extend(found)
            if len(block.held) > dumps.MAX_HELD:
                self._close_dump(out)
        return None

    def _under_head(self, plan: Plan) -> Plan:
        """A line of one bare statistic under a quantity's heading ("Latency:" over
        "   Median:  4.13 ms"): named by both (``Latency_Median``); any other line ends the
        heading's block."""
        if plan.flags & dumps.LISTING and len(plan.metrics) == 1 and self._stat_head:
            name = statheads.under_head(plan.metrics[0][0], self._stat_head)
            if name is not None:
                return plan._replace(metrics=((self._name(name), *plan.metrics[0][1:]),))
        self._stat_head = None
        return plan

    def _fresh_values(self, block: dumps.Block, found: list[Observation],
                      raw: str | bytes) -> list[Observation]:
        """A line's values under a heading of a report of its own (``dumpheads.fresh_report``):
        held while each repeats its name's last print; all of the block's go out once one
        shows a new value (the closing evaluate()'s runtime, unprinted before); a block
        that only repeats is a reprint (``dumpblocks``: its never-printed names stay)."""
        states = [(obs, raw, self._reprints.repeats(obs, raw)) for obs in found]
        block.renewed = block.renewed or any(known is False for _, _, known in states)
        block.reprinted.extend(states)
        if not block.renewed:
            if len(block.reprinted) <= dumps.MAX_HELD:
                return []
            held, block.reprinted = block.reprinted, []  # (bounded: judged as at its end)
            return [obs for obs, _, known in held if known is None]
        released, block.reprinted = block.reprinted, []
        for obs, printed, _ in released:
            self._reprints.record([obs], 0, 1, printed)
        return [obs for obs, _, _ in released]

    def _variant(self, plan: Plan, shape: bytes, raw: str | bytes) -> Plan:
        """The plan of a line whose names hold digits, for the digits it has: "top1=0.7"
        and "top5=0.9" share a shape, not a name."""
        digits = "".join(raw[s:e] for s, e in plan.keyed) if isinstance(raw, str) \
            else b"".join(raw[s:e] for s, e in plan.keyed)
        found = self._variants.get((shape, digits))
        if found is None:
            count = self._variant_counts[shape] = self._variant_counts.get(shape, 0) + 1
            if count > MAX_PER_SHAPE:  # "sample_1234_loss": an id in the name, not a family
                found = self._plans[shape] = plan._replace(flags=plan.flags & ~KEYED)
                self._columns.pop(shape, None)
                return found
            made = self._make_plan(raw.encode("ascii") if isinstance(raw, str) else raw)
            found = made._replace(flags=made.flags & ~KEYED)
            if len(self._variants) >= MAX_VARIANTS:
                self._variants.clear()
                self._variant_counts.clear()
            self._variants[(shape, digits)] = found
        return found

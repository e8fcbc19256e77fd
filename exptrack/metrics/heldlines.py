"""Lines the parser holds until a later line decides what they were (a mixin of
``SlowPath``, sharing the parser's state):

- a Keras bar's render before its epoch is done ("235/285 [===>..] - ETA: 0s - loss:
  0.11", Keras 3's "485/485 ━━━━ 0s 88ms/step - loss: 0.05", its time the ETA, before the
  validation): replaced by the next render or the finished bar (Keras' History keeps one
  value an epoch), recorded when the run goes on without one;
- pycocotools' summary rows (``detectron``): recorded, unless the next line is the
  framework's own record of them (Detectron2's tables, MMDetection's copypaste);
- a finished tqdm bar's postfix values ("Epoch 3/10: 100% 1636/1636 [04:54<00:00,
  train_loss=0.192]"): the last batch's running figures, superseded when the next line of
  values reports the same names for the epoch ("Epoch 3: train_loss=0.159226"), recorded
  otherwise.
"""

from __future__ import annotations

from exptrack.metrics import detectron, distiller, dumps, rules
from exptrack.metrics.lineplan import (
    COCO_ROW,
    COCO_TYPE,
    COPYPASTE,
    KERAS,
    KERAS_BAR,
    KEYED,
    RESULTS,
    Plan,
    bar_finished,
    text_of,
)
from exptrack.metrics.observation import Observation
from exptrack.metrics.phasename import with_phase
from exptrack.metrics.reprints import Reprints

# no values: "Exp name: mask_rcnn_r50_fpn.py" (a setting), "Loading and preparing results..."
_WORDS_ONLY = dumps.LISTING | dumps.EVIDENCE | dumps.CONTINUES | dumps.MEASURED


class HeldLines:
    """Keras bar renders, tqdm bars' last values and pycocotools' summary rows (see the
    module docstring)."""

    _dump: dumps.Block | None
    _copypaste: detectron.Copypaste
    step: int | float | None
    epoch: int | float | None
    _keras_last: tuple[int | float | None, int] | None  # the last finished bar's epoch, length
    _reprints: Reprints
    _keras_testing: bool  # after Keras' evaluate() (``_keras_evaluate``)
    _keras3: bool  # a Keras 3 bar ("━━━") was seen: its callbacks log the learning rate
    _paddle_block: bool  # after Paddle hapi's "Eval begin..." (``_eval_block``)
    _validating: int | None  # after Distiller's banner: its epoch (``_validate_block``)
    _in_render: bool  # a terminal render's line is being read (``replay``)

    def _apply(self, plan: Plan, raw: str | bytes, out: list[Observation]) -> None:
        raise NotImplementedError

    def _variant(self, plan: Plan, shape: bytes, raw: str | bytes) -> Plan:
        raise NotImplementedError

    def _close_dump(self, out: list[Observation]) -> None:
        raise NotImplementedError

    def _keras_bar(self, plan: Plan, raw: str | bytes, out: list[Observation]) -> Plan | None:
        """A Keras bar's line: a render before the epoch is done ("235/285 [===>..] - ETA:
        0s - loss: 0.11") is held until the next one replaces it, the finished bar
        supersedes it, or the run goes on without one (then it was the epoch's last word).
        Returns the plan of a finished bar's line, or None when the line is held."""
        text = text_of(raw)
        bar = KERAS.match(text)
        if bar is not None and "[" not in bar.group(0):
            self._keras3 = True  # (ReduceLROnPlateau's notice is then an event: ``slowpath``)
        held = self._dump if self._dump is not None and self._dump.mode == dumps.PARTIAL \
            else None
        if bar is not None:
            plan = self._keras_evaluate(plan, int(bar.group(2)), text)
        if bar is not None and (int(bar.group(1)) < int(bar.group(2)) or " - ETA: " in text
                                or (text.startswith("0s ", bar.end()) and "val_" not in text)):
            found: list[Observation] = []
            self._apply(plan, raw, found)
            if self._keras_testing:  # the script's "Test accuracy: 0.9808" after it: one
                self._reprints.record(found, 0, len(found), raw)  # value (``reprints``)
            if held is None:
                if self._dump is not None:
                    self._close_dump(out)
                held = self._dump = dumps.Block(mode=dumps.PARTIAL)
            held.held = found
            return None
        if held is not None:
            self._dump = None  # the finished bar: the epoch's values
        if bar is not None and not self._keras_testing:
            last, self._keras_last = self._keras_last, (self.epoch, int(bar.group(2)))
            if self.epoch is not None and text.lstrip().startswith("step ") \
                    and _after_pass(last, self.epoch, self._keras_last[1], text):
                return _paddle_eval(plan)  # Paddle's eval after the epoch's bar ("Eval
                # begin...", "step 4/4 - loss: ..."); Keras' evaluate(): ``_keras_evaluate``
        return plan._replace(flags=plan.flags & ~KERAS_BAR)

    def _keras_evaluate(self, plan: Plan, total: int, text: str) -> Plan:
        """Keras' ``evaluate()`` after ``fit()``: a bar of another length at the last epoch,
        no "Epoch N/M" between them and no validation on it (a bar with validation is the
        epoch's own). Its values are the test set's ("7/7 ━━━━ 0s 23ms/step - accuracy:
        0.98 - loss: 0.08" after "Evaluating on test set...": test_accuracy, test_loss; Keras
        keys them as the training does, and in the training's series they would make its
        last value the test set's), and so are those of its renders and of the evaluations
        after it, until the next ``fit()``'s epoch."""
        if self.epoch is not None:
            self._keras_testing = False
        if not self._keras_testing and _after_pass(self._keras_last, self.epoch, total, text):
            if text.lstrip().startswith("step "):  # Paddle's eval after the epoch's bar
                return plan  # ("Eval begin..."): ``_paddle_eval``
            self.step = self.epoch = self._keras_last = None
            self._keras_testing = True
        if not self._keras_testing:
            return plan
        return plan._replace(metrics=tuple((with_phase(m[0], "test"), *m[1:])
                                           for m in plan.metrics))

    def _hold_bar(self, plan: Plan, raw: str | bytes, out: list[Observation], first: int) -> None:
        """A finished bar's values (``out[first:]``) are held (``dumps.BAR``) until the next
        line of values shows whether it reports them again (``_bar_reported``)."""
        if self._in_render:  # a terminal's render: ``replay`` keeps what changed on the bar
            return
        data = raw if isinstance(raw, bytes) else raw.encode("utf-8", "surrogateescape")
        if any(kind == rules.BAR_STEP and bar_finished(data, start, end)
               for kind, start, end in plan.context):
            self._dump = dumps.Block(mode=dumps.BAR)
            self._dump.held, out[first:] = out[first:], []

    def _bar_reported(self, block: dumps.Block, plan: Plan, raw: str | bytes,
                      out: list[Observation]) -> bool | None:
        """A line after a finished bar's held values: a line of values at the bar's epoch
        (its own epoch, or none printed) that names them again is the epoch's record, and
        the bar's running figures of those names are dropped (qm9-egnn's "Epoch 3:
        train_loss=0.159226" after the bar's "train_loss=0.192"; SpeechBrain's "train loss:
        9.45e-01" after "train_loss=0.945"). A line of no values waits (a checkpoint's
        message), up to ``_BAR_WAIT`` of them; a step, another epoch, a bar or a line a block
        would take (a heading, a listing) ends the wait.
        None: the line reads on (the block stays); False: the block is closed."""
        epoch = block.held[0].epoch
        moved = any(kind in (rules.STEP, rules.BATCH, rules.BAR_STEP)
                    or (kind in (rules.EPOCH, rules.EPOCH_ALONE) and epoch is not None
                        and not is_epoch(raw[start:end], epoch))
                    for kind, start, end in plan.context)
        if not plan.metrics and not plan.flags and not moved and block.waited < _BAR_WAIT:
            block.waited += 1
            return None
        if plan.metrics and not moved:
            again = {m[0].casefold() for m in plan.metrics}
            block.held = [o for o in block.held if o.name.casefold() not in again]
        self._close_dump(out)
        return False

    def _eval_block(self, plan: Plan, shape: bytes, raw: str | bytes) -> Plan:
        """A line after Paddle hapi's ``Eval begin...`` (``verbose=2``: ``step 4/4 - loss:
        0.59 - acc: 0.73``, keyed as the training's): its metrics the evaluation's, at the
        epoch, the eval loop's batch no step; ``Eval samples: 128`` or the next epoch ends it."""
        if raw[:13] in _EVAL_END or any(c[0] in (rules.EPOCH, rules.EPOCH_ALONE)
                                        for c in plan.context):
            self._paddle_block = False
            return plan
        if plan.flags & KEYED:  # "acc_top1", "acc_top5": the line's own names first
            plan = self._variant(plan, shape, raw)
        return _paddle_eval(plan)._replace(flags=plan.flags) if plan.metrics else plan

    def _validate_block(self, plan: Plan, shape: bytes, raw: str | bytes) -> Plan:
        """A line after Distiller's ``--- validate (epoch=N)---`` banner (``distiller``):
        its metrics named with the section's phase, at their step; a line of another
        epoch, the next training or the test's banner ends the section."""
        epochs = [int(raw[start:end]) for kind, start, end in plan.context
                  if kind in (rules.EPOCH, rules.EPOCH_ALONE) and raw[start:end].isdigit()]
        if any(epoch != self._validating for epoch in epochs) \
                or (not epochs and distiller.ends(text_of(raw))):
            self._validating = None
            return plan
        if not plan.metrics:
            return plan
        if plan.flags & KEYED:
            plan = self._variant(plan, shape, raw)
        return plan._replace(metrics=_phased(plan, distiller.PHASE))

    def _summary(self, plan: Plan, shape: bytes, raw: str | bytes,
                 out: list[Observation]) -> bool:
        """pycocotools' summary (``detectron``): its rows are held until a line of another
        kind shows whether the framework records them under names of its own (then they
        are dropped). True when the line is done."""
        if not plan.flags & (COCO_ROW | COCO_TYPE) and self._dump is not None \
                and self._dump.mode == dumps.COCO:  # (the next summary's type keeps both
            text = text_of(raw)  # held: mmdet 2 records bbox's and segm's rows after both)
            copypaste = detectron.MMDET_COPYPASTE.search(text) is not None
            if plan.flags & (RESULTS | COPYPASTE) or ((self._dump.copied or copypaste) and any(
                    detectron.MMDET_KEY.search(name) for name, *_ in plan.metrics)):
                self._dump.held = []  # (mmdet 2 prints its keys and copypaste on one line)
            elif copypaste and not plan.metrics:
                self._dump.copied = True  # its values unnamed: the rows wait for its keys
                return True
            elif not (plan.flags & ~_WORDS_ONLY or plan.metrics or plan.context) \
                    and not text.rstrip().endswith((":", "{")):
                return True  # a blank line, or one of no values ("Evaluating segm...",
                # "Loading and preparing results...", a warning): mmdet 2's own record
                # comes a few lines on (not a heading over values: "Eval results:")
            self._close_dump(out)
        if plan.flags & COCO_TYPE:
            self._copypaste.summary = detectron.summary_type(text_of(raw))
            return True
        if not plan.flags & COCO_ROW:
            return False
        if self._dump is None or self._dump.mode != dumps.COCO:
            if self._dump is not None:
                self._close_dump(out)
            self._dump = dumps.Block(mode=dumps.COCO)
        found: list[Observation] = []
        self._apply(self._variant(plan, shape, raw) if plan.flags & KEYED else plan, raw, found)
        self._dump.held.extend(o._replace(name=detectron.typed(o.name, self._copypaste.summary))
                               for o in found)
        return True


def is_epoch(token: str | bytes, epoch: int | float | None) -> bool:
    """Is a line's counter ``token`` the held values' ``epoch`` ("Epoch 00049:" is 49)?"""
    return token.isdigit() and int(token) == epoch


_BAR_WAIT = 4  # lines of no values a finished bar's held values wait through
EVAL_BEGIN = ("Eval begin...", b"Eval begin...")  # Paddle hapi's, before its evaluation
_EVAL_END = ("Eval samples:", b"Eval samples:")  # ... and after it


def _after_pass(last: tuple[int | float | None, int] | None, epoch: int | float | None,
                total: int, text: str) -> bool:
    """Is a bar of ``total`` steps an evaluation after the pass ``last`` (the last finished
    bar's epoch and length): another length at that epoch, or after a line that said
    training was over (no epoch now: "Training completed!"), no "Epoch N/M" between them and
    no validation on it (a bar with validation is the epoch's own)?"""
    return last is not None and last[0] is not None and epoch in (None, last[0]) \
        and last[1] != total and "val_" not in text


def _paddle_eval(plan: Plan) -> Plan:
    """Paddle hapi's evaluation bar in ``fit`` ("Eval begin...", then "step 4/4 [===] -
    loss: 0.59 - acc: 0.73"): the epoch's evaluation, keyed as the training's (``loss``,
    ``acc``): named with its phase (``eval_loss``), at the epoch, its batch count no step."""
    return plan._replace(flags=plan.flags & ~KERAS_BAR, context=tuple(
        c for c in plan.context if c[0] == rules.EPOCH), metrics=_phased(plan, "eval"))


def _phased(plan: Plan, phase: str) -> tuple[tuple[str, int, int, int, int, float], ...]:
    """``plan``'s metrics named with ``phase`` (an evaluation keyed as the training's)."""
    return tuple((with_phase(metric[0], phase), *metric[1:]) for metric in plan.metrics)

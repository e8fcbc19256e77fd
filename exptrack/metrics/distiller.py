"""Distiller's validation (IntelLabs' Distiller, Maxim's ai8x-training): after a banner
``--- validate (epoch=197)-----------`` its batch lines are keyed as the training's
(``Epoch: [197][  100/  136]    Loss 0.445946    Top1 78.425781``), so the banner names
them: ``validate_loss``, ``validate_top1``, at their step. The next epoch's lines (another
epoch), ``Training epoch: ...`` or the test's banner ``--- test -----`` end the section; the
``==> Top1: 78.492    Loss: 0.442`` summary after it rounds the last batch line's values
again: not a new observation."""

from __future__ import annotations

import re

BANNER = re.compile(r"(?:^|\s)--- validate \(epoch=\d{1,9}\)-{3,}\s*$")
PHASE = "validate"
_ENDS = re.compile(r"(?:^|\s)(?:--- test -{3,}|Training epoch: )")
# the summary of a validation or a test: its values the last batch line's, rounded
SUMMARY = re.compile(r"(?:^|\s)==> (?:Top1|Top 1 \(MSE\)|mAP|MSE): [-\d.]{1,20}"
                     r"(?: {4}[A-Za-z][\w ]{0,20}: [-\d.]{1,20}){0,3} {4}Loss: [-\d.]{1,20}\s*$")


def ends(text: str) -> bool:
    """Does ``text`` end a validation section (the test's banner, the next training)?"""
    return _ENDS.search(text[:120]) is not None

"""What `track run` captures about a run before, during and after the command.

``default_steps`` is the ordered list of capture steps a run goes through; each is a
``CaptureStep`` (see ``base.py``).
"""

from __future__ import annotations

from exptrack.capture.base import CaptureStep


def default_steps() -> list[CaptureStep]:
    from exptrack.capture.git import GitStep

    return [GitStep()]

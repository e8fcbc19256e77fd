"""What `track run` captures about a run before, during and after the command.

``default_steps`` is the ordered list of capture steps a run goes through; each is a
``CaptureStep`` (see ``base.py``). Artifacts come last so their "modified since" time is
taken as close as possible to the command's start.
"""

from __future__ import annotations

from exptrack.capture.base import CaptureStep


def default_steps() -> list[CaptureStep]:
    from exptrack.capture.artifacts import ArtifactStep
    from exptrack.capture.env import EnvStep
    from exptrack.capture.git import GitStep
    from exptrack.capture.inputs import InputsStep
    from exptrack.capture.resources import ResourceStep

    return [GitStep(), InputsStep(), EnvStep(), ResourceStep(), ArtifactStep()]

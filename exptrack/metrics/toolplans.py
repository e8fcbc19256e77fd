"""Lines in one tool's own shape, each read by that tool's module before the general rules:
Optuna's and Ax's trials, Sample Factory, rl-starter-files, mljar-supervised, TD-MPC2,
gensim's callbacks, LIBSVM's solver summary, Weka's summary, MLPerf's logging, scikit-
learn's ``[CV]`` lines, nnU-Net, hmmlearn's convergence monitor, R's optim trace, the PyTorch
tutorials' progress lines. A quick test of the text (a marker, a length) picks the module;
the module says whether the line is really its tool's."""

from __future__ import annotations

from typing import NamedTuple

from exptrack.metrics import (
    gensim,
    hmmlearn,
    libsvm,
    mljar,
    mllog,
    nnunet,
    optuna,
    rlstarter,
    rtrace,
    samplefactory,
    sklearncv,
    tdmpc,
    tutorials,
    weka,
)
from exptrack.metrics.actions import Action


class ToolPlan(NamedTuple):
    actions: tuple[Action, ...] | None  # None: no tool's line (the general rules read it)
    trial: bool = False  # an Optuna or Ax trial's line: its step is the trial's alone
    traced: bool = False  # R's optim trace ("final  value 4.92": no setting's listing)
    empty: bool = False  # a tool's line of no measured value (a setting, a marker)


NONE = ToolPlan(None)


def plan(pieces: list[str], text: str) -> ToolPlan:
    """The plan of a tool's line (``pieces``: texts at even and numbers at odd indices)."""
    if " finished with value" in text:
        return ToolPlan(dark := optuna.plan(pieces), trial=dark is not None)
    if optuna.AX_MARK in text:  # "Completed trial 3 with data: {...}"
        return ToolPlan(dark := optuna.ax_plan(pieces), trial=dark is not None)
    if "Fps is (" in text or "Avg episode reward" in text:
        return ToolPlan(samplefactory.plan(pieces, text))
    if all(marker in text for marker in rlstarter.MARKERS):
        return ToolPlan(rlstarter.plan(pieces))
    if mljar.MARKER in text:  # "1_Baseline logloss 0.69 trained in 0.3 seconds"
        return ToolPlan(mljar.plan(pieces))
    if all(marker in text for marker in tdmpc.MARKERS):
        return ToolPlan(tdmpc.plan(pieces))
    if any(marker in text for marker in gensim.MARKERS):
        return ToolPlan(gensim.plan(pieces))
    if text.startswith(libsvm.STARTS):  # "nu = 0.55", "obj = -3.2, rho = -0.9"
        dark = libsvm.plan(text)  # (the solver's iterations, its nu: no measure of the fit)
        return ToolPlan(dark, empty=dark == ())
    if weka.MARKER in text:  # "Correctly Classified Instances  109  72.7 %"
        return ToolPlan(weka.plan(pieces, text))
    if any(marker in text for marker in mllog.MARKERS):
        dark = mllog.plan(pieces, text)  # (an MLPerf event of no measured value: a setting)
        return ToolPlan(dark, empty=dark == ())
    if text.startswith(sklearncv.MARKER):  # "[CV 2/5] END C=1;, score=0.8"
        return ToolPlan(sklearncv.plan(pieces, text))
    if nnunet.MARKER in text:  # "Pseudo dice [np.float32(0.8465)]"
        return ToolPlan(nnunet.plan(pieces))
    if len(text) == hmmlearn.WIDTH and (dark := hmmlearn.plan(pieces, text)) is not None:
        return ToolPlan(dark)  # "         2    -524.48523792     +47.18752478"
    if rtrace.MARKER in text:  # R's optim trace: "iter  10 value 39.2"
        return ToolPlan(dark := rtrace.plan(pieces), traced=dark is not None)
    if tutorials.marked(text) and (dark := tutorials.plan(pieces, text)) is not None:
        return ToolPlan(dark)  # "0m 10s (- 1m 30s) (5000 6%) 2.8736": an unnamed loss
    return NONE

"""A line's actions (``plan_line``): the per-number rules (``rules.plan_numbers``) and the
passes around them over the whole line: a warning's source and a log level dropped, whole-line
forms (pycocotools' summary row, a JSON record's name and value), slash pairs, printed
sequences, a statistic's heading, a phase's heading, a dict's label, mmcv's progress bar,
checkpoint events, a line with few actions; an arrow's change folded (``arrows``)."""

from __future__ import annotations

from exptrack.metrics import (
    arrows,
    dictlabels,
    forms,
    listed,
    names,
    slashpairs,
    wholeline,
)
from exptrack.metrics.actions import Action, checkpoint_event
from exptrack.metrics.kinds import METRIC
from exptrack.metrics.phaseheads import headed
from exptrack.metrics.rules import plan_numbers
from exptrack.metrics.statheads import stat_heads


def plan_line(pieces: list[str]) -> tuple[Action, ...]:
    """The actions for a line split by ``TOKEN`` (texts at even, numbers at odd indices)."""
    return arrows.planned(pieces, _plan_line)  # (folding "learning rate 0.0002 -> 0.0001")


def _plan_line(pieces: list[str]) -> tuple[Action, ...]:
    pieces = wholeline.without_warning(pieces) if ".py:" in "".join(pieces[::2]) else pieces
    pieces = forms.without_level(pieces)
    whole = wholeline.whole_form(pieces)  # pycocotools' summary row, build-nanogpt's "1712
    if whole is not None:  # train 3.634902", '{"name": "loss", "value": 3.03}'
        return whole
    pieces = slashpairs.closed(pieces) if " / " in "".join(pieces[::2]) else pieces
    actions = listed.without_sequence(pieces, plan_numbers(pieces))  # "input_ids: 101 2054 ..."
    actions = slashpairs.slash_pairs(pieces, actions)  # "MAE/RMSE: | Train: 0.09/0.50"
    actions = stat_heads(pieces, actions)  # "Latency: min = 0.16 ms, max = 1.13 ms"
    actions = headed(pieces, actions)  # "Hits@10: Valid 30.67% | Test 9.06%" (the line's
    # own offsets: a heading's span is a source)
    actions = dictlabels.labelled(pieces, actions)  # "Dev set results: {'eval_loss': 1.6}"
    if any(" task/s, " in text for text in pieces[::2]):  # mmcv's progress bar
        actions = wholeline.without_mmcv_bar(pieces, actions)
    if any(" top " in text or " reached " in text for text in pieces[::2]):
        actions = checkpoint_event(pieces, actions)  # Lightning's ModelCheckpoint
    if len(actions) <= 1:  # "Peak reserved memory for training = 0.8 GB."
        return wholeline.few_actions(pieces, actions)
    valued = [a for a in actions if a.kind == METRIC]
    if all(a.kind == METRIC and pieces[a.token].replace(",", "").isdigit()
           and not names.metric_like(a.name) for a in actions) or (
            len(valued) >= 3 and len(actions) - len(valued) == 1
            and all(pieces[a.token].isdigit() and not names.metric_like(a.name) for a in valued)):
        return ()  # "mp_degree: 1, sharding_degree: 1", "VQA v2.0: 443,757 | VQA-E: 181,298";
        # torchtitan's "parallelism: pp=1, dp_replicate=1, dp_shard=1, cp=1, tp=1, ep=1"
        # (its expert parallelism's "ep" read as an epoch)
    return actions

"""One quantity, one series: the framework's own metric file joined with what stdout showed.

A framework file holds the exact values (``results.csv``'s ``0.61234``) where stdout showed
them rounded (``0.612``), so for every metric the file has, the file's observations are
the series up to its last row. Stdout still adds what the file does not hold *yet or at
all*: observations past the file's last epoch (or step) — the epoch being trained while the
file lags, the steps after a run's last checkpoint — and the closing evaluation after the
last epoch: Ultralytics' validation of ``best.pt`` (``results.csv`` has no row for it;
stdout shows it at no epoch), the ``evaluate()`` that Hugging Face's example scripts call
after ``trainer_state.json`` was saved (stdout's ``***** eval metrics *****`` block, at
the last epoch).

Names are matched case- and separator-insensitively (``Val Loss`` printed, ``val_loss``
in the file): the file's spelling, the framework's own key, names the merged metric.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from itertools import pairwise

from exptrack.metrics.namekeys import file_keys as file_keys  # (re-exported)
from exptrack.metrics.namekeys import name_key as name_key
from exptrack.metrics.namekeys import phase_candidates, shared_lasts
from exptrack.metrics.observation import Observation
from exptrack.metrics.reprints import printed_alike

Axis = Callable[[Observation], "int | float | None"]


def _alike(exact: float, printed: float) -> bool:
    return printed_alike(exact, printed) or abs(exact - printed) <= 1e-6 * max(1.0, abs(exact))


def _agreeing(candidates: Sequence[str], files: dict[str, list[Observation]],
              printed: Sequence[Observation]) -> str | None:
    """The one candidate file series whose values are the printed ones: at the printed
    positions, or one for one in order where the positions differ (Coqui prints the
    evaluation at the last printed step, TensorBoard keeps it at the next); None when no
    one candidate agrees with every printed value."""
    found = []
    for name in candidates:
        series = files[name]
        axis = _axis(series, printed)
        at = {axis(o): o.value for o in series} if axis is not None else {}
        if axis is not None and all(axis(o) in at for o in printed):
            pairs = [(at[axis(o)], o.value) for o in printed]
        elif len(series) == len(printed):
            pairs = [(f.value, o.value) for f, o in zip(series, printed, strict=True)]
        else:
            continue
        if pairs and all(_alike(exact, value) for exact, value in pairs):
            found.append(name)
    if len(found) > 1 and all(_axis_twins(found[0], name) and [o.value for o in files[name]]
                              == [o.value for o in files[found[0]]] for name in found[1:]):
        return found[0]  # one series kept at two axes (DI-engine's "learner_iter/total_loss_avg"
        # and "learner_step/total_loss_avg"): the first
    return found[0] if len(found) == 1 else None


_AXIS_WORD = re.compile(r"_(?:iter|step|epoch|envstep)$")


def _axis_twins(first: str, second: str) -> bool:
    """Tags of one quantity at two axes, their groups told apart by the axis alone
    (``learner_iter/total_loss_avg``, ``learner_step/total_loss_avg``)."""
    head, _, last = first.rpartition("/")
    other, _, last2 = second.rpartition("/")
    return bool(head) and last == last2 and head != other \
        and _AXIS_WORD.sub("", head) == _AXIS_WORD.sub("", other)


def by_name(observations: Iterable[Observation]) -> dict[str, list[Observation]]:
    grouped: dict[str, list[Observation]] = {}
    for obs in observations:
        grouped.setdefault(obs.name, []).append(obs)
    return grouped


def _step(obs: Observation) -> int | float | None:
    return obs.step


def _epoch(obs: Observation) -> int | float | None:
    return obs.epoch


def _axis(sourced: Sequence[Observation], printed: Sequence[Observation]) -> Axis | None:
    """Step when the file and stdout both count steps, else epoch when both count epochs.
    Printed steps that start again (open_clip's "Train Epoch: 1 [ 8/64 (12%)]": the samples
    of the epoch so far) count within an epoch: no position of the file's global steps."""
    for axis in (_step, _epoch):
        if any(axis(o) is not None for o in sourced) and any(axis(o) is not None
                                                             for o in printed):
            if axis is _step and _restarts(printed):
                continue
            return axis
    return None


def _restarts(printed: Sequence[Observation], axis: Axis = _step) -> bool:
    positions = [p for p in map(axis, printed) if p is not None]
    return any(later < earlier for earlier, later in pairwise(positions))


def _one_of_several(merged: list[Observation], printed: Sequence[Observation], axis: Axis,
                    name: str) -> list[Observation] | None:
    """Several trainings printed one after another (the epochs start again: Ultralytics'
    tuner trains once an iteration) and one file of one of them (the tuner keeps the best
    iteration's ``results.csv`` alone): the printed series, the training whose printed
    values the file holds taken from the file, exact; all as printed when none is. None
    when the printed runs are no trainings of the file's epochs each (timm's ``--result``
    dump prints its summary's epochs again after the training's lines)."""
    runs: list[list[Observation]] = [[]]
    last: int | float | None = None
    for obs in printed:
        position = axis(obs)
        if position is not None and last is not None and position < last:
            runs.append([])
        last = position if position is not None else last
        runs[-1].append(obs._replace(name=name))
    held = [(axis(o), o.value) for o in merged if axis(o) is not None]
    epochs = [position for position, _ in held]
    if any(sorted(p for p in map(axis, run) if p is not None) != epochs for run in runs):
        return None
    out: list[Observation] = []
    for run in runs:
        shown = [(axis(o), o.value) for o in run if axis(o) is not None]
        if len(shown) == len(held) and all(p == q and _alike(exact, value) for (q, exact), (
                p, value) in zip(held, shown, strict=True)):
            out += [o for o in merged if axis(o) is not None]
            out += [o for o in run if axis(o) is None]  # (its closing validation)
        else:
            out += run
    return out


def merge_metric(sourced: Sequence[Observation], printed: Sequence[Observation], name: str,
                 closing: bool = False) -> list[Observation]:
    """``name``'s series: the file's observations, then what stdout adds: observations
    past the file's last epoch (or step), which the file does not hold (yet: it lags while
    the run goes; or at all: Hugging Face writes ``trainer_state.json`` at checkpoints
    only, and the run may go on after the last one). ``closing``: the framework evaluates
    once more after its last epoch without writing a row for it (Ultralytics' validation
    of ``best.pt``, printed at no epoch; Hugging Face's ``evaluate()`` after the state was
    saved, at the last epoch): stdout's observations with no position after the
    file's last one, and those at or past it beyond as many as the file holds there, are
    added too."""
    merged = [o if o.name == name else o._replace(name=name) for o in sourced]
    axis = _axis(sourced, printed)
    if axis is None:
        return merged
    if axis is _epoch and _restarts(printed, axis) and not _restarts(merged, axis):
        several = _one_of_several(merged, printed, axis, name)
        if several is not None:
            return several
    merged = _fuller(merged, printed, axis)
    held = Counter(a for a in map(axis, sourced) if a is not None)
    last = max(held)
    beyond = 0
    reached = False  # stdout has shown the file's last position
    for obs in printed:
        position = axis(obs)
        if position is None and closing and reached:
            merged.append(obs._replace(name=name))
            continue
        if position is None or position < last:
            continue
        reached = True
        if closing:
            beyond += 1
            if beyond <= held[last]:
                continue
        elif position == last:
            continue
        merged.append(obs._replace(name=name))
    return merged


def _fuller(merged: list[Observation], printed: Sequence[Observation],
            axis: Axis) -> list[Observation]:
    """The file's values, each replaced by the output's print of it at the same position
    when that print has more digits of the same value (flair's ``loss.tsv`` rounds to four
    decimals the dev loss its console printed in full: 0.6607 of 0.6606736779212952). Where
    the file holds several values at one position (Hugging Face's last epoch's evaluation and
    the closing one), the n-th is compared with the n-th print there only: the closing
    runtime's 0.0028 is no fuller print of the epoch's 0.003."""
    prints: dict[int | float, list[float]] = {}
    for obs in printed:
        position = axis(obs)
        if position is not None:
            prints.setdefault(position, []).append(obs.value)
    if not prints:
        return merged
    out = []
    taken: Counter[int | float] = Counter()
    for obs in merged:
        position = axis(obs)
        fuller = None
        if position is not None:
            at, index = prints.get(position, ()), taken[position]
            taken[position] += 1
            value = at[index] if index < len(at) else None
            if value is not None and len(repr(value)) > len(repr(obs.value)) \
                    and printed_alike(value, obs.value):
                fuller = value
        out.append(obs if fuller is None else obs._replace(value=fuller))
    return out


Source = tuple[str, Sequence[Observation]]  # (kind, observations), see ``files``
CLOSING_KINDS = frozenset({"ultralytics", "hf_trainer"})  # (``files``' kinds)
POOLED_KIND = "tfevents"
TRIALS_KIND = "ray_tune"  # a search's trials, a file each, names "<trial>/<key>"


def pooled_keys(sources: Iterable[Source]) -> set[str]:
    """The name keys the trials of a search stand for all together: Ray Tune prints each
    trial's last result (``Trial train_fn_10226_00000 result``, the closing status table's
    rows) under the bare key (``loss``), one series of every trial's values one after
    another; the trials' own files hold each trial's series, so the printed one is left
    out."""
    return {name_key(name.partition("/")[2]) for kind, observations in sources
            if kind == TRIALS_KIND for name in by_name(observations)}


def merge_sources(printed: Iterable[Observation], sources: Sequence[Source],
                  ) -> tuple[list[Observation], dict[str, list[Observation]]]:
    """Join stdout's observations with the framework files'.

    Returns stdout's observations of the metrics no file has (in output order), and each
    file metric's merged series. A metric in two files is taken from the first, but for
    TensorBoard files, which TensorBoard shows as one run when they share a folder (a
    resumed run's, a second writer's), the series of each tag follow one another in the
    files' order."""
    files: dict[str, list[Observation]] = {}
    kinds: dict[str, str] = {}
    for kind, observations in sources:
        for name, series in by_name(observations).items():
            if name not in files:
                files[name], kinds[name] = series, kind
            elif kind == kinds[name] == POOLED_KIND:  # TensorBoard's files of one run
                files[name] = files[name] + series  # (a second writer, a resumed run)
    keys = file_keys(files)
    pooled = pooled_keys(sources)
    shared = {**phase_candidates(files, keys), **shared_lasts(files, keys)}
    if shared:  # a printed name whose values are one of the groups' series
        printed = list(printed)  # (read twice: its values, then its rows)
        unsure: dict[str, list[Observation]] = {}
        for obs in printed:
            key = name_key(obs.name)
            if obs.name not in files and key in shared and key not in pooled:
                unsure.setdefault(obs.name, []).append(obs)
        keys = dict(keys)
        for name, series in unsure.items():
            target = _agreeing(shared[name_key(name)], files, series)
            if target is not None:
                keys[name_key(name)] = target
    kept: list[Observation] = []
    covered: dict[str, list[Observation]] = {name: [] for name in files}
    printed = list(printed)
    targets = {name: name if name in files else keys.get(name_key(name))
               for name in dict.fromkeys(obs.name for obs in printed)}
    _one_each(targets, files, printed)
    for obs in printed:
        key = name_key(obs.name)
        target = targets[obs.name]
        if target is not None:
            covered[target].append(obs)
        elif key not in pooled:
            kept.append(obs)
    for kind in PRINTED_KINDS.intersection(kinds.values()):
        _resumed(kind, files, kinds, covered)
    merged = {name: merge_metric(series, covered[name], name, kinds[name] in CLOSING_KINDS)
              for name, series in files.items()}
    return kept, merged


def _one_each(targets: dict[str, str | None], files: dict[str, list[Observation]],
              printed: Sequence[Observation]) -> None:
    """Two printed names answering to one file series (makemore's batch ``loss`` and its
    evaluation's ``train loss``, both TensorBoard's ``Loss/train``): where the values of one
    of them alone agree with the file's, each other showing values the file holds nowhere
    (not litgpt's "val: 11.024" printed again each step) is a quantity of its own, left
    printed, but for the file's own name (timm's bar ``train_loss`` beside its summary's
    ``train/loss``: the file's series by name) (``targets``: each printed name's file
    series, changed in place)."""
    by_target: dict[str, list[str]] = {}
    for name, target in targets.items():
        if target is not None:
            by_target.setdefault(target, []).append(name)
    shared = {target: names for target, names in by_target.items() if len(names) > 1}
    series = by_name(o for o in printed if targets[o.name] in shared) if shared else {}
    for target, names in shared.items():
        agree = [name for name in names if _agreeing([target], files, series[name]) is not None]
        if len(agree) == 1:
            held = sorted(o.value for o in files[target])
            targets.update((name, None) for name in names if name not in (agree[0], target)
                           and not all(_held(held, o.value) for o in series[name]))


def _held(held: Sequence[float], value: float) -> bool:
    """Whether a printed ``value`` is one of the sorted ``held`` values (as printed)."""
    at = bisect_left(held, value)
    return any(_alike(exact, value) for exact in held[max(0, at - 1):at + 1])


# the files whose every row the run prints too (Ultralytics' epochs, Hugging Face's logs)
PRINTED_KINDS = frozenset({"ultralytics", "hf_trainer"})


def _resumed(kind: str, files: dict[str, list[Observation]], kinds: Mapping[str, str],
             covered: Mapping[str, list[Observation]]) -> None:
    """A resumed training appends to the file of the run it resumes (Ultralytics'
    ``train(resume=True)`` to ``results.csv``, Hugging Face's ``resume_from_checkpoint`` to
    the log history): where every printed quantity of a file whose rows are all printed
    starts after the file's first position, and was printed at least as often as the file
    holds it from there, the rows before the first printed one are the earlier run's, and
    every series of the file is cut there."""
    firsts: list[int | float] = []
    chosen: Axis | None = None
    for name, printed in covered.items():
        if kinds[name] != kind or not printed:
            continue
        axis = _axis(files[name], printed)
        if axis is None or (chosen is not None and axis is not chosen):
            return
        chosen = axis
        shown = [p for p in map(axis, printed) if p is not None]
        held = [p for p in map(axis, files[name]) if p is not None]
        if not shown or axis(printed[0]) is None:  # (a first print at no position may be
            return  # the file's first row)
        first = min(shown)  # (printed rounded: SetFit's epoch 0.05556 of 0.0555...)
        starts = [p for p in held if p >= first or _alike(p, first)]
        if not starts or min(starts) <= min(held) or len(shown) < len(starts):
            return  # (a print every few rows is no print of every row)
        firsts.append(min(starts))
    if chosen is None:
        return
    cut = min(firsts)
    for name in files:
        if kinds[name] == kind:
            files[name] = [o for o in files[name]
                           if (position := chosen(o)) is None or position >= cut]

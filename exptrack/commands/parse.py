"""`track parse` (what would be extracted from a log) and `track reparse` (extract the
metrics of stored runs again, from their output.log, with today's patterns)."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, Annotated, Optional

import typer

from exptrack.commands.options import JsonOption, StoreOption, open_store

if TYPE_CHECKING:
    from exptrack.config import ProjectConfig
    from exptrack.store import RunView

PatternOption = Annotated[Optional[list[str]], typer.Option(  # noqa: UP045
    "--metric-pattern", metavar="REGEX",
    help="Extra metric regex with named groups (repeatable).")]
IgnoreOption = Annotated[Optional[list[str]], typer.Option(  # noqa: UP045
    "--ignore", metavar="REGEX", help="Skip lines matching REGEX (repeatable).")]
NoDefaultsOption = Annotated[bool, typer.Option(
    "--no-default-patterns", help="Only the configured and --metric-pattern patterns.")]
NoConfigOption = Annotated[bool, typer.Option(
    "--no-config", help="Ignore track.yaml / [tool.track].")]


def checked_patterns(patterns: list[str] | None, option: str,
                     need_groups: bool = True) -> list[str]:
    """Command-line regexes, or a usage error naming the bad one."""
    from exptrack.config import check_patterns
    from exptrack.errors import ConfigError

    try:
        check_patterns(list(patterns or []), option, need_groups)
    except ConfigError as exc:
        raise typer.BadParameter(str(exc).split(": ", 1)[-1], param_hint=option) from None
    return list(patterns or [])


def _settings(metric_pattern: list[str] | None, ignore: list[str] | None,
              no_default_patterns: bool, no_config: bool) -> ProjectConfig:
    from exptrack.config import ProjectConfig, load_config

    config = ProjectConfig() if no_config else load_config()
    config.metric_patterns += checked_patterns(metric_pattern, "--metric-pattern")
    config.ignore_patterns += checked_patterns(ignore, "--ignore", need_groups=False)
    config.use_default_patterns = config.use_default_patterns and not no_default_patterns
    return config


def parse(
    file: Annotated[str, typer.Argument(help="A log file, or - for standard input.")] = "-",
    metric_pattern: PatternOption = None,
    ignore: IgnoreOption = None,
    no_default_patterns: NoDefaultsOption = False,
    no_config: NoConfigOption = False,
    every: Annotated[bool, typer.Option(
        "--all", help="List every observation, not just the per-metric summary.")] = False,
    json_out: JsonOption = False,
) -> None:
    """Print the metrics `track run` would extract from a log: debug a pattern here.

    Example:

        python train.py 2>&1 | tee train.log; track parse train.log --all

        track parse train.log --metric-pattern 'top1 (?P<top1>[\\d.]+)'
    """
    from exptrack import render_parse
    from exptrack.errors import ExptrackError
    from exptrack.metrics import MetricParser, MetricSummarizer, Observation

    config = _settings(metric_pattern, ignore, no_default_patterns, no_config)
    parser = MetricParser(config.metric_patterns, config.use_default_patterns,
                          config.ignore_patterns, config.aliases)
    summarizer = MetricSummarizer(config.directions)
    observations: list[Observation] = []
    try:
        handle = sys.stdin.buffer if file == "-" else open(file, "rb")  # noqa: SIM115
    except OSError as exc:
        raise ExptrackError(f"cannot read {file}: {exc.strerror or exc}") from None
    with handle:
        while True:
            chunk = handle.read(256 * 1024)
            found = parser.feed(chunk) if chunk else parser.finish()
            summarizer.add(found)
            if every or json_out:
                observations.extend(found)
            if not chunk:
                break
    shown = observations if every or json_out else None
    render_parse.print_parse_result(summarizer.summaries, shown, json_out)


def reparse(
    refs: Annotated[list[str], typer.Argument(help="Runs: id prefixes, names, or @N.",
                                              show_default=False)],
    metric_pattern: PatternOption = None,
    ignore: IgnoreOption = None,
    no_default_patterns: NoDefaultsOption = False,
    no_config: NoConfigOption = False,
    json_out: JsonOption = False,
    store: StoreOption = None,
) -> None:
    """Extract the metrics of stored runs again from their output.log, with today's patterns.

    Framework metric files the run kept (sources/, e.g. results.csv) are read again too;
    their exact values win over the printed ones. Rewrites metrics.jsonl and summary.yaml
    of each run (atomically). A running run is left alone.

    Example:

        track reparse @ @1 a1b2
    """
    from exptrack import render_parse
    from exptrack.capture.metricfiles import kept_sources
    from exptrack.errors import ExptrackError
    from exptrack.fsutil import write_atomic, write_yaml
    from exptrack.index import note_run
    from exptrack.metrics.records import apply_sources, reextract
    from exptrack.render import parse_time
    from exptrack.selection import resolve

    config = _settings(metric_pattern, ignore, no_default_patterns, no_config)
    opened = open_store(store)
    targets: list[RunView] = []
    for run in resolve(opened, refs):  # resolve all first: one bad ref changes nothing
        if run.record.status == "running":
            raise ExptrackError(f"run {run.id} is still running; reparse it when it ends")
        if not (run.path / "output.log").is_file():
            raise ExptrackError(f"run {run.id} has no output.log to parse")
        if all(t.id != run.id for t in targets):
            targets.append(run)
    results = []
    file_mode = opened.modes().file
    for run in targets:
        try:
            found = reextract(run.path / "output.log", config.metric_patterns,
                              config.use_default_patterns, config.ignore_patterns,
                              config.aliases, config.directions)
            write_atomic(run.path / "metrics.jsonl", found.jsonl.encode("utf-8"), file_mode)
            began = parse_time(run.record.started_at)
            sources, problems = kept_sources(run.path, began.timestamp() if began else None)
            if sources:
                apply_sources(run.path / "metrics.jsonl", sources, found.metrics, file_mode)
            write_yaml(run.path / "summary.yaml", {
                "metrics": {n: s.to_dict() for n, s in found.metrics.summaries.items()},
                "reparsed_at": _now(),
            }, file_mode)
        except OSError as exc:
            raise ExptrackError(f"cannot reparse run {run.id}: {exc.strerror or exc}") from None
        note_run(opened, run.path)  # the index follows the new summary
        results.append({"id": run.id, "before": sorted(run.metrics),
                        "after": sorted(found.metrics.summaries),
                        "observations": found.observations,
                        "sources": [label for label, _ in sources], "problems": problems})
    render_parse.print_reparse_results(results, json_out)


def _now() -> str:
    import datetime as dt

    return dt.datetime.now(dt.timezone.utc).astimezone().isoformat(timespec="milliseconds")

"""`track show`: the one-screen report of a run and `--env` (`render.page` pages `--log`
and `--patch`).

Part of the rendering layer (see render.py); reads only the run's own text files that are
pure display (metrics.jsonl for sparklines, output.log's tail, git.patch's stat).
"""

from __future__ import annotations

import os
import shlex
from pathlib import Path
from typing import TYPE_CHECKING, Any

from exptrack import render
from exptrack.render import fmt_bytes, fmt_value
from exptrack.store import RunView

if TYPE_CHECKING:
    from rich.console import Console
    from rich.table import Table

MAX_METRIC_ROWS = 12
OUTPUT_TAIL_LINES = 10
TAIL_BYTES = 64 * 1024


def read_curves(path: Path) -> dict[str, list[float]]:
    """Values of each metric in order, from metrics.jsonl (``curves.read_curves``:
    streamed in bounded memory, long curves down-sampled); bad lines are skipped."""
    from exptrack.curves import read_curves as read

    return read(path)


def output_tail(path: Path, lines: int = OUTPUT_TAIL_LINES) -> list[str]:
    """The last lines as a terminal would have left them: escapes removed, a carriage
    return keeps what was written after it (progress bars)."""
    try:
        with path.open("rb") as handle:
            handle.seek(0, os.SEEK_END)
            size = handle.tell()
            handle.seek(max(0, size - TAIL_BYTES))
            data = handle.read()
    except OSError:
        return []
    from exptrack.live import screen_lines

    return screen_lines(data)[-lines:]


def patch_stat(path: Path) -> tuple[int, int, int]:
    """(files, lines added, lines removed) of a git patch; zeros when there is none."""
    files = added = removed = 0
    try:
        handle = path.open("rb")
    except OSError:
        return 0, 0, 0
    with handle:
        for line in handle:
            if line.startswith(b"diff --git "):
                files += 1
            elif line.startswith(b"+") and not line.startswith(b"+++"):
                added += 1
            elif line.startswith(b"-") and not line.startswith(b"---"):
                removed += 1
    return files, added, removed


LABEL_WIDTH = 9  # the grid's label column, at least
METRIC_NAME_WIDTH = 24  # the metrics table's first column, at most
METRIC_HEADERS = ("metric", "last", "best", "min", "max", "n", "curve")


def _grid() -> Table:
    from rich.table import Table

    grid = Table.grid(padding=(0, 2))
    grid.add_column(style="bold", no_wrap=True, min_width=LABEL_WIDTH)
    grid.add_column(overflow="fold")
    return grid


def _header(run: RunView) -> Any:
    from rich.text import Text

    record = run.record
    title = Text()
    title.append(f"run {run.id}", style="bold")
    if record.name:
        title.append(f"  {record.name}", style="bold cyan")
    title.append("  ")
    title.append_text(render.status_text(run))
    if record.exit_code is not None:
        title.append(f"  exit {record.exit_code}")
    if record.signal:
        title.append(f" ({record.signal})")
    for tag in record.tags:
        title.append(f"  #{tag}", style="blue")
    return title


def _summary_rows(run: RunView, details: dict[str, Any]) -> list[tuple[str, str, str]]:
    """(label, text, style) of each line of the grid under the header."""
    record = run.record
    rows = [("command", shlex.join(record.command), ""), ("cwd", record.cwd, "")]
    when = f"{render.fmt_time(record.started_at)} ({render.fmt_ago(record.started_at)})"
    took = render.fmt_duration(render.elapsed(run))
    rows.append(("started", f"{when}, took {took}" + (" so far" if record.status == "running"
                                                      else ""), ""))
    rows.append(("host", " ".join(x for x in (record.host, record.user and
                                              f"(user {record.user})") if x) or "-", ""))
    if record.note:
        rows.append(("note", record.note, ""))
    if record.origin:
        rows.append(("rerun of", f"{record.origin} (track show {record.origin})", ""))
    if run.params:
        rows.append(("params", "  ".join(f"{k}={fmt_value(v)}"
                                         for k, v in run.params.items()), ""))
    rows.append(("git", _git_line(run), ""))
    running = record.status == "running"  # env and resources are written at the end
    rows.append(("env", _env_line(details.get("env") or {}, running), ""))
    rows.append(("resources", _resources_line(details.get("resources") or {}, running), ""))
    for label, items in (("inputs", _input_lines(details.get("inputs"))),
                         ("artifacts", _artifact_lines(details.get("artifacts")))):
        if items:
            rows.append((label, "\n".join(items), ""))
    rows += [("warning", warning, "yellow") for warning in record.warnings]
    rows += [("damaged", problem, "red") for problem in run.damaged]
    return rows


def print_run(run: RunView, details: dict[str, Any]) -> None:
    """The one-screen report."""
    from rich.text import Text

    out = render.console()
    out.print(_header(run))
    rows = _summary_rows(run, details)
    plain = render.plain_lines(out, [[label if not index else "", line]
                                     for label, text, _ in rows
                                     for index, line in enumerate(text.split("\n"))],
                               gap=2, min_first=LABEL_WIDTH)
    if plain is not None:
        render.print_plain(out, plain)
    else:
        grid = _grid()
        for label, text, style in rows:
            grid.add_row(label, Text(text, style=style))
        out.print(grid)
    if run.metrics:
        out.print()
        _print_metrics(out, run)
    insights = insight_lines(details.get("insights") or [])
    if insights:
        out.print()
        out.print(Text("insights", style="bold"))
        for line, style in insights:
            out.print(Text("  " + line, style=style))
    tail = output_tail(run.path / "output.log")
    if tail:
        out.print()
        out.print(Text(f"output (last {len(tail)} lines; --log for all)", style="bold"))
        out.print(Text("\n".join("  " + line for line in tail)), no_wrap=True,
                  overflow="ellipsis", crop=True)


_SEVERITY_STYLE = {"error": "red", "warning": "yellow", "info": "dim"}


def insight_lines(insights: list[dict[str, Any]]) -> list[tuple[str, str]]:
    """(line, style) of each insight, most severe first as given: ``kind: message``."""
    return [(f"{item.get('severity', '')[:4]:4} {item.get('kind')}: {item.get('message')}",
             _SEVERITY_STYLE.get(str(item.get("severity")), ""))
            for item in insights if isinstance(item, dict)]


def _print_metrics(out: Console, run: RunView) -> None:
    """The metrics table: plain lines when rich would lay it out the same, else rich."""
    rows = _metric_rows(run)
    more = len(run.metrics) - MAX_METRIC_ROWS
    caption = f"{more} more metrics: track show --json" if more > 0 else None
    lines = [list(METRIC_HEADERS), *rows]
    plain = render.plain_lines(out, lines, right=range(1, 6), max_first=METRIC_NAME_WIDTH,
                               markup=True)
    # rich centres a caption under the table; one wider than the table is wrapped
    width = sum(max(len(line[i]) for line in lines) for i in range(len(lines[0]))) + 6
    if plain is None or (caption is not None and len(caption) > width):
        out.print(_metrics_table(rows, caption))
        return
    if caption is not None:
        plain.append(" " * ((width - len(caption)) // 2) + caption)
    render.print_plain(out, plain)


def _metric_rows(run: RunView) -> list[list[str]]:
    curves = read_curves(run.path / "metrics.jsonl")
    rows = []
    for name in list(run.metrics)[:MAX_METRIC_ROWS]:
        m = run.metrics[name]
        arrow = {"min": " ↓", "max": " ↑"}.get(m.direction or "", "")
        best = "-" if m.best is None else fmt_value(m.best) + render.fmt_step(m.best_step)
        rows.append([name + arrow, fmt_value(m.last), best, fmt_value(m.min),
                     fmt_value(m.max), str(m.count), render.sparkline(curves.get(name, []))])
    return rows


def _metrics_table(rows: list[list[str]], caption: str | None) -> Table:
    from rich.table import Table

    table = Table(box=None, pad_edge=False, header_style="bold", collapse_padding=True)
    table.add_column(METRIC_HEADERS[0], no_wrap=True, overflow="ellipsis",
                     max_width=METRIC_NAME_WIDTH)
    for header in METRIC_HEADERS[1:-1]:
        table.add_column(header, justify="right", no_wrap=True)
    table.add_column(METRIC_HEADERS[-1], no_wrap=True, overflow="crop")
    for row in rows:
        table.add_row(*row)
    table.caption = caption
    return table


def _git_line(run: RunView) -> str:
    git = run.git
    if git.error:
        return f"not recorded: {git.error}"
    if not git.repo:
        return "not a git repository"
    if not git.commit:
        return "repository with no commits yet"
    where = f"on {git.branch}" if git.branch else "detached HEAD"
    line = f"{git.commit[:12]} {where}"
    if git.dirty:
        files, added, removed = patch_stat(run.path / "git.patch")
        line += f", dirty: {files} file{'s' if files != 1 else ''} changed, +{added} -{removed}"
        if git.patch_truncated:
            line += " (patch truncated)"
        line += " (--patch)"
    else:
        line += ", clean"
    if git.left_out_of_patch:
        names = git.left_out_of_patch
        line += (f"; left out of the patch: {', '.join(names[:5])}"
                 + (f" and {len(names) - 5} more" if len(names) > 5 else ""))
    return line


def _env_line(env: dict[str, Any], running: bool = False) -> str:
    if not env:
        return "pending (written when the run ends)" if running else "not recorded"
    parts = []
    python = env.get("python") or {}
    if isinstance(python, dict) and python.get("version"):
        where = python.get("virtualenv") or python.get("conda_env")
        parts.append(f"Python {python['version']}" + (f" ({Path(str(where)).name})"
                                                      if where else ""))
    frameworks = env.get("frameworks") or {}
    if isinstance(frameworks, dict):
        parts += [f"{k} {v}" for k, v in frameworks.items()]
    gpus = env.get("gpus") or []
    if isinstance(gpus, list) and gpus:
        first = gpus[0] if isinstance(gpus[0], dict) else {}
        memory = first.get("memory_total_mib")
        gpu = f"{len(gpus)}x {first.get('name', 'GPU')}"
        if isinstance(memory, (int, float)):
            gpu += f" {memory / 1024:.0f} GiB"
        if first.get("cuda"):
            gpu += f", CUDA {first['cuda']}"
        parts.append(gpu)
    else:
        parts.append("no GPU")
    cluster = env.get("cluster")
    if isinstance(cluster, dict) and cluster.get("scheduler"):
        parts.append(f"{cluster['scheduler']} job {cluster.get('job_id', '?')}")
    return " · ".join(parts) + " (--env)"


def _resources_line(res: dict[str, Any], running: bool = False) -> str:
    if not res:
        return "pending (resources.jsonl has the samples so far)" if running \
            else "not recorded"
    parts = [f"peak memory {fmt_bytes(res.get('peak_rss_bytes'))}"]
    mean, peak = res.get("mean_cpu_percent"), res.get("peak_cpu_percent")
    if isinstance(mean, (int, float)):
        parts.append(f"CPU {mean:.0f}% mean"
                     + (f", {peak:.0f}% peak" if isinstance(peak, (int, float)) else ""))
    gpu_mem, gpu_util = res.get("peak_gpu_memory_mib"), res.get("mean_gpu_util_percent")
    if isinstance(gpu_mem, (int, float)):
        parts.append(f"GPU {fmt_bytes(gpu_mem * 1024 * 1024)} peak"
                     + (f", {gpu_util:.0f}% util" if isinstance(gpu_util, (int, float))
                        else ""))
    return " · ".join(parts)


def _short_hash(value: Any) -> str:
    text = str(value or "")
    if ":" in text:
        text = text.split(":", 1)[1]
    return text[:10] or "-"


def _input_lines(inputs: Any) -> list[str]:
    if not isinstance(inputs, list):
        return []
    lines = []
    for item in inputs[:5]:
        if isinstance(item, dict):
            files = item.get("files")
            count = f", {files} files" if item.get("kind") == "dir" and files else ""
            lines.append(f"{item.get('path')}  {fmt_bytes(item.get('size'))}{count}  "
                         f"{_short_hash(item.get('hash'))}")
    if len(inputs) > 5:
        lines.append(f"... {len(inputs) - 5} more (--json)")
    return lines


def _artifact_lines(artifacts: Any) -> list[str]:
    if not isinstance(artifacts, list):
        return []
    ordered = sorted((a for a in artifacts if isinstance(a, dict)),
                     key=lambda a: not a.get("weights"))
    lines = [f"{a.get('path')}  {fmt_bytes(a.get('size'))}  {_short_hash(a.get('sha256'))}"
             + ("  weights" if a.get("weights") else "") for a in ordered[:5]]
    if len(ordered) > 5:
        lines.append(f"... {len(ordered) - 5} more (--json)")
    return lines


def print_env(run: RunView, details: dict[str, Any]) -> None:
    """`show --env`: interpreter, system, GPUs, every package and variable."""
    from rich.table import Table
    from rich.text import Text

    out = render.console()
    env = details.get("env") or {}
    out.print(Text(f"environment of run {run.id}", style="bold"))
    if not env:
        out.print("not recorded for this run")
        return
    grid = _grid()
    python: dict[str, Any] = env["python"] if isinstance(env.get("python"), dict) else {}
    for key in ("version", "implementation", "executable", "virtualenv", "conda_env",
                "source"):
        if python.get(key):
            grid.add_row(f"python {key}", Text(str(python[key])))
    for section in ("os", "host"):
        values = env.get(section)
        if isinstance(values, dict):
            grid.add_row(section, Text(_pairs(values)))
    for gpu in env.get("gpus") or []:
        if isinstance(gpu, dict):
            grid.add_row(f"gpu {gpu.get('index', '')}", Text(_pairs(
                {k: v for k, v in gpu.items() if k != "index"})))
    for key in ("cuda_visible_devices", "cluster", "errors"):
        value = env.get(key)
        if value:
            text = _pairs(value) if isinstance(value, dict) else (
                "; ".join(map(str, value)) if isinstance(value, list) else str(value))
            grid.add_row(key, Text(text))
    out.print(grid)
    for title, mapping in (("packages", env.get("packages")),
                           ("variables", env.get("variables"))):
        if not isinstance(mapping, dict) or not mapping:
            continue
        table = Table(box=None, pad_edge=False, header_style="bold",
                      title=f"{title} ({len(mapping)})", title_justify="left")
        table.add_column("name", no_wrap=True)
        table.add_column("value", overflow="fold")
        for name in sorted(mapping, key=lambda k: str(k).lower()):
            table.add_row(Text(str(name)), Text(fmt_value(mapping[name])))
        out.print()
        out.print(table)


def _pairs(mapping: dict[str, Any]) -> str:
    return "  ".join(f"{k}={fmt_bytes(v) if str(k).endswith('_bytes') else fmt_value(v)}"
                     for k, v in mapping.items())

"""`track diff`: the sections of a diff (see compare.py), one column a run, the first
run the baseline; metric changes coloured better/worse by the metric's direction."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from exptrack import render
from exptrack.render import fmt_bytes, fmt_duration, fmt_step, fmt_value

if TYPE_CHECKING:
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text



FIRST_MAX_WIDTH = 28
LABELS = {"command": "", "duration_s": "duration", "peak_rss_bytes": "peak memory",
          "peak_gpu_memory_mib": "peak GPU memory", "exit_code": "exit code",
          "cuda_visible_devices": "CUDA_VISIBLE_DEVICES"}


def _label(run: dict[str, Any]) -> str:
    return f"{run['id']} ({run['name']})" if run.get("name") else str(run["id"])


def _table(runs: Sequence[dict[str, Any]], first: str, extra: Sequence[str] = ()) -> Table:
    from rich.table import Table

    table = Table(box=None, pad_edge=False, header_style="bold", collapse_padding=True,
                  show_edge=False)
    table.add_column(first, no_wrap=True, overflow="ellipsis", max_width=FIRST_MAX_WIDTH)
    for extra_column in extra:
        table.add_column(extra_column, no_wrap=True)
    for run in runs:
        table.add_column(run["id"], overflow="fold", justify="left")
    return table


def _plain(name: str, value: Any) -> str:
    if name == "patch" and value is None:
        return "none"
    if value is None:
        return "-"
    if name == "duration_s":
        return fmt_duration(value)
    if name == "peak_rss_bytes":
        return fmt_bytes(value)
    if name == "peak_gpu_memory_mib":
        return fmt_bytes(value * 1024 * 1024) if isinstance(value, (int, float)) else "-"
    if name in ("commit",):
        return str(value)[:10]
    if name == "patch":
        return str(value)[:10]
    if name in ("hash", "sha256"):
        return str(value).split(":", 1)[-1][:10]
    return fmt_value(value)


def _rows_section(out: Console, title: str, runs: Sequence[dict[str, Any]],
                  rows: Sequence[dict[str, Any]], kind: str = "") -> None:
    from rich.text import Text

    if not rows:
        return
    lines = [[title, *(run["id"] for run in runs)]]
    lines += [[str(LABELS.get(row["name"], row["name"]) if not kind else row["name"]),
               *(_plain(kind or row["name"], v) for v in row["values"])] for row in rows]
    if _print_plain(out, lines):
        return
    table = _table(runs, title)
    for row in rows:
        style = "" if row["differs"] else "dim"
        cells = [Text(_plain(kind or row["name"], v), style=style) for v in row["values"]]
        label = LABELS.get(row["name"], row["name"]) if not kind else row["name"]
        table.add_row(Text(str(label), style=style), *cells)
    out.print()
    out.print(table)


def _print_plain(out: Console, lines: list[list[str]], right: int | None = None) -> bool:
    """Print a table of one-line cells as rich lays out ``_table``'s, without rich's
    per-cell layout (a tenth of the time for a 200-package diff); False, printing nothing,
    when the cells need rich (see ``render.plain_lines``). ``right``: the column justified
    right, if any."""
    plain = render.plain_lines(out, lines, right=() if right is None else (right,),
                               max_first=FIRST_MAX_WIDTH)
    if plain is None:
        return False
    out.print()
    render.print_plain(out, plain)
    return True


def _delta_text(entry: dict[str, Any], stat: str, index: int, relative_only: bool) -> Text:
    from rich.text import Text

    absolute = entry[f"{stat}_delta"][index]
    relative = entry[f"{stat}_relative"][index]
    style = render.VERDICT_STYLES.get(entry[f"{stat}_verdict"][index] or "", "")
    if absolute is None:
        return Text("")
    rel = f"{relative * 100:+.1f}%" if relative is not None else ""
    if relative_only:
        return Text(f"({rel})" if rel else f"({absolute:+.4g})", style=style)
    return Text(f"{absolute:+.4g}" + (f" {rel}" if rel else ""), style=style)


def _metrics_section(out: Console, runs: Sequence[dict[str, Any]],
                     rows: Sequence[dict[str, Any]]) -> None:
    from rich.text import Text

    if not rows:
        return
    two = len(runs) == 2
    lines: list[list[Text]] = []
    for entry in rows:
        arrow = {"min": " ↓", "max": " ↑"}.get(entry["direction"] or "", "")
        for stat in ("last", "best"):
            values = entry[stat]
            cells: list[Text] = []
            for index, value in enumerate(values):
                text = Text(fmt_value(value) if value is not None else "-")
                if stat == "best" and value is not None:
                    text.append(fmt_step(entry["best_step"][index]))
                if index and not two:
                    text.append(" ")
                    text.append_text(_delta_text(entry, stat, index, relative_only=True))
                elif index:
                    text.stylize(render.VERDICT_STYLES.get(
                        entry[f"{stat}_verdict"][index] or "", ""))
                cells.append(text)
            if two:
                cells.append(_delta_text(entry, stat, 1, relative_only=False))
            label = Text(entry["name"] + arrow if stat == "last" else "")
            lines.append([label, Text(stat, style="dim"), *cells])
    header = ["metric", "", *(run["id"] for run in runs), *(["change"] if two else [])]
    if _print_plain(out, [header, *([t.plain for t in line] for line in lines)],
                    right=len(header) - 1 if two else None):
        return
    table = _table(runs, "metric", extra=("",))
    if two:
        table.add_column("change", no_wrap=True, justify="right")
    for line in lines:
        table.add_row(*line)
    out.print()
    out.print(table)


def print_diff(diff: dict[str, Any], show_all: bool, code_diff: str | None = None) -> None:
    from rich.text import Text

    out = render.console()
    runs = diff["runs"]
    names = ", ".join(_label(r) for r in runs[1:])
    out.print(Text(f"diff of {names} against {_label(runs[0])}", style="bold"))
    if not show_all:
        out.print(Text("differences only; --all shows everything", style="dim"))
    command = diff["command"]
    if command["differs"] or show_all:
        _rows_section(out, "command", runs, [command])
    _rows_section(out, "param", runs, diff["params"])
    _metrics_section(out, runs, diff["metrics"])
    _rows_section(out, "outcome", runs, diff["outcome"])
    code = diff["code"]
    code_rows = [code[k] for k in ("commit", "branch", "dirty", "patch")
                 if show_all or code[k]["differs"]]
    _rows_section(out, "code", runs, code_rows)
    for stat in code.get("diffstat") or []:
        out.print(Text(f"git diff --stat {stat['from'][:10]} {stat['to'][:10]}", style="bold"))
        out.print(Text(stat["stat"].rstrip("\n") or "(no changes)"), overflow="fold")
    env = diff["environment"]
    missing = [r["id"] for r, ok in zip(runs, env["recorded"], strict=False) if not ok]
    _rows_section(out, "environment", runs, env["summary"])
    _rows_section(out, "package", runs, env["packages"])
    if missing and any(env["recorded"]):
        out.print(Text(f"environment not recorded for {', '.join(missing)}", style="dim"))
    _rows_section(out, "input", runs, diff["data"]["inputs"], kind="hash")
    _rows_section(out, "weights", runs, diff["data"]["artifacts"], kind="hash")
    flagged = _insights_section(out, runs, diff.get("insights") or {}, show_all)
    if not show_all and not _any_difference(diff) and not flagged:
        out.print()
        out.print("no differences")
    if code_diff:
        out.print()
        out.print(Text("code diff", style="bold"))
        if sys.stdout.isatty():
            out.print(Text(code_diff), overflow="fold", no_wrap=False)
        else:  # exact, never wrapped or trimmed: `track diff --code > x.patch` applies
            out.file.flush()
            sys.stdout.write(code_diff if code_diff.endswith("\n") else code_diff + "\n")
            sys.stdout.flush()


def insight_summary(items: Sequence[dict[str, Any]]) -> str:
    """``overfitting from epoch 12 (val_loss), plateau from step 300``: the problems, most
    severe first; ``no problem`` when there is none."""
    parts = []
    for item in items:
        if item.get("severity") == "info":
            continue
        where = f" from epoch {fmt_value(item['epoch'])}" if item.get("epoch") is not None \
            else f" from step {fmt_value(item['step'])}" if item.get("step") is not None \
            else ""
        metric = f" ({item['metric']})" if item.get("metric") else ""
        parts.append(f"{item.get('kind')}{where}{metric}")
    return ", ".join(parts) or "no problem"


def _insights_section(out: Console, runs: Sequence[dict[str, Any]],
                      insights: dict[str, list[dict[str, Any]]], show_all: bool) -> bool:
    """Which of the runs overfits, diverged, plateaued...: one line a run, when any has a
    problem (or with --all). Returns whether it was printed."""
    from rich.text import Text

    lines = {r["id"]: insight_summary(insights.get(r["id"]) or []) for r in runs}
    if not show_all and all(line == "no problem" for line in lines.values()):
        return False
    out.print()
    out.print(Text("insights", style="bold"))
    for run_id, line in lines.items():
        text = Text(f"{run_id}: ", style="bold")
        text.append(line, style="dim" if line == "no problem" else "yellow")
        out.print(text, overflow="fold")
    return True


def _any_difference(diff: dict[str, Any]) -> bool:
    code = diff["code"]
    return bool(diff["command"]["differs"] or diff["params"] or diff["metrics"]
                or diff["outcome"] or any(code[k]["differs"] for k in
                                          ("commit", "branch", "dirty", "patch"))
                or diff["environment"]["summary"] or diff["environment"]["packages"]
                or diff["data"]["inputs"] or diff["data"]["artifacts"])

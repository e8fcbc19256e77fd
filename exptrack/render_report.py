"""`track report`: one self-contained HTML page (styles, script and data inline; nothing
fetched when it opens) with the runs' curves overlaid per metric, the params with what
varies highlighted, best values, git, environment, resources and artifacts.

Every piece of user data is HTML-escaped (``html.escape`` with quotes) where it is
written; the JSON embedded in the page's ``<script>`` has ``<``, ``>`` and ``&`` as
``\\u`` escapes, so no value can close the script element or open another.
"""

from __future__ import annotations

import json
import math
from collections.abc import Sequence
from dataclasses import dataclass
from html import escape
from importlib import resources
from typing import Any

from exptrack import render
from exptrack.query import split_params
from exptrack.render_svg import SvgSeries, bounds, chart_svg, color, layout
from exptrack.store import RunView


@dataclass(frozen=True)
class ReportChart:
    metric: str
    x_label: str
    series: list[SvgSeries]
    log: bool = False


@dataclass(frozen=True)
class ReportRun:
    view: RunView
    label: str
    details: dict[str, Any]  # details.run_details: env, resources, artifacts, inputs


def script_json(data: Any) -> str:
    """JSON safe inside ``<script>``: no ``</script>``, ``<!--`` or line separators."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    return (text.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e")
            .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))


def _asset(name: str) -> str:
    return resources.files("exptrack").joinpath("assets").joinpath(name).read_text("utf-8")


def _e(value: Any) -> str:
    return escape(str(value), quote=True)


def build_html(runs: Sequence[ReportRun], charts: Sequence[ReportChart],
               generated_at: str) -> str:
    """The whole page."""
    title = "exptrack report: " + ", ".join(r.view.id for r in runs[:4]) + \
        (f" and {len(runs) - 4} more" if len(runs) > 4 else "")
    data = {
        "layout": layout(),
        "runs": [{"id": r.view.id, "label": r.label, "color": color(i)}
                 for i, r in enumerate(runs)],
        "charts": [{"metric": c.metric, "log": c.log, "bounds": vars(bounds(c.series, c.log)),
                    "series": [{"run": s.run, "xs": s.xs, "ys": s.ys} for s in c.series]}
                   for c in charts],
    }
    body = [f"<header><h1>{_e(title)}</h1><p class=\"meta\">{len(runs)} run(s) · "
            f"generated {_e(generated_at)} by track</p></header>",
            _legend(runs), _charts(charts), _params(runs), _metrics(runs), _details(runs)]
    return ("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
            "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
            f"<title>{_e(title)}</title><style>{_asset('report.css')}</style></head>"
            f"<body>{''.join(body)}"
            f"<script type=\"application/json\" id=\"report-data\">{script_json(data)}</script>"
            f"<script>{_asset('report.js')}</script></body></html>\n")


def _legend(runs: Sequence[ReportRun]) -> str:
    items = "".join(
        f'<label class="run-toggle" style="--run-color:{color(i)}">'
        f'<input type="checkbox" checked data-run="{i}"><span class="swatch"></span>'
        f"{_e(r.label)}</label>" for i, r in enumerate(runs))
    return f'<nav class="legend" aria-label="runs">{items}</nav>'


def _charts(charts: Sequence[ReportChart]) -> str:
    if not charts:
        return '<section><h2>Curves</h2><p class="empty">No metrics recorded.</p></section>'
    cards = "".join(
        f'<figure class="card"><figcaption>{_e(c.metric)}'
        f'{" (log scale)" if c.log else ""}</figcaption>'
        f"{chart_svg(c.series, c.log, c.x_label, i)}"
        f'<div class="readout" id="readout-{i}"></div></figure>'
        for i, c in enumerate(charts))
    return f'<section><h2>Curves</h2><div class="charts">{cards}</div></section>'


def _head(runs: Sequence[ReportRun], first: str) -> str:
    cells = "".join(f'<th data-run="{i}"><span class="swatch" style="--run-color:{color(i)}">'
                    f"</span>{_e(r.view.id)}</th>" for i, r in enumerate(runs))
    return f"<thead><tr><th>{_e(first)}</th>{cells}</tr></thead>"


def _params(runs: Sequence[ReportRun]) -> str:
    views = [r.view for r in runs]
    varying, constant = split_params(views)
    names = [*varying, *(n for n in constant if n not in varying)]
    if not names:
        return '<section><h2>Parameters</h2><p class="empty">No parameters.</p></section>'
    rows = []
    for name in names:
        varies = name in varying and len(runs) > 1
        cells = "".join(f'<td data-run="{i}">{_e(render.fmt_value(v.params.get(name)))}</td>'
                        for i, v in enumerate(views))
        attrs = ' class="varies"' if varies else ""
        rows.append(f"<tr{attrs}><th>{_e(name)}</th>{cells}</tr>")
    note = '<p class="note">Highlighted: differs between the runs.</p>' if len(runs) > 1 \
        else ""
    return (f"<section><h2>Parameters</h2>{note}<table>{_head(runs, 'param')}"
            f"<tbody>{''.join(rows)}</tbody></table></section>")


def _metrics(runs: Sequence[ReportRun]) -> str:
    names: list[str] = []
    for run in runs:
        names.extend(n for n in run.view.metric_names() if n not in names)
    if not names:
        return ""
    rows = []
    for name in names:
        summaries = [r.view.metric(name) for r in runs]
        direction = next((s.direction for s in summaries if s is not None and s.direction),
                         None)
        bests = [s.best if s is not None and s.best is not None else None for s in summaries]
        finite = [b for b in bests if b is not None and math.isfinite(b)]
        winner = (min(finite) if direction == "min" else max(finite)) \
            if finite and direction and len(runs) > 1 else None
        cells = []
        for i, summary in enumerate(summaries):
            if summary is None:
                cells.append(f'<td data-run="{i}">-</td>')
                continue
            best = bests[i]
            where = render.fmt_step(summary.best_step)
            mark = ' class="best"' if winner is not None and best == winner else ""
            cells.append(f'<td data-run="{i}"{mark}>{_e(render.fmt_value(best))}'
                         f'<span class="at">{_e(where)}</span><br><span class="last">last '
                         f"{_e(render.fmt_value(summary.last))}</span></td>")
        arrow = {"min": " ↓", "max": " ↑"}.get(direction or "", "")
        rows.append(f"<tr><th>{_e(name)}{arrow}</th>{''.join(cells)}</tr>")
    return (f"<section><h2>Metrics</h2><p class=\"note\">Best value (and its step), last "
            f"value; the best run highlighted.</p><table>{_head(runs, 'metric')}"
            f"<tbody>{''.join(rows)}</tbody></table></section>")


def _details(runs: Sequence[ReportRun]) -> str:
    cards = []
    for i, run in enumerate(runs):
        view, details = run.view, run.details
        record = view.record
        git = (f"{view.git.commit[:10]}{' (dirty)' if view.git.dirty else ''}"
               f" on {view.git.branch or 'detached HEAD'}") if view.git.commit else "no commit"
        env = details.get("env") or {}
        python = (env.get("python") or {}).get("version") if isinstance(env, dict) else None
        host = (env.get("host") or {}).get("hostname") if isinstance(env, dict) else None
        gpus = env.get("gpus") if isinstance(env, dict) else None
        rows = [("status", render.status_text(view).plain),
                ("started", render.fmt_time(record.started_at)),
                ("duration", render.fmt_duration(render.elapsed(view))),
                ("command", " ".join(record.command)), ("git", git),
                ("python", python or "-"), ("host", host or record.host or "-"),
                ("GPUs", ", ".join(str(g.get("name", "GPU")) for g in gpus)
                 if isinstance(gpus, list) and gpus else "none"),
                ("resources", _resources(details.get("resources") or {}))]
        if record.note:
            rows.append(("note", record.note))
        table = "".join(f"<tr><th>{_e(k)}</th><td>{_e(v)}</td></tr>" for k, v in rows)
        cards.append(f'<article class="card run" data-run="{i}"><h3><span class="swatch" '
                     f'style="--run-color:{color(i)}"></span>{_e(run.label)}</h3>'
                     f"<table>{table}</table>{_artifacts(details.get('artifacts') or [])}"
                     "</article>")
    return f'<section><h2>Runs</h2><div class="runs">{"".join(cards)}</div></section>'


def _resources(res: dict[str, Any]) -> str:
    if not isinstance(res, dict) or not res:
        return "not recorded"
    parts = [f"peak memory {render.fmt_bytes(res.get('peak_rss_bytes'))}"]
    for key, label in (("mean_cpu_percent", "CPU mean"), ("peak_cpu_percent", "CPU peak"),
                       ("mean_gpu_util_percent", "GPU util")):
        value = res.get(key)
        if isinstance(value, (int, float)):
            parts.append(f"{label} {value:.0f}%")
    gpu_mem = res.get("peak_gpu_memory_mib")
    if isinstance(gpu_mem, (int, float)):
        parts.append(f"GPU memory {render.fmt_bytes(gpu_mem * 1024 * 1024)}")
    return " · ".join(parts)


def _artifacts(artifacts: Any) -> str:
    if not isinstance(artifacts, list) or not artifacts:
        return '<p class="empty">No artifacts.</p>'
    items = "".join(
        f"<li><code>{_e(a.get('path', '?'))}</code> {_e(render.fmt_bytes(a.get('size')))}"
        f"{' · sha256 ' + _e(str(a['sha256'])[:12]) if a.get('sha256') else ''}</li>"
        for a in artifacts[:200] if isinstance(a, dict))
    more = f"<li>… and {len(artifacts) - 200} more</li>" if len(artifacts) > 200 else ""
    return f'<details><summary>Artifacts ({len(artifacts)})</summary><ul>{items}{more}</ul>' \
        "</details>"

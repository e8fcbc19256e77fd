"""`track report`: a self-contained HTML page, loaded in a real headless Chromium (the
system package; CI installs it): the charts render with one series a run, the script
runs, and user data cannot inject markup or script."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import py, track, track_json

TRAIN = Path(__file__).parent.parent / "examples" / "train.py"
PWN = "data-pwned"
EVIL = (f"</script><script>document.documentElement.setAttribute('{PWN}','1')</script>"
        f"<img src=x onerror=\"document.documentElement.setAttribute('{PWN}','2')\">")


def chromium() -> str:
    found = shutil.which("chromium") or shutil.which("chromium-browser")
    if found is None:  # not a skip: .ci/run installs it
        pytest.fail("chromium is not installed: apt-get install chromium")
    return found


def dump_dom(page: Path) -> str:
    done = subprocess.run([chromium(), "--headless", "--no-sandbox", "--disable-gpu",
                           "--dump-dom", page.as_uri()], capture_output=True, text=True,
                          timeout=90)
    assert done.returncode == 0, done.stderr
    return done.stdout


def test_report_renders_one_series_per_run_in_chromium(tmp_path: Path) -> None:
    for lr in ("0.05", "0.2", "0.8"):
        track("run", "--", sys.executable, str(TRAIN), "--lr", lr, "--epochs", "4",
              cwd=tmp_path, check=True)
    runs = [run["id"] for run in track_json("ls")]
    page = tmp_path / "out" / "report.html"
    page.parent.mkdir()
    done = track("report", *runs, "-o", str(page), check=True)
    assert b"3 run(s), 4 chart(s)" in done.stdout
    html = page.read_text()
    assert not re.search(r"""(?:src|href)\s*=\s*["']?(?:https?:)?//""", html)  # no network
    dom = dump_dom(page)
    assert 'data-ready="4"' in dom  # the script ran over every chart
    charts = re.findall(r'<svg class="chart".*?</svg>', dom, re.S)
    assert len(charts) == 4
    for chart in charts:
        series = re.findall(r'<polyline class="series" data-run="(\d)"[^>]*points="([^"]+)"',
                            chart)
        assert sorted(run for run, _ in series) == ["0", "1", "2"]
        assert all(len(points.split()) == 4 for _, points in series)
    params = re.search(r"<h2>Parameters</h2>.*?</table>", dom, re.S)
    assert params is not None
    assert re.search(r'<tr class="varies"><th>lr</th>', params.group())
    assert re.search(r'<tr><th>epochs</th>', params.group())  # the same in all: plain
    metrics = re.search(r"<h2>Metrics</h2>.*?</table>", dom, re.S)
    assert metrics is not None and metrics.group().count('class="best"') >= 2


def test_user_data_cannot_inject_markup_or_script(tmp_path: Path) -> None:
    for value in ("a", "b"):
        track("run", "--name", EVIL[:60] + value, "--note", EVIL, "--param", f"evil={EVIL}",
              "--param", f"v={value}", "--", *py("print('step 1 loss=0.5')\n"
                                                  "print('step 2 loss=0.25')"),
              cwd=tmp_path, check=True)
    page = tmp_path / "evil.html"
    track("report", "@", "@1", "-o", str(page), check=True)
    html = page.read_text()
    body = html.split('<script type="application/json"', 1)[0]
    assert "<script>document" not in html and "<img" not in body
    assert "&lt;/script&gt;&lt;script&gt;" in body
    dom = dump_dom(page)
    assert PWN not in dom.split("<head>", 1)[0] and f'{PWN}="' not in dom
    assert 'data-ready="1"' in dom  # the page's own script still ran
    assert len(re.findall(r'class="series"', dom)) == 2


def test_report_errors_are_one_line(tmp_path: Path) -> None:
    done = track("report", "-o", str(tmp_path / "r.html"))
    assert done.returncode == 2 and done.stderr.startswith(b"track: error: no runs yet")
    track("run", "--", *py("print('step 1 loss=0.5')"), cwd=tmp_path, check=True)
    done = track("report", "-o", str(tmp_path / "missing" / "r.html"))
    assert done.returncode == 1 and done.stderr.startswith(b"track: error: cannot write")

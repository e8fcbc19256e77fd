"""The plain-text fast path of `track diff`'s tables prints exactly what rich prints."""

from __future__ import annotations

from typing import Any

import pytest

from exptrack import render, render_diff

RUNS = [{"id": "0001390f"}, {"id": "0003404a"}, {"id": "00a1b2c3"}]


def _rows(values: list[tuple[str, list[Any]]]) -> list[dict[str, Any]]:
    return [{"name": name, "values": cells, "differs": cells[0] != cells[-1]}
            for name, cells in values]


CASES: dict[str, tuple[int, list[dict[str, Any]]]] = {
    "packages": (80, _rows([(f"package-{i:03d}", [f"1.{i}.0", f"1.{i % 7}.{i % 3}", None])
                            for i in range(200)])),
    "folded": (40, _rows([("command", ["python train.py --lr 0.001 --epochs 25",
                                       "python train.py --lr 0.01", "x"])])),
    "long label": (100, _rows([("a.very.long.parameter.name.that.is.cut", [1, 2, 3]),
                               ("lr", [0.1, 0.01, 0.001])])),
    "exactly fits": (32, _rows([("abc", ["12345678", "12345678", "1234567"])])),
    "one too wide": (32, _rows([("abc", ["12345678", "12345678", "123456789"])])),
    "spaces and empties": (80, _rows([("note", [" lead", "trail ", ""]),
                                      ("two  spaces", ["a  b", "-", True])])),
    "not ascii": (80, _rows([("modèle", ["模型", "x", "y"]), ("tab", ["a\tb", "c", "d"])])),
}


def _render(capsys: pytest.CaptureFixture[str], rows: list[dict[str, Any]]) -> str:
    render_diff._rows_section(render.console(), "param", RUNS, rows)
    return capsys.readouterr().out


@pytest.mark.parametrize("case", sorted(CASES))
def test_plain_tables_match_rich(case: str, capsys: pytest.CaptureFixture[str],
                                 monkeypatch: pytest.MonkeyPatch) -> None:
    width, rows = CASES[case]
    monkeypatch.setenv("COLUMNS", str(width))
    monkeypatch.delenv("FORCE_COLOR", raising=False)
    monkeypatch.setenv("NO_COLOR", "1")
    fast = _render(capsys, rows)
    monkeypatch.setattr(render_diff, "_print_plain", lambda out, lines, right=None: False)
    reference = _render(capsys, rows)
    assert reference.count("\n") > len(rows)  # the rich table was printed
    assert fast == reference


def test_the_fast_path_is_taken_for_a_long_package_list(
        capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "80")
    monkeypatch.setenv("NO_COLOR", "1")
    taken: list[bool] = []
    original = render_diff._print_plain

    def spy(out: Any, lines: list[list[str]]) -> bool:
        taken.append(original(out, lines))
        return taken[-1]

    monkeypatch.setattr(render_diff, "_print_plain", spy)
    _render(capsys, CASES["packages"][1])
    assert taken == [True]


def _metric(name: str, direction: str | None, last: list[Any], best: list[Any]) -> dict[str, Any]:
    entry: dict[str, Any] = {"name": name, "direction": direction, "last": last, "best": best,
                             "best_step": [3, 12, None][:len(best)]}
    for stat, values in (("last", last), ("best", best)):
        base = values[0]
        deltas = [None if v is None or base is None else v - base for v in values]
        entry[f"{stat}_delta"] = deltas
        entry[f"{stat}_relative"] = [None if d is None or not base else d / base
                                     for d in deltas]
        entry[f"{stat}_verdict"] = [None if d is None else ("better" if d > 0 else "worse")
                                    for d in deltas]
    return entry


METRICS = [_metric("val_acc", "max", [0.5, 0.75, 0.25], [0.8, 0.9, 0.7]),
           _metric("loss", "min", [0.1, None, 0.2], [0.05, 0.04, None]),
           _metric("throughput", None, [1200.0, 1300.5, 900.25], [1500, 1600, 1000]),
           _metric("a.metric.with.a.rather.long.name", "max", [0.0, 1.0, 2.0], [1, 2, 3])]


@pytest.mark.parametrize("count", [2, 3])
@pytest.mark.parametrize("width", [120, 60, 30])
def test_plain_metric_tables_match_rich(count: int, width: int,
                                        capsys: pytest.CaptureFixture[str],
                                        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", str(width))
    monkeypatch.setenv("NO_COLOR", "1")
    rows = [{**m, **{k: v[:count] for k, v in m.items() if isinstance(v, list)}}
            for m in METRICS]
    for subset in (rows[:3], rows):
        render_diff._metrics_section(render.console(), RUNS[:count], subset)
        fast = capsys.readouterr().out
        with monkeypatch.context() as patched:
            patched.setattr(render_diff, "_print_plain", lambda out, lines, right=None: False)
            render_diff._metrics_section(render.console(), RUNS[:count], subset)
            reference = capsys.readouterr().out
        assert "val_acc ↑" in reference
        assert fast == reference

"""Which insights fire on the real framework logs of the test corpus (tests/data/logs,
tests/data/heldout*) and the zoo fixtures (tests/data/zoo/*/*/output.log): every log parsed
as `track run` would (``exptrack.metrics.parse_text``), its curves diagnosed. Healthy runs
should show no problem (warning or error); ``info`` (the time to best) is a fact.

    python bench/insights_corpus.py            # the table, one line per log that fires
    python bench/insights_corpus.py --all      # every log, with its time-to-best line
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from exptrack.directions import metric_direction  # noqa: E402
from exptrack.insights import Insight, Point, RunData, diagnose  # noqa: E402
from exptrack.metrics import parse_text  # noqa: E402

# The held-out sets kept unseen for the next honest parser measurement (issue #11): nothing
# here reads it, so no test or bench output shows its logs before that measurement.
UNSEEN: frozenset[str] = frozenset()


def corpus() -> list[Path]:
    data = ROOT / "tests" / "data"
    logs = sorted((data / "logs").glob("*.log"))
    for held in sorted(data.glob("heldout*")):
        if held.name not in UNSEEN:
            logs += sorted(held.glob("*.log"))
    logs += sorted(data.glob("zoo/*/*/output.log"))
    return logs


def log_insights(path: Path) -> list[Insight]:
    series: dict[str, list[Point]] = {}
    for obs in parse_text(path.read_bytes()):
        series.setdefault(obs.name, []).append(Point(obs.value, obs.step, obs.epoch))
    return diagnose(RunData(series=series,
                            directions={n: metric_direction(n) for n in series}))


def main(argv: list[str]) -> int:
    show_all = "--all" in argv
    kinds: Counter[str] = Counter()
    logs = corpus()
    firing = 0
    for path in logs:
        found = log_insights(path)
        problems = [i for i in found if i.problem]
        kinds.update(i.kind for i in found)
        firing += bool(problems)
        if problems or show_all:
            label = str(path.relative_to(ROOT / "tests" / "data"))
            for insight in (found if show_all else problems) or [None]:
                text = "-" if insight is None else f"{insight.severity:7} {insight.kind:13} " \
                    f"{insight.message}"
                print(f"{label[:48]:48} {text}")
    print(f"\n{len(logs)} logs, {firing} with a warning or error; by kind: "
          + (", ".join(f"{k} {n}" for k, n in sorted(kinds.items())) or "none"))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

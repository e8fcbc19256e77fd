"""Flower (``flwr``) federated runs: the server's round lines and its closing ``History``
summary (``exptrack.metrics.flower``). Each test fails on the parser before the reader
(8692805c: the summary's series were missed or the progress values had no round); each
guard was checked by breaking the rule it guards."""

from __future__ import annotations

import time

from parsed import columns_named, named

# Flower 1.9+ (``flwr run``, ServerApp): the summary as its logger prints it, in colour
_SUMMARY = (
    "\x1b[92mINFO \x1b[0m:      [SUMMARY]\n"
    "\x1b[92mINFO \x1b[0m:      Run finished 3 round(s) in 17.01s\n"
    "\x1b[92mINFO \x1b[0m:      \tHistory (loss, distributed):\n"
    "\x1b[92mINFO \x1b[0m:      \t\tround 1: 0.032609906047582626\n"
    "\x1b[92mINFO \x1b[0m:      \t\tround 2: 0.02149425819516182\n"
    "\x1b[92mINFO \x1b[0m:      \t\tround 3: 0.014211286790668964\n"
    "\x1b[92mINFO \x1b[0m:      \tHistory (metrics, distributed, fit):\n"
    "\x1b[92mINFO \x1b[0m:      \t{'accuracy': [(1, 0.61), (2, 0.69), (3, 0.72)],\n"
    "\x1b[92mINFO \x1b[0m:      \t 'train_loss': [(1, 1.5634249091148376),\n"
    "\x1b[92mINFO \x1b[0m:      \t                (2, 1.3826697766780853),\n"
    "\x1b[92mINFO \x1b[0m:      \t                (3, 1.2980086541343532)]}\n"
    "\x1b[92mINFO \x1b[0m:      \tHistory (metrics, distributed, evaluate):\n"
    "\x1b[92mINFO \x1b[0m:      \t{'accuracy': [(1, 0.985), (2, 0.99), (3, np.float64(0.995))]}\n"
    "\x1b[92mINFO \x1b[0m:      \n")


def test_the_run_summary_gives_each_history_by_round() -> None:
    """The summary is Flower's only record of the clients' (distributed) loss and metrics:
    a loss history is named by its heading, a metric by its key, and the round is the step.
    A key that an earlier heading printed gets its heading's word (one series each)."""
    found = named(_SUMMARY)
    assert [(n, v, s) for n, v, s, _ in found] == [
        ("loss_distributed", 0.032609906047582626, 1), ("loss_distributed", 0.02149425819516182, 2),
        ("loss_distributed", 0.014211286790668964, 3),
        ("accuracy", 0.61, 1), ("accuracy", 0.69, 2), ("accuracy", 0.72, 3),
        ("train_loss", 1.5634249091148376, 1), ("train_loss", 1.3826697766780853, 2),
        ("train_loss", 1.2980086541343532, 3),
        ("accuracy_evaluate", 0.985, 1), ("accuracy_evaluate", 0.99, 2),
        ("accuracy_evaluate", 0.995, 3)]
    assert all(e is None for *_, e in found)
    # the recorder's column path reads the same (runs of round lines are no column block)
    assert columns_named(_SUMMARY) == found
    # guard: the summary ends at a line that is none of its rows; that line reads on its own
    after = _SUMMARY + "Epoch 4 loss: 0.5\n\t\tround 9: 0.7\n"
    assert named(after)[-1] == ("loss", 0.5, None, 4)


def test_progress_lines_give_the_centralized_metrics_at_their_round() -> None:
    """``fit progress: (round, loss, {metrics}, seconds)`` and the initial evaluation's line
    carry the server's evaluation each round: the dict's values at that round (they had no
    step). The tuple's loss and time are unnamed members and are not recorded; the summary
    that prints the same values again adds no observation, and the round-0 value it alone
    had stays."""
    text = (
        "INFO :      initial parameters (loss, other metrics): 2.304, {'cen_accuracy': 0.097}\n"
        "INFO :      fit progress: (1, 2.304, {'cen_accuracy': 0.1, 'cen_f1': 0.05}, 35.70)\n"
        "INFO :      fit progress: (2, 2.967, {'cen_accuracy': 0.14, 'cen_f1': 0.09}, 292.5)\n"
        "INFO :      [SUMMARY]\n"
        "INFO :          History (loss, centralized):\n"
        "INFO :                  round 0: 2.304\n"
        "INFO :                  round 1: 2.304\n"
        "INFO :                  round 2: 2.967\n"
        "INFO :          History (metrics, centralized):\n"
        "INFO :          {'cen_accuracy': [(0, 0.097), (1, 0.1), (2, 0.14)],\n"
        "INFO :           'cen_f1': [(1, 0.05), (2, 0.09)]}\n")
    assert [(n, v, s) for n, v, s, _ in named(text)] == [
        ("cen_accuracy", 0.097, 0), ("cen_accuracy", 0.1, 1), ("cen_f1", 0.05, 1),
        ("cen_accuracy", 0.14, 2), ("cen_f1", 0.09, 2),
        ("loss_centralized", 2.304, 0), ("loss_centralized", 2.304, 1),
        ("loss_centralized", 2.967, 2)]
    # guard: a value the summary prints anew for a round (another than the line's) is kept
    changed = text.replace("(2, 0.14)]", "(2, 0.15)]")
    assert ("cen_accuracy", 0.15, 2, None) in named(changed)


def test_older_summaries_a_printed_string_and_one_line_a_series() -> None:
    """Flower 1.8 printed a loss history through ``pprint`` as a string; before it the
    server printed one line a series (``app_fit: losses_centralized [...]``), named as
    printed. A second logging handler printing each line again adds nothing."""
    pformat = ("INFO :      History (loss, distributed):\n"
               "INFO :          ('\\tround 1: 7.458657741546631\\n'\n"
               "INFO :           '\\tround 2: 1.9498776197433472\\n')\n"
               "INFO :      \n")
    assert [(n, v, s) for n, v, s, _ in named(pformat)] == [
        ("loss_distributed", 7.458657741546631, 1), ("loss_distributed", 1.9498776197433472, 2)]
    lines = ("app_fit: losses_distributed []\n"
             "app_fit: losses_centralized [(0, 0.0), (1, 0.25)]\n"
             "app_fit: metrics_distributed_fit {'accuracy': [(1, 0.5)]}\n"
             "app_fit: metrics_centralized {'accuracy': [(0, 1.0), (1, 0.75)]}\n")
    twice = "".join(f"INFO flwr 2024-02-27 23:19:43,743 | app.py:229 | {line}flwr - {line}"
                    for line in lines.splitlines(keepends=True))
    expected = [("losses_centralized", 0.0, 0), ("losses_centralized", 0.25, 1),
                ("accuracy", 0.5, 1), ("accuracy_centralized", 1.0, 0),
                ("accuracy_centralized", 0.75, 1)]
    assert [(n, v, s) for n, v, s, _ in named(twice)] == expected
    # guard: a line that only looks like a history (words among the pairs) is not read
    assert named("app_fit: losses_centralized [(0, 0.0), see (1, 0.25)]\n") == []


def test_flower_lines_parse_in_linear_time() -> None:
    """Adversarial 30 KB lines that open as Flower's (the reader's regexes run on them, and
    on the rows under a summary's heading) parse in linear time."""
    n = 30_000
    heading = "INFO :      History (metrics, distributed, fit):\n"
    lines = ["fit progress: (1, " + "1" * n + "x", "fit progress: (1, 0.5, {" + "'a': 1, " * (
        n // 8) + "x", "app_fit: losses_centralized [" + "(1, 2), " * (n // 8) + "x",
        "initial parameters (loss, other metrics): 1, {" + "'" * n,
        "History (loss, distributed):" + " " * n + "x", heading + "'a': [" * (n // 6) + "x",
        heading + "(1, " * (n // 4) + "x", heading + " " * n + "(1, 2)x",
        "History (loss, centralized):\n" + "round 1: " + " " * n + "x",
        "History (loss, centralized):\n" + "\\tround 1: 0.5" * (n // 13)]
    for line in lines:
        start = time.perf_counter()
        named(line + "\n")
        # (linear: at most 0.4 s on an idle machine, once 3 s under CI's two workers; a
        # regex that backtracks over the run takes minutes)
        assert time.perf_counter() - start < 10.0, line[:40]

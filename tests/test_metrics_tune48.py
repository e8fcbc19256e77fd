"""Round ``tune48`` (session 56): forms read in the older corpus while held-out sets NM-NT
were collected, and the forms of those sets once they were scored. Each test of a rule
fails on the parser before the round (90c611af); each guard fails on the rule without its
check (mutation-checked)."""

from __future__ import annotations

from parsed import named

PIPELINE = ("[1/5] Loading data...\n"
            "Train shape: (8000, 42)\n"
            "[4/5] Training model...\n"
            "[5/5] Evaluating model...\n"
            "2025-06-13 16:52:23,617 - INFO - Training RMSE: 9.7570\n")


def test_a_pipelines_numbered_stage_is_no_step() -> None:
    """``[4/5] Training model...`` announces a stage of a script, not its step 4: the
    result after it belongs to no step."""
    assert named(PIPELINE) == [("training_RMSE", 9.757, None, None)]


def test_a_labelled_stage_is_no_step_either() -> None:
    text = ("[Step 3/4] Computing threshold...\n[Step 4/4] Evaluating performance...\n"
            "Results:\n  Accuracy : 0.9458\n  Recall   : 0.8201\n")
    assert [(n, s) for n, _, s, _ in named(text)] == [("Accuracy", None), ("Recall", None)]


def test_a_bare_count_before_values_is_still_the_step() -> None:
    """Guard: ``[3/10]`` alone, or before values, places them (a stage needs its words and
    its ellipsis, not a full stop)."""
    assert named("[3/10]\nloss: 0.5\n[4/10] Training.\nloss: 0.4\n") == [
        ("loss", 0.5, 3, None), ("loss", 0.4, 4, None)]

"""Round ``tune66`` (session 74): forms of the corpus's leads and of the sets session 74
tuned on (``heldout817`` to ``heldout820``, no held-out figure of their own). Each test of a
rule fails on the parser before the round (a830e177); each guard fails on the rule without
its check (mutation-checked)."""

from __future__ import annotations

from parsed import named


def test_four_words_after_a_field_dash_name_the_metric() -> None:
    """TPOT prints ``Generation 1 - Current best internal CV score: 0.67`` each generation;
    four words before a name were read only for a rate, so the series was a bare ``score``."""
    text = "".join(f"Generation {g} - Current best internal CV score: 0.6{g}\n" for g in (1, 2, 3))
    assert {(n, v, s) for n, v, s, _ in named(text)} == {
        ("Current_best_internal_CV_score", v, g) for v, g in ((0.61, 1), (0.62, 2), (0.63, 3))}
    # guard: only a dash's field takes four words; after a comma they stay a sentence's
    # words, as they were (the rule is kept that narrow: +7 series, no loss on the corpus)
    listed = "Epoch 3, Current best internal CV score: 0.67\n"
    assert {n for n, *_ in named(listed)} == {"score"}

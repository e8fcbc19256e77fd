"""Round ``tune65`` (session 73): forms of the sets session 72 tuned on (``heldout784`` to
``heldout801``, no held-out figure of their own). Each test of a rule fails on the parser
before the round (6feda86d); each guard fails on the rule without its check
(mutation-checked)."""

from __future__ import annotations

from parsed import named


def test_a_phase_dashed_before_its_epoch_labels_the_values() -> None:
    """An older Flax MNIST example's README: ``Training - epoch: 1, loss: 0.1963, accuracy:
    93.96`` beside ``Testing - epoch: 1, loss: ...``; the train side was bare ``loss``, the
    test side ``testing_loss``, as its ``Train epoch: 1, loss:`` form already is."""
    text = "".join(f"    Training - epoch: {e}, loss: 0.{9 - e}, accuracy: 9{e}.5\n"
                   f"    Testing - epoch: {e}, loss: 0.{8 - e}, accuracy: 9{e}.1\n"
                   for e in (1, 2))
    assert {(n, v, ep) for n, v, _, ep in named(text) if ep == 2} == {
        ("training_loss", 0.7, 2), ("training_accuracy", 92.5, 2),
        ("testing_loss", 0.6, 2), ("testing_accuracy", 92.1, 2)}
    # guard: a loop's progress counter after the dash still names the loop's mode
    # (SFA3D's "Train - Epoch: [275/300][31/32]\tTime  0.234 ( 0.440)\tLoss 4.5e-01")
    progress = "Train - Epoch: [275/300][31/32]\tTime  0.234 ( 0.440)\tLoss 4.5571e-01 (2.2e-01)\n"
    assert {n for n, *_ in named(progress)} == {"Time", "Loss"}


def test_seqeval_per_entity_keys_are_rows_not_metrics() -> None:
    """Hugging Face's ``run_ner.py`` prints seqeval's per-entity scores beside the overall
    ones (``eval_NG_f1``, ``eval_NG_number``, ``eval_NG_precision``...): one entity type's
    row each, as the detection example's ``eval_map_Coverall`` is."""
    block = ("***** eval metrics *****\n  epoch                   =        3.0\n"
             "  eval_NG_f1              =     0.7512\n  eval_NG_precision       =     0.7311\n"
             "  eval_LOC_recall         =     0.7725\n  eval_loss               =      0.259\n"
             "  eval_overall_f1         =     0.7512\n  eval_overall_recall     =     0.7725\n")
    assert {n for n, *_ in named(block)} == {"eval_loss", "eval_overall_f1", "eval_overall_recall"}
    # guard: SQuAD v2's breakdown and a metric's capitals are results, not entity types
    squad = "eval_HasAns_f1 = 80.1\neval_NoAns_f1 = 70.2\neval_AUC_f1 = 0.3\neval_ORG_f1 = 0.9\n"
    assert {n for n, *_ in named(squad)} == {"eval_HasAns_f1", "eval_NoAns_f1", "eval_AUC_f1"}

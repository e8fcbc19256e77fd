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


def test_a_named_splits_word_before_a_dict_labels_its_values() -> None:
    """tkbi (temporal knowledge-graph completion) prints one dict per evaluated split:
    ``valid {'mrr': ...}`` was read as ``valid_mrr`` but ``valid_m {'mrr': ...}`` and
    ``test_e1 {...}`` lost their split, and four splits' figures made one ``mrr`` series."""
    text = (" valid_m {'mrr': tensor(0.2000, device='cuda:0'), 'hits1': 0.14}\n"
            " test_e1 {'mrr': 0.1234, 'hits1': 0.0882}\n valid {'mrr': 0.25}\n")
    assert [(n, v) for n, v, *_ in named(text)] == [
        ("valid_m_mrr", 0.2), ("valid_m_hits1", 0.14), ("test_e1_mrr", 0.1234),
        ("test_e1_hits1", 0.0882), ("valid_mrr", 0.25)]
    # guard: a results word after the phase's underscore is no split: "val_metrics {...}"
    # holds val_ keys, as "val_metrics={...}" does
    results = "val_metrics {'accuracy': 1.0}\nval_metrics={'accuracy': 0.9}\n"
    assert [(n, v) for n, v, *_ in named(results)] == [("val_accuracy", 1.0), ("val_accuracy", 0.9)]


def test_a_tab_indented_phrased_name_gives_its_line_its_phase() -> None:
    """ConDSeg's epoch blocks print ``\\tTrain Loss: 3.99 - mIoU: 0.62 - F1: 0.74`` and
    ``\\t Val. Loss: ...``: the phrase's phase is the line's (train_mIoU) as it was for a
    space-indented line, but the tab before it hid that, and the two lines' values made one
    ``mIoU`` series."""
    text = ("Epoch: 01 | Epoch Time: 3m 19s\n\tTrain Loss: 3.9958 - mIoU: 0.6247 - F1: 0.7407\n"
            "\t Val. Loss: 3.9199 - mIoU: 0.6838 - F1: 0.7942\n")
    assert [(n, v, e) for n, v, _, e in named(text)] == [
        ("train_loss", 3.9958, 1), ("train_mIoU", 0.6247, 1), ("train_f1", 0.7407, 1),
        ("val_loss", 3.9199, 1), ("val_mIoU", 0.6838, 1), ("val_f1", 0.7942, 1)]
    # guard: two phases on the line: neither is the whole line's
    both = "\tTrain Loss: 3.99 - Val Loss: 3.91 - F1: 0.74\n"
    assert [n for n, *_ in named(both)] == ["train_loss", "val_loss", "F1"]


def test_a_chinese_best_is_a_running_best() -> None:
    """MambaTSAD closes with ``最佳 F1=0.8727`` ("best F1"), a face-pose trainer logs
    ``最佳验证准确率: 91.2`` ("best validation accuracy") each epoch: the best so far, which
    repeats an earlier value, as ``Best F1`` and ``best_val_acc`` are; they were junk series."""
    text = ("Epoch 1 F1=0.8691, AUC=0.5411\n最佳 F1=0.8691\n"
            "Epoch 2 F1=0.8727, AUC=0.5422\n最佳验证准确率: 0.8727\n")
    assert {n for n, *_ in named(text)} == {"F1", "AUC"}
    # guard: the word alone names nothing else ("最佳" is not a prefix of every CJK name)
    assert {n for n, *_ in named("Epoch 1 平均训练损失: 0.85\nEpoch 2 平均训练损失: 0.70\n")} \
        == {"平均训练损失"}


def test_parameters_counted_in_billions_are_a_count() -> None:
    """thop's summary after a Time-Series-Library run, ``Total GFLOPs: 58.17`` and ``Total
    GPARAMs: 0.0041``: the model's size, as ``Total FLOPs`` is; GPARAMs was recorded."""
    text = "Epoch: 1, Steps: 5 | Train Loss: 0.31\nTotal GFLOPs: 58.1743\nTotal GPARAMs: 0.0041\n"
    assert {n for n, *_ in named(text)} == {"train_loss"}
    # guard: the count's unit letter is needed ("val_mparams" is no word; "params_norm" stays)
    assert {n for n, *_ in named("step 3 loss: 0.5, params_norm: 12.5\n")} \
        == {"loss", "params_norm"}


def test_a_running_bests_dict_is_no_new_value() -> None:
    """MambaTSAD ends with ``最佳 F1=0.8727, 最佳指标={'precision': 0.8919..., 'f1': ...}``
    ("best metrics"): epoch 2's values again at full precision, which became the series'
    last values (and precision/recall/threshold junk). A best's dict is no new value, in
    English too ("Best metrics: {...}")."""
    text = ("Epoch 1 loss: 0.5, f1: 0.8727\n"
            "训练结束，最佳 F1=0.8727, 最佳指标={'f1': 0.87266, 'auc': 0.54}\n"
            "Best metrics: {'f1': 0.87266, 'auc': 0.54}\n")
    assert [(n, v) for n, v, *_ in named(text)] == [("loss", 0.5), ("f1", 0.8727)]
    # guard: any other label's dict keeps its values
    assert [(n, v) for n, v, *_ in named("Epoch 1 loss: 0.5\nresults: {'f1': 0.88}\n")] == [
        ("loss", 0.5), ("f1", 0.88)]

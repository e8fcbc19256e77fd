"""Round ``tune67`` (session 75): forms of the corpus's leads and of the sets session 75
tuned on (``heldout833``, ``heldout835``, ``heldout837``, ``heldout839``, ``heldout842``;
Flower's own lines are ``test_metrics_flower``). Each test of a rule fails on the parser
before the round (8692805c); each guard fails on the rule without its check (mutation-
checked)."""

from __future__ import annotations

from parsed import columns_named, named

from exptrack.metrics import MetricParser, parse_text


def test_a_colon_keyed_parenthesis_after_a_word_is_no_call() -> None:
    """OpenPCDet closes every evaluation with ``Generate label finished(sec_per_example:
    0.0117 second).``: a word's parenthesis read as a call's arguments (configuration), and
    the timing was missed in all eight OpenPCDet logs of the corpus. A call's arguments are
    ``name=value``; ``name: value`` inside is a report."""
    text = ("*************** EPOCH 76 EVALUATION *****************\n"
            "Generate label finished(sec_per_example: 0.0117 second).\n"
            "recall_roi_0.3: 0.905512\n")
    assert named(text) == [("sec_per_example", 0.0117, None, 76),
                           ("recall_roi_0.3", 0.905512, None, 76)]
    # guard: an object printed with its arguments stays configuration
    assert named("Epoch 1\noptimizer: SGD(lr=0.01, grad_scale=0.9)\nloss: 0.5\n") == [
        ("loss", 0.5, None, 1)]


def test_a_parenthesis_opening_with_a_metrics_name_reports_it() -> None:
    """``Train Loss: 6.49 (PPL: 655.79)``, a GAN's ``D loss: 0.53 (Acc: 85.16%)``,
    FedAvg's ``Selected LR: 0.030 (acc: 0.8653)``: a parenthesis opened after words was a
    remark ("(took 2500 ms)", "(6.96)"), and the perplexities and accuracies were missed."""
    text = ("Epoch   1/30 | Train Loss: 6.4858 (PPL: 655.79) | Val Loss: 5.6726 (PPL: 290.78)\n"
            "Epoch   2/30 | Train Loss: 5.1000 (PPL: 164.02) | Val Loss: 5.0010 (PPL: 148.57)\n")
    assert [(n, v, e) for n, v, _, e in named(text)] == [
        ("train_loss", 6.4858, 1), ("train_PPL", 655.79, 1), ("val_loss", 5.6726, 1),
        ("val_PPL", 290.78, 1), ("train_loss", 5.1, 2), ("train_PPL", 164.02, 2),
        ("val_loss", 5.001, 2), ("val_PPL", 148.57, 2)]
    # guards: a best checkpoint's score is a repeat (Hugging Face's "Loading best model
    # from ... (score: ...)"), as a worst's is; a ratio's name and an unnamed value in
    # parentheses stay remarks
    remarks = ("Epoch 3 loss 6.95 (6.96)\n"
               "Loading best model from out/checkpoint-128 (score: 0.8744444444444445).\n"
               "Worst source: HealthApp_2k (F1: 0.0055)\n"
               "StopOnPlateau on step 0 Loss 5.857028e-04 (reduction/loss: 9.9411e-01).\n")
    assert [n for n, *_ in named(remarks)] == ["loss", "loss"]


def test_memory_allocated_so_far_is_the_peak() -> None:
    """icefall's ``Maximum memory allocated so far is 6633MB`` after each validation is
    the peak memory, which three held-out sets name ``maximum_memory_allocated``; it was
    ``Maximum_memory_allocated_so_far``."""
    text = ("Epoch 8, validation: loss=0.3518, over 458243.00 frames.\n"
            "2026-07-19 13:27:59,602 INFO [train.py:1211] Maximum memory allocated so far is "
            "6633MB\n")
    assert named(text)[-1] == ("Maximum_memory_allocated", 6633.0, None, 8)
    # guard: a running average "so far" keeps its words (tune13's "avg loss so far")
    assert named("Epoch 145, Step 25, avg loss so far is 0.0225\n") == [
        ("avg_loss_so_far", 0.0225, 25, 145)]


def test_settings_printed_before_the_run_are_no_metrics() -> None:
    """MACE prints its set-up as prose before it trains (``Radial cutoff: 6.0 A``, ``Using
    Exponential Moving Average with decay: 0.99``, ``gradient clipping with
    tolerance=10.000``): each was a metric of one value. Before any value has a step or an
    epoch, a value whose name says no measure is held; printed once, it was a setting."""
    text = ("INFO: Radial cutoff: 6.0 A (total receptive field for each atom: 12.0 A)\n"
            "INFO: Using Exponential Moving Average with decay: 0.99\n"
            "INFO: Using gradient clipping with tolerance=10.000\n"
            "INFO: Initial: head: default, loss=0.30500774, RMSE_F=  507.18 meV / A\n"
            "INFO: Epoch 0: head: default, loss=0.02157814, RMSE_F=  103.35 meV / A\n"
            "INFO: Epoch 2: head: default, loss=0.01546542, RMSE_F=   91.08 meV / A\n")
    expected = [("loss", 0.30500774, None, None), ("RMSE_F", 507.18, None, None),
                ("loss", 0.02157814, None, 0), ("RMSE_F", 103.35, None, 0),
                ("loss", 0.01546542, None, 2), ("RMSE_F", 91.08, None, 2)]
    assert named(text) == expected
    assert columns_named(text) == expected  # the recorder's column path agrees
    # guards: a name printed again is a series whose first value came before the first
    # step; an output that never counts a step or an epoch keeps what it printed
    series = "grad_scale: 0.9\ngrad_scale: 0.95\nEpoch 1: grad_scale: 0.99\n"
    assert named(series) == [("grad_scale", 0.9, None, None), ("grad_scale", 0.95, None, None),
                             ("grad_scale", 0.99, None, 1)]
    later = "grad_scale: 0.9\nEpoch 1: loss: 0.5\nEpoch 2: loss: 0.4, grad_scale: 0.95\n"
    assert [(n, v) for n, v, *_ in named(later)] == [
        ("loss", 0.5), ("loss", 0.4), ("grad_scale", 0.9), ("grad_scale", 0.95)]
    assert sorted(columns_named(later)) == sorted(named(later))  # (the column path's too)
    bench = "Radial cutoff: 6.0 A\nthroughput: 512.5\n"
    assert {n for n, *_ in named(bench)} == {"Radial_cutoff", "throughput"}


def test_calibration_and_retrieval_words_name_measures() -> None:
    """Names a set-up never prints: Brier score, expected calibration error, equal error
    rate, re-ID's mINP, a segmenter's MeanIU, conlleval's FB1, bits per byte, group AUC,
    COCO's AP by size. Printed before the run's first step (an initial evaluation) they are
    measures, and go out; the set-up's prose around them does not."""
    text = ("Radial cutoff: 6.0 A\n"
            "[val] brier=0.2114 ece=0.0312 | eer: 0.071 | mINP: 41.2 | MeanIU: 0.77\n"
            "processed 5000 tokens; FB1: 86.41, bpb: 0.93, gauc: 0.71, bbox/APs: 21.5\n"
            "Epoch 1 loss 0.5\n")
    assert [n for n, *_ in named(text)] == [
        "val_brier", "val_ece", "eer", "mINP", "MeanIU", "FB1", "bpb", "gauc",
        "bbox/APs", "loss"]


def test_icefall_trackers_qualify_every_key_by_their_head() -> None:
    """icefall's HuBERT pre-training prints ``loss[loss=.., loss_m_0=.., correct_m_0=..]``
    and ``tot_loss[...]``: every key is the tracker's (``loss_m_0``, ``tot_loss_m_0``,
    ``tot_correct_m_0``), as its tensorboard tags have it; they were ``loss_loss_m_0`` and
    ``tot_loss_loss_m_0``. Its schedules' ``ans=`` and checks' ``limit=`` between the
    lines, and the first of the five grad-norm quartiles, are no metrics."""
    text = ("2026-07-21 00:47:04,948 INFO [pretrain.py:1116] Epoch 9, batch 10600, loss[loss="
            "1.883, loss_m_0=1.883, correct_m_0=0.5249, over 7180.00 frames. ], tot_loss[loss="
            "1.765, loss_m_0=1.765, correct_m_0=0.5347, over 1302769.48 frames. ], batch size: "
            "48, lr: 1.11e-02, grad_scale: 8.0\n"
            "2026-07-21 00:47:05,117 INFO [scaling.py:214] ScheduledFloat: name=encoder.encoders"
            ".0.layers.0.conv_skip_rate, batch_count=58500.0, ans=0.0\n"
            "2026-07-21 00:47:06,001 INFO [scaling.py:1024] Whitening: name=encoder.encoders.2."
            "encoder.layers.1.feed_forward3.out_whiten, num_groups=1, num_channels=256, "
            "metric=4.46 vs. limit=15.0\n"
            "2026-07-21 00:47:07,270 WARNING [optim.py:487] Clipping_scale=2.0, grad-norm "
            "quartiles 1.166e+02 1.460e+02 1.579e+02 1.827e+02 3.592e+02, threshold=3.158e+02, "
            "percent-clipped=2.0\n")
    found = {n for n, *_ in named(text)}
    assert {"loss", "loss_m_0", "correct_m_0", "tot_loss", "tot_loss_m_0", "tot_correct_m_0",
            "lr", "grad_scale"} <= found
    assert not found & {"loss_loss_m_0", "tot_loss_loss_m_0", "ans", "limit", "quartiles"}
    # guard: another group's keys still take its whole name
    assert [n for n, *_ in named("Epoch 1 stats[acc=0.91, f1=0.88]\n")] == [
        "stats_acc", "stats_f1"]


def test_a_name_the_user_asked_for_is_never_held_as_a_setting() -> None:
    """The pre-run hold judges names by their words; a name the user's own pattern finds,
    or an alias the user gave, is a measure whatever its words, before the run too."""
    text = "Radial cutoff: 6.0 A\nfoo 12\nEpoch 1 loss 0.5\n"
    assert [o.name for o in parse_text(text)] == ["loss"]
    assert [o.name for o in parse_text(text, MetricParser([r"foo (?P<foo>\d+)"]))] == [
        "foo", "loss"]
    assert [o.name for o in parse_text(text, MetricParser(
        aliases={"Radial_cutoff": "cutoff"}))] == ["cutoff", "loss"]


def test_a_splattings_points_are_a_count() -> None:
    """2D Gaussian splatting's bar prints ``Points=146954`` (how many Gaussians it holds)
    beside the loss: a count of things, not a measure; it was a series."""
    text = ("Training progress:  23%|##8  | 7000/30000 [08:43<30:24, 12.60it/s, Loss=0.01249, "
            "distort=0.00000, Points=146954]\n"
            "Training progress:  27%|###  | 8000/30000 [09:58<28:11, 12.61it/s, Loss=0.01101, "
            "distort=0.00000, Points=151207]\n")
    found = {n for n, *_ in named(text)}
    assert "Loss" in found and "Points" not in found

"""Round ``tune69`` (session 77): forms of the corpus's leads and of the sets session 77
tuned on (``heldout872``, ``heldout876``, ``heldout882``, ``heldout884``). Each test of a
rule fails on the parser before the round (c3f50dc1); the guards of the reprint,
metric-word, table, exception and remark rules fail on the rule without its check
(mutation-checked), the others pin what did not change."""

from __future__ import annotations

from parsed import columns_named, named


def test_lightnings_checkpoint_message_before_1_3_names_its_metric_unquoted() -> None:
    """Lightning before 1.3 printed ModelCheckpoint's message without quotes round the
    monitored name (``Epoch 00000: val_loss reached 2.12986 (best 2.12986), ...``, and
    ``Epoch 0, global step 22: iou_epoch reached 0.01073 ...``): the value was named
    ``reached``."""
    text = ('Epoch 0, global step 22: iou_epoch reached 0.01073 (best 0.01073), saving model '
            'to "/out/epoch=0-step=22.ckpt" as top 1\n'
            'Epoch 1, global step 45: iou_epoch reached 0.20409 (best 0.20409), saving model '
            'to "/out/epoch=1-step=45.ckpt" as top 1\n')
    assert named(text) == [("iou_epoch", 0.01073, 22, 0), ("iou_epoch", 0.20409, 45, 1)]
    assert columns_named(text) == named(text)
    assert named("Epoch 00001: val_loss reached 1.37551 (best 1.37551), saving model to "
                 "/ckpt/_ckpt_epoch_1.ckpt as top 1\n") == [("val_loss", 1.37551, None, 1)]
    # guards: the quoted name as since 1.3; the rank ("as top 1") and a name that was not
    # kept are no values
    assert named("Epoch 2, global step 68: 'val/acc' reached 0.22133 (best 0.22133), saving "
                 "model to '/out/a.ckpt' as top 1\n"
                 "Epoch 3, global step 91: 'val/acc' was not in top 1\n") == [
        ("val/acc", 0.22133, 68, 2)]


def test_a_checkpoint_message_repeats_the_bars_value_of_its_epoch() -> None:
    """The epoch's bar prints ``val_acc=0.849`` and ModelCheckpoint's message then the same
    value to more digits with the global step (``'val_acc' reached 0.84879``): one report
    of the epoch, and every epoch with a new best counted twice (E-PANNs' audio
    classifier, heldout872)."""
    text = ("Epoch 0: 100%|#| 351/351 [01:00<00:00,  5.77it/s, v_num=0, val_loss=0.360, "
            "val_acc=0.849]\n"
            "Epoch 0, global step 351: 'val_acc' reached 0.84879 (best 0.84879), saving model "
            "to '/ckpt/epoch=0-step=351.ckpt' as top 1\n"
            "Epoch 1: 100%|#| 351/351 [01:00<00:00,  5.77it/s, v_num=0, val_loss=0.350, "
            "val_acc=0.851]\n"
            "Epoch 1, global step 702: 'val_acc' reached 0.85112 (best 0.85112), saving model "
            "to '/ckpt/epoch=1-step=702.ckpt' as top 1\n")
    assert named(text) == [
        ("val_loss", 0.36, None, 0), ("val_acc", 0.849, None, 0),
        ("val_loss", 0.35, None, 1), ("val_acc", 0.851, None, 1)]
    # guards: a message whose value is not the bar's (a checkpoint on another metric's
    # value) reports anew; a line of the same format that adds a step is the next report
    # (ProtoPNet's prototype distance, the same under the epoch's test and the next
    # iteration's train block)
    assert named("Epoch 0: 100%|#| 351/351 [01:00<00:00, val_acc=0.849]\n"
                 "Epoch 0, global step 351: 'val_acc' reached 0.86012 (best 0.86012), "
                 "saving model to '/c.ckpt' as top 1\n") == [
        ("val_acc", 0.849, None, 0), ("val_acc", 0.86012, 351, 0)]
    assert named("epoch: \t10\n"
                 "\tp dist pair: \t142.88587951660156\n"
                 "iteration: \t0\n"
                 "\tp dist pair: \t142.88587951660156\n") == [
        ("p_dist_pair", 142.88587951660156, None, 10),
        ("p_dist_pair", 142.88587951660156, 0, 10)]


def test_a_metric_word_split_at_its_capitals_is_one_word() -> None:
    """Lightning's rich test table prints ``Test_AuPRC`` and ``Test_AuROC``: split at their
    capitals the words ``au`` and ``prc`` named no measured quantity, and the rows were
    dropped as settings."""
    text = ("         Test metric                   DataLoader 0\n"
            "        Test_Accuracy               0.9586894512176514\n"
            "          Test_AuPRC                0.9470933079719543\n"
            "          Test_AuROC                0.9588862657546997\n")
    assert named(text) == [("Test_Accuracy", 0.9586894512176514, None, None),
                           ("Test_AuPRC", 0.9470933079719543, None, None),
                           ("Test_AuROC", 0.9588862657546997, None, None)]
    assert named("PR AUC: 0.81\nval_auprc: 0.77\n") == [
        ("PR_AUC", 0.81, None, None), ("val_auprc", 0.77, None, None)]
    # guard: a setting's words that join into no metric's stay a setting
    assert named("          Num_Heads                8\n") == []


def test_a_header_joined_with_commas_heads_rows_joined_with_tabs() -> None:
    """A chatbot's training script writes its header with ``",".join`` and its rows with
    ``"\\t".join`` (``epoch,step,grad_step,tr_loss,tr_ppl`` over ``1<TAB>16<TAB>1<TAB>
    7.5450<TAB>1.9412``): no row was read. ``grad_step`` is a step's column too (a step key
    with its qualifier, as on a line: N-BEATS' ``grad_step = 000311``)."""
    text = ("epoch,step,grad_step,tr_loss,tr_ppl\n"
            "1\t16\t1\t7.5450\t1.9412\n"
            "1\t32\t2\t7.5276\t1.8153\n")
    assert named(text) == [("tr_loss", 7.545, 16, 1), ("tr_ppl", 1.9412, 16, 1),
                           ("tr_loss", 7.5276, 32, 1), ("tr_ppl", 1.8153, 32, 1)]
    assert columns_named(text) == named(text)
    evaluation = ("epoch, grad_step, ppl, avg_f1, bleu4\n"
                  "0\t53\t10.2931\t1.2813\t0.8476\n"
                  "1\t106\t14.2596\t1.4320\t1.0038\n")
    assert named(evaluation) == [
        ("ppl", 10.2931, 53, 0), ("avg_f1", 1.2813, 53, 0), ("bleu4", 0.8476, 53, 0),
        ("ppl", 14.2596, 106, 1), ("avg_f1", 1.432, 106, 1), ("bleu4", 1.0038, 106, 1)]
    # guard: a row with a comma is read as CSV (a quoted cell may hold a tab)
    assert named('epoch,train_loss,note\n1,0.5,"a\tb"\n2,0.4,"c\td"\n') == [
        ("train_loss", 0.5, None, 1), ("train_loss", 0.4, None, 2)]


def test_a_pair_of_phases_in_parentheses_names_a_pair_of_values() -> None:
    """Network slimming's ``Accuracy(Train/Valid):97.7/78.6% Loss(Train/Valid):0.365/0.697``
    and ``Loss (train/val): 0.5/0.6``: each value of the pair is its phase's (the glued
    parentheses named nothing, the spaced ones named the first value ``Loss_(train/val)``
    and lost the second)."""
    text = ("Epoch:16/49\n"
            "Accuracy(Train/Valid):98.19/81.64% Loss(Train/Valid):0.345/0.570\n")
    assert named(text) == [("Train_Accuracy", 98.19, None, 16), ("Valid_Accuracy", 81.64, None, 16),
                           ("Train_Loss", 0.345, None, 16), ("Valid_Loss", 0.57, None, 16)]
    assert named("Epoch 3 | Loss (train/val): 0.5/0.6 | Acc (train/val): 90.1/88.2\n") == [
        ("train_Loss", 0.5, None, 3), ("val_Loss", 0.6, None, 3),
        ("train_Acc", 90.1, None, 3), ("val_Acc", 88.2, None, 3)]
    assert named("Loss(G/D):0.5/0.6\n") == [("G_Loss", 0.5, None, None),
                                             ("D_Loss", 0.6, None, None)]  # a GAN's
    # guards: one value after the parentheses keeps them in its name (a unit, or a pair
    # with one value printed)
    assert named("Speed (samples/sec): 12.5\n") == [("Speed_(samples/sec)", 12.5, None, None)]
    assert named("Epoch 3 Loss (train/val): 0.5\n") == [("Loss_(train/val)", 0.5, None, 3)]


def test_an_exceptions_message_reports_nothing() -> None:
    """SambaNova's job ends with ``AssertionError: Expected throughput to be at least
    560000.0, instead found 289619.68``: the message's numbers were metrics ``least`` and
    ``instead_found``. Its report lines count ``local_step`` beside ``global_step``: a
    step's key (qualified like ``global``), no metric."""
    text = ("epoch:0|local_step:501|global_step:501|average_loss:8.345\n"
            "AssertionError: Expected throughput to be at least 560000.0, instead found "
            "289619.6825559826\n")
    assert named(text) == [("average_loss", 8.345, 501, 0)]
    assert named("  torch.cuda.OutOfMemoryError: CUDA out of memory. Tried 20.00 MiB\n") == []
    # guards: a metric named like an error class is still a metric, and a line that only
    # mentions an error reports its values
    assert named("TestError: 0.05\n") == [("TestError", 0.05, None, None)]
    assert named("Results: top1 91.2, top5 99.1\n") == [("top1", 91.2, None, None),
                                                         ("top5", 99.1, None, None)]
    assert named("epoch 3, error: 0.12, ValueError count: 2, loss: 0.4\n")[0] == (
        "error", 0.12, None, 3)


def test_a_counts_parenthesis_names_its_values_without_a_colon() -> None:
    """A JAX trainer's bar describes each epoch ``epoch 6 (loss -1.366E+03): 100%|...``:
    the parenthesis after the epoch's count was read as a remark, and every loss was
    missed (with a colon, ``(loss: 0.52)``, it already named its value)."""
    text = ("epoch 6 (loss -1.366E+03): 100%|##########| 64/64 [00:24<00:00,  2.63it/s]\n"
            "epoch 7 (loss -1.374E+03): 100%|##########| 64/64 [00:21<00:00,  2.91it/s]\n")
    assert named(text) == [("loss", -1366.0, None, 6), ("loss", -1374.0, None, 7)]
    assert named("step 6 (loss 1.366)\n") == [("loss", 1.366, 6, None)]
    # guards: a parenthesis after another number is still its remark (a running best, a
    # checkpoint's loss)
    assert named("Loss: 0.5 (best 0.4)\n") == [("Loss", 0.5, None, None)]
    assert named("saved checkpoint 12 (loss 0.31)\n") == []

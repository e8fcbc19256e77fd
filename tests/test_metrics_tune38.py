"""Round ``tune38`` (session 46). Each test of a new form fails on the parser before the
round (409073e); each guard fails on the round's rule without its check (mutation-checked)."""

from __future__ import annotations

from parsed import named

ONEIE = ('{"epoch": 3, "dev": {"entity": {"prec": 0.81, "f": 0.77}, "role": {"f": 0.2}}, '
         '"test": {"entity": {"prec": 0.84, "f": 0.8}, "role": {"f": 0.19}}}\n')


def test_a_stepped_records_nested_values_are_named_by_the_keys_that_tell_them_apart() -> None:
    assert named(ONEIE) == [
        ("dev/entity/prec", 0.81, None, 3), ("dev/entity/f", 0.77, None, 3),
        ("dev/role/f", 0.2, None, 3), ("test/entity/prec", 0.84, None, 3),
        ("test/entity/f", 0.8, None, 3), ("test/role/f", 0.19, None, 3)]


def test_a_stepped_records_breakdown_under_its_own_values_stays_out() -> None:
    """Guard: a record with values of its own keeps only them (a breakdown is no series)."""
    assert named('{"step": 5, "loss": 0.5, "buckets": {"a": 0.1, "b": 0.2}}\n') == [
        ("loss", 0.5, 5, None)]


def test_csv_names_of_words_and_a_timestamp_column() -> None:
    assert named("Epoch,Train D Loss,Test PSNR\n1,0.0658,12.3\n2,0.0261,15.45\n"
                 "timestamp,epoch,train_g_loss,test_ssim\n"
                 "2025-06-05 05:48:47,1,0.0926,0.5641\n") == [
        ("Train_D_Loss", 0.0658, None, 1), ("Test_PSNR", 12.3, None, 1),
        ("Train_D_Loss", 0.0261, None, 2), ("Test_PSNR", 15.45, None, 2),
        ("train_g_loss", 0.0926, None, 1), ("test_ssim", 0.5641, None, 1)]


def test_a_remark_after_a_table_row() -> None:
    assert named(" Epoch    TrainL      ValL     PSNR\n"
                 "     1    1.4109    1.2184   20.827  ← BEST ✓\n"
                 "     2    1.1949    1.1365   21.825\n") == [
        ("TrainL", 1.4109, None, 1), ("ValL", 1.2184, None, 1), ("PSNR", 20.827, None, 1),
        ("TrainL", 1.1949, None, 2), ("ValL", 1.1365, None, 2), ("PSNR", 21.825, None, 2)]


TITLED = ("iter: 25164 train loss 5.2750\n"
          "+performance on validation set------+-------+\n"
          "| Rank@1,mIoU@0.3 | Rank@5,mIoU@0.3 | mIoU  |\n"
          "+-----------------+-----------------+-------+\n"
          "|      40.80      |      64.58      | 28.83 |\n"
          "+-----------------+-----------------+-------+\n"
          "+performance on testing set---------+-------+\n"
          "| Rank@1,mIoU@0.3 | Rank@5,mIoU@0.3 | mIoU  |\n"
          "+-----------------+-----------------+-------+\n"
          "|      44.36      |      66.61      | 32.06 |\n")


def test_a_tables_title_in_its_border_names_its_phase() -> None:
    assert named(TITLED) == [
        ("train_loss", 5.275, 25164, None),
        ("validation_Rank@1,mIoU@0.3", 40.8, 25164, None),
        ("validation_Rank@5,mIoU@0.3", 64.58, 25164, None), ("validation_mIoU", 28.83, 25164, None),
        ("testing_Rank@1,mIoU@0.3", 44.36, 25164, None),
        ("testing_Rank@5,mIoU@0.3", 66.61, 25164, None), ("testing_mIoU", 32.06, 25164, None)]


def test_an_untitled_border_leaves_a_counts_table_alone() -> None:
    """Guard: a plain border under "| Modules | Parameters |" keeps its rows counts."""
    assert named("+----------+------------+\n| Modules  | Parameters |\n"
                 "+----------+------------+\n|  sAtt.Vs |    729     |\n"
                 "|  gcn.bias |     24     |\n+----------+------------+\n"
                 "Epoch: 1, train_loss: 0.5\n") == [("train_loss", 0.5, None, 1)]


GENSIM = (
    "2021-09-29 12:46:04,170:INFO:PROGRESS: pass 9, at document #219/219\n"
    "2021-09-29 12:46:04,170:INFO:-3.429 per-word bound, 10.8 perplexity estimate based on a "
    "held-out corpus of 219 documents with 115 words\n"
    "2021-09-29 12:46:04,180:INFO:topic diff=0.043428, rho=0.301511\n"
    "2021-12-16 10:41:01,330 : INFO : EPOCH 1 - PROGRESS: at 15.53% examples, 874560 words/s, "
    "in_qsize 5, out_qsize 0\n"
    "2021-12-16 10:41:06,064 : INFO : EPOCH - 1 : training on 7682507 raw words (5657430 "
    "effective words) took 5.7s, 985256 effective words/s\n")


def test_gensims_lda_passes_and_word2vec_epochs() -> None:
    assert named(GENSIM) == [
        ("per_word_bound", -3.429, None, 9), ("perplexity_estimate", 10.8, None, 9),
        ("topic_diff", 0.043428, None, 9), ("rho", 0.301511, None, 9),
        ("words/s", 874560, None, 1), ("took", 5.7, None, 1),
        ("effective_words/s", 985256, None, 1)]


def test_a_tab_indented_phase_word_heads_its_keys() -> None:
    assert named("epoch: \t9\n\ttrain\n\ttime: \t97.35\n\tcross ent: \t0.1817\n"
                 "\ttest\n\ttime: \t5.19\n\tcross ent: \t0.1793\n") == [
        ("train_time", 97.35, None, 9), ("train_cross_ent", 0.1817, None, 9),
        ("test_time", 5.19, None, 9), ("test_cross_ent", 0.1793, None, 9)]


def test_a_name_printed_twice_in_one_report_keeps_its_last_value() -> None:
    assert named("Epoch 5:    train/loss: 0.6501   valid/loss: 0.6562   train/acc: 0.5469   "
                 "train/loss: 0.6727   valid/loss: 0.6562\n") == [
        ("train/acc", 0.5469, None, 5), ("train/loss", 0.6727, None, 5),
        ("valid/loss", 0.6562, None, 5)]


def test_reports_glued_on_one_line_keep_every_value() -> None:
    """Guard: epochs printed without newlines each keep their values."""
    found = named("Epoch 1 loss: 0.5 acc: 0.7 Epoch 2 loss: 0.4 acc: 0.8 lr: 0.01\n")
    assert [(name, value) for name, value, _, _ in found] == [
        ("loss", 0.5), ("acc", 0.7), ("loss", 0.4), ("acc", 0.8), ("lr", 0.01)]

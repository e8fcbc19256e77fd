"""Round ``tune94`` (session 94). Each test of a rule fails on f899d2aa (this session's
start); the guards pin what must not change."""

from __future__ import annotations

from parsed import columns_named, named, names

_PAD = "{:<35}".format
_CELLS = "".join


def _row(label: str, *cells: str) -> str:
    return _PAD(label) + _CELLS(f"{cell:<10}" for cell in cells) + "\n"


def test_trackeval_tables_record_the_combined_row_by_class() -> None:
    # TrackEval's print_table: "<family>: <tracker>-<class>" over the summary fields, a row
    # per sequence, then COMBINED: its values named <class>/<field>, the integer fields
    # (counts of boxes and tracks) left out (before: the sequence labels broke the table,
    # nothing was read; or "0019" read as a value of a column "HOTA:_bytetrack-car")
    text = ("\n" + _row("HOTA: bytetrack-pedestrian", "HOTA", "DetA", "HOTA(0)")
            + _row("MOT17-02-FRCNN", "49.423", "52.537", "66.096")
            + _row("MOT17-04-FRCNN", "41.1", "40.2", "60")
            + _row("COMBINED", "45.5", "47.25", "63.1")
            + "\n" + _row("CLEAR: bytetrack-pedestrian", "MOTA", "IDSW", "MT", "MTR")
            + _row("MOT17-02-FRCNN", "60.562", "14", "3", "50")
            + _row("COMBINED", "58.1", "20", "4", "40")
            + "\n" + _row("Count: bytetrack-pedestrian", "Dets", "GT_Dets", "IDs", "GT_IDs")
            + _row("COMBINED", "788", "819", "27", "6"))
    assert named(text) == [
        ("pedestrian/HOTA", 45.5, None, None), ("pedestrian/DetA", 47.25, None, None),
        ("pedestrian/HOTA(0)", 63.1, None, None), ("pedestrian/MOTA", 58.1, None, None),
        ("pedestrian/MTR", 40.0, None, None)]


def test_trackeval_label_of_35_characters_runs_into_the_first_field() -> None:
    # "%-35s" pads a short label; a longer one is glued to the first field ("...-carHOTA"),
    # and a long sequence name to its first value; PRINT_ONLY_COMBINED prints COMBINED alone
    text = ("HOTA: a_tracker_with_a_rather_long_name-carHOTA      DetA      \n"
            "a_sequence_with_a_name_of_forty_chars_49.423    52.537    \n"
            "COMBINED                           49.4      52.5      \n"
            "Identity: short-car                IDF1      IDTP      \n"
            "COMBINED                           63.348    509       \n")
    assert named(text) == [("car/HOTA", 49.4, None, None), ("car/DetA", 52.5, None, None),
                           ("car/IDF1", 63.348, None, None)]


def test_a_family_word_and_a_colon_is_no_trackeval_table() -> None:
    # (guard) "Count: 5", "HOTA: 45.2  MOTA: 50.1" are key-value lines; a line after a
    # table's header that is no row of it ends the table and is read as any line
    assert named("Count: 5 loss: 0.25\n") == [("loss", 0.25, None, None)]
    assert names("HOTA: 45.2  MOTA: 50.1\n") == {"HOTA", "MOTA"}
    assert named("HOTA: x-y   HOTA  DetA\nloss: 0.2\n") == [("loss", 0.2, None, None)]


def test_a_phase_after_the_epochs_colon_is_its_pairs_phase() -> None:
    # "===> Epoch 136: testing psnr = 34.21, ssim = 0.936": the one phase word opens the
    # line's first pair after the epoch's colon, so it is the line's, as after "Epoch 3 "
    # (before: ssim bare)
    text = "===> Epoch 136: testing psnr = 34.21, ssim = 0.936, time: 0.02\n"
    assert [n for n, *_ in named(text)][:2] == ["testing_psnr", "testing_ssim"]
    assert names("Epoch 3: Eval accuracy: 0.849, f1: 0.805\n") == {"eval_accuracy", "eval_f1"}


def test_a_phrased_first_key_after_a_colon_keeps_the_others_bare() -> None:
    # (guard) mlx-lm's "Iter 10: Train loss 2.345, ..., It/sec 0.512": a phrase's words
    # ("Train loss" with no sign) name that value only
    text = ("Iter 10: Train loss 2.345, Learning Rate 1.000e-05, It/sec 0.512, "
            "Tokens/sec 205.3, Trained Tokens 4000, Peak mem 18.2 GB\n")
    assert names(text) == {"train_loss", "Learning_Rate", "It/sec", "Tokens/sec", "Peak_mem"}


def test_motchallenge_devkit_groups_of_columns_are_one_table() -> None:
    # the MOTChallenge devkit's " IDF1  IDP  IDR| Rcll ...": a group's edge glued to its
    # last cell (before: the header read as a listing "MOTA: MOTP MOTAL"; nothing recorded);
    # the count columns of a MOT table (GT, MT, FP, IDs, FM...) are no metrics
    text = (" IDF1  IDP  IDR| Rcll  Prcn   FAR|   GT  MT   PT   ML|    FP    FN   IDs    FM|"
            "  MOTA  MOTP MOTAL \n"
            " 23.0 66.9 13.9| 30.7  90.3  0.98|   54   7   21   26|   587 12356    77   179|"
            "  27.0  75.2  27.4 \n")
    assert [(n, v) for n, v, _, _ in named(text)] == [
        ("IDF1", 23.0), ("IDP", 66.9), ("IDR", 13.9), ("Rcll", 30.7), ("Prcn", 90.3),
        ("FAR", 0.98), ("MOTA", 27.0), ("MOTP", 75.2), ("MOTAL", 27.4)]


_MOTMETRICS = (
    "              IDF1   IDP   IDR  Rcll  Prcn GT MT PT ML FP FN IDs  FM  MOTA  MOTP IDt\n"
    "MOT17-02-SYN 84.7% 87.6% 82.1% 89.2% 95.1%  6  6  0  0 11 26   1  22 84.2% 0.162   0\n"
    "MOT17-05-SYN 78.4% 81.2% 75.8% 85.8% 92.0%  4  3  1  0  9 17   1  14 77.5% 0.186   0\n"
    "OVERALL      82.6% 85.5% 80.0% 88.1% 94.1% 10  9  1  0 20 43   2  36 81.9% 0.170   0\n")


def test_py_motmetrics_summary_records_its_overall_row() -> None:
    # pandas' table: the header indented by the index column, the cells right-aligned; the
    # sequences' rows are items (before: "OVERALL" read as a name with 82.6)
    assert [(n, v) for n, v, _, _ in named(_MOTMETRICS)] == [
        ("IDF1", 82.6), ("IDP", 85.5), ("IDR", 80.0), ("Rcll", 88.1), ("Prcn", 94.1),
        ("MOTA", 81.9), ("MOTP", 0.17)]


def test_a_measures_row_over_a_breakdown_gives_the_wholes_value() -> None:
    # Spider's evaluation: rows of measures, columns of hardness and "all" (before: the
    # "easy" column's value read as exact_match's, execution missed)
    text = ("                     easy                 medium               all       \n"
            "count                248                  446                  1034      \n"
            "execution            0.915                0.845                0.818     \n"
            "exact match          0.802                0.435                0.469     \n")
    assert named(text) == [("execution", 0.818, None, None), ("exact_match", 0.469, None, None)]


def test_a_data_frame_of_numbered_rows_under_an_indented_header_stays_unread() -> None:
    # (guard) a pandas frame of predictions ("      store  brand  week   move" over "0   2
    # 1   137   9151"): its numbered rows are data, no metrics
    text = ("Prediction results:\n"
            "      store  brand  week   move\n"
            "0         2      1   137   9151\n"
            "1         2      1   138  24055\n")
    assert named(text) == []


_KITTI = (
    "Evaluate Object Class: CAR\n"
    "Loading Groundtruth - Success\n"
    "==========================tracking evaluation summary===========================\n"
    "Multiple Object Tracking Accuracy (MOTA)                                0.729539\n"
    "\n"
    "Recall                                                                  0.763079\n"
    "Mostly Tracked                                                          0.498227\n"
    "\n"
    "True Positives                                                             20143\n"
    "Tracker Trajectories                                                         890\n"
    "================================================================================\n"
    "Evaluate Object Class: PEDESTRIAN\n"
    "==========================tracking evaluation summary===========================\n"
    "Recall                                                                  0.427482\n"
    "================================================================================\n")


def test_kitti_tracking_devkit_summary_is_named_by_its_class() -> None:
    # "Evaluate Object Class: CAR" over the summary: the class names its ratios (before: the
    # two classes pooled in one series, "Tracker Trajectories" recorded); integers count
    assert [(n, v) for n, v, _, _ in named(_KITTI)] == [
        ("car/Multiple_Object_Tracking_Accuracy_(MOTA)", 0.729539), ("car/Recall", 0.763079),
        ("car/Mostly_Tracked", 0.498227), ("pedestrian/Recall", 0.427482)]


def test_sacrebleu_scores_are_named_by_their_metric() -> None:
    # SacreBLEU's JSON (an indented object the parser joins), its text form and 1.x's
    # signature (before: nothing recorded; the settings "nrefs": "1" read as a value)
    text = ('{\n "name": "BLEU",\n "score": 34.9,\n "signature": "nrefs:1|case:mixed|eff:no|'
            'tok:13a|smooth:exp|version:2.6.0",\n "verbose_score": "75.0/46.2/30.0/14.3 (BP = '
            '1.000 ratio = 1.000 hyp_len = 16 ref_len = 16)",\n "nrefs": "1",\n "version": '
            '"2.6.0"\n}\n'
            "chrF2|nrefs:1|case:mixed|eff:yes|nc:6|nw:0|space:no|version:2.6.0 = 62.7\n"
            "BLEU+case.mixed+numrefs.1+smooth.exp+tok.13a+version.1.4.14 = 27.3 58.2/33.1/21.0/"
            "13.8 (BP = 1.000 ratio = 1.004 hyp_len = 62394 ref_len = 62153)\n")
    assert named(text) == [("BLEU", 34.9, None, None), ("chrF2", 62.7, None, None),
                           ("BLEU", 27.3, None, None)]


def test_a_line_that_names_references_is_no_sacrebleu_score() -> None:
    # (guard) the marker "refs" in other lines leaves them to the other rules
    assert named("num_refs: 5 loss: 0.25\n") == [("loss", 0.25, None, None)]


_RULE = "=" * 34
_SPACY_EVALUATE = (
    f"\x1b[1m\n{_RULE} Results {_RULE}=\x1b[0m\n"
    "\n"
    "TOK     -     \n"
    "TAG     100.00\n"
    "NER P   98.65 \n"
    "NER R   98.65 \n"
    "SPEED   12200 \n"
    "\n"
    f"\x1b[1m\n{_RULE[3:]} NER (per type) {_RULE[3:]}\x1b[0m\n"
    "\n"
    "              P        R       F\n"
    "PERSON    97.78   100.00   98.88\n"
    "GPE      100.00    96.67   98.31\n")


def test_spacy_evaluate_results_are_its_scores() -> None:
    # wasabi's divider (a long rule around "Results"), a blank line, then the scores, one
    # of them "-" (not computed): before, the blank line closed the heading's block and the
    # "-" read as a configuration's value, so only SPEED was recorded; the per-type rows
    # are items of NER P/R/F
    assert [(n, v) for n, v, _, _ in named(_SPACY_EVALUATE)] == [
        ("TAG", 100.0), ("NER_P", 98.65), ("NER_R", 98.65), ("SPEED", 12200.0)]


def test_a_printed_configuration_with_a_dash_stays_one() -> None:
    # (guard) a configuration's values, one of them a path or a word, are settings still
    text = ("Config:\n  lr: 0.001\n  momentum: 0.9\n  output: -\n  optimizer: sgd\n"
            "  weight_decay: 0.0005\n\nEpoch 1 loss: 0.5\n")
    assert [n for n, *_ in named(text)] == ["loss"]


_TREC_EVAL = (
    "runid                 \tall\tsynth_bm25\n"
    "num_q                 \tall\t8\n"
    "map                   \t401\t0.5283\n"
    "P_10                  \t401\t0.7000\n"
    "map                   \tall\t0.5647\n"
    "P_10                  \tall\t0.6000\n"
    "ndcg_cut_10           \tall\t0.6733\n")


def test_trec_eval_measures_over_all_queries() -> None:
    # trec_eval's "%-22s\t%s\t%6.4f": the "all" lines by their measure's name; a query's
    # line (-q) is a part of it, num_q a count, runid the run's name (before: nothing of
    # the "all" lines; a query's line read as "map" = 401)
    assert named(_TREC_EVAL) == [("map", 0.5647, None, None), ("P_10", 0.6, None, None),
                                 ("ndcg_cut_10", 0.6733, None, None)]


def test_trec_eval_query_lines_of_one_measure_stay_out_of_the_column_path() -> None:
    # "-q -m map": a run of per-query lines of one shape; the recorder's column path (what
    # track run reads) took them as a column of "map" = the query's number; a report's
    # lines are the line path's (``reports.Reports.marked``)
    text = "".join(f"map                   \t{query}\t0.{query}0\n" for query in range(301, 306))
    text += "map                   \tall\t0.5647\n"
    assert columns_named(text) == named(text) == [("map", 0.5647, None, None)]

"""Round ``tune94`` (session 94). Each test of a rule fails on f899d2aa (this session's
start); the guards pin what must not change."""

from __future__ import annotations

from parsed import named, names

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

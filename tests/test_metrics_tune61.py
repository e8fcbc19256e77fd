"""Round ``tune61`` (session 69): forms of held-out sets once each was scored. Each test of
a rule fails on the parser before the round (3bd545df); each guard fails on the rule
without its check (mutation-checked)."""

from __future__ import annotations

from parsed import named, names


def test_an_output_that_runs_no_training_keeps_its_timings() -> None:
    """whisper.cpp's bench: timings with their unit and no step anywhere are the output's
    results, given out at its end (they were dropped as start-up readings)."""
    text = ("whisper_model_load: n_vocab       = 51864\n\n"
            "whisper_print_timings:     load time =   240.82 ms\n"
            "whisper_print_timings:   encode time =  1062.21 ms / 88.52 ms per layer\n"
            "whisper_print_timings:    total time =  1303.04 ms\n")
    assert named(text) == [("load_time", 240.82, None, None), ("encode_time", 1062.21, None, None),
                           ("total_time", 1303.04, None, None)]
    # guard: a timing before the run's epochs is a start-up reading still
    text = "Data loading time: 3.2 s\nEpoch 1 loss 0.52\nEpoch 2 loss 0.41\n"
    assert names(text) == {"loss"}
    # guard: the machine's readings are no result of an output that runs nothing
    assert names("Memory Avail: 12.3 GB\nDisk Space Avail: 400.1 GB\nTotal time: 5.2 s\n") \
        == {"Total_time"}

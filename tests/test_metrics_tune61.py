"""Round ``tune61`` (session 69): forms of held-out sets once each was scored. Each test of
a rule fails on the parser before the round (3bd545df); each guard fails on the rule
without its check (mutation-checked)."""

from __future__ import annotations

from parsed import columns_named, named, names

from exptrack.metrics import MetricParser


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


def test_a_decimal_comma_is_the_number_printed() -> None:
    """A locale's decimal comma ("loss 0,523", "acc 12,5%"; TensorFlow.NET's, DL4J's): the
    number as printed (it was read as 0 and 12, a wrong value)."""
    text = "step 3: loss 0,523 | acc 12,5%\nstep 4: loss 0,423 | acc 13,5%\n"
    assert named(text) == [("loss", 0.523, 3, None), ("acc", 12.5, 3, None),
                           ("loss", 0.423, 4, None), ("acc", 13.5, 4, None)]
    # guard: three digits after a whole number's comma group thousands; a list's items are
    # no decimal comma
    assert named("step 5: wps 1,234 loss 0.5,\nstep 6: wps 2,345 loss 0.4,\n") == [
        ("wps", 1234.0, 5, None), ("loss", 0.5, 5, None),
        ("wps", 2345.0, 6, None), ("loss", 0.4, 6, None)]
    assert named("step 1: acc=0,1,2 loss 0.5\n")[0] == ("acc", 0.0, 1, None)  # a list


def test_a_name_and_an_epoch_in_another_script() -> None:
    """The PyTorch quickstart translated (a Russian course): "Эпоха 1" is the epoch, as
    "Epoch 1" is, and a phrase of Cyrillic words before its value is the whole name (it
    was its last word, "ответов"; there was no epoch)."""
    text = ("Эпоха 1\n-----\nОшибка: 2.303208  [  256/50000]\n"
            " Доля правильных ответов: 58.3%, средняя ошибка: 1.159195 \n\n"
            "Эпоха 2\n-----\nОшибка: 1.219925  [  256/50000]\n"
            " Доля правильных ответов: 63.4%, средняя ошибка: 1.036520 \n")
    assert named(text)[-3:] == [("Ошибка", 1.219925, 256, 2),
                                ("Доля_правильных_ответов", 63.4, 256, 2),
                                ("средняя_ошибка", 1.03652, 256, 2)]
    # guard: another script's word before a number with no ":" is a name only for a
    # step's or an epoch's word (prose in any script has such pairs); spaCy's information
    # sign is no word of a name
    assert names("потери 0.5, точность 0.8\nпотери 0.4, точность 0.9\n") == set()
    assert names("ℹ Initial learn rate: 0.001\nEpoch 1 loss 0.5\n") == {"loss"}
    assert names("第1轮 loss: 0.5\n第2轮 loss: 0.4\n") == {"loss"}  # (round 1: no word)


def test_an_epoch_report_after_its_batches_has_no_step() -> None:
    """MindSpore's LossMonitor and TimeMonitor: "epoch time: ..., per step time: ..." after
    the epoch's last "epoch: 1 step: 1875" line is the epoch's report (it carried that
    batch's step)."""
    text = ("epoch: 1 step: 1875, loss is 0.3\n"
            "epoch time: 194366.22 ms, per step time: 498.375 ms\n"
            "epoch: 2 step: 1875, loss is 0.2\n"
            "epoch time: 194300.22 ms, per step time: 497.375 ms\n")
    assert named(text)[-2:] == [("epoch_time", 194300.22, None, 2),
                                ("per_step_time", 497.375, None, 2)]
    # guard: a line with its own step keeps it; a name that merely holds "epoch" inside
    # does not make a report
    assert named("epoch: 3 step: 10, epoch time: 5.2\n") == [("epoch_time", 5.2, 10, 3)]
    assert named("epoch: 3 step: 10, loss 0.5\navg_epoch_loss: 0.9\n")[-1] == (
        "avg_epoch_loss", 0.9, 10, 3)
    # the column path reads a run of such reports as the line path does (no step)
    run = ("epoch: 1 step: 1875, loss is 0.3\n"
           + "".join(f"epoch loss: 0.{i + 1}, epoch acc: 0.{i + 2}\n" for i in range(4)))
    assert columns_named(run) == named(run)
    assert named(run)[-1] == ("epoch_acc", 0.5, None, 1)


def test_a_report_again_at_its_step_whatever_the_chunks() -> None:
    """A line of the last values' format is a new report, however the output was cut into
    chunks and whichever path read it: fed whole, fed a line at a time, or through the
    columns (with runs of one line). It was kept twice whole, once line by line (the last
    values' format was forgotten at each chunk) and once by the columns."""
    text = b"0:\nloss=0.5 acc=0.3\n0:\nloss=0.5 acc=0.3\n"
    whole = MetricParser()
    found = [tuple(o) for o in whole.feed(text) + whole.finish()]
    assert found == [("loss", 0.5, 0, None), ("acc", 0.3, 0, None)] * 2
    by_line = MetricParser()
    pieces = [o for line in text.splitlines(keepends=True) for o in by_line.feed(line)]
    assert [tuple(o) for o in pieces + by_line.finish()] == found
    assert columns_named(text) == found
    # guard: a terminal's redrawn line is a report again, as before (a print every
    # episode with "\r", then the same episode's line with "\n" after another line)
    redrawn = ("Episode 100\tFrame 2046 \tAverage100 Score: 23.00\r"
               "saving\nEpisode 100\tFrame 2046 \tAverage100 Score: 23.00\n")
    assert [v for n, v in names_values(redrawn) if n == "Average100_Score"] == [23.0]


def names_values(text: str) -> list[tuple[str, float]]:
    parser = MetricParser()
    return [(o.name, o.value) for o in parser.feed(text.encode()) + parser.finish()]

"""Round ``tune19`` (session 27). Each test fails on the parser before the round
(0dafcad)."""

from __future__ import annotations

from parsed import obs as _obs


def test_a_launchers_process_tag_is_not_part_of_the_line() -> None:
    # Open MPI's --tag-output (Horovod), torchrun's --tee, PyTorch's rank prefix: the
    # step and epoch the process printed are still read
    for tag in ("[1,0]<stdout>:", "[0,12]<stderr>:", "[default0]:", "[rank3]:"):
        text = "".join(f"{tag}Epoch {e} step {e}00 loss: 0.{e}\n" for e in (1, 2))
        assert [(o.name, o.value, o.step, o.epoch) for o in _obs(text)] == [
            ("loss", 0.1, 100, 1), ("loss", 0.2, 200, 2)], tag


def test_a_name_right_after_an_arrow() -> None:
    # DSFD's "->>lr:0.0005" under its step line
    text = "".join(f"epoch:1 || iter:{i}0 || Loss:1.{i}\n->>lr:0.000{i}\n" for i in (1, 2))
    got = [(o.name, o.value, o.step) for o in _obs(text) if o.name == "lr"]
    assert got == [("lr", 0.0001, 10), ("lr", 0.0002, 20)]


def test_numpy_one_value_arrays_and_a_running_average_after_a_bare_pair() -> None:
    # "Loss [ 0.69] Avg Loss [ 0.68]": numpy's padded repr of a one-element array; the
    # statistic's phrase after the first value is the next name, not prose
    text = "".join(f"INFO    : Epoch: [{e}][300/320]\t Loss [ 0.6{e}] Avg Loss [ 0.5{e}] "
                   f"Accuracy 0.7{e}\n" for e in (1, 2))
    got = {o.name: (o.value, o.step, o.epoch) for o in _obs(text)}
    assert got == {"Loss": (0.62, 300, 2), "Avg_Loss": (0.52, 300, 2),
                   "Accuracy": (0.72, 300, 2)}
    # a log record's "[15]" tag stays the round it names
    text = "".join(f"2022-06-01 10:06:44,668 INFO [{i}]    train-logloss:0.00{i}  "
                   f"eval-logloss:0.5{i}\n" for i in (15, 16))
    assert [(o.name, o.step) for o in _obs(text)][-2:] == [("train-logloss", 16),
                                                          ("eval-logloss", 16)]


def test_a_learning_rate_phrase_with_a_spaced_equals_sign_is_a_value() -> None:
    # "learning rate = 0.0001000" after each epoch: the schedule's value; "lr = 0.1" and
    # "dropout = 0.2" printed alone stay configuration
    text = "".join(f"End of epoch {e} / 200 \t Time Taken: 39{e}.5 sec\nlearning rate = 0.000{e}\n"
                   for e in (1, 2))
    got = [(o.name, o.value) for o in _obs(text) if "rate" in o.name]
    assert got == [("learning_rate", 0.0001), ("learning_rate", 0.0002)]
    assert _obs("dropout = 0.2\nlr = 0.1\n") == []


def test_the_same_report_again_at_its_step_is_one_observation() -> None:
    # "print(..., end='\r')" every episode and "print(...)" every hundredth: episode 100's
    # line twice, with a line of another format between, is one report
    text = ("Episode 99\tFrame 2000 \tAverage100 Score: 20.00\r"
            "Episode 100\tFrame 2046 \tAverage100 Score: 23.00\r"
            "saving\n"
            "Episode 100\tFrame 2046 \tAverage100 Score: 23.00\n"
            "Episode 101\tFrame 2090 \tAverage100 Score: 23.00\r")
    got = [o.value for o in _obs(text) if o.name == "Average100_Score"]
    assert got == [20.0, 23.0, 23.0]
    # the same value at a new step, or at no step, is a new report
    text = "loss: 0.5\nsaving\nloss: 0.5\n"
    assert [o.value for o in _obs(text)] == [0.5, 0.5]


def test_a_box_drawn_table_of_phase_rows() -> None:
    # Ludwig's tabulate "fancy_grid": each row is a phase's values
    text = ("Epoch  6\n"
            "╒═══════╤════════╤═════════╤════════╕\n"
            "│ y     │   loss │   error │     r2 │\n"
            "╞═══════╪════════╪═════════╪════════╡\n"
            "│ train │ 0.9779 │ -0.1092 │ 1.0000 │\n"
            "├───────┼────────┼─────────┼────────┤\n"
            "│ vali  │ 1.3901 │ -0.1726 │ 0.9000 │\n"
            "╘═══════╧════════╧═════════╧════════╛\n")
    got = {o.name: (o.value, o.epoch) for o in _obs(text)}
    assert got == {"train_loss": (0.9779, 6), "train_error": (-0.1092, 6), "train_r2": (1.0, 6),
                   "vali_loss": (1.3901, 6), "vali_error": (-0.1726, 6), "vali_r2": (0.9, 6)}
    # a per-class table whose class is called "train" is no phase's row
    text = ("| category | AP     | category | AP     |\n"
            "|:---------|:-------|:---------|:-------|\n"
            "| train    | 40.996 | drum     | 10.707 |\n")
    assert not any(o.name.startswith("train") for o in _obs(text))


def test_a_tab_separated_field_of_capitalised_words_is_one_name() -> None:
    # AST's "Per Sample Total Time 0.00905\tPer Sample DNN Time 0.0084": "per sample"
    # qualifies the quantity, "sample" counts nothing here
    text = "".join(f"Epoch: [1][{i}00/663]\tPer Sample Total Time 0.0090{i}\tPer Sample DNN "
                   f"Time 0.0084{i}\tTrain Loss 0.13{i}\t\n" for i in (1, 2))
    got = {o.name: o.value for o in _obs(text)}
    assert got == {"Per_Sample_Total_Time": 0.00902, "Per_Sample_DNN_Time": 0.00842,
                   "train_loss": 0.132}


def test_a_phrase_that_ends_in_a_count_word_is_a_metric_when_it_names_one() -> None:
    # MockingBird's HiFi-GAN: "Gen Loss Total" is the generator's total loss; a plain
    # "total" stays a count
    text = "".join(f"Steps : 36{i}0, Gen Loss Total : 25.9{i}, s/b : 1.10{i}\n" for i in (7, 8))
    got = {o.name: (o.value, o.step) for o in _obs(text)}
    assert got["Gen_Loss_Total"] == (25.98, 3680)
    assert "Total" not in got
    assert [o.name for o in _obs("Epoch 1 batch total: 16 loss: 0.5\nEpoch 2 batch total: 16 "
                                 "loss: 0.4\n")] == ["loss", "loss"]


def test_numpy_one_value_arrays_in_a_dict() -> None:
    # LightGCN's "[TEST]" result: {'precision': array([0.0027]), ...}
    text = "[TEST]\n{'precision': array([0.00277982]), 'recall': array([0.00980375]), " \
           "'ndcg': array([ 0.00742985])}\n"
    assert {o.name: o.value for o in _obs(text)} == {
        "precision": 0.00277982, "recall": 0.00980375, "ndcg": 0.00742985}


def test_a_count_word_that_opens_the_next_key_is_no_unit() -> None:
    # diffusion-pipe's "loss: 0.7332 iter time (s): 3.181": "iter" starts the next key
    text = "".join(f"steps: {i} loss: 0.73{i} iter time (s): 3.18{i} samples/sec: 0.31{i}\n"
                   for i in (16, 17))
    got = {o.name: (o.value, o.step) for o in _obs(text)}
    assert got["loss"] == (0.7317, 17)
    # "12 images" still counts images
    assert [o.name for o in _obs("Epoch 3: 12 images loss: 0.5\n")] == ["loss"]

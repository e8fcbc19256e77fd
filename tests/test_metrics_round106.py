"""Round ``tune106`` (session 106). Each test of a rule fails on 79aa4b87 (this session's
start); the guards pin what must not change."""

from __future__ import annotations

from pathlib import Path

from parsed import named, obs

# Caffe echoes its net definition in protobuf's text format, a train net's and a test
# net's, each convolution with two "param { lr_mult: N }" and a "stride: N" (its pooling's
# another): printed again and again with new values, still the net's settings
CAFFE_NET = """I20261207 17:23:48.612 13018 net.cpp:53] Initializing net from parameters:
name: "LeNet"
state {
  phase: TRAIN
}
layer {
  name: "conv1"
  type: "Convolution"
  param {
    lr_mult: 1
  }
  param {
    lr_mult: 2
  }
  convolution_param {
    num_output: 20
    kernel_size: 5
    stride: 1
  }
}
layer {
  name: "pool1"
  type: "Pooling"
  pooling_param {
    pool: MAX
    kernel_size: 2
    stride: 2
  }
}
I20261207 17:23:48.613 13018 layer_factory.hpp:77] Creating layer data
"""


def test_a_message_format_printed_again_with_new_values_stays_settings() -> None:
    text = CAFFE_NET + CAFFE_NET.replace("TRAIN", "TEST")
    assert named(text + "I20261207 17:23:49.1 13018 solver.cpp:218] Iteration 0, loss = 2.3\n") \
        == [("loss", 2.3, 0, None)]


def test_a_guard_a_plain_block_printed_again_with_new_values_is_metrics() -> None:
    # RLlib-like results printed as a block each iteration: the third new value makes the
    # name a metric, its earlier values recorded late
    block = "episode_reward_mean: {v}\nepisode_len_mean: 10\nnum_env_steps: 100\n\n"
    found = named("".join(block.format(v=v) for v in (1.5, 2.5, 3.5)))
    assert [v for n, v, *_ in found if n == "episode_reward_mean"] == [1.5, 2.5, 3.5]


# Sockeye's data statistics: a parallel corpus's sides, counted or covered
SOCKEYE = ("[INFO:sockeye.data_io] Tokens: source 3895 target 3895\n"
           "[INFO:sockeye.data_io] Created bucketed parallel data set. Introduced padding: "
           "source=23.0% target=23.0%)\n")


def test_a_corpus_side_is_no_metric() -> None:
    assert "source" not in [n for n, *_ in named(SOCKEYE)]


# Tesseract 5's lstmtraining: its iteration line's percentages, then a new best's notice
# with a spaced sign ("New best BCER = 99.939000 wrote checkpoint.")
TESSERACT = ("At iteration {i}/{i}/{i}, Mean rms={r}%, delta=40.118000%, BCER train=99.939000%, "
             "BWER train=100.000000%, skip ratio=0.000000%,  New {b} BCER = 99.939000 wrote "
             "checkpoint.\n")


def test_a_new_best_notice_after_the_lines_own_values_keeps_them() -> None:
    text = "".join(TESSERACT.format(i=i, r=r, b=b)
                   for i, r, b in ((100, 7.383, "best"), (200, 7.225, "worst")))
    assert [v for n, v, *_ in named(text) if n == "Mean_rms"] == [7.383, 7.225]
    assert [v for n, v, *_ in named(text) if n == "BCER_train"] == [99.939, 99.939]


def test_a_guard_a_new_best_notice_before_its_values_repeats_them() -> None:
    # the notice opens the line: the values after it are the best's, printed again
    text = "Epoch 3: val_loss=0.5\nNew best model saved: val_loss=0.5\n"
    assert [v for n, v, *_ in named(text) if n == "val_loss"] == [0.5]


def test_a_guard_spaced_settings_stay_settings() -> None:
    assert named("dropout = 0.2, warmup = 5, lr = 0.01\n") == []


def test_a_figure_logged_under_a_loss_group_is_no_loss() -> None:
    # OpenAI Baselines logs its PPO's KL, clip fraction and entropy under "loss/": they grow
    # as the policy learns, no loss diverging (its zoo run's "loss/approxkl" 3.6e-05 ->
    # 2.1e-03 was read as one)
    from exptrack.insights.curves import is_loss
    assert not is_loss("loss/approxkl", "min")
    assert not is_loss("loss/clipfrac", "min")
    assert is_loss("loss/policy_loss", "min")
    assert is_loss("loss/train", "min") and is_loss("train/loss", "min")


# OpenAI Baselines' logger: a boxed table an update, its step a flat group's key
BASELINES = """---------------------------------------
| eplenmean               | 21.2      |
| eprewmean               | 21.2      |
| fps                     | 1003      |
| misc/nupdates           | 1         |
| misc/total_timesteps    | 128       |
---------------------------------------
---------------------------------------
| eplenmean               | 23.8      |
| eprewmean               | 23.8      |
| fps                     | 1113      |
| misc/nupdates           | 10        |
| misc/total_timesteps    | 1.28e+03  |
---------------------------------------
"""


def test_a_flat_groups_timesteps_is_the_tables_step() -> None:
    assert [(v, s) for n, v, s, _ in named(BASELINES) if n == "eprewmean"] \
        == [(21.2, 128), (23.8, 1280)]


# ParlAI's report: pandas wraps its one-row frame at the terminal's width, each header
# slice but the last ending in pandas' " \" marker; a validation's label above it
PARLAI = """2026-12-07 17:52:23,324 INFO     | time:0s total_exs:80 total_steps:10 epochs:0.16
    clen  clip  ctpb  ctps  exs  gnorm  loss  lr  ltpb  \\
       4     1    32  2030   80  1.558 2.511   1    40
    ltps   ppl  token_acc  tps
    2538 12.32      .0825 4568

2026-12-07 17:52:28,159 REPORT   | valid:
    accuracy    bleu-4  clen  exs     f1  loss  \\
           0 1.622e-11     4  100 .01344  2.01
     ppl  precision  recall  token_acc
    7.46     .01247   .1650      .2160

"""


def test_a_wrapped_frames_slices_are_one_table_under_its_phase_label() -> None:
    found = {n: v for n, v, *_ in named(PARLAI)}
    assert found["loss"] == 2.511 and found["ppl"] == 12.32 and found["token_acc"] == 0.0825
    assert found["valid_loss"] == 2.01 and found["valid_ppl"] == 7.46
    assert found["valid_recall"] == 0.165 and found["valid_f1"] == 0.01344


def test_a_guard_a_shell_commands_continuation_is_no_table() -> None:
    assert named("python train.py --lr 0.1 \\\n    --epochs 3\nloss: 0.5\n") \
        == [("loss", 0.5, None, None)]


# ParlAI's options listing, behind its record's prefix: "%(levelname)-8s | " in a file, the
# time alone under a terminal ("17:52:37 |     adam_eps: 1e-08"), printed twice (for its
# dictionary, then its model); read from the zoo's capture as the recorder reads it
ZOO = Path(__file__).parent / "data" / "zoo"


def test_a_listing_behind_a_padded_level_and_a_bar_is_settings() -> None:
    for mode in ("pipe", "pty"):
        found = {o.name for o in obs((ZOO / "parlai_train" / mode / "output.log").read_bytes())}
        assert not found & {"adam_eps", "beam_delay", "learningrate", "validation_patience"}
        assert {"loss", "valid_loss", "test_loss"} <= found


def test_a_guard_a_level_column_after_the_clocks_bar_keeps_its_lines() -> None:
    # a results listing behind "HH:MM:SS | INFO | " (a rich console's), read line by line
    text = "".join(f"15:20:34 | INFO     |     {k}: {v}\n" for k, v in (
        ("Median race time", "5443.4s"), ("Mean stops", "      1.29"),
        ("Mean SC events", "  0.59"), ("Legal races", "     100%")))
    found = {n.lower(): v for n, v, *_ in named(text)}
    assert found["mean_stops"] == 1.29 and found["legal_races"] == 100.0


# MMCV 1.x's evaluation ProgressBar ends with no newline: its record is glued to "ETA:"
# (the zoo's capture: its three epochs' lines, the last two with the same top-5 accuracy)


def test_a_record_glued_to_mmcvs_bar_is_a_line_of_its_own() -> None:
    lines = (ZOO / "mmcls_v0_train" / "pipe" / "output.log").read_bytes().split(b"\n")
    glued = b"\n".join(line for line in lines if b"Epoch(val)" in line) + b"\n"
    assert glued.count(b"task/s") > 3 and glued.count(b"\n") == 3
    assert [(o.value, o.epoch) for o in obs(glued) if o.name == "accuracy_top-5"] \
        == [(86.6667, 1), (100.0, 2), (100.0, 3)]


def test_a_closing_dict_restating_a_phase_tables_rows_in_full_is_no_new_point() -> None:
    # AllenNLP's console logger prints each epoch's "Training | Validation" table at three
    # decimals; its closing "Metrics: {...}" restates the last epoch's (its metrics.json)
    for mode in ("pipe", "pty"):
        found = obs((ZOO / "allennlp_train" / mode / "output.log").read_bytes())
        accuracy = [o.value for o in found if o.name == "training_accuracy"]
        assert len(accuracy) == 4 and accuracy[-1] == 0.887


def test_a_guard_a_lines_own_words_before_a_bar_label_no_later_table() -> None:
    # only a log record's level column (or a time alone) before the bar makes a label
    text = ("Epoch 3 | test:\n  loss: 0.5\nstarting\n    epoch   loss    acc\n"
            "        1   0.40   0.80\n        2   0.30   0.90\n")
    found = named(text)
    assert ("acc", 0.9, None, 2) in found and not [n for n, *_ in found if n.startswith("test_")]

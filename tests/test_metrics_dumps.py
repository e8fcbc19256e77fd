"""Printed configuration is settings, not metrics (``dumps``): blocks of one-key lines,
recognised while the output streams, and one-line dicts."""

from __future__ import annotations

import random

from exptrack.metrics import MetricParser, parse_text
from exptrack.metrics.columns import Block, observations
from exptrack.metrics.dumps import CONTINUES, EVIDENCE, LISTING, NUMERIC, PLACES, classify


def names(text: str) -> list[tuple[str, float]]:
    return [(o.name, o.value) for o in parse_text(text)]


MEGATRON_ARGS = """------------------------ arguments ------------------------
  adam_beta1 ...................................... 0.9
  hysteresis ...................................... 2
  lr .............................................. 0.00015
  train_iters ..................................... 500
-------------------- end of arguments ---------------------
"""
DEEPSPEED_JSON = """[2024-03-12 09:14:20,005] [INFO] [config.py:987:print_user_config]   json = {
    "train_batch_size": 32,
    "steps_per_print": 10,
    "optimizer": {
        "type": "AdamW",
        "params": {
            "lr": 0.00015,
            "weight_decay": 0.01
        }
    },
    "scheduler": {
        "type": "WarmupLR",
        "params": {
            "warmup_min_lr": 0,
            "warmup_num_steps": 2
        }
    },
    "fp16": {
        "enabled": true,
        "loss_scale": 0,
        "hysteresis": 2
    }
}
"""
DEEPSPEED_LISTING = """[INFO] [config.py:1001:print]   steps_per_print .............. 10
[INFO] [config.py:1001:print]   scheduler_params ............. {'warmup_min_lr': 0, \
'warmup_max_lr': 0.00015, 'warmup_num_steps': 2}
[INFO] [config.py:1001:print]   wall_clock_breakdown ......... False
"""
YAML_CONFIG = """model:
  name: resnet18
  width: 64
optimizer:
  lr: 0.1
  momentum: 0.9
"""
METRICS = "step 10 loss=0.5 lr=0.001\n"


def test_configuration_dumps_are_settings() -> None:
    # a section's keys may repeat another's ("type", "params"); one dump may repeat the
    # previous one's keys in another form (DeepSpeed's listing, then its JSON)
    for dump in (MEGATRON_ARGS, DEEPSPEED_JSON, DEEPSPEED_LISTING, YAML_CONFIG,
                 DEEPSPEED_LISTING + DEEPSPEED_JSON,
                 "max_seq_len: 1024\nnum_layers: 12\nchannels: 768\nhysteresis: 2\n",
                 "{'warmup_min_lr': 0, 'warmup_max_lr': 0.001, 'warmup_num_steps': 1000}\n",
                 '{"optimizer": {"lr": 0.001}, "hysteresis": 2, "stage": 3}\n'):
        assert names(dump + METRICS) == [("loss", 0.5), ("lr", 0.001)], dump


def test_a_metric_name_in_a_dump_is_kept_and_nothing_moves_out_of_order() -> None:
    assert names("Results:\n  accuracy: 0.95\n  model: resnet18\n  seed_value: 3\n") == [
        ("accuracy", 0.95)]
    # a block of metrics printed once: most names are metrics'
    assert names("eval_loss: 0.36\neval_accuracy: 0.86\neval_runtime: 2.1\nlr: 0.001\n") \
        == [("eval_loss", 0.36), ("eval_accuracy", 0.86), ("eval_runtime", 2.1),
            ("lr", 0.001)]


def test_metrics_one_key_a_line_are_a_stream_not_a_dump() -> None:
    text = "".join(f"lr: 0.{i}\nwidth: {i}\ndepth: {i}\n" for i in range(1, 4))
    assert names(text) == [(n, float(v)) for i in range(1, 4)
                           for n, v in (("lr", f"0.{i}"), ("width", i), ("depth", i))]
    assert names("Epoch 1\nlr: 0.1\nEpoch 2\nlr: 0.05\n") == [("lr", 0.1), ("lr", 0.05)]


def test_dump_blocks_give_the_same_on_any_chunking_and_on_the_columnar_path() -> None:
    data = (MEGATRON_ARGS + METRICS + DEEPSPEED_JSON + YAML_CONFIG + "lr: 0.2\nlr: 0.3\n"
            + "width: 1\nlr: 0.4\nlr: 0.5\nlr: 0.6\n" + METRICS * 4).encode()
    whole = [tuple(o) for o in parse_text(data)]
    assert ("lr", 0.1, None, None) not in whole and ("lr", 0.6, 10, None) in whole
    rng = random.Random(5)
    for min_run in (1, 2, 3):
        for sizes in ((1, 3, 17), (64, 500), (len(data),)):
            parser, found, offset = MetricParser(), [], 0
            parser.min_run = min_run
            while offset < len(data):
                size = rng.choice(sizes)
                for segment in parser.feed_segments(data[offset:offset + size]):
                    found.extend(observations(segment) if isinstance(segment, Block)
                                 else [tuple(o) for o in segment])
                offset += size
            found.extend(tuple(o) for o in parser.finish())
            assert found == whole, (min_run, sizes)


def shape(line: str) -> tuple[int, str]:
    """``classify`` without the decimal places of a listing's number."""
    flags, key = classify(line)
    return flags & ~(15 * PLACES), key


def test_classify_lines() -> None:
    assert shape("  adam_beta1 ...................................... 0.9") == (
        LISTING | NUMERIC | EVIDENCE, "adam_beta1")
    assert shape('    "steps_per_print": 10,') == (LISTING | NUMERIC, "steps_per_print")
    assert shape("  nesterov: true") == (LISTING | EVIDENCE, "nesterov")
    assert shape("------------------------ arguments ------------------------") == (
        CONTINUES | EVIDENCE, "")
    assert shape('    "fp16": {') == (CONTINUES | EVIDENCE, "")
    assert shape("model:") == (CONTINUES, "")
    assert shape("INFO:root:lr: 0.001") == (LISTING | NUMERIC, "lr")
    for line in ("epoch     train_loss  valid_loss  error_rate  time",
                 "|    ep_rew_mean     | -213      |", "step 10 loss=0.5 acc=0.9",
                 "1875/1875 - 6s - loss: 0.2984 - lr: 0.0010 - 6s/epoch", "x" * 300 + ": 1"):
        assert classify(line)[0] & LISTING == 0, line
    # the decimal places of a listing's plain number (an integer's: 15)
    assert classify("mATE: 0.5755")[0] // PLACES & 15 == 4
    assert classify('    "steps_per_print": 10,')[0] // PLACES & 15 == 15
    assert classify("Eval time: 105.8s")[0] // PLACES & 15 == 0


def test_a_dump_printed_again_and_again_with_new_values_holds_metrics() -> None:
    """A per-iteration report printed as a dump (RLlib's results): the values that keep
    changing are metrics, recorded from the first print; constants stay settings."""
    report = ("Result:\n  custom_metrics: {{}}\n  episode_len_mean: {length}\n"
              "  num_healthy_workers: 2\n  config:\n    lr: 5.0e-05\n    gamma: 0.99\n")
    text = "".join(report.format(length=20 + i) for i in range(4))
    assert names(text) == [("episode_len_mean", 20.0 + i) for i in range(4)]
    # a configuration printed twice, an override changing one value: still settings
    twice = "Config:\n  lr: 0.1\n  width: 64\n  depth: 8\n" * 2
    assert names(twice.replace("lr: 0.1", "lr: 0.05", 1) + METRICS) == [
        ("loss", 0.5), ("lr", 0.001)]


def test_a_report_block_of_metrics_is_recorded() -> None:
    """Hugging Face's `***** eval metrics *****` block: spaced `key = value` lines whose
    names are metrics', its epoch the context; configuration in the same form is not."""
    block = ("***** eval metrics *****\n  epoch                   =        3.0\n"
             "  eval_accuracy           =     0.8603\n  eval_runtime            = 0:00:02.01\n"
             "  eval_samples            =        408\n  eval_samples_per_second =    202.984\n")
    found = parse_text(block + "dropout = 0.2 # for finetuning\n  Num examples = 3668\n")
    assert [(o.name, o.value, o.epoch) for o in found] == [
        ("eval_accuracy", 0.8603, 3), ("eval_samples_per_second", 202.984, 3)]

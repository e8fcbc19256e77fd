"""How values and their names are written: number forms (``forms``), phrase keys, grouped
keys under a phase label, ranges in names, and a tqdm bar's count as a step (``rules``)."""

from __future__ import annotations

import math
import re
import time

from exptrack.metrics import parse_text
from exptrack.metrics.forms import TOKEN, to_float


def names(text: str) -> list[tuple[str, float]]:
    return [(o.name, o.value) for o in parse_text(text)]


def test_number_forms() -> None:
    assert names("lm loss: 8.428315E+00\n") == [("lm_loss", 8.428315)]
    assert names("loss = 0.0363f0, acc = 98.9\n") == [("loss", 0.0363), ("acc", 98.9)]
    assert names("loss: 2.5f-3 step 4\n") == [("loss", 0.0025)]
    assert names("tokens/s: 1,234.5 step 2\n") == [("tokens/s", 1234.5)]
    assert names("acc: 98% step 2\n") == [("acc", 98.0)]
    assert to_float("1,234,567.25") == 1234567.25 and to_float(b"-1.5f2") == -150.0
    assert math.isinf(to_float("inf")) and math.isnan(to_float("NaN"))
    # not numbers of their own: dates, versions, a size with a letter, a range's end; a
    # logging time's seconds split off alike whatever their digits (the plan reads them as
    # the time's: ``test_metrics_round85``)
    assert TOKEN.findall("2024-01-05 2.6G v1.2.3 0.5:0.95 .5:.95") == []
    assert TOKEN.findall("12:30:01,123 12:30:11,123") == ["01,123", "11,123"]


def test_values_in_wrappers() -> None:
    assert names("loss: tensor(0.51)\n") == [("loss", 0.51)]
    assert names("{'loss': tensor(0.5100, device='cuda:0', grad_fn=<MeanBackward0>), "
                 "'acc': tensor(0.9), 'epoch': 1}\n") == [("loss", 0.51), ("acc", 0.9)]
    assert names("{'loss': np.float64(0.25), 'acc': Array(0.5, dtype=float32), 'step': 3}\n") \
        == [("loss", 0.25), ("acc", 0.5)]
    assert names("loss=tf.Tensor(0.5, shape=(), dtype=float32) acc=0.7\n") == [
        ("loss", 0.5), ("acc", 0.7)]
    assert names("global_step=1000, episodic_return=[12.]\n") == [("episodic_return", 12.0)]
    assert names("loss: [0.5]\n") == [("loss", 0.5)]
    # DeepSpeed's rate of every parameter group: one rate, the lr (round tune34)
    assert names("step=5, lr=[3.1e-07, 3.1e-07], mom=[[0.9, 0.95]]\n") == [("lr", 3.1e-07)]
    # a call that configures something is still not a metric
    assert names("optimizer: SGD(lr=0.01, momentum=0.9)\n") == []


def test_phrase_keys() -> None:
    found = parse_text("step 9: train loss 4.560529 (took 2500 ms)\n")
    assert [(o.name, o.value, o.step) for o in found] == [("train_loss", 4.560529, 9)]
    assert names("Training set accuracy 0.9425\n") == [("training_accuracy", 0.9425)]
    assert names("Test set accuracy: 0.94\n") == [("test_accuracy", 0.94)]
    assert names("Validation perplexity: 56.168\n") == [("validation_perplexity", 56.168)]
    assert names(" validation loss at iteration 100 | lm loss value: 8.428315E+00 | "
                 "lm loss PPL: 4.574784E+03 |\n") == [("validation_lm_loss_value", 8.428315),
                                                      ("validation_lm_loss_PPL", 4574.784)]
    assert names("approx flops per GPU: 95.1TFLOPS | lm loss: 1.12 | iteration 5/10 |\n") \
        == [("approx_flops_per_GPU", 95.1), ("lm_loss", 1.12)]
    assert names("train_samples_per_second: 12.3 step 3\nnum_samples_per_gpu: 4 step 3\n") \
        == [("train_samples_per_second", 12.3)]
    # "value" after prose is no name: the best value of a series, reported again
    assert names("Better model found at epoch 2 with valid_loss value: 0.0149.\n") == []


def test_grouped_keys_under_a_phase_label() -> None:
    assert names("Train: (loss = 0.0363f0, acc = 98.9)\n") == [
        ("train_loss", 0.0363), ("train_acc", 98.9)]
    assert names("Epoch: 1   Train: (loss = 0.15f0, acc = 95.5)   Test: (loss = 0.14f0, "
                 "acc = 95.8)\n") == [("train_loss", 0.15), ("train_acc", 95.5),
                                      ("test_loss", 0.14), ("test_acc", 95.8)]
    assert names("Eval: loss 0.3 acc 0.9\n") == [("eval_loss", 0.3), ("eval_acc", 0.9)]
    assert names("[val] loss=0.31 acc=0.88\n") == [("val_loss", 0.31), ("val_acc", 0.88)]
    assert names("train.py:148] eval epoch: 1, loss: 0.0759, accuracy: 97.56\n") == [
        ("eval_loss", 0.0759), ("eval_accuracy", 97.56)]
    assert names("│   train = (loss = 0.05f0, acc = 98.5)\n") == [
        ("train_loss", 0.05), ("train_acc", 98.5)]
    # a label that names the mode of a progress line does not prefix it, nor does a log tag;
    # timm's "Train: N [b/B]" does: its train lines' values are train_ (as the test lines'
    # are test_)
    assert names("Train: 3 [ 50/1251 ( 4%)]  Loss: 6.9 (6.9)\n") == [("train_loss", 6.9)]
    assert names("[TRAIN] epoch: 1, iter: 20/500, loss: 2.08\n") == [("loss", 2.08)]
    assert names("[EVAL] #Images: 76 mIoU: 0.3361 Acc: 0.8714\n") == [
        ("mIoU", 0.3361), ("Acc", 0.8714)]
    # a parenthesised remark after values stays a remark
    assert names("epoch 3 | loss 0.5 (epoch 1 @ 1102 updates, score 9.8)\n") == [("loss", 0.5)]


def test_a_range_is_part_of_the_name() -> None:
    assert names("mAP@0.5:0.95=0.42\n") == [("mAP@0.5:0.95", 0.42)]
    assert names("mAP@0.5:0.95: 0.42 mAP@0.5: 0.61\n") == [("mAP@0.5:0.95", 0.42),
                                                           ("mAP@0.5", 0.61)]
    assert names("mAP@.5:.95=0.31 step 3\n") == [("mAP@.5:.95", 0.31)]
    assert names("acc@1:0.7 acc@5:0.9\n") == [("acc@1", 0.7), ("acc@5", 0.9)]


def test_a_tqdm_postfix_takes_the_bar_count_as_its_step() -> None:
    bar = (b"  0%|          | 0/500 [00:00<?, ?it/s]\r 20%|##        | 100/500 [00:12<00:50, "
           b"8.0it/s, loss=0.69]\r100%|##########| 500/500 [01:02<00:00, 8.0it/s, loss=0.31]\n")
    assert [(o.name, o.value, o.step) for o in parse_text(bar)] == [
        ("loss", 0.69, 100), ("loss", 0.31, 500)]
    # an epoch or step from elsewhere wins, and the count is not kept as the step
    with_epoch = b"Epoch 1: 20%|##        | 100/500 [00:12<00:50, loss=0.69]\n"
    assert [(o.step, o.epoch) for o in parse_text(with_epoch)] == [(None, 1)]
    after = parse_text(bar + b"val_loss: 0.4\n")
    assert (after[-1].name, after[-1].step) == ("val_loss", None)


def test_name_and_number_regexes_are_linear() -> None:
    """Adversarial 60 KB lines parse in linear time: no regex can backtrack over a run of
    the same characters more than a bounded number of times."""
    n = 60_000
    lines = ["1" * n + "x", "a" * n + ": 0.5", "mAP@" + "0.5:" * (n // 4) + "=0.1",
             "(" * (n // 2) + "tensor(" * (n // 14) + "0.5", "loss 0.5 " + "(" * n,
             "{'a': " * (n // 6) + "1", "x" + "_1" * (n // 2) + "=0.5", "- " * (n // 2) + "lr: 1",
             " ".join(["k: v"] * (n // 5)), "." * n + " 1", "a" * n + " = x 1",
             "(" + "a" * n + " 1", "x=" + " " * n + "1", "loss" + " " * n + ": 0.5",
             " " * (n // 2) + "x: 1 " + " " * (n // 2), "| a" + " " * n + "x | 1 |",
             "loss=0.5 " * (n // 9), "(x 1) " * (n // 6), "a  " * (n // 3) + "1",
             "=[1" * (n // 3), "[1/2] " * (n // 6), "a_" * (n // 2) + "1",
             "[Learner] a = 1 | " * (n // 18), "1it/s]" + " " * n + "all 1",
             "loss train: 1, val: 2, " * (n // 23), "time=3 seconds, " * (n // 16),
             "loss: 1 " + "/a.py:1: XWarning: " * (n // 20)]
    for line in lines:
        start = time.perf_counter()
        parse_text(line + "\n")
        # (linear: about 0.3 s on an idle machine, 1.1 s once under CI's two workers, over
        # 3 s once with two workers beside four other busy processes; a pass that
        # backtracks over the run takes minutes on 60 KB, so 10 s still tells them apart)
        assert time.perf_counter() - start < 10.0, line[:30]
    assert re.compile(TOKEN.pattern)  # the token regex compiles stand-alone


def test_steps_and_fields_in_other_layouts() -> None:
    def found(line: str) -> list[tuple[str, float, object, object]]:
        return [(o.name, o.value, o.step, o.epoch) for o in parse_text(line + "\n")]

    assert found("I0105 12:30:01.123 140 logging_writer.py:48] [100] train_loss=2.31") == [
        ("train_loss", 2.31, 100, None)]
    assert found("completed step: 10, TFLOP/s/device: 123.4, total_weights: 8192, "
                 "loss: 10.1") == [("TFLOP/s/device", 123.4, 10, None), ("loss", 10.1, 10, None)]
    assert found("max_step: 10 loss=0.5") == [("loss", 0.5, None, None)]
    assert found("Epoch #1: test_reward: 9.4 ± 0.48") == [("test_reward", 9.4, None, 1)]
    assert found("[INFO] Step 100/2000; acc: 10.23; sents: 1234; bsz: 1024/1024/32;") == [
        ("acc", 10.23, 100, None)]
    assert found("Ep. 1 : Cost 4.56789 : Time 123.45s : 12345.67 words/s") == [
        ("Cost", 4.56789, None, 1), ("Time", 123.45, None, 1), ("words/s", 12345.67, None, 1)]


def _seen(text: str) -> list[tuple[str, float, object, object]]:
    return [(o.name, o.value, o.step, o.epoch) for o in parse_text(text)]


def test_abbreviated_keys_name_the_epoch_the_step_and_counts() -> None:
    # Marian: "Ep." is the epoch, "Up." an update (the step), "Sen." counts sentences,
    # "L.r." is a metric's abbreviation, kept as printed; a spaced "key : value" on a line
    # that carries a step is a report, not a setting
    assert _seen("Ep. 3 : Up. 5350 : Sen. 299,352 : gNorm 0.8900 : L.r. 2.5000e-06\n") == [
        ("gNorm", 0.89, 5350, 3), ("L.r.", 2.5e-06, 5350, 3)]
    assert _seen("[valid] Ep. 3 : Up. 5300 : chrf : 66.2634 : stalled 1 times\n") == [
        ("valid_chrf", 66.2634, 5300, 3)]
    assert _seen("Saved. 12 files\n") == []


def test_a_rate_is_named_by_its_unit_and_a_counter_after_the_epoch_is_the_step() -> None:
    assert _seen("Epoch  1, 12900/37527; acc:   4.48; 3599 src tok/s; 3678 tgt tok/s;\n") == [
        ("acc", 4.48, 12900, 1), ("src_tok/s", 3599.0, 12900, 1),
        ("tgt_tok/s", 3678.0, 12900, 1)]
    # a download's or a bar's rate is not a metric
    assert _seen("Downloading: 12.5 MB/s; loss: 0.5\n") == [("loss", 0.5, None, None)]


def test_a_duration_is_named_by_the_participle_after_its_unit() -> None:
    log = "".join(f"[LightGBM] [Info] Iteration:{i}, valid_1 auc : 0.7{i}\n"
                  f"[LightGBM] [Info] {3.5 * i} seconds elapsed, finished iteration {i}\n"
                  for i in (1, 2))
    assert _seen(log) == [("valid_1_auc", 0.71, 1, None), ("elapsed", 3.5, 1, None),
                          ("valid_1_auc", 0.72, 2, None), ("elapsed", 7.0, 2, None)]
    # a one-off duration with no step is no report, and a unit with no participle no name
    assert _seen("Training done: 30.1 seconds elapsed\n") == []
    assert _seen("step 3: 2.5 seconds, loss 0.4\n") == [("loss", 0.4, 3, None)]


def test_a_bar_redrawn_line_by_line_repeats_its_unchanged_values() -> None:
    bar = ("Epoch 0:  92%|\u2588\u2588\u2588   | {n}/1016 [00:33<00:03, 27.7it/s, "
           "loss={v}, acc=0.875]\n")
    val = "Validation DataLoader 0:  46%|\u2588\u2588   | 73/157 [00:02<00:02, 37.48it/s]\n"
    log = bar.format(n=932, v=0.223) + bar.format(n=933, v=0.223) + val \
        + bar.format(n=934, v=0.223) + bar.format(n=935, v=0.2)
    assert _seen(log) == [("loss", 0.223, None, 0), ("acc", 0.875, None, 0),
                          ("loss", 0.2, None, 0)]
    # with nothing else to place it, the bar's count is the step: every redraw counts
    plain = "".join(f" 50%|###  | {n}/100 [00:01<00:01, loss=0.3]\n" for n in (50, 51))
    assert _seen(plain) == [("loss", 0.3, 50, None), ("loss", 0.3, 51, None)]
    # a line that prints its step after the bar is a report of that step
    stepped = "".join(f" 5%|#  | {n}/100 [00:01<00:01] - step={n} val_loss=0.4\n"
                      for n in (5, 10))
    assert _seen("Epoch 0: " + stepped) == [("val_loss", 0.4, 5, 0), ("val_loss", 0.4, 10, 0)]


def test_a_batch_index_in_brackets_is_the_step() -> None:
    # MXNet's Speedometer
    assert _seen("Epoch[4] Batch [450]\tSpeed: 63.71 samples/sec\tTrain-accuracy=0.198\n") \
        == [("Speed", 63.71, 450, 4), ("Train-accuracy", 0.198, 450, 4)]


def test_a_line_with_only_the_epoch_leaves_the_epochs_batches_behind() -> None:
    batches = "".join(f"Epoch[4] Batch [{b}]\tSpeed: 63.7 samples/sec\tTrain-accuracy=0.2\n"
                      for b in (400, 450, 500))  # a column block, then the line path
    found = _seen(batches + "Epoch[4] Time cost=84.725\nEpoch[4] Validation-accuracy=0.11\n")
    assert found[-3:] == [("Train-accuracy", 0.2, 500, 4), ("Time_cost", 84.725, None, 4),
                          ("Validation-accuracy", 0.11, None, 4)]
    # so does a global step: "step 100 ... / epoch 2 val_loss" reports the epoch
    assert _seen("epoch 2 step 100 loss=0.5\nepoch 2 val_loss=0.4\n")[-1] == (
        "val_loss", 0.4, None, 2)


def test_a_running_mean_bar_counts_its_last_render_only() -> None:
    """Keras' bar shows the epoch's running means: the first batch's frame is not a value
    of its own (History keeps one per epoch); a tqdm postfix is per step: every one counts."""
    from exptrack.metrics import parse_text

    keras = (b"Epoch 1/2\r\n\r\x1b[1m1/8\x1b[0m \x1b[32m\xe2\x94\x81\x1b[0m 0s 9ms/step - "
             b"accuracy: 0.5625 - loss: 0.8676" + b"\x08" * 20 + b"\r\x1b[1m8/8\x1b[0m 0s "
             b"4ms/step - accuracy: 0.5586 - loss: 0.7582 - val_loss: 0.5435\r\n"
             b"Epoch 2/2\r\n\r1/8 0s 2ms/step - accuracy: 0.5000 - loss: 0.6983\r8/8 0s "
             b"2ms/step - accuracy: 0.7656 - loss: 0.5214 - val_loss: 0.3630\r\n")
    found = [(o.name, o.value, o.epoch) for o in parse_text(keras) if o.name == "loss"]
    assert found == [("loss", 0.7582, 1), ("loss", 0.5214, 2)]
    tqdm = b"".join(f"\r 50%|#####     | {i}/8 [00:01<00:01, loss={0.9 - i / 10:.2f}]".encode()
                    for i in range(1, 9)) + b"\n"
    assert len([o for o in parse_text(tqdm) if o.name == "loss"]) == 8


def test_a_record_printed_over_a_bar_counts_even_when_it_repeats_a_value() -> None:
    """Hugging Face prints its eval records after a "\\r" on the bar's line; two evaluations
    that took the same 0.0033 s are two observations (a bar's repeated value is not)."""
    from exptrack.metrics import parse_text

    bar = " 33%|###       | 1/3 [00:00<00:00, 9.1it/s]"
    record = "{'eval_loss': '0.69', 'eval_runtime': '0.0033', 'epoch': '%d'}"
    data = "".join(f"\r{bar}\r\x1b[A{record % e}\r\n" for e in (1, 2)).encode()
    runtimes = [o for o in parse_text(data) if o.name == "eval_runtime"]
    assert [(o.value, o.epoch) for o in runtimes] == [(0.0033, 1), (0.0033, 2)]


def test_nested_key_paths_stay_short_on_deep_nesting() -> None:
    """A line of 10,000 nested dicts keeps paths of at most 16 keys (each path is copied
    once per container: an unbounded path made such a line quadratic, 0.8 s for 60 KB)."""
    from exptrack.metrics.nesting import _key_paths

    positions, paths = _key_paths("{'a': " * 10_000 + "1")
    assert len(positions) == 10_001
    assert max(len(path) for path in paths) == 16
    assert _key_paths("{'train': {'loss': [1, 2]}}")[1] == [
        (), ("",), ("", "train"), ("", "train", "loss"), ("", "train"), ("",), ()]

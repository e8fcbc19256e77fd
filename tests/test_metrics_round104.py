"""Round ``tune104`` (session 104). Each test of a rule fails on 60cb9ecc (this session's
start); the guards pin what must not change."""

from __future__ import annotations

import sys
from pathlib import Path

from conftest import track, track_json
from parsed import named
from parsed import names as names_of

from exptrack.metrics import files, merge
from exptrack.metrics.observation import Observation
from exptrack.metrics.parser import MetricParser

ZOO = Path(__file__).parent / "data" / "zoo"
DETR_LOG = ZOO / "detr_train" / "pipe" / "files" / "out" / "log.txt"

# ESPnet 202511's trainer (espnet2/train/reporter.py): a pair glued to the next one, no ", "
ESPNET = ("[vm] 2026-12-07 10:17:05,992 (trainer:811) INFO: 1epoch:train:1-5batch: "
          "iter_time=0.002, forward_time=0.009, loss_ctc=30.755, loss_att=15.008, "
          "acc=0.052loss=19.732, backward_time=0.004, grad_norm=36.321, clip=100.000, "
          "loss_scale=1.000optim_step_time=0.003, optim0_lr0=8.000e-04, train_time=0.021\n")


def test_a_pair_glued_to_the_next_pair_is_two_pairs() -> None:
    found = {name: value for name, value, _, _ in named(ESPNET)}
    assert found["train_acc"] == 0.052 and found["train_loss"] == 19.732
    assert found["train_loss_scale"] == 1.0 and found["train_optim_step_time"] == 0.003
    assert len(found) == 13
    assert [n for n, *_ in named("step 4: loss=0.5mse=0.3\n")] == ["loss", "mse"]


def test_a_guard_letters_after_a_number_stay_its_unit() -> None:
    # a unit glued to a value, then a colon: no pair glued ("Time 123.45s : 12.3")
    assert named("step 4: loss=0.5ms, acc=0.9\n") == [("loss", 0.5, 4, None),
                                                     ("acc", 0.9, 4, None)]


# ESPnet's epoch results: "[train]" labels its section; its "time" is the epoch's wall time
ESPNET_RESULTS = (
    "[vm] 2026-12-07 10:17:07,596 (trainer:394) INFO: 1epoch results: [train] "
    "iter_time=0.003, loss=17.246, train_time=0.025, time=0.26 seconds, total_count=10, "
    "[valid] loss=14.052, time=0.04 seconds, total_count=2\n")


def test_a_name_printed_as_it_is_wins_over_a_labels_phase_and_a_word() -> None:
    assert named(ESPNET_RESULTS) == [
        ("train_iter_time", 0.003, None, 1), ("train_loss", 17.246, None, 1),
        ("train_time", 0.025, None, 1), ("valid_loss", 14.052, None, 1),
        ("valid_time", 0.04, None, 1)]


def test_a_guard_a_name_twice_keeps_its_last_value() -> None:
    # lambeq's running "train/loss", then the epoch's: the last value, as before
    assert named("Epoch 3: train/loss: 0.5 train/acc: 0.7 train/loss: 0.4\n") == [
        ("train/acc", 0.7, None, 3), ("train/loss", 0.4, None, 3)]


def test_espnets_collect_stats_counter_and_its_estimate_are_no_metrics() -> None:
    # "Niter" counts collect_stats' batches; "Estimated time to finish" is an estimate
    assert named("[vm] 2026-12-07 10:16:54,143 (collect_stats:107) INFO: Niter: 5\n"
                 "[vm] 2026-12-07 10:16:54,155 (collect_stats:107) INFO: Niter: 10\n") == []
    assert named("[vm] 2026-12-07 10:17:09,200 (trainer:324) INFO: 2/3epoch started. "
                 "Estimated time to finish: 6.64 seconds\n") == []


def test_a_guard_a_time_to_a_goal_still_reads() -> None:
    assert named("Epoch 2: time to converge: 6.64\n") == [("time_to_converge", 6.64, None, 2)]


# CHGNet's Trainer (0.3: "Time (t)  Data (d)"; 0.4.2 prints the same summaries): a name's
# only value in parentheses right after it; a banner between rules names the next line's phase
CHGNET = (
    "Epoch: [0][12/12]\tTime (0.414)  Data (0.014)  Loss 0.0040 (0.0038)  MAEs:  "
    "e 0.054 (0.054)  f 0.005 (0.005)  \n"
    "*   e_MAE (0.028) \tf_MAE (0.006) \t\n"
    "---------Evaluate Model on Test Set---------------\n"
    "**  e_MAE (0.056) \tf_MAE (0.005) \t\n")


def test_a_names_only_value_in_parentheses_is_its_value() -> None:
    found = [(name, value) for name, value, _, _ in named(CHGNET)]
    assert found == [("Time", 0.414), ("Data", 0.014), ("Loss", 0.004), ("MAEs_e", 0.054),
                     ("MAEs_f", 0.005), ("e_MAE", 0.028), ("f_MAE", 0.006),
                     ("test_e_MAE", 0.056), ("test_f_MAE", 0.005)]


def test_a_guard_a_value_in_parentheses_after_a_value_stays_a_remark() -> None:
    assert named("step 3: loss 6.95 (6.96) acc 0.5 (0.4)\n") == [
        ("loss", 6.95, 3, None), ("acc", 0.5, 3, None)]
    assert named("Epoch 2: loss 0.5 (took 2500 ms)\n") == [("loss", 0.5, None, 2)]


def test_a_fields_label_names_its_one_letter_keys() -> None:
    # CHGNet 0.4.2: "| MAE e 4.366(4.320)  f 0.869(0.751) ...": each key's MAE
    line = ("Epoch: [0][8/8] | Time (1.017)(0.019) | Loss 22.1361(22.4315) | MAE e 4.366(4.320)"
            "  f 0.869(0.751)  s 3.003(3.302)  m 0.087(0.171)  \n")
    assert [n for n, *_ in named(line)] == ["Time", "Loss", "MAE_e", "MAE_f", "MAE_s", "MAE_m"]


def test_a_guard_a_one_letter_key_after_another_name_stays_bare() -> None:
    assert [n for n, *_ in named("step 2 | loss 0.5  q 0.3  r 0.2\n")] == ["loss", "q", "r"]
    assert [n for n, *_ in named("step 2 | MAE e 0.5  loss 0.4  f 0.2\n")] == [
        "MAE_e", "loss", "f"]


def test_detrs_log_txt_is_a_metric_file() -> None:
    data = DETR_LOG.read_bytes()
    assert files.kind_of("log.txt", data[:4096]) == files.FAIR_LOG
    assert files.kind_of("log.txt", b"epoch 1 loss 0.5\n") is None  # any other log.txt
    found = files.parse(files.FAIR_LOG, data)
    losses = [(o.value, o.epoch) for o in found if o.name == "train_loss"]
    assert [round(v, 6) for v, _ in losses] == [24.733771, 19.944716]
    assert [e for _, e in losses] == [0, 1]
    assert not {"epoch", "n_parameters", "test_coco_eval_bbox"} & {o.name for o in found}


# what DETR's main.py prints beside its log.txt: an epoch's training and test summaries
DETR_RUN = r"""
import json, os, sys
os.makedirs("out", exist_ok=True)
print("Averaged stats: lr: 0.000100  class_error: 100.00  loss: 25.1155 (24.7338)")
print("Test:  [0/1]  eta: 0:00:01  class_error: 100.00  loss: 22.8040 (22.8040)")
print("Averaged stats: class_error: 100.00  loss: 22.8040 (22.8040)")
with open("out/log.txt", "w") as f:
    f.write(json.dumps({"train_lr": 0.0001, "train_loss": 24.733771006266277,
                        "test_loss": 22.80398941040039, "epoch": 0,
                        "n_parameters": 41302368}) + "\n")
"""


def test_detrs_run_reads_its_log_txt(tmp_path: Path, track_home: Path) -> None:
    work = tmp_path / "work"
    work.mkdir()
    track("run", "--", sys.executable, "-c", DETR_RUN, cwd=work, check=True)
    metrics = track_json("show", "@")["metrics"]
    assert metrics["train_loss"]["last"] == 24.733771006266277
    assert metrics["test_loss"]["last"] == 22.80398941040039  # the file's, exact
    assert "n_parameters" not in metrics and "epoch" not in metrics


# LIBFFM's ffm-train with --auto-stop: the last row stops before its time (it breaks out
# of the loop after printing the losses)
LIBFFM = ("iter   tr_logloss   va_logloss      tr_time\n"
          "   1      0.64130      0.62553          0.0\n"
          "   2      0.56312      0.59911          0.0\n"
          "   3      0.51001      0.59017\n"
          "Auto-stop. Use model at 2th iteration.\n")


def test_a_rows_blank_last_columns_leave_them_out() -> None:
    found = named(LIBFFM)
    assert [(n, v, s) for n, v, s, _ in found if n != "tr_time"][-2:] == [
        ("tr_logloss", 0.51001, 3), ("va_logloss", 0.59017, 3)]
    assert [s for n, _, s, _ in found if n == "tr_time"] == [1, 2]


def test_a_guard_a_row_whose_cells_sit_under_other_names_is_no_short_row() -> None:
    # the values under the last two names, the first ones blank: not the first two's
    shifted = ("iter   tr_logloss   va_logloss      tr_time\n"
               "   1      0.64130      0.62553          0.0\n"
               "                       0.59911          0.0\n")
    assert [(n, v) for n, v, _, _ in named(shifted)] == [
        ("tr_logloss", 0.6413), ("va_logloss", 0.62553), ("tr_time", 0.0)]


def test_a_printed_name_of_no_phase_answers_to_an_evaluations_file_name_it_agrees_with() -> (
        None):
    # DeiT's evaluate() prints "* Acc@1 50.000 Acc@5 75.000 loss 5.023"; log.txt keeps the
    # same values as test_acc1, test_acc5 (its training's loss stays train_loss's)
    test = [Observation("test_acc1", 49.99999809265137, None, 0),
            Observation("test_acc5", 74.99999809265137, None, 0),
            Observation("train_loss", 6.9, None, 0), Observation("test_loss", 5.0234, None, 0)]
    printed = [Observation("Acc@1", 50.0, None, 0), Observation("Acc@5", 75.0, None, 0),
               Observation("loss", 6.9, None, 0)]
    kept, merged = merge.merge_sources(printed, [("fair_log", test)])
    assert kept == [] and set(merged) == {"test_acc1", "test_acc5", "train_loss", "test_loss"}
    # a printed value the evaluation's file does not hold is a series of its own
    other = [Observation("Acc@1", 48.0, None, 0)]
    kept, _ = merge.merge_sources(other, [("fair_log", test)])
    assert [o.name for o in kept] == ["Acc@1"]


# DI-engine's tabulate grids (ding 0.5.3): names in a "Name" row over their "Value" row
DING = """[12-07 11:54:59] INFO     [RANK0]: === Training Iteration 100 Result ===
                          +-------+------------+----------------+-------------+
                          | Name  | cur_lr_avg | total_loss_avg | q_value_avg |
                          +-------+------------+----------------+-------------+
                          | Value | 0.001000   | 0.093451       | 1.077357    |
                          +-------+------------+----------------+-------------+
[12-07 11:55:00] INFO     [EVALUATOR]env 1 finish episode, final reward: 11.0000, current episode: 1
"""


def test_a_grids_name_row_names_its_value_row() -> None:
    assert named(DING) == [("cur_lr_avg", 0.001, 100, None),
                           ("total_loss_avg", 0.093451, 100, None),
                           ("q_value_avg", 1.077357, 100, None),
                           ("final_reward", 11.0, 100, None)]  # ("current episode": a count)


def test_a_printed_series_two_file_series_hold_at_two_axes_is_the_first() -> None:
    at_iter = [Observation("learner_iter/total_loss_avg", 0.093451, 100, None)]
    at_step = [Observation("learner_step/total_loss_avg", 0.093451, 3200, None)]
    other = [Observation("collector_iter/total_loss_avg", 0.5, 100, None)]
    printed = [Observation("total_loss_avg", 0.093451, 100, None)]
    kept, merged = merge.merge_sources(printed, [("tfevents", at_iter + at_step + other)])
    assert kept == [] and len(merged["learner_iter/total_loss_avg"]) == 1


def test_digits_joined_to_a_word_open_a_key() -> None:
    # NeuralOperator's Trainer: each test loader's resolution opens its keys
    assert named("[0] time=0.12, avg_loss=0.9909, train_err=7.9276\n"
                 "Eval: 16_h1=0.9486, 16_l2=0.6137, 32_h1=0.9543, 32_l2=0.5924\n")[-4:] == [
        ("eval_16_h1", 0.9486, 0, None), ("eval_16_l2", 0.6137, 0, None),
        ("eval_32_h1", 0.9543, 0, None), ("eval_32_l2", 0.5924, 0, None)]


def test_a_guard_a_labels_number_stays_its_value() -> None:
    assert named("Epoch 2: val: 0.5\n") == [("val", 0.5, None, 2)]
    assert names_of("lambda_lap 10x: +0.1\nstep 3: batch 16 of 100\n") == set()


def test_the_positives_rank_is_a_metric_a_process_rank_is_not() -> None:
    # PyTorch-BigGraph 1.0.0's evaluation: the positive edge's mean rank among its negatives
    line = ("[Evaluator] Stats: pos_rank:  9.07125 , mrr:  0.266844 , r1:  0.0825 , "
            "r10:  0.7575 , auc:  0.9337 , count:  400\n")
    assert [n for n, *_ in named(line)] == ["pos_rank", "mrr", "r1", "r10", "auc"]
    assert names_of("step 3 loss 0.5 local_rank 1 dp_rank 0\n") == {"loss"}


# torchtitan 0.2.2's start-up (its `python -m torchtitan.train`), then its first step
TITAN = (
    "[titan] 2026-12-07 12:12:14,215 - root - INFO - Peak FLOPS used for computing MFU: "
    "3.120e+14\n"
    "[titan] 2026-12-07 12:12:14,223 - root - INFO - Trainer is initialized with local batch "
    "size 8, global batch size 8, gradient accumulation steps 1, sequence length 128, total "
    "steps 20 (warmup 2)\n"
    "[titan] 2026-12-07 12:12:15,274 - root - INFO - Building device mesh with parallelism: "
    "pp=1, dp_replicate=1, dp_shard=1, cp=1, tp=1, ep=1, etp=1\n"
    "[titan] 2026-12-07 12:12:15,307 - root - INFO - step:  1  loss:  8.05254  grad_norm:  "
    "1.8311  memory:  0.69GiB(2.94%)  tps: 884  tflops: 0.03  mfu: 0.01%\n")


def test_settings_a_setup_line_lists_are_no_metrics() -> None:
    assert named(TITAN) == [("loss", 8.05254, 1, None), ("grad_norm", 1.8311, 1, None),
                            ("memory", 0.69, 1, None), ("tps", 884.0, 1, None),
                            ("tflops", 0.03, 1, None), ("mfu", 0.01, 1, None)]


def test_a_guard_a_lines_integer_metrics_stay() -> None:
    assert named("Epoch 3: loss=1, acc=2, f1=3\n") == [
        ("loss", 1.0, None, 3), ("acc", 2.0, None, 3), ("f1", 3.0, None, 3)]
    assert names_of("step 2 peak_mfu: 45.2 tflops: 0.5\n") == {"peak_mfu", "tflops"}


# DreamerV3 (embodied, JAX): XLA's cost analysis of each compiled program, then a report
DREAMER = """Train cost analysis:
  FLOPS:            2.2e+09
  Memory (temp):    4.0e+07
  Memory (outputs): 2.1e+05

──────────────────────────────── Step 110 ────────────────────────────────
train/loss/con 0.61 / train/loss/count 3.58 / train/loss/dyn 1 / fps/train 1.71
"""


def test_a_cost_analysis_is_no_run_and_a_losss_part_named_count_is_a_loss() -> None:
    assert [n for n, *_ in named(DREAMER)] == ["train/loss/con", "train/loss/count",
                                              "train/loss/dyn", "fps/train"]
    assert names_of("Epoch 1 loss 0.3\nTotal FLOPs: 0\nFLOPs: 5\nfwd MACs: 11.4 GMACs\n"
                    "step 2 count 5 total_count 9\n") == {"loss"}


# a framework that writes its record deep under the working folder (on-policy's MAPPO:
# "onpolicy/scripts/results/MPE/simple_spread/rmappo/check/run1/logs/<tag>/<tag>/")
DEEP_RUN = r"""
import os
deep = os.path.join(*"results/MPE/simple_spread/rmappo/check/run1/logs/agent0/x/y".split("/"))
os.makedirs(deep)
with open(os.path.join(deep, "metrics.csv"), "w") as f:
    f.write("epoch,step,train_loss\n0,10,0.625\n1,20,0.5\n")
print("done")
"""


def test_a_metric_file_twelve_folders_down_is_read(tmp_path: Path, track_home: Path) -> None:
    work = tmp_path / "work"
    work.mkdir()
    track("run", "--", sys.executable, "-c", DEEP_RUN, cwd=work, check=True)
    assert track_json("show", "@")["metrics"]["train_loss"]["last"] == 0.5


# YOLOv6 under a pipe on a CPU: PyTorch's autocast warnings between its bar's renders
YOLOV6 = (
    "     Epoch        lr  iou_loss  dfl_loss  cls_loss\n"
    "\r       0/2      0.005     1.909         0     1.186:  33%|###   | 1/3 [00:02/x/engine.py"
    ":150: FutureWarning: `torch.cuda.amp.autocast(args...)` is deprecated.\n"
    "  with amp.autocast(enabled=self.device != 'cpu'):\n"
    "/x/autocast_mode.py:54: UserWarning: CUDA is not available. Disabling autocast.\n"
    "  super().__init__(\n"
    "\r       0/2      0.005     1.788         0     1.334:  67%|######| 2/3 "
    "[00:03<00:01,  1.5s/it]  /x/engine.py:150: FutureWarning: `torch.cuda.amp.autocast("
    "args...)` is deprecated.\n"
    "  with amp.autocast(enabled=self.device != 'cpu'):\n"
    "\r       0/2      0.005     1.747         0     1.374: 100%|######| 3/3 "
    "[00:04<00:00,  1.5s/it]\n")


def test_a_warning_printed_between_a_bars_renders_does_not_end_it() -> None:
    assert named(YOLOV6) == [("lr", 0.005, None, 0), ("iou_loss", 1.747, None, 0),
                             ("dfl_loss", 0.0, None, 0), ("cls_loss", 1.374, None, 0)]


def test_a_capitalised_word_cut_short_before_a_name_qualifies_it() -> None:
    # TorchKGE's LinkPredictionEvaluator.print_results(): raw and filtered ranks
    assert named("Hit@10 : 0.891 \t\t Filt. Hit@10 : 0.894\n"
                 "Mean Rank : 6 \t Filt. Mean Rank : 5\n") == [
        ("Hit@10", 0.891, None, None), ("Filt_Hit@10", 0.894, None, None),
        ("Mean_Rank", 6.0, None, None), ("Filt_Mean_Rank", 5.0, None, None)]
    # guard: ML-Agents' sentences still end before the name
    assert [n for n, *_ in named("Walker. Step: 10000. Time Elapsed: 22.3 s. Mean Reward: "
                                 "1.2\n")] == ["Time_Elapsed", "Mean_Reward"]


def test_a_bar_held_over_a_warning_keeps_its_values_when_the_output_ends() -> None:
    parser = MetricParser()
    found = []
    for chunk in (YOLOV6.split("\n", 1)[0].encode() + b"\n",
                  b"\r       0/2      0.005     1.909         0     1.186:  33%|###   | 1/3 "
                  b"[00:02", b"/x/engine.py:150: FutureWarning: deprecated.\n",
                  b"  with amp.autocast(enabled=True):\n"):  # (the run stopped there)
        found += parser.feed(chunk)
    found += parser.finish()
    assert [(o.name, o.value) for o in found] == [
        ("lr", 0.005), ("iou_loss", 1.909), ("dfl_loss", 0.0), ("cls_loss", 1.186)]

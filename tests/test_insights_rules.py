"""Each insight rule on synthetic curves and on resource samples shaped like the ones
`track run` records (GPU rows as parsed from `nvidia-smi` CSV output)."""

from __future__ import annotations

import math
import random
from pathlib import Path

from exptrack.capture.resources import parse_gpu_samples
from exptrack.insights import Point, RunData, Thresholds, diagnose
from exptrack.insights.pairs import pair_metrics

TH = Thresholds()


def curve(values: list[float]) -> list[Point]:
    return [Point(v, step=i + 1, epoch=i + 1) for i, v in enumerate(values)]


def problems(run: RunData) -> dict[str, object]:
    return {i.kind: i for i in diagnose(run, TH) if i.problem}


def test_pairs_as_users_write_them() -> None:
    names = ["loss", "val_loss", "train/box_loss", "val/box_loss", "train_acc", "test_acc",
             "eval_loss", "val_box_loss", "box_loss", "training_loss", "validation_loss"]
    assert dict(pair_metrics(names)) == {
        "val_loss": "loss", "val/box_loss": "train/box_loss", "test_acc": "train_acc",
        "eval_loss": "loss", "val_box_loss": "box_loss", "validation_loss": "training_loss"}


def test_noisy_validation_is_not_overfitting() -> None:
    rng = random.Random(1)
    train = [1 / (i + 1) for i in range(30)]
    val = [0.5 + rng.uniform(-0.03, 0.03) for _ in range(30)]
    run = RunData({"loss": curve(train), "val_loss": curve(val)},
                  {"loss": "min", "val_loss": "min"})
    assert "overfitting" not in problems(run)
    rising = val[:10] + [0.5 + 0.02 * i for i in range(20)]
    hit = problems(RunData({"loss": curve(train), "val_loss": curve(rising)},
                           {"loss": "min", "val_loss": "min"}))["overfitting"]
    assert hit.epoch == min(range(10), key=rising.__getitem__) + 1  # type: ignore[attr-defined]


def test_overfitting_needs_training_to_keep_improving() -> None:
    val = [0.5 - 0.05 * i for i in range(5)] + [0.3 + 0.05 * i for i in range(10)]
    stalled = [1.0] * 15
    run = RunData({"loss": curve(stalled), "val_loss": curve(val)},
                  {"loss": "min", "val_loss": "min"})
    assert "overfitting" not in problems(run)


def test_explosion_and_nan() -> None:
    exploding = [2.0, 1.5, 1.0, 0.8, 0.7, 9.0, 30.0, 80.0]
    hit = problems(RunData({"loss": curve(exploding)}, {"loss": "min"}))["divergence"]
    assert hit.step == 6  # type: ignore[attr-defined]
    rebound = [2.0, 1.0, 0.1, 0.4, 0.6, 0.7, 0.8]  # above 5x its minimum but not its start
    assert "divergence" not in problems(RunData({"loss": curve(rebound)}, {"loss": "min"}))
    transient = [2.0, 1.5, math.nan, 1.2, 1.1, 1.0, 0.9]  # fp16 skips a step, recovers
    assert "divergence" not in problems(RunData({"loss": curve(transient)}, {"loss": "min"}))
    # spaCy sums a loss over its logging interval: the first report covers one step.
    summed = [40.0, 2163.45, 1182.04, 1150.09, 1087.27, 1343.08]
    assert "divergence" not in problems(RunData({"loss": curve(summed)}, {"loss": "min"}))
    # deepspeech.pytorch's per-batch CTC loss (batches of longer utterances later): one low
    # batch and a loss back at heights it had reached is noise, no explosion
    noisy = [3.22, 3.69, 3.86, 1.99, 4.20, 10.10, 10.03, 12.37, 8.11, 5.78, 13.51, 8.88,
             5.89, 14.88, 11.89, 12.54, 13.13]
    assert "divergence" not in problems(RunData({"loss": curve(noisy)}, {"loss": "min"}))


def test_a_growing_part_of_a_steady_total_loss_is_no_divergence() -> None:
    total = [6.7, 0.80, 0.68, 0.60, 0.55, 0.52, 0.50, 0.49]
    part = [0.018, 0.014, 0.033, 0.045, 0.058, 0.076, 0.12, 0.14]  # cascade R-CNN's loss_loc_1
    directions = {"loss": "min", "loss_loc_1": "min"}
    assert "divergence" not in problems(
        RunData({"loss": curve(total), "loss_loc_1": curve(part)}, directions))
    alone = problems(RunData({"loss_loc_1": curve(part)}, {"loss_loc_1": "min"}))
    assert "divergence" in alone  # with no total loss to read it against, it is flagged
    nan_part = [0.018, 0.014, 0.033, math.nan, math.nan, math.nan, math.nan, math.nan]
    assert "divergence" in problems(
        RunData({"loss": curve(total), "loss_loc_1": curve(nan_part)}, directions))
    # InternEvo's per-language "loss/cn" is NaN from its first value on when no batch holds
    # Chinese tokens: never measured, no divergence of a steady total; alone, it still is
    never = [math.nan] * 8
    assert "divergence" not in problems(
        RunData({"loss": curve(total), "loss/cn": curve(never)},
                {"loss": "min", "loss/cn": "min"}))
    assert "divergence" in problems(RunData({"loss/cn": curve(never)}, {"loss/cn": "min"}))
    # ... a loss of its own that is NaN from its first value on still is
    assert "divergence" in problems(
        RunData({"loss": curve(total), "loss_loc_1": curve(never)}, directions))


def test_spikes_are_instability() -> None:
    rng = random.Random(2)
    values = [1.0 + rng.uniform(-0.02, 0.02) for _ in range(100)]
    assert "instability" not in problems(RunData({"loss": curve(values)}, {"loss": "min"}))
    for at in (40, 60, 80):
        values[at] = 5.0
    hit = problems(RunData({"loss": curve(values)}, {"loss": "min"}))["instability"]
    assert hit.step == 41 and hit.data["spikes"] == 3  # type: ignore[attr-defined]


def test_a_heavy_tailed_per_batch_loss_is_no_instability() -> None:
    # Oscar-Paddle's converged contrastive batch_loss: ~0.0003, one batch in seven at 0.03-0.1
    rng = random.Random(4)
    values = [0.0003 + rng.uniform(-0.0002, 0.0002) for _ in range(160)]
    for at in range(25, 160, 7):
        values[at] = 0.03 + 0.01 * (at % 5)
    assert "instability" not in problems(RunData({"batch_loss": curve(values)},
                                                 {"batch_loss": "min"}))


def test_plateau_of_a_validation_metric_with_its_cost() -> None:
    val = [1.0 - 0.1 * i for i in range(5)] + [0.62] * 0 + [0.6 + 0.001 * (i % 3) + 0.001
                                                            for i in range(10)]
    val[4] = 0.6
    points = [Point(v, step=i + 1, time=60.0 * (i + 1)) for i, v in enumerate(val)]
    run = RunData({"val_loss": points}, {"val_loss": "min"}, duration_s=60.0 * len(val))
    hit = problems(run)["plateau"]
    assert "early stopping" in hit.message and "10m00s" in hit.message  # type: ignore


def test_a_new_fold_is_no_spike() -> None:
    rng = random.Random(3)
    fold1 = [0.08 + rng.uniform(-0.005, 0.005) for _ in range(30)]
    fold2 = [0.32 * 0.85 ** i for i in range(12)]  # the next fold starts high again
    points = [Point(v, epoch=20 + i) for i, v in enumerate(fold1)] \
        + [Point(v, epoch=1 + i) for i, v in enumerate(fold2)]
    assert "instability" not in problems(RunData({"tr_loss": points}, {"tr_loss": "min"}))
    one_run = [Point(v, epoch=1 + i) for i, v in enumerate(fold1 + fold2)]
    assert "instability" in problems(RunData({"tr_loss": one_run}, {"tr_loss": "min"}))


def test_a_running_mean_within_one_epoch_is_no_flat_curve() -> None:
    means = [3.1953 - 0.0017 * i for i in range(21)]  # "Epoch 1 Loss 3.19" after each batch
    within = [Point(v, epoch=1) for v in means]
    assert "not_learning" not in problems(RunData({"Loss": within}, {"Loss": "min"}))
    steps = [Point(v, step=i + 1, epoch=1) for i, v in enumerate(means)]
    assert "not_learning" in problems(RunData({"Loss": steps}, {"Loss": "min"}))


def test_an_excerpt_from_the_middle_of_an_epoch_is_no_flat_start() -> None:
    values = [17.6432 - 0.0025 * i for i in range(9)]  # "[ 400/4003]" ... "[ 480/4003]"
    middle = [Point(v, step=400 + 10 * i, epoch=0) for i, v in enumerate(values)]
    assert "not_learning" not in problems(RunData({"loss": middle}, {"loss": "min"}))
    first = [Point(v, step=10 + 10 * i, epoch=0) for i, v in enumerate(values)]
    assert "not_learning" in problems(RunData({"loss": first}, {"loss": "min"}))


def test_a_validation_timing_is_no_headline() -> None:
    timing = [Point(0.02 - 0.001 * i if i < 4 else 0.0175 + 0.0005 * (i % 3), epoch=i + 1)
              for i in range(12)]  # best at epoch 4 of 12
    acc = [Point(0.5 + 0.03 * i, epoch=i + 1) for i in range(12)]
    run = RunData({"val_time": timing, "val_acc": acc}, {"val_time": "min", "val_acc": "max"})
    assert "plateau" not in problems(run)
    alone = RunData({"val_loss": timing}, {"val_loss": "min"})
    assert "plateau" in problems(alone)
    # pyGAT's "GAT validation: time elapsed= 6.49 [s]": a duration however it ends
    for name in ("validation_time_elapsed", "val_duration"):
        elapsed = RunData({name: timing, "val_acc": acc}, {name: "min", "val_acc": "max"})
        assert "plateau" not in problems(elapsed), name


SMI_BUSY_CPU = "0, 12, 31500\n1, 0, 5\n"  # GPU 0 in use but idle, GPU 1 not this run's
SMI_UNUSED = "0, 0, 3\n"


def samples(smi: str, cpu: float, seconds: int = 60,
            rss: list[int] | None = None) -> list[dict[str, object]]:
    return [{"elapsed_s": float(t), "rss_bytes": (rss or [10**9] * seconds)[t],
             "cpu_percent": cpu, "threads": 4, "processes": 1,
             "gpus": parse_gpu_samples(smi)} for t in range(seconds)]


GPUS = [{"index": 0, "memory_total_mib": 32768.0}, {"index": 1, "memory_total_mib": 32768.0}]


def test_gpu_idle_while_a_core_is_saturated_is_input_bound() -> None:
    run = RunData({}, {}, samples=samples(SMI_BUSY_CPU, cpu=101.0), gpus=GPUS)
    found = problems(run)
    assert set(found) == {"input_bound", "gpu_memory"}  # 31500 of 32768 MiB: 96%
    busy_gpu = RunData({}, {}, samples=samples("0, 97, 20000\n", cpu=101.0), gpus=GPUS)
    assert problems(busy_gpu) == {}


def test_gpu_present_but_unused() -> None:
    found = problems(RunData({}, {}, samples=samples(SMI_UNUSED, cpu=100.0), gpus=GPUS))
    assert set(found) == {"gpu_unused"}


def test_host_memory_growing_is_a_leak() -> None:
    growing = [10**9 + t * 50 * 2**20 for t in range(60)]
    found = problems(RunData({}, {}, samples=samples("0, 95, 100\n", 100.0, rss=growing),
                             gpus=GPUS))
    assert set(found) == {"memory_leak"}
    steady = [2 * 10**9 + (t % 5) * 2**20 for t in range(60)]
    assert problems(RunData({}, {}, samples=samples("0, 95, 100\n", 100.0, rss=steady),
                            gpus=GPUS)) == {}


def test_killed_at_the_memory_limit_is_oom() -> None:
    record = {"status": "interrupted", "signal": "SIGKILL", "exit_code": 137}
    host = {"memory_total_bytes": 64 * 2**30, "memory_limit_bytes": 8 * 2**30}
    run = RunData({}, {}, record=record, resources={"peak_rss_bytes": int(7.9 * 2**30)},
                  host=host)
    assert problems(run)["oom"].severity == "error"  # type: ignore[attr-defined]
    run.resources = {"peak_rss_bytes": 2 * 2**30}
    assert problems(run) == {}


def test_a_big_metrics_file_is_sampled_and_still_diagnosed(tmp_path: Path) -> None:
    """Past 8 MB the rows are sampled (decoding millions of observations would hold up the
    end of `track run` for seconds); a loss that turns NaN for good is still found, at a
    step within the sampling stride."""

    from exptrack.insights import run_insights
    from exptrack.insights.load import READ_WHOLE_BYTES, _stride

    rows = 600_000
    lines = ['{"format":2}', '{"names":["loss","acc"]}']
    for step in range(rows):
        loss = "\"nan\"" if step >= 400_000 else f"{2.0 / (1 + step / 1000):.5f}"
        lines.append(f"[0,{loss},{step}]")
        lines.append(f"[1,{min(0.99, step / rows):.4f},{step}]")
    path = tmp_path / "metrics.jsonl"
    path.write_text("\n".join(lines) + "\n")
    size = path.stat().st_size
    assert size > READ_WHOLE_BYTES
    stride = _stride(size)
    assert stride > 1
    found = {i.kind: i for i in run_insights(tmp_path)}
    assert "divergence" in found, found
    assert 400_000 <= (found["divergence"].step or 0) <= 400_000 + 2 * stride


def test_two_runs_printed_into_one_log_are_judged_by_the_last() -> None:
    # a first run that reached a tiny loss, then a second run from epoch 1 again (k-fold,
    # a re-run appended to the same log): no divergence, overfitting or plateau across them
    first = [0.0012, 0.0004, 0.00024]
    second = [0.137, 0.055, 0.043, 0.037, 0.036, 0.034, 0.032, 0.031, 0.031, 0.030]
    val = curve(first) + curve(second)
    train = curve([0.2, 0.15, 0.1]) + curve([0.3 - 0.02 * i for i in range(10)])
    run = RunData({"loss": train, "val_loss": val}, {"loss": "min", "val_loss": "min"})
    assert set(problems(run)) == set()
    # the same values as one run: the second half does explode
    joined = [Point(p.value, step=i + 1, epoch=i + 1) for i, p in enumerate(val)]
    single = RunData({"loss": curve([p.value for p in train]), "val_loss": joined},
                     {"loss": "min", "val_loss": "min"})
    assert "divergence" in problems(single)


def test_a_validation_bar_within_one_epoch_is_no_plateau() -> None:
    # a tqdm bar's running val_loss, redrawn 40 times during epoch 11
    val = [Point(1.84 + 0.01 * math.sin(i), step=None, epoch=11) for i in range(40)]
    run = RunData({"val_loss": val}, {"val_loss": "min"})
    assert "plateau" not in problems(run)
    spread = [Point(p.value, step=None, epoch=i + 1) for i, p in enumerate(val)]
    assert "plateau" in problems(RunData({"val_loss": spread}, {"val_loss": "min"}))


def test_test_episodes_after_the_last_epoch_are_no_plateau() -> None:
    # Prototypical Networks: "[test episode 50/600] => loss: 1.73" ... after "[epoch 100/100,
    # episode 100/100]": twelve evaluations of one model, their order no training progress
    losses = [1.73, 1.59, 1.77, 1.66, 1.71, 1.64, 1.71, 1.72, 1.70, 1.69, 1.75, 1.72]
    test = [Point(v, step=50 * (i + 1), epoch=100) for i, v in enumerate(losses)]
    assert "plateau" not in problems(RunData({"test_loss": test}, {"test_loss": "min"}))
    # the same values over the steps of a first epoch are training progress
    first = [Point(p.value, step=p.step, epoch=1) for p in test]
    assert "plateau" in problems(RunData({"test_loss": first}, {"test_loss": "min"}))

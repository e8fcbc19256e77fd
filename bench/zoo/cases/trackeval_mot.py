"""TrackEval (the multi-object tracking evaluator behind the MOTChallenge, KITTI and
DanceTrack leaderboards; what Ultralytics/BoxMOT users run on their trackers' output) on two
synthetic MOT17-format sequences, evaluated as its ``scripts/run_mot_challenge.py`` does:
``Evaluator(default config).evaluate([MotChallenge2DBox], [HOTA, CLEAR, Identity])``.

It prints its configuration, a timing line per sequence, and then a fixed-width table per
metric family (``%-35s`` label, ``%-10s`` cells): the header ``HOTA: <tracker>-<class>``
and the family's summary fields, a row per sequence, and the ``COMBINED`` row, the values
of the whole benchmark. Truth: the ``COMBINED_SEQ`` results ``evaluate`` returns (its own
record, written to ``pedestrian_summary.txt`` too), named ``<class>/<field>`` as the result
is keyed (``res['COMBINED_SEQ'][cls][family][field]``); the printed value is ``100 * v``
to five significant digits (HOTA's fields the mean over its 19 thresholds). The integer
fields (CLEAR's ``CLR_TP``, ``IDSW``, ``MT``..., Identity's ``IDTP``..., the Count family)
are counts of boxes and tracks, no metric: in neither list. The per-sequence rows are the
parts of the COMBINED row: not series of their own.

# zoo-venv: trackeval
"""

from importlib.metadata import version
from pathlib import Path

import numpy as np
import trackeval
from _truth import write_truth

rng = np.random.default_rng(0)
root = Path("data")
gt_root = root / "gt" / "MOT17-train"
tracker_root = root / "trackers" / "MOT17-train" / "synth_tracker" / "data"
tracker_root.mkdir(parents=True)
seq_lengths = {"MOT17-02-SYN": 40, "MOT17-05-SYN": 30}
for seq, frames in seq_lengths.items():
    (gt_root / seq / "gt").mkdir(parents=True)
    gt_rows, tr_rows = [], []
    objects = 6 if seq.endswith("02-SYN") else 4
    start = rng.uniform(50, 900, size=(objects, 2))
    speed = rng.uniform(-6, 6, size=(objects, 2))
    size = rng.uniform(40, 120, size=(objects, 2))
    for frame in range(1, frames + 1):
        for obj in range(objects):
            x, y = start[obj] + speed[obj] * frame
            w, h = size[obj]
            gt_rows.append(f"{frame},{obj + 1},{x:.1f},{y:.1f},{w:.1f},{h:.1f},1,1,1.0")
            if rng.random() < 0.12:  # a missed detection
                continue
            track = obj + 1 if frame < frames // 2 or obj != 0 else 99  # an identity switch
            jitter = rng.normal(0, 4, size=4)
            tr_rows.append(f"{frame},{track},{x + jitter[0]:.1f},{y + jitter[1]:.1f},"
                           f"{w + jitter[2]:.1f},{h + jitter[3]:.1f},0.9,-1,-1,-1")
        if rng.random() < 0.2:  # a false positive
            tr_rows.append(f"{frame},{500 + frame},10.0,10.0,30.0,60.0,0.5,-1,-1,-1")
    (gt_root / seq / "gt" / "gt.txt").write_text("\n".join(gt_rows) + "\n")
    (tracker_root / f"{seq}.txt").write_text("\n".join(tr_rows) + "\n")

eval_config = trackeval.Evaluator.get_default_eval_config()
eval_config["DISPLAY_LESS_PROGRESS"] = False  # as run_mot_challenge.py sets it
eval_config["USE_PARALLEL"] = False
eval_config["PLOT_CURVES"] = False  # (no matplotlib figures in a zoo run)
dataset_config = trackeval.datasets.MotChallenge2DBox.get_default_dataset_config()
dataset_config.update({"GT_FOLDER": str(root / "gt"), "TRACKERS_FOLDER": str(root / "trackers"),
                       "BENCHMARK": "MOT17", "SPLIT_TO_EVAL": "train",
                       "SEQ_INFO": dict(seq_lengths)})
evaluator = trackeval.Evaluator(eval_config)
metrics_list = [trackeval.metrics.HOTA(), trackeval.metrics.CLEAR(), trackeval.metrics.Identity()]
output_res, _ = evaluator.evaluate([trackeval.datasets.MotChallenge2DBox(dataset_config)],
                                   metrics_list)

combined = output_res["MotChallenge2DBox"]["synth_tracker"]["COMBINED_SEQ"]["pedestrian"]
truth = {}
for metric in metrics_list:
    results = combined[metric.get_name()]
    for field in metric.summary_fields:
        if field in metric.integer_fields:
            continue  # a count, no metric
        value = 100 * float(np.mean(results[field]))
        # printed "{0:1.5g}": five significant digits
        truth[f"pedestrian/{field}"] = {"key": "step", "values": [[None, value]],
                                        "rel_tolerance": 5e-5, "tolerance": 1e-9}
write_truth("TrackEval", version("trackeval"),
            "Evaluator.evaluate() output_res[dataset][tracker]['COMBINED_SEQ'][cls][family]"
            " (the summary fields; the integer ones are counts)", truth)

"""py-motmetrics (the CLEAR MOT / identity metrics library behind FairMOT's, JDE's and
ByteTrack's evaluation scripts) on two synthetic sequences, printed as those scripts print
it: ``mh.compute_many(accs, metrics=mm.metrics.motchallenge_metrics, names=seqs,
generate_overall=True)`` and ``print(mm.io.render_summary(summary, formatters=mh.formatters,
namemap=mm.io.motchallenge_metric_names))``: a pandas table, a row per sequence and the
``OVERALL`` row, its header indented by the index column and its cells right-aligned.

Truth: the ``OVERALL`` row of the computed summary (the library's own record, a DataFrame)
for the rate columns, named as printed (the MOTChallenge names: ``IDF1``, ``Rcll``,
``MOTA``...); the formatters print a rate as a percentage with one decimal and MOTP with
three. The count columns (``GT``, ``MT``, ``FP``, ``IDs``, ``FM``, ``IDt``...) count
trajectories and boxes, no metrics; the sequences' rows are the parts of OVERALL.

# zoo-venv: motmetrics
"""

from importlib.metadata import version

import motmetrics as mm
import numpy as np
from _truth import write_truth

rng = np.random.default_rng(0)
accs, seqs = [], ["MOT17-02-SYN", "MOT17-05-SYN"]
for objects, frames in [(6, 40), (4, 30)]:
    acc = mm.MOTAccumulator(auto_id=True)
    start = rng.uniform(50, 900, size=(objects, 2))
    speed = rng.uniform(-6, 6, size=(objects, 2))
    size = rng.uniform(40, 120, size=(objects, 2))
    for frame in range(1, frames + 1):
        gt_ids, gt_boxes, hyp_ids, hyp_boxes = [], [], [], []
        for obj in range(objects):
            x, y = start[obj] + speed[obj] * frame
            gt_ids.append(obj + 1)
            gt_boxes.append([x, y, *size[obj]])
            if rng.random() < 0.12:  # a miss
                continue
            hyp_ids.append(obj + 1 if frame < frames // 2 or obj != 0 else 99)  # a switch
            hyp_boxes.append(np.array([x, y, *size[obj]]) + rng.normal(0, 4, size=4))
        if rng.random() < 0.2:  # a false positive
            hyp_ids.append(500 + frame)
            hyp_boxes.append([10.0, 10.0, 30.0, 60.0])
        distances = mm.distances.iou_matrix(np.array(gt_boxes), np.array(hyp_boxes).reshape(-1, 4),
                                            max_iou=0.5)
        acc.update(gt_ids, hyp_ids, distances)
    accs.append(acc)

mh = mm.metrics.create()
summary = mh.compute_many(accs, metrics=mm.metrics.motchallenge_metrics, names=seqs,
                          generate_overall=True)
print(mm.io.render_summary(summary, formatters=mh.formatters,
                           namemap=mm.io.motchallenge_metric_names))

overall = summary.loc["OVERALL"]
names = mm.io.motchallenge_metric_names
truth = {}
for key in ("idf1", "idp", "idr", "recall", "precision", "mota"):  # printed "{:.1%}"
    truth[names[key]] = {"key": "step", "values": [[None, 100 * float(overall[key])]],
                         "tolerance": 0.05}
truth[names["motp"]] = {"key": "step", "values": [[None, float(overall["motp"])]],
                        "tolerance": 5e-4}  # printed "{:.3f}"
write_truth("py-motmetrics", version("motmetrics"),
            "mh.compute_many(..., generate_overall=True).loc['OVERALL'] (the rate columns; the"
            " others count)", truth)

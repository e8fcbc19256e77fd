"""PyKEEN: ``pipeline(training=..., testing=..., model='TransE', epochs=5)`` on a tiny
synthetic knowledge graph (40 entities, 4 relations) built with
``TriplesFactory.from_labeled_triples`` and split 80/20, default printing: tqdm's epoch bar
with the postfix ``loss=1.2, prev_loss=nan`` (tqdm's ``{:.3g}``), a per-epoch batch bar,
the evaluation's ``Evaluating on cpu`` bar and its logged ``Evaluation took 0.11s seconds``.
Truth: ``result.losses`` (one loss an epoch, 1-based as the bar counts).

Judgements: ``loss`` is PyKEEN's own postfix key for ``losses_per_epochs[-1]``, keyed by
epoch. ``prev_loss`` is that same record printed again one epoch late (``nan`` at epoch 1),
no series of its own, like a running best printed again: ``also_ok``. The evaluation's
``result.metric_results`` (hits_at_k, mean ranks, ... per side and rank type) is never
printed by default (no result tracker, the evaluator only logs its duration), and PyKEEN
writes no metric file unless asked (``save_to_directory``), so it is not in the truth;
``notes`` says so. ``Evaluation took`` (a duration) and the bars' rates
(``epoch/s``, ``batch/s``, ``triple/s``, or ``s/epoch`` ... when slow) are ``also_ok``."""

import numpy as np
import pykeen
from _truth import series, write_truth
from pykeen.pipeline import pipeline
from pykeen.triples import TriplesFactory

rng = np.random.default_rng(0)
entities = [f"e{i}" for i in range(40)]
relations = [f"r{i}" for i in range(4)]
heads, rels, tails = (rng.integers(0, 40, 600), rng.integers(0, 4, 600),
                      rng.integers(0, 40, 600))
triples = sorted({(entities[h], relations[r], entities[t])
                  for h, r, t in zip(heads, rels, tails, strict=False) if h != t})
factory = TriplesFactory.from_labeled_triples(np.array(triples, dtype=str))
training, testing = factory.split([0.8, 0.2], random_state=0)

result = pipeline(training=training, testing=testing, model="TransE", epochs=5,
                  random_seed=0, device="cpu")

# tqdm's set_postfix prints a float as f"{value:.3g}": 3 significant digits
metrics = {"loss": series(enumerate(result.losses, 1), "epoch", rel_tolerance=5e-3)}
evaluated = result.metric_results.to_flat_dict()
write_truth("pykeen", pykeen.get_version(), "result.losses (PipelineResult)", metrics,
            also_ok=["prev_loss", "evaluation_took", "epoch/s", "batch/s", "triple/s",
                     "s/epoch", "s/batch", "s/triple"],
            notes=f"result.metric_results ({len(evaluated)} values, e.g. "
                  f"both.realistic.hits_at_10 = {evaluated['both.realistic.hits_at_10']:.4f}) "
                  "is never printed by default, so no truth metric")

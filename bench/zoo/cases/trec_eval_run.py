"""trec_eval (NIST's information-retrieval evaluator: what Pyserini's and Anserini's
regressions and most retrieval papers run) on a synthetic run over 8 queries, with the
measures a retrieval recipe asks for: ``trec_eval -m map -m P.5,10 -m recip_rank -m
ndcg_cut.10 qrels run``, once over all queries and once per query (``-q``: a line per query,
then the ``all`` line). It prints ``%-22s\\t%s\\t%6.4f``: ``map                   \\tall\\t
0.4521``.

trec_eval is no pip package: the case runs the binary built from its repository
(usnistgov/trec_eval at f4253652c8efd0d86ddffd0d163cc0a0f813111a, ``make`` in
``$ZOO_REPOS/trec_eval``, default ``~/.cache/exptrack-zoo/repos/trec_eval``).

Truth: trec_eval keeps no record but what it prints, so the case computes each measure
from the same qrels and run by its TREC definition (average precision over the relevant
documents, precision at 5 and 10, the reciprocal rank of the first relevant document,
nDCG at 10 with gain = the relevance grade and 1/log2(rank + 1) discounts, the ideal
ranking from the qrels), each averaged over the queries; printed to four decimals. A
query's line (``-q``) is a part of the ``all`` line: in neither list; so are ``num_q``,
``num_ret``, ``num_rel``, ``num_rel_ret`` (counts) and ``runid``. Both runs print each
measure, so each series has two observations of the same value.

# zoo-venv: treceval
"""

import math
import os
import random
import subprocess
from pathlib import Path

from _truth import write_truth

repos = Path(os.environ.get("ZOO_REPOS", Path.home() / ".cache" / "exptrack-zoo" / "repos"))
binary = repos / "trec_eval" / "trec_eval"
rng = random.Random(0)
qrels, run = [], []
for query in range(401, 409):
    docs = [f"D{query}-{i:03d}" for i in range(60)]
    grades = {doc: rng.choice([0, 0, 0, 1, 1, 2]) for doc in docs[:30]}
    qrels += [f"{query} 0 {doc} {grade}" for doc, grade in grades.items()]
    ranked = sorted(docs, key=lambda doc: grades.get(doc, 0) + rng.random() * 4.5,
                    reverse=True)[:40]
    run += [f"{query} Q0 {doc} {rank} {40 - rank:.3f} synth_bm25"
            for rank, doc in enumerate(ranked, 1)]
Path("qrels.txt").write_text("\n".join(qrels) + "\n")
Path("run.txt").write_text("\n".join(run) + "\n")
measures = ["-m", "map", "-m", "P.5,10", "-m", "recip_rank", "-m", "ndcg_cut.10"]
subprocess.run([str(binary), *measures, "qrels.txt", "run.txt"], check=True)
subprocess.run([str(binary), "-q", *measures, "qrels.txt", "run.txt"], check=True)

judged: dict[str, dict[str, int]] = {}
for line in qrels:
    query, _, doc, grade = line.split()
    judged.setdefault(query, {})[doc] = int(grade)
ranking: dict[str, list[str]] = {}
for line in run:
    query, _, doc, *_ = line.split()
    ranking.setdefault(query, []).append(doc)

totals = {"map": 0.0, "recip_rank": 0.0, "P_5": 0.0, "P_10": 0.0, "ndcg_cut_10": 0.0}
for query, docs in ranking.items():
    grades = judged[query]
    relevant = sum(1 for grade in grades.values() if grade > 0)
    hits, precision_sum, first = 0, 0.0, 0.0
    for rank, doc in enumerate(docs, 1):
        if grades.get(doc, 0) > 0:
            hits += 1
            precision_sum += hits / rank
            first = first or 1 / rank
    totals["map"] += precision_sum / relevant if relevant else 0.0
    totals["recip_rank"] += first
    for cut in (5, 10):
        totals[f"P_{cut}"] += sum(1 for doc in docs[:cut] if grades.get(doc, 0) > 0) / cut
    dcg = sum(grades.get(doc, 0) / math.log2(rank + 1) for rank, doc in enumerate(docs[:10], 1))
    ideal = sorted(grades.values(), reverse=True)[:10]
    idcg = sum(grade / math.log2(rank + 1) for rank, grade in enumerate(ideal, 1))
    totals["ndcg_cut_10"] += dcg / idcg if idcg else 0.0
count = len(ranking)
write_truth(
    "trec_eval", "10.0 (f4253652)",
    "each measure computed from qrels.txt and run.txt by its TREC definition (trec_eval keeps"
    " no record but its output), averaged over the queries; printed twice (all, then -q)",
    {name: {"key": "step", "values": [[None, total / count], [None, total / count]],
            "tolerance": 5e-5}
     for name, total in totals.items()})

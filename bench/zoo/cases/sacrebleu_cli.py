"""SacreBLEU's command line (the standard BLEU/chrF/TER scorer of machine translation: what
fairseq's, OpenNMT's and Hugging Face's translation recipes tell users to run on their
detokenized output), scoring two synthetic translation sets as a recipe's evaluation step
does: the dev set with ``sacrebleu dev.ref -i dev.hyp -m bleu chrf ter`` (JSON, the default
since 2.0: a list of indented objects, each with its ``signature`` and settings), the test
set with ``-f text`` (``BLEU|nrefs:1|...|version:2.6.0 = 34.9 75.0/46.2/30.0/14.3 (BP =
...)``). (1.x's ``BLEU+case.mixed+numrefs.1+... = 27.3`` form is no longer printed by 2.x's
command line; the parser's reading of it is tested in tests/test_metrics_round94.py.)

Truth: the same scores from SacreBLEU's Python API (``BLEU().corpus_score(hyps, [refs])``,
``CHRF()``, ``TER()``), named by the metric's own name as the output prints it (``BLEU``,
``chrF2``, ``TER``): BLEU twice (dev, then test), chrF2 and TER once. The command line rounds
a score to one decimal. The signature's fields are settings; the verbose score's n-gram
precisions and lengths are parts of BLEU: in neither list.

# zoo-venv: sacrebleu
"""

import subprocess
import sys
from importlib.metadata import version
from pathlib import Path

import numpy as np
from _truth import write_truth
from sacrebleu.metrics import BLEU, CHRF, TER

rng = np.random.default_rng(0)
WORDS = ["the", "a", "cat", "dog", "sat", "ran", "on", "under", "mat", "table", "quickly",
         "slowly", "red", "blue", "house", "garden", "small", "big", "old", "new", "river",
         "bridge", "walks", "sees", "finds"]


def make_set(prefix: str, size: int) -> tuple[list[str], list[str]]:
    refs, hyps = [], []
    for _ in range(size):
        ref = list(rng.choice(WORDS, size=int(rng.integers(6, 12))))
        hyp = [w if rng.random() > 0.25 else str(rng.choice(WORDS)) for w in ref]
        if rng.random() < 0.3:
            hyp = hyp[:-1]
        refs.append(" ".join(ref))
        hyps.append(" ".join(hyp))
    Path(f"{prefix}.ref").write_text("\n".join(refs) + "\n")
    Path(f"{prefix}.hyp").write_text("\n".join(hyps) + "\n")
    return refs, hyps


dev_refs, dev_hyps = make_set("dev", 40)
test_refs, test_hyps = make_set("test", 40)
cli = [sys.executable, "-m", "sacrebleu"]
print("Scoring the dev set", flush=True)
subprocess.run([*cli, "dev.ref", "-i", "dev.hyp", "-m", "bleu", "chrf", "ter"], check=True)
print("Scoring the test set", flush=True)
subprocess.run([*cli, "test.ref", "-i", "test.hyp", "-f", "text"], check=True)

bleu = [BLEU().corpus_score(hyps, [refs]).score
        for refs, hyps in ((dev_refs, dev_hyps), (test_refs, test_hyps))]
write_truth(
    "sacrebleu", version("sacrebleu"),
    "sacrebleu.metrics BLEU/CHRF/TER .corpus_score(hyps, [refs]).score (dev, then test)",
    {
        "BLEU": {"key": "step", "values": [[None, bleu[0]], [None, bleu[1]]], "tolerance": 0.05},
        "chrF2": {"key": "step", "values": [[None, CHRF().corpus_score(dev_hyps, [dev_refs])
                                             .score]], "tolerance": 0.05},
        "TER": {"key": "step", "values": [[None, TER().corpus_score(dev_hyps, [dev_refs])
                                           .score]], "tolerance": 0.05},
    })

"""BERTScore's command line (``bert-score``, pip ``bert-score`` 0.3.13: the embedding-based
text-generation metric of Zhang et al., greedy cosine matching of contextual token embeddings,
reported as precision, recall and F1 over a candidate file against a reference file), run as
its README's CLI section runs it: ``bert-score -r refs.txt -c hyps.txt --lang en``, with the
README's own form for a local model, ``--model path_to_my_bert --num_layers 9``, since the
default ``roberta-large`` would be downloaded. Here: ``bert-score -r refs.txt -c hyps.txt
--lang en --model tiny-bert --num_layers 2``, then the same with ``--idf`` (the README's other
scoring switch that needs nothing downloaded; ``--rescale_with_baseline`` reads a baseline
file for the model that exists only for the published models, so it is not run). Each is
the installed console script (``<venv>/bin/bert-score``, ``bert_score_cli.score:main``) in a
subprocess of the case.

The model: ``tiny-bert/``, a 2-layer BERT (``BertConfig(hidden_size=32,
num_hidden_layers=2, num_attention_heads=2, intermediate_size=64)``, weights as initialised
under ``torch.manual_seed(0)``, never trained) with a WordPiece tokenizer whose vocabulary
``tokenizers`` learns from the case's own texts, both written with ``save_pretrained``:
nothing downloaded. The vocabulary comes from ``WordLevelTrainer`` (every word of the texts,
ids by count then spelling) put into a ``WordPiece`` model: ``WordPieceTrainer`` breaks ties
between merges in hash order, so its vocabulary (``##dge`` or ``##id``...) and with it the
scores changed from one run to the next. The texts: 12 reference sentences from a small
vocabulary and their candidates (words swapped, dropped or reordered),
``numpy.random.default_rng(0)``. The setup's own
progress bars (tokenizer training, ``save_pretrained``'s shard bar) are switched off: a user
with a downloaded model does not see them; everything the CLI prints is left as it is.

What it prints, per run: on stderr Transformers 5's ``Loading weights`` tqdm bar (from
``AutoModel.from_pretrained`` inside ``bert_score.utils.get_model``), then on stdout the one
line of the CLI, the score's "hash code" then the three means at ``%.6f``::

  tiny-bert_L2_no-idf_version=0.3.12(hug_trans=5.25.0)_fast-tokenizer P: 0.918800 R: 0.903107
  F1: 0.910807
  tiny-bert_L2_idf_version=0.3.12(hug_trans=5.25.0)_fast-tokenizer P: 0.905337 R: 0.909709
  F1: 0.907211

(each one line in the output, folded here).

(0.3.13's ``bert_score.__version__`` still says 0.3.12; ``_fast-tokenizer`` because the CLI's
``--use_fast_tokenizer`` is ``action="store_false"``: the CLI uses the fast tokenizer unless
the flag is given, the API's default is the slow one.)

Truth: the same library's Python API, what the CLI's ``main()`` calls:
``bert_score.score(cands, refs, model_type="tiny-bert", num_layers=2, idf=..., lang="en",
batch_size=64, use_fast_tokenizer=True)`` with ``refs`` as the CLI builds them (a tuple of
references per candidate, one reference file), and the means of the returned P, R and F1
tensors, as ``main()`` takes them (``s.mean(dim=0)``). BERTScore keeps no record of its own
(no file, no history): the returned tensors are its record. Judgement calls:
- Names as printed: ``P``, ``R``, ``F1`` (the CLI's own labels; the API returns the tuple
  ``(P, R, F)`` unnamed). Two values each, the no-idf run then the idf run: the idf switch is
  a setting (it shows only in the hash code, ``_no-idf`` / ``_idf``), not another metric.
- No step or epoch is printed or kept: the axis is ``None`` (one evaluation per run).
- Tolerance 5e-7 (``%.6f``, half the last printed digit) plus 1e-6 for float32 sums that may
  differ between the CLI's process and the case's (the same weights file, the same CPU).
- The hash code (model, layers, idf, versions, tokenizer) holds settings, no metric; the
  ``Loading weights`` bar's ``39/39`` and ``it/s`` are progress and throughput, no record:
  ``it/s`` goes in ``also_ok``.
- Determinism: seeded data and weights, the CLI run on CPU; the bar's rate is the only thing
  that varies between runs.
- The case is named ``bertscore_cli``, not ``bert_score_cli``: that is the package holding
  the CLI (``bert_score_cli.score:main``), and a case of that name on ``PYTHONPATH`` would
  be imported by the console script in its stead (the README's naming rule).

# zoo-venv: bertscore
"""

import subprocess
import sys
from importlib.metadata import version
from pathlib import Path

import bert_score
import numpy as np
import torch
from _truth import write_truth
from tokenizers import Tokenizer, models, normalizers, pre_tokenizers, trainers
from transformers import BertConfig, BertModel, BertTokenizerFast
from transformers.utils import logging as hf_logging

rng = np.random.default_rng(0)
WORDS = ["the", "a", "cat", "dog", "sat", "ran", "on", "under", "mat", "table", "quickly",
         "slowly", "red", "blue", "house", "garden", "small", "big", "old", "new", "river",
         "bridge", "walks", "sees", "finds", "near", "child", "bird", "sings", "morning"]

refs, cands = [], []
for _ in range(12):
    ref = [str(w) for w in rng.choice(WORDS, size=int(rng.integers(6, 11)))]
    cand = [w if rng.random() > 0.3 else str(rng.choice(WORDS)) for w in ref]
    if rng.random() < 0.4:
        cand = cand[:-1]
    if rng.random() < 0.3:
        i = int(rng.integers(0, len(cand) - 1))
        cand[i], cand[i + 1] = cand[i + 1], cand[i]
    refs.append(" ".join(ref))
    cands.append(" ".join(cand))
Path("refs.txt").write_text("\n".join(refs) + "\n")
Path("hyps.txt").write_text("\n".join(cands) + "\n")

# the local model a user would pass with --model (the setup stands in for a download)
hf_logging.disable_progress_bar()
words = Tokenizer(models.WordLevel(unk_token="[UNK]"))
words.normalizer = normalizers.BertNormalizer(lowercase=True)
words.pre_tokenizer = pre_tokenizers.BertPreTokenizer()
words.train_from_iterator(refs + cands, trainers.WordLevelTrainer(
    special_tokens=["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"], show_progress=False))
wordpiece = Tokenizer(models.WordPiece(vocab=words.get_vocab(), unk_token="[UNK]"))
wordpiece.normalizer = words.normalizer
wordpiece.pre_tokenizer = words.pre_tokenizer
tokenizer = BertTokenizerFast(tokenizer_object=wordpiece, model_max_length=64)
tokenizer.save_pretrained("tiny-bert")
torch.manual_seed(0)
BertModel(BertConfig(vocab_size=tokenizer.vocab_size, hidden_size=32, num_hidden_layers=2,
                     num_attention_heads=2, intermediate_size=64,
                     max_position_embeddings=64)).save_pretrained("tiny-bert")

cli = [str(Path(sys.executable).parent / "bert-score"), "-r", "refs.txt", "-c", "hyps.txt",
       "--lang", "en", "--model", "tiny-bert", "--num_layers", "2"]
subprocess.run(cli, check=True)
subprocess.run([*cli, "--idf"], check=True)

# truth: the API call main() makes, refs grouped per candidate as main() groups them
values = {"P": [], "R": [], "F1": []}
for idf in (False, True):
    (p, r, f1), hash_code = bert_score.score(
        cands, [(ref,) for ref in refs], model_type="tiny-bert", num_layers=2, idf=idf,
        lang="en", batch_size=64, return_hash=True, use_fast_tokenizer=True)
    for name, scores in (("P", p), ("R", r), ("F1", f1)):
        values[name].append([None, float(scores.mean(dim=0).item())])
write_truth(
    "bert-score", version("bert-score"),
    "bert_score.score(cands, refs, model_type='tiny-bert', num_layers=2, idf=False/True, "
    "lang='en', use_fast_tokenizer=True): the means of the returned P, R, F tensors, as the "
    "CLI's main() computes them (no-idf run, then --idf run)",
    {name: {"key": "step", "values": pairs, "tolerance": 1.5e-6}
     for name, pairs in values.items()},
    also_ok=["it/s"],
    notes=f"last hash code {hash_code}; 12 candidate/reference pairs, "
          f"bert_score.__version__ {bert_score.__version__}")

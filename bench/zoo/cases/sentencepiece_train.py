r"""SentencePiece 0.2.3 (the ``sentencepiece`` pip package, pybind11 over the C++ trainer):
``spm.SentencePieceTrainer.train(input="corpus.txt", model_prefix="m", vocab_size=500,
model_type="unigram")`` as its README trains a model, on a corpus the case writes itself
(4,000 sentences of 5 to 14 words drawn with Zipf weights from a lexicon of made-up words
built from syllables, ``random.Random(0)``; nothing downloaded), then the README's
``SentencePieceProcessor(model_file="m.model")`` and ``sp.encode([...], out_type=int)`` /
``out_type=str`` on two corpus lines, printed.

Printed: the C++ trainer's absl ``LOG(INFO)`` to stderr (``WARNING: All log messages before
absl::InitializeLog() is called are written to STDERR``, then lines ``I0000 00:00:<epoch
seconds>.<us>   <thread id> <file>.cc:<line>] ...``): the ``trainer_spec { ... }`` and
``normalizer_spec { ... }`` settings dump (``vocab_size: 500``, ``character_coverage:
0.9995``, ``num_threads: 16``, ...), the corpus counts (``Loaded all 4000 sentences``, ``all
chars count=388975``, ``Alphabet size=40``, ``Final character coverage=0.99954``, ``[Chunk
#1] Start processing 469183 bytes (base_min_freq=2)...``, ``Initialized 9217 seed pieces``,
``Using 3162 sentences for EM training``), one line per EM sub-iteration (``EM sub_iter=0
size=3699 obj=10.7705 num_tokens=52028 bytes/tok=8.94101``: 12 lines, two sub-iterations in
each of 6 pruning rounds, ``sub_iter`` counting 0, 1 again each round) and ``Saving model:
m.model``; then on stdout the two encodings (lists of ids, lists of pieces).

Truth: none (``metrics: {}``): a precision case. Judgement calls:
- ``obj`` is the training objective, a metric a user would want: the E step's negative
  log-likelihood of the training data under the current piece model, averaged over the EM
  "sentences" (``objs[n] -= Z / all_sentence_freq`` in ``Trainer::RunEStep``; with
  ``split_by_whitespace`` those are the corpus's distinct words weighted by frequency, so it
  is the mean NLL per word, not per token), a C++ ``float`` printed with ostream's default 6
  significant digits. It falls within a round and rises after each prune (fewer pieces).
  SentencePiece keeps no record of it: ``RunEStep`` returns it in a local variable that
  only the ``LOG(INFO)`` line reads; the trained ``ModelProto`` (``m.model``, and what
  ``model_writer`` would receive) holds the spec and the final pieces' scores, no training
  history; the Python wrapper returns ``None``; there is no callback. Its one other outlet
  is ``train(logstream=f)``, which ``dup2``s the same log text from fd 2 into a file
  instead of stderr: the printed lines themselves, not a record, and taking the truth from
  them would be parsing the output the score checks (README: never parsed from stdout). The
  values cannot be recomputed from the library either (the intermediate piece models are
  never exposed; the final model is the finalized, resized one). So, as fastText's
  ``avg.loss`` (fasttext_supervised), ``obj`` is no truth metric but in ``also_ok``. Were it
  one, it would be keyed ``step`` by the lines' order (1..12, the E steps run):
  ``sub_iter`` restarts at 0 each pruning round, so it is no axis, and the round has no
  printed number.
- ``bytes/tok`` (corpus bytes over Viterbi tokens, the segmentation's compression, a
  quality figure tokenizer users compare) is likewise unrecorded: ``also_ok``.
- Junk if recorded: the settings dump (``vocab_size``, ``character_coverage``,
  ``shrinking_factor``, ``num_threads``, ``seed_sentencepiece_size``, ... are inputs),
  ``size`` (pieces left after the M step), ``num_tokens`` and every corpus count above
  (``Alphabet size``, ``all chars count``, ``Final character coverage``, the seed/chunk
  counts), the absl prefix's timestamp, thread id and ``file.cc:line``, and the printed ids.
- ``num_threads`` stays at its default 16 (more than the runner's cores; the E step's
  per-thread sums are added in thread order, so the log is the same run to run).
- ``m.model``/``m.vocab`` (protobuf; piece<TAB>score) hold no metric: no ``files``.
"""
# zoo-venv: sentencepiece

import random

import sentencepiece as spm
from _truth import write_truth

rng = random.Random(0)
ONSETS = ["b", "br", "c", "ch", "d", "f", "g", "gr", "h", "k", "l", "m", "n", "p", "pr", "r",
          "s", "sh", "st", "t", "tr", "v", "w", "z"]
VOWELS = ["a", "e", "i", "o", "u", "ai", "ea", "ou"]
CODAS = ["", "", "n", "r", "s", "t", "l", "nd", "st", "ng"]
SUFFIXES = ["", "", "", "s", "ed", "ing", "er", "ly", "ness"]


def word() -> str:
    syllables = (rng.choice(ONSETS) + rng.choice(VOWELS) + rng.choice(CODAS)
                 for _ in range(rng.randint(1, 3)))
    return "".join(syllables) + rng.choice(SUFFIXES)


lexicon = list(dict.fromkeys(word() for _ in range(1500)))
weights = [1 / (rank + 1) for rank in range(len(lexicon))]  # Zipf's law
lines = [" ".join(rng.choices(lexicon, weights, k=rng.randint(5, 14))).capitalize() + "."
         for _ in range(4000)]
with open("corpus.txt", "w", encoding="utf-8") as handle:
    handle.writelines(line + "\n" for line in lines)

spm.SentencePieceTrainer.train(input="corpus.txt", model_prefix="m", vocab_size=500,
                               model_type="unigram")

sp = spm.SentencePieceProcessor(model_file="m.model")
print(sp.encode(lines[:2], out_type=int))
print(sp.encode(lines[:2], out_type=str))

write_truth("sentencepiece", spm.__version__,
            "none: the trainer keeps no record of its EM objective (only its LOG(INFO) "
            "lines print it); a precision case",
            {}, also_ok=["obj", "bytes/tok"],
            notes=f"vocab {sp.get_piece_size()} pieces from {len(lines)} sentences")

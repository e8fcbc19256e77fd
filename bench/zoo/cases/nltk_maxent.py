"""NLTK 3.10.4: a maximum-entropy classifier, ``nltk.classify.MaxentClassifier.train(
train_toks, algorithm="iis", max_iter=10, trace=3)`` (Improved Iterative Scaling, NLTK's
default algorithm, named; ``trace=3`` is the default too: the trace NLTK's own maxent demo,
``nltk.classify.maxent.demo()``, prints), on a small gender-of-names set the case generates
as the NLTK book's chapter 6 builds its ``gender_features`` dicts (no ``names`` corpus, nothing
downloaded): 200 invented names (1 to 3 syllables drawn from a fixed list, ``random.Random
(0)``), each a feature dict ``{"last_letter", "first_letter", "length", "ends_vowel"}``,
labelled ``female``/``male`` by a noisy logistic rule on the last and first letters and the
length, 100 of each (balanced, see determinism). Nothing of the case's own is printed.

What it prints (stdout, NLTK's ``safe_print`` in ``train_maxent_classifier_with_iis``)::

      ==> Training (10 iterations)

          Iteration    Log Likelihood    Accuracy
          ---------------------------------------
                 1          -0.69315        0.500
                 2          -0.45434        0.795
    ...
                 9          -0.30790        0.825
             Final          -0.30408        0.815

(a row ``"     %9d    %14.5f    %9.3f" % (iternum, ll, acc)``, the ``Final`` row
``f"         Final    {ll:14.5f}    {acc:9.3f}"``). Nothing on stderr.

How the table's numbers are made (``nltk/classify/maxent.py``, the IIS loop): each row is
printed at the top of an iteration, BEFORE that iteration's weight update, from
``nltk.classify.util.log_likelihood(classifier, train_toks)`` (the log of the mean
probability the model gives each token's gold label, ``math.log(sum(p) / len(p))``, not the
mean log-probability) and ``nltk.classify.util.accuracy(classifier, train_toks)``, both on the
TRAINING tokens (``CutoffChecker.ll``/``.acc`` stay ``None`` without ``min_ll``/
``min_lldelta``/``max_acc``/``min_accdelta`` cutoffs, so the ``or`` always calls the
functions). ``CutoffChecker.iter`` starts at 1 and ``check`` (after each update) increments
it and stops the loop once it reaches ``max_iter``: rows 1-9 are the models after 0-8
updates, then 9 updates in all, and ``Final`` is the model after the 9th update (the
classifier ``train`` returns), scored the same way.

Truth: NLTK keeps no record of the table (the values live in locals ``ll``/``acc``; there is
no history, callback or file), so the case reproduces each row with NLTK's own trainer and
functions, callback-free: the model after ``u`` updates is ``MaxentClassifier.train(
train_toks, algorithm="iis", max_iter=u + 1, trace=0)`` (u >= 1; the same deterministic
loop stopped by ``CutoffChecker`` after ``u`` updates), the model after 0 updates is
``MaxentClassifier(BinaryMaxentFeatureEncoding.train(train_toks), zeros)`` (what the
trainer builds before its first update: every joint feature here is attested, so no weight
starts at -inf); each is scored with ``nltk.classify.util.log_likelihood`` and
``accuracy`` on ``train_toks``. ``Final`` is scored on the classifier the printed run
returned, and the case asserts its weights equal the ``max_iter=10`` retrain's, bit for bit.
Judgement calls:
- Names: the printed column headers, as docs/metrics.md names a header phrase:
  ``Log_Likelihood`` and ``Accuracy``. NLTK keeps no key for them (the functions that
  compute them are ``log_likelihood``/``accuracy``, the locals ``ll``/``acc``; nothing is
  stored under a name), so the README's rule for a value with no key takes the printed words.
- Key ``step``: the ``Iteration`` column (1-based, as printed), rows 1-9; the ``Final`` row
  is a tenth point at step 10, not a repeat: it is a new model (one more update than row 9),
  the row the table would print next as ``10``. 10 points each.
- Tolerances: half the printed rounding, ``%14.5f`` -> 5e-6 for ``Log_Likelihood``,
  ``%9.3f`` -> 5e-4 for ``Accuracy``.
- ``==> Training (10 iterations)`` is the ``max_iter`` setting, no metric. Nothing timed is
  printed; no file is written.
- Determinism: the set of labels NLTK keeps is a Python ``set`` of strings, whose order
  follows the hash seed; with all weights zero (row 1) both labels tie and ``classify``
  picks the first, so row 1's accuracy is the share of that label: the case balances the
  labels (100/100) so it is 0.500 whatever the order. With two labels the rest repeats
  exactly (checked under PYTHONHASHSEED 1, 2, 3), pipe and pty alike.
"""
# zoo-venv: nltk

import math
import random

import nltk
import numpy
from _truth import series, write_truth
from nltk.classify import MaxentClassifier
from nltk.classify.maxent import BinaryMaxentFeatureEncoding, calculate_empirical_fcount
from nltk.classify.util import accuracy, log_likelihood

MAX_ITER = 10
SYLLABLES = ["ka", "lo", "mi", "ra", "te", "su", "an", "el", "or", "in", "ba", "de", "ny", "ox",
             "ul"]


def gender_features(name: str) -> dict:
    return {"last_letter": name[-1], "first_letter": name[0].lower(), "length": len(name),
            "ends_vowel": name[-1] in "aeiouy"}


def make_names(rng: random.Random, per_label: int = 100) -> list[tuple[dict, str]]:
    count = {"female": 0, "male": 0}
    toks = []
    while len(toks) < 2 * per_label:
        name = "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(1, 3))).capitalize()
        z = 1.6 * (name[-1] in "aeiouy") - 1.0 + 0.9 * (name[0] in "AEKLM") - 0.6 * (len(name) > 5)
        label = "female" if rng.random() < 1 / (1 + math.exp(-2 * z)) else "male"
        if count[label] < per_label:
            count[label] += 1
            toks.append((gender_features(name), label))
    return toks


train_toks = make_names(random.Random(0))
classifier = MaxentClassifier.train(train_toks, algorithm="iis", max_iter=MAX_ITER, trace=3)

# The truth: the model after u updates, u = 0 .. MAX_ITER - 1 (rows 1..9, then Final).
encoding = BinaryMaxentFeatureEncoding.train(train_toks)
assert calculate_empirical_fcount(train_toks, encoding).all()  # all attested: no -inf weight
models = [MaxentClassifier(encoding, numpy.zeros(encoding.length(), "d"))]
for updates in range(1, MAX_ITER):
    models.append(MaxentClassifier.train(train_toks, algorithm="iis", max_iter=updates + 1,
                                         trace=0))
assert numpy.array_equal(models[-1].weights(), classifier.weights())
models[-1] = classifier  # Final: the classifier train returned
ll = [(step, log_likelihood(model, train_toks)) for step, model in enumerate(models, 1)]
acc = [(step, accuracy(model, train_toks)) for step, model in enumerate(models, 1)]
write_truth(
    "nltk", nltk.__version__,
    "NLTK's own nltk.classify.util.log_likelihood/accuracy on train_toks of the model after "
    "step-1 updates: MaxentClassifier.train(..., max_iter=step, trace=0) for steps 2-9, the "
    "zero-weight MaxentClassifier for step 1, the returned classifier for Final (step 10)",
    {"Log_Likelihood": series(ll, "step", tolerance=5e-6),
     "Accuracy": series(acc, "step", tolerance=5e-4)},
    notes=f"IIS, {len(train_toks)} tokens, {encoding.length()} joint features, labels "
          f"{sorted(encoding.labels())}; Final row = step 10 (9 updates)")

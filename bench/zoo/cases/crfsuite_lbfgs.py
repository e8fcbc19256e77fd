"""sklearn-crfsuite 0.5.0 on python-crfsuite 0.9.12 (CRFsuite 0.12.2): a linear-chain CRF
tagger as sklearn-crfsuite's CoNLL 2002 tutorial trains it, ``sklearn_crfsuite.CRF(
algorithm="lbfgs", c1=0.1, c2=0.1, max_iterations=50, all_possible_transitions=True,
verbose=True)``, on a small NER corpus the case generates (templates filled with person,
place and organisation names, some of them ambiguous, BIO tags ``B-PER``/``I-PER``/
``B-LOC``/``B-ORG``/``O``, a tenth of the entity tags flipped at random; the tutorial's
``word2features`` dicts: lower-cased word, suffix, ``istitle()``, the neighbours'). 200
training sentences, 50 dev sentences passed as ``fit(X, y, X_dev=X_dev, y_dev=y_dev)`` (the
estimator's holdout: CRFsuite scores it after every iteration), 50 test sentences. Then the
tutorial's evaluation, ``metrics.flat_f1_score(y_test, y_pred, average="weighted",
labels=labels)`` over the labels other than ``O``, printed as a script does:
``print("Test F1:", f1)``.

What it prints: tqdm bars on stderr while the sequences are appended (``loading training
data to CRFsuite: 100%|...| 200/200 [00:00<00:00, 60506.41it/s]``, then ``loading dev
data``); on stdout CRFsuite's own log up to training (``Holdout group: 2``, the feature
generation settings, ``Number of features: 429``, ``Seconds required: 0.001``, the L-BFGS
settings ``c1: 0.100000`` ... ``linesearch.max_iterations: 20``), then sklearn-crfsuite's
``LinePerIterationTrainer`` line an iteration instead of CRFsuite's block::

    Iter 5   time=0.00  loss=436.86   active=413   precision=0.946  recall=0.961  F1=0.953
      Acc(item/seq)=0.977 0.840  feature_norm=6.75

(one line, wrapped here; ``loss`` ``%.2f``, the dev set's macro precision/recall/F1 and
item/sequence accuracy ``%.3f``, ``feature_norm`` ``%.2f``), after the last one a tabulate
table of the last iteration's per-label dev scores (``Label  Precision  Recall  F1
Support``), then CRFsuite's closing log (``L-BFGS terminated with the maximum number of
iterations``, ``Total seconds required for training: 0.032``, ``Storing the model``,
``Number of active features: 336 (429)``, ...) and ``Test F1: 0.91...``.

Truth: ``crf.training_log_``, pycrfsuite's ``TrainLogParser`` that the estimator keeps after
``fit``: ``iterations``, a dict an iteration parsed from CRFsuite's full log (which
carries more digits than the printed line), keyed by its ``num`` (1-based, as ``Iter``
prints it; axis ``step``); and the value ``flat_f1_score`` returned. Judgement calls:

- Names are the line's, as printed (the verbose trainer's abbreviations are all a user
  reads, and the held-out CRFsuite logs expect them so): ``loss``; ``precision``, ``recall``,
  ``F1`` (the parser's ``avg_precision``, ``avg_recall``, ``avg_f1``: CRFsuite's
  ``Macro-average precision, recall, F1`` over the dev set); ``Acc_item`` and ``Acc_seq``
  (printed together as ``Acc(item/seq)=0.977 0.840``: the pair in parentheses names its
  two values, the parser's ``item_accuracy`` and ``instance_accuracy``, each kept as a
  ``Fraction`` and as a float under ``*_float``: the truth takes the float);
  ``feature_norm``.
- ``active=`` (the parser's ``active_features``, the number of non-zero weights) is a count,
  as the held-out logs judge it: no metric, not expected.
- Tolerances: half the line's rounding (``loss``, ``feature_norm`` 5e-3; the dev scores and
  accuracies 5e-4).
- Not in the truth: the parser's ``error_norm``, ``linesearch_trials`` and
  ``linesearch_step`` (kept but never printed by the verbose trainer: no file either);
  ``time`` (seconds an iteration, ``time=0.00``: a timing, ``also_ok``); the per-label
  ``scores`` (``LabelScore`` each iteration, printed once as the closing table: per-class
  results, not overall figures, docs/metrics.md); CRFsuite's counts (``Number of
  features``, ``Number of active features/attributes/labels``, ``Holdout group``) and
  settings (``c1``, ``c2``, ``epsilon``, ``delta``, ``num_memories``, ``stop``, ...).
- Timings in ``also_ok``: ``time``, CRFsuite's ``Seconds required`` (feature generation and
  storing: the parser's ``featgen_seconds``/``storing_seconds``) and ``Total seconds required
  for training`` (``training_seconds``), named by the phrase rule, and tqdm's ``it/s``.
- ``Test F1``: sklearn-crfsuite's ``flat_f1_score`` keeps no key; named by the phase rule
  (docs/metrics.md: after a phase word a name of two capitals or more keeps them, ``Test
  MSE`` -> ``test_MSE``, a capitalised word is lower-cased, one capital letter too; ``F1``
  has one): ``test_f1``, one value at the last iteration's step (the axis is a note, not
  scored); printed with ``print`` (repr): exact.
"""
# zoo-venv: crfsuite

import random
from importlib.metadata import version

import pycrfsuite
import sklearn_crfsuite
from _truth import series, write_truth
from sklearn_crfsuite import metrics

SEED = 0
FIRST = ["Anna", "Bob", "Carla", "David", "Emma", "Frank", "Greta", "Hans", "Jordan", "Paris",
         "Georgia", "Chad"]
LAST = ["Smith", "Berg", "Rossi", "Novak", "Weber", "Silva", "Jordan", "Lee"]
LOC = ["Berlin", "Paris", "Rome", "Madrid", "Vienna", "Oslo", "Lisbon", "Prague", "Jordan",
       "Georgia", "Chad"]
ORG = ["Acme", "Globex", "Initech", "Umbrella", "Hooli"]
TEMPLATES = [
    "{P} lives in {L} .", "{P} moved to {L} last year .", "Yesterday {P} visited {L} with {P} .",
    "The train to {L} was late .", "{P} works for {O} in {L} .", "{O} opened an office in {L} .",
    "{P} and {P} met at {O} .", "She said {P} likes {L} .", "the {O} team beat {L} .",
]
TAGS = ["B-PER", "B-LOC", "B-ORG", "O"]


def sentence(rng: random.Random) -> tuple[list[str], list[str]]:
    words: list[str] = []
    tags: list[str] = []
    for token in rng.choice(TEMPLATES).split():
        if token == "{P}":
            person = [rng.choice(FIRST)] + ([rng.choice(LAST)] if rng.random() < 0.5 else [])
            words += person
            tags += ["B-PER"] + ["I-PER"] * (len(person) - 1)
        elif token == "{L}":
            words.append(rng.choice(LOC))
            tags.append("B-LOC")
        elif token == "{O}":
            words.append(rng.choice(ORG))
            tags.append("B-ORG")
        else:
            words.append(token)
            tags.append("O")
    # label noise: a tenth of the entity tags flipped
    tags = [rng.choice(TAGS) if tag != "O" and rng.random() < 0.1 else tag for tag in tags]
    return words, tags


def word2features(sent: list[str], i: int) -> dict:
    """The tutorial's features, less its POS tags."""
    word = sent[i]
    features = {"bias": 1.0, "word.lower()": word.lower(), "word[-3:]": word[-3:],
                "word.istitle()": word.istitle()}
    if i > 0:
        features.update({"-1:word.lower()": sent[i - 1].lower(),
                         "-1:word.istitle()": sent[i - 1].istitle()})
    else:
        features["BOS"] = True
    if i < len(sent) - 1:
        features.update({"+1:word.lower()": sent[i + 1].lower(),
                         "+1:word.istitle()": sent[i + 1].istitle()})
    else:
        features["EOS"] = True
    return features


rng = random.Random(SEED)
corpus = [sentence(rng) for _ in range(300)]
X = [[word2features(words, i) for i in range(len(words))] for words, _ in corpus]
y = [tags for _, tags in corpus]
X_train, y_train = X[:200], y[:200]
X_dev, y_dev = X[200:250], y[200:250]
X_test, y_test = X[250:], y[250:]

crf = sklearn_crfsuite.CRF(algorithm="lbfgs", c1=0.1, c2=0.1, max_iterations=50,
                           all_possible_transitions=True, verbose=True)
crf.fit(X_train, y_train, X_dev=X_dev, y_dev=y_dev)

labels = list(crf.classes_)
labels.remove("O")
y_pred = crf.predict(X_test)
f1 = metrics.flat_f1_score(y_test, y_pred, average="weighted", labels=labels)
print("Test F1:", f1)

iterations = crf.training_log_.iterations
nums = [it["num"] for it in iterations]
assert nums == list(range(1, len(nums) + 1)), nums


def record(key: str, tolerance: float | None) -> dict:
    return series([(it["num"], it[key]) for it in iterations], "step", tolerance=tolerance)


truth = {
    "loss": record("loss", 5e-3),                 # "loss={loss:<8.2f}"
    "precision": record("avg_precision", 5e-4),  # "precision={avg_precision:0.3f}"
    "recall": record("avg_recall", 5e-4),
    "F1": record("avg_f1", 5e-4),
    # "Acc(item/seq)={item_accuracy_float:0.3f} {instance_accuracy_float:0.3f}"
    "Acc_item": series([(it["num"], it["item_accuracy_float"]) for it in iterations],
                            "step", tolerance=5e-4),
    "Acc_seq": series([(it["num"], it["instance_accuracy_float"])
                                 for it in iterations], "step", tolerance=5e-4),
    "feature_norm": record("feature_norm", 5e-3),  # "feature_norm={feature_norm:<8.2f}"
    "test_f1": series([(nums[-1], f1)], "step"),
}
write_truth(
    "sklearn-crfsuite",
    f"{version('sklearn-crfsuite')} (python-crfsuite {version('python-crfsuite')}, "
    f"CRFsuite {pycrfsuite.CRFSUITE_VERSION})",
    "crf.training_log_ (pycrfsuite TrainLogParser: .iterations, keyed by 'num') + the "
    "value metrics.flat_f1_score returned",
    truth,
    also_ok=["time", "Seconds_required", "Total_seconds_required_for_training", "it/s"],
    notes=(f"{len(iterations)} iterations; featgen {crf.training_log_.featgen_seconds}s, "
           f"training {crf.training_log_.training_seconds}s, "
           f"{crf.training_log_.featgen_num_features} features"),
)

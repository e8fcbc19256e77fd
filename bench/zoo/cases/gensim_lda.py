"""gensim 4.4.0 ``LdaModel`` (online variational Bayes, every option at its default but
``num_topics=4``, ``passes=5``, ``chunksize=100``, ``eval_every=1``, ``random_state=0``) on a
generated bag-of-words corpus (200 training and 50 held-out documents of 20-40 words, each
drawn from one or two of four 12-word topics; a ``Dictionary`` built from the training
documents), with the logging setup of gensim's LDA tutorial (``logging.basicConfig(format=
"%(asctime)s : %(levelname)s : %(message)s", level=logging.INFO)``) and its evaluation
callbacks, ``callbacks=[PerplexityMetric(corpus=holdout, logger="shell"),
ConvergenceMetric(distance="hellinger", logger="shell")]``, then the held-out evaluation users
print after training (``lda.log_perplexity(holdout)``).

It logs (stderr), besides the Dictionary's and the model's lifecycle lines, for each of the two
chunks of a pass: ``-4.455 per-word bound, 21.9 perplexity estimate based on a held-out corpus
of 100 documents with 3027 words`` (``LdaModel.log_perplexity`` on the chunk about to be
trained on: gensim calls every evaluation chunk "held-out"), ``PROGRESS: pass 0, at document
#100/200``, four ``topic #0 (0.250): 0.055*"bear" + ...`` lines and ``topic diff=0.697653,
rho=1.000000``; after each pass the callbacks' ``Epoch 0: Perplexity estimate:
11.648075299595396`` and ``Epoch 0: Convergence estimate: 3.535042104569451``. The closing
``log_perplexity(holdout)`` logs one more per-word bound line (``... held-out corpus of 50
documents ...``) and the script prints (stdout) ``Log perplexity: -3.2474032525423735``.

Truth:
- ``Perplexity`` and ``Convergence``: gensim's own record, ``lda.metrics`` (the dict the
  callbacks fill, one value a pass, keyed by each metric's ``str()``: ``Perplexity``,
  ``Convergence``), at epoch = the pass (0-based, as ``Epoch 0:`` prints it). They are
  logged with ``str(value)`` (every digit): ``rel_tolerance=1e-9``.
- ``per_word_bound``, ``perplexity_estimate``, ``topic_diff``, ``rho``: gensim keeps no record
  of these (``log_perplexity`` returns the bound and ``update`` drops it; ``do_mstep``
  computes the diff and gets rho as an argument). Their truth is the very numbers gensim
  hands its logger: a ``logging.Handler`` on ``gensim.models.ldamodel`` keeps each record's
  ``args`` (the values before ``%``-formatting, full precision; nothing parsed from the
  text), checked against ``log_perplexity``'s return value, which a wrapper keeps. The
  perplexity estimate is gensim's ``np.exp2(-bound)`` as passed to the message.
  Tolerances half the printed rounding: ``%.3f`` bound 5e-4, ``%.1f`` estimate 0.05, ``%f``
  diff and rho 5e-7.
- ``Log_perplexity``: the value the closing ``log_perplexity(holdout)`` returned, named by
  the printed words (docs/metrics.md "Phrases"), printed with ``print`` in full:
  ``rel_tolerance=1e-9``; one value, at the last pass (the axis is a note).
Judgement calls:
- Names of the logged values: exptrack's gensim reader (docs/metrics.md, round ``tune38``)
  names the values printed before their names ``per_word_bound`` and
  ``perplexity_estimate`` and the ``key=value`` pairs ``topic_diff`` and ``rho``; gensim has
  no key of its own for them, so the truth takes those (the general rule would keep the
  hyphen, ``per-word_bound``, as ``per-step_time``: the gensim reader's spelling is the
  documented one for this very message).
- Axis: the pass the value was computed in (``epoch``). A bound is logged before its chunk's
  ``PROGRESS: pass N`` line (so the first bound of a pass stands after the previous pass's
  lines); its pass is that of the chunk it evaluates, i.e. the ``PROGRESS`` record right
  after it. The closing held-out bound and estimate join the same series (same function,
  same message) at the last pass: 2 x 5 + 1 = 11 values each.
- ``rho`` is the online update's step size (``(offset + pass + updates/chunksize) ** -decay``),
  gensim's learning rate, logged with each M step: a series like a logged ``lr``.
- The closing print: the commonly copied ``print('Perplexity: ', lda.log_perplexity(corpus))``
  would print the bound (a negative log) under the name of the callback's ``Perplexity``
  record (a perplexity, 9.5 here), two different quantities in one series; the case prints
  ``Log perplexity:`` (gensim's method name) so the truth stays one quantity per name.
- ``ConvergenceMetric(distance="hellinger")``: its default Jaccard distance compares each
  topic's top 100 words, here the whole 48-word vocabulary, so it logs ``0.0`` every pass;
  Hellinger (one of its documented distances) gives the sum of the topics' changes.
- Not metrics: the ``topic #i (alpha): weight*"word" + ...`` lines (the model's topics and
  its alpha prior), document and word counts, ``PROGRESS`` positions, the lifecycle dicts and
  the Dictionary's sizes.
"""
# zoo-venv: gensimlda

import logging
import random

import gensim
import numpy as np
from _truth import series, write_truth
from gensim.corpora import Dictionary
from gensim.models import LdaModel
from gensim.models.callbacks import ConvergenceMetric, PerplexityMetric

logging.basicConfig(format="%(asctime)s : %(levelname)s : %(message)s", level=logging.INFO)

BOUND_MSG = "%.3f per-word bound, %.1f perplexity estimate based on a held-out corpus of %i documents with %i words"  # noqa: E501
PROGRESS_MSG = "PROGRESS: pass %i, at document #%i/%i"
DIFF_MSG = "topic diff=%f, rho=%f"


class Keeper(logging.Handler):
    """Keep gensim's LdaModel log records' own values (``record.args``), in order."""

    def __init__(self) -> None:
        super().__init__(level=logging.INFO)
        self.records: list[tuple[str, tuple]] = []

    def emit(self, record: logging.LogRecord) -> None:
        if record.msg in (BOUND_MSG, PROGRESS_MSG, DIFF_MSG):
            self.records.append((record.msg, tuple(record.args)))


keeper = Keeper()
logging.getLogger("gensim.models.ldamodel").addHandler(keeper)

returned_bounds: list[float] = []
_log_perplexity = LdaModel.log_perplexity


def log_perplexity(self, chunk, total_docs=None):
    bound = _log_perplexity(self, chunk, total_docs=total_docs)
    returned_bounds.append(bound)
    return bound


LdaModel.log_perplexity = log_perplexity

rng = random.Random(0)
TOPICS = [
    ["cat", "dog", "bird", "fish", "horse", "mouse", "rabbit", "fox", "wolf", "bear", "owl",
     "deer"],
    ["apple", "bread", "cheese", "soup", "rice", "pasta", "salad", "cake", "honey", "milk", "egg",
     "butter"],
    ["goal", "match", "team", "coach", "score", "league", "player", "referee", "stadium", "season",
     "cup", "ball"],
    ["engine", "wheel", "brake", "road", "truck", "garage", "fuel", "driver", "tyre", "motor",
     "gear", "lane"],
]


def document() -> list[str]:
    main, other = rng.sample(range(len(TOPICS)), 2)
    share = rng.choice([1.0, 0.8, 0.6])
    return [rng.choice(TOPICS[main] if rng.random() < share else TOPICS[other])
            for _ in range(rng.randint(20, 40))]


train_texts = [document() for _ in range(200)]
holdout_texts = [document() for _ in range(50)]
id2word = Dictionary(train_texts)
corpus = [id2word.doc2bow(text) for text in train_texts]
holdout = [id2word.doc2bow(text) for text in holdout_texts]

lda = LdaModel(corpus, id2word=id2word, num_topics=4, passes=5, chunksize=100, eval_every=1,
               random_state=0,
               callbacks=[PerplexityMetric(corpus=holdout, logger="shell"),
                          ConvergenceMetric(distance="hellinger", logger="shell")])

print("Log perplexity:", lda.log_perplexity(holdout))

# gensim's own record: one value a pass for each callback metric
passes = 5
assert sorted(lda.metrics) == ["Convergence", "Perplexity"], lda.metrics.keys()
metrics = {name: series(enumerate(lda.metrics[name]), "epoch", rel_tolerance=1e-9)
           for name in ("Perplexity", "Convergence")}
assert all(len(v["values"]) == passes for v in metrics.values())

# the values gensim passed to its logger, each at the pass it belongs to
bounds, estimates, diffs, rhos = [], [], [], []
pending: list[tuple] = []  # bound records waiting for their chunk's PROGRESS record
current_pass = None
for msg, args in keeper.records:
    if msg == BOUND_MSG:
        pending.append(args)
    elif msg == PROGRESS_MSG:
        current_pass = args[0]
        assert len(pending) == 1, pending  # eval_every=1: one evaluation before each chunk
        bounds.append((current_pass, pending[0][0]))
        estimates.append((current_pass, pending[0][1]))
        pending = []
    else:
        diffs.append((current_pass, args[0]))
        rhos.append((current_pass, args[1]))
# the closing held-out evaluation: no chunk follows it
assert len(pending) == 1 and pending[0][2] == len(holdout), pending
bounds.append((current_pass, pending[0][0]))
estimates.append((current_pass, pending[0][1]))
assert [float(b) for _, b in bounds] == [float(b) for b in returned_bounds]
assert all(float(e) == float(np.exp2(-b)) for (_, e), (_, b) in zip(estimates, bounds, strict=True))
assert len(bounds) == 2 * passes + 1 and len(diffs) == 2 * passes

metrics["per_word_bound"] = series(bounds, "epoch", tolerance=5e-4)
metrics["perplexity_estimate"] = series(estimates, "epoch", tolerance=0.05)
metrics["topic_diff"] = series(diffs, "epoch", tolerance=5e-7)
metrics["rho"] = series(rhos, "epoch", tolerance=5e-7)
metrics["Log_perplexity"] = series([(passes - 1, returned_bounds[-1])], "epoch",
                                   rel_tolerance=1e-9)

write_truth(
    "gensim", gensim.__version__,
    "lda.metrics (the PerplexityMetric/ConvergenceMetric callbacks' record, a value a pass); "
    "the per-word bound, perplexity estimate, topic diff and rho as gensim passed them to its "
    "logger (LogRecord.args) and log_perplexity returned them",
    metrics,
)

"""fastText 0.9.3 (the ``fasttext`` pip package, pybind11 over the C++ library): supervised
text classification as fastText's Python README and text-classification tutorial show it,
``fasttext.train_supervised(input="train.txt", epoch=5, lr=0.5, wordNgrams=2, verbose=2,
thread=2)`` on a generated labelled corpus (``__label__a __label__c a17 w3 ...``: 20,000
training and 2,000 validation lines, four labels, a fifth of the lines carrying two labels
as in the tutorial's cooking data, 361 words), then ``model.test("valid.txt")`` printed
with the README's ``print_results`` (``N\t2000``, ``P@1\t0.934``, ``R@1\t0.772``).

The C++ side writes to stderr: ``\rRead 0M words``, ``Number of words:  361``, ``Number of
labels: 4``, then the progress line ``Progress:  71.9% words/sec/thread:  332409 lr:
0.140432 avg.loss:  0.544067 ETA:   0h 0m 0s``, redrawn with ``\r`` every 100 ms by the
main thread while the training threads run, and drawn once more at 100% with a newline.

Truth: what fastText returns, ``test()``'s ``(N, precision, recall)`` (precision and recall
at k=1, doubles from its ``Meter``), full precision. Judgement calls:
- Names as printed: ``P@1`` and ``R@1`` (fastText returns a bare tuple, no keys). With
  two-label lines recall differs from precision, as on the tutorial's data.
- Axis ``epoch``, the single point at 5: the evaluation after the 5th (last) epoch.
- Tolerance 5e-4: the README prints both with ``{:.3f}``.
- ``N`` (2000) is the number of examples tested: a count, not a metric; so are ``Read 0M
  words``, ``Number of words`` and ``Number of labels``.
- ``avg.loss`` is the progress line's running training loss: thread 0's
  ``Model::State::getLoss()``, the mean loss over every example that thread has processed
  since training began (not an epoch's mean), copied into ``FastText::loss_`` every
  ``lrUpdateRate`` (100) tokens and printed ``%.6f`` at each redraw; nothing keeps it: the
  Python binding exposes no loss, no callback is passed, and no file is written. With no
  record to take a truth from it is no truth metric; it is in ``also_ok`` (a metric value,
  but not one this truth can back). ``words/sec/thread`` (throughput), ``lr`` (the linear
  decay schedule, a setting) and ``ETA`` (timing) are also in ``also_ok``.
- ``thread=2``: the Python default is ``multiprocessing.cpu_count() - 1`` (1 on this
  2-core runner, more on any workstation). With one thread fastText trains in the calling
  thread and prints only the final 100% line; two threads give the redrawn progress line
  users see. Hogwild training with two threads is not bit-reproducible (``seed`` is 0,
  fastText's default): P@1/R@1 vary in the third decimal between runs, and the number of
  redraws varies with the machine's speed; each run's truth is that run's own ``test()``.
- ``bucket`` stays at its default 2,000,000 (``wordNgrams=2``): the input matrix takes
  about 0.8 GB of memory.
"""
# zoo-venv: misc

from importlib.metadata import version

import fasttext
from _fasttext_corpus import write_corpus
from _truth import series, write_truth

write_corpus()

model = fasttext.train_supervised(input="train.txt", epoch=5, lr=0.5, wordNgrams=2, verbose=2,
                                  thread=2)


def print_results(n, p, r):
    """The README's ``print_results`` (its ``str.format`` calls as f-strings, same text)."""
    print("N\t" + str(n))
    print(f"P@{1}\t{p:.3f}")
    print(f"R@{1}\t{r:.3f}")


result = model.test("valid.txt")
print_results(*result)
_, precision, recall = result

write_truth(
    "fasttext", version("fasttext"),
    "FastText.test('valid.txt') -> (N, precision@1, recall@1)",
    {"P@1": series([(5, precision)], "epoch", tolerance=5e-4),
     "R@1": series([(5, recall)], "epoch", tolerance=5e-4)},
    also_ok=["avg.loss", "words/sec/thread", "lr", "ETA"],
    notes="avg.loss (the progress line's running mean training loss of thread 0 since "
          "training began) is kept by nothing fastText exposes: no truth for it",
)

"""scikit-learn MLPClassifier(verbose=True, early_stopping=True): per-iteration loss and
validation score lines. Truth: ``loss_curve_`` and ``validation_scores_``.

SGDClassifier(verbose=1) is left out: it keeps nothing per epoch (only the final ``coef_``,
``n_iter_``, ``t_``), so there is no framework record to take its truth from.
"""

import warnings

import numpy as np
import sklearn
from _truth import series, write_truth
from sklearn.neural_network import MLPClassifier

rng = np.random.default_rng(0)
X = rng.normal(size=(300, 8))
y = (X[:, 0] + X[:, 1] - 0.5 * X[:, 2] > 0).astype(int)
model = MLPClassifier(hidden_layer_sizes=(16,), max_iter=15, learning_rate_init=0.01,
                      early_stopping=True, n_iter_no_change=100, verbose=True,
                      random_state=0)
with warnings.catch_warnings():
    warnings.simplefilter("default")  # the ConvergenceWarning is printed as users see it
    model.fit(X, y)

write_truth(
    "scikit-learn", sklearn.__version__,
    "MLPClassifier.loss_curve_ and validation_scores_",
    {
        # printed as "Iteration N, loss = %.8f" and "Validation score: %f"
        "loss": series(enumerate(model.loss_curve_, 1), "step", tolerance=5e-9),
        # named by docs/metrics.md's phase rule ("Validation perplexity" ->
        # validation_perplexity): the attribute validation_scores_ is not a key sklearn logs
        "validation_score": series(enumerate(model.validation_scores_, 1), "step",
                                   tolerance=5e-7),
    },
)

"""Keras 3 ``fit(verbose=2)`` (one line per epoch, no bar) on the torch backend.
Truth: ``History``."""

from _keras_fit import fit_and_write_truth

fit_and_write_truth(verbose=2)

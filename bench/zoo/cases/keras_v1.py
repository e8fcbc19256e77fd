"""Keras 3 ``fit(verbose=1)`` (the progress bar, one line per epoch under a pipe) on the torch
backend, with a ``CSVLogger`` file. Truth: ``History``."""

from _keras_fit import fit_and_write_truth

fit_and_write_truth(verbose=1, csv_log="training.log")

"""Catalyst (22.4): ``catalyst_runner`` with ``verbose=False``, Catalyst's default: no
tqdm bars, only the ``ConsoleLogger``'s lines (``train (1/3) accuracy01: 0.32 | ... | lr:
0.02 | momentum: 0.9``, ``valid (1/3) ...``, ``* Epoch (1/3) ``) and the checkpoint
callback's ``Top models:`` at the end (``_catalyst_fit``'s docstring gives the data, what
is printed and the truth: the CSVLogger's files, the TensorboardLogger's as file_metrics).
"""

# zoo-venv: catalyst

from _catalyst_fit import fit

fit(verbose=False)

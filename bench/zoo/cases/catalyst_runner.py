"""Catalyst (22.4): the README's minimal example, ``dl.SupervisedRunner().train(...,
callbacks=[dl.AccuracyCallback(..., topk=(1, 3, 5))], logdir="./logs", num_epochs=3,
verbose=True)``, on a small MLP classifier and synthetic tensors (``_catalyst_fit``, whose
docstring gives the data, what is printed and the truth). ``verbose=True``: a tqdm bar a
loader on stderr (``1/3 * Epoch (train): 100%|...| 20/20 [..., accuracy01=0.750,
accuracy03=1.000, accuracy05=1.000, loss=0.612, lr=0.020, momentum=0.900]``, the last
batch's values) before each console line ``train (1/3) accuracy01: 0.32 | ... | lr: 0.02 |
momentum: 0.9``. Under a pipe the console lines (stdout) may arrive glued to a bar's last
``\r`` frame (stderr, no newline), as a user's ``2>&1 | tee`` shows them.

Truth: the CSVLogger's ``logs/csv_logger/{train,valid}.csv`` (printed names ``train_loss``,
``valid_accuracy01/std``, ..., keyed ``epoch``) and the TensorboardLogger's event files
(``file_metrics``). Catalyst 22.4 needs an old ``accelerate`` (its engine reads
``DistributedType.TPU``, which accelerate 1.16 no longer has, only ``XLA``; 0.27.2, pinned in
requirements-catalyst.txt, has it).
"""

# zoo-venv: catalyst

from _catalyst_fit import fit

fit(verbose=True)

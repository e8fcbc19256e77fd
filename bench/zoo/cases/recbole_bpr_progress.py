"""RecBole (1.2.1): ``recbole_bpr`` again with ``show_progress: True``: the same BPR run on
the same synthetic ``dataset/toy/toy.inter`` (``_recbole_fit.py``), and RecBole's tqdm bars
besides its log lines: ``Train     0: 100%|...| 10/10 [00:00<00:00, 419.46it/s]`` over each
epoch's batches and ``Evaluate   : 100%|...| 50/50 [...]`` over each evaluation's (on stderr,
redrawn with ``\\r`` on one line; no ``GPU RAM`` postfix on CPU). The FutureWarning RecBole's
``GradScaler`` raises lands inside the first bar's line.

Truth and judgements as ``recbole_bpr``: RecBole's TensorBoard record (``files``,
``file_metrics``) and the trainer's returned values for the printed ``train_loss``,
``valid_score``, ``valid_<metric>@10`` and ``test_<metric>@10``; the bars' ``it/s`` (or
``s/it``) are ``also_ok``, their counts (``10/10``, the batches) no metric.
"""

# zoo-venv: recbole

from _recbole_fit import fit

fit(show_progress=True)

"""RecBole (1.2.1): ``run_recbole(model="BPR", dataset="toy", config_dict=...)`` on a
synthetic implicit-feedback data set the case writes in RecBole's atomic format
(``dataset/toy/toy.inter``, header ``user_id:token item_id:token rating:float
timestamp:float``, tab-separated: 100 users x 200 items, 3,000 interactions drawn from five
user groups that each prefer 40 items). Config: ``epochs 4``, ``eval_step 1``,
``stopping_step 10``, ``train_batch_size 256``, ``eval_batch_size 512``, ``topk [10]``,
metrics Recall, MRR, NDCG, Hit, Precision, ``valid_metric MRR@10``, ``use_gpu False``,
``show_progress False``, ``log_wandb False``, ``learning_rate 0.01`` (the default 0.001
barely moves in 4 epochs); everything else RecBole's defaults (seed 2020, Adam, split RS
0.8/0.1/0.1 by user, full ranking, ``metric_decimal_place`` 4). torch >= 2.6 refuses RecBole's
checkpoint under ``weights_only=True``: the case sets torch's ``TORCH_FORCE_NO_WEIGHTS_ONLY_LOAD``
(torch warns about it once, as it warns about RecBole's ``torch.cuda.amp.GradScaler``).

Default printing (RecBole's logger, ``06 Dec 18:15    INFO  ...`` on stderr, colored on a
terminal): the
``sys.argv`` list, the whole configuration (``General Hyper Parameters:``, ``gpu_id = 0``,
``seed = 2020``, ...), the data set's statistics (``The number of users: 101``, ``Average
actions of users: 30.0``, ``The sparsity of the dataset: 85.22240283729865%``), the model's repr,
``Trainable parameters``, ``FLOPs``, then per epoch ``epoch 0 training [time: 0.01s, train
loss: 6.9362]``, ``epoch 0 evaluating [time: 0.01s, valid_score: 0.040900]``, ``valid
result: `` and on its own line ``recall@10 : 0.1234    mrr@10 : 0.0567 ...``, ``Saving
current: saved/BPR-....pth``; at the end ``Loading model structure and parameters from``,
the running environment's table (CPU, GPU, memory usage), ``best valid : OrderedDict([(
'recall@10', ...), ...])`` and ``test result: OrderedDict([...])``.

Truth: RecBole's own records. Its TensorBoard writer (``log_tensorboard/<log name>/``: the
epoch's ``Loss/Train`` and ``Vaild_score``, RecBole's spelling, at ``epoch_idx``; and the
subfolder ``add_hparams`` writes at the end, holding ``hparam/best_valid_result``) is in
``files``, all its scalars in ``file_metrics``. The printed per-epoch values are the ones the
trainer computed, caught in memory by wrapping ``Trainer._train_epoch`` and
``Trainer._valid_epoch`` (their return values, untouched; the printing is RecBole's), and
the test result is ``run_recbole``'s returned ``test_result`` (all in ``_recbole_fit.py``,
shared with ``recbole_bpr_progress``). Judgements:
- ``train loss`` on the training line -> ``train_loss`` (a phrase key: docs/metrics.md,
  "Phases"), printed ``%.4f``: tolerance 5e-5; keyed ``epoch`` (RecBole's 0-based index,
  as its TensorBoard step).
- ``valid_score`` on the evaluating line, RecBole's own key, printed ``%f`` of a value
  RecBole already rounded to 4 decimals: exact.
- ``valid result:`` ends its log message's first line; the ``key : value`` pairs come on the
  line under it (``dict2str(...)``), named as printed: ``recall@10``, ``mrr@10``,
  ``ndcg@10``, ``hit@10``, ``precision@10`` (the ``@`` cutoff is part of the name), keyed
  ``epoch``; the values are ``round(x, 4)`` printed by ``str``: exact. (A label alone on the
  line before is no phase of the pairs: two of the three RecBole logs of exptrack's tuning
  corpus expect the bare names, one ``valid_mrr@20``; the bare names also stay apart from
  the ``test result`` keys, which carry their phase on their own line.)
- ``test result: OrderedDict([('recall@10', ...)])`` -> ``test_recall@10`` ... once each,
  after training (no epoch of its own; the truth's axis is the last epoch, a placeholder);
  exact.
- ``best valid : OrderedDict(...)`` is the best epoch's valid result printed again (a
  running best): ``also_ok`` under the names it might take; so is ``FLOPs`` (the model's
  cost, one number) and the timings (``training_time``, ``evaluating_time``: the gerund
  before the bracket qualifies the bracket's ``time``) and the environment table's usage.
- Not metrics: the configuration dump, the data set's statistics (counts, averages and
  sparsity of the data, not of training), ``Trainable parameters``, the checkpoint path.
"""

# zoo-venv: recbole

from _recbole_fit import fit

fit(show_progress=False)

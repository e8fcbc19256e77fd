"""TorchKGE 0.17.7 (pip ``torchkge``, knowledge-graph embedding in PyTorch; its last PyPI
release, repository torchkge-team/torchkge at 3adb9344, 2023-11-17) on the CPU build of torch
2.13.0: TransE trained by the loop of its documentation's "Simplest training" tutorial
(``docs/tutorials/transe.rst``, "This is the python code to train TransE without any
wrapper", the quick start: ``TransEModel``, ``MarginLoss``, ``BernoulliNegativeSampler``,
``DataLoader``, Adam, the epoch loop with its tqdm bar), then evaluated as its "Link
Prediction" tutorial (``docs/tutorials/linkprediction.rst``) does:
``LinkPredictionEvaluator(model, kg_test)``, ``evaluate(b_size=32)``, ``print_results()``.
The tutorial's loop is kept as written (its ``from tqdm.autonotebook import tqdm`` too, which
outside a notebook is tqdm's console bar), with these changes:
- Data: not ``load_fb15k()`` (a download) but a tiny synthetic graph built the documented way,
  ``KnowledgeGraph(df=...)`` from a pandas DataFrame with ``from``/``rel``/``to`` columns:
  144 entities on a 12x12 grid (``e{x}_{y}``) and four relations, ``right`` (x+1), ``up``
  (y+1), ``right2`` (x+2) and ``next_to`` (each of the up to four neighbours: one-to-many,
  so the filtered ranks differ from the raw ones), 912 facts, split by TorchKGE's own
  ``kg.split_kg(share=0.8)`` into 728 training and 184 test facts (seeded with
  ``torch.manual_seed(0)``; ``split_kg`` and the sampler draw from torch's generator).
- Hyper-parameters scaled to the graph: ``emb_dim`` 20 (100), ``lr`` 0.01 (0.0004),
  ``n_epochs`` 100 (1000), ``b_size`` 128 (32768: six batches an epoch here, the last of 88);
  ``margin`` 0.5, ``dissimilarity_type='L2'`` and ``weight_decay=1e-5`` as in the tutorial.
- ``DataLoader(kg_train, batch_size=b_size, use_cuda='all')``: ``'all'`` moves the graph's
  tensors with ``.cuda()`` unconditionally, which fails on a CPU build of torch, so the case
  passes ``'all'`` only where CUDA is available (``None``, the default, here). The
  tutorial's other ``cuda.is_available()`` block is kept and does nothing on the CPU.
About 8 s of CPU (100 epochs, then a second's evaluation).

What it prints (all from tqdm on stderr, then ``print_results`` on stdout): the epoch bar,
its description set after every epoch by ``iterator.set_description('Epoch {} | mean loss:
{:.5f}'...)`` (which redraws at once) and redrawn again as the bar advances, each frame a
``\\r`` redraw, e.g. ``Epoch 100 | mean loss: 3.28438: 100%|██████████| 100/100
[00:03<00:00, 28.34epoch/s]``; then the evaluator's bar ``Link prediction evaluation:
100%|██████████| 6/6 [00:00<00:00, 25.39batch/s]``; then::

    Hit@10 : 0.891 \t\t Filt. Hit@10 : 0.894
    Mean Rank : 6 \t Filt. Mean Rank : 5
    MRR : 0.234 \t\t Filt. MRR : 0.321

Truth: TorchKGE keeps no record of training (the tutorial's loop is user code, holding the
epoch's loss only in ``running_loss``), so one line added to the loop right after
``iterator.set_description(...)`` keeps the value just printed, ``running_loss /
len(dataloader)``, with ``epoch + 1`` as printed (as ``pytorch_cifar_main`` adds its record
lines). The evaluation's truth is the evaluator's own methods called after ``evaluate``, the
very ones ``print_results`` formats: ``hit_at_k(k=10)``, ``mean_rank()`` and ``mrr()``, each
returning ``(raw, filtered)`` floats; nothing is parsed from stdout. Judgement calls:
- ``mean_loss``: the description's ``mean loss`` (docs/metrics.md: a name's spaced words
  joined by ``_``), one value an epoch, axis ``epoch`` 1..100 as printed. It is the mean over
  the epoch's six batches of ``MarginLoss``'s per-batch loss, which is a sum over the batch's
  triples (hence values of 3-77 with a margin of 0.5). Every epoch's value is printed: the
  description redraws on each ``set_description`` call, whatever tqdm's ``mininterval``.
  Tolerance 5e-6 (``{:.5f}``).
- The evaluation's six values, named as printed: ``Hit@10``, ``Mean_Rank``, ``MRR`` (the
  raw ranks) and ``Filt_Hit@10``, ``Filt_Mean_Rank``, ``Filt_MRR`` (the filtered ranks:
  ``Filt.`` is the abbreviation of "filtered", the setting of the second column; its
  abbreviation dot dropped as in NumPyro's ``avg. loss`` -> ``avg_loss``). Raw and filtered
  are two quantities, not two points of one series. One point each on axis ``epoch`` 100:
  the evaluation is of the model after the 100th (last) epoch (and after the tutorial's
  ``model.normalize_parameters()``).
- Tolerances from ``print_results``' formatting: ``round(x, 3)`` for Hit@10 and MRR, 5e-4;
  ``int(x)`` for the mean ranks, which truncates (6.39 prints ``6``): the ranks are integers
  and ``mean_rank()`` averages the heads' and tails' 184 each, a multiple of 1/368, so what
  truncation drops is at most 367/368 (0.9973); tolerance 0.999 (absolute: the fixtures'
  tolerances stay under 1; the case asserts it covers both values). The truth keeps the
  float ``mean_rank()`` returns.
- ``Hit@10``'s ``10`` is the ``k`` of ``print_results``' default, part of the name as
  printed.
- Not metrics: ``epoch/s`` and ``batch/s`` (tqdm's rates), the bars' counts and times.
  TorchKGE keeps no record of them; exptrack reads tqdm's rates as the bar's timing, so
  ``also_ok`` stays empty.
- Determinism: ``torch.manual_seed(0)`` before the split; the values repeat on this CPU.
"""
# zoo-venv: torchkge

from importlib.metadata import version

import pandas as pd
import torch
from _truth import series, write_truth
from torch import cuda
from torch.optim import Adam
from torchkge.data_structures import KnowledgeGraph
from torchkge.evaluation import LinkPredictionEvaluator
from torchkge.models import TransEModel
from torchkge.sampling import BernoulliNegativeSampler
from torchkge.utils import DataLoader, MarginLoss
from tqdm.autonotebook import tqdm

torch.manual_seed(0)

# the synthetic graph: a 12x12 grid of entities and four relations
SIDE = 12
rows = []
for x in range(SIDE):
    for y in range(SIDE):
        head = f"e{x}_{y}"
        if x + 1 < SIDE:
            rows.append((head, "right", f"e{x + 1}_{y}"))
        if y + 1 < SIDE:
            rows.append((head, "up", f"e{x}_{y + 1}"))
        if x + 2 < SIDE:
            rows.append((head, "right2", f"e{x + 2}_{y}"))
        for dx, dy in ((1, 0), (-1, 0), (0, 1), (0, -1)):
            if 0 <= x + dx < SIDE and 0 <= y + dy < SIDE:
                rows.append((head, "next_to", f"e{x + dx}_{y + dy}"))
kg = KnowledgeGraph(df=pd.DataFrame(rows, columns=["from", "rel", "to"]))
kg_train, kg_test = kg.split_kg(share=0.8)

ZOO_RECORD = []  # zoo: (epoch + 1, the mean loss the description prints)

# ---- docs/tutorials/transe.rst, "Simplest training" (scaled; see the docstring) ----
# Define some hyper-parameters for training
emb_dim = 20
lr = 0.01
n_epochs = 100
b_size = 128
margin = 0.5

# Define the model and criterion
model = TransEModel(emb_dim, kg_train.n_ent, kg_train.n_rel, dissimilarity_type='L2')
criterion = MarginLoss(margin)

# Move everything to CUDA if available
if cuda.is_available():
    cuda.empty_cache()
    model.cuda()
    criterion.cuda()

# Define the torch optimizer to be used
optimizer = Adam(model.parameters(), lr=lr, weight_decay=1e-5)

sampler = BernoulliNegativeSampler(kg_train)
dataloader = DataLoader(kg_train, batch_size=b_size,
                        use_cuda='all' if cuda.is_available() else None)

iterator = tqdm(range(n_epochs), unit='epoch')
for epoch in iterator:
    running_loss = 0.0
    for i, batch in enumerate(dataloader):  # noqa: B007 (the tutorial's text)
        h, t, r = batch[0], batch[1], batch[2]
        n_h, n_t = sampler.corrupt_batch(h, t, r)

        optimizer.zero_grad()

        # forward + backward + optimize
        pos, neg = model(h, t, r, n_h, n_t)
        loss = criterion(pos, neg)
        loss.backward()
        optimizer.step()

        running_loss += loss.item()
    iterator.set_description(
        'Epoch {} | mean loss: {:.5f}'.format(epoch + 1,  # noqa: UP032 (the tutorial's)
                                              running_loss / len(dataloader)))
    ZOO_RECORD.append((epoch + 1, running_loss / len(dataloader)))  # zoo: the value printed

model.normalize_parameters()

# ---- docs/tutorials/linkprediction.rst: link prediction evaluation on the test set ----
evaluator = LinkPredictionEvaluator(model, kg_test)
evaluator.evaluate(b_size=32)
evaluator.print_results()

# truth: the evaluator's own measures, the ones print_results formats
hit, filt_hit = evaluator.hit_at_k(k=10)
rank, filt_rank = evaluator.mean_rank()
mrr, filt_mrr = evaluator.mrr()
assert len(ZOO_RECORD) == n_epochs, len(ZOO_RECORD)
assert all(value - int(value) < 0.999 for value in (rank, filt_rank)), (rank, filt_rank)
metrics = {
    "mean_loss": series(ZOO_RECORD, "epoch", tolerance=5e-6),
    "Hit@10": series([(n_epochs, hit)], "epoch", tolerance=5e-4),
    "Filt_Hit@10": series([(n_epochs, filt_hit)], "epoch", tolerance=5e-4),
    "Mean_Rank": series([(n_epochs, rank)], "epoch", tolerance=0.999),
    "Filt_Mean_Rank": series([(n_epochs, filt_rank)], "epoch", tolerance=0.999),
    "MRR": series([(n_epochs, mrr)], "epoch", tolerance=5e-4),
    "Filt_MRR": series([(n_epochs, filt_mrr)], "epoch", tolerance=5e-4),
}
write_truth(
    "torchkge", version("torchkge"),
    "the tutorial loop's running_loss / len(dataloader) per epoch, kept by a line added after "
    "its set_description (TorchKGE keeps no training record); LinkPredictionEvaluator's own "
    "hit_at_k(k=10), mean_rank() and mrr() after evaluate(b_size=32), (raw, filtered) each",
    metrics,
    notes=f"torch {torch.__version__}; TransE emb_dim 20, L2, MarginLoss(0.5), Adam lr 0.01, "
          f"{n_epochs} epochs, batch 128, BernoulliNegativeSampler; grid graph of 144 "
          f"entities, 4 relations, {kg_train.n_facts} training / {kg_test.n_facts} test facts. "
          "Mean ranks print int() (truncated), hence tolerance 0.999",
)

"""PyTorch Geometric 2.8.1's GraphGym (``torch_geometric.graphgym``, with the
``[graphgym]`` extra: pytorch-lightning 2.6.6 and yacs; scikit-learn for its accuracy):
its own ``graphgym/main.py`` from the repository ``pyg-team/pytorch_geometric`` at commit
5c6461b2305ad068a6d61165b3c55852a11aaa41 (the commit of ``pyg_gcn``), held verbatim below,
run as ``run_single.sh`` runs it, ``python main.py --cfg configs/pyg/example_node.yaml``
(argparse's default ``--repeat 1``, where the script passes 3: one seed, one series a
split). ``load_cfg``, ``set_out_dir``, ``set_run_dir``/``set_printing``, seed 1,
``GraphGymDataModule`` (``create_loader``), ``create_model``, ``train`` (a Lightning
``Trainer`` with GraphGym's ``LoggerCallback``, its default logger), then ``agg_runs``.
The case writes the config: ``configs/pyg/example_node.yaml`` at that commit with the
changes marked ``# zoo:`` in ``CONFIG`` (``accelerator: cpu``, the docs' line for the CPU
backend; ``num_threads: 1`` for its default 6; ``tensorboard_agg: false``, as PyG's own
``test/graphgym/example_node.yml``, since its default ``true`` needs tensorboardX, which the
extra does not install; ``max_epoch: 20`` for 200; the data set ``SBM`` for the ``Cora``
download). ``import custom_graphgym`` (the repository's package of registered modules) is
replaced by one loader registered with ``register_loader``, as its
``custom_graphgym/loader/example.py`` registers one: a stochastic block model graph built in
memory (4 classes x 100 nodes, edges p=0.03 within a class and 0.005 across with
``torch_geometric.utils.stochastic_blockmodel_graph``, 8 features around a random center a
class, a random 60/20/20 ``RandomNodeSplit`` into ``train_mask``/``val_mask``/
``test_mask``), drawn after main.py's ``seed_everything(1)``. (``FakeDataset`` has no
masks and no homophily, so a GCN learns nothing from it in 20 epochs; PyG's
``RandomPartitionGraphDataset`` fails on scikit-learn 1.9, which rejects its tensor
``weights``.) Nothing downloaded; about 10 s, most of it imports.

What it prints (GraphGym's ``logging`` to stdout, ``cfg.print: both``; Lightning's lines and
bars and Python warnings on stderr): the model's repr, the whole config as YAML (``base_lr:
0.01``, ``max_epoch: 20``, ``weight_decay: 0.0005``, ...), ``Num parameters: 486``,
Lightning's banner and model summary table, its TQDM bars (``Sanity Checking``, ``Epoch N``
with ``v_num=0``, ``Validation``, ``Testing``), and per epoch ``Logger.write_epoch``'s
``logging.info(f'{self.name}: {stats}')``::

    val: {'epoch': 0, 'loss': 1.3586, 'lr': 0.0099, 'params': 486, 'time_iter': 0.0067,
    'accuracy': 0.3}
    train: {'epoch': 0, 'eta': 0.4138, 'loss': 1.3934, 'lr': 0.0099, 'params': 486,
    'time_iter': 0.0218, 'accuracy': 0.2792}

(each one line, wrapped here; often glued behind a bar's ``\r`` render), the first
``val:`` line one more time before training (Lightning's sanity check runs the callback's
validation hooks too: 21 ``val:`` lines for 20 ``train:`` lines), and after
``trainer.test`` one ``test: {'epoch': 20, ...}`` (``trainer.current_epoch`` after the
fit). ``agg_runs`` then ``print``s the best epoch by val accuracy (a bare ``14``) and that
epoch's train and val dicts again without their split (``{'epoch': 14, 'eta': ...,
'loss': 1.077, ...}``), and logs ``Results aggregated across runs saved in
results/example_node/agg``.

Truth: the files GraphGym's ``Logger`` writes, ``results/example_node/0/<split>/stats.json``
(``dict_to_json``: the same dict it prints, one JSON line an epoch; the run folder is named
by the seed before main.py's ``+ 1``). Judgement calls:
- Names: ``<split>_<key>``, the split as printed before the dict and as its folder, the key
  GraphGym's own (``train_loss``, ``val_accuracy``, ``test_time_iter``): docs/metrics.md's
  phase rule. ``epoch`` is the axis (0-based, key "epoch"); every series as the file has
  it: ``val`` 21 points (two at epoch 0: the sanity check's, then epoch 0's), ``train`` 20,
  ``test`` 1 (at epoch 20).
- Metrics: ``loss``, ``lr`` (the scheduler's last rate, a series like the others),
  ``time_iter`` (seconds an iteration, in the record: timing the file keeps is a metric, as
  SB3's ``time/fps``) and ``accuracy``, for each split.
- Not metrics, in ``also_ok``: ``eta`` (train only: the seconds the run has left, a
  "time left" by docs/metrics.md's "What is not a metric") and ``params`` (the model's
  parameter count, a constant ``cfg.params``: a count there); GraphGym's own ``agg_batch``
  drops ``eta`` from its summaries too. The bare ``loss``, ``lr``, ``time_iter``,
  ``accuracy``, ``eta`` and ``params`` of ``agg_runs``' closing reprints of the best epoch
  (values already in the train and val series at epoch 14, a best printed again: no series
  of its own, README) are in ``also_ok`` too; so are the bars' ``it/s`` and ``v_num``.
- No tolerance: the file and the line hold the same ``round(value, cfg.round)`` float, its
  ``repr`` both times.
- Determinism: the data, the split and the model are seeded (``seed_everything(1)``) and
  repeat; ``time_iter`` and ``eta`` are wall times and differ between runs and modes
  (each mode's truth is its own run's file).
"""
# zoo-venv: graphgym

import json
import logging
import os
import sys

import torch
import torch_geometric
import torch_geometric.transforms as T
from _truth import series, write_truth
from torch_geometric import seed_everything
from torch_geometric.data import Data, InMemoryDataset
from torch_geometric.graphgym.cmd_args import parse_args
from torch_geometric.graphgym.config import (
    cfg,
    dump_cfg,
    load_cfg,
    set_out_dir,
    set_run_dir,
)
from torch_geometric.graphgym.logger import set_printing
from torch_geometric.graphgym.model_builder import create_model
from torch_geometric.graphgym.register import register_loader
from torch_geometric.graphgym.train import GraphGymDataModule, train
from torch_geometric.graphgym.utils.agg_runs import agg_runs
from torch_geometric.graphgym.utils.comp_budget import params_count
from torch_geometric.graphgym.utils.device import auto_select_device
from torch_geometric.utils import stochastic_blockmodel_graph

# --- zoo harness: the config file, the command line, the custom loader ---------------------
# configs/pyg/example_node.yaml at 5c6461b2 with the changes marked "zoo:"
CONFIG = """\
out_dir: results
accelerator: cpu  # zoo: the docs' line for the CPU backend
num_threads: 1  # zoo: default 6, on a 2-core machine
tensorboard_agg: false  # zoo: default true needs tensorboardX (not in [graphgym])
dataset:
  format: PyG
  name: SBM  # zoo: Cora, a download; the loader registered below
  task: node
  task_type: classification
  node_encoder: false
  node_encoder_name: Atom
  edge_encoder: false
  edge_encoder_name: Bond
train:
  batch_size: 128
  eval_period: 1
  ckpt_period: 100
  sampler: full_batch
model:
  type: gnn
  loss_fun: cross_entropy
  edge_decoding: dot
  graph_pooling: add
gnn:
  layers_pre_mp: 0
  layers_mp: 2
  layers_post_mp: 1
  dim_inner: 16
  layer_type: gcnconv
  stage_type: stack
  batchnorm: false
  act: prelu
  dropout: 0.1
  agg: mean
  normalize_adj: false
optim:
  optimizer: adam
  base_lr: 0.01
  max_epoch: 20  # zoo: 200
"""
os.makedirs("configs/pyg", exist_ok=True)
with open("configs/pyg/example_node.yaml", "w", encoding="utf-8") as handle:
    handle.write(CONFIG)
sys.argv = ["main.py", "--cfg", "configs/pyg/example_node.yaml"]


class SyntheticSBM(InMemoryDataset):
    """A stochastic block model graph: 4 classes of 100 nodes, edges within a class at
    p=0.03 and across at 0.005, 8 features around a random center per class, and a random
    60/20/20 node split (``train_mask``, ``val_mask``, ``test_mask``)."""

    def __init__(self):
        super().__init__(None)
        num_classes, per_class, num_channels = 4, 100, 8
        y = torch.arange(num_classes).repeat_interleave(per_class)
        edge_probs = torch.full((num_classes, num_classes), 0.005)
        edge_probs.fill_diagonal_(0.03)
        edge_index = stochastic_blockmodel_graph([per_class] * num_classes, edge_probs)
        centers = torch.randn(num_classes, num_channels)
        x = centers[y] + 1.5 * torch.randn(len(y), num_channels)
        data = Data(x=x, edge_index=edge_index, y=y)
        data = T.RandomNodeSplit(num_val=0.2, num_test=0.2)(data)
        self.data, self.slices = self.collate([data])


@register_loader('sbm')  # zoo: as custom_graphgym/loader/example.py registers its loader
def load_dataset_sbm(format, name, dataset_dir):
    if format == 'PyG' and name == 'SBM':
        return SyntheticSBM()


# --- graphgym/main.py ---------------------------------------------------------------------

if __name__ == '__main__':
    # Load cmd line args
    args = parse_args()
    # Load config file
    load_cfg(cfg, args)
    set_out_dir(cfg.out_dir, args.cfg_file)
    # Set Pytorch environment
    torch.set_num_threads(cfg.num_threads)
    dump_cfg(cfg)
    # Repeat for different random seeds
    for _ in range(args.repeat):
        set_run_dir(cfg.out_dir)
        set_printing()
        # Set configurations for each run
        cfg.seed = cfg.seed + 1
        seed_everything(cfg.seed)
        auto_select_device()
        # Set machine learning pipeline
        datamodule = GraphGymDataModule()
        model = create_model()
        # Print model info
        logging.info(model)
        logging.info(cfg)
        cfg.params = params_count(model)
        logging.info('Num parameters: %s', cfg.params)
        train(model, datamodule, logger=True)

    # Aggregate results from different seeds
    agg_runs(cfg.out_dir, cfg.metric_best)
    # When being launched in batch mode, mark a yaml as done
    if args.mark_done:
        os.rename(args.cfg_file, f'{args.cfg_file}_done')

# --- zoo harness: the truth ---------------------------------------------------------------
    NOT_METRICS = ("epoch", "eta", "params")  # the axis; time left and a parameter count
    metrics, also_ok, files = {}, ["it/s", "v_num"], []
    for split in ("train", "val", "test"):
        path = f"{cfg.run_dir}/{split}/stats.json"
        files.append(path)
        with open(path, encoding="utf-8") as handle:
            rows = [json.loads(line) for line in handle if line.strip()]
        for key in rows[0]:
            if key in NOT_METRICS:
                if key != "epoch":
                    also_ok.append(f"{split}_{key}")
                continue
            metrics[f"{split}_{key}"] = series(
                [(row["epoch"], row[key]) for row in rows], "epoch")
    # agg_runs' closing reprint of the best epoch's train and val dicts, with no split
    also_ok += ["loss", "lr", "time_iter", "accuracy", "eta", "params"]
    write_truth("torch_geometric", torch_geometric.__version__,
                f"GraphGym's Logger files {cfg.run_dir}/<split>/stats.json (one JSON dict a "
                "line, the dict write_epoch prints), named <split>_<key>",
                metrics, files=files, also_ok=also_ok,
                notes=f"seed {cfg.seed}, {cfg.optim.max_epoch} epochs, "
                      f"{cfg.params} parameters; agg_runs' best epoch by val accuracy")

"""guoyang9's NCF, "A pytorch GPU implementation of He et al. 'Neural Collaborative
Filtering' at WWW'17" (github.com/guoyang9/NCF, no pip package and no release: master's
last commit 89ff06ffcd2bca6bb773b54925265c208a28d318, 2019-06-19, "update some numbers"), on
the CPU build of torch 2.13.0 with numpy 2.4.6, pandas 3.1.2, scipy 1.17.1 and tensorboardX
2.6.5 (main.py imports its ``SummaryWriter`` and never makes one: the line is commented
out). Files: the repository's five Python files, ``main.py``, ``config.py``,
``data_utils.py``, ``evaluate.py`` and ``model.py``, held verbatim below, each checked
against its git blob id at that commit (``main.py`` before the case's lines are added),
written into the cwd and run in-process as its README runs it (``runpy``, as ``__main__``,
the cwd first on ``sys.path``) with
``sys.argv = ['main.py', '--epochs', '3', '--batch_size', '256', '--top_k', '10', '--gpu',
'']``: its defaults otherwise (lr 0.001, factor_num 32, num_layers 3, num_ng 4,
test_num_ng 99, dropout 0, ``--out`` True: the best epoch's model is saved whole with
``torch.save`` under ``./models/NeuMF-end.pth``), ``config.model = 'NeuMF-end'`` (NeuMF
without pre-training, Adam), ``config.dataset = 'ml-1m'``. About 8 s of CPU.

What the case changes, nothing in the files' text but the record lines below:
- Data paths: config.py's ``main_path`` is the author's absolute folder
  (``/home/share/guoyangyang/recommendation/NCF-Data/``), where a user puts He et al.'s
  ``ml-1m.*`` files or edits the line. The case writes its files under the cwd's
  ``NCF-Data/`` and, after importing the verbatim config.py, sets ``config.main_path`` to
  that folder and the three paths config.py derives from it (``train_rating``,
  ``test_rating``, ``test_negative``) with config.py's own expressions: what editing the
  line does, without changing the file.
- CUDA: main.py and evaluate.py call ``model.cuda()``, ``user.cuda()``, ``item.cuda()``
  and ``label.float().cuda()`` unconditionally ("a pytorch GPU implementation"); the CPU
  build of torch raises ``AssertionError: Torch not compiled with CUDA enabled`` there.
  The shim: ``torch.nn.Module.cuda`` and ``torch.Tensor.cuda`` return the module or tensor
  itself (the CPU is the device), set before main.py runs. ``--gpu ''`` only sets
  ``CUDA_VISIBLE_DEVICES`` to an empty string; ``cudnn.benchmark = True`` does nothing on
  the CPU.
- Seeds: main.py seeds nothing; the case seeds ``random``, numpy (``ng_sample``'s negative
  items) and torch (the embeddings' and layers' initialisation, the train loader's
  shuffle) before running it, so the values repeat; only the times vary. The train loader's
  4 workers (``num_workers=4``, forked each epoch) only index the lists ``ng_sample`` filled.

Data (synthetic, seeded, numpy's ``default_rng(0)``): He et al.'s files as data_utils.py
reads them: ``ml-1m.train.rating`` (``user\\titem\\trating\\ttimestamp`` rows; 200 users
with 30 items each, 6000 rows), ``ml-1m.test.rating`` (one held-out item a user, same
layout; data_utils.py never reads it, as in the original data set) and
``ml-1m.test.negative`` (``(user,item)`` then the 99 sampled negatives, tab-separated, a
line a user). 300 items in 5 groups of 60 and users in 5 groups, a user's items mostly
(90 %) from its group, the held-out item always from it, so the model learns something in
3 epochs (HR@10 of a random ranking is 0.1). A train epoch is 6000 positives plus
``num_ng`` 4 negatives each, 30000 rows, 118 batches of 256; the test loader takes a user's
100 rows a batch.

What it prints, per epoch (``time.strftime("%H: %M: %S", ...)`` of the epoch's wall time;
HR and NDCG with ``{:.3f}``, a tab between them)::

    The time elapse of epoch 000 is: 00: 00: 01
    HR: 0.085\tNDCG: 0.037

(``\t`` a tab) and once at the end, the best epoch by HR (``if HR > best_hr``; ties keep the
earlier)::

    End. Best epoch 002: HR = 0.760, NDCG = 0.356

Before them, on stderr, torch's DataLoader warns twice (``UserWarning: This DataLoader will
create 4 worker processes in total. Our suggested max number of worker in current system
is 2, ...``: ``num_workers=4`` on this 2-core machine). HR@10 goes 0.085, 0.355, 0.760 over
the 3 epochs here. pty and pipe print the same lines (``\r\n`` under the pty).

Truth: NCF keeps no record (the ``SummaryWriter`` and its ``add_scalar('data/loss', ...)``
are commented out; the saved model holds no metric), so the values main.py computes are the
record: one line added to the stock text (``RECORD_LINES``, no line changed), right after
the ``print("HR: ...")`` call, appends ``(epoch, np.mean(HR), np.mean(NDCG))`` (what that
call printed, at full precision) to a list the case passes in (``runpy``'s
``init_globals``); nothing is parsed from stdout. Judgement calls (docs/metrics.md):
- Names, as printed: ``HR`` and ``NDCG`` (main.py's own variables; HR@10 and NDCG@10 of
  He et al.'s leave-one-out protocol, ``--top_k 10``, but the screen prints no ``@10``).
- Counts: one value an epoch, key ``epoch``, 0-based as printed (``epoch 000``): 3 each.
- The closing ``End. Best epoch 002: HR = ..., NDCG = ...`` repeats the best epoch's
  values (``best_hr, best_ndcg`` are that epoch's ``HR, NDCG``; the case checks it against
  the record): a running best printed again, no observation of its own (README: "A running
  best printed again ... is no series of its own"), so ``HR`` and ``NDCG`` hold the 3
  epochs' values, not 4. ``Best epoch`` is an epoch number, not a metric: no name of the
  truth, and not allowed either (a recorded ``best_epoch`` is junk).
- Tolerances: ``{:.3f}`` -> 5e-4 for both.
- ``also_ok``: the epoch's wall time (``The time elapse of epoch 000 is: 00: 00: 01``):
  NCF keeps no record of it; ``time_elapse`` and ``time`` are the names a parser could
  give it (exptrack records neither today).
"""
# zoo-venv: ncfpt

import random
import runpy
import sys
from pathlib import Path

import numpy as np
import pandas
import scipy
import tensorboardX
import torch
from _truth import series, write_truth
from _verbatim import git_blob_id, with_lines

SOURCE_REPO = "guoyang9/NCF"
SOURCE_COMMIT = "89ff06ffcd2bca6bb773b54925265c208a28d318"
ARGV = ["main.py", "--epochs", "3", "--batch_size", "256", "--top_k", "10", "--gpu", ""]
EPOCHS = 3
USERS, ITEMS, GROUPS = 200, 300, 5
TRAIN_PER_USER, TEST_NEGATIVES = 30, 99
DATA = "NCF-Data/"

# the record: a line added to main.py right after the per-epoch print (anchor -> the line
# after it); no line of the stock text changed
RECORD_LINES = {
    '\tprint("HR: {:.3f}\\tNDCG: {:.3f}".format(np.mean(HR), np.mean(NDCG)))\n':
        "\tZOO_RECORD.append((epoch, float(np.mean(HR)), float(np.mean(NDCG))))"
        "  # zoo: the values just printed\n",
}


def write_data(folder: Path, seed: int = 0) -> None:
    """He et al.'s ml-1m files as data_utils.load_all reads them (see the docstring)."""
    rng = np.random.default_rng(seed)
    folder.mkdir(parents=True, exist_ok=True)
    group_size = ITEMS // GROUPS
    train_rows, test_rows, negative_rows = [], [], []
    for user in range(USERS):
        group = user % GROUPS
        own = np.arange(group * group_size, (group + 1) * group_size)
        held = int(rng.choice(own))
        items: set[int] = set()
        if user == USERS - 1:
            items.add(ITEMS - 1)  # the largest id is in the train file: item_num = ITEMS
        while len(items) < TRAIN_PER_USER:
            pool = own if rng.random() < 0.9 else np.arange(ITEMS)
            item = int(rng.choice(pool))
            if item != held:
                items.add(item)
        stamp = 978300000 + user * 100
        train_rows += [f"{user}\t{item}\t{int(rng.integers(1, 6))}\t{stamp + k}"
                       for k, item in enumerate(sorted(items))]
        test_rows.append(f"{user}\t{held}\t5\t{stamp + 99}")
        candidates = np.setdiff1d(np.arange(ITEMS), np.array([*items, held]))
        negatives = rng.choice(candidates, TEST_NEGATIVES, replace=False)
        negative_rows.append("\t".join([f"({user},{held})", *map(str, negatives)]))
    for name, rows in (("ml-1m.train.rating", train_rows), ("ml-1m.test.rating", test_rows),
                       ("ml-1m.test.negative", negative_rows)):
        (folder / name).write_text("\n".join(rows) + "\n", encoding="utf-8")


def cpu_cuda(obj, *args, **kwargs):
    """The shim's ``.cuda()``: the module or tensor itself, on the CPU."""
    return obj


def main() -> None:
    for name, (text, blob) in FILES.items():
        if git_blob_id(text) != blob:
            sys.exit(f"{name} is not {SOURCE_REPO}'s at {SOURCE_COMMIT}")
        if name == "main.py":
            text = with_lines(text, RECORD_LINES)
        Path(name).write_text(text, encoding="utf-8")
    write_data(Path(DATA))
    sys.path.insert(0, str(Path.cwd()))  # main.py's `import model, config, ...`, as in its repo
    import config  # the verbatim config.py just written; main.py and data_utils.py import it

    # config.py's main_path is its author's folder: the case's, with config.py's expressions
    config.main_path = DATA
    config.train_rating = config.main_path + f"{config.dataset}.train.rating"
    config.test_rating = config.main_path + f"{config.dataset}.test.rating"
    config.test_negative = config.main_path + f"{config.dataset}.test.negative"
    torch.nn.Module.cuda = cpu_cuda  # "a pytorch GPU implementation": .cuda() on the CPU
    torch.Tensor.cuda = cpu_cuda

    random.seed(0)  # main.py seeds nothing: the case does, for a run that repeats
    np.random.seed(0)
    torch.manual_seed(0)
    record: list[tuple[int, float, float]] = []
    sys.argv = list(ARGV)
    scope = runpy.run_path("main.py", init_globals={"ZOO_RECORD": record},
                           run_name="__main__")

    # --- the truth: the values each epoch's print showed, at full precision ---
    assert [epoch for epoch, _, _ in record] == list(range(EPOCHS)), record
    best = record[scope["best_epoch"]]  # the closing line repeats this epoch's values
    assert (scope["best_hr"], scope["best_ndcg"]) == best[1:], (scope["best_hr"], best)
    source = (f"{SOURCE_REPO}@{SOURCE_COMMIT[:8]} (no release; torch {torch.__version__}, "
              f"numpy {np.__version__}, pandas {pandas.__version__}, scipy "
              f"{scipy.__version__}, tensorboardX {tensorboardX.__version__})")
    write_truth("NCF (guoyang9)", SOURCE_COMMIT[:8] + " (torch " + torch.__version__ + ")",
                "main.py's np.mean(HR) and np.mean(NDCG) after each epoch's print "
                "(a line the case adds after it); " + source,
                {"HR": series([(epoch, hr) for epoch, hr, _ in record], "epoch",
                              tolerance=5e-4),
                 "NDCG": series([(epoch, ndcg) for epoch, _, ndcg in record], "epoch",
                                tolerance=5e-4)},
                also_ok=["time_elapse", "time"],
                notes=f"the closing 'End. Best epoch {scope['best_epoch']:03d}' line repeats "
                      "that epoch's HR and NDCG (a running best printed again): no "
                      "observation of its own")


# main.py at SOURCE_COMMIT, verbatim
MAIN_PY = r"""import os
import time
import argparse
import numpy as np

import torch
import torch.nn as nn
import torch.optim as optim
import torch.utils.data as data
import torch.backends.cudnn as cudnn
from tensorboardX import SummaryWriter

import model
import config
import evaluate
import data_utils


parser = argparse.ArgumentParser()
parser.add_argument("--lr", 
	type=float, 
	default=0.001, 
	help="learning rate")
parser.add_argument("--dropout", 
	type=float,
	default=0.0,  
	help="dropout rate")
parser.add_argument("--batch_size", 
	type=int, 
	default=256, 
	help="batch size for training")
parser.add_argument("--epochs", 
	type=int,
	default=20,  
	help="training epoches")
parser.add_argument("--top_k", 
	type=int, 
	default=10, 
	help="compute metrics@top_k")
parser.add_argument("--factor_num", 
	type=int,
	default=32, 
	help="predictive factors numbers in the model")
parser.add_argument("--num_layers", 
	type=int,
	default=3, 
	help="number of layers in MLP model")
parser.add_argument("--num_ng", 
	type=int,
	default=4, 
	help="sample negative items for training")
parser.add_argument("--test_num_ng", 
	type=int,
	default=99, 
	help="sample part of negative items for testing")
parser.add_argument("--out", 
	default=True,
	help="save model or not")
parser.add_argument("--gpu", 
	type=str,
	default="0",  
	help="gpu card ID")
args = parser.parse_args()

os.environ["CUDA_VISIBLE_DEVICES"] = args.gpu
cudnn.benchmark = True


############################## PREPARE DATASET ##########################
train_data, test_data, user_num ,item_num, train_mat = data_utils.load_all()

# construct the train and test datasets
train_dataset = data_utils.NCFData(
		train_data, item_num, train_mat, args.num_ng, True)
test_dataset = data_utils.NCFData(
		test_data, item_num, train_mat, 0, False)
train_loader = data.DataLoader(train_dataset,
		batch_size=args.batch_size, shuffle=True, num_workers=4)
test_loader = data.DataLoader(test_dataset,
		batch_size=args.test_num_ng+1, shuffle=False, num_workers=0)

########################### CREATE MODEL #################################
if config.model == 'NeuMF-pre':
	assert os.path.exists(config.GMF_model_path), 'lack of GMF model'
	assert os.path.exists(config.MLP_model_path), 'lack of MLP model'
	GMF_model = torch.load(config.GMF_model_path)
	MLP_model = torch.load(config.MLP_model_path)
else:
	GMF_model = None
	MLP_model = None

model = model.NCF(user_num, item_num, args.factor_num, args.num_layers, 
						args.dropout, config.model, GMF_model, MLP_model)
model.cuda()
loss_function = nn.BCEWithLogitsLoss()

if config.model == 'NeuMF-pre':
	optimizer = optim.SGD(model.parameters(), lr=args.lr)
else:
	optimizer = optim.Adam(model.parameters(), lr=args.lr)

# writer = SummaryWriter() # for visualization

########################### TRAINING #####################################
count, best_hr = 0, 0
for epoch in range(args.epochs):
	model.train() # Enable dropout (if have).
	start_time = time.time()
	train_loader.dataset.ng_sample()

	for user, item, label in train_loader:
		user = user.cuda()
		item = item.cuda()
		label = label.float().cuda()

		model.zero_grad()
		prediction = model(user, item)
		loss = loss_function(prediction, label)
		loss.backward()
		optimizer.step()
		# writer.add_scalar('data/loss', loss.item(), count)
		count += 1

	model.eval()
	HR, NDCG = evaluate.metrics(model, test_loader, args.top_k)

	elapsed_time = time.time() - start_time
	print("The time elapse of epoch {:03d}".format(epoch) + " is: " + 
			time.strftime("%H: %M: %S", time.gmtime(elapsed_time)))
	print("HR: {:.3f}\tNDCG: {:.3f}".format(np.mean(HR), np.mean(NDCG)))

	if HR > best_hr:
		best_hr, best_ndcg, best_epoch = HR, NDCG, epoch
		if args.out:
			if not os.path.exists(config.model_path):
				os.mkdir(config.model_path)
			torch.save(model, 
				'{}{}.pth'.format(config.model_path, config.model))

print("End. Best epoch {:03d}: HR = {:.3f}, NDCG = {:.3f}".format(
									best_epoch, best_hr, best_ndcg))
"""  # noqa: W291


# config.py at SOURCE_COMMIT, verbatim
CONFIG_PY = r"""# dataset name 
dataset = 'ml-1m'
assert dataset in ['ml-1m', 'pinterest-20']

# model name 
model = 'NeuMF-end'
assert model in ['MLP', 'GMF', 'NeuMF-end', 'NeuMF-pre']

# paths
main_path = '/home/share/guoyangyang/recommendation/NCF-Data/'

train_rating = main_path + '{}.train.rating'.format(dataset)
test_rating = main_path + '{}.test.rating'.format(dataset)
test_negative = main_path + '{}.test.negative'.format(dataset)

model_path = './models/'
GMF_model_path = model_path + 'GMF.pth'
MLP_model_path = model_path + 'MLP.pth'
NeuMF_model_path = model_path + 'NeuMF.pth'
"""  # noqa: W291


# data_utils.py at SOURCE_COMMIT, verbatim
DATA_UTILS_PY = r'''import numpy as np 
import pandas as pd 
import scipy.sparse as sp

import torch.utils.data as data

import config


def load_all(test_num=100):
	""" We load all the three file here to save time in each epoch. """
	train_data = pd.read_csv(
		config.train_rating, 
		sep='\t', header=None, names=['user', 'item'], 
		usecols=[0, 1], dtype={0: np.int32, 1: np.int32})

	user_num = train_data['user'].max() + 1
	item_num = train_data['item'].max() + 1

	train_data = train_data.values.tolist()

	# load ratings as a dok matrix
	train_mat = sp.dok_matrix((user_num, item_num), dtype=np.float32)
	for x in train_data:
		train_mat[x[0], x[1]] = 1.0

	test_data = []
	with open(config.test_negative, 'r') as fd:
		line = fd.readline()
		while line != None and line != '':
			arr = line.split('\t')
			u = eval(arr[0])[0]
			test_data.append([u, eval(arr[0])[1]])
			for i in arr[1:]:
				test_data.append([u, int(i)])
			line = fd.readline()
	return train_data, test_data, user_num, item_num, train_mat


class NCFData(data.Dataset):
	def __init__(self, features, 
				num_item, train_mat=None, num_ng=0, is_training=None):
		super(NCFData, self).__init__()
		""" Note that the labels are only useful when training, we thus 
			add them in the ng_sample() function.
		"""
		self.features_ps = features
		self.num_item = num_item
		self.train_mat = train_mat
		self.num_ng = num_ng
		self.is_training = is_training
		self.labels = [0 for _ in range(len(features))]

	def ng_sample(self):
		assert self.is_training, 'no need to sampling when testing'

		self.features_ng = []
		for x in self.features_ps:
			u = x[0]
			for t in range(self.num_ng):
				j = np.random.randint(self.num_item)
				while (u, j) in self.train_mat:
					j = np.random.randint(self.num_item)
				self.features_ng.append([u, j])

		labels_ps = [1 for _ in range(len(self.features_ps))]
		labels_ng = [0 for _ in range(len(self.features_ng))]

		self.features_fill = self.features_ps + self.features_ng
		self.labels_fill = labels_ps + labels_ng

	def __len__(self):
		return (self.num_ng + 1) * len(self.labels)

	def __getitem__(self, idx):
		features = self.features_fill if self.is_training \
					else self.features_ps
		labels = self.labels_fill if self.is_training \
					else self.labels

		user = features[idx][0]
		item = features[idx][1]
		label = labels[idx]
		return user, item ,label
		'''  # noqa: W291


# evaluate.py at SOURCE_COMMIT, verbatim
EVALUATE_PY = r"""import numpy as np
import torch


def hit(gt_item, pred_items):
	if gt_item in pred_items:
		return 1
	return 0


def ndcg(gt_item, pred_items):
	if gt_item in pred_items:
		index = pred_items.index(gt_item)
		return np.reciprocal(np.log2(index+2))
	return 0


def metrics(model, test_loader, top_k):
	HR, NDCG = [], []

	for user, item, label in test_loader:
		user = user.cuda()
		item = item.cuda()

		predictions = model(user, item)
		_, indices = torch.topk(predictions, top_k)
		recommends = torch.take(
				item, indices).cpu().numpy().tolist()

		gt_item = item[0].item()
		HR.append(hit(gt_item, recommends))
		NDCG.append(ndcg(gt_item, recommends))

	return np.mean(HR), np.mean(NDCG)
"""


# model.py at SOURCE_COMMIT, verbatim
MODEL_PY = r'''import torch
import torch.nn as nn
import torch.nn.functional as F 


class NCF(nn.Module):
	def __init__(self, user_num, item_num, factor_num, num_layers,
					dropout, model, GMF_model=None, MLP_model=None):
		super(NCF, self).__init__()
		"""
		user_num: number of users;
		item_num: number of items;
		factor_num: number of predictive factors;
		num_layers: the number of layers in MLP model;
		dropout: dropout rate between fully connected layers;
		model: 'MLP', 'GMF', 'NeuMF-end', and 'NeuMF-pre';
		GMF_model: pre-trained GMF weights;
		MLP_model: pre-trained MLP weights.
		"""		
		self.dropout = dropout
		self.model = model
		self.GMF_model = GMF_model
		self.MLP_model = MLP_model

		self.embed_user_GMF = nn.Embedding(user_num, factor_num)
		self.embed_item_GMF = nn.Embedding(item_num, factor_num)
		self.embed_user_MLP = nn.Embedding(
				user_num, factor_num * (2 ** (num_layers - 1)))
		self.embed_item_MLP = nn.Embedding(
				item_num, factor_num * (2 ** (num_layers - 1)))

		MLP_modules = []
		for i in range(num_layers):
			input_size = factor_num * (2 ** (num_layers - i))
			MLP_modules.append(nn.Dropout(p=self.dropout))
			MLP_modules.append(nn.Linear(input_size, input_size//2))
			MLP_modules.append(nn.ReLU())
		self.MLP_layers = nn.Sequential(*MLP_modules)

		if self.model in ['MLP', 'GMF']:
			predict_size = factor_num 
		else:
			predict_size = factor_num * 2
		self.predict_layer = nn.Linear(predict_size, 1)

		self._init_weight_()

	def _init_weight_(self):
		""" We leave the weights initialization here. """
		if not self.model == 'NeuMF-pre':
			nn.init.normal_(self.embed_user_GMF.weight, std=0.01)
			nn.init.normal_(self.embed_user_MLP.weight, std=0.01)
			nn.init.normal_(self.embed_item_GMF.weight, std=0.01)
			nn.init.normal_(self.embed_item_MLP.weight, std=0.01)

			for m in self.MLP_layers:
				if isinstance(m, nn.Linear):
					nn.init.xavier_uniform_(m.weight)
			nn.init.kaiming_uniform_(self.predict_layer.weight, 
									a=1, nonlinearity='sigmoid')

			for m in self.modules():
				if isinstance(m, nn.Linear) and m.bias is not None:
					m.bias.data.zero_()
		else:
			# embedding layers
			self.embed_user_GMF.weight.data.copy_(
							self.GMF_model.embed_user_GMF.weight)
			self.embed_item_GMF.weight.data.copy_(
							self.GMF_model.embed_item_GMF.weight)
			self.embed_user_MLP.weight.data.copy_(
							self.MLP_model.embed_user_MLP.weight)
			self.embed_item_MLP.weight.data.copy_(
							self.MLP_model.embed_item_MLP.weight)

			# mlp layers
			for (m1, m2) in zip(
				self.MLP_layers, self.MLP_model.MLP_layers):
				if isinstance(m1, nn.Linear) and isinstance(m2, nn.Linear):
					m1.weight.data.copy_(m2.weight)
					m1.bias.data.copy_(m2.bias)

			# predict layers
			predict_weight = torch.cat([
				self.GMF_model.predict_layer.weight, 
				self.MLP_model.predict_layer.weight], dim=1)
			precit_bias = self.GMF_model.predict_layer.bias + \
						self.MLP_model.predict_layer.bias

			self.predict_layer.weight.data.copy_(0.5 * predict_weight)
			self.predict_layer.bias.data.copy_(0.5 * precit_bias)

	def forward(self, user, item):
		if not self.model == 'MLP':
			embed_user_GMF = self.embed_user_GMF(user)
			embed_item_GMF = self.embed_item_GMF(item)
			output_GMF = embed_user_GMF * embed_item_GMF
		if not self.model == 'GMF':
			embed_user_MLP = self.embed_user_MLP(user)
			embed_item_MLP = self.embed_item_MLP(item)
			interaction = torch.cat((embed_user_MLP, embed_item_MLP), -1)
			output_MLP = self.MLP_layers(interaction)

		if self.model == 'GMF':
			concat = output_GMF
		elif self.model == 'MLP':
			concat = output_MLP
		else:
			concat = torch.cat((output_GMF, output_MLP), -1)

		prediction = self.predict_layer(concat)
		return prediction.view(-1)
'''  # noqa: W291


# what the case writes into the cwd: name -> (its text at SOURCE_COMMIT, its git blob id)
FILES = {
    "main.py": (MAIN_PY, "04df9079927b18c744e68f01ef02304be3b546b0"),
    "config.py": (CONFIG_PY, "95f948c61cc793d31abdcb5522598e3c2effc631"),
    "data_utils.py": (DATA_UTILS_PY, "8c8f8d5edf14a5029cfc517ed67eda4e10d4872f"),
    "evaluate.py": (EVALUATE_PY, "8b1014dd87487d6c66ca087432c5f6d4da211c1b"),
    "model.py": (MODEL_PY, "12de7837600c6da0864f627537f5b2b408caa0b0"),
}


if __name__ == "__main__":
    main()

"""pmixer's SASRec.pytorch, "Self-Attentive Sequential Recommendation" in PyTorch (no pip
package, no release: repository commit fde8a9c08febc2c898dc269b1d98ab762c50d2be,
2026-03-19; the CPU build of torch 2.13.0 with numpy 2.4.6): its ``python/main.py`` run as
its README runs it, ``python main.py --dataset=ml-1m --train_dir=default --maxlen=200
--dropout_rate=0.2 --device=cuda``, here ``--maxlen=50 --num_epochs=60 --device=cpu`` (the
rest main.py's defaults: batch 128, lr 0.001, 2 blocks of 1 head, 50 hidden units, dropout
0.2, Adam betas (0.9, 0.98), BCE-with-logits on each position's positive and one sampled
negative item). main.py evaluates when ``epoch % 20 == 0`` (hard-coded, no option), so 60
epochs give three evaluations, at epochs 20, 40 and 60; about 25-45 s of CPU here.
Files: ``main.py``, ``model.py`` and ``utils.py`` (all of ``python/``'s code) at that
commit, held verbatim below, each checked against its git blob id (``main.py`` before the
case's line is added), written into the cwd in the repository's layout and run in-process
(``runpy``, as ``__main__``, ``sys.argv`` as above, the cwd first on ``sys.path``).
Data: ``utils.build_index`` and ``data_partition`` read ``data/ml-1m.txt``, a line an
interaction ``user item`` (1-based ids, each user's lines in time order), as the repository
ships it (``python/data/ml-1m.txt``; not in this mirror's snapshot, nor needed). The case
writes a synthetic one: 300 users who each walk a ring of 120 items (a step of 1, 2 or a
random jump) for 8 to 30 interactions, 5696 lines; ``data_partition`` keeps each user's
last item for the test and the one before it for validation. 300 users make
``num_batch = (300 - 1) // 128 + 1 = 3`` batches an epoch, 180 in all.

What it prints (stdout; nothing on stderr)::

 average sequence length: 16.99
 loss in epoch 1 iteration 0: 1.5194871425628662
 loss in epoch 1 iteration 1: 1.5147323608398438
 ...
 Evaluating......epoch:20, time: 8.763191(s), valid (NDCG@10: 0.7525, HR@10: 0.8867), test
   (NDCG@10: 0.5904, HR@10: 0.8633)
 ...
 Done

(the evaluation line is one line, wrapped here). A loss line a batch (``"...:
{}".format(loss.item())``, Python's repr, full precision; ``iteration`` counts the batches
from 0 again each epoch). At an evaluation main.py prints
``Evaluating`` with no newline, ``utils.evaluate`` (test) and ``evaluate_valid`` (validation)
each print a dot per 100 users on the same line, then the result line follows the dots:
``epoch:%d, time: %f(s), valid (NDCG@10: %.4f, HR@10: %.4f), test (NDCG@10: %.4f, HR@10:
%.4f)``; ``time`` is the training time summed over the evaluations so far. Each evaluation
that improves any of the four values saves ``SASRec.epoch=20....pth``, and the last epoch
saves one too, under ``ml-1m_default/`` beside ``args.txt``.

Truth: main.py's own record is ``ml-1m_default/log.txt``: a header ``epoch (val_ndcg,
val_hr) (test_ndcg, test_hr)`` and a line an evaluation, ``str(epoch) + ' ' + str(t_valid) +
' ' + str(t_test)``, the tuples as Python writes them, at full precision (``20
(np.float64(0.7524563814406824), 0.8866666666666667) (np.float64(0.5904068834934884),
0.8633333333333333)``: NDCG sums numpy floats, and numpy 2's repr names its type); the case
reads the evaluations back from it (``read_log``) and keeps the file (``files``). The loss
is in no file (no logger, no history; the checkpoints hold weights only), so one line added
to the stock text (``RECORD_LINES``, no line changed), right after the loss print, appends
``(epoch, step, loss.item())`` to a list the case passes in (``runpy``'s ``init_globals``);
nothing is parsed from stdout. Judgement calls (docs/metrics.md):
- Names as printed inside their groups: the group word before the parentheses is the phase
  (``valid (NDCG@10: ..., HR@10: ...)``), so ``valid_NDCG@10``, ``valid_HR@10``,
  ``test_NDCG@10``, ``test_HR@10`` (log.txt's header calls them ``val_ndcg``, ``val_hr``, ...,
  but that header is a comment over unkeyed tuples, and the screen's names are the keys the
  run shows); ``loss`` for the loss lines.
- Counts: ``loss`` 180 points (every batch of the 60 epochs); each evaluation series 3
  (epochs 20, 40, 60), axis ``epoch``.
- Axis of ``loss``: ``step``, the batch count over the run from 1 (``(epoch - 1) * 3 +
  iteration + 1``, the optimizer's step); the line's own ``iteration`` starts again at 0
  each epoch (exptrack records it as the step; the axis is a note, not scored).
- Tolerances: the loss is printed at full precision: 1e-12. The evaluations print ``%.4f``:
  5e-5 (half a unit of the 4th decimal).
- ``also_ok``: ``time`` (seconds of training so far, kept by nothing).
- Not metrics: ``average sequence length: 16.99`` (a statistic of the data, computed once
  from the training sequences before the model is built; in no record), ``epoch:20`` (the
  axis), the dots, ``Done``.
- Determinism: main.py seeds nothing; the case seeds ``random``, numpy and torch before
  running it (initialisation, dropout, the evaluations' 100 negative items a user, and the
  seeds ``WarpSampler`` draws for its workers). But ``WarpSampler`` runs 3 worker processes
  (``n_workers=3``, hard-coded) that put batches into one queue, and which worker's batch
  comes first varies with the scheduler: the first two losses repeat, the later ones and
  the evaluations differ from run to run (the pipe's and the pty's truths differ). Each
  truth is its own run's record, so the fixtures stay consistent.
"""
# zoo-venv: sasrec2

import ast
import random
import re
import runpy
import sys
from importlib.metadata import version
from pathlib import Path

import numpy as np
import torch
from _truth import series, write_truth
from _verbatim import git_blob_id, with_lines

SOURCE_REPO = "pmixer/SASRec.pytorch"
SOURCE_COMMIT = "fde8a9c08febc2c898dc269b1d98ab762c50d2be"
EPOCHS = 60  # main.py evaluates when epoch % 20 == 0: at 20, 40 and 60
ARGS = ["--dataset=ml-1m", "--train_dir=default", "--maxlen=50", f"--num_epochs={EPOCHS}",
        "--device=cpu"]
USERS, ITEMS = 300, 120
SEED = 0

# the record: a line added to main.py right after its loss print (anchor -> the anchor and
# the line after it); no line of the stock text changed. The evaluations are in its own
# log.txt, at full precision.
RECORD_LINES = {
    '            print("loss in epoch {} iteration {}: {}".format(epoch, step, loss.item()))'
    " # expected 0.4~0.6 after init few epochs\n":
        "            ZOO_RECORD.append((epoch, step, loss.item()))"
        "  # zoo: the value just printed\n",
}


def write_interactions(path: Path, seed: int = SEED) -> None:
    """``data/ml-1m.txt`` as the repository's ships it (``python/data/ml-1m.txt``, which
    ``build_index`` and ``data_partition`` read): a line an interaction, ``user item``,
    1-based ids, each user's lines in time order. Synthetic: each user walks the ring of
    items from a random start, a step of 1 (p 0.7), 2 (0.2) or a random jump (0.1), for
    8 to 30 interactions, so the next item is mostly predictable."""
    rng = np.random.default_rng(seed)
    lines = []
    for user in range(1, USERS + 1):
        item = int(rng.integers(1, ITEMS + 1))
        for _ in range(int(rng.integers(8, 31))):
            lines.append(f"{user} {item}\n")
            draw = rng.random()
            step = 1 if draw < 0.7 else 2 if draw < 0.9 else int(rng.integers(3, ITEMS))
            item = (item - 1 + step) % ITEMS + 1
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("".join(lines), encoding="utf-8")


def read_log(path: Path) -> list[tuple[int, tuple[float, float], tuple[float, float]]]:
    """main.py's ``log.txt``: a header line, then ``str(epoch) + ' ' + str(t_valid) + ' ' +
    str(t_test)`` an evaluation, each tuple ``(NDCG@10, HR@10)`` as Python writes it (repr,
    full precision; numpy 2 writes a numpy float as ``np.float64(0.12...)``)."""
    rows = []
    lines = path.read_text(encoding="utf-8").splitlines()
    assert lines[0] == "epoch (val_ndcg, val_hr) (test_ndcg, test_hr)", lines[0]
    for line in lines[1:]:
        epoch, rest = line.split(" ", 1)
        plain = re.sub(r"np\.float64\(([^()]*)\)", r"\1", rest)
        valid, test = re.fullmatch(r"(\(.*?\)) (\(.*?\))", plain).groups()
        rows.append((int(epoch), ast.literal_eval(valid), ast.literal_eval(test)))
    return rows


def main() -> None:
    for name, (text, blob) in FILES.items():
        if git_blob_id(text) != blob:
            sys.exit(f"{name} is not {SOURCE_REPO}'s python/{name} at {SOURCE_COMMIT}")
        if name == "main.py":
            text = with_lines(text, RECORD_LINES)
        Path(name).write_text(text, encoding="utf-8")
    write_interactions(Path("data/ml-1m.txt"))
    # main.py seeds nothing: the case seeds Python's, numpy's and torch's generators (the
    # initialisation, dropout, the samplers' seeds, the evaluations' negative items)
    random.seed(SEED)
    np.random.seed(SEED)
    torch.manual_seed(SEED)

    sys.path.insert(0, str(Path.cwd()))  # main.py's `from model import ...`, `from utils ...`
    record: list[tuple[int, int, float]] = []
    sys.argv = ["main.py", *ARGS]
    runpy.run_path("main.py", init_globals={"ZOO_RECORD": record}, run_name="__main__")
    sys.stdout.flush()

    batches = (USERS - 1) // 128 + 1  # main.py's num_batch at its default --batch_size
    assert [(e, s) for e, s, _ in record] == [
        (e, s) for e in range(1, EPOCHS + 1) for s in range(batches)], record[:5]
    log = Path("ml-1m_default/log.txt")
    evaluations = read_log(log)
    assert [row[0] for row in evaluations] == list(range(20, EPOCHS + 1, 20)), evaluations
    metrics = {"loss": series([((e - 1) * batches + s + 1, value) for e, s, value in record],
                              "step", tolerance=1e-12)}
    for group, column in (("valid", 1), ("test", 2)):
        for index, name in enumerate(["NDCG@10", "HR@10"]):
            metrics[f"{group}_{name}"] = series(
                [(row[0], row[column][index]) for row in evaluations], "epoch",
                tolerance=5e-5)
    write_truth(
        "SASRec.pytorch (pmixer)", f"repo {SOURCE_COMMIT[:12]}",
        "the loss: main.py's value, kept by a line added after its print (RECORD_LINES); "
        "the evaluations: main.py's own log.txt (ml-1m_default/log.txt), its tuples at full "
        "precision",
        metrics, files=[str(log)], also_ok=["time"],
        notes=f"{SOURCE_REPO} at {SOURCE_COMMIT} (no release), torch {version('torch')}, "
              f"numpy {np.__version__}; python main.py {' '.join(ARGS)}; synthetic "
              f"data/ml-1m.txt: {USERS} users, {ITEMS} items; {batches} batches an epoch "
              f"(batch 128), the loss's step counts them from 1 over the epochs "
              f"(step = (epoch - 1) * {batches} + iteration + 1); evaluations at epochs "
              f"20, 40, 60")


# python/main.py at SOURCE_COMMIT, verbatim (git blob afaf7e19103637d37882f72a520a9f84bd1898e4)
MAIN_PY = r'''import os
import time
import torch
import argparse

from model import SASRec
from utils import *

def str2bool(s):
    if s not in {'false', 'true'}:
        raise ValueError('Not a valid boolean string')
    return s == 'true'

parser = argparse.ArgumentParser()
parser.add_argument('--dataset', required=True)
parser.add_argument('--train_dir', required=True)
parser.add_argument('--batch_size', default=128, type=int)
parser.add_argument('--lr', default=0.001, type=float)
parser.add_argument('--maxlen', default=200, type=int)
parser.add_argument('--hidden_units', default=50, type=int)
parser.add_argument('--num_blocks', default=2, type=int)
parser.add_argument('--num_epochs', default=1000, type=int)
parser.add_argument('--num_heads', default=1, type=int)
parser.add_argument('--dropout_rate', default=0.2, type=float)
parser.add_argument('--l2_emb', default=0.0, type=float)
parser.add_argument('--device', default='cuda', type=str)
parser.add_argument('--inference_only', default=False, type=str2bool)
parser.add_argument('--state_dict_path', default=None, type=str)
parser.add_argument('--norm_first', action='store_true', default=False)

args = parser.parse_args()
if not os.path.isdir(args.dataset + '_' + args.train_dir):
    os.makedirs(args.dataset + '_' + args.train_dir)
with open(os.path.join(args.dataset + '_' + args.train_dir, 'args.txt'), 'w') as f:
    f.write('\n'.join([str(k) + ',' + str(v) for k, v in sorted(vars(args).items(), key=lambda x: x[0])]))
f.close()

if __name__ == '__main__':

    u2i_index, i2u_index = build_index(args.dataset)
    
    # global dataset
    dataset = data_partition(args.dataset)

    [user_train, user_valid, user_test, usernum, itemnum] = dataset
    # num_batch = len(user_train) // args.batch_size # tail? + ((len(user_train) % args.batch_size) != 0)
    num_batch = (len(user_train) - 1) // args.batch_size + 1
    cc = 0.0
    for u in user_train:
        cc += len(user_train[u])
    print('average sequence length: %.2f' % (cc / len(user_train)))
    
    f = open(os.path.join(args.dataset + '_' + args.train_dir, 'log.txt'), 'w')
    f.write('epoch (val_ndcg, val_hr) (test_ndcg, test_hr)\n')
    
    sampler = WarpSampler(user_train, usernum, itemnum, batch_size=args.batch_size, maxlen=args.maxlen, n_workers=3)
    model = SASRec(usernum, itemnum, args).to(args.device) # no ReLU activation in original SASRec implementation?
    
    for name, param in model.named_parameters():
        try:
            torch.nn.init.xavier_normal_(param.data)
        except:
            pass # just ignore those failed init layers

    model.pos_emb.weight.data[0, :] = 0
    model.item_emb.weight.data[0, :] = 0

    # this fails embedding init 'Embedding' object has no attribute 'dim'
    # model.apply(torch.nn.init.xavier_uniform_)
    
    model.train() # enable model training
    
    epoch_start_idx = 1
    if args.state_dict_path is not None:
        try:
            model.load_state_dict(torch.load(args.state_dict_path, map_location=torch.device(args.device)))
            tail = args.state_dict_path[args.state_dict_path.find('epoch=') + 6:]
            epoch_start_idx = int(tail[:tail.find('.')]) + 1
        except: # in case your pytorch version is not 1.6 etc., pls debug by pdb if load weights failed
            print('failed loading state_dicts, pls check file path: ', end="")
            print(args.state_dict_path)
            print('pdb enabled for your quick check, pls type exit() if you do not need it')
            import pdb; pdb.set_trace()
            
    
    if args.inference_only:
        model.eval()
        t_test = evaluate(model, dataset, args)
        print('test (NDCG@10: %.4f, HR@10: %.4f)' % (t_test[0], t_test[1]))
    
    # ce_criterion = torch.nn.CrossEntropyLoss()
    # https://github.com/NVIDIA/pix2pixHD/issues/9 how could an old bug appear again...
    bce_criterion = torch.nn.BCEWithLogitsLoss() # torch.nn.BCELoss()
    adam_optimizer = torch.optim.Adam(model.parameters(), lr=args.lr, betas=(0.9, 0.98))

    best_val_ndcg, best_val_hr = 0.0, 0.0
    best_test_ndcg, best_test_hr = 0.0, 0.0
    T = 0.0
    t0 = time.time()
    for epoch in range(epoch_start_idx, args.num_epochs + 1):
        if args.inference_only: break # just to decrease identition
        for step in range(num_batch): # tqdm(range(num_batch), total=num_batch, ncols=70, leave=False, unit='b'):
            u, seq, pos, neg = sampler.next_batch() # tuples to ndarray
            u, seq, pos, neg = np.array(u), np.array(seq), np.array(pos), np.array(neg)
            pos_logits, neg_logits = model(u, seq, pos, neg)
            pos_labels, neg_labels = torch.ones(pos_logits.shape, device=args.device), torch.zeros(neg_logits.shape, device=args.device)
            # print("\neye ball check raw_logits:"); print(pos_logits); print(neg_logits) # check pos_logits > 0, neg_logits < 0
            adam_optimizer.zero_grad()
            indices = np.where(pos != 0)
            loss = bce_criterion(pos_logits[indices], pos_labels[indices])
            loss += bce_criterion(neg_logits[indices], neg_labels[indices])
            # torch.norm(param) returns the square root of the sum of squared weights (‖w‖₂), 
            # should be torch.norm(param)**2 or the way below which is faster.
            for param in model.item_emb.parameters(): loss += args.l2_emb * torch.sum(param ** 2)    
            loss.backward()
            adam_optimizer.step()
            print("loss in epoch {} iteration {}: {}".format(epoch, step, loss.item())) # expected 0.4~0.6 after init few epochs

        if epoch % 20 == 0:
            model.eval()
            t1 = time.time() - t0
            T += t1
            print('Evaluating', end='')
            t_test = evaluate(model, dataset, args)
            t_valid = evaluate_valid(model, dataset, args)
            print('epoch:%d, time: %f(s), valid (NDCG@10: %.4f, HR@10: %.4f), test (NDCG@10: %.4f, HR@10: %.4f)'
                    % (epoch, T, t_valid[0], t_valid[1], t_test[0], t_test[1]))

            if t_valid[0] > best_val_ndcg or t_valid[1] > best_val_hr or t_test[0] > best_test_ndcg or t_test[1] > best_test_hr:
                best_val_ndcg = max(t_valid[0], best_val_ndcg)
                best_val_hr = max(t_valid[1], best_val_hr)
                best_test_ndcg = max(t_test[0], best_test_ndcg)
                best_test_hr = max(t_test[1], best_test_hr)
                folder = args.dataset + '_' + args.train_dir
                fname = 'SASRec.epoch={}.lr={}.layer={}.head={}.hidden={}.maxlen={}.pth'
                fname = fname.format(epoch, args.lr, args.num_blocks, args.num_heads, args.hidden_units, args.maxlen)
                torch.save(model.state_dict(), os.path.join(folder, fname))

            f.write(str(epoch) + ' ' + str(t_valid) + ' ' + str(t_test) + '\n')
            f.flush()
            t0 = time.time()
            model.train()
    
        if epoch == args.num_epochs:
            folder = args.dataset + '_' + args.train_dir
            fname = 'SASRec.epoch={}.lr={}.layer={}.head={}.hidden={}.maxlen={}.pth'
            fname = fname.format(args.num_epochs, args.lr, args.num_blocks, args.num_heads, args.hidden_units, args.maxlen)
            torch.save(model.state_dict(), os.path.join(folder, fname))
    
    f.close()
    sampler.close()
    print("Done")
'''  # noqa: E501, W291, W293


# python/model.py at SOURCE_COMMIT, verbatim (git blob ccc56bc97c65d4255bb599a433a9e2acbcd60a6e)
MODEL_PY = r'''import numpy as np
import torch


class PointWiseFeedForward(torch.nn.Module):
    def __init__(self, hidden_units, dropout_rate):

        super(PointWiseFeedForward, self).__init__()

        self.conv1 = torch.nn.Conv1d(hidden_units, hidden_units, kernel_size=1)
        self.dropout1 = torch.nn.Dropout(p=dropout_rate)
        self.relu = torch.nn.ReLU()
        self.conv2 = torch.nn.Conv1d(hidden_units, hidden_units, kernel_size=1)
        self.dropout2 = torch.nn.Dropout(p=dropout_rate)

    def forward(self, inputs):
        outputs = self.dropout2(self.conv2(self.relu(self.dropout1(self.conv1(inputs.transpose(-1, -2))))))
        outputs = outputs.transpose(-1, -2) # as Conv1D requires (N, C, Length)
        return outputs

# pls use the following self-made multihead attention layer
# in case your pytorch version is below 1.16 or for other reasons
# https://github.com/pmixer/TiSASRec.pytorch/blob/master/model.py

class SASRec(torch.nn.Module):
    def __init__(self, user_num, item_num, args):
        super(SASRec, self).__init__()

        self.user_num = user_num
        self.item_num = item_num
        self.dev = args.device
        self.norm_first = args.norm_first

        # TODO: loss += args.l2_emb for regularizing embedding vectors during training
        # https://stackoverflow.com/questions/42704283/adding-l1-l2-regularization-in-pytorch
        self.item_emb = torch.nn.Embedding(self.item_num+1, args.hidden_units, padding_idx=0)
        self.pos_emb = torch.nn.Embedding(args.maxlen+1, args.hidden_units, padding_idx=0)
        self.emb_dropout = torch.nn.Dropout(p=args.dropout_rate)

        self.attention_layernorms = torch.nn.ModuleList() # to be Q for self-attention
        self.attention_layers = torch.nn.ModuleList()
        self.forward_layernorms = torch.nn.ModuleList()
        self.forward_layers = torch.nn.ModuleList()

        self.last_layernorm = torch.nn.LayerNorm(args.hidden_units, eps=1e-8)

        for _ in range(args.num_blocks):
            new_attn_layernorm = torch.nn.LayerNorm(args.hidden_units, eps=1e-8)
            self.attention_layernorms.append(new_attn_layernorm)

            new_attn_layer =  torch.nn.MultiheadAttention(args.hidden_units,
                                                            args.num_heads,
                                                            args.dropout_rate)
            self.attention_layers.append(new_attn_layer)

            new_fwd_layernorm = torch.nn.LayerNorm(args.hidden_units, eps=1e-8)
            self.forward_layernorms.append(new_fwd_layernorm)

            new_fwd_layer = PointWiseFeedForward(args.hidden_units, args.dropout_rate)
            self.forward_layers.append(new_fwd_layer)

            # self.pos_sigmoid = torch.nn.Sigmoid()
            # self.neg_sigmoid = torch.nn.Sigmoid()

    def log2feats(self, log_seqs): # TODO: fp64 and int64 as default in python, trim?
        seqs = self.item_emb(torch.LongTensor(log_seqs).to(self.dev))
        seqs *= self.item_emb.embedding_dim ** 0.5
        poss = np.tile(np.arange(1, log_seqs.shape[1] + 1), [log_seqs.shape[0], 1])
        # TODO: directly do tensor = torch.arange(1, xxx, device='cuda') to save extra overheads
        poss *= (log_seqs != 0)
        seqs += self.pos_emb(torch.LongTensor(poss).to(self.dev))
        seqs = self.emb_dropout(seqs)

        tl = seqs.shape[1] # time dim len for enforce causality
        attention_mask = ~torch.tril(torch.ones((tl, tl), dtype=torch.bool, device=self.dev))

        for i in range(len(self.attention_layers)):
            seqs = torch.transpose(seqs, 0, 1)
            if self.norm_first:
                x = self.attention_layernorms[i](seqs)
                mha_outputs, _ = self.attention_layers[i](x, x, x,
                                                attn_mask=attention_mask)
                seqs = seqs + mha_outputs
                seqs = torch.transpose(seqs, 0, 1)
                seqs = seqs + self.forward_layers[i](self.forward_layernorms[i](seqs))
            else:
                mha_outputs, _ = self.attention_layers[i](seqs, seqs, seqs,
                                                attn_mask=attention_mask)
                seqs = self.attention_layernorms[i](seqs + mha_outputs)
                seqs = torch.transpose(seqs, 0, 1)
                seqs = self.forward_layernorms[i](seqs + self.forward_layers[i](seqs))

        log_feats = self.last_layernorm(seqs) # (U, T, C) -> (U, -1, C)

        return log_feats

    def forward(self, user_ids, log_seqs, pos_seqs, neg_seqs): # for training        
        log_feats = self.log2feats(log_seqs) # user_ids hasn't been used yet

        pos_embs = self.item_emb(torch.LongTensor(pos_seqs).to(self.dev))
        neg_embs = self.item_emb(torch.LongTensor(neg_seqs).to(self.dev))

        pos_logits = (log_feats * pos_embs).sum(dim=-1)
        neg_logits = (log_feats * neg_embs).sum(dim=-1)

        # pos_pred = self.pos_sigmoid(pos_logits)
        # neg_pred = self.neg_sigmoid(neg_logits)

        return pos_logits, neg_logits # pos_pred, neg_pred

    def predict(self, user_ids, log_seqs, item_indices): # for inference
        log_feats = self.log2feats(log_seqs) # user_ids hasn't been used yet

        final_feat = log_feats[:, -1, :] # only use last QKV classifier, a waste

        item_embs = self.item_emb(torch.LongTensor(item_indices).to(self.dev)) # (U, I, C)

        logits = item_embs.matmul(final_feat.unsqueeze(-1)).squeeze(-1)

        # preds = self.pos_sigmoid(logits) # rank same item list for different users

        return logits # preds # (U, I)
'''  # noqa: E501, W291


# python/utils.py at SOURCE_COMMIT, verbatim (git blob 309eea1556532f1608b5aa0670f39232a523d093)
UTILS_PY = r'''import sys
import copy
import torch
import random
import numpy as np
from collections import defaultdict
from multiprocessing import Process, Queue

def build_index(dataset_name):

    ui_mat = np.loadtxt('data/%s.txt' % dataset_name, dtype=np.int32)

    n_users = ui_mat[:, 0].max()
    n_items = ui_mat[:, 1].max()

    u2i_index = [[] for _ in range(n_users + 1)]
    i2u_index = [[] for _ in range(n_items + 1)]

    for ui_pair in ui_mat:
        u2i_index[ui_pair[0]].append(ui_pair[1])
        i2u_index[ui_pair[1]].append(ui_pair[0])

    return u2i_index, i2u_index

# sampler for batch generation
def random_neq(l, r, s):
    t = np.random.randint(l, r)
    while t in s:
        t = np.random.randint(l, r)
    return t


def sample_function(user_train, usernum, itemnum, batch_size, maxlen, result_queue, SEED):
    def sample(uid):

        # uid = np.random.randint(1, usernum + 1)
        while len(user_train[uid]) <= 1: uid = np.random.randint(1, usernum + 1)

        seq = np.zeros([maxlen], dtype=np.int32)
        pos = np.zeros([maxlen], dtype=np.int32)
        neg = np.zeros([maxlen], dtype=np.int32)
        nxt = user_train[uid][-1]
        idx = maxlen - 1

        ts = set(user_train[uid])
        for i in reversed(user_train[uid][:-1]):
            seq[idx] = i
            pos[idx] = nxt
            neg[idx] = random_neq(1, itemnum + 1, ts)          # Don't need "if nxt != 0"
            nxt = i
            idx -= 1
            if idx == -1: break

        return (uid, seq, pos, neg)

    np.random.seed(SEED)
    uids = np.arange(1, usernum+1, dtype=np.int32)
    counter = 0
    while True:
        if counter % usernum == 0:
            np.random.shuffle(uids)
        one_batch = []
        for i in range(batch_size):
            one_batch.append(sample(uids[counter % usernum]))
            counter += 1
        result_queue.put(zip(*one_batch))


class WarpSampler(object):
    def __init__(self, User, usernum, itemnum, batch_size=64, maxlen=10, n_workers=1):
        self.result_queue = Queue(maxsize=n_workers * 10)
        self.processors = []
        for i in range(n_workers):
            self.processors.append(
                Process(target=sample_function, args=(User,
                                                      usernum,
                                                      itemnum,
                                                      batch_size,
                                                      maxlen,
                                                      self.result_queue,
                                                      np.random.randint(2e9)
                                                      )))
            self.processors[-1].daemon = True
            self.processors[-1].start()

    def next_batch(self):
        return self.result_queue.get()

    def close(self):
        for p in self.processors:
            p.terminate()
            p.join()


# train/val/test data generation
def data_partition(fname):
    usernum = 0
    itemnum = 0
    User = defaultdict(list)
    user_train = {}
    user_valid = {}
    user_test = {}
    # assume user/item index starting from 1
    f = open('data/%s.txt' % fname, 'r')
    for line in f:
        u, i = line.rstrip().split(' ')
        u = int(u)
        i = int(i)
        usernum = max(u, usernum)
        itemnum = max(i, itemnum)
        User[u].append(i)

    for user in User:
        nfeedback = len(User[user])
        if nfeedback < 4:                          # To be rigorous, the training set needs at least two data points to learn
            user_train[user] = User[user]
            user_valid[user] = []
            user_test[user] = []
        else:
            user_train[user] = User[user][:-2]
            user_valid[user] = []
            user_valid[user].append(User[user][-2])
            user_test[user] = []
            user_test[user].append(User[user][-1])
    return [user_train, user_valid, user_test, usernum, itemnum]

# TODO: merge evaluate functions for test and val set
# evaluate on test set
def evaluate(model, dataset, args):
    [train, valid, test, usernum, itemnum] = copy.deepcopy(dataset)

    NDCG = 0.0
    HT = 0.0
    valid_user = 0.0

    if usernum>10000:
        users = random.sample(range(1, usernum + 1), 10000)
    else:
        users = range(1, usernum + 1)
    for u in users:

        if len(train[u]) < 1 or len(test[u]) < 1: continue

        seq = np.zeros([args.maxlen], dtype=np.int32)
        idx = args.maxlen - 1
        seq[idx] = valid[u][0]
        idx -= 1
        for i in reversed(train[u]):
            seq[idx] = i
            idx -= 1
            if idx == -1: break
        rated = set(train[u])
        rated.add(0)
        item_idx = [test[u][0]]
        for _ in range(100):
            t = np.random.randint(1, itemnum + 1)
            while t in rated: t = np.random.randint(1, itemnum + 1)
            item_idx.append(t)

        predictions = -model.predict(*[np.array(l) for l in [[u], [seq], item_idx]])
        predictions = predictions[0] # - for 1st argsort DESC

        rank = predictions.argsort().argsort()[0].item()

        valid_user += 1

        if rank < 10:
            NDCG += 1 / np.log2(rank + 2)
            HT += 1
        if valid_user % 100 == 0:
            print('.', end="")
            sys.stdout.flush()

    return NDCG / valid_user, HT / valid_user


# evaluate on val set
def evaluate_valid(model, dataset, args):
    [train, valid, test, usernum, itemnum] = copy.deepcopy(dataset)

    NDCG = 0.0
    valid_user = 0.0
    HT = 0.0
    if usernum>10000:
        users = random.sample(range(1, usernum + 1), 10000)
    else:
        users = range(1, usernum + 1)
    for u in users:
        if len(train[u]) < 1 or len(valid[u]) < 1: continue

        seq = np.zeros([args.maxlen], dtype=np.int32)
        idx = args.maxlen - 1
        for i in reversed(train[u]):
            seq[idx] = i
            idx -= 1
            if idx == -1: break

        rated = set(train[u])
        rated.add(0)
        item_idx = [valid[u][0]]
        for _ in range(100):
            t = np.random.randint(1, itemnum + 1)
            while t in rated: t = np.random.randint(1, itemnum + 1)
            item_idx.append(t)

        predictions = -model.predict(*[np.array(l) for l in [[u], [seq], item_idx]])
        predictions = predictions[0]

        rank = predictions.argsort().argsort()[0].item()

        valid_user += 1

        if rank < 10:
            NDCG += 1 / np.log2(rank + 2)
            HT += 1
        if valid_user % 100 == 0:
            print('.', end="")
            sys.stdout.flush()

    return NDCG / valid_user, HT / valid_user
'''  # noqa: E501


FILES = {
    "main.py": (MAIN_PY, "afaf7e19103637d37882f72a520a9f84bd1898e4"),
    "model.py": (MODEL_PY, "ccc56bc97c65d4255bb599a433a9e2acbcd60a6e"),
    "utils.py": (UTILS_PY, "309eea1556532f1608b5aa0670f39232a523d093"),
}


if __name__ == "__main__":
    main()

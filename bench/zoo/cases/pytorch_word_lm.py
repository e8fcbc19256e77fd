"""PyTorch's official word-level language model example, ``word_language_model/`` of
pytorch/examples at 77f55b91 (77f55b912142e11fcfdf5b530231fb9c52f181e8, 2025-08-25; its
``main.py``, ``data.py`` and ``model.py`` held verbatim below, each checked against its git
blob id), run as its README runs it, on the CPU (no ``--accel``), small: ``python main.py
--epochs 3 --log-interval 20 --emsize 32 --nhid 32 --bptt 20``. Every other argument at its
default: ``--model LSTM``, ``--nlayers 2``, ``--lr 20`` (plain SGD by hand, ``p.data.add_(
p.grad, alpha=-lr)``, the lr divided by 4 after an epoch whose validation loss does not
improve), ``--clip 0.25``, ``--batch_size 20`` (evaluation 10), ``--dropout 0.2``,
``--seed 1111``, ``--save model.pt``, ``--data ./data/wikitext-2``. WikiText-2 (shipped in
the repository, not in any package) is replaced by a tiny synthetic corpus in its layout,
written at that default path: ``train.txt`` (2200 lines, 18883 tokens with ``<eos>``),
``valid.txt`` and ``test.txt`` (220 lines each, about 1870 tokens), one sentence a line from
a small seeded grammar (``random.Random(0)``: determiner, optional adjective, noun, verb,
object, optional prepositional phrase; 51 words, 53 tokens with ``.`` and ``<eos>``), so the
loss falls.
The three files are written to the run's cwd and ``main.py`` runs in-process (``runpy``,
``sys.argv`` as above, the cwd first on ``sys.path`` for its ``import data``/``from model
import``), which prints what ``python main.py`` prints. About 1 s of training; the loss and
the seed repeat exactly (CPU, one thread), only the times vary.

What it prints (stdout): ``Using device: cpu``; per epoch two interval lines (47 batches of
20x20 tokens an epoch; ``batch % 20 == 0 and batch > 0``)::

    | epoch   1 |    20/   47 batches | lr 20.00 | ms/batch  8.16 | loss  3.81 | ppl    45.31

then, between rules of 89 dashes, ``| end of epoch   1 | time:  0.27s | valid loss  3.37 |
valid ppl    28.99``; after training, between rules of 89 ``=``, ``| End of training | test
loss  2.42 | test ppl    11.27`` (the best saved model reloaded, run on the test split).

Truth: the example keeps no record file (no logger, no history; ``model.pt`` is a
checkpoint), so its own variables are the record, as in ``pytorch_quickstart``: three lines
added to ``main.py`` (``RECORD_LINES``; nothing else changed), each right after the
example computes its value and before its print, keep ``(epoch, batch, cur_loss, lr)`` at
each interval, ``(epoch, val_loss)`` each epoch and ``(epoch, test_loss)`` at the end in a
dict the case passes in (``runpy``'s ``init_globals``); nothing is parsed from stdout.
Judgement calls (docs/metrics.md):
- Names: the framework keeps no keys, so each is named as its printed words by the docs'
  rule. ``loss``, ``ppl`` and ``lr`` on the interval line (no phase word before them: a
  training line); ``valid loss``/``valid ppl`` -> ``valid_loss``, ``valid_ppl`` and ``test
  loss``/``test ppl`` -> ``test_loss``, ``test_ppl`` ("Phases": a phase word before a name
  prefixes it as printed).
- ``loss`` is ``cur_loss = total_loss / args.log_interval``: the mean of the interval's
  batch losses as the example computes it (at batch 20 the sum holds batches 0..20, 21 of
  them, still divided by 20: the example's own arithmetic, kept). ``ppl`` is
  ``math.exp(cur_loss)``, as printed; ``valid_ppl``/``test_ppl`` ``math.exp`` of theirs.
  Perplexity is a quantity printed every interval, no reprint of the loss, so a metric.
- ``lr`` is the SGD step size in use (``lr`` the module variable the loop reads), printed
  on each interval line as the schedule's value: a series, 20.0 throughout here (the
  validation loss improves every epoch, so it is never annealed).
- Steps: ``20/   47 batches`` is the batch count after the epoch, the step (docs: "A count
  of batches after the epoch is the step (PyTorch's word language model ...)"), so the
  interval series are keyed ``step`` at the printed batch, 20 and 40, restarting each epoch
  (the epoch each is in is in ``notes``); ``47`` is the epoch's batch total, no metric. The
  epoch-end values are keyed ``epoch`` (1..3); the test values at the last epoch, 3 (the
  epoch the training ended with; the test runs the best saved model, here epoch 3's).
- Tolerances: 0.005, half the last printed digit of ``{:5.2f}`` (losses), ``{:8.2f}``
  (ppl) and ``{:02.2f}`` (lr); the truth values are exact floats.
- ``ms/batch`` (``elapsed * 1000 / log_interval``) and ``time:  0.27s`` (the epoch's wall
  time) are timings the example prints but keeps nowhere: ``also_ok``.
"""

# zoo-venv: wordlm

import math
import random
import runpy
import sys
from pathlib import Path

import torch
from _truth import series, write_truth
from _verbatim import git_blob_id, with_lines

SOURCE_REPO, SOURCE_COMMIT = "pytorch/examples", "77f55b912142e11fcfdf5b530231fb9c52f181e8"
BLOBS = {"main.py": "581b17cecd7d8008387c89f8e4b708dd33d88d01",  # word_language_model/ at
         "data.py": "a2f2249382b9eb094bb55c931ea68220e9a384fc",  # SOURCE_COMMIT
         "model.py": "94d773bd1e931f48d6e4cd82916e26987f2f096c"}
ARGV = ["main.py", "--epochs", "3", "--log-interval", "20", "--emsize", "32", "--nhid", "32",
        "--bptt", "20"]
# the record: three lines added to main.py, each after the example's own computation of the
# value and before its print (anchor -> the anchor and the line after it)
RECORD_LINES = {
    "            cur_loss = total_loss / args.log_interval\n":
        '            RECORD["interval"].append((epoch, batch, cur_loss, lr))  # the record\n',
    "        val_loss = evaluate(val_data)\n":
        '        RECORD["valid"].append((epoch, val_loss))  # the record\n',
    "test_loss = evaluate(test_data)\n":
        'RECORD["test"].append((epoch, test_loss))  # the record\n',
}


# a tiny synthetic corpus in WikiText-2's layout (space-separated tokens, one line each),
# written where --data's default points: a small grammar of sentences, seeded
DETS = ["the", "a", "every", "one"]
ADJS = ["small", "big", "red", "old", "quiet", "happy", "green", "tall"]
NOUNS = ["cat", "dog", "bird", "man", "woman", "child", "house", "tree", "river", "car",
         "book", "garden", "teacher", "horse", "boat", "city"]
TRANS = ["sees", "likes", "takes", "finds", "follows", "paints", "watches", "carries"]
INTRANS = ["sleeps", "runs", "sings", "waits", "falls", "laughs"]
ADVS = ["slowly", "quickly", "today", "again"]
PREPS = ["on", "near", "under", "with", "behind"]


def noun_phrase(rng: random.Random) -> list[str]:
    words = [rng.choice(DETS)]
    if rng.random() < 0.5:
        words.append(rng.choice(ADJS))
    return [*words, rng.choice(NOUNS)]


def sentence(rng: random.Random) -> str:
    words = noun_phrase(rng)
    if rng.random() < 0.6:
        words += [rng.choice(TRANS), *noun_phrase(rng)]
    else:
        words.append(rng.choice(INTRANS))
        if rng.random() < 0.5:
            words.append(rng.choice(ADVS))
    if rng.random() < 0.4:
        words += [rng.choice(PREPS), *noun_phrase(rng)]
    return " ".join([*words, "."])


def write_corpus(folder: Path) -> dict[str, int]:
    rng = random.Random(0)
    folder.mkdir(parents=True)
    tokens = {}
    for split, lines in (("train", 2200), ("valid", 220), ("test", 220)):
        text = [sentence(rng) for _ in range(lines)]
        (folder / f"{split}.txt").write_text("".join(f" {line} \n" for line in text),
                                             encoding="utf-8")
        tokens[split] = sum(len(line.split()) + 1 for line in text)  # + <eos>, as data.py
    return tokens



# pytorch/examples word_language_model/ at SOURCE_COMMIT, verbatim (blob ids above)
MAIN_PY = r'''# coding: utf-8
import argparse
import time
import math
import os
import torch
import torch.nn as nn
import torch.onnx

import data
from model import PositionalEncoding, RNNModel, TransformerModel

parser = argparse.ArgumentParser(description='PyTorch Wikitext-2 RNN/LSTM/GRU/Transformer Language Model')
parser.add_argument('--data', type=str, default='./data/wikitext-2',
                    help='location of the data corpus')
parser.add_argument('--model', type=str, default='LSTM',
                    help='type of network (RNN_TANH, RNN_RELU, LSTM, GRU, Transformer)')
parser.add_argument('--emsize', type=int, default=200,
                    help='size of word embeddings')
parser.add_argument('--nhid', type=int, default=200,
                    help='number of hidden units per layer')
parser.add_argument('--nlayers', type=int, default=2,
                    help='number of layers')
parser.add_argument('--lr', type=float, default=20,
                    help='initial learning rate')
parser.add_argument('--clip', type=float, default=0.25,
                    help='gradient clipping')
parser.add_argument('--epochs', type=int, default=40,
                    help='upper epoch limit')
parser.add_argument('--batch_size', type=int, default=20, metavar='N',
                    help='batch size')
parser.add_argument('--bptt', type=int, default=35,
                    help='sequence length')
parser.add_argument('--dropout', type=float, default=0.2,
                    help='dropout applied to layers (0 = no dropout)')
parser.add_argument('--tied', action='store_true',
                    help='tie the word embedding and softmax weights')
parser.add_argument('--seed', type=int, default=1111,
                    help='random seed')
parser.add_argument('--log-interval', type=int, default=200, metavar='N',
                    help='report interval')
parser.add_argument('--save', type=str, default='model.pt',
                    help='path to save the final model')
parser.add_argument('--onnx-export', type=str, default='',
                    help='path to export the final model in onnx format')
parser.add_argument('--nhead', type=int, default=2,
                    help='the number of heads in the encoder/decoder of the transformer model')
parser.add_argument('--dry-run', action='store_true',
                    help='verify the code and the model')
parser.add_argument('--accel', action='store_true',
                    help='Enables accelerated training')
parser.add_argument('--use-optimizer', action='store_true',
                    help='Uses AdamW optimizer for gradient updating')
args = parser.parse_args()

# Set the random seed manually for reproducibility.
torch.manual_seed(args.seed)

if args.accel and torch.accelerator.is_available():
    device = torch.accelerator.current_accelerator()

else:
    device = torch.device("cpu")

print("Using device:", device)

###############################################################################
# Load data
###############################################################################

corpus = data.Corpus(args.data)

# Starting from sequential data, batchify arranges the dataset into columns.
# For instance, with the alphabet as the sequence and batch size 4, we'd get
# ┌ a g m s ┐
# │ b h n t │
# │ c i o u │
# │ d j p v │
# │ e k q w │
# └ f l r x ┘.
# These columns are treated as independent by the model, which means that the
# dependence of e. g. 'g' on 'f' can not be learned, but allows more efficient
# batch processing.

def batchify(data, bsz):
    # Work out how cleanly we can divide the dataset into bsz parts.
    nbatch = data.size(0) // bsz
    # Trim off any extra elements that wouldn't cleanly fit (remainders).
    data = data.narrow(0, 0, nbatch * bsz)
    # Evenly divide the data across the bsz batches.
    data = data.view(bsz, -1).t().contiguous()
    return data.to(device)

eval_batch_size = 10
train_data = batchify(corpus.train, args.batch_size)
val_data = batchify(corpus.valid, eval_batch_size)
test_data = batchify(corpus.test, eval_batch_size)

###############################################################################
# Build the model
###############################################################################

ntokens = len(corpus.dictionary)
if args.model == 'Transformer':
    model = TransformerModel(ntokens, args.emsize, args.nhead, args.nhid, args.nlayers, args.dropout).to(device)
else:
    model = RNNModel(args.model, ntokens, args.emsize, args.nhid, args.nlayers, args.dropout, args.tied).to(device)

criterion = nn.NLLLoss()
if args.use_optimizer:
    optimizer = torch.optim.AdamW(model.parameters(), lr=args.lr)

###############################################################################
# Training code
###############################################################################

def repackage_hidden(h):
    """Wraps hidden states in new Tensors, to detach them from their history."""

    if isinstance(h, torch.Tensor):
        return h.detach()
    else:
        return tuple(repackage_hidden(v) for v in h)


# get_batch subdivides the source data into chunks of length args.bptt.
# If source is equal to the example output of the batchify function, with
# a bptt-limit of 2, we'd get the following two Variables for i = 0:
# ┌ a g m s ┐ ┌ b h n t ┐
# └ b h n t ┘ └ c i o u ┘
# Note that despite the name of the function, the subdivison of data is not
# done along the batch dimension (i.e. dimension 1), since that was handled
# by the batchify function. The chunks are along dimension 0, corresponding
# to the seq_len dimension in the LSTM.

def get_batch(source, i):
    seq_len = min(args.bptt, len(source) - 1 - i)
    data = source[i:i+seq_len]
    target = source[i+1:i+1+seq_len].view(-1)
    return data, target


def evaluate(data_source):
    # Turn on evaluation mode which disables dropout.
    model.eval()
    total_loss = 0.
    ntokens = len(corpus.dictionary)
    if args.model != 'Transformer':
        hidden = model.init_hidden(eval_batch_size)
    with torch.no_grad():
        for i in range(0, data_source.size(0) - 1, args.bptt):
            data, targets = get_batch(data_source, i)
            if args.model == 'Transformer':
                output = model(data)
                output = output.view(-1, ntokens)
            else:
                output, hidden = model(data, hidden)
                hidden = repackage_hidden(hidden)
            total_loss += len(data) * criterion(output, targets).item()
    return total_loss / (len(data_source) - 1)


def train():
    # Turn on training mode which enables dropout.
    model.train()
    total_loss = 0.
    start_time = time.time()
    ntokens = len(corpus.dictionary)
    if args.model != 'Transformer':
        hidden = model.init_hidden(args.batch_size)
    for batch, i in enumerate(range(0, train_data.size(0) - 1, args.bptt)):
        data, targets = get_batch(train_data, i)
        # Starting each batch, we detach the hidden state from how it was previously produced.
        # If we didn't, the model would try backpropagating all the way to start of the dataset.
        if args.use_optimizer:
            optimizer.zero_grad()
        else:
            model.zero_grad()
        if args.model == 'Transformer':
            output = model(data)
            output = output.view(-1, ntokens)
        else:
            hidden = repackage_hidden(hidden)
            output, hidden = model(data, hidden)
        loss = criterion(output, targets)
        loss.backward()

        # `clip_grad_norm` helps prevent the exploding gradient problem in RNNs / LSTMs.
        torch.nn.utils.clip_grad_norm_(model.parameters(), args.clip)
        if args.use_optimizer:
            optimizer.step()
        else:
            for p in model.parameters():
                p.data.add_(p.grad, alpha=-lr)

        total_loss += loss.item()

        if batch % args.log_interval == 0 and batch > 0:
            cur_loss = total_loss / args.log_interval
            elapsed = time.time() - start_time
            print('| epoch {:3d} | {:5d}/{:5d} batches | lr {:02.2f} | ms/batch {:5.2f} | '
                    'loss {:5.2f} | ppl {:8.2f}'.format(
                epoch, batch, len(train_data) // args.bptt, lr,
                elapsed * 1000 / args.log_interval, cur_loss, math.exp(cur_loss)))
            total_loss = 0
            start_time = time.time()
        if args.dry_run:
            break


def export_onnx(path, batch_size, seq_len):
    print('The model is also exported in ONNX format at {}.'.format(os.path.realpath(args.onnx_export)))
    model.eval()
    dummy_input = torch.LongTensor(seq_len * batch_size).zero_().view(-1, batch_size).to(device)
    hidden = model.init_hidden(batch_size)
    torch.onnx.export(model, (dummy_input, hidden), path)


# Loop over epochs.
lr = args.lr
best_val_loss = None

# At any point you can hit Ctrl + C to break out of training early.
try:
    for epoch in range(1, args.epochs+1):
        epoch_start_time = time.time()
        train()
        val_loss = evaluate(val_data)
        print('-' * 89)
        print('| end of epoch {:3d} | time: {:5.2f}s | valid loss {:5.2f} | '
                'valid ppl {:8.2f}'.format(epoch, (time.time() - epoch_start_time),
                                           val_loss, math.exp(val_loss)))
        print('-' * 89)
        # Save the model if the validation loss is the best we've seen so far.
        if not best_val_loss or val_loss < best_val_loss:
            with open(args.save, 'wb') as f:
                torch.save(model, f)
            best_val_loss = val_loss
        else:
            # Anneal the learning rate if no improvement has been seen in the validation dataset.
            lr /= 4.0
except KeyboardInterrupt:
    print('-' * 89)
    print('Exiting from training early')

# Load the best saved model.
with open(args.save, 'rb') as f:
    if args.model == 'Transformer':
        safe_globals = [
            PositionalEncoding,
            TransformerModel,
            torch.nn.functional.relu,
            torch.nn.modules.activation.MultiheadAttention,
            torch.nn.modules.container.ModuleList,
            torch.nn.modules.dropout.Dropout,
            torch.nn.modules.linear.Linear,
            torch.nn.modules.linear.NonDynamicallyQuantizableLinear,
            torch.nn.modules.normalization.LayerNorm,
            torch.nn.modules.sparse.Embedding,
            torch.nn.modules.transformer.TransformerEncoder,
            torch.nn.modules.transformer.TransformerEncoderLayer,
        ]
    else:
        safe_globals = [
            RNNModel,
            torch.nn.modules.dropout.Dropout,
            torch.nn.modules.linear.Linear,
            torch.nn.modules.rnn.GRU,
            torch.nn.modules.rnn.LSTM,
            torch.nn.modules.rnn.RNN,
            torch.nn.modules.sparse.Embedding,
        ]
    with torch.serialization.safe_globals(safe_globals):
        model = torch.load(f)
    # after load the rnn params are not a continuous chunk of memory
    # this makes them a continuous chunk, and will speed up forward pass
    # Currently, only rnn model supports flatten_parameters function.
    if args.model in ['RNN_TANH', 'RNN_RELU', 'LSTM', 'GRU']:
        model.rnn.flatten_parameters()

# Run on test data.
test_loss = evaluate(test_data)
print('=' * 89)
print('| End of training | test loss {:5.2f} | test ppl {:8.2f}'.format(
    test_loss, math.exp(test_loss)))
print('=' * 89)

if len(args.onnx_export) > 0:
    # Export the model in ONNX format.
    export_onnx(args.onnx_export, batch_size=1, seq_len=args.bptt)
'''  # noqa: E501
DATA_PY = r'''import os
from io import open
import torch

class Dictionary(object):
    def __init__(self):
        self.word2idx = {}
        self.idx2word = []

    def add_word(self, word):
        if word not in self.word2idx:
            self.idx2word.append(word)
            self.word2idx[word] = len(self.idx2word) - 1
        return self.word2idx[word]

    def __len__(self):
        return len(self.idx2word)


class Corpus(object):
    def __init__(self, path):
        self.dictionary = Dictionary()
        self.train = self.tokenize(os.path.join(path, 'train.txt'))
        self.valid = self.tokenize(os.path.join(path, 'valid.txt'))
        self.test = self.tokenize(os.path.join(path, 'test.txt'))

    def tokenize(self, path):
        """Tokenizes a text file."""
        assert os.path.exists(path)
        # Add words to the dictionary
        with open(path, 'r', encoding="utf8") as f:
            for line in f:
                words = line.split() + ['<eos>']
                for word in words:
                    self.dictionary.add_word(word)

        # Tokenize file content
        with open(path, 'r', encoding="utf8") as f:
            idss = []
            for line in f:
                words = line.split() + ['<eos>']
                ids = []
                for word in words:
                    ids.append(self.dictionary.word2idx[word])
                idss.append(torch.tensor(ids).type(torch.int64))
            ids = torch.cat(idss)

        return ids
'''
MODEL_PY = r'''import math
import torch
import torch.nn as nn
import torch.nn.functional as F

class RNNModel(nn.Module):
    """Container module with an encoder, a recurrent module, and a decoder."""

    def __init__(self, rnn_type, ntoken, ninp, nhid, nlayers, dropout=0.5, tie_weights=False):
        super(RNNModel, self).__init__()
        self.ntoken = ntoken
        self.drop = nn.Dropout(dropout)
        self.encoder = nn.Embedding(ntoken, ninp)
        if rnn_type in ['LSTM', 'GRU']:
            self.rnn = getattr(nn, rnn_type)(ninp, nhid, nlayers, dropout=dropout)
        else:
            try:
                nonlinearity = {'RNN_TANH': 'tanh', 'RNN_RELU': 'relu'}[rnn_type]
            except KeyError as e:
                raise ValueError( """An invalid option for `--model` was supplied,
                                 options are ['LSTM', 'GRU', 'RNN_TANH' or 'RNN_RELU']""") from e
            self.rnn = nn.RNN(ninp, nhid, nlayers, nonlinearity=nonlinearity, dropout=dropout)
        self.decoder = nn.Linear(nhid, ntoken)

        # Optionally tie weights as in:
        # "Using the Output Embedding to Improve Language Models" (Press & Wolf 2016)
        # https://arxiv.org/abs/1608.05859
        # and
        # "Tying Word Vectors and Word Classifiers: A Loss Framework for Language Modeling" (Inan et al. 2016)
        # https://arxiv.org/abs/1611.01462
        if tie_weights:
            if nhid != ninp:
                raise ValueError('When using the tied flag, nhid must be equal to emsize')
            self.decoder.weight = self.encoder.weight

        self.init_weights()

        self.rnn_type = rnn_type
        self.nhid = nhid
        self.nlayers = nlayers

    def init_weights(self):
        initrange = 0.1
        nn.init.uniform_(self.encoder.weight, -initrange, initrange)
        nn.init.zeros_(self.decoder.bias)
        nn.init.uniform_(self.decoder.weight, -initrange, initrange)

    def forward(self, input, hidden):
        emb = self.drop(self.encoder(input))
        output, hidden = self.rnn(emb, hidden)
        output = self.drop(output)
        decoded = self.decoder(output)
        decoded = decoded.view(-1, self.ntoken)
        return F.log_softmax(decoded, dim=1), hidden

    def init_hidden(self, bsz):
        weight = next(self.parameters())
        if self.rnn_type == 'LSTM':
            return (weight.new_zeros(self.nlayers, bsz, self.nhid),
                    weight.new_zeros(self.nlayers, bsz, self.nhid))
        else:
            return weight.new_zeros(self.nlayers, bsz, self.nhid)

# Temporarily leave PositionalEncoding module here. Will be moved somewhere else.
class PositionalEncoding(nn.Module):
    r"""Inject some information about the relative or absolute position of the tokens in the sequence.
        The positional encodings have the same dimension as the embeddings, so that the two can be summed.
        Here, we use sine and cosine functions of different frequencies.
    .. math:
        \text{PosEncoder}(pos, 2i) = sin(pos/10000^(2i/d_model))
        \text{PosEncoder}(pos, 2i+1) = cos(pos/10000^(2i/d_model))
        \text{where pos is the word position and i is the embed idx)
    Args:
        d_model: the embed dim (required).
        dropout: the dropout value (default=0.1).
        max_len: the max. length of the incoming sequence (default=5000).
    Examples:
        >>> pos_encoder = PositionalEncoding(d_model)
    """

    def __init__(self, d_model, dropout=0.1, max_len=5000):
        super(PositionalEncoding, self).__init__()
        self.dropout = nn.Dropout(p=dropout)

        pe = torch.zeros(max_len, d_model)
        position = torch.arange(0, max_len, dtype=torch.float).unsqueeze(1)
        div_term = torch.exp(torch.arange(0, d_model, 2).float() * (-math.log(10000.0) / d_model))
        pe[:, 0::2] = torch.sin(position * div_term)
        pe[:, 1::2] = torch.cos(position * div_term)
        pe = pe.unsqueeze(0).transpose(0, 1)
        self.register_buffer('pe', pe)

    def forward(self, x):
        r"""Inputs of forward function
        Args:
            x: the sequence fed to the positional encoder model (required).
        Shape:
            x: [sequence length, batch size, embed dim]
            output: [sequence length, batch size, embed dim]
        Examples:
            >>> output = pos_encoder(x)
        """

        x = x + self.pe[:x.size(0), :]
        return self.dropout(x)

class TransformerModel(nn.Transformer):
    """Container module with an encoder, a recurrent or transformer module, and a decoder."""

    def __init__(self, ntoken, ninp, nhead, nhid, nlayers, dropout=0.5):
        super(TransformerModel, self).__init__(d_model=ninp, nhead=nhead, dim_feedforward=nhid, num_encoder_layers=nlayers)
        self.model_type = 'Transformer'
        self.src_mask = None
        self.pos_encoder = PositionalEncoding(ninp, dropout)

        self.input_emb = nn.Embedding(ntoken, ninp)
        self.ninp = ninp
        self.decoder = nn.Linear(ninp, ntoken)

        self.init_weights()

    def _generate_square_subsequent_mask(self, sz):
        return torch.log(torch.tril(torch.ones(sz,sz)))

    def init_weights(self):
        initrange = 0.1
        nn.init.uniform_(self.input_emb.weight, -initrange, initrange)
        nn.init.zeros_(self.decoder.bias)
        nn.init.uniform_(self.decoder.weight, -initrange, initrange)

    def forward(self, src, has_mask=True):
        if has_mask:
            device = src.device
            if self.src_mask is None or self.src_mask.size(0) != len(src):
                mask = self._generate_square_subsequent_mask(len(src)).to(device)
                self.src_mask = mask
        else:
            self.src_mask = None

        src = self.input_emb(src) * math.sqrt(self.ninp)
        src = self.pos_encoder(src)
        output = self.encoder(src, mask=self.src_mask)
        output = self.decoder(output)
        return F.log_softmax(output, dim=-1)
'''  # noqa: E501


for name, text in (("main.py", MAIN_PY), ("data.py", DATA_PY), ("model.py", MODEL_PY)):
    if git_blob_id(text) != BLOBS[name]:
        sys.exit(f"{name} is not word_language_model/{name} as stored at {SOURCE_COMMIT}")
Path("data.py").write_text(DATA_PY, encoding="utf-8")
Path("model.py").write_text(MODEL_PY, encoding="utf-8")
Path("main.py").write_text(with_lines(MAIN_PY, RECORD_LINES), encoding="utf-8")
corpus_tokens = write_corpus(Path("data/wikitext-2"))

RECORD: dict[str, list[tuple]] = {"interval": [], "valid": [], "test": []}
sys.argv = ARGV
sys.path.insert(0, str(Path.cwd()))  # main.py imports data and model from its folder
runpy.run_path("main.py", init_globals={"RECORD": RECORD}, run_name="__main__")

# --- the truth: the example's own values, as its loop computed them ---

interval, valid, test = RECORD["interval"], RECORD["valid"], RECORD["test"]
assert len(valid) == 3 and len(test) == 1 and interval, RECORD
printed = 0.005  # {:5.2f}, {:8.2f}, {:02.2f}: half the last printed digit
write_truth(
    "pytorch", torch.__version__,
    f"{SOURCE_REPO} word_language_model/main.py at {SOURCE_COMMIT[:8]}: the values its loop "
    "computes and prints (it keeps no record file), kept by three lines added beside the "
    "prints: cur_loss and lr at each log interval, val_loss each epoch, test_loss at the end; "
    "ppl is math.exp of each loss, as printed",
    {
        "loss": series([(batch, loss) for _, batch, loss, _ in interval], "step",
                       tolerance=printed),
        "ppl": series([(batch, math.exp(loss)) for _, batch, loss, _ in interval], "step",
                      tolerance=printed),
        "lr": series([(batch, lr) for _, batch, _, lr in interval], "step", tolerance=printed),
        "valid_loss": series(valid, "epoch", tolerance=printed),
        "valid_ppl": series([(epoch, math.exp(loss)) for epoch, loss in valid], "epoch",
                            tolerance=printed),
        "test_loss": series(test, "epoch", tolerance=printed),
        "test_ppl": series([(epoch, math.exp(loss)) for epoch, loss in test], "epoch",
                           tolerance=printed),
    },
    also_ok=["ms/batch", "time"],
    notes=f"synthetic corpus tokens (with <eos>) {corpus_tokens}; interval lines at "
          f"(epoch, batch) {[(epoch, batch) for epoch, batch, _, _ in interval]}; "
          f"valid losses {[round(loss, 4) for _, loss in valid]}")

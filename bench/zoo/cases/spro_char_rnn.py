"""Sean Robertson's char-rnn.pytorch (spro/char-rnn.pytorch, no pip package, no release:
master's last commit 282bcb6b15ab3929d6a588b455cfc0f19f32add4, 2017-12-19) on the CPU build
of torch 2.13.0 with tqdm 4.70.1 and Unidecode 1.4.0: its ``train.py`` run as its README runs
it, ``python train.py shakespeare.txt`` with ``--n_epochs 200 --print_every 50 --hidden_size
32 --n_layers 1 --chunk_len 50 --batch_size 16`` (``--model gru``, ``--learning_rate 0.01``,
no ``--shuffle``/``--cuda``: its defaults). A GRU char model over ``string.printable`` (100
characters), Adam, one random batch of 16 chunks an "epoch" (train.py's word: ``for epoch in
tqdm(range(1, args.n_epochs + 1))`` draws one batch each). About 15-25 s of CPU here.
Files: ``train.py``, ``helpers.py``, ``model.py`` and ``generate.py`` (train.py's ``from
generate import *``) at that commit, held verbatim below, each checked against its git blob
id (train.py before the case's changes), written into the cwd as the repository lays them
out and run in-process (``runpy``, as ``__main__``, ``sys.argv`` as above, the cwd first on
``sys.path``).

Change to the copy (``CHANGES``, a text found once; nothing else differs but the record
line below): train.py's ``return loss.data[0] / args.chunk_len`` -> ``loss.item()``. Master
was written for torch 0.3, where the summed loss was a 1-element tensor; from torch 0.5 on,
indexing the 0-dim loss raises ``IndexError: invalid index of a 0-dim tensor`` (PyPI has no
torch before 1.0 for Python 3.6/3.7; ``ssd_pytorch`` makes the same change). The float
returned, and so the text printed, is the same. The rest (``Variable``, indexing
``all_characters`` with the 0-dim tensor ``torch.multinomial`` returns, ``torch.save`` of the
whole module) runs on torch 2.13 as committed, without a warning.

Data: ``shakespeare.txt``, Shakespeare-shaped plain text the case writes (speaker names and a
colon, 1-4 lines of words from a small list, a blank line; about 98 kB, ASCII, seeded), read
by helpers.read_file through ``unidecode``. A known bug of master, left as it is:
``random_training_set`` draws ``start_index = random.randint(0, file_len - chunk_len)``
(inclusive) and slices ``chunk_len + 1`` characters, so the last start gives a chunk one
short and ``inp[bi] = char_tensor(chunk[:-1])`` raises ``RuntimeError: The expanded size of
the tensor (50) must match the existing size (49)``: about 1 draw in ``file_len - 49``. With
a 29 kB corpus the 3,200 draws of this run hit it (seed 0, past epoch 150); with 98 kB and
seed 0 they do not, and the run repeats. train.py seeds nothing: the case seeds
``random`` (the chunks) and torch (the init, generate()'s sampling) with 0 before it runs.

What it prints: ``Training for 200 epochs...``, then tqdm's bar on stderr (``  24%|██▍
| 49/200 [00:04<00:10, 14.75it/s]``, redrawn with ``\\r``; the terminal's width under the pty,
10 bar cells under the pipe) and, every ``print_every`` epochs, on stdout and with no newline
before it, so that it ends the bar's last frame on the same line::

     24%|██▍       | 49/200 [00:04<00:10, 14.75it/s][0m 4s (50 25%) 1.8436]
    Whall hat wou ho bo shear spe hye wot met the fak whe im yey the lll weod hay wheh ad ath.
    OEOROKGpeaa

(``'[%s (%d %d%%) %.4f]' % (time_since(start), epoch, epoch / args.n_epochs * 100, loss)``:
the elapsed ``0m 4s``, the epoch and its percentage of ``n_epochs``, the loss; the ``[`` is
the format's own, no ANSI code: there is no escape byte before ``0m``), then 100 characters
sampled by ``generate(decoder, 'Wh', 100)`` and a blank line (``print(..., '\\n')``). At the
end ``Saving...``, the bar's closing 100% frame and ``Saved as shakespeare.pt``.

Truth: char-rnn.pytorch keeps no record (``all_losses`` is made and never filled; the
checkpoint ``shakespeare.pt`` is the pickled model only), so the value train.py computes is
the record: one line added right after the progress print (``RECORD_LINES``) appends
``(epoch, loss)`` (train()'s return, a Python float: ``CrossEntropyLoss``'s batch mean summed
over the ``chunk_len`` characters, divided by ``chunk_len``) to a list the case passes in
(``runpy``'s ``init_globals``); nothing is parsed from stdout. Judgement calls:
- Name ``loss``: the printed value has no name on the line (the format is
  ``[elapsed (epoch pct%) value]``); ``loss`` is train.py's own name for it (``loss =
  train(...)``, printed as ``loss``), as in the PyTorch char-RNN generation tutorial by the
  same author, which prints its ``loss`` with the same ``'%s (%d %d%%) %.4f'``.
- Axis ``epoch``: train.py's loop variable and its ``--n_epochs``/``Training for 200
  epochs``, printed as the first number in the parentheses (50, 100, 150, 200): 4 points.
  Each "epoch" is one batch, so a reader could call it a step; the printed word is epoch.
- Tolerance: ``%.4f`` -> 5e-5.
- ``also_ok``: tqdm's ``it/s`` (``s/it`` when slow) and ``time`` (the elapsed ``0m 4s``,
  time_since's ``'%dm %ds'``, no record).
- Not metrics: the ``25%`` (the epoch over ``n_epochs``), the sampled text, tqdm's counts
  and times.
"""
# zoo-venv: sprocharrnn

import random
import runpy
import sys
from importlib import metadata
from pathlib import Path

import torch
import tqdm
from _truth import series, write_truth
from _verbatim import git_blob_id, with_lines

SOURCE_REPO = "spro/char-rnn.pytorch"
SOURCE_COMMIT = "282bcb6b15ab3929d6a588b455cfc0f19f32add4"
ARGV = ["train.py", "shakespeare.txt", "--n_epochs", "200", "--print_every", "50",
        "--hidden_size", "32", "--n_layers", "1", "--chunk_len", "50", "--batch_size", "16"]

# train.py's one line torch 2.13 cannot run as committed (text found once -> its new text):
# `loss` is a 0-dim tensor, and `.data[0]` on it raises `IndexError: invalid index of a 0-dim
# tensor` from torch 0.5 on (master was written for torch 0.3, where it was a 1-element
# tensor; PyPI has no torch before 1.0 for Python 3.6/3.7). `.item()` gives the same float.
CHANGES = {
    "    return loss.data[0] / args.chunk_len\n": "    return loss.item() / args.chunk_len\n",
}
# the record: a line added right after the progress print (anchor -> the line after it); no
# line of the stock text changed but CHANGES'. train() returns the chunk's mean loss as a
# Python float, printed with %.4f; the line keeps it at full precision.
RECORD_LINES = {
    "            print('[%s (%d %d%%) %.4f]' % (time_since(start), epoch, epoch / args.n_epochs"
    " * 100, loss))\n":
        "            ZOO_RECORD.append((epoch, loss))  # zoo: the value just printed\n",
}

SPEAKERS = ["KING HENRY", "FALSTAFF", "PORTIA", "ROMEO", "JULIET", "LEAR", "OPHELIA",
            "First Citizen", "MENENIUS", "HAMLET"]
WORDS = ["the", "and", "my", "of", "to", "you", "a", "I", "that", "is", "in", "not", "with", "me",
         "it", "his", "be", "your", "thy", "thou", "this", "but", "for", "have", "what", "so",
         "him", "will", "do", "all", "shall", "her", "no", "by", "on", "as", "our", "lord", "good",
         "now", "love", "come", "sir", "are", "we", "how", "more", "they", "if", "then", "king",
         "well", "death", "night", "heart", "upon", "speak", "fair", "sweet", "let", "hath",
         "doth", "would", "there", "when", "which", "tell"]


def write_corpus(path: Path, lines: int = 5000, seed: int = 0) -> None:
    """Shakespeare-shaped plain text (a speaker's name, a colon, blank-verse-ish lines),
    seeded; about 30 kB, ASCII, so unidecode leaves it as it is."""
    rng = random.Random(seed)
    out = []
    while len(out) < lines:
        out.append(rng.choice(SPEAKERS) + ":")
        for _ in range(rng.randint(1, 4)):
            words = [rng.choice(WORDS) for _ in range(rng.randint(5, 9))]
            line = " ".join(words)
            out.append(line[0].upper() + line[1:] + rng.choice([",", ".", ";", "?", "!"]))
        out.append("")
    path.write_text("\n".join(out) + "\n", encoding="utf-8")


def main() -> None:
    for name, (text, blob) in FILES.items():
        if git_blob_id(text) != blob:
            sys.exit(f"{name} is not {SOURCE_REPO}'s at {SOURCE_COMMIT}")
        if name == "train.py":
            text = with_lines(text, RECORD_LINES)
            for old, new in CHANGES.items():
                assert text.count(old) == 1, old
                text = text.replace(old, new)
        Path(name).write_text(text, encoding="utf-8")
    write_corpus(Path("shakespeare.txt"))
    sys.path.insert(0, str(Path.cwd()))  # train.py's `from helpers import *`, as in its repo
    random.seed(0)  # train.py seeds nothing: the case does (chunks, init, sampling)
    torch.manual_seed(0)
    record: list[tuple[int, float]] = []
    sys.argv = list(ARGV)
    runpy.run_path("train.py", init_globals={"ZOO_RECORD": record}, run_name="__main__")

    # --- the truth: the loss each progress line printed, at full precision ---
    assert [epoch for epoch, _ in record] == [50, 100, 150, 200], record
    write_truth("char-rnn.pytorch",
                f"{SOURCE_REPO}@{SOURCE_COMMIT[:8]} (no release; torch "
                f"{torch.__version__}, tqdm {tqdm.__version__}, unidecode "
                f"{metadata.version('unidecode')})",
                "train.py's `loss` (train()'s return: the batch-mean cross-entropy summed over "
                "the chunk's characters, over chunk_len) at each print_every print (a line "
                "the case adds after it)",
                {"loss": series(record, "epoch", tolerance=5e-5)},
                also_ok=ALSO_OK)


ALSO_OK = ["it/s", "s/it", "time"]  # tqdm's rate; time_since's elapsed `0m 4s`


# train.py at SOURCE_COMMIT, verbatim
TRAIN_PY = r"""#!/usr/bin/env python
# https://github.com/spro/char-rnn.pytorch

import torch
import torch.nn as nn
from torch.autograd import Variable
import argparse
import os

from tqdm import tqdm

from helpers import *
from model import *
from generate import *

# Parse command line arguments
argparser = argparse.ArgumentParser()
argparser.add_argument('filename', type=str)
argparser.add_argument('--model', type=str, default="gru")
argparser.add_argument('--n_epochs', type=int, default=2000)
argparser.add_argument('--print_every', type=int, default=100)
argparser.add_argument('--hidden_size', type=int, default=100)
argparser.add_argument('--n_layers', type=int, default=2)
argparser.add_argument('--learning_rate', type=float, default=0.01)
argparser.add_argument('--chunk_len', type=int, default=200)
argparser.add_argument('--batch_size', type=int, default=100)
argparser.add_argument('--shuffle', action='store_true')
argparser.add_argument('--cuda', action='store_true')
args = argparser.parse_args()

if args.cuda:
    print("Using CUDA")

file, file_len = read_file(args.filename)

def random_training_set(chunk_len, batch_size):
    inp = torch.LongTensor(batch_size, chunk_len)
    target = torch.LongTensor(batch_size, chunk_len)
    for bi in range(batch_size):
        start_index = random.randint(0, file_len - chunk_len)
        end_index = start_index + chunk_len + 1
        chunk = file[start_index:end_index]
        inp[bi] = char_tensor(chunk[:-1])
        target[bi] = char_tensor(chunk[1:])
    inp = Variable(inp)
    target = Variable(target)
    if args.cuda:
        inp = inp.cuda()
        target = target.cuda()
    return inp, target

def train(inp, target):
    hidden = decoder.init_hidden(args.batch_size)
    if args.cuda:
        hidden = hidden.cuda()
    decoder.zero_grad()
    loss = 0

    for c in range(args.chunk_len):
        output, hidden = decoder(inp[:,c], hidden)
        loss += criterion(output.view(args.batch_size, -1), target[:,c])

    loss.backward()
    decoder_optimizer.step()

    return loss.data[0] / args.chunk_len

def save():
    save_filename = os.path.splitext(os.path.basename(args.filename))[0] + '.pt'
    torch.save(decoder, save_filename)
    print('Saved as %s' % save_filename)

# Initialize models and start training

decoder = CharRNN(
    n_characters,
    args.hidden_size,
    n_characters,
    model=args.model,
    n_layers=args.n_layers,
)
decoder_optimizer = torch.optim.Adam(decoder.parameters(), lr=args.learning_rate)
criterion = nn.CrossEntropyLoss()

if args.cuda:
    decoder.cuda()

start = time.time()
all_losses = []
loss_avg = 0

try:
    print("Training for %d epochs..." % args.n_epochs)
    for epoch in tqdm(range(1, args.n_epochs + 1)):
        loss = train(*random_training_set(args.chunk_len, args.batch_size))
        loss_avg += loss

        if epoch % args.print_every == 0:
            print('[%s (%d %d%%) %.4f]' % (time_since(start), epoch, epoch / args.n_epochs * 100, loss))
            print(generate(decoder, 'Wh', 100, cuda=args.cuda), '\n')

    print("Saving...")
    save()

except KeyboardInterrupt:
    print("Saving before quit...")
    save()

"""  # noqa: E501


# helpers.py at SOURCE_COMMIT, verbatim
HELPERS_PY = r"""# https://github.com/spro/char-rnn.pytorch

import unidecode
import string
import random
import time
import math
import torch

# Reading and un-unicode-encoding data

all_characters = string.printable
n_characters = len(all_characters)

def read_file(filename):
    file = unidecode.unidecode(open(filename).read())
    return file, len(file)

# Turning a string into a tensor

def char_tensor(string):
    tensor = torch.zeros(len(string)).long()
    for c in range(len(string)):
        try:
            tensor[c] = all_characters.index(string[c])
        except:
            continue
    return tensor

# Readable time elapsed

def time_since(since):
    s = time.time() - since
    m = math.floor(s / 60)
    s -= m * 60
    return '%dm %ds' % (m, s)

"""


# model.py at SOURCE_COMMIT, verbatim
MODEL_PY = r"""# https://github.com/spro/char-rnn.pytorch

import torch
import torch.nn as nn
from torch.autograd import Variable

class CharRNN(nn.Module):
    def __init__(self, input_size, hidden_size, output_size, model="gru", n_layers=1):
        super(CharRNN, self).__init__()
        self.model = model.lower()
        self.input_size = input_size
        self.hidden_size = hidden_size
        self.output_size = output_size
        self.n_layers = n_layers

        self.encoder = nn.Embedding(input_size, hidden_size)
        if self.model == "gru":
            self.rnn = nn.GRU(hidden_size, hidden_size, n_layers)
        elif self.model == "lstm":
            self.rnn = nn.LSTM(hidden_size, hidden_size, n_layers)
        self.decoder = nn.Linear(hidden_size, output_size)

    def forward(self, input, hidden):
        batch_size = input.size(0)
        encoded = self.encoder(input)
        output, hidden = self.rnn(encoded.view(1, batch_size, -1), hidden)
        output = self.decoder(output.view(batch_size, -1))
        return output, hidden

    def forward2(self, input, hidden):
        encoded = self.encoder(input.view(1, -1))
        output, hidden = self.rnn(encoded.view(1, 1, -1), hidden)
        output = self.decoder(output.view(1, -1))
        return output, hidden

    def init_hidden(self, batch_size):
        if self.model == "lstm":
            return (Variable(torch.zeros(self.n_layers, batch_size, self.hidden_size)),
                    Variable(torch.zeros(self.n_layers, batch_size, self.hidden_size)))
        return Variable(torch.zeros(self.n_layers, batch_size, self.hidden_size))

"""


# generate.py at SOURCE_COMMIT, verbatim
GENERATE_PY = r"""#!/usr/bin/env python
# https://github.com/spro/char-rnn.pytorch

import torch
import os
import argparse

from helpers import *
from model import *

def generate(decoder, prime_str='A', predict_len=100, temperature=0.8, cuda=False):
    hidden = decoder.init_hidden(1)
    prime_input = Variable(char_tensor(prime_str).unsqueeze(0))

    if cuda:
        hidden = hidden.cuda()
        prime_input = prime_input.cuda()
    predicted = prime_str

    # Use priming string to "build up" hidden state
    for p in range(len(prime_str) - 1):
        _, hidden = decoder(prime_input[:,p], hidden)
        
    inp = prime_input[:,-1]
    
    for p in range(predict_len):
        output, hidden = decoder(inp, hidden)
        
        # Sample from the network as a multinomial distribution
        output_dist = output.data.view(-1).div(temperature).exp()
        top_i = torch.multinomial(output_dist, 1)[0]

        # Add predicted character to string and use as next input
        predicted_char = all_characters[top_i]
        predicted += predicted_char
        inp = Variable(char_tensor(predicted_char).unsqueeze(0))
        if cuda:
            inp = inp.cuda()

    return predicted

# Run as standalone script
if __name__ == '__main__':

# Parse command line arguments
    argparser = argparse.ArgumentParser()
    argparser.add_argument('filename', type=str)
    argparser.add_argument('-p', '--prime_str', type=str, default='A')
    argparser.add_argument('-l', '--predict_len', type=int, default=100)
    argparser.add_argument('-t', '--temperature', type=float, default=0.8)
    argparser.add_argument('--cuda', action='store_true')
    args = argparser.parse_args()

    decoder = torch.load(args.filename)
    del args.filename
    print(generate(decoder, **vars(args)))

"""  # noqa: W293


# what the case writes into the cwd, as the repository lays it out: path -> (its text at
# SOURCE_COMMIT, its git blob id there)
FILES = {
    "train.py": (TRAIN_PY, "4d47bba9ab84696612d0d6b1ebb7699d03a5d717"),
    "helpers.py": (HELPERS_PY, "abbd56a17200b0b2d633dca920ac2652bc814282"),
    "model.py": (MODEL_PY, "b619634a476446f0093219f81ebc8d6418666bb6"),
    "generate.py": (GENERATE_PY, "0fdf41450bfd93015cbf49bcc06fb961a6812b32"),
}


if __name__ == "__main__":
    main()

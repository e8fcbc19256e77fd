"""PyTorch's tutorial "NLP From Scratch: Classifying Names with a Character-Level RNN"
(Sean Robertson's; no pip package: pytorch/tutorials at commit
10098032865151e891c6074522207880f0e68fd3, its ``intermediate_source/
char_rnn_classification_tutorial.py``, the classic version: a hand-written ``RNN`` module of
three ``nn.Linear`` layers (``i2h``, ``h2h``, ``h2o``) with ``F.tanh`` and ``LogSoftmax``,
``train()`` updating the weights by hand (``p.data.add_(p.grad.data,
alpha=-learning_rate)``, lr 0.005, batch 1, ``nn.NLLLoss``) and returning ``loss.item()``,
and the loop that prints ``iter, iter / n_iters * 100, timeSince(start), loss, line, guess,
correct`` every ``print_every`` iterations) on the CPU build of torch 2.13.0, with
matplotlib 3.11.2 for its plotting and confusion-matrix blocks (the Agg backend: no
display; ``plt.show()`` shows nothing). The tutorial's code blocks (sphinx-gallery's, the
comment blocks between them left out) are held verbatim below (``BLOCKS``) and run in order
in one namespace (``exec``), as the gallery runs the file: the data loading, the prints of
``letterToTensor('J')``, ``lineToTensor('Jones').size()``, the untrained ``output`` and
``categoryFromOutput(output)``, ten ``randomTrainingExample()`` lines, the training loop,
the plot of ``all_losses``, the 10,000-name confusion matrix and the three ``predict()``
calls. Three constants are cut (``CUTS``; the tutorial's ``n_iters = 100000``,
``print_every = 5000``, ``plot_every = 1000``): 8,000 iterations, a print every 400, a plot
point every 100, so 20 progress lines and 80 ``all_losses`` points; about 15 s of training
and 35 s in all. The blocks are not checked against a git blob id: the repository's
snapshot (5.3 GB, its built docs' images) is too large for the ``fetch`` tool, so they were
copied from the file at that commit as the public code index holds it (its 16,512
characters), by hand.
Data: the tutorial reads ``data/names/*.txt`` (``data.zip``: 18 languages' surnames, one a
line, UTF-8); nothing is downloaded here: the case writes five made-up languages' files,
``Chinese``, ``German``, ``Italian`` (the tutorial prints ``category_lines['Italian'][:5]``,
so it must exist), ``Japanese`` and ``Vietnamese``, 60 names each, built from a list of
syllables a language (``random.Random(0)``; the German ones keep ``ü``/``ö``, which the
tutorial's ``unicodeToAscii`` strips). ``findFiles`` is ``glob.glob``, unsorted: the order
of ``all_categories`` (and so of the classes) is the directory's (the truth's ``notes`` keep
it). The tutorial seeds nothing; the case seeds ``random`` and torch with 0 before its
first block, so the values repeat on the CPU; only the times vary.

What it prints (stdout, pipe and pty alike; the pty ends lines with ``\\r\\n``)::

 ['data/names/Chinese.txt', 'data/names/Italian.txt', 'data/names/German.txt', ...]
 Slusarski
 ['Bian', 'Bianchi', 'Biani', 'Biannoric', 'Bru']
 tensor([[0., 0., 0., ...
          0., 0., 0.]])
 torch.Size([5, 1, 57])
 tensor([[-1.6557, -1.6840, -1.5370, -1.5136, -1.6698]],
        grad_fn=<LogSoftmaxBackward0>)
 ('Japanese', 3)
 category = Japanese / line = Wata
 ...
 400 5% (0m 1s) 1.2913 Guowang / Chinese ✓
 800 10% (0m 2s) 1.6961 Phan / Chinese ✗ (Vietnamese)
 ...
 8000 100% (0m 15s) 0.0684 Dangbui / Vietnamese ✓

 > Dovesky
 (-0.12) Japanese
 (-2.22) German
 (-7.06) Vietnamese
 ...

(the progress line is ``'%d %d%% (%s) %.4f %s / %s %s'``: the iteration, the percent of
``n_iters`` done, the elapsed ``'%dm %ds'``, that iteration's loss, the name, the guess and
``✓`` or ``✗ (<true language>)``; ``predict()`` prints each of the top 3 log-probabilities
``(%.2f)`` with its language). On stderr, matplotlib's ``UserWarning: set_ticklabels()
should only be used with a fixed number of ticks, ...`` twice, from the confusion matrix's
``ax.set_xticklabels``/``set_yticklabels`` (the file name in it is the case's
``<intermediate_source/char_rnn_classification_tutorial.py block 12>``, the line the
block's).

Truth: the tutorial keeps no record but two Python values: ``loss`` (printed, each
``print_every`` iterations) and ``all_losses`` (the mean loss of each ``plot_every``
iterations, for the plot; never printed). So one line is added to the stock text
(``RECORD_LINES``, no line changed but the ``CUTS``), right after the progress ``print``,
appending ``(iter, loss, line, guess, category)`` to a list the case puts in the namespace;
``all_losses`` is read from the namespace after the run; nothing is parsed from stdout.
Judgement calls (docs/metrics.md):
- The printed series is ``loss``, the single iteration's loss at each print (the ``%.4f``
  on the progress line), not ``all_losses``: the tutorial's comment says "take an average
  of the loss", but the loop prints ``loss``, the last iteration's ``train()`` return, and
  the averages go to the plot only. ``all_losses`` is no metric of the truth (nothing shows
  it; the case has no file of it); its 80 values are in ``notes``.
- Name: the line prints no name for the value; the truth takes the tutorial's own,
  ``loss`` (the variable it formats, and the loop's comment "Print ``iter`` number, loss,
  name and guess"), as docs/metrics.md names Darknet's unnamed iteration loss ``loss``.
- Axis ``step``: the line's first number, ``iter`` (1-based); 20 points, 400 .. 8000.
  Tolerance 5e-5 (``%.4f``).
- ``also_ok``: ``time``, ``elapsed`` (the line's unnamed ``(0m 1s)``, minutes and seconds
  since the start), in the spellings a parser may give it.
- Not metrics: the ``5%`` (how much of ``n_iters`` is done), ``✓``/``✗``, the untrained
  ``output`` tensor and the one-hot tensor, ``('Japanese', 3)`` (``categoryFromOutput``'s
  language and its index), ``torch.Size([5, 1, 57])``, and ``predict()``'s
  ``(-0.12) Japanese`` lines (the log-probabilities of three languages for one name, an
  inference, not a training measurement).
"""
# zoo-venv: ptchar

import random
import sys
from pathlib import Path

import torch
from _truth import series, write_truth
from _verbatim import with_lines

SOURCE_REPO = "pytorch/tutorials"
SOURCE_COMMIT = "10098032865151e891c6074522207880f0e68fd3"
SOURCE_PATH = "intermediate_source/char_rnn_classification_tutorial.py"
SEED = 0  # the tutorial seeds nothing: the case seeds random and torch

# the three constants the case cuts (the tutorial's text -> the case's), and nothing else
CUTS = {
    "n_iters = 100000\n": "n_iters = 8000\n",
    "print_every = 5000\n": "print_every = 400\n",
    "plot_every = 1000\n": "plot_every = 100\n",
}

# the record: one line added right after the loop's print (anchor -> the line after it);
# no line of the tutorial's text changed but the CUTS
RECORD_LINES = {
    "        print('%d %d%% (%s) %.4f %s / %s %s' % (iter, iter / n_iters * 100,"
    " timeSince(start), loss, line, guess, correct))\n":
        "        ZOO_RECORD.append((iter, loss, line, guess, category))"
        "  # zoo: the values just printed\n",
}

# made-up names a language: (syllables, count); the tutorial's 18 files hold real surnames
LANGUAGES = {
    "Chinese": (["zhang", "li", "wang", "chen", "liu", "yang", "huang", "zhao", "wu", "zhou",
                 "xu", "sun", "ma", "hu", "guo", "lin", "he", "gao", "luo", "zheng"], 1),
    "German": (["schm", "idt", "mül", "ler", "wag", "ner", "beck", "er", "hof", "mann",
                "krau", "se", "brau", "n", "zimm", "er", "hart", "wig", "kö", "nig"], 2),
    "Italian": (["ross", "i", "bian", "chi", "col", "ombo", "ric", "ci", "mar", "ino",
                 "gre", "co", "bru", "no", "gal", "lo", "cont", "e", "fer", "rari"], 2),
    "Japanese": (["ta", "ka", "ha", "shi", "mo", "to", "na", "ga", "su", "zu",
                  "ki", "ya", "ma", "mu", "ra", "sa", "no", "i", "ku", "wa"], 3),
    "Vietnamese": (["nguyen", "tran", "le", "pham", "hoang", "phan", "vu", "dang", "bui",
                    "do", "ho", "ngo", "duong", "ly", "dinh", "truong", "lam", "mai",
                    "quach", "ta"], 1),
}
NAMES_PER_LANGUAGE = 60


def write_names(root: Path) -> None:
    """``data/names/<Language>.txt``: one made-up name a line, UTF-8, as the tutorial's
    data.zip lays them out (some with accents, which its ``unicodeToAscii`` strips)."""
    rng = random.Random(SEED)
    root.mkdir(parents=True, exist_ok=True)
    for language, (syllables, extra) in LANGUAGES.items():
        names = set()
        while len(names) < NAMES_PER_LANGUAGE:
            parts = [rng.choice(syllables) for _ in range(1 + rng.randint(0, extra))]
            names.add("".join(parts).capitalize())
        (root / f"{language}.txt").write_text("\n".join(sorted(names)) + "\n",
                                               encoding="utf-8")


def main() -> None:
    write_names(Path("data/names"))
    random.seed(SEED)
    torch.manual_seed(SEED)
    record: list[tuple[int, float, str, str, str]] = []
    namespace = {"__name__": "__main__", "ZOO_RECORD": record}
    for index, text in enumerate(BLOCKS):
        for old, new in CUTS.items():
            if old in text:
                assert text.count(old) == 1, old
                text = text.replace(old, new)
        if "ZOO_RECORD" not in text and "for iter in range(1, n_iters + 1):" in text:
            text = with_lines(text, RECORD_LINES)
        exec(compile(text, f"<{SOURCE_PATH} block {index}>", "exec"), namespace)
    n_iters, print_every = namespace["n_iters"], namespace["print_every"]
    plot_every = namespace["plot_every"]
    all_losses = namespace["all_losses"]
    assert len(record) == n_iters // print_every, record
    assert len(all_losses) == n_iters // plot_every, all_losses
    sys.stdout.flush()

    # --- the truth: the loss each progress line prints, at full precision ---
    write_truth(
        "PyTorch tutorial char_rnn_classification",
        f"{SOURCE_REPO}@{SOURCE_COMMIT[:8]} ({SOURCE_PATH}; torch {torch.__version__})",
        "the tutorial's `loss` (train()'s loss.item() of that iteration) after each "
        "progress print (a line the case adds after it)",
        {"loss": series([(step, loss) for step, loss, _, _, _ in record], "step",
                        tolerance=5e-5)},
        also_ok=ALSO_OK,
        notes=(f"n_iters {n_iters}, print_every {print_every}, plot_every {plot_every}; "
               f"all_categories {namespace['all_categories']}. all_losses (the mean loss of "
               f"each plot_every iterations, kept for the plot, never printed): "
               + ", ".join(f"{(i + 1) * plot_every}: {v!r}" for i, v in enumerate(all_losses))))


ALSO_OK = ["time", "elapsed"]  # the unnamed "(0m 1s)"

# the tutorial's code blocks (sphinx-gallery's; the comment blocks between them left out),
# in order, verbatim at SOURCE_COMMIT
BLOCKS: list[str] = [
    r'''from io import open
import glob
import os

def findFiles(path): return glob.glob(path)

print(findFiles('data/names/*.txt'))

import unicodedata
import string

all_letters = string.ascii_letters + " .,;'"
n_letters = len(all_letters)

# Turn a Unicode string to plain ASCII, thanks to https://stackoverflow.com/a/518232/2809427
def unicodeToAscii(s):
    return ''.join(
        c for c in unicodedata.normalize('NFD', s)
        if unicodedata.category(c) != 'Mn'
        and c in all_letters
    )

print(unicodeToAscii('Ślusàrski'))

# Build the category_lines dictionary, a list of names per language
category_lines = {}
all_categories = []

# Read a file and split into lines
def readLines(filename):
    lines = open(filename, encoding='utf-8').read().strip().split('\n')
    return [unicodeToAscii(line) for line in lines]

for filename in findFiles('data/names/*.txt'):
    category = os.path.splitext(os.path.basename(filename))[0]
    all_categories.append(category)
    lines = readLines(filename)
    category_lines[category] = lines

n_categories = len(all_categories)
''',
    r'''print(category_lines['Italian'][:5])
''',
    r'''import torch

# Find letter index from all_letters, e.g. "a" = 0
def letterToIndex(letter):
    return all_letters.find(letter)

# Just for demonstration, turn a letter into a <1 x n_letters> Tensor
def letterToTensor(letter):
    tensor = torch.zeros(1, n_letters)
    tensor[0][letterToIndex(letter)] = 1
    return tensor

# Turn a line into a <line_length x 1 x n_letters>,
# or an array of one-hot letter vectors
def lineToTensor(line):
    tensor = torch.zeros(len(line), 1, n_letters)
    for li, letter in enumerate(line):
        tensor[li][0][letterToIndex(letter)] = 1
    return tensor

print(letterToTensor('J'))

print(lineToTensor('Jones').size())
''',
    r'''import torch.nn as nn
import torch.nn.functional as F

class RNN(nn.Module):
    def __init__(self, input_size, hidden_size, output_size):
        super(RNN, self).__init__()

        self.hidden_size = hidden_size

        self.i2h = nn.Linear(input_size, hidden_size)
        self.h2h = nn.Linear(hidden_size, hidden_size)
        self.h2o = nn.Linear(hidden_size, output_size)
        self.softmax = nn.LogSoftmax(dim=1)

    def forward(self, input, hidden):
        hidden = F.tanh(self.i2h(input) + self.h2h(hidden))
        output = self.h2o(hidden)
        output = self.softmax(output)
        return output, hidden

    def initHidden(self):
        return torch.zeros(1, self.hidden_size)

n_hidden = 128
rnn = RNN(n_letters, n_hidden, n_categories)
''',
    r'''input = letterToTensor('A')
hidden = torch.zeros(1, n_hidden)

output, next_hidden = rnn(input, hidden)
''',
    r'''input = lineToTensor('Albert')
hidden = torch.zeros(1, n_hidden)

output, next_hidden = rnn(input[0], hidden)
print(output)
''',
    r'''def categoryFromOutput(output):
    top_n, top_i = output.topk(1)
    category_i = top_i[0].item()
    return all_categories[category_i], category_i

print(categoryFromOutput(output))
''',
    r'''import random

def randomChoice(l):
    return l[random.randint(0, len(l) - 1)]

def randomTrainingExample():
    category = randomChoice(all_categories)
    line = randomChoice(category_lines[category])
    category_tensor = torch.tensor([all_categories.index(category)], dtype=torch.long)
    line_tensor = lineToTensor(line)
    return category, line, category_tensor, line_tensor

for i in range(10):
    category, line, category_tensor, line_tensor = randomTrainingExample()
    print('category =', category, '/ line =', line)
''',
    r'''criterion = nn.NLLLoss()
''',
    r'''learning_rate = 0.005 # If you set this too high, it might explode. If too low, it might not learn

def train(category_tensor, line_tensor):
    hidden = rnn.initHidden()

    rnn.zero_grad()

    for i in range(line_tensor.size()[0]):
        output, hidden = rnn(line_tensor[i], hidden)

    loss = criterion(output, category_tensor)
    loss.backward()

    # Add parameters' gradients to their values, multiplied by learning rate
    for p in rnn.parameters():
        p.data.add_(p.grad.data, alpha=-learning_rate)

    return output, loss.item()
''',  # noqa: E501
    r'''import time
import math

n_iters = 100000
print_every = 5000
plot_every = 1000



# Keep track of losses for plotting
current_loss = 0
all_losses = []

def timeSince(since):
    now = time.time()
    s = now - since
    m = math.floor(s / 60)
    s -= m * 60
    return '%dm %ds' % (m, s)

start = time.time()

for iter in range(1, n_iters + 1):
    category, line, category_tensor, line_tensor = randomTrainingExample()
    output, loss = train(category_tensor, line_tensor)
    current_loss += loss

    # Print ``iter`` number, loss, name and guess
    if iter % print_every == 0:
        guess, guess_i = categoryFromOutput(output)
        correct = '✓' if guess == category else '✗ (%s)' % category
        print('%d %d%% (%s) %.4f %s / %s %s' % (iter, iter / n_iters * 100, timeSince(start), loss, line, guess, correct))

    # Add current loss avg to list of losses
    if iter % plot_every == 0:
        all_losses.append(current_loss / plot_every)
        current_loss = 0
''',  # noqa: E501
    r'''import matplotlib.pyplot as plt
import matplotlib.ticker as ticker

plt.figure()
plt.plot(all_losses)
''',
    r'''# Keep track of correct guesses in a confusion matrix
confusion = torch.zeros(n_categories, n_categories)
n_confusion = 10000

# Just return an output given a line
def evaluate(line_tensor):
    hidden = rnn.initHidden()

    for i in range(line_tensor.size()[0]):
        output, hidden = rnn(line_tensor[i], hidden)

    return output

# Go through a bunch of examples and record which are correctly guessed
for i in range(n_confusion):
    category, line, category_tensor, line_tensor = randomTrainingExample()
    output = evaluate(line_tensor)
    guess, guess_i = categoryFromOutput(output)
    category_i = all_categories.index(category)
    confusion[category_i][guess_i] += 1

# Normalize by dividing every row by its sum
for i in range(n_categories):
    confusion[i] = confusion[i] / confusion[i].sum()

# Set up plot
fig = plt.figure()
ax = fig.add_subplot(111)
cax = ax.matshow(confusion.numpy())
fig.colorbar(cax)

# Set up axes
ax.set_xticklabels([''] + all_categories, rotation=90)
ax.set_yticklabels([''] + all_categories)

# Force label at every tick
ax.xaxis.set_major_locator(ticker.MultipleLocator(1))
ax.yaxis.set_major_locator(ticker.MultipleLocator(1))

# sphinx_gallery_thumbnail_number = 2
plt.show()
''',
    r'''def predict(input_line, n_predictions=3):
    print('\n> %s' % input_line)
    with torch.no_grad():
        output = evaluate(lineToTensor(input_line))

        # Get top N categories
        topv, topi = output.topk(n_predictions, 1, True)
        predictions = []

        for i in range(n_predictions):
            value = topv[0][i].item()
            category_index = topi[0][i].item()
            print('(%.2f) %s' % (value, all_categories[category_index]))
            predictions.append([value, all_categories[category_index]])

predict('Dovesky')
predict('Jackson')
predict('Satoshi')
''',
]


if __name__ == "__main__":
    main()

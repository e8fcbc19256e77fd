r"""PyTorch's tutorial "NLP From Scratch: Translation with a Sequence to Sequence Network and
Attention" (Sean Robertson; ``intermediate_source/seq2seq_translation_tutorial.py`` of
pytorch/tutorials at 803c1b1273a47bc53bb6cd5f63eecfb897bbc856, the version the search index
holds: the per-pair version, ``train()`` of one sentence pair and ``trainIters()`` printing
every ``print_every`` iterations; the later rewrite with batched ``train_epoch`` and an
``(epoch, epoch / n_epochs * 100)`` print could not be had here: the repository's snapshot,
5.3 GB, is over the ``fetch`` tool's limit, so no git blob id is checked), on the CPU build of
torch 2.13.0 with ``OMP_NUM_THREADS=1``. Its code (everything but the docstring and the
``####`` comment blocks between the code) is held verbatim below (``SCRIPT``): ``Lang``,
``unicodeToAscii``, ``normalizeString``, ``readLangs``, ``MAX_LENGTH = 10``,
``eng_prefixes``, ``filterPair``, ``prepareData('eng', 'fra', True)``, ``EncoderRNN``,
``DecoderRNN``, ``AttnDecoderRNN``, the tensor helpers, ``teacher_forcing_ratio = 0.5``,
``train``, ``asMinutes``, ``timeSince``, ``trainIters`` (SGD lr 0.01 on encoder and decoder,
``NLLLoss``), ``showPlot`` (matplotlib, ``plt.switch_backend('agg')``), ``evaluate``,
``evaluateRandomly``, the attention plots and ``evaluateAndShowAttention`` on its four
French sentences; ``hidden_size = 256``. It is run in one namespace (``exec``) as ``python
seq2seq_translation_tutorial.py`` runs it, with one line changed: ``trainIters(encoder1,
attn_decoder1, 75000, print_every=5000)`` (40 minutes on a MacBook, says the tutorial) becomes
``trainIters(encoder1, attn_decoder1, 1000, print_every=100)``: 1000 iterations (one random
pair each, as in the tutorial) printing every 100, which is also ``trainIters``' default
``plot_every``; about 15 s of CPU
(25-47 s of wall time under run.py on this loaded 2-core machine).

Data: the tutorial reads ``data/eng-fra.txt`` (tab-separated ``English\tFrench`` lines from
download.pytorch.org's ``data.zip``); the case writes a tiny one in its place (``PAIRS``):
48 short pairs "I am/He is/She is/You are/We are/They are" x 8 adjectives (French with
accents, which ``unicodeToAscii`` strips), the five sentences the script itself evaluates
(``je suis trop froid .``, ``elle a cinq ans de moins que moi .``, ... : their words must be in
the vocabulary or ``evaluate`` raises ``KeyError``) with English that passes ``filterPair``,
and three pairs ``filterPair`` drops (English without one of ``eng_prefixes``), so ``Read 56
sentence pairs`` / ``Trimmed to 53 sentence pairs``. Seeds: the tutorial sets none; the case
seeds ``random`` (pair choice, teacher forcing) and torch (weights, dropout) with 0, so the
values repeat; only the times vary.

What it prints (stdout)::

 Reading lines...
 Read 56 sentence pairs
 Trimmed to 53 sentence pairs
 Counting words...
 Counted words:
 fra 48
 eng 37
 ['vous etes froids .', 'you are cold .']
 0m 6s (- 1m 2s) (100 10%) 2.3356
 0m 10s (- 0m 41s) (200 20%) 1.5803
 ...
 0m 33s (- 0m 0s) (1000 100%) 0.3075
 > nous sommes fatigues .
 = we are tired .
 < we are tired . <EOS>
 (a blank line; 10 such blocks)
 input = elle a cinq ans de moins que moi .
 output = she is too years . <EOS>
 ...

(the training line is ``'%s (%d %d%%) %.4f' % (timeSince(start, iter / n_iters), iter,
iter / n_iters * 100, print_loss_avg)``: elapsed ``Xm Ys``, `` (- Xm Ys)`` the estimated time
left, the iteration and percent done, then the mean loss of the last ``print_every`` pairs,
each pair's loss being ``loss.item() / target_length``, the summed NLL over the target's
words divided by its length). On stderr, matplotlib's UserWarnings from ``showAttention``
(``set_ticklabels() should only be used with a fixed number of ticks``, twice a
sentence).

Truth: the tutorial's own record is ``plot_losses``, the list ``trainIters`` keeps for
``showPlot`` (the mean loss of each ``plot_every`` = 100 iterations); it is local to
``trainIters``, so a line added after ``showPlot(plot_losses)`` copies it out, and a line added
right after the print appends ``(iter, print_loss_avg)``, the value printed at full precision
(``RECORD_LINES``; no line of the text changed but the call above). With ``print_every ==
plot_every`` both sums run over the same losses in the same order, and the case asserts the two
records are equal. Nothing is parsed from stdout. Judgement calls (docs/metrics.md):
- Name: the line prints no name, only the value after the progress parentheses; the
  tutorial's text calls it "average loss" (``print_loss_avg``, plotted as ``plot_losses``),
  so the truth is ``loss``, 10 points, axis ``step`` (the iteration, ``(100 10%)``'s 100).
  A call that could go the other way (a nameless number may be nothing to a parser).
- Tolerance: ``%.4f`` -> 5e-5.
- ``also_ok``: the elapsed/remaining times and the percent done (``time``, ``eta``,
  ``remaining``, ``elapsed``, ``percent``, ``progress``) in the spellings a parser may give
  them; they are progress, not metrics.
- Not metrics: ``Read 56 sentence pairs``, ``Trimmed to 53``, ``fra 48``/``eng 37`` (word
  counts), the translations and ``input =``/``output =`` lines (text).
"""
# zoo-venv: ptseq2seq

import random
from pathlib import Path

import torch
from _truth import series, write_truth
from _verbatim import with_lines

SOURCE_REPO = "pytorch/tutorials"
SOURCE_COMMIT = "803c1b1273a47bc53bb6cd5f63eecfb897bbc856"
SOURCE_PATH = "intermediate_source/seq2seq_translation_tutorial.py"
N_ITERS, PRINT_EVERY = 1000, 100  # the tutorial's: 75000, 5000 (plot_every 100)
CALL = "trainIters(encoder1, attn_decoder1, 75000, print_every=5000)\n"
CUT_CALL = f"trainIters(encoder1, attn_decoder1, {N_ITERS}, print_every={PRINT_EVERY})\n"

# the record: lines added right after their anchors (no line of the text changed)
RECORD_LINES = {
    "                                         iter, iter / n_iters * 100, print_loss_avg))\n":
        "            ZOO_RECORD.append((iter, print_loss_avg))  # zoo: the value just printed\n",
    "    showPlot(plot_losses)\n":
        "    ZOO_PLOT_LOSSES.extend(plot_losses)  # zoo: the tutorial's own list\n",
}

# data/eng-fra.txt: English \t French, as the tutorial's download has it
SUBJECTS = [("I am", "Je suis"), ("He is", "Il est"), ("She is", "Elle est"),
            ("You are", "Vous êtes"), ("We are", "Nous sommes"), ("They are", "Ils sont")]
ADJECTIVES = [("cold", "froid", "froids"), ("tired", "fatigué", "fatigués"),
              ("happy", "heureux", "heureux"), ("hungry", "affamé", "affamés"),
              ("sad", "triste", "tristes"), ("busy", "occupé", "occupés"),
              ("ready", "prêt", "prêts"), ("late", "en retard", "en retard")]
EXTRA = [("I am too cold.", "Je suis trop froid."),
         ("She is five years younger than me.", "Elle a cinq ans de moins que moi."),
         ("She is too short.", "Elle est trop petit."),
         ("I'm not scared of dying.", "Je ne crains pas de mourir."),
         ("He's a talented young director.", "C'est un jeune directeur plein de talent."),
         # dropped by filterPair: no "i am", "he is", ... prefix
         ("Go.", "Va !"), ("Run!", "Cours !"), ("Who are you?", "Qui êtes-vous ?")]
PAIRS = [(f"{eng} {adj}.", f"{fra} {(plural if eng.split()[1] == 'are' else single)}.")
         for eng, fra in SUBJECTS for adj, single, plural in ADJECTIVES] + EXTRA


def main() -> None:
    assert SCRIPT.count(CALL) == 1
    text = with_lines(SCRIPT.replace(CALL, CUT_CALL), RECORD_LINES)
    Path("data").mkdir(exist_ok=True)
    Path("data/eng-fra.txt").write_text("".join(f"{eng}\t{fra}\n" for eng, fra in PAIRS),
                                        encoding="utf-8")
    random.seed(0)  # the tutorial seeds nothing: the case does, for a run that repeats
    torch.manual_seed(0)
    record: list[tuple[int, float]] = []
    plot_losses: list[float] = []
    namespace = {"__name__": "__main__", "ZOO_RECORD": record, "ZOO_PLOT_LOSSES": plot_losses}
    exec(compile(text, "seq2seq_translation_tutorial.py", "exec"), namespace)

    # --- the truth: trainIters' plot_losses (plot_every 100 = print_every) ---
    assert len(record) == N_ITERS // PRINT_EVERY == len(plot_losses), (record, plot_losses)
    assert [value for _, value in record] == plot_losses, (record, plot_losses)
    write_truth(
        "pytorch-tutorials seq2seq_translation_tutorial",
        f"{SOURCE_REPO}@{SOURCE_COMMIT[:8]} (torch {torch.__version__})",
        "trainIters' plot_losses (copied out by a line after showPlot), checked equal to "
        "print_loss_avg at each print (a line after the print)",
        {"loss": series([(PRINT_EVERY * (index + 1), value)
                         for index, value in enumerate(plot_losses)], "step",
                        tolerance=5e-5)},
        also_ok=["time", "eta", "remaining", "elapsed", "percent", "progress"],
        notes=f"{SOURCE_PATH}; trainIters(encoder1, attn_decoder1, {N_ITERS}, "
              f"print_every={PRINT_EVERY}) in place of 75000/5000; plot_every 100 (default)")


# seq2seq_translation_tutorial.py at SOURCE_COMMIT: its code, verbatim (its docstring and the
# "####" comment blocks between the code left out)
SCRIPT = r'''from __future__ import unicode_literals, print_function, division
from io import open
import unicodedata
import string
import re
import random

import torch
import torch.nn as nn
from torch import optim
import torch.nn.functional as F

device = torch.device("cuda" if torch.cuda.is_available() else "cpu")

SOS_token = 0
EOS_token = 1


class Lang:
    def __init__(self, name):
        self.name = name
        self.word2index = {}
        self.word2count = {}
        self.index2word = {0: "SOS", 1: "EOS"}
        self.n_words = 2  # Count SOS and EOS

    def addSentence(self, sentence):
        for word in sentence.split(' '):
            self.addWord(word)

    def addWord(self, word):
        if word not in self.word2index:
            self.word2index[word] = self.n_words
            self.word2count[word] = 1
            self.index2word[self.n_words] = word
            self.n_words += 1
        else:
            self.word2count[word] += 1


# Turn a Unicode string to plain ASCII, thanks to
# http://stackoverflow.com/a/518232/2809427
def unicodeToAscii(s):
    return ''.join(
        c for c in unicodedata.normalize('NFD', s)
        if unicodedata.category(c) != 'Mn'
    )

# Lowercase, trim, and remove non-letter characters


def normalizeString(s):
    s = unicodeToAscii(s.lower().strip())
    s = re.sub(r"([.!?])", r" \1", s)
    s = re.sub(r"[^a-zA-Z.!?]+", r" ", s)
    return s


def readLangs(lang1, lang2, reverse=False):
    print("Reading lines...")

    # Read the file and split into lines
    lines = open('data/%s-%s.txt' % (lang1, lang2), encoding='utf-8').\
        read().strip().split('\n')

    # Split every line into pairs and normalize
    pairs = [[normalizeString(s) for s in l.split('\t')] for l in lines]

    # Reverse pairs, make Lang instances
    if reverse:
        pairs = [list(reversed(p)) for p in pairs]
        input_lang = Lang(lang2)
        output_lang = Lang(lang1)
    else:
        input_lang = Lang(lang1)
        output_lang = Lang(lang2)

    return input_lang, output_lang, pairs


MAX_LENGTH = 10

eng_prefixes = (
    "i am ", "i m ",
    "he is", "he s ",
    "she is", "she s",
    "you are", "you re ",
    "we are", "we re ",
    "they are", "they re "
)


def filterPair(p):
    return len(p[0].split(' ')) < MAX_LENGTH and \
        len(p[1].split(' ')) < MAX_LENGTH and \
        p[1].startswith(eng_prefixes)


def filterPairs(pairs):
    return [pair for pair in pairs if filterPair(pair)]


def prepareData(lang1, lang2, reverse=False):
    input_lang, output_lang, pairs = readLangs(lang1, lang2, reverse)
    print("Read %s sentence pairs" % len(pairs))
    pairs = filterPairs(pairs)
    print("Trimmed to %s sentence pairs" % len(pairs))
    print("Counting words...")
    for pair in pairs:
        input_lang.addSentence(pair[0])
        output_lang.addSentence(pair[1])
    print("Counted words:")
    print(input_lang.name, input_lang.n_words)
    print(output_lang.name, output_lang.n_words)
    return input_lang, output_lang, pairs


input_lang, output_lang, pairs = prepareData('eng', 'fra', True)
print(random.choice(pairs))


class EncoderRNN(nn.Module):
    def __init__(self, input_size, hidden_size):
        super(EncoderRNN, self).__init__()
        self.hidden_size = hidden_size

        self.embedding = nn.Embedding(input_size, hidden_size)
        self.gru = nn.GRU(hidden_size, hidden_size)

    def forward(self, input, hidden):
        embedded = self.embedding(input).view(1, 1, -1)
        output = embedded
        output, hidden = self.gru(output, hidden)
        return output, hidden

    def initHidden(self):
        return torch.zeros(1, 1, self.hidden_size, device=device)


class DecoderRNN(nn.Module):
    def __init__(self, hidden_size, output_size):
        super(DecoderRNN, self).__init__()
        self.hidden_size = hidden_size

        self.embedding = nn.Embedding(output_size, hidden_size)
        self.gru = nn.GRU(hidden_size, hidden_size)
        self.out = nn.Linear(hidden_size, output_size)
        self.softmax = nn.LogSoftmax(dim=1)

    def forward(self, input, hidden):
        output = self.embedding(input).view(1, 1, -1)
        output = F.relu(output)
        output, hidden = self.gru(output, hidden)
        output = self.softmax(self.out(output[0]))
        return output, hidden

    def initHidden(self):
        return torch.zeros(1, 1, self.hidden_size, device=device)


class AttnDecoderRNN(nn.Module):
    def __init__(self, hidden_size, output_size, dropout_p=0.1, max_length=MAX_LENGTH):
        super(AttnDecoderRNN, self).__init__()
        self.hidden_size = hidden_size
        self.output_size = output_size
        self.dropout_p = dropout_p
        self.max_length = max_length

        self.embedding = nn.Embedding(self.output_size, self.hidden_size)
        self.attn = nn.Linear(self.hidden_size * 2, self.max_length)
        self.attn_combine = nn.Linear(self.hidden_size * 2, self.hidden_size)
        self.dropout = nn.Dropout(self.dropout_p)
        self.gru = nn.GRU(self.hidden_size, self.hidden_size)
        self.out = nn.Linear(self.hidden_size, self.output_size)

    def forward(self, input, hidden, encoder_outputs):
        embedded = self.embedding(input).view(1, 1, -1)
        embedded = self.dropout(embedded)

        attn_weights = F.softmax(
            self.attn(torch.cat((embedded[0], hidden[0]), 1)), dim=1)
        attn_applied = torch.bmm(attn_weights.unsqueeze(0),
                                 encoder_outputs.unsqueeze(0))

        output = torch.cat((embedded[0], attn_applied[0]), 1)
        output = self.attn_combine(output).unsqueeze(0)

        output = F.relu(output)
        output, hidden = self.gru(output, hidden)

        output = F.log_softmax(self.out(output[0]), dim=1)
        return output, hidden, attn_weights

    def initHidden(self):
        return torch.zeros(1, 1, self.hidden_size, device=device)


def indexesFromSentence(lang, sentence):
    return [lang.word2index[word] for word in sentence.split(' ')]


def tensorFromSentence(lang, sentence):
    indexes = indexesFromSentence(lang, sentence)
    indexes.append(EOS_token)
    return torch.tensor(indexes, dtype=torch.long, device=device).view(-1, 1)


def tensorsFromPair(pair):
    input_tensor = tensorFromSentence(input_lang, pair[0])
    target_tensor = tensorFromSentence(output_lang, pair[1])
    return (input_tensor, target_tensor)


teacher_forcing_ratio = 0.5


def train(input_tensor, target_tensor, encoder, decoder, encoder_optimizer, decoder_optimizer, criterion, max_length=MAX_LENGTH):
    encoder_hidden = encoder.initHidden()

    encoder_optimizer.zero_grad()
    decoder_optimizer.zero_grad()

    input_length = input_tensor.size(0)
    target_length = target_tensor.size(0)

    encoder_outputs = torch.zeros(max_length, encoder.hidden_size, device=device)

    loss = 0

    for ei in range(input_length):
        encoder_output, encoder_hidden = encoder(
            input_tensor[ei], encoder_hidden)
        encoder_outputs[ei] = encoder_output[0, 0]

    decoder_input = torch.tensor([[SOS_token]], device=device)

    decoder_hidden = encoder_hidden

    use_teacher_forcing = True if random.random() < teacher_forcing_ratio else False

    if use_teacher_forcing:
        # Teacher forcing: Feed the target as the next input
        for di in range(target_length):
            decoder_output, decoder_hidden, decoder_attention = decoder(
                decoder_input, decoder_hidden, encoder_outputs)
            loss += criterion(decoder_output, target_tensor[di])
            decoder_input = target_tensor[di]  # Teacher forcing

    else:
        # Without teacher forcing: use its own predictions as the next input
        for di in range(target_length):
            decoder_output, decoder_hidden, decoder_attention = decoder(
                decoder_input, decoder_hidden, encoder_outputs)
            topv, topi = decoder_output.topk(1)
            decoder_input = topi.squeeze().detach()  # detach from history as input

            loss += criterion(decoder_output, target_tensor[di])
            if decoder_input.item() == EOS_token:
                break

    loss.backward()

    encoder_optimizer.step()
    decoder_optimizer.step()

    return loss.item() / target_length


import time
import math


def asMinutes(s):
    m = math.floor(s / 60)
    s -= m * 60
    return '%dm %ds' % (m, s)


def timeSince(since, percent):
    now = time.time()
    s = now - since
    es = s / (percent)
    rs = es - s
    return '%s (- %s)' % (asMinutes(s), asMinutes(rs))


def trainIters(encoder, decoder, n_iters, print_every=1000, plot_every=100, learning_rate=0.01):
    start = time.time()
    plot_losses = []
    print_loss_total = 0  # Reset every print_every
    plot_loss_total = 0  # Reset every plot_every

    encoder_optimizer = optim.SGD(encoder.parameters(), lr=learning_rate)
    decoder_optimizer = optim.SGD(decoder.parameters(), lr=learning_rate)
    training_pairs = [tensorsFromPair(random.choice(pairs))
                      for i in range(n_iters)]
    criterion = nn.NLLLoss()

    for iter in range(1, n_iters + 1):
        training_pair = training_pairs[iter - 1]
        input_tensor = training_pair[0]
        target_tensor = training_pair[1]

        loss = train(input_tensor, target_tensor, encoder,
                     decoder, encoder_optimizer, decoder_optimizer, criterion)
        print_loss_total += loss
        plot_loss_total += loss

        if iter % print_every == 0:
            print_loss_avg = print_loss_total / print_every
            print_loss_total = 0
            print('%s (%d %d%%) %.4f' % (timeSince(start, iter / n_iters),
                                         iter, iter / n_iters * 100, print_loss_avg))

        if iter % plot_every == 0:
            plot_loss_avg = plot_loss_total / plot_every
            plot_losses.append(plot_loss_avg)
            plot_loss_total = 0

    showPlot(plot_losses)


import matplotlib.pyplot as plt
plt.switch_backend('agg')
import matplotlib.ticker as ticker
import numpy as np


def showPlot(points):
    plt.figure()
    fig, ax = plt.subplots()
    # this locator puts ticks at regular intervals
    loc = ticker.MultipleLocator(base=0.2)
    ax.yaxis.set_major_locator(loc)
    plt.plot(points)


def evaluate(encoder, decoder, sentence, max_length=MAX_LENGTH):
    with torch.no_grad():
        input_tensor = tensorFromSentence(input_lang, sentence)
        input_length = input_tensor.size()[0]
        encoder_hidden = encoder.initHidden()

        encoder_outputs = torch.zeros(max_length, encoder.hidden_size, device=device)

        for ei in range(input_length):
            encoder_output, encoder_hidden = encoder(input_tensor[ei],
                                                     encoder_hidden)
            encoder_outputs[ei] += encoder_output[0, 0]

        decoder_input = torch.tensor([[SOS_token]], device=device)  # SOS

        decoder_hidden = encoder_hidden

        decoded_words = []
        decoder_attentions = torch.zeros(max_length, max_length)

        for di in range(max_length):
            decoder_output, decoder_hidden, decoder_attention = decoder(
                decoder_input, decoder_hidden, encoder_outputs)
            decoder_attentions[di] = decoder_attention.data
            topv, topi = decoder_output.data.topk(1)
            if topi.item() == EOS_token:
                decoded_words.append('<EOS>')
                break
            else:
                decoded_words.append(output_lang.index2word[topi.item()])

            decoder_input = topi.squeeze().detach()

        return decoded_words, decoder_attentions[:di + 1]


def evaluateRandomly(encoder, decoder, n=10):
    for i in range(n):
        pair = random.choice(pairs)
        print('>', pair[0])
        print('=', pair[1])
        output_words, attentions = evaluate(encoder, decoder, pair[0])
        output_sentence = ' '.join(output_words)
        print('<', output_sentence)
        print('')


hidden_size = 256
encoder1 = EncoderRNN(input_lang.n_words, hidden_size).to(device)
attn_decoder1 = AttnDecoderRNN(hidden_size, output_lang.n_words, dropout_p=0.1).to(device)

trainIters(encoder1, attn_decoder1, 75000, print_every=5000)


evaluateRandomly(encoder1, attn_decoder1)


output_words, attentions = evaluate(
    encoder1, attn_decoder1, "je suis trop froid .")
plt.matshow(attentions.numpy())


def showAttention(input_sentence, output_words, attentions):
    # Set up figure with colorbar
    fig = plt.figure()
    ax = fig.add_subplot(111)
    cax = ax.matshow(attentions.numpy(), cmap='bone')
    fig.colorbar(cax)

    # Set up axes
    ax.set_xticklabels([''] + input_sentence.split(' ') +
                       ['<EOS>'], rotation=90)
    ax.set_yticklabels([''] + output_words)

    # Show label at every tick
    ax.xaxis.set_major_locator(ticker.MultipleLocator(1))
    ax.yaxis.set_major_locator(ticker.MultipleLocator(1))

    plt.show()


def evaluateAndShowAttention(input_sentence):
    output_words, attentions = evaluate(
        encoder1, attn_decoder1, input_sentence)
    print('input =', input_sentence)
    print('output =', ' '.join(output_words))
    showAttention(input_sentence, output_words, attentions)


evaluateAndShowAttention("elle a cinq ans de moins que moi .")

evaluateAndShowAttention("elle est trop petit .")

evaluateAndShowAttention("je ne crains pas de mourir .")

evaluateAndShowAttention("c est un jeune directeur plein de talent .")
'''  # noqa: E501


if __name__ == "__main__":
    main()

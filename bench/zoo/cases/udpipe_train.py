"""UDPipe 1.4.0 (ÚFAL's trainable pipeline for CoNLL-U treebanks: tokenizer, MorphoDiTa's
averaged-perceptron tagger and lemmatizer, Parsito's neural transition-based dependency
parser; ``UDPipe version 1.4.0 (using UniLib 3.3.1, MorphoDiTa 1.11.2, Parsito 1.1.1-devel)``
by ``udpipe --version``; PyPI's ``ufal.udpipe`` is its binding, with no trainer's command
line): repository ufal/udpipe at a0e72fcb1ba0d36998dc671db4350bbd159861b5 ("Release version
1.4.0", 2025-11-20), unpacked with ``git archive`` under ``$ZOO_REPOS/udpipe``, default
``~/.cache/exptrack-zoo/repos/udpipe``. Run as its manual's "Model Training" section runs it,
``udpipe --train --tokenizer=none --tagger=iterations=3 --parser=iterations=3
--heldout=dev.conllu model.udpipe train.conllu``: no tokenizer (the data is given tokenized),
one tagger model (UDPipe's default ``models=1``: UPOS, XPOS, FEATS and lemma) and the parser,
each trained for 3 iterations instead of their defaults (20 and 10), every other option at
its default (tagger order 3 with early stopping on the heldout data; parser ``projective``
system with the ``dynamic`` oracle, hidden layer 200, batch 10, SGD at learning rate 0.02
decaying to 0.001, l2 0.5, early stopping); the binary is run with subprocess, its stdout and
stderr inherited.

Build: ``<venv>/bin/python bench/zoo/cases/udpipe_train.py --build`` checks
``src/morphodita/tagger/perceptron_tagger_trainer.h`` and
``src/parsito/parser/parser_nn_trainer.cpp`` against their blob ids at the commit (5336b8c3,
7690a44a), adds the case's record lines (below), and runs the repository's Makefile, ``make
-j2 exe`` in ``src/`` (``g++ -std=c++11 -W -Wall ... -O3``, Debian bookworm's g++ 12.2.0; no
Boost or other library; about three minutes the first time on two cores, a rebuild of the two
touched objects some seconds); the case runs the built ``src/udpipe`` and refuses to run
unless both files are exactly the commit's plus those lines.

Data: a synthetic English-like treebank in CoNLL-U that the case writes with Python's
``random.Random(0)``: sentences from a small grammar (noun phrases with a determiner,
adjectives and a singular or plural noun, or a pronoun; an adverb now and then; a present or
past verb; prepositional phrases attached to the verb (``obl``) or to the noun before them
(``nmod``) at random, an ambiguity only the parser's guess resolves; two clauses joined by
``and``/``but`` (``cc``, ``conj``) now and then; a full stop), with lemmas, UPOS and XPOS
(``DT``, ``JJ``, ``NN``, ``NNS``, ``PRP``, ``VBZ``, ``VBD``, ``IN``, ``RB``, ``CC``, ``.``),
FEATS, heads and relations (projective trees), some forms ambiguous between a plural noun and
a verb (``walks``, ``runs``, ``watches``, ``lights``, ``plans``, ``books``), and 3% of the
tag pairs replaced by a random pair (an annotator's slip); 300 training sentences (3758
words) as ``train.conllu`` and 60 heldout sentences (696 words) as ``dev.conllu``. About 3
seconds for the tagger and 15 for the parser on this machine.

What it prints (all on stderr): ``Loading training data: done.``, ``Training the UDPipe
model.``, the tagger's settings (``Tagger model 1 columns: lemma use=1/provide=1, ...``,
``Creating morphological dictionary for tagger model 1.``, ``Tagger model 1 dictionary
options: ...``, ``Tagger model 1 guesser options: suffix_rules=8, ...``, ``Tagger model 1
options: iterations=3, early_stopping=1, templates=tagger``, ``Training tagger model 1.``),
then a line an iteration (MorphoDiTa's ``perceptron_tagger_trainer.h``)::

    Iteration 1: done, accuracy 92.10%, heldout accuracy 97.27%t/100.00%l/97.27%b
    Iteration 2: done, accuracy 94.62%, heldout accuracy 97.27%t/100.00%l/97.27%b
    Iteration 3: done, accuracy 95.08%, heldout accuracy 97.27%t/100.00%l/97.27%b
    Chosen tagger model from iteration 1

then the parser's settings (``Parser transition options: system=projective, oracle=dynamic,
...``, ``Parser embeddings options: upostag=20, feats=20, xpostag=0, form=50, lemma=0,
deprel=20``, ``Parser network options: iterations=3, hidden_layer=200, batch_size=10,`` and
``  learning_rate=0.0200, learning_rate_final=0.0010, l2=0.5000, early_stopping=1``, and
``Initialized 'form' embedding with 0,77 words and 0.0%,100.0% coverage.`` for each of its
four embeddings), a line an iteration (Parsito's ``parser_nn_trainer.cpp``)::

    Iteration 1: training logprob -1.9045e+03, heldout UAS 94.68%, LAS 94.54%
    Iteration 2: training logprob -1.6227e+03, heldout UAS 94.68%, LAS 94.40%
    Iteration 3: training logprob -9.8955e+02, heldout UAS 96.98%, LAS 96.98%
    Using early stopping -- choosing network from iteration 3

and ``The trained UDPipe model was saved.``

Truth: UDPipe keeps no record (the model file holds the weights; nothing per iteration), so
the case adds blocks to the two stock files (``RECORD_LINES``, each after an anchor found
once; no line changed): after each printed value an ``fopen`` of ``udpipe_record.tsv`` in the
cwd for appending and an ``fprintf`` of the iteration and the very expressions the line
prints, at ``%.17g`` (the tagger's ``train_correct * 100 / double(train_total)`` and its three
heldout ratios; the parser's ``atomic_logprob`` and ``100. * correct_unlabelled / total``,
``100. * correct_labelled / total``), plus an ``#include <cstdio>`` in each file. The file is
in truth ``files``. Nothing is parsed from stderr. Judgement calls:
- Names as printed, by the docs' rules (UDPipe keeps no keys): ``accuracy``, the tagger's
  training accuracy over the iteration's Viterbi decodes (tags right, in percent);
  ``heldout_accuracy``, its accuracy on the heldout data (the phrase before the name belongs
  to it, as in ``heldout UAS``: the two accuracies on one line are two series);
  ``training_logprob``, the parser's summed log-probability its network gave the oracle's
  transitions over the training data in the iteration; ``heldout_UAS`` and ``LAS``, the
  parser's unlabelled and labelled attachment scores on the heldout data. ``LAS`` is named
  as printed: no phase word stands right before it (``heldout`` opens the field of ``UAS``),
  though it is the heldout set's score too (``heldout_LAS`` would be the name of the
  meaning; the rule the docs give for a name with no phase word of its own, as ``LR`` stays
  in ``Train Loss: 1.4 | Train Acc: 47.2 | LR: 0.1``, keeps it bare).
- ``heldout accuracy a%t/b%l/c%b`` prints three values under one name: the tags' accuracy,
  the lemmas' and both together (the letters are MorphoDiTa's labels, no unit). The docs'
  rule names the first value and gives the others no name, as Wapiti's ``err=a%/b%`` in
  ``wapiti_train``: the truth's ``heldout_accuracy`` is the tags' accuracy; the lemma and the
  joint accuracy are kept in the record's last two tagger columns, no metrics of it (noted in
  ``notes``). Early stopping picks the tagger by the joint value.
- Keyed ``step`` by the printed iteration number, 1-based for each of the two trainings.
- Tolerance: half a unit of the printed last digit: ``%.2f`` percentages 5e-3;
  ``training_logprob`` at ``scientific`` with 4 decimals, a relative 5e-5.
- ``learning_rate`` and ``learning_rate_final``, the parser's SGD rate and its final value,
  printed once as settings, are in ``also_ok``; the other printed options (``iterations``,
  ``early_stopping``, ``l2``, ``hidden_layer``, ``batch_size``, ``suffix_rules``, ...) are
  settings, not metrics, and so are the embeddings' word counts and coverage and the
  ``Chosen tagger model``/``choosing network from iteration`` lines.
- Determinism: the perceptron draws nothing at random; Parsito seeds its ``mt19937`` with 42
  and trains on one thread; runs repeat bit for bit.
"""
# zoo-venv: udpipe

import csv
import os
import random
import subprocess
import sys
from pathlib import Path

from _truth import series, write_truth
from _verbatim import add_records, has_records

COMMIT = "a0e72fcb1ba0d36998dc671db4350bbd159861b5"
RECORD = "udpipe_record.tsv"
# the files the case adds lines to, each its git blob id at COMMIT and its record lines (after
# each anchor, found once; no line changed): the printed variables at full precision
TAGGER = "src/morphodita/tagger/perceptron_tagger_trainer.h"
PARSER = "src/parsito/parser/parser_nn_trainer.cpp"
BLOBS = {TAGGER: "5336b8c3c141f66ecb064bf769cee44c287cdff5",
         PARSER: "7690a44a7a231025ce3d360de4a3649b5145c027"}
RECORD_LINES = {
    TAGGER: {
        "#include <unordered_map>\n": "#include <cstdio>  // zoo: record\n",
        "    cerr << \"done, accuracy \" << fixed << setprecision(2) << train_correct * 100 / "
        "double(train_total) << '%';\n":
            f'    if (FILE* zoo = fopen("{RECORD}", "a")) {{  // zoo: record\n'
            '      fprintf(zoo, "tagger\\t%d\\taccuracy\\t%.17g\\n", i + 1,  // zoo: record\n'
            "              train_correct * 100 / double(train_total));  // zoo: record\n"
            "      fclose(zoo);  // zoo: record\n"
            "    }  // zoo: record\n",
        "          << 100 * heldout_correct[BOTH] / double(heldout_total) << \"%b\";\n":
            f'      if (FILE* zoo = fopen("{RECORD}", "a")) {{  // zoo: record\n'
            '        fprintf(zoo, "tagger\\t%d\\theldout\\t%.17g\\t%.17g\\t%.17g\\n", i + 1,'
            "  // zoo: record\n"
            "                100 * heldout_correct[TAGS] / double(heldout_total),"
            "  // zoo: record\n"
            "                100 * heldout_correct[LEMMAS] / double(heldout_total),"
            "  // zoo: record\n"
            "                100 * heldout_correct[BOTH] / double(heldout_total));"
            "  // zoo: record\n"
            "        fclose(zoo);  // zoo: record\n"
            "      }  // zoo: record\n",
    },
    PARSER: {
        "#include <atomic>\n": "#include <cstdio>  // zoo: record\n",
        "    cerr << \"training logprob \" << scientific << setprecision(4) << atomic_logprob;\n":
            f'    if (FILE* zoo = fopen("{RECORD}", "a")) {{  // zoo: record\n'
            '      fprintf(zoo, "parser\\t%d\\tlogprob\\t%.17g\\n", iteration,'
            " atomic_logprob.load());  // zoo: record\n"
            "      fclose(zoo);  // zoo: record\n"
            "    }  // zoo: record\n",
        "      cerr << \", heldout UAS \" << fixed << setprecision(2) << (100. * "
        "correct_unlabelled / total) << \"%, LAS \" << (100. * correct_labelled / total) << "
        "\"%\";\n":
            f'      if (FILE* zoo = fopen("{RECORD}", "a")) {{  // zoo: record\n'
            '        fprintf(zoo, "parser\\t%d\\theldout\\t%.17g\\t%.17g\\n", iteration,'
            "  // zoo: record\n"
            "                100. * correct_unlabelled / total, 100. * correct_labelled / total);"
            "  // zoo: record\n"
            "        fclose(zoo);  // zoo: record\n"
            "      }  // zoo: record\n",
    },
}
repos = Path(os.environ.get("ZOO_REPOS", Path.home() / ".cache" / "exptrack-zoo" / "repos"))
source = repos / "udpipe"
binary = source / "src" / "udpipe"


def build() -> None:
    """Add the record lines to the unpacked sources, then the repository's Makefile."""
    add_records(source, BLOBS, RECORD_LINES)
    subprocess.run(["make", "-j2", "exe"], cwd=source / "src", check=True)


if sys.argv[1:] == ["--build"]:
    build()
    sys.exit(0)

if not binary.is_file() or not has_records(source, BLOBS, RECORD_LINES):
    sys.exit(f"needs UDPipe built with the case's record lines at {binary}: unpack "
             f"ufal/udpipe at {COMMIT} under {source}, then run "
             f"`<venv>/bin/python {__file__} --build`")

# a synthetic English-like treebank in CoNLL-U: a token a line (ID, FORM, LEMMA, UPOS, XPOS,
# FEATS, HEAD, DEPREL, DEPS, MISC), a blank line after each sentence
rng = random.Random(0)
NOUNS = ["dog", "cat", "house", "car", "tree", "man", "city", "river", "bank", "market",
         "price", "plan", "book", "walk", "run", "watch", "light"]
PLURALS = {"dog": "dogs", "cat": "cats", "house": "houses", "car": "cars", "price": "prices",
           "plan": "plans", "book": "books", "walk": "walks", "run": "runs",
           "watch": "watches", "light": "lights"}
PRESENT = {"see": "sees", "like": "likes", "buy": "buys", "sell": "sells", "read": "reads",
           "find": "finds", "walk": "walks", "run": "runs", "watch": "watches",
           "light": "lights", "plan": "plans", "book": "books"}
PAST = {"see": "saw", "like": "liked", "buy": "bought", "sell": "sold", "read": "read",
        "find": "found", "walk": "walked", "watch": "watched", "light": "lit"}
DETERMINERS = {"the": "Definite=Def|PronType=Art", "a": "Definite=Ind|PronType=Art",
               "this": "Number=Sing|PronType=Dem", "every": "PronType=Tot",
               "some": "PronType=Ind"}
PRONOUNS = {"he": "Number=Sing", "she": "Number=Sing", "it": "Number=Sing",
            "they": "Number=Plur", "we": "Number=Plur"}
ADJECTIVES = ["big", "small", "red", "old", "new", "quick", "green", "long", "happy"]
ADPOSITIONS = ["in", "on", "near", "with", "from", "of", "under"]
ADVERBS = ["quickly", "often", "never", "still", "slowly"]
TAGS = [("DET", "DT"), ("ADJ", "JJ"), ("NOUN", "NN"), ("NOUN", "NNS"), ("PRON", "PRP"),
        ("VERB", "VBZ"), ("VERB", "VBD"), ("ADP", "IN"), ("ADV", "RB"), ("CCONJ", "CC"),
        ("PUNCT", ".")]


def token(form: str, lemma: str, upos: str, xpos: str, feats: str = "_") -> dict:
    return {"form": form, "lemma": lemma, "upos": upos, "xpos": xpos, "feats": feats,
            "head": None, "deprel": "root"}


def attach(dependent: dict, head: dict, deprel: str) -> None:
    dependent["head"], dependent["deprel"] = head, deprel


def noun_phrase() -> tuple[list[dict], dict]:
    """The phrase's tokens and its head."""
    if rng.random() < 0.2:
        form = rng.choice(sorted(PRONOUNS))
        noun = token(form, form, "PRON", "PRP",
                     f"Case=Nom|{PRONOUNS[form]}|Person=3|PronType=Prs")
        return [noun], noun
    det = rng.choice(sorted(DETERMINERS))
    words = [token(det, det, "DET", "DT", DETERMINERS[det])]
    words += [token(adj, adj, "ADJ", "JJ", "Degree=Pos")
              for adj in (rng.choice(ADJECTIVES) for _ in range(rng.choice([0, 0, 1, 2])))]
    lemma = rng.choice(NOUNS)
    if lemma in PLURALS and rng.random() < 0.35:
        noun = token(PLURALS[lemma], lemma, "NOUN", "NNS", "Number=Plur")
    else:
        noun = token(lemma, lemma, "NOUN", "NN", "Number=Sing")
    for word in words:
        attach(word, noun, "det" if word["upos"] == "DET" else "amod")
    return [*words, noun], noun


def clause() -> tuple[list[dict], dict]:
    """The clause's tokens and its verb."""
    subject, subject_head = noun_phrase()
    adverb = [token(adv, adv, "ADV", "RB") for adv in [rng.choice(ADVERBS)]
              if rng.random() < 0.25]
    if rng.random() < 0.5:
        lemma = rng.choice(sorted(PAST))
        verb = token(PAST[lemma], lemma, "VERB", "VBD", "Mood=Ind|Tense=Past|VerbForm=Fin")
    else:
        lemma = rng.choice(sorted(PRESENT))
        verb = token(PRESENT[lemma], lemma, "VERB", "VBZ",
                     "Mood=Ind|Number=Sing|Person=3|Tense=Pres|VerbForm=Fin")
    attach(subject_head, verb, "nsubj")
    for word in adverb:
        attach(word, verb, "advmod")
    obj, obj_head = noun_phrase()
    attach(obj_head, verb, "obj")
    words, last_noun = [*subject, *adverb, verb, *obj], obj_head
    for _ in range(rng.choice([0, 1, 1, 2])):
        adp = rng.choice(ADPOSITIONS)
        case = token(adp, adp, "ADP", "IN")
        phrase, head = noun_phrase()
        attach(case, head, "case")
        # the attachment ambiguity of a prepositional phrase: the verb or the noun before it
        if rng.random() < 0.5:
            attach(head, verb, "obl")
        else:
            attach(head, last_noun, "nmod")
        words += [case, *phrase]
        last_noun = head
    return words, verb


def sentence() -> list[dict]:
    words, root = clause()
    if rng.random() < 0.2:
        conj = rng.choice(["and", "but"])
        cc = token(conj, conj, "CCONJ", "CC")
        second, verb = clause()
        attach(cc, verb, "cc")
        attach(verb, root, "conj")
        words += [cc, *second]
    stop = token(".", ".", "PUNCT", ".")
    attach(stop, root, "punct")
    words.append(stop)
    # an annotator's slip now and then: a random tag pair (the data is not separable)
    for word in words:
        if rng.random() < 0.03:
            word["upos"], word["xpos"] = rng.choice(TAGS)
    return words


def write_treebank(path: str, count: int, prefix: str) -> None:
    with open(path, "w", encoding="utf-8") as handle:
        for number in range(1, count + 1):
            words = sentence()
            ids = {id(word): index for index, word in enumerate(words, 1)}
            handle.write(f"# sent_id = {prefix}-{number}\n"
                         f"# text = {' '.join(word['form'] for word in words)}\n")
            for index, word in enumerate(words, 1):
                head = 0 if word["head"] is None else ids[id(word["head"])]
                handle.write(f"{index}\t{word['form']}\t{word['lemma']}\t{word['upos']}\t"
                             f"{word['xpos']}\t{word['feats']}\t{head}\t{word['deprel']}\t_\t_\n")
            handle.write("\n")


write_treebank("train.conllu", 300, "train")
write_treebank("dev.conllu", 60, "dev")
Path(RECORD).unlink(missing_ok=True)
subprocess.run([str(binary), "--train", "--tokenizer=none", "--tagger=iterations=3",
                "--parser=iterations=3", "--heldout=dev.conllu", "model.udpipe",
                "train.conllu"], check=True)

# truth: the case's record of each iteration line
with open(RECORD, newline="", encoding="ascii") as handle:
    rows = list(csv.reader(handle, delimiter="\t"))
tagger_train = [(row[1], row[3]) for row in rows if row[:3:2] == ["tagger", "accuracy"]]
tagger_heldout = [row[1:2] + row[3:] for row in rows if row[:3:2] == ["tagger", "heldout"]]
parser_train = [(row[1], row[3]) for row in rows if row[:3:2] == ["parser", "logprob"]]
parser_heldout = [row[1:2] + row[3:] for row in rows if row[:3:2] == ["parser", "heldout"]]
assert len(rows) == 12, rows  # 3 tagger and 3 parser iterations, each a train and a heldout row
for pairs in (tagger_train, tagger_heldout, parser_train, parser_heldout):
    assert [int(pair[0]) for pair in pairs] == [1, 2, 3], pairs
write_truth(
    "UDPipe", "1.4.0",
    f"udpipe built from ufal/udpipe at {COMMIT[:8]} (v1.4.0) with the case's record added to "
    "MorphoDiTa's perceptron_tagger_trainer.h and Parsito's parser_nn_trainer.cpp (an "
    f"fopen/fprintf appending to {RECORD} right after each printed value: the iteration and the "
    "printed expressions at %.17g); `udpipe --train --tokenizer=none --tagger=iterations=3 "
    "--parser=iterations=3 --heldout=dev.conllu`",
    {
        "accuracy": series(tagger_train, "step", tolerance=5e-3),
        "heldout_accuracy": series([(row[0], row[1]) for row in tagger_heldout], "step",
                                   tolerance=5e-3),
        "training_logprob": series(parser_train, "step", rel_tolerance=5e-5),
        "heldout_UAS": series([(row[0], row[1]) for row in parser_heldout], "step",
                              tolerance=5e-3),
        "LAS": series([(row[0], row[2]) for row in parser_heldout], "step", tolerance=5e-3),
    },
    files=[RECORD],
    also_ok=["learning_rate", "learning_rate_final"],
    notes="3 tagger iterations then 3 parser iterations, each numbered from 1; the tagger's "
          "heldout accuracy a%t/b%l/c%b prints the tag accuracy (heldout_accuracy), the lemma "
          "accuracy and both together (the record's last two tagger columns), which the name "
          "rule leaves unnamed: no metrics of the truth; LAS is named as printed (no phase word "
          "right before it, though it is the heldout set's too); learning_rate and "
          "learning_rate_final are the parser's printed SGD settings (also_ok)",
)

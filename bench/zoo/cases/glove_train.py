"""Stanford's GloVe (no pip package; its last tag, 1.2, is of 2015-10-24: the repository's C
programs at stanfordnlp/GloVe commit 52f7dbc512be3f72e9c11e7cbb19dfdfa4651e9c, 2025-07-27,
its newest, 161 commits after 1.2), built with its own ``Makefile`` (``make``: ``gcc
-pthread -O3 -march=native -funroll-loops -Wall -Wextra -Wpedantic``, Debian bookworm's gcc
12.2) and run as its ``demo.sh`` runs it: ``make``, then each program after demo.sh's echo
of it (an empty line and ``$ build/vocab_count ...``)::

    build/vocab_count -min-count 5 -verbose 2 < corpus.txt > vocab.txt
    build/cooccur -memory 4.0 -vocab-file vocab.txt -verbose 2 -window-size 15 \\
        < corpus.txt > cooccurrence.bin
    build/shuffle -memory 4.0 -verbose 2 -seed 1 < cooccurrence.bin > cooccurrence.shuf.bin
    build/glove -save-file vectors -threads 8 -input-file cooccurrence.shuf.bin -x-max 10 \\
        -iter 15 -vector-size 50 -binary 2 -vocab-file vocab.txt -verbose 2 -seed 1

then demo.sh's evaluation, ``python eval/python/evaluate.py`` (the repository's word-analogy
test on its own ``eval/question-data/``, shipped in the repository: nothing downloaded), which
demo.sh runs only for text8 and the case runs on its own corpus. The files (``Makefile``,
``src/*.c``, ``src/common.h``, ``eval/python/evaluate.py``, the 14 question files) are read
from ``$ZOO_REPOS/GloVe`` (default ``~/.cache/exptrack-zoo/repos/GloVe``, unpacked with ``git
archive 52f7dbc5 | tar -x``), each checked against its git blob id at that commit, and
written into the cwd in the repository's layout, where ``make`` builds ``build/``. Two
settings differ from demo.sh: ``-seed 1`` for ``shuffle`` and ``glove`` (demo.sh gives none,
so each seeds itself with ``time(0)``) and the corpus (below; demo.sh downloads text8).

Corpus: ``corpus.txt``, about 290 KB on one line as text8 is (60,580 words), 6,000 sentences
of generated English with structure (``random.Random(0)``): a man or a woman of the 21
male/female pairs of ``family.txt`` that are nouns (``king``/``queen``, ``boy``/``girl`` ...;
its other two are ``he``/``she`` and ``his``/``her``) with ``he``/``his`` or ``she``/``her``
and words of their own; one or many of the 37
singular/plural pairs of ``gram8-plural.txt`` with ``one ... is`` or ``many ... are``; the
23 capitals and countries of ``capital-common-countries.txt`` with ``capital of``; and
filler words. Every word occurs at least 5 times, so the vocabulary keeps them all.

What it prints: ``make``'s gcc command lines (stdout); ``vocab_count``, ``cooccur`` and
``shuffle`` print on stderr what they count and how far they got: ``BUILDING VOCABULARY``,
``Processed 60580 tokens.`` (drawn over ``Processed 0 tokens.`` after a ``\\033[0G`` ANSI
cursor move), ``Counted 262 unique words.``, ``Using vocabulary of size 262.``, ``COUNTING
COOCCURRENCES``, ``window size: 15``, ``context: symmetric``, ``max product: 13752509``,
``overflow length: 38028356``, ``table contains 68645 elements.``, ``Merging cooccurrence
files: processed 53983 lines.``, ``SHUFFLING COOCCURRENCES``, ``array size: 255013683``,
``Using random seed 1``, ``Wrote 1 temporary file(s).``: counts, sizes and settings, none of
them a metric. ``glove`` prints on stderr ``TRAINING MODEL``, ``Read 53983 lines.``,
``Initializing parameters...Using random seed 1`` and ``done.``, its settings ``vector size:
50``, ``vocab size: 262``, ``x_max: 10.000000``, ``alpha: 0.750000`` (not metrics), then one
line an iteration::

    12/07/26 - 09:40.12AM, iter: 001, cost: 0.165437

(``strftime("%x - %I:%M.%S%p")``, then ``%03d`` and ``%lf``: six decimals). evaluate.py
prints on stdout, for each question file, ``family.txt:`` then ``ACCURACY TOP1: 15.81%
(80/506)``, or for a file with no question whose four words are all in the vocabulary
``ERROR: no lines of vocab kept for currency.txt !`` and ``Example missing line: [...]``
(no accuracy); then ``Questions seen/total: 12.87% (2515/19544)``, ``Semantic accuracy:
63.99%  (757/1183)``, ``Syntactic accuracy: 2.48%  (33/1332)``, ``Total accuracy: 31.41%
(790/2515)``, all ``%.2f%%``. On this corpus four files have questions in the vocabulary:
``capital-common-countries.txt`` (506, all answered: ``100.00%``), ``capital-world.txt`` (the
171 of its questions among those 23 capitals: ``100.00%`` again), ``family.txt`` and
``gram8-plural.txt``; the ten others print the ERROR lines.

Truth: GloVe keeps no record of its cost (nothing but the vectors is written; ``-checkpoint-
every`` saves parameters, no cost), and evaluate.py none of its accuracies, so the values
the programs compute are the record, as ``pytorch_cifar_main`` records main.py's: lines
added to the copy the case builds and runs, each right after the print it keeps, no line
of the stock text changed (``RECORD_LINES``):
- ``src/glove.c``, after ``fprintf(stderr, "%s, iter: %03d, cost: %lf\\n", time_buffer,
  b+1, total_cost/num_lines);`` in ``train_glove``: a block that opens ``zoo_cost.tsv`` for
  appending and ``fprintf``s ``b+1`` and ``total_cost/num_lines`` (``%.17g``, the double's
  every digit) to it;
- ``eval/python/evaluate.py``, after the ``ACCURACY TOP1`` print: a line appending the file
  name and ``np.mean(val) * 100`` to ``zoo_eval.tsv``; after the ``Total accuracy`` print,
  a line appending the four summary percentages as printed before rounding
  (``100 * count_tot / float(full_count)``, ``100 * correct_sem / float(count_sem)``, ...).
The case reads those two files back. Nothing is parsed from stdout. Judgement calls:
- ``cost``, as printed (GloVe's weighted least-squares cost over the co-occurrences, divided
  by their number), 15 points on axis ``epoch``: ``iter`` is GloVe's full pass through the
  co-occurrence matrix, counted from 1. Tolerance 5e-7 (``%lf``).
- evaluate.py's names are its printed words joined by ``_`` (docs/metrics.md, "Phrases"):
  ``ACCURACY_TOP1``, one series of a point per question file it evaluates, in print order
  (the file's name is on the line before, no phase word: pooled as ``pytorch_cifar_main``
  pools its two bars' ``Acc``), four points here, the first two both ``100.00%``: two files'
  evaluations, two points, not a value printed again; ``Semantic_accuracy``,
  ``Syntactic_accuracy``, ``Total_accuracy``, one point each; and ``Questions_seen/total``,
  the percentage of the analogy questions whose four words are all in the vocabulary, which
  evaluate.py prints in the same form beside the accuracies (the coverage of its test: a
  value of the evaluation, as the accuracies are; its counts in parentheses are not). All in
  percent as printed, on axis ``epoch`` 15 (the vectors after the last iteration; which file
  each ``ACCURACY_TOP1`` point is, is in ``notes``). Tolerance 0.005 (``%.2f``).
- Not metrics: the parenthesised counts ``(80/506)``, ``(757/1183)``; every count, size and
  setting vocab_count, cooccur, shuffle and glove print (above); ``iter: 001`` is the axis.
- ``also_ok``: none. GloVe prints a wall-clock time (``09:40.12AM``) on each cost line,
  no duration or throughput.
- ``-threads 8`` as demo.sh (the 2-core runner runs them in turn): GloVe's lock-free
  asynchronous SGD is not bit-reproducible with several threads even with ``-seed 1``, so
  the cost's last digits and the accuracies may vary between runs; each run's truth is
  that run's own record.
- ``-memory 4.0`` as demo.sh: cooccur and shuffle size their buffers from it (``max
  product``, ``array size``) but touch only what the small corpus fills.
"""
# zoo-venv: glove

import contextlib
import hashlib
import os
import random
import subprocess
import sys
from pathlib import Path

from _truth import series, write_truth

SOURCE_REPO = "stanfordnlp/GloVe"
SOURCE_COMMIT = "52f7dbc512be3f72e9c11e7cbb19dfdfa4651e9c"
REPOS = Path(os.environ.get("ZOO_REPOS", Path.home() / ".cache" / "exptrack-zoo" / "repos"))
QUESTIONS = {
    "capital-common-countries.txt": "18c77618a8e5719a85d0997ed51f34692dea98af",
    "capital-world.txt": "42b4dba2891eeb3cdcc302ba115100b9c882f3a7",
    "city-in-state.txt": "6997572ceaf7fcac7eaa760b982d912bf8d89e8e",
    "currency.txt": "d94895b2332d73bbd0e7b13ad8597c57b010567e",
    "family.txt": "481f163f6ef52d83941dd64b8c7c328a8451b1cf",
    "gram1-adjective-to-adverb.txt": "ba998e4bf1e9a89714117a4c5c8b81185dfe9558",
    "gram2-opposite.txt": "529f809620f985ef1686b7fe885a15ea14cda5a8",
    "gram3-comparative.txt": "231a799b4327d51356dfb0fcd2785e97d270b7cc",
    "gram4-superlative.txt": "c198a4c588d07aa9b80d943869e48d7e94fa9edc",
    "gram5-present-participle.txt": "ee16503a8170ac3b8dbf43b0d76d136e661ec030",
    "gram6-nationality-adjective.txt": "c943098987ec88c245677ce885a72842301d0525",
    "gram7-past-tense.txt": "803000d8300f80f13eceb4cc4c5147c122282823",
    "gram8-plural.txt": "29035695d4787c35e14aaa794c1cd8c45e8e819f",
    "gram9-plural-verbs.txt": "4ae9e8d7fd64dd9592ec06de547557519f59c180",
}
FILES = {  # path in the repository -> git blob id at SOURCE_COMMIT
    "Makefile": "5b1887f2c97ea1b7e0a335b7b3a55d551eab151f",
    "src/common.c": "c738a34320c8f74a20fa86df65712fbc8dee96f4",
    "src/common.h": "df68419d5d63701e14f88973499c5ef3cb469b89",
    "src/cooccur.c": "48016a35e940700cfd1b4fae59fe46703253d864",
    "src/glove.c": "43dfd7ee7d7a70d93bb0d13ce4805c81f8ab6580",
    "src/shuffle.c": "9fbbc63a908d10ce94cd5ead205a2331c046daf1",
    "src/vocab_count.c": "6e282abe144807bc861b56aaa27205716182e05b",
    "eval/python/evaluate.py": "93028ae9b6194c8ed19cccc4bf49919b0b809c5e",
    **{f"eval/question-data/{name}": blob for name, blob in QUESTIONS.items()},
}

# the record: lines added right after what they keep (file -> anchor -> added lines); no
# line of the stock text changed
RECORD_LINES = {
    "src/glove.c": {
        r'        fprintf(stderr, "%s, iter: %03d, cost: %lf\n", time_buffer,  b+1, '
        r"total_cost/num_lines);" "\n":
            r'        { FILE *zoo_record = fopen("zoo_cost.tsv", "a"); if (zoo_record != NULL)'
            r' { fprintf(zoo_record, "%d\t%.17g\n", b+1, total_cost/num_lines);'
            r" fclose(zoo_record); } } // zoo: the cost just printed" "\n",
    },
    "eval/python/evaluate.py": {
        "            (np.mean(val) * 100, np.sum(val), len(val)))\n":
            "        with open('zoo_eval.tsv', 'a') as zoo_record: zoo_record.write("
            "'%s\\t%r\\n' % (filenames[i], float(np.mean(val) * 100)))"
            "  # zoo: the accuracy just printed\n",
        "    print('Total accuracy: %.2f%%  (%i/%i)' % (100 * correct_tot / float(count_tot),"
        " correct_tot, count_tot))\n":
            "    with open('zoo_eval.tsv', 'a') as zoo_record: zoo_record.write("
            "'summary\\t%r\\t%r\\t%r\\t%r\\n' % (float(100 * count_tot / float(full_count)), "
            "float(100 * correct_sem / float(count_sem)), "
            "float(100 * correct_syn / float(count_syn)), "
            "float(100 * correct_tot / float(count_tot))))  # zoo: the percentages just printed\n",
    },
}
ITERATIONS = 15


def git_blob_id(data: bytes) -> str:
    """The id git gives a file of these bytes (``git hash-object``)."""
    return hashlib.sha1(f"blob {len(data)}\0".encode() + data).hexdigest()


def with_lines(text: str, lines: dict[str, str]) -> str:
    for anchor, added in lines.items():
        assert text.count(anchor) == 1, anchor
        text = text.replace(anchor, anchor + added)
    return text


def pairs(name: str, columns: tuple[int, int]) -> list[tuple[str, str]]:
    """The distinct word pairs of a question file's two columns, in first-seen order."""
    seen: dict[tuple[str, str], None] = {}
    for line in Path("eval/question-data", name).read_text(encoding="utf-8").splitlines():
        words = line.split()
        seen[(words[columns[0]], words[columns[1]])] = None
        seen[(words[columns[0] + 2], words[columns[1] + 2])] = None
    return list(seen)


def write_corpus(path: Path, sentences: int = 6000, seed: int = 0) -> None:
    """Sentences of generated English on one line, as text8 is: gender pairs of
    family.txt, singular/plural pairs of gram8-plural.txt, capitals of
    capital-common-countries.txt, each with words of its own, and filler."""
    rng = random.Random(seed)
    gender = [p for p in pairs("family.txt", (0, 1)) if p not in (("he", "she"), ("his", "her"))]
    plural = pairs("gram8-plural.txt", (0, 1))
    capitals = pairs("capital-common-countries.txt", (0, 1))
    filler = ["the", "a", "and", "of", "to", "in", "that", "it", "was", "for", "on", "with", "as",
              "at", "by", "this", "from", "or", "had", "not", "but", "what", "all", "were", "when",
              "we", "there", "can", "an", "your", "which", "their", "said", "if", "do", "will",
              "each", "about", "how", "up", "out", "them", "then", "some", "would", "so", "these",
              "other", "into", "has", "more", "two", "like", "time", "could", "way", "people",
              "day", "small", "large", "old", "new", "good"]
    verbs = ["saw", "met", "called", "visited", "helped", "watched", "told", "found"]
    male_words = ["beard", "strong", "tall", "hunting", "army", "football", "tie"]
    female_words = ["dress", "gentle", "necklace", "garden", "lace", "dance", "skirt"]
    country_words = ["government", "capital", "city", "nation", "border", "flag", "president"]
    words: list[str] = []
    for _ in range(sentences):
        kind = rng.random()
        if kind < 0.4:
            male, female = rng.choice(gender)
            if rng.random() < 0.5:
                words += ["the", male, rng.choice(verbs), "his", rng.choice(filler),
                          "and", "he", "wore", "a", rng.choice(male_words)]
            else:
                words += ["the", female, rng.choice(verbs), "her", rng.choice(filler),
                          "and", "she", "wore", "a", rng.choice(female_words)]
        elif kind < 0.75:
            single, many = rng.choice(plural)
            if rng.random() < 0.5:
                words += ["one", single, "is", "here", "and", "this", single, "was",
                          rng.choice(filler)]
            else:
                words += ["many", many, "are", "here", "and", "these", many, "were",
                          rng.choice(filler)]
        elif kind < 0.9:
            city, country = rng.choice(capitals)
            words += [city, "is", "the", "capital", "of", country, "and", "the",
                      rng.choice(country_words), "of", country, "is", "in", city]
        else:
            words += [rng.choice(filler) for _ in range(rng.randint(5, 12))]
    path.write_text(" ".join(words) + "\n", encoding="utf-8")


def run(command: list[str], stdin: str | None = None, stdout: str | None = None) -> None:
    """One step of demo.sh: its echo of the command (an empty line, then ``$ ...``), then
    the command with demo.sh's redirections."""
    shown = " ".join([*command, *([f"< {stdin}"] if stdin else []),
                      *([f"> {stdout}"] if stdout else [])])
    print(f"\n$ {shown}", flush=True)
    with contextlib.ExitStack() as stack:
        source = stack.enter_context(open(stdin, "rb")) if stdin else None
        sink = stack.enter_context(open(stdout, "wb")) if stdout else None
        subprocess.run(command, stdin=source, stdout=sink, check=True)


def main() -> None:
    root = REPOS / "GloVe"
    for name, blob in FILES.items():
        data = (root / name).read_bytes()
        if git_blob_id(data) != blob:
            sys.exit(f"{root / name} is not {SOURCE_REPO}'s at {SOURCE_COMMIT}")
        if name in RECORD_LINES:
            data = with_lines(data.decode("utf-8"), RECORD_LINES[name]).encode("utf-8")
        Path(name).parent.mkdir(parents=True, exist_ok=True)
        Path(name).write_bytes(data)
    write_corpus(Path("corpus.txt"))

    subprocess.run(["make"], check=True)  # demo.sh's first command, its output as it prints
    run(["build/vocab_count", "-min-count", "5", "-verbose", "2"], "corpus.txt", "vocab.txt")
    run(["build/cooccur", "-memory", "4.0", "-vocab-file", "vocab.txt", "-verbose", "2",
         "-window-size", "15"], "corpus.txt", "cooccurrence.bin")
    run(["build/shuffle", "-memory", "4.0", "-verbose", "2", "-seed", "1"],
        "cooccurrence.bin", "cooccurrence.shuf.bin")
    run(["build/glove", "-save-file", "vectors", "-threads", "8", "-input-file",
         "cooccurrence.shuf.bin", "-x-max", "10", "-iter", str(ITERATIONS), "-vector-size",
         "50", "-binary", "2", "-vocab-file", "vocab.txt", "-verbose", "2", "-seed", "1"])
    print("$ python eval/python/evaluate.py", flush=True)
    subprocess.run([sys.executable, "eval/python/evaluate.py"], check=True)

    # --- the truth: the record lines' files ---
    cost = [line.split("\t") for line in Path("zoo_cost.tsv").read_text().splitlines()]
    assert [int(step) for step, _ in cost] == list(range(1, ITERATIONS + 1)), cost
    rows = [line.split("\t") for line in Path("zoo_eval.tsv").read_text().splitlines()]
    accuracy = [(name, float(value)) for name, value in rows[:-1]]
    assert rows[-1][0] == "summary" and len(rows[-1]) == 5, rows
    seen, semantic, syntactic, total = (float(value) for value in rows[-1][1:])
    last = ITERATIONS
    metrics = {
        "cost": series([(int(step), float(value)) for step, value in cost], "epoch",
                       tolerance=5e-7),
        "ACCURACY_TOP1": series([(last, value) for _, value in accuracy], "epoch",
                                tolerance=0.005),
        "Questions_seen/total": series([(last, seen)], "epoch", tolerance=0.005),
        "Semantic_accuracy": series([(last, semantic)], "epoch", tolerance=0.005),
        "Syntactic_accuracy": series([(last, syntactic)], "epoch", tolerance=0.005),
        "Total_accuracy": series([(last, total)], "epoch", tolerance=0.005),
    }
    write_truth(
        "GloVe", f"{SOURCE_COMMIT[:8]} (161 commits after tag 1.2)",
        f"{SOURCE_REPO}@{SOURCE_COMMIT[:8]}: glove.c's total_cost/num_lines at each iteration "
        "and evaluate.py's percentages, each written to a file by a line the case adds right "
        "after the print (zoo_cost.tsv, zoo_eval.tsv)",
        metrics,
        notes="ACCURACY_TOP1 points, in order: " + ", ".join(name for name, _ in accuracy)
              + "; built with make (gcc), demo.sh's commands with -seed 1; glove -threads 8 "
                "(lock-free SGD, not bit-reproducible)",
    )


if __name__ == "__main__":
    main()

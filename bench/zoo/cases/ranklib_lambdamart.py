"""RankLib 2.8 (the Lemur project's learning-to-rank library in Java, ``RankLib-2.8``, its last
release from the Lemur project's own repository; no pip package, and Maven Central is out of
reach here). Source: the public GitHub mirror aenoskov/RankLib of the Lemur project's
repository, commit 00c4b6fb835451041cb6c8947d884bd5b34eab75 (2017-01-04), folder
``RankLib/tags/release-2.8`` ("Tagged RankLib-2.8 release.", 8e9b52e4), unpacked under
``$ZOO_REPOS/RankLib`` (default ``~/.cache/exptrack-zoo/repos/RankLib``) with ``git
--git-dir=<mirror> archive 00c4b6fb RankLib/tags/release-2.8 | tar -x --strip-components=3 -C
$ZOO_REPOS/RankLib``. RankLib needs no third-party jar (its ``pom.xml`` lists only junit, for
its tests): the case copies ``src/`` (checked against git's tree id at the commit,
``SRC_TREE``) into the temp cwd, adds its record lines there (below; the unpacked copy is
left as it is), compiles it with the system JDK (Debian bookworm's ``default-jdk-headless``,
OpenJDK 17: ``javac -nowarn -encoding UTF-8``, output captured and shown only on failure;
about 5 s of CPU) and packs ``RankLib.jar`` with the ``Main-Class`` its ``build.xml`` and
``pom.xml`` give (``ciir.umass.edu.eval.Evaluator``). Then it runs, with subprocess, stdout
and stderr inherited::

    java -jar RankLib.jar -train train.txt -validate vali.txt -test test.txt -ranker 6
        -metric2t NDCG@10 -tree 20 -leaf 5 -save model.txt

(LambdaMART; 20 trees of 5 leaves, the other settings RankLib's defaults: shrinkage 0.1, 256
threshold candidates, min leaf support 1, early stop after 100 rounds without a gain on the
validation data, so never here; ``-metric2T`` defaults to ``-metric2t``).
Data: synthetic LETOR files (``<rel> qid:<q> 1:<v> ... 10:<v> # d<i>``, graded relevance 0-2
from a noisy linear score of the ten features), 40 training, 15 validation and 15 test
queries of 12 documents each, Python's ``random.Random(0)``. About 1 s of training.

What it prints (stdout; nothing on stderr): the settings (``Discard orig. features``,
``Training data:\\ttrain.txt``, ``Feature vector representation: Dense.``, ``Ranking method:
\\tLambdaMART``, ``Train metric:\\tNDCG@10``, ``Test metric:\\tNDCG@10``, ``Feature
normalization: No``, ``Model file: model.txt``, ``[+] LambdaMART's Parameters:``, ``No. of
trees: 20``, ``No. of leaves: 5``, ``No. of threshold candidates: 256``, ``Min leaf support:
1``, ``Learning rate: 0.1``, ``Stop early: 100 rounds without performance gain on validation
data``), for each file ``\\rReading feature file [train.txt]: 0... \\rReading feature file
[train.txt]... [Done.]`` (a ``\\r`` redraw, then spaces) and ``(40 ranked lists, 480 entries
read)``, ``Initializing... [Done]``, ``Training starts...``, then the table, one row a tree
(``PRINT`` pads each cell to 7 or 9 characters and ends it with `` | ``, a space at the end of
the line)::

    ---------------------------------
    #iter   | NDCG@10-T | NDCG@10-V |
    ---------------------------------
    1       | 0.7717    | 0.7757    |
    2       | 0.78      | 0.753     |
    ...
    19      | 0.8748    | 0.7982    |
    20      | 0.8766    | 0.7938    |
    ---------------------------------
    Finished sucessfully.
    NDCG@10 on training data: 0.8748
    NDCG@10 on validation data: 0.7982
    ---------------------------------
    NDCG@10 on test data: 0.7898

    Model saved to: model.txt

(every score ``SimpleMath.round(x, 4) + ""``: ``Math.floor(x * 10000 + .5) / 10000`` printed
by Java's ``Double.toString``, so ``0.78`` where the last decimals are 0). The closing
training and validation lines are of the model rolled back to the tree that scored best on
the validation data (RankLib's ``bestModelOnValidation``: 19 trees here), scored again from
scratch; the test line is ``Evaluator.evaluate``'s score of that model on ``test.txt``. The
table's cells are single-precision (``computeModelScoreOnTraining`` and
``...OnValidation`` return ``float``, widened to the printed double:
``0.771651566028595``); the closing three are doubles.

Truth: RankLib keeps no record of these scores (``model.txt`` holds the trees and the
settings, nothing else), so the values it prints are recorded where it computes them: lines
added to two of its files in the compiled copy (``RECORD_LINES``; each right after an anchor
found once, no line changed), each appending a tab-separated row to ``ranklib_record.tsv`` in
the cwd with Java's ``Double.toString`` of the very double the next-door line prints (the
shortest text that reads back to the same double: full precision):
- ``learning/tree/LambdaMART.java``, ``learn()``: after the row's ``PRINT`` of
  ``scoreOnTrainingData`` a row ``T <m+1> <value>``; after the ``PRINT`` of the validation
  ``score`` a row ``V <m+1> <value>``; after the closing ``on training data`` line a row
  ``T final <value>``; after ``on validation data`` a row ``V final <value>``.
- ``eval/Evaluator.java``, ``evaluate(trainFile, validationFile, testFile,
  featureDefFile)``: after its ``on test data`` line a row ``test final <value>``.
``LambdaMART.java`` has CRLF line ends (``Evaluator.java`` LF): the added lines take the
file's own. The file is in truth ``files``. Nothing is parsed from stdout. Judgement calls
(the naming rule of docs/metrics.md):
- RankLib keys nothing; the names are as printed. The table's columns are the metric's name
  with a suffix, ``NDCG@10-T`` (training data) and ``NDCG@10-V`` (validation data): a series
  each, 20 points, axis ``step`` = the printed ``#iter`` (the number of trees, from 1).
  Then ``NDCG@10 on training data: 0.8851``, ``NDCG@10 on validation data: 0.7787`` and
  ``NDCG@10 on test data: 0.7453``: a name, then ``on <split> data``, one value. Taken as the
  name alone they would be ``NDCG@10`` three times over, three models on three data sets in
  one series; the truth names them by the whole phrase as docs/metrics.md names its twins
  (Nielsen's ``Cost on training data:`` -> ``Cost_on_training_data``, ``Performance on test
  set`` -> ``performance_on_test_set``): ``NDCG@10_on_training_data``,
  ``NDCG@10_on_validation_data``, ``NDCG@10_on_test_data``, one point each at the last
  ``#iter``, 20 (each is of the final, rolled-back model, printed after the table). A call
  that could go the other way (``train_NDCG@10``, ``validation_NDCG@10``, ``test_NDCG@10``
  by the phase words; or the closing training and validation scores as extra points of the
  table's ``-T``/``-V`` series): they are no points of the table (another model: the
  rolled-back one, scored again, not the 20th tree's running score), so they are series of
  their own, named as the documented phrase rule names the printed words.
- Axis ``step`` for the table: its ``#iter`` column is the tree count, the row's step.
- Tolerance 5e-5 for every value: four decimals, rounded half up.
- Not metrics: ``No. of trees``, ``No. of leaves``, ``No. of threshold candidates``, ``Min leaf
  support``, ``Learning rate`` (settings), ``(40 ranked lists, 480 entries read)`` (counts).
  ``also_ok`` holds ``Learning rate``, a setting printed as ``Name: value``.
- Determinism: RankLib's LambdaMART has no randomness (no sampling; ties sorted stably) and
  the data comes from a seeded generator, so every value repeats from run to run.
"""
# zoo-venv: ranklib

import os
import random
import re
import shutil
import subprocess
import sys
from pathlib import Path

from _truth import series, write_truth
from _verbatim import tree_id, with_lines

COMMIT = "00c4b6fb835451041cb6c8947d884bd5b34eab75"  # aenoskov/RankLib
FOLDER = "RankLib/tags/release-2.8"
SRC_TREE = "b360197841471acbe929a9c9f34df931f9433208"  # git rev-parse COMMIT:FOLDER/src
VERSION = "2.8"
RECORD = "ranklib_record.tsv"
METRIC = "NDCG@10"
TREES = 20


def record_line(indent: str, tag: str, step: str, value: str) -> str:
    """A Java statement appending ``tag<TAB>step<TAB>value`` to the record file."""
    return (f'{indent}try (java.io.PrintWriter zoo = new java.io.PrintWriter(new '
            f'java.io.FileWriter("{RECORD}", true))) {{ zoo.println("{tag}\\t" + {step} + '
            f'"\\t" + {value}); }} catch (java.io.IOException zooError) {{ throw new '
            f'RuntimeException(zooError); }}  // zoo: record\n')


# the lines the case adds (file -> anchor -> line added right after it; no line changed)
RECORD_LINES = {
    "ciir/umass/edu/learning/tree/LambdaMART.java": {
        'PRINT(new int[]{9}, new String[]{SimpleMath.round(scoreOnTrainingData, 4) + ""});'
        "\t\t\t\n": record_line("\t\t\t", "T", "(m+1)", "scoreOnTrainingData"),
        'PRINT(new int[]{9}, new String[]{SimpleMath.round(score, 4) + ""});\n':
            record_line("\t\t\t\t", "V", "(m+1)", "score"),
        'PRINTLN(scorer.name() + " on training data: " + SimpleMath.round(scoreOnTrainingData,'
        ' 4));\n': record_line("\t\t", "T", '"final"', "scoreOnTrainingData"),
        'PRINTLN(scorer.name() + " on validation data: " + '
        'SimpleMath.round(bestScoreOnValidationData, 4));\n':
            record_line("\t\t\t", "V", '"final"', "bestScoreOnValidationData"),
    },
    "ciir/umass/edu/eval/Evaluator.java": {
        "\t\t\tdouble rankScore = evaluate(ranker, test);\n\t\t\tSystem.out.println(testScorer"
        '.name() + " on test data: " + SimpleMath.round(rankScore, 4));\n':
            record_line("\t\t\t", "test", '"final"', "rankScore"),
    },
}

repos = Path(os.environ.get("ZOO_REPOS", Path.home() / ".cache" / "exptrack-zoo" / "repos"))
source = repos / "RankLib" / "src"
if not source.is_dir() or tree_id(source) != SRC_TREE:
    sys.exit(f"needs RankLib {VERSION}'s src/ under {source.parent}: unpack {FOLDER} of "
             f"aenoskov/RankLib at {COMMIT} there (git archive ... | tar -x "
             "--strip-components=3)")
javac, jar, java = shutil.which("javac"), shutil.which("jar"), shutil.which("java")
if not (javac and jar and java):
    sys.exit("needs a JDK on PATH (apt-get install -y default-jdk-headless)")

# build: the commit's sources plus the record lines, compiled in the cwd
shutil.copytree(source, "src")
for rel, lines in RECORD_LINES.items():
    path = Path("src") / rel
    text = path.read_bytes().decode("utf-8")
    if "\r\n" in text:  # LambdaMART.java has CRLF line ends: keep them, lines added too
        lines = {anchor.replace("\n", "\r\n"): line.replace("\n", "\r\n")
                 for anchor, line in lines.items()}
    path.write_bytes(with_lines(text, lines).encode("utf-8"))
sources = sorted(str(path) for path in Path("src").rglob("*.java"))
Path("classes").mkdir()
built = subprocess.run([javac, "-nowarn", "-encoding", "UTF-8", "-d", "classes", *sources],
                       capture_output=True, text=True)
if built.returncode:
    sys.exit(f"javac failed:\n{built.stdout}{built.stderr}")
Path("manifest.txt").write_text("Main-Class: ciir.umass.edu.eval.Evaluator\n", encoding="ascii")
subprocess.run([jar, "cfm", "RankLib.jar", "manifest.txt", "-C", "classes", "."], check=True)

# synthetic LETOR data: graded relevance 0-2 from a noisy linear score of ten features
rng = random.Random(0)
WEIGHTS = [rng.uniform(-1.0, 1.0) for _ in range(10)]


def write_letor(name: str, first_qid: int, queries: int) -> None:
    rows = []
    for qid in range(first_qid, first_qid + queries):
        for doc in range(12):
            features = [rng.random() for _ in WEIGHTS]
            score = sum(w * f for w, f in zip(WEIGHTS, features, strict=True)) + rng.gauss(0.0, 0.4)
            relevance = 2 if score > 0.8 else 1 if score > 0.1 else 0
            values = " ".join(f"{i}:{value:.4f}" for i, value in enumerate(features, 1))
            rows.append(f"{relevance} qid:{qid} {values} # d{qid}_{doc}\n")
    Path(name).write_text("".join(rows), encoding="ascii")


write_letor("train.txt", 1, 40)
write_letor("vali.txt", 101, 15)
write_letor("test.txt", 201, 15)
sys.stdout.flush()
subprocess.run([java, "-jar", "RankLib.jar", "-train", "train.txt", "-validate", "vali.txt",
                "-test", "test.txt", "-ranker", "6", "-metric2t", METRIC, "-tree", str(TREES),
                "-leaf", "5", "-save", "model.txt"], check=True)

# truth: the record the added lines wrote
rows = [line.split("\t") for line in Path(RECORD).read_text(encoding="utf-8").splitlines()]
table = {tag: [(int(step), float(value)) for t, step, value in rows if t == tag
               and step != "final"] for tag in ("T", "V")}
final = {tag: float(value) for tag, step, value in rows if step == "final"}
assert [step for step, _ in table["T"]] == list(range(1, TREES + 1)), rows
assert [step for step, _ in table["V"]] == list(range(1, TREES + 1)), rows
assert sorted(final) == ["T", "V", "test"], rows
TOL = 5e-5
metrics = {
    f"{METRIC}-T": series(table["T"], "step", tolerance=TOL),
    f"{METRIC}-V": series(table["V"], "step", tolerance=TOL),
    f"{METRIC}_on_training_data": series([(TREES, final["T"])], "step", tolerance=TOL),
    f"{METRIC}_on_validation_data": series([(TREES, final["V"])], "step", tolerance=TOL),
    f"{METRIC}_on_test_data": series([(TREES, final["test"])], "step", tolerance=TOL),
}
java_version = subprocess.run([java, "-version"], capture_output=True, text=True).stderr
java_version = re.sub(r"\s+", " ", java_version).strip()
write_truth(
    "RankLib (LambdaMART, command line)", VERSION,
    f"lines added to RankLib {VERSION}'s LambdaMART.learn() and Evaluator.evaluate() "
    f"(aenoskov/RankLib {COMMIT[:8]}, {FOLDER}) appending each printed score's double to "
    f"{RECORD}",
    metrics, files=[RECORD], also_ok=["Learning rate"],
    notes=f"built with {java_version}. {METRIC}_on_<split>_data: the closing "
          f"'{METRIC} on training/validation/test data' lines, of the model rolled back to "
          "the tree that scored best on the validation data, at the last #iter",
)

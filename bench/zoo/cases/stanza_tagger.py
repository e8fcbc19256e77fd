"""Stanza 1.15.0 (stanfordnlp/stanza): its POS/morphological-features tagger trained from
scratch with the command its training docs give, ``python -m stanza.models.tagger
--train_file ... --eval_file ... --output_file ... --wordvec_file ... --wordvec_pretrain_file
... --lang xx --shorthand xx_test --mode train`` (the ``train`` step ``stanza.utils.training.
run_pos`` runs, here called directly as the model docs show it; 1.15 has no ``--gold_file``,
the dev file's gold tags are the ``--eval_file`` itself), with ``--max_steps 200
--eval_interval 50`` and the defaults otherwise (Adam at ``lr`` 3e-3, ``log_step`` 20,
``seed`` 1234, character model on, no charlm, no transformer) except for a small model and
batch: ``--batch_size 32 --hidden_dim 32 --char_hidden_dim 32 --deep_biaff_hidden_dim 32
--composite_deep_biaff_hidden_dim 16 --word_emb_dim 16 --char_emb_dim 16 --tag_emb_dim 8
--transformed_dim 16`` (the defaults, 200/400 units and 250 sentences a batch, take minutes
on two shared cores). Data, all written here (nothing downloaded): a toy language's CoNLL-U
treebank, 300 train and 60 dev sentences (``random.Random(7)``; DET/PRON, ADJ, NOUN with
``Number`` and a plural ``-s``, VERB with ``Tense`` and a past ``-ti``, ADP, ADV, PUNCT;
UPOS, XPOS and FEATS filled, with some tags the form does not decide, ``Number=Coll`` and
``VBZ`` at random, so the scores stay below 100), and a text word-vector file of its 56
word forms (16 dimensions, numpy seeded with 0; word2vec's ``count dim`` header), which
stanza's own ``Pretrain`` reads and saves as ``xx.pretrain.pt`` the first time the tagger
asks for it (the ``--wordvec_pretrain_file`` does not exist yet). The command runs in this
process (``runpy`` of ``stanza.models.tagger`` as ``__main__`` with ``sys.argv`` as the
command line gives it), torch on the CPU, so that stanza's functions can be wrapped for the
values it computes and keeps in no file (below); the case prints nothing of its own.

What it prints (the ``stanza`` logger's handler from ``stanza/__init__.py``, on stderr,
``%(asctime)s %(levelname)s: %(message)s``; ``_training_logging`` sets it to DEBUG): the
pretrain conversion, ``Loading data with batch size 32...``, the xpos-factory warnings for an
unknown shorthand, ``Building Adam with lr=0.003000, betas=(0.9, 0.95), eps=0.000001``
(DEBUG), then every 20 steps::

    2026-12-07 05:13:31 INFO: Finished STEP 80/200, loss = 2.655493 (0.048 sec/batch), lr: 0.003000

and every 50 steps the dev evaluation, the scorer's table and the trainer's summary::

    ... INFO: Evaluating on dev set...
    ... INFO: UPOS	XPOS	UFeats	AllTags
    ... INFO: 53.29	38.24	42.95	38.24
    ... INFO: step 100: train_loss = 2.878846, dev_score = 0.3824
    ... INFO: Model saved to saved_models/pos/xx_test_nocharlm_tagger.pt
    ... INFO: new best model saved.

(the last two only when the dev score beats every earlier one), at the end ``Training ended
with 200 steps.`` and ``Best dev F1 = 60.82, at iteration = 200``.

Truth: stanza writes no metric file (wandb only with ``--wandb``, not the default), so the
values come from its own functions, wrapped without printing: ``stanza.models.pos.trainer.
Trainer.update`` (the float each training step returns, ``loss.data.item()``, which
``tagger.train`` prints as ``loss`` and sums into ``train_loss``; a call's step is the count
of training updates so far, as ``global_step``), ``Trainer.__init__`` (the ``args`` dict the
trainer shares with the loop: ``lr``, ``log_step``, ``eval_interval``),
``stanza.models.pos.scorer.ud_scores`` (the CoNLL 2018 evaluation dict the scorer prints its
table from, ``evaluation[k].f1 * 100``) and ``scorer.score`` (its returned F1, the loop's
``dev_score``). Judgements:
- ``loss`` (``Finished STEP N/200, loss = ...``): the step's own batch loss, key ``step``
  20, 40, ..., 200 (``global_step % log_step == 0``); ``%.6f``: tolerance 5e-7.
- ``lr`` (``lr: 0.003000`` on the same lines): ``current_lr``, which the loop sets from
  ``args['lr']`` and never changes (the second optimizer never starts in 200 steps), a value
  the trainer reports every ``log_step`` as other trainers' ``lr``; a metric, key ``step`` with
  ``loss``, tolerance 5e-7.
- ``train_loss`` (``step 50: train_loss = ...``): the sum of the interval's ``update`` losses
  divided by ``eval_interval`` (the loop's "avg loss per batch"), summed here in the same
  order; key ``step`` 50, 100, 150, 200; ``%.6f``: tolerance 5e-7.
- ``dev_score``: ``scorer.score``'s F1 of ``AllTags`` (the dev set has UPOS, XPOS and FEATS,
  so ``get_eval_type`` gives ``AllTags``), a fraction, ``%.4f``: tolerance 5e-5; same steps.
- ``UPOS``, ``XPOS``, ``UFeats``, ``AllTags``: the scorer's table (a header of the
  evaluation's own keys, then ``{:.2f}`` of each F1 times 100, tab separated), printed at each
  evaluation just before the ``step N:`` line, so keyed by that step; tolerance 0.005.
  ``AllTags`` is ``dev_score`` times 100 (the same F1), kept as the table's own column.
- ``also_ok``: ``sec/batch`` (the step's wall time) under the names a parser may give it;
  ``Best dev F1 = 60.82, at iteration = 200`` is the best ``dev_score`` again (times 100) with
  its step, a running best: also_ok (``Best_dev_F1``, ``best_dev_F1``, ``dev_F1``,
  ``iteration``). ``Data Size: 300``, ``word cutoff``, ``batch size 32``, the pretrain's size
  and the optimizer's ``lr=``/``eps=`` are settings, not metrics.
- Determinism: ``--seed 1234`` (the default; ``utils.set_random_seed`` seeds torch, numpy and
  random) gives the same losses and scores run to run on the CPU, pipe and pty alike; the
  time stamps and ``sec/batch`` differ.
"""
# zoo-venv: stanza

import random
import runpy
import sys

import numpy as np
import stanza
from _truth import series, write_truth
from stanza.models.pos import scorer
from stanza.models.pos import trainer as pos_trainer

# --- a toy language's treebank and word vectors ---------------------------------------------
rng = random.Random(7)
NOUNS = ["kato", "mira", "selo", "banu", "tiri", "poka", "lumi", "dara", "feno", "gasu", "hiko",
         "ruva"]
VERBS = ["vela", "suni", "kopa", "rita", "muze", "bola", "dena", "fira"]
ADJS = ["lento", "bravi", "sumo", "karo", "neri", "tavu"]
DETS = ["la", "lu"]
ADPS = ["en", "su", "ko"]
PRONS = ["mi", "tu", "si", "ni"]


def noun(lemma):
    plural = rng.random() < 0.4
    number = "Plur" if plural else ("Coll" if rng.random() < 0.15 else "Sing")
    return (lemma + "s" if plural else lemma, lemma, "NOUN", "NNS" if plural else "NN",
            "Number=" + number)


def sentence():
    tokens = []
    if rng.random() < 0.3:
        pron = rng.choice(PRONS)
        tokens.append((pron, pron, "PRON", "PRP", f"Person={PRONS.index(pron) % 3 + 1}"))
    else:
        det = rng.choice(DETS)
        tokens.append((det, det, "DET", "DT", "Definite=" + ("Def" if det == "la" else "Ind")))
        if rng.random() < 0.5:
            adj = rng.choice(ADJS)
            tokens.append((adj, adj, "ADJ", "JJ", "_"))
        tokens.append(noun(rng.choice(NOUNS)))
    verb = rng.choice(VERBS)
    past = rng.random() < 0.5
    xpos = "VBD" if past else ("VBZ" if rng.random() < 0.2 else "VBP")
    tokens.append((verb + ("ti" if past else ""), verb, "VERB", xpos,
                   "Tense=" + ("Past" if past else "Pres")))
    if rng.random() < 0.6:
        adp = rng.choice(ADPS)
        tokens.append((adp, adp, "ADP", "IN", "_"))
        tokens.append(noun(rng.choice(NOUNS)))
    if rng.random() < 0.3:  # "lumi" is a noun and, at the end, an adverb
        tokens.append(("lumi", "lumi", "ADV", "RB", "_"))
    tokens.append((".", ".", "PUNCT", ".", "_"))
    return tokens


def write_conllu(path, count):
    with open(path, "w", encoding="utf-8") as handle:
        for _ in range(count):
            tokens = sentence()
            root = next(i for i, token in enumerate(tokens, 1) if token[2] == "VERB")
            handle.write("# text = " + " ".join(token[0] for token in tokens) + "\n")
            for i, (form, lemma, upos, xpos, feats) in enumerate(tokens, 1):
                head = 0 if i == root else root
                handle.write(f"{i}\t{form}\t{lemma}\t{upos}\t{xpos}\t{feats}\t{head}\t"
                             f"{'root' if head == 0 else 'dep'}\t_\t_\n")
            handle.write("\n")


write_conllu("train.conllu", 300)
write_conllu("dev.conllu", 60)
words = sorted(set(NOUNS + [n + "s" for n in NOUNS] + VERBS + [v + "ti" for v in VERBS] + ADJS
                   + DETS + ADPS + PRONS + ["."]))
vectors = np.random.default_rng(0).normal(size=(len(words), 16))
with open("vectors.txt", "w", encoding="utf-8") as handle:
    handle.write(f"{len(words)} 16\n")
    for word, row in zip(words, vectors, strict=True):
        handle.write(word + " " + " ".join(f"{x:.4f}" for x in row) + "\n")

# --- stanza's own values, recorded by wrapping its functions (nothing printed) ---------------
updates = []        # each training step's loss, Trainer.update's return
trainer_args = {}   # the args dict Trainer shares with tagger.train's loop
evaluations = []    # (step, {UPOS, XPOS, UFeats, AllTags: f1 * 100}) from ud_scores
dev_scores = []     # (step, f1) returned by scorer.score

original_init = pos_trainer.Trainer.__init__
original_update = pos_trainer.Trainer.update
original_ud_scores = scorer.ud_scores
original_score = scorer.score


def init(self, *args, **kwargs):
    original_init(self, *args, **kwargs)
    trainer_args["args"] = self.args


def update(self, batch, eval=False):
    loss = original_update(self, batch, eval=eval)
    if not eval:
        updates.append(float(loss))
    return loss


def ud_scores(gold_conllu_file, system_conllu_file):
    evaluation = original_ud_scores(gold_conllu_file, system_conllu_file)
    evaluations.append((len(updates), {key: evaluation[key].f1 * 100
                                       for key in ("UPOS", "XPOS", "UFeats", "AllTags")}))
    return evaluation


def score(*args, **kwargs):
    result = original_score(*args, **kwargs)
    dev_scores.append((len(updates), result[2]))
    return result


pos_trainer.Trainer.__init__ = init
pos_trainer.Trainer.update = update
scorer.ud_scores = ud_scores
scorer.score = score

sys.argv = ["stanza.models.tagger",
            "--train_file", "train.conllu", "--eval_file", "dev.conllu",
            "--output_file", "dev.pred.conllu",
            "--wordvec_file", "vectors.txt", "--wordvec_pretrain_file", "xx.pretrain.pt",
            "--lang", "xx", "--shorthand", "xx_test", "--mode", "train",
            "--max_steps", "200", "--eval_interval", "50",
            "--batch_size", "32", "--hidden_dim", "32", "--char_hidden_dim", "32",
            "--deep_biaff_hidden_dim", "32", "--composite_deep_biaff_hidden_dim", "16",
            "--word_emb_dim", "16", "--char_emb_dim", "16", "--tag_emb_dim", "8",
            "--transformed_dim", "16"]
runpy.run_module("stanza.models.tagger", run_name="__main__", alter_sys=True)

# --- truth ---------------------------------------------------------------------------------
args = trainer_args["args"]
log_step, eval_interval, lr = args["log_step"], args["eval_interval"], args["lr"]
assert len(updates) == args["max_steps"], (len(updates), args["max_steps"])
logged = [step for step in range(1, len(updates) + 1) if step % log_step == 0]
eval_steps = [step for step in range(1, len(updates) + 1) if step % eval_interval == 0]
assert [step for step, _ in dev_scores] == eval_steps, (dev_scores, eval_steps)
assert [step for step, _ in evaluations] == eval_steps, (evaluations, eval_steps)
train_loss = []
for step in eval_steps:
    total = 0
    for loss in updates[step - eval_interval:step]:
        total += loss
    train_loss.append((step, total / eval_interval))
for (_, f1), (_, table) in zip(dev_scores, evaluations, strict=True):
    assert abs(table["AllTags"] - f1 * 100) < 1e-9, (table, f1)

metrics = {
    "loss": series(((step, updates[step - 1]) for step in logged), "step", tolerance=5e-7),
    "lr": series(((step, lr) for step in logged), "step", tolerance=5e-7),
    "train_loss": series(train_loss, "step", tolerance=5e-7),
    "dev_score": series(dev_scores, "step", tolerance=5e-5),
}
for key in ("UPOS", "XPOS", "UFeats", "AllTags"):
    metrics[key] = series(((step, table[key]) for step, table in evaluations), "step",
                          tolerance=0.005)
best = max(f1 for _, f1 in dev_scores)
write_truth("stanza", stanza.__version__,
            "stanza's own functions, wrapped: Trainer.update's returned loss a step (loss; "
            "train_loss = the eval interval's sum / eval_interval as tagger.train computes it), "
            "the Trainer's args (lr), scorer.ud_scores' evaluation f1 * 100 (UPOS, XPOS, UFeats, "
            "AllTags) and scorer.score's f1 (dev_score)",
            metrics,
            also_ok=["sec/batch", "sec_batch", "sec_per_batch", "Best_dev_F1", "best_dev_F1",
                     "best_dev_f1", "dev_F1", "iteration"],
            notes=f"{len(updates)} steps, log_step={log_step}, eval_interval={eval_interval}; "
                  f"best dev_score {best} (printed again as 'Best dev F1' times 100)")

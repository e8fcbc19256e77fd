"""The words a run's position and phases are printed with: a step's and an epoch's keys
(``STEP_KEYS``, ``EPOCH_KEYS``), the phases (``PHASES``, ``WORD_PHASES``), and where a phase
word stands in a name or before a key (``QUANTITY_PHASE``, ``ANY_PHASE``, ``before_key``).
Used by ``phases`` (the phase labels of a line) and the rules; regexes anchored or bounded,
no nested quantifiers: linear."""

from __future__ import annotations

import re

STEP_KEYS = frozenset({"step", "steps", "global_step", "iter", "iters", "itr", "itrs", "iteration",
                       "iterations", "it", "batch", "num_updates", "nupdates", "update",
                       "updates", "n_iter", "#", "trainer/global_step", "max_global_step",
                       "episode", "回合",
                       "total_timesteps", "timesteps", "timestep", "num_timesteps",
                       "training_iteration", "tick", "round", "i", "timestepssofar",
                       "timestepsofar", "步数", "迭代", "迭代次数", "generation", "t_env",
                       "itn", "global_round", "mini_batch", "global_batch",
                       "total_t",  # TD3's "Total T: 3000 Episode Num: 15": its time steps
                       "num-trees",  # YDF's "num-trees:2 train-loss:0.95": the boosting round
                       "sub_iter",  # SentencePiece's "EM sub_iter=1 size=... obj=13.0"
                       "iterate",  # L-BFGS-B's "At iterate    1    f=  3.27601D-01"
                       # in other languages: Russian (a step, at the step, an iteration),
                       # Spanish, Portuguese, Italian, German, French, Japanese, Korean
                       "шаг", "шаге", "итерация", "итерации", "paso", "iteración", "passo",
                       "iteração", "iterazione", "schritt", "étape", "itération",
                       "ステップ", "イテレーション", "스텝"})
# (StyleGAN's tick; spaCy v2's Itn; federated learning's round and FLSim's global
# round; Baselines' TimestepsSoFar; Chinese logs' "步数：0", "迭代次数", an RL
# tutorial's episode "回合"; wav2letter's "nupdates"; a loop's index "i:1", MALLET's "i=0";
# ZenNAS' "mini_batch 100,")
EPOCH_KEYS = frozenset({"epoch", "ep", "e", "轮", "轮次", "轮数", "训练回合",
                        "progress_or_epoch",  # PaddleNLP's Trainer: round(state.epoch, 4)
                        "época", "epoca", "epoche", "époque", "эпоха", "エポック", "에폭",
                        "에포크", "епоха", "epoka"})  # (Ukrainian, Polish)
COUNTER_KEYS = STEP_KEYS | EPOCH_KEYS  # where the run is: a step's or an epoch's key
PHASES = {"train": None, "training": None, "test": "test", "val": "val", "valid": "valid",
          "validate": "validate", "validation": "validation", "eval": "eval",
          "evaluation": "evaluation", "dev": "dev"}
# A phase word right before a name ("train loss", "Training set accuracy", "Test loss:")
# prefixes it as printed: "Training Loss" is training_loss, "train loss" train_loss
WORDS = ("train", "training", "test", "testing", "val", "valid", "validate", "validation",
         "validating", "vali", "heldout", "eval", "evaluation", "dev")
WORD_PHASES = {word: word for word in WORDS}
ANY_WORD = "|".join(WORDS)  # one alternation for the patterns that find a phase word

# "loss_train", "acc_val": a quantity, then its phase
QUANTITY_PHASE = re.compile(r"(?i)^([a-z][a-z0-9]*)_(train|training|val|valid|test|eval)$")
# a line whose one phase word opens its first metric is that phase's ("(Epoch 20) TRAIN
# LOSS:0.19 CER:6.5%": train_CER too)
ANY_PHASE = re.compile(r"(?i)\b(?:" + ANY_WORD + r")\b")


_WORD_BEFORE = re.compile(r"(?:^|(?<=[\s|\]]))([A-Za-z]{2,12})\s+$")


def before_key(tail: str, end: int) -> str | None:
    """The phase a word right before a step's or an epoch's key names ("Test Epoch: [5/10]
    Acc@1:54.2%": test), not the train phase's (its values keep their names)."""
    word = _WORD_BEFORE.search(tail, 0, end)
    phase = WORD_PHASES.get(word.group(1).lower()) if word is not None else None
    return None if phase in ("train", "training") else phase

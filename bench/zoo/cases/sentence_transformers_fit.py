"""sentence-transformers ``SentenceTransformerTrainer`` (the v3+ training API its docs show
first): a tiny 2-layer BERT built from a ``BertConfig`` with a WordLevel tokenizer made in the
script (both saved to a local folder and loaded by the ``Transformer`` module, nothing
downloaded), mean ``Pooling``, 64 synthetic (anchor, positive) pairs,
``MultipleNegativesRankingLoss`` with the ``NO_DUPLICATES`` batch sampler the docs pair with
it, an eval dataset of pairs (``eval_loss``) and an ``EmbeddingSimilarityEvaluator``,
4 epochs of 4 steps, ``eval_strategy="steps"`` (``eval_steps`` defaults to
``logging_steps=2``), the default tqdm bars and default logging (the evaluator's own
``logger.info`` lines are not shown at the default WARNING level). The Trainer prints each log
as a dict line. Truth: ``trainer_state.json``'s ``log_history`` (``trainer.save_state()``,
as hf_trainer does), every key but ``epoch``/``step``/``total_flos``, keyed by ``step``.
The evaluator's metrics appear in the log as ``eval_<name>_<metric>``
(``eval_dev_pearson_cosine``, ``eval_dev_spearman_cosine``), the framework's own keys."""

import random

import sentence_transformers
import transformers
from _records import write_hf_truth
from datasets import Dataset
from sentence_transformers import (
    SentenceTransformer,
    SentenceTransformerTrainer,
    SentenceTransformerTrainingArguments,
)

# the 6.x module paths (the pre-6 sentence_transformers.models/losses/evaluation/training_args
# still import but print a DeprecationWarning each)
from sentence_transformers.base.sampler import BatchSamplers
from sentence_transformers.sentence_transformer.evaluation import EmbeddingSimilarityEvaluator
from sentence_transformers.sentence_transformer.losses import MultipleNegativesRankingLoss
from sentence_transformers.sentence_transformer.modules import Pooling, Transformer
from tokenizers import Tokenizer
from tokenizers.models import WordLevel
from tokenizers.pre_tokenizers import WhitespaceSplit
from transformers import BertConfig, BertModel, PreTrainedTokenizerFast

SPECIAL = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"]
WORDS = [f"w{i}" for i in range(40)]
vocab = {token: index for index, token in enumerate(SPECIAL + WORDS)}

# a local "pretrained" model folder: tokenizer and BERT weights from code
backend = Tokenizer(WordLevel(vocab, unk_token="[UNK]"))
backend.pre_tokenizer = WhitespaceSplit()
tokenizer = PreTrainedTokenizerFast(tokenizer_object=backend, unk_token="[UNK]",
                                    pad_token="[PAD]", cls_token="[CLS]", sep_token="[SEP]",
                                    mask_token="[MASK]", model_max_length=32)
transformers.set_seed(0)
config = BertConfig(vocab_size=len(vocab), hidden_size=32, num_hidden_layers=2,
                    num_attention_heads=2, intermediate_size=64, max_position_embeddings=32)
BertModel(config).save_pretrained("tiny-bert")
tokenizer.save_pretrained("tiny-bert")

rng = random.Random(0)


def sentence(topic: int) -> str:
    # a topic is a group of 5 words; a sentence mixes its topic's words with a little noise
    own = WORDS[topic * 5:topic * 5 + 5]
    return " ".join(rng.choice(own) if rng.random() < 0.8 else rng.choice(WORDS)
                    for _ in range(6))


def pairs(size: int) -> dict:
    topics = [rng.randrange(8) for _ in range(size)]
    return {"anchor": [sentence(t) for t in topics], "positive": [sentence(t) for t in topics]}


train_dataset = Dataset.from_dict(pairs(64))
eval_dataset = Dataset.from_dict(pairs(16))
left, right, scores = [], [], []
for index in range(32):
    a = rng.randrange(8)
    b = rng.randrange(8) if index % 2 else a  # half same-topic pairs, half random
    left.append(sentence(a))
    right.append(sentence(b))
    scores.append(1.0 if a == b else 0.0)

model = SentenceTransformer(modules=[Transformer("tiny-bert"), Pooling(32, "mean")])
loss = MultipleNegativesRankingLoss(model)
evaluator = EmbeddingSimilarityEvaluator(left, right, scores, name="dev")
args = SentenceTransformerTrainingArguments(
    output_dir="output", num_train_epochs=4, per_device_train_batch_size=16,
    per_device_eval_batch_size=16, learning_rate=1e-3, batch_sampler=BatchSamplers.NO_DUPLICATES,
    eval_strategy="steps", logging_steps=2, save_strategy="no", seed=0, use_cpu=True)
trainer = SentenceTransformerTrainer(model=model, args=args, train_dataset=train_dataset,
                                     eval_dataset=eval_dataset, loss=loss, evaluator=evaluator)
trainer.train()
write_hf_truth(trainer, "sentence-transformers", sentence_transformers.__version__)

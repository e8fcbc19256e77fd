"""Hugging Face ``Seq2SeqTrainer`` with ``predict_with_generate=True``: a 2-layer T5 built from
a ``T5Config`` (nothing downloaded), a word-level tokenizer built locally (``tokenizers``
``WordLevel`` wrapped in ``PreTrainedTokenizerFast``), a toy reverse-the-words task (64 train,
16 eval examples as ``datasets.Dataset``), 3 epochs, ``logging_steps=2``, evaluation each
epoch with an exact-match ``compute_metrics`` on the generated sequences, the default tqdm
bars. Transformers prints each log as a dict line (floats as ``f"{value:.4g}"`` strings).
Truth: ``trainer_state.json``'s ``log_history`` (written by ``trainer.save_state()``, as the
example scripts do), indexed by ``step`` as the history does; ``total_flos`` is not printed
(the callbacks pop it) and ``epoch``/``step`` are the axis, so neither is a metric. The final
``train_runtime``/``train_samples_per_second``/... entry and the per-eval
``eval_runtime``/``eval_samples_per_second``/``eval_steps_per_second`` are in the history, so
they are truth metrics like the rest (as in ``hf_trainer.py``). The model is far too small and
short-trained to solve the task: ``eval_exact_match`` is 0.0 at every epoch (printed ``'0'``);
the generated sequences were checked by hand to decode and compare correctly (tuning lr,
batch size, dropout and copy vs reverse within 3 epochs did not lift it), so it is kept as
is, a constant but real series."""


import datasets
import numpy as np
import transformers
from _records import write_hf_truth
from tokenizers import Tokenizer, models, pre_tokenizers, processors
from transformers import (
    DataCollatorForSeq2Seq,
    PreTrainedTokenizerFast,
    Seq2SeqTrainer,
    Seq2SeqTrainingArguments,
    T5Config,
    T5ForConditionalGeneration,
)

WORDS = [f"w{i}" for i in range(6)]
LENGTH = 3

vocab = {"<pad>": 0, "</s>": 1, "<unk>": 2, **{word: i + 3 for i, word in enumerate(WORDS)}}
backend = Tokenizer(models.WordLevel(vocab, unk_token="<unk>"))
backend.pre_tokenizer = pre_tokenizers.WhitespaceSplit()
backend.post_processor = processors.TemplateProcessing(single="$A </s>",
                                                       special_tokens=[("</s>", 1)])
tokenizer = PreTrainedTokenizerFast(tokenizer_object=backend, pad_token="<pad>",
                                    eos_token="</s>", unk_token="<unk>")


def make_split(size: int, seed: int) -> datasets.Dataset:
    rng = np.random.default_rng(seed)
    sources = [" ".join(rng.choice(WORDS, LENGTH)) for _ in range(size)]
    targets = [" ".join(reversed(source.split())) for source in sources]
    return datasets.Dataset.from_dict({"source": sources, "target": targets})


def preprocess(batch: dict) -> dict:
    inputs = tokenizer(batch["source"])
    inputs["labels"] = tokenizer(text_target=batch["target"])["input_ids"]
    return inputs


def exact_match(prediction: transformers.EvalPrediction) -> dict:
    predictions, labels = prediction.predictions, prediction.label_ids
    labels = np.where(labels != -100, labels, tokenizer.pad_token_id)
    decoded = tokenizer.batch_decode(predictions, skip_special_tokens=True)
    references = tokenizer.batch_decode(labels, skip_special_tokens=True)
    return {"exact_match": float(np.mean([p.strip() == r.strip()
                                          for p, r in zip(decoded, references, strict=True)]))}


transformers.set_seed(0)
train = make_split(64, 0).map(preprocess, batched=True, remove_columns=["source", "target"])
evaluation = make_split(16, 1).map(preprocess, batched=True, remove_columns=["source", "target"])
config = T5Config(vocab_size=len(vocab), d_model=32, d_kv=16, d_ff=64, num_layers=2,
                  num_decoder_layers=2, num_heads=2, pad_token_id=0, eos_token_id=1,
                  decoder_start_token_id=0)
model = T5ForConditionalGeneration(config)
args = Seq2SeqTrainingArguments(output_dir="output", num_train_epochs=3, learning_rate=1e-2,
                                per_device_train_batch_size=4, per_device_eval_batch_size=16,
                                logging_strategy="steps", logging_steps=2,
                                eval_strategy="epoch", save_strategy="no",
                                predict_with_generate=True, generation_max_length=LENGTH + 2,
                                report_to="none", seed=0, use_cpu=True)
trainer = Seq2SeqTrainer(model=model, args=args, train_dataset=train, eval_dataset=evaluation,
                         processing_class=tokenizer,
                         data_collator=DataCollatorForSeq2Seq(tokenizer, model=model),
                         compute_metrics=exact_match)
trainer.train()
write_hf_truth(trainer, "transformers", transformers.__version__)

"""karpathy's minGPT (no pip package, no release: repository commit
37baab71b9abea1b76ab957409a1cc2fbfba8a26, 2023-01-08, its last; torch 2.13.0's CPU build
runs it): its ``projects/chargpt/chargpt.py``, the character-level language model project,
run as the project runs it, ``python chargpt.py`` beside a user's ``input.txt``, with config
overrides on the command line in its ``--section.key=value`` form (``CfgNode.merge_from_args``,
whose docstring shows ``--model.n_layer=10 --trainer.batch_size=32``), small and on the CPU:
``--model.model_type=gpt-nano --data.block_size=32 --trainer.max_iters=501
--trainer.batch_size=16 --trainer.num_workers=0``. Everything else at chargpt's defaults
(seed 3407, ``learning_rate`` 5e-4, AdamW betas (0.9, 0.95), weight decay 0.1, grad clip
1.0, dropout 0.1, ``work_dir`` ``./out/chargpt``, device ``auto`` -> cpu). ``max_iters`` 501
so that chargpt's every-500-iterations sample comes a second time, after training (iteration
500; the first is at iteration 0); ``block_size`` 32 (default 128) and batch 16 (64) keep it
at about 15 s of CPU; ``num_workers`` 0 (default 4) keeps DataLoader worker processes, and
its machine-dependent warning about them, out of a 2-core run.
Files: ``mingpt/__init__.py``, ``mingpt/model.py``, ``mingpt/trainer.py``,
``mingpt/utils.py`` and ``projects/chargpt/chargpt.py`` at that commit, held verbatim below
(each checked against its git blob id), written into the cwd (``chargpt.py`` beside the
``mingpt`` package, as a ``pip install -e .`` would make it importable) and run in-process
(``runpy``, as ``__main__``, ``sys.argv`` as above). Data: a generated play-like
``input.txt`` in tiny-shakespeare's layout (speaker names, a colon, lines from word lists,
``random.Random(0)``; 3993 characters, 49 unique, no digits), holding every character of
chargpt's sampling context ``"O God, O God!"``. Nothing downloaded.

What it prints (stdout): a ``command line overwriting config attribute model.model_type with
gpt-nano`` line per override, the config (``print(config)``: ``system:``, ``    seed:
3407``, ..., ``trainer:``, ``    learning_rate: 0.0005``, ``    betas: (0.9, 0.95)``, ...),
``data has 3993 characters, 49 unique.``, ``number of parameters: 0.09M``, ``running on
device cpu``, then chargpt's callback every 10 iterations::

    iter_dt 0.00ms; iter 0: train loss 3.89619
    iter_dt 53.60ms; iter 10: train loss 3.56139
    ...
    iter_dt 60.42ms; iter 500: train loss 1.44162

and at iterations 0 and 500 a 513-character sample (``model.generate(..., 500,
temperature=1.0, do_sample=True, top_k=10)`` after ``O God, O God!``: gibberish at 0,
play-like words at 500), each followed by ``saving model``. On stderr torch's UserWarning
that ``'pin_memory' argument is set as true but no accelerator is found`` (the trainer's
DataLoader asks for ``pin_memory=True``).

Truth: minGPT keeps no record (no logger, no history; ``out/chargpt`` holds ``args.txt``,
``config.json`` and ``model.pt``), so the trainer's own attribute is the record: a callback
the case adds beside chargpt's through the trainer's API, ``trainer.add_callback(
'on_batch_end', ...)``, which prints nothing and keeps ``(trainer.iter_num,
trainer.loss.item(), trainer.iter_dt)`` at every iteration. chargpt installs its own with
``set_callback`` (which replaces the list) just before ``trainer.run()``, so the case's is
added as ``run`` starts (``Trainer.run`` wrapped: ``add_callback``, then the stock ``run``);
it runs after chargpt's, on the same ``trainer.loss``. Judgement calls (docs/metrics.md):
- Name: the trainer's attribute is ``loss``, printed ``train loss``; by the docs' phase rule
  (``train loss 4.56`` -> ``train_loss``) and as ``nanogpt_train`` names nanoGPT's same
  words, ``train_loss``. It is the loss of that one batch (no running mean), the value
  chargpt prints.
- Which values: the truth keeps the iterations chargpt prints, ``iter_num % 10 == 0``: 0, 10,
  ..., 500, 51 points (the record holds all 501; the other 450 are printed nowhere), key
  ``step`` at the printed ``iter N`` (``iter_num`` before the trainer's increment, from 0).
  Tolerance 5e-6: ``:.5f``, half the last printed digit (the values are float32 ``.item()``).
- ``iter_dt`` (``trainer.iter_dt * 1000`` in ms: the wall time of the previous iteration,
  0.00 at iteration 0) is a timing: ``also_ok``.
- Not metrics: the config lines and override lines (settings), ``data has ... characters,
  ... unique`` and ``number of parameters: 0.09M`` (sizes), the samples (text).
- Determinism: ``set_seed(3407)`` seeds torch, the sampler (no workers) and dropout; on the
  CPU with one thread the losses and samples repeat exactly; only ``iter_dt`` varies.
"""
# zoo-venv: mingpt

import random
import runpy
import sys
from pathlib import Path

import torch
from _truth import series, write_truth
from _verbatim import git_blob_id

SOURCE_REPO = "karpathy/minGPT"
SOURCE_COMMIT = "37baab71b9abea1b76ab957409a1cc2fbfba8a26"
ARGV = ["chargpt.py", "--model.model_type=gpt-nano", "--data.block_size=32",
        "--trainer.max_iters=501", "--trainer.batch_size=16", "--trainer.num_workers=0"]

# a play-like input.txt in tiny-shakespeare's layout (a speaker's name and a colon, a few
# lines of verse, a blank line), from word lists, seeded; letters and punctuation only
SPEAKERS = ["KING HENRY", "QUEEN MARGARET", "GLOUCESTER", "ROMEO", "JULIET", "NURSE",
            "FRIAR LAURENCE", "MERCUTIO"]
OPENERS = ["O God, O God!", "Alas,", "Good my lord,", "Nay,", "Come,", "What,", "Hark,",
           "O,", "Fie,", "Now,"]
SUBJECTS = ["the king", "my heart", "thy father", "this night", "the crown", "our love",
            "the sun", "my soul", "thy sword", "the world", "fair Verona", "this grief"]
VERBS = ["doth weep", "shall fall", "is gone", "doth wake", "must die", "will mend",
         "hath sworn", "doth burn", "shall rise", "is lost"]
TAILS = ["upon the morrow.", "and none shall know it.", "for all his pride.",
         "within these walls.", "before the dawn.", "as heaven wills it.",
         "and I am weary.", "for shame, for shame!", "by my troth.", "in sweet sorrow."]


def write_input(path: Path, seed: int = 0, speeches: int = 40) -> str:
    rng = random.Random(seed)
    parts = []
    for _ in range(speeches):
        lines = [f"{rng.choice(OPENERS)} {rng.choice(SUBJECTS)} {rng.choice(VERBS)} "
                 f"{rng.choice(TAILS)}" for _ in range(rng.randint(1, 3))]
        parts.append(rng.choice(SPEAKERS) + ":\n" + "\n".join(lines) + "\n\n")
    text = "".join(parts)
    path.write_text(text, encoding="utf-8")
    return text


FILES = {  # path in the cwd: (text, its git blob at SOURCE_COMMIT)
    "mingpt/__init__.py": ("", "e69de29bb2d1d6434b8b29ae775ad8c2e48c5391"),
}


def main() -> None:
    files = dict(FILES)
    files["mingpt/model.py"] = (MODEL_PY, "83ee22dc07707fd9cb62eb3215c1c1e4b150b5c9")
    files["mingpt/trainer.py"] = (TRAINER_PY, "c0d085210a8f438bbea28be5e103c67e39fd0be9")
    files["mingpt/utils.py"] = (UTILS_PY, "af864ecbd61b73659731b2cc762802fce097a981")
    files["chargpt.py"] = (CHARGPT_PY, "5de925b06f4d6062a289cb24fe945e0f8a2119db")
    for name, (text, blob) in files.items():
        if git_blob_id(text) != blob:
            sys.exit(f"{name} is not {SOURCE_REPO}'s at {SOURCE_COMMIT}")
        Path(name).parent.mkdir(parents=True, exist_ok=True)
        Path(name).write_text(text, encoding="utf-8")
    text = write_input(Path("input.txt"))

    sys.path.insert(0, str(Path.cwd()))  # chargpt.py imports mingpt from beside it
    from mingpt.trainer import Trainer

    # the record: a callback beside chargpt's own (which set_callback installs just before
    # trainer.run()), added through the trainer's add_callback as run starts; it prints nothing
    record: list[tuple[int, float, float]] = []
    stock_run = Trainer.run

    def keep(trainer) -> None:
        record.append((trainer.iter_num, trainer.loss.item(), trainer.iter_dt))

    def run_with_record(self) -> None:
        self.add_callback("on_batch_end", keep)
        stock_run(self)

    Trainer.run = run_with_record
    sys.argv = list(ARGV)
    runpy.run_path("chargpt.py", run_name="__main__")

    # --- the truth: the trainer's loss at the iterations chargpt's callback prints ---
    assert [it for it, _, _ in record] == list(range(501)), len(record)
    printed = [(it, loss) for it, loss, _ in record if it % 10 == 0]
    write_truth("minGPT", f"{SOURCE_REPO}@{SOURCE_COMMIT[:8]} (no release; torch "
                f"{torch.__version__})",
                "trainer.loss.item() at each on_batch_end (a callback the case adds beside "
                "chargpt's), kept at the iterations chargpt's callback prints (iter_num % 10 == 0)",
                {"train_loss": series(printed, "step", tolerance=5e-6)},
                also_ok=["iter_dt"],
                notes=f"input.txt {len(text)} characters, {len(set(text))} unique; "
                      f"{len(record)} iterations, loss at 500 {record[500][1]}")


# mingpt/model.py at SOURCE_COMMIT, verbatim
MODEL_PY = r'''"""
Full definition of a GPT Language Model, all of it in this single file.

References:
1) the official GPT-2 TensorFlow implementation released by OpenAI:
https://github.com/openai/gpt-2/blob/master/src/model.py
2) huggingface/transformers PyTorch implementation:
https://github.com/huggingface/transformers/blob/main/src/transformers/models/gpt2/modeling_gpt2.py
"""

import math

import torch
import torch.nn as nn
from torch.nn import functional as F

from mingpt.utils import CfgNode as CN

# -----------------------------------------------------------------------------

class NewGELU(nn.Module):
    """
    Implementation of the GELU activation function currently in Google BERT repo (identical to OpenAI GPT).
    Reference: Gaussian Error Linear Units (GELU) paper: https://arxiv.org/abs/1606.08415
    """
    def forward(self, x):
        return 0.5 * x * (1.0 + torch.tanh(math.sqrt(2.0 / math.pi) * (x + 0.044715 * torch.pow(x, 3.0))))

class CausalSelfAttention(nn.Module):
    """
    A vanilla multi-head masked self-attention layer with a projection at the end.
    It is possible to use torch.nn.MultiheadAttention here but I am including an
    explicit implementation here to show that there is nothing too scary here.
    """

    def __init__(self, config):
        super().__init__()
        assert config.n_embd % config.n_head == 0
        # key, query, value projections for all heads, but in a batch
        self.c_attn = nn.Linear(config.n_embd, 3 * config.n_embd)
        # output projection
        self.c_proj = nn.Linear(config.n_embd, config.n_embd)
        # regularization
        self.attn_dropout = nn.Dropout(config.attn_pdrop)
        self.resid_dropout = nn.Dropout(config.resid_pdrop)
        # causal mask to ensure that attention is only applied to the left in the input sequence
        self.register_buffer("bias", torch.tril(torch.ones(config.block_size, config.block_size))
                                     .view(1, 1, config.block_size, config.block_size))
        self.n_head = config.n_head
        self.n_embd = config.n_embd

    def forward(self, x):
        B, T, C = x.size() # batch size, sequence length, embedding dimensionality (n_embd)

        # calculate query, key, values for all heads in batch and move head forward to be the batch dim
        q, k ,v  = self.c_attn(x).split(self.n_embd, dim=2)
        k = k.view(B, T, self.n_head, C // self.n_head).transpose(1, 2) # (B, nh, T, hs)
        q = q.view(B, T, self.n_head, C // self.n_head).transpose(1, 2) # (B, nh, T, hs)
        v = v.view(B, T, self.n_head, C // self.n_head).transpose(1, 2) # (B, nh, T, hs)

        # causal self-attention; Self-attend: (B, nh, T, hs) x (B, nh, hs, T) -> (B, nh, T, T)
        att = (q @ k.transpose(-2, -1)) * (1.0 / math.sqrt(k.size(-1)))
        att = att.masked_fill(self.bias[:,:,:T,:T] == 0, float('-inf'))
        att = F.softmax(att, dim=-1)
        att = self.attn_dropout(att)
        y = att @ v # (B, nh, T, T) x (B, nh, T, hs) -> (B, nh, T, hs)
        y = y.transpose(1, 2).contiguous().view(B, T, C) # re-assemble all head outputs side by side

        # output projection
        y = self.resid_dropout(self.c_proj(y))
        return y

class Block(nn.Module):
    """ an unassuming Transformer block """

    def __init__(self, config):
        super().__init__()
        self.ln_1 = nn.LayerNorm(config.n_embd)
        self.attn = CausalSelfAttention(config)
        self.ln_2 = nn.LayerNorm(config.n_embd)
        self.mlp = nn.ModuleDict(dict(
            c_fc    = nn.Linear(config.n_embd, 4 * config.n_embd),
            c_proj  = nn.Linear(4 * config.n_embd, config.n_embd),
            act     = NewGELU(),
            dropout = nn.Dropout(config.resid_pdrop),
        ))
        m = self.mlp
        self.mlpf = lambda x: m.dropout(m.c_proj(m.act(m.c_fc(x)))) # MLP forward

    def forward(self, x):
        x = x + self.attn(self.ln_1(x))
        x = x + self.mlpf(self.ln_2(x))
        return x

class GPT(nn.Module):
    """ GPT Language Model """

    @staticmethod
    def get_default_config():
        C = CN()
        # either model_type or (n_layer, n_head, n_embd) must be given in the config
        C.model_type = 'gpt'
        C.n_layer = None
        C.n_head = None
        C.n_embd =  None
        # these options must be filled in externally
        C.vocab_size = None
        C.block_size = None
        # dropout hyperparameters
        C.embd_pdrop = 0.1
        C.resid_pdrop = 0.1
        C.attn_pdrop = 0.1
        return C

    def __init__(self, config):
        super().__init__()
        assert config.vocab_size is not None
        assert config.block_size is not None
        self.block_size = config.block_size

        type_given = config.model_type is not None
        params_given = all([config.n_layer is not None, config.n_head is not None, config.n_embd is not None])
        assert type_given ^ params_given # exactly one of these (XOR)
        if type_given:
            # translate from model_type to detailed configuration
            config.merge_from_dict({
                # names follow the huggingface naming conventions
                # GPT-1
                'openai-gpt':   dict(n_layer=12, n_head=12, n_embd=768),  # 117M params
                # GPT-2 configs
                'gpt2':         dict(n_layer=12, n_head=12, n_embd=768),  # 124M params
                'gpt2-medium':  dict(n_layer=24, n_head=16, n_embd=1024), # 350M params
                'gpt2-large':   dict(n_layer=36, n_head=20, n_embd=1280), # 774M params
                'gpt2-xl':      dict(n_layer=48, n_head=25, n_embd=1600), # 1558M params
                # Gophers
                'gopher-44m':   dict(n_layer=8, n_head=16, n_embd=512),
                # (there are a number more...)
                # I made these tiny models up
                'gpt-mini':     dict(n_layer=6, n_head=6, n_embd=192),
                'gpt-micro':    dict(n_layer=4, n_head=4, n_embd=128),
                'gpt-nano':     dict(n_layer=3, n_head=3, n_embd=48),
            }[config.model_type])

        self.transformer = nn.ModuleDict(dict(
            wte = nn.Embedding(config.vocab_size, config.n_embd),
            wpe = nn.Embedding(config.block_size, config.n_embd),
            drop = nn.Dropout(config.embd_pdrop),
            h = nn.ModuleList([Block(config) for _ in range(config.n_layer)]),
            ln_f = nn.LayerNorm(config.n_embd),
        ))
        self.lm_head = nn.Linear(config.n_embd, config.vocab_size, bias=False)

        # init all weights, and apply a special scaled init to the residual projections, per GPT-2 paper
        self.apply(self._init_weights)
        for pn, p in self.named_parameters():
            if pn.endswith('c_proj.weight'):
                torch.nn.init.normal_(p, mean=0.0, std=0.02/math.sqrt(2 * config.n_layer))

        # report number of parameters (note we don't count the decoder parameters in lm_head)
        n_params = sum(p.numel() for p in self.transformer.parameters())
        print("number of parameters: %.2fM" % (n_params/1e6,))

    def _init_weights(self, module):
        if isinstance(module, nn.Linear):
            torch.nn.init.normal_(module.weight, mean=0.0, std=0.02)
            if module.bias is not None:
                torch.nn.init.zeros_(module.bias)
        elif isinstance(module, nn.Embedding):
            torch.nn.init.normal_(module.weight, mean=0.0, std=0.02)
        elif isinstance(module, nn.LayerNorm):
            torch.nn.init.zeros_(module.bias)
            torch.nn.init.ones_(module.weight)

    @classmethod
    def from_pretrained(cls, model_type):
        """
        Initialize a pretrained GPT model by copying over the weights
        from a huggingface/transformers checkpoint.
        """
        assert model_type in {'gpt2', 'gpt2-medium', 'gpt2-large', 'gpt2-xl'}
        from transformers import GPT2LMHeadModel

        # create a from-scratch initialized minGPT model
        config = cls.get_default_config()
        config.model_type = model_type
        config.vocab_size = 50257 # openai's model vocabulary
        config.block_size = 1024  # openai's model block_size
        model = GPT(config)
        sd = model.state_dict()

        # init a huggingface/transformers model
        model_hf = GPT2LMHeadModel.from_pretrained(model_type)
        sd_hf = model_hf.state_dict()

        # copy while ensuring all of the parameters are aligned and match in names and shapes
        keys = [k for k in sd_hf if not k.endswith('attn.masked_bias')] # ignore these
        transposed = ['attn.c_attn.weight', 'attn.c_proj.weight', 'mlp.c_fc.weight', 'mlp.c_proj.weight']
        # basically the openai checkpoints use a "Conv1D" module, but we only want to use a vanilla nn.Linear.
        # this means that we have to transpose these weights when we import them
        assert len(keys) == len(sd)
        for k in keys:
            if any(k.endswith(w) for w in transposed):
                # special treatment for the Conv1D weights we need to transpose
                assert sd_hf[k].shape[::-1] == sd[k].shape
                with torch.no_grad():
                    sd[k].copy_(sd_hf[k].t())
            else:
                # vanilla copy over the other parameters
                assert sd_hf[k].shape == sd[k].shape
                with torch.no_grad():
                    sd[k].copy_(sd_hf[k])

        return model

    def configure_optimizers(self, train_config):
        """
        This long function is unfortunately doing something very simple and is being very defensive:
        We are separating out all parameters of the model into two buckets: those that will experience
        weight decay for regularization and those that won't (biases, and layernorm/embedding weights).
        We are then returning the PyTorch optimizer object.
        """

        # separate out all parameters to those that will and won't experience regularizing weight decay
        decay = set()
        no_decay = set()
        whitelist_weight_modules = (torch.nn.Linear, )
        blacklist_weight_modules = (torch.nn.LayerNorm, torch.nn.Embedding)
        for mn, m in self.named_modules():
            for pn, p in m.named_parameters():
                fpn = '%s.%s' % (mn, pn) if mn else pn # full param name
                # random note: because named_modules and named_parameters are recursive
                # we will see the same tensors p many many times. but doing it this way
                # allows us to know which parent module any tensor p belongs to...
                if pn.endswith('bias'):
                    # all biases will not be decayed
                    no_decay.add(fpn)
                elif pn.endswith('weight') and isinstance(m, whitelist_weight_modules):
                    # weights of whitelist modules will be weight decayed
                    decay.add(fpn)
                elif pn.endswith('weight') and isinstance(m, blacklist_weight_modules):
                    # weights of blacklist modules will NOT be weight decayed
                    no_decay.add(fpn)

        # validate that we considered every parameter
        param_dict = {pn: p for pn, p in self.named_parameters()}
        inter_params = decay & no_decay
        union_params = decay | no_decay
        assert len(inter_params) == 0, "parameters %s made it into both decay/no_decay sets!" % (str(inter_params), )
        assert len(param_dict.keys() - union_params) == 0, "parameters %s were not separated into either decay/no_decay set!" \
                                                    % (str(param_dict.keys() - union_params), )

        # create the pytorch optimizer object
        optim_groups = [
            {"params": [param_dict[pn] for pn in sorted(list(decay))], "weight_decay": train_config.weight_decay},
            {"params": [param_dict[pn] for pn in sorted(list(no_decay))], "weight_decay": 0.0},
        ]
        optimizer = torch.optim.AdamW(optim_groups, lr=train_config.learning_rate, betas=train_config.betas)
        return optimizer

    def forward(self, idx, targets=None):
        device = idx.device
        b, t = idx.size()
        assert t <= self.block_size, f"Cannot forward sequence of length {t}, block size is only {self.block_size}"
        pos = torch.arange(0, t, dtype=torch.long, device=device).unsqueeze(0) # shape (1, t)

        # forward the GPT model itself
        tok_emb = self.transformer.wte(idx) # token embeddings of shape (b, t, n_embd)
        pos_emb = self.transformer.wpe(pos) # position embeddings of shape (1, t, n_embd)
        x = self.transformer.drop(tok_emb + pos_emb)
        for block in self.transformer.h:
            x = block(x)
        x = self.transformer.ln_f(x)
        logits = self.lm_head(x)

        # if we are given some desired targets also calculate the loss
        loss = None
        if targets is not None:
            loss = F.cross_entropy(logits.view(-1, logits.size(-1)), targets.view(-1), ignore_index=-1)

        return logits, loss

    @torch.no_grad()
    def generate(self, idx, max_new_tokens, temperature=1.0, do_sample=False, top_k=None):
        """
        Take a conditioning sequence of indices idx (LongTensor of shape (b,t)) and complete
        the sequence max_new_tokens times, feeding the predictions back into the model each time.
        Most likely you'll want to make sure to be in model.eval() mode of operation for this.
        """
        for _ in range(max_new_tokens):
            # if the sequence context is growing too long we must crop it at block_size
            idx_cond = idx if idx.size(1) <= self.block_size else idx[:, -self.block_size:]
            # forward the model to get the logits for the index in the sequence
            logits, _ = self(idx_cond)
            # pluck the logits at the final step and scale by desired temperature
            logits = logits[:, -1, :] / temperature
            # optionally crop the logits to only the top k options
            if top_k is not None:
                v, _ = torch.topk(logits, top_k)
                logits[logits < v[:, [-1]]] = -float('Inf')
            # apply softmax to convert logits to (normalized) probabilities
            probs = F.softmax(logits, dim=-1)
            # either sample from the distribution or take the most likely element
            if do_sample:
                idx_next = torch.multinomial(probs, num_samples=1)
            else:
                _, idx_next = torch.topk(probs, k=1, dim=-1)
            # append sampled index to the running sequence and continue
            idx = torch.cat((idx, idx_next), dim=1)

        return idx
'''  # noqa: E501


# mingpt/trainer.py at SOURCE_COMMIT, verbatim
TRAINER_PY = r'''"""
Simple training loop; Boilerplate that could apply to any arbitrary neural network,
so nothing in this file really has anything to do with GPT specifically.
"""

import time
from collections import defaultdict

import torch
from torch.utils.data.dataloader import DataLoader
from mingpt.utils import CfgNode as CN

class Trainer:

    @staticmethod
    def get_default_config():
        C = CN()
        # device to train on
        C.device = 'auto'
        # dataloder parameters
        C.num_workers = 4
        # optimizer parameters
        C.max_iters = None
        C.batch_size = 64
        C.learning_rate = 3e-4
        C.betas = (0.9, 0.95)
        C.weight_decay = 0.1 # only applied on matmul weights
        C.grad_norm_clip = 1.0
        return C

    def __init__(self, config, model, train_dataset):
        self.config = config
        self.model = model
        self.optimizer = None
        self.train_dataset = train_dataset
        self.callbacks = defaultdict(list)

        # determine the device we'll train on
        if config.device == 'auto':
            self.device = 'cuda' if torch.cuda.is_available() else 'cpu'
        else:
            self.device = config.device
        self.model = self.model.to(self.device)
        print("running on device", self.device)

        # variables that will be assigned to trainer class later for logging and etc
        self.iter_num = 0
        self.iter_time = 0.0
        self.iter_dt = 0.0

    def add_callback(self, onevent: str, callback):
        self.callbacks[onevent].append(callback)

    def set_callback(self, onevent: str, callback):
        self.callbacks[onevent] = [callback]

    def trigger_callbacks(self, onevent: str):
        for callback in self.callbacks.get(onevent, []):
            callback(self)

    def run(self):
        model, config = self.model, self.config

        # setup the optimizer
        self.optimizer = model.configure_optimizers(config)

        # setup the dataloader
        train_loader = DataLoader(
            self.train_dataset,
            sampler=torch.utils.data.RandomSampler(self.train_dataset, replacement=True, num_samples=int(1e10)),
            shuffle=False,
            pin_memory=True,
            batch_size=config.batch_size,
            num_workers=config.num_workers,
        )

        model.train()
        self.iter_num = 0
        self.iter_time = time.time()
        data_iter = iter(train_loader)
        while True:

            # fetch the next batch (x, y) and re-init iterator if needed
            try:
                batch = next(data_iter)
            except StopIteration:
                data_iter = iter(train_loader)
                batch = next(data_iter)
            batch = [t.to(self.device) for t in batch]
            x, y = batch

            # forward the model
            logits, self.loss = model(x, y)

            # backprop and update the parameters
            model.zero_grad(set_to_none=True)
            self.loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), config.grad_norm_clip)
            self.optimizer.step()

            self.trigger_callbacks('on_batch_end')
            self.iter_num += 1
            tnow = time.time()
            self.iter_dt = tnow - self.iter_time
            self.iter_time = tnow

            # termination conditions
            if config.max_iters is not None and self.iter_num >= config.max_iters:
                break
'''  # noqa: E501


# mingpt/utils.py at SOURCE_COMMIT, verbatim
UTILS_PY = r'''
import os
import sys
import json
import random
from ast import literal_eval

import numpy as np
import torch

# -----------------------------------------------------------------------------

def set_seed(seed):
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)
    torch.cuda.manual_seed_all(seed)

def setup_logging(config):
    """ monotonous bookkeeping """
    work_dir = config.system.work_dir
    # create the work directory if it doesn't already exist
    os.makedirs(work_dir, exist_ok=True)
    # log the args (if any)
    with open(os.path.join(work_dir, 'args.txt'), 'w') as f:
        f.write(' '.join(sys.argv))
    # log the config itself
    with open(os.path.join(work_dir, 'config.json'), 'w') as f:
        f.write(json.dumps(config.to_dict(), indent=4))

class CfgNode:
    """ a lightweight configuration class inspired by yacs """
    # TODO: convert to subclass from a dict like in yacs?
    # TODO: implement freezing to prevent shooting of own foot
    # TODO: additional existence/override checks when reading/writing params?

    def __init__(self, **kwargs):
        self.__dict__.update(kwargs)

    def __str__(self):
        return self._str_helper(0)

    def _str_helper(self, indent):
        """ need to have a helper to support nested indentation for pretty printing """
        parts = []
        for k, v in self.__dict__.items():
            if isinstance(v, CfgNode):
                parts.append("%s:\n" % k)
                parts.append(v._str_helper(indent + 1))
            else:
                parts.append("%s: %s\n" % (k, v))
        parts = [' ' * (indent * 4) + p for p in parts]
        return "".join(parts)

    def to_dict(self):
        """ return a dict representation of the config """
        return { k: v.to_dict() if isinstance(v, CfgNode) else v for k, v in self.__dict__.items() }

    def merge_from_dict(self, d):
        self.__dict__.update(d)

    def merge_from_args(self, args):
        """
        update the configuration from a list of strings that is expected
        to come from the command line, i.e. sys.argv[1:].

        The arguments are expected to be in the form of `--arg=value`, and
        the arg can use . to denote nested sub-attributes. Example:

        --model.n_layer=10 --trainer.batch_size=32
        """
        for arg in args:

            keyval = arg.split('=')
            assert len(keyval) == 2, "expecting each override arg to be of form --arg=value, got %s" % arg
            key, val = keyval # unpack

            # first translate val into a python object
            try:
                val = literal_eval(val)
                """
                need some explanation here.
                - if val is simply a string, literal_eval will throw a ValueError
                - if val represents a thing (like an 3, 3.14, [1,2,3], False, None, etc.) it will get created
                """
            except ValueError:
                pass

            # find the appropriate object to insert the attribute into
            assert key[:2] == '--'
            key = key[2:] # strip the '--'
            keys = key.split('.')
            obj = self
            for k in keys[:-1]:
                obj = getattr(obj, k)
            leaf_key = keys[-1]

            # ensure that this attribute exists
            assert hasattr(obj, leaf_key), f"{key} is not an attribute that exists in the config"

            # overwrite the attribute
            print("command line overwriting config attribute %s with %s" % (key, val))
            setattr(obj, leaf_key, val)
'''  # noqa: E501


# projects/chargpt/chargpt.py at SOURCE_COMMIT, verbatim
CHARGPT_PY = r'''"""
Trains a character-level language model.
"""

import os
import sys

import torch
from torch.utils.data import Dataset
from torch.utils.data.dataloader import DataLoader

from mingpt.model import GPT
from mingpt.trainer import Trainer
from mingpt.utils import set_seed, setup_logging, CfgNode as CN

# -----------------------------------------------------------------------------

def get_config():

    C = CN()

    # system
    C.system = CN()
    C.system.seed = 3407
    C.system.work_dir = './out/chargpt'

    # data
    C.data = CharDataset.get_default_config()

    # model
    C.model = GPT.get_default_config()
    C.model.model_type = 'gpt-mini'

    # trainer
    C.trainer = Trainer.get_default_config()
    C.trainer.learning_rate = 5e-4 # the model we're using is so small that we can go a bit faster

    return C

# -----------------------------------------------------------------------------

class CharDataset(Dataset):
    """
    Emits batches of characters
    """

    @staticmethod
    def get_default_config():
        C = CN()
        C.block_size = 128
        return C

    def __init__(self, config, data):
        self.config = config

        chars = sorted(list(set(data)))
        data_size, vocab_size = len(data), len(chars)
        print('data has %d characters, %d unique.' % (data_size, vocab_size))

        self.stoi = { ch:i for i,ch in enumerate(chars) }
        self.itos = { i:ch for i,ch in enumerate(chars) }
        self.vocab_size = vocab_size
        self.data = data

    def get_vocab_size(self):
        return self.vocab_size

    def get_block_size(self):
        return self.config.block_size

    def __len__(self):
        return len(self.data) - self.config.block_size

    def __getitem__(self, idx):
        # grab a chunk of (block_size + 1) characters from the data
        chunk = self.data[idx:idx + self.config.block_size + 1]
        # encode every character to an integer
        dix = [self.stoi[s] for s in chunk]
        # return as tensors
        x = torch.tensor(dix[:-1], dtype=torch.long)
        y = torch.tensor(dix[1:], dtype=torch.long)
        return x, y

# -----------------------------------------------------------------------------

if __name__ == '__main__':

    # get default config and overrides from the command line, if any
    config = get_config()
    config.merge_from_args(sys.argv[1:])
    print(config)
    setup_logging(config)
    set_seed(config.system.seed)

    # construct the training dataset
    text = open('input.txt', 'r').read() # don't worry we won't run out of file handles
    train_dataset = CharDataset(config.data, text)

    # construct the model
    config.model.vocab_size = train_dataset.get_vocab_size()
    config.model.block_size = train_dataset.get_block_size()
    model = GPT(config.model)

    # construct the trainer object
    trainer = Trainer(config.trainer, model, train_dataset)

    # iteration callback
    def batch_end_callback(trainer):

        if trainer.iter_num % 10 == 0:
            print(f"iter_dt {trainer.iter_dt * 1000:.2f}ms; iter {trainer.iter_num}: train loss {trainer.loss.item():.5f}")

        if trainer.iter_num % 500 == 0:
            # evaluate both the train and test score
            model.eval()
            with torch.no_grad():
                # sample from the model...
                context = "O God, O God!"
                x = torch.tensor([train_dataset.stoi[s] for s in context], dtype=torch.long)[None,...].to(trainer.device)
                y = model.generate(x, 500, temperature=1.0, do_sample=True, top_k=10)[0]
                completion = ''.join([train_dataset.itos[int(i)] for i in y])
                print(completion)
            # save the latest model
            print("saving model")
            ckpt_path = os.path.join(config.system.work_dir, "model.pt")
            torch.save(model.state_dict(), ckpt_path)
            # revert model to training mode
            model.train()

    trainer.set_callback('on_batch_end', batch_end_callback)

    # run the optimization
    trainer.run()
'''  # noqa: E501


if __name__ == "__main__":
    main()

"""649453932's Chinese-Text-Classification-Pytorch (github.com/649453932/Chinese-Text-Classification-Pytorch,
no release, no tag, no version number: master at commit
6cb26819af7b646275aff8a4693676f2849e67f6, 2020-04-19, its last, "solved null problem in
TextRNN_Att") on the CPU build of torch 2.13.0 with scikit-learn 1.9.1, tensorboardX 2.6.5,
tqdm 4.70.1 and numpy 2.4.6 (the README asks for "python 3.7, pytorch 1.1, tqdm, sklearn,
tensorboardX"; the code runs unchanged on today's stack: ``torch.load`` of the saved
``state_dict`` passes torch 2.6+'s ``weights_only=True`` default). Its ``run.py``,
``train_eval.py``, ``utils.py`` and ``models/TextCNN.py`` at that commit (all that
``--model TextCNN`` imports: ``models/`` has no ``__init__.py``, ``utils_fasttext.py`` is
FastText's) are held verbatim below, each checked against its git blob id, written into the
cwd in the repository's layout and run as its README runs them, ``python run.py --model
TextCNN --embedding random`` (char-level: ``--word`` left at its default), in-process
(``runpy``, as ``__main__``, ``sys.argv`` as above, the cwd first on ``sys.path``). run.py
seeds numpy and torch with 1 itself; on the CPU the run repeats, only the times vary.
Changed: models/TextCNN.py's ``Config``, where the README's "参数" section puts the
hyper-parameters ("超参定义和模型定义在同一文件中": defined in the model's own file), three
numbers (``CONFIG_EDITS``):
``num_epochs`` 20 -> 12, ``batch_size`` 128 -> 16, ``require_improvement`` 1000 -> 200;
everything else (``pad_size`` 32, ``embed`` 300, ``filter_sizes`` (2, 3, 4),
``num_filters`` 256, dropout 0.5, Adam at 1e-3) as committed. ``train`` evaluates every 100
batches (``total_batch % 100 == 0``, a constant in train_eval.py), so the cut gives four
evaluations (batches 0, 100, 200, 300) before the early stop fires at batch 301 (no lower
dev loss since batch 100: ``total_batch - last_improve > 200``). About 20 s, most of it the
301 training steps on one CPU thread (``OMP_NUM_THREADS=1``).
Data: the case writes a synthetic ``THUCNews/data/`` in the repository's format (a line a
headline: its text, a tab, its class number; ``class.txt`` a class name a line): three of
THUCNews' ten classes, ``体育``, ``财经``, ``科技``; each headline 8 to 20 characters drawn
from its class's 24 characters (0.45), 13 shared ones (0.40) or any class's (0.15), with
Python's ``random.Random(0)``: 480 training, 90 dev and 90 test lines. ``build_vocab`` makes
its own vocabulary from train.txt (75 entries with ``<UNK>`` and ``<PAD>``; no
``vocab.pkl`` is shipped, the case writes none). ``DatasetIterater`` computes its residue
as ``len(batches) % self.n_batches`` (not ``% batch_size``): 90 lines are 5 batches of 16
with ``90 % 5 == 0``, so the last 10 dev and test lines are never seen: the test's support
is 80 (the repository's own behaviour, kept).

What it prints (``print`` in run.py and train_eval.py; tqdm's bars over the three files on
stderr; ``print(model.parameters)`` shows the module tree)::

    Loading data...
    Vocab size: 75
    Time usage: 0:00:00
    <bound method Module.parameters of Model(
    ...
    Epoch [1/12]
    Iter:      0,  Train Loss:   1.1,  Train Acc: 31.25%,  Val Loss:  0.76,  Val Acc: 81.25%,  Time: 0:00:01 *
    Epoch [2/12]
    Epoch [3/12]
    Epoch [4/12]
    Iter:    100,  Train Loss: 0.065,  Train Acc: 93.75%,  Val Loss: 0.082,  Val Acc: 97.50%,  Time: 0:00:06 *
    ...
    Iter:    200,  Train Loss: 1.3e-05,  Train Acc: 100.00%,  Val Loss: 0.096,  Val Acc: 97.50%,  Time: 0:00:11
    ...
    Iter:    300,  Train Loss: 2.4e-05,  Train Acc: 100.00%,  Val Loss:  0.16,  Val Acc: 97.50%,  Time: 0:00:16
    No optimization for a long time, auto-stopping...
    Test Loss:  0.11,  Test Acc: 95.00%
    Precision, Recall and F1-Score...
                  precision    recall  f1-score   support

              体育     0.8667    1.0000    0.9286        26
              财经     1.0000    0.9615    0.9804        26
              科技     1.0000    0.8929    0.9434        28

        accuracy                         0.9500        80
       macro avg     0.9556    0.9515    0.9508        80
    weighted avg     0.9567    0.9500    0.9506        80

    Confusion Matrix...
    [[26  0  0]
     [ 1 25  0]
     [ 3  0 25]]
    Time usage: 0:00:00

(``'Iter: {0:>6},  Train Loss: {1:>5.2},  Train Acc: {2:>6.2%},  Val Loss: {3:>5.2},  Val
Acc: {4:>6.2%},  Time: {5} {6}'``: the batch count, the batch's loss and accuracy on its 16
lines (from the forward pass before that batch's Adam step), the dev set's mean batch loss and accuracy, the wall time since training began, ``*``
when the dev loss is a new best (the model is then saved). ``{:>5.2}`` is two significant
digits in Python's general format, so small losses print as ``1.3e-05``; the ``*`` line
ends with a space when there is no new best. ``Test Loss: {0:>5.2},  Test Acc: {1:>6.2%}``
is the saved best model on the test set. The pipe's and the pty's output hold the same
lines (the pty ends them with ``\\r\\n``; tqdm's bars interleave with stdout differently);
50 lines, under 2 KB.

Truth: the framework's own record is ``train``'s tensorboardX ``SummaryWriter`` under
``THUCNews/log/TextCNN/<%m-%d_%H.%M>/`` (listed in ``files``, read back with TensorBoard's
``EventAccumulator``): at each evaluation, at step ``total_batch``, ``loss/train``
(``loss.item()``), ``loss/dev``, ``acc/train``, ``acc/dev`` (float32), the very values
the ``Iter:`` line prints. The test's loss and accuracy and the classification report are
kept nowhere (printed, then dropped), so as ``pytorch_cifar_main`` does, two lines are added
to the stock train_eval.py (``RECORD_LINES``, no line changed): after ``test``'s
``print(msg.format(test_loss, test_acc))``, ``(test_loss.item(), test_acc)``; after
``evaluate`` builds its report, the same ``metrics.classification_report(...)`` call with
``output_dict=True``; each appended to a list of a ``zoo_record`` module the case puts in
``sys.modules``; nothing is parsed from stdout. Judgement calls (docs/metrics.md):
- Names as printed, by the phase rule (a phase word before a name prefixes it):
  ``Train Loss`` -> ``train_loss``, ``Train Acc`` -> ``train_acc``, ``Val Loss`` ->
  ``val_loss``, ``Val Acc`` -> ``val_acc``, ``Test Loss`` -> ``test_loss``, ``Test Acc`` ->
  ``test_acc``; values from the event file (``loss/train``, ``acc/train``, ``loss/dev``,
  ``acc/dev``, the framework's keys for the same numbers), axis ``step`` (the printed
  ``Iter:``, the file's step), 4 each. The test's two at step 300, the last evaluation
  (printed after training, with no step of its own; exptrack records them with none).
- ``file_metrics``: the event file's four tags as tensorboardX keys them, 4 values each at
  steps 0-300, ``rel_tolerance`` 1e-6 (float32).
- Accuracies are printed ``{:>6.2%}``: ``56.25%`` is the printed number, 56.25, so the truth
  is ``100 *`` the recorded fraction, the printed scale (as ``bentrevett_sentiment``), with
  tolerance 5e-3 (plus 1e-6 relative for the float32 record); the losses two significant
  digits, ``rel_tolerance`` 0.05 (half a unit in the second digit is at most 5% of the value).
- The classification report (``digits=4``): its ``macro avg`` and ``weighted avg`` rows are
  aggregates of the test set the tool prints as its result ("Precision, Recall and
  F1-Score..."). The helper who wrote the case kept them as metrics; the lead engineer moved
  them to ``also_ok`` (``macro_avg_precision``, ..., ``weighted_avg_f1-score``, scikit-learn's
  ``output_dict`` keys with the row's words joined), as the tuning corpus's collectors judge
  such reports (40 of its logs leave the averages out, 4 keep them; docs/metrics.md): exptrack
  records them or not without a miss either way. Their ``support`` (80) is a count, no metric. The
  ``accuracy`` row is ``accuracy_score`` over the same labels, the value ``Test Acc`` printed
  a line above (the case asserts they are equal): a reprint, no series of its own, so
  ``also_ok``. The per-class rows are no aggregates (not metrics), nor is the confusion
  matrix.
- ``also_ok``: ``Time`` (each evaluation's wall time since training began) and
  ``Time_usage`` (loading's and the test's), which nothing keeps, and the report's
  ``accuracy``.
- Not metrics: ``Epoch [1/12]`` (the epoch), ``Iter:`` (the step), ``Vocab size: 75`` (a
  count), the module tree, the report's supports and the confusion matrix (counts), ``*``.
"""  # noqa: E501
# zoo-venv: cntext2

import glob
import random
import runpy
import sys
import types
from importlib.metadata import version
from pathlib import Path

from _truth import series, write_truth
from _verbatim import git_blob_id, with_lines
from tensorboard.backend.event_processing.event_accumulator import EventAccumulator

SOURCE_REPO = "649453932/Chinese-Text-Classification-Pytorch"
SOURCE_COMMIT = "6cb26819af7b646275aff8a4693676f2849e67f6"
ARGS = ["--model", "TextCNN", "--embedding", "random"]
Q3 = "'" * 3  # the files' own triple quotes, written @@Q3@@ in the texts below

# the documented minimal change to models/TextCNN.py's Config (old -> new, each found once):
# fewer epochs, smaller batches, an earlier stop, so the tiny data set gives a few evaluations
CONFIG_EDITS = {
    "self.require_improvement = 1000 ": "self.require_improvement = 200  ",
    "self.num_epochs = 20 ": "self.num_epochs = 12 ",
    "self.batch_size = 128 ": "self.batch_size = 16  ",
}

# the record: lines added to train_eval.py right after what they keep (anchor -> the anchor
# and the line after it); no line of the stock text changed
RECORD_LINES = {
    "    print(msg.format(test_loss, test_acc))\n":
        "    __import__('zoo_record').TEST.append((test_loss.item(), test_acc))"
        "  # zoo: the values just printed\n",
    "        report = metrics.classification_report(labels_all, predict_all,"
    " target_names=config.class_list, digits=4)\n":
        "        __import__('zoo_record').REPORT.append(metrics.classification_report("
        "labels_all, predict_all, target_names=config.class_list, digits=4,"
        " output_dict=True))  # zoo: the report just built, as a dict\n",
}

# the synthetic news headlines: three classes, each with characters of its own, a few
# shared ones, and a little noise from the other classes
CLASSES = ["体育", "财经", "科技"]
OWN = ["球赛队员冠军联赛进攻比分教练赛季射门篮板足跑",
       "股市基金银行利率涨跌投资证券债券汇率盈利资本",
       "手机芯片电脑软件网络数据智能系统算法屏幕信号"]
SHARED = "的了在是日月年新大中国人将"
SIZES = {"train": 480, "dev": 90, "test": 90}


def write_thucnews(folder: Path, seed: int = 0) -> None:
    """``train.txt``, ``dev.txt``, ``test.txt`` (a line a headline: its text, a tab, its
    class number) and ``class.txt`` (a class name a line), as ``utils.build_dataset`` and
    the model's ``Config`` read them."""
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "class.txt").write_text("".join(f"{name}\n" for name in CLASSES),
                                      encoding="utf-8")
    for split, size in SIZES.items():
        lines = []
        for _ in range(size):
            label = rng.randrange(len(CLASSES))
            chars = []
            for _ in range(rng.randint(8, 20)):
                draw = rng.random()
                pool = (OWN[label] if draw < 0.45 else SHARED if draw < 0.85
                        else OWN[rng.randrange(len(CLASSES))])
                chars.append(rng.choice(pool))
            lines.append("".join(chars) + f"\t{label}\n")
        (folder / f"{split}.txt").write_text("".join(lines), encoding="utf-8")


def main() -> None:
    for name, (text, blob) in FILES.items():
        text = text.replace("@@Q3@@", Q3)
        if git_blob_id(text) != blob:
            sys.exit(f"{name} is not {SOURCE_REPO}'s at {SOURCE_COMMIT}")
        if name == "train_eval.py":
            text = with_lines(text, RECORD_LINES)
        if name == "models/TextCNN.py":
            for old, new in CONFIG_EDITS.items():
                assert text.count(old) == 1, old
                text = text.replace(old, new)
        Path(name).parent.mkdir(parents=True, exist_ok=True)
        Path(name).write_text(text, encoding="utf-8")
    write_thucnews(Path("THUCNews/data"))
    Path("THUCNews/saved_dict").mkdir(parents=True)  # where torch.save puts the best model

    record = types.ModuleType("zoo_record")
    record.TEST, record.REPORT = [], []
    sys.modules["zoo_record"] = record
    sys.path.insert(0, str(Path.cwd()))  # run.py's `from train_eval import ...`, as in its repo
    sys.argv = ["run.py", *ARGS]
    runpy.run_path("run.py", run_name="__main__")
    sys.stdout.flush()

    # the record: train_eval.train's SummaryWriter, THUCNews/log/TextCNN/<%m-%d_%H.%M>/
    event_files = sorted(glob.glob("THUCNews/log/TextCNN/*/events.out.tfevents.*"))
    assert len(event_files) == 1, event_files
    accumulator = EventAccumulator(event_files[0], size_guidance={"scalars": 0})
    accumulator.Reload()
    found = {tag: [(event.step, event.value) for event in accumulator.Scalars(tag)]
             for tag in accumulator.Tags()["scalars"]}
    assert sorted(found) == ["acc/dev", "acc/train", "loss/dev", "loss/train"], sorted(found)
    steps = [step for step, _ in found["loss/train"]]
    assert all([s for s, _ in pairs] == steps for pairs in found.values()), found
    assert len(steps) >= 3 and steps == list(range(0, 100 * len(steps), 100)), steps
    assert len(record.TEST) == 1 and len(record.REPORT) == 1
    last = steps[-1]

    # printed names; values from the file (losses as kept, accuracies in the printed percent)
    loss = {"rel_tolerance": 0.05}  # '{:>5.2}': two significant digits
    percent = {"tolerance": 5e-3, "rel_tolerance": 1e-6}  # '{:>6.2%}', of a float32 record
    metrics = {
        "train_loss": series(found["loss/train"], "step", **loss),
        "train_acc": series([(s, 100 * v) for s, v in found["acc/train"]], "step", **percent),
        "val_loss": series(found["loss/dev"], "step", **loss),
        "val_acc": series([(s, 100 * v) for s, v in found["acc/dev"]], "step", **percent),
    }
    test_loss, test_acc = record.TEST[0]
    metrics["test_loss"] = series([(last, test_loss)], "step", **loss)
    metrics["test_acc"] = series([(last, 100 * test_acc)], "step", tolerance=5e-3)
    report = record.REPORT[0]
    assert report["accuracy"] == test_acc, (report["accuracy"], test_acc)  # a reprint
    averages = [f"{row.replace(' ', '_')}_{key}" for row in ["macro avg", "weighted avg"]
                for key in ["precision", "recall", "f1-score"] if key in report[row]]
    kept = {name: series(pairs, "step", rel_tolerance=1e-6) for name, pairs in found.items()}
    write_truth(
        "Chinese-Text-Classification-Pytorch (649453932)", f"repo {SOURCE_COMMIT[:12]}",
        "train_eval.train's tensorboardX SummaryWriter event file (loss/train, loss/dev, "
        "acc/train, acc/dev); the test's loss and accuracy and the classification report's "
        "macro/weighted averages kept by lines added to train_eval.py (RECORD_LINES)",
        metrics, files=event_files, file_metrics=kept,
        also_ok=["Time", "Time_usage", "accuracy", *averages],
        notes=f"{SOURCE_REPO} at {SOURCE_COMMIT} (no release), torch {version('torch')}, "
              f"scikit-learn {version('scikit-learn')}, tensorboardX {version('tensorboardX')}"
              f", numpy {version('numpy')}; synthetic THUCNews files: {SIZES}, classes "
              f"{CLASSES}; Config cut: {CONFIG_EDITS}")


# run.py at SOURCE_COMMIT, verbatim (git blob 658c6b1e031d2bd3137ae4b6592fb283441fb0e1;
# its triple single quotes written @@Q3@@)
RUN_PY = r'''# coding: UTF-8
import time
import torch
import numpy as np
from train_eval import train, init_network
from importlib import import_module
import argparse

parser = argparse.ArgumentParser(description='Chinese Text Classification')
parser.add_argument('--model', type=str, required=True, help='choose a model: TextCNN, TextRNN, FastText, TextRCNN, TextRNN_Att, DPCNN, Transformer')
parser.add_argument('--embedding', default='pre_trained', type=str, help='random or pre_trained')
parser.add_argument('--word', default=False, type=bool, help='True for word, False for char')
args = parser.parse_args()


if __name__ == '__main__':
    dataset = 'THUCNews'  # 数据集

    # 搜狗新闻:embedding_SougouNews.npz, 腾讯:embedding_Tencent.npz, 随机初始化:random
    embedding = 'embedding_SougouNews.npz'
    if args.embedding == 'random':
        embedding = 'random'
    model_name = args.model  # 'TextRCNN'  # TextCNN, TextRNN, FastText, TextRCNN, TextRNN_Att, DPCNN, Transformer
    if model_name == 'FastText':
        from utils_fasttext import build_dataset, build_iterator, get_time_dif
        embedding = 'random'
    else:
        from utils import build_dataset, build_iterator, get_time_dif

    x = import_module('models.' + model_name)
    config = x.Config(dataset, embedding)
    np.random.seed(1)
    torch.manual_seed(1)
    torch.cuda.manual_seed_all(1)
    torch.backends.cudnn.deterministic = True  # 保证每次结果一样

    start_time = time.time()
    print("Loading data...")
    vocab, train_data, dev_data, test_data = build_dataset(config, args.word)
    train_iter = build_iterator(train_data, config)
    dev_iter = build_iterator(dev_data, config)
    test_iter = build_iterator(test_data, config)
    time_dif = get_time_dif(start_time)
    print("Time usage:", time_dif)

    # train
    config.n_vocab = len(vocab)
    model = x.Model(config).to(config.device)
    if model_name != 'Transformer':
        init_network(model)
    print(model.parameters)
    train(config, model, train_iter, dev_iter, test_iter)
'''  # noqa: E501

# train_eval.py at SOURCE_COMMIT, verbatim (git blob 029150414be98dc908bf85644d4c03c60ab54d27;
# its triple single quotes written @@Q3@@)
TRAIN_EVAL_PY = r'''# coding: UTF-8
import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F
from sklearn import metrics
import time
from utils import get_time_dif
from tensorboardX import SummaryWriter


# 权重初始化，默认xavier
def init_network(model, method='xavier', exclude='embedding', seed=123):
    for name, w in model.named_parameters():
        if exclude not in name:
            if 'weight' in name:
                if method == 'xavier':
                    nn.init.xavier_normal_(w)
                elif method == 'kaiming':
                    nn.init.kaiming_normal_(w)
                else:
                    nn.init.normal_(w)
            elif 'bias' in name:
                nn.init.constant_(w, 0)
            else:
                pass


def train(config, model, train_iter, dev_iter, test_iter):
    start_time = time.time()
    model.train()
    optimizer = torch.optim.Adam(model.parameters(), lr=config.learning_rate)

    # 学习率指数衰减，每次epoch：学习率 = gamma * 学习率
    # scheduler = torch.optim.lr_scheduler.ExponentialLR(optimizer, gamma=0.9)
    total_batch = 0  # 记录进行到多少batch
    dev_best_loss = float('inf')
    last_improve = 0  # 记录上次验证集loss下降的batch数
    flag = False  # 记录是否很久没有效果提升
    writer = SummaryWriter(log_dir=config.log_path + '/' + time.strftime('%m-%d_%H.%M', time.localtime()))
    for epoch in range(config.num_epochs):
        print('Epoch [{}/{}]'.format(epoch + 1, config.num_epochs))
        # scheduler.step() # 学习率衰减
        for i, (trains, labels) in enumerate(train_iter):
            outputs = model(trains)
            model.zero_grad()
            loss = F.cross_entropy(outputs, labels)
            loss.backward()
            optimizer.step()
            if total_batch % 100 == 0:
                # 每多少轮输出在训练集和验证集上的效果
                true = labels.data.cpu()
                predic = torch.max(outputs.data, 1)[1].cpu()
                train_acc = metrics.accuracy_score(true, predic)
                dev_acc, dev_loss = evaluate(config, model, dev_iter)
                if dev_loss < dev_best_loss:
                    dev_best_loss = dev_loss
                    torch.save(model.state_dict(), config.save_path)
                    improve = '*'
                    last_improve = total_batch
                else:
                    improve = ''
                time_dif = get_time_dif(start_time)
                msg = 'Iter: {0:>6},  Train Loss: {1:>5.2},  Train Acc: {2:>6.2%},  Val Loss: {3:>5.2},  Val Acc: {4:>6.2%},  Time: {5} {6}'
                print(msg.format(total_batch, loss.item(), train_acc, dev_loss, dev_acc, time_dif, improve))
                writer.add_scalar("loss/train", loss.item(), total_batch)
                writer.add_scalar("loss/dev", dev_loss, total_batch)
                writer.add_scalar("acc/train", train_acc, total_batch)
                writer.add_scalar("acc/dev", dev_acc, total_batch)
                model.train()
            total_batch += 1
            if total_batch - last_improve > config.require_improvement:
                # 验证集loss超过1000batch没下降，结束训练
                print("No optimization for a long time, auto-stopping...")
                flag = True
                break
        if flag:
            break
    writer.close()
    test(config, model, test_iter)


def test(config, model, test_iter):
    # test
    model.load_state_dict(torch.load(config.save_path))
    model.eval()
    start_time = time.time()
    test_acc, test_loss, test_report, test_confusion = evaluate(config, model, test_iter, test=True)
    msg = 'Test Loss: {0:>5.2},  Test Acc: {1:>6.2%}'
    print(msg.format(test_loss, test_acc))
    print("Precision, Recall and F1-Score...")
    print(test_report)
    print("Confusion Matrix...")
    print(test_confusion)
    time_dif = get_time_dif(start_time)
    print("Time usage:", time_dif)


def evaluate(config, model, data_iter, test=False):
    model.eval()
    loss_total = 0
    predict_all = np.array([], dtype=int)
    labels_all = np.array([], dtype=int)
    with torch.no_grad():
        for texts, labels in data_iter:
            outputs = model(texts)
            loss = F.cross_entropy(outputs, labels)
            loss_total += loss
            labels = labels.data.cpu().numpy()
            predic = torch.max(outputs.data, 1)[1].cpu().numpy()
            labels_all = np.append(labels_all, labels)
            predict_all = np.append(predict_all, predic)

    acc = metrics.accuracy_score(labels_all, predict_all)
    if test:
        report = metrics.classification_report(labels_all, predict_all, target_names=config.class_list, digits=4)
        confusion = metrics.confusion_matrix(labels_all, predict_all)
        return acc, loss_total / len(data_iter), report, confusion
    return acc, loss_total / len(data_iter)'''  # noqa: E501

# utils.py at SOURCE_COMMIT, verbatim (git blob a83b0fd6e51914b1cccf9e7c88894b1d662e590b;
# its triple single quotes written @@Q3@@)
UTILS_PY = r'''# coding: UTF-8
import os
import torch
import numpy as np
import pickle as pkl
from tqdm import tqdm
import time
from datetime import timedelta


MAX_VOCAB_SIZE = 10000  # 词表长度限制
UNK, PAD = '<UNK>', '<PAD>'  # 未知字，padding符号


def build_vocab(file_path, tokenizer, max_size, min_freq):
    vocab_dic = {}
    with open(file_path, 'r', encoding='UTF-8') as f:
        for line in tqdm(f):
            lin = line.strip()
            if not lin:
                continue
            content = lin.split('\t')[0]
            for word in tokenizer(content):
                vocab_dic[word] = vocab_dic.get(word, 0) + 1
        vocab_list = sorted([_ for _ in vocab_dic.items() if _[1] >= min_freq], key=lambda x: x[1], reverse=True)[:max_size]
        vocab_dic = {word_count[0]: idx for idx, word_count in enumerate(vocab_list)}
        vocab_dic.update({UNK: len(vocab_dic), PAD: len(vocab_dic) + 1})
    return vocab_dic


def build_dataset(config, ues_word):
    if ues_word:
        tokenizer = lambda x: x.split(' ')  # 以空格隔开，word-level
    else:
        tokenizer = lambda x: [y for y in x]  # char-level
    if os.path.exists(config.vocab_path):
        vocab = pkl.load(open(config.vocab_path, 'rb'))
    else:
        vocab = build_vocab(config.train_path, tokenizer=tokenizer, max_size=MAX_VOCAB_SIZE, min_freq=1)
        pkl.dump(vocab, open(config.vocab_path, 'wb'))
    print(f"Vocab size: {len(vocab)}")

    def load_dataset(path, pad_size=32):
        contents = []
        with open(path, 'r', encoding='UTF-8') as f:
            for line in tqdm(f):
                lin = line.strip()
                if not lin:
                    continue
                content, label = lin.split('\t')
                words_line = []
                token = tokenizer(content)
                seq_len = len(token)
                if pad_size:
                    if len(token) < pad_size:
                        token.extend([PAD] * (pad_size - len(token)))
                    else:
                        token = token[:pad_size]
                        seq_len = pad_size
                # word to id
                for word in token:
                    words_line.append(vocab.get(word, vocab.get(UNK)))
                contents.append((words_line, int(label), seq_len))
        return contents  # [([...], 0), ([...], 1), ...]
    train = load_dataset(config.train_path, config.pad_size)
    dev = load_dataset(config.dev_path, config.pad_size)
    test = load_dataset(config.test_path, config.pad_size)
    return vocab, train, dev, test


class DatasetIterater(object):
    def __init__(self, batches, batch_size, device):
        self.batch_size = batch_size
        self.batches = batches
        self.n_batches = len(batches) // batch_size
        self.residue = False  # 记录batch数量是否为整数
        if len(batches) % self.n_batches != 0:
            self.residue = True
        self.index = 0
        self.device = device

    def _to_tensor(self, datas):
        x = torch.LongTensor([_[0] for _ in datas]).to(self.device)
        y = torch.LongTensor([_[1] for _ in datas]).to(self.device)

        # pad前的长度(超过pad_size的设为pad_size)
        seq_len = torch.LongTensor([_[2] for _ in datas]).to(self.device)
        return (x, seq_len), y

    def __next__(self):
        if self.residue and self.index == self.n_batches:
            batches = self.batches[self.index * self.batch_size: len(self.batches)]
            self.index += 1
            batches = self._to_tensor(batches)
            return batches

        elif self.index >= self.n_batches:
            self.index = 0
            raise StopIteration
        else:
            batches = self.batches[self.index * self.batch_size: (self.index + 1) * self.batch_size]
            self.index += 1
            batches = self._to_tensor(batches)
            return batches

    def __iter__(self):
        return self

    def __len__(self):
        if self.residue:
            return self.n_batches + 1
        else:
            return self.n_batches


def build_iterator(dataset, config):
    iter = DatasetIterater(dataset, config.batch_size, config.device)
    return iter


def get_time_dif(start_time):
    """获取已使用时间"""
    end_time = time.time()
    time_dif = end_time - start_time
    return timedelta(seconds=int(round(time_dif)))


if __name__ == "__main__":
    @@Q3@@提取预训练词向量@@Q3@@
    # 下面的目录、文件名按需更改。
    train_dir = "./THUCNews/data/train.txt"
    vocab_dir = "./THUCNews/data/vocab.pkl"
    pretrain_dir = "./THUCNews/data/sgns.sogou.char"
    emb_dim = 300
    filename_trimmed_dir = "./THUCNews/data/embedding_SougouNews"
    if os.path.exists(vocab_dir):
        word_to_id = pkl.load(open(vocab_dir, 'rb'))
    else:
        # tokenizer = lambda x: x.split(' ')  # 以词为单位构建词表(数据集中词之间以空格隔开)
        tokenizer = lambda x: [y for y in x]  # 以字为单位构建词表
        word_to_id = build_vocab(train_dir, tokenizer=tokenizer, max_size=MAX_VOCAB_SIZE, min_freq=1)
        pkl.dump(word_to_id, open(vocab_dir, 'wb'))

    embeddings = np.random.rand(len(word_to_id), emb_dim)
    f = open(pretrain_dir, "r", encoding='UTF-8')
    for i, line in enumerate(f.readlines()):
        # if i == 0:  # 若第一行是标题，则跳过
        #     continue
        lin = line.strip().split(" ")
        if lin[0] in word_to_id:
            idx = word_to_id[lin[0]]
            emb = [float(x) for x in lin[1:301]]
            embeddings[idx] = np.asarray(emb, dtype='float32')
    f.close()
    np.savez_compressed(filename_trimmed_dir, embeddings=embeddings)
'''  # noqa: E501

# models/TextCNN.py at SOURCE_COMMIT, verbatim (git blob 7e8cc5f96f92541ceefa6aa63dfafe0d1c6263f3;
# its triple single quotes written @@Q3@@)
TEXTCNN_PY = r'''# coding: UTF-8
import torch
import torch.nn as nn
import torch.nn.functional as F
import numpy as np


class Config(object):

    """配置参数"""
    def __init__(self, dataset, embedding):
        self.model_name = 'TextCNN'
        self.train_path = dataset + '/data/train.txt'                                # 训练集
        self.dev_path = dataset + '/data/dev.txt'                                    # 验证集
        self.test_path = dataset + '/data/test.txt'                                  # 测试集
        self.class_list = [x.strip() for x in open(
            dataset + '/data/class.txt', encoding='utf-8').readlines()]              # 类别名单
        self.vocab_path = dataset + '/data/vocab.pkl'                                # 词表
        self.save_path = dataset + '/saved_dict/' + self.model_name + '.ckpt'        # 模型训练结果
        self.log_path = dataset + '/log/' + self.model_name
        self.embedding_pretrained = torch.tensor(
            np.load(dataset + '/data/' + embedding)["embeddings"].astype('float32'))\
            if embedding != 'random' else None                                       # 预训练词向量
        self.device = torch.device('cuda' if torch.cuda.is_available() else 'cpu')   # 设备

        self.dropout = 0.5                                              # 随机失活
        self.require_improvement = 1000                                 # 若超过1000batch效果还没提升，则提前结束训练
        self.num_classes = len(self.class_list)                         # 类别数
        self.n_vocab = 0                                                # 词表大小，在运行时赋值
        self.num_epochs = 20                                            # epoch数
        self.batch_size = 128                                           # mini-batch大小
        self.pad_size = 32                                              # 每句话处理成的长度(短填长切)
        self.learning_rate = 1e-3                                       # 学习率
        self.embed = self.embedding_pretrained.size(1)\
            if self.embedding_pretrained is not None else 300           # 字向量维度
        self.filter_sizes = (2, 3, 4)                                   # 卷积核尺寸
        self.num_filters = 256                                          # 卷积核数量(channels数)


@@Q3@@Convolutional Neural Networks for Sentence Classification@@Q3@@


class Model(nn.Module):
    def __init__(self, config):
        super(Model, self).__init__()
        if config.embedding_pretrained is not None:
            self.embedding = nn.Embedding.from_pretrained(config.embedding_pretrained, freeze=False)
        else:
            self.embedding = nn.Embedding(config.n_vocab, config.embed, padding_idx=config.n_vocab - 1)
        self.convs = nn.ModuleList(
            [nn.Conv2d(1, config.num_filters, (k, config.embed)) for k in config.filter_sizes])
        self.dropout = nn.Dropout(config.dropout)
        self.fc = nn.Linear(config.num_filters * len(config.filter_sizes), config.num_classes)

    def conv_and_pool(self, x, conv):
        x = F.relu(conv(x)).squeeze(3)
        x = F.max_pool1d(x, x.size(2)).squeeze(2)
        return x

    def forward(self, x):
        out = self.embedding(x[0])
        out = out.unsqueeze(1)
        out = torch.cat([self.conv_and_pool(out, conv) for conv in self.convs], 1)
        out = self.dropout(out)
        out = self.fc(out)
        return out
'''  # noqa: E501

FILES = {
    "run.py": (RUN_PY, "658c6b1e031d2bd3137ae4b6592fb283441fb0e1"),
    "train_eval.py": (TRAIN_EVAL_PY, "029150414be98dc908bf85644d4c03c60ab54d27"),
    "utils.py": (UTILS_PY, "a83b0fd6e51914b1cccf9e7c88894b1d662e590b"),
    "models/TextCNN.py": (TEXTCNN_PY, "7e8cc5f96f92541ceefa6aa63dfafe0d1c6263f3"),
}


if __name__ == "__main__":
    main()

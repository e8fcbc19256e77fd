r"""Jittor 1.3.11.0: Jittor's own MNIST tutorial, "计图入门教程 3 --- 尝试解决一个实际问题"
(Jittor tutorial 3, "try to solve a real problem", the notebook
``python/jittor/notebook/60分钟快速入门Jittor/计图入门教程 3 --- 尝试解决一个实际问题.ipynb`` of
Jittor/jittor at 06f5d3d2, last changed at 495d78ad), run as the notebook runs it: its
``Model`` (two ``nn.Conv(..., 3, 1)``, ``nn.BatchNorm``, ``nn.Pool(2, 2)``, ``nn.Linear(... *
12 * 12, 256)``, ``nn.Linear(256, 10)``, ``nn.Relu``, its ``execute`` verbatim),
``nn.CrossEntropyLoss()``, ``nn.SGD(model.parameters(), 0.1, 0.9, 1e-4)``, ``batch_size =
64``, ``jittor.dataset.mnist.MNIST(train=..., transform=trans.Resize(28)).set_attrs(
batch_size=batch_size, shuffle=...)``, its ``train()`` and ``test()`` functions, every print
verbatim, ``epochs = 5``, and the prints of its two visualisation cells (the shapes and
``target:`` before training, ``target:`` and ``prediction:`` after it).

Changes, each for this machine (CPU only, two cores, no network):
- The convolutions' widths: 8 and 16 channels (``nn.Conv(3, 8, 3, 1)``, ``nn.Conv(8, 16, 3,
  1)``, ``nn.BatchNorm(16)``, ``nn.Linear(16 * 12 * 12, 256)``) for the notebook's 32 and 64:
  with Jittor's own CPU convolution (no oneDNN, below) the notebook's widths take 4 to 8 s a
  batch of 64 on one thread, these 0.3 s.
- ``jt.flags.use_cuda = 0`` (the notebook sets 1). Before ``import jittor`` the case sets
  two of Jittor's documented environment switches if unset: ``nvcc_path=""`` (this machine
  has an ``nvcc`` but no CUDA runtime; Jittor would try to load ``libcudart.so``) and
  ``use_mkl=0`` (Jittor's CPU build would download oneDNN 2.2 from its site at import; with
  ``use_mkl=0`` it uses its own JIT-compiled ops for the convolutions).
- The data: MNIST is downloaded by ``MNIST(...)``; here the case writes the four MNIST files
  (``train-images-idx3-ubyte.gz`` ..., the same idx format, gzip) into ``./mnist_data/`` and
  passes ``data_root="./mnist_data/", download=False``, so Jittor's own ``MNIST`` class reads
  them (its PIL ``convert('RGB')``, ``Resize(28)``, ``to_tensor``: 3x28x28 floats). The
  images are synthetic, 28x28 uint8 and black as MNIST's, with bright pixels (128-255) in
  the centre 20x20: 30% of their class's fixed random "strokes" plus 12% stray pixels
  (768 train, 12 batches; 384 test, 6 batches; numpy seed 0), so over the five epochs the
  loss falls (2.29 to 0.82) and the test accuracy climbs (0.15 to 0.61).
  ``jt.set_global_seed(0)`` for the weights (the notebook sets none); Jittor's loader
  shuffles with its own ``np.random.default_rng(1)``.
- ``matplotlib``'s ``imshow``/``plot`` calls are left out (no display, no plot written).
- The notebook's ``train_losses``/``test_acc`` lists are its own record (it plots them
  after training); one line in ``test()`` keeps the per-batch ``acc`` it prints (see Truth).

Printed: on stderr at import, Jittor's info log, nine lines, each ANSI-coloured even under
a pipe (``\x1b[38;5;2m[i 1207 00:17:18.624133 16 compiler.py:955] Jittor(1.3.11.0) src:
...\x1b[m``, ``g++ at /usr/bin/g++(12.2.0)``, ``cache_path: /root/.cache/jittor/jt1.3.11/
g++12.2.0/py3.11.7/...``, ``Found /usr/local/cuda/bin/nvcc(13.0.88) at ...``, ``Found
gdb(13.1) at /usr/bin/gdb.``, ``Total mem: 23.54GB, using 7 procs for compiling.``, ``Load
cc_path: /usr/bin/g++``, ``Load nvcc_path: ``). The case must run with Jittor's cache
already built: the first import compiles ``jittor_core`` with g++ for about ten minutes
(``Compiling jittor_core(1/150) used: 16.652s eta: 2481.151s`` ...), and each new operator
prints ``Compiling Operators(6/14) used: 17.5s eta: 23.3s`` on first use; the fixtures are
captured warm, as a user's second run prints (run the case once before capturing). Then
(stdout) ``inputs.shape: [64,3,28,28,]``, ``targets.shape: [64,]``, ``target: 9``, and each
epoch ``Train Epoch: 0 [0/12 (0%)]\tLoss: 2.292963`` every 10 batches (batches 0 and 10 of
12), ``Test Epoch: 0 [0/6 (0%)]\tAcc: 0.125000`` (batch 0 of 6) and ``Total test acc =
0.15104166666666666``; at the end ``target: 0`` and ``prediction: 0``.

Truth: the notebook's own record. ``train()`` returns ``train_losses``, every batch's
``loss.item()``, which the module-level loop concatenates into ``train_losses`` (plotted
against "Iterations"): the printed ``Loss`` values are its entries at ``batch_idx % 10 ==
0`` of each epoch. ``test()`` returns ``total_correct / total_num``, appended to ``test_acc``
(plotted as "Test Accuracy"): the printed ``Total test acc``. The per-batch ``acc`` of
``test()`` is a local the notebook prints and keeps nowhere: the one added line appends it
to a list, after the notebook's computation, before its print. Nothing is parsed from stdout.

Judgement calls (docs/metrics.md):
- ``Train Epoch: 0 [0/12 (0%)]\tLoss: 2.292963``: PyTorch's MNIST example's form (the
  notebook prints the batch index and the batch count, not samples). docs: "PyTorch MNIST's
  ``Train Epoch: 1 [0/60000 (0%)]`` stays the loop's mode", so the name is ``Loss`` as
  printed. Keyed ``epoch`` (the 0-based number printed); the bracket is the batch within the
  epoch, restarting each epoch, so two values share each epoch (counted in ``notes``), no
  step. ``{:.6f}``: tolerance 5e-7.
- ``Test Epoch: 0 [0/6 (0%)]\tAcc: 0.125000``: a phase word before the epoch's key labels
  the values (docs: ``eval epoch: 1, loss: 0.07`` -> ``eval_loss``, ``Test Epoch:
  [1000/1000] Acc@1:54.2%`` -> ``test_acc@1``; the capitalised word lower-cased, as
  ``pytorch_quickstart``'s ``test_accuracy``) -> ``test_acc``, keyed ``epoch``, one value an
  epoch here (6 test batches, printed at batch 0). The batch's accuracy, ``correct /
  batch_size``, a multiple of 1/64, exact in six decimals: tolerance 5e-7 all the same.
- ``Total test acc = 0.15104166666666666``: ``print('Total test acc =', test_acc)`` of a
  numpy float64, its repr (exact, no tolerance). A phrase's words before ``=`` are its name, a
  phase word inside a name kept (docs: ``RF Test accuracy: 0.79`` -> ``RF_Test_accuracy``)
  -> ``Total_test_acc``, keyed ``epoch`` (the epoch of the test lines above it). ``Total``
  is the epoch's whole test set, no count (a fraction).
- Jittor's log lines (source ``file:line``, thread id, the machine's ``Total mem: 23.54GB``
  and ``7 procs`` for compiling, versions) tell of the machine and the compiler: no metric
  of the run (``Total mem`` is the host's memory, not the run's use), none expected. The
  shapes, ``target:``/``prediction:`` (a label, a predicted class) and the bracket's
  counters are no metrics: none is expected. No metric file (``files`` empty).
"""
# zoo-venv: jittor

import gzip
import os

import numpy as np

os.environ.setdefault("nvcc_path", "")  # a CPU machine with an nvcc but no CUDA runtime
os.environ.setdefault("use_mkl", "0")  # Jittor's oneDNN is a download at import

from _truth import series, write_truth

# --- MNIST's four files, synthetic, in the idx format Jittor's MNIST class reads ---

rng = np.random.default_rng(0)
centre = np.zeros((28, 28), dtype=bool)
centre[4:24, 4:24] = True  # MNIST's digits sit in the centre 20x20 of a black 28x28 image
patterns = (rng.random((10, 28, 28)) < 0.15) & centre  # a class's "strokes"


def write_idx(name, images, labels, root="./mnist_data/"):
    os.makedirs(root, exist_ok=True)
    images_file, labels_file = {"train": ("train-images-idx3-ubyte.gz",
                                          "train-labels-idx1-ubyte.gz"),
                                "t10k": ("t10k-images-idx3-ubyte.gz",
                                         "t10k-labels-idx1-ubyte.gz")}[name]
    header = np.array([2051, len(images), 28, 28], dtype=">i4").tobytes()
    with gzip.open(root + images_file, "wb") as handle:
        handle.write(header + images.astype(np.uint8).tobytes())
    with gzip.open(root + labels_file, "wb") as handle:
        handle.write(np.array([2049, len(labels)], dtype=">i4").tobytes()
                     + labels.astype(np.uint8).tobytes())


def synthetic_mnist(n):
    """Black images with bright pixels, as MNIST's: a class's strokes, each kept with
    probability 0.5, and stray pixels (8% of the centre); intensities 128..255."""
    labels = rng.integers(0, 10, n)
    kept = patterns[labels] & (rng.random((n, 28, 28)) < 0.3)
    stray = centre & (rng.random((n, 28, 28)) < 0.12)
    images = (kept | stray) * rng.integers(128, 256, (n, 28, 28))
    return images, labels


write_idx("train", *synthetic_mnist(768))
write_idx("t10k", *synthetic_mnist(384))

# --- the notebook from here, verbatim but for the marked lines ---

# 加载计图
import jittor as jt  # noqa: E402

jt.set_global_seed(0)  # the case's (the notebook sets no seed)

# 开启 GPU 加速
jt.flags.use_cuda = 0  # the case's: CPU only (the notebook sets 1)

import jittor.transform as trans  # noqa: E402
from jittor.dataset.mnist import MNIST  # noqa: E402

# 设置超参数 batch_size，其值代表一个批次中含有多少个数据。
batch_size = 64

# 创建 MNIST 训练集数据加载器 (data_root/download: the case's local files)
train_loader = MNIST(data_root="./mnist_data/", download=False, train=True,
                     transform=trans.Resize(28)).set_attrs(batch_size=batch_size, shuffle=True)
# 创建 MNIST 测试集数据加载器
val_loader = MNIST(data_root="./mnist_data/", download=False, train=False,
                   transform=trans.Resize(28)).set_attrs(batch_size=batch_size, shuffle=False)

num = 0                                                     # 选择展示第几个 input 数据
for inputs, targets in val_loader:                          # 通过测试集加载器遍历每批次数据
    print("inputs.shape:", inputs.shape)                    # 查看 inputs 的形状
    print("targets.shape:", targets.shape)                  # 查看 targets 的形状
    # (plt.imshow / plt.show left out)
    print("target:", targets[num].numpy()[0])                  # 打印第一个 input 数据的真实标签值
    break

from jittor import Module, nn  # noqa: E402


class Model(Module):
    def __init__(self):
        super(Model, self).__init__()  # noqa: UP008 (the notebook's)
        # the case's widths: 8 and 16 channels (the notebook's 32 and 64 take 4-8 s a batch
        # on one CPU thread with Jittor's own convolution)
        self.conv1 = nn.Conv(3, 8, 3, 1)            # 卷积层 1 (notebook: nn.Conv(3, 32, 3, 1))
        self.conv2 = nn.Conv(8, 16, 3, 1)           # 卷积层 2 (notebook: nn.Conv(32, 64, 3, 1))
        self.bn = nn.BatchNorm(16)                  # 批量归一化层 (notebook: nn.BatchNorm(64))

        self.max_pool = nn.Pool(2, 2)               # 池化层
        self.relu = nn.Relu()                       # 非线性激活函数 Relu
        self.fc1 = nn.Linear(16 * 12 * 12, 256)     # 线性全连接 1 (notebook: 64 * 12 * 12)
        self.fc2 = nn.Linear(256, 10)               # 线性全连接 2

    def execute(self, x):
        x = self.conv1(x)
        x = self.relu(x)

        x = self.conv2(x)
        x = self.bn(x)
        x = self.relu(x)

        x = self.max_pool(x)
        x = jt.reshape(x, [x.shape[0], -1])
        x = self.fc1(x)
        x = self.relu(x)
        x = self.fc2(x)
        return x


model = Model()

# 设置损失函数
loss_function = nn.CrossEntropyLoss()

# 设置优化器
learning_rate = 0.1
momentum = 0.9
weight_decay = 1e-4
optimizer = nn.SGD(model.parameters(), learning_rate, momentum, weight_decay)

batch_acc_record = []  # the case's: (epoch, batch_idx, acc) as test() computes it


# 训练函数
def train(model, train_loader, loss_function, optimizer, epoch):
    model.train()                                                       # 开启训练模式
    train_losses = list()                                              # 初始化 Loss 容器
    for batch_idx, (inputs, targets) in enumerate(train_loader):       # 按批次迭代数据
        outputs = model(inputs)
        loss = loss_function(outputs, targets)                         # 计算损失函数
        optimizer.step(loss)                                           # 对模型参数进行优化、更新
        train_losses.append(loss.item())                                      # 记录该批次的 Loss

        if batch_idx % 10 == 0:  # 每十个批次，打印一次训练集上的 Loss
            print('Train Epoch: {} [{}/{} ({:.0f}%)]\tLoss: {:.6f}'.format(  # noqa: UP032
                    epoch, batch_idx, len(train_loader),
                    100. * batch_idx / len(train_loader), loss.item()))
    return train_losses                                                # 返回本纪元的 Loss


# 测试函数
def test(model, val_loader, loss_function, epoch):
    model.eval()                                                       # 开启训练模式
    total_correct = 0                                                  # 本纪元预测正确总次数
    total_num = 0                                                      # 本纪元数据总数
    for batch_idx, (inputs, targets) in enumerate(val_loader):         # 按批次迭代数据
        outputs = model(inputs)
        pred = np.argmax(outputs.numpy(), axis=1)  # 选择最大相似度的为预测的数字值
        correct = np.sum(targets.numpy()==pred)  # 计算本批次中，正确预测的次数
        batch_size = inputs.shape[0]                                   # 计算本批次中，数据的总数目
        acc = correct / batch_size                                     # 计算本批次的正确率

        total_correct += correct  # 将本批次的正确预测次数记录到总数中
        total_num += batch_size  # 将本批次的数据数目记录到总数中

        if batch_idx % 10 == 0:  # 每十个批次，打印一次测试集上的准确率
            batch_acc_record.append((epoch, batch_idx, acc))           # the case's record line
            print('Test Epoch: {} [{}/{} ({:.0f}%)]\tAcc: {:.6f}'.format(epoch,  # noqa: UP032
                        batch_idx, len(val_loader),100. * float(batch_idx) / len(val_loader), acc))
    test_acc = total_correct / total_num                               # 计算本纪元的正确率
    print ('Total test acc =', test_acc)
    return test_acc


# 设置纪元数，并开始训练和测试模型
epochs = 5
train_losses = list()
test_acc = list()
for epoch in range(epochs):
    # 训练模型，并返回该纪元的 Loss 列表
    loss = train(model, train_loader, loss_function, optimizer, epoch)
    train_losses += loss
    acc = test(model, val_loader, loss_function, epoch)  # 测试模型，并返回该纪元的正确率
    test_acc.append(acc)

# (the loss and accuracy plots left out)

num = 9                                                       # 选择查看第几个数据的验证效果
for inputs, targets in val_loader:
    # (plt.imshow / plt.show left out)
    print("target:", targets[num].numpy()[0])                    # 打印该数据的真实标签值

    outputs = model(inputs)                                   # 模型根据输入数据进行预测
    pred = np.argmax(outputs.numpy(), axis=1)                    # 根据最大相似度得到预测值
    print("prediction:", pred[num])                           # 打印该数据的预测值
    break

# --- the truth: the notebook's own lists, as its loop filled them ---

per_epoch = len(train_loader)
assert len(train_losses) == epochs * per_epoch and len(test_acc) == epochs
printed_losses = [(index // per_epoch, value) for index, value in enumerate(train_losses)
                  if index % per_epoch % 10 == 0]
write_truth(
    "jittor", jt.__version__,
    "the MNIST tutorial notebook's own lists: train_losses (every batch's loss.item(), the "
    "printed Loss at batch_idx % 10 == 0), test_acc (total_correct / total_num an epoch); "
    "test()'s per-batch acc kept by one added line",
    {
        "Loss": series(printed_losses, "epoch", tolerance=5e-7),
        "test_acc": series([(epoch, acc) for epoch, _, acc in batch_acc_record], "epoch",
                           tolerance=5e-7),
        "Total_test_acc": series(list(enumerate(test_acc)), "epoch"),
    },
    notes=f"Loss: {per_epoch} batches an epoch, printed at batch_idx "
          f"{list(range(0, per_epoch, 10))} (the bracket's batch index, restarting each "
          f"epoch, no step); test_acc: {len(val_loader)} test batches, printed at "
          f"{sorted({b for _, b, _ in batch_acc_record})}")

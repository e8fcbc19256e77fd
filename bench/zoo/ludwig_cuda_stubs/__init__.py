"""Zoo venv-ludwig only: load stand-ins for libc10_cuda.so and libtorch_cuda.so so that
PyPI's torchvision/torchaudio wheels (built against CUDA torch) load their ops on the CPU
build of torch (see requirements-ludwig.txt)."""
import ctypes
import os

_here = os.path.dirname(__file__)
for _name in ("libc10_cuda.so", "libtorch_cuda.so"):
    ctypes.CDLL(os.path.join(_here, _name), mode=ctypes.RTLD_GLOBAL)

"""What a reading command loaded is left to the end of the process, not freed object by
object on the way out; everything else is freed as usual."""

from __future__ import annotations

import subprocess
import sys

CODE = """
import gc
import os
from exptrack.commands.options import keep_until_exit, without_gc

class Noisy:
    def __init__(self, name):
        self.name = name
    def __del__(self, write=os.write):  # works late in the interpreter's teardown too
        write(1, f"freed {self.name}\\n".encode())

@without_gc
def command():
    kept = keep_until_exit([Noisy("kept") for _ in range(3)])
    dropped = Noisy("dropped")
    return len(kept)

assert command() == 3
assert gc.isenabled()
os.write(1, b"returned\\n")
"""


def test_kept_runs_are_never_freed_and_the_rest_is() -> None:
    done = subprocess.run([sys.executable, "-c", CODE], capture_output=True, text=True,
                          timeout=60)
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines() == ["freed dropped", "returned"]

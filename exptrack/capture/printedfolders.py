"""The folders a run's output names as where it keeps its results, outside the working
folder (Ray Tune's ``View detailed results here: ~/ray_results/...``): ``PrintedFolders``
reads them from ``output.log`` as it grows, for ``metricfiles`` to search besides the
working folder. The regex is anchored on its fixed words and bounded: linear."""

from __future__ import annotations

import os
import re
from pathlib import Path

# Where a framework says it keeps a run's results, outside the working folder: Ray Tune's
# "View detailed results here: /home/me/ray_results/train_fn_2025-06-01_10-00-00" (its
# default storage is ~/ray_results), its older status table's "Result logdir: ..."
_PRINTED_FOLDER = re.compile(rb"(?:View detailed results here|Result logdir): "
                             rb"(/[^\r\n\x1b]{1,4096})")
OUTPUT_READ_MAX = 4 * 1024 * 1024  # new output read a scan, at most (a flood is skipped)
MAX_PRINTED_FOLDERS = 16


class PrintedFolders:
    """The folders the run's output names as where it keeps its results (``_PRINTED_FOLDER``),
    read from ``output.log`` as it grows: each look reads what was written since the last
    (at most ``OUTPUT_READ_MAX``), up to its last complete line."""

    def __init__(self, log: Path) -> None:
        self.log = log
        self.offset = 0
        self.folders: list[Path] = []

    def update(self) -> list[Path]:
        try:
            with open(self.log, "rb") as handle:
                size = os.fstat(handle.fileno()).st_size
                self.offset = max(self.offset, size - OUTPUT_READ_MAX)
                handle.seek(self.offset)
                data = handle.read(size - self.offset)
        except OSError:
            return self.folders
        end = data.rfind(b"\n") + 1  # a line still being written is read next time
        if end == 0 and len(data) > 65536:  # (a bar redrawn with "\r" alone, no "\n")
            end = len(data) - 4096
        self.offset += end
        for match in _PRINTED_FOLDER.finditer(data, 0, end):
            folder = Path(os.fsdecode(match.group(1).rstrip()))
            if folder not in self.folders and len(self.folders) < MAX_PRINTED_FOLDERS:
                self.folders.append(folder)  # (it may not be there yet)
        return self.folders

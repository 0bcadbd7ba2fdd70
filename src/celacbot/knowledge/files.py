"""Reading the knowledge files: regular files only, never more than a cap.

Opening a FIFO for reading waits for a writer, and a device can be endless: the thread that
reloads the knowledge would wedge on either, and /reload with it. So a file is opened without
blocking and checked with fstat, which describes what was opened, before a byte is read.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

_KINDS = (
    (stat.S_ISDIR, "a directory"),
    (stat.S_ISFIFO, "a named pipe (FIFO)"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISSOCK, "a socket"),
)


class NotARegularFileError(OSError):
    """The path names a directory, a FIFO, a device or a socket; `kind` says which."""

    def __init__(self, path: Path, kind: str) -> None:
        """`kind`: "a directory", "a named pipe (FIFO)" ..."""
        super().__init__(f"{path} is {kind}, not a regular file")
        self.kind = kind


def kind_of(mode: int) -> str:
    """What a file of this st_mode is, in words ("a regular file", "a directory" ...)."""
    return next((kind for test, kind in _KINDS if test(mode)), "a regular file")


def read_regular_file(path: Path, limit: int) -> bytes:
    """At most `limit` bytes of a regular file; NotARegularFileError for anything else, and
    OSError (FileNotFoundError, PermissionError ...) when it cannot be opened."""
    try:
        descriptor = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_CLOEXEC)
    except OSError as error:
        # A socket cannot be opened at all (ENXIO): say what it is, as for the others.
        try:
            mode = path.stat().st_mode
        except OSError:
            raise error from None
        if not stat.S_ISREG(mode):
            raise NotARegularFileError(path, kind_of(mode)) from None
        raise
    try:
        mode = os.fstat(descriptor).st_mode
    except BaseException:
        os.close(descriptor)
        raise
    if not stat.S_ISREG(mode):
        os.close(descriptor)
        raise NotARegularFileError(path, kind_of(mode))
    with os.fdopen(descriptor, "rb") as stream:
        return stream.read(limit)

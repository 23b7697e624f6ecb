"""Small filesystems for the tests: a full disk and a read-only folder.

As root (in a container, say) a tmpfs is mounted; elsewhere the tests that need one skip
with the reason. A read-only folder without root is a folder without write permission.
"""

from __future__ import annotations

import os
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest


def _mount(*args: str) -> None:
    subprocess.run(["mount", *args], check=True, capture_output=True, text=True)


@contextmanager
def tmpfs(where: Path, size: str) -> Iterator[Path]:
    """A small filesystem of its own at ``where`` (root only; skips otherwise)."""
    if os.geteuid() != 0:
        pytest.skip("needs root to mount a small tmpfs (a full disk is simulated with one)")
    where.mkdir(parents=True, exist_ok=True)
    try:
        _mount("-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(where))
    except (OSError, subprocess.CalledProcessError) as exc:
        pytest.skip(f"cannot mount a tmpfs here: {getattr(exc, 'stderr', exc)}")
    try:
        yield where
    finally:
        subprocess.run(["umount", "-l", str(where)], capture_output=True)


def fill(folder: Path, leave: int = 0) -> Path:
    """Fill the filesystem holding ``folder`` until about ``leave`` bytes are free."""
    filler = folder / ".filler"
    with open(filler, "wb") as fh:
        try:
            while True:
                st = os.statvfs(folder)
                free = st.f_bavail * st.f_frsize
                if free <= leave:
                    break
                fh.write(b"\0" * min(65536, max(4096, free - leave)))
                fh.flush()
        except OSError:
            pass
    return filler


def make_read_only(folder: Path) -> None:
    """No more writes under ``folder``: a read-only remount as root, else permissions."""
    if os.geteuid() == 0:
        _mount("-o", "remount,ro", str(folder))
    else:
        for path in [folder, *folder.rglob("*")]:
            path.chmod(0o555 if path.is_dir() else 0o444)


@contextmanager
def read_only_place(where: Path) -> Iterator[Path]:
    """A folder that can be filled, then made read-only with `make_read_only`."""
    if os.geteuid() == 0:
        with tmpfs(where, "16m") as path:
            yield path
        return
    where.mkdir(parents=True, exist_ok=True)
    try:
        yield where
    finally:
        for path in [where, *where.rglob("*")]:
            path.chmod(0o755 if path.is_dir() else 0o644)

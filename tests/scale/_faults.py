"""Fault injection for the Dask tests: a worker that dies on its first task."""

from __future__ import annotations

import os

from distributed import WorkerPlugin


class ExitOnFirstTask(WorkerPlugin):
    """Kill the worker process (``os._exit``) when the first matching task starts.

    Only one worker of the cluster dies, once: the first to create ``marker``
    (an atomic ``O_EXCL`` create). The marker records the pid and task key.
    """

    name = "detente-test-exit-on-first-task"

    def __init__(self, marker: str, *, prefix: str = "detente-code-") -> None:
        self.marker = marker
        self.prefix = prefix

    def transition(self, key, start, finish, **kwargs) -> None:  # type: ignore[no-untyped-def]
        if finish != "executing" or not str(key).startswith(self.prefix):
            return
        try:
            fd = os.open(self.marker, os.O_CREAT | os.O_EXCL | os.O_WRONLY)
        except FileExistsError:
            return
        os.write(fd, f"{os.getpid()} {key}".encode())
        os.close(fd)
        os._exit(1)

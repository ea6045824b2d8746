"""A worker process ends when the process that started it does.

After `kill -9` of `kbassist index`, its embedding workers (~180 MB each) and
multiprocessing's resource tracker ran on for minutes (issue #17): nothing
told them. Two ways, either suffices:

- Linux: `prctl(PR_SET_PDEATHSIG, SIGKILL)`, so the kernel kills the worker
  when its parent goes (strictly: when the parent's thread that started it
  ends; the jobs that start workers wait for them on that thread);
- anywhere: a thread waiting on the parent's sentinel (multiprocessing's
  handle that becomes ready when the parent process ends) ends the worker.

Once the workers are gone, the resource tracker sees its last writer close
and ends too.
"""
from __future__ import annotations

import ctypes
import multiprocessing
import multiprocessing.connection
import os
import signal
import sys
import threading

PR_SET_PDEATHSIG = 1


def die_with_parent() -> None:
    """Call first thing in a worker process started by multiprocessing."""
    parent = multiprocessing.parent_process()
    if parent is None:
        return
    if sys.platform.startswith("linux"):
        try:
            ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
        except (OSError, AttributeError):
            pass  # the watching thread below still ends the worker
        if os.getppid() != parent.pid:  # the parent died before prctl took effect
            os._exit(1)
    threading.Thread(target=_exit_when_gone, args=(parent.sentinel,), name="parent-watch", daemon=True).start()


def _exit_when_gone(sentinel) -> None:
    multiprocessing.connection.wait([sentinel])
    os._exit(1)

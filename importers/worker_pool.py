"""Decoder processes that each hold one file at a time, so a fault costs exactly that file.

A `concurrent.futures` pool cannot say which file killed a worker, and cannot stop a file that
never ends. Here every worker takes one file, answers, and takes the next; the parent knows what
each one holds. A worker that dies (native crash, out-of-memory kill) or overruns the per-file
time limit is replaced and only its file fails; the others go on. Workers are spawned (never
forked from a process holding SQLite or Qt), start while the folder is still being scanned, and
load only what decoding needs. Each worker also runs under an address-space limit, so a file that
would need gigabytes fails on its own instead of bringing the machine to its knees.
"""

from __future__ import annotations

import contextlib
import hashlib
import importlib
import multiprocessing
import signal
import time
from collections import deque
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from multiprocessing.connection import Connection, wait

from importers.decode_worker import Decoded
from importers.sources import Candidate, read_candidate

QUEUE_DEPTH = 2  # files sent ahead to a worker, so it never waits for the parent between files
FILE_TIME_LIMIT_S = 120.0  # a 64 MB file through the tolerant decoder takes about 30 s
WORKER_ADDRESS_SPACE = 3 * 1024**3  # bytes of virtual memory a worker may map (RSS stays far below)
WORKER_MODULE = "importers.decode_worker"


@dataclass
class _Worker:
    """A worker process and the files it holds, oldest first: the first is the one it is on."""

    process: multiprocessing.process.BaseProcess
    conn: Connection
    held: deque[Candidate] = field(default_factory=deque)
    deadline: float = 0.0  # when the file it is on overruns the time limit


def _serve(conn: Connection, module_name: str, known: frozenset[str], failed: dict) -> None:
    """Worker process main loop: one candidate in, one `Decoded` out, until told to stop."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    _limit_address_space()
    module = importlib.import_module(module_name)
    module.init_worker(known, failed)
    while True:
        try:
            c = conn.recv()
        except (EOFError, OSError):  # the parent is gone
            return
        if c is None:
            return
        decoded = module.decode(c)
        try:
            conn.send(decoded)
        except Exception as exc:  # a result that cannot be sent still answers for its file
            conn.send(_failure(c, f"the decoder's result could not be passed on ({exc})"))


def _limit_address_space() -> None:
    """A last guard against a file that would need gigabytes: allocations beyond the limit fail
    in this worker (that file fails) instead of pushing the machine into swap."""
    try:
        import resource
    except ImportError:  # Windows: no rlimits; the time limit still applies
        return
    try:
        soft, hard = resource.getrlimit(resource.RLIMIT_AS)
        cap = (
            WORKER_ADDRESS_SPACE
            if hard == resource.RLIM_INFINITY
            else min(hard, WORKER_ADDRESS_SPACE)
        )
        if soft == resource.RLIM_INFINITY or soft > cap:
            resource.setrlimit(resource.RLIMIT_AS, (cap, hard))
    except (ValueError, OSError):  # macOS refuses address-space limits
        return


def _failure(c: Candidate, reason: str) -> Decoded:
    """The file's failure, with its hash when it can be read, so a re-run skips it unchanged."""
    try:
        sha = hashlib.sha256(read_candidate(c)).hexdigest()
    except (OSError, ValueError, EOFError):
        sha = ""
    return Decoded(c.path, c.size, c.mtime, c.kind, sha256=sha, error=reason)


class DecodePool:
    """`workers` decoder processes; `decode_all(candidates)` yields one `Decoded` per candidate.

    `load` turns a candidate into something a worker can read (archive members are read in the
    parent), or into a `Decoded` failure. Not thread-safe: one thread drives it.
    """

    def __init__(
        self,
        workers: int,
        known: frozenset[str],
        failed: dict[str, str],
        *,
        module: str = WORKER_MODULE,
        time_limit_s: float = FILE_TIME_LIMIT_S,
    ) -> None:
        self._ctx = multiprocessing.get_context("spawn")
        self._args = (module, known, failed)
        self.time_limit_s = time_limit_s
        self.replaced = 0  # workers that died or overran and were replaced
        self._workers = [self._start() for _ in range(max(1, workers))]

    def _start(self) -> _Worker:
        parent, child = self._ctx.Pipe()
        proc = self._ctx.Process(target=_serve, args=(child, *self._args), daemon=True)
        proc.start()
        child.close()
        return _Worker(proc, parent)

    def decode_all(
        self,
        candidates: Iterator[Candidate],
        load: Callable[[Candidate], Candidate | Decoded],
        should_stop: Callable[[], bool] = lambda: False,
    ) -> Iterator[Decoded]:
        """Decode every candidate; stops handing out files once `should_stop()` is true."""
        ready: deque[Decoded] = deque()
        self._requeued: deque[Candidate] = deque()
        source = iter(candidates)
        exhausted = False
        while True:
            while ready:
                yield ready.popleft()
            if not should_stop() and (self._requeued or not exhausted):
                exhausted = self._hand_out(source, load, ready) and not self._requeued
            busy = [w for w in self._workers if w.held]
            if not busy:
                if ready or (self._requeued and not should_stop()):
                    continue
                return
            ready.extend(self._collect(busy))

    def _hand_out(self, source, load, ready: deque[Decoded]) -> bool:
        """Fill every worker's queue; True once the candidates are used up."""
        for w in sorted(self._workers, key=lambda w: len(w.held)):
            while len(w.held) < QUEUE_DEPTH:
                if self._requeued:
                    loaded = self._requeued.popleft()
                else:
                    c = next(source, None)
                    if c is None:
                        return True
                    loaded = load(c)
                    if isinstance(loaded, Decoded):
                        ready.append(loaded)
                        continue
                self._send(w, loaded)
        return False

    def _send(self, w: _Worker, loaded: Candidate) -> None:
        try:
            w.conn.send(loaded)
        except OSError:  # the worker died: what it held goes back, a fresh one takes over
            self._requeued.extend(w.held)
            self._replace(w)
            w.conn.send(loaded)
        if not w.held:
            w.deadline = time.monotonic() + self.time_limit_s
        w.held.append(loaded)

    def _collect(self, busy: list[_Worker]) -> list[Decoded]:
        """Wait for the first answer, death or time-out among the busy workers."""
        timeout = max(0.0, min(w.deadline for w in busy) - time.monotonic())
        by_handle = {}
        for w in busy:
            by_handle[w.conn] = w
            by_handle[w.process.sentinel] = w
        out = []
        for handle in wait(list(by_handle), timeout=timeout):
            w = by_handle[handle]
            if w.held and (handle is w.conn or handle is w.process.sentinel):
                out.append(self._answer(w))
        now = time.monotonic()
        for w in busy:
            if w.held and now >= w.deadline:
                limit = f"{self.time_limit_s:.0f} s"
                out.append(_failure(w.held[0], f"decoding took longer than {limit}; stopped"))
                self._lose(w)
        return out

    def _answer(self, w: _Worker) -> Decoded:
        c = w.held[0]
        try:
            if w.conn.poll():
                decoded = w.conn.recv()
                w.held.popleft()
                w.deadline = time.monotonic() + self.time_limit_s
                return decoded
        except (EOFError, OSError):
            pass
        code = w.process.exitcode
        self._lose(w)
        how = f"exit code {code}" if code is not None else "no answer"
        return _failure(
            c, f"the decoder process stopped on this file ({how}: a crash or out of memory)"
        )

    def _lose(self, w: _Worker) -> None:
        """The worker's current file failed: the files queued behind it go to the others."""
        w.held.popleft()
        self._requeued.extend(w.held)
        self._replace(w)

    def _replace(self, w: _Worker) -> None:
        w.process.kill()
        w.process.join(5)
        w.conn.close()
        fresh = self._start()
        w.process, w.conn, w.held, w.deadline = fresh.process, fresh.conn, deque(), 0.0
        self.replaced += 1

    def close(self) -> None:
        """Stop every worker: an idle one is asked to stop, a busy one (cancel) is killed."""
        for w in self._workers:
            if w.held:
                w.process.kill()
                continue
            with contextlib.suppress(OSError):
                w.conn.send(None)
        deadline = time.monotonic() + 2.0
        for w in self._workers:
            w.process.join(max(0.0, deadline - time.monotonic()))
            if w.process.is_alive():
                w.process.kill()
                w.process.join(5)
            w.conn.close()

    def __enter__(self) -> DecodePool:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

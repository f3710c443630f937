"""Where a run's independent work happens: in this process, or on a Dask cluster.

A night's expensive work splits into pieces that need nothing from one another: extracting
and embedding a batch of articles, and checking one story. A `Runner` maps a task over such
pieces and returns the results in order. `InProcess` runs them here, one after another;
`OnDask` sends them to a dask.distributed cluster (an existing scheduler, or a LocalCluster
of worker processes on this machine), whose workers each load and verify the embedding model
once. What needs the whole run stays with the caller: reading the drafts (boilerplate is
recognised by repetition across them), grouping articles into stories, the archive's one
transaction, the reports.

Answers do not depend on where the work ran: the pieces are the same, each sentence's vector
is the same whatever batch it is embedded in (checked for the bundled model, bit for bit),
and results come back in the order the pieces were given.
"""

from __future__ import annotations

import os
import socket
import warnings
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Protocol, TypeVar

from factcheck.embed import Embedder, load_embedder
from factcheck.embed.onnx_runtime import THREADS_VARIABLE
from factcheck.story_cache import code_fingerprint

if TYPE_CHECKING:
    from distributed import Client

T = TypeVar("T")
R = TypeVar("R")
Task = Callable[[T, Embedder], R]
Track = Callable[[Iterable[Any], str, int], Iterable[Any]]
CONNECT_SECONDS = 10


class RunnerError(RuntimeError):
    """A cluster that cannot be used (said in one line, naming the address)."""


@dataclass(frozen=True)
class EmbedderSpec:
    """What a worker loads: the same arguments the command line gives `load_embedder`, and
    the client's code fingerprint, which a worker's factcheck must match (a worker with
    other rules would give other answers)."""

    model: str | None = None
    backend: str = "onnx"
    code: str = field(default_factory=code_fingerprint)


def no_progress(items: Iterable[Any], description: str, total: int) -> Iterable[Any]:
    return items


class Runner(Protocol):
    # Articles per extraction task: one here (the progress bar moves per article), more on a
    # cluster, where each task costs a round trip.
    articles_per_task: int

    def map(self, task: Task, items: Sequence[T], description: str = "") -> list[R]: ...

    def close(self) -> None: ...


class InProcess:
    """Every piece in this process, in order, with the embedder already loaded here."""

    articles_per_task = 1

    def __init__(self, embedder: Embedder, track: Track = no_progress) -> None:
        self.embedder, self.track = embedder, track

    def map(self, task: Task, items: Sequence[T], description: str = "") -> list[R]:
        return [task(item, self.embedder) for item in self.track(items, description, len(items))]

    def close(self) -> None:
        return None


class OnDask:
    """Pieces as Dask tasks. A worker that dies has its tasks run again elsewhere (Dask's
    own retry); a task that fails on every try ends the run with its error."""

    articles_per_task = 16

    def __init__(self, client: Client, spec: EmbedderSpec, owns_cluster: bool, track: Track = no_progress) -> None:
        from distributed.diagnostics.plugin import WorkerPlugin

        class ModelOnEachWorker(WorkerPlugin):
            """Load (and verify) the model when a worker starts, not on its first task."""

            name = "factcheck-model"

            def setup(self, worker: Any) -> None:
                worker_embedder(spec)

        self.client, self.spec, self._owns_cluster, self.track = client, spec, owns_cluster, track
        client.register_plugin(ModelOnEachWorker())

    def map(self, task: Task, items: Sequence[T], description: str = "") -> list[R]:
        if not items:
            return []
        from distributed import as_completed

        with warnings.catch_warnings():
            # The pieces travel inside the task graph (a night's story checks carry megabytes
            # of vectors), so that a piece whose worker dies can be run again elsewhere:
            # scattered data would die with its worker.
            warnings.filterwarnings("ignore", message="Sending large graph", category=UserWarning)
            futures = self.client.map(_on_worker, list(items), task=task, spec=self.spec, pure=False, retries=1)
        for _ in self.track(as_completed(futures, loop=self.client.loop), description, len(futures)):
            pass
        return self.client.gather(futures)

    def close(self) -> None:
        cluster = self.client.cluster if self._owns_cluster else None
        self.client.close()
        if cluster is not None:
            cluster.close()


def probe(address: str) -> None:
    """Fail at once, in one line, when nothing listens at a tcp:// scheduler address (Dask's
    own client would keep retrying for CONNECT_SECONDS)."""
    scheme, _, location = address.rpartition("://")
    if scheme not in ("", "tcp"):
        return
    host, _, port = location.rpartition(":")
    try:
        socket.create_connection((host.strip("[]") or "127.0.0.1", int(port)), timeout=3).close()
    except ValueError:
        raise RunnerError(f"--dask {address}: not a scheduler address (tcp://HOST:PORT)") from None
    except OSError as error:
        raise RunnerError(f"no Dask scheduler reachable at {address} ({error.strerror or error}); nothing was checked") from None


def connect(address: str | None, workers: int | None, spec: EmbedderSpec, track: Track = no_progress) -> OnDask:
    """A runner on the scheduler at `address`, or on a LocalCluster of `workers` processes
    (one thread each: the model runtime already uses the cores it is given)."""
    try:
        from distributed import Client, LocalCluster
    except ImportError:
        raise RunnerError("--dask and --workers need Dask: pip install 'factcheck[dask]'") from None
    if address:
        probe(address)
        try:
            client = Client(address, timeout=CONNECT_SECONDS, set_as_default=False)
        except (OSError, TimeoutError) as error:
            raise RunnerError(f"no Dask scheduler reachable at {address} ({_reason(error)}); nothing was checked") from None
        return _started(client, spec, owns_cluster=False, track=track)
    # Each worker process's model runtime gets its share of this machine's cores (the nannies
    # pass it on to a worker they restart, too).
    threads = str(max(1, (os.cpu_count() or 1) // (workers or 1)))
    cluster = LocalCluster(
        n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None, silence_logs=50, env={THREADS_VARIABLE: threads}
    )
    try:
        client = Client(cluster, set_as_default=False)
    except BaseException:
        cluster.close()
        raise
    return _started(client, spec, owns_cluster=True, track=track)


def _started(client: Client, spec: EmbedderSpec, owns_cluster: bool, track: Track) -> OnDask:
    """The runner, once every worker has loaded the model; a worker that cannot (another
    factcheck, a model it cannot find or verify) is one line, and the cluster is closed."""
    try:
        return OnDask(client, spec, owns_cluster=owns_cluster, track=track)
    except BaseException as error:
        cluster = client.cluster if owns_cluster else None
        client.close()
        if cluster is not None:
            cluster.close()
        if isinstance(error, RunnerError) or not isinstance(error, Exception):
            raise
        raise RunnerError(f"a Dask worker could not start: {_reason(error)}") from None


_LOADED: dict[EmbedderSpec, Embedder] = {}


def worker_embedder(spec: EmbedderSpec) -> Embedder:
    """The embedder of this worker process, loaded once (the bundled model's weights are
    verified against their checksum as they load, as on the client)."""
    if spec not in _LOADED:
        if code_fingerprint() != spec.code:
            raise RunnerError("a Dask worker runs another version of factcheck than this client; install the same version on every worker")
        _LOADED[spec] = load_embedder(spec.model, spec.backend).embedder
    return _LOADED[spec]


def _on_worker(item: T, task: Task, spec: EmbedderSpec) -> R:
    return task(item, worker_embedder(spec))


def _reason(error: BaseException) -> str:
    text = " ".join(str(error).split())
    return text[:160] or type(error).__name__

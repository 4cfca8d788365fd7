"""A total deadline per request: ``timeout`` limits the whole request, not each socket read.

A socket timeout only bounds the wait for the *next* bytes, so a server that sends one byte a
second holds a request for as long as it likes. :class:`Deadline` arms a timer when a request
starts; the HTTP(S) handlers of :func:`deadline_opener` register every socket they open with the
deadline of the request running in their thread, and when the timer fires those sockets are shut
down, which wakes the blocked read at once (the same idea as an overall ``timeout`` in httpx or
``total`` in aiohttp, done here with the standard library because urllib has none).
"""

from __future__ import annotations

import http.client
import socket
import threading
import time
import urllib.request

__all__ = ["Deadline", "deadline_opener"]

_current = threading.local()


class Deadline:
    """``seconds`` from now; :meth:`start` arms it, :meth:`cancel` disarms it. Use as a context manager.

    Parameters
    ----------
    seconds : float
        The time the whole request may take (connection, headers and body).
    """

    def __init__(self, seconds: float):
        self.seconds = float(seconds)
        self.expired = False
        self._socks: list[socket.socket] = []
        self._lock = threading.Lock()
        self._timer: threading.Timer | None = None
        self._end = 0.0

    def remaining(self) -> float:
        """Seconds left (never below a millisecond, so it can be passed as a socket timeout)."""
        return max(self._end - time.monotonic(), 0.001)

    def register(self, sock) -> None:
        """Shut ``sock`` down when the deadline passes (at once if it has passed)."""
        with self._lock:
            self._socks.append(sock)
            expired = self.expired
        if expired:
            _shutdown(sock)

    def _expire(self) -> None:
        with self._lock:
            self.expired = True
            socks = list(self._socks)
        for s in socks:
            _shutdown(s)

    def __enter__(self) -> "Deadline":
        self._end = time.monotonic() + self.seconds
        self._timer = threading.Timer(self.seconds, self._expire)
        self._timer.daemon = True
        self._timer.start()
        _current.deadline = self
        return self

    def __exit__(self, *exc) -> None:
        if self._timer is not None:
            self._timer.cancel()
        _current.deadline = None


def _shutdown(sock) -> None:
    try:
        sock.shutdown(socket.SHUT_RDWR)
    except (OSError, ValueError):  # already closed, or its descriptor moved to an SSL socket
        pass


def _registering(create):
    """``socket.create_connection`` that registers the new socket with the thread's current deadline."""
    def create_connection(*args, **kwargs):
        sock = create(*args, **kwargs)
        dl = getattr(_current, "deadline", None)
        if dl is not None:
            dl.register(sock)
        return sock
    return create_connection


class _HTTPConnection(http.client.HTTPConnection):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._create_connection = _registering(self._create_connection)


class _HTTPSConnection(http.client.HTTPSConnection):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._create_connection = _registering(self._create_connection)

    def connect(self):
        super().connect()
        dl = getattr(_current, "deadline", None)
        if dl is not None:  # the TLS socket took over the descriptor of the plain one
            dl.register(self.sock)


class _HTTPHandler(urllib.request.HTTPHandler):
    def http_open(self, req):
        return self.do_open(_HTTPConnection, req)


class _HTTPSHandler(urllib.request.HTTPSHandler):
    def https_open(self, req):
        return self.do_open(_HTTPSConnection, req, context=self._context)


def deadline_opener(*handlers) -> urllib.request.OpenerDirector:
    """:func:`urllib.request.build_opener` with HTTP(S) handlers whose sockets obey :class:`Deadline`."""
    return urllib.request.build_opener(_HTTPHandler(), _HTTPSHandler(), *handlers)

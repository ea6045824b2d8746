"""The suite's own guard: nothing but loopback and local sockets can be reached from a test."""
from __future__ import annotations

import socket
import threading

import pytest


def test_a_connect_to_another_host_is_refused_and_recorded(no_network):
    with pytest.raises(OSError, match="network access blocked"):
        socket.create_connection(("192.0.2.1", 443), timeout=1)  # TEST-NET-1: never routed
    assert no_network == ["connect ('192.0.2.1', 443)"]
    no_network.clear()  # recorded attempts fail the test at teardown; this one was the point


def test_a_name_lookup_is_refused_and_recorded(no_network):
    with pytest.raises(socket.gaierror):
        socket.getaddrinfo("example.com", 443)
    assert no_network == ["getaddrinfo 'example.com'"]
    no_network.clear()


def test_loopback_and_local_sockets_still_work(no_network):
    server = socket.create_server(("127.0.0.1", 0))
    accepted = threading.Thread(target=lambda: server.accept()[0].close())
    accepted.start()
    with socket.create_connection(server.getsockname(), timeout=5):
        pass
    accepted.join(5)
    server.close()
    left, right = socket.socketpair()
    left.sendall(b"x")
    assert right.recv(1) == b"x"
    left.close()
    right.close()
    assert socket.getaddrinfo("localhost", 80) and no_network == []

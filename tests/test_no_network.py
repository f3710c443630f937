"""The whole pipeline with sockets blocked: users' machines are often offline, and a draft
must never leave the building.

Runs in a fresh interpreter so every import, the model's checksum, any one-time export and the
model load all happen under the block; any attempt to open a connection or resolve a host is
recorded and refused.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

SEEDS = Path(__file__).resolve().parents[1] / "seeds"

BLOCKED_RUN = """
import socket, sys

attempts = []

def refuse(*args, **kwargs):
    attempts.append(repr(args[:2]))
    raise OSError("network blocked by test")

socket.socket.connect = refuse
socket.socket.connect_ex = refuse
socket.create_connection = refuse
socket.getaddrinfo = refuse

from factcheck.cli import main

sys.argv = ["factcheck", *sys.argv[1:]]
try:
    main()
finally:
    if attempts:
        sys.stderr.write("NETWORK ATTEMPTS: " + "; ".join(attempts) + "\\n")
"""


@pytest.mark.model
@pytest.mark.parametrize("backend", ["onnx", "torch"])
def test_check_runs_end_to_end_with_sockets_blocked(tmp_path, backend):
    report = tmp_path / "seeds.json"
    done = subprocess.run(
        [sys.executable, "-c", BLOCKED_RUN, "check", str(SEEDS), "--backend", backend, "--format", "json", "-o", str(report), "--claims", str(tmp_path / "claims")],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert done.returncode == 1, done.stderr  # 1: the seeds' reported finding, as gated
    assert "NETWORK ATTEMPTS" not in done.stderr and "fell back" not in done.stderr, done.stderr
    findings = json.loads(report.read_text(encoding="utf-8"))["findings"]
    assert any(f["rule"] == "name-variant" and "Ms Turnbull" in f["message"] for f in findings)


def test_the_block_itself_refuses_a_connection(tmp_path):
    """Guards the guard: a run that does touch the network is caught."""
    probe = BLOCKED_RUN.replace("from factcheck.cli import main", "import urllib.request\ntry:\n    urllib.request.urlopen('http://example.com', timeout=1)\nexcept OSError:\n    pass\nfrom factcheck.cli import main")
    done = subprocess.run([sys.executable, "-c", probe, "--help"], capture_output=True, text=True, timeout=60)
    assert "NETWORK ATTEMPTS" in done.stderr

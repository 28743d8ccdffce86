"""The package layout: `threading/` must never shadow the standard library."""

from __future__ import annotations

import subprocess
import sys

from conftest import REPO


def test_threading_dir_is_a_namespace_subpackage():
    assert not (REPO / "threading" / "__init__.py").exists()


def test_import_threading_from_repo_root_is_stdlib():
    code = (
        "import threading, sysconfig, pathlib;"
        "std = pathlib.Path(sysconfig.get_paths()['stdlib']);"
        "f = pathlib.Path(threading.__file__);"
        "print(f.parent == std, hasattr(threading, 'Thread'))"
    )
    # "" first on sys.path, exactly as `python -c` from the repo root has it
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, check=True
    )
    assert out.stdout.split() == ["True", "True"]
    assert out.stderr == ""


def test_reconstructor_does_not_import_textual():
    code = (
        "import sys, pkgutil, importlib, threadloom.threading as t;"
        "mods = pkgutil.walk_packages(t.__path__, t.__name__ + '.');"
        "[importlib.import_module(m.name) for m in mods];"
        "print(sorted(m for m in sys.modules if m.split('.')[0] == 'textual'))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_python_dash_m_runs_the_cli():
    out = subprocess.run(
        [sys.executable, "-m", "threadloom.tui", "print", "--help"],
        capture_output=True, text=True, check=True,
    )
    assert "examples:" in out.stdout


def test_samples_ship_as_package_data():
    from threadloom.data import SAMPLES, sample_bytes

    for name in SAMPLES:
        assert sample_bytes(name).startswith(b"Klarna") or sample_bytes(name)[:4] == b"Fung"

"""The engine stays pure Python: it imports nothing but the standard library."""

from __future__ import annotations

import ast
import sys
from pathlib import Path

import commonbonds.treaties.engine as engine

ENGINE = Path(engine.__file__).parent


def test_engine_imports_only_the_standard_library():
    outside = []
    for path in sorted(ENGINE.glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0:
                names = [node.module or ""]
            else:
                continue
            outside += [
                f"{path.name}: {name}"
                for name in names
                if name.split(".")[0] not in sys.stdlib_module_names and name != "__future__"
            ]
    assert outside == []

"""The import contract: layers import only downwards, no cycles, and only the CLI imports click.

    crawl facts (store, agencies, urls, vocabulary, lock)
      ← page understanding (crawler.extract)
      ← crawling and probing (spider, pipelines, middlewares, run, probe, schedule …)
      ← checks ← reports ← CLI (cli.py, commands/)

Every import counts, including those inside functions and under ``TYPE_CHECKING``: an import
deferred to dodge a cycle is still a cycle of the design.
"""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("crawler", "checks", "reports", "commands")
FACTS = {"crawler", "crawler.store", "crawler.agencies", "crawler.urls", "crawler.vocabulary", "crawler.lock",
         "crawler.timewindows"}
LAYERS = ["crawl facts", "page understanding", "crawling", "checks", "reports", "cli"]


def module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def project_modules() -> dict[str, Path]:
    found = {"cli": ROOT / "cli.py"}
    for package in PACKAGES:
        for path in (ROOT / package).rglob("*.py"):
            found[module_name(path)] = path
    return found


def layer(module: str) -> int:
    if module == "cli" or module.startswith("commands"):
        return 5
    if module.startswith("reports"):
        return 4
    if module.startswith("checks"):
        return 3
    if module.startswith("crawler.extract"):
        return 1
    if module in FACTS:
        return 0
    return 2


def imports_of(path: Path, modules: dict[str, Path]) -> set[str]:
    """Project modules and third-party top-level names imported anywhere in ``path``."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            for alias in node.names:
                name = alias.name
                while name not in modules and "." in name:
                    name = name.rsplit(".", 1)[0]
                found.add(name if name in modules else alias.name.split(".")[0])
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            if node.module in modules:
                subs = [f"{node.module}.{a.name}" for a in node.names]
                hits = [s for s in subs if s in modules]
                found.update(hits)
                if len(hits) < len(subs):
                    found.add(node.module)
            else:
                found.add(node.module.split(".")[0])
    return found


def graph() -> dict[str, set[str]]:
    modules = project_modules()
    return {name: imports_of(path, modules) for name, path in modules.items()}


def test_layers_import_only_downwards():
    modules = project_modules()
    wrong = sorted(f"{src} ({LAYERS[layer(src)]}) imports {dst} ({LAYERS[layer(dst)]})"
                   for src, targets in graph().items() for dst in targets
                   if dst in modules and layer(dst) > layer(src))
    assert not wrong, "\n".join(wrong)


def test_only_the_cli_layer_imports_click():
    wrong = sorted(src for src, targets in graph().items() if "click" in targets and layer(src) != 5)
    assert not wrong, wrong


def test_no_import_cycles():
    edges = {src: {dst for dst in targets if dst in project_modules() and dst != src}
             for src, targets in graph().items()}
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    cycles: list[list[str]] = []

    def visit(node: str) -> None:  # Tarjan's strongly connected components
        index[node] = low[node] = len(index)
        stack.append(node)
        for nxt in edges[node]:
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            component = []
            while True:
                item = stack.pop()
                component.append(item)
                if item == node:
                    break
            if len(component) > 1:
                cycles.append(sorted(component))

    for node in sorted(edges):
        if node not in index:
            visit(node)
    assert not cycles, cycles


def test_no_module_is_over_400_lines():
    big = {name: n for name, path in project_modules().items()
           if name != "cli" and (n := len(path.read_text(encoding="utf-8").splitlines())) > 420}
    assert not big, big

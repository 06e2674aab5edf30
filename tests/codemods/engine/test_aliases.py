"""Other words a file uses for the names a recipe looks for."""

from __future__ import annotations

import ast

from codemods.engine.aliases import local_aliases
from codemods.engine.chunks import statements

NAMES, MODULES = ("UnifiedIdGenerator",), ("shared.id_generation",)


def aliases(source: str) -> set[str]:
    return local_aliases(statements(ast.parse(source).body), NAMES, MODULES)


def test_imports_instances_and_fixtures_are_aliases():
    found = aliases(
        "from shared.id_generation import UnifiedIdGenerator as IdGen\n"
        "import shared.id_generation as ids\n"
        "gen = IdGen()\n"
        "class T:\n"
        "    def setup(self):\n"
        "        self.maker = UnifiedIdGenerator()\n"
        "def generator_fixture():\n"
        "    return IdGen()\n"
    )
    assert found == {"IdGen", "ids", "gen", "maker", "generator_fixture"}


def test_a_class_alias_bound_before_the_import_that_makes_it_one():
    """The second round: ``G = IdGen`` reads a name only the later import makes an alias."""
    found = aliases("G = IdGen\n"
                    "def make():\n    return G()\n"
                    "from shared.id_generation import UnifiedIdGenerator as IdGen\n")
    assert found == {"IdGen", "G", "make"}


def test_a_file_without_any_alias_has_none():
    assert aliases("import os\nx = os.getcwd()\ndef f():\n    return x\n") == set()

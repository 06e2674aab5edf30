"""Rewritten statements are laid out by black when they no longer fit."""

import libcst as cst

from codemods.engine.wrapping import fit_statement, too_long, with_magic_comma

LONG = ('self.agent_id = get_id_manager().generate_id(IDType.AGENT, '
        'prefix=f"agent_{self.agent_type}_{user_id[:8]}")  # expect: format\n')


def fitted(code: str, indent: int = 8, limit: int = 88, force: bool = False, newline: str = "\n") -> str:
    module = cst.parse_module(code.replace("\n", newline))
    statement = module.body[-1]
    return module.code_for_node(fit_statement(statement, module, indent, limit, force))


def test_a_statement_that_fits_is_left_alone():
    code = "x = get_id_manager().generate_id(IDType.USER)  # keep 'quotes'\n"
    assert fitted(code) == code


def test_a_long_statement_is_wrapped_black_style_keeping_quotes_and_comment():
    out = fitted(LONG)
    assert out == (
        "self.agent_id = get_id_manager().generate_id(\n"
        "    IDType.AGENT, prefix=f\"agent_{self.agent_type}_{user_id[:8]}\"\n"
        ")  # expect: format\n"
    )
    assert not too_long(out.split("  #")[0], 8, 88)


def test_the_same_statement_is_laid_out_by_black_once(monkeypatch):
    import black

    from codemods.engine import wrapping

    wrapping._black.cache_clear()
    calls = []
    real = black.format_str
    monkeypatch.setattr(black, "format_str", lambda code, mode: calls.append(code) or real(code, mode=mode))
    first, again = fitted(LONG), fitted(LONG)
    assert first == again and len(calls) == 1
    fitted(LONG, indent=4)
    assert len(calls) == 2, "another width is asked again"


def test_the_configured_limit_counts_the_indentation():
    assert len(LONG) < 130
    assert fitted(LONG, indent=0, limit=130) == LONG
    assert fitted(LONG, indent=24, limit=130) != LONG


def test_a_magic_trailing_comma_keeps_a_call_spanning_lines():
    module = cst.parse_module("x = f(a, b)\n")
    call = module.body[0].body[0].value
    spread = module.body[0].with_deep_changes(module.body[0].body[0], value=with_magic_comma(call))
    out = module.code_for_node(fit_statement(spread, module, 0, 88, force=True))
    assert out == "x = f(\n    a,\n    b,\n)\n"


def test_comments_above_are_kept_and_crlf_stays_crlf():
    code = "import x\n\n# why this ID\n" + LONG
    out = fitted(code, newline="\r\n")
    assert out.startswith("\r\n# why this ID\r\n")
    assert "\n" not in out.replace("\r\n", "")


def test_a_long_manager_import_is_laid_out_and_others_are_not():
    from codemods.engine.wrapping import lay_out_imports

    long = "from netra_backend.app.core.unified_id_manager import IDType, UnifiedIDManager, get_id_manager\n"
    other = "from somewhere.far.away.entirely.elsewhere import alpha, beta, gamma, delta, epsilon, zeta\n"
    module = cst.parse_module(other + long + "\n\ndef f():\n    " + long)
    out = lay_out_imports(module, "netra_backend.app.core.unified_id_manager", 88).code
    assert out.startswith(other)
    assert "import (\n    IDType,\n    UnifiedIDManager,\n    get_id_manager,\n)\n" in out
    assert "    from netra_backend.app.core.unified_id_manager import (\n        IDType,\n" in out
    assert all(len(line) <= 88 for line in out.splitlines()[1:])


def test_comments_inside_a_statement_do_not_make_it_too_long():
    code = ('record = {\n'
            '    "execution_id": get_id_manager().generate_id(IDType.EXECUTION),  # expect: exact, and a long note\n'
            '    "kind": kind,\n'
            '}\n')
    assert fitted(code, indent=8) == code


# ---- only statements with an applied rewrite are laid out (through the generator transformer)
from codemods.engine.transform import FileSettings, transform_source  # noqa: E402
from codemods.generator.rules import RuleSet  # noqa: E402

HEAD = "from shared.id_generation import UnifiedIdGenerator\n\nx = UnifiedIdGenerator.generate_base_id(\"user\")\n"
MANUAL_ONLY = ("result = some_function_with_a_long_name(first_argument_value, second_argument_value, "
               "UnifiedIdGenerator.generate_base_id(prefix))\n")
MIXED = ("both = some_function_with_a_long_name(UnifiedIdGenerator.generate_base_id(\"user\"), "
         "UnifiedIdGenerator.generate_base_id(prefix), third_argument)\n")
MIXED_SPREAD = ("both = combine(UnifiedIdGenerator.generate_base_id(\n"
                "            \"user\"), UnifiedIdGenerator.generate_base_id(\n"
                "    prefix))\n")


def migrated(source: str, overrides=()) -> tuple[str, list]:
    result = transform_source(source.encode(), "svc/m.py", FileSettings(RuleSet(), "shared.id_manager",
                                                                        overrides=overrides))
    return result.new_source.decode(), result.findings


def test_a_long_statement_holding_only_a_manual_site_is_left_exactly_as_it_was():
    out, findings = migrated(HEAD + MANUAL_ONLY)
    assert [f.code for f in findings] == ["IDM001", "IDM006"]
    assert MANUAL_ONLY in out


def test_a_long_statement_holding_only_a_rejected_site_is_left_exactly_as_it_was():
    source = HEAD + MANUAL_ONLY.replace("generate_base_id(prefix)", 'generate_base_id("zzz")')
    plain, findings = migrated(source)
    line, column = findings[1].line, findings[1].column
    out, findings = migrated(source, ((line, column, "reject", ""),))
    assert [f.code for f in findings] == ["IDM001", "IDM093"]
    assert source.splitlines()[-1] + "\n" in out


def test_a_statement_with_an_applied_and_a_kept_site_is_laid_out_when_the_kept_text_survives():
    out, _ = migrated(HEAD + MIXED)
    assert ("both = some_function_with_a_long_name(\n    get_id_manager().generate_id(IDType.USER),\n"
            "    UnifiedIdGenerator.generate_base_id(prefix),\n    third_argument,\n)\n") in out


def test_a_statement_whose_layout_would_change_a_kept_site_keeps_its_own_layout():
    out, _ = migrated(HEAD + MIXED_SPREAD)
    assert ("both = combine(get_id_manager().generate_id(IDType.USER), UnifiedIdGenerator.generate_base_id(\n"
            "    prefix))\n") in out

"""The rule table bound to a repository's own generator and manager (``codemods.apibind``).

Each test reads a small generator and/or manager written here, binds the default rules to
them and runs the transform on a call site, so what is checked is the decision a user sees.
"""

from __future__ import annotations

import textwrap

import pytest

from codemods.apibind.bind import bind_rules, fits
from codemods.core.api_reader import parse_module
from codemods.core.safety import Safety
from codemods.generator.rules import MEMBER_RULES, RuleSet
from tests.conftest import assert_properties, migrate_source

GENERATOR = '''
class UnifiedIdGenerator:
    _lock = None

    @staticmethod
    def generate_base_id(prefix="id", include_random=True, random_length=8): ...
    @classmethod
    def generate_user_context_ids(cls, user_id, operation="context"): ...
    @staticmethod
    def generate_websocket_connection_id(user_id, connection_timestamp=None): ...
    @classmethod
    def generate_session_id(cls, user_id, session_type="web"): ...
    @staticmethod
    def is_valid_id(id_string, expected_prefix=None): ...
    @staticmethod
    def parse_id(id_string): ...
{extra}

def reset_global_counter(): ...
'''

MANAGER = '''
from enum import Enum

class IDType(Enum):
    USER = "user"

class UnifiedIDManager:
    def generate_id(self, id_type, prefix=None, context=None): ...
    def is_valid_id(self, id_value, id_type=None): ...
    def reset_counters(self): ...
    @classmethod
    def generate_thread_id(cls): ...
    @classmethod
    def generate_run_id(cls, thread_id): ...
{extra}

def get_id_manager(): ...
def is_valid_id_format(id_value): ...
'''

IMPORT = "from shared.id_generation import UnifiedIdGenerator\n"


def generator(extra: str = "") -> object:
    return parse_module(GENERATOR.format(extra=textwrap.indent(textwrap.dedent(extra), "    ")), "g")


def manager(extra: str = "", body: str | None = None) -> object:
    source = body if body is not None else MANAGER.format(extra=textwrap.indent(textwrap.dedent(extra), "    "))
    return parse_module(source, "m")


def bound(gen_extra: str = "", man_extra: str = "", *, rules: RuleSet | None = None, **sides) -> RuleSet:
    gen = sides["gen"] if "gen" in sides else generator(gen_extra)
    man = sides["man"] if "man" in sides else manager(man_extra)
    return bind_rules(rules or RuleSet(), gen, man)


def site(code: str, rules: RuleSet):
    """The one finding of ``code`` (after the generator import) and the migrated source."""
    source = IMPORT + code + "\n"
    result = migrate_source(source, rules=rules)
    findings = [f for f in result.findings if not f.member.startswith("UnifiedIdGenerator")]
    assert len(findings) == 1, findings
    after = assert_properties(source.encode(), result, rules=rules)
    return findings[0], after.decode()


# ------------------------------------------------------------------ nothing found


def test_neither_api_found_leaves_the_rules_as_declared():
    rules = RuleSet()
    assert bind_rules(rules, None, None) is rules
    assert bind_rules(rules, parse_module("x = 1", "g"), parse_module("", "m")) is rules


def test_only_the_generator_found_binds_that_side_only():
    rules = bound(gen=generator(), man=None)
    assert rules.apis.manager_calls is None and rules.apis.counterparts == {}
    assert rules.members["generate_run_id"] == MEMBER_RULES["generate_run_id"]  # no manager: not checked
    finding, _ = site("x = UnifiedIdGenerator.generate_client_id(u)", rules)
    assert finding.code == "IDM052" and "no manager counterpart" not in finding.reason  # as before binding


# ------------------------------------------------------------------ generator side


def test_latent_only_for_members_this_generator_lacks():
    rules = bound()
    finding, after = site('x = UnifiedIdGenerator.generate_user_id()', rules)
    assert finding.latent == "fixed"
    # a row that assumes the member exists, for a member this generator lacks
    finding, after = site("x = UnifiedIdGenerator.generate_websocket_client_id(u)", rules)
    assert (finding.safety, finding.latent) == (Safety.FORMAT, "fixed")
    finding, _ = site("x = UnifiedIdGenerator.generate_session_id(u)", rules)
    assert finding.latent == ""


def test_members_a_subclass_may_inherit_are_not_called_missing():
    """The compatibility layer ``idmigrate shim`` writes subclasses the old generator."""
    gen = parse_module("import legacy as _legacy\n\nclass UnifiedIdGenerator(_legacy.UnifiedIdGenerator):\n"
                       "    @staticmethod\n    def generate_base_id(prefix='id', include_random=True, "
                       "random_length=8): ...\n", "g")
    rules = bound(gen=gen, man_extra=EVOLVED_MANAGER)
    assert rules.members["generate_session_id"] == MEMBER_RULES["generate_session_id"]
    assert rules.members["generate_uuid_replacement"] == MEMBER_RULES["generate_uuid_replacement"]
    finding, _ = site("x = UnifiedIdGenerator.generate_client_id(u)", rules)
    assert finding.code == "IDM052" and "no manager counterpart" not in finding.reason
    assert rules.apis.defines("generate_base_id") and rules.apis.defines("generate_client_id") is None


def test_a_defined_generate_id_prefix_is_a_base_id_not_a_latent_bug():
    rules = bound('''
        @staticmethod
        def generate_id(prefix): ...
    ''')
    assert rules.members["generate_id"].code == "IDM046" and not rules.members["generate_id"].latent
    finding, after = site('x = UnifiedIdGenerator.generate_id("session")', rules)
    assert (finding.code, finding.safety, finding.latent) == ("IDM001", Safety.EXACT, "")
    assert "x = get_id_manager().generate_id(IDType.SESSION)" in after
    finding, after = site('x = UnifiedIdGenerator.generate_id(prefix="event")', rules)
    assert finding.code == "IDM004" and 'prefix="event"' in after


def test_a_defined_member_whose_signature_the_variant_does_not_expect_has_no_rule():
    rules = bound('''
        @staticmethod
        def generate_id(id_type, prefix=None): ...
    ''')
    finding, after = site('x = UnifiedIdGenerator.generate_id("session")', rules)
    assert (finding.code, finding.safety, finding.latent) == ("IDM053", Safety.MANUAL, "")
    assert "generate_id(id_type, prefix=None) as this generator defines it" in finding.reason
    assert "get_id_manager" not in after


def test_a_latent_row_for_a_defined_member_without_a_variant_has_no_rule():
    rules = bound('''
        @classmethod
        def generate_thread_id(cls): ...
    ''')
    finding, _ = site("x = UnifiedIdGenerator.generate_thread_id()", rules)
    assert finding.code == "IDM053" and finding.latent == ""
    assert finding.reason == "no rule for generate_thread_id (add one under [tool.idmigrate.members])"


def test_a_configured_row_for_a_defined_member_is_kept_and_not_latent():
    rules = RuleSet().with_overrides(members={"generate_thread_id": {"why": "ours"}})
    rules = bound('''
        @classmethod
        def generate_thread_id(cls): ...
    ''', rules=rules)
    finding, after = site("x = UnifiedIdGenerator.generate_thread_id()", rules)
    assert (finding.safety, finding.latent, finding.reason) == (Safety.FORMAT, "", "ours")


def test_a_defined_member_without_a_row_is_manual_no_rule():
    rules = bound('''
        @staticmethod
        def normalize_id_format(id_value): ...
    ''')
    finding, after = site("x = UnifiedIdGenerator.normalize_id_format(s)", rules)
    assert (finding.code, finding.safety, finding.latent) == ("IDM053", Safety.MANUAL, "")
    assert finding.reason == "no rule for normalize_id_format (add one under [tool.idmigrate.members])"
    assert "normalize_id_format" in finding.suggestion and after.endswith("normalize_id_format(s)\n")
    assert "__init__" not in rules.members and rules.members["_lock"].code == "IDM053"


def test_a_row_whose_positional_parameters_were_renamed_has_no_rule():
    gen = parse_module(GENERATOR.format(extra="").replace(
        "generate_session_id(cls, user_id, session_type", "generate_session_id(cls, session_type, user_id"), "g")
    rules = bound(gen=gen)
    finding, _ = site("x = UnifiedIdGenerator.generate_session_id(u)", rules)
    assert finding.code == "IDM053" and "rule IDM024 expects (user_id, session_type)" in finding.reason


@pytest.mark.parametrize("signature, ok", [
    ("(user_id, session_type='web')", True),
    ("(user_id)", True),                       # a parameter the row knows is gone: refused per call
    ("(user_id, session_type='web', *, tenant=None)", True),
    ("(user_id, tenant, session_type='web')", False),
    ("(uid, session_type='web')", False),
])
def test_fits(signature: str, ok: bool):
    member = parse_module(f"def generate_session_id{signature}: ...", "g").functions["generate_session_id"]
    assert fits(MEMBER_RULES["generate_session_id"], member) is ok


# ------------------------------------------------------------------ manager side


def test_a_rule_whose_target_the_manager_lacks_is_off_and_names_it():
    man = manager(body=MANAGER.format(extra="").replace(
        "    @classmethod\n    def generate_run_id(cls, thread_id): ...\n", ""))
    rules = bound(man=man)
    finding, after = site("x = UnifiedIdGenerator.generate_run_id(thread_id)", rules)
    assert (finding.code, finding.safety, finding.latent) == ("IDM054", Safety.MANUAL, "open")
    assert finding.reason == "rule IDM041 is off in this repository: no UnifiedIDManager.generate_run_id"
    # the user-context split needs it too
    finding, after = site("t, r, q = UnifiedIdGenerator.generate_user_context_ids(u)", rules)
    assert finding.code == "IDM054" and "rule IDM010" in finding.reason
    assert "generate_user_context_ids(u)" in after
    finding, after = site("t = UnifiedIdGenerator.generate_user_context_ids(u)[0]", rules)
    assert finding.code == "IDM054"
    finding, _ = site('x = UnifiedIdGenerator.generate_base_id("user")', rules)
    assert finding.code == "IDM001", "rows that do not need it are on"


def test_a_target_that_refuses_the_rewrites_arguments_turns_its_rows_off():
    man = manager(body=MANAGER.format(extra="").replace("prefix=None, context=None", "prefix=None"))
    rules = bound(man=man)
    finding, _ = site('x = UnifiedIdGenerator.generate_base_id("user")', rules)
    assert finding.code == "IDM054"
    assert "get_id_manager().generate_id(id_type, prefix=None) does not take" in finding.reason
    assert "'context'" in finding.reason


def test_an_off_row_keeps_its_reason_when_its_counterpart_refuses_the_call():
    man = manager(body=MANAGER.format(extra=EVOLVED_MANAGER).replace("prefix=None, context=None", "prefix=None"))
    rules = bound(man=man)
    finding, after = site("x = UnifiedIdGenerator.generate_websocket_connection_id(u)", rules)
    assert finding.code == "IDM027"
    finding, after = site("x = UnifiedIdGenerator.generate_websocket_connection_id(u, ts)", rules)
    assert finding.code == "IDM054" and "rule IDM020 is off" in finding.reason


def test_without_get_id_manager_the_instance_targets_are_off():
    man = manager(body=MANAGER.format(extra="").replace("def get_id_manager(): ...\n", ""))
    rules = bound(man=man)
    finding, _ = site('x = UnifiedIdGenerator.generate_base_id("user")', rules)
    assert finding.reason == "rule IDM001 is off in this repository: no module function get_id_manager()"
    finding, _ = site("x = UnifiedIdGenerator.generate_run_id(thread_id)", rules)
    assert finding.safety is Safety.FORMAT, "a classmethod target needs no instance"


# ------------------------------------------------------------------ counterparts


EVOLVED_MANAGER = '''
    def generate_websocket_connection_id(self, user_id): ...
    @staticmethod
    def generate_compatible_context_ids(user_id): ...
'''


def test_a_same_named_manager_member_that_takes_the_call_is_the_target():
    rules = bound(man_extra=EVOLVED_MANAGER)
    finding, after = site("x = UnifiedIdGenerator.generate_websocket_connection_id(user_id)", rules)
    assert (finding.code, finding.safety, finding.latent) == ("IDM027", Safety.FORMAT, "")
    assert "x = get_id_manager().generate_websocket_connection_id(user_id)" in after
    assert "generate_websocket_connection_id(user_id), which takes the call" in finding.reason


def test_a_counterpart_that_refuses_the_call_leaves_it_to_the_row():
    rules = bound(man_extra=EVOLVED_MANAGER)
    finding, after = site("x = UnifiedIdGenerator.generate_websocket_connection_id(user_id, ts)", rules)
    assert finding.code == "IDM020" and "generate_id(IDType.WEBSOCKET" in after


def test_the_default_counterpart_of_an_undefined_member_fixes_the_latent_bug():
    rules = bound(man_extra=EVOLVED_MANAGER)
    finding, after = site("x = UnifiedIdGenerator.generate_connection_id(user_id)", rules)
    assert (finding.code, finding.safety, finding.latent) == ("IDM027", Safety.FORMAT, "fixed")
    assert "x = get_id_manager().generate_websocket_connection_id(user_id)" in after
    finding, _ = site("x = UnifiedIdGenerator.generate_connection_id(user_id, 'v1')", rules)
    assert (finding.code, finding.safety, finding.latent) == ("IDM028", Safety.MANUAL, "open")
    assert "takes at most 1 positional" in finding.reason


def test_without_the_counterpart_in_the_manager_the_row_decides_as_declared():
    rules = bound()
    finding, _ = site("x = UnifiedIdGenerator.generate_connection_id(user_id)", rules)
    assert finding.code == "IDM051" and finding.reason == MEMBER_RULES["generate_connection_id"].why


def test_an_undefined_member_without_a_counterpart_names_what_is_missing():
    rules = bound(man_extra=EVOLVED_MANAGER)
    finding, after = site("x = UnifiedIdGenerator.generate_client_id(service_type='ws', user_id=u)", rules)
    assert (finding.code, finding.safety, finding.latent) == ("IDM052", Safety.MANUAL, "open")
    assert "no manager counterpart for generate_client_id" in finding.reason
    assert finding.suggestion == 'get_id_manager().generate_id(IDType.<TYPE>, prefix="client")'


def test_an_undefined_member_goes_to_a_same_named_classmethod_that_takes_it():
    rules = bound(man_extra=EVOLVED_MANAGER)
    finding, after = site("x = UnifiedIdGenerator.generate_compatible_context_ids(user_id=u)", rules)
    assert (finding.code, finding.latent) == ("IDM027", "fixed")
    assert "x = UnifiedIDManager.generate_compatible_context_ids(user_id=u)" in after


def test_rows_that_map_to_another_member_by_design_never_take_a_same_named_one():
    # the manager's is_valid_id looks IDs up in its registry: not the generator's format check
    rules = bound()
    finding, after = site("ok = UnifiedIdGenerator.is_valid_id(s)", rules)
    assert finding.code == "IDM031" and "get_id_manager().is_valid_id" not in after
    finding, _ = site("UnifiedIdGenerator.parse_id(s)", rules)
    assert finding.code == "IDM060"


def test_a_configured_counterpart_and_an_empty_one():
    members = {"generate_client_id": {"kind": "manual", "safety": Safety.MANUAL, "why": "w", "suggestion": "s",
                                      "counterpart": "generate_websocket_connection_id"},
               "generate_websocket_connection_id": {"counterpart": ""}}
    rules = bound(man_extra=EVOLVED_MANAGER, rules=RuleSet().with_overrides(members=members))
    finding, after = site("x = UnifiedIdGenerator.generate_client_id(u)", rules)
    assert (finding.code, finding.latent) == ("IDM027", "fixed")
    finding, _ = site("x = UnifiedIdGenerator.generate_websocket_connection_id(u)", rules)
    assert finding.code == "IDM020", '"" turns the same-named counterpart off'


def test_a_configured_counterpart_the_manager_lacks_turns_the_row_off():
    members = {"generate_client_id": {"kind": "manual", "safety": Safety.MANUAL, "why": "w", "suggestion": "s",
                                      "counterpart": "generate_client_token"}}
    rules = bound(rules=RuleSet().with_overrides(members=members))
    finding, _ = site("x = UnifiedIdGenerator.generate_client_id(u)", rules)
    assert finding.code == "IDM054"
    assert "the configured counterpart UnifiedIDManager.generate_client_token is not a method" in finding.reason


def test_the_digest_follows_both_apis():
    digests = {bound().apis.digest, bound(man_extra=EVOLVED_MANAGER).apis.digest,
               bound("@staticmethod\ndef generate_id(prefix): ...").apis.digest}
    assert len(digests) == 3
    assert bound().apis.digest == bound().apis.digest


"""``UnifiedIdGenerator`` usages in the call-site shapes idmigrate's default recipe handles.

``GeneratorUsage`` collects one file's usages, counting every call site it writes (the count
the benchmark checks ``scan`` against), in three forms:

* top-level blocks (functions, classes, dataclass factories, subclasses, module-level instances);
* statements for the body of a function or method that binds the names of
  ``synth.ordinary.SITE_PARAMS`` (``user_id``, ``name``, ...), spread through a class's methods;
* whole test methods (a ``mock.patch`` decorator, a fixture parameter) and the lines a class's
  ``__init__``/``setup_method`` needs (an instance kept on ``self``).
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field

from synth.ordinary import SITE_PARAMS, indent
from synth.vocab import NOUNS, VERBS

ID_TYPE_WORDS = ("user", "session", "request", "agent", "tool", "transaction", "websocket", "execution",
                 "trace", "metric", "thread")
ALIASES = ("req", "ws", "conn", "exec", "run", "txn", "tx", "uid", "usr", "sess", "err", "span")
OTHER_WORDS = ("event", "token", "jti", "audit", "result", "job", "export", "device", "state", "invoice",
               "webhook", "doc", "upload", "alert", "report", "ticket", "order", "slot", "lease", "nonce")
COMPOUND = ("auth_user", "thread_ws", "user_test", "ws_req", "billing_txn", "agent_exec", "tool_call",
            "validation_error", "api_req", "test_user", "admin_session", "ws_conn", "batch_run", "oauth_state",
            "metric_sample", "trace_span", "user_invite", "tenant_user")
FSTRINGS = ('f"thread_{operation}"', 'f"session_{user_id}"', 'f"oauth_{provider}"', 'f"tool_{name}"',
            'f"user_{operation}_test"', 'f"req_{name}"', 'f"{name}_event"', 'f"ws_{user_id}"', 'f"job_{name}"')
EXTRAS = ("", "", "", "", ", include_random=False", ", random_length=12", ", True, 8", ", random_length=16",
          ", include_random=True", ", random_suffix=True")
LATENT = (("generate_thread_id()", 80), ("generate_user_id()", 36), ("generate_run_id(thread_id)", 12),
          ("generate_run_id()", 7), ("generate_run_id(user_id, operation)", 6), ("generate_id(\"user\")", 6),
          ("generate_id(\"message\")", 4), ("generate_id(\"thread\", format=\"short\")", 3),
          ("generate_request_id()", 7), ("generate_connection_id(user_id)", 2), ("generate_task_id()", 1),
          ("generate_execution_id()", 1))
ROLE = ("generate_websocket_connection_id(user_id)", "generate_websocket_connection_id(user_id, 1700000000.0)",
        "generate_websocket_client_id(user_id)", "generate_agent_execution_id(name, user_id)",
        "generate_tool_execution_id(name, operation)", "generate_tool_execution_id(name)",
        'generate_message_id("event", user_id, thread_id)', 'generate_message_id("chat", user_id)',
        "generate_session_id(user_id)", 'generate_session_id(user_id, "api")',
        'generate_error_context_id("validation", user_id)', 'generate_batch_ids("event", 3)')
REGISTRY = ("parse_id(thread_id)", "get_id_age(thread_id)", "is_valid_id(thread_id)", 'is_valid_id(thread_id, "msg")',
            "get_or_create_user_session(user_id)", "get_existing_session(user_id)", "cleanup_expired_sessions(3600)",
            "get_active_sessions_count()", "invalidate_user_sessions(user_id)", "reset_global_counter()")
PATCH_TARGET = "shared.id_generation.unified_id_generator.UnifiedIdGenerator.generate_base_id"
#: Module-level functions' parameters: every name a prefix expression may read.
ARGS = 'user_id: str, operation: str = "default", name: str = "item", thread_id: str = "", provider: str = "google"'
#: What a module-level test function binds before its calls.
TEST_FUNCTION_LOCALS = '    name, operation, thread_id, provider = "item", "default", "thread-1", "google"'


def prefix_expr(rng: random.Random, literal_only: bool = False) -> str:
    """A prefix argument; ``literal_only`` where no local names are in scope (class bodies)."""
    r = rng.random() * (0.82 if literal_only else 1.0)
    if r < 0.22:
        return f'"{rng.choice(ID_TYPE_WORDS)}"'                  # an IDType value
    if r < 0.32:
        return f'"{rng.choice(ALIASES)}"'                        # an alias
    if r < 0.57:
        if rng.random() < 0.5:
            return f'"{rng.choice(COMPOUND)}"'                   # a compound word
        return f'"{rng.choice(OTHER_WORDS)}_{rng.choice(ID_TYPE_WORDS + ALIASES)}"'
    if r < 0.82:
        return f'"{rng.choice(OTHER_WORDS)}"'                    # a word naming no type
    if r < 0.95:
        return rng.choice(FSTRINGS)                              # an f-string
    if r < 0.975:
        return "name"                                            # a variable: manual
    return f'prefix="{rng.choice(ID_TYPE_WORDS)}"'


def _weighted(rng: random.Random, table) -> str:
    total = sum(w for _, w in table)
    pick = rng.uniform(0, total)
    for value, weight in table:
        pick -= weight
        if pick <= 0:
            return value
    return table[-1][0]


def base_call(rng: random.Random, g: str) -> str:
    if rng.random() < 0.02:
        return f"{g}.generate_base_id()"
    prefix = prefix_expr(rng)
    extra = rng.choice(EXTRAS) if not prefix.startswith("prefix=") else ""
    return f"{g}.generate_base_id({prefix}{extra})"


def other_call(rng: random.Random, g: str) -> str:
    r = rng.random()
    if r < 0.45:
        return f"{g}.{_weighted(rng, LATENT)}"
    if r < 0.8:
        return f"{g}.{rng.choice(ROLE)}"
    return f"{g}.{rng.choice(REGISTRY)}"


def import_style(rng: random.Random) -> tuple[list[str], str | None, str]:
    """(top-level import lines, import line for inside functions or None, class expression)."""
    r = rng.random()
    if r < 0.62:
        return ["from shared.id_generation import UnifiedIdGenerator"], None, "UnifiedIdGenerator"
    if r < 0.80:
        return ["from shared.id_generation.unified_id_generator import UnifiedIdGenerator"], None, "UnifiedIdGenerator"
    if r < 0.87:
        alias = rng.choice(("IdGen", "G", "IDs"))
        return [f"from shared.id_generation import UnifiedIdGenerator as {alias}"], None, alias
    if r < 0.91:
        return ["import shared.id_generation.unified_id_generator as uig"], None, "uig.UnifiedIdGenerator"
    if r < 0.96:
        return (["try:", "    from shared.id_generation import UnifiedIdGenerator",
                 "except ImportError:  # pragma: no cover - older layout",
                 "    from shared.id_generation.unified_id_generator import UnifiedIdGenerator"], None,
                "UnifiedIdGenerator")
    return [], "from shared.id_generation import UnifiedIdGenerator", "UnifiedIdGenerator"


@dataclass
class TestMethodSpec:
    """A whole test method a usage needs: its decorators, extra parameters and body statements."""

    decorators: list[str]
    params: str
    statements: list[list[str]]


@dataclass
class GeneratorUsage:
    rng: random.Random
    g: str
    sites: int = 0
    #: Of ``sites``, the calls through a test's fixture parameter (see ``fixture_method``).
    via_fixture: int = 0
    imports: set[str] = field(default_factory=set)
    blocks: list[list[str]] = field(default_factory=list)
    statements: list[list[str]] = field(default_factory=list)
    methods: list[TestMethodSpec] = field(default_factory=list)
    setup: list[str] = field(default_factory=list)
    _attr: str | None = None
    _fixture: str | None = None

    def call(self) -> str:
        self.sites += 1
        return base_call(self.rng, self.g) if self.rng.random() < 0.68 else other_call(self.rng, self.g)

    # ------------------------------------------------------------ statements for a method body
    def statement(self) -> None:
        """One statement group for a body in which the SITE_PARAMS names are bound."""
        rng, g, noun = self.rng, self.g, self.rng.choice(NOUNS)
        shape = rng.randrange(8)
        if shape == 0:
            group = [f"{noun}_ref = {self.call()}", f'logger.debug("new {noun} %s", {noun}_ref)']
        elif shape == 1:
            group = [f"{noun}_ids = {{", f'    "{noun}_id": {self.call()},', f'    "trace_id": {self.call()},', "}"]
        elif shape == 2:
            group = [f"{noun}_batch = [{self.call()} for _ in range({rng.randint(2, 20)})]"]
        elif shape == 3:
            self.sites += 2
            group = [f'thread_id = {g}.generate_base_id("thread")', f'run_id = {g}.generate_base_id("run")',
                     f'logger.info("{noun} run %s in %s", run_id, thread_id)']
        elif shape == 4:
            self.sites += 1
            op = f'"{rng.choice(VERBS)}"' if rng.random() < 0.5 else "operation"
            group = [f"thread_id, run_id, request_id = {g}.generate_user_context_ids(user_id, {op})",
                     f'{noun}_context = {{"thread_id": thread_id, "run_id": run_id, "request_id": request_id}}']
        elif shape == 5:
            self.sites += 1
            group = [f"{noun}_ref = {other_call(rng, g)}"]
        else:
            if self._attr is None:
                self._attr = rng.choice(("id_generator", "ids", "_id_gen", "generator"))
                self.setup.append(f"self.{self._attr} = {g}()")
                self.sites += 1
            self.sites += 1
            group = [f"{noun}_key = self.{self._attr}.generate_base_id({prefix_expr(rng)})"]
        self.statements.append(group)

    def patch_object(self) -> None:
        noun = self.rng.choice(NOUNS)
        self.sites += 2
        self.imports.add("from unittest.mock import patch")
        self.statements.append([f'with patch.object({self.g}, "generate_base_id", return_value="fixed") as fake:',
                                f'    assert {self.g}.generate_base_id("{noun}") == "fixed"',
                                "fake.assert_called_once()"])

    # ------------------------------------------------------------ whole test methods
    def patched_method(self) -> None:
        noun = self.rng.choice(NOUNS)
        self.sites += 2
        self.imports.add("from unittest import mock")
        value = f"{noun}_1700000000000_1_cafebabe"
        self.methods.append(TestMethodSpec(
            [f'@mock.patch("{PATCH_TARGET}", return_value="{value}")'], "fake",
            [[f'value = {self.g}.generate_base_id("{noun}")'], [f'assert value == "{value}"']]))

    def fixture_method(self) -> None:
        """A test taking a fixture that returns a generator instance: the parameter is a binding too."""
        if self._fixture is None:
            self._fixture = self.rng.choice(("id_generator", "generator", "ids"))
            self.sites += 1
            self.blocks.append(["@pytest.fixture", f"def {self._fixture}():",
                                f"    return {self.g}()"])
        self.sites += 1
        self.via_fixture += 1
        noun = self.rng.choice(NOUNS)
        self.methods.append(TestMethodSpec(
            [], self._fixture,
            [[f"{noun}_ref = {self._fixture}.generate_base_id({prefix_expr(self.rng)})"], [f"assert {noun}_ref"]]))

    # ------------------------------------------------------------ top-level blocks
    def function(self) -> None:
        rng, noun = self.rng, self.rng.choice(NOUNS)
        shape = rng.randrange(6)
        head = f"def {rng.choice(VERBS)}_{noun}_ids({ARGS}) -> Any:"
        if shape == 0:
            body = [f"return {self.call()}"]
        elif shape == 1:
            body = [f"{noun}_id = {self.call()}", f'logger.debug("new {noun} %s", {noun}_id)', f"return {noun}_id"]
        elif shape == 2:
            body = ["return {", f'    "{noun}_id": {self.call()},', f'    "trace_id": {self.call()},',
                    '    "user_id": user_id,', "}"]
        elif shape == 3:
            body = [f"return [{self.call()} for _ in range({rng.randint(2, 20)})]"]
        elif shape == 4:
            self.sites += 2
            body = [f'thread_id = {self.g}.generate_base_id("thread")', f'run_id = {self.g}.generate_base_id("run")',
                    'return {"thread_id": thread_id, "run_id": run_id}']
        else:
            body = ["if not user_id:", f"    return {self.call()}", f"{noun}_ref = {self.call()}",
                    f"return f\"{{{noun}_ref}}:{{operation}}\""]
        self.blocks.append([head] + indent([f'"""Fresh {noun} identifiers."""'] + body, 1))

    def user_context(self) -> None:
        rng, g = self.rng, self.g
        self.sites += 1
        shape = rng.randrange(5)
        noun = rng.choice(NOUNS)
        op = f'"{rng.choice(VERBS)}"' if rng.random() < 0.5 else "operation"
        call = f"{g}.generate_user_context_ids(user_id, {op})" if rng.random() < 0.8 else \
            f"{g}.generate_user_context_ids(user_id, operation={op})"
        if shape == 0:
            body = [f"thread_id, run_id, request_id = {call}",
                    'return {"thread_id": thread_id, "run_id": run_id, "request_id": request_id}']
        elif shape == 1:
            body = [f"thread_id, run_id, _ = {call}", "return thread_id, run_id"]
        elif shape == 2:
            body = [f"return {call}[0]"]
        elif shape == 3:
            body = [f"ids = {call}", "return list(ids)"]
        else:
            self.blocks.append([f"class {noun.capitalize()}Context:",
                                "    def __init__(self, user_id: str, operation: str = \"default\") -> None:",
                                "        self.user_id = user_id",
                                f"        self.thread_id, self.run_id, self.request_id = {call}", "",
                                "    def as_dict(self) -> Dict[str, str]:",
                                '        return {"thread_id": self.thread_id, "run_id": self.run_id}'])
            return
        self.blocks.append([f"def start_{noun}_context({ARGS}) -> Any:"] + indent(body, 1))

    def instance(self, module_level: bool) -> None:
        rng, g = self.rng, self.g
        noun = rng.choice(NOUNS)
        self.sites += 1
        if module_level:
            var = rng.choice(("_id_gen", "_ids", "ID_GENERATOR"))
            self.sites += 1
            self.blocks.append([f"{var} = {g}()", "", "", f"def make_{noun}_ref({ARGS}) -> str:",
                                f"    return {var}.generate_base_id({prefix_expr(rng)})"])
            return
        attr = rng.choice(("id_generator", "ids", "_id_gen", "generator"))
        lines = [f"class {noun.capitalize()}{rng.choice(('Store', 'Tracker', 'Registry', 'Manager'))}:",
                 f'    """Keeps {noun} records keyed by generated IDs."""', "",
                 "    def __init__(self) -> None:", f"        self.{attr} = {g}()", "        self._items: Dict[str, Any] = {}"]
        for _ in range(rng.randint(1, 3)):
            self.sites += 1
            lines += ["", f"    def {rng.choice(VERBS)}_{rng.choice(NOUNS)}(self, {SITE_PARAMS}) -> str:",
                      f"        key = self.{attr}.generate_base_id({prefix_expr(rng)})",
                      "        self._items[key] = {\"name\": name, \"user_id\": user_id}", "        return key"]
        self.blocks.append(lines)

    def dataclass_factory(self) -> None:
        rng, g = self.rng, self.g
        noun = rng.choice(NOUNS)
        self.sites += 2
        ref = f"{g}.generate_base_id" if rng.random() < 0.3 else \
            f"lambda: {g}.generate_base_id({prefix_expr(rng, literal_only=True)})"
        self.blocks.append(["@dataclass", f"class {noun.capitalize()}Envelope:",
                            f"    {noun}_id: str = field(default_factory={ref})",
                            f'    trace_id: str = field(default_factory=lambda: {g}.generate_base_id("trace"))',
                            "    payload: Dict[str, Any] = field(default_factory=dict)"])

    def role(self) -> None:
        rng, g = self.rng, self.g
        noun = rng.choice(NOUNS)
        kind = rng.choice(("connection", "session", "message", "agent"))
        body = ["return {"]
        for _ in range(rng.randint(1, 3)):
            self.sites += 1
            body.append(f'    "{rng.choice(NOUNS)}_id": {other_call(rng, g)},')
        body.append("}")
        self.blocks.append([f"def {rng.choice(VERBS)}_{noun}_{kind}({ARGS}) -> Dict[str, Any]:"] + indent(body, 1))

    def test_patch(self) -> None:
        rng, g = self.rng, self.g
        noun = rng.choice(NOUNS)
        self.sites += 2
        if rng.random() < 0.5:
            self.imports.add("from unittest import mock")
            self.blocks.append([f'@mock.patch("{PATCH_TARGET}", return_value="{noun}_1700000000000_1_cafebabe")',
                                f"def test_{noun}_keeps_prefix(fake) -> None:",
                                f'    value = {g}.generate_base_id("{noun}")',
                                f'    assert value == "{noun}_1700000000000_1_cafebabe"'])
        else:
            self.imports.add("from unittest.mock import patch")
            self.blocks.append([f"def test_{noun}_with_fixed_id() -> None:",
                                f'    with patch.object({g}, "generate_base_id", return_value="fixed") as fake:',
                                f'        assert {g}.generate_base_id("{noun}") == "fixed"',
                                "    fake.assert_called_once()"])

    def test_function(self) -> None:
        rng, g = self.rng, self.g
        noun = rng.choice(NOUNS)
        self.sites += 1  # the user_id line; the two self.call()s count themselves
        self.blocks.append([f"def test_{noun}_ids_are_unique() -> None:", TEST_FUNCTION_LOCALS,
                            f'    user_id = {g}.generate_base_id("{rng.choice(("user", "uid", "test_user", "usr"))}")',
                            f"    first = {self.call()}", f"    second = {self.call()}",
                            "    assert first != second and user_id"])

    def subclass(self) -> None:
        noun = self.rng.choice(NOUNS)
        self.sites += 1
        self.blocks.append([f"class {noun.capitalize()}IdGenerator({self.g}):", '    namespace = "v1"'])

    def top_level(self, is_test: bool) -> None:
        """One top-level shape, as a flat module would have it."""
        r = self.rng.random()
        if is_test and r < 0.3:
            self.test_function()
        elif is_test and r < 0.38:
            self.test_patch()
        elif r < 0.55:
            self.function()
        elif r < 0.65:
            self.user_context()
        elif r < 0.76:
            self.instance(module_level=self.rng.random() < 0.3)
        elif r < 0.84:
            self.dataclass_factory()
        elif r < 0.985:
            self.role()
        else:
            self.subclass()

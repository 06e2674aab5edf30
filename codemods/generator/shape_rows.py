"""The generator recipe's rows for site shapes: the prefix classes of ``generate_base_id``, run IDs
and their thread, user-context tuples, comments in a call, and usages that are not member calls.

Rows are data, like the member rows in ``codemods.generator.rules`` (which joins both into
``GENERATOR_RULES``); the code that decides each shape names its row by code.
"""

from __future__ import annotations

from codemods.core.rules import SHAPE, Rule
from codemods.core.safety import Safety

#: Rows for the prefix classes of ``generate_base_id`` and for shapes that are not member calls.
SHAPE_ROWS: tuple[Rule, ...] = (
    Rule("IDM002", "generate_base_id", SHAPE, Safety.FORMAT,
         "literal prefix is a declared alias: req_… becomes request_…",
         before='UnifiedIdGenerator.generate_base_id("req")',
         after="get_id_manager().generate_id(IDType.REQUEST)"),
    Rule("IDM003", "generate_base_id", SHAPE, Safety.FORMAT,
         "a word of the literal names a type or alias; the literal is kept as prefix=",
         before='UnifiedIdGenerator.generate_base_id("auth_user")',
         after='get_id_manager().generate_id(IDType.USER, prefix="auth_user")'),
    Rule("IDM004", "generate_base_id", SHAPE, Safety.FORMAT,
         "any other literal: the fallback type, the literal kept as prefix=",
         before='UnifiedIdGenerator.generate_base_id("event")',
         after='get_id_manager().generate_id(IDType.EXECUTION, prefix="event")'),
    Rule("IDM005", "generate_base_id", SHAPE, Safety.FORMAT,
         "f-string prefix resolved by its leading literal words, kept as prefix=",
         before='UnifiedIdGenerator.generate_base_id(f"thread_{op}")',
         after='get_id_manager().generate_id(IDType.THREAD, prefix=f"thread_{op}")'),
    Rule("IDM006", "generate_base_id", SHAPE, Safety.MANUAL,
         "computed prefix (a variable or a call): its type cannot be known",
         suggestion="get_id_manager().generate_id(IDType.<TYPE>, prefix=<prefix>)",
         before="UnifiedIdGenerator.generate_base_id(prefix)"),
    Rule("IDM007", "(any call)", SHAPE, Safety.MANUAL,
         "an argument the member does not take (e.g. random_suffix=), *args/**kwargs, "
         "or a dropped argument with side effects",
         suggestion="fix the call, then re-run",
         before='UnifiedIdGenerator.generate_base_id("user", random_suffix=True)'),
    Rule("IDM008", "generate_base_id", SHAPE, Safety.FORMAT,
         "a run ID embeds the thread ID in reach (a parameter or earlier local named thread_id/*_thread_id, "
         "self.thread_id, a sibling thread_id= keyword, the thread made just before)",
         before='thread_id = UnifiedIdGenerator.generate_base_id("thread")\nrun_id = UnifiedIdGenerator.generate_base_id("run")',
         after="thread_id = get_id_manager().generate_id(IDType.THREAD)\nrun_id = UnifiedIDManager.generate_run_id(thread_id)"),
    Rule("IDM013", "generate_base_id", SHAPE, Safety.FORMAT,
         "no thread in reach: pass the thread ID (the run ID keeps its run start meanwhile)",
         before='UnifiedIdGenerator.generate_base_id("run")',
         after='get_id_manager().generate_id(IDType.EXECUTION, prefix="run")'),
    Rule("IDM015", "generate_base_id", SHAPE, Safety.MANUAL,
         "a run ID whose thread ID is assigned only in a branch before it (an if, a loop, a try): the "
         "thread may be unbound here, so which thread the run ID embeds is for a human to decide",
         suggestion="bind the thread ID on every path (or pass it in), then UnifiedIDManager.generate_run_id(thread_id)",
         before='if resume:\n    thread_id = load()\nrun_id = UnifiedIdGenerator.generate_base_id("run")'),
    Rule("IDM016", "generate_run_id", SHAPE, Safety.FORMAT,
         "latent AttributeError fixed in a test: generate_run_id() with no thread ID in reach gets a fresh "
         "THREAD ID to embed (a test only needs a well-formed run ID; production code must pass its thread)",
         before="def test_run():\n    run_id = UnifiedIdGenerator.generate_run_id()",
         after="def test_run():\n    run_id = UnifiedIDManager.generate_run_id(get_id_manager().generate_id(IDType.THREAD))"),
    Rule("IDM014", "(any ID-making call)", SHAPE, Safety.MANUAL,
         "the generator's own parser checks this ID, under its name in the file or through a function "
         "that hands it on (a check that stays on the generator and would reject the manager's format); "
         "migrate that check first",
         suggestion="the rewrite shown, once the check is migrated"),
    Rule("IDM009", "(comment in call)", SHAPE, Safety.MANUAL,
         "a comment inside a call in the header of a compound statement (if, for, with, def ...) has no "
         "line of its own to move to: the rewrite would lose it",
         suggestion="move the comment out of the call, then re-run"),
    Rule("IDM017", "(comment in call)", SHAPE, Safety.FORMAT,
         "the comment inside the call now stands on its own line above the statement (the site is at most "
         "format: check that the comment still describes what it stands above)",
         before='x = UnifiedIdGenerator.generate_base_id(  # the account\n    "user",\n)',
         after="# the account\nx = get_id_manager().generate_id(\n    IDType.USER,\n)"),
    Rule("IDM011", "generate_user_context_ids", SHAPE, Safety.FORMAT,
         "an indexed user-context tuple: [0] thread, [1] run embedding a new thread, [2] request",
         before="UnifiedIdGenerator.generate_user_context_ids(user_id, op)[0]",
         after="get_id_manager().generate_id(IDType.THREAD)"),
    Rule("IDM018", "generate_user_context_ids", SHAPE, Safety.FORMAT,
         "a tuple held whole in one name whose elements the function then only reads by index or unpacks: "
         "split into one name per element it uses (the run ID embeds the thread), the uses read those names",
         before='ids = UnifiedIdGenerator.generate_user_context_ids(user_id, "chat")\nreturn Ctx(ids[0], ids[1])',
         after=("thread_id = get_id_manager().generate_id(IDType.THREAD)\n"
                "run_id = UnifiedIDManager.generate_run_id(thread_id)\nreturn Ctx(thread_id, run_id)")),
    Rule("IDM012", "generate_user_context_ids", SHAPE, Safety.MANUAL,
         "the tuple is used whole (passed on, returned, starred): split it by hand",
         suggestion="thread_id = get_id_manager().generate_id(IDType.THREAD); run_id = UnifiedIDManager.generate_run_id(thread_id); ..."),
    Rule("IDM052", "(undefined member)", SHAPE, Safety.MANUAL,
         "latent AttributeError: arguments do not fit the manager's counterpart, or there is none",
         latent=True, suggestion="see the member's row"),
    Rule("IDM070", "mock.patch(...)", SHAPE, Safety.MANUAL,
         "a patch target string names the generator; patch the manager call the code now makes",
         suggestion='mock.patch.object(UnifiedIDManager, "generate_id")'),
    Rule("IDM071", "patch.object(UnifiedIdGenerator, ...)", SHAPE, Safety.MANUAL,
         "patches the generator class itself",
         suggestion='patch.object(UnifiedIDManager, "generate_id")'),
    Rule("IDM072", "class X(UnifiedIdGenerator)", SHAPE, Safety.MANUAL,
         "a subclass of the generator: its overrides need a design decision",
         suggestion="wrap get_id_manager() instead of subclassing"),
    Rule("IDM073", "UnifiedIdGenerator", SHAPE, Safety.MANUAL,
         "the class itself is used as a value (isinstance, annotation, argument)",
         suggestion="UnifiedIDManager"),
    Rule("IDM074", "UnifiedIdGenerator.<member>", SHAPE, Safety.MANUAL,
         "a member passed around without a call: its caller's arguments are unknown",
         suggestion="lambda: get_id_manager().generate_id(IDType.<TYPE>)"),
    Rule("IDM075", "default_factory=UnifiedIdGenerator.<member>", SHAPE, Safety.FORMAT,
         "a zero-argument factory becomes a lambda of the manager call",
         before="field(default_factory=UnifiedIdGenerator.generate_base_id)",
         after='field(default_factory=lambda: get_id_manager().generate_id(IDType.EXECUTION, prefix="id"))'),
    Rule("IDM076", "__all__ re-export", SHAPE, Safety.FORMAT,
         "a re-export of the generator (e.g. in a package __init__) is removed with its import; "
         "importers of the package must migrate too",
         suggestion="remove the import and the __all__ entry",
         before='from shared.id_generation import UnifiedIdGenerator\n__all__ = ["UnifiedIdGenerator"]',
         after="__all__ = []"),
    Rule("IDM080", "UnifiedIdGenerator()", SHAPE, Safety.FORMAT,
         "the instance becomes the manager singleton where something may still read it (a fixture's "
         "parameters); manual when a call through it stays on the generator or it escapes (passed on, "
         "stored, returned, a fixture other modules share)",
         suggestion="get_id_manager()",
         before="self.id_generator = UnifiedIdGenerator()",
         after="self.id_generator = get_id_manager()"),
    Rule("IDM081", "x = UnifiedIdGenerator() (unread)", SHAPE, Safety.FORMAT,
         "every call through the instance was rewritten and nothing else in the file reads the name: "
         "the assignment is removed (its comments stay)",
         before='gen = UnifiedIdGenerator()\nreturn gen.generate_base_id("user")',
         after="return get_id_manager().generate_id(IDType.USER)"),
    Rule("IDM098", "(configured member)", SHAPE, Safety.FORMAT,
         "a member added in [tool.idmigrate.members] with the kind, type and prefix given there",
         before="UnifiedIdGenerator.generate_widget_id(user_id)",
         after='get_id_manager().generate_id(IDType.TOOL, context={"user_id": user_id})'),
)

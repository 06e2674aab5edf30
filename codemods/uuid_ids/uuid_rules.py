"""Rule rows and word lists of the opt-in recipes ``adhoc-ids`` and ``test-ids``.

Like ``codemods.generator.rules``, this is data: the transformers (``codemods.uuid_ids.adhoc_ids``,
``codemods.uuid_ids.test_ids``) read it, the recipes (``codemods.uuid_ids.recipe``) declare the
rows to the registry, and MIGRATION.md is generated from them (``codemods.docs``). Codes IDM1xx
belong to ``adhoc-ids``, IDM2xx to ``test-ids``.

Both recipes change the ID text (a bare UUID or ``txn_1a2b3c4d`` becomes
``transaction_1_1a2b3c4d``), so nothing they apply is better than ``format``.
"""

from __future__ import annotations

from codemods.core.secret_words import SECRET_ID_WORDS as _SECRET_ID_WORDS

from codemods.core.rules import SHAPE, Rule, by_code
from codemods.core.safety import Safety

ADHOC = "adhoc-ids"
TEST_IDS = "test-ids"

#: Words of ``*_id`` names / ID prefixes that name an IDType without spelling it, beyond the
#: IDType values and the generator's aliases. ``[tool.idmigrate] name_types`` adds to and
#: overrides these (e.g. ``alert = "trace"``).
UUID_NAME_TYPES: dict[str, str] = {
    "correlation": "trace",
    "payment": "transaction",
    "charge": "transaction",
    "refund": "transaction",
    "connection": "websocket",
    "socket": "websocket",
    "conversation": "thread",
    "account": "user",
}

#: A name or literal containing one of these holds a secret, not an ID (``session_token``, ``api_key``):
#: never touched, not even reported. ID-shaped secrets (``session_id``, ``jti``) are reported
#: (``SECRET_ID_WORDS``).
SECRET_WORDS: tuple[str, ...] = (
    "token", "secret", "nonce", "salt", "key", "password", "passwd", "csrf", "otp", "signature",
)

#: Whole words that make a value a secret (defined with the detector, shared by every recipe).
SECRET_ID_WORDS = _SECRET_ID_WORDS

#: Words that make an ID a run ID: it becomes ``UnifiedIDManager.generate_run_id(<thread>)``.
RUN_WORDS: frozenset[str] = frozenset({"run"})

#: Words of a test's path, class or function name that say it is about ID formats or legacy UUIDs.
FORMAT_TEST_WORDS: frozenset[str] = frozenset({
    "format", "formats", "compliance", "compliant", "legacy", "uuid", "uuids", "guid", "guids",
})

#: Words of a fixture, sample or comment that say a test provides raw UUIDs on purpose.
RAW_SAMPLE_WORDS: frozenset[str] = frozenset({
    "raw", "legacy", "invalid", "malformed", "bad", "wrong", "reject", "rejects", "rejected", "uuid", "uuids", "guid", "guids",
})

#: Whole words of a name that say the value is not an ID (a file name, a path, a label):
#: never touched, not reported.
NON_ID_WORDS: frozenset[str] = frozenset({
    "file", "filename", "fname", "path", "dir", "url", "uri", "name", "email", "suffix", "title", "label", "slug",
})

#: Words of a name that say a real UUID is wanted (``request_uuid``): reported, never rewritten.
UUID_WORDS: frozenset[str] = frozenset({"uuid", "guid"})

#: Last words that make a name an ID name (``transaction_id``, ``alert_ids``, ``requestId``).
ID_WORDS: frozenset[str] = frozenset({"id", "ids"})

#: First words of a function name that say it makes something: ``new_session()`` returns a session ID,
#: while ``open_alert()`` returning a uuid says nothing about it.
MAKER_WORDS: frozenset[str] = frozenset({
    "new", "make", "gen", "generate", "create", "build", "next", "mint", "allocate", "fresh", "random", "unique",
})

#: Words of a name that say nothing about what the ID identifies: ``new_transaction_id`` names a
#: transaction ID, ``unique_id`` / ``_short_id`` name nothing.
FILLER_WORDS: frozenset[str] = frozenset({
    "new", "make", "gen", "generate", "create", "build", "get", "next", "random", "rand", "fresh", "mint",
    "unique", "allocate", "short", "long", "full", "raw", "tmp", "temp", "my", "the", "some", "local", "default",
})


KEEP = "keep uuid.uuid4()"


def _row(code: str, member: str, recipe: str, safety: Safety, why: str, before: str, after: str,
         suggestion: str = "") -> Rule:
    return Rule(code, member, SHAPE, safety, why, suggestion=suggestion or after, before=before, after=after,
                recipe=recipe)


UUID_RULES: dict[str, Rule] = by_code(
    (
        # ------------------------------------------------------------------ adhoc-ids
        _row("IDM101", 'f"<prefix>_{uuid4()...}"', ADHOC, Safety.FORMAT,
             "an f-string ID with a literal prefix: the prefix names the IDType (a type value or alias is "
             "dropped, any other prefix is kept as prefix=; an unknown one takes the type from the target "
             "name, else the fallback type)",
             'entry_id = f"txn_{uuid.uuid4().hex[:8]}"',
             "entry_id = get_id_manager().generate_id(IDType.TRANSACTION)"),
        _row("IDM102", '"<prefix>_" + str(uuid4())', ADHOC, Safety.FORMAT,
             "a concatenated ID with a literal prefix, resolved like IDM101",
             'alert_ref = "alert_" + str(uuid.uuid4())',
             'alert_ref = get_id_manager().generate_id(IDType.EXECUTION, prefix="alert")'),
        _row("IDM103", "str(uuid4()) -> *_id", ADHOC, Safety.FORMAT,
             "a bare UUID (str(), .hex, a slice of either) assigned to an *_id name, attribute, keyword, "
             "dict key or field, or returned by a new_*_id() function: the name's words give the IDType "
             "(rules.name_types extends them); an unknown word becomes the fallback type with the word as prefix=",
             "self.transaction_id = str(uuid.uuid4())",
             "self.transaction_id = get_id_manager().generate_id(IDType.TRANSACTION)"),
        _row("IDM104", 'f"<prefix>_{x}_{uuid4()...}"', ADHOC, Safety.FORMAT,
             "an f-string ID with other placeholders before the uuid part: typed by its leading literal "
             "words (else the target name, else the fallback type), the rest of the f-string kept as prefix=",
             'trace_id = f"trace_{user_id}_{uuid.uuid4().hex[:8]}"',
             'trace_id = get_id_manager().generate_id(IDType.TRACE, prefix=f"trace_{user_id}")'),
        _row("IDM105", "run_id = <uuid4 ID> (thread in reach)", ADHOC, Safety.FORMAT,
             "a run ID (its name, wrapper or prefix says run) with a thread_id / *_thread_id parameter or "
             "earlier local in reach: the run ID embeds that thread (any prefix is dropped)",
             'def start(thread_id):\n    run_id = f"run_{uuid.uuid4().hex[:8]}"',
             "def start(thread_id):\n    run_id = UnifiedIDManager.generate_run_id(thread_id)"),
        _row("IDM110", "str(uuid4()) (no prefix, no ID name)", ADHOC, Safety.MANUAL,
             "no prefix and a target that says nothing about the ID (x, id, result, a positional argument): "
             "its type cannot be known",
             "x = str(uuid.uuid4())", "",
             suggestion="x = get_id_manager().generate_id(IDType.<TYPE>), or rename the target to <type>_id and re-run"),
        _row("IDM111", "uuid4() used in other ways", ADHOC, Safety.MANUAL,
             "the expression uses the uuid beyond a prefix + uuid text (a suffix, a second uuid, a format spec, "
             "% or .format(), a method applied to the result): the rewrite would lose part of it",
             'ref = f"txn_{uuid.uuid4().hex[:8]}_v2"', "",
             suggestion="get_id_manager().generate_id(IDType.<TYPE>, prefix=...) and move the rest out of the ID"),
        _row("IDM112", "prefix + str(uuid4())", ADHOC, Safety.MANUAL,
             "a concatenation whose prefix is computed (a variable or a call)",
             'ref = kind + "_" + str(uuid.uuid4())', "",
             suggestion="get_id_manager().generate_id(IDType.<TYPE>, prefix=kind)"),
        _row("IDM113", "str(uuid4()) -> *_uuid", ADHOC, Safety.MANUAL,
             "the name says a real UUID is wanted (*_uuid, *_guid): manager IDs are not UUIDs",
             "request_uuid = str(uuid.uuid4())", "",
             suggestion="keep the UUID, or rename to *_id and use get_id_manager().generate_id(IDType.<TYPE>)"),
        _row("IDM114", "(comment in ID expression)", ADHOC, Safety.MANUAL,
             "a comment inside the expression would be lost by the rewrite",
             'ref = (\n    "txn_"  # ledger\n    + str(uuid.uuid4())\n)', "",
             suggestion="move the comment out of the expression, then re-run"),
        _row("IDM115", "<secret> = uuid4()", ADHOC, Safety.MANUAL,
             "a secret (by its name, its prefix or the API it is passed to: session, jti, state, code, lock, "
             "credential, reset, invite, verification, token...): it needs the 122 random bits of a uuid4, a "
             "manager ID has 32 and a guessable counter; never rewritten",
             "session_id = str(uuid.uuid4())", "",
             suggestion="keep uuid.uuid4() (or use secrets.token_urlsafe())"),
        _row("IDM116", "uuid4() -> outside the process", ADHOC, Safety.MANUAL,
             "leaves the process: keep a UUID. The value reaches an ORM column or its default, a file path, "
             "table name or storage key, an HTTP header, request or response body, an external client, a "
             "message queue or a shared store, so it must stay unique across processes and restarts",
             'job_id = str(uuid.uuid4())\nopen(f"/jobs/{job_id}.json", "w")', "", suggestion=KEEP),
        _row("IDM117", "uuid4() -> UUID field", ADHOC, Safety.MANUAL,
             "must be a UUID: the value reaches a field, column or parameter declared UUID, uuid.UUID(...) or "
             "a key that the file parses with it",
             "event_id = str(uuid.uuid4())\nrow = Event(event_id=event_id)  # event_id = Column(UUID)", "",
             suggestion=KEEP),
        _row("IDM118", "run_id = <uuid4 ID> (no thread)", ADHOC, Safety.MANUAL,
             "run ID without a thread in reach: a manager run ID embeds its thread ID, and no thread_id / "
             "*_thread_id parameter or earlier local is in reach",
             'run_id = f"run_{uuid.uuid4().hex[:8]}"', "",
             suggestion="pass the thread ID in, then UnifiedIDManager.generate_run_id(thread_id)"),
        _row("IDM119", "<Type>ID(uuid4())", ADHOC, Safety.MANUAL,
             "the ID is wrapped in ensure_<type>_id(...) / <Type>ID(...) of a type the manager has no IDType "
             "for: never the fallback type inside a typed wrapper",
             "org_id = OrgID(str(uuid.uuid4()))", "",
             suggestion="add the word to [tool.idmigrate.name_types], or keep uuid.uuid4()"),
        _row("IDM121", "uuid4() outside adhoc_ids_paths", ADHOC, Safety.MANUAL,
             "production rewriting is opt-in: this file is outside [tool.idmigrate] adhoc_ids_paths. Every "
             "rewritten production site registers its IDs in the manager for the life of the process "
             "(about 310 B each, never freed without release_id), so each service or path is opted in deliberately",
             'request_id = str(uuid.uuid4())  # in a hot path', "",
             suggestion="add the service or path to adhoc_ids_paths, or keep uuid.uuid4()"),
        _row("IDM122", "uuid4() text cut (x[:2], split)", ADHOC, Safety.MANUAL,
             "the ID's text is cut (sliced or split, e.g. file_id[:2] to shard storage) or embedded in an email: "
             "a manager ID starts with its type word, so the pieces no longer tell IDs apart",
             "file_id = uuid.uuid4().hex\nshard = file_id[:2]", "",
             suggestion="keep uuid.uuid4(), or cut the ID's random tail instead"),
        _row("IDM120", "def <custom generator>", ADHOC, Safety.MANUAL,
             "a function whose only job is to build a uuid-based ID: its return expression is rewritten "
             "where it qualifies, so callers keep working; call the manager directly and delete the function",
             'def new_txn_id():\n    return f"txn_{uuid.uuid4().hex[:8]}"', "",
             suggestion="replace new_txn_id() with get_id_manager().generate_id(IDType.TRANSACTION)"),
        # ------------------------------------------------------------------ test-ids
        _row("IDM201", "uuid4().hex[:8] (test)", TEST_IDS, Safety.FORMAT,
             "a throwaway test identifier: the target name gives the IDType, else the fallback type",
             "user_id = uuid.uuid4().hex[:8]",
             "user_id = get_id_manager().generate_id(IDType.USER)"),
        _row("IDM202", 'f"<prefix>_{uuid4().hex[:8]}" (test)', TEST_IDS, Safety.FORMAT,
             "a prefixed test identifier (f-string or concatenation): the prefix gives the IDType as in IDM101",
             'thread_id = f"test_thread_{uuid.uuid4().hex[:8]}"',
             'thread_id = get_id_manager().generate_id(IDType.THREAD, prefix="test_thread")'),
        _row("IDM203", "test_id_helper", TEST_IDS, Safety.FORMAT,
             "with [tool.idmigrate] test_id_helper = 'pkg.module:function' set, IDM201/IDM202 sites call that "
             "helper with the manager's generate_id arguments, and the helper is imported",
             "run_id = str(uuid.uuid4())[:8]",
             "run_id = test_id(IDType.EXECUTION)"),
        _row("IDM204", "run_id = uuid4() (test, thread in reach)", TEST_IDS, Safety.FORMAT,
             "as IDM105, in a test", 'def test_run(thread_id):\n    run_id = str(uuid.uuid4())[:8]',
             "def test_run(thread_id):\n    run_id = UnifiedIDManager.generate_run_id(thread_id)"),
        _row("IDM210", "uuid4().hex[:8] (format asserted)", TEST_IDS, Safety.MANUAL,
             "the test asserts on the identifier's format (len(), re.match(), uuid.UUID(), startswith, "
             "slicing, a uuid pattern): a manager ID would fail it",
             "short = uuid.uuid4().hex[:8]\nassert len(short) == 8", "",
             suggestion="decide what the test checks; assert is_valid_id_format(x) for a manager ID"),
        _row("IDM211", "uuid4() used in other ways (test)", TEST_IDS, Safety.MANUAL,
             "as IDM111, in a test", 'name = f"u_{uuid.uuid4().hex[:4]}_{uuid.uuid4().hex[:4]}"', "",
             suggestion="get_id_manager().generate_id(IDType.<TYPE>, prefix=...) and move the rest out of the ID"),
        _row("IDM212", "prefix + str(uuid4()) (test)", TEST_IDS, Safety.MANUAL,
             "as IDM112, in a test", "ref = kind + str(uuid.uuid4())", "",
             suggestion="get_id_manager().generate_id(IDType.<TYPE>, prefix=kind)"),
        _row("IDM213", "uuid4() -> *_uuid (test)", TEST_IDS, Safety.MANUAL,
             "as IDM113, in a test", "request_uuid = str(uuid.uuid4())", "",
             suggestion="keep the UUID, or rename to *_id and use get_id_manager().generate_id(IDType.<TYPE>)"),
        _row("IDM214", "(comment in test ID expression)", TEST_IDS, Safety.MANUAL,
             "as IDM114, in a test", 'user_id = (  # fresh\n    uuid.uuid4().hex[:8]\n)', "",
             suggestion="move the comment out of the expression, then re-run"),
        _row("IDM216", "<secret> = uuid4() (test)", TEST_IDS, Safety.MANUAL,
             "as IDM115, in a test: secrets are never rewritten", "state = uuid.uuid4().hex", "",
             suggestion="keep uuid.uuid4()"),
        _row("IDM217", "uuid4() -> outside the process (test)", TEST_IDS, Safety.MANUAL,
             "as IDM116, in a test (an HTTP client call, a queue, a store, a file)",
             'client.post("/threads", json={"thread_id": str(uuid.uuid4())})', "", suggestion=KEEP),
        _row("IDM218", "uuid4() -> UUID field (test)", TEST_IDS, Safety.MANUAL,
             "as IDM117, in a test", "record = TraceRecord(trace_id=str(uuid.uuid4()))  # trace_id: UUID", "",
             suggestion=KEEP),
        _row("IDM219", "run_id = uuid4() (test, no thread)", TEST_IDS, Safety.MANUAL,
             "as IDM118, in a test", "run_id = str(uuid.uuid4())[:8]", "",
             suggestion="create the thread first, then UnifiedIDManager.generate_run_id(thread_id)"),
        _row("IDM220", "<Type>ID(uuid4()) (test)", TEST_IDS, Safety.MANUAL,
             "as IDM119, in a test", "org_id = OrgID(uuid.uuid4().hex[:8])", "",
             suggestion="add the word to [tool.idmigrate.name_types], or keep uuid.uuid4()"),
        _row("IDM221", "uuid4() text cut or embedded (test)", TEST_IDS, Safety.MANUAL,
             "the test derives from the ID's text (x[:8], split, an email or file name built from it): a "
             "manager ID's first characters are its type word, so the derived values collide",
             'user_id = uuid.uuid4().hex\nemail = f"{user_id[:8]}@example.com"', "",
             suggestion="derive from uuid.uuid4() directly, or keep it"),
        _row("IDM222", "uuid4() in an ID-format test", TEST_IDS, Safety.MANUAL,
             "a test about ID formats, compliance or legacy UUIDs (by its path, its class or function name, or "
             "an assertion about UUID shape) simulates raw UUIDs on purpose",
             "def test_legacy_uuid_accepted():\n    legacy = str(uuid.uuid4())", "", suggestion=KEEP),
        _row("IDM223", "raw-UUID fixture or sample", TEST_IDS, Safety.MANUAL,
             "a fixture or sample that provides a raw UUID on purpose (its name or a comment says raw, legacy, "
             "invalid, uuid...): a manager ID would turn a should-fail sample into a valid one",
             'INVALID_IDS = [str(uuid.uuid4())]  # should fail: raw UUID', "", suggestion=KEEP),
        _row("IDM215", "test_id_helper (name clash)", TEST_IDS, Safety.MANUAL,
             "the file already binds the configured test_id_helper's name to something else",
             "def test_id(): ...\nuser_id = uuid.uuid4().hex[:8]", "",
             suggestion="rename the local name, then re-run"),
    )
)

#: The reason a manual finding starts with, before what the site says (its flow, its name):
#: ``leaves the process: keep a UUID: job_id -> open() (a file path) at L42``. Codes not listed start
#: with their row's ``why``.
SHORT_WHY: dict[str, str] = {
    **dict.fromkeys(("IDM115", "IDM216"), "a secret: never rewritten"),
    **dict.fromkeys(("IDM116", "IDM217"), "leaves the process: keep a UUID"),
    **dict.fromkeys(("IDM117", "IDM218"), "must be a UUID"),
    **dict.fromkeys(("IDM118", "IDM219"), "run ID without a thread in reach"),
    **dict.fromkeys(("IDM119", "IDM220"), "the typed wrapper names no IDType"),
    **dict.fromkeys(("IDM122", "IDM221"), "its text is cut or embedded: a manager ID starts with its type word"),
    "IDM121": ("production rewriting is opt-in ([tool.idmigrate] adhoc_ids_paths): each rewritten site registers "
               "its IDs for the life of the process, ~310 B each"),
    "IDM222": "a test about ID formats or legacy UUIDs: keep the raw UUID",
    "IDM223": "a raw UUID on purpose: keep it",
}

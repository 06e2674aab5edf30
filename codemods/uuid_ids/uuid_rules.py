"""Rule rows and word lists of the opt-in recipes ``adhoc-ids`` and ``test-ids``.

Like ``codemods.generator.rules``, this is data: the transformers (``codemods.uuid_ids.adhoc_ids``,
``codemods.uuid_ids.test_ids``) read it, the recipes (``codemods.uuid_ids.recipe``) declare the
rows to the registry, and MIGRATION.md is generated from them (``codemods.docs``). Codes IDM1xx
belong to ``adhoc-ids``, IDM2xx to ``test-ids``.

Both recipes change the ID text (a bare UUID or ``txn_1a2b3c4d`` becomes
``transaction_1_1a2b3c4d``), so nothing they apply is better than ``format``.
"""

from __future__ import annotations

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

#: A name or literal containing one of these holds a secret, not an ID: never touched,
#: not even reported (manager IDs carry 32 random bits and a guessable counter).
SECRET_WORDS: tuple[str, ...] = (
    "token", "secret", "nonce", "salt", "key", "password", "passwd", "csrf", "otp", "signature",
)

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
             'session_id = f"session_{user_id}_{uuid.uuid4().hex[:8]}"',
             'session_id = get_id_manager().generate_id(IDType.SESSION, prefix=f"session_{user_id}")'),
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
        _row("IDM215", "test_id_helper (name clash)", TEST_IDS, Safety.MANUAL,
             "the file already binds the configured test_id_helper's name to something else",
             "def test_id(): ...\nuser_id = uuid.uuid4().hex[:8]", "",
             suggestion="rename the local name, then re-run"),
    )
)

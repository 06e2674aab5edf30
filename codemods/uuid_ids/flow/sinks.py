"""What a place a value reaches says about it: must it stay a UUID, does it leave the process,
is it a secret? Tables and predicates over stdlib ``ast`` nodes; no walking (``trace`` walks).

Each predicate answers with a short description of the place (``"Column(UUID)"``,
``"redis.set()"``), or None. Unknown calls are not sinks: only what a name or a shape says
counts, and everything here errs towards keeping the UUID.
"""

from __future__ import annotations

import ast

from codemods.uuid_ids.naming import secret_word, words

#: Kinds of what a value reaches, strongest first.
UUID, OUT, SECRET, DERIVED = "uuid", "out", "secret", "derived"

_ORM_COLUMNS = frozenset({"Column", "mapped_column"})
_COLUMN_DEFAULTS = frozenset({"default", "server_default", "onupdate", "insert_default"})
#: Calls whose result still carries the argument (same key, same container).
TRANSPARENT = frozenset({"str", "repr", "dict", "list", "tuple", "set", "frozenset", "sorted", "copy", "deepcopy",
                         "asdict", "astuple", "replace", "field", "Field", "MappingProxyType", "dumps", "format",
                         "join", "strip", "lower", "upper"})
#: Always an outgoing message, whatever the receiver.
_MESSAGE_METHODS = frozenset({
    "publish", "send", "send_json", "send_text", "send_bytes", "sendall", "send_message", "send_event", "emit",
    "enqueue", "produce", "basic_publish", "publish_message", "delay", "apply_async", "broadcast", "xadd",
})
#: Redis (and alike) writes: a store shared by every process.
_SHARED_STORE_METHODS = frozenset({
    "hset", "hsetnx", "hmset", "setex", "psetex", "setnx", "mset", "msetnx", "sadd", "lpush", "rpush", "zadd",
    "getset", "pfadd", "geoadd",
})
#: Generic writes that leave the process when the receiver is a store.
_STORE_METHODS = frozenset({
    "set", "add", "save", "store", "write", "insert", "upsert", "persist", "create", "put", "put_item", "merge",
    "add_all", "update", "set_many", "hmset",
})
_STORE_WORDS = frozenset({
    "redis", "cache", "store", "storage", "kv", "memcache", "memcached", "db", "database", "repo", "repository",
    "table", "collection", "bucket", "s3", "gcs", "blob", "fs", "disk", "session", "dynamo", "dynamodb", "mongo",
})
_HTTP_VERBS = frozenset({"get", "post", "put", "patch", "delete", "request", "head", "options", "fetch", "put_nowait"})
_HTTP_WORDS = frozenset({
    "requests", "httpx", "aiohttp", "http", "client", "session", "api", "gateway", "urllib", "urllib3", "webhook",
    "queue", "q", "outbox", "bus", "channel", "broker",
})
_HTTP_KEYWORDS = frozenset({"headers", "json", "data", "params", "cookies", "content", "files"})
_RESPONSES = frozenset({
    "JSONResponse", "Response", "HTMLResponse", "PlainTextResponse", "StreamingResponse", "ORJSONResponse",
    "jsonify", "json_response", "make_response", "HttpResponse", "JsonResponse",
})
_HEADER_METHODS = frozenset({"set_header", "add_header", "set_cookie", "putheader"})
_PATH_FUNCS = frozenset({
    "open", "Path", "PurePath", "PosixPath", "WindowsPath", "joinpath", "makedirs", "mkdir", "remove", "unlink",
    "rmdir", "rmtree", "rename", "copy", "copyfile", "copy2", "move", "write_text", "write_bytes", "listdir",
    "scandir", "upload", "upload_file", "upload_fileobj", "put_object", "download_file", "blob", "NamedTemporaryFile",
})
_PATH_KEYWORDS = frozenset({
    "path", "file", "filename", "filepath", "file_path", "dest", "destination", "directory", "dir", "key", "Key",
    "object_name", "blob_name", "bucket", "Bucket", "table", "table_name", "tablename", "collection", "topic",
    "queue_name", "channel",
})
_DB_METHODS = frozenset({"execute", "executemany", "insert_one", "insert_many", "bulk_insert", "bulk_write",
                         "copy_from", "copy_expert"})
_EXTERNAL_WORDS = frozenset({
    "client", "gateway", "api", "sdk", "stripe", "webhook", "producer", "publisher", "broker", "kafka", "sqs", "sns",
    "pubsub", "bus", "stub", "s3", "gcs", "bucket", "storage", "redis", "rabbit", "rabbitmq", "amqp", "celery", "ws",
    "websocket", "socket", "http", "requests", "httpx", "aiohttp", "grpc", "smtp", "mailer", "twilio",
})
#: Calls and receivers that handle credentials: a value passed to them is a secret.
_SECRET_CALL_WORDS = frozenset({
    "jwt", "oauth", "oauth2", "sign", "signer", "csrf", "otp", "totp", "token", "tokens", "credential",
    "credentials", "password", "passwords", "secret", "secrets", "jti", "lock", "locks",
})
_SESSION_STORE_WORDS = frozenset({"store", "cache", "redis", "manager", "registry", "backend", "storage"})
#: Words of a name (not an ID name) that say the value is a place outside the process.
LOCATION_WORDS = frozenset({
    "path", "paths", "file", "filename", "filepath", "dir", "directory", "folder", "url", "uri", "table",
    "tablename", "bucket", "blob", "key", "topic", "queue", "channel", "stream", "header", "headers", "cookie",
})
_ROUTE_DECORATORS = frozenset({"get", "post", "put", "patch", "delete", "route", "api_route", "websocket", "head",
                               "options", "view"})
_FILE_EXTENSIONS = (".json", ".txt", ".csv", ".log", ".pdf", ".bin", ".dat", ".parquet", ".zip", ".gz", ".tar",
                    ".png", ".jpg", ".html", ".xml", ".yaml", ".yml", ".db", ".sqlite", ".tmp", ".lock", ".py")
_SQL_MARKS = ("select ", "insert ", "update ", "delete ", "create table", "drop table", "alter table", " from ",
              " into ", "truncate ")


def _identifiers(node: ast.AST) -> list[str]:
    """Names along a call's ``func`` chain, outermost last: ``self._redis.set`` -> self, _redis, set."""
    out: list[str] = []
    while True:
        if isinstance(node, ast.Attribute):
            out.append(node.attr)
            node = node.value
        elif isinstance(node, ast.Name):
            out.append(node.id)
            break
        elif isinstance(node, ast.Call):
            node = node.func
        elif isinstance(node, ast.Subscript):
            node = node.value
        else:
            break
    return out[::-1]


def call_name(call: ast.Call) -> str:
    parts = _identifiers(call.func)
    return ".".join(parts) if parts else "<call>"


def mentions_uuid_type(node: ast.AST | None) -> bool:
    """An annotation or column type that says UUID: ``UUID``, ``uuid.UUID``, ``Optional[UUID]``, ``Mapped[UUID]``,
    ``UUID(as_uuid=True)``, ``PG_UUID``, ``"UUID"``."""
    if node is None:
        return False
    for sub in ast.walk(node):
        if isinstance(sub, ast.Name) and "UUID" in sub.id:
            return True
        if isinstance(sub, ast.Attribute) and "UUID" in sub.attr:
            return True
        if isinstance(sub, ast.Constant) and isinstance(sub.value, str) and "UUID" in sub.value:
            return True
    return False


def is_column(node: ast.AST | None) -> bool:
    return isinstance(node, ast.Call) and (_identifiers(node.func) or [""])[-1] in _ORM_COLUMNS


def column_kind(column: ast.Call) -> tuple[str, str]:
    """(kind, description) of a value stored in an ORM column."""
    shown = (_identifiers(column.func) or ["Column"])[-1]
    if any(mentions_uuid_type(arg) for arg in column.args):
        return UUID, f"{shown}(UUID)"
    primary = any(k.arg == "primary_key" and isinstance(k.value, ast.Constant) and k.value.value is True
                  for k in column.keywords)
    return OUT, f"{shown}(primary_key=True)" if primary else f"an ORM column, {shown}(...)"


def classify_call(call: ast.Call, keyword: str | None, index: int | None) -> list[tuple[str, str]]:
    """What passing a value to ``call`` (as ``keyword=`` or the ``index``-th argument) means."""
    parts = _identifiers(call.func)
    if not parts:
        return []
    last, receiver = parts[-1], [w for p in parts[:-1] for w in words(p)]
    shown = ".".join(parts[-2:]) + "()"
    found: list[tuple[str, str]] = []
    if last == "UUID":
        found.append((UUID, f"{'.'.join(parts)}(...)"))
    if last in _ORM_COLUMNS:
        kind, place = column_kind(call)
        found.append((kind, f"the {keyword}= of {place}" if keyword in _COLUMN_DEFAULTS else place))
    secret = _secret_call(last, receiver)
    if secret:
        found.append((SECRET, f"{shown} ({secret})"))
    if last in _MESSAGE_METHODS:
        found.append((OUT, f"{shown} (a message)"))
    elif last in _SHARED_STORE_METHODS:
        found.append((OUT, f"{shown} (a shared store)"))
    elif last in _STORE_METHODS and _STORE_WORDS & set(receiver):
        found.append((OUT, f"{shown} (a store)"))
    elif last in _HTTP_VERBS and (_HTTP_WORDS & set(receiver) or _urlish(call)
                                  or any(k.arg in _HTTP_KEYWORDS for k in call.keywords)):
        found.append((OUT, f"{shown} (an outgoing request)"))
    elif last in _RESPONSES:
        found.append((OUT, f"{shown} (a response body)"))
    elif last in _HEADER_METHODS:
        found.append((OUT, f"{shown} (an HTTP header)"))
    elif last in _PATH_FUNCS or (last == "join" and {"path", "os", "posixpath"} & set(receiver)):
        found.append((OUT, f"{shown} (a file path)"))
    elif last in _DB_METHODS:
        found.append((OUT, f"{shown} (a database write)"))
    elif _EXTERNAL_WORDS & set(receiver):
        found.append((OUT, f"{shown} (an external client call)"))
    if keyword in _HTTP_KEYWORDS:
        found.append((OUT, f"{keyword}= of {shown}"))
    elif keyword in _PATH_KEYWORDS:
        found.append((OUT, f"{keyword}= of {shown} (a path or storage key)"))
    return found


def _secret_call(last: str, receiver: list[str]) -> str | None:
    own = set(words(last))
    hit = sorted((own | set(receiver)) & _SECRET_CALL_WORDS)
    if hit:
        return f"a {hit[0]} API"
    if "session" in own or "sessions" in own:
        return "a session API"
    if {"session", "sessions"} & set(receiver) and _SESSION_STORE_WORDS & set(receiver):
        return "a session store"
    return None


def _urlish(call: ast.Call) -> bool:
    if not call.args:
        return False
    first = call.args[0]
    text = first.value if isinstance(first, ast.Constant) else None
    if isinstance(first, ast.JoinedStr) and first.values and isinstance(first.values[0], ast.Constant):
        text = first.values[0].value
    return isinstance(text, str) and text.startswith(("http://", "https://", "/"))


def text_place(texts: list[str]) -> tuple[str, str] | None:
    """What literal text around an embedded ID says the result is: a path, an email, SQL, a URL."""
    joined = "".join(texts)
    lowered = joined.lower()
    if "@" in joined and "{" not in joined:
        return DERIVED, "an email address"
    if "://" in joined:
        return OUT, "a URL"
    if "/" in joined or "\\" in joined or lowered.endswith(_FILE_EXTENSIONS) \
            or any(lowered.rstrip("'\"").endswith(ext) for ext in _FILE_EXTENSIONS):
        return OUT, "a file path"
    if any(mark in f" {lowered} " for mark in _SQL_MARKS):
        return OUT, "an SQL statement (a table name)"
    return None


def name_place(name: str) -> tuple[str, str] | None:
    """What a name the value is stored under says: a secret, a UUID, or a place outside the process."""
    secret = secret_word(name)
    if secret:
        return SECRET, f"the name {name!r} says {secret}"
    ws = words(name)
    if {"uuid", "uuids", "guid"} & set(ws):
        return UUID, f"the name {name!r} says UUID"
    if name.lower().startswith("x-") or name in ("Authorization", "Cookie", "Set-Cookie"):
        return OUT, f"the HTTP header {name!r}"
    if ws and ws[-1] not in ("id", "ids") and LOCATION_WORDS & set(ws):
        return OUT, f"{name!r}, a path, key or channel outside the process"
    return None


def is_route(func: ast.AST) -> str | None:
    """``@router.get("/x")``, ``@app.route(...)``: the function's return is a response body."""
    for deco in getattr(func, "decorator_list", ()):
        target = deco.func if isinstance(deco, ast.Call) else deco
        parts = _identifiers(target)
        if len(parts) >= 2 and parts[-1] in _ROUTE_DECORATORS:
            return ".".join(parts) + "(...)"
    return None

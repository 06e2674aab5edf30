"""Which words make a name or an ID prefix a secret. Shared by every recipe: a secret is never
rewritten into a manager ID (a manager ID carries 32 random bits and a guessable counter). No libcst."""

from __future__ import annotations

import re

_CAMEL = re.compile(r"([a-z0-9])([A-Z])")
_NOT_IDENT = re.compile(r"[\W_]+")

#: Words of a name or ID prefix (whole words) that make the value a secret or a credential: reported,
#: never rewritten, in production and tests. A manager ID carries 32 random bits and a guessable
#: counter; a session key, a JWT ``jti``, an OAuth ``state`` or ``code`` needs all 122 of a uuid4.
SECRET_ID_WORDS: frozenset[str] = frozenset({
    "session", "sessions", "sess", "sid", "jti", "state", "code", "codes", "credential", "credentials", "cred",
    "creds", "lock", "locks", "idempotency", "password", "passwd", "reset", "invite", "invites", "invitation",
    "verification", "verify", "token", "tokens", "secret", "secrets", "nonce", "salt", "csrf", "xsrf", "otp",
    "totp", "signature", "apikey",
})


def words(name: str) -> list[str]:
    """``transactionId`` / ``transaction_id`` / ``"transaction-id"`` -> ``["transaction", "id"]``."""
    return [w for w in _NOT_IDENT.split(_CAMEL.sub(r"\1_\2", name).lower()) if w]


def secret_word(text: str | None, ignore: frozenset[str] | set[str] = frozenset()) -> str | None:
    """The word that makes a name or ID prefix a secret (``session_id`` -> session, ``jti``, ``api_key``);
    words in ``ignore`` do not count on their own (a recipe whose IDs have a SESSION type ignores
    ``session``, but ``session_key`` stays a secret)."""
    if not text:
        return None
    ws = words(text)
    for word in ws:
        if word in ignore:
            continue
        if word in SECRET_ID_WORDS:
            return word
        if word.endswith(("token", "tokens", "secret", "password")) or word.startswith("csrf"):
            return word
    if "key" in ws:
        for owner in ("api", "session", "sess", "signing", "private", "encryption"):
            if owner in ws:
                return f"{owner} key"
    return None

# idmigrate snapshot: secrets (unchanged)
# findings:
#   9:22 IDM115 manual [adhoc-ids] <secret> = uuid4()
#       why: a secret: never rewritten: the name 'session_id' says session at L9
#       ->   keep uuid.uuid4() (or use secrets.token_urlsafe())
#   15:38 IDM115 manual [adhoc-ids] <secret> = uuid4()
#       why: a secret: never rewritten: the name 'jti' says jti at L15
#       ->   keep uuid.uuid4() (or use secrets.token_urlsafe())
#   20:13 IDM115 manual [adhoc-ids] <secret> = uuid4()
#       why: a secret: never rewritten: the name 'state' says state at L20
#       ->   keep uuid.uuid4() (or use secrets.token_urlsafe())
#   25:17 IDM115 manual [adhoc-ids] <secret> = uuid4()
#       why: a secret: never rewritten: the name 'auth_code' says code at L25
#       ->   keep uuid.uuid4() (or use secrets.token_urlsafe())
#   31:26 IDM115 manual [adhoc-ids] <secret> = uuid4()
#       why: a secret: never rewritten: ['client_id'] -> the return of new_credentials() (credentials) at L30
#       ->   keep uuid.uuid4() (or use secrets.token_urlsafe())
#   35:11 IDM115 manual [adhoc-ids] <secret> = uuid4()
#       why: a secret: never rewritten: ref -> cache.acquire_lock() (a lock API) at L36
#       ->   keep uuid.uuid4() (or use secrets.token_urlsafe())
#   37:12 IDM115 manual [adhoc-ids] <secret> = uuid4()
#       why: a secret: never rewritten: its prefix 'sess' says sess
#       ->   keep uuid.uuid4() (or use secrets.token_urlsafe())

# ------------------------------ before
import uuid


class RedisSessionStore:
    def __init__(self, redis):
        self._redis = redis

    def create(self, user_id):
        session_id = str(uuid.uuid4())
        self._redis.set(f"session:{session_id}", user_id)
        return session_id


def issue(subject, encode):
    claims = {"sub": subject, "jti": str(uuid.uuid4())}
    return encode(claims)


def authorize_url(client_id):
    state = uuid.uuid4().hex
    return f"https://idp.example/authorize?client_id={client_id}&state={state}"


def issue_code(grants, user_id):
    auth_code = uuid.uuid4().hex
    grants[auth_code] = user_id
    return auth_code


def new_credentials():
    return {"client_id": str(uuid.uuid4()), "api_key": uuid.uuid4().hex}


def reserve(cache, name):
    ref = str(uuid.uuid4())
    cache.acquire_lock(name, ref)
    return f"sess_{uuid.uuid4().hex}"

# ------------------------------ after
import uuid


class RedisSessionStore:
    def __init__(self, redis):
        self._redis = redis

    def create(self, user_id):
        session_id = str(uuid.uuid4())
        self._redis.set(f"session:{session_id}", user_id)
        return session_id


def issue(subject, encode):
    claims = {"sub": subject, "jti": str(uuid.uuid4())}
    return encode(claims)


def authorize_url(client_id):
    state = uuid.uuid4().hex
    return f"https://idp.example/authorize?client_id={client_id}&state={state}"


def issue_code(grants, user_id):
    auth_code = uuid.uuid4().hex
    grants[auth_code] = user_id
    return auth_code


def new_credentials():
    return {"client_id": str(uuid.uuid4()), "api_key": uuid.uuid4().hex}


def reserve(cache, name):
    ref = str(uuid.uuid4())
    cache.acquire_lock(name, ref)
    return f"sess_{uuid.uuid4().hex}"

# idmigrate snapshot: test_text_cut (unchanged)
# findings:
#   5:15 IDM221 manual [test-ids] uuid4() text cut or embedded (test)
#       why: its text is cut or embedded: a manager ID starts with its type word: user_id -> user_id[:8] (its text is cut) at L6
#       ->   derive from uuid.uuid4() directly, or keep it
#   11:17 IDM221 manual [test-ids] uuid4() text cut or embedded (test)
#       why: its text is cut or embedded: a manager ID starts with its type word: tenant_id -> tenant_id.split() (its text is cut) at L12
#       ->   derive from uuid.uuid4() directly, or keep it
#   17:17 IDM221 manual [test-ids] uuid4() text cut or embedded (test)
#       why: its text is cut or embedded: a manager ID starts with its type word: member_id -> an email address at L18
#       ->   derive from uuid.uuid4() directly, or keep it

# ------------------------------ before
import uuid


def test_signup(service):
    user_id = uuid.uuid4().hex
    email = f"{user_id[:8]}@example.com"
    service.signup(user_id, email)


def test_suffix(service):
    tenant_id = str(uuid.uuid4())
    suffix = tenant_id.split("-")[0]
    assert service.create(tenant_id, suffix)


def test_invite(service):
    member_id = uuid.uuid4().hex[:8]
    service.invite(f"{member_id}@example.com")

# ------------------------------ after
import uuid


def test_signup(service):
    user_id = uuid.uuid4().hex
    email = f"{user_id[:8]}@example.com"
    service.signup(user_id, email)


def test_suffix(service):
    tenant_id = str(uuid.uuid4())
    suffix = tenant_id.split("-")[0]
    assert service.create(tenant_id, suffix)


def test_invite(service):
    member_id = uuid.uuid4().hex[:8]
    service.invite(f"{member_id}@example.com")

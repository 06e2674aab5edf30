# idmigrate snapshot: leaves_the_process (unchanged)
# findings:
#   9:63 IDM116 manual [adhoc-ids] uuid4() -> outside the process
#       why: leaves the process: keep a UUID: the default= of Column(primary_key=True) at L9
#       ->   keep uuid.uuid4()
#   10:49 IDM116 manual [adhoc-ids] uuid4() -> outside the process
#       why: leaves the process: keep a UUID: the default= of an ORM column, Column(...) at L10
#       ->   keep uuid.uuid4()
#   20:22 IDM116 manual [adhoc-ids] uuid4() -> outside the process
#       why: leaves the process: keep a UUID: message_id -> ['message_id'] -> _bus.publish() (a message) at L21
#       ->   keep uuid.uuid4()
#   24:26 IDM116 manual [adhoc-ids] uuid4() -> outside the process
#       why: leaves the process: keep a UUID: transaction_id -> _gateway.charge() (an external client call) at L25
#       ->   keep uuid.uuid4()
#   28:18 IDM116 manual [adhoc-ids] uuid4() -> outside the process
#       why: leaves the process: keep a UUID: job_id -> a file path at L29
#       ->   keep uuid.uuid4()
#   33:21 IDM116 manual [adhoc-ids] uuid4() -> outside the process
#       why: leaves the process: keep a UUID: corpus_id -> an SQL statement (a table name) at L34
#       ->   keep uuid.uuid4()
#   37:22 IDM116 manual [adhoc-ids] uuid4() -> outside the process
#       why: leaves the process: keep a UUID: request_id -> the HTTP header 'X-Request-ID' at L38
#       ->   keep uuid.uuid4()
#   43:26 IDM116 manual [adhoc-ids] uuid4() -> outside the process
#       why: leaves the process: keep a UUID: ['export_id'] -> the response of create_export(), a router.post(...) handler at L42
#       ->   keep uuid.uuid4()

# ------------------------------ before
import os
import uuid

from app.db import Column, Model, String
from app.web import router


class Job(Model):
    job_id = Column(String, primary_key=True, default=lambda: str(uuid.uuid4()))
    corpus_ref = Column(String, default=lambda: f"corpus_{uuid.uuid4().hex[:8]}")


class Notifier:
    def __init__(self, bus, gateway, root):
        self._bus = bus
        self._gateway = gateway
        self.root = root

    def notify(self, text):
        message_id = str(uuid.uuid4())
        self._bus.publish("notifications", {"message_id": message_id, "text": text})

    def charge(self, amount):
        transaction_id = f"txn_{uuid.uuid4().hex[:12]}"
        return self._gateway.charge(transaction_id=transaction_id, amount=amount)

    def export(self, rows):
        job_id = str(uuid.uuid4())
        with open(os.path.join(self.root, f"{job_id}.json"), "w") as fh:
            fh.write(str(rows))

    def corpus(self, db):
        corpus_id = uuid.uuid4().hex[:8]
        db.execute(f"CREATE TABLE corpus_{corpus_id} (id TEXT)")

    def call(self, http):
        request_id = str(uuid.uuid4())
        return http.get("/status", headers={"X-Request-ID": request_id})


@router.post("/exports")
def create_export(request):
    return {"export_id": str(uuid.uuid4()), "status": "queued"}

# ------------------------------ after
import os
import uuid

from app.db import Column, Model, String
from app.web import router


class Job(Model):
    job_id = Column(String, primary_key=True, default=lambda: str(uuid.uuid4()))
    corpus_ref = Column(String, default=lambda: f"corpus_{uuid.uuid4().hex[:8]}")


class Notifier:
    def __init__(self, bus, gateway, root):
        self._bus = bus
        self._gateway = gateway
        self.root = root

    def notify(self, text):
        message_id = str(uuid.uuid4())
        self._bus.publish("notifications", {"message_id": message_id, "text": text})

    def charge(self, amount):
        transaction_id = f"txn_{uuid.uuid4().hex[:12]}"
        return self._gateway.charge(transaction_id=transaction_id, amount=amount)

    def export(self, rows):
        job_id = str(uuid.uuid4())
        with open(os.path.join(self.root, f"{job_id}.json"), "w") as fh:
            fh.write(str(rows))

    def corpus(self, db):
        corpus_id = uuid.uuid4().hex[:8]
        db.execute(f"CREATE TABLE corpus_{corpus_id} (id TEXT)")

    def call(self, http):
        request_id = str(uuid.uuid4())
        return http.get("/status", headers={"X-Request-ID": request_id})


@router.post("/exports")
def create_export(request):
    return {"export_id": str(uuid.uuid4()), "status": "queued"}

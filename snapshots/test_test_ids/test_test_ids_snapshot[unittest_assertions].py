# idmigrate snapshot: unittest_assertions (unchanged)
# findings:
#   7:26 IDM210 manual [test-ids] uuid4().hex[:8] (format asserted)
#       why: the test asserts on the identifier's format (len(), re.match(), uuid.UUID(), startswith, slicing, a uuid pattern): a manager ID would fail it
#       ->   get_id_manager().generate_id(IDType.THREAD)  # and fix the assertion
#   8:25 IDM210 manual [test-ids] uuid4().hex[:8] (format asserted)
#       why: the test asserts on the identifier's format (len(), re.match(), uuid.UUID(), startswith, slicing, a uuid pattern): a manager ID would fail it
#       ->   get_id_manager().generate_id(IDType.EXECUTION, prefix="other")  # and fix the assertion

# ------------------------------ before
import unittest
import uuid


class SessionTest(unittest.TestCase):
    def setUp(self):
        self.thread_id = str(uuid.uuid4())[:8]
        self.other_id = str(uuid.uuid4())[:8]

    def test_shape(self):
        self.assertEqual(len(self.thread_id), 8)
        self.assertRegex(self.other_id, "^[0-9a-f]+$")

    def test_other(self):
        self.assertNotEqual(self.thread_id, self.other_id)

# ------------------------------ after
import unittest
import uuid


class SessionTest(unittest.TestCase):
    def setUp(self):
        self.thread_id = str(uuid.uuid4())[:8]
        self.other_id = str(uuid.uuid4())[:8]

    def test_shape(self):
        self.assertEqual(len(self.thread_id), 8)
        self.assertRegex(self.other_id, "^[0-9a-f]+$")

    def test_other(self):
        self.assertNotEqual(self.thread_id, self.other_id)

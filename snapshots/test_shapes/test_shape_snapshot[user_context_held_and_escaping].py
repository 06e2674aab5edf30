# idmigrate snapshot: user_context_held_and_escaping (unchanged)
# findings:
#   6:15 IDM012 manual generate_user_context_ids
#       -> thread_id = get_id_manager().generate_id(IDType.THREAD); run_id = UnifiedIDManager.generate_run_id(thread_id); ...
#   11:15 IDM012 manual generate_user_context_ids
#       -> thread_id = get_id_manager().generate_id(IDType.THREAD); run_id = UnifiedIDManager.generate_run_id(thread_id); ...
#   15:15 IDM012 manual generate_user_context_ids
#       -> thread_id = get_id_manager().generate_id(IDType.THREAD); run_id = UnifiedIDManager.generate_run_id(thread_id); ...
#   19:15 IDM012 manual generate_user_context_ids
#       -> thread_id = get_id_manager().generate_id(IDType.THREAD); run_id = UnifiedIDManager.generate_run_id(thread_id); ...
#   23:15 IDM012 manual generate_user_context_ids
#       -> thread_id = get_id_manager().generate_id(IDType.THREAD); run_id = UnifiedIDManager.generate_run_id(thread_id); ...
#   27:7 IDM012 manual generate_user_context_ids
#       -> thread_id = get_id_manager().generate_id(IDType.THREAD); run_id = UnifiedIDManager.generate_run_id(thread_id); ...

# ------------------------------ before
from shared.id_generation import UnifiedIdGenerator


class Session:
    def begin(self, user_id):
        ids = UnifiedIdGenerator.generate_user_context_ids(user_id, "chat")
        self.thread_id = ids[0]
        return ids

    def share(self, user_id):
        ids = UnifiedIdGenerator.generate_user_context_ids(user_id, "chat")
        publish(ids)

    def keep(self, user_id):
        ids = UnifiedIdGenerator.generate_user_context_ids(user_id, "chat")
        self.ids = ids

    def late(self, user_id):
        ids = UnifiedIdGenerator.generate_user_context_ids(user_id, "chat")
        return lambda: ids[0]

    def by_variable(self, user_id, i):
        ids = UnifiedIdGenerator.generate_user_context_ids(user_id, "chat")
        return ids[i]


IDS = UnifiedIdGenerator.generate_user_context_ids("system", "boot")
FIRST = IDS[0]

# ------------------------------ after
from shared.id_generation import UnifiedIdGenerator


class Session:
    def begin(self, user_id):
        ids = UnifiedIdGenerator.generate_user_context_ids(user_id, "chat")
        self.thread_id = ids[0]
        return ids

    def share(self, user_id):
        ids = UnifiedIdGenerator.generate_user_context_ids(user_id, "chat")
        publish(ids)

    def keep(self, user_id):
        ids = UnifiedIdGenerator.generate_user_context_ids(user_id, "chat")
        self.ids = ids

    def late(self, user_id):
        ids = UnifiedIdGenerator.generate_user_context_ids(user_id, "chat")
        return lambda: ids[0]

    def by_variable(self, user_id, i):
        ids = UnifiedIdGenerator.generate_user_context_ids(user_id, "chat")
        return ids[i]


IDS = UnifiedIdGenerator.generate_user_context_ids("system", "boot")
FIRST = IDS[0]

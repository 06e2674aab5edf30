# idmigrate snapshot: long_call_wrapped (changed)
# findings:
#   5:35 IDM022 format generate_agent_execution_id
#       -> get_id_manager().generate_id(IDType.AGENT, prefix=f"agent_{agent_type}_{user_id[:8]}")
#   6:16 IDM023 format generate_tool_execution_id
#       -> get_id_manager().generate_id(IDType.TOOL, prefix="tool_search")

# ------------------------------ before
from shared.id_generation import UnifiedIdGenerator

class Agent:
    def identify(self, agent_type, user_id):
        self.agent_execution_id = UnifiedIdGenerator.generate_agent_execution_id(agent_type, user_id)
        return UnifiedIdGenerator.generate_tool_execution_id(
            "search", agent_id=self.agent_execution_id
        )

# ------------------------------ after
from netra_backend.app.core.unified_id_manager import IDType, get_id_manager

class Agent:
    def identify(self, agent_type, user_id):
        self.agent_execution_id = get_id_manager().generate_id(
            IDType.AGENT, prefix=f"agent_{agent_type}_{user_id[:8]}"
        )
        return get_id_manager().generate_id(
            IDType.TOOL,
            prefix="tool_search",
        )

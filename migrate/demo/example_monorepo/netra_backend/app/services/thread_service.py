"""Conversation threads: creation, system messages, forking."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Dict, List

from shared.id_generation.unified_id_generator import UnifiedIdGenerator


@dataclass
class Thread:
    thread_id: str
    user_id: str
    title: str
    messages: List[Dict[str, str]] = field(default_factory=list)


class ThreadService:
    def __init__(self) -> None:
        self.threads: Dict[str, Thread] = {}

    def create_thread(self, user_id: str, title: str = "New conversation") -> Thread:
        thread = Thread(UnifiedIdGenerator.generate_base_id("thread"), user_id, title)  # expect: exact
        self.threads[thread.thread_id] = thread
        self.add_system_message(thread, "Thread created")
        return thread

    def add_system_message(self, thread: Thread, text: str) -> Dict[str, str]:
        message = {
            "message_id": UnifiedIdGenerator.generate_base_id("message"),  # expect: format
            "role": "system",
            "text": text,
        }
        thread.messages.append(message)
        return message

    def fork_thread(self, thread: Thread, operation: str = "fork") -> Thread:
        forked_id = UnifiedIdGenerator.generate_base_id(f"thread_{operation}")  # expect: format
        forked = Thread(
            thread_id=forked_id,
            user_id=thread.user_id,
            title=f"{thread.title} (copy)",
            messages=list(thread.messages),
        )
        self.threads[forked.thread_id] = forked
        return forked

    def quick_thread_id(self, user_id: str) -> str:
        """Thread ID for a throwaway conversation (no run or request needed)."""
        return UnifiedIdGenerator.generate_user_context_ids(user_id, "quick")[0]  # expect: format

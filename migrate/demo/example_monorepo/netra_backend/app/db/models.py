"""Rows of the agent event table. Its ``event_id`` column is declared ``UUID``."""

from __future__ import annotations

import uuid

from shared.orm import UUID, Column, Model, String


class AgentEventRow(Model):
    __tablename__ = "agent_events"

    event_id = Column(UUID, primary_key=True, default=lambda: str(uuid.uuid4()))  # expect[adhoc-ids]: manual
    source_ref = Column(String, default=lambda: f"src_{uuid.uuid4().hex[:8]}")  # expect[adhoc-ids]: manual
    kind = Column(String)
    run_id = Column(String)


def synthetic_event(kind: str, run_id: str) -> AgentEventRow:
    """An event the backend writes itself to fill a gap in a run's timeline."""
    event_id = str(uuid.uuid4())  # expect[adhoc-ids]: manual
    return AgentEventRow(event_id=event_id, kind=kind, run_id=run_id).save()

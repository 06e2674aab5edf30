"""Trace records keep UUID trace IDs; their own record IDs are free-form."""

from uuid import UUID

from analytics_service.analytics_core.trace_records import new_trace, raw_row


def test_trace_records():
    record = new_trace("ingest")
    assert isinstance(record.trace_id, UUID) and record.record_id != new_trace("ingest").record_id
    assert raw_row("ingest")["span"] == "ingest"

from analytics_service.analytics_core.event_ingest import EventIngestor
from analytics_service.analytics_core.funnels import summarize
from analytics_service.analytics_core.report_jobs import ReportJob, metric_series_key


def test_ingest_assigns_ids():
    ingestor = EventIngestor()
    first = ingestor.ingest("user-1", "page_view", {"path": "/"})
    second = ingestor.ingest("user-1", "click", {})
    assert first["event_id"] != second["event_id"]
    assert first["session_key"] and first["session_key"] != second["session_key"]
    assert ingestor.ingest_trace_id


def test_ingest_many_and_flush():
    ingestor = EventIngestor()
    events = ingestor.ingest_many("user-2", ["a", "b", "c"])
    assert len({e["event_id"] for e in events}) == 3
    assert ingestor.flush() == events
    assert ingestor.flush() == []


def test_report_jobs():
    job = ReportJob("weekly")
    other = ReportJob("weekly")
    assert job.job_id and job.job_id != other.job_id
    first = job.run([{"x": 1}])
    second = job.run([])
    assert first["result_id"] != second["result_id"]
    assert first["job_id"] == job.job_id and first["row_count"] == 1


def test_metric_series_key():
    key = metric_series_key("latency")
    assert key.endswith(":latency") and len(key) > len(":latency")


def test_funnels():
    assert summarize({"visit": 100, "signup": 20, "pay": 5}) == {"visit->signup": 0.2, "signup->pay": 0.25}

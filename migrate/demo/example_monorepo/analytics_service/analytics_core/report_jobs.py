"""Scheduled report jobs and their results."""

from __future__ import annotations

from typing import Any, Dict, List

from shared.id_generation import *  # noqa: F401,F403 - the module's public API


class ReportJob:
    def __init__(self, report_name: str) -> None:
        self.report_name = report_name
        self.job_id = UnifiedIdGenerator.generate_base_id("job")  # expect: format
        self.results: List[Dict[str, Any]] = []

    def run(self, rows: List[Dict[str, Any]]) -> Dict[str, Any]:
        result = {
            "result_id": UnifiedIdGenerator.generate_base_id("result"),  # expect: format
            "job_id": self.job_id,
            "row_count": len(rows),
        }
        self.results.append(result)
        return result


def metric_series_key(metric_name: str) -> str:
    return UnifiedIdGenerator.generate_base_id("metric", include_random=False) + ":" + metric_name  # expect: exact

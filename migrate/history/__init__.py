"""Usages left at each of the last commits of the current branch (``status --history``)."""

"""Availability rules (站点可访问性): judged from the ``probes`` table, never from a live fetch."""

"""Root conftest: its presence puts the project root on sys.path so tests import crawler, checks, reports."""

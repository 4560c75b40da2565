"""The command-line option of content safety, shared by ``crawl`` and ``run``.

``--attachment-max-mb N`` (default 20): attachments larger than this are not downloaded beyond
their first bytes and are listed as not scanned. ``--attachment-max-mb 0`` turns the content-safety
fetches off (attachments and external pages are then checked headers-only). The value reaches the
crawler as Scrapy settings through :func:`scrapy_settings`, so ``--resume`` keeps it.
"""

from __future__ import annotations

import click

META_KEY = "govaudit_safety_settings"


def _store(ctx: click.Context, _param, value: float | None):
    if value is not None:
        settings = {"GOVAUDIT_ATTACHMENT_MAX_BYTES": int(value * 1024 * 1024)}
        if value == 0:
            settings = {"GOVAUDIT_SAFETY": False}
        ctx.meta[META_KEY] = settings
    return value


def attachment_option(func):
    return click.option("--attachment-max-mb", type=click.FloatRange(0, 2048), default=None,
                        expose_value=False, callback=_store, metavar="MB",
                        help="Attachment size cap for the privacy scan (default 20; 0: no "
                             "content-safety downloads).")(func)


def scrapy_settings() -> dict:
    """The Scrapy settings the option set in the running command ({} outside click or unset)."""
    ctx = click.get_current_context(silent=True)
    return dict(ctx.meta.get(META_KEY, {})) if ctx is not None else {}

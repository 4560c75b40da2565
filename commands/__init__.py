"""The CLI layer: click commands and their shared options. The only layer that imports click.

``cli.py`` is the group; each module here with a ``COMMANDS`` list adds its commands to it.
Everything below (reports ← checks ← crawling ← page understanding ← crawl facts) is plain Python.
"""

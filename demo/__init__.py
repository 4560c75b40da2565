"""The bundled demo portal: three sample agencies in three CMS styles, with planted problems.

``python cli.py demo`` serves it on 127.0.0.1 and audits it; the end-to-end tests crawl it and
compare the findings with :attr:`demo.server.DemoPortal.truth`. See :mod:`demo.server`.
"""

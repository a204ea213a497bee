"""Private helpers of :mod:`detente.ingest`.

- ``textnorm``: byte decoding with a fallback, Unicode normalisation.
- ``cleanup``: boilerplate lines, bylines, datelines and titles (patterns are
  data files in ``detente/data/boilerplate/``).
- ``sources``: inputs (files, folders, ``-``, gzip) as byte streams, format
  detection, binary sniffing.
- ``readers``: one reader per input format, yielding raw records.
- ``html``: main text and metadata of web pages (trafilatura + htmldate).
- ``language``: language identification (py3langid).
"""

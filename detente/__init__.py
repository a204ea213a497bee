"""detente: news about international relations in, coded events and analysis out."""

from .about import __version__

__all__ = ["__version__"]

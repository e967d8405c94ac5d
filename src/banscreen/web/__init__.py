"""The review UI: server-rendered pages for analysts (alert queue, alert, actions)."""

from .routes import add_ui

__all__ = ["add_ui"]

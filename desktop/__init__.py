"""Dekanat: the dean's office desktop application."""

__version__ = "0.1.0"
APP_NAME = "Dekanat"
ORG_NAME = "Dekanat"

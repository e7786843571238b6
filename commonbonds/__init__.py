"""Common Bonds: one system for a coalition campaigning for international justice."""

__version__ = "0.1.0"

"""planner: draaiboeken plannen voor procesbegeleiders."""

__version__ = "0.1.0"

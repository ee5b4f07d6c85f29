"""The live screen during a session (Textual) and the look back at its log afterwards."""

"""The pure core: the model, variant choice, sizing, sessions, subgroups, warnings, texts, re-planning
and the live state. It never prints, exits, reads the environment or the clock ("now" is passed in),
and imports nothing of the layers above it (bibliotheek, importeren, uitvoer, live, cli)."""

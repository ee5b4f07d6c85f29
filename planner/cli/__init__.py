"""The command line: parsing, the guided mode, completion, help, atomic file writing and the mapping of
errors to messages and exit codes. Kept empty so `planner.cli.ingang` starts without importing typer."""

"""Finding, reading and validating draaiboeken: the built-in and the own folder, the Dutch validator
(file, line, part and field) and writing a new draaiboek from a template. Builds on planner.kern only."""

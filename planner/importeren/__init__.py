"""Reading an existing agenda (.docx, .md, .txt) and recognising a draaiboek in it. Builds on
planner.kern and planner.bibliotheek."""

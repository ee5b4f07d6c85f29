from planner.cli.ingang import main

main()

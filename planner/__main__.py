from planner.ingang import main

main()

"""`python -m planner` with the suite's fixed clock (vaste_klok.NU), for tests in a child process.

time-machine moves the clock of this process only; the planner itself is run exactly as
`python -m planner` runs it.
"""

import runpy

import time_machine
from vaste_klok import NU

# tick: the clock runs on from NU, as a real one does (the live screen counts seconds).
time_machine.travel(NU, tick=True).start()
runpy.run_module("planner", run_name="__main__", alter_sys=True)

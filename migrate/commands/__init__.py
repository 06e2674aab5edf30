"""The bodies of the CLI verbs.

``migrate.cli`` parses the command line into a plan or options and calls one of these;
each writes what it found to ``out``, its summary lines through ``log`` (stderr), and
returns the exit code. An error that stops a verb is raised as the one-line exception of
the module that found it, and the CLI turns it into exit 2. ``verify``'s body lives with
the gate (``migrate.gate.command``), ``status --history``'s with the history.
"""

"""Receiving forms: filing by content, the archive, the SQLite journal, history, period locks.

``receive.receive_files`` files forms; ``history.versions`` lists every version of a figure;
``locks.set_lock`` locks and unlocks periods; ``rebuild.rebuild`` makes a new journal from the
folder. The journal itself, its schema and its lock are in ``journal``; the order of the steps
on disk, and recovery after a crash, in ``store``. docs/receive.md is the officer's routine.
"""

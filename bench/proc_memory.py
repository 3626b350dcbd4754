"""A process's own memory, read from /proc (Linux): for the memory benchmarks' child processes.

The benchmarks run their measured work in a fresh process (``bench.common.run_python``)
that imports these; this module imports nothing, so importing it adds nothing to the
figures.
"""


def peak_rss_kib() -> int:
    """The most resident memory this process has held so far (VmHWM), in KiB.

    Read from /proc: getrusage's ru_maxrss would carry the parent's peak over the
    fork and exec.
    """
    with open("/proc/self/status") as status:
        return next(int(line.split()[1]) for line in status if line.startswith("VmHWM:"))


def rss_bytes() -> int:
    """The resident memory this process holds now, in bytes."""
    import os

    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")

"""How busy the machine is with work that is not ours.

On a 2-core box one stray compile turns a 2-thread OpenMP step from 0.7 ms into 80 ms (a spinning thread
waits for a core the scheduler gave away), and a median over three rounds cannot save that. So run.py waits
for the machine to go quiet before each worker, and every figure carries the foreign load measured while it
ran: CPU time the whole machine spent (/proc/stat) minus what our own processes used. The worker measures
it around each workload (a burst during one workload is not diluted over a whole process), run.py around
each worker process.
"""
import os
import resource
import time

_HZ = os.sysconf("SC_CLK_TCK")


def _busy_s():
    """(busy, steal) CPU-seconds since boot over all CPUs; None where /proc/stat is missing."""
    try:
        with open("/proc/stat") as f:
            fields = [int(x) for x in f.readline().split()[1:]]
    except OSError:
        return None
    user, nice, system, idle, iowait, irq, softirq, steal = (fields + [0] * 8)[:8]
    return (user + nice + system + irq + softirq) / _HZ, steal / _HZ


def _own_cpu_s(who):
    r = resource.getrusage(who)
    return r.ru_utime + r.ru_stime


class Meter:
    """Foreign load, in cores, over the span between start() and stop(). `who` is what counts as our own
    CPU time: the child processes (run.py around a worker) or this process (a worker around one workload)."""

    def __init__(self, who=resource.RUSAGE_CHILDREN):
        self.who = who

    def start(self):
        self.t, self.busy, self.own = time.perf_counter(), _busy_s(), _own_cpu_s(self.who)
        return self

    def stop(self):
        end = _busy_s()
        if end is None or self.busy is None:
            return {"foreign_cores": None, "steal_cores": None}
        wall = max(time.perf_counter() - self.t, 1e-9)
        own = _own_cpu_s(self.who) - self.own
        foreign = max(0.0, (end[0] - self.busy[0]) - own) / wall
        return {"foreign_cores": round(foreign, 3), "steal_cores": round((end[1] - self.busy[1]) / wall, 3)}


def wait_for_quiet(max_wait_s, threshold=0.3, sample_s=0.3, log=None):
    """Block until other processes use less than `threshold` cores (sampled over `sample_s`), or give up
    after `max_wait_s`. Returns the last load seen."""
    deadline = time.monotonic() + max_wait_s
    warned = False
    while True:
        m = Meter().start()
        time.sleep(sample_s)
        load = m.stop()["foreign_cores"]
        if load is None or load < threshold or time.monotonic() >= deadline:
            return load
        if log and not warned:
            log(f"  machine busy ({load:.2f} cores used by other processes); waiting up to {max_wait_s:.0f} s")
            warned = True


class QuietWaiter:
    """wait_for_quiet with a budget for the whole run: under a load that does not pass (a long build beside
    us), waiting before every worker would stretch a run by minutes and buy nothing."""

    def __init__(self, total_s, each_s=30.0, log=None):
        self.left, self.each, self.log = total_s, each_s, log

    def __call__(self):
        t = time.monotonic()
        load = wait_for_quiet(min(self.each, max(self.left, 0.0)), log=self.log if self.left > 0 else None)
        self.left -= time.monotonic() - t
        return load

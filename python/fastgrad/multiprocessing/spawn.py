"""spawn / start_processes: run fn(i, *args) in nprocs processes and report the first failure, as
torch.multiprocessing.spawn does (the child's traceback travels back through a temporary file)."""
import multiprocessing
import multiprocessing.connection
import os
import signal
import sys
import tempfile


class ProcessException(Exception):
    def __init__(self, msg, error_index, error_pid):
        super().__init__(msg)
        self.msg = msg
        self.error_index = error_index
        self.error_pid = error_pid

    def __reduce__(self):
        return type(self), (self.msg, self.error_index, self.error_pid)


class ProcessRaisedException(ProcessException):
    """A process failed because fn raised; the message holds the child's traceback."""


class ProcessExitedException(ProcessException):
    """A process failed by a signal or a non-zero exit code."""

    def __init__(self, msg, error_index, error_pid, exit_code, signal_name=None):
        super().__init__(msg, error_index, error_pid)
        self.exit_code = exit_code
        self.signal_name = signal_name

    def __reduce__(self):
        return type(self), (self.msg, self.error_index, self.error_pid, self.exit_code, self.signal_name)


def _wrap(fn, i, args, error_file):
    try:
        fn(i, *args)
    except KeyboardInterrupt:
        pass  # terminated by the parent after another process failed
    except Exception:
        import traceback
        with open(error_file, "w", encoding="utf-8") as fh:
            fh.write(traceback.format_exc())  # plain text: the parent never unpickles a file
        sys.exit(1)


class ProcessContext:
    def __init__(self, processes, error_files):
        self.error_files = error_files
        self.processes = processes
        self.sentinels = {process.sentinel: index for index, process in enumerate(processes)}

    def pids(self):
        return [int(process.pid) for process in self.processes]

    def join(self, timeout=None, grace_period=None):
        """Waits for processes to finish. True once all have exited cleanly, False if some still run;
        on the first failure, stops the others and raises with its cause."""
        if not self.sentinels:
            return True
        ready = multiprocessing.connection.wait(self.sentinels.keys(), timeout=timeout)
        error_index = None
        for sentinel in ready:
            index = self.sentinels.pop(sentinel)
            process = self.processes[index]
            process.join()
            if process.exitcode != 0:
                error_index = index
                break
        if error_index is None:
            return not self.sentinels
        self._stop_others(30 if grace_period is None else grace_period)
        self._raise_for(error_index)

    def _stop_others(self, grace):
        for process in self.processes:
            if process.is_alive():
                process.terminate()
        for process in self.processes:
            process.join(grace)
            if process.is_alive():
                process.kill()
                process.join()

    def _raise_for(self, index):
        failed = self.processes[index]
        if not os.access(self.error_files[index], os.R_OK):
            code = failed.exitcode
            if code < 0:
                try:
                    name = signal.Signals(-code).name
                except ValueError:
                    name = f"<Unknown signal {-code}>"
                raise ProcessExitedException(f"process {index:d} terminated with signal {name}", error_index=index,
                                             error_pid=failed.pid, exit_code=code, signal_name=name)
            raise ProcessExitedException(f"process {index:d} terminated with exit code {code:d}", error_index=index,
                                         error_pid=failed.pid, exit_code=code)
        with open(self.error_files[index], encoding="utf-8") as fh:
            original_trace = fh.read()
        msg = f"\n\n-- Process {index:d} terminated with the following error:\n" + original_trace
        raise ProcessRaisedException(msg, index, failed.pid)


def start_processes(fn, args=(), nprocs=1, join=True, daemon=False, start_method="spawn"):
    mp = multiprocessing.get_context(start_method)
    error_files, processes = [], []
    for i in range(nprocs):
        # a free name for the child's traceback: the file exists only if the child failed
        tf = tempfile.NamedTemporaryFile(prefix="fastgrad-errorfile-", suffix=".txt", delete=False)
        tf.close()
        os.unlink(tf.name)
        process = mp.Process(target=_wrap, args=(fn, i, args, tf.name), daemon=daemon)
        process.start()
        error_files.append(tf.name)
        processes.append(process)
    context = ProcessContext(processes, error_files)
    if not join:
        return context
    while not context.join():
        pass


def spawn(fn, args=(), nprocs=1, join=True, daemon=False, start_method="spawn"):
    """Starts nprocs processes running fn(i, *args) (i = 0 .. nprocs-1); with join, waits for all and
    raises ProcessRaisedException / ProcessExitedException for the first that fails."""
    return start_processes(fn, args, nprocs, join, daemon, start_method)

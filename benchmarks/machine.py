"""The machine a run measured: results from different CPUs are not comparable, so every report carries this."""
import os
import platform
import sys


def _cpuinfo():
    model, flags, physical = None, set(), set()
    try:
        with open("/proc/cpuinfo") as f:
            core = {}
            for line in f:
                key, _, value = line.partition(":")
                key, value = key.strip(), value.strip()
                if key == "model name" and model is None:
                    model = value
                elif key == "flags" and not flags:
                    flags = set(value.split())
                elif key in ("physical id", "core id"):
                    core[key] = value
                    if len(core) == 2:
                        physical.add((core["physical id"], core["core id"]))
                        core = {}
    except OSError:
        pass
    return model or platform.processor() or None, flags, len(physical) or None


def describe():
    model, flags, physical = _cpuinfo()
    simd = [f for f in ("sse4_2", "avx", "avx2", "fma", "avx512f", "avx512bw", "avx512vl", "avx512_vnni",
                        "avx512_bf16", "amx_tile") if f in flags]
    try:
        affinity = len(os.sched_getaffinity(0))
    except AttributeError:
        affinity = None
    try:
        with open("/proc/meminfo") as f:
            mem_kib = int(f.readline().split()[1])
    except (OSError, ValueError, IndexError):
        mem_kib = None
    return {
        "cpu_model": model,
        "logical_cpus": os.cpu_count(),
        "usable_cpus": affinity,
        "physical_cores": physical,
        "simd_flags": simd,
        "memory_gib": round(mem_kib / 2**20, 1) if mem_kib else None,
        "os": platform.platform(),
        "python": sys.version.split()[0],
        "python_executable": sys.executable,
    }

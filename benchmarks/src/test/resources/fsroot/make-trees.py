#!/usr/bin/env python3
"""Writes the fake machines the topology tests read through CORESCALE_FSROOT (run from this folder).

Each tree holds only the sysfs, procfs and cgroup files corescale reads, in the kernel's formats.
"""
import os
import shutil


def write(root, path, text):
    full = os.path.join(root, path.lstrip("/"))
    os.makedirs(os.path.dirname(full), exist_ok=True)
    with open(full, "w") as f:
        f.write(text + "\n")


def cpulist(cpus):
    cpus = sorted(cpus)
    parts, start = [], None
    for i, c in enumerate(cpus):
        if start is None:
            start = c
        if i + 1 == len(cpus) or cpus[i + 1] != c + 1:
            parts.append(str(start) if start == c else f"{start}-{c}")
            start = None
    return ",".join(parts)


def machine(root, cpus, allowed=None, cgroup="0::/", extra=()):
    """cpus: {id: (package, core_id, siblings, node, l3_cpus)}"""
    shutil.rmtree(root, ignore_errors=True)
    base = "/sys/devices/system/cpu"
    write(root, f"{base}/online", cpulist(cpus))
    nodes = {}
    for cpu, (pkg, core, siblings, node, l3) in cpus.items():
        d = f"{base}/cpu{cpu}"
        write(root, f"{d}/topology/physical_package_id", str(pkg))
        write(root, f"{d}/topology/die_id", "0")
        write(root, f"{d}/topology/core_id", str(core))
        write(root, f"{d}/topology/thread_siblings_list", cpulist(siblings))
        write(root, f"{d}/cache/index3/level", "3")
        write(root, f"{d}/cache/index3/shared_cpu_list", cpulist(l3))
        nodes.setdefault(node, []).append(cpu)
    for node, members in nodes.items():
        write(root, f"/sys/devices/system/node/node{node}/cpulist", cpulist(members))
    write(root, "/proc/self/status", "Name:\tjava\nCpus_allowed_list:\t" + cpulist(allowed or cpus))
    write(root, "/proc/self/cgroup", cgroup)
    for path, text in extra:
        write(root, path, text)


# 2 sockets x 8 cores x 2 threads, Intel numbering: siblings 16 apart (0 and 16 are one core).
intel = {}
for pkg in range(2):
    first = list(range(pkg * 8, pkg * 8 + 8))
    package_cpus = first + [c + 16 for c in first]
    for i, c in enumerate(first):
        for cpu in (c, c + 16):
            intel[cpu] = (pkg, i, [c, c + 16], pkg, package_cpus)
machine("intel-2s-smt", intel, extra=[("/sys/fs/cgroup/cpu.max", "max 100000"),
                                      ("/sys/devices/system/cpu/cpu0/cpufreq/scaling_governor", "performance"),
                                      ("/sys/devices/system/cpu/intel_pstate/no_turbo", "0"),
                                      ("/sys/devices/system/cpu/cpu0/cache/index0/size", "48K"),
                                      ("/sys/devices/system/cpu/cpu0/cache/index3/size", "30720K")])

# 1 socket x 4 cores x 2 threads, siblings adjacent (0 and 1 are one core), as on many AMD machines.
adjacent = {c: (0, c // 2, [c - c % 2, c - c % 2 + 1], 0, list(range(8))) for c in range(8)}
machine("adjacent-smt", adjacent)

# Hybrid: 2 P-cores x 2 threads (CPUs 0-3) and 4 E-cores (4-7), one L3.
hybrid = {c: (0, c // 2, [c - c % 2, c - c % 2 + 1], 0, list(range(8))) for c in range(4)}
hybrid.update({c: (0, c, [c], 0, list(range(8))) for c in range(4, 8)})
machine("hybrid", hybrid, extra=[("/sys/devices/cpu_core/cpus", "0-3"), ("/sys/devices/cpu_atom/cpus", "4-7")])

# A container on the adjacent machine: cpuset 0-3 but cpu.max grants 1.5 CPUs (set on the parent group).
machine("container-v2", adjacent, allowed=[0, 1, 2, 3], cgroup="0::/job",
        extra=[("/sys/fs/cgroup/cpu.max", "150000 100000"), ("/sys/fs/cgroup/cpuset.cpus.effective", "0-3"),
               ("/sys/fs/cgroup/job/cpu.max", "max 100000")])

# cgroup v1 inside a container: the group's path does not exist under the mounts, whose roots apply.
shutil.rmtree("container-v1", ignore_errors=True)
write("container-v1", "/proc/self/cgroup", "4:memory:/docker/abc\n3:cpu,cpuacct:/docker/abc\n2:cpuset:/docker/abc")
write("container-v1", "/proc/self/status", "Name:\tjava\nCpus_allowed_list:\t0-7")
write("container-v1", "/sys/fs/cgroup/cpu,cpuacct/cpu.cfs_quota_us", "250000")
write("container-v1", "/sys/fs/cgroup/cpu,cpuacct/cpu.cfs_period_us", "100000")
write("container-v1", "/sys/fs/cgroup/cpuset/cpuset.effective_cpus", "2-5")

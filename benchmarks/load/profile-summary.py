#!/usr/bin/env python3
"""Summarises a dotnet-trace thread-time profile of the api (Speedscope JSON) per method.

Takes the profile of docs/scaling.md, section 3 ("Where a call's time goes under load"), per method:

    dotnet tool install --tool-path /tmp/dtools dotnet-trace       # once (NuGet)
    benchmarks/load/run.sh --levels 32 --duration 25 &              # a long enough load level
    pid=$(pgrep -f "MatchEngine.Api.dll --MatchEngine:DataDirectory" | head -1)   # once the level has started
    /tmp/dtools/dotnet-trace collect -p $pid --profile dotnet-sampled-thread-time --format Speedscope \
        --duration 00:00:00:12 -o /tmp/api.nettrace
    python3 benchmarks/load/profile-summary.py /tmp/api.speedscope.json MatchEngine

Prints, for every method whose name contains the filter (default MatchEngine), its inclusive share of the sampled
busy thread time, then the 45 methods with most self time. Samples whose innermost frames wait (thread-pool idle,
socket polling, locks, sleeps) are left out as idle; a thread blocked in native code without such a frame (e.g. a
disk flush) still counts, so read the figures as time spent per call, not as CPU.

With --cpu (anywhere after the file), only the samples whose innermost frame is the profiler's CPU_TIME marker
(managed code running) count, and self time goes to the method under that marker: the share of managed CPU
per method, without native code and waits:

    python3 benchmarks/load/profile-summary.py /tmp/api.speedscope.json MatchEngine --cpu
"""
import json, sys, collections
cpu_only = '--cpu' in sys.argv
args = [a for a in sys.argv[1:] if a != '--cpu']
d = json.load(open(args[0]))
frames = [f['name'] for f in d['shared']['frames']]
incl = collections.Counter(); selfc = collections.Counter(); total = 0.0
idle = ('Wait', 'Sleep', 'epoll', 'LowLevelLifoSemaphore', 'SpinWait', 'Interop+Sys.Read', 'Interop+Sys.Poll', 'GateThread')
def account(stack, dt):
    global total
    if not stack or dt <= 0: return
    names = [frames[i] for i in stack]
    if cpu_only:
        if names[-1] != 'CPU_TIME' or len(names) < 2: return
        names = names[:-1]
    else:
        tail = names[-6:]
        if any(any(x in n for x in idle) for n in tail): return
    total += dt
    selfc[names[-1]] += dt
    for n in set(names): incl[n] += dt
for p in d['profiles']:
    stack = []; last = None
    for e in p['events']:
        if last is not None: account(stack, e['at'] - last)
        last = e['at']
        if e['type'] == 'O': stack.append(e['frame'])
        else:
            if stack and stack[-1] == e['frame']: stack.pop()
            elif e['frame'] in stack: stack = stack[:len(stack) - 1 - stack[::-1].index(e['frame'])]
print(f"{'managed CPU' if cpu_only else 'busy'} ms {total:.0f}")
pat = args[1] if len(args) > 1 else 'MatchEngine'
for n, w in incl.most_common(3000):
    if pat in n: print(f"{100*w/total:5.1f}% {n[:170]}")
print("--- self top 45")
for n, w in selfc.most_common(45): print(f"{100*w/total:5.1f}% {n[:170]}")

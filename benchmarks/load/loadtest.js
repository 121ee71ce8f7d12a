#!/usr/bin/env node
'use strict';

/*
 * Load test for Match.Shortlist over loopback, with an independent client (@grpc/grpc-js; nothing of
 * MatchEngine's own code). For each concurrency level: a warm-up (not recorded), then a measured run
 * bounded by BOTH a duration and a maximum number of calls, whichever comes first. Prints a table and
 * one JSON line per level (prefix "LOADTEST ") for machines.
 *
 *   node loadtest.js --target 127.0.0.1:5080 --token "$TOKEN" [--vacancies ids.txt | --list 500 --date 2025-06-30]
 *                    [--levels 1,8,32] [--duration 20] [--max-calls 5000] [--warmup 3] [--top 20]
 *                    [--channels N] [--deadline-ms 10000] [--protos ../../api/Protos] [--server-pid PID]
 *
 * Several servers (api replicas): --target a:p1,b:p2 --server-pid PID1,PID2. Channel i goes to target
 * i mod the number of targets (--channels defaults to one per target), and caller i uses channel i mod the
 * number of channels, so the callers are spread evenly over the replicas, as a round-robin balancer would.
 *
 * Each level also reports the CPU it cost per call: this client's own (process.cpuUsage) and, with
 * --server-pid on Linux, the servers' (utime + stime from /proc/PID/stat, summed), over the measured run only.
 */

const fs = require('node:fs');
const path = require('node:path');
const { parseArgs, positiveInt } = require('./lib/args');
const { loadContract, channelOptions, bearer, unary, statusName, grpc } = require('./lib/clients');
const { summarise } = require('./lib/stats');

const options = parseArgs(process.argv.slice(2), {
  target: '127.0.0.1:5080',
  token: process.env.MATCHENGINE_TOKEN ?? '',
  list: '500',
  date: '',
  levels: '1,8,32',
  duration: '20',
  'max-calls': '5000',
  warmup: '3',
  top: '20',
  channels: '',
  'deadline-ms': '10000',
  'server-pid': '',
  protos: path.join(__dirname, '..', '..', 'api', 'Protos'),
});

async function main() {
  if (!options.token) throw new Error('give --token (or MATCHENGINE_TOKEN): a bearer token for an accountmanager');
  const contract = loadContract(options.protos);
  const metadata = bearer(options.token);
  const deadlineMs = positiveInt(options, 'deadline-ms');
  const targets = options.target.split(',').map((t) => t.trim()).filter(Boolean);
  const channelCount = options.channels ? positiveInt(options, 'channels') : targets.length;
  const channels = Array.from({ length: channelCount }, (_, i) =>
    new contract.Match(targets[i % targets.length], grpc.credentials.createInsecure(), channelOptions(i)));

  const vacancies = options.vacancies
    ? fs.readFileSync(options.vacancies, 'utf8').split(/\r?\n/).map((s) => s.trim()).filter(Boolean)
    : await listVacancies(contract, metadata, deadlineMs);
  if (vacancies.length === 0) throw new Error('no vacancy ids to ask shortlists for');
  console.log(`target ${targets.join(', ')}, ${vacancies.length} vacancies, top ${options.top}, ${channels.length} channel(s), `
    + `each level: warm-up ${options.warmup} s, then at most ${options.duration} s or ${options['max-calls']} calls`);

  const results = [];
  let total = 0; // every call made, warm-ups included: the server's CPU time divided by it is CPU per shortlist
  let next = 0;
  const request = () => ({ vacancy_id: vacancies[next++ % vacancies.length], top: positiveInt(options, 'top') });
  for (const level of options.levels.split(',').map((s) => Number.parseInt(s, 10))) {
    const call = (i) => unary(channels[i % channels.length], 'Shortlist', request(), metadata, deadlineMs);
    const warm = await runLevel(level, call, Number(options.warmup) * 1000, Infinity);
    total += warm.latencies.length;
    const cpu = cpuMeter(options['server-pid']);
    const measured = await runLevel(level, call, positiveInt(options, 'duration') * 1000, positiveInt(options, 'max-calls'));
    total += measured.latencies.length;
    results.push({ ...summarise(level, measured.latencies, measured.errors, measured.seconds), ...cpu.perCall(measured.latencies.length) });
  }
  channels.forEach((c) => c.close());

  printTable(results);
  for (const r of results) console.log(`LOADTEST ${JSON.stringify(r)}`);
  console.log(`LOADTEST_TOTAL ${JSON.stringify({ calls_including_warmup: total })}`);
}

/** Open vacancies through Catalog.Search (kind VACANCY, open on --date), as an accountmanager would find them. */
async function listVacancies(contract, metadata, deadlineMs) {
  const catalog = new contract.Catalog(options.target.split(',')[0], grpc.credentials.createInsecure());
  try {
    const response = await unary(catalog, 'Search', { kind: 'VACANCY', text: '', date: options.date, top: positiveInt(options, 'list') }, metadata, deadlineMs);
    return response.hits.map((h) => h.id);
  } finally {
    catalog.close();
  }
}

/**
 * Runs `level` callers, each issuing its next call as soon as the previous one answers, until the
 * time budget is spent or `maxCalls` calls have been started. Returns per-call latencies (ms), errors
 * by status name and the wall time from the first call to the last answer.
 */
async function runLevel(level, call, budgetMs, maxCalls) {
  const latencies = [];
  const errors = {};
  let started = 0;
  const begin = process.hrtime.bigint();
  const end = begin + BigInt(Math.round(budgetMs * 1e6));
  async function caller(i) {
    while (started < maxCalls && process.hrtime.bigint() < end) {
      started++;
      const t0 = process.hrtime.bigint();
      try {
        await call(i);
      } catch (error) {
        const name = statusName(error.code);
        errors[name] = (errors[name] ?? 0) + 1;
      }
      latencies.push(Number(process.hrtime.bigint() - t0) / 1e6);
    }
  }
  await Promise.all(Array.from({ length: level }, (_, i) => caller(i)));
  return { latencies, errors, seconds: Number(process.hrtime.bigint() - begin) / 1e9 };
}

/**
 * CPU milliseconds per call since this meter was made: the client's own and, given server pids (comma-separated)
 * whose /proc/PID/stat is readable, the servers' together.
 */
function cpuMeter(serverPids) {
  const ticksPerMs = 100 / 1000; // USER_HZ is 100 on Linux
  const pids = serverPids.split(',').filter(Boolean);
  const ticksOf = (pid) => {
    const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return Number(fields[11]) + Number(fields[12]); // utime, stime (fields 14 and 15 of stat)
  };
  const serverTicks = () => pids.reduce((sum, pid) => sum + ticksOf(pid), 0);
  const client0 = process.cpuUsage();
  const server0 = serverTicks();
  return {
    perCall(calls) {
      const client = process.cpuUsage(client0);
      const round = (x) => Math.round(x * 100) / 100;
      const result = { client_cpu_ms_per_call: round((client.user + client.system) / 1000 / calls) };
      if (pids.length > 0) result.server_cpu_ms_per_call = round((serverTicks() - server0) / ticksPerMs / calls);
      return result;
    },
  };
}

function printTable(results) {
  const header = ['callers', 'calls', 'errors', 'calls/s', 'p50 ms', 'p90 ms', 'p99 ms', 'max ms', 'server CPU ms/call', 'client CPU ms/call'];
  const rows = results.map((r) => [r.concurrency, r.calls, r.errors ? `${r.errors} ${JSON.stringify(r.errors_by_code)}` : 0,
    r.throughput_per_s, r.p50_ms, r.p90_ms, r.p99_ms, r.max_ms, r.server_cpu_ms_per_call ?? '-', r.client_cpu_ms_per_call].map(String));
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells) => cells.map((c, i) => c.padStart(widths[i])).join('  ');
  console.log(line(header));
  rows.forEach((r) => console.log(line(r)));
}

main().catch((error) => {
  console.error(`loadtest: ${error.message}`);
  process.exit(1);
});

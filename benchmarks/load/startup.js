#!/usr/bin/env node
'use strict';

/*
 * Start-up probe: polls the standard gRPC health check until it answers SERVING, then asks one
 * Match.Shortlist (which opens the store, index, candidate pool and ranker on first use), and prints
 * both times in milliseconds since --since (the epoch milliseconds at which the server process was
 * started) as one JSON line prefixed "STARTUP ".
 *
 *   node startup.js --target 127.0.0.1:5080 --since 1732350000000 --token "$TOKEN" --vacancy v000001 [--timeout 120]
 */

const path = require('node:path');
const { parseArgs, positiveInt } = require('./lib/args');
const { loadContract, loadHealth, bearer, unary, grpc } = require('./lib/clients');

const options = parseArgs(process.argv.slice(2), {
  target: '127.0.0.1:5080',
  token: process.env.MATCHENGINE_TOKEN ?? '',
  timeout: '120',
  protos: path.join(__dirname, '..', '..', 'api', 'Protos'),
});

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function main() {
  const since = Number(options.since);
  if (!Number.isFinite(since)) throw new Error('give --since EPOCH_MS');
  const giveUp = Date.now() + positiveInt(options, 'timeout') * 1000;
  const health = new (loadHealth().Health)(options.target, grpc.credentials.createInsecure());
  let serving;
  while (serving === undefined) {
    if (Date.now() > giveUp) throw new Error(`no SERVING answer within ${options.timeout} s`);
    try {
      const response = await unary(health, 'Check', { service: '' }, new grpc.Metadata(), 1000);
      if (response.status === 'SERVING') serving = Date.now() - since;
    } catch {
      // not listening yet
    }
    if (serving === undefined) await sleep(20);
  }
  health.close();

  const result = { serving_ms: serving };
  if (options.vacancy) {
    const match = new (loadContract(options.protos).Match)(options.target, grpc.credentials.createInsecure());
    const response = await unary(match, 'Shortlist', { vacancy_id: options.vacancy, top: 20 }, bearer(options.token), positiveInt(options, 'timeout') * 1000);
    result.first_shortlist_ms = Date.now() - since;
    result.first_shortlist_retrieved = response.retrieved;
    match.close();
  }
  console.log(`STARTUP ${JSON.stringify(result)}`);
}

main().catch((error) => {
  console.error(`startup: ${error.message}`);
  process.exit(1);
});

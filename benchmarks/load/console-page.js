#!/usr/bin/env node
'use strict';

/*
 * Times the console's shortlist page as a browser asks for it: signs in on /aanmelden with a bearer token (the form
 * post with its anti-forgery token), then requests /vacatures/{id}/shortlijst for one vacancy after another and
 * measures, per page, the time to the response's first byte and to its last. Prints one JSON line prefixed
 * "CONSOLEPAGE " with medians and p90 over the measured pages (the first --warmup pages are not counted).
 *
 *   node console-page.js --console http://127.0.0.1:8080 --token "$TOKEN" --vacancies ids.txt [--pages 200] [--warmup 20]
 */

const fs = require('node:fs');
const { parseArgs, positiveInt } = require('./lib/args');

const known = ['console', 'token', 'vacancies', 'pages', 'warmup'];
const options = parseArgs(process.argv.slice(2), { pages: '200', warmup: '20' });
for (const name of Object.keys(options)) if (!known.includes(name)) throw new Error(`unknown option --${name}`);
if (!options.console || !options.token || !options.vacancies) throw new Error('give --console URL --token TOKEN --vacancies FILE');

/** The cookies a response sets, as name=value pairs. */
const cookiesOf = (response) => response.headers.getSetCookie().map((c) => c.split(';')[0]);

async function signIn() {
  const form = await fetch(`${options.console}/aanmelden?token=${encodeURIComponent(options.token)}`);
  const html = await form.text();
  const antiforgery = /name="__RequestVerificationToken" type="hidden" value="([^"]+)"/.exec(html)
    ?? /name="__RequestVerificationToken" value="([^"]+)"/.exec(html);
  if (!antiforgery) throw new Error(`no anti-forgery token on /aanmelden (status ${form.status})`);
  const body = new URLSearchParams({ token: options.token, returnUrl: '/', __RequestVerificationToken: antiforgery[1] });
  const posted = await fetch(`${options.console}/aanmelden`, {
    method: 'POST', redirect: 'manual', body,
    headers: { cookie: cookiesOf(form).join('; '), 'content-type': 'application/x-www-form-urlencoded' },
  });
  const session = cookiesOf(posted).filter((c) => c.startsWith('matchengine.console='));
  if (posted.status !== 302 || session.length === 0) throw new Error(`sign-in refused: status ${posted.status}`);
  return session.join('; ');
}

const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)];

async function main() {
  const cookie = await signIn();
  const ids = fs.readFileSync(options.vacancies, 'utf8').split('\n').filter(Boolean);
  const warmup = positiveInt(options, 'warmup');
  const pages = positiveInt(options, 'pages');
  const firstByte = [];
  const whole = [];
  for (let i = 0; i < warmup + pages; i++) {
    const id = ids[i % ids.length];
    const start = performance.now();
    const response = await fetch(`${options.console}/vacatures/${encodeURIComponent(id)}/shortlijst`, { headers: { cookie } });
    const headers = performance.now();
    const html = await response.text();
    const end = performance.now();
    if (response.status !== 200 || !html.includes('<table')) throw new Error(`page of ${id}: status ${response.status}, no shortlist table`);
    if (i < warmup) continue;
    firstByte.push(headers - start);
    whole.push(end - start);
  }
  firstByte.sort((a, b) => a - b);
  whole.sort((a, b) => a - b);
  const round = (x) => Math.round(x * 10) / 10;
  console.log('CONSOLEPAGE ' + JSON.stringify({
    pages,
    first_byte_p50_ms: round(percentile(firstByte, 0.5)), first_byte_p90_ms: round(percentile(firstByte, 0.9)),
    page_p50_ms: round(percentile(whole, 0.5)), page_p90_ms: round(percentile(whole, 0.9)), page_max_ms: round(whole[whole.length - 1]),
  }));
}

main().catch((error) => {
  console.error(error.message);
  process.exit(1);
});

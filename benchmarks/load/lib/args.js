'use strict';

/**
 * Parses `--name value` and `--flag` arguments into an object; values stay strings.
 * @param {string[]} argv process.argv.slice(2)
 * @param {Record<string, string>} defaults values used when an option is absent
 */
function parseArgs(argv, defaults) {
  const options = { ...defaults };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (!arg.startsWith('--')) throw new Error(`unexpected argument '${arg}'`);
    const name = arg.slice(2);
    const next = argv[i + 1];
    if (next === undefined || next.startsWith('--')) {
      options[name] = 'true';
    } else {
      options[name] = next;
      i++;
    }
  }
  return options;
}

/** An integer option that must be positive. */
function positiveInt(options, name) {
  const value = Number.parseInt(options[name], 10);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`--${name} must be a positive integer, got '${options[name]}'`);
  return value;
}

module.exports = { parseArgs, positiveInt };

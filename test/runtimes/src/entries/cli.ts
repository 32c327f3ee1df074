/**
 * Entry of the Node and Deno legs: runs the smoke program against the base URL
 * given as the first argument and prints the report as one marked JSON line.
 */
import { reportMarker } from '../constants.js';
import { runSmoke } from '../smoke.js';

const deno = (globalThis as { Deno?: { args: string[] } }).Deno;
const baseURL = deno ? deno.args[0] : process.argv[2];
if (!baseURL) throw new Error('usage: cli.mjs <base URL of the fixture API, ending in /v1>');
const report = await runSmoke(baseURL);
console.log(`${reportMarker}${JSON.stringify(report)}`);

#!/usr/bin/env node
// Calls one unary method of Sésame and prints the status and the reply as JSON.
//   node interop/call.mjs 127.0.0.1:7070 sesame.v1.MemberAuth/Login '{"tenant":"assu2000","identifier":"AS100001","pin":"482913"}'
//   metadata: --metadata key=value (repeatable)
import { connect } from './lib/sesame-client.mjs';

const args = process.argv.slice(2);
const metadata = {};
const positional = [];
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--metadata') {
    const [key, ...value] = args[++i].split('=');
    metadata[key] = value.join('=');
  } else {
    positional.push(args[i]);
  }
}

if (positional.length < 2) {
  console.error('usage: node interop/call.mjs ADDRESS package.Service/Method [JSON_REQUEST] [--metadata key=value]...');
  process.exit(2);
}

const [address, method, json = '{}'] = positional;
const client = connect(address);
const result = await client.call(method, JSON.parse(json), { metadata, timeoutMs: 10_000 });
client.close();
console.log(JSON.stringify({ code: result.code, details: result.details, response: result.response }, null, 2));
process.exit(result.code === 0 ? 0 : 1);

#!/usr/bin/env node
// Calls one unary method of Sésame and prints the status and the reply as JSON.
//   node interop/call.mjs 127.0.0.1:7070 sesame.v1.MemberAuth/Login \
//     '{"tenant":"assu2000","identifier":"AS100001","pin":"482913"}' --metadata authorization='Bearer demo-assu2000-portal-key'
//   --metadata key=value (repeatable); --ca CERTIFICATE.pem for TLS
import fs from 'node:fs';
import { connect } from './lib/sesame-client.mjs';

const args = process.argv.slice(2);
const metadata = {};
const positional = [];
let rootCertificate;
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--ca') {
    rootCertificate = fs.readFileSync(args[++i]);
  } else if (args[i] === '--metadata') {
    const [key, ...value] = args[++i].split('=');
    metadata[key] = value.join('=');
  } else {
    positional.push(args[i]);
  }
}

if (positional.length < 2) {
  console.error('usage: node interop/call.mjs ADDRESS package.Service/Method [JSON_REQUEST] [--metadata key=value]... [--ca CERTIFICATE.pem]');
  process.exit(2);
}

const [address, method, json = '{}'] = positional;
const client = connect(address, { rootCertificate });
const result = await client.call(method, JSON.parse(json), { metadata, timeoutMs: 10_000 });
client.close();
console.log(JSON.stringify({ code: result.code, details: result.details, response: result.response }, null, 2));
process.exit(result.code === 0 ? 0 : 1);

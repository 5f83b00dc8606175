#!/usr/bin/env node
// The interop test driver: reads one JSON call per line on stdin, makes it with @grpc/grpc-js on one shared
// connection, and writes one JSON result per line on stdout, tagged with the call's id. Calls run concurrently.
//   in:  {"id":1,"method":"sesame.v1.MemberAuth/Login","request":{...},"metadata":{...},"timeoutMs":5000}
//        or "rawRequest":"BASE64" in place of "request", to send bytes that are no valid message
//   out: {"id":1,"code":0,"details":"","response":{...},"metadata":{...},"trailers":{...}}
import fs from 'node:fs';
import readline from 'node:readline';
import { connect } from './lib/sesame-client.mjs';

const [address, flag, caFile] = process.argv.slice(2);
if (!address || (flag !== undefined && (flag !== '--ca' || !caFile))) {
  console.error('usage: node interop/driver.mjs ADDRESS [--ca CERTIFICATE.pem]');
  process.exit(2);
}

const client = connect(address, caFile ? { rootCertificate: fs.readFileSync(caFile) } : {});
const lines = readline.createInterface({ input: process.stdin });
const pending = new Set();

function reply(result) {
  process.stdout.write(JSON.stringify(result) + '\n');
}

lines.on('line', (line) => {
  if (!line.trim()) return;
  let command;
  try {
    command = JSON.parse(line);
  } catch (error) {
    reply({ id: null, error: `bad command: ${error.message}` });
    return;
  }
  const work = (async () => {
    try {
      const request = command.rawRequest === undefined ? command.request ?? {} : Buffer.from(command.rawRequest, 'base64');
      const result = await client.call(command.method, request, command);
      reply({ id: command.id, ...result });
    } catch (error) {
      reply({ id: command.id, error: error.message });
    }
  })();
  pending.add(work);
  work.finally(() => pending.delete(work));
});

lines.on('close', async () => {
  await Promise.all(pending);
  client.close();
});

#!/usr/bin/env node
// The interop test driver: reads one JSON call per line on stdin, makes it with @grpc/grpc-js on one shared
// connection, and writes one JSON result per line on stdout, tagged with the call's id. Calls run concurrently.
//   in:  {"id":1,"method":"sesame.v1.MemberAuth/Login","request":{...},"metadata":{...},"timeoutMs":5000}
//        or "rawRequest":"BASE64" in place of "request", to send bytes that are no valid message
//        or "streamMessages":N for a server-streaming method: its first N messages, as response.messages
//   out: {"id":1,"code":0,"details":"","response":{...},"metadata":{...},"trailers":{...}}
import fs from 'node:fs';
import readline from 'node:readline';
import { connect } from './lib/sesame-client.mjs';

const USAGE = 'usage: node interop/driver.mjs ADDRESS [--ca CERTIFICATE.pem] [--compression gzip|deflate]';
let [address, ...flags] = process.argv.slice(2);
const options = {};
for (let i = 0; i < flags.length; i += 2) {
  if (flags[i] === '--ca' && flags[i + 1]) options.rootCertificate = fs.readFileSync(flags[i + 1]);
  else if (flags[i] === '--compression' && ['gzip', 'deflate'].includes(flags[i + 1])) options.compression = flags[i + 1];
  else address = undefined;
}
if (!address) {
  console.error(USAGE);
  process.exit(2);
}

const client = connect(address, options);
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
      const result = command.streamMessages === undefined
        ? await client.call(command.method, request, command)
        : await client.stream(command.method, request, { ...command, messages: command.streamMessages });
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

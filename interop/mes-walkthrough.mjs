#!/usr/bin/env node
// Walks the Mon espace santé demo end to end, as a portal would, and prints each step:
//   node interop/mes-walkthrough.mjs [--silo-command "COMMAND"] [--start-timeout SECONDS]
// It starts its own Sésame (`dotnet run --project Silo`, or COMMAND, also taken from SESAME_SILO_COMMAND) on a free
// loopback port, so a Sésame already on 7070 is left alone; reads the provisional code and the access code from that
// Sésame's log (the dev outbox writes e-mails there); activates MES-0000001's space, signs in with an access code by
// e-mail and signs out. Exits 0 when every reply is the expected one, 1 at the first that is not; Sésame is stopped
// in every case (SIGTERM, then SIGKILL), Ctrl+C included.
import { spawn } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import grpc from '@grpc/grpc-js';
import { connect } from './lib/sesame-client.mjs';

const repositoryRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const portalKey = 'demo-mes-portal-key';
const member = {
  reference: 'MES-0000001',
  nir: '1 68 04 75 123 456 17',
  cardKind: 'VITALE_CARD_KIND_WITH_PHOTO',
  cardSerial: '8025000002',
  identifier: 'christian.durand',
  password: 'Sante-Bleue-2026!',
};
const provisionalCodeLine = /Code provisoire : ([A-Z0-9]+)/;
const accessCodeLine = /code d'accès à usage unique : ([0-9]+)/;
const stopGraceMs = 5_000;
const callTimeoutMs = 10_000;
const codeTimeoutMs = 30_000;

class WalkError extends Error {}

function usage(message) {
  if (message) console.error(`mes-walkthrough: ${message}`);
  console.error('usage: node interop/mes-walkthrough.mjs [--silo-command "COMMAND"] [--start-timeout SECONDS]');
  console.error('  COMMAND starts Sésame (default: dotnet run --project Silo, from the repository root), e.g.');
  console.error('  "dotnet Silo/bin/Debug/net10.0/Sesame.Silo.dll"; --Sesame:Endpoint:Port=<free port> is appended to it.');
  process.exit(2);
}

function parseOptions(args) {
  const options = { siloCommand: process.env.SESAME_SILO_COMMAND || null, startTimeoutMs: 300_000 };
  for (let i = 0; i < args.length; i++) {
    const value = () => args[++i] ?? usage(`${args[i - 1]} needs a value`);
    if (args[i] === '--silo-command') options.siloCommand = value();
    else if (args[i] === '--start-timeout') options.startTimeoutMs = Number(value()) * 1000;
    else if (args[i] === '--help' || args[i] === '-h') usage();
    else usage(`unknown argument ${args[i]}`);
  }
  if (!(options.startTimeoutMs > 0)) usage('--start-timeout takes a number of seconds');
  return options;
}

/** A loopback port nobody listens on right now. */
function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Sésame as a child process in its own process group, with its log collected. */
function startSilo(command, port) {
  const setting = `--Sesame:Endpoint:Port=${port}`;
  // The port also as an environment variable, for a command that does not pass its arguments on.
  const env = { ...process.env, Sesame__Endpoint__Port: String(port) };
  delete env.ASPNETCORE_URLS;
  const options = { cwd: repositoryRoot, env, detached: process.platform !== 'win32', stdio: ['ignore', 'pipe', 'pipe'] };
  const child = command
    ? spawn(`${command} ${setting}`, { ...options, shell: true })
    : spawn('dotnet', ['run', '--project', 'Silo', '--', setting], options);
  const silo = {
    child,
    address: `127.0.0.1:${port}`,
    description: command ? `${command} ${setting}` : `dotnet run --project Silo -- ${setting}`,
    log: '',
    exited: null,
    stopped: false,
  };
  for (const stream of [child.stdout, child.stderr]) {
    stream.setEncoding('utf8');
    stream.on('data', (text) => { silo.log += text; });
  }
  silo.exit = new Promise((resolve) => {
    child.on('error', (error) => { silo.exited = `could not start: ${error.message}`; resolve(); });
    child.on('exit', (code, signal) => { silo.exited = signal ? `ended by ${signal}` : `exited with code ${code}`; resolve(); });
  });
  return silo;
}

function logTail(silo, lines = 15) {
  const log = silo.log.trimEnd();
  if (!log) return ' Its log is empty.';
  return `\n  last lines of its log:\n${log.split('\n').slice(-lines).map((line) => `    | ${line}`).join('\n')}`;
}

/** Whether any process of the Silo's group (the command and what it started) is still running. */
function groupAlive(silo) {
  try {
    process.kill(process.platform === 'win32' ? silo.child.pid : -silo.child.pid, 0);
    return true;
  } catch {
    return false;
  }
}

function signalGroup(silo, signal) {
  try {
    if (process.platform === 'win32') silo.child.kill(signal);
    else process.kill(-silo.child.pid, signal);
  } catch {
    // Already gone.
  }
}

/** SIGTERM to the whole group, then SIGKILL to what is left after a few seconds. */
async function stopSilo(silo) {
  if (!silo || silo.stopped || silo.child.pid === undefined) return;
  silo.stopped = true;
  signalGroup(silo, 'SIGTERM');
  const deadline = Date.now() + stopGraceMs;
  while ((silo.exited === null || groupAlive(silo)) && Date.now() < deadline) await sleep(100);
  if (silo.exited === null || groupAlive(silo)) {
    signalGroup(silo, 'SIGKILL');
    await silo.exit;
  }
  console.log(`Sésame stopped (${silo.exited}).`);
}

/** Waits until Sésame answers grpc.health.v1.Health/Check with SERVING. */
async function waitUntilServing(silo, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (silo.exited !== null) throw new WalkError(`Sésame ${silo.exited} before it served.${logTail(silo)}`);
    const client = connect(silo.address);
    const health = await client.call('grpc.health.v1.Health/Check', { service: '' }, { timeoutMs: 1_000 });
    client.close();
    if (health.code === 0 && health.response.status === 'SERVING') return;
    await sleep(500);
  }
  throw new WalkError(`Sésame did not serve on ${silo.address} within ${timeoutMs / 1000} s (--start-timeout to wait longer).${logTail(silo)}`);
}

/** Waits for a line of Sésame's log written after `offset`, and returns the pattern's first group. */
async function waitForLog(silo, pattern, what, offset = 0) {
  const deadline = Date.now() + codeTimeoutMs;
  for (;;) {
    const match = pattern.exec(silo.log.slice(offset));
    if (match) return match[1];
    if (silo.exited !== null) throw new WalkError(`Sésame ${silo.exited} before its log showed ${what}.${logTail(silo)}`);
    if (Date.now() > deadline) throw new WalkError(`${what} did not appear in Sésame's log within ${codeTimeoutMs / 1000} s.${logTail(silo)}`);
    await sleep(100);
  }
}

function formatValue(value) {
  if (value && typeof value === 'object' && 'seconds' in value) {
    return new Date(Number(value.seconds) * 1000 + Math.round((value.nanos ?? 0) / 1e6)).toISOString();
  }
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** The fields worth showing, as "name: value", those the reply leaves empty left out. */
function summary(reply, fields) {
  return fields
    .filter((field) => reply[field] !== undefined && reply[field] !== null && reply[field] !== '')
    .map((field) => `${field}: ${formatValue(reply[field])}`)
    .join(', ');
}

/**
 * One call, printed: the method, the screen it stands for and the request; then the gRPC status, the reply's
 * status and the fields asked for. Throws a WalkError when the call fails or the reply's status is not `status`.
 */
async function step(walk, method, screen, request, { status, fields = [] } = {}) {
  walk.count += 1;
  console.log(`\n${walk.count}. ${method} (${screen})`);
  console.log(`   request: ${JSON.stringify(request)}`);
  const result = await walk.client.call(method, request, { metadata: { authorization: `Bearer ${portalKey}` }, timeoutMs: callTimeoutMs });
  if (result.code !== 0) {
    const name = Object.keys(grpc.status).find((key) => grpc.status[key] === result.code) ?? result.code;
    throw new WalkError(`${method} failed with gRPC status ${name}: ${result.details}`);
  }
  const reply = result.response;
  const shown = summary(reply, fields);
  console.log(`   reply:   OK${reply.status ? ` ${reply.status}` : ''}${shown ? `, ${shown}` : ''}`);
  if (status && reply.status !== status) {
    throw new WalkError(`${method} answered ${reply.status}, where ${status} was expected.`);
  }
  return reply;
}

async function walkThrough(silo) {
  const walk = { client: connect(silo.address), count: 0 };
  const tenant = 'mes';
  try {
    const description = await step(walk, 'sesame.v1.Portal/DescribeTenant', 'the rules the pages show', { tenant },
      { fields: ['display_name', 'identifier_kind', 'activation', 'second_factor', 'terms_version', 'privacy_policy_version'] });
    if (!description.activation || !description.terms_version || !description.privacy_policy_version) {
      throw new WalkError('DescribeTenant does not describe an activation with terms and a privacy policy to accept.');
    }

    const provisionalCode = await waitForLog(silo, provisionalCodeLine, 'the provisional code');
    console.log(`\n   The provisional code of ${member.reference}, from the dev outbox's e-mail in Sésame's log: ${provisionalCode}`);
    const { activation_id } = await step(walk, 'sesame.v1.MemberActivation/Identify', "Je m'identifie",
      { tenant, provisional_code: provisionalCode, nir: member.nir },
      { status: 'IDENTIFY_STATUS_IDENTIFIED', fields: ['activation_id', 'expires_at'] });
    await step(walk, 'sesame.v1.MemberActivation/CheckVitaleCard', 'Ma carte Vitale',
      { tenant, activation_id, card_kind: member.cardKind, serial_number: member.cardSerial });
    await step(walk, 'sesame.v1.MemberActivation/Decide', 'Je prends ma décision',
      { tenant, activation_id, decision: 'ACTIVATION_DECISION_ACTIVATE', terms_version: description.terms_version, privacy_policy_version: description.privacy_policy_version },
      { status: 'DECIDE_STATUS_ACTIVATING', fields: ['masked_email', 'masked_mobile', 'identifier'] });
    await step(walk, 'sesame.v1.MemberActivation/ConfirmContacts', 'Je vérifie mes coordonnées de contact', { tenant, activation_id });
    await step(walk, 'sesame.v1.MemberActivation/ChooseCredentials', 'Je choisis mon identifiant et mon mot de passe',
      { tenant, activation_id, identifier: member.identifier, password: member.password, confirmation: member.password },
      { status: 'CHOOSE_CREDENTIALS_STATUS_ACTIVATED' });

    const logBeforeLogin = silo.log.length;
    const login = await step(walk, 'sesame.v1.MemberAuth/Login', 'Se connecter, code d\'accès par e-mail',
      { tenant, identifier: member.identifier, secret: member.password, access_code_channel: 'CODE_CHANNEL_EMAIL' },
      { status: 'LOGIN_STATUS_ACCESS_CODE_SENT', fields: ['access_code_flow_id', 'access_code_channel', 'masked_destination', 'access_code_expires_at'] });
    const accessCode = await waitForLog(silo, accessCodeLine, 'the access code', logBeforeLogin);
    console.log(`\n   The access code, from the dev outbox's e-mail in Sésame's log: ${accessCode}`);
    const session = await step(walk, 'sesame.v1.MemberAuth/VerifyAccessCode', 'Saisir le code d\'accès',
      { tenant, identifier: member.identifier, access_code_flow_id: login.access_code_flow_id, code: accessCode },
      { status: 'LOGIN_STATUS_SUCCEEDED', fields: ['session_token', 'session_expires_at'] });
    const validated = await step(walk, 'sesame.v1.MemberAuth/ValidateSession', 'every page of the space',
      { tenant, session_token: session.session_token }, { fields: ['valid', 'identifier', 'expires_at'] });
    if (!validated.valid) throw new WalkError('ValidateSession says the new session is not valid.');
    const logout = await step(walk, 'sesame.v1.MemberAuth/Logout', 'Se déconnecter',
      { tenant, session_token: session.session_token }, { fields: ['ended'] });
    if (!logout.ended) throw new WalkError('Logout says the session had already ended.');
  } finally {
    walk.client.close();
  }
}

async function main() {
  const options = parseOptions(process.argv.slice(2));
  let silo = null;
  const interrupt = async (signal) => {
    console.error(`\nmes-walkthrough: ${signal}, stopping Sésame.`);
    await stopSilo(silo);
    process.exit(signal === 'SIGINT' ? 130 : 143);
  };
  process.once('SIGINT', interrupt);
  process.once('SIGTERM', interrupt);
  process.once('exit', () => { if (silo && !silo.stopped && silo.exited === null) signalGroup(silo, 'SIGKILL'); });

  try {
    silo = startSilo(options.siloCommand, await freePort());
    console.log(`Starting Sésame: ${silo.description}${options.siloCommand ? '' : ' (the first run builds it)'}`);
    await waitUntilServing(silo, options.startTimeoutMs);
    console.log(`Sésame serves on ${silo.address}; the walk through Mon espace santé, as the portal calls it (API key ${portalKey}):`);
    await walkThrough(silo);
    console.log(`\nDone: ${member.reference} activated the space, signed in as ${member.identifier} with an access code, and signed out.`);
    return 0;
  } catch (error) {
    // After Ctrl+C, Sésame stopping under the walk is no news.
    if (!silo?.stopped) console.error(`\nmes-walkthrough: ${error instanceof WalkError ? error.message : error.stack}`);
    return 1;
  } finally {
    await stopSilo(silo);
  }
}

process.exitCode = await main();

#!/usr/bin/env node
// Hostile-input smoke test: attacks a gRPC server over cleartext HTTP/2 (h2c, prior knowledge) with malformed
// input for a bounded time and connection count, then prints one JSON summary line and exits 0.
//   node interop/hostile.mjs 127.0.0.1:7070 [--seconds 5] [--max-connections 400] [--seed 1]
// Loopback only: any other host is refused before a single connection is made.
// The server's health is not judged here; the caller checks the server still answers afterwards.
import net from 'node:net';
import http2 from 'node:http2';
import dns from 'node:dns';

const USAGE = 'usage: node interop/hostile.mjs ADDRESS [--seconds S] [--max-connections N] [--seed K]';
const CONCURRENCY = 8;
const IDLE_MS = 500; // every socket is destroyed after this long without traffic
const ATTACK_CAP_MS = 1500; // no single attack outlives this, whatever the server does
const KINDS = [
  'random-bytes',
  'preface-then-garbage',
  'truncated-frame',
  'oversized-length',
  'bad-headers',
  'bad-hpack',
  'frame-flood',
];

function fail(message) {
  process.stderr.write(`hostile: ${message}\n${USAGE}\n`);
  process.exit(2);
}

// ---- arguments -----------------------------------------------------------------------------------------------

function parseArgs(argv) {
  const options = { seconds: 5, maxConnections: 400, seed: 1 };
  let address;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = () => (i + 1 < argv.length ? argv[++i] : fail(`${arg} needs a value`));
    if (arg === '--seconds') options.seconds = Number(value());
    else if (arg === '--max-connections') options.maxConnections = Number(value());
    else if (arg === '--seed') options.seed = Number(value());
    else if (arg.startsWith('--')) fail(`unknown option ${arg}`);
    else if (address === undefined) address = arg;
    else fail(`unexpected argument ${arg}`);
  }
  if (address === undefined) fail('missing ADDRESS');
  if (!(options.seconds > 0) || !Number.isFinite(options.seconds)) fail('--seconds must be a positive number');
  if (!Number.isInteger(options.maxConnections) || options.maxConnections < 1) {
    fail('--max-connections must be a positive integer');
  }
  if (!Number.isInteger(options.seed)) fail('--seed must be an integer');
  return { address, ...options };
}

function isLoopbackIp(ip) {
  return (net.isIPv4(ip) && ip.split('.')[0] === '127') || ip === '::1';
}

/** Splits "host:port" or "[::1]:port"; refuses every host that is not loopback. */
function parseAddress(address) {
  const match = /^\[([^\]]+)\]:(\d+)$/.exec(address) ?? /^(.+):(\d+)$/.exec(address);
  if (!match) fail(`ADDRESS must be host:port, got "${address}"`);
  const [, host, portText] = match;
  const port = Number(portText);
  if (!Number.isInteger(port) || port < 1 || port > 65535) fail(`bad port in "${address}"`);
  if (host !== 'localhost' && !isLoopbackIp(host)) {
    fail(`refusing non-loopback host "${host}": only 127.x.x.x, localhost and ::1 are allowed`);
  }
  const hostInUrl = host.includes(':') ? `[${host}]` : host;
  return { host, port, authority: `${hostInUrl}:${port}` };
}

/** The IP to connect to. "localhost" is resolved once here and must resolve to loopback too. */
async function resolveLoopback(host) {
  if (host !== 'localhost') return host;
  let results = [];
  try {
    results = await dns.promises.lookup(host, { all: true });
  } catch (error) {
    fail(`cannot resolve localhost: ${error.message}`);
  }
  const loopback = results.find((result) => isLoopbackIp(result.address));
  if (!loopback) fail('localhost does not resolve to a loopback address');
  return loopback.address;
}

// ---- seeded randomness ---------------------------------------------------------------------------------------

function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** murmur3's finalizer: neighbouring (seed, index) pairs become unrelated PRNG seeds. */
function fmix32(h) {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** Random helpers over one PRNG. Each connection gets its own, seeded from (seed, index): with 8 attacks in
 * flight the order they draw in depends on timing, so a shared PRNG would not make runs reproducible. */
function randomFor(seed, index) {
  const next = mulberry32(fmix32(seed ^ Math.imul(index + 1, 0x9e3779b1)));
  const int = (min, max) => min + Math.floor(next() * (max - min + 1)); // inclusive
  return {
    int,
    pick: (items) => items[int(0, items.length - 1)],
    bytes: (length) => {
      const buffer = Buffer.alloc(length);
      for (let i = 0; i < length; i++) buffer[i] = int(0, 255);
      return buffer;
    },
  };
}

// ---- HTTP/2 and gRPC framing ---------------------------------------------------------------------------------

const PREFACE = Buffer.from('PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n', 'latin1');
const TYPE = { DATA: 0x0, HEADERS: 0x1, SETTINGS: 0x4, PING: 0x6 };
const FLAG = { END_STREAM: 0x1, END_HEADERS: 0x4 };
const LOGIN_PATH = '/sesame.v1.MemberAuth/Login';

/** One HTTP/2 frame: 24-bit length, 8-bit type, 8-bit flags, 31-bit stream id, then the payload. */
function frame(type, flags, streamId, payload = Buffer.alloc(0)) {
  const header = Buffer.alloc(9);
  header.writeUIntBE(payload.length, 0, 3);
  header.writeUInt8(type, 3);
  header.writeUInt8(flags, 4);
  header.writeUInt32BE(streamId & 0x7fffffff, 5);
  return Buffer.concat([header, payload]);
}

/** A frame header announcing `length` bytes of payload, with none of them. */
function frameHeader(type, flags, streamId, length) {
  const header = frame(type, flags, streamId);
  header.writeUIntBE(length, 0, 3);
  return header;
}

const SETTINGS = frame(TYPE.SETTINGS, 0, 0);

/** HPACK string, no Huffman: a 7-bit-prefixed length (high bit 0), then the bytes. */
function hpackString(text) {
  const bytes = Buffer.from(text, 'latin1');
  if (bytes.length >= 127) throw new Error(`header string too long for a one-byte length: ${text}`);
  return Buffer.concat([Buffer.from([bytes.length]), bytes]);
}

/** A header block of literal fields without indexing, new names (0x00), so no HPACK table state is needed. */
function hpackBlock(headers) {
  return Buffer.concat(
    headers.flatMap(([name, value]) => [Buffer.from([0x00]), hpackString(name), hpackString(value)]),
  );
}

/** A valid HEADERS frame opening a gRPC call to Login on stream 1, END_HEADERS only (a body follows). */
function grpcHeaders(authority) {
  const block = hpackBlock([
    [':method', 'POST'],
    [':scheme', 'http'],
    [':path', LOGIN_PATH],
    [':authority', authority],
    ['content-type', 'application/grpc'],
    ['te', 'trailers'],
  ]);
  return frame(TYPE.HEADERS, FLAG.END_HEADERS, 1, block);
}

/** The 5-byte gRPC message prefix: compressed flag, then a 32-bit big-endian length. */
function grpcPrefix(length, compressed = 0) {
  const prefix = Buffer.alloc(5);
  prefix.writeUInt8(compressed, 0);
  prefix.writeUInt32BE(length >>> 0, 1);
  return prefix;
}

/** Bytes shaped like protobuf: tags with random field numbers and wire types, and lengths that may lie. */
function protobufish(random) {
  const parts = [];
  const fields = random.int(1, 8);
  for (let i = 0; i < fields; i++) {
    const wireType = random.pick([0, 1, 2, 5, 3, 7]); // 3 (group) and 7 (invalid) on purpose
    parts.push(Buffer.from([((random.int(1, 15) << 3) | wireType) & 0x7f]));
    if (wireType === 0) {
      // a varint: continuation bit on every byte but the last; up to 11 bytes, one more than is legal
      const varint = random.bytes(random.int(1, 11));
      varint.forEach((b, j) => (varint[j] = j < varint.length - 1 ? b | 0x80 : b & 0x7f));
      parts.push(varint);
    } else if (wireType === 1) {
      parts.push(random.bytes(8));
    } else if (wireType === 5) {
      parts.push(random.bytes(4));
    } else if (wireType === 2) {
      const declared = random.int(0, 120);
      parts.push(Buffer.from([declared]), random.bytes(random.pick([declared, random.int(0, 120)])));
    }
  }
  return Buffer.concat(parts);
}

// ---- connection bookkeeping ----------------------------------------------------------------------------------

const live = new Set(); // sockets in flight, all destroyed when time is up
const stats = { connectFailures: 0 };

/** A TCP socket to the target with the idle timeout; counts failures to connect. */
function openSocket(target) {
  const socket = net.connect({ host: target.ip, port: target.port });
  live.add(socket);
  socket.on('close', () => live.delete(socket));
  let connected = false;
  socket.once('connect', () => (connected = true));
  socket.on('error', () => {
    if (!connected) stats.connectFailures++;
  });
  socket.setTimeout(IDLE_MS, () => socket.destroy());
  socket.resume(); // read and discard whatever the server answers, so its writes never back up
  return socket;
}

/** Resolves once `finish` has run: when the socket closes, at the cap, or when the attack calls it. */
function bounded(socket, body) {
  return new Promise((resolve) => {
    let done = false;
    const finish = () => {
      if (done) return;
      done = true;
      clearTimeout(cap);
      socket.destroy();
      resolve();
    };
    const cap = setTimeout(finish, ATTACK_CAP_MS);
    socket.on('close', finish);
    body(finish);
  });
}

/** Connects, writes the chunks, optionally half-closes, waits briefly for the server's reaction, destroys. */
function rawAttack(target, random, chunks, { end = false } = {}) {
  const socket = openSocket(target);
  return bounded(socket, (finish) => {
    socket.on('connect', () => {
      for (const chunk of chunks) socket.write(chunk);
      if (end) socket.end();
      setTimeout(finish, random.int(50, 250));
    });
  });
}

// ---- the attacks ---------------------------------------------------------------------------------------------

const attacks = {
  'random-bytes': (target, random) => rawAttack(target, random, [random.bytes(random.int(1, 4096))]),

  'preface-then-garbage': (target, random) =>
    rawAttack(target, random, [PREFACE, SETTINGS, random.bytes(random.int(1, 4096))]),

  // A DATA frame header that promises more payload than ever arrives, then the connection closes.
  'truncated-frame': (target, random) => {
    const announced = random.int(64, 16384);
    const sent = random.int(0, Math.min(announced - 1, 48));
    const body = Buffer.concat([frameHeader(TYPE.DATA, 0, 1, announced), random.bytes(sent)]);
    return rawAttack(target, random, [PREFACE, SETTINGS, grpcHeaders(target.authority), body], { end: true });
  },

  // A whole, well-framed message whose gRPC prefix claims ~2 or ~4 GiB: the server must not try to buffer it.
  'oversized-length': (target, random) => {
    const payload = Buffer.concat([
      grpcPrefix(random.pick([0x7fffffff, 0xffffffff])),
      random.bytes(random.int(1, 16)),
    ]);
    const data = frame(TYPE.DATA, FLAG.END_STREAM, 1, payload);
    return rawAttack(target, random, [PREFACE, SETTINGS, grpcHeaders(target.authority), data]);
  },

  // Random bytes as the header block: invalid HPACK, a connection error (COMPRESSION_ERROR) for the server.
  'bad-hpack': (target, random) => {
    const headers = frame(TYPE.HEADERS, FLAG.END_HEADERS, 1, random.bytes(random.int(1, 512)));
    return rawAttack(target, random, [PREFACE, SETTINGS, headers]);
  },

  'frame-flood': (target, random) => {
    const flood = random.pick(['ping', 'settings']) === 'ping'
      ? Array.from({ length: 200 }, () => frame(TYPE.PING, 0, 0, random.bytes(8)))
      : Array.from({ length: 200 }, () => SETTINGS);
    return rawAttack(target, random, [PREFACE, SETTINGS, Buffer.concat(flood)], { end: true });
  },

  // Well-formed HTTP/2 from node's own client, with gRPC headers and bodies that are wrong.
  'bad-headers': (target, random) => {
    const valid = () => ({
      ':method': 'POST',
      ':path': LOGIN_PATH,
      'content-type': 'application/grpc',
      te: 'trailers',
    });
    const without = (name) => {
      const headers = valid();
      delete headers[name];
      return headers;
    };
    const huge = 'x'.repeat(8192);
    const cases = [
      { ...valid(), 'content-type': 'text/plain' },
      { ...valid(), ':method': 'GET' },
      without('te'),
      without('content-type'),
      { ...valid(), 'grpc-timeout': '-1S' },
      { ...valid(), 'grpc-timeout': '99999999999H' },
      { ...valid(), 'grpc-timeout': 'abc' },
      { ...valid(), 'grpc-encoding': 'br' },
      { ...valid(), ':path': '/sesame.v1.NoSuchService/NoSuchMethod' },
      { ...valid(), ':path': random.pick(['/', '/sesame.v1.MemberAuth', '//', `/${'a'.repeat(100)}`]) },
      { ...valid(), 'x-hostile': huge },
      { ...valid(), authorization: `Bearer ${huge}` },
      { ...valid(), 'grpc-timeout': huge },
    ];
    const socketHolder = {};
    let session;
    try {
      session = http2.connect(`http://${target.authority}`, {
        // Our own socket, so the connection goes to the checked loopback IP and gets the idle timeout.
        createConnection: () => (socketHolder.socket = openSocket(target)),
      });
    } catch {
      return Promise.resolve();
    }
    session.on('error', () => {});
    session.on('goaway', () => {});
    const socket = socketHolder.socket;
    return bounded(socket, (finish) => {
      let pending = 0;
      const closed = () => {
        if (--pending <= 0) finish();
      };
      session.on('close', finish);
      for (const headers of cases) {
        const message = protobufish(random);
        // A valid 5-byte prefix for the bytes that follow; now and then a truncated or empty body instead.
        const body = random.pick([
          Buffer.concat([grpcPrefix(message.length), message]),
          Buffer.concat([grpcPrefix(message.length), message]),
          Buffer.concat([grpcPrefix(message.length + 10), message]),
          Buffer.alloc(0),
        ]);
        try {
          const stream = session.request(headers, { endStream: false });
          pending++;
          stream.on('error', () => {});
          stream.on('close', closed);
          stream.resume();
          stream.end(body);
        } catch {
          // node refused the headers itself: nothing was sent for this case
        }
      }
      if (pending === 0) finish();
    }).finally(() => session.destroy());
  },
};

// ---- run -----------------------------------------------------------------------------------------------------

async function main() {
  const options = parseArgs(process.argv.slice(2));
  const target = parseAddress(options.address); // exits 2 before any connection if the host is not loopback
  target.ip = await resolveLoopback(target.host);

  const started = Date.now();
  const endAt = started + options.seconds * 1000;
  const byKind = Object.fromEntries(KINDS.map((kind) => [kind, 0]));
  let connections = 0;
  let reported = false;

  const report = () => {
    if (reported) return;
    reported = true;
    const summary = {
      connections,
      byKind,
      connectFailures: stats.connectFailures,
      seconds: Math.round((Date.now() - started) / 10) / 100,
      seed: options.seed,
    };
    process.stdout.write(JSON.stringify(summary) + '\n');
    process.exit(0);
  };

  // Whatever happens, never hang: report and leave at seconds + 5.
  const hardStop = setTimeout(report, (options.seconds + 5) * 1000);
  // At the time limit, cut every attack still in flight.
  const timeUp = setTimeout(() => {
    for (const socket of live) socket.destroy();
  }, options.seconds * 1000);

  // A surprise inside node's http2 machinery must not end the run: note it and carry on.
  process.on('uncaughtException', (error) => process.stderr.write(`hostile: ignored ${error?.stack ?? error}\n`));

  const worker = async () => {
    while (Date.now() < endAt && connections < options.maxConnections) {
      const index = connections++;
      const random = randomFor(options.seed, index);
      const kind = random.pick(KINDS);
      byKind[kind]++;
      try {
        await attacks[kind](target, random);
      } catch {
        // an attack that throws has still been counted; the next one goes on
      }
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  clearTimeout(timeUp);
  clearTimeout(hardStop);
  report();
}

main();

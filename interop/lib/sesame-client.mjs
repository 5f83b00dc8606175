// A generic caller over @grpc/grpc-js (unary calls, and the first messages of a server stream), for every method of the protos in ../../Protos.
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import fs from 'node:fs';
import grpc from '@grpc/grpc-js';
import protoLoader from '@grpc/proto-loader';

const protoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../Protos');

function protoFiles(directory) {
  return fs.readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(directory, entry.name);
    if (entry.isDirectory()) return protoFiles(full);
    return entry.name.endsWith('.proto') ? [path.relative(protoRoot, full)] : [];
  });
}

const definitions = protoLoader.loadSync(protoFiles(protoRoot), {
  includeDirs: [protoRoot],
  keepCase: true,
  longs: String,
  bytes: String,
  enums: String,
  defaults: true,
  oneofs: true,
});

/** Finds "package.Service/Method" in the loaded protos. */
export function findMethod(name) {
  const [service, method] = name.replace(/^\//, '').split('/');
  const definition = definitions[service]?.[method];
  if (!definition || typeof definition !== 'object' || !definition.path) {
    throw new Error(`unknown method ${name}`);
  }
  return definition;
}

/** A method by its path alone ("/package.Service/Method"), sending and returning raw bytes: for paths no proto has. */
function rawMethod(path) {
  return { path, requestSerialize: (bytes) => bytes, responseDeserialize: (bytes) => ({ bytes: bytes.toString('base64') }) };
}

/** Metadata as a plain object; binary (-bin) values as base64. */
function metadataObject(metadata) {
  const result = {};
  for (const [key, value] of Object.entries(metadata?.getMap() ?? {})) {
    result[key] = Buffer.isBuffer(value) ? value.toString('base64') : value;
  }
  return result;
}

/** A client for one server address ("127.0.0.1:7070"), over one HTTP/2 connection. */
export function connect(address, options = {}) {
  const credentials = options.rootCertificate
    ? grpc.credentials.createSsl(options.rootCertificate)
    : grpc.credentials.createInsecure();
  const channelOptions = { ...(options.channelOptions ?? {}) };
  if (options.compression) {
    // grpc-js compresses every request message with the channel's default algorithm: 1 deflate, 2 gzip.
    channelOptions['grpc.default_compression_algorithm'] = { deflate: 1, gzip: 2 }[options.compression];
  }
  const client = new grpc.Client(address, credentials, channelOptions);
  return {
    /**
     * Calls a unary method. Resolves with { code, details, response, metadata, trailers } whatever the status,
     * so callers assert on it. A Buffer request is sent as the message's bytes, unchecked; with a Buffer, a method
     * named by its path ("/package.Service/Method") need not be in the protos.
     */
    call(methodName, request, { metadata = {}, timeoutMs } = {}) {
      const method = methodName.startsWith('/') && Buffer.isBuffer(request) ? rawMethod(methodName) : findMethod(methodName);
      const grpcMetadata = new grpc.Metadata();
      for (const [key, value] of Object.entries(metadata)) grpcMetadata.set(key, value);
      const callOptions = timeoutMs == null ? {} : { deadline: new Date(Date.now() + timeoutMs) };
      return new Promise((resolve) => {
        let headers = {};
        const call = client.makeUnaryRequest(
          method.path,
          Buffer.isBuffer(request) ? (bytes) => bytes : method.requestSerialize,
          method.responseDeserialize,
          request,
          grpcMetadata,
          callOptions,
          (error, response) => {
            if (error) {
              resolve({ code: error.code, details: error.details, response: null, metadata: headers, trailers: metadataObject(error.metadata) });
            } else {
              resolve({ code: 0, details: '', response, metadata: headers, trailers: metadataObject(status?.metadata) });
            }
          },
        );
        let status;
        call.on('metadata', (received) => { headers = metadataObject(received); });
        call.on('status', (received) => { status = received; });
      });
    },
    /**
     * Opens a server-streaming call and reads its first `messages` messages, then cancels it. Resolves with
     * { code, details, response: { messages: [...] } }: code 0 when that many messages came, else the status the
     * server ended the stream with (or DEADLINE_EXCEEDED past timeoutMs).
     */
    stream(methodName, request, { metadata = {}, timeoutMs, messages = 1 } = {}) {
      const method = findMethod(methodName);
      const grpcMetadata = new grpc.Metadata();
      for (const [key, value] of Object.entries(metadata)) grpcMetadata.set(key, value);
      const callOptions = timeoutMs == null ? {} : { deadline: new Date(Date.now() + timeoutMs) };
      return new Promise((resolve) => {
        const received = [];
        let headers = {};
        let done = false;
        const finish = (code, details, trailers) => {
          if (done) return;
          done = true;
          resolve({ code, details, response: { messages: received }, metadata: headers, trailers });
        };
        const call = client.makeServerStreamRequest(method.path, method.requestSerialize, method.responseDeserialize, request, grpcMetadata, callOptions);
        call.on('metadata', (value) => { headers = metadataObject(value); });
        call.on('data', (message) => {
          received.push(message);
          if (received.length >= messages) {
            finish(0, '', {});
            call.cancel();
          }
        });
        call.on('error', (error) => finish(error.code, error.details, metadataObject(error.metadata)));
        call.on('status', (status) => finish(status.code, status.details, metadataObject(status.metadata)));
      });
    },
    close() {
      client.close();
    },
  };
}

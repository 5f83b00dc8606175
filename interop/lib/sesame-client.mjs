// A generic unary caller over @grpc/grpc-js, for every method of the protos in ../../Protos.
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
  const client = new grpc.Client(address, credentials, options.channelOptions ?? {});
  return {
    /**
     * Calls a unary method. Resolves with { code, details, response, metadata, trailers } whatever the status,
     * so callers assert on it. A Buffer request is sent as the message's bytes, unchecked.
     */
    call(methodName, request, { metadata = {}, timeoutMs } = {}) {
      const method = findMethod(methodName);
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
    close() {
      client.close();
    },
  };
}

'use strict';

const path = require('node:path');
const grpc = require('@grpc/grpc-js');
const protoLoader = require('@grpc/proto-loader');

const loaderOptions = { keepCase: true, longs: String, enums: String, defaults: true, oneofs: true };

/**
 * The api's public contract, loaded from api/Protos (the same files the server is built from). Their HTTP routes import
 * google/api/annotations.proto, which protobufjs ships; its folder is searched too.
 */
function loadContract(protoDir) {
  const googleProtos = path.dirname(require.resolve('protobufjs/package.json'));
  const definition = protoLoader.loadSync(
    [path.join(protoDir, 'match.proto'), path.join(protoDir, 'catalog.proto')],
    { ...loaderOptions, includeDirs: [protoDir, googleProtos] });
  return grpc.loadPackageDefinition(definition).matchengine.v1;
}

/** The standard gRPC health service (grpc.health.v1), from the copy next to this file. */
function loadHealth() {
  const definition = protoLoader.loadSync(path.join(__dirname, '..', 'health.proto'), loaderOptions);
  return grpc.loadPackageDefinition(definition).grpc.health.v1;
}

/**
 * Channel options: plaintext HTTP/2 over loopback. A distinct channel argument per index keeps grpc-js
 * from sharing one subchannel (one TCP connection) between clients that should each have their own.
 */
function channelOptions(index) {
  return { 'grpc.max_receive_message_length': 16 * 1024 * 1024, 'matchengine.loadtest.channel': index };
}

/** Call credentials carrying `authorization: Bearer <token>`, as the api expects. */
function bearer(token) {
  const metadata = new grpc.Metadata();
  metadata.set('authorization', `Bearer ${token}`);
  return metadata;
}

/** Promise wrapper around a unary call with a deadline in milliseconds. */
function unary(client, method, request, metadata, deadlineMs) {
  return new Promise((resolve, reject) => {
    client[method](request, metadata, { deadline: Date.now() + deadlineMs }, (error, response) => {
      if (error) reject(error);
      else resolve(response);
    });
  });
}

/** The name of a gRPC status code (e.g. 14 → "UNAVAILABLE"). */
function statusName(code) {
  return Object.keys(grpc.status).find((name) => grpc.status[name] === code) ?? `CODE_${code}`;
}

module.exports = { grpc, loadContract, loadHealth, channelOptions, bearer, unary, statusName };

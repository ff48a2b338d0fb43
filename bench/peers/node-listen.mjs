#!/usr/bin/env node
// Peer for S5: the floor of a Node process start, a bare node:http server that listens and logs.
import http from 'node:http';

const server = http.createServer((_req, res) => res.end('ok'));
server.listen(Number(process.env.PORT ?? 0), '127.0.0.1', () => console.log('node peer listening'));
process.on('SIGTERM', () => process.exit(0));

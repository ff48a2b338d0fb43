#!/usr/bin/env node
// Peer: a bare `ws` broadcast server, the floor of what Node can do. Rooms are Sets of sockets; an
// event is serialised once and written to each member with a plain `send` (no corking, no checks).
import { WebSocketServer } from 'ws';
import { wireMessage } from './frames.mjs';

const port = Number(process.env.PORT ?? 0);
const rooms = new Map();
const wss = new WebSocketServer({ host: '127.0.0.1', port, perMessageDeflate: false, maxPayload: 65536 });

wss.on('connection', (ws) => {
  const mine = [];
  ws.on('message', (data) => {
    const frame = JSON.parse(data.toString());
    if (frame.type === 'join') {
      const room = rooms.get(frame.room) ?? new Set();
      rooms.set(frame.room, room);
      room.add(ws);
      mine.push(frame.room);
      ws.send(JSON.stringify({ type: 'joined', room: frame.room }));
    } else if (frame.type === 'send') {
      const message = wireMessage(frame.room, frame.content, frame.client_msg_id);
      const bytes = Buffer.from(JSON.stringify({ type: 'message', message }));
      for (const peer of rooms.get(frame.room) ?? []) peer.send(bytes, { binary: false });
      ws.send(JSON.stringify({ type: 'ack', client_msg_id: frame.client_msg_id, message }));
    }
  });
  ws.on('close', () => {
    for (const name of mine) rooms.get(name)?.delete(ws);
  });
  ws.on('error', () => undefined);
});
wss.on('listening', () => console.log(`ws peer listening on ${wss.address().port}`));
process.on('SIGTERM', () => process.exit(0));

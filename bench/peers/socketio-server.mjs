#!/usr/bin/env node
// Peer: a Socket.IO server with rooms, as users would write it (`io.to(room).emit`), WebSocket
// transport only and no compression, so it is not penalised for long-polling or deflate.
import { createServer } from 'node:http';
import { Server } from 'socket.io';
import { wireMessage } from './frames.mjs';

const port = Number(process.env.PORT ?? 0);
const http = createServer();
const io = new Server(http, { transports: ['websocket'], serveClient: false, perMessageDeflate: false });

io.on('connection', (socket) => {
  socket.on('join', (room) => {
    socket.join(room);
    socket.emit('joined', room);
  });
  socket.on('send', (frame) => {
    const message = wireMessage(frame.room, frame.content, frame.client_msg_id);
    io.to(frame.room).emit('message', { message });
    socket.emit('ack', { client_msg_id: frame.client_msg_id, message });
  });
});
http.listen(port, '127.0.0.1', () => console.log(`socket.io peer listening on ${http.address().port}`));
process.on('SIGTERM', () => process.exit(0));

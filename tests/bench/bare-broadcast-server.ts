/**
 * The baseline of `npm run bench:quiz`: a bare Socket.io 4.8 server in its own process (as the
 * hub runs in its own), with the hub's engine options (per-message deflate off, same ping
 * timings) and nothing else: no auth, no rate limit, no store. Clients send 'join' to enter the
 * room; the MC sends 'broadcast' with a payload, which goes to the room as 'program' — one
 * encoding, one write per socket, exactly what `io.to(room).emit` costs without the hub around it.
 *
 * Protocol with the parent (IPC): it sends { port } once listening; 'stop' closes and exits.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Server } from 'socket.io';

const http = createServer();
const io = new Server(http, {
  maxHttpBufferSize: 64 * 1024,
  perMessageDeflate: false,
  httpCompression: false,
  serveClient: false,
  pingInterval: 10_000,
  pingTimeout: 8_000,
});
io.on('connection', (socket) => {
  socket.on('join', (ack?: () => void) => {
    void socket.join('room');
    ack?.();
  });
  socket.on('broadcast', (payload: unknown, ack?: () => void) => {
    io.to('room').emit('program', payload);
    ack?.();
  });
});

http.listen(0, '127.0.0.1', () => process.send!({ port: (http.address() as AddressInfo).port }));
process.on('message', (message) => {
  if (message === 'stop') void io.close(() => process.exit(0));
});
// An orphan (the bench died) does not linger.
process.on('disconnect', () => process.exit(0));

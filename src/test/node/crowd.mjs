// node crowd.mjs <port> <clients>: connects many clients (default transports), each joins room "crowd"; reports the
// room size the server saw, then every client disconnects.
import { connect, finish, guard, once, emitWithAck } from "./common.mjs";

const [port, clients] = process.argv.slice(2).map(Number);
guard(120000);
const sockets = [];
for (let i = 0; i < clients; i++) sockets.push(connect(port, { auth: { token: "good" } }));
await Promise.all(sockets.map((s) => once(s, "connect")));
await Promise.all(sockets.map((s) => emitWithAck(s, "join", "crowd")));
const [size] = await emitWithAck(sockets[0], "roomSize", "crowd");
const transports = {};
for (const s of sockets) {
  const name = s.io.engine.transport.name;
  transports[name] = (transports[name] ?? 0) + 1;
}
const gone = sockets.map((s) => once(s, "disconnect"));
for (const s of sockets) s.disconnect();
await Promise.all(gone);
finish({ connected: sockets.length, size, transports });

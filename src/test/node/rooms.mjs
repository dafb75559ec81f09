// node rooms.mjs <port> <clients> <joiners>: the first <joiners> clients join room "stage"; then client 0 asks the
// server to broadcast to it and to send "done" to everyone; each client reports what it received.
import { connect, finish, guard, once, emitWithAck } from "./common.mjs";

const [port, clients, joiners] = process.argv.slice(2).map(Number);
guard(30000);
const sockets = [];
for (let i = 0; i < clients; i++) {
  const transports = i % 2 === 0 ? ["websocket"] : ["polling"];
  sockets.push(connect(port, { auth: { token: "good" }, transports }));
}
await Promise.all(sockets.map((s) => once(s, "connect")));
const received = sockets.map(() => []);
const done = sockets.map((s, i) => {
  s.on("news", (payload) => received[i].push(payload));
  s.on("direct", (payload) => received[i].push(payload));
  return once(s, "done");
});
for (let i = 0; i < joiners; i++) await emitWithAck(sockets[i], "join", "stage");
await emitWithAck(sockets[0], "broadcast", "stage");
await Promise.all(done);
for (const s of sockets) s.disconnect();
finish({ received });

// node upgrade.mjs <port> <minimum>: default transports (polling, then websocket). The upgrade probe is held back until
// 50 round trips went over polling; a window of 8 numbered "up" events, each answered by a "tick", keeps flowing
// through the upgrade and stops once at least <minimum> ticks arrived and ticks arrived over websocket.
import { Socket as Engine } from "engine.io-client";
import { connect, finish, guard, once, emitWithAck } from "./common.mjs";

const [port, minimum] = process.argv.slice(2);
guard(60000);
let releaseProbe;
const probeGate = new Promise((resolve) => (releaseProbe = resolve));
const probe = Engine.prototype._probe;
Engine.prototype._probe = function (name) {
  probeGate.then(() => probe.call(this, name));
};

const socket = connect(port, { auth: { token: "good" } });
await once(socket, "connect");
const window = 8;
let sent = 0;
let expected = 0;
let outOfOrder = 0;
const byTransport = { polling: 0, websocket: 0 };
let upgradedAt = -1;
socket.io.engine.on("upgrade", () => (upgradedAt = expected));

const done = new Promise((resolve) => {
  socket.on("tick", (n) => {
    if (n !== expected) outOfOrder++;
    expected = n + 1;
    byTransport[socket.io.engine.transport.name]++;
    if (expected === 50) releaseProbe();
    const enough = expected >= Number(minimum) && byTransport.websocket > 0;
    if (!enough) socket.emit("up", sent++);
    else if (expected === sent) resolve();
  });
});
for (let i = 0; i < window; i++) socket.emit("up", sent++);
await done;
const [server] = await emitWithAck(socket, "finish");
socket.disconnect();
finish({ sent, received: expected, outOfOrder, byTransport, upgradedAt, server, transport: socket.io.engine.transport.name });

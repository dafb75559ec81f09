// Drives real socket.io-client sockets for the Java integration tests: one JSON command per line on stdin,
// one JSON event per line on stdout.
//   {"op":"connect","id":"a","url":"http://127.0.0.1:3002/events","token":"…","transports":["websocket"]}
//   {"op":"emit","id":"a","event":"agent:subscribe","payload":{…},"ack":"r1"}   (ack optional)
//   {"op":"disconnect","id":"a"}   {"op":"exit"}
// Events: {"type":"open","id","transport"} (Engine.IO open) {"type":"connect","id"} {"type":"connect_error","id","message","data"} {"type":"event","id","event","payload"}
//         {"type":"ack","id","ack","payload"} {"type":"disconnect","id","reason"} {"type":"transport","id","name"}
import { io } from "socket.io-client";
import readline from "node:readline";

const sockets = new Map();
const out = (o) => process.stdout.write(JSON.stringify(o) + "\n");

function connect(cmd) {
  const opts = { path: cmd.path ?? "/socket.io", transports: cmd.transports ?? ["polling", "websocket"],
                 forceNew: true, reconnection: false, timeout: 10000 };
  if (cmd.token !== undefined) opts.auth = cmd.auth ?? { token: cmd.token };
  else if (cmd.auth !== undefined) opts.auth = cmd.auth;
  const s = io(cmd.url, opts);
  sockets.set(cmd.id, s);
  s.io.on("open", () => {
    out({ type: "open", id: cmd.id, transport: s.io.engine.transport.name });
    s.io.engine.on("upgrade", (t) => out({ type: "transport", id: cmd.id, name: t.name }));
  });
  s.on("connect", () => out({ type: "connect", id: cmd.id, transport: s.io.engine.transport.name }));
  s.on("connect_error", (e) => out({ type: "connect_error", id: cmd.id, message: e.message, data: e.data ?? null }));
  s.on("disconnect", (reason) => out({ type: "disconnect", id: cmd.id, reason }));
  s.onAny((event, ...args) => out({ type: "event", id: cmd.id, event, payload: args.length ? args[0] : null }));
}

// Many sockets at once: each connects over websocket and subscribes to sessions[i % sessions.length].
const crowd = [];
async function crowdOpen(cmd) {
  let subscribed = 0, failed = 0;
  const one = (i) => new Promise((resolve) => {
    const s = io(cmd.url, { path: "/socket.io", transports: ["websocket"], forceNew: true, reconnection: false,
                            auth: { token: cmd.token } });
    crowd.push(s);
    s.on("connect_error", () => { failed++; resolve(); });
    s.on("connect", () => s.emit("agent:subscribe", { sessionId: cmd.sessions[i % cmd.sessions.length] }, (a) => {
      if (a && a.success) subscribed++; else failed++;
      resolve();
    }));
  });
  for (let i = 0; i < cmd.count; i += 50) {
    await Promise.all(Array.from({ length: Math.min(50, cmd.count - i) }, (_, k) => one(i + k)));
  }
  out({ type: "crowd", subscribed, failed });
}

const rl = readline.createInterface({ input: process.stdin });
rl.on("line", (line) => {
  if (!line.trim()) return;
  const cmd = JSON.parse(line);
  const s = sockets.get(cmd.id);
  switch (cmd.op) {
    case "connect": connect(cmd); break;
    case "emit":
      if (cmd.ack) s.emit(cmd.event, cmd.payload, (reply) => out({ type: "ack", id: cmd.id, ack: cmd.ack, payload: reply }));
      else s.emit(cmd.event, cmd.payload);
      break;
    case "disconnect": s.disconnect(); break;
    case "crowd": crowdOpen(cmd); break;
    case "crowdClose": for (const x of crowd.splice(0)) x.disconnect(); out({ type: "crowdClosed" }); break;
    case "exit": for (const x of sockets.values()) x.disconnect(); setTimeout(() => process.exit(0), 50); break;
    default: out({ type: "error", message: "unknown op " + cmd.op });
  }
});
rl.on("close", () => process.exit(0));
out({ type: "ready" });

// Helpers shared by the conformance scripts: each prints one JSON line on stdout and exits.
import { io } from "socket.io-client";

export function url(port) {
  return `http://127.0.0.1:${port}/events`;
}

export function connect(port, options = {}) {
  return io(url(port), { forceNew: true, reconnection: false, ...options });
}

let finished = false;

// Prints the result and lets Node exit once the clients' last requests (e.g. a polling DISCONNECT) went out.
export function finish(result, code = 0) {
  if (finished) return;
  finished = true;
  process.exitCode = code;
  process.stdout.write(JSON.stringify(result) + "\n");
  setTimeout(() => process.exit(code), 10000).unref();
}

export function guard(ms) {
  setTimeout(() => {
    if (!finished) {
      finish({ error: "script timed out" }, 2);
      process.exit(2);
    }
  }, ms).unref();
}

export function once(emitter, event) {
  return new Promise((resolve) => emitter.once(event, (...args) => resolve(args)));
}

export function emitWithAck(socket, event, ...args) {
  return new Promise((resolve) => socket.emit(event, ...args, (...reply) => resolve(reply)));
}

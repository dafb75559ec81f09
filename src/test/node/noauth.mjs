// node noauth.mjs <port> [namespace]: connects without an auth object and reports the outcome.
import { io } from "socket.io-client";
import { finish, guard, once } from "./common.mjs";

const [port, namespace = "/events"] = process.argv.slice(2);
guard(20000);
const socket = io(`http://127.0.0.1:${port}${namespace}`, { forceNew: true, reconnection: false, transports: ["websocket"] });
const [error] = await Promise.race([once(socket, "connect").then(() => [null]), once(socket, "connect_error")]);
if (error) finish({ connected: false, message: error.message, data: error.data ?? null });
else {
  socket.disconnect();
  finish({ connected: true });
}

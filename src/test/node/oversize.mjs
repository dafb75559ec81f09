// node oversize.mjs <port> <transports> <bytes>: sends one event of the given size and reports how the connection ended.
import { connect, finish, guard, once } from "./common.mjs";

const [port, transports, bytes] = process.argv.slice(2);
guard(20000);
const socket = connect(port, { auth: { token: "good" }, transports: [transports] });
await once(socket, "connect");
const closed = once(socket, "disconnect");
socket.emit("echo", "x".repeat(Number(bytes)), () => {
  finish({ disconnected: false, acked: true });
  socket.disconnect();
});
const [reason] = await closed;
finish({ disconnected: true, reason });

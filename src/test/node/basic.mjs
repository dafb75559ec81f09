// node basic.mjs <port> <transports: websocket|polling|default> [token]
// Connects, checks an acknowledged echo and an unacknowledged note, then disconnects.
import { connect, finish, guard, once, emitWithAck } from "./common.mjs";

const [port, transports, token = "good"] = process.argv.slice(2);
guard(20000);
const options = { auth: { token } };
if (transports !== "default") options.transports = [transports];
const socket = connect(port, options);
const [error] = await Promise.race([once(socket, "connect").then(() => [null]), once(socket, "connect_error")]);
if (error) finish({ connected: false, message: error.message, data: error.data ?? null });
else {
  const id = socket.id;
  const echoed = await emitWithAck(socket, "echo", { text: "hello", n: 1 });
  socket.emit("note", "unacknowledged");
  const notes = await emitWithAck(socket, "notes");
  const result = { connected: true, id, transport: socket.io.engine.transport.name, echoed, notes };
  socket.disconnect();
  finish(result);
}

// node burst.mjs <port> <count> <transports>: asks the server for a burst of numbered events and checks their order.
import { connect, finish, guard, once } from "./common.mjs";

const [port, count, transports] = process.argv.slice(2);
guard(30000);
const socket = connect(port, { auth: { token: "good" }, transports: [transports] });
await once(socket, "connect");
const received = [];
socket.on("seq", (n) => {
  received.push(n);
  if (received.length === Number(count)) {
    const inOrder = received.every((value, index) => value === index);
    const transport = socket.io.engine.transport.name;
    socket.disconnect();
    finish({ received: received.length, inOrder, transport });
  }
});
socket.emit("burst", Number(count));
